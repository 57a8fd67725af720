#!/usr/bin/env node
// The load benchmark (scripts/load.sh runs it against a fresh four-validator network): pre-signed
// balance transfers, then circular-credit payments, from many accounts, submitted as fast as the
// transaction pool accepts them, each workload for a fixed number of blocks. It measures, per
// workload: transactions included per block and per second, the share of the weight-predicted
// capacity (normal-class block weight / the transaction's weight with extensions and base), the
// finality lag against the idle network's, and the pool's rejections; and writes a report with a
// plot (transactions per block and finality lag over time) into $COOPCHAIN_LOAD_OUT.
'use strict';

const fs = require('fs');
const path = require('path');
const chain = require('../tests/lib/chain');
const { WsProvider } = require('../tests/node_modules/@polkadot/api');

const { UNIT, submit, keyring, eventsOf, foundCoop, passMotions } = chain;
const SENDERS = Number(process.env.COOPCHAIN_LOAD_SENDERS || 256);
const BLOCKS = Number(process.env.COOPCHAIN_LOAD_BLOCKS || 20);
const IDLE_SECONDS = Number(process.env.COOPCHAIN_LOAD_IDLE_SECONDS || 90);
const POOL_LIMIT = Number(process.env.COOPCHAIN_POOL_LIMIT || 2048); // the nodes' --pool-limit
// Transactions kept in the pool beyond what blocks took, at most half the pool's limit: the
// fork-aware pool also keeps the transactions of blocks not yet final.
const IN_FLIGHT = Number(process.env.COOPCHAIN_LOAD_IN_FLIGHT || Math.min(6144, Math.floor(POOL_LIMIT / 2)));
const OUT = process.env.COOPCHAIN_LOAD_OUT || path.join(__dirname, '..', 'tests', 'load');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

/** Block arrival and finality times, and what each block of the best chain held. */
class Recorder {
  constructor(api) {
    this.api = api;
    this.seen = new Map(); // number -> ms first seen as best
    this.finalizedAt = new Map(); // number -> ms finalised
    this.blocks = new Map(); // number -> { at, extrinsics: { 'section.method': n }, normalRefTime }
    this.lastFinalized = 0;
  }

  async start() {
    this.unsubHeads = await this.api.rpc.chain.subscribeNewHeads(async (header) => {
      const number = header.number.toNumber();
      if (!this.seen.has(number)) this.seen.set(number, Date.now());
      try {
        const hash = header.hash;
        const [{ block }, weight] = await Promise.all([
          this.api.rpc.chain.getBlock(hash),
          this.api.query.system.blockWeight.at(hash),
        ]);
        const extrinsics = {};
        for (const xt of block.extrinsics) {
          const key = `${xt.method.section}.${xt.method.method}`;
          extrinsics[key] = (extrinsics[key] || 0) + 1;
        }
        this.blocks.set(number, {
          at: this.seen.get(number), extrinsics, normalRefTime: weight.normal.refTime.toBigInt(),
          mandatoryRefTime: weight.mandatory.refTime.toBigInt(),
          length: block.toU8a().length,
        });
      } catch { /* pruned or reorganised: counted from the canonical chain later */ }
    });
    this.unsubFinal = await this.api.rpc.chain.subscribeFinalizedHeads((header) => {
      const number = header.number.toNumber();
      for (let n = this.lastFinalized + 1; n <= number; n++) if (!this.finalizedAt.has(n)) this.finalizedAt.set(n, Date.now());
      this.lastFinalized = Math.max(this.lastFinalized, number);
    });
  }

  stop() { this.unsubHeads(); this.unsubFinal(); }

  best() { return Math.max(0, ...this.seen.keys()); }

  /** Finality lag (s) of the blocks in [from, to] that are finalised. */
  lags(from, to) {
    const out = [];
    for (let n = from; n <= to; n++) {
      if (this.seen.has(n) && this.finalizedAt.has(n)) out.push((this.finalizedAt.get(n) - this.seen.get(n)) / 1000);
    }
    return out;
  }
}

const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : 0; };

/**
 * Signs, before the load, `count` transactions `make(i)` from the senders in turn with
 * consecutive nonces, so that the load itself only offers bytes (signing in JavaScript on the
 * validators' 2 cores bounded the first runs). Returns the encoded extrinsics, in order.
 */
