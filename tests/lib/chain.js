// Helpers for the end-to-end tests: connect to the network, sign and submit, decode errors.
// No custom types: everything comes from the runtime's metadata, as in Polkadot.js Apps.
'use strict';

const { ApiPromise, WsProvider, Keyring } = require('@polkadot/api');
const assert = require('node:assert/strict');
const { randomAsHex, xxhashAsHex } = require('@polkadot/util-crypto');
const { bnToU8a, stringToU8a, u8aConcat } = require('@polkadot/util');

const WS = process.env.COOPCHAIN_WS || 'ws://127.0.0.1:9944';

/** One COOP in plancks (12 decimals). */
const UNIT = 10n ** 12n;

/** Each connection's provider, for the node's custom RPC methods. */
const providers = new WeakMap();

async function connect() {
  const provider = new WsProvider(WS);
  const api = await ApiPromise.create({ provider, noInitWarn: true });
  await api.isReady;
  providers.set(api, provider);
  return api;
}

function keyring() {
  return new Keyring({ type: 'sr25519', ss58Format: 42 });
}

/** The well-known development account `//Name`. */
function dev(name) {
  return keyring().addFromUri(`//${name}`);
}

/** A fresh random account, so each test starts from a clean slate. */
function fresh() {
  return keyring().addFromUri(randomAsHex(32));
}

/**
 * The keyless treasury account of a co-op: the membership pallet's id (`coop/mbr`) with the
 * co-op's number, as `PalletId::into_sub_account_truncating` derives it.
 */
function coopTreasury(api, coop) {
  const raw = new Uint8Array(32);
  raw.set(u8aConcat(stringToU8a('modlcoop/mbr'), bnToU8a(coop, { bitLength: 32, isLe: true })));
  return api.registry.createType('AccountId32', raw).toString();
}

/** Decodes a dispatch error into { section, name, docs } (module errors) or { name } (others). */
function decodeError(api, dispatchError) {
  if (dispatchError.isModule) {
    const meta = api.registry.findMetaError(dispatchError.asModule);
    return { section: meta.section, name: meta.name, docs: meta.docs.join(' ') };
  }
  if (dispatchError.isToken) return { section: 'Token', name: dispatchError.asToken.type };
  if (dispatchError.isArithmetic) return { section: 'Arithmetic', name: dispatchError.asArithmetic.type };
  return { section: 'Dispatch', name: dispatchError.type };
}

/**
 * Signs and submits `tx` with `signer`, waits until it is in a block of the best chain and
 * returns { blockHash, events, error }: `error` is the decoded dispatch error of a failed call
 * (the transaction was still included and paid for), or null. (Waiting for inclusion, not
 * finality, halves the suite's time; `untilFinalized` waits for finality where a test needs it.)
 */
function submit(api, tx, signer) {
  return new Promise((resolve, reject) => {
    let unsub = null;
    tx.signAndSend(signer, { nonce: -1 }, (result) => {
      const { status, events, dispatchError } = result;
      if (status.isInvalid || status.isDropped || status.isUsurped) {
        if (unsub) unsub();
        reject(new Error(`transaction ${status.type}`));
        return;
      }
      if (status.isInBlock) {
        if (unsub) unsub();
        let error = dispatchError ? decodeError(api, dispatchError) : null;
        // A failed call inside federation's enactment is reported by an event, not as the
        // dispatch error.
        for (const { event } of events) {
          if (api.events.federation && api.events.federation.Enacted.is(event)
            && event.data.result.isErr) {
            error = decodeError(api, event.data.result.asErr);
          }
        }
        resolve({ blockHash: status.asInBlock.toHex(), events: events.map((r) => r.event), error });
      }
    })
      .then((u) => { unsub = u; })
      .catch(reject);
  });
}

/** The events of a submission that match `api.events.<pallet>.<Name>`. */
function eventsOf(events, eventType) {
  return events.filter((event) => eventType.is(event));
}

/** Free balance of an account, as a BigInt. */
async function free(api, address) {
  const { data } = await api.query.system.account(address);
  return data.free.toBigInt();
}

/** Sends `amount` from Alice to each of the accounts, in one batch. */
async function fund(api, accounts, amount) {
  const alice = dev('Alice');
  const transfers = accounts.map((a) => api.tx.balances.transferKeepAlive(a.address, amount));
  const { error } = await submit(api, api.tx.utility.batchAll(transfers), alice);
  if (error) throw new Error(`funding failed: ${JSON.stringify(error)}`);
}

