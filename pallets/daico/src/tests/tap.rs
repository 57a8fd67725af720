//! The tap: `draw_tap` pays what accrued within the tap's share; `lower_tap` lowers it at once.

use super::*;

#[test]
fn pays_the_rate_for_each_block_since_the_last_draw() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a raise active from block 11 with a tap of 10 per block.
		let raise = active_raise(params());
		assert_noop!(Daico::draw_tap(signed(TEAM), raise), E::NothingToDraw);
		// When the team draws at block 14, then again at block 20.
		run_to_block(14);
		assert_ok!(Daico::draw_tap(signed(TEAM), raise));
		assert_eq!(last_event(), Event::TapDrawn { raise, amount: 30 });
		run_to_block(20);
		assert_ok!(Daico::draw_tap(signed(TEAM), raise));
		// Then it got 10 for each of the 9 blocks, and nobody else may draw.
		assert_eq!(free(TEAM), 90);
		assert_eq!(raise_of(raise).tapped, 90);
		assert_noop!(Daico::draw_tap(signed(1), raise), E::NotBeneficiary);
	});
}

#[test]
fn never_pays_more_than_the_tap_s_share() {
	ExtBuilder::default().build_and_execute(|| {
		// Given 1100 raised, 900 in tranches: the tap may draw 200 in all.
		let raise = active_raise(RaiseParams { milestones: milestones(&[500, 400]), ..params() });
		// When the team draws after far more than 200 accrued.
		run_to_block(1_000);
		assert_ok!(Daico::draw_tap(signed(TEAM), raise));
		// Then it got 200, and nothing more later.
		assert_eq!(free(TEAM), 200);
		run_to_block(1_010);
		assert_noop!(Daico::draw_tap(signed(TEAM), raise), E::NothingToDraw);
	});
}

#[test]
fn the_beneficiary_lowers_it_keeping_what_accrued() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a tap of 10 that ran for 4 blocks.
		let raise = active_raise(params());
		run_to_block(15);
		assert_noop!(Daico::lower_tap(signed(1), raise, 5), E::NotBeneficiary);
		assert_noop!(Daico::lower_tap(signed(TEAM), raise, 10), E::NotALowerRate);
		assert_noop!(Daico::lower_tap(signed(TEAM), raise, 0), E::NotALowerRate);
		// When the beneficiary lowers it to 4.
		assert_ok!(Daico::lower_tap(signed(TEAM), raise, 4));
		assert_eq!(last_event(), Event::TapRateChanged { raise, rate: 4 });
		// Then the next draw pays 4 blocks at 10 and 5 at 4.
		run_to_block(20);
		assert_ok!(Daico::draw_tap(signed(TEAM), raise));
		assert_eq!(free(TEAM), 4 * 10 + 5 * 4);
	});
}
