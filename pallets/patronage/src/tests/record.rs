//! `record_patronage` and `record_patronage_batch`: the till records business; members accrue
//! weighted units, non-members count as non-member volume.

use super::*;
use frame_support::{assert_noop, assert_ok};
use sp_runtime::ArithmeticError;

fn entry(patron: AccountId, category: CategoryIndex, amount: u128) -> PatronageRecordOf<Test> {
	PatronageRecord { patron, category, amount }
}

#[test]
fn members_accrue_weighted_units() {
	ExtBuilder::default().build_and_execute(|| {
		// Given members 1 and 2, when the till records 600 purchases for 1, and 300 purchases
		// and 10 labour hours (weight 10) for 2,
		two_members_period();
		// then they have 600 and 400 units, and the period 1 000.
		assert_eq!(MemberPatronage::<Test>::get((0, 0), 1), Some(600));
		assert_eq!(MemberPatronage::<Test>::get((0, 0), 2), Some(400));
		assert_eq!(OpenPeriods::<Test>::get(0).map(|o| o.member_units), Some(1_000));
		assert_eq!(
			last_event(),
			Event::PatronageRecorded {
				coop: 0,
				period: 0,
				member: 2,
				category: LABOUR,
				amount: 10,
				units: 100
			}
		);
	});
}

#[test]
fn non_members_count_as_non_member_volume() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a policy, when the till records 3 labour hours for a customer who is not a
		// member,
		with_policy();
		record(CUSTOMER, LABOUR, 3);
		// then they accrue no patronage and the period counts 30 units of non-member volume.
		assert_eq!(MemberPatronage::<Test>::get((0, 0), CUSTOMER), None);
		let open = OpenPeriods::<Test>::get(0).expect("open");
		assert_eq!((open.member_units, open.non_member_units), (0, 30));
		assert_eq!(
			last_event(),
			Event::NonMemberBusinessRecorded {
				coop: 0,
				period: 0,
				patron: CUSTOMER,
				category: LABOUR,
				amount: 3,
				units: 30
			}
		);
	});
}

#[test]
fn fails_for_a_non_operator() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a policy, when a member, or the till of another co-op, records, then it is
		// refused.
		with_policy();
		assert_noop!(
			Patronage::record_patronage(RuntimeOrigin::signed(1), 0, 1, PURCHASES, 5),
			Error::<Test>::NotCoopOperator
		);
		// The till is co-op 0's, not co-op 1's.
		assert_noop!(
			Patronage::record_patronage(RuntimeOrigin::signed(TILL), 1, 1, PURCHASES, 5),
			Error::<Test>::NotCoopOperator
		);
	});
}

#[test]
fn fails_without_a_policy() {
	ExtBuilder::default().build_and_execute(|| {
		// Given no policy, when the till records, then it is refused.
		assert_noop!(
			Patronage::record_patronage(RuntimeOrigin::signed(TILL), 0, 1, PURCHASES, 5),
			Error::<Test>::NoPolicy
		);
	});
}

#[test]
fn fails_for_bad_records() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a policy with two categories,
		with_policy();
		let till = || RuntimeOrigin::signed(TILL);
		// when the till records in a third category, or nothing, then it is refused;
		assert_noop!(
			Patronage::record_patronage(till(), 0, 1, 2, 5),
			Error::<Test>::UnknownCategory
		);
		assert_noop!(
			Patronage::record_patronage(till(), 0, 1, PURCHASES, 0),
			Error::<Test>::ZeroAmount
		);
		// when its weighted units, or the member's total, overflow, then it is refused too.
		assert_noop!(
			Patronage::record_patronage(till(), 0, 1, LABOUR, u128::MAX),
			ArithmeticError::Overflow
		);
		record(1, PURCHASES, u128::MAX - 1);
		assert_noop!(
			Patronage::record_patronage(till(), 0, 1, PURCHASES, 2),
			ArithmeticError::Overflow
		);
	});
}

#[test]
fn a_batch_records_every_entry() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a policy, when the till records a batch for two members and a customer,
		with_policy();
		let batch = vec![entry(1, PURCHASES, 600), entry(2, LABOUR, 40), entry(CUSTOMER, 0, 9)];
		assert_ok!(Patronage::record_patronage_batch(
			RuntimeOrigin::signed(TILL),
			0,
			BoundedVec::truncate_from(batch)
		));
		// then every entry counts, with one event each.
		let open = OpenPeriods::<Test>::get(0).expect("open");
		assert_eq!((open.member_units, open.non_member_units), (1_000, 9));
		assert_eq!(events().len(), 2 + 3);
	});
}

#[test]
fn a_batch_is_all_or_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a policy, when a batch has one bad entry, then none of it is recorded.
		with_policy();
		let batch = vec![entry(1, PURCHASES, 600), entry(2, 3, 40)];
		assert_noop!(
			Patronage::record_patronage_batch(
				RuntimeOrigin::signed(TILL),
				0,
				BoundedVec::truncate_from(batch)
			),
			Error::<Test>::UnknownCategory
		);
	});
}

#[test]
fn a_batch_fails_for_a_non_operator() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a policy, when a member submits a batch, then it is refused.
		with_policy();
		assert_noop!(
			Patronage::record_patronage_batch(
				RuntimeOrigin::signed(2),
				0,
				BoundedVec::truncate_from(vec![entry(2, 0, 1)])
			),
			Error::<Test>::NotCoopOperator
		);
	});
}
