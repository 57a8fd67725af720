//! Tests of every call and error, stories, and the solver's clearings against the pallet.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

fn setoffs(list: &[(ObligationId, Credit)]) -> BoundedVec<(ObligationId, Credit), ConstU32<16>> {
	BoundedVec::truncate_from(list.to_vec())
}

fn certificate(p: &[i64]) -> Option<BoundedVec<i64, ConstU32<20>>> {
	Some(BoundedVec::truncate_from(p.to_vec()))
}

/// What the solver proposes for the circle's accepted obligations, as a submission.
fn proposal() -> (Vec<(ObligationId, Credit)>, Vec<i64>) {
	let graph = CircularCredit::clearing_graph(0);
	let participants = Circles::<Test>::get(0).expect("circle").next_index;
	let solution = coop_clearing::solve(participants, &graph.obligations);
	let list = graph
		.ids
		.iter()
		.zip(&solution.setoffs)
		.filter(|(_, x)| **x > 0)
		.map(|(id, x)| (*id, *x))
		.collect();
	(list, solution.potentials)
}

mod open_circle {
	use super::*;

	#[test]
	fn works() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(CircularCredit::open_circle(signed(TREASURY), 0, true));
			assert!(Circles::<Test>::get(0).is_some_and(|c| c.require_maximal));
			assert_eq!(last_event(), Event::CircleOpened { circle: 0, require_maximal: true });
		});
	}

	#[test]
	fn fails_for_another_origin_an_unknown_coop_or_twice() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(
				CircularCredit::open_circle(signed(1), 0, false),
				DispatchError::BadOrigin
			);
			assert_noop!(
				CircularCredit::open_circle(signed(1007), 7, false),
				Error::<Test>::CoopNotFound
			);
			assert_ok!(CircularCredit::open_circle(signed(TREASURY), 0, false));
			assert_noop!(
				CircularCredit::open_circle(signed(TREASURY), 0, false),
				Error::<Test>::CircleExists
			);
		});
	}
}

mod join_and_leave {
	use super::*;

	#[test]
	fn members_join_with_numbers_and_leave_when_square() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(CircularCredit::open_circle(signed(TREASURY), 0, false));
			assert_ok!(CircularCredit::join(signed(2), 0));
			assert_eq!(last_event(), Event::Joined { circle: 0, who: 2, index: 0 });
			assert_ok!(CircularCredit::join(signed(3), 0));
			assert_eq!(Participants::<Test>::get(0, 3).map(|p| p.index), Some(1));
			assert_ok!(CircularCredit::leave(signed(2), 0));
			assert_eq!(last_event(), Event::Left { circle: 0, who: 2 });
			assert_eq!(
				Circles::<Test>::get(0).map(|c| (c.participants, c.next_index)),
				Some((1, 2))
			);
		});
	}

	#[test]
	fn join_fails() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(CircularCredit::join(signed(1), 0), Error::<Test>::CircleNotFound);
			assert_ok!(CircularCredit::open_circle(signed(TREASURY), 0, false));
			assert_noop!(CircularCredit::join(signed(9), 0), Error::<Test>::NotCoopMember);
			assert_ok!(CircularCredit::join(signed(1), 0));
			assert_noop!(CircularCredit::join(signed(1), 0), Error::<Test>::AlreadyParticipant);
			(10u64..40).for_each(MockCoops::add_member);
			for who in 10..29 {
				assert_ok!(CircularCredit::join(signed(who), 0));
			}
			assert_noop!(CircularCredit::join(signed(29), 0), Error::<Test>::TooManyParticipants);
		});
	}

	#[test]
	fn leaving_with_a_debt_or_an_obligation_is_refused() {
		ExtBuilder::default().build_and_execute(|| {
			circle_of_five(false);
			assert_ok!(CircularCredit::pay(signed(1), 0, 2, 30, memo()));
			assert_noop!(CircularCredit::leave(signed(1), 0), Error::<Test>::CannotLeave);
			assert_noop!(CircularCredit::leave(signed(2), 0), Error::<Test>::CannotLeave);
			assert_ok!(CircularCredit::pay(signed(2), 0, 1, 30, memo()));
			owe(1, 2, 5);
			assert_noop!(CircularCredit::leave(signed(1), 0), Error::<Test>::CannotLeave);
			assert_noop!(CircularCredit::leave(signed(9), 0), Error::<Test>::NotParticipant);
		});
	}
}

mod set_credit_limit {
	use super::*;

