//! Genesis presets: the starting state of a chain, by name.
//!
//! - `development`: Alice alone validates and holds the sudo key; the federation (co-op 0) has
//!   Alice as its one founding member;
//! - `local_testnet`: Alice, Bob, Charlie and Dave validate, each standing for a member co-op;
//!   they found the federation (co-op 0), and Eve and Ferdie a demo co-op, "Riverside Bakery"
//!   (co-op 1).
//!
//! Every patch names `aura.authorities`, `grandpa.authorities` and `balances.balances`:
//! zombienet rewrites exactly those keys with the keys of the nodes it launches.

use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

use pallet_coop_membership::{AdmissionMode, Bylaws, BylawsOf, ClassKind, MemberClass};
use sp_runtime::Perbill;

use crate::{
	AccountId, AuraConfig, Balance, BalancesConfig, CoopMembershipConfig, GrandpaConfig, Runtime,
	RuntimeGenesisConfig, SudoConfig, UNIT,
};

/// What each endowed development account starts with: a million COOP.
pub const ENDOWMENT: Balance = 1_000_000 * UNIT;

/// The federation's bylaws: its members are co-ops (one co-op, one vote), admitted by vote;
/// a federation share costs 100 COOP; motions need half the member co-ops to vote and a
/// majority of the votes; a minute to vote on a test network.
pub fn federation_bylaws() -> BylawsOf<Runtime> {
	Bylaws {
		share_price: 100 * UNIT,
		admission: AdmissionMode::ByVote,
		classes: vec![MemberClass { kind: ClassKind::Cooperative, votes: true }]
			.try_into()
			.expect("one class is within MaxClasses; qed"),
		investor_vote_cap: Perbill::zero(),
		quorum: Perbill::from_percent(50),
		approval: Perbill::from_percent(50),
		voting_period: 10,
		withdrawal_notice: 10,
		max_members: 64,
	}
}

/// A demo worker co-op's bylaws: open admission, 10 COOP a share, workers and consumers vote,
/// investors up to a quarter of the votes, supporters do not vote.
pub fn demo_coop_bylaws() -> BylawsOf<Runtime> {
	Bylaws {
		share_price: 10 * UNIT,
		admission: AdmissionMode::Open,
		classes: vec![
			MemberClass { kind: ClassKind::Worker, votes: true },
			MemberClass { kind: ClassKind::Consumer, votes: true },
			MemberClass { kind: ClassKind::Investor, votes: true },
			MemberClass { kind: ClassKind::Supporter, votes: false },
		]
		.try_into()
		.expect("four classes are within MaxClasses; qed"),
		investor_vote_cap: Perbill::from_percent(25),
		quorum: Perbill::from_percent(50),
		approval: Perbill::from_percent(50),
		voting_period: 10,
		withdrawal_notice: 10,
		max_members: 100,
	}
}

/// The genesis patch for a chain with these validators, endowed accounts, root key, and
/// co-ops: the federation (co-op 0) first, whose founding members are the validators' co-ops.
fn testnet_genesis(
	validators: Vec<(AuraId, GrandpaId)>,
	endowed_accounts: Vec<AccountId>,
	root: AccountId,
	coops: Vec<(Vec<u8>, Vec<AccountId>, BylawsOf<Runtime>)>,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed_accounts
				.iter()
				.cloned()
				.map(|account| (account, ENDOWMENT))
				.collect::<Vec<_>>(),
		},
		aura: AuraConfig {
			authorities: validators.iter().map(|(aura, _)| aura.clone()).collect::<Vec<_>>(),
		},
		grandpa: GrandpaConfig {
			authorities: validators
				.iter()
				.map(|(_, grandpa)| (grandpa.clone(), 1))
				.collect::<Vec<_>>(),
		},
		sudo: SudoConfig { key: Some(root) },
		coop_membership: CoopMembershipConfig { coops },
	})
}

/// The validator keys of a well-known development account.
fn validator_keys(sr: Sr25519Keyring, ed: Ed25519Keyring) -> (AuraId, GrandpaId) {
	(sr.public().into(), ed.public().into())
}

/// `development`: a single validator, Alice, who also holds the sudo key.
pub fn development_config_genesis() -> Value {
	testnet_genesis(
		vec![validator_keys(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		Sr25519Keyring::Alice.to_account_id(),
		vec![(
			b"coopchain federation".to_vec(),
			vec![Sr25519Keyring::Alice.to_account_id()],
			federation_bylaws(),
		)],
	)
}

/// `local_testnet`: four validators, Alice, Bob, Charlie and Dave (four founding co-ops).
pub fn local_config_genesis() -> Value {
	testnet_genesis(
		vec![
			validator_keys(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			validator_keys(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			validator_keys(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
			validator_keys(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
		],
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		Sr25519Keyring::Alice.to_account_id(),
		vec![
			(
				b"coopchain federation".to_vec(),
				[
					Sr25519Keyring::Alice,
					Sr25519Keyring::Bob,
					Sr25519Keyring::Charlie,
					Sr25519Keyring::Dave,
				]
				.iter()
				.map(|k| k.to_account_id())
				.collect(),
				federation_bylaws(),
			),
			(
				b"Riverside Bakery".to_vec(),
				vec![Sr25519Keyring::Eve.to_account_id(), Sr25519Keyring::Ferdie.to_account_id()],
				demo_coop_bylaws(),
			),
		],
	)
}

/// The JSON patch of a named preset, if there is one.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		_ => return None,
	};
	Some(
		serde_json::to_string(&patch)
			.expect("serialization to json is expected to work. qed.")
			.into_bytes(),
	)
}

/// The names of the presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
	]
}
