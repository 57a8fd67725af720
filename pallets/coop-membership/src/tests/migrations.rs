//! The storage migrations: from version 1 (bylaws without special thresholds or deliberation)
//! and from version 2 (applications counted among the members' motions).

use super::*;
use crate::migrations::{v2, v3};
use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

fn bylaws_v1(approval: Perbill) -> v2::BylawsV1Of<Test> {
	let b = bylaws();
	v2::BylawsV1 {
		share_price: b.share_price,
		admission: b.admission,
		classes: b.classes,
		investor_vote_cap: b.investor_vote_cap,
		quorum: b.quorum,
		approval,
		voting_period: b.voting_period,
		withdrawal_notice: b.withdrawal_notice,
		max_members: b.max_members,
	}
}

/// Founds a co-op and rewrites it as version 1 stored it (approval 100 %, allowed then), with a
/// pending bylaws change, and sets the pallet's storage version to 1; returns the co-op.
fn version_1_coop_with_a_pending_bylaws_change() -> CoopId {
	let coop = found(1, open_bylaws());
	let stored = coop_info(coop);
	v2::Coops::<Test>::insert(
		coop,
		v2::CoopV1::<Test> {
			name: stored.name.clone(),
			bylaws: bylaws_v1(Perbill::one()),
			depositor: stored.depositor,
			deposit: stored.deposit,
			members: stored.members,
			voting_members: stored.voting_members,
			voting_investors: stored.voting_investors,
			share_capital: stored.share_capital,
			next_motion: 1,
			open_motions: 1,
			role_holders: 0,
		},
	);
	v2::Motions::<Test>::insert(
		coop,
		0,
		v3::MotionV2 {
			proposer: 1,
			deposit: 0,
			proposal: Proposal::ChangeBylaws { bylaws: bylaws_v1(Perbill::from_percent(60)) },
			call_weight: Weight::zero(),
			opened: 1,
			earliest_close: 1,
			voting_ends: 11,
			electorate: 1,
			tally: Tally::new(),
			quorum: Perbill::from_percent(50),
			approval: Perbill::from_percent(60),
			defended: false,
		},
	);
	StorageVersion::new(1).put::<Membership>();
	coop
}

#[test]
fn version_1_bylaws_and_pending_bylaws_changes_are_migrated() {
	// A chain whose only co-op is the one the test rewrites as version 1.
	ExtBuilder::default().with_federation(vec![]).build().execute_with(|| {
		// Given a version 1 co-op (approval 100 %, allowed then) with a pending bylaws change,
		let coop = version_1_coop_with_a_pending_bylaws_change();

		// when the migration runs,
		v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();

		// then the co-op and the motion decode with version 2 bylaws, defaults filled in (and,
		// once the version 3 migration ran after it, as a runtime upgrade runs both, the motion
		// decodes as version 3 stores it).
		assert_eq!(Membership::on_chain_storage_version(), 2);
		assert!(v3::at_v2::Motions::<Test>::get(coop, 0).is_some());
		v3::MigrateV2ToV3::<Test>::on_runtime_upgrade();
		assert_eq!(Membership::on_chain_storage_version(), 3);
		let info = coop_info(coop);
		assert_eq!(info.bylaws.approval, Perbill::from_parts(999_999_999));
		assert_eq!(info.bylaws.special_approval, Perbill::from_parts(999_999_999));
		// The special quorum is at least two thirds, whatever the ordinary one was.
		assert_eq!(info.bylaws.special_quorum, Perbill::from_rational(2u32, 3u32));
		assert_eq!(info.bylaws.deliberation, DELIBERATION);
		assert_ok!(Membership::validate_bylaws(&info.bylaws));
		match Motions::<Test>::get(coop, 0).expect("the motion decodes").proposal {
			Proposal::ChangeBylaws { bylaws } => {
				assert_eq!(bylaws.approval, Perbill::from_percent(60));
				assert_eq!(bylaws.special_quorum, Perbill::from_rational(2u32, 3u32));
				assert_eq!(bylaws.special_approval, SPECIAL_APPROVAL_FLOOR);
				assert_ok!(Membership::validate_bylaws(&bylaws));
			},
			other => panic!("not a bylaws change: {other:?}"),
		}
		// The pending bylaws change is a special resolution now: it takes the special
		// thresholds and the deliberation time.
		let motion = Motions::<Test>::get(coop, 0).unwrap();
		assert_eq!(motion.approval, Perbill::from_parts(999_999_999));
		assert_eq!(motion.quorum, Perbill::from_rational(2u32, 3u32));
		assert_eq!(motion.earliest_close, 1 + DELIBERATION);
		// Run again, it changes nothing (the version is 3 now).
		let before = coop_info(coop);
		v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(coop_info(coop), before);
	});
}

#[test]
fn version_2_applications_are_counted_apart() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a co-op by vote with a member's motion and two applications, stored as version
		// 2 stored them (no separate count),
		let coop = found(1, bylaws());
		propose(coop, 1, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
		assert_ok!(Membership::apply(signed(2), coop, WORKER));
		assert_ok!(Membership::apply(signed(3), coop, WORKER));
		OpenApplications::<Test>::remove(coop);
		for (index, m) in Motions::<Test>::iter_prefix(coop).collect::<Vec<_>>() {
			let old = v3::MotionV2 {
				proposer: m.proposer,
				deposit: m.deposit,
				proposal: m.proposal,
				call_weight: m.call_weight,
				opened: m.opened,
				earliest_close: m.earliest_close,
				voting_ends: m.voting_ends,
				electorate: m.electorate,
				tally: m.tally,
				quorum: m.quorum,
				approval: m.approval,
				defended: m.defended,
			};
			v3::at_v2::Motions::<Test>::insert(coop, index, old);
		}
		StorageVersion::new(2).put::<Membership>();
		assert!(Membership::do_try_state().is_err(), "version 2 storage lacks the count");

		// when the migration runs,
		v3::MigrateV2ToV3::<Test>::on_runtime_upgrade();

		// then the two applications are counted apart, and the invariants hold;
		assert_eq!(Membership::on_chain_storage_version(), 3);
		assert_eq!(OpenApplications::<Test>::get(coop), 2);
		// every motion decodes as version 3 stores it, with its co-op's investor cap,
		for (_, m) in Motions::<Test>::iter_prefix(coop) {
			assert_eq!(m.investor_cap, bylaws().investor_vote_cap);
		}
		assert_eq!(Motions::<Test>::iter_prefix(coop).count(), 3);
		assert_ok!(Membership::do_try_state());
		// run again, it counts nothing twice (the version is 3 now).
		v3::MigrateV2ToV3::<Test>::on_runtime_upgrade();
		assert_eq!(OpenApplications::<Test>::get(coop), 2);
	});
}
