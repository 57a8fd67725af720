//! Tests of every call, every error, and whole co-operative stories.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use sp_runtime::{DispatchError, TokenError};

type E = Error<Test>;

fn free(who: AccountId) -> Balance {
	Balances::free_balance(who)
}
fn held(who: AccountId) -> Balance {
	Balances::total_balance_on_hold(&who)
}
fn treasury(coop: CoopId) -> AccountId {
	Membership::treasury(coop)
}
fn coop_info(coop: CoopId) -> CoopOf<Test> {
	Coops::<Test>::get(coop).expect("co-op exists")
}
fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}
const BOUND: Weight = Weight::from_parts(1_000_000_000_000, 1_000_000);

/// Founder `who` creates a co-op with `bylaws`; returns its id.
fn found(who: AccountId, bylaws: BylawsOf<Test>) -> CoopId {
	let coop = NextCoopId::<Test>::get();
	assert_ok!(Membership::create_coop(signed(who), b"bakery".to_vec(), bylaws));
	coop
}

/// `who` joins an open co-op in `class`.
fn join(coop: CoopId, who: AccountId, class: ClassIndex) {
	assert_ok!(Membership::apply(signed(who), coop, class));
	assert!(Members::<Test>::contains_key(coop, who));
}

/// The index of the motion opened last in `coop`.
fn last_motion(coop: CoopId) -> MotionIndex {
	coop_info(coop).next_motion - 1
}

/// `voters` vote `aye` on `motion`.
fn vote_all(coop: CoopId, motion: MotionIndex, voters: &[AccountId], aye: bool) {
	for v in voters {
		assert_ok!(Membership::vote(signed(*v), coop, motion, aye));
	}
}

/// `applicant` applies to a by-vote co-op and `voters` admit them (closing early).
fn admit(coop: CoopId, applicant: AccountId, class: ClassIndex, voters: &[AccountId]) {
	assert_ok!(Membership::apply(signed(applicant), coop, class));
	let motion = last_motion(coop);
	vote_all(coop, motion, voters, true);
	assert_ok!(Membership::close(signed(applicant), coop, motion, Weight::zero()));
	assert!(Members::<Test>::contains_key(coop, applicant), "admitted");
}

/// `proposer` proposes `proposal` in `coop`; returns the motion.
fn propose(coop: CoopId, proposer: AccountId, proposal: ProposalOf<Test>) -> MotionIndex {
	assert_ok!(Membership::propose(signed(proposer), coop, Box::new(proposal)));
	last_motion(coop)
}

mod create_coop {
	use super::*;

	#[test]
	fn founder_becomes_first_member_and_pays_deposit_and_share() {
		ExtBuilder::default().build_and_execute(|| {
			let coop = found(1, bylaws());
			assert_eq!(coop, 0);
			let info = coop_info(coop);
			assert_eq!((info.members, info.voting_members, info.share_capital), (1, 1, SHARE));
			assert_eq!(info.depositor, Some(1));
			assert_eq!(held(1), COOP_DEPOSIT);
			assert_eq!(free(1), ENDOWMENT - COOP_DEPOSIT - SHARE);
			assert_eq!(free(treasury(coop)), SHARE);
			let member = Members::<Test>::get(coop, 1).unwrap();
			assert_eq!((member.class, member.share_capital), (WORKER, SHARE));
			assert_eq!(
				events(),
				vec![
					Event::CoopCreated { coop, founder: 1, treasury: treasury(coop) },
					Event::MemberAdmitted { coop, member: 1, class: 0, share_capital: SHARE },
				]
			);
			assert_eq!(NextCoopId::<Test>::get(), 1);
		});
	}

	#[test]
	fn treasuries_are_distinct() {
		ExtBuilder::default().build_and_execute(|| {
			let a = found(1, bylaws());
			let b = found(2, bylaws());
			assert_ne!(treasury(a), treasury(b));
			assert_eq!(free(treasury(b)), SHARE);
		});
	}

	#[test]
	fn fails_with_a_long_name() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(
				Membership::create_coop(signed(1), vec![b'x'; 33], bylaws()),
				E::NameTooLong
			);
		});
	}

	#[test]
	fn fails_with_invalid_bylaws() {
		ExtBuilder::default().build_and_execute(|| {
			let check = |b: BylawsOf<Test>, e: E| {
				assert_noop!(Membership::create_coop(signed(1), b"x".to_vec(), b), e);
			};
			check(Bylaws { classes: Default::default(), ..bylaws() }, E::NoMemberClasses);
			let mut classes = bylaws().classes;
			classes[0].votes = false;
			check(Bylaws { classes, ..bylaws() }, E::FirstClassMustVote);
			let mut classes = bylaws().classes;
			classes[1].kind = ClassKind::Worker;
			check(Bylaws { classes, ..bylaws() }, E::DuplicateMemberClass);
			check(
				Bylaws { approval: Perbill::from_percent(49), ..bylaws() },
				E::ApprovalBelowMajority,
			);
			check(
				Bylaws { investor_vote_cap: Perbill::from_percent(51), ..bylaws() },
				E::InvestorCapTooHigh,
			);
			check(Bylaws { voting_period: 1, ..bylaws() }, E::VotingPeriodOutOfBounds);
			check(Bylaws { voting_period: 101, ..bylaws() }, E::VotingPeriodOutOfBounds);
			check(Bylaws { withdrawal_notice: 51, ..bylaws() }, E::WithdrawalNoticeTooLong);
			check(Bylaws { max_members: 0, ..bylaws() }, E::MaxMembersOutOfBounds);
			check(Bylaws { max_members: 13, ..bylaws() }, E::MaxMembersOutOfBounds);
			check(Bylaws { share_price: 4, ..bylaws() }, E::SharePriceBelowMinimum);
		});
	}

	#[test]
	fn zero_share_price_is_allowed() {
		ExtBuilder::default().build_and_execute(|| {
			let coop = found(1, Bylaws { share_price: 0, ..bylaws() });
			assert_eq!(coop_info(coop).share_capital, 0);
		});
	}

	#[test]
	fn fails_without_funds_for_the_deposit() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(
				Membership::create_coop(signed(99), b"x".to_vec(), bylaws()),
				TokenError::FundsUnavailable
			);
		});
	}
}

