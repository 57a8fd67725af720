// The demo network: seeds the running network as `scripts/network.sh` does, then checks that a
// newcomer finds what the README promises, through the same queries Polkadot.js Apps makes.
'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { connect, rpc, dev } = require('./lib/chain');
const { seedDemo } = require('./lib/demo');

describe('the demo network', () => {
  let api;
  let demo;

  before(async () => {
    api = await connect();
    demo = await seedDemo(api, (line) => console.log(`demo: ${line}`));
  }, { timeout: 20 * 60_000 }); // about 2.5 minutes of transactions

  after(async () => {
    if (api) await api.disconnect();
  });

  it('has a federation with three member co-ops, each with members', async () => {
    for (const [name, coop] of Object.entries(demo.coops)) {
      const info = (await api.query.coopMembership.coops(coop)).unwrap();
      assert.ok(info.members.toNumber() >= 2, `${name} has members`);
      const inFederation = await api.query.coopMembership.members(0, demo.treasuries[name]);
      assert.ok(inFederation.isSome, `${name} is a member of the federation`);
    }
    const names = await Promise.all(Object.values(demo.coops).map(
      async (coop) => (await api.query.coopMembership.coops(coop)).unwrap().name.toUtf8()));
    assert.deepEqual(names, ['Riverside Bakery', 'Hilltop Growers', 'Harbour Repair Works']);
  });

  it('has a live DAICO taking contributions above its soft cap', async () => {
    const raise = (await api.query.daico.raises(demo.raise)).unwrap();
    assert.equal(raise.state.toString(), 'Funding');
    assert.equal(raise.coop.toNumber(), demo.coops.growers);
    assert.equal(raise.contributors.toNumber(), 4);
    assert.ok(raise.raised.toBigInt() >= raise.params.softCap.toBigInt());
    assert.equal(raise.params.beneficiary.toString(), dev('Bob').address);
  });

  it('has a closed patronage period with claims pending', async () => {
    const closed = await api.query.patronage.closedPeriods(demo.coops.bakery, 0);
    assert.ok(closed.isSome, 'period 0 of Riverside Bakery is closed');
    for (const name of ['Eve', 'Ferdie']) {
      const claimable = await rpc(api, 'patronage_claimable', [demo.coops.bakery, 0, dev(name).address]);
      assert.ok(claimable && BigInt(claimable.cash) > 0n, `${name} has a claim pending`);
    }
  });

  it('has a credit circle with a cycle of accepted obligations ready to clear', async () => {
    for (const id of demo.obligations) {
      const o = (await api.query.circularCredit.obligations(0, id)).unwrap();
      assert.equal(o.accepted.isTrue, true);
    }
    const proposal = await rpc(api, 'circularCredit_proposeClearing', [0]);
    const ours = proposal.setoffs.filter(([id]) => demo.obligations.includes(id));
    // The cycle 300 / 200 / 250 (units of 100 cents) clears by its smallest debt.
    assert.deepEqual(ours.map(([, amount]) => BigInt(amount)), [200n, 200n, 200n].map((x) => x * 100n));
  });
});
