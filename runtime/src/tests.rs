//! Tests of the runtime: the genesis presets build valid chains, the validators come from the
//! federation, and the federation's motions hold the root authority.

use crate::configs::governance::{FederationMotion, FederationSpecialResolution};
use crate::genesis_config_presets::*;
use crate::{AccountId, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, Scheduler, System};
use frame_support::{
	assert_ok,
	traits::{EnsureOrigin, OnInitialize},
	weights::Weight,
};
use pallet_coop_membership::{AdmissionMode, Proposal};
use serde_json::Value;

mod equivocation;
mod fees;
#[cfg(feature = "try-runtime")]
mod fuzz;
mod parameters;
#[cfg(feature = "try-runtime")]
mod upgrade;
use sp_keyring::Sr25519Keyring;

fn build(preset: &str) -> sp_runtime::Storage {
	let patch: Value =
		serde_json::from_slice(&get_preset(&preset.into()).expect("preset exists")).unwrap();
	for key in [["session", "keys"], ["balances", "balances"]] {
		assert!(
			patch[key[0]][key[1]].is_array(),
			"{preset}: zombienet rewrites {}.{}, the patch must name it",
			key[0],
			key[1]
		);
	}
	preset_storage(preset).expect("preset builds a valid genesis state")
}

/// The treasury account of co-op `coop`.
fn treasury(coop: u32) -> AccountId {
	pallet_coop_membership::Pallet::<Runtime>::treasury(coop)
}

/// The founding co-op of `local_testnet` whose person (member and delegate) `who` is.
fn founding_coop_of(who: Sr25519Keyring) -> u32 {
	(2..).zip(LOCAL_FOUNDING_COOPS).find(|(_, (_, p))| *p == who).expect("a founder").0
}

#[test]
fn every_preset_builds_a_genesis_state() {
	for name in preset_names() {
		let storage = build(&name);
		assert!(!storage.top.is_empty());
	}
}

#[test]
fn local_testnet_has_four_validators_run_by_the_founding_coops_and_a_delay_to_cancel() {
	sp_io::TestExternalities::new(build("local_testnet")).execute_with(|| {
		let founders = [
			(Sr25519Keyring::Alice, Sr25519Keyring::AliceStash),
			(Sr25519Keyring::Bob, Sr25519Keyring::BobStash),
			(Sr25519Keyring::Charlie, Sr25519Keyring::CharlieStash),
			(Sr25519Keyring::Dave, Sr25519Keyring::DaveStash),
		];
		let stashes: Vec<AccountId> = founders.iter().map(|(_, s)| s.to_account_id()).collect();
		// The session manager (the federation's approved validators) chose the first set.
		assert_eq!(pallet_session::Validators::<Runtime>::get(), stashes);
		assert_eq!(pallet_coop_validators::Approved::<Runtime>::get().into_inner(), stashes);
		// The session manager's genesis ran before pallet-session asked it for the first set.
		assert_eq!(pallet_coop_validators::Planned::<Runtime>::get().into_inner(), stashes);
		// Each seat is a founding co-op's (2 to 5), held by its treasury.
		for (coop, (_, stash)) in (2..).zip(founders) {
			let seat = pallet_coop_validators::Seats::<Runtime>::get(treasury(coop));
			assert_eq!(seat.map(|s| s.validator), Some(stash.to_account_id()));
		}
		// pallet-session handed their keys to Aura and GRANDPA.
		let aura: Vec<_> = pallet_aura::Authorities::<Runtime>::get().into_inner();
		let expected: Vec<sp_consensus_aura::sr25519::AuthorityId> =
			founders.iter().map(|(member, _)| member.public().into()).collect();
		assert_eq!(aura, expected);
		assert_eq!(pallet_grandpa::Pallet::<Runtime>::grandpa_authorities().len(), 4);
		// Governed by the federation: root resolutions wait longer than its voting period, so
		// that a motion to cancel one can close in time.
		let voting_period =
			pallet_coop_membership::Coops::<Runtime>::get(0).unwrap().bylaws.voting_period;
		assert!(pallet_federation::EnactmentDelay::<Runtime>::get() > voting_period);
	});
}

