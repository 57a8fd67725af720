// A fresh full node joins the running network (bootnode: this node) and syncs with
// `--sync args[0]` (full or warp): it must finalise the height this node had finalised when it
// started, with the same block there, within `args[1]` seconds. A full-synced node also has the
// state of block 1 (it executed every block); a warp-synced one says in its log that warp sync
// completed. Returns 1 when all hold, 0 otherwise; the node is stopped either way.
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const { sleep, connect, finalized, freePort, untilFinalized, nodeProcess } = require('./faults.js');

async function run(nodeName, networkInfo, args) {
  const [mode, seconds] = [args[0], Number(args[1])];
  const api = await connect(networkInfo.nodesByName[nodeName].wsUri);
  const target = await finalized(api);
  // Every node of the network as a bootnode: warp sync starts once it has three peers.
  const bootnodes = [];
  for (const { wsUri } of Object.values(networkInfo.nodesByName)) {
    const peer = await connect(wsUri);
    const listen = (await peer.rpc.system.localListenAddresses()).map((a) => a.toString());
    bootnodes.push(listen.find((a) => a.includes('/ip4/127.0.0.1/')) || listen[0]);
    await peer.disconnect();
  }
  const binary = nodeProcess(networkInfo.tmpDir, nodeName).argv[0];
  const [rpc, p2p] = [await freePort(), await freePort()];
  const base = path.join(networkInfo.tmpDir, `late-${mode}`);
  const logFile = path.join(networkInfo.tmpDir, `late-${mode}.log`);
  const log = fs.openSync(logFile, 'a');
  const child = spawn(binary, [
    '--chain', networkInfo.chainSpecPath, '--base-path', base, '--name', `late-${mode}`,
    '--sync', mode, '--database', 'paritydb', '--rpc-port', String(rpc),
    '--listen-addr', `/ip4/127.0.0.1/tcp/${p2p}`, '--bootnodes', ...bootnodes, '--no-prometheus',
    '--no-telemetry', '--no-mdns',
  ], { stdio: ['ignore', log, log] });
  fs.closeSync(log);
  try {
    const joiner = await connect(`ws://127.0.0.1:${rpc}`, 60_000);
    const started = Date.now();
    const synced = await untilFinalized(joiner, target.number, seconds * 1000);
    const took = ((Date.now() - started) / 1000).toFixed(1);
    const hash = synced ? (await joiner.rpc.chain.getBlockHash(target.number)).toHex() : null;
    let proof;
    if (mode === 'full') {
      const one = await joiner.rpc.chain.getBlockHash(1);
      proof = (await joiner.query.system.number.at(one)).toNumber() === 1;
    } else {
      proof = /Warp sync is complete/.test(fs.readFileSync(logFile, 'utf8'));
    }
    console.log(`late ${mode} node: ${synced ? 'finalised' : 'did NOT finalise'} #${target.number} in ${took} s, same block: ${hash === target.hash}, ${mode === 'full' ? 'state of block 1' : 'warp sync completed'}: ${proof}`);
    await joiner.disconnect();
    return synced && hash === target.hash && proof ? 1 : 0;
  } finally {
    child.kill('SIGKILL');
    await sleep(500);
    await api.disconnect();
  }
}

module.exports = { run };
