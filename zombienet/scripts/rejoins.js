// Run on a node just restarted on its own database (after `kill -9`): it must reach the height
// the reference node `args[0]` had finalised when the script started within `args[1]` seconds of
// its own start (the node's `substrate_process_start_time_seconds`), hold the same block there,
// and report the same co-op state as the reference at it. Returns 1 when all hold, 0 otherwise.
const { connect, finalized, untilFinalized, coopState } = require('./faults.js');

async function startedAt(prometheusUri) {
  const text = await (await fetch(prometheusUri)).text();
  const line = text.split('\n').find((l) => l.startsWith('substrate_process_start_time_seconds'));
  if (!line) throw new Error(`no substrate_process_start_time_seconds at ${prometheusUri}`);
  return Number(line.trim().split(/\s+/).pop()) * 1000;
}

async function run(nodeName, networkInfo, args) {
  const [reference, seconds] = [args[0], Number(args[1])];
  const refApi = await connect(networkInfo.nodesByName[reference].wsUri);
  const target = await finalized(refApi);
  const me = networkInfo.nodesByName[nodeName];
  const api = await connect(me.wsUri);
  const start = await startedAt(me.prometheusUri);
  const behind = await finalized(api);
  console.log(`${nodeName}: up ${((Date.now() - start) / 1000).toFixed(1)} s with finalised #${behind.number}; ${reference} has finalised #${target.number}`);
  const caughtUp = await untilFinalized(api, target.number, seconds * 1000);
  const took = (Date.now() - start) / 1000;
  console.log(`${nodeName}: ${caughtUp ? 'reached' : 'did NOT reach'} #${target.number} ${took.toFixed(1)} s after its start`);
  if (!caughtUp || took > seconds) return 0;
  const hash = (await api.rpc.chain.getBlockHash(target.number)).toHex();
  if (hash !== target.hash) {
    console.log(`${nodeName}: block #${target.number} is ${hash}, ${reference} finalised ${target.hash}`);
    return 0;
  }
  const [mine, theirs] = [await coopState(api, target.hash), await coopState(refApi, target.hash)];
  console.log(`${nodeName}: co-op state at #${target.number}: ${JSON.stringify(mine.counts)} ${mine.digest}; ${reference}: ${theirs.digest}`);
  await api.disconnect();
  await refApi.disconnect();
  return mine.digest === theirs.digest && mine.counts.coops > 0 && mine.counts.accounts > 0 ? 1 : 0;
}

module.exports = { run };