#[test]
fn development_has_one_validator_and_a_federation_of_one() {
	sp_io::TestExternalities::new(build("development")).execute_with(|| {
		assert_eq!(
			pallet_session::Validators::<Runtime>::get(),
			vec![Sr25519Keyring::AliceStash.to_account_id()]
		);
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 1);
		// The federation's one member is Alice's co-op (1), whose member and delegate she is.
		let alice = Sr25519Keyring::Alice.to_account_id();
		assert!(pallet_coop_membership::Members::<Runtime>::contains_key(0, treasury(1)));
		assert!(!pallet_coop_membership::Members::<Runtime>::contains_key(0, &alice));
		assert!(pallet_coop_membership::Members::<Runtime>::contains_key(1, &alice));
		assert_eq!(pallet_coop_membership::Coops::<Runtime>::get(0).unwrap().members, 1);
		assert_eq!(
			pallet_coop_membership::Delegates::<Runtime>::get(1).map(|d| d.account),
			Some(alice)
		);
		assert_eq!(
			pallet_coop_validators::Seats::<Runtime>::get(treasury(1)).map(|s| s.validator),
			Some(Sr25519Keyring::AliceStash.to_account_id())
		);
		assert_eq!(pallet_federation::EnactmentDelay::<Runtime>::get(), 0);
	});
}

#[test]
fn there_is_no_sudo() {
	// No pallet answers to the name: the metadata has no Sudo, and its storage prefix is the
	// one `RemovePallet` clears on an upgraded chain.
	use frame_support::traits::PalletInfo;
	type Info = <Runtime as frame_system::Config>::PalletInfo;
	assert_eq!(Info::name::<crate::Federation>(), Some("Federation"));
	// Constants that are parameters (`configs::parameters`) read storage: metadata is built in
	// externalities, as the node builds it.
	let metadata = sp_io::TestExternalities::default()
		.execute_with(|| Runtime::metadata_at_version(15).expect("metadata v15"));
	let encoded: &[u8] = &metadata;
	let sudo = b"\x10Sudo";
	assert!(!encoded.windows(sudo.len()).any(|w| w == sudo), "no pallet named Sudo");
	let federation = b"(Federation";
	assert!(encoded.windows(federation.len()).any(|w| w == federation));
}

#[test]
fn only_a_federation_motion_is_the_federation() {
	let coop = |id| RuntimeOrigin::from(pallet_coop_membership::Origin::Coop(id));
	let special = |id| RuntimeOrigin::from(pallet_coop_membership::Origin::CoopSpecial(id));
	assert!(FederationMotion::try_origin(coop(0)).is_ok());
	assert!(FederationMotion::try_origin(special(0)).is_ok());
	assert!(FederationMotion::try_origin(coop(1)).is_err());
	assert!(FederationMotion::try_origin(RuntimeOrigin::root()).is_err());
	let alice = Sr25519Keyring::Alice.to_account_id();
	assert!(FederationMotion::try_origin(RuntimeOrigin::signed(alice.clone())).is_err());
	// Root authority takes a special resolution: an ordinary motion of the federation is not
	// enough.
	assert!(FederationSpecialResolution::try_origin(special(0)).is_ok());
	assert!(FederationSpecialResolution::try_origin(coop(0)).is_err());
	assert!(FederationSpecialResolution::try_origin(special(1)).is_err());
	assert!(FederationSpecialResolution::try_origin(RuntimeOrigin::root()).is_err());
	assert!(FederationSpecialResolution::try_origin(RuntimeOrigin::signed(alice)).is_err());
}

