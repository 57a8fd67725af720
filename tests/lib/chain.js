// Helpers for the end-to-end tests: connect to the network, sign and submit, decode errors.
// No custom types: everything comes from the runtime's metadata, as in Polkadot.js Apps.
'use strict';

const { ApiPromise, WsProvider, Keyring } = require('@polkadot/api');
const assert = require('node:assert/strict');
const { randomAsHex, xxhashAsHex, decodeAddress } = require('@polkadot/util-crypto');
const { bnToU8a, stringToU8a, u8aConcat, u8aToHex } = require('@polkadot/util');
const fs = require('fs');
const os = require('os');
const path = require('path');

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
 * Signer locks across processes (the test files run side by side, and several sign as Alice):
 * a directory per signer holding its holder's token, taken while the next nonce is read and
 * the transaction enters the pool, so the next submission of that signer reads a nonce past it.
 * A lock older than 30 s is a crashed holder's: it is moved aside atomically (one waiter wins
 * the rename) and taken over. A holder releases only a lock that still holds its own token.
 * One folder per network endpoint: networks that run side by side (scripts/test.sh) have their
 * own nonces and never wait for each other.
 */
const LOCKS = process.env.COOPCHAIN_SIGNER_LOCKS ||
  path.join(os.tmpdir(), 'coopchain-signer-locks', WS.replace(/[^0-9A-Za-z]+/g, '_'));

async function lockSigner(address) {
  fs.mkdirSync(LOCKS, { recursive: true });
  const lock = path.join(LOCKS, address);
  const token = randomAsHex(16);
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'token'), token);
      return () => {
        try {
          if (fs.readFileSync(path.join(lock, 'token'), 'utf8') !== token) return;
          fs.rmSync(lock, { recursive: true, force: true });
        } catch { /* taken over meanwhile */ }
      };
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      try {
        if (Date.now() - fs.statSync(lock).mtimeMs > 30_000) {
          const aside = `${lock}.stale.${token}`;
          fs.renameSync(lock, aside);
          fs.rmSync(aside, { recursive: true, force: true });
        }
      } catch { /* released, or another waiter took it over */ }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/** How long `submit` waits for a transaction to be in a block (COOPCHAIN_SUBMIT_TIMEOUT_MS). */
const SUBMIT_TIMEOUT_MS = Number(process.env.COOPCHAIN_SUBMIT_TIMEOUT_MS || 120_000);

/**
 * Signs and submits `tx` with `signer`, waits until it is in a block of the best chain and
 * returns { blockHash, events, error }: `error` is the decoded dispatch error of a failed call
 * (the transaction was still included and paid for), or null. (Waiting for inclusion, not
 * finality, halves the suite's time; `untilFinalized` waits for finality where a test needs it.)
 * The nonce is the signer's next one counting the pool, read under the signer's lock.
 * Fails with the transaction's hash and its statuses so far if it is not in a block within
 * SUBMIT_TIMEOUT_MS; keeps watching after inclusion until finality, and warns if the block it
 * was in is retracted (a fork the test's later reads would not see).
 */
