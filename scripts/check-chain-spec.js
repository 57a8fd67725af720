#!/usr/bin/env node
// Checks the chain spec that the node built from a founders file (scripts/test.sh runs it on
// node/coopchain-founders.example.json): the chain is `coopchain`, live, with the founders'
// validators, session keys and endowments, no sudo, and not a trace of a development account.
//
//   node scripts/check-chain-spec.js <founders.json> <plain spec> <raw spec>
const fs = require('fs');
const assert = require('assert/strict');
const [file, plain, raw] = process.argv.slice(2).map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
const A = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const hex = (ss58) => { // the 32 public bytes of a prefix-42 SS58 address, as hex
  let n = 0n;
  for (const c of ss58) n = n * 58n + BigInt(A.indexOf(c));
  return n.toString(16).padStart(70, '0').slice(2, 66);
};
const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
assert.equal(hex(ALICE), 'd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d');
assert.equal(plain.id, 'coopchain');
assert.equal(plain.chainType, 'Live');
const patch = plain.genesis.runtimeGenesis.patch;
assert.ok(!('sudo' in patch), 'no sudo');
const founders = file.founders;
assert.deepEqual(patch.session.keys.map((k) => [k[0], k[2].aura, k[2].grandpa]),
  founders.map((f) => [f.validator, f.aura, f.grandpa]));
assert.deepEqual(patch.coopValidators.validators.map((v) => v[1]), founders.map((f) => f.validator));
const balances = new Map(patch.balances.balances.map(([who, amount]) => [who, BigInt(amount)]));
for (const f of founders) {
  assert.equal(balances.get(f.member), BigInt(f.member_endowment) * 10n ** 12n, f.name);
  assert.equal(balances.get(f.validator) ?? 0n, BigInt(f.validator_endowment) * 10n ** 12n, f.name);
}
const top = JSON.stringify(raw.genesis.raw.top).toLowerCase();
assert.ok(Object.keys(raw.genesis.raw.top).length > 0, 'a raw genesis');
for (const f of founders) assert.ok(top.includes(hex(f.validator)), `${f.name}'s validator in the raw genesis`);
assert.ok(!JSON.stringify(patch).includes(ALICE) && !top.includes(hex(ALICE)), 'no trace of Alice');
console.log(`coopchain spec: ${founders.length} founding co-ops, their validators and endowments, no development account`);
