//! # coopchain runtime
//!
//! The state transition function of coopchain, the application chain of a federation of
//! co-operatives. Member co-ops run the validators (Aura block production, GRANDPA finality);
//! the native token is **COOP** (12 decimals, SS58 prefix 42).
//!
//! Layout: types and constants here, one file per pallet configuration under [`configs`], the
//! runtime APIs in [`apis`], and the genesis presets in [`genesis_config_presets`].

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime!` does a lot of recursion and requires us to increase the limit.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

// Declared first: its `list_benchmarks!`/`add_benchmarks!` macros are used in `apis`.
#[cfg(feature = "runtime-benchmarks")]
#[macro_use]
mod benchmarks;
pub mod apis;
pub mod configs;
/// The whole-runtime fuzzing harness (README, "Fuzzing"): for the runtime's tests and, with the
/// feature `fuzzing`, for the coverage-guided fuzzer in `runtime/fuzz`. Never in the chain's
/// runtime (it needs `std` and `try-runtime`).
#[cfg(all(feature = "try-runtime", any(test, feature = "fuzzing")))]
pub mod fuzzing;
pub mod genesis_config_presets;
pub mod migrations;
#[cfg(test)]
mod tests;

use alloc::vec::Vec;
use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::RuntimeVersion;

pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
pub use pallet_timestamp::Call as TimestampCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Opaque types: what the node needs to know of the runtime without its concrete extrinsic
/// format, so that it keeps syncing across runtime upgrades.
pub mod opaque {
	use super::*;
	use sp_runtime::generic;

	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block identifier type.
	pub type BlockId = generic::BlockId<Block>;
}

impl_opaque_keys! {
	/// The session keys a validator registers: Aura for authoring, GRANDPA for finality.
	pub struct SessionKeys {
		pub aura: Aura,
		pub grandpa: Grandpa,
	}
}

/// The runtime's version. `spec_version` must rise with every runtime upgrade.
#[cfg(not(feature = "upgrade-test"))]
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("coopchain"),
	impl_name: alloc::borrow::Cow::Borrowed("coopchain"),
	authoring_version: 1,
	spec_version: 100,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// The version of the upgrade the zombienet upgrade test enacts (feature `upgrade-test`): the
/// same runtime, one `spec_version` higher, with [`migrations::RecordUpgrade`]. (The
/// `runtime_version` attribute reads literals only, hence the second declaration.)
#[cfg(feature = "upgrade-test")]
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("coopchain"),
	impl_name: alloc::borrow::Cow::Borrowed("coopchain"),
	authoring_version: 1,
	spec_version: 101,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// Target block time: one block every 6 seconds.
pub const MILLI_SECS_PER_BLOCK: u64 = 6000;

/// The Aura slot duration. It cannot change once the chain runs: that would stall authoring.
pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;

/// Blocks in a minute, hour and day, for durations expressed in blocks.
pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
/// Blocks in an hour.
pub const HOURS: BlockNumber = MINUTES * 60;
/// Blocks in a day.
pub const DAYS: BlockNumber = HOURS * 24;

/// The token symbol, as the chain spec and the metadata hash present it.
pub const TOKEN_SYMBOL: &str = "COOP";
/// The token's decimals.
pub const TOKEN_DECIMALS: u8 = 12;
/// The SS58 address prefix (42: the generic Substrate prefix).
pub const SS58_PREFIX: u16 = 42;

/// One COOP in plancks (10^12).
pub const UNIT: Balance = 1_000_000_000_000;
/// A thousandth of a COOP.
pub const MILLI_UNIT: Balance = 1_000_000_000;
/// A millionth of a COOP.
pub const MICRO_UNIT: Balance = 1_000_000;

/// The existential deposit: the least balance an account may hold, 0.01 COOP, so that opening
/// accounts to bloat the state costs something (see the fee model in `configs::monetary`).
pub const EXISTENTIAL_DEPOSIT: Balance = 10 * MILLI_UNIT;

/// A block number.
pub type BlockNumber = u32;

/// The signature scheme of transactions.
pub type Signature = MultiSignature;

/// An account on the chain: the public key of its signing scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;

/// A balance in plancks.
pub type Balance = u128;

/// The transaction index of an account.
pub type Nonce = u32;

/// A hash of some data used by the chain.
pub type Hash = sp_core::H256;

/// The address format for describing accounts.
pub type Address = MultiAddress<AccountId, ()>;

/// Block header type as expected by this runtime.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;

/// Block type as expected by this runtime.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// The transaction extensions checked for every signed transaction.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// Unchecked extrinsic type as expected by this runtime.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;

/// Transactions the runtime creates itself: GRANDPA's equivocation reports, submitted unsigned
/// (and free) by the node that saw the equivocation.
impl<C> frame_system::offchain::CreateTransactionBase<C> for Runtime
where
	RuntimeCall: From<C>,
{
	type Extrinsic = UncheckedExtrinsic;
	type RuntimeCall = RuntimeCall;
}

impl<C> frame_system::offchain::CreateBare<C> for Runtime
where
	RuntimeCall: From<C>,
{
	fn create_bare(call: RuntimeCall) -> UncheckedExtrinsic {
		UncheckedExtrinsic::new_bare(call)
	}
}

/// The payload being signed in transactions.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Migrations of the runtime. Each pallet migration is versioned: it runs only on a chain
/// whose storage is at its source version, and does nothing on a chain built from this
/// runtime's genesis.
#[cfg(not(feature = "upgrade-test"))]
type Migrations = migrations::Pallets;
/// The test upgrade's migrations: the pallets' and [`migrations::RecordUpgrade`].
#[cfg(feature = "upgrade-test")]
type Migrations = (migrations::Pallets, migrations::RecordUpgrade);

/// Executive: dispatches calls to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;

	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;

	#[runtime::pallet_index(4)]
	pub type Balances = pallet_balances;

	#[runtime::pallet_index(5)]
	pub type TransactionPayment = pallet_transaction_payment;

	// Index 6 held pallet-sudo until the federation took root authority alone; pallet-authorship
	// (no calls, no events) has it now. Its hooks must run before pallet-session's: it finds
	// the block's author in the session's validators, which change at a rotation, and keeps
	// it for the block (fees go to the author's co-op; equivocation reports name it).
	#[runtime::pallet_index(6)]
	pub type Authorship = pallet_authorship;

	#[runtime::pallet_index(7)]
	pub type Utility = pallet_utility;

	// Declared in index order, which is also the order of genesis and of the hooks. The session
	// manager's index is below pallet-session's, because pallet-session's genesis asks the
	// session manager for the first validator set.
	#[runtime::pallet_index(8)]
	pub type CoopValidators = pallet_coop_validators;

	#[runtime::pallet_index(9)]
	pub type Session = pallet_session;

	#[runtime::pallet_index(10)]
	pub type CoopMembership = pallet_coop_membership;

	#[runtime::pallet_index(11)]
	pub type Daico = pallet_daico;

	#[runtime::pallet_index(12)]
	pub type Patronage = pallet_patronage;

	#[runtime::pallet_index(13)]
	pub type CircularCredit = pallet_circular_credit;

	#[runtime::pallet_index(14)]
	pub type Federation = pallet_federation;

	#[runtime::pallet_index(15)]
	pub type Scheduler = pallet_scheduler;

	#[runtime::pallet_index(16)]
	pub type Preimage = pallet_preimage;

	// Equivocation reporting (with Authorship, index 6): each session's validators kept as a
	// root for key-ownership proofs, and the offences GRANDPA reports.
	#[runtime::pallet_index(18)]
	pub type Historical = pallet_session::historical;

	#[runtime::pallet_index(19)]
	pub type Offences = pallet_offences;

	// The parameters the federation tunes by special resolution (`configs::parameters`).
	#[runtime::pallet_index(20)]
	pub type Parameters = pallet_parameters;
}
