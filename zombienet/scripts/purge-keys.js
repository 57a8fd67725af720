// One step of issue #18's attack: the validator of node `args[0]` (its account `//Name//stash`,
// as in the local_testnet preset and zombienet's accounts) purges its session keys with
// `session.purgeKeys`.
//   - args[1] = "purged": the purge succeeds; after the next session change pallet-session no
//     longer queues that validator, and the chain still has authorities (Aura, GRANDPA) and
//     validators in office and queued.
//   - args[1] = "refused": it is the last validator with keys of the planned set, so the
//     runtime's call filter refuses the purge (`system.CallFiltered`); its keys stay.
// Returns 1 when every check passed (an assertion throws otherwise; zombienet's `return is 0`
// cannot fail, so success is 1).
const assert = require('node:assert/strict');
const { chainAt } = require('./client');

/** `alice` -> `//Alice//stash`. */
function stashOf(chain, nodeName) {
  const name = nodeName.charAt(0).toUpperCase() + nodeName.slice(1);
  return chain.keyring().addFromUri(`//${name}//stash`);
}

/** Consensus and pallet-session still have validators, at block `hash`. */
async function assertAlive(api, hash) {
  const at = await api.at(hash);
  const aura = await at.query.aura.authorities();
  const grandpa = await at.query.grandpa.authorities();
  const inOffice = await at.query.session.validators();
  const queued = await at.query.session.queuedKeys();
  console.log(`aura ${aura.length}, grandpa ${grandpa.length}, in office ${inOffice.length}, queued ${queued.length}`);
  assert.ok(aura.length >= 1, 'Aura has authorities');
  assert.ok(grandpa.length >= 1, 'GRANDPA has authorities');
  assert.ok(inOffice.length >= 1, 'pallet-session has validators in office');
  assert.ok(queued.length >= 1, 'pallet-session queued validators');
}

async function run(nodeName, networkInfo, args) {
  const { chain, api } = await chainAt(networkInfo.nodesByName[nodeName].wsUri);
  const [validatorNode, expected] = args;
  const stash = stashOf(chain, validatorNode);
  assert.ok((await api.query.session.nextKeys(stash.address)).isSome,
    `${stash.address} has session keys to purge`);
  // zombienet endows the stash; top it up in case the fees of earlier steps ate into it.
  if ((await chain.free(api, stash.address)) < chain.UNIT) await chain.fund(api, [stash], chain.UNIT);

  const { blockHash, error } = await chain.submit(api, api.tx.session.purgeKeys(), stash);
  const keys = await api.query.session.nextKeys(stash.address);

  if (expected === 'refused') {
    assert.ok(error, 'the purge of the last validator with keys is refused');
    assert.equal(error.name, 'CallFiltered', `refused by the call filter: ${JSON.stringify(error)}`);
    assert.ok(keys.isSome, 'its keys stay');
    await assertAlive(api, blockHash);
    console.log(`${validatorNode}: purge refused in ${blockHash}; keys kept`);
    await api.disconnect();
    return 1;
  }

  assert.equal(expected, 'purged', `unknown expectation ${expected}`);
  assert.equal(error, null, `session.purgeKeys: ${JSON.stringify(error)}`);
  assert.ok(keys.isNone, 'the keys are gone');
  // The next session change plans without it: pallet-session queues it no more.
  const session = (await (await api.at(blockHash)).query.session.currentIndex()).toNumber();
  console.log(`${validatorNode}: keys purged in ${blockHash}, session ${session}`);
  for (;;) {
    const head = await api.rpc.chain.getHeader();
    const at = await api.at(head.hash);
    if ((await at.query.session.currentIndex()).toNumber() > session) {
      const queued = (await at.query.session.queuedKeys()).map(([v]) => v.toString());
      console.log(`#${head.number}: queued ${queued.join(', ')}`);
      assert.ok(!queued.includes(stash.address), 'the validator without keys is not queued');
      await assertAlive(api, head.hash);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }
  await api.disconnect();
  return 1;
}

module.exports = { run };