	#[test]
	fn works_and_cannot_cut_into_a_balance() {
		ExtBuilder::default().build_and_execute(|| {
			circle_of_five(false);
			assert_ok!(CircularCredit::set_credit_limit(signed(TREASURY), 0, 1, 500, Some(50)));
			assert_eq!(
				last_event(),
				Event::CreditLimitSet { circle: 0, who: 1, credit_limit: 500, ceiling: Some(50) }
			);
			assert_ok!(CircularCredit::pay(signed(1), 0, 2, 80, memo()));
			assert_noop!(
				CircularCredit::set_credit_limit(signed(TREASURY), 0, 1, 79, None),
				Error::<Test>::LimitBelowDebt
			);
			assert_noop!(
				CircularCredit::set_credit_limit(signed(TREASURY), 0, 2, 100, Some(79)),
				Error::<Test>::CeilingBelowBalance
			);
			assert_noop!(
				CircularCredit::set_credit_limit(signed(TREASURY), 0, 1, 1_001, None),
				Error::<Test>::CreditLimitTooHigh
			);
			assert_noop!(
				CircularCredit::set_credit_limit(signed(TREASURY), 0, 9, 1, None),
				Error::<Test>::NotParticipant
			);
			assert_noop!(
				CircularCredit::set_credit_limit(signed(1), 0, 1, 1, None),
				DispatchError::BadOrigin
			);
		});
	}
}

mod pay {
	use super::*;

	#[test]
	fn moves_credit_and_keeps_the_sum_at_zero() {
		ExtBuilder::default().build_and_execute(|| {
			circle_of_five(false);
			assert_ok!(CircularCredit::pay(signed(1), 0, 2, 60, memo()));
			assert_ok!(CircularCredit::pay(signed(2), 0, 3, 100, memo()));
			assert_eq!((balance(1), balance(2), balance(3)), (-60, -40, 100));
			assert_eq!(
				last_event(),
				Event::Paid { circle: 0, from: 2, to: 3, amount: 100, memo: memo() }
			);
		});
	}

	#[test]
	fn enforces_the_credit_limit_and_ceiling() {
		ExtBuilder::default().build_and_execute(|| {
			circle_of_five(false);
			assert_ok!(CircularCredit::pay(signed(1), 0, 2, 100, memo()));
			assert_noop!(
				CircularCredit::pay(signed(1), 0, 2, 1, memo()),
				Error::<Test>::CreditLimitExceeded
			);
			assert_ok!(CircularCredit::set_credit_limit(signed(TREASURY), 0, 3, 100, Some(10)));
			assert_noop!(
				CircularCredit::pay(signed(4), 0, 3, 11, memo()),
				Error::<Test>::CeilingExceeded
			);
		});
	}

	#[test]
	fn fails_for_bad_payments() {
		ExtBuilder::default().build_and_execute(|| {
			circle_of_five(false);
			assert_noop!(
				CircularCredit::pay(signed(1), 0, 2, 0, memo()),
				Error::<Test>::ZeroAmount
			);
			assert_noop!(
				CircularCredit::pay(signed(1), 0, 1, 5, memo()),
				Error::<Test>::SelfDealing
			);
			assert_noop!(
				CircularCredit::pay(signed(9), 0, 1, 5, memo()),
				Error::<Test>::NotParticipant
			);
			assert_noop!(
				CircularCredit::pay(signed(1), 0, 9, 5, memo()),
				Error::<Test>::NotParticipant
			);
		});
	}

	#[test]
	fn a_member_who_left_the_coop_is_frozen_but_may_settle() {
		ExtBuilder::default().build_and_execute(|| {
			circle_of_five(false);
			let id = owe(1, 2, 40);
			MockCoops::remove_member(1u64);
			<CircularCredit as OnMemberRemoved<AccountId>>::on_member_removed(0, &1);
			assert_eq!(last_event(), Event::ParticipantFrozen { circle: 0, who: 1 });
			assert_noop!(CircularCredit::pay(signed(1), 0, 2, 5, memo()), Error::<Test>::Frozen);
			assert_noop!(CircularCredit::pay(signed(2), 0, 1, 5, memo()), Error::<Test>::Frozen);
			assert_noop!(
				CircularCredit::issue_obligation(signed(1), 0, 3, 5, 10),
				Error::<Test>::Frozen
			);
			assert_ok!(CircularCredit::settle_obligation(signed(1), 0, id, 40));
			assert_eq!(balance(1), -40);
		});
	}
}

mod obligations {
	use super::*;

