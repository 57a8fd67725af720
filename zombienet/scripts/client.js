// Shared by the network-test scripts: the client helpers of tests/lib (one @polkadot/api for all),
// connected to the node the script runs on, and the accounts of the rotation test.
const path = require('path');

/** tests/lib/chain.js, connected to `wsUri`. */
async function chainAt(wsUri) {
  process.env.COOPCHAIN_WS = wsUri;
  const chain = require(path.join(__dirname, '..', '..', 'tests', 'lib', 'chain.js'));
  return { chain, api: await chain.connect() };
}

/** The co-op that joins: Riverside Bakery (co-op 1 of the local_testnet preset). */
const BAKERY = 1;

/** The validator account the bakery registers for the node it runs (Eve's node). */
function bakeryValidator(chain) {
  return chain.keyring().addFromUri('//Eve//validator');
}

/** The bakery's members, who carry its motions. */
function bakeryMembers(chain) {
  return [chain.dev('Eve'), chain.dev('Ferdie')];
}

module.exports = { chainAt, BAKERY, bakeryValidator, bakeryMembers };
