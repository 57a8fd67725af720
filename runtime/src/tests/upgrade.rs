//! try-runtime over a populated state (issue #18): the runtime upgrade's migrations with their
//! pre- and post-upgrade checks, the whole state decoding, and every pallet's `try_state`. Built
//! with `--features try-runtime` (as `scripts/test.sh` builds the unit tests).

use super::build;
use crate::{
	AllPalletsWithSystem, CircularCredit, CoopMembership, Executive, Runtime, RuntimeOrigin, System,
};
use frame_support::{
	assert_ok,
	traits::{TryState, TryStateSelect, UpgradeCheckSelect},
};
use pallet_coop_membership::Proposal;
use sp_keyring::Sr25519Keyring;

/// `local_testnet` with business under way in Riverside Bakery (co-op 1): an open motion with a
/// vote, a credit circle with two members, a payment and an accepted obligation.
fn populated() -> sp_io::TestExternalities {
	let mut ext = sp_io::TestExternalities::new(build("local_testnet"));
	ext.execute_with(|| {
		System::set_block_number(1);
		let (eve, ferdie) =
			(Sr25519Keyring::Eve.to_account_id(), Sr25519Keyring::Ferdie.to_account_id());
		let bakery = || RuntimeOrigin::from(pallet_coop_membership::Origin::Coop(1));
		assert_ok!(CoopMembership::propose(
			RuntimeOrigin::signed(eve.clone()),
			1,
			Box::new(Proposal::GrantRole {
				who: eve.clone(),
				role: coop_primitives::CoopRole::Operator
			})
		));
		let motion = pallet_coop_membership::Coops::<Runtime>::get(1).unwrap().next_motion - 1;
		assert_ok!(CoopMembership::vote(RuntimeOrigin::signed(ferdie.clone()), 1, motion, true));

		assert_ok!(CircularCredit::open_circle(bakery(), 1, false));
		for who in [&eve, &ferdie] {
			assert_ok!(CircularCredit::join(RuntimeOrigin::signed(who.clone()), 1));
			assert_ok!(CircularCredit::set_credit_limit(bakery(), 1, who.clone(), 1_000_00, None));
		}
		assert_ok!(CircularCredit::pay(
			RuntimeOrigin::signed(eve.clone()),
			1,
			ferdie.clone(),
			250_00,
			Default::default()
		));
		assert_ok!(CircularCredit::issue_obligation(
			RuntimeOrigin::signed(eve.clone()),
			1,
			ferdie.clone(),
			40_00,
			100
		));
		let obligation =
			pallet_circular_credit::Circles::<Runtime>::get(1).unwrap().next_obligation - 1;
		assert_ok!(CircularCredit::accept_obligation(RuntimeOrigin::signed(ferdie), 1, obligation));
	});
	ext
}

#[test]
#[cfg(feature = "try-runtime")]
fn the_upgrade_checks_and_every_pallets_invariants_hold_over_a_populated_state() {
	populated().execute_with(|| {
		// Given a chain with business under way whose invariants hold,
		assert_ok!(AllPalletsWithSystem::try_state(1, TryStateSelect::All));
		// when the runtime upgrade runs with every check (pre/post, decoding, try_state),
		// then it passes.
		assert_ok!(Executive::try_runtime_upgrade(UpgradeCheckSelect::All));
	});
}

#[test]
#[cfg(feature = "try-runtime")]
fn a_broken_invariant_fails_the_upgrade_checks() {
	populated().execute_with(|| {
		// Given a co-op whose member count no longer matches its members (storage corrupted),
		pallet_coop_membership::Coops::<Runtime>::mutate(1, |coop| {
			coop.as_mut().expect("the bakery").members += 1
		});
		// when the upgrade runs with its checks, then try_state stops it.
		let error = Executive::try_runtime_upgrade(UpgradeCheckSelect::All)
			.expect_err("a broken invariant fails the checks");
		println!("the checks said: {error:?}");
		// While without try_state the same upgrade passes: it is try_state that caught it.
		assert_ok!(Executive::try_runtime_upgrade(UpgradeCheckSelect::PreAndPost));
	});
}
