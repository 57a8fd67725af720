// The Riverside Bakery leaves the federation by its own motion (`coopMembership.leave(0)`):
// the membership hook takes its validator's seat. Returns 1 when `ValidatorRemoved`
// (reason `LeftFederation`) came with the withdrawal and the approved set no longer has it.
const assert = require('node:assert/strict');
const { chainAt, BAKERY, bakeryValidator, bakeryMembers } = require('./client');

async function run(nodeName, networkInfo) {
  const { chain, api } = await chainAt(networkInfo.nodesByName[nodeName].wsUri);
  const validator = bakeryValidator(chain);
  const [eve, ferdie] = bakeryMembers(chain);
  const events = await chain.passMotion(api, BAKERY, api.tx.coopMembership.leave(0), eve,
    [eve, ferdie]);
  const [removed] = chain.eventsOf(events, api.events.coopValidators.ValidatorRemoved);
  assert.ok(removed, 'ValidatorRemoved');
  assert.equal(removed.data.validator.toString(), validator.address);
  assert.equal(removed.data.reason.toString(), 'LeftFederation');
  const approvedSet = (await api.query.coopValidators.approved()).map(String);
  assert.ok(!approvedSet.includes(validator.address), 'the seat is gone');
  await api.disconnect();
  return 1;
}

module.exports = { run };
