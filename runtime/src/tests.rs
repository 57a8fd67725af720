//! Tests of the runtime: the genesis presets build valid chains, the validators come from the
//! federation, and the federation's motions hold the root authority.

use crate::configs::governance::FederationMotion;
use crate::genesis_config_presets::*;
use crate::{
	AccountId, Runtime, RuntimeCall, RuntimeEvent, RuntimeGenesisConfig, RuntimeOrigin, System,
};
use frame_support::{assert_ok, traits::EnsureOrigin, weights::Weight};
use pallet_coop_membership::{AdmissionMode, Proposal};
use serde_json::Value;
use sp_keyring::Sr25519Keyring;
use sp_runtime::BuildStorage;

/// Merge `patch` into `base` the way the chain-spec builder does (objects recursively,
/// everything else replaced).
fn merge(base: &mut Value, patch: Value) {
	match (base, patch) {
		(Value::Object(base), Value::Object(patch)) => {
			for (key, value) in patch {
				merge(base.entry(key).or_insert(Value::Null), value);
			}
		},
		(base, patch) => *base = patch,
	}
}

fn build(preset: &str) -> sp_runtime::Storage {
	let patch: Value =
		serde_json::from_slice(&get_preset(&preset.into()).expect("preset exists")).unwrap();
	for key in [["session", "keys"], ["balances", "balances"]] {
		assert!(
			patch[key[0]][key[1]].is_array(),
			"{preset}: zombienet rewrites {}.{}, the patch must name it",
			key[0],
			key[1]
		);
	}
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).unwrap();
	merge(&mut config, patch);
	let config: RuntimeGenesisConfig = serde_json::from_value(config).unwrap();
	config.build_storage().expect("preset builds a valid genesis state")
}

#[test]
fn every_preset_builds_a_genesis_state() {
	for name in preset_names() {
		let storage = build(&name);
		assert!(!storage.top.is_empty());
	}
}

#[test]
fn local_testnet_has_four_validators_run_by_the_founding_coops_and_no_sudo_key() {
	sp_io::TestExternalities::new(build("local_testnet")).execute_with(|| {
		let founders = [
			(Sr25519Keyring::Alice, Sr25519Keyring::AliceStash),
			(Sr25519Keyring::Bob, Sr25519Keyring::BobStash),
			(Sr25519Keyring::Charlie, Sr25519Keyring::CharlieStash),
			(Sr25519Keyring::Dave, Sr25519Keyring::DaveStash),
		];
		let stashes: Vec<AccountId> = founders.iter().map(|(_, s)| s.to_account_id()).collect();
		// The session manager (the federation's approved validators) chose the first set.
		assert_eq!(pallet_session::Validators::<Runtime>::get(), stashes);
		assert_eq!(pallet_coop_validators::Approved::<Runtime>::get().into_inner(), stashes);
		// The session manager's genesis ran before pallet-session asked it for the first set.
		assert_eq!(pallet_coop_validators::Planned::<Runtime>::get().into_inner(), stashes);
		for (member, stash) in founders {
			let seat = pallet_coop_validators::Seats::<Runtime>::get(member.to_account_id());
			assert_eq!(seat.map(|s| s.validator), Some(stash.to_account_id()));
		}
		// pallet-session handed their keys to Aura and GRANDPA.
		let aura: Vec<_> = pallet_aura::Authorities::<Runtime>::get().into_inner();
		let expected: Vec<sp_consensus_aura::sr25519::AuthorityId> =
			founders.iter().map(|(member, _)| member.public().into()).collect();
		assert_eq!(aura, expected);
		assert_eq!(pallet_grandpa::Pallet::<Runtime>::grandpa_authorities().len(), 4);
		// Governed by the federation: no sudo key.
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), None);
	});
}

#[test]
fn development_has_one_validator_and_alice_holds_the_sudo_key() {
	sp_io::TestExternalities::new(build("development")).execute_with(|| {
		assert_eq!(
			pallet_session::Validators::<Runtime>::get(),
			vec![Sr25519Keyring::AliceStash.to_account_id()]
		);
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 1);
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(Sr25519Keyring::Alice.to_account_id()));
	});
}

