//! Genesis presets: the starting state of a chain, by name.
//!
//! - `development`: Alice's validator alone, run by her co-op (co-op 1), the one founding
//!   member of the federation (co-op 0); Alice is its member and delegate, so federation
//!   motions pass with her vote and are enacted in the next block;
//! - `local_testnet`: four founding co-ops (2 to 5: Northwind Energy, Millbrook Housing,
//!   Greenfield Growers, Lakeside Credit Union), one each of Alice, Bob, Charlie and Dave, found
//!   the federation (co-op 0) with their treasuries and run a validator each
//!   (`//Name//stash`); each names its person its delegate, who casts the co-op's federation
//!   votes. The federation governs the chain (there is no sudo). Eve and Ferdie have a demo
//!   co-op, "Riverside Bakery" (co-op 1).
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

/// A founding co-op's bylaws: admission by vote (a seat in the federation is not for sale),
/// 10 COOP a share, workers and consumers vote.
pub fn founding_coop_bylaws() -> BylawsOf<Runtime> {
	Bylaws {
		admission: AdmissionMode::ByVote,
		classes: vec![
			MemberClass { kind: ClassKind::Worker, votes: true },
			MemberClass { kind: ClassKind::Consumer, votes: true },
		]
		.try_into()
		.expect("two classes are within MaxClasses; qed"),
		investor_vote_cap: Perbill::zero(),
		..demo_coop_bylaws()
	}
}

/// What each founding co-op's treasury starts with: 10 000 COOP (its federation motions'
/// deposits and its validator's business).
pub const FOUNDING_TREASURY: Balance = 10_000 * UNIT;

/// A co-op that founds the federation at genesis: its name, its people, the delegate it sends
/// to the federation (one of its people), and the validator it runs: `person//stash`, with the
/// person's Aura (sr25519) and GRANDPA (ed25519) keys, the accounts and keys zombienet gives
/// its nodes.
struct FoundingCoop {
	name: &'static [u8],
	people: Vec<AccountId>,
	delegate: AccountId,
	validator: AccountId,
	aura: AuraId,
	grandpa: GrandpaId,
}

/// The founding co-op `name` of one well-known development account, who is its member, its
/// delegate and its validator's operator.
fn founding_coop(
	name: &'static [u8],
	person: Sr25519Keyring,
	stash: Sr25519Keyring,
	ed: Ed25519Keyring,
) -> FoundingCoop {
	FoundingCoop {
		name,
		people: vec![person.to_account_id()],
		delegate: person.to_account_id(),
		validator: stash.to_account_id(),
		aura: person.public().into(),
		grandpa: ed.public().into(),
	}
}

/// The genesis patch for a chain whose federation (co-op 0) is founded by `founders`, with the
/// co-ops `others` (numbered from 1) before the founding co-ops (numbered after them), these
/// endowed accounts and the federation's enactment delay.
///
/// Each founding co-op's treasury is a member of the federation with the validator seat of the
/// co-op's validator; the co-op names its delegate; its treasury holds [`FOUNDING_TREASURY`].
/// The validators' session keys go to `session.keys`: pallet-session hands them to Aura and
/// GRANDPA, whose own genesis authorities stay empty.
fn testnet_genesis(
	founders: Vec<FoundingCoop>,
	others: Vec<(Vec<u8>, Vec<AccountId>, BylawsOf<Runtime>)>,
	endowed_accounts: Vec<AccountId>,
	enactment_delay: BlockNumber,
) -> Value {
	let first = 1 + others.len() as u32;
	let numbered: Vec<(u32, &FoundingCoop)> =
		founders.iter().enumerate().map(|(i, f)| (first + i as u32, f)).collect();
	let treasury = pallet_coop_membership::Pallet::<Runtime>::treasury;

	let mut coops = vec![(
		b"coopchain federation".to_vec(),
		numbered.iter().map(|(id, _)| treasury(*id)).collect::<Vec<_>>(),
		federation_bylaws(),
	)];
	coops.extend(others);
	coops.extend(
		founders.iter().map(|f| (f.name.to_vec(), f.people.clone(), founding_coop_bylaws())),
	);
	let balances = endowed_accounts
		.iter()
		.cloned()
		.map(|account| (account, ENDOWMENT))
		.chain(numbered.iter().map(|(id, _)| (treasury(*id), FOUNDING_TREASURY)))
		.collect::<Vec<_>>();

	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig { balances },
		session: SessionConfig {
			keys: founders
				.iter()
				.map(|f| {
					(
						f.validator.clone(),
						f.validator.clone(),
						SessionKeys { aura: f.aura.clone(), grandpa: f.grandpa.clone() },
					)
				})
				.collect::<Vec<_>>(),
		},
		coop_validators: CoopValidatorsConfig {
			validators: numbered
				.iter()
				.map(|(id, f)| (treasury(*id), f.validator.clone()))
				.collect::<Vec<_>>(),
		},
		coop_membership: CoopMembershipConfig {
			coops,
			delegates: numbered
				.iter()
				.map(|(id, f)| (*id, f.delegate.clone(), false))
				.collect::<Vec<_>>(),
		},
		federation: FederationConfig { enactment_delay },
	})
}

/// `development`: a single validator, Alice's (`//Alice//stash`), run by her co-op, which is the
/// federation's one member (co-op 1, Alice its member and delegate).
pub fn development_config_genesis() -> Value {
	testnet_genesis(
		vec![founding_coop(
			b"Alice's co-op",
			Sr25519Keyring::Alice,
			Sr25519Keyring::AliceStash,
			Ed25519Keyring::Alice,
		)],
		vec![],
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		// A one-co-op chain: enacted at the start of the next block.
		0,
	)
}

/// The founding co-ops of `local_testnet`, in the order of their numbers (2 to 5): each of
/// Alice, Bob, Charlie and Dave is the one member and the delegate of a co-op and runs its
/// validator.
pub const LOCAL_FOUNDING_COOPS: [(&[u8], Sr25519Keyring); 4] = [
	(b"Northwind Energy", Sr25519Keyring::Alice),
	(b"Millbrook Housing", Sr25519Keyring::Bob),
	(b"Greenfield Growers", Sr25519Keyring::Charlie),
	(b"Lakeside Credit Union", Sr25519Keyring::Dave),
];

/// `local_testnet`: four validators, run by the four founding co-ops (2 to 5), whose treasuries
/// are the federation's members and whose delegates (Alice, Bob, Charlie, Dave) cast their
/// votes; a demo co-op, "Riverside Bakery" (co-op 1: Eve, Ferdie).
pub fn local_config_genesis() -> Value {
	let keys = [
		(Sr25519Keyring::AliceStash, Ed25519Keyring::Alice),
		(Sr25519Keyring::BobStash, Ed25519Keyring::Bob),
		(Sr25519Keyring::CharlieStash, Ed25519Keyring::Charlie),
		(Sr25519Keyring::DaveStash, Ed25519Keyring::Dave),
	];
	testnet_genesis(
		LOCAL_FOUNDING_COOPS
			.iter()
			.zip(keys)
			.map(|((name, person), (stash, ed))| founding_coop(name, *person, stash, ed))
			.collect(),
		vec![(
			b"Riverside Bakery".to_vec(),
			vec![Sr25519Keyring::Eve.to_account_id(), Sr25519Keyring::Ferdie.to_account_id()],
			demo_coop_bylaws(),
		)],
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
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
