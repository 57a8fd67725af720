// The operator steps of a co-op joining the validator set (README, "Run a validator"):
//   1. the Riverside Bakery applies to the federation by its own motion and names its delegate;
//      the founding co-ops admit it through theirs;
//   2. on the bakery's node (`args[0]`), `author_rotateKeysWithOwner` makes fresh session keys
//      with a proof of ownership for the validator account, which `session.set_keys` them;
//   3. the bakery registers its validator by motion, and the federation approves it by special
//      resolution.
// Returns 1 when the validator is approved (and has keys), after checking each step's events.
const assert = require('node:assert/strict');
const path = require('path');
// The tests' @polkadot/api (the one tests/lib/chain.js uses), not zombienet's own.
const { WsProvider } = require(path.join(__dirname, '..', '..', 'tests', 'node_modules',
  '@polkadot', 'api'));
const { chainAt, BAKERY, bakeryValidator, bakeryMembers } = require('./client');

async function run(nodeName, networkInfo, args) {
  const { chain, api } = await chainAt(networkInfo.nodesByName[nodeName].wsUri);
  const validator = bakeryValidator(chain);
  const [eve, ferdie] = bakeryMembers(chain);
  const treasury = chain.coopTreasury(api, BAKERY);

  // The bakery's treasury pays the federation share (100 COOP); the validator account pays the
  // session-key deposit (1 COOP) and fees.
  await chain.fund(api, [{ address: treasury }, validator], 150n * chain.UNIT);

  // 1 and 2 are independent: the admission by motions, and the keys.
  const admitted = chain.admitToFederation(api,
    [{ coop: BAKERY, treasury, proposer: eve, voters: [eve, ferdie] }]);
  const keyed = (async () => {
    const operator = new WsProvider(networkInfo.nodesByName[args[0]].wsUri);
    await operator.isReady;
    // The owner is the SCALE encoding of the validator account: its 32 bytes.
    const owner = `0x${Buffer.from(validator.publicKey).toString('hex')}`;
    const generated = await operator.send('author_rotateKeysWithOwner', [owner]);
    await operator.disconnect();
    console.log(`session keys of ${args[0]}'s node: ${generated.keys}`);
    const set = await chain.submit(api, api.tx.session.setKeys(generated.keys, generated.proof),
      validator);
    assert.equal(set.error, null, `session.setKeys: ${JSON.stringify(set.error)}`);
    const next = await api.query.session.nextKeys(validator.address);
    assert.ok(next.isSome, 'the validator has session keys');
  })();
  await Promise.all([admitted, keyed]);

  const registered = await chain.passMotion(api, BAKERY,
    api.tx.coopValidators.registerValidator(validator.address), eve, [eve, ferdie]);
  const [registration] = chain.eventsOf(registered, api.events.coopValidators.ValidatorRegistered);
  assert.ok(registration, 'ValidatorRegistered');
  assert.equal(registration.data.member.toString(), treasury);
  assert.equal(registration.data.validator.toString(), validator.address);

  // A special resolution of the federation: a founding co-op proposes it by its motion, the
  // member co-ops (the bakery among them) vote through their delegates.
  const approved = await chain.passFederationMotion(api,
    { special: api.tx.coopValidators.approveValidator(treasury) });
  assert.equal(chain.eventsOf(approved, api.events.coopValidators.ValidatorApproved).length, 1);
  const approvedSet = (await api.query.coopValidators.approved()).map(String);
  assert.ok(approvedSet.includes(validator.address), 'the validator is in the approved set');
  console.log(`approved: ${approvedSet.join(', ')}`);
  await api.disconnect();
  return 1;
}

module.exports = { run };
