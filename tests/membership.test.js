// Co-op membership over the live network: found a co-op, admit a member by motion, errors.
'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { UNIT, connect, fresh, submit, eventsOf, fund } = require('./lib/chain');

/** Bylaws of a small worker co-op admitting by vote; 20-block (2 minute) motions. */
function bylaws(overrides = {}) {
  return {
    sharePrice: UNIT,
    admission: 'ByVote',
    classes: [{ kind: 'Worker', votes: true }, { kind: 'Supporter', votes: false }],
    investorVoteCap: 0,
    quorum: 500_000_000, // 50 %, in parts per billion
    approval: 500_000_000,
    votingPeriod: 20,
    withdrawalNotice: 0,
    maxMembers: 10,
    ...overrides,
  };
}

describe('co-op membership', () => {
  let api;
  let founder;
  let applicant;
  let coop;

  before(async () => {
    api = await connect();
    founder = fresh();
    applicant = fresh();
    await fund(api, [founder, applicant], 100n * UNIT);
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
    assert.equal(created.data.founder.toString(), founder.address);
    const [admitted] = eventsOf(events, api.events.coopMembership.MemberAdmitted);
    assert.equal(admitted.data.member.toString(), founder.address);
    assert.equal(admitted.data.shareCapital.toBigInt(), UNIT);

    const info = (await api.query.coopMembership.coops(coop)).unwrap();
    assert.equal(info.members.toNumber(), 1);
    assert.equal(info.shareCapital.toBigInt(), UNIT);
    const treasury = created.data.treasury.toString();
    const { data } = await api.query.system.account(treasury);
    assert.equal(data.free.toBigInt(), UNIT);
    const deposit = api.consts.coopMembership.coopDeposit.toBigInt();
    const held = (await api.query.system.account(founder.address)).data.reserved.toBigInt();
    assert.equal(held, deposit);
  });

  it('admits an applicant by motion', async () => {
    const applied = await submit(api, api.tx.coopMembership.apply(coop, 0), applicant);
    assert.equal(applied.error, null);
    const [application] = eventsOf(applied.events, api.events.coopMembership.ApplicationSubmitted);
    const motion = application.data.motion.toNumber();
    assert.ok(eventsOf(applied.events, api.events.coopMembership.MotionProposed).length === 1);
    assert.equal((await api.query.coopMembership.members(coop, applicant.address)).isNone, true);

    const voted = await submit(api, api.tx.coopMembership.vote(coop, motion, true), founder);
    assert.equal(voted.error, null);
    const [vote] = eventsOf(voted.events, api.events.coopMembership.Voted);
    assert.equal(vote.data.ayes.toNumber(), 1);

    const closed = await submit(
      api, api.tx.coopMembership.close(coop, motion, { refTime: 0, proofSize: 0 }), applicant);
    assert.equal(closed.error, null);
    const [outcome] = eventsOf(closed.events, api.events.coopMembership.MotionClosed);
    assert.equal(outcome.data.outcome.toString(), 'Approved');
    const [admitted] = eventsOf(closed.events, api.events.coopMembership.MemberAdmitted);
    assert.equal(admitted.data.member.toString(), applicant.address);

    const member = (await api.query.coopMembership.members(coop, applicant.address)).unwrap();
    assert.equal(member.shareCapital.toBigInt(), UNIT);
    const info = (await api.query.coopMembership.coops(coop)).unwrap();
    assert.equal(info.members.toNumber(), 2);
    assert.equal(info.shareCapital.toBigInt(), 2n * UNIT);
    assert.equal(info.openMotions.toNumber(), 0);
  });

  it('answers wrong calls with documented module errors and changes nothing', async () => {
    const before = (await api.query.coopMembership.coops(coop)).unwrap().toJSON();

    const again = await submit(api, api.tx.coopMembership.apply(coop, 0), applicant);
    assert.equal(again.error.section, 'coopMembership');
    assert.equal(again.error.name, 'AlreadyMember');
    assert.match(again.error.docs, /already a member/);

    const missing = await submit(api, api.tx.coopMembership.vote(coop, 999, true), founder);
    assert.equal(missing.error.name, 'MotionNotFound');
    assert.match(missing.error.docs, /no open motion/);

    const stranger = fresh();
    await fund(api, [stranger], 10n * UNIT);
    const bad = await submit(api,
      api.tx.coopMembership.createCoop('x', bylaws({ approval: 400_000_000 })), stranger);
    assert.equal(bad.error.name, 'ApprovalBelowMajority');
    assert.match(bad.error.docs, /at least 50 %/);

    const notMember = await submit(api, api.tx.coopMembership.withdraw(coop), stranger);
    assert.equal(notMember.error.name, 'NotMember');

    assert.deepEqual((await api.query.coopMembership.coops(coop)).unwrap().toJSON(), before);
  });
});
