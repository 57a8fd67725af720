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
//!
//! The production chain, `coopchain`, is not a named preset: its founding co-ops, their
//! accounts and their validators' keys come from a founders file that the co-ops write
//! ([`coopchain_genesis_from_json`]; the node's `--chain coopchain:<founders.json>`). It has the
//! shape of `local_testnet` — the founding co-ops' treasuries found the federation (co-op 0),
//! each co-op runs a validator and names its delegate — with no well-known development
//! account or key, no demo co-op, and production bylaws ([`production_federation_bylaws`],
//! [`PRODUCTION_ENACTMENT_DELAY`]).

use alloc::{collections::BTreeSet, format, string::String, vec, vec::Vec};
use frame_support::{build_struct_json_patch, traits::Get};
use serde_json::{Map, Value};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_core::crypto::{ByteArray, Ss58Codec};
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

use pallet_coop_membership::{AdmissionMode, Bylaws, BylawsOf, ClassKind, MemberClass};
use sp_runtime::Perbill;

use crate::configs::parameters::TestNetworkParameters;

use crate::{
	AccountId, Balance, BalancesConfig, BlockNumber, CoopMembershipConfig, CoopValidatorsConfig,
	FederationConfig, Runtime, RuntimeGenesisConfig, SessionConfig, SessionKeys, DAYS,
	EXISTENTIAL_DEPOSIT, MINUTES, UNIT,
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
/// to the federation (one of its people), and the validator it runs with its Aura (sr25519) and
/// GRANDPA (ed25519) keys. On the test networks the validator is `person//stash` with the
/// person's keys, the accounts and keys zombienet gives its nodes; on `coopchain` all of them
/// come from the founders file.
struct FoundingCoop {
	name: Vec<u8>,
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
		name: name.to_vec(),
		people: vec![person.to_account_id()],
		delegate: person.to_account_id(),
		validator: stash.to_account_id(),
		aura: person.public().into(),
		grandpa: ed.public().into(),
	}
}

/// The genesis patch of a test network whose federation (co-op 0) is founded by `founders`, with
/// the co-ops `others` (numbered from 1) before the founding co-ops (numbered after them), each
/// endowed account holding [`ENDOWMENT`], the test networks' bylaws and the federation's
/// enactment delay.
fn testnet_genesis(
	founders: Vec<FoundingCoop>,
	others: Vec<(Vec<u8>, Vec<AccountId>, BylawsOf<Runtime>)>,
	endowed_accounts: Vec<AccountId>,
	enactment_delay: BlockNumber,
) -> Value {
	let mut patch = federation_genesis(
		founders,
		others,
		endowed_accounts.into_iter().map(|account| (account, ENDOWMENT)).collect(),
		federation_bylaws(),
		founding_coop_bylaws(),
		enactment_delay,
	);
	patch[PARAMETERS_KEY] = serde_json::to_value(test_network_parameters())
		.expect("a struct of options and numbers serialises to JSON; qed");
	patch
}

/// The key of a genesis patch that sets parameters ([`TestNetworkParameters`]) before the
/// pallets' genesis is built.
pub const PARAMETERS_KEY: &str = "parameters";

/// The test networks' parameters: one-minute sessions, and voting periods and claim windows
/// short enough for the journeys (the production defaults are an hour, a day and 30 days).
pub fn test_network_parameters() -> TestNetworkParameters {
	TestNetworkParameters {
		session_period: Some(crate::configs::validators::TEST_SESSION_PERIOD),
		min_voting_period: Some(crate::configs::membership::TEST_MIN_VOTING_PERIOD),
		min_raise_voting_period: Some(2),
		min_claim_window: Some(2 * MINUTES),
	}
}

/// Builds the genesis state from a full genesis config (`GenesisBuilder::build_state`): first
/// the parameters under [`PARAMETERS_KEY`], if any (so that the pallets' genesis, the co-ops'
/// bylaws above all, is checked against them), then every pallet's genesis.
pub fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
	let mut json: Value =
		serde_json::from_slice(&config).map_err(|e| format!("Invalid JSON blob: {e}"))?;
	if let Some(parameters) = json.as_object_mut().and_then(|o| o.remove(PARAMETERS_KEY)) {
		let parameters: TestNetworkParameters = serde_json::from_value(parameters)
			.map_err(|e| format!("Invalid `{PARAMETERS_KEY}`: {e}"))?;
		parameters.apply().map_err(|e| format!("`{PARAMETERS_KEY}` refused: {e:?}"))?;
	}
	let rest = serde_json::to_vec(&json).map_err(|e| format!("{e}"))?;
	frame_support::genesis_builder_helper::build_state::<RuntimeGenesisConfig>(rest)
}

