// The demo: seeds a freshly launched local network with a co-operative economy a newcomer can
// explore in Polkadot.js Apps, using only the well-known development accounts:
//
// - the federation (co-op 0; from genesis its four founding co-ops 2 to 5, whose delegates are
//   Alice, Bob, Charlie and Dave) with three more member co-ops: Riverside Bakery (co-op 1 from
//   genesis: Eve, Ferdie), Hilltop Growers (Alice, Bob) and Harbour Repair Works (Charlie,
//   Dave), each admitted through its own motion and the federation's vote, each naming its
//   delegate (`//coopchain//delegate//<co-op>`);
// - a live DAICO: Hilltop Growers raises for a cold store, open for contributions;
// - a closed patronage period with claims pending at Riverside Bakery;
// - the federation's credit circle with the three co-ops, credit limits, a payment, and a cycle
//   of accepted obligations waiting to be cleared.
//
// Independent steps run side by side, each account in at most one of them at a time.
'use strict';

const assert = require('node:assert/strict');
const {
  UNIT, dev, coopTreasury, submit, eventsOf, passMotions, batched, bestNumber, untilClosable, fund,
  delegateKey, federationVote, ensureFederationCircle, passFederationMotions,
} = require('./chain');

/** Bylaws of the demo co-ops: open admission, 10 COOP a share, one-minute motions. */
function demoBylaws() {
  return {
    sharePrice: 10n * UNIT,
    admission: 'Open',
    classes: [{ kind: 'Worker', votes: true }, { kind: 'Consumer', votes: true }],
    investorVoteCap: 0,
    quorum: 500_000_000,
    approval: 500_000_000,
    votingPeriod: 10,
    withdrawalNotice: 10,
    maxMembers: 100,
    specialQuorum: 666_666_667,
    specialApproval: 666_666_666,
    deliberation: 2,
  };
}

const RIVERSIDE_BAKERY = 1;

/** Founds a co-op named `name` with `founder`; `members` join it. Returns { coop, treasury }. */
async function found(api, name, founder, members) {
  const created = await submit(api, api.tx.coopMembership.createCoop(name, demoBylaws()), founder);
  if (created.error) throw new Error(`createCoop ${name}: ${JSON.stringify(created.error)}`);
  const [event] = eventsOf(created.events, api.events.coopMembership.CoopCreated);
  const coop = event.data.coop.toNumber();
  for (const m of members) {
    const joined = await submit(api, api.tx.coopMembership.apply(coop, 0), m);
    if (joined.error) throw new Error(`apply to ${name}: ${JSON.stringify(joined.error)}`);
  }
  return { coop, treasury: event.data.treasury.toString() };
}

/**
 * Seeds the demo; `log` reports progress. Refuses to run twice on the same chain. Returns what
 * it created: { coops: { bakery, growers, repair }, raise, obligations }.
 */
