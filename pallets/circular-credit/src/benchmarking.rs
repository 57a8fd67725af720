//! Benchmarks of every call, at the worst case of its bounds.

use super::*;
use crate::Pallet as CircularCredit;
use alloc::vec::Vec;
use coop_primitives::{benchmarking::assert_last_event, BenchmarkCoops};
use frame_benchmarking::v2::*;
use frame_support::traits::fungible::{Inspect, Mutate};
use frame_system::RawOrigin;
use sp_runtime::Saturating;

const SEED: u32 = 0;

/// A co-op with an open circle that requires maximal clearing; returns it.
fn circle<T: Config>() -> CircleId {
	let coop = T::BenchmarkHelper::coop();
	let origin = T::CoopOrigin::try_successful_origin(&coop).expect("the co-op can decide");
	CircularCredit::<T>::open_circle(origin, coop, true).expect("opens");
	coop
}

/// Member `i` of the circle, joined, with the highest credit limit and the funds for as many
/// obligation deposits as it may have waiting.
fn participant<T: Config>(circle: CircleId, i: u32) -> T::AccountId {
	let who: T::AccountId = account("participant", i, SEED);
	T::BenchmarkHelper::add_member(circle, &who);
	let deposits = BalanceOf::<T>::from(T::MaxPendingPerIssuer::get().saturating_add(1));
	T::Currency::set_balance(
		&who,
		T::Currency::minimum_balance()
			.saturating_add(T::ObligationDeposit::get().saturating_mul(deposits)),
	);
	CircularCredit::<T>::join(RawOrigin::Signed(who.clone()).into(), circle).expect("joins");
	let origin = T::CoopOrigin::try_successful_origin(&circle).expect("the co-op can decide");
	CircularCredit::<T>::set_credit_limit(
		origin,
		circle,
		who.clone(),
		T::MaxCreditLimit::get(),
		None,
	)
	.expect("a limit");
	who
}

