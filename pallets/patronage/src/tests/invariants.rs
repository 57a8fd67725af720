//! Each invariant of `do_try_state`, broken on purpose: every check has a case here that
//! corrupts storage and sees exactly that check report it.

use super::*;
use frame_support::{assert_ok, traits::fungible::Mutate};

/// A sound state: period 0 swept (member 2 never claimed), period 1 closed with member 1's
/// claim made and member 2's outstanding, period 2 open with a record; member 1 holds two
/// tranches.
fn world() {
	two_members_period();
	close(10_000);
	claim(0, 1);
	run_to_block(System::block_number() + 21);
	assert_ok!(Patronage::sweep_unclaimed(RuntimeOrigin::signed(9), 0, 0));
	record(1, PURCHASES, 600);
	record(2, PURCHASES, 300);
	close(10_000);
	claim(1, 1);
	record(1, PURCHASES, 50);
	assert_eq!(CapitalAccounts::<Test>::get(0, 1).len(), 2);
	assert_ok!(Patronage::do_try_state());
}

/// In a fresh `world()`, `corrupt` breaks storage and `try_state` reports `message`.
fn breaks(message: &'static str, corrupt: impl FnOnce()) {
	ExtBuilder::default().build().execute_with(|| {
		world();
		corrupt();
		assert_eq!(Patronage::do_try_state(), Err(message.into()), "{message}");
	});
}

fn closed(period: PeriodIndex, f: impl FnOnce(&mut ClosedPeriodOf<Test>)) {
	ClosedPeriods::<Test>::mutate(0, period, |c| f(c.as_mut().expect("closed")));
}

#[test]
fn every_invariant_catches_its_corruption() {
	// 1
	breaks("a surplus is split to the unit", || closed(1, |c| c.reserve += 1));
	breaks("claims stay within the allocatable", || closed(1, |c| c.claimed = c.allocatable + 1));
	breaks("a swept period settles to the unit", || {
		closed(0, |c| c.swept.as_mut().unwrap().unclaimed += 1)
	});
	// 2
	breaks("claimed and unclaimed units add up to the period's", || {
		closed(1, |c| c.claimed_units += 1)
	});
	breaks("outstanding claims fit in the pot", || closed(1, |c| c.claimed = c.allocatable));
	// 3
	breaks("the pot holds every outstanding allocation", || {
		assert_ok!(Balances::burn_from(
			&Patronage::pot_account(0),
			100,
			frame_support::traits::tokens::Preservation::Preserve,
			frame_support::traits::tokens::Precision::Exact,
			frame_support::traits::tokens::Fortitude::Force,
		));
	});
	// 4
	breaks("the open period's units are its entries'", || {
		OpenPeriods::<Test>::mutate(0, |o| o.as_mut().unwrap().member_units += 1)
	});
	breaks("patronage units overflow", || MemberPatronage::<Test>::insert((0, 2), 7, u128::MAX));
	// 5
	breaks("no empty capital account is stored", || {
		CapitalAccounts::<Test>::insert(0, 5, TranchesOf::<Test>::default())
	});
	breaks("no empty tranche", || CapitalAccounts::<Test>::mutate(0, 1, |t| t[0].amount = 0));
	breaks("tranches are sorted by maturity", || {
		CapitalAccounts::<Test>::mutate(0, 1, |t| {
			let mut swapped = t.to_vec();
			swapped.swap(0, 1);
			*t = TranchesOf::<Test>::truncate_from(swapped);
		})
	});
	breaks("capital accounts add up to what the co-op owes", || {
		EquityOwed::<Test>::mutate(0, |owed| *owed += 1)
	});
	breaks("every owing co-op is counted", || {
		let tranche = EquityTranche { period: 0, matures_after: 2, amount: 1 };
		CapitalAccounts::<Test>::insert(1, 5, TranchesOf::<Test>::truncate_from(vec![tranche]));
	});
	// 6
	let matured_tranche = || {
		let tranche = EquityTranche { period: 1, matures_after: 1, amount: 7 };
		CapitalAccounts::<Test>::insert(0, 5, TranchesOf::<Test>::truncate_from(vec![tranche]));
		EquityOwed::<Test>::mutate(0, |owed| *owed += 7);
	};
	let buckets = |b: Vec<(PeriodIndex, Balance)>| MaturedOf::<Test>::truncate_from(b);
	breaks("maturing equity that has matured", || Maturing::<Test>::insert(0, 0, 5));
	breaks("maturing equity differs from the capital accounts", || {
		Maturing::<Test>::mutate(0, 2, |owed| *owed += 1)
	});
	breaks("maturing equity missing from the order", || Maturing::<Test>::remove(0, 3));
	breaks("matured buckets out of order", || {
		Matured::<Test>::insert(0, buckets(vec![(1, 5), (0, 5)]))
	});
	breaks("empty matured bucket", || Matured::<Test>::insert(0, buckets(vec![(0, 0)])));
	breaks("a matured bucket that has not matured", || {
		Matured::<Test>::insert(0, buckets(vec![(5, 5)]))
	});
	breaks("matured equity past the last bucket", || {
		matured_tranche();
		Matured::<Test>::insert(0, buckets(vec![(0, 7)]));
	});
	breaks("matured buckets differ from the capital accounts", || {
		matured_tranche();
		Matured::<Test>::insert(0, buckets(vec![(1, 8)]));
	});
	breaks("matured equity missing from the order", matured_tranche);
	breaks("equity owed overflows", || {
		let tranche = EquityTranche { period: 0, matures_after: 9, amount: u128::MAX };
		CapitalAccounts::<Test>::insert(0, 5, TranchesOf::<Test>::truncate_from(vec![tranche]));
	});
}
