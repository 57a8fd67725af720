//! Benchmarks of every call, at the worst case of its bounds.

use super::*;
use crate::Pallet as Membership;
use alloc::vec;
use coop_primitives::benchmarking::assert_last_event;
use frame_benchmarking::v2::*;
use frame_support::traits::fungible::{Inspect as _, Mutate as _};
use frame_system::RawOrigin;

const SEED: u32 = 0;

/// A generous balance for an account in the benchmarks.
fn endow<T: Config>(who: &T::AccountId) {
	let amount = T::Currency::minimum_balance()
		.saturating_mul(1_000_000u32.into())
		.saturating_add(T::CoopDeposit::get())
		.saturating_add(T::MotionDeposit::get().saturating_mul(100u32.into()));
	T::Currency::set_balance(who, amount);
}

/// Bylaws at the worst case: as many classes as allowed (up to the six kinds).
fn bench_bylaws<T: Config>(admission: AdmissionMode) -> BylawsOf<T> {
	let kinds = [
		ClassKind::Worker,
		ClassKind::Consumer,
		ClassKind::Producer,
		ClassKind::Supporter,
		ClassKind::Cooperative,
		ClassKind::Investor,
	];
	let n = (T::MaxClasses::get() as usize).min(kinds.len());
	let classes: Vec<MemberClass> =
		kinds.iter().take(n).map(|kind| MemberClass { kind: *kind, votes: true }).collect();
	Bylaws {
		share_price: T::Currency::minimum_balance().saturating_mul(10u32.into()),
		admission,
		classes: BoundedVec::truncate_from(classes),
		investor_vote_cap: Perbill::from_percent(50),
		// No quorum, so that a single vote decides: the benchmarks choose the vote count.
		quorum: Perbill::zero(),
		approval: Perbill::from_percent(50),
		voting_period: T::MinVotingPeriod::get(),
		withdrawal_notice: Zero::zero(),
		max_members: T::MaxMembers::get(),
		special_quorum: Perbill::zero(),
		special_approval: crate::SPECIAL_APPROVAL_FLOOR,
		deliberation: T::MinDeliberation::get(),
	}
}

/// A co-op founded by a funded account, with `members` members in all (founder included),
/// each of whom paid the share into the treasury. Returns the co-op and its members.
fn coop_with<T: Config>(members: u32, admission: AdmissionMode) -> (CoopId, Vec<T::AccountId>) {
	coop_with_founder::<T>(members, admission, "member")
}

/// As [`coop_with`], its members named `name` 0, 1, ….
fn coop_with_founder<T: Config>(
	members: u32,
	admission: AdmissionMode,
	name: &'static str,
) -> (CoopId, Vec<T::AccountId>) {
	let founder: T::AccountId = account(name, 0, SEED);
	endow::<T>(&founder);
	if NextCoopId::<T>::get() == coop_primitives::FEDERATION {
		// Co-op 0 is the federation, which only co-ops join: benchmark another co-op.
		Membership::<T>::create_coop(
			RawOrigin::Signed(founder.clone()).into(),
			b"federation".to_vec(),
			bench_bylaws::<T>(AdmissionMode::ByVote),
		)
		.expect("founding works");
	}
	let coop = NextCoopId::<T>::get();
	Membership::<T>::create_coop(
		RawOrigin::Signed(founder.clone()).into(),
		vec![b'c'; T::MaxNameLen::get() as usize],
		bench_bylaws::<T>(admission),
	)
	.expect("founding works");
	let mut info = Coops::<T>::get(coop).expect("just created");
	let share = info.bylaws.share_price;
	let mut all = vec![founder];
	for i in 1..members {
		let who: T::AccountId = account(name, i, SEED);
		endow::<T>(&who);
		T::Currency::transfer(
			&who,
			&Membership::<T>::treasury(coop),
			share,
			Preservation::Preserve,
		)
		.expect("funded");
		Membership::<T>::insert_member(coop, &mut info, &who, 0, share).expect("room");
		all.push(who);
	}
	Coops::<T>::insert(coop, info);
	(coop, all)
}

