//! The parameters a federation tunes without a runtime upgrade (pallet-parameters): session
//! length, the shortest voting periods, the shortest patronage claim window, and the fee model.
//! Each is changed by the federation's special resolution (root, through `federation.enact`,
//! dispatching `parameters.setParameter`), and read where it is used. The defaults here are the
//! production chain's; the test networks' presets set shorter periods at genesis
//! ([`TestNetworkParameters`]).

use frame_support::{
	dynamic_params::{dynamic_pallet_params, dynamic_params},
	traits::{ConstU128, ConstU32, EnsureOriginWithArg, Get},
};
use serde::{Deserialize, Serialize};

use super::{
	daico::MAX_RAISE_VOTING_PERIOD,
	membership::{MAX_VOTING_PERIOD, MIN_DELIBERATION},
	monetary::{AUTHOR_SHARE, FEE_PER_BYTE, TRANSFER_WEIGHT_FEE},
	patronage::MAX_CLAIM_WINDOW,
};
use crate::{Balance, BlockNumber, Runtime, RuntimeEvent, RuntimeOrigin, DAYS, HOURS, MINUTES};

/// The chain's tunable parameters, each with its production default.
#[dynamic_params(RuntimeParameters, pallet_parameters::Parameters::<Runtime>)]
pub mod dynamic_params {
	use super::*;

	/// Sessions: how often the validator set may change.
	#[dynamic_pallet_params]
	#[codec(index = 0)]
	pub mod session {
		/// Blocks per session: an hour. A validator approved by the federation takes office
		/// within two session changes. (Test networks: 10 blocks, one minute.)
		#[codec(index = 0)]
		pub static Period: BlockNumber = HOURS;
	}

	/// Governance: the shortest times the bylaws of a co-op or a raise may set.
	#[dynamic_pallet_params]
	#[codec(index = 1)]
	pub mod governance {
		/// The shortest voting period co-op bylaws may set: a day. (Test networks: 2 blocks.)
		#[codec(index = 0)]
		pub static MinVotingPeriod: BlockNumber = DAYS;
		/// The shortest voting period of a DAICO vote: a day. (Test networks: 2 blocks.)
		#[codec(index = 1)]
		pub static MinRaiseVotingPeriod: BlockNumber = DAYS;
		/// The shortest claim window of a patronage period: 30 days. (Test networks: 2
		/// minutes.)
		#[codec(index = 2)]
		pub static MinClaimWindow: BlockNumber = 30 * DAYS;
	}

	/// The fee model (see `configs::monetary`).
	#[dynamic_pallet_params]
	#[codec(index = 2)]
	pub mod fees {
		/// The length fee per encoded byte of a transaction: 10 µCOOP.
		#[codec(index = 0)]
		pub static PerByte: Balance = FEE_PER_BYTE;
		/// What the weight of a plain transfer costs before the multiplier: 9 mCOOP.
		#[codec(index = 1)]
		pub static TransferWeight: Balance = TRANSFER_WEIGHT_FEE;
		/// The percentage of each fee paid to the block author's co-op (the rest goes to the
		/// federation's fund; tips go to the author's co-op whole): 50.
		#[codec(index = 2)]
		pub static AuthorShare: u32 = AUTHOR_SHARE;
	}
}

/// A parameter read within bounds: whatever value a resolution sets, the pallets see one in
/// `[Lo, Hi]`, so that no setting can stop the chain or its governance: a zero session period
/// would divide by zero in every block and a one-block one would fill every block with the
/// rotation; a shortest voting period above the longest would make every bylaws invalid; fees
/// of zero would make block space free, and fees a hundred times the default could price out the
/// very resolution that lowers them.
pub struct Bounded<P, Lo, Hi>(core::marker::PhantomData<(P, Lo, Hi)>);
impl<V: Ord, P: Get<V>, Lo: Get<V>, Hi: Get<V>> Get<V> for Bounded<P, Lo, Hi> {
	fn get() -> V {
		let (lo, hi) = (Lo::get(), Hi::get());
		let hi = if hi < lo { Lo::get() } else { hi };
		P::get().clamp(lo, hi)
	}
}

/// Blocks per session as pallet-session reads it: from a minute (10 blocks) to 30 days.
pub type SessionPeriod =
	Bounded<dynamic_params::session::Period, ConstU32<10>, ConstU32<{ 30 * DAYS }>>;
/// The shortest voting period of bylaws: at least 2 blocks (more than the deliberation floor),
/// at most the longest voting period.
pub type MinVotingPeriod = Bounded<
	dynamic_params::governance::MinVotingPeriod,
	ConstU32<{ 2 * MIN_DELIBERATION }>,
	ConstU32<MAX_VOTING_PERIOD>,
