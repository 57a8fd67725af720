//! The session manager: the validator set of each new session, planned only with validators
//! that have session keys, and the rule that keeps one of them in every set.
//!
//! ## How pallet-session uses the set (pallet-session 50.0.0, `src/lib.rs`)
//!
//! At the first block of each session, `rotate_session`:
//! 1. puts in office the validators *queued at the previous rotation*, with the keys it
//!    snapshotted then (`QueuedKeys`, lines 779–782): keys purged since do not matter to them;
//! 2. asks [`SessionManager::new_session`] for the set after it (line 797); on `None` it takes
//!    the set it has just put in office (line 812);
//! 3. queues that set *less every validator without keys* (`NextKeys`, lines 838–852);
//! 4. hands the set now in office to consensus, Aura and GRANDPA (line 859), which act on it
//!    only when it changed. Aura ignores an empty set (pallet-aura 49.0.0, lines 235–240);
//!    GRANDPA does not: an empty GRANDPA set would finalise nothing, ever again.
//!
//! So the chain stays alive exactly as long as every queued set has a validator with keys, and
//! a set is queued from the keys as they are at the rotation. `session.purgeKeys` (any account,
//! any time: `do_purge_keys`, line 989) removes keys at once.
//!
//! ## The rules
//!
//! - Planning takes the approved validators that have keys. If none has, the set planned last
//!   stays ([`Event::ValidatorSetKept`]), less any of its validators that purged their keys
//!   since: every set handed to pallet-session has keys in full, so pallet-session queues it
//!   as it is.
//! - Keys cannot be purged while the set planned last has at most one validator with keys
//!   ([`Pallet::may_purge_session_keys`], the runtime's call filter). Every planned set is
//!   therefore left with a keyed validator until the next planning, which plans with it (or
//!   with approved validators that have keys).
//! - Returning `None` keeps the set pallet-session has in office; this pallet returns it only
//!   when that set is exactly [`Planned`] with keys in full (an unchanged set is not
//!   re-announced), or when nobody with keys is left at all. The latter cannot happen under the
//!   call filter; without it, `None` makes pallet-session queue nobody *without* a change, so
//!   Aura and GRANDPA keep the authorities they have, [`Planned`] is emptied, and the next
//!   planning with keys hands its set over. `Some` of a keyless set would instead hand GRANDPA
//!   an empty set one session later.
//!
//! ## Weight
//!
//! Planning reads [`Approved`], [`Planned`] and the keys of each of their validators (at most
//! `2 × MaxValidators + 2` reads). pallet-session charges the whole block for a rotation
//! (`T::BlockWeights::get().max_block`, line 674), which covers it. The call filter's check
//! reads [`Planned`] and keys until it finds two validators with them (three reads on a healthy
//! chain, `MaxValidators + 1` at worst); a call filter's work is not charged to the call.

use super::*;
use pallet_session::SessionManager;

impl<T: Config> Pallet<T> {
	/// The validator set for session `session`, or `None` for pallet-session to queue the set
	/// in office again (see the module docs).
	pub(crate) fn plan_session(session: u32) -> Option<Vec<T::AccountId>> {
		let keyed = Self::with_session_keys(Approved::<T>::get());
		if keyed.is_empty() {
			Self::deposit_event(Event::ValidatorSetKept { session });
			return Self::keep_planned();
		}
		if keyed == Planned::<T>::get() {
			return None;
		}
		Self::deposit_event(Event::NewValidatorSet { session, validators: keyed.len() as u32 });
		Planned::<T>::put(&keyed);
		Some(keyed.into_inner())
	}

	/// Keeps the set planned last, less its validators without keys. `None` when it is
	/// unchanged (pallet-session queues the set in office, which is that set) or when nobody in
	/// it has keys (pallet-session then queues nobody without announcing a change, and consensus
	/// keeps its authorities; [`Planned`] is emptied so that the next keyed set is handed over).
	fn keep_planned() -> Option<Vec<T::AccountId>> {
		let planned = Planned::<T>::get();
		let kept = Self::with_session_keys(planned.clone());
		if kept == planned {
			return None;
		}
		Planned::<T>::put(&kept);
		if kept.is_empty() {
			None
		} else {
			Some(kept.into_inner())
		}
	}

	/// `validators` without those that have no session keys, in the same order.
	fn with_session_keys(
		mut validators: BoundedVec<T::AccountId, T::MaxValidators>,
	) -> BoundedVec<T::AccountId, T::MaxValidators> {
		validators.retain(|v| T::SessionKeys::is_registered(v));
		validators
	}

	/// Whether session keys may be purged now: whether the set planned last ([`Planned`]) has
	/// at least two validators with session keys, so that whoever purges, one is left for the
	/// next planning.
	///
	/// The runtime's call filter (`frame_system::Config::BaseCallFilter`) refuses
	/// `session.purgeKeys` when this is `false`, with `system.CallFiltered`. A call filter sees
	/// the call but not its signer, so while one validator with keys is left *nobody* may purge
	/// keys: approve and plan a second validator with keys first (or have the last one rotate
	/// its keys with `session.setKeys` instead). Reads [`Planned`] and keys until two are found.
	pub fn may_purge_session_keys() -> bool {
		Planned::<T>::get().iter().filter(|v| T::SessionKeys::is_registered(*v)).take(2).count()
			>= 2
	}
}

/// The federation's approved validators with session keys are each session's set (see the
/// module docs). pallet-session's rotation, which calls this, is charged a whole block.
impl<T: Config> SessionManager<T::AccountId> for Pallet<T> {
	fn new_session(new_index: u32) -> Option<Vec<T::AccountId>> {
		Self::plan_session(new_index)
	}
	fn end_session(_: u32) {}
	fn start_session(_: u32) {}
}
