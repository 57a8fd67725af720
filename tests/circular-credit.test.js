// Circular credit over the live network: a circle opened by motion, members paying each other
// in credit, a cycle of accepted obligations, a clearing proposed by the node's RPC, submitted
// and verified on chain.
'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const {
  connect, fresh, submit, eventsOf, fund, foundCoop, passMotion, rpc, UNIT,
} = require('./lib/chain');

describe('circular credit', () => {
  let api;
  let founder;
  let traders;
  let coop;
  const obligationIds = [];

  const balanceOf = async (who) => {
    const p = await api.query.circularCredit.participants(coop, who.address);
    return p.unwrap().balance.toBigInt();
  };

  before(async () => {
    api = await connect();
    founder = fresh();
    traders = [fresh(), fresh(), fresh()];
    await fund(api, [founder, ...traders], 100n * UNIT);
    ({ coop } = await foundCoop(api, founder, traders));
  });

  after(async () => {
    if (api) await api.disconnect();
  });

  it('opens the co-op\'s circle by motion; members join and get credit limits', async () => {
    const voters = [founder, ...traders];
    const opened = await passMotion(
      api, coop, api.tx.circularCredit.openCircle(coop, true), founder, voters);
    assert.equal(eventsOf(opened, api.events.circularCredit.CircleOpened).length, 1);

    const joined = await Promise.all(traders.map((t) => submit(api, api.tx.circularCredit.join(coop), t)));
    for (const j of joined) assert.equal(j.error, null);

    const limits = api.tx.utility.batchAll(
      traders.map((t) => api.tx.circularCredit.setCreditLimit(coop, t.address, 500, null)));
    const set = await passMotion(api, coop, limits, founder, voters);
    assert.equal(eventsOf(set, api.events.circularCredit.CreditLimitSet).length, 3);
  });

  it('pays in credit within limits; balances sum to zero', async () => {
    const [a, b, c] = traders;
    const paid = await submit(api, api.tx.circularCredit.pay(coop, b.address, 300, 'flour'), a);
    assert.equal(paid.error, null);
    const [event] = eventsOf(paid.events, api.events.circularCredit.Paid);
    assert.equal(event.data.amount.toBigInt(), 300n);

    const over = await submit(api, api.tx.circularCredit.pay(coop, c.address, 201, 'too much'), a);
    assert.equal(over.error.name, 'CreditLimitExceeded');
    assert.match(over.error.docs, /credit limit/);

    const balances = await Promise.all(traders.map(balanceOf));
    assert.deepEqual(balances, [-300n, 300n, 0n]);
    assert.equal(balances.reduce((x, y) => x + y, 0n), 0n);
  });

  it('issues and accepts a cycle of obligations', async () => {
    const [a, b, c] = traders;
    // a owes b 100, b owes c 80, c owes a 120.
    const cycle = [[a, b, 100], [b, c, 80], [c, a, 120]];
    const issued = await Promise.all(cycle.map(([debtor, creditor, amount]) => submit(
      api, api.tx.circularCredit.issueObligation(coop, debtor.address, amount, 10_000), creditor)));
    for (const i of issued) {
      assert.equal(i.error, null);
      const [event] = eventsOf(i.events, api.events.circularCredit.ObligationIssued);
      obligationIds.push(event.data.id.toNumber());
    }
    const accepted = await Promise.all(cycle.map(([debtor], k) => submit(
      api, api.tx.circularCredit.acceptObligation(coop, obligationIds[k]), debtor)));
    for (const x of accepted) assert.equal(x.error, null);
  });

  it('the node proposes the maximal clearing and the chain accepts it', async () => {
    const proposal = await rpc(api, 'circularCredit_proposeClearing', [coop]);
    assert.equal(proposal.cleared, '240');
    assert.equal(proposal.total, '300');
    assert.deepEqual(
      proposal.setoffs.map(([id, amount]) => [id, amount]).sort((x, y) => x[0] - y[0]),
      obligationIds.map((id) => [id, '80']).sort((x, y) => x[0] - y[0]));

    // A clearing that is not maximal is refused, whatever its certificate.
    const partial = proposal.setoffs.map(([id]) => [id, 40]);
    const refused = await submit(
      api, api.tx.circularCredit.submitClearing(coop, partial, proposal.certificate), founder);
    assert.equal(refused.error.name, 'NotMaximal');

    const { events, error } = await submit(
      api, api.tx.circularCredit.submitClearing(coop, proposal.setoffs, proposal.certificate), founder);
    assert.equal(error, null);
    const [cleared] = eventsOf(events, api.events.circularCredit.Cleared);
    assert.equal(cleared.data.cleared.toBigInt(), 240n);
    assert.equal(cleared.data.maximal.isTrue, true);

    // The cycle is gone: what is left is a chain (a owes b 20, c owes a 40), nothing to clear.
    const left = await Promise.all(obligationIds.map((id) => api.query.circularCredit.obligations(coop, id)));
    const amounts = left.map((o) => (o.isSome ? o.unwrap().amount.toBigInt() : 0n));
    assert.deepEqual(amounts, [20n, 0n, 40n]);
    const again = await rpc(api, 'circularCredit_proposeClearing', [coop]);
    assert.equal(again.cleared, '0');

    // Clearing moves no credit: balances still sum to zero.
    const balances = await Promise.all(traders.map(balanceOf));
    assert.equal(balances.reduce((x, y) => x + y, 0n), 0n);
  });

  it('refuses to let a participant leave with a debt', async () => {
    const { error } = await submit(api, api.tx.circularCredit.leave(coop), traders[0]);
    assert.equal(error.section, 'circularCredit');
    assert.equal(error.name, 'CannotLeave');
  });
});
