// After the whole network restarted: this node finalises past the height finalised before the
// stop (snapshot.json), keeps the block finalised then, and reports the same co-op state
// (balances, co-ops, raises, patronage, credit) at its new finalised head. Returns 1 when all
// hold; 0 otherwise.
const fs = require('fs');
const path = require('path');
const { connect, finalized, untilFinalized, coopState } = require('./faults.js');

async function run(nodeName, networkInfo) {
  const before = JSON.parse(fs.readFileSync(path.join(networkInfo.tmpDir, 'snapshot.json'), 'utf8'));
  const api = await connect(networkInfo.nodesByName[nodeName].wsUri, 120_000);
  if (!(await untilFinalized(api, before.number + 3, 240_000))) {
    console.log(`${nodeName}: finality did not resume past #${before.number}`);
    return 0;
  }
  const kept = (await api.rpc.chain.getBlockHash(before.number)).toHex();
  const head = await finalized(api);
  const after = await coopState(api, head.hash);
  console.log(`${nodeName}: finalised #${head.number} (was #${before.number}); block #${before.number} ${kept === before.hash ? 'kept' : 'CHANGED'}; state ${JSON.stringify(after.counts)} ${after.digest === before.digest ? 'identical' : 'DIFFERENT'}`);
  await api.disconnect();
  return kept === before.hash && after.digest === before.digest ? 1 : 0;
}

module.exports = { run };
