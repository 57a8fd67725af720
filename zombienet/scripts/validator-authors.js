// Waits until the bakery's validator is in `session.validators` ("joined") or out of it
// ("left"), then watches the next 12 blocks (more than two rounds of five authors) and returns
// how many of them it authored. Authors are resolved as Polkadot.js Apps does (the Aura slot
// of the block, over `session.validators`). For "left", also checks that finality kept pace.
const assert = require('node:assert/strict');
const { chainAt, bakeryValidator } = require('./client');

const WATCHED = 12;

async function run(nodeName, networkInfo, args) {
  const { chain, api } = await chainAt(networkInfo.nodesByName[nodeName].wsUri);
  const validator = bakeryValidator(chain).address;
  const wanted = args[0] === 'joined';
  for (;;) {
    const set = (await api.query.session.validators()).map(String);
    if (set.includes(validator) === wanted) {
      console.log(`session ${await api.query.session.currentIndex()}: ${set.join(', ')}`);
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
  if (finalizedAfter - finalizedBefore < WATCHED - 4) return -1;
  return mine;
}

module.exports = { run };
