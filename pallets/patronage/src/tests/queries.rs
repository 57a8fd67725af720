//! What the runtime API reports: claimable allocations, capital accounts, periods.

use super::*;

#[test]
fn report_claimable_allocations_capital_accounts_and_periods() {
	ExtBuilder::default().build_and_execute(|| {
		// Given period 0 open with 1 000 member units, then it is reported open, with nothing
		// claimable yet;
		two_members_period();
		assert!(matches!(
			Patronage::period_summary(0, 0),
			Some(PeriodSummary::Open(OpenPeriod { index: 0, member_units: 1_000, .. }))
		));
		assert_eq!(Patronage::claimable(0, 0, &1), None);
		// when it closes, then member 1's allocation is claimable and the period reported
		// closed;
		close(10_000);
		assert_eq!(
			Patronage::claimable(0, 0, &1),
			Some(Allocation { units: 600, total: 5_100, cash: 1_530, retained: 3_570 })
		);
		assert!(matches!(Patronage::period_summary(0, 0), Some(PeriodSummary::Closed(_))));
		assert_eq!(Patronage::period_summary(0, 5), None);
		// when member 1 claims, then nothing more is claimable and their capital account owes
		// 3 570;
		claim(0, 1);
		assert_eq!(Patronage::claimable(0, 0, &1), None);
		let account = Patronage::capital_account(0, &1);
		assert_eq!((account.owed, account.matured), (3_570, 0));
		// when two more periods close, then it has matured.
		close(0);
		close(0);
		assert_eq!(Patronage::capital_account(0, &1).matured, 3_570);
	});
}
