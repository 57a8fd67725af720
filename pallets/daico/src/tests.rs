//! Tests of every call, every error, whole raises, and a property test of the escrow.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

type E = Error<Test>;

fn free(who: AccountId) -> Balance {
	Balances::free_balance(who)
}
fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}
fn escrow(raise: RaiseId) -> AccountId {
	Daico::escrow(raise)
}
fn raise_of(raise: RaiseId) -> RaiseOf<Test> {
	Raises::<Test>::get(raise).expect("raise exists")
}

/// Co-op 0 opens a raise with `p`; returns its id.
fn open(p: RaiseParamsOf<Test>) -> RaiseId {
	let id = NextRaiseId::<Test>::get();
	assert_ok!(Daico::create_raise(signed(TREASURY), 0, p));
	id
}

/// Contributions `(who, amount)` to `raise`.
fn contribute_all(raise: RaiseId, contributions: &[(AccountId, Balance)]) {
	for (who, amount) in contributions {
		assert_ok!(Daico::contribute(signed(*who), raise, *amount));
	}
}

/// A raise that succeeded with five contributors (400, 300, 200, 100, 100 = 1100), active
/// from block 11.
fn active_raise(p: RaiseParamsOf<Test>) -> RaiseId {
	let raise = open(p);
	contribute_all(raise, &[(1, 400), (2, 300), (3, 200), (4, 100), (5, 100)]);
	run_to_block(11);
	assert_ok!(Daico::finalize(signed(9), raise));
	assert_eq!(raise_of(raise).state, RaiseState::Active);
	raise
}

/// `voters` vote `aye` on the open proposal `kind`.
fn vote_all(raise: RaiseId, kind: ProposalKind, voters: &[AccountId], aye: bool) {
	for v in voters {
		assert_ok!(Daico::vote(signed(*v), raise, kind, aye));
	}
}

/// Closes proposal `kind` after its voting period.
fn close_after_vote(raise: RaiseId, kind: ProposalKind) {
	let ends = Proposals::<Test>::get(raise, kind).expect("open").ends;
	run_to_block(ends);
	assert_ok!(Daico::close_proposal(signed(9), raise, kind));
}

fn milestones(m: &[Balance]) -> BoundedVec<Balance, ConstU32<3>> {
	m.to_vec().try_into().unwrap()
}

mod create_raise {
	use super::*;

	#[test]
	fn opens_a_raise_with_a_seeded_escrow() {
		ExtBuilder::default().build_and_execute(|| {
			let raise = open(params());
			assert_eq!(free(escrow(raise)), ED);
			assert_eq!(free(TREASURY), ENDOWMENT - ED);
			assert_eq!(last_event(), Event::RaiseCreated { raise, coop: 0, escrow: escrow(raise) });
			let r = raise_of(raise);
			assert_eq!((r.state, r.seed, r.tap_rate), (RaiseState::Funding, ED, 10));
			assert_ne!(escrow(0), escrow(1));
		});
	}

	#[test]
	fn only_the_coop_s_own_decision_opens_a_raise() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(Daico::create_raise(signed(1), 0, params()), DispatchError::BadOrigin);
			assert_noop!(Daico::create_raise(signed(1001), 0, params()), DispatchError::BadOrigin);
			assert_noop!(Daico::create_raise(signed(1005), 5, params()), E::CoopNotFound);
		});
	}

	#[test]
	fn every_parameter_is_validated() {
		ExtBuilder::default().build_and_execute(|| {
			run_to_block(2);
			let check = |p: RaiseParamsOf<Test>, e: E| {
				assert_noop!(Daico::create_raise(signed(TREASURY), 0, p), e);
			};
			let p = params;
			check(RaiseParams { start: 2, soft_cap: 0, ..p() }, E::InvalidCaps);
			check(RaiseParams { start: 2, soft_cap: 3_001, ..p() }, E::InvalidCaps);
			check(RaiseParams { start: 1, ..p() }, E::InvalidWindow);
			check(RaiseParams { start: 2, end: 2, ..p() }, E::InvalidWindow);
			check(
				RaiseParams { start: 2, min_contribution: 4, ..p() },
				E::InvalidContributionBounds,
			);
			check(
				RaiseParams { start: 2, min_contribution: 2_001, ..p() },
				E::InvalidContributionBounds,
			);
			check(RaiseParams { start: 2, tap_rate: 0, ..p() }, E::InvalidTapRate);
			check(RaiseParams { start: 2, tap_rate: 41, ..p() }, E::InvalidTapRate);
			check(
				RaiseParams { start: 2, quorum: Perbill::from_percent(19), ..p() },
				E::QuorumTooLow,
			);
			check(
				RaiseParams { start: 2, threshold: Perbill::from_percent(49), ..p() },
				E::ThresholdBelowMajority,
			);
			check(RaiseParams { start: 2, voting_period: 1, ..p() }, E::VotingPeriodOutOfBounds);
			check(RaiseParams { start: 2, voting_period: 101, ..p() }, E::VotingPeriodOutOfBounds);
			check(
				RaiseParams { start: 2, milestones: milestones(&[0]), ..p() },
				E::InvalidMilestones,
			);
			check(
				RaiseParams { start: 2, milestones: milestones(&[600, 401]), ..p() },
				E::InvalidMilestones,
			);
		});
	}
}

