//! `finalize`: after the window, active at the soft cap or failed below it.

use super::*;

#[test]
fn activates_at_the_soft_cap() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a raise that reached its soft cap (1000).
		let raise = open(params());
		contribute_all(raise, &[(1, 600), (2, 400)]);
		assert_noop!(Daico::finalize(signed(9), raise), E::CannotFinalize);
		// When anyone finalises it after the window.
		run_to_block(11);
		assert_ok!(Daico::finalize(signed(9), raise));
		// Then it is active and the tap accrues from now; it cannot be finalised twice.
		assert_eq!(last_event(), Event::RaiseSucceeded { raise, raised: 1_000 });
		let r = raise_of(raise);
		assert_eq!((r.state, r.tap_checkpoint), (RaiseState::Active, 11));
		assert_noop!(Daico::finalize(signed(9), raise), E::CannotFinalize);
	});
}

#[test]
fn an_empty_failed_raise_returns_its_seed() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a raise nobody contributed to.
		let raise = open(params());
		run_to_block(11);
		// When it is finalised.
		assert_ok!(Daico::finalize(signed(9), raise));
		// Then it failed, and its seed went straight back to the co-op.
		assert_eq!(last_event(), Event::SeedReturned { raise, amount: ED });
		assert_eq!(free(TREASURY), ENDOWMENT - RAISE_DEPOSIT);
		assert_eq!(free(escrow(raise)), 0);
		// When it is pruned, its deposit comes back and nothing of it is left.
		assert_ok!(Daico::prune_raise(signed(9), raise));
		assert_eq!(free(TREASURY), ENDOWMENT);
		assert!(!Raises::<Test>::contains_key(raise));
	});
}
