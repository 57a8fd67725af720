//! Tests of the validator seats and the session manager, one file per concern: [`seats`]
//! (register, approve, retire, remove, leaving the federation), [`session`] (the set of each
//! session), [`keys`] (session keys: approval, planning, purging, liveness), [`invariants`] and
//! [`stories`]. Every test but the invariant-breaking ones runs in [`test`] or [`chain_test`],
//! which check the invariants after it.

use crate::{mock::*, Approved, Error, Event, Planned, RemovalReason, SeatOf, Seats};
use frame_support::{assert_noop, assert_ok};
use pallet_session::SessionManager;
use sp_runtime::DispatchError;

mod invariants;
mod keys;
mod seats;
mod session;
mod stories;

fn approved() -> Vec<AccountId> {
	Approved::<Test>::get().into_inner()
}

/// Registers `validator` for federation member `member`, sets its session keys and approves
/// it.
fn seat(member: AccountId, validator: AccountId) {
	join_federation(member);
	assert_ok!(CoopValidators::register_validator(RuntimeOrigin::signed(member), validator));
	set_session_keys(validator);
	assert_ok!(CoopValidators::approve_validator(RuntimeOrigin::root(), member));
}
