// Journey 5, trade: three co-ops join the federation and its credit circle, each acting through
// its own motions; they pay each other in credit, owe each other around a cycle, and the node's
// clearing RPC proposes the maximal clearing that the chain verifies and applies; then, with the
// circle's liquidity option and two co-ops' consent, a chain of debts clears through their credit
// lines.
'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const {
  UNIT, connect, fresh, submit, eventsOf, fund, foundCoop, passMotion, rpc, admitToFederation,
  ensureFederationCircle, passFederationMotion, batched,
} = require('./lib/chain');

/** The federation's circle is circle 0. */
const CIRCLE = 0;

describe('journey 5: trade between co-ops in the federation\'s credit circle', () => {
  let api;
  let coops; // [{ coop, treasury, proposer, voters }]
  const obligationIds = [];

  /** Passes a motion of co-op `c` dispatching `call` (its treasury acts). */
  const byMotion = (c, call) => passMotion(api, c.coop, call, c.proposer, c.voters);

  const participant = async (c) =>
    (await api.query.circularCredit.participants(CIRCLE, c.treasury)).unwrap();

  /** The sum of every balance in the federation's circle, at one block (other tests trade in it). */
  const circleSum = async () => {
    const at = await api.at(await api.rpc.chain.getBlockHash());
    return (await at.query.circularCredit.participants.entries(CIRCLE))
      .reduce((sum, [, p]) => sum + p.unwrap().balance.toBigInt(), 0n);
  };

  before(async () => {
    api = await connect();
    const founders = [fresh(), fresh(), fresh()];
    await fund(api, founders, 100n * UNIT);
    const founded = await Promise.all(founders.map((f) => foundCoop(api, f, [])));
    coops = founded.map(({ coop, treasury }, i) => (
      { coop, treasury, proposer: founders[i], voters: [founders[i]] }));
    // Each treasury pays its federation share (100 COOP) and motion deposits.
    await fund(api, coops.map((c) => ({ address: c.treasury })), 1_000n * UNIT);
  });

  after(async () => {
    if (api) await api.disconnect();
  });

  it('the co-ops join the federation: each applies by its motion, the federation votes', async () => {
    await admitToFederation(api, coops);
    for (const c of coops) {
      const member = await api.query.coopMembership.members(0, c.treasury);
      assert.ok(member.isSome, `co-op ${c.coop} is a member of the federation`);
    }
  });

  it('they join the federation\'s circle by motion and get credit limits from the federation', async () => {
    await ensureFederationCircle(api);
    const joined = await Promise.all(coops.map((c) => byMotion(c, api.tx.circularCredit.join(CIRCLE))));
    for (const [i, events] of joined.entries()) {
      const [event] = eventsOf(events, api.events.circularCredit.Joined);
      assert.equal(event.data.who.toString(), coops[i].treasury);
    }
    const limits = batched(api, coops.map(
      (c) => api.tx.circularCredit.setCreditLimit(CIRCLE, c.treasury, 500, null)));
    const set = await passFederationMotion(api, limits);
    assert.equal(eventsOf(set, api.events.circularCredit.CreditLimitSet).length, 3);
    for (const c of coops) assert.equal((await participant(c)).creditLimit.toBigInt(), 500n);
  });

  it('pays in credit between co-ops; balances sum to zero', async () => {
    const [a, b, c] = coops;
    const paid = await Promise.all([
      byMotion(a, api.tx.circularCredit.pay(CIRCLE, b.treasury, 300, 'flour, week 48')),
      byMotion(b, api.tx.circularCredit.pay(CIRCLE, c.treasury, 120, 'repairs')),
    ]);
    const [first] = eventsOf(paid[0], api.events.circularCredit.Paid);
    assert.equal(first.data.from.toString(), a.treasury);
    assert.equal(first.data.amount.toBigInt(), 300n);
    const balances = await Promise.all(coops.map(async (x) => (await participant(x)).balance.toBigInt()));
    assert.deepEqual(balances, [-300n, 180n, 120n]);
    assert.equal(await circleSum(), 0n);
  });

  it('the co-ops owe each other around a cycle: issued and accepted by their motions', async () => {
    const [a, b, c] = coops;
    // a owes b 100, b owes c 80, c owes a 120: each creditor issues, each debtor accepts.
    const cycle = [[a, b, 100], [b, c, 80], [c, a, 120]];
    const issued = await Promise.all(cycle.map(([debtor, creditor, amount]) => byMotion(
      creditor, api.tx.circularCredit.issueObligation(CIRCLE, debtor.treasury, amount, 100_000))));
    for (const events of issued) {
      const [event] = eventsOf(events, api.events.circularCredit.ObligationIssued);
      obligationIds.push(event.data.id.toNumber());
    }
    // Until its debtor answers, each obligation holds the deposit from its creditor.
    const deposit = api.consts.circularCredit.obligationDeposit.toBigInt();
    assert.ok(deposit > 0n);
    const heldForObligations = async (x) => (await api.query.balances.holds(x.treasury))
      .filter((h) => h.id.isCircularCredit && h.id.asCircularCredit.isObligationDeposit)
      .reduce((sum, h) => sum + h.amount.toBigInt(), 0n);
    assert.deepEqual(await Promise.all(coops.map(heldForObligations)), [deposit, deposit, deposit]);
    const accepted = await Promise.all(cycle.map(([debtor], k) => byMotion(
      debtor, api.tx.circularCredit.acceptObligation(CIRCLE, obligationIds[k]))));
    for (const events of accepted) {
      assert.equal(eventsOf(events, api.events.circularCredit.ObligationAccepted).length, 1);
    }
    // Accepted, they hold nothing any more.
    assert.deepEqual(await Promise.all(coops.map(heldForObligations)), [0n, 0n, 0n]);
    const nets = await Promise.all(coops.map(async (x) => (await participant(x)).obligationNet.toBigInt()));
    assert.deepEqual(nets, [20n, 20n, -40n]);
  });

  it('the node proposes the maximal clearing and the chain verifies and applies it', async () => {
    const proposal = await rpc(api, 'circularCredit_proposeClearing', [CIRCLE]);
    // Other obligations of the federation's circle may be in the proposal; ours are set off
    // by the cycle's smallest debt, 80 each.
    const ours = proposal.setoffs.filter(([id]) => obligationIds.includes(id));
    assert.deepEqual(ours.map(([id, amount]) => [id, amount]).sort((x, y) => x[0] - y[0]),
      obligationIds.map((id) => [id, '80']).sort((x, y) => x[0] - y[0]));

    // Half of it is not maximal: refused, whatever the certificate.
    const partial = proposal.setoffs.map(([id, amount]) => (obligationIds.includes(id) ? [id, 40] : [id, amount]));
    const refused = await submit(api,
      api.tx.circularCredit.submitClearing(CIRCLE, partial, proposal.certificate), coops[0].proposer);
    assert.equal(refused.error.name, 'NotMaximal');

    const { events, error } = await submit(api,
      api.tx.circularCredit.submitClearing(CIRCLE, proposal.setoffs, proposal.certificate), coops[0].proposer);
    assert.equal(error, null);
    const [cleared] = eventsOf(events, api.events.circularCredit.Cleared);
    assert.equal(cleared.data.cleared.toString(), proposal.cleared);
    assert.equal(cleared.data.maximal.isTrue, true);

    // What is left is a chain (a owes b 20, c owes a 40): nothing more to clear among us.
    const left = await Promise.all(obligationIds.map((id) => api.query.circularCredit.obligations(CIRCLE, id)));
    assert.deepEqual(left.map((o) => (o.isSome ? o.unwrap().amount.toBigInt() : 0n)), [20n, 0n, 40n]);
    const again = await rpc(api, 'circularCredit_proposeClearing', [CIRCLE]);
    assert.equal(again.setoffs.filter(([id]) => obligationIds.includes(id)).length, 0);
    // Clearing moved no credit and no net position.
    const nets = await Promise.all(coops.map(async (x) => (await participant(x)).obligationNet.toBigInt()));
    assert.deepEqual(nets, [20n, 20n, -40n]);
    assert.equal(await circleSum(), 0n);
  });

  it('with the federation\'s liquidity option, a chain clears through the credit lines its parties lend', async () => {
    const [a, b, c] = coops;
    // Left from the cycle: a owes b 20, c owes a 40. The federation lets its circle clear with
    // liquidity; a and b lend their credit lines, c does not.
    const set = await passFederationMotion(api, api.tx.circularCredit.setLiquidity(CIRCLE, true));
    assert.equal(eventsOf(set, api.events.circularCredit.LiquiditySet).length, 1);
    const consents = await Promise.all([a, b].map(
      (x) => byMotion(x, api.tx.circularCredit.allowLiquidity(CIRCLE, true))));
    for (const events of consents) {
      assert.equal(eventsOf(events, api.events.circularCredit.LiquidityConsent).length, 1);
    }
    const position = async (x) => {
      const p = await participant(x);
      return p.balance.toBigInt() + p.obligationNet.toBigInt();
    };
    const before = await Promise.all(coops.map(position));
    // The node proposes that a pay b the 20 it owes in credit; c's 40 stays (c lends nothing).
    const proposal = await rpc(api, 'circularCredit_proposeClearing', [CIRCLE]);
    const ours = proposal.setoffs.filter(([id]) => obligationIds.includes(id));
    assert.deepEqual(ours, [[obligationIds[0], '20']]);
    assert.equal(proposal.liquidity, '20');
    const { events, error } = await submit(api,
      api.tx.circularCredit.submitClearing(CIRCLE, proposal.setoffs, proposal.certificate), a.proposer);
    assert.equal(error, null);
    const [cleared] = eventsOf(events, api.events.circularCredit.Cleared);
    assert.equal(cleared.data.liquidity.toBigInt(), 20n);
    assert.equal(cleared.data.maximal.isTrue, true);
    assert.equal((await api.query.circularCredit.obligations(CIRCLE, obligationIds[0])).isNone, true);
    assert.equal((await api.query.circularCredit.obligations(CIRCLE, obligationIds[2])).unwrap()
      .amount.toBigInt(), 40n);
    // a's balance went down 20, b's up 20; each one's balance plus net position is unchanged.
    const balances = await Promise.all(coops.map(async (x) => (await participant(x)).balance.toBigInt()));
    assert.deepEqual(balances, [-320n, 200n, 120n]);
    assert.deepEqual(await Promise.all(coops.map(position)), before);
    assert.equal(await circleSum(), 0n);
  });

  it('a co-op that leaves the federation is frozen in its circle: it can be paid and settle, not spend', async () => {
    const [a, b, c] = coops;
    const left = await byMotion(c, api.tx.coopMembership.leave(0));
    assert.equal(eventsOf(left, api.events.coopMembership.MemberLeft).length, 1);
    assert.equal((await participant(c)).frozen.isTrue, true);
    // A frozen participant cannot spend, but it can be paid (so a debt to the circle can come back
    // to zero)...
    const refused = await byMotion(c, api.tx.circularCredit.pay(CIRCLE, b.treasury, 1, 'after leaving'))
      .catch((e) => e);
    assert.match(String(refused), /circularCredit.*Frozen/);
    const paid = await byMotion(b, api.tx.circularCredit.pay(CIRCLE, c.treasury, 1, 'to a leaver'));
    assert.equal(eventsOf(paid, api.events.circularCredit.Paid).length, 1);
    // ...and it can still pay its debts down: c owes a 40.
    const settled = await byMotion(c, api.tx.circularCredit.settleObligation(CIRCLE, obligationIds[2], 40));
    assert.equal(eventsOf(settled, api.events.circularCredit.ObligationSettled).length, 1);
    assert.equal((await api.query.circularCredit.obligations(CIRCLE, obligationIds[2])).isNone, true);
    const balances = await Promise.all(coops.map(async (x) => (await participant(x)).balance.toBigInt()));
    assert.deepEqual(balances, [-280n, 199n, 81n]);
    assert.equal(await circleSum(), 0n);

    // The others leave too (the federation keeps only its founding members' votes).
    await Promise.all([a, b].map((x) => byMotion(x, api.tx.coopMembership.leave(0))));
    for (const x of [a, b]) assert.equal((await participant(x)).frozen.isTrue, true);
  });
});