	#[test]
	fn issue_accept_settle() {
		ExtBuilder::default().build_and_execute(|| {
			circle_of_five(false);
			assert_ok!(CircularCredit::issue_obligation(signed(2), 0, 1, 50, 30));
			assert_eq!(
				last_event(),
				Event::ObligationIssued {
					circle: 0,
					id: 0,
					debtor: 1,
					creditor: 2,
					amount: 50,
					due: 30
				}
			);
			assert_noop!(
				CircularCredit::settle_obligation(signed(1), 0, 0, 10),
				Error::<Test>::NotAccepted
			);
			assert_noop!(
				CircularCredit::accept_obligation(signed(2), 0, 0),
				Error::<Test>::NotDebtor
			);
			assert_ok!(CircularCredit::accept_obligation(signed(1), 0, 0));
			assert_eq!(last_event(), Event::ObligationAccepted { circle: 0, id: 0 });
			assert_noop!(
				CircularCredit::accept_obligation(signed(1), 0, 0),
				Error::<Test>::AlreadyAccepted
			);
			assert_ok!(CircularCredit::settle_obligation(signed(1), 0, 0, 20));
			assert_eq!(
				last_event(),
				Event::ObligationSettled { circle: 0, id: 0, amount: 20, outstanding: 30 }
			);
			assert_noop!(
				CircularCredit::settle_obligation(signed(1), 0, 0, 31),
				Error::<Test>::AboveOutstanding
			);
			assert_noop!(
				CircularCredit::settle_obligation(signed(2), 0, 0, 1),
				Error::<Test>::NotDebtor
			);
			assert_ok!(CircularCredit::settle_obligation(signed(1), 0, 0, 30));
			assert!(Obligations::<Test>::get(0, 0).is_none());
			assert_eq!((balance(1), balance(2)), (-50, 50));
		});
	}

	#[test]
	fn issue_fails() {
		ExtBuilder::default().build_and_execute(|| {
			circle_of_five(false);
			assert_noop!(
				CircularCredit::issue_obligation(signed(2), 0, 1, 0, 30),
				Error::<Test>::ZeroAmount
			);
			assert_noop!(
				CircularCredit::issue_obligation(signed(2), 0, 2, 5, 30),
				Error::<Test>::SelfDealing
			);
			assert_noop!(
				CircularCredit::issue_obligation(signed(2), 0, 9, 5, 30),
				Error::<Test>::NotParticipant
			);
			assert_noop!(
				CircularCredit::issue_obligation(signed(2), 1, 1, 5, 30),
				Error::<Test>::CircleNotFound
			);
			for _ in 0..40 {
				assert_ok!(CircularCredit::issue_obligation(signed(2), 0, 1, 5, 30));
			}
			assert_noop!(
				CircularCredit::issue_obligation(signed(2), 0, 1, 5, 30),
				Error::<Test>::TooManyObligations
			);
		});
	}

	#[test]
	fn the_creditor_cancels() {
		ExtBuilder::default().build_and_execute(|| {
			circle_of_five(false);
			let id = owe(1, 2, 50);
			assert_noop!(
				CircularCredit::cancel_obligation(signed(1), 0, id),
				Error::<Test>::NotCreditor
			);
			assert_ok!(CircularCredit::cancel_obligation(signed(2), 0, id));
			assert_eq!(last_event(), Event::ObligationCancelled { circle: 0, id });
			assert_noop!(
				CircularCredit::cancel_obligation(signed(2), 0, id),
				Error::<Test>::ObligationNotFound
			);
			assert_ok!(CircularCredit::leave(signed(1), 0));
		});
	}
}

mod submit_clearing {
	use super::*;

	#[test]
	fn a_three_coop_cycle_is_cleared_fully() {
		ExtBuilder::default().build_and_execute(|| {
			circle_of_five(true);
			let a = owe(1, 2, 100);
			let b = owe(2, 3, 100);
			let c = owe(3, 1, 100);
			let (list, p) = proposal();
			assert_eq!(list, vec![(a, 100), (b, 100), (c, 100)]);
			assert_ok!(CircularCredit::submit_clearing(
				signed(9),
				0,
				setoffs(&list),
				certificate(&p)
			));
			assert_eq!(
				last_event(),
				Event::Cleared {
					circle: 0,
					total: 300,
					cleared: 300,
					obligations: 3,
					participants: 3,
					cycles: 1,
					maximal: true
				}
			);
			assert_eq!(Obligations::<Test>::iter_prefix(0).count(), 0);
			for who in 1..=3 {
				assert_ok!(CircularCredit::leave(signed(who), 0));
			}
		});
	}

	#[test]
	fn a_partial_cycle_leaves_the_rest() {
		ExtBuilder::default().build_and_execute(|| {
			circle_of_five(true);
			owe(1, 2, 100);
			owe(2, 3, 60);
			owe(3, 1, 80);
			owe(4, 1, 10);
			let (list, p) = proposal();
			assert_ok!(CircularCredit::submit_clearing(
				signed(9),
				0,
				setoffs(&list),
				certificate(&p)
			));
			let left: Vec<Credit> =
				Obligations::<Test>::iter_prefix(0).map(|(_, o)| o.amount).collect();
			assert_eq!(left.iter().sum::<Credit>(), 40 + 20 + 10);
		});
	}

