// A DAICO raise over the live network: opened by motion, contributions, tap, dissolve, refunds.
'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const {
  UNIT, connect, fresh, submit, eventsOf, fund, free, bestNumber, untilBlock, foundCoop, passMotion,
} = require('./lib/chain');

describe('DAICO raise', () => {
  let api;
  let founder;
  let team;
  let contributors;
  let raise;
  let coop;
  let escrow;

  before(async () => {
    api = await connect();
    founder = fresh();
    team = fresh();
    contributors = [fresh(), fresh(), fresh(), fresh()];
    await fund(api, [founder, team, ...contributors], 1_000n * UNIT);
    ({ coop } = await foundCoop(api, founder, contributors.slice(0, 2)));
  });

  after(async () => {
    if (api) await api.disconnect();
  });

  it('is opened by the co-op\'s own motion', async () => {
    const start = (await bestNumber(api)) + 20;
    const params = {
      beneficiary: team.address,
      softCap: 100n * UNIT,
      hardCap: 1_000n * UNIT,
      start,
      end: start + 8,
      minContribution: UNIT,
      maxContribution: 500n * UNIT,
      contributors: 'Anyone',
      tapRate: UNIT,
      tapCeiling: 10n * UNIT,
      voting: 'HeadCount',
      quorum: 500_000_000,
      threshold: 500_000_000,
      votingPeriod: 8,
      milestones: [],
    };
    const call = api.tx.daico.createRaise(coop, params);
    const events = await passMotion(api, coop, call, founder, [founder, contributors[0]]);
    const [created] = eventsOf(events, api.events.daico.RaiseCreated);
    assert.ok(created, 'RaiseCreated');
    raise = created.data.raise.toNumber();
    escrow = created.data.escrow.toString();
    assert.equal(created.data.coop.toNumber(), coop);
    await untilBlock(api, start);
  });

  it('takes contributions from several accounts into escrow', async () => {
    const amounts = [300n, 200n, 150n, 50n].map((x) => x * UNIT);
    const results = await Promise.all(contributors.map(
      (c, i) => submit(api, api.tx.daico.contribute(raise, amounts[i]), c)));
    results.forEach(({ events, error }, i) => {
      assert.equal(error, null);
      const [c] = eventsOf(events, api.events.daico.Contributed);
      assert.equal(c.data.who.toString(), contributors[i].address);
      assert.equal(c.data.amount.toBigInt(), amounts[i]);
    });
    const r = (await api.query.daico.raises(raise)).unwrap();
    assert.equal(r.raised.toBigInt(), 700n * UNIT);
    assert.equal(r.contributors.toNumber(), 4);
    const end = r.params.end.toNumber();
    await untilBlock(api, end + 1);
    const { events, error } = await submit(api, api.tx.daico.finalize(raise), founder);
    assert.equal(error, null);
    assert.equal(eventsOf(events, api.events.daico.RaiseSucceeded).length, 1);
  });

  it('lets the team draw on the tap, and only the team', async () => {
    const before = await free(api, team.address);
    await untilBlock(api, (await bestNumber(api)) + 2);
    const { events, error } = await submit(api, api.tx.daico.withdraw(raise), team);
    assert.equal(error, null);
    const [w] = eventsOf(events, api.events.daico.TapWithdrawn);
    const amount = w.data.amount.toBigInt();
    assert.ok(amount >= 2n * UNIT && amount % UNIT === 0n, `tap paid ${amount}`);
    const [fee] = eventsOf(events, api.events.transactionPayment.TransactionFeePaid);
    assert.equal(await free(api, team.address), before + amount - fee.data.actualFee.toBigInt());

    const stranger = await submit(api, api.tx.daico.withdraw(raise), contributors[0]);
    assert.equal(stranger.error.name, 'NotBeneficiary');
  });

  it('dissolves by contributor vote and refunds pro rata to the unit', async () => {
    const opened = await submit(api, api.tx.daico.propose(raise, 'Dissolve'), contributors[3]);
    assert.equal(opened.error, null);
    const votes = await Promise.all(contributors.slice(0, 3).map(
      (c) => submit(api, api.tx.daico.vote(raise, 'Dissolve', true), c)));
    for (const { error } of votes) assert.equal(error, null);
    const proposal = (await api.query.daico.proposals(raise, 'Dissolve')).unwrap();
    await untilBlock(api, proposal.ends.toNumber());
    const closed = await submit(api, api.tx.daico.closeProposal(raise, 'Dissolve'), founder);
    assert.equal(closed.error, null);
    const [dissolved] = eventsOf(closed.events, api.events.daico.RaiseDissolved);
    assert.ok(dissolved, 'RaiseDissolved');
    const pool = dissolved.data.refundPool.toBigInt();
    const r = (await api.query.daico.raises(raise)).unwrap();
    assert.equal(pool, r.raised.toBigInt() - r.tapped.toBigInt());

    let refunded = 0n;
    for (const c of contributors) {
      const { events, error } = await submit(api, api.tx.daico.claimRefund(raise, c.address), founder);
      assert.equal(error, null);
      const [refund] = eventsOf(events, api.events.daico.Refunded);
      assert.equal(refund.data.who.toString(), c.address);
      const share = (pool * (await api.query.daico.contributions(raise, c.address)).unwrap().amount.toBigInt()) / r.raised.toBigInt();
      assert.ok(refund.data.amount.toBigInt() >= share);
      refunded += refund.data.amount.toBigInt();
    }
    assert.equal(refunded, pool, 'refunds add up to the pool to the unit');
    assert.equal(await free(api, escrow), 0n, 'escrow emptied; its seed went back to the co-op');
  });
});
