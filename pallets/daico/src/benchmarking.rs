//! Benchmarks of every call, at the worst case of its bounds.

use super::*;
use crate::Pallet as Daico;
use alloc::vec::Vec;
use coop_primitives::{
	benchmarking::{assert_last_event, endow, unit},
	BenchmarkCoops,
};
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;
use sp_runtime::traits::{Saturating, Zero};

coop_primitives::benchmark_fixtures!(endowment: 10_000_000);

/// Raise parameters of `coop` for the benchmarks: a window from now for 10 blocks, every
/// milestone slot used, a hard cap of 1000 units per contributor slot; members only (the
/// costlier check) if asked, counting heads and capital where the co-op admits by vote, else
/// capital.
fn bench_params<T: Config>(
	coop: CoopId,
	beneficiary: T::AccountId,
	members_only: bool,
) -> RaiseParamsOf<T> {
	let u = unit::<T::Currency, T::AccountId>();
	let milestones: Vec<BalanceOf<T>> =
		(0..T::MaxMilestones::get()).map(|_| u.saturating_mul(10u32.into())).collect();
	// The window opens next block: the benchmark may run the call a block after the setup.
	let start = frame_system::Pallet::<T>::block_number().saturating_add(1u32.into());
	RaiseParams {
		beneficiary,
		soft_cap: u.saturating_mul(1_000u32.into()),
		hard_cap: u
			.saturating_mul(1_000u32.into())
			.saturating_mul(T::MaxContributors::get().into()),
		start,
		end: start.saturating_add(10u32.into()),
		min_contribution: u.saturating_mul(1_000u32.into()),
		max_contribution: u.saturating_mul(100_000u32.into()),
		contributors: if members_only { Contributors::MembersOnly } else { Contributors::Anyone },
		tap_rate: u,
		tap_ceiling: u.saturating_mul(1_000u32.into()),
		voting: if members_only && T::Coops::admits_by_vote(coop) {
			VotingMode::DoubleMajority
		} else {
			VotingMode::Capital
		},
		quorum: T::MinQuorum::get(),
		approval: Perbill::from_percent(50),
		voting_period: T::MinVotingPeriod::get(),
		milestones: BoundedVec::truncate_from(milestones),
	}
}

/// A raise open to anyone with `n` contributors of 1000 units each; returns it and them.
fn raise_with<T: Config>(n: u32) -> (RaiseId, Vec<T::AccountId>) {
	raise_for::<T>(n, false)
}

/// A raise with `n` contributors of 1000 units each (co-op members, if `members_only`).
fn raise_for<T: Config>(n: u32, members_only: bool) -> (RaiseId, Vec<T::AccountId>) {
	let coop = T::BenchmarkHelper::coop();
	endow::<T::Currency, _>(&T::Coops::treasury_account(coop), ENDOWMENT);
	let team: T::AccountId = account("team", 0, SEED);
	let raise = NextRaiseId::<T>::get();
	let origin = T::CoopOrigin::try_successful_origin(&coop).expect("the co-op can decide");
	let params = bench_params::<T>(coop, team, members_only);
	let start = params.start;
	Daico::<T>::create_raise(origin, coop, params).expect("valid raise");
	frame_system::Pallet::<T>::set_block_number(start);
	let mut all = Vec::new();
	for i in 0..n {
		let who: T::AccountId = account("contributor", i, SEED);
		endow::<T::Currency, _>(&who, ENDOWMENT);
		if members_only {
			T::BenchmarkHelper::add_member(coop, &who);
		}
		Daico::<T>::contribute(
			RawOrigin::Signed(who.clone()).into(),
			raise,
			unit::<T::Currency, T::AccountId>().saturating_mul(1_000u32.into()),
		)
		.expect("window open");
		all.push(who);
	}
	(raise, all)
}

/// Moves past the window and finalises the raise.
fn finalize_now<T: Config>(raise: RaiseId) {
	let end = Raises::<T>::get(raise).map(|r| r.params.end).unwrap_or_default();
	frame_system::Pallet::<T>::set_block_number(end.saturating_add(1u32.into()));
	let caller: T::AccountId = account("caller", 0, SEED);
	Daico::<T>::finalize(RawOrigin::Signed(caller).into(), raise).expect("window over");
}