/// The genesis patch for a chain whose federation (co-op 0), under `federation`'s bylaws, is
/// founded by `founders`, each under `founding`'s bylaws, with the co-ops `others` (numbered
/// from 1) before the founding co-ops (numbered after them), these endowments and the
/// federation's enactment delay.
///
/// Each founding co-op's treasury is a member of the federation with the validator seat of the
/// co-op's validator; the co-op names its delegate; its treasury holds [`FOUNDING_TREASURY`]
/// (after the `endowments`, in `balances.balances`). The validators' session keys go to
/// `session.keys`: pallet-session hands them to Aura and GRANDPA, whose own genesis authorities
/// stay empty.
fn federation_genesis(
	founders: Vec<FoundingCoop>,
	others: Vec<(Vec<u8>, Vec<AccountId>, BylawsOf<Runtime>)>,
	endowments: Vec<(AccountId, Balance)>,
	federation: BylawsOf<Runtime>,
	founding: BylawsOf<Runtime>,
	enactment_delay: BlockNumber,
) -> Value {
	let first = 1 + others.len() as u32;
	let numbered: Vec<(u32, &FoundingCoop)> =
		founders.iter().enumerate().map(|(i, f)| (first + i as u32, f)).collect();
	let treasury = pallet_coop_membership::Pallet::<Runtime>::treasury;

	let mut coops = vec![(
		b"coopchain federation".to_vec(),
		numbered.iter().map(|(id, _)| treasury(*id)).collect::<Vec<_>>(),
		federation,
	)];
	coops.extend(others);
	coops.extend(founders.iter().map(|f| (f.name.clone(), f.people.clone(), founding.clone())));
	// The federation's fund receives half of every fee (see the fee model in
	// `configs::monetary`): it exists from genesis, so no fee share is too small for it.
	let fund = pallet_patronage::Pallet::<Runtime>::fund_account(coop_primitives::FEDERATION);
	let balances = endowments
		.into_iter()
		.chain(numbered.iter().map(|(id, _)| (treasury(*id), FOUNDING_TREASURY)))
		.chain(core::iter::once((fund, EXISTENTIAL_DEPOSIT)))
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

// ---- The production chain, `coopchain`: founded from the founders file ----

/// The federation's enactment delay on `coopchain`: three days between a root resolution
/// passing and its enactment. Longer than the federation's voting period
/// ([`production_federation_bylaws`], two days), so that a motion to cancel a resolution,
/// proposed when it passes, closes before it acts; within the runtime's seven days at most.
pub const PRODUCTION_ENACTMENT_DELAY: BlockNumber = 3 * DAYS;

/// The federation's bylaws on `coopchain`: those of the test networks (members are co-ops, one
/// co-op one vote, admitted by vote, the same thresholds), with time for each member co-op to
/// consult its own members: no motion closes within a day of its proposal, a motion stays open
/// for two days, and a co-op that leaves gets its federation share back after 30 days.
pub fn production_federation_bylaws() -> BylawsOf<Runtime> {
	Bylaws {
		voting_period: 2 * DAYS,
		deliberation: DAYS,
		withdrawal_notice: 30 * DAYS,
		..federation_bylaws()
	}
}

/// A founding co-op's bylaws on `coopchain`: those of the test networks' founding co-ops
/// (admission by vote, workers and consumers vote), on the federation's production timescale.
/// Each co-op changes them by its own special resolution once its members have joined.
pub fn production_founding_coop_bylaws() -> BylawsOf<Runtime> {
	Bylaws {
		voting_period: 2 * DAYS,
		deliberation: DAYS,
		withdrawal_notice: 30 * DAYS,
		..founding_coop_bylaws()
	}
}

/// A founding co-op of `coopchain`, as its entry in the founders file describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Founder {
	/// The co-op's name (UTF-8, at most the runtime's `MaxNameLen`, 64 bytes).
	pub name: Vec<u8>,
	/// The co-op's founding member, who is also its delegate: the account that casts the
	/// co-op's votes in the federation. Other members join later by the co-op's own motions.
	pub member: AccountId,
	/// The account of the validator the co-op runs: its seat in the validator set, and the
	/// owner of the session keys below.
	pub validator: AccountId,
	/// The validator's Aura key (sr25519), which authors blocks.
	pub aura: AuraId,
	/// The validator's GRANDPA key (ed25519), which finalises them.
	pub grandpa: GrandpaId,
	/// What the member's account starts with, in plancks: at least the existential deposit,
	/// since an account without COOP cannot sign the co-op's votes.
	pub member_endowment: Balance,
	/// What the validator's account starts with, in plancks: zero, or at least the existential
	/// deposit (its genesis session keys need no deposit; new keys later hold one COOP).
	pub validator_endowment: Balance,
}

