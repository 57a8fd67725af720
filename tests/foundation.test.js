// The chain foundation, through @polkadot/api with no custom types.
'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const {
  UNIT, connect, dev, fresh, keyring, submit, eventsOf, free, fund, untilFinalized, untilClosable,
  weightBound, foundCoop, passMotion, admitToFederation, coopTreasury, FOUNDING_COOPS,
  proposeInFederation, federationVote, delegateKey,
} = require('./lib/chain');

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
    for (const name of ['System', 'Timestamp', 'Session', 'CoopValidators', 'Aura', 'Grandpa',
      'Balances', 'TransactionPayment', 'Utility', 'Federation', 'Scheduler', 'Preimage']) {
      assert.ok(pallets.includes(name), `metadata lacks ${name}: ${pallets}`);
    }
    assert.equal(api.runtimeVersion.specName.toString(), 'coopchain');
  });

  it('has the four founding co-ops\' validators, with Aura and GRANDPA keys from the session', async () => {
    const stashes = ['Alice', 'Bob', 'Charlie', 'Dave'].map((n) => keyring().addFromUri(`//${n}//stash`).address);
    const validators = (await api.query.session.validators()).map(String);
    assert.deepEqual([...validators].sort(), [...stashes].sort());
    const aura = await api.query.aura.authorities();
    assert.equal(aura.length, 4);
    const grandpa = await api.call.grandpaApi.grandpaAuthorities();
    assert.equal(grandpa.length, 4);
    // Each founding co-op's seat (held by its treasury) names its validator.
    for (const { coop, person } of FOUNDING_COOPS) {
      const seat = await api.query.coopValidators.seats(coopTreasury(api, coop));
      assert.equal(seat.unwrap().validator.toString(), keyring().addFromUri(`//${person}//stash`).address);
    }
  });

  it('is founded by four co-ops: their treasuries are the federation, their people delegates', async () => {
    for (const { coop, name, person } of FOUNDING_COOPS) {
      const info = (await api.query.coopMembership.coops(coop)).unwrap();
      assert.equal(info.name.toUtf8(), name);
      assert.ok((await api.query.coopMembership.members(0, coopTreasury(api, coop))).isSome,
        `${name}'s treasury is a member of the federation`);
      assert.ok((await api.query.coopMembership.members(0, dev(person).address)).isNone,
        `${person} is not a member of the federation in person`);
      assert.ok((await api.query.coopMembership.members(coop, dev(person).address)).isSome);
      const delegate = (await api.query.coopMembership.delegates(coop)).unwrap();
      assert.equal(delegate.account.toString(), dev(person).address);
    }
  });

  it('resolves block authors through session.validators, as Apps does', async () => {
    const header = await api.derive.chain.getHeader(await api.rpc.chain.getFinalizedHead());
    const validators = (await api.query.session.validators()).map(String);
    assert.ok(header.author, 'an author');
    assert.ok(validators.includes(header.author.toString()), `${header.author} is a validator`);
  });

  it('is governed by the federation: no Sudo pallet in the metadata', async () => {
    assert.equal(api.tx.sudo, undefined);
    assert.equal(api.query.sudo, undefined);
    const pallets = api.runtimeMetadata.asLatest.pallets.map((p) => p.name.toString());
    assert.ok(pallets.includes('Federation') && pallets.includes('Scheduler'));
    assert.ok(!pallets.includes('Sudo'));
  });

  it('includes and finalises a signed transfer, moving exactly the amount', async () => {
    // A sender of its own: other test files sign as the development accounts meanwhile.
    const sender = fresh();
    await fund(api, [sender], 100n * UNIT);
    const receiver = fresh();
    const amount = 5n * UNIT + 123n;

    const { events, error, blockHash } = await submit(
      api, api.tx.balances.transferKeepAlive(receiver.address, amount), sender);

    assert.equal(error, null);
    const [transfer] = eventsOf(events, api.events.balances.Transfer);
    assert.ok(transfer, 'a Balances.Transfer event');
    assert.equal(transfer.data.from.toString(), sender.address);
    assert.equal(transfer.data.to.toString(), receiver.address);
    assert.equal(transfer.data.amount.toBigInt(), amount);
    const [paid] = eventsOf(events, api.events.transactionPayment.TransactionFeePaid);
    const fee = paid.data.actualFee.toBigInt() - paid.data.tip.toBigInt();
    // The fee model (README, "Fees"): a plain transfer costs about a hundredth of a COOP at rest
    // (10.47 mCOOP in the runtime test; the multiplier only rises above 1 under sustained load).
    assert.ok(fee >= UNIT / 100n && fee < 15n * UNIT / 1000n, `a transfer costs ${fee}`);

    // Compare the balances at the block that included the transfer and its parent.
    const at = await api.at(blockHash);
    const parent = await api.at((await api.rpc.chain.getHeader(blockHash)).parentHash);
    const senderParent = (await parent.query.system.account(sender.address)).data.free.toBigInt();
    const senderAfter = (await at.query.system.account(sender.address)).data.free.toBigInt();
    assert.equal((await at.query.system.account(receiver.address)).data.free.toBigInt(), amount);
    assert.equal(senderParent - senderAfter, amount + fee + paid.data.tip.toBigInt());

    // GRANDPA finalises the block that included it.
    assert.equal(await untilFinalized(api, blockHash), true, 'the including block is finalized');
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

  it('refuses the two-founder ambush on root', async () => {
    // Northwind Energy proposes by its motion to take root (a special resolution enacting a
    // call); it and Millbrook Housing vote aye through their delegates, Alice and Bob, and
    // close at once: before these rules this passed within two blocks.
    const [alice, bob, charlie, dave] = ['Alice', 'Bob', 'Charlie', 'Dave'].map(dev);
    const coopOf = (pair) => FOUNDING_COOPS.find((f) => dev(f.person).address === pair.address).coop;
    const call = api.tx.federation.enact(api.tx.system.remarkWithEvent('taken'));
    const bound = await weightBound(call, alice.address);
    const [motion] = await proposeInFederation(api, [{ DispatchSpecial: { call } }]);
    // In person, a founder has no vote: the co-op is the member.
    const inPerson = await submit(api, api.tx.coopMembership.vote(0, motion, true), alice);
    assert.equal(inPerson.error.name, 'NotMember');
    await Promise.all([alice, bob].map((v) => submit(
      api, api.tx.coopMembership.voteAsDelegate(0, motion, coopOf(v), true), v)));
    const ambush = await submit(api, api.tx.coopMembership.closeMotion(0, motion, bound), bob);
    assert.equal(ambush.error.section, 'coopMembership');
    assert.equal(ambush.error.name, 'TooEarlyToClose');
    assert.match(ambush.error.docs, /every eligible voter|voting period/);

    // Charlie and Dave vote nay in time: 2–2 is not two thirds (and when the demo's co-ops are
    // members too, four votes may miss the special quorum): it is rejected or expires once it
    // may close, and nothing is scheduled.
    await Promise.all([charlie, dave].map((v) => submit(
      api, api.tx.coopMembership.voteAsDelegate(0, motion, coopOf(v), false), v)));
    await untilClosable(api, 0, [motion]);
    const closed = await submit(api, api.tx.coopMembership.closeMotion(0, motion, bound), bob);
    assert.equal(closed.error, null);
    const [outcome] = eventsOf(closed.events, api.events.coopMembership.MotionClosed);
    assert.ok(['Rejected', 'Expired'].includes(outcome.data.outcome.toString()),
      `the ambush failed: ${outcome.data.outcome}`);
    assert.equal(outcome.data.ayes.toNumber(), 2);
    assert.equal(outcome.data.nays.toNumber(), 2);
    assert.equal(eventsOf(closed.events, api.events.federation.EnactmentScheduled).length, 0);
  });

  it('lets a member co-op vote in the federation through its delegate, overridden by its own vote', async () => {
    // A co-op of two joins the federation and names its delegate by motion.
    // Its delegate is derived (`delegateKey(coop, true)`), so that the other test files' federation
    // votes can sign for it while it is a member.
    const [founder, member] = [fresh(), fresh()];
    await fund(api, [founder, member], 200n * UNIT);
    const { coop, treasury } = await foundCoop(api, founder, [member]);
    const delegate = delegateKey(coop, true);
    await fund(api, [delegate], 200n * UNIT);
    await fund(api, [{ address: treasury }], 150n * UNIT);
    await admitToFederation(api, [{ coop, treasury, proposer: founder, voters: [founder, member] }]);
    const named = await passMotion(api, coop,
      api.tx.coopMembership.setDelegate(delegate.address, false), founder, [founder, member]);
    const [set] = eventsOf(named, api.events.coopMembership.DelegateSet);
    assert.equal(set.data.coop.toNumber(), coop);
    assert.equal(set.data.delegate.unwrap().toString(), delegate.address);

    // A federation motion: the delegate votes for the co-op, free of fees.
    const alice = dev('Alice');
    const [motion] = await proposeInFederation(api,
      [{ GrantRole: { who: delegate.address, role: 'Operator' } }]);
    const voted = await submit(api,
      api.tx.coopMembership.voteAsDelegate(0, motion, coop, true), delegate);
    assert.equal(voted.error, null);
    const [vote] = eventsOf(voted.events, api.events.coopMembership.Voted);
    assert.equal(vote.data.voter.toString(), coopTreasury(api, coop));
    assert.equal(eventsOf(voted.events, api.events.coopMembership.DelegateVoted).length, 1);
    // Free: its fee, as transaction payment reports it (the delegate's balance may move meanwhile:
    // other tests' federation votes sign as it too).
    const [paid] = eventsOf(voted.events, api.events.transactionPayment.TransactionFeePaid);
    assert.equal(paid.data.actualFee.toBigInt(), 0n, 'a first vote is free');
    const changed = await submit(api,
      api.tx.coopMembership.voteAsDelegate(0, motion, coop, false), delegate);
    const [paidAgain] = eventsOf(changed.events, api.events.transactionPayment.TransactionFeePaid);
    assert.ok(paidAgain.data.actualFee.toBigInt() > 0n, 'a changed vote pays');

    // The co-op votes itself by motion (aye, overriding its delegate's nay): the delegate can no
    // longer change that vote.
    await passMotion(api, coop, api.tx.coopMembership.vote(0, motion, true), founder,
      [founder, member]);
    const overridden = await submit(api,
      api.tx.coopMembership.voteAsDelegate(0, motion, coop, false), delegate);
    assert.equal(overridden.error.name, 'VoteCastByCoop');

    // Tidy up: the other member co-ops vote nay through their delegates so the motion closes,
    // and the co-op leaves.
    assert.ok(await federationVote(api, [motion], false) >= 4, 'the founding co-ops voted');
    await untilClosable(api, 0, [motion]);
    const closed = await submit(api, api.tx.coopMembership.closeMotion(0, motion,
      { refTime: 0, proofSize: 0 }), alice);
    assert.equal(closed.error, null);
    await passMotion(api, coop, api.tx.coopMembership.leave(0), founder, [founder, member]);
  });

  it('decodes a module error with its documentation (an individual applying to the federation)', async () => {
    const bob = dev('Bob');
    const { error } = await submit(api, api.tx.coopMembership.apply(0, 0), bob);
    assert.equal(error.section, 'coopMembership');
    assert.equal(error.name, 'FederationAdmitsOnlyCoops');
    assert.match(error.docs, /Only a co-op, through its own motion/);
  });
});
