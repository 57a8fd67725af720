// After the others purged their keys (0005-keys-purged), waits until the validator of node
// `args[0]` (`//Name//stash`) is alone in office: `session.validators` is just it, and Aura and
// GRANDPA each have one authority, its keys (`//Name`, as zombienet gives them). Then waits
// until the finalised height has risen by `args[1]` blocks (default 5) with it as the only
// authority; returns that rise. Assertions throw on anything else.
const assert = require('node:assert/strict');
const { chainAt } = require('./client');

async function finalizedHeight(api) {
  return (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
}

async function run(nodeName, networkInfo, args) {
  const { chain, api } = await chainAt(networkInfo.nodesByName[nodeName].wsUri);
  const name = args[0].charAt(0).toUpperCase() + args[0].slice(1);
  const stash = chain.keyring().addFromUri(`//${name}//stash`).address;
  const auraKey = `0x${Buffer.from(chain.dev(name).publicKey).toString('hex')}`;
  const wanted = Number(args[1] || 5);

  let aloneAt;
  for (;;) {
    const head = await api.rpc.chain.getHeader();
    const at = await api.at(head.hash);
    const inOffice = (await at.query.session.validators()).map(String);
    const aura = (await at.query.aura.authorities()).map((k) => k.toHex());
    const grandpa = await at.query.grandpa.authorities();
    if (inOffice.length === 1 && inOffice[0] === stash && aura.length === 1 && grandpa.length === 1) {
      assert.equal(aura[0], auraKey, `Aura's one authority is ${name}'s key`);
      aloneAt = head.number.toNumber();
      console.log(`#${aloneAt}: ${stash} alone in office; aura ${aura[0]}`);
      break;
    }
    assert.ok(inOffice.length >= 1 && aura.length >= 1 && grandpa.length >= 1,
      'consensus always has authorities');
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }

  // GRANDPA's set is changed by a block its old set finalises; count from the later of that
  // block and the finalised head.
  const start = Math.max(await finalizedHeight(api), aloneAt);
  for (;;) {
    const finalized = await finalizedHeight(api);
    if (finalized - start >= wanted) {
      console.log(`finalised #${start} -> #${finalized} with ${name}'s validator alone`);
      await api.disconnect();
      return finalized - start;
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

module.exports = { run };
