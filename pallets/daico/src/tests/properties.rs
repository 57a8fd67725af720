//! A property test of a raise's money: contributions, finalising, tap draws, tap raises,
//! milestones, dissolve votes and refunds interleaved in random order, 1,000 cases per run.
//! After every step: the invariants hold, no unit of money appeared or vanished (total issuance
//! and the sum over every account the raise touches are unchanged), the beneficiary never got
//! more than the tap and the tranches allow, and every refusal is one the step may meet in some
//! state (any other error fails the test). Over the run, raises must reach each end state.

use super::*;
use core::cell::Cell;
use frame_support::traits::fungible::Inspect;
use proptest::{
	prelude::*,
	test_runner::{Config, TestRunner},
};

/// A step of the random walk. Accounts 1..=8 contribute; kinds are 0 (tap raise), 1
/// (milestone), 2 (dissolve).
#[derive(Clone, Debug)]
enum Step {
	Wait(u64),
	Contribute(AccountId, Balance),
	Finalize,
	DrawTap,
	Propose(AccountId, u8),
	Vote(AccountId, u8, bool),
	Close(u8),
	Claim(AccountId),
}

fn step() -> impl Strategy<Value = Step> {
	let who = 1u128..=8;
	prop_oneof![
		2 => (1u64..6).prop_map(Step::Wait),
		3 => (who.clone(), 50u64..1_200).prop_map(|(w, a)| Step::Contribute(w, a)),
		1 => Just(Step::Finalize),
		2 => Just(Step::DrawTap),
		// Dissolve motions twice as often as each other kind: they end raises.
		2 => (who.clone(), prop_oneof![Just(0u8), Just(1), Just(2), Just(2)])
			.prop_map(|(w, k)| Step::Propose(w, k)),
		6 => (who.clone(), 0u8..3, prop::bool::weighted(0.8)).prop_map(|(w, k, a)| Step::Vote(w, k, a)),
		2 => (0u8..3).prop_map(Step::Close),
		2 => who.prop_map(Step::Claim),
	]
}

fn kind(k: u8) -> ProposalKind {
	match k {
		0 => ProposalKind::RaiseTap,
		1 => ProposalKind::UnlockMilestone,
		_ => ProposalKind::Dissolve,
	}
}

/// The refusals (module errors, by name) a step may meet in some state of a raise; any other
/// error is a bug.
fn expected(s: &Step) -> &'static [&'static str] {
	match s {
		Step::Wait(_) => &[],
		Step::Contribute(..) => {
			&["WindowClosed", "HardCapReached", "BelowMinContribution", "AboveMaxContribution"]
		},
		Step::Finalize => &["CannotFinalize"],
		Step::DrawTap => &["NotActive", "TapFrozen", "NothingToDraw"],
		Step::Propose(..) => &[
			"NotActive",
			"NotContributor",
			"MotionAlreadyOpen",
			"ProposalCoolingDown",
			"InvalidTapRaise",
			"NoMilestoneLeft",
		],
		Step::Vote(..) => &["MotionNotFound", "VotingEnded", "NotContributor", "AlreadyVoted"],
		Step::Close(_) => &["MotionNotFound", "VotingNotEnded", "TapFrozen"],
		Step::Claim(_) => &["NotRefundable", "NotContributor", "AlreadyRefunded"],
	}
}

/// Runs one step against `raise` and returns its result.
fn run_step(raise: RaiseId, s: &Step) -> DispatchResult {
	match *s {
		Step::Wait(n) => {
			run_to_block(System::block_number() + n);
			Ok(())
		},
		Step::Contribute(who, amount) => Daico::contribute(signed(who), raise, amount),
		Step::Finalize => Daico::finalize(signed(9), raise),
		Step::DrawTap => Daico::draw_tap(signed(TEAM), raise),
		Step::Propose(who, k) => {
			let who = contributor(raise, who);
			let proposal = match kind(k) {
				// Twice the rate: the most `MaxTapIncrease` (100 %) allows.
				ProposalKind::RaiseTap => {
					Proposal::RaiseTap { new_rate: 2 * raise_of(raise).tap_rate }
				},
				ProposalKind::UnlockMilestone => Proposal::UnlockMilestone,
				ProposalKind::Dissolve => Proposal::Dissolve,
			};
			Daico::propose(signed(who), raise, proposal)
		},
		Step::Vote(who, k, aye) => {
			let who = contributor(raise, who);
			Daico::vote(signed(who), raise, open_kind(raise, k, false), aye)
		},
		Step::Close(k) => Daico::close_motion(signed(9), raise, open_kind(raise, k, true))
			.map(|_| ())
			.map_err(|e| e.error),
		Step::Claim(who) => Daico::claim_refund(signed(9), raise, who),
	}
}

/// The `n`-th contributor (counting round them), or `n` if nobody contributed: a random walk
/// then mostly acts as contributors, who may propose and vote.
fn contributor(raise: RaiseId, n: AccountId) -> AccountId {
	let all: Vec<AccountId> = Contributions::<Test>::iter_key_prefix(raise).collect();
	all.get(n as usize % all.len().max(1)).copied().unwrap_or(n)
}