mod contribute {
	use super::*;

	#[test]
	fn moves_the_amount_into_escrow() {
		ExtBuilder::default().build_and_execute(|| {
			let raise = open(params());
			assert_ok!(Daico::contribute(signed(1), raise, 300));
			assert_ok!(Daico::contribute(signed(1), raise, 200));
			assert_eq!(free(1), ENDOWMENT - 500);
			assert_eq!(free(escrow(raise)), ED + 500);
			assert_eq!(Contributions::<Test>::get(raise, 1).unwrap().amount, 500);
			let r = raise_of(raise);
			assert_eq!((r.raised, r.contributors), (500, 1));
			assert_eq!(
				last_event(),
				Event::Contributed { raise, who: 1, amount: 200, raised: 500 }
			);
		});
	}

	#[test]
	fn is_cut_at_the_hard_cap_then_refused() {
		ExtBuilder::default().build_and_execute(|| {
			let raise = open(params());
			contribute_all(raise, &[(1, 2_000), (2, 950)]);
			assert_ok!(Daico::contribute(signed(3), raise, 500));
			assert_eq!(
				last_event(),
				Event::Contributed { raise, who: 3, amount: 50, raised: 3_000 }
			);
			assert_eq!(free(3), ENDOWMENT - 50, "only the cut amount is paid");
			assert_noop!(Daico::contribute(signed(4), raise, 100), E::HardCapReached);
		});
	}

	#[test]
	fn fails_outside_the_window_and_the_bounds() {
		ExtBuilder::default().build_and_execute(|| {
			let raise = open(RaiseParams { start: 3, ..params() });
			assert_noop!(Daico::contribute(signed(1), raise, 100), E::WindowClosed);
			run_to_block(3);
			assert_noop!(Daico::contribute(signed(1), raise, 99), E::BelowMinContribution);
			assert_ok!(Daico::contribute(signed(1), raise, 1_900));
			assert_noop!(Daico::contribute(signed(1), raise, 101), E::AboveMaxContribution);
			assert_noop!(Daico::contribute(signed(1), 7, 100), E::RaiseNotFound);
			run_to_block(11);
			assert_noop!(Daico::contribute(signed(2), raise, 100), E::WindowClosed);
		});
	}

	#[test]
	fn members_only_rejects_a_non_member() {
		ExtBuilder::default().build_and_execute(|| {
			let raise = open(RaiseParams { contributors: Contributors::MembersOnly, ..params() });
			assert_ok!(Daico::contribute(signed(1), raise, 100));
			assert_noop!(Daico::contribute(signed(4), raise, 100), E::NotCoopMember);
		});
	}

	#[test]
	fn contributors_are_bounded() {
		ExtBuilder::default().build_and_execute(|| {
			let raise = open(params());
			for who in 1..=8 {
				assert_ok!(Daico::contribute(signed(who), raise, 100));
			}
			assert_noop!(Daico::contribute(signed(9), raise, 100), E::TooManyContributors);
			// Existing contributors may still add.
			assert_ok!(Daico::contribute(signed(8), raise, 100));
		});
	}
}

mod finalize {
	use super::*;