/// `creditor` issues an obligation of `amount` on `debtor`, who accepts it; returns its id.
fn owe<T: Config>(
	circle: CircleId,
	debtor: &T::AccountId,
	creditor: &T::AccountId,
	amount: Credit,
) -> ObligationId {
	let id = Circles::<T>::get(circle).map(|c| c.next_obligation).unwrap_or_default();
	CircularCredit::<T>::issue_obligation(
		RawOrigin::Signed(creditor.clone()).into(),
		circle,
		debtor.clone(),
		amount,
		100u32.into(),
	)
	.expect("issued");
	CircularCredit::<T>::accept_obligation(RawOrigin::Signed(debtor.clone()).into(), circle, id)
		.expect("accepted");
	id
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn open_circle() -> Result<(), BenchmarkError> {
		let coop = T::BenchmarkHelper::coop();
		let origin =
			T::CoopOrigin::try_successful_origin(&coop).map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, coop, true);

		assert_last_event::<T>(Event::CircleOpened { circle: coop, require_maximal: true });
		Ok(())
	}

	#[benchmark]
	fn join() {
		let circle = circle::<T>();
		let who: T::AccountId = account("participant", 0, SEED);
		T::BenchmarkHelper::add_member(circle, &who);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), circle);

		assert_last_event::<T>(Event::Joined { circle, who, index: 0 });
	}

	#[benchmark]
	fn leave() {
		let circle = circle::<T>();
		let who = participant::<T>(circle, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), circle);

		assert_last_event::<T>(Event::Left { circle, who });
	}

	#[benchmark]
	fn set_credit_limit() -> Result<(), BenchmarkError> {
		let circle = circle::<T>();
		let who = participant::<T>(circle, 0);
		let origin = T::CoopOrigin::try_successful_origin(&circle)
			.map_err(|_| BenchmarkError::Weightless)?;
		let limit = T::MaxCreditLimit::get();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, circle, who.clone(), limit, Some(limit));

		assert_last_event::<T>(Event::CreditLimitSet {
			circle,
			who,
			credit_limit: limit,
			ceiling: Some(limit),
		});
		Ok(())
	}

	#[benchmark]
	fn pay() {
		let circle = circle::<T>();
		let from = participant::<T>(circle, 0);
		let to = participant::<T>(circle, 1);
		let memo = BoundedVec::truncate_from(alloc::vec![b'm'; T::MaxMemoLen::get() as usize]);

		#[extrinsic_call]
		_(RawOrigin::Signed(from.clone()), circle, to.clone(), 100, memo.clone());

		assert_last_event::<T>(Event::Paid { circle, from, to, amount: 100, memo });
	}

	#[benchmark]
	fn issue_obligation() {
		let circle = circle::<T>();
		let debtor = participant::<T>(circle, 0);
		let creditor = participant::<T>(circle, 1);

		#[extrinsic_call]
		_(RawOrigin::Signed(creditor.clone()), circle, debtor.clone(), 100, 100u32.into());

		assert_last_event::<T>(Event::ObligationIssued {
			circle,
			id: 0,
			debtor,
			creditor,
			amount: 100,
			due: 100u32.into(),
		});
	}

	#[benchmark]
	fn accept_obligation() {
		let circle = circle::<T>();
		let debtor = participant::<T>(circle, 0);
		let creditor = participant::<T>(circle, 1);
		CircularCredit::<T>::issue_obligation(
			RawOrigin::Signed(creditor).into(),
			circle,
			debtor.clone(),
			100,
			100u32.into(),
		)
		.expect("issued");

		#[extrinsic_call]
		_(RawOrigin::Signed(debtor), circle, 0);

		assert_last_event::<T>(Event::ObligationAccepted { circle, id: 0 });
	}

	/// Settling in full: the payment, and the obligation closes.
	#[benchmark]
	fn settle_obligation() {
		let circle = circle::<T>();
		let debtor = participant::<T>(circle, 0);
		let creditor = participant::<T>(circle, 1);
		let id = owe::<T>(circle, &debtor, &creditor, 100);

		#[extrinsic_call]
		_(RawOrigin::Signed(debtor), circle, id, 100);

		assert_last_event::<T>(Event::ObligationSettled {
			circle,
			id,
			amount: 100,
			outstanding: 0,
		});
	}

	/// Cancelling an obligation its debtor has not accepted: the longer path (a miss on the
	/// accepted obligations, the waiting one, the creditor's count and the deposit's release).
	/// Cancelling an accepted one reads and writes fewer items (the obligation, its parties,
	/// the circle).
	#[benchmark]
	fn cancel_obligation() {
		let circle = circle::<T>();
		let debtor = participant::<T>(circle, 0);
		let creditor = participant::<T>(circle, 1);
		let id = Circles::<T>::get(circle).map(|c| c.next_obligation).unwrap_or_default();
		CircularCredit::<T>::issue_obligation(
			RawOrigin::Signed(creditor.clone()).into(),
			circle,
			debtor,
			100,
			100u32.into(),
		)
		.expect("issued");

		#[extrinsic_call]
		_(RawOrigin::Signed(creditor), circle, id);

		assert_last_event::<T>(Event::ObligationCancelled { circle, id });
	}

	/// Rejecting an obligation that waits for its debtor.
	#[benchmark]
	fn reject_obligation() {
		let circle = circle::<T>();
		let debtor = participant::<T>(circle, 0);
		let creditor = participant::<T>(circle, 1);
		CircularCredit::<T>::issue_obligation(
			RawOrigin::Signed(creditor).into(),
			circle,
			debtor.clone(),
			100,
			100u32.into(),
		)
		.expect("issued");

		#[extrinsic_call]
		_(RawOrigin::Signed(debtor), circle, 0);

		assert_last_event::<T>(Event::ObligationRejected { circle, id: 0 });
	}

	/// Expiring an obligation its debtor did not accept by its due block.
	#[benchmark]
	fn expire_obligation() {
		let circle = circle::<T>();
		let debtor = participant::<T>(circle, 0);
		let creditor = participant::<T>(circle, 1);
		CircularCredit::<T>::issue_obligation(
			RawOrigin::Signed(creditor).into(),
			circle,
			debtor,
			100,
			100u32.into(),
		)
		.expect("issued");
		frame_system::Pallet::<T>::set_block_number(101u32.into());
		let caller: T::AccountId = account("caller", 0, SEED);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), circle, 0);

		assert_last_event::<T>(Event::ObligationExpired { circle, id: 0 });
	}

	/// Writing off a departed member's whole credit line; it then leaves the circle (the
	/// longer path).
	#[benchmark]
	fn write_off() -> Result<(), BenchmarkError> {
		let circle = circle::<T>();
		let who = participant::<T>(circle, 0);
		let to = participant::<T>(circle, 1);
		let amount = T::MaxCreditLimit::get();
		CircularCredit::<T>::pay(
			RawOrigin::Signed(who.clone()).into(),
			circle,
			to,
			amount,
			BoundedVec::default(),
		)
		.expect("paid");
		<CircularCredit<T> as coop_primitives::OnMemberRemoved<T::AccountId>>::on_member_removed(
			circle, &who,
		);
		let origin = T::CoopOrigin::try_successful_origin(&circle)
			.map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, circle, who.clone());

		assert_last_event::<T>(Event::Left { circle, who });
		assert_eq!(WrittenOff::<T>::get(circle), amount);
		Ok(())
	}

	#[benchmark]
	fn set_liquidity() -> Result<(), BenchmarkError> {
		let circle = circle::<T>();
		let origin = T::CoopOrigin::try_successful_origin(&circle)
			.map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, circle, true);

		assert_last_event::<T>(Event::LiquiditySet { circle, enabled: true });
		Ok(())
	}

	#[benchmark]
	fn allow_liquidity() {
		let circle = circle::<T>();
		let who = participant::<T>(circle, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), circle, true);

		assert_last_event::<T>(Event::LiquidityConsent { circle, who, allow: true });
	}

	/// A cycle of `s` participants, each owing the next, cleared in full with a certificate;
	/// `o` further obligations from the first of them to one more participant, which cannot be
	/// cleared, make the check read the whole circle. A cycle has at most one set-off per
	/// participant (less the outsider, and less one member slot: the benchmark co-op's founder
	/// is a member of the co-op already) and the obligations share half the circle's room; the
	/// linear weight is charged at up to `MaxSetoffs` set-offs and `MaxObligations`.
	#[benchmark]
	fn submit_clearing(
		s: Linear<
			2,
			{
				T::MaxSetoffs::get()
					.min(T::MaxParticipants::get().saturating_sub(2))
					.min(T::MaxObligations::get() / 2)
			},
		>,
		o: Linear<0, { T::MaxObligations::get() / 2 }>,
	) {
		let circle = circle::<T>();
		let ring: Vec<T::AccountId> = (0..s).map(|i| participant::<T>(circle, i)).collect();
		let outside = participant::<T>(circle, s);
		let mut list = Vec::new();
		for i in 0..ring.len() {
			let next = (i + 1) % ring.len();
			let (Some(debtor), Some(creditor)) = (ring.get(i), ring.get(next)) else { continue };
			list.push((owe::<T>(circle, debtor, creditor, 100), 100));
		}
		if let Some(first) = ring.first() {
			for _ in 0..o {
				owe::<T>(circle, first, &outside, 100);
			}
		}
		// Ring participants at 0, the outsider (touched only when it is owed) at 1: ring edges
		// δ = 0 (cleared in full), edges to the outsider δ = 1 (not cleared).
		let mut potentials = alloc::vec![0i64; s as usize];
		if o > 0 {
			potentials.push(1);
		}
		let setoffs = BoundedVec::truncate_from(list);
		let certificate = Some(BoundedVec::truncate_from(potentials));
		let caller: T::AccountId = account("caller", 0, SEED);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), circle, setoffs, certificate);

		assert_last_event::<T>(Event::Cleared {
			circle,
			total: Credit::from(s.saturating_add(o)).saturating_mul(100),
			cleared: Credit::from(s).saturating_mul(100),
			obligations: s,
			participants: s,
			cycles: 1,
			maximal: true,
			liquidity: 0,
		});
	}

	impl_benchmark_test_suite!(
		CircularCredit,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