mod apply {
	use super::*;

	#[test]
	fn open_admission_admits_at_once() {
		ExtBuilder::default().build_and_execute(|| {
			let coop = found(1, open_bylaws());
			assert_ok!(Membership::apply(signed(2), coop, CONSUMER));
			assert_eq!(
				last_event(),
				Event::MemberAdmitted { coop, member: 2, class: CONSUMER, share_capital: SHARE }
			);
			assert_eq!(free(2), ENDOWMENT - SHARE);
			assert_eq!(free(treasury(coop)), 2 * SHARE);
			let info = coop_info(coop);
			assert_eq!((info.members, info.voting_members, info.share_capital), (2, 2, 2 * SHARE));
		});
	}

	#[test]
	fn non_voting_class_counts_as_member_not_voter() {
		ExtBuilder::default().build_and_execute(|| {
			let coop = found(1, open_bylaws());
			join(coop, 2, SUPPORTER);
			let info = coop_info(coop);
			assert_eq!((info.members, info.voting_members), (2, 1));
			assert!(Membership::is_member(coop, &2));
			assert!(!Membership::is_voting_member(coop, &2));
		});
	}

	#[test]
	fn by_vote_holds_the_share_and_opens_an_admission_motion() {
		ExtBuilder::default().build_and_execute(|| {
			let coop = found(1, bylaws());
			assert_ok!(Membership::apply(signed(2), coop, WORKER));
			assert!(!Members::<Test>::contains_key(coop, 2));
			assert_eq!(held(2), SHARE + MOTION_DEPOSIT);
			assert_eq!(free(treasury(coop)), SHARE, "nothing paid in yet");
			let motion = Motions::<Test>::get(coop, 0).unwrap();
			assert_eq!(motion.proposal, Proposal::Admit { applicant: 2 });
			assert_eq!(motion.electorate, 1);
			assert_eq!(
				Applications::<Test>::get(coop, 2),
				Some(Application { class: WORKER, motion: 0, held: SHARE })
			);
			assert_eq!(
				last_event(),
				Event::ApplicationSubmitted { coop, applicant: 2, class: WORKER, motion: 0 }
			);
		});
	}

	#[test]
	fn fails_for_missing_coop_member_pending_or_unknown_class() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(Membership::apply(signed(2), 7, WORKER), E::CoopNotFound);
			let coop = found(1, bylaws());
			assert_noop!(Membership::apply(signed(1), coop, WORKER), E::AlreadyMember);
			assert_ok!(Membership::apply(signed(2), coop, WORKER));
			assert_noop!(Membership::apply(signed(2), coop, WORKER), E::ApplicationPending);
			assert_noop!(Membership::apply(signed(3), coop, 9), E::UnknownClass);
		});
	}

	#[test]
	fn fails_when_the_coop_is_full() {
		ExtBuilder::default().build_and_execute(|| {
			let coop = found(1, Bylaws { max_members: 2, ..open_bylaws() });
			join(coop, 2, WORKER);
			assert_noop!(Membership::apply(signed(3), coop, WORKER), E::CoopFull);
		});
	}

	#[test]
	fn fails_when_motions_are_full() {
		ExtBuilder::default().build_and_execute(|| {
			let coop = found(1, bylaws());
			for who in 2..6 {
				assert_ok!(Membership::apply(signed(who), coop, WORKER));
			}
			assert_noop!(Membership::apply(signed(6), coop, WORKER), E::TooManyOpenMotions);
		});
	}

	#[test]
	fn fails_without_funds_for_the_share() {
		ExtBuilder::default().build_and_execute(|| {
			let coop = found(1, open_bylaws());
			assert_noop!(Membership::apply(signed(99), coop, WORKER), TokenError::FundsUnavailable);
		});
	}
}

mod investor_cap {
	use super::*;

	#[test]
	fn investors_never_exceed_the_cap() {
		ExtBuilder::default().build_and_execute(|| {
			// Cap: a third of the voting members.
			let coop = found(1, open_bylaws());
			assert_noop!(Membership::apply(signed(2), coop, INVESTOR), E::InvestorCapReached);
			join(coop, 2, WORKER);
			join(coop, 3, INVESTOR); // 1 investor of 3 voters
			assert_eq!(coop_info(coop).voting_investors, 1);
			assert_noop!(Membership::apply(signed(4), coop, INVESTOR), E::InvestorCapReached);
			join(coop, 4, CONSUMER);
			join(coop, 5, CONSUMER);
			join(coop, 6, INVESTOR); // 2 investors of 6 voters
			assert_eq!(coop_info(coop).voting_investors, 2);
			// Non-voting supporters do not help investors.
			join(coop, 7, SUPPORTER);
			assert_noop!(Membership::apply(signed(8), coop, INVESTOR), E::InvestorCapReached);
		});
	}

