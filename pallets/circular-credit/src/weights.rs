//! Weights for `pallet_circular_credit`: placeholder until `scripts/bench.sh` generates this
//! file (work in progress on this branch).

#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::weights::Weight;

/// The weight functions of `pallet_circular_credit`.
pub trait WeightInfo {
	fn open_circle() -> Weight;
	fn join() -> Weight;
	fn leave() -> Weight;
	fn set_credit_limit() -> Weight;
	fn pay() -> Weight;
	fn issue_obligation() -> Weight;
	fn accept_obligation() -> Weight;
	fn settle_obligation() -> Weight;
	fn cancel_obligation() -> Weight;
	fn submit_clearing(s: u32, o: u32) -> Weight;
}

/// Placeholder weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn open_circle() -> Weight {
		Weight::from_parts(1_000_000_000, 10_000)
	}
	fn join() -> Weight {
		Weight::from_parts(1_000_000_000, 10_000)
	}
	fn leave() -> Weight {
		Weight::from_parts(1_000_000_000, 10_000)
	}
	fn set_credit_limit() -> Weight {
		Weight::from_parts(1_000_000_000, 10_000)
	}
	fn pay() -> Weight {
		Weight::from_parts(1_000_000_000, 10_000)
	}
	fn issue_obligation() -> Weight {
		Weight::from_parts(1_000_000_000, 10_000)
	}
	fn accept_obligation() -> Weight {
		Weight::from_parts(1_000_000_000, 10_000)
	}
	fn settle_obligation() -> Weight {
		Weight::from_parts(1_000_000_000, 10_000)
	}
	fn cancel_obligation() -> Weight {
		Weight::from_parts(1_000_000_000, 10_000)
	}
	fn submit_clearing(_s: u32, _o: u32) -> Weight {
		Weight::from_parts(1_000_000_000, 10_000)
	}
}

impl WeightInfo for () {
	fn open_circle() -> Weight {
		Weight::zero()
	}
	fn join() -> Weight {
		Weight::zero()
	}
	fn leave() -> Weight {
		Weight::zero()
	}
	fn set_credit_limit() -> Weight {
		Weight::zero()
	}
	fn pay() -> Weight {
		Weight::zero()
	}
	fn issue_obligation() -> Weight {
		Weight::zero()
	}
	fn accept_obligation() -> Weight {
		Weight::zero()
	}
	fn settle_obligation() -> Weight {
		Weight::zero()
	}
	fn cancel_obligation() -> Weight {
		Weight::zero()
	}
	fn submit_clearing(_s: u32, _o: u32) -> Weight {
		Weight::zero()
	}
}
