// Journey 2, raising capital: a co-op opens a DAICO by motion, five accounts contribute, the
// raise succeeds, the team draws the tap over several blocks, contributors vote the tap up and
// later vote to dissolve; every contributor gets a pro-rata refund, summing to the unit.
'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const {
  UNIT, connect, fresh, submit, eventsOf, fund, free, bestNumber, untilBlock, foundCoop, passMotion,
} = require('./lib/chain');

/**
 * Raise parameters: anyone contributes, so votes count capital (heads count only in members-only
 * raises of co-ops that admit by vote); the minimum is the hard cap shared among the 512
 * contributor slots, rounded up to 2 COOP; a 1 COOP per block tap.
 */
function raiseParams(beneficiary, start, overrides = {}) {
  return {
    beneficiary,
    softCap: 100n * UNIT,
    hardCap: 1_000n * UNIT,
    start,
    end: start + 6,
    minContribution: 2n * UNIT,
    maxContribution: 500n * UNIT,
    contributors: 'Anyone',
    tapRate: UNIT,
    tapCeiling: 10n * UNIT,
    voting: 'Capital',
    quorum: 500_000_000,
    approval: 500_000_000,
    votingPeriod: 6,
    milestones: [],
    ...overrides,
  };
}

/** Opens a raise of `coop` by the co-op's motion; returns { raise, escrow }. */
async function openRaise(api, coop, params, proposer, voters) {
  const events = await passMotion(api, coop, api.tx.daico.createRaise(coop, params), proposer, voters);
  const [created] = eventsOf(events, api.events.daico.RaiseCreated);
  assert.ok(created, 'RaiseCreated');
  assert.equal(created.data.coop.toNumber(), coop);
  return { raise: created.data.raise.toNumber(), escrow: created.data.escrow.toString() };
}

/** The block number of a block. */
async function numberOf(api, blockHash) {
  return (await api.rpc.chain.getHeader(blockHash)).number.toBigInt();
}

/** The raise as it was just before the block `blockHash`. */
async function raiseBefore(api, raise, blockHash) {
  const { parentHash } = await api.rpc.chain.getHeader(blockHash);
  return (await (await api.at(parentHash)).query.daico.raises(raise)).unwrap();
}

