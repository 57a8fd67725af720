//! Weights for pallet_coop_membership.
//!
//! PROVISIONAL: hand-estimated until `scripts/bench.sh` regenerates this file from the
//! benchmarks on the reference machine.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for pallet_coop_membership.
pub trait WeightInfo {
	fn create_coop() -> Weight;
	fn apply_open() -> Weight;
	fn apply_by_vote() -> Weight;
	fn withdraw() -> Weight;
	fn redeem_share() -> Weight;
	fn pay_redemption_queue(n: u32, ) -> Weight;
	fn propose() -> Weight;
	fn vote() -> Weight;
	fn close(v: u32, m: u32, ) -> Weight;
	fn defend() -> Weight;
	fn dissolve_coop(m: u32, ) -> Weight;
}

/// Weights for pallet_coop_membership using the Substrate node and recommended hardware.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn create_coop() -> Weight {
		Weight::from_parts(100_000_000, 4000)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	fn apply_open() -> Weight {
		Weight::from_parts(80_000_000, 4000)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn apply_by_vote() -> Weight {
		Weight::from_parts(90_000_000, 4000)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn withdraw() -> Weight {
		Weight::from_parts(300_000_000, 40000)
			.saturating_add(T::DbWeight::get().reads(40_u64))
			.saturating_add(T::DbWeight::get().writes(40_u64))
	}
	fn redeem_share() -> Weight {
		Weight::from_parts(80_000_000, 4000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn pay_redemption_queue(n: u32, ) -> Weight {
		Weight::from_parts(30_000_000, 4000)
			.saturating_add(Weight::from_parts(60_000_000, 3000).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(n.into())))
	}
	fn propose() -> Weight {
		Weight::from_parts(80_000_000, 4000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn vote() -> Weight {
		Weight::from_parts(50_000_000, 4000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn close(v: u32, m: u32, ) -> Weight {
		Weight::from_parts(150_000_000, 8000)
			.saturating_add(Weight::from_parts(2_000_000, 0).saturating_mul(v.into()))
			.saturating_add(Weight::from_parts(20_000_000, 3000).saturating_mul(m.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(m.into())))
			.saturating_add(T::DbWeight::get().writes(8_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(v.into())))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(m.into())))
	}
	fn defend() -> Weight {
		Weight::from_parts(40_000_000, 4000)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn dissolve_coop(m: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 4000)
			.saturating_add(Weight::from_parts(30_000_000, 3000).saturating_mul(m.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(m.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(m.into())))
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	fn create_coop() -> Weight { Weight::from_parts(100_000_000, 4000) }
	fn apply_open() -> Weight { Weight::from_parts(80_000_000, 4000) }
	fn apply_by_vote() -> Weight { Weight::from_parts(90_000_000, 4000) }
	fn withdraw() -> Weight { Weight::from_parts(300_000_000, 40000) }
	fn redeem_share() -> Weight { Weight::from_parts(80_000_000, 4000) }
	fn pay_redemption_queue(n: u32, ) -> Weight { Weight::from_parts(30_000_000 + 60_000_000 * n as u64, 4000) }
	fn propose() -> Weight { Weight::from_parts(80_000_000, 4000) }
	fn vote() -> Weight { Weight::from_parts(50_000_000, 4000) }
	fn close(v: u32, m: u32, ) -> Weight { Weight::from_parts(150_000_000 + 2_000_000 * v as u64 + 20_000_000 * m as u64, 8000) }
	fn defend() -> Weight { Weight::from_parts(40_000_000, 4000) }
	fn dissolve_coop(m: u32, ) -> Weight { Weight::from_parts(100_000_000 + 30_000_000 * m as u64, 4000) }
}
