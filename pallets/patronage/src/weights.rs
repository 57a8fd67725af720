//! Weights for `pallet_patronage`: placeholder until `scripts/bench.sh` generates this file.

#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::weights::Weight;

/// The weight functions of `pallet_patronage`.
pub trait WeightInfo {
	fn set_policy() -> Weight;
	fn record_patronage() -> Weight;
	fn record_patronage_batch(n: u32) -> Weight;
	fn close_period(m: u32) -> Weight;
	fn claim(m: u32) -> Weight;
	fn revolve(t: u32) -> Weight;
	fn sweep_unclaimed() -> Weight;
	fn spend_fund() -> Weight;
}

/// Placeholder weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn set_policy() -> Weight {
		Weight::from_parts(1_000_000_000, 10_000)
	}
	fn record_patronage() -> Weight {
		Weight::from_parts(1_000_000_000, 10_000)
	}
	fn record_patronage_batch(_n: u32) -> Weight {
		Weight::from_parts(1_000_000_000, 10_000)
	}
	fn close_period(_m: u32) -> Weight {
		Weight::from_parts(1_000_000_000, 10_000)
	}
	fn claim(_m: u32) -> Weight {
		Weight::from_parts(1_000_000_000, 10_000)
	}
	fn revolve(_t: u32) -> Weight {
		Weight::from_parts(1_000_000_000, 10_000)
	}
	fn sweep_unclaimed() -> Weight {
		Weight::from_parts(1_000_000_000, 10_000)
	}
	fn spend_fund() -> Weight {
		Weight::from_parts(1_000_000_000, 10_000)
	}
}

impl WeightInfo for () {
	fn set_policy() -> Weight {
		Weight::zero()
	}
	fn record_patronage() -> Weight {
		Weight::zero()
	}
	fn record_patronage_batch(_n: u32) -> Weight {
		Weight::zero()
	}
	fn close_period(_m: u32) -> Weight {
		Weight::zero()
	}
	fn claim(_m: u32) -> Weight {
		Weight::zero()
	}
	fn revolve(_t: u32) -> Weight {
		Weight::zero()
	}
	fn sweep_unclaimed() -> Weight {
		Weight::zero()
	}
	fn spend_fund() -> Weight {
		Weight::zero()
	}
}
