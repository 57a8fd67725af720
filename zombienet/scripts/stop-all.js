// The last step of a test whose nodes were restarted by a script (restart-all.js): zombienet
// knows only the processes it started, so this stops the ones started since (SIGTERM), leaving
// nothing running after the test. Returns how many it stopped.
const { stopNodes } = require('./faults.js');

async function run(_nodeName, networkInfo) {
  const stopped = await stopNodes(networkInfo.tmpDir, Object.keys(networkInfo.nodesByName), 'SIGTERM');
  return stopped.length;
}

module.exports = { run };