#[test]
fn only_a_federation_motion_is_the_federation() {
	let coop = |id| RuntimeOrigin::from(pallet_coop_membership::Origin::Coop(id));
	assert!(FederationMotion::try_origin(coop(0)).is_ok());
	assert!(FederationMotion::try_origin(coop(1)).is_err());
	assert!(FederationMotion::try_origin(RuntimeOrigin::root()).is_err());
	let alice = Sr25519Keyring::Alice.to_account_id();
	assert!(FederationMotion::try_origin(RuntimeOrigin::signed(alice)).is_err());
}

/// The founding co-ops pass a federation motion that enacts `system.authorize_upgrade`: the
/// chain's root authority is theirs. A single founder cannot.
#[test]
fn a_federation_motion_authorises_a_runtime_upgrade() {
	sp_io::TestExternalities::new(build("local_testnet")).execute_with(|| {
		System::set_block_number(1);
		let code_hash = sp_core::H256::repeat_byte(0xc0);
		let enact = RuntimeCall::Federation(pallet_federation::Call::enact {
			call: Box::new(RuntimeCall::System(frame_system::Call::authorize_upgrade {
				code_hash,
			})),
		});
		// Directly, even signed by a founder, it is refused.
		let alice = RuntimeOrigin::signed(Sr25519Keyring::Alice.to_account_id());
		assert!(sp_runtime::traits::Dispatchable::dispatch(enact.clone(), alice.clone()).is_err());

		assert_ok!(crate::CoopMembership::propose(
			alice,
			0,
			Box::new(Proposal::Dispatch { call: Box::new(enact) }),
		));
		let motion = pallet_coop_membership::Coops::<Runtime>::get(0).unwrap().next_motion - 1;
		for voter in [Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie] {
			assert_ok!(crate::CoopMembership::vote(
				RuntimeOrigin::signed(voter.to_account_id()),
				0,
				motion,
				true,
			));
		}
		assert_ok!(crate::CoopMembership::close(
			RuntimeOrigin::signed(Sr25519Keyring::Dave.to_account_id()),
			0,
			motion,
			Weight::from_parts(10_000_000_000, 1_000_000),
		));
		let events: Vec<RuntimeEvent> = System::events().into_iter().map(|r| r.event).collect();
		assert!(events.contains(&RuntimeEvent::Federation(pallet_federation::Event::Enacted {
			result: Ok(())
		})));
		assert!(events.iter().any(|e| matches!(
			e,
			RuntimeEvent::System(frame_system::Event::UpgradeAuthorized { code_hash: h, .. })
				if *h == code_hash
		)));
	});
}

#[test]
fn local_testnet_has_the_federation_and_a_demo_coop() {
	use pallet_coop_membership::Coops;
	sp_io::TestExternalities::new(build("local_testnet")).execute_with(|| {
		let federation = Coops::<Runtime>::get(0).expect("the federation is co-op 0");
		assert_eq!(federation.members, 4);
		let demo = Coops::<Runtime>::get(1).expect("a demo co-op");
		assert_eq!(demo.members, 2);
		assert_eq!(demo.bylaws.admission, AdmissionMode::Open);
	});
}

#[test]
fn unknown_preset_is_none() {
	assert!(get_preset(&"no-such-preset".into()).is_none());
}

#[test]
fn the_test_upgrade_migration_records_its_version_and_changes_no_coop_state() {
	use crate::migrations::{snapshot, verify, RecordUpgrade, UPGRADE_MARKER};
	use frame_support::traits::OnRuntimeUpgrade;
	sp_io::TestExternalities::new(build("local_testnet")).execute_with(|| {
		let before = snapshot();
		assert_eq!(before.coops, 2);
		assert_eq!(verify(&before), Err("the upgrade marker is missing"));

		RecordUpgrade::on_runtime_upgrade();
		assert_eq!(
			frame_support::storage::unhashed::get::<u32>(UPGRADE_MARKER),
			Some(crate::VERSION.spec_version)
		);
		assert_eq!(verify(&before), Ok(()));

		// The check notices a change it must guard against.
		pallet_balances::TotalIssuance::<Runtime>::mutate(|i| *i += 1);
		assert_eq!(verify(&before), Err("the upgrade changed the co-ops or the issuance"));
	});
}