/** Resolves once the block `blockHash` is finalized (its number at most the finalized head's). */
async function untilFinalized(api, blockHash) {
  const { number } = await api.rpc.chain.getHeader(blockHash);
  for (;;) {
    const finalized = await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead());
    if (finalized.number.toNumber() >= number.toNumber()) {
      const canonical = await api.rpc.chain.getBlockHash(number);
      return canonical.toHex() === blockHash;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** The number of the best block. */
async function bestNumber(api) {
  return (await api.rpc.chain.getHeader()).number.toNumber();
}

/** Resolves once the best block is at least `n`. */
async function untilBlock(api, n) {
  for (;;) {
    if ((await bestNumber(api)) >= n) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/**
 * Resolves once the motions of `coop` may be closed: after their deliberation time when every
 * eligible voter has voted, else after their voting period (the pallet closes a motion early
 * only on a full count). Waits for the best block before the target: the close lands in a later
 * block.
 */
async function untilClosable(api, coop, motions) {
  let target = 0;
  for (const m of motions) {
    const motion = (await api.query.coopMembership.motions(coop, m)).unwrap();
    const cast = motion.tally.ayes.toNumber() + motion.tally.nays.toNumber();
    const everyone = cast >= motion.electorate.toNumber();
    const at = everyone ? motion.earliestClose.toNumber() : motion.votingEnds.toNumber();
    target = Math.max(target, at);
  }
  await untilBlock(api, target - 1);
}

/**
 * Founds a co-op with open admission and 20-block motions (2 blocks' deliberation); `members`
 * join it. Returns { coop, treasury }.
 */
async function foundCoop(api, founder, members, overrides = {}) {
  const bylaws = {
    sharePrice: UNIT,
    admission: 'Open',
    classes: [{ kind: 'Worker', votes: true }],
    investorVoteCap: 0,
    quorum: 500_000_000,
    approval: 500_000_000,
    votingPeriod: 20,
    withdrawalNotice: 0,
    maxMembers: 50,
    specialQuorum: 666_666_667,
    specialApproval: 666_666_666,
    deliberation: 2,
    ...overrides,
  };
  const created = await submit(api, api.tx.coopMembership.createCoop('journey co-op', bylaws), founder);
  if (created.error) throw new Error(`createCoop: ${JSON.stringify(created.error)}`);
  const [event] = eventsOf(created.events, api.events.coopMembership.CoopCreated);
  const coop = event.data.coop.toNumber();
  // Different signers: their transactions go in together.
  const joined = await Promise.all(
    members.map((m) => submit(api, api.tx.coopMembership.apply(coop, 0), m)));
  for (const j of joined) {
    if (j.error) throw new Error(`apply: ${JSON.stringify(j.error)}`);
  }
  return { coop, treasury: event.data.treasury.toString() };
}

/** The call weight bound a dispatch motion needs to be closed: twice the call's weight. */
async function weightBound(call, who) {
  const info = await call.paymentInfo(who);
  return {
    refTime: info.weight.refTime.toBigInt() * 2n,
    proofSize: info.weight.proofSize.toBigInt() * 2n + 100_000n,
  };
}

/** `tx` alone, or all of `txs` in one `utility.batchAll`. */
function batched(api, txs) {
  return txs.length === 1 ? txs[0] : api.tx.utility.batchAll(txs);
}

/**
 * Passes several motions of `coop` at once: `proposer` proposes them all in one batch, each of
 * `voters` votes aye on all in one batch, then, once the motions may close (`untilClosable`:
 * at once after the deliberation time when `voters` are the whole electorate, else after the
 * voting period), `proposer` closes them all in one batch. An item is either a call (a dispatch
 * motion carrying it), `{ special: call }` (a special resolution carrying it) or a proposal
 * object (e.g. `{ GrantRole: { who, role: 'Operator' } }`). Checks that every motion was
 * approved and every dispatched call succeeded; returns the events of the closing block.
 */
async function passMotions(api, coop, items, proposer, voters) {
  const proposals = [];
  const bounds = [];
  for (const item of items) {
    if (item && typeof item.paymentInfo === 'function') {
      proposals.push({ Dispatch: { call: item } });
      bounds.push(await weightBound(item, proposer.address));
    } else if (item && item.special) {
      proposals.push({ DispatchSpecial: { call: item.special } });
      bounds.push(await weightBound(item.special, proposer.address));
    } else {
      proposals.push(item);
      bounds.push({ refTime: 0, proofSize: 0 });
    }
  }
  const proposed = await submit(
    api, batched(api, proposals.map((p) => api.tx.coopMembership.propose(coop, p))), proposer);
  if (proposed.error) throw new Error(`propose in co-op ${coop}: ${JSON.stringify(proposed.error)}`);
  const motions = eventsOf(proposed.events, api.events.coopMembership.MotionProposed)
    .map((e) => e.data.motion.toNumber());
  assert.equal(motions.length, items.length, 'one MotionProposed per proposal');

  // Different signers: their votes go in together.
  const votes = await Promise.all(voters.map((v) => submit(
    api, batched(api, motions.map((m) => api.tx.coopMembership.vote(coop, m, true))), v)));
  for (const voted of votes) {
    if (voted.error) throw new Error(`vote in co-op ${coop}: ${JSON.stringify(voted.error)}`);
  }
  await untilClosable(api, coop, motions);
  const closed = await submit(api, batched(api,
    motions.map((m, i) => api.tx.coopMembership.close(coop, m, bounds[i]))), proposer);
  if (closed.error) throw new Error(`close in co-op ${coop}: ${JSON.stringify(closed.error)}`);
  const outcomes = eventsOf(closed.events, api.events.coopMembership.MotionClosed);
  for (const outcome of outcomes) {
    assert.equal(outcome.data.outcome.toString(), 'Approved', `motion ${outcome.data.motion} of co-op ${coop}`);
  }
  for (const executed of eventsOf(closed.events, api.events.coopMembership.MotionExecuted)) {
    if (executed.data.result.isErr) {
      throw new Error(`the motion's call failed: ${JSON.stringify(decodeError(api, executed.data.result.asErr))}`);
    }
  }
  const notExecuted = eventsOf(closed.events, api.events.coopMembership.MotionNotExecuted);
  assert.equal(notExecuted.length, 0, 'every approved motion was carried out');
  return closed.events;
}

/**
 * Passes a motion of `coop` on `proposal` (e.g. `{ GrantRole: { who, role: 'Operator' } }`):
 * `proposer` proposes, `voters` vote aye, then it is closed. Returns the events of the closing
 * block.
 */
async function passProposal(api, coop, proposal, proposer, voters) {
  return passMotions(api, coop, [proposal], proposer, voters);
}

/**
 * Passes a dispatch motion of `coop` carrying `call`: `proposer` proposes, `voters` vote aye,
 * then it is closed. Returns the events of the closing block.
 */
async function passMotion(api, coop, call, proposer, voters) {
  const events = await passMotions(api, coop, [call], proposer, voters);
  assert.equal(eventsOf(events, api.events.coopMembership.MotionExecuted).length, 1, 'the motion was executed');
  return events;
}

/** The federation's founding members (co-op 0): Alice, Bob, Charlie and Dave. */
function federationVoters() {
  return ['Alice', 'Bob', 'Charlie', 'Dave'].map(dev);
}

/**
 * Admits co-ops to the federation (co-op 0): each co-op applies through its own motion
 * (`{ coop, treasury, proposer, voters }`), then the federation's founding members vote the
 * admissions through. Checks that each treasury is a member of the federation.
 */
async function admitToFederation(api, coops) {
  const applied = await Promise.all(coops.map((c) => passMotion(
    api, c.coop, api.tx.coopMembership.apply(0, 0), c.proposer, c.voters)));
  const motions = applied.map((events) => {
    const [application] = eventsOf(events, api.events.coopMembership.ApplicationSubmitted);
    assert.ok(application, 'the co-op applied to the federation');
    return application.data.motion.toNumber();
  });
  const voters = federationVoters();
  const votes = await Promise.all(voters.map((v) => submit(
    api, batched(api, motions.map((m) => api.tx.coopMembership.vote(0, m, true))), v)));
  for (const voted of votes) {
    if (voted.error) throw new Error(`federation vote: ${JSON.stringify(voted.error)}`);
  }
  await untilClosable(api, 0, motions);
  const closed = await submit(api, batched(api, motions.map(
    (m) => api.tx.coopMembership.close(0, m, { refTime: 0, proofSize: 0 }))), voters[0]);
  if (closed.error) throw new Error(`federation close: ${JSON.stringify(closed.error)}`);
  const admitted = eventsOf(closed.events, api.events.coopMembership.MemberAdmitted)
    .map((e) => e.data.member.toString());
  for (const c of coops) assert.ok(admitted.includes(c.treasury), `co-op ${c.coop} joined the federation`);
}

/**
 * Waits for the federation resolution scheduled in `events` (its `EnactmentScheduled`) to be
 * enacted by the scheduler after the enactment delay, and returns the events of the block that
 * enacted it; checks that `federation.Enacted` reports it with Ok.
 */
async function untilEnacted(api, events) {
  const [scheduled] = eventsOf(events, api.events.federation.EnactmentScheduled);
  assert.ok(scheduled, 'federation.EnactmentScheduled');
  const index = scheduled.data.index.toNumber();
  const when = scheduled.data.when.toNumber();
  await untilBlock(api, when);
  const hash = await api.rpc.chain.getBlockHash(when);
  const enactedIn = (await (await api.at(hash)).query.system.events()).map((r) => r.event);
  const [enacted] = eventsOf(enactedIn, api.events.federation.Enacted)
    .filter((e) => e.data.index.toNumber() === index);
  assert.ok(enacted, `federation.Enacted for resolution ${index} at block ${when}`);
  if (enacted.data.result.isErr) {
    throw new Error(`the enacted call failed: ${JSON.stringify(decodeError(api, enacted.data.result.asErr))}`);
  }
  return enactedIn;
}

/** Opens the federation's credit circle (circle 0) by federation motion, unless it is open. */
async function ensureFederationCircle(api) {
  if ((await api.query.circularCredit.circles(0)).isSome) return;
  const [alice] = federationVoters();
  await passMotion(api, 0, api.tx.circularCredit.openCircle(0, true), alice, federationVoters());
}

/** Storage of `pallet` at a block: its [key, value] pairs (hex), in key order. */
async function palletStorage(api, pallet, blockHash) {
  const provider = providers.get(api);
  const prefix = xxhashAsHex(pallet, 128);
  const keys = [];
  for (;;) {
    const page = await provider.send('state_getKeysPaged',
      [prefix, 1000, keys.length ? keys[keys.length - 1] : null, blockHash]);
    keys.push(...page);
    if (page.length < 1000) break;
  }
  const pairs = [];
  for (let i = 0; i < keys.length; i += 500) {
    const [set] = await provider.send('state_queryStorageAt', [keys.slice(i, i + 500), blockHash]);
    pairs.push(...set.changes);
  }
  return pairs.sort((x, y) => (x[0] < y[0] ? -1 : 1));
}

/** The pallets of coopchain, as their storage prefixes and event sections name them. */
const COOP_PALLETS = [
  ['CoopMembership', 'coopMembership'],
  ['Daico', 'daico'],
  ['Patronage', 'patronage'],
  ['CircularCredit', 'circularCredit'],
];

/**
 * Submits `tx`, which must fail with the module error `section.name` whose documentation
 * matches `docs`; checks that it emitted no event of a coopchain pallet and that the storage of
 * every coopchain pallet is the same after its block as before it. Returns the decoded error.
 */
async function expectRefused(api, tx, signer, section, name, docs) {
  const { error, events, blockHash } = await submit(api, tx, signer);
  assert.ok(error, `${section}.${name} expected, but the call succeeded`);
  assert.deepEqual([error.section, error.name], [section, name]);
  assert.match(error.docs, docs);
  const emitted = events.filter((e) => COOP_PALLETS.some(([, s]) => e.section === s));
  assert.deepEqual(emitted.map((e) => `${e.section}.${e.method}`), []);
  const { parentHash } = await api.rpc.chain.getHeader(blockHash);
  for (const [pallet] of COOP_PALLETS) {
    assert.deepEqual(await palletStorage(api, pallet, blockHash),
      await palletStorage(api, pallet, parentHash.toHex()), `${pallet} storage changed`);
  }
  return error;
}

/** Calls a custom JSON-RPC method of the node (e.g. `patronage_claimable`). */
function rpc(api, method, params) {
  return providers.get(api).send(method, params);
}

module.exports = {
  WS, UNIT, connect, bestNumber, untilBlock, untilClosable, untilEnacted, untilFinalized, foundCoop,
  passMotion,
  passMotions, passProposal,
  weightBound, batched, federationVoters, admitToFederation, ensureFederationCircle, rpc, keyring,
  dev, fresh, coopTreasury, decodeError, submit, eventsOf, free, fund, palletStorage, expectRefused,
};
