// Stops every node of the network at once (args[0]: the signal, SIGTERM as an operator's
// `systemctl stop`, SIGKILL as a power cut), checks that none answers, and starts them all
// again on their own databases with their own command lines. Returns how many it restarted.
const { sleep, stopNodes, startNodes, connect } = require('./faults.js');

async function run(_nodeName, networkInfo, args) {
  const names = Object.keys(networkInfo.nodesByName);
  const stopped = await stopNodes(networkInfo.tmpDir, names, args[0] || 'SIGTERM');
  console.log(`stopped ${stopped.map((p) => `${p.name} (${p.pid})`).join(', ')} with ${args[0]}`);
  await sleep(5000);
  const started = startNodes(networkInfo.tmpDir, stopped);
  // Each answers RPC again.
  for (const name of names) await (await connect(networkInfo.nodesByName[name].wsUri, 120_000)).disconnect();
  console.log(`restarted ${started} nodes on their databases`);
  return started;
}

module.exports = { run };