/// A raise of `n` contributors that they voted to dissolve: refundable.
fn dissolved_raise<T: Config>(n: u32) -> (RaiseId, Vec<T::AccountId>) {
	let (raise, contributors) = raise_with::<T>(n);
	finalize_now::<T>(raise);
	dissolve_votes::<T>(raise, &contributors);
	let ends = Motions::<T>::get(raise, ProposalKind::Dissolve).map(|m| m.ends).unwrap_or_default();
	frame_system::Pallet::<T>::set_block_number(ends);
	let caller: T::AccountId = whitelisted_caller();
	Daico::<T>::close_motion(RawOrigin::Signed(caller).into(), raise, ProposalKind::Dissolve)
		.expect("voting over");
	(raise, contributors)
}

/// Opens a dissolve motion and has `voters` vote aye on it.
fn dissolve_votes<T: Config>(raise: RaiseId, voters: &[T::AccountId]) {
	Daico::<T>::propose(RawOrigin::Signed(voters[0].clone()).into(), raise, Proposal::Dissolve)
		.expect("contributor");
	for v in voters {
		Daico::<T>::vote(RawOrigin::Signed(v.clone()).into(), raise, ProposalKind::Dissolve, true)
			.expect("contributor");
	}
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_raise() -> Result<(), BenchmarkError> {
		let (coop, origin) = coop_deciding::<T>()?;
		let params = bench_params::<T>(coop, account("team", 0, SEED), true);
		let raise = NextRaiseId::<T>::get();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, coop, params);

		assert_last_event::<T>(Event::RaiseCreated {
			raise,
			coop,
			escrow: Daico::<T>::escrow(raise),
		});
		Ok(())
	}

	/// A new contributor to a members-only raise.
	#[benchmark]
	fn contribute() {
		let (raise, _) = raise_for::<T>(1, true);
		let who: T::AccountId = whitelisted_caller();
		endow::<T::Currency, _>(&who, ENDOWMENT);
		let coop = Raises::<T>::get(raise).map(|r| r.coop).unwrap_or_default();
		T::BenchmarkHelper::add_member(coop, &who);
		let amount = unit::<T::Currency, T::AccountId>().saturating_mul(1_000u32.into());

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), raise, amount);

		assert!(Contributions::<T>::contains_key(raise, &who));
	}

	/// A failed raise nobody contributed to: its seed goes back in the same call.
	#[benchmark]
	fn finalize() {
		let (raise, _) = raise_with::<T>(0);
		let end = Raises::<T>::get(raise).map(|r| r.params.end).unwrap_or_default();
		frame_system::Pallet::<T>::set_block_number(end.saturating_add(1u32.into()));
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), raise);

		assert!(Raises::<T>::get(raise).is_some_and(|r| r.state == RaiseState::Failed));
	}

	#[benchmark]
	fn draw_tap() {
		let (raise, _) = raise_with::<T>(2);
		finalize_now::<T>(raise);
		let now = frame_system::Pallet::<T>::block_number();
		frame_system::Pallet::<T>::set_block_number(now.saturating_add(5u32.into()));
		let team: T::AccountId = account("team", 0, SEED);

		#[extrinsic_call]
		_(RawOrigin::Signed(team), raise);

		assert!(Raises::<T>::get(raise).is_some_and(|r| !r.tapped.is_zero()));
	}

	#[benchmark]
	fn lower_tap() {
		let (raise, _) = raise_with::<T>(2);
		finalize_now::<T>(raise);
		let team: T::AccountId = account("team", 0, SEED);
		let half = unit::<T::Currency, T::AccountId>() / 2u32.into();
		let rate = if half.is_zero() { unit::<T::Currency, T::AccountId>() } else { half };
		// A unit tap cannot be lowered below one; raise it in storage first.
		Raises::<T>::mutate(raise, |r| {
			if let Some(r) = r {
				r.tap_rate = unit::<T::Currency, T::AccountId>().saturating_mul(2u32.into());
			}
		});

		#[extrinsic_call]
		_(RawOrigin::Signed(team), raise, rate);

		assert!(Raises::<T>::get(raise).is_some_and(|r| r.tap_rate == rate));
	}

	#[benchmark]
	fn propose() {
		let (raise, contributors) = raise_with::<T>(2);
		finalize_now::<T>(raise);
		let new_rate = unit::<T::Currency, T::AccountId>().saturating_mul(2u32.into());

		#[extrinsic_call]
		_(RawOrigin::Signed(contributors[0].clone()), raise, Proposal::RaiseTap { new_rate });

		assert!(Motions::<T>::contains_key(raise, ProposalKind::RaiseTap));
	}

	/// A dissolve vote that reaches the pre-quorum and freezes the tap.
	#[benchmark]
	fn vote() {
		let n = T::MinVoters::get().max(2);
		let (raise, contributors) = raise_with::<T>(n);
		finalize_now::<T>(raise);
		Daico::<T>::propose(
			RawOrigin::Signed(contributors[0].clone()).into(),
			raise,
			Proposal::Dissolve,
		)
		.expect("contributor");
		let voter = contributors[1].clone();
		// Everyone but the last voter makes the pre-quorum just out of reach.
		let pre = T::PreQuorum::get();
		let quorum = Raises::<T>::get(raise).map(|r| r.params.quorum).unwrap_or_default();
		let needed = pre.mul_ceil(quorum.mul_ceil(n)).max(1);
		for v in contributors.iter().skip(2).take(needed.saturating_sub(1) as usize) {
			Daico::<T>::vote(
				RawOrigin::Signed(v.clone()).into(),
				raise,
				ProposalKind::Dissolve,
				true,
			)
			.expect("contributor");
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(voter.clone()), raise, ProposalKind::Dissolve, true);

		assert_eq!(Votes::<T>::get((raise, ProposalKind::Dissolve), &voter), Some(true));
	}

	/// A dissolve that passes with `v` votes to clear.
	#[benchmark]
	fn close_motion(v: Linear<1, { T::MaxContributors::get() }>) {
		let (raise, contributors) = raise_with::<T>(v);
		finalize_now::<T>(raise);
		dissolve_votes::<T>(raise, &contributors);
		let ends =
			Motions::<T>::get(raise, ProposalKind::Dissolve).map(|m| m.ends).unwrap_or_default();
		frame_system::Pallet::<T>::set_block_number(ends);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), raise, ProposalKind::Dissolve);

		assert!(Raises::<T>::get(raise).is_some_and(|r| r.state == RaiseState::Dissolved));
	}

	/// The last refund of a dissolved raise: remainder and seed go out too.
	#[benchmark]
	fn claim_refund() {
		let n = T::MinVoters::get().max(3);
		let (raise, contributors) = dissolved_raise::<T>(n);
		let caller: T::AccountId = whitelisted_caller();
		let last = contributors[contributors.len() - 1].clone();
		for who in contributors.iter().take(contributors.len() - 1) {
			Daico::<T>::claim_refund(RawOrigin::Signed(caller.clone()).into(), raise, who.clone())
				.expect("refundable");
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), raise, last);

		assert!(Raises::<T>::get(raise).is_some_and(|r| r.seed.is_zero()));
	}

	/// Pruning a dissolved raise whose `c` contributors were all refunded.
	#[benchmark]
	fn prune_raise(c: Linear<1, { T::MaxContributors::get() }>) {
		let (raise, contributors) = dissolved_raise::<T>(c);
		let caller: T::AccountId = whitelisted_caller();
		for who in contributors {
			Daico::<T>::claim_refund(RawOrigin::Signed(caller.clone()).into(), raise, who)
				.expect("refundable");
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), raise);

		assert!(!Raises::<T>::contains_key(raise));
	}

	impl_benchmark_test_suite!(
		Daico,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
