//! Weights for `pallet_coop_validators`.
//!
//! PLACEHOLDER, NOT GENERATED: this pallet is not in the runtime yet, so `coopchain-node
//! benchmark pallet` cannot measure it. These are estimates from the storage each call touches
//! (reads/writes as below, 25 µs of execution each); `scripts/bench.sh pallet-coop-validators`
//! replaces this file once the pallet is wired in.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_coop_validators`.
pub trait WeightInfo {
	fn register_validator() -> Weight;
	fn approve_validator() -> Weight;
	fn retire_validator() -> Weight;
	fn remove_validator() -> Weight;
}

/// Weights for `pallet_coop_validators` using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn register_validator() -> Weight {
		Weight::from_parts(25_000_000, 3_600)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	fn approve_validator() -> Weight {
		Weight::from_parts(25_000_000, 6_000)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	fn retire_validator() -> Weight {
		Weight::from_parts(25_000_000, 6_000)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	fn remove_validator() -> Weight {
		Weight::from_parts(25_000_000, 6_000)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(3))
	}
}

// For tests.
impl WeightInfo for () {
	fn register_validator() -> Weight {
		Weight::from_parts(25_000_000, 3_600)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn approve_validator() -> Weight {
		Weight::from_parts(25_000_000, 6_000)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn retire_validator() -> Weight {
		Weight::from_parts(25_000_000, 6_000)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn remove_validator() -> Weight {
		Weight::from_parts(25_000_000, 6_000)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
}
