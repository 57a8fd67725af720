//! `create_coop`: founding a co-op.

use super::*;

#[test]
fn founder_becomes_first_member_and_pays_deposit_and_share() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a chain with only the federation, when 1 founds a co-op,
		let coop = found(1, bylaws());
		// Then it is co-op 1, 1 its first member, its deposit held and its share paid in.
		assert_eq!(coop, 1, "co-op 0 is the federation");
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
		assert_eq!(NextCoopId::<Test>::get(), 2);
	});
}

#[test]
fn treasuries_are_distinct() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a chain with only the federation, when 1 and 2 each found a co-op,
		let a = found(1, bylaws());
		let b = found(2, bylaws());
		// Then each co-op has its own treasury.
		assert_ne!(treasury(a), treasury(b));
		assert_eq!(free(treasury(b)), SHARE);
	});
}

#[test]
fn fails_with_a_long_name() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a name of 33 bytes (`MaxNameLen` is 32),
		// when 1 founds a co-op with it, then it is refused.
		assert_noop!(Membership::create_coop(signed(1), vec![b'x'; 33], bylaws()), E::NameTooLong);
	});
}

#[test]
fn fails_with_invalid_bylaws() {
	ExtBuilder::default().build_and_execute(|| {
		// Given bylaws with one fault each (below),
		// when 1 founds a co-op with them, then it is refused with that fault's error.
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
		check(Bylaws { approval: Perbill::from_percent(49), ..bylaws() }, E::ApprovalBelowMajority);
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
		// Given bylaws whose share price is zero, when 1 founds a co-op with them,
		let coop = found(1, Bylaws { share_price: 0, ..bylaws() });
		// Then it is founded, with no share capital.
		assert_eq!(coop_info(coop).share_capital, 0);
	});
}

#[test]
fn fails_without_funds_for_the_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		// Given 99 has no funds, when it founds a co-op, then it is refused: no deposit.
		assert_noop!(
			Membership::create_coop(signed(99), b"x".to_vec(), bylaws()),
			TokenError::FundsUnavailable
		);
	});
}
