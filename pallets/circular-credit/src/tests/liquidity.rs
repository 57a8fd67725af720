//! Clearing with liquidity: the co-op's switch, the participants' consent, and clearings that
//! move credit balances within the credit lines lent to them.

use super::*;

/// Each participant's balance plus its recorded net position in obligations: what no clearing
/// may change.
fn positions() -> Vec<CreditBalance> {
	(1..=5)
		.map(|who| Participants::<Test>::get(0, who).map_or(0, |p| p.balance + p.obligation_net))
		.collect()
}

#[test]
fn the_co_op_turns_liquidity_on_and_participants_consent() {
	ExtBuilder::default().build_and_execute(|| {
		circle_of_five(false);
		// Only the co-op decides for its circle, and only for a circle that exists.
		assert_noop!(CircularCredit::set_liquidity(signed(1), 0, true), DispatchError::BadOrigin);
		assert_noop!(
			CircularCredit::set_liquidity(signed(1007), 7, true),
			Error::<Test>::CircleNotFound
		);
		assert_ok!(CircularCredit::set_liquidity(signed(TREASURY), 0, true));
		assert_eq!(last_event(), Event::LiquiditySet { circle: 0, enabled: true });
		assert!(LiquidityCircles::<Test>::contains_key(0));
		// Only participants consent, each for itself; consent is withdrawn on leaving.
		assert_noop!(
			CircularCredit::allow_liquidity(signed(9), 0, true),
			Error::<Test>::NotParticipant
		);
		assert_ok!(CircularCredit::allow_liquidity(signed(1), 0, true));
		assert_eq!(last_event(), Event::LiquidityConsent { circle: 0, who: 1, allow: true });
		assert!(LiquidityConsents::<Test>::contains_key(0, 1));
		assert_ok!(CircularCredit::leave(signed(1), 0));
		assert!(!LiquidityConsents::<Test>::contains_key(0, 1));
		assert_ok!(CircularCredit::allow_liquidity(signed(2), 0, true));
		assert_ok!(CircularCredit::allow_liquidity(signed(2), 0, false));
		assert!(!LiquidityConsents::<Test>::contains_key(0, 2));
		assert_ok!(CircularCredit::set_liquidity(signed(TREASURY), 0, false));
		assert!(!LiquidityCircles::<Test>::contains_key(0));
	});
}

#[test]
fn a_chain_clears_with_the_credit_lines_its_parties_lend() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a circle of five (credit limits 100, no ceilings) where 3 owes 1 40 and 1 owes
		// 2 20: a chain, which clearing alone cannot touch.
		circle_of_five(true);
		let ca = owe(3, 1, 40);
		let ab = owe(1, 2, 20);
		assert!(proposal().0.is_empty());
		let before = positions();
		// When the co-op turns liquidity on and 1 and 2 lend their credit lines (3 does not).
		assert_ok!(CircularCredit::set_liquidity(signed(TREASURY), 0, true));
		for who in [1, 2] {
			assert_ok!(CircularCredit::allow_liquidity(signed(who), 0, true));
		}
		// Then the maximal clearing, worked out by hand, is 1 paying 2 the 20 it owes in
		// credit: obligation 1 → 2 cleared, 3 → 1 left (3 lends nothing). The solver finds
		// exactly that, with a certificate of one potential per participant and the circle's.
		let (list, p) = proposal();
		assert_eq!(list, vec![(ab, 20)]);
		assert_eq!(p.len(), 3 + 1);
		// A certificate without the circle's potential is refused.
		assert_noop!(
			CircularCredit::submit_clearing(signed(9), 0, setoffs(&list), certificate(&p[..3])),
			Error::<Test>::CertificateLength
		);
		// Less than the lines allow is refused as not maximal.
		assert_noop!(
			CircularCredit::submit_clearing(signed(9), 0, setoffs(&[(ab, 10)]), certificate(&p)),
			Error::<Test>::NotMaximal
		);
		assert_ok!(CircularCredit::submit_clearing(signed(9), 0, setoffs(&list), certificate(&p)));
		assert_eq!(
			last_event(),
			Event::Cleared {
				circle: 0,
				total: 60,
				cleared: 20,
				obligations: 1,
				participants: 2,
				cycles: 0,
				maximal: true,
				liquidity: 20,
			}
		);
		// And 1's balance went down 20, 2's up 20; their net positions moved the other way, so
		// each one's balance plus net position is what it was.
		assert_eq!((balance(1), balance(2), balance(3)), (-20, 20, 0));
		assert!(Obligations::<Test>::get(0, ab).is_none());
		assert_eq!(Obligations::<Test>::get(0, ca).map(|o| o.amount), Some(40));
		assert_eq!(positions(), before);
	});
}

#[test]
fn a_clearing_with_liquidity_stays_within_the_lines_and_the_consents() {
	ExtBuilder::default().build_and_execute(|| {
		// Given the chain 3 owes 1 40, 1 owes 2 20, where 1 already spent 90 of its limit of 100.
		circle_of_five(false);
		owe(3, 1, 40);
		let ab = owe(1, 2, 20);
		assert_ok!(CircularCredit::pay(signed(1), 0, 4, 90, memo()));
		// When liquidity is off, consent or not, a clearing that moves balances is refused.
		for who in [1, 2] {
			assert_ok!(CircularCredit::allow_liquidity(signed(who), 0, true));
		}
		assert_noop!(
			CircularCredit::submit_clearing(signed(9), 0, setoffs(&[(ab, 10)]), None),
			Error::<Test>::NetPositionChanged
		);
		// When it is on, 1 can pay 10 in credit, no more.
		assert_ok!(CircularCredit::set_liquidity(signed(TREASURY), 0, true));
		assert_noop!(
			CircularCredit::submit_clearing(signed(9), 0, setoffs(&[(ab, 11)]), None),
			Error::<Test>::LiquidityExceeded
		);
		let (list, p) = proposal();
		assert_eq!(list, vec![(ab, 10)]);
		// When 2 withdraws its consent first, then nothing may move its balance.
		assert_ok!(CircularCredit::allow_liquidity(signed(2), 0, false));
		assert_noop!(
			CircularCredit::submit_clearing(signed(9), 0, setoffs(&list), certificate(&p)),
			Error::<Test>::NetPositionChanged
		);
		// When 2 lends its line again with a ceiling of 5, then 5 clears.
		assert_ok!(CircularCredit::allow_liquidity(signed(2), 0, true));
		assert_ok!(CircularCredit::set_credit_limit(signed(TREASURY), 0, 2, 100, Some(5)));
		let (list, p) = proposal();
		assert_eq!(list, vec![(ab, 5)]);
		assert_ok!(CircularCredit::submit_clearing(signed(9), 0, setoffs(&list), certificate(&p)));
		assert_eq!((balance(1), balance(2)), (-95, 5));
	});
}