	#[test]
	fn cap_is_checked_again_at_admission() {
		ExtBuilder::default().build_and_execute(|| {
			let coop = found(1, bylaws());
			admit(coop, 2, WORKER, &[1]);
			// Two investor applications, each admissible alone, not both.
			assert_ok!(Membership::apply(signed(3), coop, INVESTOR));
			let first = last_motion(coop);
			assert_ok!(Membership::apply(signed(4), coop, INVESTOR));
			let second = last_motion(coop);
			vote_all(coop, first, &[1, 2], true);
			assert_ok!(Membership::close(signed(1), coop, first, Weight::zero()));
			vote_all(coop, second, &[1, 2], true);
			assert_ok!(Membership::close(signed(1), coop, second, Weight::zero()));
			assert!(Members::<Test>::contains_key(coop, 3));
			assert!(!Members::<Test>::contains_key(coop, 4));
			assert!(events().contains(&Event::MotionNotExecuted {
				coop,
				motion: second,
				reason: E::InvestorCapReached.into()
			}));
			assert_eq!(held(4), 0, "refused applicant refunded");
			assert_eq!(free(4), ENDOWMENT);
		});
	}
}

mod vote {
	use super::*;

	#[test]
	fn counts_and_changes_votes() {
		ExtBuilder::default().build_and_execute(|| {
			let coop = found(1, open_bylaws());
			join(coop, 2, WORKER);
			join(coop, 3, WORKER);
			let m = propose(coop, 1, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
			assert_ok!(Membership::vote(signed(2), coop, m, false));
			assert_eq!(
				last_event(),
				Event::Voted { coop, motion: m, voter: 2, aye: false, ayes: 0, nays: 1 }
			);
			assert_ok!(Membership::vote(signed(2), coop, m, true));
			let motion = Motions::<Test>::get(coop, m).unwrap();
			assert_eq!((motion.ayes, motion.nays, motion.electorate), (1, 0, 3));
			assert_noop!(Membership::vote(signed(2), coop, m, true), E::AlreadyVoted);
		});
	}

	#[test]
	fn fails_for_strangers_non_voters_and_unknown_motions() {
		ExtBuilder::default().build_and_execute(|| {
			let coop = found(1, open_bylaws());
			join(coop, 2, SUPPORTER);
			let m = propose(coop, 1, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
			assert_noop!(Membership::vote(signed(5), coop, m, true), E::NotMember);
			assert_noop!(Membership::vote(signed(2), coop, m, true), E::NotVotingMember);
			assert_noop!(Membership::vote(signed(1), coop, 42, true), E::MotionNotFound);
			assert_noop!(Membership::vote(signed(1), 9, m, true), E::CoopNotFound);
		});
	}

	#[test]
	fn a_late_joiner_cannot_vote() {
		ExtBuilder::default().build_and_execute(|| {
			let coop = found(1, open_bylaws());
			let m = propose(coop, 1, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
			join(coop, 2, WORKER);
			assert_noop!(Membership::vote(signed(2), coop, m, false), E::JoinedAfterMotionOpened);
			assert_eq!(Motions::<Test>::get(coop, m).unwrap().electorate, 1);
			// They vote on motions opened after they joined.
			let next = propose(coop, 1, Proposal::GrantRole { who: 8, role: CoopRole::Operator });
			assert_ok!(Membership::vote(signed(2), coop, next, false));
		});
	}

	#[test]
	fn fails_after_the_voting_period() {
		ExtBuilder::default().build_and_execute(|| {
			let coop = found(1, open_bylaws());
			let m = propose(coop, 1, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
			run_to_block(1 + VOTING_PERIOD);
			assert_noop!(Membership::vote(signed(1), coop, m, true), E::VotingEnded);
		});
	}
}

mod close {
	use super::*;

	#[test]
	fn admits_an_approved_applicant() {
		ExtBuilder::default().build_and_execute(|| {
			let coop = found(1, bylaws());
			assert_ok!(Membership::apply(signed(2), coop, CONSUMER));
			assert_ok!(Membership::vote(signed(1), coop, 0, true));
			// Certain already: the only voter said aye.
			assert_ok!(Membership::close(signed(3), coop, 0, Weight::zero()));
			assert!(Members::<Test>::contains_key(coop, 2));
			assert_eq!(held(2), 0);
			assert_eq!(free(2), ENDOWMENT - SHARE);
			assert_eq!(free(treasury(coop)), 2 * SHARE);
			assert_eq!(coop_info(coop).share_capital, 2 * SHARE);
			assert!(Motions::<Test>::get(coop, 0).is_none());
			assert_eq!(Votes::<Test>::iter_prefix((coop, 0)).count(), 0);
			let evs = events();
			assert!(evs.contains(&Event::MotionClosed {
				coop,
				motion: 0,
				outcome: MotionOutcome::Approved,
				ayes: 1,
				nays: 0,
				electorate: 1
			}));
			assert_eq!(
				last_event(),
				Event::MemberAdmitted { coop, member: 2, class: CONSUMER, share_capital: SHARE }
			);
		});
	}

	#[test]
	fn refuses_a_rejected_applicant_in_full_and_forfeits_a_spam_deposit() {
		ExtBuilder::default().build_and_execute(|| {
			let coop = found(1, bylaws());
			admit(coop, 2, WORKER, &[1]);
			let treasury_before = free(treasury(coop));
			assert_ok!(Membership::apply(signed(3), coop, WORKER));
			let m = last_motion(coop);
			vote_all(coop, m, &[1, 2], false);
			assert_ok!(Membership::close(signed(1), coop, m, Weight::zero()));
			assert!(!Members::<Test>::contains_key(coop, 3));
			assert_eq!(held(3), 0);
			// Share refunded in full; the deposit of a motion nobody supported is forfeited.
			assert_eq!(free(3), ENDOWMENT - MOTION_DEPOSIT);
			assert_eq!(free(treasury(coop)), treasury_before + MOTION_DEPOSIT);
			let evs = events();
			assert!(evs.contains(&Event::MotionDepositForfeited {
				coop,
				motion: m,
				amount: MOTION_DEPOSIT
			}));
			assert!(evs.contains(&Event::ApplicationRefunded {
				coop,
				applicant: 3,
				amount: SHARE
			}));
		});
	}

	#[test]
	fn a_rejected_motion_with_support_keeps_its_deposit() {
		ExtBuilder::default().build_and_execute(|| {
			let coop = found(1, open_bylaws());
			join(coop, 2, WORKER);
			join(coop, 3, WORKER);
			let m = propose(coop, 1, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
			assert_ok!(Membership::vote(signed(2), coop, m, true));
			vote_all(coop, m, &[1, 3], false);
			run_to_block(1 + VOTING_PERIOD);
			assert_ok!(Membership::close(signed(1), coop, m, Weight::zero()));
			assert_eq!(held(1), COOP_DEPOSIT, "motion deposit released");
			assert!(!Membership::has_role(coop, &9, CoopRole::Operator));
			assert!(events().contains(&Event::MotionClosed {
				coop,
				motion: m,
				outcome: MotionOutcome::Rejected,
				ayes: 1,
				nays: 2,
				electorate: 3
			}));
		});
	}

	#[test]
	fn expires_without_quorum_and_refunds_everything() {
		ExtBuilder::default().build_and_execute(|| {
			let coop = found(1, bylaws());
			admit(coop, 2, WORKER, &[1]);
			admit(coop, 3, WORKER, &[1, 2]);
			assert_ok!(Membership::apply(signed(4), coop, WORKER));
			let m = last_motion(coop);
			// One vote of three: below the 50 % quorum.
			assert_ok!(Membership::vote(signed(1), coop, m, false));
			assert_noop!(Membership::close(signed(1), coop, m, Weight::zero()), E::TooEarlyToClose);
			run_to_block(1 + VOTING_PERIOD);
			assert_ok!(Membership::close(signed(1), coop, m, Weight::zero()));
			assert!(events().contains(&Event::MotionClosed {
				coop,
				motion: m,
				outcome: MotionOutcome::Expired,
				ayes: 0,
				nays: 1,
				electorate: 3
			}));
			assert_eq!(free(4), ENDOWMENT, "share and deposit back in full");
			assert_eq!(held(4), 0);
		});
	}

	#[test]
	fn closes_early_only_when_the_outcome_is_certain() {
		ExtBuilder::default().build_and_execute(|| {
			let coop = found(1, open_bylaws());
			for who in 2..=5 {
				join(coop, who, WORKER);
			}
			let m = propose(coop, 1, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
			vote_all(coop, m, &[1, 2], true);
			// 2 of 5: not yet a majority of the electorate.
			assert_noop!(Membership::close(signed(1), coop, m, Weight::zero()), E::TooEarlyToClose);
			assert_ok!(Membership::vote(signed(3), coop, m, true));
			assert_ok!(Membership::close(signed(1), coop, m, Weight::zero()));
			assert!(Membership::has_role(coop, &9, CoopRole::Operator));

			let m = propose(coop, 1, Proposal::GrantRole { who: 8, role: CoopRole::Operator });
			vote_all(coop, m, &[2, 3], false);
			assert_noop!(Membership::close(signed(1), coop, m, Weight::zero()), E::TooEarlyToClose);
			assert_ok!(Membership::vote(signed(4), coop, m, false));
			// Even all missing votes as ayes (2 of 5) could not reach 3: rejected now.
			assert_ok!(Membership::close(signed(1), coop, m, Weight::zero()));
			assert!(!Membership::has_role(coop, &8, CoopRole::Operator));
		});
	}

	#[test]
	fn fails_for_unknown_motions_and_low_weight_bounds() {
		ExtBuilder::default().build_and_execute(|| {
			let coop = found(1, open_bylaws());
			assert_noop!(Membership::close(signed(1), coop, 0, Weight::zero()), E::MotionNotFound);
			let call = RuntimeCall::System(frame_system::Call::remark { remark: vec![1; 10] });
			let m = propose(coop, 1, Proposal::Dispatch { call: Box::new(call) });
			assert_ok!(Membership::vote(signed(1), coop, m, true));
			assert_noop!(
				Membership::close(signed(1), coop, m, Weight::zero()),
				E::CallWeightBoundTooLow
			);
			assert_ok!(Membership::close(signed(1), coop, m, BOUND));
			assert!(events().contains(&Event::MotionExecuted { coop, motion: m, result: Ok(()) }));
		});
	}

	#[test]
	fn an_admission_of_a_full_coop_is_refunded() {
		ExtBuilder::default().build_and_execute(|| {
			let coop = found(1, Bylaws { max_members: 2, ..bylaws() });
			assert_ok!(Membership::apply(signed(2), coop, WORKER));
			assert_ok!(Membership::apply(signed(3), coop, WORKER));
			assert_ok!(Membership::vote(signed(1), coop, 0, true));
			assert_ok!(Membership::close(signed(1), coop, 0, Weight::zero()));
			assert_ok!(Membership::vote(signed(1), coop, 1, true));
			assert_ok!(Membership::close(signed(1), coop, 1, Weight::zero()));
			assert!(!Members::<Test>::contains_key(coop, 3));
			assert!(events().contains(&Event::MotionNotExecuted {
				coop,
				motion: 1,
				reason: E::CoopFull.into()
			}));
			assert_eq!(free(3), ENDOWMENT);
		});
	}
}

mod withdraw_and_redeem {
	use super::*;

	#[test]
	fn withdrawal_ends_membership_and_repays_after_notice() {
		ExtBuilder::default().build_and_execute(|| {
			let coop = found(1, open_bylaws());
			join(coop, 2, WORKER);
			assert_ok!(Membership::withdraw(signed(2), coop));
			assert!(!Members::<Test>::contains_key(coop, 2));
			assert_eq!(
				last_event(),
				Event::MemberWithdrew {
					coop,
					member: 2,
					amount: SHARE,
					redeemable_from: 1 + NOTICE
				}
			);
			assert_eq!(removed(), vec![(coop, 2)]);
			let info = coop_info(coop);
			assert_eq!((info.members, info.share_capital), (1, SHARE));
			assert_noop!(Membership::redeem_share(signed(2), coop, 2), E::RedemptionNotDue);
			run_to_block(1 + NOTICE);
			assert_ok!(Membership::redeem_share(signed(5), coop, 2));
			assert_eq!(free(2), ENDOWMENT, "share paid back at face value");
			assert_eq!(last_event(), Event::ShareRedeemed { coop, member: 2, amount: SHARE });
			assert!(Redemptions::<Test>::get(coop, 2).is_none());
			assert_noop!(Membership::redeem_share(signed(2), coop, 2), E::NoRedemption);
		});
	}

	#[test]
	fn withdraw_fails_for_non_members() {
		ExtBuilder::default().build_and_execute(|| {
			let coop = found(1, open_bylaws());
			assert_noop!(Membership::withdraw(signed(2), coop), E::NotMember);
			assert_noop!(Membership::withdraw(signed(2), 5), E::CoopNotFound);
		});
	}

	#[test]
	fn a_leaver_s_votes_are_removed_from_open_motions() {
		ExtBuilder::default().build_and_execute(|| {
			let coop = found(1, open_bylaws());
			join(coop, 2, WORKER);
			join(coop, 3, WORKER);
			let m = propose(coop, 1, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
			assert_ok!(Membership::vote(signed(2), coop, m, true));
			assert_ok!(Membership::withdraw(signed(2), coop));
			let motion = Motions::<Test>::get(coop, m).unwrap();
			assert_eq!((motion.ayes, motion.nays, motion.electorate), (0, 0, 2));
			assert!(Votes::<Test>::get((coop, m), 2).is_none());
		});
	}

	#[test]
	fn an_insolvent_treasury_queues_redemptions_first_in_first_out() {
		ExtBuilder::default().build_and_execute(|| {
			let coop = found(1, open_bylaws());
			for who in 2..=5 {
				join(coop, who, WORKER);
			}
			for who in 2..=5 {
				assert_ok!(Membership::withdraw(signed(who), coop));
			}
			// The co-op spent its capital: only one share is left.
			assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), treasury(coop), SHARE));
			run_to_block(1 + NOTICE);
			// Paid at once while there is money and nobody waits.
			assert_ok!(Membership::redeem_share(signed(3), coop, 3));
			assert_eq!(free(3), ENDOWMENT);
			for who in [2, 5, 4] {
				assert_ok!(Membership::redeem_share(signed(who), coop, who));
			}
			assert_eq!(RedemptionQueue::<Test>::get(coop).to_vec(), vec![2, 5, 4]);
			assert_eq!(
				last_event(),
				Event::RedemptionQueued { coop, member: 4, amount: SHARE, ahead: 2 }
			);
			assert_noop!(Membership::redeem_share(signed(2), coop, 2), E::AlreadyQueued);
			// Nothing is paid while the treasury is empty.
			assert_ok!(Membership::pay_redemption_queue(signed(9), coop));
			assert_eq!(RedemptionQueue::<Test>::get(coop).len(), 3);
			// Funds arrive for two shares: the first two in line are paid, in order.
			assert_ok!(Balances::force_set_balance(
				RuntimeOrigin::root(),
				treasury(coop),
				2 * SHARE
			));
			assert_ok!(Membership::pay_redemption_queue(signed(9), coop));
			assert_eq!(free(2), ENDOWMENT);
			assert_eq!(free(5), ENDOWMENT);
			assert_eq!(free(4), ENDOWMENT - SHARE, "still owed, never lost");
			assert_eq!(RedemptionQueue::<Test>::get(coop).to_vec(), vec![4]);
			assert_eq!(Redemptions::<Test>::get(coop, 4).unwrap().amount, SHARE);
		});
	}

	#[test]
	fn a_full_queue_refuses_more_but_keeps_the_claim() {
		ExtBuilder::default().build_and_execute(|| {
			let coop = found(1, open_bylaws());
			for who in 2..=5 {
				join(coop, who, WORKER);
				assert_ok!(Membership::withdraw(signed(who), coop));
			}
			assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), treasury(coop), 0));
			run_to_block(1 + NOTICE);
			for who in 2..=4 {
				assert_ok!(Membership::redeem_share(signed(who), coop, who));
			}
			assert_noop!(Membership::redeem_share(signed(5), coop, 5), E::RedemptionQueueFull);
			assert!(Redemptions::<Test>::contains_key(coop, 5));
		});
	}
}

mod propose {
	use super::*;

