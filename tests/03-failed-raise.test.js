// Journey 3, a failed raise: contributions stay below the soft cap, the raise fails, and every
// contributor gets back exactly what they put in.
'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const {
  UNIT, connect, fresh, submit, eventsOf, fund, free, bestNumber, untilBlock, foundCoop, passMotion,
} = require('./lib/chain');

describe('journey 3: a raise below its soft cap', () => {
  let api;
  let founder;
  let member;
  let contributors;
  let raise;
  let escrow;
  let coop;
  let treasury;
  const amounts = [120n * UNIT, 80n * UNIT + 7n, 55n * UNIT];

  before(async () => {
    api = await connect();
    founder = fresh();
    member = fresh();
    contributors = [fresh(), fresh(), fresh()];
    await fund(api, [founder, member, ...contributors], 1_000n * UNIT);
    ({ coop, treasury } = await foundCoop(api, founder, [member]));
  });

  after(async () => {
    if (api) await api.disconnect();
  });

  it('opens a raise with a soft cap of 500 COOP and takes 255 COOP', async () => {
    const start = (await bestNumber(api)) + 12;
    const params = {
      beneficiary: founder.address,
      softCap: 500n * UNIT,
      hardCap: 1_000n * UNIT,
      start,
      end: start + 4,
      minContribution: 2n * UNIT,
      maxContribution: 500n * UNIT,
      contributors: 'Anyone',
      tapRate: UNIT,
      tapCeiling: 2n * UNIT,
      voting: 'Capital',
      quorum: 500_000_000,
      approval: 500_000_000,
      votingPeriod: 6,
      milestones: [],
    };
    const treasuryBefore = await free(api, treasury);
    const events = await passMotion(
      api, coop, api.tx.daico.createRaise(coop, params), founder, [founder, member]);
    const [created] = eventsOf(events, api.events.daico.RaiseCreated);
    raise = created.data.raise.toNumber();
    escrow = created.data.escrow.toString();
    // The co-op seeds the escrow with the existential deposit, and holds the raise's deposit.
    const seed = await free(api, escrow);
    const raiseDeposit = api.consts.daico.raiseDeposit.toBigInt();
    assert.equal(treasuryBefore - (await free(api, treasury)), seed + raiseDeposit);

    await untilBlock(api, start);
    const results = await Promise.all(contributors.map(
      (c, i) => submit(api, api.tx.daico.contribute(raise, amounts[i]), c)));
    for (const { error } of results) assert.equal(error, null);
    assert.equal((await free(api, escrow)) - seed, amounts.reduce((x, y) => x + y, 0n));
  });

  it('fails at the end of the window and refunds everyone in full', async () => {
    const r = (await api.query.daico.raises(raise)).unwrap();
    await untilBlock(api, r.params.end.toNumber() + 1);
    const { events, error } = await submit(api, api.tx.daico.finalize(raise), founder);
    assert.equal(error, null);
    const [failed] = eventsOf(events, api.events.daico.RaiseFailed);
    assert.equal(failed.data.raised.toBigInt(), amounts.reduce((x, y) => x + y, 0n));
    assert.equal((await api.query.daico.raises(raise)).unwrap().state.toString(), 'Failed');

    // No tap on a failed raise.
    const tap = await submit(api, api.tx.daico.drawTap(raise), founder);
    assert.equal(tap.error.name, 'NotActive');

    const treasuryBefore = await free(api, treasury);
    for (const [i, c] of contributors.entries()) {
      const before = await free(api, c.address);
      const refund = await submit(api, api.tx.daico.claimRefund(raise, c.address), member);
      assert.equal(refund.error, null);
      const [paid] = eventsOf(refund.events, api.events.daico.Refunded);
      assert.equal(paid.data.amount.toBigInt(), amounts[i]);
      assert.equal((await free(api, c.address)) - before, amounts[i], 'refunded to the unit');
      if (i === contributors.length - 1) {
        assert.equal(eventsOf(refund.events, api.events.daico.SeedReturned).length, 1);
      }
    }
    assert.equal(await free(api, escrow), 0n, 'escrow emptied');
    assert.ok((await free(api, treasury)) > treasuryBefore, 'the seed went back to the co-op');

    const twice = await submit(api, api.tx.daico.claimRefund(raise, contributors[0].address), member);
    assert.equal(twice.error.name, 'AlreadyRefunded');

    // Settled, the raise is pruned: its deposit goes back to the co-op, and no record is left.
    const treasuryBeforePrune = await free(api, treasury);
    const pruned = await submit(api, api.tx.daico.pruneRaise(raise), member);
    assert.equal(pruned.error, null);
    assert.equal(eventsOf(pruned.events, api.events.daico.RaisePruned).length, 1);
    assert.equal((await free(api, treasury)) - treasuryBeforePrune,
      api.consts.daico.raiseDeposit.toBigInt());
    assert.equal((await api.query.daico.raises(raise)).isNone, true);
  });
});