async function presign(api, senders, make, count, label) {
  const started = Date.now();
  const nonces = await Promise.all(senders.map(async (s) => (await api.rpc.system.accountNextIndex(s.address)).toNumber()));
  const out = new Array(count);
  for (let k = 0; k < count; k += 512) {
    await Promise.all(Array.from({ length: Math.min(512, count - k) }, async (_, j) => {
      const i = (k + j) % senders.length;
      const tx = await make(i).signAsync(senders[i], { nonce: nonces[i] + Math.floor((k + j) / senders.length), era: 0 });
      out[k + j] = tx.toHex();
    }));
  }
  log(`${label}: ${count} transactions signed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return out;
}

/**
 * Offers the pre-signed `signed` transactions (sender `k % senders`, in nonce order) to the pool
 * as fast as it takes them, keeping `IN_FLIGHT` of them accepted and not yet in a block: first
 * until the pool holds that many, then for `blocks` blocks, the measured ones. A sender's next
 * transaction is offered only once its previous one was accepted, so that a refusal never leaves
 * later nonces waiting in the pool's small future queue (a tenth of `--pool-limit`); a refused
 * one is offered again.
 */
async function drive(api, rec, signed, senders, key, blocks, label) {
  // Offered as bytes on a connection of their own (no decoding, no subscriptions in the way).
  const provider = new WsProvider(chain.WS);
  await provider.isReady;
  const rejections = {};
  const position = new Array(senders).fill(0); // the sender's next transaction: signed[i + position * senders]
  const busy = new Array(senders).fill(false);
  const stopped = new Array(senders).fill(false); // refused for a reason offering again cannot cure
  let cursor = 0;
  let submitted = 0;
  let accepted = 0;
  const pending = new Set();
  const start = rec.best() + 1;
  // Included since the load began (the recorder reads every best block).
  const included = () => {
    let n = 0;
    for (const [number, b] of rec.blocks) if (number >= start) n += b.extrinsics[key] || 0;
    return n;
  };
  let first = null;
  let filled = false;
  let last = Infinity;
  let exhausted = false;
  let fullUntil = 0;
  log(`${label}: offering ${signed.length} pre-signed transactions, ${IN_FLIGHT} in flight`);
  while (rec.best() < last) {
    let offered = 0;
    let left = false;
    for (let scanned = 0; scanned < senders; scanned++) {
      if (Date.now() < fullUntil || accepted + pending.size - included() >= IN_FLIGHT) break;
      const i = cursor;
      cursor = (cursor + 1) % senders;
      const k = i + position[i] * senders;
      if (k >= signed.length || stopped[i]) continue;
      left = true;
      if (busy[i]) continue;
      busy[i] = true;
      submitted++;
      offered++;
      const p = provider.send('author_submitExtrinsic', [signed[k]]).then(() => {
        accepted++;
        position[i]++;
      }, (e) => {
        const reason = String(e.message || e).slice(0, 80);
        rejections[reason] = (rejections[reason] || 0) + 1;
        if (/outdated|stale|Priority is too low|AlreadyImported|already imported/i.test(reason)) position[i]++;
        // A full pool is not offered more for half a second.
        else if (/1016|full|limit/i.test(reason)) fullUntil = Date.now() + 500;
        else {
          stopped[i] = true;
          log(`${label}: sender ${i} stops: ${reason}`);
        }
      }).finally(() => {
        busy[i] = false;
        pending.delete(p);
      });
      pending.add(p);
    }
    if (first === null && (accepted - included() >= IN_FLIGHT * 0.9 || rec.best() >= start + 5)) {
      // The pool is full (or five blocks went by filling it): the measured blocks are the next ones.
      filled = accepted - included() >= IN_FLIGHT * 0.9;
      first = rec.best() + 1;
      last = first + blocks - 1;
      log(`${label}: the pool holds ${accepted - included()}; measuring blocks #${first}..#${last}`);
    }
    if (!exhausted && !left && position.every((p, i) => i + p * senders >= signed.length)) {
      exhausted = true;
      log(`${label}: every pre-signed transaction was offered (the figures are bound by their number)`);
    }
    await sleep(offered ? 5 : 50);
  }
  await Promise.allSettled([...pending]);
  await provider.disconnect();
  log(`${label}: ${submitted} offered, ${accepted} accepted by the pool, rejections ${JSON.stringify(rejections)}`);
  return { first, last, filled, submitted, accepted, rejections, exhausted, stopped: stopped.filter(Boolean).length };
}

