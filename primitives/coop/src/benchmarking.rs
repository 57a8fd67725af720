//! The fixtures our pallets' benchmarks need from the co-op registry (feature
//! `runtime-benchmarks`): implemented once by the runtime, with the membership pallet's own
//! benchmark-only calls, and once by the test registry ([`crate::testing::MockCoops`]).

use crate::CoopId;
use frame_support::traits::{
	fungible::{Inspect, Mutate},
	EnsureOriginWithArg,
};
use sp_arithmetic::traits::{One, Saturating};

/// Sets up co-ops, members and roles for a benchmark, as passed motions would.
pub trait BenchmarkCoops<AccountId> {
	/// A co-op with open admission and room for the most members the runtime allows.
	fn coop() -> CoopId;
	/// Makes `who` a voting member of `coop` (funding the account as needed).
	fn add_member(coop: CoopId, who: &AccountId);
	/// Grants `who` the `Operator` role in `coop`.
	fn add_operator(coop: CoopId, who: &AccountId);
	/// Makes `who` a voting member of the federation (co-op 0).
	fn make_federation_member(who: &AccountId);
}

/// Asserts that the block's last event is `event`, a pallet's own event.
pub fn assert_last_event<T: frame_system::Config>(
	event: impl Into<<T as frame_system::Config>::RuntimeEvent>,
) {
	frame_system::Pallet::<T>::assert_last_event(event.into());
}

/// One unit of money in a benchmark: the currency's existential deposit, or one planck where it
/// has none.
pub fn unit<C: Inspect<A>, A>() -> C::Balance {
	C::minimum_balance().max(One::one())
}

/// Sets `who`'s balance to `units` benchmark units (see [`unit`]), so every deposit and payment a
/// benchmark makes is covered.
pub fn endow<C: Mutate<A>, A: Eq>(who: &A, units: u32) {
	C::set_balance(who, unit::<C, A>().saturating_mul(units.into()));
}

/// The benchmark co-op (`H::coop()`) with its treasury endowed with `units` benchmark units, and
/// the origin through which it decides (`O`, a pallet's co-op origin); `None` where `O` has no
/// successful origin to offer.
pub fn funded_coop<A, H, I, C, O, RO>(units: u32) -> Option<(CoopId, RO)>
where
	A: Eq,
	H: BenchmarkCoops<A>,
	I: crate::CoopInspect<A>,
	C: Mutate<A>,
	O: EnsureOriginWithArg<RO, CoopId>,
{
	let coop = H::coop();
	endow::<C, A>(&I::treasury_account(coop), units);
	O::try_successful_origin(&coop).ok().map(|origin| (coop, origin))
}

/// Declares a pallet benchmark's shared fixtures: `SEED` for `account(..)`, `ENDOWMENT` (the
/// benchmark units each funded account gets, see [`unit`]), and `coop_deciding::<T>()`, the
/// benchmark co-op with its treasury funded and the origin of its decisions (`T::CoopOrigin`),
/// for a pallet whose `Config` has `BenchmarkHelper`, `Coops`, `Currency` and `CoopOrigin`.
///
/// ```text
/// coop_primitives::benchmark_fixtures!(endowment: 10_000_000);
/// ```
#[macro_export]
macro_rules! benchmark_fixtures {
	(endowment: $units:expr) => {
		const SEED: u32 = 0;
		/// Benchmark units each funded account gets (see `coop_primitives::benchmarking::unit`).
		const ENDOWMENT: u32 = $units;

		/// The benchmark co-op, its treasury funded, and the origin of its decisions.
		fn coop_deciding<T: Config>(
		) -> Result<($crate::CoopId, T::RuntimeOrigin), frame_benchmarking::BenchmarkError> {
			$crate::benchmarking::funded_coop::<
				_,
				T::BenchmarkHelper,
				T::Coops,
				T::Currency,
				T::CoopOrigin,
				_,
			>(ENDOWMENT)
			.ok_or(frame_benchmarking::BenchmarkError::Weightless)
		}
	};
}
