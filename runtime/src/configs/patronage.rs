//! Patronage dividends: surplus returned to members, part cash, part revolving equity.

use frame_support::{parameter_types, traits::ConstU32, PalletId};
use sp_runtime::Perbill;

use coop_primitives::{CoopId, FEDERATION};
use frame_support::traits::EnsureOriginWithArg;
use pallet_coop_membership::{EnsureCoop, EnsureCoopSpecial};

use super::membership::{CoopDecision, MaxCoopMembers};
use crate::{Balances, CoopMembership, Runtime, RuntimeOrigin, DAYS};

/// The federation's education and development fund: where fees go in part, and where a
/// dissolved co-op's indivisible assets go.
pub struct FederationFund;
impl frame_support::traits::Get<crate::AccountId> for FederationFund {
	fn get() -> crate::AccountId {
		crate::Patronage::fund_account(FEDERATION)
	}
}

parameter_types! {
	/// Pots, reserves and funds are sub-accounts of this id.
	pub const PatronagePalletId: PalletId = PalletId(*b"coop/pat");
	/// At least 20 % of every allocation is paid in cash (US Subchapter T's qualified notice
	/// of allocation).
	pub const PatronageMinCashShare: Perbill = Perbill::from_percent(20);
}

/// Who spends a co-op's education and social fund: the co-op's own motion; the federation's
/// fund belongs to all its member co-ops, so spending it takes the federation's special
/// resolution.
pub struct FundSpending;

impl EnsureOriginWithArg<RuntimeOrigin, CoopId> for FundSpending {
	type Success = ();

	fn try_origin(o: RuntimeOrigin, coop: &CoopId) -> Result<Self::Success, RuntimeOrigin> {
		if *coop == FEDERATION {
			EnsureCoopSpecial::try_origin(o, coop)
		} else {
			EnsureCoop::try_origin(o, coop)
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(coop: &CoopId) -> Result<RuntimeOrigin, ()> {
		<EnsureCoopSpecial as EnsureOriginWithArg<RuntimeOrigin, CoopId>>::try_successful_origin(
			coop,
		)
	}
}

/// The longest claim window of a patronage period: a year and a day.
pub const MAX_CLAIM_WINDOW: crate::BlockNumber = 366 * DAYS;

impl pallet_patronage::Config for Runtime {
	type Currency = Balances;
	type Coops = CoopMembership;
	type CoopOrigin = CoopDecision;
	type FundOrigin = FundSpending;
	type PalletId = PatronagePalletId;
	/// A dissolved co-op's reserve and fund go to the federation's development fund.
	type DissolvedAssetsTo = FederationFund;
	/// Sixteen buckets of matured unpaid equity, oldest first (a co-op past them merges its
	/// newest).
	type MaxMaturities = ConstU32<16>;
	/// Purchases, sales, labour, and a few more.
	type MaxCategories = ConstU32<8>;
	/// Equity may revolve after at most 14 periods (3½ years of quarters).
	type MaxTranches = ConstU32<16>;
	type MaxMembers = MaxCoopMembers;
	/// A till's day of sales in a few transactions.
	type MaxBatch = ConstU32<64>;
	type MinCashShare = PatronageMinCashShare;
	/// A parameter the federation tunes (30 days by default; the test networks' journeys use
	/// two minutes).
	type MinClaimWindow = super::parameters::MinClaimWindow;
	type MaxClaimWindow = ConstU32<MAX_CLAIM_WINDOW>;
	type WeightInfo = pallet_patronage::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = super::bench_support::CoopsForBenchmarks;
}