/// The federation's education and social fund belongs to all its member co-ops: an ordinary
/// federation motion cannot spend it, a special resolution can; a member co-op spends its own
/// fund by its ordinary motion; nobody else spends either.
#[test]
fn spending_the_federations_fund_takes_a_special_resolution() {
	use crate::configs::patronage::FundSpending;
	use frame_support::traits::EnsureOriginWithArg;
	let coop = |id| RuntimeOrigin::from(pallet_coop_membership::Origin::Coop(id));
	let special = |id| RuntimeOrigin::from(pallet_coop_membership::Origin::CoopSpecial(id));
	assert!(FundSpending::try_origin(coop(0), &0).is_err(), "an ordinary federation motion");
	assert!(FundSpending::try_origin(special(0), &0).is_ok());
	assert!(FundSpending::try_origin(coop(1), &1).is_ok(), "a co-op's own fund");
	assert!(FundSpending::try_origin(special(1), &1).is_ok());
	assert!(FundSpending::try_origin(coop(1), &0).is_err());
	assert!(FundSpending::try_origin(special(1), &0).is_err());
	assert!(FundSpending::try_origin(coop(0), &1).is_err(), "the federation inside a co-op");
	assert!(FundSpending::try_origin(RuntimeOrigin::root(), &0).is_err());
	assert!(FundSpending::try_origin(RuntimeOrigin::root(), &1).is_err());
}

#[test]
fn root_cannot_act_as_a_coop() {
	use frame_support::traits::EnsureOriginWithArg;
	let root = RuntimeOrigin::root();
	assert!(crate::configs::membership::CoopDecision::try_origin(root.clone(), &1).is_err());
	assert!(crate::configs::membership::CoopDecision::try_origin(root, &0).is_err());
	let coop = RuntimeOrigin::from(pallet_coop_membership::Origin::Coop(1));
	assert!(crate::configs::membership::CoopDecision::try_origin(coop, &1).is_ok());
}