/// Opens a role motion in `coop` proposed by `proposer`; returns its index.
fn open_role_motion<T: Config>(coop: CoopId, proposer: &T::AccountId, i: u32) -> MotionIndex {
	let holder: T::AccountId = account("holder", i, SEED);
	Membership::<T>::propose(
		RawOrigin::Signed(proposer.clone()).into(),
		coop,
		Box::new(Proposal::GrantRole { who: holder, role: CoopRole::Operator }),
	)
	.expect("room for the motion");
	Coops::<T>::get(coop).map(|c| c.next_motion.saturating_sub(1)).unwrap_or_default()
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_coop() {
		let founder: T::AccountId = whitelisted_caller();
		endow::<T>(&founder);
		let name = vec![b'c'; T::MaxNameLen::get() as usize];
		let bylaws = bench_bylaws::<T>(AdmissionMode::ByVote);
		let coop = NextCoopId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(founder.clone()), name, bylaws);

		let share = bench_bylaws::<T>(AdmissionMode::ByVote).share_price;
		assert_last_event::<T>(Event::MemberAdmitted {
			coop,
			member: founder,
			class: 0,
			share_capital: share,
		});
	}

	#[benchmark]
	fn apply_open() {
		let (coop, _) = coop_with::<T>(T::MaxMembers::get().saturating_sub(1), AdmissionMode::Open);
		let applicant: T::AccountId = whitelisted_caller();
		endow::<T>(&applicant);

		#[extrinsic_call]
		apply(RawOrigin::Signed(applicant.clone()), coop, 0);

		assert!(Members::<T>::contains_key(coop, &applicant));
	}

	#[benchmark]
	fn apply_by_vote() {
		let (coop, members) = coop_with::<T>(2, AdmissionMode::ByVote);
		for i in 0..T::MaxOpenMotions::get().saturating_sub(1) {
			open_role_motion::<T>(coop, &members[0], i);
		}
		let applicant: T::AccountId = whitelisted_caller();
		endow::<T>(&applicant);

		#[extrinsic_call]
		apply(RawOrigin::Signed(applicant.clone()), coop, 0);

		assert!(Applications::<T>::contains_key(coop, &applicant));
	}

	/// Worst case: the leaver voted in every open motion.
	#[benchmark]
	fn leave() {
		let (coop, members) = coop_with::<T>(3, AdmissionMode::Open);
		let leaver = members[1].clone();
		for i in 0..T::MaxOpenMotions::get() {
			let m = open_role_motion::<T>(coop, &members[0], i);
			Membership::<T>::vote(RawOrigin::Signed(leaver.clone()).into(), coop, m, true)
				.expect("eligible");
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(leaver.clone()), coop);

		assert!(!Members::<T>::contains_key(coop, &leaver));
		assert!(Redemptions::<T>::contains_key(coop, &leaver));
	}

	#[benchmark]
	fn redeem_share() {
		let (coop, members) = coop_with::<T>(2, AdmissionMode::Open);
		let leaver = members[1].clone();
		Membership::<T>::leave(RawOrigin::Signed(leaver.clone()).into(), coop).expect("member");
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), coop, leaver.clone());

		assert!(!Redemptions::<T>::contains_key(coop, &leaver));
	}

	#[benchmark]
	fn pay_redemption_queue(n: Linear<0, { T::MaxPendingRedemptions::get() }>) {
		let (coop, members) = coop_with::<T>(n.saturating_add(1), AdmissionMode::Open);
		let treasury = Membership::<T>::treasury(coop);
		let funds = T::Currency::balance(&treasury);
		// Empty the treasury so that every redemption queues.
		T::Currency::set_balance(&treasury, Zero::zero());
		for who in members.iter().skip(1) {
			Membership::<T>::leave(RawOrigin::Signed(who.clone()).into(), coop).expect("member");
			Membership::<T>::redeem_share(RawOrigin::Signed(who.clone()).into(), coop, who.clone())
				.expect("queued");
		}
		assert_eq!(RedemptionQueue::<T>::get(coop).len() as u32, n);
		T::Currency::set_balance(&treasury, funds);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), coop);

		assert!(RedemptionQueue::<T>::get(coop).is_empty());
	}

	/// Worst case: a dispatch motion with the longest call.
	#[benchmark]
	fn propose() {
		let (coop, members) = coop_with::<T>(2, AdmissionMode::Open);
		for i in 0..T::MaxOpenMotions::get().saturating_sub(1) {
			open_role_motion::<T>(coop, &members[0], i);
		}
		let remark = vec![0u8; T::MaxCallLen::get().saturating_sub(8) as usize];
		let call: <T as Config>::RuntimeCall = frame_system::Call::<T>::remark { remark }.into();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(members[0].clone()),
			coop,
			Box::new(Proposal::Dispatch { call: Box::new(call) }),
		);

		assert_eq!(Coops::<T>::get(coop).map(|c| c.open_motions), Some(T::MaxOpenMotions::get()));
	}

	/// Worst case: changing an earlier vote.
	#[benchmark]
	fn vote() {
		let (coop, members) = coop_with::<T>(3, AdmissionMode::Open);
		let m = open_role_motion::<T>(coop, &members[0], 0);
		let voter = members[1].clone();
		Membership::<T>::vote(RawOrigin::Signed(voter.clone()).into(), coop, m, false)
			.expect("eligible");

		#[extrinsic_call]
		_(RawOrigin::Signed(voter.clone()), coop, m, true);

		assert_eq!(Votes::<T>::get((coop, m), &voter), Some(true));
	}

	/// Naming a delegate (insert: the worst case).
	#[benchmark]
	fn set_delegate() -> Result<(), BenchmarkError> {
		let origin = T::CoopAccountOrigin::try_successful_origin()
			.map_err(|_| BenchmarkError::Weightless)?;
		let coop = T::CoopAccountOrigin::try_origin(origin.clone())
			.map_err(|_| BenchmarkError::Weightless)?;
		if !Coops::<T>::contains_key(coop) {
			return Err(BenchmarkError::Stop("the benchmark origin's co-op exists"));
		}
		let delegate: T::AccountId = account("delegate", 0, SEED);

		#[extrinsic_call]
		_(origin as <T as frame_system::Config>::RuntimeOrigin, Some(delegate.clone()), true);

		assert_last_event::<T>(Event::DelegateSet {
			coop,
			delegate: Some(delegate),
			ordinary_only: true,
		});
		Ok(())
	}

	/// A delegate's vote for a member co-op (a first vote; changing one weighs the same).
	#[benchmark]
	fn vote_as_delegate() {
		let (assembly, members) = coop_with::<T>(2, AdmissionMode::Open);
		let (member_coop, _) = coop_with_founder::<T>(1, AdmissionMode::Open, "member-coop");
		let treasury = Membership::<T>::treasury(member_coop);
		Membership::<T>::benchmark_add_member(assembly, &treasury, 0).expect("joins");
		let delegate: T::AccountId = account("delegate", 0, SEED);
		Membership::<T>::do_set_delegate(member_coop, Some(delegate.clone()), true).expect("named");
		let m = open_role_motion::<T>(assembly, &members[0], 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(delegate.clone()), assembly, m, member_coop, true);

		assert_eq!(Votes::<T>::get((assembly, m), &treasury), Some(true));
	}

	/// `close_motion`: an expulsion with `v` votes to clear, of a member who voted in `m` other
	/// open motions (named `close` for its weight function).
	#[benchmark]
	fn close(
		v: Linear<1, { T::MaxMembers::get().saturating_sub(1) }>,
		m: Linear<0, { T::MaxOpenMotions::get().saturating_sub(1) }>,
	) {
		let (coop, members) = coop_with::<T>(T::MaxMembers::get(), AdmissionMode::Open);
		let accused = members[T::MaxMembers::get().saturating_sub(1) as usize].clone();
		for i in 0..m {
			let other = open_role_motion::<T>(coop, &members[0], i);
			Membership::<T>::vote(RawOrigin::Signed(accused.clone()).into(), coop, other, true)
				.expect("eligible");
		}
		Membership::<T>::propose(
			RawOrigin::Signed(members[0].clone()).into(),
			coop,
			Box::new(Proposal::Expel { member: accused.clone() }),
		)
		.expect("room");
		let motion = Coops::<T>::get(coop).map(|c| c.next_motion.saturating_sub(1)).unwrap_or(0);
		for voter in members.iter().take(v as usize) {
			Membership::<T>::vote(RawOrigin::Signed(voter.clone()).into(), coop, motion, true)
				.expect("eligible");
		}
		let ends = Motions::<T>::get(coop, motion).map(|x| x.voting_ends).unwrap_or_default();
		frame_system::Pallet::<T>::set_block_number(ends);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		close_motion(RawOrigin::Signed(caller), coop, motion, Weight::zero());

		assert!(!Members::<T>::contains_key(coop, &accused));
	}

	#[benchmark]
	fn defend() {
		let (coop, members) = coop_with::<T>(2, AdmissionMode::Open);
		Membership::<T>::propose(
			RawOrigin::Signed(members[0].clone()).into(),
			coop,
			Box::new(Proposal::Expel { member: members[1].clone() }),
		)
		.expect("room");
		let statement = vec![b's'; T::MaxStatementLen::get() as usize];

		#[extrinsic_call]
		_(RawOrigin::Signed(members[1].clone()), coop, 0, statement);

		assert!(Motions::<T>::get(coop, 0).is_some_and(|x| x.defended));
	}

	#[benchmark]
	fn dissolve_coop(m: Linear<1, { T::MaxMembers::get() }>) -> Result<(), BenchmarkError> {
		// Co-op 0 is the federation, which cannot dissolve: found a throwaway one first.
		if NextCoopId::<T>::get() == 0 {
			coop_with::<T>(1, AdmissionMode::Open);
		}
		let (coop, _) = coop_with::<T>(m, AdmissionMode::Open);
		let origin =
			T::CoopOrigin::try_successful_origin(&coop).map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as <T as frame_system::Config>::RuntimeOrigin, coop);

		assert_last_event::<T>(Event::CoopDissolved { coop, members: m });
		Ok(())
	}

	/// A dissolved co-op of two, its shares redeemed, passes on what is left.
	#[benchmark]
	fn transfer_dissolved_assets() -> Result<(), BenchmarkError> {
		if NextCoopId::<T>::get() == 0 {
			coop_with::<T>(1, AdmissionMode::Open);
		}
		let (coop, members) = coop_with::<T>(2, AdmissionMode::Open);
		let origin =
			T::CoopOrigin::try_successful_origin(&coop).map_err(|_| BenchmarkError::Weightless)?;
		Membership::<T>::dissolve_coop(origin, coop).map_err(|_| BenchmarkError::Weightless)?;
		let caller: T::AccountId = whitelisted_caller();
		for member in members {
			Membership::<T>::redeem_share(RawOrigin::Signed(caller.clone()).into(), coop, member)
				.expect("due at dissolution");
		}
		endow::<T>(&Membership::<T>::treasury(coop));

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), coop);

		assert!(T::Currency::balance(&Membership::<T>::treasury(coop)).is_zero());
		Ok(())
	}

	impl_benchmark_test_suite!(
		Membership,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