describe('journey 2: raising capital through a DAICO', () => {
  let api;
  let founder;
  let member;
  let team;
  let contributors;
  let raise;
  let escrow;
  let coop;
  const amounts = [300n, 200n, 150n, 100n, 50n].map((x) => x * UNIT);
  let tapped = 0n;

  before(async () => {
    api = await connect();
    founder = fresh();
    member = fresh();
    team = fresh();
    contributors = [fresh(), fresh(), fresh(), fresh(), fresh()];
    await fund(api, [founder, member, team, ...contributors], 1_000n * UNIT);
    ({ coop } = await foundCoop(api, founder, [member]));
  });

  after(async () => {
    if (api) await api.disconnect();
  });

  it('is opened by the co-op\'s own motion', async () => {
    const start = (await bestNumber(api)) + 12;
    ({ raise, escrow } = await openRaise(
      api, coop, raiseParams(team.address, start), founder, [founder, member]));
    const r = (await api.query.daico.raises(raise)).unwrap();
    assert.equal(r.state.toString(), 'Funding');
    assert.equal(r.params.beneficiary.toString(), team.address);
    await untilBlock(api, start);
  });

  it('takes contributions from five accounts into escrow and succeeds', async () => {
    const escrowBefore = await free(api, escrow);
    const results = await Promise.all(contributors.map(
      (c, i) => submit(api, api.tx.daico.contribute(raise, amounts[i]), c)));
    results.forEach(({ events, error }, i) => {
      assert.equal(error, null);
      const [c] = eventsOf(events, api.events.daico.Contributed);
      assert.equal(c.data.who.toString(), contributors[i].address);
      assert.equal(c.data.amount.toBigInt(), amounts[i]);
    });
    const total = amounts.reduce((x, y) => x + y, 0n);
    assert.equal((await free(api, escrow)) - escrowBefore, total);
    const r = (await api.query.daico.raises(raise)).unwrap();
    assert.equal(r.raised.toBigInt(), total);
    assert.equal(r.contributors.toNumber(), 5);

    await untilBlock(api, r.params.end.toNumber() + 1);
    const { events, error } = await submit(api, api.tx.daico.finalize(raise), founder);
    assert.equal(error, null);
    const [succeeded] = eventsOf(events, api.events.daico.RaiseSucceeded);
    assert.equal(succeeded.data.raised.toBigInt(), total);
    assert.equal((await api.query.daico.raises(raise)).unwrap().state.toString(), 'Active');
  });

  it('lets the team draw the tap over several blocks: rate × blocks, and only the team', async () => {
    for (let round = 0; round < 2; round += 1) {
      await untilBlock(api, (await bestNumber(api)) + 2);
      const before = await free(api, team.address);
      const { events, error, blockHash } = await submit(api, api.tx.daico.drawTap(raise), team);
      assert.equal(error, null);
      const r = await raiseBefore(api, raise, blockHash);
      const blocks = (await numberOf(api, blockHash)) - r.tapCheckpoint.toBigInt();
      const [w] = eventsOf(events, api.events.daico.TapDrawn);
      const amount = w.data.amount.toBigInt();
      assert.equal(amount, r.tapBanked.toBigInt() + blocks * UNIT, `tap for ${blocks} blocks`);
      const [fee] = eventsOf(events, api.events.transactionPayment.TransactionFeePaid);
      assert.equal(await free(api, team.address), before + amount - fee.data.actualFee.toBigInt());
      tapped += amount;
    }
    assert.equal((await api.query.daico.raises(raise)).unwrap().tapped.toBigInt(), tapped);

    const stranger = await submit(api, api.tx.daico.drawTap(raise), contributors[0]);
    assert.equal(stranger.error.name, 'NotBeneficiary');
  });

  it('raises the tap by contributor vote', async () => {
    const newRate = 2n * UNIT;
    const opened = await submit(
      api, api.tx.daico.propose(raise, { RaiseTap: { newRate } }), contributors[0]);
    assert.equal(opened.error, null);
    assert.equal(eventsOf(opened.events, api.events.daico.MotionOpened).length, 1);
    const votes = await Promise.all(contributors.slice(0, 4).map(
      (c) => submit(api, api.tx.daico.vote(raise, 'RaiseTap', true), c)));
    for (const { error } of votes) assert.equal(error, null);
    const proposal = (await api.query.daico.proposals(raise, 'RaiseTap')).unwrap();
    assert.equal(proposal.heads.ayes.toNumber(), 4);
    await untilBlock(api, proposal.ends.toNumber());
    const closed = await submit(api, api.tx.daico.closeMotion(raise, 'RaiseTap'), founder);
    assert.equal(closed.error, null);
    const [result] = eventsOf(closed.events, api.events.daico.MotionClosed);
    assert.equal(result.data.passed.isTrue, true);
    const [changed] = eventsOf(closed.events, api.events.daico.TapRateChanged);
    assert.equal(changed.data.rate.toBigInt(), newRate);

    // The next draw: what accrued at the old rate, plus the new rate for each block since.
    await untilBlock(api, (await bestNumber(api)) + 2);
    const { events, error, blockHash } = await submit(api, api.tx.daico.drawTap(raise), team);
    assert.equal(error, null);
    const r = await raiseBefore(api, raise, blockHash);
    assert.equal(r.tapRate.toBigInt(), newRate);
    const blocks = (await numberOf(api, blockHash)) - r.tapCheckpoint.toBigInt();
    const [w] = eventsOf(events, api.events.daico.TapDrawn);
    assert.equal(w.data.amount.toBigInt(), r.tapBanked.toBigInt() + blocks * newRate);
    tapped += w.data.amount.toBigInt();
  });

  it('dissolves by contributor vote and refunds pro rata, summing to the unit', async () => {
    const opened = await submit(api, api.tx.daico.propose(raise, 'Dissolve'), contributors[4]);
    assert.equal(opened.error, null);
    const votes = await Promise.all(contributors.slice(0, 4).map(
      (c) => submit(api, api.tx.daico.vote(raise, 'Dissolve', true), c)));
    for (const { error } of votes) assert.equal(error, null);
    // Enough ayes to reach the pre-quorum freeze the tap until the vote ends.
    const frozen = await submit(api, api.tx.daico.drawTap(raise), team);
    assert.equal(frozen.error.name, 'TapFrozen');

    const proposal = (await api.query.daico.proposals(raise, 'Dissolve')).unwrap();
    await untilBlock(api, proposal.ends.toNumber());
    const closed = await submit(api, api.tx.daico.closeMotion(raise, 'Dissolve'), founder);
    assert.equal(closed.error, null);
    const [dissolved] = eventsOf(closed.events, api.events.daico.RaiseDissolved);
    assert.ok(dissolved, 'RaiseDissolved');
    const pool = dissolved.data.refundPool.toBigInt();
    const r = (await api.query.daico.raises(raise)).unwrap();
    const raised = r.raised.toBigInt();
    assert.equal(r.tapped.toBigInt(), tapped);
    assert.equal(pool, raised - tapped);

    let refunded = 0n;
    for (const [i, c] of contributors.entries()) {
      const before = await free(api, c.address);
      // Claimed on the contributor's behalf: their balance changes by exactly the refund.
      const { events, error } = await submit(api, api.tx.daico.claimRefund(raise, c.address), founder);
      assert.equal(error, null);
      const [refund] = eventsOf(events, api.events.daico.Refunded);
      assert.equal(refund.data.who.toString(), c.address);
      const amount = refund.data.amount.toBigInt();
      const share = (pool * amounts[i]) / raised;
      if (i < contributors.length - 1) {
        assert.equal(amount, share, 'the pro-rata share, rounded down');
      } else {
        // The last claimant also receives what rounding left in the escrow.
        assert.equal(amount, pool - refunded);
        assert.ok(amount - share < BigInt(contributors.length));
      }
      assert.equal((await free(api, c.address)) - before, amount);
      refunded += amount;
    }
    assert.equal(refunded, pool, 'refunds add up to the pool to the unit');
    assert.equal(await free(api, escrow), 0n, 'escrow emptied; its seed went back to the co-op');
  });
});