/// The founding co-ops pass a special resolution that enacts `system.authorize_upgrade`: the
/// chain's root authority is theirs. A single founder cannot, two of four cannot close it
/// before the others voted, and an ordinary motion cannot take root.
#[test]
fn a_special_resolution_of_the_federation_authorises_a_runtime_upgrade() {
	sp_io::TestExternalities::new(build("local_testnet")).execute_with(|| {
		System::set_block_number(1);
		let code_hash = sp_core::H256::repeat_byte(0xc0);
		let enact = || {
			Box::new(RuntimeCall::Federation(pallet_federation::Call::enact {
				call: Box::new(RuntimeCall::System(frame_system::Call::authorize_upgrade {
					code_hash,
				})),
			}))
		};
		let signed = |k: Sr25519Keyring| RuntimeOrigin::signed(k.to_account_id());
		let bound = Weight::from_parts(10_000_000_000, 1_000_000);
		// Northwind Energy (co-op 2) proposes: its motion dispatches as its treasury.
		let propose = |proposal| {
			assert_ok!(crate::CoopMembership::propose(
				RuntimeOrigin::signed(treasury(2)),
				0,
				Box::new(proposal)
			));
			pallet_coop_membership::Coops::<Runtime>::get(0).unwrap().next_motion - 1
		};
		// Each founding co-op votes through its delegate.
		let vote = |motion, voters: &[Sr25519Keyring], aye| {
			for voter in voters {
				assert_ok!(crate::CoopMembership::vote_as_delegate(
					signed(*voter),
					0,
					motion,
					founding_coop_of(*voter),
					aye
				));
			}
		};
		let events =
			|| -> Vec<RuntimeEvent> { System::events().into_iter().map(|r| r.event).collect() };
		use Sr25519Keyring::{Alice, Bob, Charlie, Dave};

		// Directly, even signed by a founding co-op's treasury, it is refused.
		let direct = RuntimeCall::Federation(pallet_federation::Call::enact {
			call: Box::new(RuntimeCall::System(frame_system::Call::remark { remark: vec![] })),
		});
		assert!(sp_runtime::traits::Dispatchable::dispatch(
			direct,
			RuntimeOrigin::signed(treasury(2))
		)
		.is_err());
		// A founder cannot vote in person: the co-op is the member.
		assert!(crate::CoopMembership::vote(
			signed(Alice),
			0,
			propose(Proposal::GrantRole {
				who: Alice.to_account_id(),
				role: coop_primitives::CoopRole::Operator
			}),
			true
		)
		.is_err());

		// Two of four vote aye and try to close at once: refused, then after the deliberation
		// still refused while Charlie and Dave have not voted.
		let motion = propose(Proposal::DispatchSpecial { call: enact() });
		vote(motion, &[Alice, Bob], true);
		let close = |motion| crate::CoopMembership::close_motion(signed(Dave), 0, motion, bound);
		assert!(close(motion).is_err(), "same block");
		System::set_block_number(3);
		assert!(close(motion).is_err(), "two of four, others not voted");
		// Charlie aye, Dave nay: three of four is more than two thirds. It is scheduled, not
		// dispatched: the enactment delay (two minutes on `local`) leaves time to cancel it.
		vote(motion, &[Charlie], true);
		vote(motion, &[Dave], false);
		assert_ok!(close(motion));
		let scheduled = |events: Vec<RuntimeEvent>| {
			events.into_iter().find_map(|e| match e {
				RuntimeEvent::Federation(pallet_federation::Event::EnactmentScheduled {
					index,
					when,
					..
				}) => Some((index, when)),
				_ => None,
			})
		};
		let (index, when) = scheduled(events()).expect("scheduled");
		assert_eq!(when, 3 + 1 + LOCAL_ENACTMENT_DELAY);
		let authorized = |events: Vec<RuntimeEvent>| {
			events.iter().any(|e| {
				matches!(
					e,
					RuntimeEvent::System(frame_system::Event::UpgradeAuthorized { code_hash: h, .. })
						if *h == code_hash
				)
			})
		};
		assert!(!authorized(events()));

		// An ordinary federation motion cancels it before the delay is over.
		let cancel = Box::new(RuntimeCall::Federation(pallet_federation::Call::cancel { index }));
		let motion = propose(Proposal::Dispatch { call: cancel });
		vote(motion, &[Alice, Bob, Charlie, Dave], true);
		System::set_block_number(6);
		assert_ok!(close(motion));
		assert!(events().contains(&RuntimeEvent::Federation(
			pallet_federation::Event::EnactmentCancelled { index }
		)));
		System::reset_events();
		System::set_block_number(when);
		Scheduler::on_initialize(when);
		assert!(!authorized(events()), "cancelled");

		// Passed again and not cancelled, the scheduler enacts it after the delay.
		let motion = propose(Proposal::DispatchSpecial { call: enact() });
		vote(motion, &[Alice, Bob, Charlie, Dave], true);
		let now = when + 2;
		System::set_block_number(now);
		assert_ok!(close(motion));
		let (index, when) = scheduled(events()).expect("scheduled again");
		assert_eq!(when, now + 1 + LOCAL_ENACTMENT_DELAY);
		System::reset_events();
		System::set_block_number(when);
		Scheduler::on_initialize(when);
		assert!(events().contains(&RuntimeEvent::Federation(pallet_federation::Event::Enacted {
			index,
			result: Ok(())
		})));
		assert!(authorized(events()));

		// An ordinary motion carrying the same, even unanimous, does not reach root.
		System::reset_events();
		let motion = propose(Proposal::Dispatch { call: enact() });
		vote(motion, &[Alice, Bob, Charlie, Dave], true);
		System::set_block_number(when + 3);
		assert_ok!(close(motion));
		assert!(events().contains(&RuntimeEvent::CoopMembership(
			pallet_coop_membership::Event::MotionExecuted {
				coop: 0,
				motion,
				result: Err(sp_runtime::DispatchError::BadOrigin),
			}
		)));
	});
}

#[test]
fn local_testnet_has_the_federation_and_a_demo_coop() {
	use pallet_coop_membership::Coops;
	sp_io::TestExternalities::new(build("local_testnet")).execute_with(|| {
		let federation = Coops::<Runtime>::get(0).expect("the federation is co-op 0");
		assert_eq!(federation.members, 4);
		// Its members are the four founding co-ops' treasuries, each co-op of one person, who
		// is its delegate; nobody is a member in person.
		for (coop, (name, person)) in (2..).zip(LOCAL_FOUNDING_COOPS) {
			let founding = Coops::<Runtime>::get(coop).expect("a founding co-op");
			assert_eq!(founding.name.into_inner(), name.to_vec());
			assert_eq!(founding.bylaws.admission, AdmissionMode::ByVote);
			assert!(pallet_coop_membership::Members::<Runtime>::contains_key(0, treasury(coop)));
			assert!(!pallet_coop_membership::Members::<Runtime>::contains_key(
				0,
				person.to_account_id()
			));
			assert!(pallet_coop_membership::Members::<Runtime>::contains_key(
				coop,
				person.to_account_id()
			));
			assert_eq!(
				pallet_coop_membership::Delegates::<Runtime>::get(coop).map(|d| d.account),
				Some(person.to_account_id())
			);
			assert_eq!(
				pallet_balances::Pallet::<Runtime>::free_balance(treasury(coop)),
				FOUNDING_TREASURY
			);
		}
		let demo = Coops::<Runtime>::get(1).expect("a demo co-op");
		assert_eq!(demo.members, 2);
		assert_eq!(demo.bylaws.admission, AdmissionMode::Open);
	});
}

