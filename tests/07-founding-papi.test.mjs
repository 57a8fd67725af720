// Journey 1 again, through the typed client polkadot-api (PAPI): descriptors generated offline
// from the runtime's metadata (`scripts/papi-descriptors.sh`, `papi add --wasm`), so every call,
// storage item and event below is checked against the runtime's types.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, Binary, Enum } from 'polkadot-api';
import { getWsProvider } from 'polkadot-api/ws';
import { getPolkadotSigner } from 'polkadot-api/signer';
import { sr25519CreateDerive } from '@polkadot-labs/hdkd';
import { ss58Address } from '@polkadot-labs/hdkd-helpers';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
// Node 20 has no global WebSocket; PAPI takes the class it should use.
import WebSocket from 'ws';

const { coopchain } = await import('./.papi/descriptors/dist/index.js');

const WS = process.env.COOPCHAIN_WS || 'ws://127.0.0.1:9944';
const UNIT = 10n ** 12n;

/** An sr25519 signer at `path` below a mini secret. */
function signerAt(miniSecret, path) {
  const pair = sr25519CreateDerive(miniSecret)(path);
  return {
    address: ss58Address(pair.publicKey, 42),
    signer: getPolkadotSigner(pair.publicKey, 'Sr25519', pair.sign),
  };
}

const fresh = () => signerAt(new Uint8Array(randomBytes(32)), '');

/** The payloads of the events of type `pallet.name` among a transaction's events. */
const eventsOf = (events, pallet, name) => events
  .filter((e) => e.type === pallet && e.value.type === name)
  .map((e) => e.value.value);

/** `pallet.error` of a failed transaction, as PAPI decodes it. */
const moduleError = (result) => {
  assert.equal(result.ok, false, 'the call should have failed');
  assert.equal(result.dispatchError.type, 'Module');
  const { type: pallet, value } = result.dispatchError.value;
  return `${pallet}.${value.type}`;
};

describe('journey 1 through polkadot-api (typed descriptors)', () => {
  let client;
  let api;
  let founder;
  let applicants;
  let rejected;
  let coop;
  let treasury;
  const share = 10n * UNIT;

  const ok = async (tx, who) => {
    const result = await tx.signAndSubmit(who.signer);
    assert.equal(result.ok, true, `failed: ${JSON.stringify(result.dispatchError, (_, v) => (typeof v === 'bigint' ? v.toString() : v))}`);
    return result.events;
  };
  const free = async (address) => (await api.query.System.Account.getValue(address)).data.free;

  before(async () => {
    client = createClient(getWsProvider(WS, { websocketClass: WebSocket }));
    api = client.getTypedApi(coopchain);
    founder = fresh();
    applicants = [fresh(), fresh(), fresh()];
    rejected = fresh();
    // Funded by Alice through the @polkadot/api helpers, whose signer lock orders her nonces
    // with the other test files that sign as her at the same time.
    const chain = createRequire(import.meta.url)('./lib/chain.js');
    const funder = await chain.connect();
    await chain.fund(funder, [founder, ...applicants, rejected], 100n * UNIT);
    await funder.disconnect();
  });

  after(() => client?.destroy());

  it('founds a co-op with typed bylaws', async () => {
    const events = await ok(api.tx.CoopMembership.create_coop({
      name: Binary.fromText('Typed Tea Co-op'),
      bylaws: {
        share_price: share,
        admission: Enum('ByVote'),
        classes: [{ kind: Enum('Worker'), votes: true }],
        investor_vote_cap: 0,
        quorum: 500_000_000,
        approval: 500_000_000,
        voting_period: 20,
        withdrawal_notice: 0,
        max_members: 10,
        special_quorum: 666_666_667,
        special_approval: 666_666_666,
        deliberation: 2,
      },
    }), founder);
    const [created] = eventsOf(events, 'CoopMembership', 'CoopCreated');
    assert.equal(created.founder, founder.address);
    coop = created.coop;
    treasury = created.treasury;
    const info = await api.query.CoopMembership.Coops.getValue(coop);
    assert.equal(info.members, 1);
    assert.equal(info.share_capital, share);
  });

  it('admits three applicants by motion', async () => {
    const motions = [];
    for (const a of applicants) {
      const events = await ok(api.tx.CoopMembership.apply({ coop, class: 0 }), a);
      motions.push(eventsOf(events, 'CoopMembership', 'ApplicationSubmitted')[0].motion);
    }
    await ok(api.tx.Utility.batch_all({
      calls: motions.map((motion) => api.tx.CoopMembership.vote({ coop, motion, aye: true }).decodedCall),
    }), founder);
    const events = await ok(api.tx.Utility.batch_all({
      calls: motions.map((motion) => api.tx.CoopMembership.close_motion({
        coop, motion, call_weight_bound: { ref_time: 0n, proof_size: 0n },
      }).decodedCall),
    }), founder);
    assert.deepEqual(eventsOf(events, 'CoopMembership', 'MotionClosed').map((c) => c.outcome.type),
      ['Approved', 'Approved', 'Approved']);
    assert.deepEqual(eventsOf(events, 'CoopMembership', 'MemberAdmitted').map((m) => m.member).sort(),
      applicants.map((a) => a.address).sort());
    const info = await api.query.CoopMembership.Coops.getValue(coop);
    assert.equal(info.members, 4);
    assert.equal(info.share_capital, 4n * share);
    assert.equal(await free(treasury), 4n * share);
  });

  it('rejects an applicant and releases the held share', async () => {
    const applied = await ok(api.tx.CoopMembership.apply({ coop, class: 0 }), rejected);
    const { motion } = eventsOf(applied, 'CoopMembership', 'ApplicationSubmitted')[0];
    // Every member votes (a motion closes early only on a full count); each vote waits for
    // finality, so the two blocks' deliberation are over by the close.
    for (const a of [...applicants, founder]) {
      await ok(api.tx.CoopMembership.vote({ coop, motion, aye: false }), a);
    }
    const events = await ok(api.tx.CoopMembership.close_motion({
      coop, motion, call_weight_bound: { ref_time: 0n, proof_size: 0n },
    }), founder);
    assert.equal(eventsOf(events, 'CoopMembership', 'MotionClosed')[0].outcome.type, 'Rejected');
    assert.equal(eventsOf(events, 'CoopMembership', 'ApplicationRefunded')[0].amount, share);
    assert.equal(await api.query.CoopMembership.Members.getValue(coop, rejected.address), undefined);
    assert.equal((await api.query.System.Account.getValue(rejected.address)).data.reserved, 0n);
  });

  it('refuses a second application with a typed module error', async () => {
    const result = await api.tx.CoopMembership.apply({ coop, class: 0 }).signAndSubmit(applicants[0].signer);
    assert.equal(moduleError(result), 'CoopMembership.AlreadyMember');
  });

  it('lets a member leave and repays the share', async () => {
    const leaver = applicants[2];
    const left = await ok(api.tx.CoopMembership.leave({ coop }), leaver);
    assert.equal(eventsOf(left, 'CoopMembership', 'MemberLeft')[0].amount, share);
    const before = await free(leaver.address);
    const redeemed = await ok(api.tx.CoopMembership.redeem_share({ coop, member: leaver.address }), founder);
    assert.equal(eventsOf(redeemed, 'CoopMembership', 'ShareRedeemed')[0].amount, share);
    assert.equal((await free(leaver.address)) - before, share);
    const info = await api.query.CoopMembership.Coops.getValue(coop);
    assert.equal(info.members, 3);
    assert.equal(info.share_capital, 3n * share);
  });
});
