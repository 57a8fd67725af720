//! GRANDPA equivocations are reported on chain (issue #18): a valid report records the offence
//! with pallet-offences, names the validator and the co-op holding its seat, and disables the
//! validator for the rest of the session; an invalid report is refused and changes nothing.

use super::{build, founding_coop_of, treasury};
use crate::{
	AccountId, Grandpa, Historical, Runtime, RuntimeEvent, RuntimeOrigin, Session, System,
};
use frame_support::{assert_noop, traits::KeyOwnerProofSystem};
use sp_consensus_grandpa::{AuthorityId, Equivocation, EquivocationProof, KEY_TYPE};
use sp_core::H256;
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

type Prevote = finality_grandpa::Prevote<H256, u32>;

/// `key`'s prevote for `target` in `round` of GRANDPA set `set_id`, signed as a node signs it.
fn prevote(
	key: Ed25519Keyring,
	set_id: u64,
	round: u64,
	target: (H256, u32),
) -> (Prevote, sp_consensus_grandpa::AuthoritySignature) {
	let prevote = Prevote { target_hash: target.0, target_number: target.1 };
	let message = finality_grandpa::Message::Prevote(prevote.clone());
	let payload = sp_consensus_grandpa::localized_payload(round, set_id, &message);
	(prevote, key.sign(&payload).into())
}

/// `key` prevoting for two blocks in the same round: the proof of an equivocation.
fn equivocation(
	key: Ed25519Keyring,
	set_id: u64,
	round: u64,
	first: (H256, u32),
	second: (H256, u32),
) -> EquivocationProof<H256, u32> {
	EquivocationProof::new(
		set_id,
		Equivocation::Prevote(finality_grandpa::Equivocation {
			round_number: round,
			identity: AuthorityId::from(key.public()),
			first: prevote(key, set_id, round, first),
			second: prevote(key, set_id, round, second),
		}),
	)
}

/// The key-ownership proof a node gets from `generate_key_ownership_proof` for `key`.
fn owner_proof(key: Ed25519Keyring) -> sp_session::MembershipProof {
	Historical::prove((KEY_TYPE, AuthorityId::from(key.public()))).expect("a key of this session")
}

fn offence_events() -> Vec<pallet_coop_validators::Event<Runtime>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::CoopValidators(
				event @ pallet_coop_validators::Event::OffenceReported { .. },
			) => Some(event),
			_ => None,
		})
		.collect()
}

#[test]
fn a_valid_report_records_the_offence_names_the_coop_and_disables_the_validator() {
	sp_io::TestExternalities::new(build("local_testnet")).execute_with(|| {
		System::set_block_number(1);
		// Given Alice's validator (its GRANDPA key is Ed25519 Alice; Northwind Energy holds the
		// seat) prevoting for two different blocks in round 3 of the current set,
		let set_id = Grandpa::current_set_id();
		let proof = equivocation(
			Ed25519Keyring::Alice,
			set_id,
			3,
			(H256::repeat_byte(1), 1),
			(H256::repeat_byte(2), 1),
		);
		let alice_validator: AccountId = Sr25519Keyring::AliceStash.to_account_id();
		assert!(Session::disabled_validators().is_empty());
		// when a node reports it (the unsigned call the node submits, free of fees),
		let post = Grandpa::report_equivocation_unsigned(
			RuntimeOrigin::none(),
			Box::new(proof.clone()),
			owner_proof(Ed25519Keyring::Alice),
		)
		.expect("a valid report is accepted");
		assert_eq!(post.pays_fee, frame_support::dispatch::Pays::No);
		// then pallet-offences recorded it,
		assert!(System::events().iter().any(|r| matches!(
			r.event,
			RuntimeEvent::Offences(pallet_offences::Event::Offence { .. })
		)));
		// the event names the validator and its co-op, with the severity of one offender of
		// four ((3 × 1 / 4)² = 56.25 %),
		let northwind = treasury(founding_coop_of(Sr25519Keyring::Alice));
		assert_eq!(
			offence_events(),
			vec![pallet_coop_validators::Event::OffenceReported {
				validator: alice_validator.clone(),
				member: Some(northwind),
				session: 0,
				severity: sp_runtime::Perbill::from_parts(562_500_000),
			}]
		);
		// and the validator is disabled (it cannot author) until the session ends, while its
		// seat stays: the federation decides by motion.
		let index = Session::validators().iter().position(|v| v == &alice_validator).unwrap();
		assert_eq!(Session::disabled_validators(), vec![index as u32]);
		assert!(pallet_coop_validators::Seats::<Runtime>::contains_key(treasury(
			founding_coop_of(Sr25519Keyring::Alice)
		)));
		// When the session ends (the same set stays in office), it may author again.
		let next = crate::configs::validators::TEST_SESSION_PERIOD;
		System::set_block_number(next);
		<Session as frame_support::traits::OnInitialize<_>>::on_initialize(next);
		assert_eq!(Session::current_index(), 1);
		assert!(Session::disabled_validators().is_empty(), "disabled for one session only");
		// The same offence reported again is refused.
		assert_noop!(
			Grandpa::report_equivocation_unsigned(
				RuntimeOrigin::none(),
				Box::new(proof),
				owner_proof(Ed25519Keyring::Alice),
			),
			pallet_grandpa::Error::<Runtime>::DuplicateOffenceReport
		);
	});
}