	#[test]
	fn a_clearing_that_changes_a_net_position_is_refused() {
		ExtBuilder::default().build_and_execute(|| {
			circle_of_five(false);
			let a = owe(1, 2, 100);
			let b = owe(2, 3, 100);
			let c = owe(3, 1, 100);
			assert_noop!(
				CircularCredit::submit_clearing(
					signed(9),
					0,
					setoffs(&[(a, 100), (b, 90), (c, 100)]),
					None
				),
				Error::<Test>::NetPositionChanged
			);
			assert_noop!(
				CircularCredit::submit_clearing(
					signed(9),
					0,
					setoffs(&[(a, 101), (b, 101), (c, 101)]),
					None
				),
				Error::<Test>::SetoffExceedsObligation
			);
			assert_noop!(
				CircularCredit::submit_clearing(signed(9), 0, setoffs(&[(a, 1), (a, 1)]), None),
				Error::<Test>::DuplicateSetoff
			);
			assert_noop!(
				CircularCredit::submit_clearing(signed(9), 0, setoffs(&[(77, 1)]), None),
				Error::<Test>::UnknownObligation
			);
			assert_noop!(
				CircularCredit::submit_clearing(signed(9), 0, setoffs(&[]), None),
				Error::<Test>::NothingCleared
			);
			// Not maximal, but this circle does not ask for maximality.
			assert_ok!(CircularCredit::submit_clearing(
				signed(9),
				0,
				setoffs(&[(a, 50), (b, 50), (c, 50)]),
				None
			));
		});
	}

	#[test]
	fn a_non_maximal_clearing_is_refused_with_its_certificate() {
		ExtBuilder::default().build_and_execute(|| {
			circle_of_five(true);
			let a = owe(1, 2, 100);
			let b = owe(2, 3, 100);
			let c = owe(3, 1, 100);
			let partial = setoffs(&[(a, 50), (b, 50), (c, 50)]);
			assert_noop!(
				CircularCredit::submit_clearing(signed(9), 0, partial.clone(), None),
				Error::<Test>::CertificateRequired
			);
			let (_, p) = proposal();
			assert_noop!(
				CircularCredit::submit_clearing(signed(9), 0, partial, certificate(&p)),
				Error::<Test>::NotMaximal
			);
			assert_noop!(
				CircularCredit::submit_clearing(
					signed(9),
					0,
					setoffs(&[(a, 100), (b, 100), (c, 100)]),
					certificate(&[0, 0])
				),
				Error::<Test>::CertificateLength
			);
		});
	}

	#[test]
	fn unaccepted_obligations_are_not_cleared() {
		ExtBuilder::default().build_and_execute(|| {
			circle_of_five(false);
			let a = owe(1, 2, 100);
			let b = owe(2, 3, 100);
			CircularCredit::issue_obligation(signed(1), 0, 3, 100, 50).expect("issued");
			let (list, _) = proposal();
			assert!(list.is_empty());
			assert_noop!(
				CircularCredit::submit_clearing(
					signed(9),
					0,
					setoffs(&[(a, 100), (b, 100), (2, 100)]),
					None
				),
				Error::<Test>::UnknownObligation
			);
		});
	}
}

mod property {
	use super::*;
	use proptest::prelude::*;

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(64))]
		#[test]
		fn the_solvers_clearing_passes_and_keeps_every_net_position(
			edges in proptest::collection::vec((1u64..=5, 1u64..=5, 1u128..200), 0..16)
		) {
			ExtBuilder::default().build_and_execute(|| {
				circle_of_five(true);
				for (d, c, amount) in &edges {
					if d != c {
						owe(*d, *c, *amount);
					}
				}
				let nets: Vec<_> =
					(1..=5).map(|w| Participants::<Test>::get(0, w).map(|p| p.obligation_net)).collect();
				let (list, p) = proposal();
				let result = CircularCredit::submit_clearing(signed(9), 0, setoffs(&list), certificate(&p));
				if list.is_empty() {
					assert_eq!(result, Err(Error::<Test>::NothingCleared.into()));
				} else {
					assert_ok!(result);
				}
				// try_state (run after the case) checks the nets against the obligations left.
				let after: Vec<_> =
					(1..=5).map(|w| Participants::<Test>::get(0, w).map(|p| p.obligation_net)).collect();
				assert_eq!(nets, after);
			});
		}
	}
}
