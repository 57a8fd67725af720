//! A property test of the escrow: random contributions, waits, draws, dissolve votes and
//! closes, with the invariants checked after every step.

use super::*;
use proptest::prelude::*;

#[derive(Clone, Debug)]
enum Step {
	Wait(u64),
	DrawTap,
	VoteDissolve(AccountId, bool),
	CloseDissolve,
}

fn step() -> impl Strategy<Value = Step> {
	prop_oneof![
		(1u64..8).prop_map(Step::Wait),
		Just(Step::DrawTap),
		((1u128..=8), any::<bool>()).prop_map(|(w, a)| Step::VoteDissolve(w, a)),
		Just(Step::CloseDissolve),
	]
}

/// Runs one step against `raise`, ignoring refusals (a random step is often not allowed).
fn run_step(raise: RaiseId, s: Step) {
	let r = raise_of(raise);
	match s {
		Step::Wait(n) => run_to_block(System::block_number() + n),
		Step::DrawTap => {
			let _ = Daico::draw_tap(signed(TEAM), raise);
		},
		Step::VoteDissolve(who, aye) => {
			if r.state == RaiseState::Active
				&& !Motions::<Test>::contains_key(raise, ProposalKind::Dissolve)
			{
				let _ = Daico::propose(signed(who), raise, Proposal::Dissolve);
			}
			let _ = Daico::vote(signed(who), raise, ProposalKind::Dissolve, aye);
		},
		Step::CloseDissolve => {
			let _ = Daico::close_motion(signed(9), raise, ProposalKind::Dissolve);
		},
	}
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(64))]

	#[test]
	fn escrow_always_balances_and_nobody_gets_more_than_owed(
		amounts in proptest::collection::vec(667u64..2_000, 1..=8),
		steps in proptest::collection::vec(step(), 0..30),
		tap_rate in 1u64..40,
	) {
		let outcome: Result<(), TestCaseError> = ExtBuilder::default().build().execute_with(|| {
			// Given an active raise with up to 8 random contributions.
			// The minimum is the hard cap shared among `MaxContributors` (30), rounded up.
			let raise = open(RaiseParams {
				tap_rate,
				hard_cap: 20_000,
				min_contribution: 667,
				..params()
			});
			for (i, amount) in amounts.iter().enumerate() {
				assert_ok!(Daico::contribute(signed(i as AccountId + 1), raise, *amount));
			}
			run_to_block(11);
			assert_ok!(Daico::finalize(signed(9), raise));
			// When random steps run, the invariants hold after each.
			for s in steps {
				run_step(raise, s);
				Daico::do_try_state().expect("escrow invariant");
			}
			let r = raise_of(raise);
			// Then the tap never paid more than its rate allows, nor more than was raised.
			let elapsed = System::block_number() - 11;
			prop_assert!(free(TEAM) <= tap_rate * elapsed);
			prop_assert!(free(TEAM) <= r.raised);
			// And, if refundable, every refund is its share and they add up to the pool.
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
