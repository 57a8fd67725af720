// Seeds the demo (scripts/seed-demo.js: co-ops, a live DAICO, patronage, a credit circle with
// payments and obligations) through this node, waits until its last block is finalised, and
// records the co-op state at the finalised head in the network's folder (snapshot.json) for
// `resumed.js`. Returns how many raises the state holds (the demo opens one).
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { connect, finalized, best, untilFinalized, coopState } = require('./faults.js');

async function run(nodeName, networkInfo) {
  const { wsUri } = networkInfo.nodesByName[nodeName];
  execFileSync('node', [path.join(__dirname, '..', '..', 'scripts', 'seed-demo.js')], {
    env: { ...process.env, COOPCHAIN_WS: wsUri },
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: 900_000,
  });
  const api = await connect(wsUri);
  if (!(await untilFinalized(api, await best(api), 120_000))) throw new Error('the seeded blocks were not finalised');
  const head = await finalized(api);
  const state = await coopState(api, head.hash);
  console.log(`snapshot at finalised #${head.number}: ${JSON.stringify(state.counts)} ${state.digest}`);
  fs.writeFileSync(path.join(networkInfo.tmpDir, 'snapshot.json'), JSON.stringify({ ...head, ...state }));
  await api.disconnect();
  return state.counts.participants > 0 && state.counts.coops > 0 ? state.counts.raises : 0;
}

module.exports = { run };