	#[test]
	fn activates_at_the_soft_cap() {
		ExtBuilder::default().build_and_execute(|| {
			let raise = open(params());
			contribute_all(raise, &[(1, 600), (2, 400)]);
			assert_noop!(Daico::finalize(signed(9), raise), E::CannotFinalize);
			run_to_block(11);
			assert_ok!(Daico::finalize(signed(9), raise));
			assert_eq!(last_event(), Event::RaiseSucceeded { raise, raised: 1_000 });
			let r = raise_of(raise);
			assert_eq!((r.state, r.tap_checkpoint), (RaiseState::Active, 11));
			assert_noop!(Daico::finalize(signed(9), raise), E::CannotFinalize);
		});
	}

	#[test]
	fn an_empty_failed_raise_returns_its_seed() {
		ExtBuilder::default().build_and_execute(|| {
			let raise = open(params());
			run_to_block(11);
			assert_ok!(Daico::finalize(signed(9), raise));
			assert_eq!(last_event(), Event::SeedReturned { raise, amount: ED });
			assert_eq!(free(TREASURY), ENDOWMENT);
			assert_eq!(free(escrow(raise)), 0);
		});
	}
}

mod failed_raise {
	use super::*;

	#[test]
	fn refunds_every_contributor_in_full() {
		ExtBuilder::default().build_and_execute(|| {
			let raise = open(params());
			contribute_all(raise, &[(1, 333), (2, 250), (3, 100)]);
			run_to_block(11);
			assert_ok!(Daico::finalize(signed(9), raise));
			assert_eq!(last_event(), Event::RaiseFailed { raise, raised: 683 });
			assert_noop!(Daico::withdraw(signed(TEAM), raise), E::NotActive);
			for who in [2, 1, 3] {
				assert_ok!(Daico::claim_refund(signed(9), raise, who));
				assert_eq!(free(who), ENDOWMENT);
			}
			assert_noop!(Daico::claim_refund(signed(9), raise, 1), E::AlreadyRefunded);
			assert_noop!(Daico::claim_refund(signed(9), raise, 7), E::NotContributor);
			assert_eq!(free(escrow(raise)), 0);
			assert_eq!(free(TREASURY), ENDOWMENT, "seed back with the last refund");
		});
	}

	#[test]
	fn no_refunds_from_an_active_raise() {
		ExtBuilder::default().build_and_execute(|| {
			let raise = active_raise(params());
			assert_noop!(Daico::claim_refund(signed(1), raise, 1), E::NotRefundable);
		});
	}
}

mod tap {
	use super::*;

	#[test]
	fn pays_the_rate_for_each_block_since_the_last_withdrawal() {
		ExtBuilder::default().build_and_execute(|| {
			let raise = active_raise(params());
			assert_noop!(Daico::withdraw(signed(TEAM), raise), E::NothingToWithdraw);
			run_to_block(14);
			assert_ok!(Daico::withdraw(signed(TEAM), raise));
			assert_eq!(last_event(), Event::TapWithdrawn { raise, amount: 30 });
			run_to_block(20);
			assert_ok!(Daico::withdraw(signed(TEAM), raise));
			assert_eq!(free(TEAM), 90);
			assert_eq!(raise_of(raise).tapped, 90);
			assert_noop!(Daico::withdraw(signed(1), raise), E::NotBeneficiary);
		});
	}

	#[test]
	fn never_pays_more_than_the_tap_s_share() {
		ExtBuilder::default().build_and_execute(|| {
			// 1100 raised, 900 in tranches: the tap may draw 200 in all.
			let raise =
				active_raise(RaiseParams { milestones: milestones(&[500, 400]), ..params() });
			run_to_block(1_000);
			assert_ok!(Daico::withdraw(signed(TEAM), raise));
			assert_eq!(free(TEAM), 200);
			run_to_block(1_010);
			assert_noop!(Daico::withdraw(signed(TEAM), raise), E::NothingToWithdraw);
		});
	}

	#[test]
	fn the_beneficiary_lowers_it_keeping_what_accrued() {
		ExtBuilder::default().build_and_execute(|| {
			let raise = active_raise(params());
			run_to_block(15);
			assert_noop!(Daico::lower_tap(signed(1), raise, 5), E::NotBeneficiary);
			assert_noop!(Daico::lower_tap(signed(TEAM), raise, 10), E::NotALowerRate);
			assert_noop!(Daico::lower_tap(signed(TEAM), raise, 0), E::NotALowerRate);
			assert_ok!(Daico::lower_tap(signed(TEAM), raise, 4));
			assert_eq!(last_event(), Event::TapRateChanged { raise, rate: 4 });
			run_to_block(20);
			assert_ok!(Daico::withdraw(signed(TEAM), raise));
			assert_eq!(free(TEAM), 4 * 10 + 5 * 4);
		});
	}
}