	#[test]
	fn holds_the_deposit_and_opens_the_motion() {
		ExtBuilder::default().build_and_execute(|| {
			let coop = found(1, open_bylaws());
			let m = propose(coop, 1, Proposal::Expel { member: 1 });
			assert_eq!(held(1), COOP_DEPOSIT + MOTION_DEPOSIT);
			let motion = Motions::<Test>::get(coop, m).unwrap();
			assert_eq!(motion.earliest_close, 1 + DEFENCE_WINDOW);
			assert_eq!(
				last_event(),
				Event::MotionProposed {
					coop,
					motion: m,
					proposer: 1,
					electorate: 1,
					voting_ends: 1 + VOTING_PERIOD
				}
			);
		});
	}

	#[test]
	fn fails_for_non_voters_and_bad_proposals() {
		ExtBuilder::default().build_and_execute(|| {
			let coop = found(1, open_bylaws());
			join(coop, 2, SUPPORTER);
			let grant = || Box::new(Proposal::GrantRole { who: 9, role: CoopRole::Operator });
			assert_noop!(Membership::propose(signed(3), coop, grant()), E::NotMember);
			assert_noop!(Membership::propose(signed(2), coop, grant()), E::NotVotingMember);
			assert_noop!(Membership::propose(signed(1), 5, grant()), E::CoopNotFound);
			assert_noop!(
				Membership::propose(signed(1), coop, Box::new(Proposal::Admit { applicant: 3 })),
				E::AdmissionIsByApplication
			);
			assert_noop!(
				Membership::propose(signed(1), coop, Box::new(Proposal::Expel { member: 3 })),
				E::NotMember
			);
			let long = RuntimeCall::System(frame_system::Call::remark { remark: vec![0; 300] });
			assert_noop!(
				Membership::propose(
					signed(1),
					coop,
					Box::new(Proposal::Dispatch { call: Box::new(long) })
				),
				E::CallTooLong
			);
			assert_noop!(
				Membership::propose(
					signed(1),
					coop,
					Box::new(Proposal::RevokeRole { who: 9, role: CoopRole::Operator })
				),
				E::RoleNotHeld
			);
			let mut fewer = open_bylaws();
			fewer.classes.pop();
			assert_noop!(
				Membership::propose(
					signed(1),
					coop,
					Box::new(Proposal::ChangeBylaws { bylaws: fewer })
				),
				E::ClassesMayOnlyBeAppended
			);
			assert_noop!(
				Membership::propose(
					signed(1),
					coop,
					Box::new(Proposal::ChangeBylaws {
						bylaws: Bylaws { max_members: 1, ..open_bylaws() }
					})
				),
				E::MaxMembersBelowCurrent
			);
			for _ in 0..4 {
				assert_ok!(Membership::propose(signed(1), coop, grant()));
			}
			assert_noop!(Membership::propose(signed(1), coop, grant()), E::TooManyOpenMotions);
		});
	}

