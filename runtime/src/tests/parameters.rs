//! The parameters the federation tunes without an upgrade (issue #18): the test networks'
//! presets set short periods at genesis, only root (the federation's special resolution) changes
//! a parameter, and a change takes effect where the parameter is used.

use super::build;
use crate::configs::parameters::{
	dynamic_params::{fees, governance, session},
	RuntimeParameters,
};
use crate::{Parameters, RuntimeCall, RuntimeOrigin, Session, System, TransactionPayment, UNIT};
use codec::Encode;
use frame_support::{
	assert_noop, assert_ok,
	dispatch::GetDispatchInfo,
	traits::{Get, OnInitialize},
};
use sp_keyring::Sr25519Keyring;

#[test]
fn the_test_networks_set_short_periods_at_genesis() {
	for preset in ["local_testnet", "development"] {
		sp_io::TestExternalities::new(build(preset)).execute_with(|| {
			assert_eq!(session::Period::get(), 10, "{preset}: one-minute sessions");
			assert_eq!(governance::MinVotingPeriod::get(), 2, "{preset}");
			assert_eq!(governance::MinRaiseVotingPeriod::get(), 2, "{preset}");
			assert_eq!(governance::MinClaimWindow::get(), 20, "{preset}: two minutes");
		});
	}
}

fn set_per_byte(origin: RuntimeOrigin, value: u128) -> sp_runtime::DispatchResult {
	Parameters::set_parameter(
		origin,
		RuntimeParameters::Fees(fees::Parameters::PerByte(fees::PerByte, Some(value))),
	)
}

#[test]
fn only_the_federations_resolution_sets_a_parameter_and_fees_follow_it() {
	sp_io::TestExternalities::new(build("local_testnet")).execute_with(|| {
		System::set_block_number(1);
		let transfer = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: Sr25519Keyring::Bob.to_account_id().into(),
			value: UNIT,
		});
		let fee = || {
			TransactionPayment::compute_fee(
				transfer.encoded_size() as u32 + 106,
				&transfer.get_dispatch_info(),
				0,
			)
		};
		let before = fee();
		// Given a member (or anyone signed), when it sets the byte fee, then it is refused;
		let eve = Sr25519Keyring::Eve.to_account_id();
		assert_noop!(
			set_per_byte(RuntimeOrigin::signed(eve), 0),
			sp_runtime::DispatchError::BadOrigin
		);
		// given root (on coopchain only a federation special resolution, through
		// `federation.enact`), when it doubles the byte fee, then a transfer pays more, by its
		// bytes' worth.
		assert_ok!(set_per_byte(RuntimeOrigin::root(), 2 * fees::PerByte::get()));
		let len = transfer.encoded_size() as u128 + 106;
		assert_eq!(fee(), before + len * fees::PerByte::get() / 2);
	});
}

#[test]
fn a_new_session_period_takes_effect_at_the_next_boundary() {
	sp_io::TestExternalities::new(build("local_testnet")).execute_with(|| {
		// Given one-minute sessions, when the federation sets seven-block sessions,
		assert_ok!(Parameters::set_parameter(
			RuntimeOrigin::root(),
			RuntimeParameters::Session(session::Parameters::Period(session::Period, Some(7))),
		));
		// then the session changes at block 7, not 10.
		for n in 1..=7u32 {
			System::set_block_number(n);
			<Session as OnInitialize<_>>::on_initialize(n);
			let expected = if n < 7 { 0 } else { 1 };
			assert_eq!(Session::current_index(), expected, "block {n}");
		}
	});
}
