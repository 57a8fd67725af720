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
		assert_eq!(fee(), before + len * crate::configs::monetary::FeePerByte::get() / 2);
	});
}

#[test]
fn a_new_session_period_takes_effect_at_the_next_boundary() {
	sp_io::TestExternalities::new(build("local_testnet")).execute_with(|| {
		// Given one-minute sessions, when the federation sets fifteen-block sessions,
		assert_ok!(Parameters::set_parameter(
			RuntimeOrigin::root(),
			RuntimeParameters::Session(session::Parameters::Period(session::Period, Some(15))),
		));
		// then the session changes at block 15, not 10.
		for n in 1..=15u32 {
			System::set_block_number(n);
			<Session as OnInitialize<_>>::on_initialize(n);
			let expected = if n < 15 { 0 } else { 1 };
			assert_eq!(Session::current_index(), expected, "block {n}");
		}
	});
}

#[test]
fn no_setting_stops_sessions_or_invalidates_every_bylaws() {
	use crate::configs::{
		membership::{MAX_VOTING_PERIOD, MIN_DELIBERATION},
		parameters::{MinVotingPeriod, SessionPeriod},
	};
	sp_io::TestExternalities::new(build("local_testnet")).execute_with(|| {
		// Given a resolution setting a zero session period (pallet-session would divide by it)
		// and a shortest voting period above the longest,
		assert_ok!(Parameters::set_parameter(
			RuntimeOrigin::root(),
			RuntimeParameters::Session(session::Parameters::Period(session::Period, Some(0))),
		));
		assert_ok!(Parameters::set_parameter(
			RuntimeOrigin::root(),
			RuntimeParameters::Governance(governance::Parameters::MinVotingPeriod(
				governance::MinVotingPeriod,
				Some(u32::MAX),
			)),
		));
		// when the pallets read them, then they see values within bounds: a session is at least
		// a minute (a one-block session would fill every block with the rotation),
		assert_eq!(SessionPeriod::get(), 10);
		assert_eq!(MinVotingPeriod::get(), MAX_VOTING_PERIOD);
		assert!(MinVotingPeriod::get() >= MIN_DELIBERATION);
		// and sessions go on, every ten blocks.
		for n in 1..=20u32 {
			System::set_block_number(n);
			<Session as OnInitialize<_>>::on_initialize(n);
		}
		assert_eq!(Session::current_index(), 2);
		// Fees stay within a hundredth and a hundred times the defaults, and the author's share
		// at most half.
		use crate::configs::monetary::{AuthorShare, FeePerByte, FEE_PER_BYTE};
		assert_ok!(set_per_byte(RuntimeOrigin::root(), 0));
		assert_eq!(FeePerByte::get(), FEE_PER_BYTE / 100);
		assert_ok!(set_per_byte(RuntimeOrigin::root(), u128::MAX));
		assert_eq!(FeePerByte::get(), FEE_PER_BYTE * 100);
		assert_ok!(Parameters::set_parameter(
			RuntimeOrigin::root(),
			RuntimeParameters::Fees(fees::Parameters::AuthorShare(fees::AuthorShare, Some(100))),
		));
		assert_eq!(AuthorShare::get(), 50);
	});
}
