// Waits until the bakery's validator is in `session.validators` ("joined") or out of it
// ("left"), then watches the next 12 blocks after the one that changed the set (more than two
// rounds of five authors). Authors are resolved as Polkadot.js Apps does (the Aura slot of the
// block, over `session.validators`). "joined" returns how many of them the validator authored;
// "left" returns 1 when it authored none and finality kept pace, else 0. (zombienet's
// `return is 0` cannot fail, so success is 1.)
const assert = require('node:assert/strict');
const { chainAt, bakeryValidator } = require('./client');

const WATCHED = 12;

async function run(nodeName, networkInfo, args) {
  const { chain, api } = await chainAt(networkInfo.nodesByName[nodeName].wsUri);
  const validator = bakeryValidator(chain).address;
  const wanted = args[0] === 'joined';
  let changedAt;
  for (;;) {
    const head = await api.rpc.chain.getHeader();
    const set = (await api.query.session.validators.at(head.hash)).map(String);
    if (set.includes(validator) === wanted) {
      changedAt = head.number.toNumber();
      console.log(`#${changedAt}, session ${await api.query.session.currentIndex.at(head.hash)}: ${set.join(', ')}`);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }
  const finalizedAt = async () =>
    (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
  const finalizedBefore = await finalizedAt();

  const authors = await new Promise((resolve, reject) => {
    const seen = [];
    api.derive.chain.subscribeNewHeads((header) => {
      // The block that changed the set was authored under the previous one: skip it.
      if (header.number.toNumber() <= changedAt) return;
      seen.push([header.number.toNumber(), header.author ? header.author.toString() : '?']);
      if (seen.length === WATCHED) resolve(seen);
    }).then((unsub) => setTimeout(unsub, 600_000)).catch(reject);
  });
  for (const [number, author] of authors) console.log(`#${number} by ${author}`);
  assert.ok(authors.every(([, author]) => author !== '?'), 'every author resolved');
  const mine = authors.filter(([, author]) => author === validator).length;

  const finalizedAfter = await finalizedAt();
  console.log(`finalised #${finalizedBefore} -> #${finalizedAfter}; ${mine} blocks by ${validator}`);
  await api.disconnect();
  if (wanted) return mine;
  return mine === 0 && finalizedAfter - finalizedBefore >= WATCHED - 4 ? 1 : 0;
}

module.exports = { run };
