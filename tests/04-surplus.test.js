// Journey 4, surplus: a co-op sets its patronage policy and grants its till the operator role
// by motion; the till records members' patronage (and non-member business) over a period; the
// period is closed by motion; the runtime API and the RPC report each member's claimable
// allocation; members claim, receiving the cash share with the rest recorded as retained equity
// in their capital accounts, which later revolves back to them.
'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const {
  UNIT, connect, fresh, submit, eventsOf, fund, free, foundCoop, passMotion, passProposal, rpc,
} = require('./lib/chain');

/** Per-mille of a UNIT amount, as plancks. */
const permille = (units, pm) => (BigInt(units) * UNIT * BigInt(pm)) / 1000n;

describe('journey 4: surplus returned as patronage dividends', () => {
  let api;
  let founder;
  let members;
  let till;
  let customer;
  let coop;
  let treasury;

  before(async () => {
    api = await connect();
    founder = fresh();
    members = [fresh(), fresh()];
    till = fresh();
    customer = fresh();
    await fund(api, [founder, ...members, till, customer], 1_000n * UNIT);
    ({ coop, treasury } = await foundCoop(api, founder, members));
    // The co-op's surplus is in its treasury.
    await fund(api, [{ address: treasury }], 5_000n * UNIT);
  });

  after(async () => {
    if (api) await api.disconnect();
  });

  it('sets a policy and grants the till the operator role by motion', async () => {
    const policy = {
      categories: [{ name: 'purchases', weight: 1 }, { name: 'labour hours', weight: 10 }],
      reserveShare: 100_000_000, // 10 %
      fundShare: 50_000_000, // 5 %
      cashShare: 300_000_000, // 30 %
      revolvingPeriods: 0, // equity revolves as soon as the period has closed
      claimWindow: 200,
    };
    const voters = [founder, ...members];
    const set = await passMotion(api, coop, api.tx.patronage.setPolicy(coop, policy), founder, voters);
    const [opened] = eventsOf(set, api.events.patronage.PeriodOpened);
    assert.equal(opened.data.period.toNumber(), 0);
    assert.equal(eventsOf(set, api.events.patronage.PolicySet).length, 1);

    const granted = await passProposal(
      api, coop, { GrantRole: { who: till.address, role: 'Operator' } }, founder, voters);
    assert.equal(eventsOf(granted, api.events.coopMembership.RoleGranted).length, 1);
  });

  it('records members\' patronage and non-member business from the till', async () => {
    const records = [
      { patron: members[0].address, category: 0, amount: 600 },
      { patron: members[1].address, category: 0, amount: 300 },
      { patron: members[1].address, category: 1, amount: 10 },
      { patron: customer.address, category: 0, amount: 250 },
    ];
    const { events, error } = await submit(api, api.tx.patronage.recordPatronageBatch(coop, records), till);
    assert.equal(error, null);
    assert.equal(eventsOf(events, api.events.patronage.PatronageRecorded).length, 3);
    assert.equal(eventsOf(events, api.events.patronage.NonMemberBusinessRecorded).length, 1);

    const summary = await rpc(api, 'patronage_periodSummary', [coop, 0]);
    assert.deepEqual(summary, { status: 'open', memberUnits: '1000', nonMemberUnits: '250' });
  });

  it('closes the period by motion and splits the surplus', async () => {
    const before = await free(api, treasury);
    const events = await passMotion(
      api, coop, api.tx.patronage.closePeriod(coop, 1_000n * UNIT), founder, [founder, ...members]);
    const [closed] = eventsOf(events, api.events.patronage.PeriodClosed);
    assert.ok(closed, 'PeriodClosed');
    // 1 000 surplus: 100 reserve, 50 fund; of 850, 250/1250 earned by non-members (170).
    assert.equal(closed.data.reserve.toBigInt(), 100n * UNIT);
    assert.equal(closed.data.fund.toBigInt(), 50n * UNIT);
    assert.equal(closed.data.nonMemberShare.toBigInt(), 170n * UNIT);
    assert.equal(closed.data.allocatable.toBigInt(), 680n * UNIT);
    assert.equal(before - (await free(api, treasury)), 1_000n * UNIT);

    const summary = await rpc(api, 'patronage_periodSummary', [coop, 0]);
    assert.equal(summary.status, 'closed');
    assert.equal(summary.closed.allocatable, (680n * UNIT).toString());
    assert.equal(summary.closed.swept, false);
  });

  it('reports each member\'s claimable allocation through the runtime API and the RPC', async () => {
    // 0.68 per unit: member 0 has 600 units, member 1 has 400.
    const viaApi = await api.call.patronageApi.claimable(coop, 0, members[0].address);
    assert.ok(viaApi.isSome);
    assert.equal(viaApi.unwrap().total.toBigInt(), 408n * UNIT);

    const viaRpc = await rpc(api, 'patronage_claimable', [coop, 0, members[1].address]);
    assert.deepEqual(viaRpc, {
      units: '400',
      total: (272n * UNIT).toString(),
      cash: permille(272, 300).toString(),
      retained: permille(272, 700).toString(),
    });
    assert.equal(await rpc(api, 'patronage_claimable', [coop, 0, customer.address]), null);
  });

  it('pays the cash share and records retained equity on claim', async () => {
    const before = await Promise.all(members.map((m) => free(api, m.address)));
    // Claimed on the members' behalf, so their balances change by exactly the cash.
    const [first, second] = await Promise.all([
      submit(api, api.tx.patronage.claim(coop, 0, members[0].address), till),
      submit(api, api.tx.patronage.claim(coop, 0, members[1].address), customer),
    ]);
    assert.equal(first.error, null);
    assert.equal(second.error, null);
    const [notice] = eventsOf(first.events, api.events.patronage.AllocationNotified);
    assert.equal(notice.data.total.toBigInt(), 408n * UNIT);
    assert.equal(notice.data.cash.toBigInt(), permille(408, 300));
    assert.equal(notice.data.retained.toBigInt(), permille(408, 700));

    const after = await Promise.all(members.map((m) => free(api, m.address)));
    assert.equal(after[0] - before[0], permille(408, 300));
    assert.equal(after[1] - before[1], permille(272, 300));

    const account = await rpc(api, 'patronage_capitalAccount', [coop, members[0].address]);
    assert.deepEqual(account, {
      tranches: [{ period: 0, maturesAfter: 0, amount: permille(408, 700).toString() }],
      owed: permille(408, 700).toString(),
      matured: permille(408, 700).toString(),
    });

    const again = await submit(api, api.tx.patronage.claim(coop, 0, members[0].address), till);
    assert.equal(again.error.name, 'NothingToClaim');
    assert.match(again.error.docs, /nothing to claim/i);
  });

  it('revolves matured equity back to the member', async () => {
    const before = await free(api, members[0].address);
    const { events, error } = await submit(api, api.tx.patronage.revolve(coop, members[0].address), till);
    assert.equal(error, null);
    const [revolved] = eventsOf(events, api.events.patronage.EquityRevolved);
    assert.equal(revolved.data.paid.toBigInt(), permille(408, 700));
    assert.equal(revolved.data.stillOwed.toBigInt(), 0n);
    assert.equal((await free(api, members[0].address)) - before, permille(408, 700));
    const account = await rpc(api, 'patronage_capitalAccount', [coop, members[0].address]);
    assert.deepEqual(account, { tranches: [], owed: '0', matured: '0' });
  });

  it('refuses patronage from an account without the operator role', async () => {
    const { error } = await submit(
      api, api.tx.patronage.recordPatronage(coop, members[0].address, 0, 5), members[0]);
    assert.equal(error.section, 'patronage');
    assert.equal(error.name, 'NotCoopOperator');
  });
});