/** Waits until the pool is empty (what was accepted is in blocks), at most `ms`. */
async function drain(api, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline && (await api.rpc.author.pendingExtrinsics()).length > 0) await sleep(2000);
}

/** The weight-predicted capacity of a block for `tx`: normal-class weight and length limits. */
async function capacity(api, tx, signer) {
  const weights = api.consts.system.blockWeights;
  const normal = weights.perClass.normal;
  const maxTotal = normal.maxTotal.unwrap();
  const base = normal.baseExtrinsic;
  // The weight of the call with its extensions, as the runtime reports it (payment info).
  const info = await tx.paymentInfo(signer);
  const signed = await api.tx(tx.method).signAsync(signer, { nonce: 1_000_000, era: 0 });
  const perTx = {
    refTime: info.weight.refTime.toBigInt() + base.refTime.toBigInt(),
    proofSize: info.weight.proofSize.toBigInt() + base.proofSize.toBigInt(),
  };
  // The normal class may fill the block up to its max_total (what is left when the block's
  // hooks ran is what it can hold; hooks are small here and counted in the measured blocks).
  const byRefTime = maxTotal.refTime.toBigInt() / perTx.refTime;
  const byProof = perTx.proofSize > 0n ? maxTotal.proofSize.toBigInt() / perTx.proofSize : byRefTime;
  const maxLength = api.consts.system.blockLength.max.normal.toNumber();
  const byLength = BigInt(Math.floor(maxLength / signed.encodedLength));
  const cap = [byRefTime, byProof, byLength].reduce((a, b) => (a < b ? a : b));
  return {
    perBlock: Number(cap), perTxRefTime: Number(perTx.refTime), perTxProof: Number(perTx.proofSize),
    length: signed.encodedLength, limitedBy: cap === byRefTime ? 'ref time' : cap === byProof ? 'proof size' : 'length',
    maxTotalRefTime: Number(maxTotal.refTime.toBigInt()),
    maxBlockRefTime: Number(weights.maxBlock.refTime.toBigInt()),
  };
}

function summarise(rec, run, key, cap, slotSeconds) {
  const rows = [];
  for (let n = run.first; n <= run.last; n++) {
    const b = rec.blocks.get(n);
    rows.push({
      n, count: b ? (b.extrinsics[key] || 0) : 0, at: b ? b.at : null, normalRefTime: b ? Number(b.normalRefTime) : 0,
      // pallet-session charges a session's rotation the whole block (`max_block`, mandatory)
      rotation: b ? b.mandatoryRefTime >= BigInt(cap.maxBlockRefTime) : false,
    });
  }
  const counts = rows.map((r) => r.count);
  const times = rows.filter((r) => r.at).map((r) => r.at);
  const span = times.length > 1 ? (Math.max(...times) - Math.min(...times)) / 1000 + slotSeconds : rows.length * slotSeconds;
  const total = counts.reduce((a, b) => a + b, 0);
  const lags = rec.lags(run.first, run.last);
  const rotations = rows.filter((r) => r.rotation).length;
  const others = rows.filter((r) => !r.rotation);
  return {
    rotations, shareWithoutRotations: others.reduce((a, r) => a + r.count, 0) / Math.max(1, others.length) / cap.perBlock,
    blocks: rows.length, included: total, perBlock: total / rows.length, perBlockMax: Math.max(...counts),
    perSecond: total / span, shareOfCapacity: total / rows.length / cap.perBlock,
    fullness: mean(rows.map((r) => r.normalRefTime / cap.maxTotalRefTime)),
    lagMean: mean(lags), lagMedian: median(lags), lagMax: Math.max(0, ...lags), rows,
  };
}

