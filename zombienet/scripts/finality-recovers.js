// Once the stalled validators are back: this node finalises the best block reached during the
// stall (stall.json) within `args[0]` seconds. Returns the number of blocks finality caught up
// by (at least the stall's unfinalised length), 0 if it did not.
const fs = require('fs');
const path = require('path');
const { connect, untilFinalized, finalized } = require('./faults.js');

async function run(nodeName, networkInfo, args) {
  const stall = JSON.parse(fs.readFileSync(path.join(networkInfo.tmpDir, 'stall.json'), 'utf8'));
  const api = await connect(networkInfo.nodesByName[nodeName].wsUri);
  const started = Date.now();
  const ok = await untilFinalized(api, stall.best, Number(args[0]) * 1000);
  const now = await finalized(api);
  console.log(`${nodeName}: finalised #${now.number} ${ok ? '' : 'NOT '}past the stall's best #${stall.best} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  await api.disconnect();
  return ok ? now.number - stall.finalized : 0;
}

module.exports = { run };
