// The chain foundation, through @polkadot/api with no custom types.
'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { UNIT, connect, dev, fresh, submit, eventsOf, free, fund } = require('./lib/chain');

describe('chain foundation', () => {
  let api;

  before(async () => {
    api = await connect();
  });

  after(async () => {
    if (api) await api.disconnect();
  });

  it('presents COOP, 12 decimals and SS58 prefix 42', async () => {
    const properties = await api.rpc.system.properties();
    assert.deepEqual(properties.tokenSymbol.unwrap().map(String), ['COOP']);
    assert.deepEqual(properties.tokenDecimals.unwrap().map((d) => d.toNumber()), [12]);
    assert.equal(properties.ss58Format.unwrap().toNumber(), 42);
    assert.deepEqual(api.registry.chainTokens, ['COOP']);
    assert.deepEqual(api.registry.chainDecimals, [12]);
    assert.equal(api.registry.chainSS58, 42);
    assert.equal(api.consts.system.ss58Prefix.toNumber(), 42);
  });

  it('lists the runtime pallets in its metadata', async () => {
    const pallets = api.runtimeMetadata.asLatest.pallets.map((p) => p.name.toString());
    for (const name of ['System', 'Timestamp', 'Aura', 'Grandpa', 'Balances',
      'TransactionPayment', 'Sudo', 'Utility']) {
      assert.ok(pallets.includes(name), `metadata lacks ${name}: ${pallets}`);
    }
    assert.equal(api.runtimeVersion.specName.toString(), 'coopchain');
  });

  it('has four Aura and four GRANDPA authorities', async () => {
    const aura = await api.query.aura.authorities();
    assert.equal(aura.length, 4);
    const grandpa = await api.call.grandpaApi.grandpaAuthorities();
    assert.equal(grandpa.length, 4);
  });

  it('includes and finalises a signed transfer, moving exactly the amount', async () => {
    const alice = dev('Alice');
    const receiver = fresh();
    const amount = 5n * UNIT + 123n;

    const { events, error, blockHash } = await submit(
      api, api.tx.balances.transferKeepAlive(receiver.address, amount), alice);

    assert.equal(error, null);
    const [transfer] = eventsOf(events, api.events.balances.Transfer);
    assert.ok(transfer, 'a Balances.Transfer event');
    assert.equal(transfer.data.from.toString(), alice.address);
    assert.equal(transfer.data.to.toString(), receiver.address);
    assert.equal(transfer.data.amount.toBigInt(), amount);
    const [paid] = eventsOf(events, api.events.transactionPayment.TransactionFeePaid);
    const fee = paid.data.actualFee.toBigInt() - paid.data.tip.toBigInt();

    // Compare the balances at the block that included the transfer: other tests may move
    // Alice's balance afterwards.
    const at = await api.at(blockHash);
    const parent = await api.at((await api.rpc.chain.getHeader(blockHash)).parentHash);
    const aliceParent = (await parent.query.system.account(alice.address)).data.free.toBigInt();
    const aliceAfter = (await at.query.system.account(alice.address)).data.free.toBigInt();
    assert.equal((await at.query.system.account(receiver.address)).data.free.toBigInt(), amount);
    assert.equal(aliceParent - aliceAfter, amount + fee + paid.data.tip.toBigInt());

    const finalized = await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead());
    const included = await api.rpc.chain.getHeader(blockHash);
    assert.ok(finalized.number.toNumber() >= included.number.toNumber());
  });

  it('refuses a transfer above the balance and changes nothing but the fee', async () => {
    const poor = fresh();
    const other = fresh();
    await fund(api, [poor], 2n * UNIT);

    const { events, error } = await submit(
      api, api.tx.balances.transferAllowDeath(other.address, 10n * UNIT), poor);

    assert.deepEqual(error, { section: 'Token', name: 'FundsUnavailable' });
    assert.equal(eventsOf(events, api.events.balances.Transfer).length, 0);
    assert.equal(await free(api, other.address), 0n);
    const [paid] = eventsOf(events, api.events.transactionPayment.TransactionFeePaid);
    assert.equal(await free(api, poor.address), 2n * UNIT - paid.data.actualFee.toBigInt());
  });

  it('decodes a module error with its documentation (sudo from a non-root account)', async () => {
    const bob = dev('Bob');
    const { error } = await submit(api, api.tx.sudo.sudo(api.tx.system.remark('hi')), bob);
    assert.equal(error.section, 'sudo');
    assert.equal(error.name, 'RequireSudo');
    assert.match(error.docs, /sudo/i);
  });
});