/// Why a founders file cannot found `coopchain`. `founder` is the co-op's index in the file's
/// `founders` array, from 0.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FoundersError {
	/// The file is not shaped as documented: where, and what is wrong.
	Malformed(String),
	/// The file names no founding co-op: the chain would have no validator.
	NoFounders,
	/// More founding co-ops than the runtime has validator seats.
	TooManyFounders {
		/// How many the file names.
		count: usize,
		/// The runtime's `MaxValidators`.
		max: u32,
	},
	/// A co-op's name is empty or longer than the runtime's `MaxNameLen`.
	BadName {
		/// The founding co-op.
		founder: usize,
	},
	/// Two founding co-ops share a name, an account or a session key, or a co-op's member and
	/// validator are one account: every account and key of the genesis is someone's own.
	Duplicate {
		/// The founding co-op where it appears a second time.
		founder: usize,
		/// The field: `name`, `member`, `validator`, `aura` or `grandpa`.
		field: &'static str,
	},
	/// An account or key is a well-known development key (`//Alice`, `//Bob//stash`, …),
	/// whose secret everyone knows.
	DevelopmentKey {
		/// The founding co-op.
		founder: usize,
		/// The field: `member`, `validator`, `aura` or `grandpa`.
		field: &'static str,
		/// The development key's name.
		key: String,
	},
	/// An endowment below the existential deposit (for the member: any below it, zero
	/// included) or too large for a balance.
	BadEndowment {
		/// The founding co-op.
		founder: usize,
		/// The field: `member_endowment` or `validator_endowment`.
		field: &'static str,
	},
}

impl core::fmt::Display for FoundersError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		match self {
			Self::Malformed(what) => write!(f, "{what}"),
			Self::NoFounders => write!(f, "`founders` is empty: name at least one founding co-op"),
			Self::TooManyFounders { count, max } => {
				write!(f, "{count} founding co-ops, but the chain has at most {max} validators")
			},
			Self::BadName { founder } => {
				write!(f, "founders[{founder}].name: empty, or longer than 64 bytes")
			},
			Self::Duplicate { founder, field } => write!(
				f,
				"founders[{founder}].{field}: already used above (each name, account and key \
				 is used once)"
			),
			Self::DevelopmentKey { founder, field, key } => write!(
				f,
				"founders[{founder}].{field}: the well-known development key {key}, whose secret \
				 everyone knows; generate a key of your own (`coopchain-node key generate`)"
			),
			Self::BadEndowment { founder, field } => write!(
				f,
				"founders[{founder}].{field}: must be a whole number of COOP, at least 1 for \
				 the member, 0 or more for the validator"
			),
		}
	}
}

/// The fields of a founding co-op in the founders file, all required.
const FOUNDER_FIELDS: [&str; 7] =
	["name", "member", "validator", "aura", "grandpa", "member_endowment", "validator_endowment"];

/// The founding co-ops of a founders file:
///
/// ```json
/// { "founders": [ { "name": "Northwind Energy",
///                   "member": "<SS58 account>", "validator": "<SS58 account>",
///                   "aura": "<SS58 sr25519 public key>", "grandpa": "<SS58 ed25519 public key>",
///                   "member_endowment": 1000, "validator_endowment": 10 } ] }
/// ```
///
/// Endowments are whole COOP. Keys whose name starts with `_` are comments; any other unknown
/// key is refused, so that a misspelt field is not silently dropped. The founders are parsed,
/// not yet checked against each other: [`coopchain_genesis`] does that.
pub fn parse_founders(json: &Value) -> Result<Vec<Founder>, FoundersError> {
	let file = json.as_object().ok_or_else(|| {
		FoundersError::Malformed("the founders file must be a JSON object".into())
	})?;
	refuse_unknown_fields(file, &["founders"], "the founders file")?;
	let founders = file.get("founders").and_then(Value::as_array).ok_or_else(|| {
		FoundersError::Malformed("the founders file needs a `founders` array".into())
	})?;
	founders.iter().enumerate().map(|(i, founder)| parse_founder(i, founder)).collect()
}