/// The `k`-th open motion's kind (counting round the open ones; only those whose vote has
/// ended, if `ended`), or kind `k` if there is none: a random walk then reaches the motions
/// that are open.
fn open_kind(raise: RaiseId, k: u8, ended: bool) -> ProposalKind {
	let now = System::block_number();
	let open: Vec<ProposalKind> = (0..3)
		.map(kind)
		.filter(|kind| Motions::<Test>::get(raise, kind).is_some_and(|m| !ended || m.ends <= now))
		.collect();
	open.get(k as usize % open.len().max(1)).copied().unwrap_or(kind(k))
}

/// Every account the raise's money can reach: contributors, the team, the co-op's treasury,
/// the escrow and the account that closes motions.
fn accounts(raise: RaiseId) -> Vec<AccountId> {
	let mut all: Vec<AccountId> = (1..=9).collect();
	all.extend([TEAM, TREASURY, escrow(raise)]);
	all
}

/// What those accounts hold in all, held funds included.
fn held_by(accounts: &[AccountId]) -> Balance {
	accounts.iter().map(|who| Balances::total_balance(who)).sum()
}

#[test]
fn money_is_conserved_to_the_unit_whatever_the_order() {
	let mut runner = TestRunner::new(Config { cases: 1_000, ..Config::default() });
	let ends = [Cell::new(0u32), Cell::new(0u32), Cell::new(0u32)];
	let contributions = proptest::collection::vec((1u128..=8, 50u64..1_200), 0..=8);
	let walk = (contributions, proptest::collection::vec(step(), 0..80));
	let result = runner.run(&walk, |(contributions, steps)| {
		let mut outcome = Ok(());
		ExtBuilder::default().build().execute_with(|| {
			// Given a members-only head-count raise, blocks 1..=10, tap 10 (ceiling 40), two
			// milestone tranches of 200 and 300,
			let raise = open(RaiseParams { milestones: milestones(&[200, 300]), ..params() });
			let accounts = accounts(raise);
			let issuance = Balances::total_issuance();
			let total = held_by(&accounts);
			let opened = raise_of(raise).params.start;
			// when random contributions come in, the window closes and the raise is finalised,
			// then the steps run in their random order,
			let funding = contributions.into_iter().map(|(w, a)| Step::Contribute(w, a));
			let finalize = [Step::Wait(10), Step::Finalize];
			for s in funding.chain(finalize).chain(steps).collect::<Vec<_>>().iter() {
				let result = run_step(raise, s);
				// then every refusal is one the step may meet,
				if let Err(e) = result {
					let allowed = match e {
						DispatchError::Module(m) => {
							m.message.is_some_and(|n| expected(s).contains(&n))
						},
						_ => false,
					};
					if !allowed {
						outcome = Err(TestCaseError::fail(format!("{s:?} failed with {e:?}")));
						return;
					}
				}
				// and after each: the invariants, and not one unit made or lost;
				if let Err(e) = Daico::do_try_state() {
					outcome = Err(TestCaseError::fail(format!("after {s:?}: {e:?}")));
					return;
				}
				if Balances::total_issuance() != issuance || held_by(&accounts) != total {
					outcome = Err(TestCaseError::fail(format!("{s:?} made or lost money")));
					return;
				}
				// the team got at most the tap's rate ceiling for the time, plus the tranches.
				let elapsed = System::block_number().saturating_sub(opened);
				if Balances::total_balance(&TEAM) > 40 * elapsed + 500 {
					outcome = Err(TestCaseError::fail("the team drew more than allowed"));
					return;
				}
			}
			let state = raise_of(raise).state;
			match state {
				RaiseState::Active => ends[0].set(ends[0].get() + 1),
				RaiseState::Failed => ends[1].set(ends[1].get() + 1),
				RaiseState::Dissolved => ends[2].set(ends[2].get() + 1),
				RaiseState::Funding => {},
			}
			// And once refundable, everyone claiming empties the escrow to the unit.
			if matches!(state, RaiseState::Failed | RaiseState::Dissolved) {
				let r = raise_of(raise);
				for (who, _) in Contributions::<Test>::iter_prefix(raise).collect::<Vec<_>>() {
					let _ = Daico::claim_refund(signed(9), raise, who);
				}
				let r_after = raise_of(raise);
				if r_after.refunded != r.refund_pool || Balances::total_balance(&escrow(raise)) != 0
				{
					outcome = Err(TestCaseError::fail("refunds left money in the escrow"));
					return;
				}
				// and the settled raise is pruned, leaving nothing behind.
				for k in 0..3 {
					let _ = Daico::close_motion(signed(9), raise, kind(k));
				}
				run_to_block(System::block_number() + 6);
				for k in 0..3 {
					let _ = Daico::close_motion(signed(9), raise, kind(k));
				}
				if let Err(e) = Daico::prune_raise(signed(9), raise) {
					outcome =
						Err(TestCaseError::fail(format!("a settled raise not pruned: {e:?}")));
					return;
				}
				let left = Contributions::<Test>::iter_prefix(raise).next().is_some();
				if held_by(&accounts) != total || left {
					outcome =
						Err(TestCaseError::fail("pruning made or lost money, or left records"));
				}
			}
		});
		outcome
	});
	assert!(result.is_ok(), "{result:?}");
	// Over 1,000 random walks, each end state is reached many times.
	let [active, failed, dissolved] = ends.map(|c| c.get());
	assert!(active >= 50 && failed >= 50 && dissolved >= 40, "{active} {failed} {dissolved}");
}