	#[test]
	fn bylaws_change_by_motion() {
		ExtBuilder::default().build_and_execute(|| {
			let coop = found(1, bylaws());
			let new = Bylaws { share_price: 70, admission: AdmissionMode::Open, ..bylaws() };
			let m = propose(coop, 1, Proposal::ChangeBylaws { bylaws: new.clone() });
			assert_ok!(Membership::vote(signed(1), coop, m, true));
			assert_ok!(Membership::close(signed(1), coop, m, Weight::zero()));
			assert_eq!(coop_info(coop).bylaws, new);
			assert_eq!(last_event(), Event::BylawsChanged { coop });
			join(coop, 2, WORKER);
			assert_eq!(Members::<Test>::get(coop, 2).unwrap().share_capital, 70);
		});
	}

	#[test]
	fn roles_are_granted_and_revoked_by_motion() {
		ExtBuilder::default().build_and_execute(|| {
			let coop = found(1, open_bylaws());
			let pass = |p: ProposalOf<Test>| {
				let m = propose(coop, 1, p);
				assert_ok!(Membership::vote(signed(1), coop, m, true));
				assert_ok!(Membership::close(signed(1), coop, m, Weight::zero()));
			};
			pass(Proposal::GrantRole { who: 9, role: CoopRole::Operator });
			assert!(Membership::has_role(coop, &9, CoopRole::Operator));
			assert!(!Membership::has_role(coop, &9, CoopRole::ValidatorOperator));
			pass(Proposal::GrantRole { who: 9, role: CoopRole::ValidatorOperator });
			pass(Proposal::GrantRole { who: 8, role: CoopRole::Operator });
			assert_eq!(coop_info(coop).role_holders, 2);
			// A third holder is over `MaxRoleHolders`.
			pass(Proposal::GrantRole { who: 7, role: CoopRole::Operator });
			assert!(!Membership::has_role(coop, &7, CoopRole::Operator));
			assert!(matches!(
				last_event(),
				Event::MotionNotExecuted { reason, .. } if reason == E::TooManyRoleHolders.into()
			));
			pass(Proposal::RevokeRole { who: 9, role: CoopRole::Operator });
			assert!(!Membership::has_role(coop, &9, CoopRole::Operator));
			assert_eq!(last_event(), Event::RoleRevoked { coop, who: 9, role: CoopRole::Operator });
			assert_noop!(
				Membership::propose(
					signed(1),
					coop,
					Box::new(Proposal::GrantRole { who: 8, role: CoopRole::Operator })
				),
				E::RoleAlreadyHeld
			);
		});
	}
}

mod expulsion {
	use super::*;

