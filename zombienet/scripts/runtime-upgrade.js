// Upgrades the runtime the co-operative way and checks that nothing else changed:
//   1. a special resolution of the federation enacts `system.authorizeUpgrade(blake2_256(code))`
//      as root (`federation.enact`), voted by the four founding co-ops, and enacted by the
//      scheduler after the federation's enactment delay (a minute on `local`);
//   2. Alice applies the code (`system.applyAuthorizedUpgrade`), which anyone may do;
//   3. `state_getRuntimeVersion` reports the new spec_version, the upgrade's migration left its
//      marker, and the storage of every co-op pallet and the balances of Bob..Ferdie are as
//      they were just before the code was applied.
// The code is `COOPCHAIN_UPGRADE_WASM`, or the default path of scripts/common.sh's build.
// Returns the new spec_version.
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chainAt } = require('./client');

const COOP_PALLETS = ['CoopMembership', 'CoopValidators', 'Daico', 'Patronage', 'CircularCredit'];
const MARKER_KEY = `0x${Buffer.from(':coopchain:upgraded-to').toString('hex')}`;
const CODE_KEY = `0x${Buffer.from(':code').toString('hex')}`;

function upgradeWasm() {
  if (process.env.COOPCHAIN_UPGRADE_WASM) return process.env.COOPCHAIN_UPGRADE_WASM;
  const target = process.env.CARGO_TARGET_DIR || path.join(os.homedir(), '.cache', 'coopchain-target');
  return path.join(target, 'debug', 'wbuild', 'coopchain-runtime',
    'coopchain_runtime.compact.compressed.wasm');
}

async function run(nodeName, networkInfo) {
  const { chain, api } = await chainAt(networkInfo.nodesByName[nodeName].wsUri);
  const { blake2AsHex } = require(path.join(__dirname, '..', '..', 'tests', 'node_modules',
    '@polkadot', 'util-crypto'));
  const code = fs.readFileSync(upgradeWasm());
  const codeHash = blake2AsHex(code, 256);
  const before = await api.rpc.state.getRuntimeVersion();
  console.log(`running spec_version ${before.specVersion}; upgrade ${upgradeWasm()} (${code.length} bytes, ${codeHash})`);

  // 1. Root authority, by a special resolution of the federation.
  const enact = api.tx.federation.enact(api.tx.system.authorizeUpgrade(codeHash));
  const decided = await chain.passFederationMotion(api, { special: enact });
  // Scheduled, not dispatched: the scheduler enacts it after the enactment delay.
  assert.equal(chain.eventsOf(decided, api.events.system.UpgradeAuthorized).length, 0,
    'nothing is authorised before the enactment delay');
  const enactedIn = await chain.untilEnacted(api, decided);
  const [authorized] = chain.eventsOf(enactedIn, api.events.system.UpgradeAuthorized);
  assert.equal(authorized.data.codeHash.toHex(), codeHash);

  // State just before the code is applied (nothing else is submitted meanwhile).
  const snapshot = async (hash) => {
    const pallets = {};
    for (const pallet of COOP_PALLETS) pallets[pallet] = await chain.palletStorage(api, pallet, hash);
    const balances = {};
    for (const name of ['Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie']) {
      const account = await (await api.at(hash)).query.system.account(chain.dev(name).address);
      balances[name] = account.data.toJSON();
    }
    return { pallets, balances };
  };
  const beforeHash = (await api.rpc.chain.getHeader()).hash.toHex();
  const stateBefore = await snapshot(beforeHash);

  // 2. Anyone applies the authorised code.
  const applied = await chain.submit(api, api.tx.system.applyAuthorizedUpgrade(
    `0x${code.toString('hex')}`), chain.dev('Alice'));
  assert.equal(applied.error, null, `applyAuthorizedUpgrade: ${JSON.stringify(applied.error)}`);
  // (Not through the block's events: Polkadot.js decodes them with the new runtime's metadata.)
  const storedCode = await chain.rpc(api, 'state_getStorage', [CODE_KEY, applied.blockHash]);
  assert.equal(blake2AsHex(storedCode, 256), codeHash, 'the new code is in :code');

  // 3. The new runtime runs from the next block on: the upgrade block already holds the new
  // code (so it reports the new version), but the migration and `system.lastRuntimeUpgrade`
  // come with the first block the new runtime executes.
  const upgradeBlock = (await api.rpc.chain.getHeader(applied.blockHash)).number.toNumber();
  await chain.untilBlock(api, upgradeBlock + 1);
  const afterHash = (await api.rpc.chain.getBlockHash(upgradeBlock + 1)).toHex();
  const version = await api.rpc.state.getRuntimeVersion(afterHash);
  assert.ok(version.specVersion.toNumber() > before.specVersion.toNumber(), 'spec_version rose');
  assert.equal(version.specName.toString(), 'coopchain');
  const lastUpgrade = await (await api.at(afterHash)).query.system.lastRuntimeUpgrade();
  assert.equal(lastUpgrade.unwrap().specVersion.toNumber(), version.specVersion.toNumber());
  const marker = await chain.rpc(api, 'state_getStorage', [MARKER_KEY, afterHash]);
  assert.ok(marker, 'the migration left its marker');
  const recorded = Buffer.from(marker.slice(2), 'hex').readUInt32LE(0);
  assert.equal(recorded, version.specVersion.toNumber(), 'the marker names the new version');
  const stateAfter = await snapshot(afterHash);
  assert.deepEqual(stateAfter, stateBefore, 'co-op state and balances unchanged');
  console.log(`upgraded to spec_version ${version.specVersion} at ${afterHash}; co-op state unchanged`);
  await api.disconnect();
  return version.specVersion.toNumber();
}

module.exports = { run };