mod proposals {
	use super::*;

	#[test]
	fn contributors_raise_the_tap() {
		ExtBuilder::default().build_and_execute(|| {
			let raise = active_raise(params());
			assert_ok!(Daico::propose(signed(1), raise, Action::RaiseTap { new_rate: 20 }));
			vote_all(raise, ProposalKind::RaiseTap, &[1, 2, 3], true);
			assert_noop!(
				Daico::close_proposal(signed(9), raise, ProposalKind::RaiseTap),
				E::VotingNotEnded
			);
			close_after_vote(raise, ProposalKind::RaiseTap);
			assert_eq!(last_event(), Event::TapRateChanged { raise, rate: 20 });
			// 5 blocks at 10 before the change, then 20 per block.
			run_to_block(20);
			assert_ok!(Daico::withdraw(signed(TEAM), raise));
			assert_eq!(free(TEAM), 5 * 10 + 4 * 20);
		});
	}

	#[test]
	fn a_tap_raise_without_quorum_fails() {
		ExtBuilder::default().build_and_execute(|| {
			let raise = active_raise(params());
			assert_ok!(Daico::propose(signed(1), raise, Action::RaiseTap { new_rate: 20 }));
			// Two of five voters: below the 50 % quorum and below MinVoters (3).
			vote_all(raise, ProposalKind::RaiseTap, &[1, 2], true);
			close_after_vote(raise, ProposalKind::RaiseTap);
			assert!(matches!(last_event(), Event::ProposalClosed { passed: false, ayes: 2, .. }));
			assert_eq!(raise_of(raise).tap_rate, 10);
		});
	}

	#[test]
	fn tap_raises_are_bounded() {
		ExtBuilder::default().build_and_execute(|| {
			let raise = active_raise(params());
			let propose =
				|rate| Daico::propose(signed(1), raise, Action::RaiseTap { new_rate: rate });
			assert_noop!(propose(10), E::InvalidTapRaise);
			assert_noop!(propose(21), E::InvalidTapRaise); // more than 2×
			assert_ok!(propose(20));
			assert_noop!(propose(15), E::ProposalAlreadyOpen);
		});
	}

	#[test]
	fn only_contributors_propose_and_vote() {
		ExtBuilder::default().build_and_execute(|| {
			let raise = active_raise(params());
			assert_noop!(Daico::propose(signed(9), raise, Action::Dissolve), E::NotContributor);
			assert_noop!(
				Daico::vote(signed(1), raise, ProposalKind::Dissolve, true),
				E::ProposalNotFound
			);
			assert_ok!(Daico::propose(signed(1), raise, Action::Dissolve));
			assert_noop!(
				Daico::vote(signed(9), raise, ProposalKind::Dissolve, true),
				E::NotContributor
			);
			assert_ok!(Daico::vote(signed(2), raise, ProposalKind::Dissolve, false));
			assert_noop!(
				Daico::vote(signed(2), raise, ProposalKind::Dissolve, false),
				E::AlreadyVoted
			);
			run_to_block(16);
			assert_noop!(
				Daico::vote(signed(3), raise, ProposalKind::Dissolve, true),
				E::VotingEnded
			);
		});
	}

	#[test]
	fn no_proposals_before_the_raise_is_active() {
		ExtBuilder::default().build_and_execute(|| {
			let raise = open(params());
			contribute_all(raise, &[(1, 500)]);
			assert_noop!(Daico::propose(signed(1), raise, Action::Dissolve), E::NotActive);
		});
	}

	#[test]
	fn milestones_unlock_in_order() {
		ExtBuilder::default().build_and_execute(|| {
			let raise =
				active_raise(RaiseParams { milestones: milestones(&[300, 200]), ..params() });
			for (index, amount) in [(0u32, 300), (1, 200)] {
				assert_ok!(Daico::propose(signed(2), raise, Action::UnlockMilestone));
				vote_all(raise, ProposalKind::UnlockMilestone, &[1, 2, 3], true);
				close_after_vote(raise, ProposalKind::UnlockMilestone);
				assert_eq!(last_event(), Event::MilestoneUnlocked { raise, index, amount });
			}
			assert_eq!(free(TEAM), 500);
			assert_noop!(
				Daico::propose(signed(2), raise, Action::UnlockMilestone),
				E::NoMilestoneLeft
			);
		});
	}
}