fn parse_founder(founder: usize, json: &Value) -> Result<Founder, FoundersError> {
	let at = format!("founders[{founder}]");
	let fields = json
		.as_object()
		.ok_or_else(|| FoundersError::Malformed(format!("{at} must be a JSON object")))?;
	refuse_unknown_fields(fields, &FOUNDER_FIELDS, &at)?;
	Ok(Founder {
		name: text_field(fields, &at, "name")?.as_bytes().to_vec(),
		member: key_field::<AccountId>(fields, &at, "member")?,
		validator: key_field::<AccountId>(fields, &at, "validator")?,
		aura: key_field::<sp_core::sr25519::Public>(fields, &at, "aura")?.into(),
		grandpa: key_field::<sp_core::ed25519::Public>(fields, &at, "grandpa")?.into(),
		member_endowment: coop_field(fields, founder, "member_endowment")?,
		validator_endowment: coop_field(fields, founder, "validator_endowment")?,
	})
}

/// Refuses a key of `fields` that is neither in `known` nor a comment (`_…`).
fn refuse_unknown_fields(
	fields: &Map<String, Value>,
	known: &[&str],
	at: &str,
) -> Result<(), FoundersError> {
	match fields.keys().find(|key| !key.starts_with('_') && !known.contains(&key.as_str())) {
		Some(key) => Err(FoundersError::Malformed(format!(
			"{at}: unknown field `{key}` (expected {})",
			known.join(", ")
		))),
		None => Ok(()),
	}
}

fn text_field<'a>(
	fields: &'a Map<String, Value>,
	at: &str,
	field: &str,
) -> Result<&'a str, FoundersError> {
	fields
		.get(field)
		.and_then(Value::as_str)
		.ok_or_else(|| FoundersError::Malformed(format!("{at}.{field}: a string is required")))
}

/// An account or public key, from its SS58 form (`coopchain-node key inspect` prints it as
/// "SS58 Address", for either scheme).
fn key_field<K: Ss58Codec>(
	fields: &Map<String, Value>,
	at: &str,
	field: &str,
) -> Result<K, FoundersError> {
	let text = text_field(fields, at, field)?;
	K::from_ss58check(text).map_err(|e| {
		FoundersError::Malformed(format!("{at}.{field}: `{text}` is not an SS58 address ({e:?})"))
	})
}

/// An endowment: a whole number of COOP in the file, plancks in the genesis.
fn coop_field(
	fields: &Map<String, Value>,
	founder: usize,
	field: &'static str,
) -> Result<Balance, FoundersError> {
	fields
		.get(field)
		.and_then(Value::as_u64)
		.and_then(|coop| Balance::from(coop).checked_mul(UNIT))
		.ok_or(FoundersError::BadEndowment { founder, field })
}

