//! The pallet's payouts against an independent computation of the rules in exact integer
//! arithmetic (256-bit), for random members, patronage, policies and surpluses: the reference
//! model of the crate docs' algorithm. 1,000 cases per run; after closing, each claim and the
//! sweep, no unit of money appeared or vanished (total issuance and the sum over every account
//! the surplus can reach are unchanged).

use super::*;
use frame_support::assert_ok;
use proptest::prelude::*;
use sp_core::U256;

/// `⌊a × b / c⌋` in 256 bits.
fn mul_div(a: u128, b: u128, c: u128) -> u128 {
	(U256::from(a) * U256::from(b) / U256::from(c)).as_u128()
}

/// What the rules say each member gets: `(totals, cash)`, and the split of the surplus.
fn model(
	surplus: u128,
	reserve_ppb: u32,
	fund_ppb: u32,
	cash_ppb: u32,
	units: &[u128],
	non_member: u128,
) -> (Vec<u128>, Vec<u128>, [u128; 4]) {
	let s = surplus;
	let reserve = mul_div(s, reserve_ppb as u128, 1_000_000_000);
	let fund = mul_div(s, fund_ppb as u128, 1_000_000_000);
	let rest = s - reserve - fund;
	let m: u128 = units.iter().sum();
	let nm_share = if m == 0 { rest } else { mul_div(rest, non_member, m + non_member) };
	let allocatable = rest - nm_share;
	let rate_inner = if m == 0 { 0 } else { mul_div(allocatable, 10u128.pow(18), m) };
	let totals: Vec<u128> = units.iter().map(|u| mul_div(*u, rate_inner, 10u128.pow(18))).collect();
	let cash = totals.iter().map(|t| (t * cash_ppb as u128).div_ceil(1_000_000_000)).collect();
	(totals, cash, [reserve, fund, nm_share, allocatable])
}

/// Members `1..=units.len()`, each with its `units` of purchases, `non_member` units of
/// non-member business, and the fixture policy with the given reserve, fund and cash shares;
/// returns the members.
fn a_random_period(
	units: &[u128],
	non_member: u128,
	reserve_pct: u32,
	fund_pct: u32,
	cash_pct: u32,
) -> Vec<AccountId> {
	let members: Vec<AccountId> = (1..=units.len() as u128).collect();
	MockCoops::set_members(members.clone());
	let mut p = policy();
	p.reserve_share = Perbill::from_percent(reserve_pct);
	p.fund_share = Perbill::from_percent(fund_pct);
	p.cash_share = Perbill::from_percent(cash_pct);
	assert_ok!(Patronage::set_policy(coop_origin(), 0, p));
	for (who, u) in members.iter().zip(units) {
		record(*who, PURCHASES, *u);
	}
	if non_member > 0 {
		record(CUSTOMER, PURCHASES, non_member);
	}
	members
}

/// The members marked in `claimers` claim period 0; each must be paid the model's `cash` and
/// retain the rest of the model's `totals` as equity (a member whose total is nothing has
/// nothing to claim). Returns what they claimed in all.
fn claims_pay_the_model(
	members: &[AccountId],
	claimers: &[bool],
	totals: &[u128],
	cash: &[u128],
) -> u128 {
	let mut claimed = 0u128;
	for (i, who) in members.iter().enumerate() {
		if !claimers[i] {
			continue;
		}
		let before = balance(*who);
		let result = Patronage::claim(RuntimeOrigin::signed(*who), 0, 0, *who);
		if totals[i] == 0 {
			assert_eq!(result, Err(Error::<Test>::NothingToClaim.into()));
			continue;
		}
		assert_ok!(result);
		assert_eq!(balance(*who) - before, cash[i], "cash of member {}", who);
		let retained = CapitalAccounts::<Test>::get(0, who).first().map(|t| t.amount).unwrap_or(0);
		assert_eq!(retained, totals[i] - cash[i], "retained of member {}", who);
		claimed += totals[i];
	}
	claimed
}

/// Every account the surplus can reach: the members, the customer, the co-op's treasury, its
/// pot, reserve and fund, and whoever sweeps.
fn reachable(members: &[AccountId]) -> Vec<AccountId> {
	let mut all = members.to_vec();
	all.extend([CUSTOMER, TREASURY, 9]);
	all.extend([
		Patronage::pot_account(0),
		Patronage::reserve_account(0),
		Patronage::fund_account(0),
	]);
	all
}

/// The total issuance, and what `accounts` hold in all.
fn money(accounts: &[AccountId]) -> (Balance, Balance) {
	use frame_support::traits::fungible::Inspect;
	(Balances::total_issuance(), accounts.iter().map(|a| Balances::total_balance(a)).sum())
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(1_000))]
	#[test]
	fn payouts_match_the_model_and_settle_to_the_unit(
		units in proptest::collection::vec(1u128..1_000_000_000_000, 1..8),
		non_member in 0u128..1_000_000_000_000,
		surplus in 0u128..900_000,
		reserve_pct in 0u32..=60,
		fund_pct in 0u32..=40,
		cash_pct in 20u32..=100,
		claimers in proptest::collection::vec(any::<bool>(), 8),
	) {
		ExtBuilder::default().build_and_execute(|| {
			// Given random members with random patronage, non-member business and a policy,
			let members = a_random_period(&units, non_member, reserve_pct, fund_pct, cash_pct);
			let accounts = reachable(&members);
			let before = money(&accounts);
			// when the period closes,
			close(surplus);
			assert_eq!(money(&accounts), before, "closing made or lost money");

			let (totals, cash, [reserve, fund, nm_share, allocatable]) = model(
				surplus,
				reserve_pct * 10_000_000,
				fund_pct * 10_000_000,
				cash_pct * 10_000_000,
				&units,
				non_member,
			);
			let closed = ClosedPeriods::<Test>::get(0, 0).expect("closed");
			assert_eq!(
				(closed.reserve, closed.fund, closed.non_member_share, closed.allocatable),
				(reserve, fund, nm_share, allocatable)
			);

			// then the split is the model's; when some members claim, then each is paid the
			// model's cash and retains the model's equity;
			let claimed = claims_pay_the_model(&members, &claimers, &totals, &cash);
			assert_eq!(money(&accounts), before, "claims made or lost money");
			// when the rest is swept, then the surplus settles to the unit.
			run_to_block(22);
			assert_ok!(Patronage::sweep_unclaimed(RuntimeOrigin::signed(9), 0, 0));
			assert_eq!(money(&accounts), before, "the sweep made or lost money");
			let sweep = ClosedPeriods::<Test>::get(0, 0).and_then(|c| c.swept).expect("swept");
			let unclaimed: u128 = (0..units.len())
				.filter(|i| !claimers[*i])
				.map(|i| totals[i])
				.sum();
			// Every unit of the surplus is accounted for.
			assert_eq!(claimed + sweep.unclaimed + sweep.remainder, allocatable);
			assert_eq!(reserve + fund + nm_share + claimed + sweep.unclaimed + sweep.remainder, surplus);
			// The sweep counts at least the unclaimed allocations (rounding the unclaimed
			// units' total down can only add to what the members' own roundings left).
			assert!(sweep.unclaimed >= unclaimed);
			// Rounding loses less than one unit per member plus one per 10^18 units.
			let m: u128 = units.iter().sum();
			let loss = allocatable - totals.iter().sum::<u128>();
			assert!(loss <= units.len() as u128 + m / 10u128.pow(18) + 1);
			assert_eq!(balance(Patronage::pot_account(0)), ED);
		});
	}
}