#[test]
fn unknown_preset_is_none() {
	assert!(get_preset(&"no-such-preset".into()).is_none());
}

#[test]
fn the_test_upgrade_migration_records_its_version_and_changes_no_coop_state() {
	use crate::migrations::{snapshot, verify, RecordUpgrade, UPGRADE_MARKER};
	use frame_support::traits::OnRuntimeUpgrade;
	sp_io::TestExternalities::new(build("local_testnet")).execute_with(|| {
		let before = snapshot();
		assert_eq!(before.coops, 6);
		assert_eq!(verify(&before), Err("the upgrade marker is missing"));

		RecordUpgrade::on_runtime_upgrade();
		assert_eq!(
			frame_support::storage::unhashed::get::<u32>(UPGRADE_MARKER),
			Some(crate::VERSION.spec_version)
		);
		assert_eq!(verify(&before), Ok(()));

		// The check notices a change it must guard against.
		pallet_balances::TotalIssuance::<Runtime>::mutate(|i| *i += 1);
		assert_eq!(verify(&before), Err("the upgrade changed the co-ops or the issuance"));
	});
}

/// A member's first vote on a motion costs no fee in the runtime (what transaction payment
/// charges after dispatch); changing it pays the ordinary fee.
#[test]
fn a_members_first_vote_is_free_and_a_changed_vote_pays() {
	use codec::Encode;
	use frame_support::dispatch::GetDispatchInfo;
	use sp_runtime::traits::Dispatchable;
	sp_io::TestExternalities::new(build("local_testnet")).execute_with(|| {
		System::set_block_number(1);
		let (eve, ferdie) = (Sr25519Keyring::Eve, Sr25519Keyring::Ferdie);
		// A motion of Riverside Bakery (co-op 1, a 10 COOP share).
		assert_ok!(crate::CoopMembership::propose(
			RuntimeOrigin::signed(eve.to_account_id()),
			1,
			Box::new(Proposal::GrantRole {
				who: eve.to_account_id(),
				role: coop_primitives::CoopRole::Operator
			})
		));
		let motion = pallet_coop_membership::Coops::<Runtime>::get(1).unwrap().next_motion - 1;
		let vote = |aye| {
			RuntimeCall::CoopMembership(pallet_coop_membership::Call::vote { coop: 1, motion, aye })
		};
		let fee = |call: RuntimeCall| {
			let info = call.get_dispatch_info();
			// A signed transaction is its call and about a hundred bytes of signature and
			// extensions.
			let len = call.encoded_size() as u32 + 100;
			let post = call
				.dispatch(RuntimeOrigin::signed(ferdie.to_account_id()))
				.expect("a member votes");
			crate::TransactionPayment::compute_actual_fee(len, &info, &post, 0)
		};
		assert_eq!(fee(vote(true)), 0, "the first vote is free");
		assert!(fee(vote(false)) > 0, "a changed vote pays");
		assert!(fee(vote(true)) > 0, "and so does every later change");
	});
}