/// The well-known development key with these public bytes (sr25519 or ed25519), if any.
fn development_key(public: &[u8]) -> Option<String> {
	Sr25519Keyring::iter()
		.find(|key| key.to_raw_public().as_slice() == public)
		.map(|key| format!("//{} (sr25519)", <&'static str>::from(key)))
		.or_else(|| {
			Ed25519Keyring::iter()
				.find(|key| key.to_raw_public().as_slice() == public)
				.map(|key| format!("//{} (ed25519)", <&'static str>::from(key)))
		})
}

/// Checks that `founders` can found `coopchain`: at least one and at most `MaxValidators`
/// founding co-ops, names that fit, every name, account (the co-ops' treasuries included) and
/// session key used once, no development key, and endowments of at least the existential
/// deposit (the validator's may be zero). The pallets' genesis would panic on most of these.
pub fn check_founders(founders: &[Founder]) -> Result<(), FoundersError> {
	let max_validators = <Runtime as pallet_coop_validators::Config>::MaxValidators::get();
	let max_name =
		<<Runtime as pallet_coop_membership::Config>::MaxNameLen as Get<u32>>::get() as usize;
	if founders.is_empty() {
		return Err(FoundersError::NoFounders);
	}
	if founders.len() > max_validators as usize {
		return Err(FoundersError::TooManyFounders { count: founders.len(), max: max_validators });
	}

	let treasury = pallet_coop_membership::Pallet::<Runtime>::treasury;
	let mut names = BTreeSet::new();
	// Accounts (the treasuries first) and session keys, by their public bytes.
	let mut accounts: BTreeSet<Vec<u8>> =
		(1..=founders.len() as u32).map(|coop| treasury(coop).to_raw_vec()).collect();
	let mut keys: BTreeSet<Vec<u8>> = BTreeSet::new();
	for (i, founder) in founders.iter().enumerate() {
		if founder.name.is_empty() || founder.name.len() > max_name {
			return Err(FoundersError::BadName { founder: i });
		}
		if !names.insert(founder.name.clone()) {
			return Err(FoundersError::Duplicate { founder: i, field: "name" });
		}
		let publics = [
			("member", founder.member.to_raw_vec(), false),
			("validator", founder.validator.to_raw_vec(), false),
			("aura", founder.aura.to_raw_vec(), true),
			("grandpa", founder.grandpa.to_raw_vec(), true),
		];
		for (field, public, session_key) in publics {
			if let Some(key) = development_key(&public) {
				return Err(FoundersError::DevelopmentKey { founder: i, field, key });
			}
			let seen = if session_key { &mut keys } else { &mut accounts };
			if !seen.insert(public) {
				return Err(FoundersError::Duplicate { founder: i, field });
			}
		}
		if founder.member_endowment < EXISTENTIAL_DEPOSIT {
			return Err(FoundersError::BadEndowment { founder: i, field: "member_endowment" });
		}
		if founder.validator_endowment != 0 && founder.validator_endowment < EXISTENTIAL_DEPOSIT {
			return Err(FoundersError::BadEndowment { founder: i, field: "validator_endowment" });
		}
	}
	Ok(())
}

/// The genesis patch of `coopchain`, founded by `founders` (checked by [`check_founders`]).
///
/// The shape of `local_testnet`, from the founders' own accounts and keys: founding co-op `i`
/// of the file is co-op `i + 1`, its member is its one founding member and its delegate, its
/// treasury (holding [`FOUNDING_TREASURY`]) is a member of the federation (co-op 0) with the
/// validator seat of its validator, whose Aura and GRANDPA keys are the first session's. The
/// members and validators hold their endowments; nobody else holds COOP. The bylaws and the
/// enactment delay are the production ones. No sudo: the federation governs from block 0.
pub fn coopchain_genesis(founders: &[Founder]) -> Result<Value, FoundersError> {
	check_founders(founders)?;
	let endowments = founders
		.iter()
		.flat_map(|f| {
			[(f.member.clone(), f.member_endowment), (f.validator.clone(), f.validator_endowment)]
		})
		.filter(|(_, endowment)| *endowment != 0)
		.collect();
	let founding_coops = founders
		.iter()
		.map(|f| FoundingCoop {
			name: f.name.clone(),
			people: vec![f.member.clone()],
			delegate: f.member.clone(),
			validator: f.validator.clone(),
			aura: f.aura.clone(),
			grandpa: f.grandpa.clone(),
		})
		.collect();
	Ok(federation_genesis(
		founding_coops,
		vec![],
		endowments,
		production_federation_bylaws(),
		production_founding_coop_bylaws(),
		PRODUCTION_ENACTMENT_DELAY,
	))
}

/// The genesis patch of `coopchain` from the contents of a founders file
/// ([`parse_founders`], then [`coopchain_genesis`]).
pub fn coopchain_genesis_from_json(json: &Value) -> Result<Value, FoundersError> {
	coopchain_genesis(&parse_founders(json)?)
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

/// Merges `patch` into `base` the way the chain-spec builder does (objects recursively,
/// everything else replaced).
#[cfg(any(test, feature = "fuzzing"))]
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

/// The genesis storage of preset `name`, built as the node builds a chain spec's genesis: the
/// preset's patch over the default config, through [`build_state`] (parameters first, then
/// every pallet). For the runtime's tests and its fuzzer, never in the runtime itself.
#[cfg(any(test, feature = "fuzzing"))]
pub fn preset_storage(name: &str) -> Result<sp_runtime::Storage, String> {
	let patch = get_preset(&name.into()).ok_or_else(|| format!("no preset {name}"))?;
	let patch: Value = serde_json::from_slice(&patch).map_err(|e| format!("{e}"))?;
	let mut config =
		serde_json::to_value(crate::RuntimeGenesisConfig::default()).map_err(|e| format!("{e}"))?;
	merge(&mut config, patch);
	let config = serde_json::to_vec(&config).map_err(|e| format!("{e}"))?;
	let mut ext = sp_state_machine::BasicExternalities::new(Default::default());
	ext.execute_with(|| build_state(config))?;
	Ok(ext.into_storages())
}

#[cfg(test)]
mod tests {
	//! `coopchain`'s genesis from a founders file: the example that ships with the node founds
	//! a valid chain of its founding co-ops alone, and a file that cannot found one is refused.

	use super::*;
	use sp_runtime::BuildStorage;

	/// The example founders file of the node (`scripts/chain-spec.sh` starts from it).
	const EXAMPLE: &str = include_str!("../../node/coopchain-founders.example.json");

	fn example() -> Value {
		serde_json::from_str(EXAMPLE).expect("the example founders file is JSON")
	}

	fn example_founders() -> Vec<Founder> {
		parse_founders(&example()).expect("the example founders file parses")
	}

	/// The genesis state of `patch` over the runtime's defaults, as the node builds it: the
	/// patch must name only fields of `RuntimeGenesisConfig`, and every pallet's genesis must
	/// accept it.
	fn build(patch: Value) -> sp_runtime::Storage {
		let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).unwrap();
		merge(&mut config, patch);
		let config: RuntimeGenesisConfig = serde_json::from_value(config).unwrap();
		config.build_storage().expect("the patch builds a valid genesis state")
	}

	fn treasury(coop: u32) -> AccountId {
		pallet_coop_membership::Pallet::<Runtime>::treasury(coop)
	}

	/// The example with `edit` applied to its founders array.
	fn example_with(edit: impl FnOnce(&mut Vec<Value>)) -> Value {
		let mut json = example();
		edit(json["founders"].as_array_mut().expect("an array"));
		json
	}

	#[test]
	fn the_example_founds_the_federation_of_its_coops() {
		let founders = example_founders();
		assert_eq!(founders.len(), 4);
		let patch = coopchain_genesis(&founders).expect("the example founds a chain");
		// zombienet-style tooling rewrites these two keys; they are there, as in every preset.
		assert!(patch["session"]["keys"].is_array() && patch["balances"]["balances"].is_array());

		sp_io::TestExternalities::new(build(patch)).execute_with(|| {
			// The production chain keeps the parameters' defaults: hour-long sessions, a day
			// for the shortest vote, 30 days for the shortest claim window.
			use crate::configs::parameters::dynamic_params::{governance, session};
			use frame_support::traits::Get;
			assert_eq!(session::Period::get(), crate::HOURS);
			assert_eq!(governance::MinVotingPeriod::get(), DAYS);
			assert_eq!(governance::MinRaiseVotingPeriod::get(), DAYS);
			assert_eq!(governance::MinClaimWindow::get(), 30 * DAYS);
			let validators: Vec<AccountId> = founders.iter().map(|f| f.validator.clone()).collect();
			// The federation's approved validators are the first set, with the founders' keys.
			assert_eq!(pallet_session::Validators::<Runtime>::get(), validators);
			assert_eq!(pallet_coop_validators::Approved::<Runtime>::get().into_inner(), validators);
			let aura: Vec<AuraId> = founders.iter().map(|f| f.aura.clone()).collect();
			assert_eq!(pallet_aura::Authorities::<Runtime>::get().into_inner(), aura);
			let grandpa: Vec<GrandpaId> = pallet_grandpa::Pallet::<Runtime>::grandpa_authorities()
				.into_iter()
				.map(|(id, _)| id)
				.collect();
			assert_eq!(grandpa, founders.iter().map(|f| f.grandpa.clone()).collect::<Vec<_>>());

			// Founding co-op i of the file is co-op i + 1: its member is its delegate, its
			// treasury a member of the federation with its validator's seat.
			let federation = pallet_coop_membership::Coops::<Runtime>::get(0).unwrap();
			assert_eq!(federation.members, 4);
			for (coop, founder) in (1..).zip(&founders) {
				let info = pallet_coop_membership::Coops::<Runtime>::get(coop).unwrap();
				assert_eq!(info.name.into_inner(), founder.name);
				assert_eq!(info.members, 1);
				assert!(pallet_coop_membership::Members::<Runtime>::contains_key(
					coop,
					&founder.member
				));
				assert!(pallet_coop_membership::Members::<Runtime>::contains_key(
					0,
					treasury(coop)
				));
				assert_eq!(
					pallet_coop_membership::Delegates::<Runtime>::get(coop).map(|d| d.account),
					Some(founder.member.clone())
				);
				let seat = pallet_coop_validators::Seats::<Runtime>::get(treasury(coop));
				assert_eq!(seat.map(|s| s.validator), Some(founder.validator.clone()));
			}
			// No demo co-op: the federation and the four founding co-ops.
			assert!(pallet_coop_membership::Coops::<Runtime>::get(5).is_none());

			// The founders' endowments, the treasuries' and the federation's fund's existential
			// deposit are all the COOP there is.
			let free = |who: &AccountId| pallet_balances::Pallet::<Runtime>::free_balance(who);
			let fund =
				pallet_patronage::Pallet::<Runtime>::fund_account(coop_primitives::FEDERATION);
			assert_eq!(free(&fund), EXISTENTIAL_DEPOSIT);
			let mut issued: Balance = EXISTENTIAL_DEPOSIT;
			for (coop, founder) in (1..).zip(&founders) {
				assert_eq!(free(&founder.member), 1000 * UNIT);
				assert_eq!(free(&founder.validator), 10 * UNIT);
				assert_eq!(free(&treasury(coop)), FOUNDING_TREASURY);
				issued += founder.member_endowment + founder.validator_endowment;
				issued += FOUNDING_TREASURY;
			}
			assert_eq!(pallet_balances::Pallet::<Runtime>::total_issuance(), issued);
			for key in Sr25519Keyring::iter() {
				assert_eq!(free(&key.to_account_id()), 0, "{key} holds COOP");
			}

			// Production timescale: root resolutions wait longer than the voting period.
			assert_eq!(federation.bylaws, production_federation_bylaws());
			assert_eq!(
				pallet_federation::EnactmentDelay::<Runtime>::get(),
				PRODUCTION_ENACTMENT_DELAY
			);
			assert!(PRODUCTION_ENACTMENT_DELAY > federation.bylaws.voting_period);
		});
	}

	#[test]
	fn the_genesis_names_no_development_key_and_no_sudo() {
		let patch = coopchain_genesis_from_json(&example()).unwrap();
		assert!(patch.get("sudo").is_none());
		let text = patch.to_string();
		let publics = Sr25519Keyring::iter()
			.map(|key| key.to_raw_public())
			.chain(Ed25519Keyring::iter().map(|key| key.to_raw_public()));
		for public in publics {
			let address = AccountId::from(public).to_ss58check();
			assert!(!text.contains(&address), "a development key is in the genesis: {address}");
		}
	}

	#[test]
	fn an_empty_or_malformed_file_is_refused() {
		let empty = serde_json::json!({ "founders": [] });
		assert_eq!(coopchain_genesis_from_json(&empty), Err(FoundersError::NoFounders));
		for bad in [
			serde_json::json!([]),
			serde_json::json!({}),
			serde_json::json!({ "founders": [], "sudo": "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY" }),
		] {
			assert!(matches!(parse_founders(&bad), Err(FoundersError::Malformed(_))), "{bad}");
		}
		// A misspelt field, a missing one, an address that is not SS58.
		let misspelt = example_with(|f| {
			let entry = f[0].as_object_mut().unwrap();
			let member = entry.remove("member").unwrap();
			entry.insert("memebr".into(), member);
		});
		assert!(
			matches!(parse_founders(&misspelt), Err(FoundersError::Malformed(m)) if m.contains("memebr"))
		);
		let missing = example_with(|f| {
			f[1].as_object_mut().unwrap().remove("grandpa");
		});
		assert!(
			matches!(parse_founders(&missing), Err(FoundersError::Malformed(m)) if m.contains("founders[1].grandpa"))
		);
		let not_ss58 = example_with(|f| f[2]["aura"] = "0x1234".into());
		assert!(
			matches!(parse_founders(&not_ss58), Err(FoundersError::Malformed(m)) if m.contains("founders[2].aura"))
		);
		// Comments are ignored.
		let commented = example_with(|f| f[3]["_note"] = "ours".into());
		assert_eq!(parse_founders(&commented), Ok(example_founders()));
	}

	#[test]
	fn a_duplicate_name_account_or_key_is_refused() {
		let cases: [(&str, usize, &str); 6] = [
			("name", 1, "name"),
			("member", 2, "member"),
			("validator", 3, "validator"),
			("aura", 1, "aura"),
			("grandpa", 2, "grandpa"),
			// One co-op's member running another's validator: one account, two roles.
			("member", 3, "validator"),
		];
		for (from, into, field) in cases {
			let json = example_with(|f| f[into][field] = f[0][from].clone());
			assert_eq!(
				coopchain_genesis_from_json(&json),
				Err(FoundersError::Duplicate { founder: into, field }),
				"{from} of co-op 0 as {field} of co-op {into}"
			);
		}
		// A co-op's member is not its own validator either.
		let json = example_with(|f| f[0]["validator"] = f[0]["member"].clone());
		assert_eq!(
			coopchain_genesis_from_json(&json),
			Err(FoundersError::Duplicate { founder: 0, field: "validator" })
		);
	}

	#[test]
	fn a_development_key_is_refused() {
		let alice = AccountId::from(Sr25519Keyring::Alice.to_raw_public()).to_ss58check();
		let bob_stash = AccountId::from(Sr25519Keyring::BobStash.to_raw_public()).to_ss58check();
		let ed_charlie = AccountId::from(Ed25519Keyring::Charlie.to_raw_public()).to_ss58check();
		for (founder, field, address) in [
			(0, "member", &alice),
			(1, "validator", &bob_stash),
			(2, "grandpa", &ed_charlie),
			(3, "aura", &alice),
		] {
			let json = example_with(|f| f[founder][field] = address.as_str().into());
			assert!(
				matches!(
					coopchain_genesis_from_json(&json),
					Err(FoundersError::DevelopmentKey { founder: i, field: fd, .. })
						if i == founder && fd == field
				),
				"{field} of co-op {founder}"
			);
		}
	}

	#[test]
	fn bad_names_and_endowments_are_refused() {
		let long = "x".repeat(65);
		let json = example_with(|f| f[1]["name"] = long.as_str().into());
		assert_eq!(coopchain_genesis_from_json(&json), Err(FoundersError::BadName { founder: 1 }));
		let json = example_with(|f| f[0]["name"] = "".into());
		assert_eq!(coopchain_genesis_from_json(&json), Err(FoundersError::BadName { founder: 0 }));

		let field = "member_endowment";
		let json = example_with(|f| f[2][field] = 0.into());
		assert_eq!(
			coopchain_genesis_from_json(&json),
			Err(FoundersError::BadEndowment { founder: 2, field })
		);
		for bad in [serde_json::json!(-1), serde_json::json!(1.5), serde_json::json!("1000")] {
			let json = example_with(|f| f[3][field] = bad.clone());
			assert_eq!(
				parse_founders(&json),
				Err(FoundersError::BadEndowment { founder: 3, field }),
				"{bad}"
			);
		}
		// A validator may start with nothing: its genesis keys hold no deposit.
		let json = example_with(|f| f[0]["validator_endowment"] = 0.into());
		let patch = coopchain_genesis_from_json(&json).unwrap();
		let founders = parse_founders(&json).unwrap();
		sp_io::TestExternalities::new(build(patch)).execute_with(|| {
			assert_eq!(pallet_balances::Pallet::<Runtime>::free_balance(&founders[0].validator), 0);
			assert_eq!(
				pallet_session::Validators::<Runtime>::get()[0],
				founders[0].validator.clone()
			);
		});
	}

	#[test]
	fn more_founders_than_validator_seats_are_refused() {
		let founder = |i: u8| Founder {
			name: format!("co-op {i}").into_bytes(),
			member: AccountId::from([i; 32]),
			validator: AccountId::from([i.wrapping_add(100); 32]),
			aura: sp_core::sr25519::Public::from_raw([i; 32]).into(),
			// Session keys are told apart by their bytes, whatever their scheme.
			grandpa: sp_core::ed25519::Public::from_raw([i + 50; 32]).into(),
			member_endowment: UNIT,
			validator_endowment: 0,
		};
		let max = <Runtime as pallet_coop_validators::Config>::MaxValidators::get();
		let founders: Vec<Founder> = (1..=max as u8).map(founder).collect();
		assert!(coopchain_genesis(&founders).is_ok());
		let founders: Vec<Founder> = (1..=max as u8 + 1).map(founder).collect();
		assert_eq!(
			coopchain_genesis(&founders),
			Err(FoundersError::TooManyFounders { count: max as usize + 1, max })
		);
	}
}