#[test]
fn an_invalid_report_is_refused_and_records_nothing() {
	sp_io::TestExternalities::new(build("local_testnet")).execute_with(|| {
		System::set_block_number(1);
		let set_id = Grandpa::current_set_id();
		let (one, two) = ((H256::repeat_byte(1), 1), (H256::repeat_byte(2), 1));
		let report = |proof, owner| {
			Grandpa::report_equivocation_unsigned(RuntimeOrigin::none(), Box::new(proof), owner)
		};
		// Given the same vote twice (no equivocation), when reported, then it is refused;
		assert_noop!(
			report(
				equivocation(Ed25519Keyring::Alice, set_id, 3, one, one),
				owner_proof(Ed25519Keyring::Alice)
			),
			pallet_grandpa::Error::<Runtime>::InvalidEquivocationProof
		);
		// given a second vote signed by another key, it is refused;
		let forged = EquivocationProof::new(
			set_id,
			Equivocation::Prevote(finality_grandpa::Equivocation {
				round_number: 3,
				identity: AuthorityId::from(Ed25519Keyring::Alice.public()),
				first: prevote(Ed25519Keyring::Alice, set_id, 3, one),
				second: prevote(Ed25519Keyring::Bob, set_id, 3, two),
			}),
		);
		assert_noop!(
			report(forged, owner_proof(Ed25519Keyring::Alice)),
			pallet_grandpa::Error::<Runtime>::InvalidEquivocationProof
		);
		// given Alice's equivocation with the key-ownership proof of Bob's key, it is refused;
		assert_noop!(
			report(
				equivocation(Ed25519Keyring::Alice, set_id, 3, one, two),
				owner_proof(Ed25519Keyring::Bob)
			),
			pallet_grandpa::Error::<Runtime>::InvalidKeyOwnershipProof
		);
		// given an equivocation in a set that does not exist yet, it is refused;
		assert_noop!(
			report(
				equivocation(Ed25519Keyring::Alice, set_id + 5, 3, one, two),
				owner_proof(Ed25519Keyring::Alice)
			),
			pallet_grandpa::Error::<Runtime>::InvalidEquivocationProof
		);
		// and a signed origin cannot use the unsigned call.
		assert_noop!(
			Grandpa::report_equivocation_unsigned(
				RuntimeOrigin::signed(Sr25519Keyring::Eve.to_account_id()),
				Box::new(equivocation(Ed25519Keyring::Alice, set_id, 3, one, two)),
				owner_proof(Ed25519Keyring::Alice),
			),
			sp_runtime::DispatchError::BadOrigin
		);
		assert!(offence_events().is_empty());
		assert!(Session::disabled_validators().is_empty());
	});
}