async function seedDemo(api, log = () => {}) {
  const [alice, bob, charlie, dave, eve, ferdie] =
    ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'].map(dev);
  const bakeryInfo = await api.query.coopMembership.coops(RIVERSIDE_BAKERY);
  assert.ok(bakeryInfo.isSome, 'Riverside Bakery (co-op 1) comes from the local_testnet genesis');
  const bakery = {
    name: 'Riverside Bakery', coop: RIVERSIDE_BAKERY, proposer: eve, voters: [eve, ferdie],
    treasury: coopTreasury(api, RIVERSIDE_BAKERY),
  };

  log('founding Hilltop Growers (Alice, Bob) and Harbour Repair Works (Charlie, Dave)');
  const [growersCoop, repairCoop] = await Promise.all([
    found(api, 'Hilltop Growers', alice, [bob]),
    found(api, 'Harbour Repair Works', charlie, [dave]),
  ]);
  const growers = { name: 'Hilltop Growers', ...growersCoop, proposer: alice, voters: [alice, bob] };
  const repair = { name: 'Harbour Repair Works', ...repairCoop, proposer: charlie, voters: [charlie, dave] };

  log('the co-ops\' treasuries receive their working capital (10 000 COOP each)');
  const seeded = await submit(api, batched(api, [bakery, growers, repair].map(
    (c) => api.tx.balances.transferKeepAlive(c.treasury, 10_000n * UNIT))), alice);
  if (seeded.error) throw new Error(`funding treasuries: ${JSON.stringify(seeded.error)}`);
  assert.equal((await api.query.coopMembership.members(0, bakery.treasury)).isNone, true,
    'the demo has been seeded on this chain already');
  // Each co-op names a federation delegate (an account derived from its number, so the tests can
  // sign for it), who needs a little for fees.
  await fund(api, [bakery, growers, repair].map((c) => delegateKey(c.coop)), 10n * UNIT);
  const delegate = (c) => api.tx.coopMembership.setDelegate(delegateKey(c.coop).address, false);

  log('motions: Riverside Bakery sets its patronage policy and names Eve its till operator; '
    + 'Hilltop Growers opens a DAICO; all three apply to the federation');
  const raiseStart = (await bestNumber(api)) + 15;
  const phase2 = await Promise.all([
    passMotions(api, bakery.coop, [
      api.tx.patronage.setPolicy(bakery.coop, {
        categories: [{ name: 'bread bought', weight: 1 }, { name: 'hours worked', weight: 20 }],
        reserveShare: 100_000_000,
        fundShare: 50_000_000,
        cashShare: 400_000_000,
        revolvingPeriods: 2,
        claimWindow: 14_400,
      }),
      { GrantRole: { who: eve.address, role: 'Operator' } },
      api.tx.coopMembership.apply(0, 0),
      delegate(bakery),
    ], bakery.proposer, bakery.voters),
    passMotions(api, growers.coop, [
      api.tx.daico.createRaise(growers.coop, {
        beneficiary: bob.address,
        softCap: 1_000n * UNIT,
        hardCap: 20_000n * UNIT,
        start: raiseStart,
        end: raiseStart + 600,
        minContribution: 50n * UNIT, // at least the 20 000 COOP hard cap shared among 512 contributor slots
        maxContribution: 5_000n * UNIT,
        contributors: 'Anyone',
        tapRate: UNIT / 10n,
        tapCeiling: UNIT,
        voting: 'Capital', // open to anyone, so votes weigh contributions (heads only where membership is admitted by vote)
        quorum: 500_000_000,
        approval: 500_000_000,
        votingPeriod: 20,
        milestones: [],
      }),
      api.tx.coopMembership.apply(0, 0),
      delegate(growers),
    ], growers.proposer, growers.voters),
    passMotions(api, repair.coop, [api.tx.coopMembership.apply(0, 0), delegate(repair)],
      repair.proposer, repair.voters),
  ]);
  const applications = phase2.map((events) => {
    const [application] = eventsOf(events, api.events.coopMembership.ApplicationSubmitted)
      .filter((e) => e.data.coop.toNumber() === 0);
    return application.data.motion.toNumber();
  });
  const [created] = eventsOf(phase2[1], api.events.daico.RaiseCreated);
  const raise = created.data.raise.toNumber();

  log('the federation\'s member co-ops vote the three in through their delegates, and it opens '
    + 'its credit circle');
  await federationVote(api, applications);
  await untilClosable(api, 0, applications);
  const closed = await submit(api, batched(api, applications.map(
    (m) => api.tx.coopMembership.closeMotion(0, m, { refTime: 0, proofSize: 0 }))), alice);
  if (closed.error) throw new Error(`federation close: ${JSON.stringify(closed.error)}`);
  assert.equal(eventsOf(closed.events, api.events.coopMembership.MemberAdmitted).length, 3);
  await ensureFederationCircle(api);

  log('the co-ops join the circle by motion; Eve records the bakery\'s patronage from the till');
  await Promise.all([
    passMotions(api, bakery.coop, [api.tx.circularCredit.join(0)], bakery.proposer, bakery.voters)
      .then(() => submit(api, api.tx.patronage.recordPatronageBatch(bakery.coop, [
        { patron: eve.address, category: 0, amount: 1_200 },
        { patron: eve.address, category: 1, amount: 160 },
        { patron: ferdie.address, category: 0, amount: 800 },
        { patron: ferdie.address, category: 1, amount: 120 },
      ]), eve)),
    passMotions(api, growers.coop, [api.tx.circularCredit.join(0)], growers.proposer, growers.voters),
    passMotions(api, repair.coop, [api.tx.circularCredit.join(0)], repair.proposer, repair.voters),
  ]);

  log('the federation grants credit limits; the bakery closes its patronage period');
  const CREDIT = 100n; // credit is booked in hundredths of a unit (2 decimals)
  await Promise.all([
    passFederationMotions(api, [batched(api, [bakery, growers, repair].map(
      (c) => api.tx.circularCredit.setCreditLimit(0, c.treasury, 5_000n * CREDIT, null)))]),
    passMotions(api, bakery.coop, [api.tx.patronage.closePeriod(bakery.coop, 2_000n * UNIT)],
      bakery.proposer, bakery.voters),
  ]);

  log('trade: a payment in credit and a cycle of obligations, issued by the creditors');
  // The bakery owes the growers for flour, the growers owe the repair works for a tractor, the
  // repair works owe the bakery for catering.
  const cycle = [[bakery, growers, 300n], [growers, repair, 200n], [repair, bakery, 250n]];
  const issued = await Promise.all(cycle.map(([debtor, creditor, amount]) => passMotions(
    api, creditor.coop, [
      api.tx.circularCredit.issueObligation(0, debtor.treasury, amount * CREDIT, 1_000_000),
      ...(creditor === growers
        ? [api.tx.circularCredit.pay(0, repair.treasury, 150n * CREDIT, 'seed potatoes')] : []),
    ], creditor.proposer, creditor.voters)));
  const obligations = issued.map((events) =>
    eventsOf(events, api.events.circularCredit.ObligationIssued)[0].data.id.toNumber());

  log('the debtors accept their obligations by motion');
  await Promise.all(cycle.map(([debtor], k) => passMotions(api, debtor.coop,
    [api.tx.circularCredit.acceptObligation(0, obligations[k])], debtor.proposer, debtor.voters)));

  log('Charlie, Dave, Eve and Ferdie contribute to the Hilltop Growers raise');
  while ((await bestNumber(api)) < raiseStart) await new Promise((r) => setTimeout(r, 2000));
  const contributed = await Promise.all([[charlie, 600n], [dave, 300n], [eve, 250n], [ferdie, 150n]]
    .map(([who, amount]) => submit(api, api.tx.daico.contribute(raise, amount * UNIT), who)));
  for (const c of contributed) if (c.error) throw new Error(`contribute: ${JSON.stringify(c.error)}`);

  return {
    coops: { bakery: bakery.coop, growers: growers.coop, repair: repair.coop },
    treasuries: { bakery: bakery.treasury, growers: growers.treasury, repair: repair.treasury },
    raise,
    raiseEnd: raiseStart + 600,
    obligations,
  };
}

module.exports = { seedDemo, demoBylaws };
