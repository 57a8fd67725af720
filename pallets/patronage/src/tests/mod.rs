//! Tests of every call and error (one file per call), stories over several periods, and a
//! reference model of the surplus arithmetic.

use crate::{mock::*, *};

mod claim;
mod close_period;
mod dissolved;
mod invariants;
mod migrations;
mod policy;
mod properties;
mod queries;
mod record;
mod revolve;
mod spend_fund;
mod stories;
mod sweep;

/// Members 1 (600 purchases) and 2 (300 purchases + 10 labour hours = 400 units) in period 0.
fn two_members_period() {
	with_policy();
	record(1, PURCHASES, 600);
	record(2, PURCHASES, 300);
	record(2, LABOUR, 10);
}
