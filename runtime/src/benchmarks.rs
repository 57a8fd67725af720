//! The pallets whose benchmarks the `benchmark pallet` command runs.

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_utility, Utility]
	[pallet_coop_membership, CoopMembership]
	[pallet_daico, Daico]
	[pallet_patronage, Patronage]
	[pallet_circular_credit, CircularCredit]
	[pallet_coop_validators, CoopValidators]
	[pallet_federation, Federation]
	[pallet_scheduler, Scheduler]
	[pallet_preimage, Preimage]
);
