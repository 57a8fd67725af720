// Journey 1, founding: a co-op is created, three applicants are admitted by motion, one is
// rejected and gets the held share back, and a member leaves and is repaid the share.
'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const {
  UNIT, connect, fresh, submit, eventsOf, fund, free, batched, coopTreasury, untilClosable,
} = require('./lib/chain');

/** Bylaws of a small worker co-op admitting by vote; 20-block (2 minute) motions. */
function bylaws(overrides = {}) {
  return {
    sharePrice: 10n * UNIT,
    admission: 'ByVote',
    classes: [{ kind: 'Worker', votes: true }, { kind: 'Supporter', votes: false }],
    investorVoteCap: 0,
    quorum: 500_000_000, // 50 %, in parts per billion
    approval: 500_000_000,
    votingPeriod: 20,
    withdrawalNotice: 0,
    maxMembers: 10,
    specialQuorum: 666_666_667, // two thirds for special resolutions
    specialApproval: 666_666_666,
    deliberation: 2, // blocks before any motion may close
    ...overrides,
  };
}

describe('journey 1: founding a co-op', () => {
  let api;
  let founder;
  let applicants;
  let rejected;
  let coop;
  let treasury;
  const share = 10n * UNIT;

  before(async () => {
    api = await connect();
    founder = fresh();
    applicants = [fresh(), fresh(), fresh()];
    rejected = fresh();
    await fund(api, [founder, ...applicants, rejected], 100n * UNIT);
  });

  after(async () => {
    if (api) await api.disconnect();
  });

  it('founds a co-op: the founder is its first member and pays the share', async () => {
    const { events, error } = await submit(
      api, api.tx.coopMembership.createCoop('Harbour Fishers', bylaws()), founder);
    assert.equal(error, null);
    const [created] = eventsOf(events, api.events.coopMembership.CoopCreated);
    assert.ok(created, 'CoopCreated');
    coop = created.data.coop.toNumber();
    treasury = created.data.treasury.toString();
    assert.equal(coopTreasury(api, coop), treasury, 'the treasury is the co-op\'s derived account');
    assert.equal(created.data.founder.toString(), founder.address);
    const [admitted] = eventsOf(events, api.events.coopMembership.MemberAdmitted);
    assert.equal(admitted.data.member.toString(), founder.address);
    assert.equal(admitted.data.shareCapital.toBigInt(), share);

    const info = (await api.query.coopMembership.coops(coop)).unwrap();
    assert.equal(info.members.toNumber(), 1);
    assert.equal(info.shareCapital.toBigInt(), share);
    assert.equal(await free(api, treasury), share);
    const deposit = api.consts.coopMembership.coopDeposit.toBigInt();
    const held = (await api.query.system.account(founder.address)).data.reserved.toBigInt();
    assert.equal(held, deposit);
  });

  it('admits three applicants by motion', async () => {
    const applied = await Promise.all(
      applicants.map((a) => submit(api, api.tx.coopMembership.apply(coop, 0), a)));
    const motions = applied.map(({ events, error }, i) => {
      assert.equal(error, null);
      const [application] = eventsOf(events, api.events.coopMembership.ApplicationSubmitted);
      assert.equal(application.data.applicant.toString(), applicants[i].address);
      return application.data.motion.toNumber();
    });
    for (const a of applicants) {
      assert.equal((await api.query.coopMembership.members(coop, a.address)).isNone, true);
      // The share is held while the co-op decides.
      assert.equal((await api.query.system.account(a.address)).data.reserved.toBigInt() >= share, true);
    }

    const voted = await submit(api, batched(api,
      motions.map((m) => api.tx.coopMembership.vote(coop, m, true))), founder);
    assert.equal(voted.error, null);
    assert.equal(eventsOf(voted.events, api.events.coopMembership.Voted).length, 3);

    // The founder is each motion's whole electorate: it closes after the deliberation time.
    await untilClosable(api, coop, motions);
    const closed = await submit(api, batched(api, motions.map(
      (m) => api.tx.coopMembership.closeMotion(coop, m, { refTime: 0, proofSize: 0 }))), founder);
    assert.equal(closed.error, null);
    const outcomes = eventsOf(closed.events, api.events.coopMembership.MotionClosed);
    assert.deepEqual(outcomes.map((o) => o.data.outcome.toString()), ['Approved', 'Approved', 'Approved']);
    const admitted = eventsOf(closed.events, api.events.coopMembership.MemberAdmitted)
      .map((e) => e.data.member.toString()).sort();
    assert.deepEqual(admitted, applicants.map((a) => a.address).sort());

    for (const a of applicants) {
      const member = (await api.query.coopMembership.members(coop, a.address)).unwrap();
      assert.equal(member.shareCapital.toBigInt(), share);
    }
    const info = (await api.query.coopMembership.coops(coop)).unwrap();
    assert.equal(info.members.toNumber(), 4);
    assert.equal(info.shareCapital.toBigInt(), 4n * share);
    assert.equal(info.openMotions.toNumber(), 0);
    assert.equal(await free(api, treasury), 4n * share);
  });

  it('rejects an applicant by vote and releases the held share and deposit', async () => {
    const freeBefore = await free(api, rejected.address);
    const applied = await submit(api, api.tx.coopMembership.apply(coop, 0), rejected);
    assert.equal(applied.error, null);
    const [application] = eventsOf(applied.events, api.events.coopMembership.ApplicationSubmitted);
    const motion = application.data.motion.toNumber();
    const [applyFee] = eventsOf(applied.events, api.events.transactionPayment.TransactionFeePaid);

    // All four members vote nay (a motion closes early only on a full count).
    const votes = await Promise.all([...applicants, founder].map(
      (a) => submit(api, api.tx.coopMembership.vote(coop, motion, false), a)));
    for (const v of votes) assert.equal(v.error, null);
    await untilClosable(api, coop, [motion]);
    // Anyone may close it, here a member, so the applicant pays only the application's fee.
    const closed = await submit(
      api, api.tx.coopMembership.closeMotion(coop, motion, { refTime: 0, proofSize: 0 }), founder);
    assert.equal(closed.error, null);
    const [outcome] = eventsOf(closed.events, api.events.coopMembership.MotionClosed);
    assert.equal(outcome.data.outcome.toString(), 'Rejected');
    assert.equal(outcome.data.nays.toNumber(), 4);
    const [refund] = eventsOf(closed.events, api.events.coopMembership.ApplicationRefunded);
    assert.equal(refund.data.applicant.toString(), rejected.address);
    assert.equal(refund.data.amount.toBigInt(), share);
    assert.equal(eventsOf(closed.events, api.events.coopMembership.MemberAdmitted).length, 0);
    // An application is not a member's motion: refused, its deposit comes back with the share,
    // and nothing goes to the treasury.
    assert.equal(
      eventsOf(closed.events, api.events.coopMembership.MotionDepositForfeited).length, 0);
    assert.equal(await free(api, treasury), 4n * share);

    assert.equal((await api.query.coopMembership.members(coop, rejected.address)).isNone, true);
    assert.equal((await api.query.coopMembership.applications(coop, rejected.address)).isNone, true);
    const account = await api.query.system.account(rejected.address);
    assert.equal(account.data.reserved.toBigInt(), 0n, 'nothing stays held');
    assert.equal(account.data.free.toBigInt(), freeBefore - applyFee.data.actualFee.toBigInt());
    assert.equal((await api.query.coopMembership.coops(coop)).unwrap().members.toNumber(), 4);
  });

  it('lets a member leave and repays the share', async () => {
    const leaver = applicants[2];
    const left = await submit(api, api.tx.coopMembership.leave(coop), leaver);
    assert.equal(left.error, null);
    const [withdrew] = eventsOf(left.events, api.events.coopMembership.MemberLeft);
    assert.equal(withdrew.data.member.toString(), leaver.address);
    assert.equal(withdrew.data.amount.toBigInt(), share);
    assert.equal((await api.query.coopMembership.members(coop, leaver.address)).isNone, true);

    // Redeemed by another member on the leaver's behalf: the leaver gets exactly the share.
    const before = await free(api, leaver.address);
    const redeemed = await submit(api, api.tx.coopMembership.redeemShare(coop, leaver.address), founder);
    assert.equal(redeemed.error, null);
    const [paid] = eventsOf(redeemed.events, api.events.coopMembership.ShareRedeemed);
    assert.equal(paid.data.amount.toBigInt(), share);
    assert.equal((await free(api, leaver.address)) - before, share);
    // The refused application's deposit came back to the applicant: the treasury holds shares only.
    assert.equal(await free(api, treasury), 3n * share);
    assert.equal((await api.query.coopMembership.redemptions(coop, leaver.address)).isNone, true);

    const info = (await api.query.coopMembership.coops(coop)).unwrap();
    assert.equal(info.members.toNumber(), 3);
    assert.equal(info.shareCapital.toBigInt(), 3n * share);
  });
});
