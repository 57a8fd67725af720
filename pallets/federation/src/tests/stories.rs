//! The federation's story: a decision dispatched as root.

use super::*;

#[docify::export]
#[test]
fn a_federation_decision_dispatches_as_root() {
	new_test_ext().execute_with(|| {
		assert_ok!(Federation::enact(
			RuntimeOrigin::signed(FEDERATION_MOTION),
			Box::new(set_storage(b":coop:test", b"yes")),
		));
		assert_eq!(sp_io::storage::get(b":coop:test").map(|v| v.to_vec()), Some(b"yes".to_vec()));
		assert_eq!(enacted_results(), vec![Ok(())]);
	});
}
