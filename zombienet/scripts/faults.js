// Shared by the fault tests (0006-0009): the node processes of a zombienet network (found by
// their command line under the network's own folder), stopping and starting them as an operator
// would, and what a node reports (heights, the co-op state at a block).
const fs = require('fs');
const net = require('net');
const path = require('path');
const { spawn } = require('child_process');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The node process named `name` of the network in `tmpDir`: { pid, argv, env }. */
function nodeProcess(tmpDir, name) {
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    let argv;
    try {
      argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter((a) => a !== '');
    } catch { continue; }
    if (path.basename(argv[0] || '') !== 'coopchain-node') continue;
    const named = argv.some((a, i) => (a === '--name' && argv[i + 1] === name) || a === `--name=${name}`);
    if (!named || !argv.some((a) => a.startsWith(tmpDir))) continue;
    if (alive(Number(pid))) return { pid: Number(pid), argv };
  }
  return null;
}

/** Whether process `pid` runs (a zombie awaiting its parent counts as gone). */
function alive(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) [ZX]/.test(stat);
  } catch { return false; }
}

/**
 * Stops the named nodes with `signal` (SIGTERM: as `systemctl stop` does; SIGKILL: a crash),
 * all at once, and waits until every one has exited (SIGKILL after 60 s). Returns what it
 * needs to start them again.
 */
async function stopNodes(tmpDir, names, signal) {
  const stopped = names.map((name) => {
    const proc = nodeProcess(tmpDir, name);
    if (!proc) throw new Error(`no running node ${name} under ${tmpDir}`);
    return { name, ...proc };
  });
  for (const p of stopped) process.kill(p.pid, signal);
  const deadline = Date.now() + 60_000;
  while (stopped.some((p) => alive(p.pid))) {
    if (Date.now() > deadline) for (const p of stopped) if (alive(p.pid)) process.kill(p.pid, 'SIGKILL');
    await sleep(200);
  }
  return stopped;
}

/** Starts stopped nodes again with their own command lines (same database), logs appended. */
function startNodes(tmpDir, stopped) {
  for (const p of stopped) {
    const log = fs.openSync(path.join(tmpDir, `${p.name}.log`), 'a');
    const child = spawn(p.argv[0], p.argv.slice(1), { detached: true, stdio: ['ignore', log, log] });
    child.unref();
    fs.closeSync(log);
  }
  return stopped.length;
}

/** A TCP port nothing listens on now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Whether something accepts TCP connections on `port` of 127.0.0.1. */
function listening(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Connects to `wsUri` once its port accepts connections (a client connecting to a node that is
 * not up yet rejects in the background, which ends a zombienet run), waiting up to `ms`.
 */
async function connect(wsUri, ms = 60_000) {
  const port = Number(new URL(wsUri).port);
  const deadline = Date.now() + ms;
  while (!(await listening(port))) {
    if (Date.now() > deadline) throw new Error(`nothing listens on ${wsUri} after ${ms / 1000} s`);
    await sleep(500);
  }
  return zombie.connect(wsUri);
}

async function finalized(api) {
  const hash = await api.rpc.chain.getFinalizedHead();
  return { hash: hash.toHex(), number: (await api.rpc.chain.getHeader(hash)).number.toNumber() };
}

async function best(api) {
  return (await api.rpc.chain.getHeader()).number.toNumber();
}

/** Waits until `api`'s node has finalised `number` (or `ms` pass: then returns false). */
async function untilFinalized(api, number, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      if ((await finalized(api)).number >= number) return true;
    } catch (e) {
      // A syncing node may name a head whose header it has not stored yet (warp sync).
      console.log(`(waiting: ${e.message || e})`);
    }
    await sleep(1000);
  }
  return false;
}

/** Every storage key and value under `prefix` at block `at`, in key order. */
async function pairs(api, prefix, at) {
  const keys = [];
  for (let start; ;) {
    const page = await api.rpc.state.getKeysPaged(prefix, 1000, start, at);
    keys.push(...page.map((k) => k.toHex()));
    if (page.length < 1000) break;
    start = keys[keys.length - 1];
  }
  const out = [];
  for (let i = 0; i < keys.length; i += 500) {
    // @polkadot/api formats `state_queryStorageAt` as one value per key, in the keys' order.
    const chunk = keys.slice(i, i + 500);
    const values = await api.rpc.state.queryStorageAt(chunk, at);
    if (values.length !== chunk.length) throw new Error(`${values.length} values for ${chunk.length} keys`);
    values.forEach((value, j) => out.push([chunk[j], value.toHex()]));
  }
  return out.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/**
 * The co-op state at block `at` as the node reports it: every account's balance
 * (System.Account), the co-ops and their members, raises, patronage and credit (the storage of
 * the four co-op pallets), with counts that show it is not empty.
 */
async function coopState(api, at) {
  const { xxhashAsHex } = require('@polkadot/util-crypto');
  const prefix = (pallet, item) => xxhashAsHex(pallet, 128) + (item ? xxhashAsHex(item, 128).slice(2) : '');
  const parts = {
    accounts: prefix('System', 'Account'),
    coops: prefix('CoopMembership'),
    raises: prefix('Daico'),
    patronage: prefix('Patronage'),
    credit: prefix('CircularCredit'),
  };
  const state = {};
  for (const [name, p] of Object.entries(parts)) state[name] = await pairs(api, p, at);
  const counts = {
    accounts: state.accounts.length,
    coops: (await api.query.coopMembership.coops.entriesAt(at)).length,
    raises: (await api.query.daico.raises.entriesAt(at)).length,
    participants: (await api.query.circularCredit.participants.entriesAt(at)).length,
  };
  return { counts, digest: require('crypto').createHash('sha256').update(JSON.stringify(state)).digest('hex') };
}

module.exports = {
  sleep, nodeProcess, stopNodes, startNodes, freePort, connect, finalized, best, untilFinalized, coopState,
};
