// Run while two of the four validators are down: for `args[0]` seconds after a settling pause,
// the two left keep authoring their Aura slots (best rises) while GRANDPA, which needs more than
// two thirds of the voters, finalises nothing. Records the best block reached (stall.json) for
// `finality-recovers.js`. Returns how many blocks were authored meanwhile when finality stood
// still, 0 when it moved.
const fs = require('fs');
const path = require('path');
const { sleep, connect, finalized, best } = require('./faults.js');

async function run(nodeName, networkInfo, args) {
  const api = await connect(networkInfo.nodesByName[nodeName].wsUri);
  await sleep(15_000); // a round already under way may still conclude
  const [f0, b0] = [await finalized(api), await best(api)];
  await sleep(Number(args[0]) * 1000);
  const [f1, b1] = [await finalized(api), await best(api)];
  console.log(`${nodeName}: over ${args[0]} s best #${b0} -> #${b1}, finalised #${f0.number} -> #${f1.number}`);
  fs.writeFileSync(path.join(networkInfo.tmpDir, 'stall.json'), JSON.stringify({ best: b1, finalized: f1.number }));
  await api.disconnect();
  return f1.number === f0.number ? b1 - b0 : 0;
}

module.exports = { run };