	#[test]
	fn waits_for_the_defence_window_then_expels_and_owes_the_share() {
		ExtBuilder::default().build_and_execute(|| {
			let coop = found(1, open_bylaws());
			join(coop, 2, WORKER);
			join(coop, 3, WORKER);
			let m = propose(coop, 1, Proposal::Expel { member: 3 });
			vote_all(coop, m, &[1, 2], true);
			// Certain, but the accused has the right to answer first.
			assert_noop!(Membership::close(signed(1), coop, m, Weight::zero()), E::TooEarlyToClose);
			assert_ok!(Membership::defend(signed(3), coop, m, b"I paid my dues".to_vec()));
			assert!(Motions::<Test>::get(coop, m).unwrap().defended);
			assert_eq!(
				last_event(),
				Event::DefenceSubmitted {
					coop,
					motion: m,
					member: 3,
					statement: b"I paid my dues".to_vec().try_into().unwrap()
				}
			);
			run_to_block(1 + DEFENCE_WINDOW);
			assert_ok!(Membership::close(signed(1), coop, m, Weight::zero()));
			assert!(!Members::<Test>::contains_key(coop, 3));
			assert_eq!(last_event(), Event::MemberExpelled { coop, member: 3, amount: SHARE });
			assert_eq!(removed(), vec![(coop, 3)]);
			// Redeemed as on withdrawal (without waiting for a notice).
			assert_ok!(Membership::redeem_share(signed(3), coop, 3));
			assert_eq!(free(3), ENDOWMENT);
		});
	}