mod voting_modes {
	use super::*;

	/// Contributor 1 has more capital (1500) than the four others together (4 × 100).
	fn whale_raise(voting: VotingMode) -> RaiseId {
		let raise = open(RaiseParams { voting, ..params() });
		contribute_all(raise, &[(1, 1_500), (2, 100), (3, 100), (4, 100), (5, 100)]);
		run_to_block(11);
		assert_ok!(Daico::finalize(signed(9), raise));
		assert_ok!(Daico::propose(signed(2), raise, Action::RaiseTap { new_rate: 20 }));
		vote_all(raise, ProposalKind::RaiseTap, &[2, 3, 4, 5], true);
		assert_ok!(Daico::vote(signed(1), raise, ProposalKind::RaiseTap, false));
		close_after_vote(raise, ProposalKind::RaiseTap);
		raise
	}

	#[test]
	fn head_count_outvotes_a_whale() {
		ExtBuilder::default().build_and_execute(|| {
			let raise = whale_raise(VotingMode::HeadCount);
			assert_eq!(raise_of(raise).tap_rate, 20);
		});
	}

	#[test]
	fn capital_lets_the_whale_decide() {
		ExtBuilder::default().build_and_execute(|| {
			let raise = whale_raise(VotingMode::Capital);
			assert_eq!(raise_of(raise).tap_rate, 10);
		});
	}

	#[test]
	fn double_majority_needs_both() {
		ExtBuilder::default().build_and_execute(|| {
			let raise = whale_raise(VotingMode::DoubleMajority);
			assert_eq!(raise_of(raise).tap_rate, 10);
		});
	}
}

mod dissolve {
	use super::*;

	#[test]
	fn refunds_what_remains_pro_rata_to_the_unit() {
		ExtBuilder::default().build_and_execute(|| {
			// 1100 raised; the team draws 30 (3 blocks at 10): 1070 remain.
			let raise = active_raise(params());
			run_to_block(14);
			assert_ok!(Daico::withdraw(signed(TEAM), raise));
			assert_ok!(Daico::propose(signed(4), raise, Action::Dissolve));
			vote_all(raise, ProposalKind::Dissolve, &[1, 2, 3, 4], true);
			close_after_vote(raise, ProposalKind::Dissolve);
			assert_eq!(last_event(), Event::RaiseDissolved { raise, refund_pool: 1_070 });
			assert_noop!(Daico::withdraw(signed(TEAM), raise), E::NotActive);

			// floor(1070 × c / 1100): 389, 291, 194, 97, 97 = 1068; 2 units of remainder go
			// to the last to claim.
			let expected = [(1, 389), (2, 291), (3, 194), (4, 97)];
			for (who, share) in expected {
				assert_ok!(Daico::claim_refund(signed(who), raise, who));
				assert_eq!(last_event(), Event::Refunded { raise, who, amount: share });
			}
			assert_ok!(Daico::claim_refund(signed(9), raise, 5));
			assert!(events().contains(&Event::Refunded { raise, who: 5, amount: 99 }));
			assert!(events().contains(&Event::RoundingRemainderPaid { raise, who: 5, amount: 2 }));
			let paid: Balance = [(1, 400), (2, 300), (3, 200), (4, 100), (5, 100)]
				.iter()
				.map(|(who, put_in)| free(*who) + put_in - ENDOWMENT)
				.sum();
			assert_eq!(paid, 1_070, "refunds add up exactly to what remained");
			assert_eq!(free(TEAM), 30, "the beneficiary got nothing from the refunds");
			assert_eq!(free(escrow(raise)), 0);
			assert_eq!(free(TREASURY), ENDOWMENT);
		});
	}