/** A plot (SVG) of transactions per block and finality lag over the run. */
function plot(rec, phases, file) {
  const numbers = [...rec.blocks.keys()].sort((a, b) => a - b);
  const from = numbers[0];
  const to = numbers[numbers.length - 1];
  const W = 900, H = 420, L = 60, R = 60, T = 30, B = 50;
  const x = (n) => L + ((n - from) / Math.max(1, to - from)) * (W - L - R);
  let maxCount = 1;
  for (const n of numbers) {
    const b = rec.blocks.get(n);
    const c = Object.entries(b.extrinsics).filter(([k]) => k !== 'timestamp.set').reduce((a, [, v]) => a + v, 0);
    maxCount = Math.max(maxCount, c);
  }
  const lags = numbers.map((n) => (rec.seen.has(n) && rec.finalizedAt.has(n) ? (rec.finalizedAt.get(n) - rec.seen.get(n)) / 1000 : null));
  const maxLag = Math.max(1, ...lags.filter((l) => l !== null));
  const yc = (c) => H - B - (c / maxCount) * (H - T - B);
  const yl = (l) => H - B - (l / maxLag) * (H - T - B);
  const bw = Math.max(1, (W - L - R) / Math.max(1, to - from + 1) - 1);
  let svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12">\n<rect width="${W}" height="${H}" fill="white"/>\n`;
  for (const p of phases) {
    svg += `<rect x="${x(p.first)}" y="${T}" width="${Math.max(1, x(p.last) - x(p.first))}" height="${H - T - B}" fill="${p.color}" opacity="0.12"/>`;
    svg += `<text x="${x(p.first) + 4}" y="${T + 14}" fill="#333">${p.label}</text>\n`;
  }
  numbers.forEach((n) => {
    const b = rec.blocks.get(n);
    const c = Object.entries(b.extrinsics).filter(([k]) => k !== 'timestamp.set').reduce((a, [, v]) => a + v, 0);
    svg += `<rect x="${x(n) - bw / 2}" y="${yc(c)}" width="${bw}" height="${H - B - yc(c)}" fill="#3b6ea5"/>`;
  });
  const pts = numbers.map((n, i) => (lags[i] === null ? null : `${x(n)},${yl(lags[i])}`)).filter(Boolean).join(' ');
  svg += `\n<polyline points="${pts}" fill="none" stroke="#c0392b" stroke-width="2"/>\n`;
  svg += `<line x1="${L}" y1="${H - B}" x2="${W - R}" y2="${H - B}" stroke="black"/><line x1="${L}" y1="${T}" x2="${L}" y2="${H - B}" stroke="black"/><line x1="${W - R}" y1="${T}" x2="${W - R}" y2="${H - B}" stroke="black"/>\n`;
  for (let i = 0; i <= 4; i++) {
    svg += `<text x="${L - 6}" y="${yc((maxCount * i) / 4) + 4}" text-anchor="end" fill="#3b6ea5">${Math.round((maxCount * i) / 4)}</text>`;
    svg += `<text x="${W - R + 6}" y="${yl((maxLag * i) / 4) + 4}" fill="#c0392b">${((maxLag * i) / 4).toFixed(0)} s</text>`;
  }
  svg += `\n<text x="${W / 2}" y="${H - 15}" text-anchor="middle">block number (#${from}..#${to})</text>`;
  svg += `<text x="15" y="${H / 2}" transform="rotate(-90 15 ${H / 2})" text-anchor="middle" fill="#3b6ea5">transactions per block</text>`;
  svg += `<text x="${W - 12}" y="${H / 2}" transform="rotate(90 ${W - 12} ${H / 2})" text-anchor="middle" fill="#c0392b">finality lag (s)</text>\n</svg>\n`;
  fs.writeFileSync(file, svg);
}