	#[test]
	fn defend_fails_for_others_and_other_motions() {
		ExtBuilder::default().build_and_execute(|| {
			let coop = found(1, open_bylaws());
			join(coop, 2, WORKER);
			let expel = propose(coop, 1, Proposal::Expel { member: 2 });
			let grant = propose(coop, 1, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
			assert_noop!(Membership::defend(signed(1), coop, expel, vec![]), E::NotTheAccused);
			assert_noop!(Membership::defend(signed(2), coop, grant, vec![]), E::NotAnExpulsion);
			assert_noop!(Membership::defend(signed(2), coop, 9, vec![]), E::MotionNotFound);
			assert_noop!(
				Membership::defend(signed(2), coop, expel, vec![0; 65]),
				E::StatementTooLong
			);
		});
	}

	#[test]
	fn expelling_someone_who_already_left_changes_nothing() {
		ExtBuilder::default().build_and_execute(|| {
			let coop = found(1, open_bylaws());
			join(coop, 2, WORKER);
			let m = propose(coop, 1, Proposal::Expel { member: 2 });
			assert_ok!(Membership::vote(signed(1), coop, m, true));
			assert_ok!(Membership::withdraw(signed(2), coop));
			run_to_block(1 + DEFENCE_WINDOW);
			assert_ok!(Membership::close(signed(1), coop, m, Weight::zero()));
			assert_eq!(
				last_event(),
				Event::MotionNotExecuted { coop, motion: m, reason: E::NotMember.into() }
			);
			assert_eq!(Redemptions::<Test>::get(coop, 2).unwrap().due, 1 + NOTICE);
		});
	}
}

mod dissolve {
	use super::*;

	#[test]
	fn by_its_own_motion_owes_every_member_and_returns_the_deposit() {
		// Co-op 0 is the federation, which cannot dissolve: this co-op is co-op 1.
		ExtBuilder::default().with_federation(vec![10]).build_and_execute(|| {
			let coop = found(1, open_bylaws());
			join(coop, 2, WORKER);
			let call = RuntimeCall::Membership(crate::Call::dissolve_coop { coop });
			let m = propose(coop, 1, Proposal::Dispatch { call: Box::new(call) });
			vote_all(coop, m, &[1, 2], true);
			assert_ok!(Membership::close(signed(1), coop, m, BOUND));
			assert!(
				events().contains(&Event::MotionExecuted { coop, motion: m, result: Ok(()) }),
				"{:?}",
				events()
			);
			assert!(Coops::<Test>::get(coop).is_none());
			assert_eq!(Members::<Test>::iter_prefix(coop).count(), 0);
			assert_eq!(held(1), 0, "deposit returned");
			assert!(events().contains(&Event::CoopDissolved { coop, members: 2 }));
			let mut gone = removed();
			gone.sort();
			assert_eq!(gone, vec![(coop, 1), (coop, 2)]);
			assert_ok!(Membership::redeem_share(signed(1), coop, 1));
			assert_ok!(Membership::redeem_share(signed(2), coop, 2));
			assert_eq!(free(1), ENDOWMENT);
			assert_eq!(free(2), ENDOWMENT);
		});
	}