async function submit(api, tx, signer) {
  const release = await lockSigner(signer.address);
  let released = false;
  const unlock = () => { if (!released) { released = true; release(); } };
  try {
    const nonce = await api.rpc.system.accountNextIndex(signer.address);
    return await new Promise((resolve, reject) => {
      let unsub = null;
      let settled = false;
      let watching = true;
      const statuses = [];
      const stop = () => { watching = false; if (unsub) unsub(); };
      const timer = setTimeout(() => {
        if (settled) return;
        settled = true;
        stop();
        reject(new Error(`transaction not in a block within ${SUBMIT_TIMEOUT_MS / 1000} s `
          + `(statuses: ${statuses.join(', ') || 'none'})`));
      }, SUBMIT_TIMEOUT_MS);
      tx.signAndSend(signer, { nonce }, (result) => {
        const { status, events, dispatchError, txHash } = result;
        statuses.push(status.type);
        if (!status.isFuture) unlock();
        if (status.isRetracted) {
          console.warn(`warning: transaction ${txHash.toHex()} retracted from block `
            + `${status.asRetracted.toHex()}`);
        }
        if (settled) {
          // Included already: watch on until finality, only to report a retraction.
          if (status.isFinalized || status.isFinalityTimeout || status.isDropped) stop();
          return;
        }
        if (status.isInvalid || status.isDropped || status.isUsurped) {
          settled = true;
          clearTimeout(timer);
          stop();
          reject(new Error(`transaction ${txHash.toHex()} ${status.type}`));
          return;
        }
        if (status.isInBlock) {
          settled = true;
          clearTimeout(timer);
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
        .then((u) => { unsub = u; if (!watching) u(); })
        .catch((e) => { unlock(); clearTimeout(timer); settled = true; reject(e); });
    });
  } finally {
    unlock();
  }
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
  assert.notEqual(coop, 0, 'the federation\'s members are co-ops: use passFederationMotions');
  const { proposals, bounds } = await asProposals(items, proposer.address);
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
  return closeApproved(api, coop, motions, bounds, proposer);
}

/**
 * The proposals of `passMotions` items (a call, `{ special: call }` or a proposal object), and
 * the call weight bound each needs to be closed.
 */
async function asProposals(items, who) {
  const proposals = [];
  const bounds = [];
  for (const item of items) {
    if (item && typeof item.paymentInfo === 'function') {
      proposals.push({ Dispatch: { call: item } });
      bounds.push(await weightBound(item, who));
    } else if (item && item.special) {
      proposals.push({ DispatchSpecial: { call: item.special } });
      bounds.push(await weightBound(item.special, who));
    } else {
      proposals.push(item);
      bounds.push({ refTime: 0, proofSize: 0 });
    }
  }
  return { proposals, bounds };
}

/**
 * Waits until the motions of `coop` may close, closes them all in one batch signed by `closer`,
 * and checks that every one was approved and carried out; returns the events of the closing
 * block.
 */
async function closeApproved(api, coop, motions, bounds, closer) {
  await untilClosable(api, coop, motions);
  const closed = await submit(api, batched(api,
    motions.map((m, i) => api.tx.coopMembership.closeMotion(coop, m, bounds[i]))), closer);
  if (closed.error) throw new Error(`close in co-op ${coop}: ${JSON.stringify(closed.error)}`);
  const outcomes = eventsOf(closed.events, api.events.coopMembership.MotionClosed)
    .filter((e) => e.data.coop.toNumber() === coop);
  assert.equal(outcomes.length, motions.length, `every motion of co-op ${coop} closed`);
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

/**
 * The founding co-ops of the `local_testnet` genesis, whose treasuries are the federation's
 * members: each has one person, its member and its delegate to the federation.
 */
const FOUNDING_COOPS = [
  { coop: 2, name: 'Northwind Energy', person: 'Alice' },
  { coop: 3, name: 'Millbrook Housing', person: 'Bob' },
  { coop: 4, name: 'Greenfield Growers', person: 'Charlie' },
  { coop: 5, name: 'Lakeside Credit Union', person: 'Dave' },
];

/** The founding co-op that proposes the federation motions of the tests: Northwind Energy. */
const PROPOSING_COOP = FOUNDING_COOPS[0];

/**
 * The federation delegate the tests have a co-op name when it joins the federation: an account
 * derived from the co-op's number (and `renamed`, for a second delegate a test names instead), so
 * that every test (each its own process) can sign for it.
 */
function delegateKey(coop, renamed = false) {
  return keyring().addFromUri(`//coopchain//delegate//${coop}${renamed ? '//renamed' : ''}`);
}

/** The co-op whose treasury `account` is, or null (`coopTreasury` reversed). */
function treasuryCoop(api, account) {
  const raw = api.registry.createType('AccountId32', account).toU8a();
  const prefix = stringToU8a('modlcoop/mbr');
  if (!prefix.every((b, i) => raw[i] === b) || raw.slice(16).some((b) => b !== 0)) return null;
  return new DataView(raw.buffer, raw.byteOffset + 12, 4).getUint32(0, true);
}

/**
 * The federation's member co-ops whose delegate this client can sign as (a founding co-op's
 * person, or a `delegateKey` of the co-op), at the block `at` (an `api.at` view), grouped by
 * delegate: [{ pair, members: [{ coop, firstMotion }] }].
 */
async function federationDelegates(api, at) {
  const known = new Map(FOUNDING_COOPS.map((f) => [dev(f.person).address, dev(f.person)]));
  const bySigner = new Map();
  for (const [key, member] of await at.query.coopMembership.members.entries(0)) {
    const coop = treasuryCoop(api, key.args[1]);
    if (coop === null || member.isNone) continue;
    const named = await at.query.coopMembership.delegates(coop);
    if (named.isNone) continue;
    const address = named.unwrap().account.toString();
    const pair = known.get(address)
      || [delegateKey(coop), delegateKey(coop, true)].find((k) => k.address === address);
    if (!pair) continue;
    if (!bySigner.has(address)) bySigner.set(address, { pair, members: [] });
    bySigner.get(address).members.push({ coop, firstMotion: member.unwrap().firstMotion.toNumber() });
  }
  return [...bySigner.values()];
}

/**
 * Every member co-op of the federation whose delegate this client can sign as votes `aye` on
 * the federation's `motions` through its delegate (`voteAsDelegate`), where it is eligible
 * (it joined before the motion opened) and has not voted itself; one batch per delegate, read
 * at one block. A co-op that left the federation or changed its delegate since (another test,
 * at the same time) is skipped: its batch fails with `NotMember` or `NotDelegate`. Returns how
 * many co-op votes were cast.
 */
async function federationVote(api, motions, aye = true) {
  const at = await api.at(await api.rpc.chain.getBlockHash());
  const batches = [];
  for (const { pair, members } of await federationDelegates(api, at)) {
    const txs = [];
    for (const m of motions) {
      for (const { coop, firstMotion } of members) {
        if (firstMotion > m) continue;
        const own = await at.query.coopMembership.ownVotes([0, m], coopTreasury(api, coop));
        if (own.isSome) continue;
        txs.push(api.tx.coopMembership.voteAsDelegate(0, m, coop, aye));
      }
    }
    if (txs.length > 0) batches.push({ pair, txs });
  }
  const voted = await Promise.all(batches.map(({ pair, txs }) => submit(api, batched(api, txs), pair)));
  let cast = 0;
  for (const [i, { error }] of voted.entries()) {
    if (!error) {
      cast += batches[i].txs.length;
    } else if (!['NotMember', 'NotDelegate'].includes(error.name)) {
      throw new Error(`federation vote: ${JSON.stringify(error)}`);
    }
  }
  return cast;
}

/**
 * Opens federation motions: the proposing founding co-op (Northwind Energy, co-op 2) proposes
 * `proposals` in the federation by its own motion (one batch of `propose(0, ..)`, dispatched as
 * its treasury). Returns the federation's motion numbers, in order.
 */
async function proposeInFederation(api, proposals) {
  const person = dev(PROPOSING_COOP.person);
  const propose = batched(api, proposals.map((p) => api.tx.coopMembership.propose(0, p)));
  const events = await passMotions(api, PROPOSING_COOP.coop, [propose], person, [person]);
  const motions = eventsOf(events, api.events.coopMembership.MotionProposed)
    .filter((e) => e.data.coop.toNumber() === 0)
    .map((e) => e.data.motion.toNumber());
  assert.equal(motions.length, proposals.length, 'one federation MotionProposed per proposal');
  return motions;
}

/**
 * Passes federation motions (items as in `passMotions`): a founding co-op proposes them by its
 * motion (`proposeInFederation`), every member co-op this client can sign for votes aye through
 * its delegate (`federationVote`), and they are closed; checks that each was approved and
 * carried out. Returns the events of the closing block.
 */
async function passFederationMotions(api, items) {
  const closer = dev(PROPOSING_COOP.person);
  const { proposals, bounds } = await asProposals(items, closer.address);
  const motions = await proposeInFederation(api, proposals);
  await federationVote(api, motions);
  return closeApproved(api, 0, motions, bounds, closer);
}

/** `passFederationMotions` of one item; checks that it was executed. */
async function passFederationMotion(api, item) {
  const events = await passFederationMotions(api, [item]);
  assert.equal(eventsOf(events, api.events.coopMembership.MotionExecuted).length, 1, 'the motion was executed');
  return events;
}

/**
 * Admits co-ops to the federation (co-op 0): each co-op (`{ coop, treasury, proposer, voters }`)
 * applies through its own motion and names `delegateKey(coop)` its delegate, then the member
 * co-ops vote the admissions through their delegates. Checks that each treasury is a member of
 * the federation.
 */
async function admitToFederation(api, coops) {
  await fund(api, coops.map((c) => delegateKey(c.coop)), 10n * UNIT);
  const applied = await Promise.all(coops.map((c) => passMotions(api, c.coop, [
    api.tx.coopMembership.apply(0, 0),
    api.tx.coopMembership.setDelegate(delegateKey(c.coop).address, false),
  ], c.proposer, c.voters)));
  const motions = applied.map((events) => {
    const [application] = eventsOf(events, api.events.coopMembership.ApplicationSubmitted);
    assert.ok(application, 'the co-op applied to the federation');
    return application.data.motion.toNumber();
  });
  await federationVote(api, motions);
  await untilClosable(api, 0, motions);
  const closed = await submit(api, batched(api, motions.map(
    (m) => api.tx.coopMembership.closeMotion(0, m, { refTime: 0, proofSize: 0 }))), dev('Alice'));
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
  // The scheduler may enact it after `when`: pallet-session claims the whole block's weight in
  // the block that changes the session (every 10th), so pallet-scheduler, which spends only the
  // block's remaining weight, leaves that block's agenda to the next one (`AgendaIncomplete`);
  // and a reorg may include the close again later, moving the enactment with it. Look at the
  // canonical blocks around `when`.
  const SLACK = 10;
  for (let n = Math.max(1, when - SLACK); n <= when + SLACK; n += 1) {
    // Read block n once a block is built on it (not in the instant it is imported).
    await untilBlock(api, n + 1);
    const hash = await api.rpc.chain.getBlockHash(n);
    const enactedIn = (await (await api.at(hash)).query.system.events()).map((r) => r.event);
    const [enacted] = eventsOf(enactedIn, api.events.federation.Enacted)
      .filter((e) => e.data.index.toNumber() === index);
    if (!enacted) continue;
    if (enacted.data.result.isErr) {
      throw new Error(`the enacted call failed: ${JSON.stringify(decodeError(api, enacted.data.result.asErr))}`);
    }
    return enactedIn;
  }
  // Not found: report what the scheduler did around `when`, and whether the resolution is
  // still pending, so that a failure says why.
  const seen = [];
  for (let n = Math.max(1, when - SLACK); n <= when + SLACK; n += 1) {
    const at = await api.at(await api.rpc.chain.getBlockHash(n));
    for (const { event } of await at.query.system.events()) {
      if (['scheduler', 'federation'].includes(event.section)) seen.push(`#${n} ${event.section}.${event.method} ${JSON.stringify(event.data.toHuman())}`);
    }
  }
  const pending = (await api.query.federation.enactments(index)).toHuman();
  assert.fail(`federation.Enacted for resolution ${index} within ${SLACK} blocks of block ${when}; `
    + `still pending: ${JSON.stringify(pending)}; seen: ${seen.join('; ')}`);
}

/** Opens the federation's credit circle (circle 0) by federation motion, unless it is open. */
async function ensureFederationCircle(api) {
  if ((await api.query.circularCredit.circles(0)).isSome) return;
  try {
    await passFederationMotion(api, api.tx.circularCredit.openCircle(0, true));
  } catch (e) {
    // Another test opened it meanwhile (its motion closed first, so this one's call failed).
    if ((await api.query.circularCredit.circles(0)).isNone) throw e;
  }
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
 * Whether a storage key (hex) of a coopchain pallet belongs to `scope` ({ coops, raises,
 * accounts }): its first map key is one of the scope's ids (Twox64Concat of a u32, or of a
 * tuple that starts with one: the raw id follows the 32-byte prefix and the 8-byte hash), a
 * raise for Daico and a co-op (or its circle) for the others; or it ends with one of the
 * accounts (Blake2_128Concat keeps the raw account last).
 */
function inScope(pallet, scope) {
  const hexId = (n) => u8aToHex(bnToU8a(n, { bitLength: 32, isLe: true })).slice(2);
  const ids = (pallet === 'Daico' ? scope.raises || [] : scope.coops || []).map(hexId);
  const accounts = (scope.accounts || []).map((a) => u8aToHex(decodeAddress(a)).slice(2));
  return ([key]) => ids.includes(key.slice(82, 90)) || accounts.some((a) => key.endsWith(a));
}

/**
 * Submits `tx`, which must fail with the module error `section.name` whose documentation
 * matches `docs`; checks that it emitted no event of a coopchain pallet and that the storage of
 * every coopchain pallet is the same after its block as before it — all of it, or, with
 * `scope` ({ coops, raises, accounts }: what the test owns, when other tests run on the chain
 * at the same time), the part of it that belongs to the scope (`inScope`). Returns the decoded
 * error.
 */
async function expectRefused(api, tx, signer, section, name, docs, scope = null) {
  const { error, events, blockHash } = await submit(api, tx, signer);
  assert.ok(error, `${section}.${name} expected, but the call succeeded`);
  assert.deepEqual([error.section, error.name], [section, name]);
  assert.match(error.docs, docs);
  const emitted = events.filter((e) => COOP_PALLETS.some(([, s]) => e.section === s));
  assert.deepEqual(emitted.map((e) => `${e.section}.${e.method}`), []);
  const { parentHash } = await api.rpc.chain.getHeader(blockHash);
  for (const [pallet] of COOP_PALLETS) {
    const own = scope ? inScope(pallet, scope) : () => true;
    const after = (await palletStorage(api, pallet, blockHash)).filter(own);
    const before = (await palletStorage(api, pallet, parentHash.toHex())).filter(own);
    if (scope) assert.ok(before.length > 0 || pallet === 'Daico', `the scope holds ${pallet} storage`);
    assert.deepEqual(after, before, `${pallet} storage changed`);
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
  weightBound, batched, admitToFederation, ensureFederationCircle, rpc, keyring,
  FOUNDING_COOPS, PROPOSING_COOP, delegateKey, treasuryCoop, federationDelegates, federationVote,
  proposeInFederation, passFederationMotions, passFederationMotion,
  dev, fresh, coopTreasury, decodeError, submit, eventsOf, free, fund, palletStorage, expectRefused,
};