async function main() {
  const api = await chain.connect();
  const rec = new Recorder(api);
  await rec.start();
  const slotSeconds = (api.consts.aura && api.consts.aura.slotDuration
    ? api.consts.aura.slotDuration.toNumber() : 2 * api.consts.timestamp.minimumPeriod.toNumber()) / 1000;
  const alice = chain.dev('Alice');
  const founder = keyring().addFromUri('//coopchain//load//founder');
  const senders = Array.from({ length: SENDERS }, (_, i) => keyring().addFromUri(`//coopchain//load//${i}`));

  // ---- idle ----
  const idleFrom = rec.best() + 1;
  log(`idle network: measuring finality lag for ${IDLE_SECONDS} s`);
  await sleep(IDLE_SECONDS * 1000);
  const idle = { first: idleFrom, last: rec.best() };

  // ---- set-up: accounts, a co-op whose members they are, its credit circle, their limits ----
  // Each sender pays the fees of its share of both workloads (sized as in `count` below, from
  // the capacity a transfer predicts, payments' fees taken as 1.5 × a transfer's).
  const probe = api.tx.balances.transferKeepAlive(senders[1].address, UNIT / 1000n);
  const probeFee = (await probe.paymentInfo(senders[0])).partialFee.toBigInt();
  const probeCap = await capacity(api, probe, senders[0]);
  const perSender = BigInt(Math.ceil((Math.ceil((BLOCKS + 7) * probeCap.perBlock * 1.1) + IN_FLIGHT) / SENDERS));
  const senderFunds = 20n * UNIT + 2n * perSender * probeFee * 3n / 2n;
  log(`set-up: funding ${SENDERS} accounts with ${Number(senderFunds / (UNIT / 100n)) / 100} each (a transfer's fee: ${probeFee}), a co-op, its credit circle and credit limits`);
  for (let i = 0; i < senders.length + 1; i += 100) {
    // The founder pays the co-op's deposit (10), six motions' deposits and the fees of closing
    // them (the credit limits' batches weigh much): 200; each sender its share (1) and fees: 20.
    const batch = [founder, ...senders].slice(i, i + 100)
      .map((a) => api.tx.balances.transferKeepAlive(a.address, a === founder ? 200n * UNIT : senderFunds));
    const { error, blockHash } = await submit(api, api.tx.utility.batchAll(batch), alice);
    if (error) throw new Error(`funding: ${JSON.stringify(error)}`);
    // Finalised before anyone spends it (a funding block retracted by a fork would leave the
    // accounts empty for a while).
    if (!(await chain.untilFinalized(api, blockHash.toHex ? blockHash.toHex() : blockHash))) {
      throw new Error('a funding block was retracted');
    }
  }
  for (const a of [founder, ...senders]) {
    if ((await chain.free(api, a.address)) < 20n * UNIT) throw new Error(`${a.address} was not funded`);
  }
  const { coop } = await foundCoop(api, founder, [], {
    classes: [{ kind: 'Worker', votes: true }, { kind: 'Consumer', votes: false }], maxMembers: 512,
  });
  await passMotions(api, coop, [api.tx.circularCredit.openCircle(coop, false)], founder, [founder]);
  for (let i = 0; i < senders.length; i += 64) {
    const joined = await Promise.all(senders.slice(i, i + 64).map((s) => submit(api,
      api.tx.utility.batchAll([api.tx.coopMembership.apply(coop, 1), api.tx.circularCredit.join(coop)]), s)
      .catch(async (e) => {
        throw new Error(`${s.address} (free ${await chain.free(api, s.address)}) could not apply and join: ${e.message || e}`);
      })));
    for (const j of joined) if (j.error) throw new Error(`apply and join: ${JSON.stringify(j.error)}`);
  }
  const limits = [];
  for (let i = 0; i < senders.length; i += 60) {
    limits.push(api.tx.utility.batchAll(senders.slice(i, i + 60)
      .map((s) => api.tx.circularCredit.setCreditLimit(coop, s.address, 1_000_000, null))));
  }
  await passMotions(api, coop, limits, founder, [founder]);
  log(`set-up done: co-op ${coop}, ${senders.length} members in its circle with credit limits`);

  // ---- workloads ----
  const transfer = (i) => api.tx.balances.transferKeepAlive(senders[(i + 1) % senders.length].address, UNIT / 1000n);
  const payment = (i) => api.tx.circularCredit.pay(coop, senders[(i + 1) % senders.length].address, 1, '');
  const caps = {
    transfer: await capacity(api, transfer(0), senders[0]),
    payment: await capacity(api, payment(0), senders[0]),
  };
  log(`capacity per block: transfers ${caps.transfer.perBlock} (${caps.transfer.limitedBy}), payments ${caps.payment.perBlock} (${caps.payment.limitedBy})`);
  // Enough for the measured blocks at full capacity, the pool's fill and a margin.
  const count = (cap) => Math.ceil((BLOCKS + 7) * cap.perBlock * 1.1) + IN_FLIGHT;
  const runs = {};
  const transfers = await presign(api, senders, transfer, count(caps.transfer), 'transfers');
  runs.transfer = await drive(api, rec, transfers, senders.length, 'balances.transferKeepAlive', BLOCKS, 'transfers');
  await drain(api, 180_000);
  const payments = await presign(api, senders, payment, count(caps.payment), 'credit payments');
  runs.payment = await drive(api, rec, payments, senders.length, 'circularCredit.pay', BLOCKS, 'credit payments');
  await drain(api, 180_000);
  // Let finality pass the last loaded block before reading the lags.
  const lastLoaded = rec.best();
  for (let waited = 0; rec.lastFinalized < lastLoaded && waited < 120; waited++) await sleep(1000);
  rec.stop();

  // ---- report ----
  const results = {
    transfer: summarise(rec, runs.transfer, 'balances.transferKeepAlive', caps.transfer, slotSeconds),
    payment: summarise(rec, runs.payment, 'circularCredit.pay', caps.payment, slotSeconds),
  };
  const idleLags = rec.lags(idle.first, idle.last);
  const idleLag = mean(idleLags);
  const ratio = results.payment.perSecond / results.transfer.perSecond;
  fs.mkdirSync(OUT, { recursive: true });
  plot(rec, [
    { ...idle, label: 'idle', color: '#999' },
    { ...runs.transfer, label: 'transfers', color: '#3b6ea5' },
    { ...runs.payment, label: 'credit payments', color: '#27ae60' },
  ], path.join(OUT, 'load.svg'));
  const row = (name, r, cap, run) => `| ${name} | ${r.included} in ${r.blocks} blocks | ${r.perBlock.toFixed(0)} (max ${r.perBlockMax}) | ${r.perSecond.toFixed(1)} | ${cap.perBlock} (${cap.limitedBy}) | ${(100 * r.shareOfCapacity).toFixed(1)} % | ${(100 * r.fullness).toFixed(1)} % | ${r.lagMean.toFixed(1)} s (${(r.lagMean / idleLag).toFixed(2)}×) | ${Object.entries(run.rejections).map(([k, v]) => `${v} × ${k}`).join('; ') || 'none'} |`;
  const report = `# coopchain load benchmark

${new Date().toISOString()}: four validators (zombienet, native provider) on this machine, ${SENDERS} sending accounts, ${BLOCKS} blocks per workload, all transactions signed before the load, ${IN_FLIGHT} kept in the pool (\`--pool-limit=${POOL_LIMIT}\`); the measured blocks begin when the pool is full (transfers: ${runs.transfer.filled ? 'it was' : '**it was not, after five blocks**'}; payments: ${runs.payment.filled ? 'it was' : '**it was not, after five blocks**'}).

| workload | included | per block | per second | weight-predicted capacity per block | share of capacity | normal-class weight used | finality lag, mean (× idle) | pool rejections |
|---|---|---|---|---|---|---|---|---|
${row('balance transfers (\`transferKeepAlive\`)', results.transfer, caps.transfer, runs.transfer)}
${row('credit payments (\`circularCredit.pay\`)', results.payment, caps.payment, runs.payment)}

- Credit payments' throughput as a share of transfers': **${ratio.toFixed(2)}** (goal ≥ 0.9).
- Session rotations: ${results.transfer.rotations} of the transfers' measured blocks and ${results.payment.rotations} of the payments' rotated the session (every 10 blocks on test networks, every hour on \`coopchain\`); pallet-session charges a rotation the whole block (\`max_block\`), so those blocks carry no transactions. Without them the share of capacity is ${(100 * results.transfer.shareWithoutRotations).toFixed(1)} % (transfers) and ${(100 * results.payment.shareWithoutRotations).toFixed(1)} % (payments).
- Pre-signed: ${runs.transfer.submitted} offers of transfers, ${runs.payment.submitted} of payments (${[runs.transfer, runs.payment].some((r) => r.exhausted) ? '**the pre-signed transactions ran out before the end: the figures are bound by their number**' : 'the pre-signed transactions did not run out'}; senders stopped by a refusal other than a full pool: ${runs.transfer.stopped} and ${runs.payment.stopped}).
- Idle finality lag (blocks #${idle.first}..#${idle.last}): mean ${idleLag.toFixed(1)} s, median ${median(idleLags).toFixed(1)} s.
- Capacity: normal-class \`max_total\` ÷ (the transaction's weight with its extensions + \`base_extrinsic\`), or the normal class's length limit if smaller: a transfer weighs ${caps.transfer.perTxRefTime} ps of ref time (${caps.transfer.length} bytes), a payment ${caps.payment.perTxRefTime} ps (${caps.payment.length} bytes).

![transactions per block and finality lag](load.svg)
`;
  fs.writeFileSync(path.join(OUT, 'report.md'), report);
  fs.writeFileSync(path.join(OUT, 'data.json'), JSON.stringify({ idle, idleLags, caps, runs, results }, null, 1));
  console.log(report);
  await api.disconnect();
}

main().catch((e) => {
  console.error(`the load benchmark failed: ${e.stack || e}`);
  process.exit(1);
});