/// A raise whose beneficiary is a co-op's keyless treasury is drawn by the co-op's motion:
/// the DAICO's account origin is the treasury for a co-op's motion, the signer otherwise.
#[test]
fn a_coops_motion_acts_as_its_treasury_on_the_tap() {
	type AccountOrigin = <Runtime as pallet_daico::Config>::AccountOrigin;
	let coop = |id| RuntimeOrigin::from(pallet_coop_membership::Origin::Coop(id));
	assert_eq!(AccountOrigin::try_origin(coop(5)).ok(), Some(treasury(5)));
	let alice = Sr25519Keyring::Alice.to_account_id();
	assert_eq!(AccountOrigin::try_origin(RuntimeOrigin::signed(alice.clone())).ok(), Some(alice));
	assert!(AccountOrigin::try_origin(RuntimeOrigin::root()).is_err());
}

/// Issue #18: the four `local_testnet` validators purge their session keys one after another
/// (signed by their `//Name//stash` accounts, through the runtime's call filter). Three leave
/// the set cleanly; the last one's purge is refused, so that pallet-session, Aura and GRANDPA
/// always have a validator with keys, and it ends up alone in office.
mod keys_purged {
	use super::*;
	use crate::configs::validators::TEST_SESSION_PERIOD as SESSION_PERIOD;
	use frame_support::traits::OnFinalize;
	use sp_runtime::{traits::Dispatchable, DispatchError};

	/// Runs to the first block of the next session: pallet-session rotates in `on_initialize`,
	/// GRANDPA enacts its (undelayed) authority change in `on_finalize`.
	fn next_session() {
		let next = (System::block_number() / SESSION_PERIOD + 1) * SESSION_PERIOD;
		System::set_block_number(next);
		<crate::Session as OnInitialize<_>>::on_initialize(next);
		<crate::Grandpa as OnFinalize<_>>::on_finalize(next);
	}

	fn purge_keys(who: Sr25519Keyring) -> Result<(), DispatchError> {
		RuntimeCall::Session(pallet_session::Call::purge_keys {})
			.dispatch(RuntimeOrigin::signed(who.to_account_id()))
			.map(|_| ())
			.map_err(|e| e.error)
	}

	/// Aura and GRANDPA have authorities; pallet-session has validators in office and queued.
	fn assert_alive() {
		assert!(!pallet_aura::Authorities::<Runtime>::get().is_empty(), "Aura authorities");
		assert!(
			!pallet_grandpa::Pallet::<Runtime>::grandpa_authorities().is_empty(),
			"GRANDPA authorities"
		);
		assert!(!pallet_session::Validators::<Runtime>::get().is_empty(), "in office");
		assert!(!pallet_session::QueuedKeys::<Runtime>::get().is_empty(), "queued");
	}

	#[test]
	fn the_last_validator_with_keys_stays_in_office_and_consensus_never_empties() {
		sp_io::TestExternalities::new(build("local_testnet")).execute_with(|| {
			System::set_block_number(1);
			let stashes = [
				Sr25519Keyring::AliceStash,
				Sr25519Keyring::BobStash,
				Sr25519Keyring::CharlieStash,
			];
			for stash in stashes {
				assert_ok!(purge_keys(stash));
				assert!(!pallet_session::NextKeys::<Runtime>::contains_key(stash.to_account_id()));
				next_session();
				assert_alive();
			}
			// Dave's validator is the last with keys: its purge is refused.
			assert_eq!(
				purge_keys(Sr25519Keyring::DaveStash),
				Err(frame_system::Error::<Runtime>::CallFiltered.into())
			);
			assert!(pallet_session::NextKeys::<Runtime>::contains_key(
				Sr25519Keyring::DaveStash.to_account_id()
			));
			for _ in 0..3 {
				next_session();
				assert_alive();
			}

			let dave = Sr25519Keyring::DaveStash.to_account_id();
			assert_eq!(pallet_session::Validators::<Runtime>::get(), vec![dave.clone()]);
			assert_eq!(pallet_coop_validators::Planned::<Runtime>::get().into_inner(), vec![dave]);
			let aura: sp_consensus_aura::sr25519::AuthorityId =
				Sr25519Keyring::Dave.public().into();
			assert_eq!(pallet_aura::Authorities::<Runtime>::get().into_inner(), vec![aura]);
			assert_eq!(pallet_grandpa::Pallet::<Runtime>::grandpa_authorities().len(), 1);
		});
	}
}
