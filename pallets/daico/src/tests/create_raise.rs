//! `create_raise`: the co-op's own motion opens a raise, every parameter checked.

use super::*;
use frame_support::traits::fungible::InspectHold;
use sp_runtime::DispatchError;

#[test]
fn opens_a_raise_with_a_seeded_escrow() {
	ExtBuilder::default().build_and_execute(|| {
		// Given co-op 0 with a funded treasury.
		// When its own decision opens a raise.
		let raise = open(params());
		// Then the treasury seeded the raise's own escrow with the existential deposit, and
		// holds the raise's deposit.
		assert_eq!(free(escrow(raise)), ED);
		assert_eq!(free(TREASURY), ENDOWMENT - ED - RAISE_DEPOSIT);
		let reason = HoldReason::RaiseDeposit.into();
		assert_eq!(Balances::balance_on_hold(&reason, &TREASURY), RAISE_DEPOSIT);
		assert_eq!(last_event(), Event::RaiseCreated { raise, coop: 0, escrow: escrow(raise) });
		let r = raise_of(raise);
		assert_eq!((r.state, r.seed, r.tap_rate), (RaiseState::Funding, ED, 10));
		assert_ne!(escrow(0), escrow(1));
	});
}

#[test]
fn only_the_coop_s_own_decision_opens_a_raise() {
	ExtBuilder::default().build_and_execute(|| {
		// Given co-ops 0 and 1, and no co-op 5.
		// When a member, another co-op, or a missing co-op opens a raise for it.
		// Then each is refused.
		assert_noop!(Daico::create_raise(signed(1), 0, params()), DispatchError::BadOrigin);
		assert_noop!(Daico::create_raise(signed(1001), 0, params()), DispatchError::BadOrigin);
		assert_noop!(Daico::create_raise(signed(1005), 5, params()), E::CoopNotFound);
	});
}

#[test]
fn every_parameter_is_validated() {
	ExtBuilder::default().build_and_execute(|| {
		// Given block 2 (a window may not start in the past).
		run_to_block(2);
		let check = |p: RaiseParamsOf<Test>, e: E| {
			assert_noop!(Daico::create_raise(signed(TREASURY), 0, p), e);
		};
		let p = params;
		// When a parameter is out of bounds, then the raise is refused with that error.
		check(RaiseParams { start: 2, soft_cap: 0, ..p() }, E::InvalidCaps);
		check(RaiseParams { start: 2, soft_cap: 3_001, ..p() }, E::InvalidCaps);
		check(RaiseParams { start: 1, ..p() }, E::InvalidWindow);
		check(RaiseParams { start: 2, end: 2, ..p() }, E::InvalidWindow);
		check(RaiseParams { start: 2, min_contribution: 4, ..p() }, E::InvalidContributionBounds);
		check(
			RaiseParams { start: 2, min_contribution: 2_001, ..p() },
			E::InvalidContributionBounds,
		);
		check(RaiseParams { start: 2, tap_rate: 0, ..p() }, E::InvalidTapRate);
		check(RaiseParams { start: 2, tap_rate: 41, ..p() }, E::InvalidTapRate);
		check(RaiseParams { start: 2, quorum: Perbill::from_percent(19), ..p() }, E::QuorumTooLow);
		check(
			RaiseParams { start: 2, approval: Perbill::from_percent(49), ..p() },
			E::ApprovalBelowMajority,
		);
		check(RaiseParams { start: 2, voting_period: 1, ..p() }, E::VotingPeriodOutOfBounds);
		check(RaiseParams { start: 2, voting_period: 101, ..p() }, E::VotingPeriodOutOfBounds);
		check(RaiseParams { start: 2, milestones: milestones(&[0]), ..p() }, E::InvalidMilestones);
		// A tranche below the existential deposit (5) could never be paid to a reaped
		// beneficiary, and would keep its motion from closing.
		check(RaiseParams { start: 2, milestones: milestones(&[4]), ..p() }, E::InvalidMilestones);
		check(
			RaiseParams { start: 2, milestones: milestones(&[600, 401]), ..p() },
			E::InvalidMilestones,
		);
	});
}

#[test]
fn heads_are_counted_only_where_they_are_members_admitted_by_vote() {
	ExtBuilder::default().build_and_execute(|| {
		let check = |coop, p: RaiseParamsOf<Test>, e: E| {
			assert_noop!(Daico::create_raise(signed(1000 + coop as AccountId), coop, p), e);
		};
		let p = || RaiseParams { start: 2, ..params() };
		// A raise open to anyone cannot count heads: anyone can make as many as they like,
		for voting in [VotingMode::HeadCount, VotingMode::DoubleMajority] {
			let anyone = RaiseParams { voting, contributors: Contributors::Anyone, ..p() };
			check(0, anyone, E::HeadCountNeedsAdmittedMembers);
			// nor can a members-only raise of a co-op anyone may join (co-op 1 is open).
			check(1, RaiseParams { voting, ..p() }, E::HeadCountNeedsAdmittedMembers);
		}
		// A raise open to anyone counts capital.
		let capital =
			RaiseParams { voting: VotingMode::Capital, contributors: Contributors::Anyone, ..p() };
		assert_ok!(Daico::create_raise(signed(1001), 1, capital));
		// The minimum contribution is at least the hard cap (3000) shared among the 30 slots.
		check(0, RaiseParams { min_contribution: 99, ..p() }, E::InvalidContributionBounds);
		assert_ok!(Daico::create_raise(
			signed(TREASURY),
			0,
			RaiseParams { min_contribution: 100, ..p() }
		));
	});
}
