// Journey 6, bad input: for each coopchain pallet, calls from the wrong account, with values
// out of bounds, and in the wrong state come back as module errors that `findMetaError`
// decodes with their documentation, and change nothing: no event of a coopchain pallet, and
// the storage of every coopchain pallet is the same after the block as before it.
'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const {
  UNIT, connect, fresh, submit, eventsOf, fund, foundCoop, passMotions, bestNumber, untilBlock,
  expectRefused,
} = require('./lib/chain');

describe('journey 6: bad input is refused with a documented module error and changes nothing', () => {
  let api;
  let founder;
  let member;
  let till;
  let stranger;
  let coop;
  let raise;
  let raiseStart;
  let obligation;

  // Other test files run on the chain meanwhile: compare only this test's storage (its co-op,
  // whose circle has the same number, its raise, its accounts).
  const refuse = (...args) => expectRefused(api, ...args,
    { coops: [coop], raises: [raise], accounts: [founder, member, till, stranger].map((a) => a.address) });

  before(async () => {
    api = await connect();
    [founder, member, till, stranger] = [fresh(), fresh(), fresh(), fresh()];
    await fund(api, [founder, member, till, stranger], 1_000n * UNIT);
    ({ coop } = await foundCoop(api, founder, [member]));
    raiseStart = (await bestNumber(api)) + 20;
    const policy = {
      categories: [{ name: 'purchases', weight: 1 }],
      reserveShare: 100_000_000,
      fundShare: 0,
      cashShare: 300_000_000,
      revolvingPeriods: 0,
      claimWindow: 200,
    };
    const raiseParams = {
      beneficiary: founder.address,
      softCap: 100n * UNIT,
      hardCap: 1_000n * UNIT,
      start: raiseStart,
      end: raiseStart + 100,
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
    };
    const events = await passMotions(api, coop, [
      api.tx.patronage.setPolicy(coop, policy),
      api.tx.daico.createRaise(coop, raiseParams),
      api.tx.circularCredit.openCircle(coop, false),
      { GrantRole: { who: till.address, role: 'Operator' } },
    ], founder, [founder, member]);
    raise = eventsOf(events, api.events.daico.RaiseCreated)[0].data.raise.toNumber();
    const joined = await Promise.all(
      [founder, member].map((m) => submit(api, api.tx.circularCredit.join(coop), m)));
    for (const j of joined) assert.equal(j.error, null);
    const issued = await submit(
      api, api.tx.circularCredit.issueObligation(coop, member.address, 10, 100_000), founder);
    assert.equal(issued.error, null);
    obligation = eventsOf(issued.events, api.events.circularCredit.ObligationIssued)[0].data.id.toNumber();
  });

  after(async () => {
    if (api) await api.disconnect();
  });

  it('coopMembership: wrong account, out of bounds, wrong state', async () => {
    await refuse(
      api.tx.coopMembership.propose(coop, { GrantRole: { who: stranger.address, role: 'Operator' } }),
      stranger, 'coopMembership', 'NotMember', /not a member of this co-op/);
    const bylaws = {
      sharePrice: UNIT,
      admission: 'Open',
      classes: [{ kind: 'Worker', votes: true }],
      investorVoteCap: 0,
      quorum: 500_000_000,
      approval: 400_000_000, // below a majority
      votingPeriod: 20,
      withdrawalNotice: 0,
      maxMembers: 10,
      specialQuorum: 666_666_667,
      specialApproval: 666_666_666,
      deliberation: 2,
    };
    await refuse( api.tx.coopMembership.createCoop('minority rule', bylaws),
      stranger, 'coopMembership', 'ApprovalBelowMajority', /at least 50 %/);
    await refuse( api.tx.coopMembership.apply(coop, 0),
      member, 'coopMembership', 'AlreadyMember', /already a member/);
  });

  it('patronage: wrong account, out of bounds, wrong state', async () => {
    await refuse( api.tx.patronage.recordPatronage(coop, member.address, 0, 5),
      stranger, 'patronage', 'NotCoopOperator', /operator role/);
    await refuse( api.tx.patronage.recordPatronage(coop, member.address, 9, 5),
      till, 'patronage', 'UnknownCategory', /no category with this index/);
    await refuse( api.tx.patronage.claim(coop, 0, member.address),
      member, 'patronage', 'PeriodNotClosed', /has not closed/);
  });

  it('circularCredit: wrong account, out of bounds, wrong state', async () => {
    await refuse( api.tx.circularCredit.pay(coop, member.address, 1, 'not mine'),
      stranger, 'circularCredit', 'NotParticipant', /does not take part/);
    // No credit limit has been granted yet: any payment is beyond it.
    await refuse( api.tx.circularCredit.pay(coop, member.address, 1, 'on credit'),
      founder, 'circularCredit', 'CreditLimitExceeded', /credit limit/);
    await refuse( api.tx.circularCredit.acceptObligation(coop, obligation),
      founder, 'circularCredit', 'NotDebtor', /Only the debtor/);
    await refuse( api.tx.circularCredit.settleObligation(coop, obligation, 5),
      member, 'circularCredit', 'NotAccepted', /has not been accepted/);
  });

  it('daico: wrong account, out of bounds, wrong state', async () => {
    await refuse( api.tx.daico.lowerTap(raise, 1),
      stranger, 'daico', 'NotBeneficiary', /Only the beneficiary/);
    await refuse( api.tx.daico.finalize(raise),
      stranger, 'daico', 'CannotFinalize', /not ended yet/);
    await untilBlock(api, raiseStart);
    await refuse( api.tx.daico.contribute(raise, UNIT),
      stranger, 'daico', 'BelowMinContribution', /at least the raise's minimum/);
  });
});
