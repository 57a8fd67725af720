//! Genesis presets: the starting state of a chain, by name.
//!
//! - `development`: Alice's validator alone; the federation (co-op 0) has Alice as its one
//!   founding member, whose motions pass with her vote and are enacted in the next block;
//! - `local_testnet`: Alice, Bob, Charlie and Dave each run a validator (`//Name//stash`),
//!   standing for a member co-op; they found the federation (co-op 0), which governs the chain
//!   (there is no sudo), and Eve and Ferdie a demo co-op, "Riverside Bakery" (co-op 1).
//!
//! Every patch names `session.keys` and `balances.balances`: zombienet rewrites exactly those
//! keys for the nodes it launches, with the same accounts (`//Name//stash`) and keys (`//Name`)
//! as these presets, so `coopValidators.validators` agrees with them.

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
	AccountId, Balance, BalancesConfig, BlockNumber, CoopMembershipConfig, CoopValidatorsConfig,
	FederationConfig, Runtime, RuntimeGenesisConfig, SessionConfig, SessionKeys, MINUTES, UNIT,
};

/// The enactment delay of `local_testnet`: two minutes.
pub const LOCAL_ENACTMENT_DELAY: BlockNumber = 2 * MINUTES;

/// What each endowed development account starts with: a million COOP.
pub const ENDOWMENT: Balance = 1_000_000 * UNIT;

/// The federation's bylaws: its members are co-ops (one co-op, one vote), admitted by vote;
/// a federation share costs 100 COOP; ordinary motions need half the member co-ops to vote and
/// more than half of the votes, special resolutions two thirds of them with a two-thirds
/// quorum; a minute to vote and two blocks' deliberation on a test network.
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
		special_quorum: Perbill::from_rational(2u32, 3u32),
		special_approval: pallet_coop_membership::SPECIAL_APPROVAL_FLOOR,
		deliberation: 2,
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
		special_quorum: Perbill::from_rational(2u32, 3u32),
		special_approval: pallet_coop_membership::SPECIAL_APPROVAL_FLOOR,
		deliberation: 2,
	}
}

/// A validator at genesis: the federation member that runs it, its validator account, and its
/// session keys.
struct GenesisValidator {
	member: AccountId,
	validator: AccountId,
	aura: AuraId,
	grandpa: GrandpaId,
}

/// The validator of a well-known development account: `name` (a federation member) runs the
/// validator `name//stash` with `name`'s Aura (sr25519) and GRANDPA (ed25519) keys, the
/// accounts and keys zombienet gives its nodes.
fn dev_validator(
	member: Sr25519Keyring,
	stash: Sr25519Keyring,
	ed: Ed25519Keyring,
) -> GenesisValidator {
	GenesisValidator {
		member: member.to_account_id(),
		validator: stash.to_account_id(),
		aura: member.public().into(),
		grandpa: ed.public().into(),
	}
}

/// The genesis patch for a chain with these validators, endowed accounts, co-ops, and the
/// federation's enactment delay: co-ops: the federation (co-op 0) first, whose founding members run the validators.
///
/// The validators' session keys go to `session.keys`: pallet-session hands them to Aura and
/// GRANDPA, whose own genesis authorities stay empty.
fn testnet_genesis(
	validators: Vec<GenesisValidator>,
	endowed_accounts: Vec<AccountId>,
	coops: Vec<(Vec<u8>, Vec<AccountId>, BylawsOf<Runtime>)>,
	enactment_delay: BlockNumber,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed_accounts
				.iter()
				.cloned()
				.map(|account| (account, ENDOWMENT))
				.collect::<Vec<_>>(),
		},
		session: SessionConfig {
			keys: validators
				.iter()
				.map(|v| {
					(
						v.validator.clone(),
						v.validator.clone(),
						SessionKeys { aura: v.aura.clone(), grandpa: v.grandpa.clone() },
					)
				})
				.collect::<Vec<_>>(),
		},
		coop_validators: CoopValidatorsConfig {
			validators: validators
				.iter()
				.map(|v| (v.member.clone(), v.validator.clone()))
				.collect::<Vec<_>>(),
		},
		coop_membership: CoopMembershipConfig { coops },
		federation: FederationConfig { enactment_delay },
	})
}

/// `development`: a single validator, Alice's (`//Alice//stash`), and a federation of one (Alice).
pub fn development_config_genesis() -> Value {
	testnet_genesis(
		vec![dev_validator(
			Sr25519Keyring::Alice,
			Sr25519Keyring::AliceStash,
			Ed25519Keyring::Alice,
		)],
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		vec![(
			b"coopchain federation".to_vec(),
			vec![Sr25519Keyring::Alice.to_account_id()],
			federation_bylaws(),
		)],
		// A one-person chain: enacted at the start of the next block.
		0,
	)
}

/// `local_testnet`: four validators, run by Alice, Bob, Charlie and Dave (four founding co-ops,
/// who govern the chain by federation motion).
pub fn local_config_genesis() -> Value {
	testnet_genesis(
		vec![
			dev_validator(Sr25519Keyring::Alice, Sr25519Keyring::AliceStash, Ed25519Keyring::Alice),
			dev_validator(Sr25519Keyring::Bob, Sr25519Keyring::BobStash, Ed25519Keyring::Bob),
			dev_validator(
				Sr25519Keyring::Charlie,
				Sr25519Keyring::CharlieStash,
				Ed25519Keyring::Charlie,
			),
			dev_validator(Sr25519Keyring::Dave, Sr25519Keyring::DaveStash, Ed25519Keyring::Dave),
		],
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
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
		// Two minutes between a root resolution passing and its enactment: longer than the
		// federation's voting period (one minute), so that a motion to cancel it can close in
		// time.
		LOCAL_ENACTMENT_DELAY,
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