	#[test]
	fn fails_for_others_the_federation_and_coops_with_open_motions() {
		ExtBuilder::default().with_federation(vec![1]).build_and_execute(|| {
			let coop = found(2, open_bylaws());
			assert_noop!(Membership::dissolve_coop(signed(2), coop), DispatchError::BadOrigin);
			assert_noop!(
				Membership::dissolve_coop(RuntimeOrigin::root(), 0),
				E::FederationCannotDissolve
			);
			assert_noop!(Membership::dissolve_coop(RuntimeOrigin::root(), 9), E::CoopNotFound);
			// Another co-op's motion cannot dissolve it.
			assert_noop!(
				Membership::dissolve_coop(Origin::Coop(0).into(), coop),
				DispatchError::BadOrigin
			);
			propose(coop, 2, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
			assert_noop!(
				Membership::dissolve_coop(RuntimeOrigin::root(), coop),
				E::CoopHasOpenMotions
			);
		});
	}
}

mod stories {
	use super::*;

	#[test]
	fn found_admit_reject_withdraw_and_redeem() {
		ExtBuilder::default().build_and_execute(|| {
			let coop = found(1, bylaws());
			admit(coop, 2, WORKER, &[1]);
			admit(coop, 3, CONSUMER, &[1, 2]);
			admit(coop, 4, CONSUMER, &[1, 2]);
			// Applicant 5 is refused.
			assert_ok!(Membership::apply(signed(5), coop, WORKER));
			let m = last_motion(coop);
			vote_all(coop, m, &[1, 2, 3], false);
			assert_ok!(Membership::vote(signed(4), coop, m, true));
			run_to_block(1 + VOTING_PERIOD);
			assert_ok!(Membership::close(signed(5), coop, m, Weight::zero()));
			assert!(!Members::<Test>::contains_key(coop, 5));
			assert_eq!(free(5), ENDOWMENT, "refused in full; supported, so no forfeit");
			assert_eq!(coop_info(coop).members, 4);
			assert_eq!(free(treasury(coop)), 4 * SHARE);
			// Member 3 leaves and is repaid after the notice.
			assert_ok!(Membership::withdraw(signed(3), coop));
			run_to_block(System::block_number() + NOTICE);
			assert_ok!(Membership::redeem_share(signed(3), coop, 3));
			assert_eq!(free(3), ENDOWMENT);
			assert_eq!(coop_info(coop).share_capital, 3 * SHARE);
			assert_eq!(free(treasury(coop)), 3 * SHARE);
		});
	}

	#[test]
	fn a_coop_joins_the_federation_through_its_own_motion() {
		ExtBuilder::default().with_federation(vec![10, 11]).build_and_execute(|| {
			let federation = coop_primitives::FEDERATION;
			let coop = found(1, open_bylaws());
			join(coop, 2, WORKER);
			let member_account = treasury(coop);
			// The co-op's treasury pays the federation's share and deposit from members' capital.
			let apply = RuntimeCall::Membership(crate::Call::apply { coop: federation, class: 0 });
			let m = propose(coop, 1, Proposal::Dispatch { call: Box::new(apply) });
			vote_all(coop, m, &[1, 2], true);
			assert_ok!(Membership::close(signed(1), coop, m, BOUND));
			assert!(events().contains(&Event::ApplicationSubmitted {
				coop: federation,
				applicant: member_account,
				class: 0,
				motion: 0
			}));
			// The federation's member co-ops admit it.
			vote_all(federation, 0, &[10, 11], true);
			assert_ok!(Membership::close(signed(10), federation, 0, Weight::zero()));
			assert!(Membership::is_voting_member(federation, &member_account));
			assert_eq!(
				Members::<Test>::get(federation, member_account).unwrap().share_capital,
				SHARE
			);

			// Now the co-op votes in the federation, again through its own motion.
			let fm =
				propose(federation, 10, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
			let vote = RuntimeCall::Membership(crate::Call::vote {
				coop: federation,
				motion: fm,
				aye: true,
			});
			let m = propose(coop, 1, Proposal::Dispatch { call: Box::new(vote) });
			vote_all(coop, m, &[1, 2], true);
			assert_ok!(Membership::close(signed(1), coop, m, BOUND));
			assert_eq!(Votes::<Test>::get((federation, fm), member_account), Some(true));
			// A signed account cannot pose as the co-op.
			assert_noop!(Membership::vote(signed(1), federation, fm, true), E::NotMember);
		});
	}

	#[test]
	fn genesis_federation_has_its_founders() {
		ExtBuilder::default().with_federation(vec![10, 11, 12]).build_and_execute(|| {
			let info = coop_info(0);
			assert_eq!((info.members, info.voting_members, info.share_capital), (3, 3, 0));
			assert_eq!(info.depositor, None);
			assert_eq!(NextCoopId::<Test>::get(), 1);
			assert_eq!(found(1, bylaws()), 1);
		});
	}
}

mod invariants {
	use super::*;

	#[test]
	fn try_state_catches_a_broken_member_count() {
		ExtBuilder::default().build().execute_with(|| {
			let coop = found(1, open_bylaws());
			Coops::<Test>::mutate(coop, |c| c.as_mut().unwrap().members = 5);
			assert!(Membership::do_try_state().is_err());
		});
	}

	#[test]
	fn try_state_catches_a_broken_tally() {
		ExtBuilder::default().build().execute_with(|| {
			let coop = found(1, open_bylaws());
			let m = propose(coop, 1, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
			Motions::<Test>::mutate(coop, m, |x| x.as_mut().unwrap().ayes = 1);
			assert!(Membership::do_try_state().is_err());
		});
	}

	#[test]
	fn try_state_catches_missing_share_capital() {
		ExtBuilder::default().build().execute_with(|| {
			let coop = found(1, open_bylaws());
			Coops::<Test>::mutate(coop, |c| c.as_mut().unwrap().share_capital = 1);
			assert!(Membership::do_try_state().is_err());
		});
	}
}
