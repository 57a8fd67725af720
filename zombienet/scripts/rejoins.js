// Run on a node just restarted on its own database (after `kill -9`): waits until it has
// finalised the height the reference node `args[0]` had finalised when the script started,
// within `args[1]` seconds, then compares the co-op state both report at that block. Returns 1
// when it caught up in time and the states are equal and not empty; 0 otherwise.
const { connect, finalized, untilFinalized, coopState } = require('./faults.js');

async function run(nodeName, networkInfo, args) {
  const [reference, seconds] = [args[0], Number(args[1])];
  const refApi = await connect(networkInfo.nodesByName[reference].wsUri);
  const target = await finalized(refApi);
  const api = await connect(networkInfo.nodesByName[nodeName].wsUri);
  const behind = await finalized(api);
  console.log(`${nodeName}: back with finalised #${behind.number}; ${reference} has finalised #${target.number}`);
  const started = Date.now();
  const caughtUp = await untilFinalized(api, target.number, seconds * 1000);
  const took = (Date.now() - started) / 1000;
  console.log(`${nodeName}: ${caughtUp ? 'reached' : 'did NOT reach'} ${reference}'s finalised #${target.number} in ${took.toFixed(1)} s`);
  if (!caughtUp) return 0;
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