>;
/// The shortest voting period of a DAICO vote: at least 2 blocks, at most the longest (30 days).
pub type MinRaiseVotingPeriod = Bounded<
	dynamic_params::governance::MinRaiseVotingPeriod,
	ConstU32<2>,
	ConstU32<MAX_RAISE_VOTING_PERIOD>,
>;
/// The shortest claim window of a patronage period: at least 2 minutes, at most the longest.
pub type MinClaimWindow = Bounded<
	dynamic_params::governance::MinClaimWindow,
	ConstU32<{ 2 * MINUTES }>,
	ConstU32<MAX_CLAIM_WINDOW>,
>;
/// The length fee per byte: from a hundredth to a hundred times the default.
pub type FeePerByte = Bounded<
	dynamic_params::fees::PerByte,
	ConstU128<{ FEE_PER_BYTE / 100 }>,
	ConstU128<{ FEE_PER_BYTE * 100 }>,
>;
/// What the weight of a signed transfer costs: from a hundredth to a hundred times the default.
pub type TransferWeightFee = Bounded<
	dynamic_params::fees::TransferWeight,
	ConstU128<{ TRANSFER_WEIGHT_FEE / 100 }>,
	ConstU128<{ TRANSFER_WEIGHT_FEE * 100 }>,
>;
/// The author's co-op's percentage of each fee: at most half, so that a validator's co-op
/// filling its own blocks pays at least half of what it spends.
pub type AuthorShare = Bounded<dynamic_params::fees::AuthorShare, ConstU32<0>, ConstU32<50>>;

/// Benchmarks of pallet-parameters set this one.
#[cfg(feature = "runtime-benchmarks")]
impl Default for RuntimeParameters {
	fn default() -> Self {
		RuntimeParameters::Fees(dynamic_params::fees::Parameters::PerByte(
			dynamic_params::fees::PerByte,
			Some(FEE_PER_BYTE),
		))
	}
}

/// Who sets a parameter: root, which on coopchain is the federation's special resolution
/// (`federation.enact` after the enactment delay); nobody else.
pub struct FederationResolution;
impl EnsureOriginWithArg<RuntimeOrigin, RuntimeParametersKey> for FederationResolution {
	type Success = ();
	fn try_origin(
		origin: RuntimeOrigin,
		_key: &RuntimeParametersKey,
	) -> Result<Self::Success, RuntimeOrigin> {
		frame_system::ensure_root(origin.clone()).map_err(|_| origin)
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(_key: &RuntimeParametersKey) -> Result<RuntimeOrigin, ()> {
		Ok(RuntimeOrigin::root())
	}
}

impl pallet_parameters::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeParameters = RuntimeParameters;
	type AdminOrigin = FederationResolution;
	type WeightInfo = ();
}

/// The parameters a test network's genesis preset sets (key `parameters` of the preset; absent
/// on the production chain, which keeps the defaults). Each is `None` to keep its default.
#[derive(Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TestNetworkParameters {
	/// [`dynamic_params::session::Period`].
	pub session_period: Option<BlockNumber>,
	/// [`dynamic_params::governance::MinVotingPeriod`].
	pub min_voting_period: Option<BlockNumber>,
	/// [`dynamic_params::governance::MinRaiseVotingPeriod`].
	pub min_raise_voting_period: Option<BlockNumber>,
	/// [`dynamic_params::governance::MinClaimWindow`].
	pub min_claim_window: Option<BlockNumber>,
}

impl TestNetworkParameters {
	/// Writes the parameters given (pallet-parameters' own call, as root: genesis is before any
	/// federation).
	pub fn apply(&self) -> Result<(), sp_runtime::DispatchError> {
		use dynamic_params::{governance, session};
		let set = |parameter: RuntimeParameters| {
			pallet_parameters::Pallet::<Runtime>::set_parameter(RuntimeOrigin::root(), parameter)
		};
		if let Some(v) = self.session_period {
			set(RuntimeParameters::Session(session::Parameters::Period(session::Period, Some(v))))?;
		}
		if let Some(v) = self.min_voting_period {
			set(RuntimeParameters::Governance(governance::Parameters::MinVotingPeriod(
				governance::MinVotingPeriod,
				Some(v),
			)))?;
		}
		if let Some(v) = self.min_raise_voting_period {
			set(RuntimeParameters::Governance(governance::Parameters::MinRaiseVotingPeriod(
				governance::MinRaiseVotingPeriod,
				Some(v),
			)))?;
		}
		if let Some(v) = self.min_claim_window {
			set(RuntimeParameters::Governance(governance::Parameters::MinClaimWindow(
				governance::MinClaimWindow,
				Some(v),
			)))?;
		}
		Ok(())
	}
}
