// Helpers for the end-to-end tests: connect to the network, sign and submit, decode errors.
// No custom types: everything comes from the runtime's metadata, as in Polkadot.js Apps.
'use strict';

const { ApiPromise, WsProvider, Keyring } = require('@polkadot/api');
const { randomAsHex } = require('@polkadot/util-crypto');

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
 * Signs and submits `tx` with `signer`, waits until its block is finalized and returns
 * { blockHash, events, error }: `error` is the decoded dispatch error of a failed call (the
 * transaction was still included and paid for), or null.
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
      if (status.isFinalized) {
        if (unsub) unsub();
        let error = dispatchError ? decodeError(api, dispatchError) : null;
        // A failed call inside sudo/utility is reported by an event, not as the dispatch error.
        for (const { event } of events) {
          if (api.events.sudo && api.events.sudo.Sudid.is(event) && event.data[0].isErr) {
            error = decodeError(api, event.data[0].asErr);
          }
        }
        resolve({ blockHash: status.asFinalized.toHex(), events: events.map((r) => r.event), error });
      }
    })
      .then((u) => { unsub = u; })
      .catch(reject);
  });
}

/** The events of a finalized submission that match `api.events.<pallet>.<Name>`. */
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
 * Founds a co-op with open admission and 2-block motions; `members` join it.
 * Returns { coop, treasury }.
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

/**
 * Passes a motion of `coop` on `proposal` (e.g. `{ GrantRole: { who, role: 'Operator' } }`):
 * `proposer` proposes, `voters` vote aye, then it is closed with `callWeightBound`. Returns the
 * events of the closing block.
 */
async function passProposal(api, coop, proposal, proposer, voters, callWeightBound = { refTime: 0, proofSize: 0 }) {
  const proposed = await submit(api, api.tx.coopMembership.propose(coop, proposal), proposer);
  if (proposed.error) throw new Error(`propose: ${JSON.stringify(proposed.error)}`);
  const [opened] = eventsOf(proposed.events, api.events.coopMembership.MotionProposed);
  const motion = opened.data.motion.toNumber();
  const votes = await Promise.all(
    voters.map((v) => submit(api, api.tx.coopMembership.vote(coop, motion, true), v)));
  for (const voted of votes) {
    if (voted.error) throw new Error(`vote: ${JSON.stringify(voted.error)}`);
  }
  const closed = await submit(api, api.tx.coopMembership.close(coop, motion, callWeightBound), proposer);
  if (closed.error) throw new Error(`close: ${JSON.stringify(closed.error)}`);
  return closed.events;
}

/**
 * Passes a dispatch motion of `coop` carrying `call`: `proposer` proposes, `voters` vote aye,
 * then it is closed. Returns the events of the closing block.
 */
async function passMotion(api, coop, call, proposer, voters) {
  const info = await call.paymentInfo(proposer);
  const bound = { refTime: info.weight.refTime.toBigInt() * 2n, proofSize: info.weight.proofSize.toBigInt() * 2n + 100_000n };
  const events = await passProposal(api, coop, { Dispatch: { call } }, proposer, voters, bound);
  const [executed] = eventsOf(events, api.events.coopMembership.MotionExecuted);
  if (!executed) throw new Error('the motion was not executed');
  if (executed.data.result.isErr) {
    throw new Error(`the motion's call failed: ${JSON.stringify(decodeError(api, executed.data.result.asErr))}`);
  }
  return events;
}

/** Calls a custom JSON-RPC method of the node (e.g. `patronage_claimable`). */
function rpc(api, method, params) {
  return providers.get(api).send(method, params);
}

module.exports = { WS, UNIT, connect, bestNumber, untilBlock, foundCoop, passMotion, passProposal, rpc, keyring, dev, fresh, decodeError, submit, eventsOf, free, fund };