	#[test]
	fn freezes_the_tap_during_the_vote_and_thaws_if_it_fails() {
		ExtBuilder::default().build_and_execute(|| {
			let raise = active_raise(params());
			run_to_block(13);
			assert_ok!(Daico::propose(signed(4), raise, Action::Dissolve));
			// Pre-quorum: half of the quorum (3 of 5 heads) = 2 ayes.
			assert_ok!(Daico::vote(signed(4), raise, ProposalKind::Dissolve, true));
			assert!(!raise_of(raise).frozen);
			assert_ok!(Daico::vote(signed(5), raise, ProposalKind::Dissolve, true));
			assert!(events().contains(&Event::TapFrozen { raise }));
			run_to_block(16);
			assert_noop!(Daico::withdraw(signed(TEAM), raise), E::TapFrozen);
			vote_all(raise, ProposalKind::Dissolve, &[1, 2, 3], false);
			close_after_vote(raise, ProposalKind::Dissolve);
			assert_eq!(last_event(), Event::TapThawed { raise });
			// Accrued before the freeze (2 blocks) is kept; nothing accrued while frozen.
			run_to_block(20);
			assert_ok!(Daico::withdraw(signed(TEAM), raise));
			assert_eq!(free(TEAM), 2 * 10 + 2 * 10);
		});
	}
}

mod property {
	use super::*;
	use proptest::prelude::*;

	#[derive(Clone, Debug)]
	enum Step {
		Wait(u64),
		Withdraw,
		VoteDissolve(AccountId, bool),
		CloseDissolve,
	}

	fn step() -> impl Strategy<Value = Step> {
		prop_oneof![
			(1u64..8).prop_map(Step::Wait),
			Just(Step::Withdraw),
			((1u128..=8), any::<bool>()).prop_map(|(w, a)| Step::VoteDissolve(w, a)),
			Just(Step::CloseDissolve),
		]
	}

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(64))]

		#[test]
		fn escrow_always_balances_and_nobody_gets_more_than_owed(
			amounts in proptest::collection::vec(100u64..2_000, 1..=8),
			steps in proptest::collection::vec(step(), 0..30),
			tap_rate in 1u64..40,
		) {
			let outcome: Result<(), TestCaseError> = ExtBuilder::default().build().execute_with(|| {
				let raise = open(RaiseParams { tap_rate, hard_cap: 20_000, ..params() });
				for (i, amount) in amounts.iter().enumerate() {
					assert_ok!(Daico::contribute(signed(i as AccountId + 1), raise, *amount));
				}
				run_to_block(11);
				assert_ok!(Daico::finalize(signed(9), raise));
				for s in steps {
					let r = raise_of(raise);
					match s {
						Step::Wait(n) => run_to_block(System::block_number() + n),
						Step::Withdraw => { let _ = Daico::withdraw(signed(TEAM), raise); },
						Step::VoteDissolve(who, aye) => {
							if r.state == RaiseState::Active &&
								!Proposals::<Test>::contains_key(raise, ProposalKind::Dissolve)
							{
								let _ = Daico::propose(signed(who), raise, Action::Dissolve);
							}
							let _ = Daico::vote(signed(who), raise, ProposalKind::Dissolve, aye);
						},
						Step::CloseDissolve => {
							let _ = Daico::close_proposal(signed(9), raise, ProposalKind::Dissolve);
						},
					}
					Daico::do_try_state().expect("escrow invariant");
				}
				let r = raise_of(raise);
				// The tap never paid more than its rate allows, nor more than was raised.
				let elapsed = System::block_number() - 11;
				prop_assert!(free(TEAM) <= tap_rate * elapsed);
				prop_assert!(free(TEAM) <= r.raised);
				if matches!(r.state, RaiseState::Failed | RaiseState::Dissolved) {
					let pool = r.refund_pool;
					let mut paid = 0;
					for (i, amount) in amounts.iter().enumerate() {
						let who = i as AccountId + 1;
						assert_ok!(Daico::claim_refund(signed(9), raise, who));
						let got = free(who) + amount - ENDOWMENT;
						let share = Daico::pro_rata(pool, *amount, r.raised).unwrap();
						// At most the pro-rata share, plus the remainder for the last one.
						prop_assert!(got >= share);
						prop_assert!(got < share + amounts.len() as u64);
						paid += got;
					}
					prop_assert_eq!(paid, pool);
					prop_assert_eq!(free(escrow(raise)), 0);
				}
				Daico::do_try_state().expect("escrow invariant at the end");
				Ok(())
			});
			outcome?;
		}
	}
}
