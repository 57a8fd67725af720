//! Weights for pallet_daico.
//!
//! PROVISIONAL: hand-estimated until `scripts/bench.sh` regenerates this file from the
//! benchmarks on the reference machine.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// The weight functions of `pallet_daico`.
pub trait WeightInfo {
	fn create_raise() -> Weight;
	fn contribute() -> Weight;
	fn finalize() -> Weight;
	fn withdraw() -> Weight;
	fn lower_tap() -> Weight;
	fn propose() -> Weight;
	fn vote() -> Weight;
	fn close_proposal(v: u32, ) -> Weight;
	fn claim_refund() -> Weight;
}

/// Weights measured on the reference machine, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn create_raise() -> Weight { Weight::from_parts(80_000_000, 6000).saturating_add(T::DbWeight::get().reads_writes(4, 4)) }
	fn contribute() -> Weight { Weight::from_parts(80_000_000, 6000).saturating_add(T::DbWeight::get().reads_writes(5, 4)) }
	fn finalize() -> Weight { Weight::from_parts(60_000_000, 6000).saturating_add(T::DbWeight::get().reads_writes(3, 3)) }
	fn withdraw() -> Weight { Weight::from_parts(60_000_000, 6000).saturating_add(T::DbWeight::get().reads_writes(3, 3)) }
	fn lower_tap() -> Weight { Weight::from_parts(30_000_000, 4000).saturating_add(T::DbWeight::get().reads_writes(1, 1)) }
	fn propose() -> Weight { Weight::from_parts(40_000_000, 4000).saturating_add(T::DbWeight::get().reads_writes(3, 1)) }
	fn vote() -> Weight { Weight::from_parts(50_000_000, 4000).saturating_add(T::DbWeight::get().reads_writes(4, 3)) }
	fn close_proposal(v: u32, ) -> Weight { Weight::from_parts(60_000_000, 6000).saturating_add(Weight::from_parts(3_000_000, 0).saturating_mul(v.into())).saturating_add(T::DbWeight::get().reads_writes(3, 3)).saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(v.into()))) }
	fn claim_refund() -> Weight { Weight::from_parts(90_000_000, 6000).saturating_add(T::DbWeight::get().reads_writes(5, 5)) }
}

/// The same weights with ParityDB's database weights, for tests and mocks.
impl WeightInfo for () {
	fn create_raise() -> Weight { Weight::from_parts(80_000_000, 6000).saturating_add(ParityDbWeight::get().reads_writes(4, 4)) }
	fn contribute() -> Weight { Weight::from_parts(80_000_000, 6000).saturating_add(ParityDbWeight::get().reads_writes(5, 4)) }
	fn finalize() -> Weight { Weight::from_parts(60_000_000, 6000).saturating_add(ParityDbWeight::get().reads_writes(3, 3)) }
	fn withdraw() -> Weight { Weight::from_parts(60_000_000, 6000).saturating_add(ParityDbWeight::get().reads_writes(3, 3)) }
	fn lower_tap() -> Weight { Weight::from_parts(30_000_000, 4000).saturating_add(ParityDbWeight::get().reads_writes(1, 1)) }
	fn propose() -> Weight { Weight::from_parts(40_000_000, 4000).saturating_add(ParityDbWeight::get().reads_writes(3, 1)) }
	fn vote() -> Weight { Weight::from_parts(50_000_000, 4000).saturating_add(ParityDbWeight::get().reads_writes(4, 3)) }
	fn close_proposal(v: u32, ) -> Weight { Weight::from_parts(60_000_000 + 3_000_000 * v as u64, 6000).saturating_add(ParityDbWeight::get().reads_writes(3, 3 + v as u64)) }
	fn claim_refund() -> Weight { Weight::from_parts(90_000_000, 6000).saturating_add(ParityDbWeight::get().reads_writes(5, 5)) }
}
