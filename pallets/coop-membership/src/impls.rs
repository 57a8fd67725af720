//! What other pallets see of the co-op registry: [`CoopInspect`].

use crate::*;

impl<T: Config> CoopInspect<T::AccountId> for Pallet<T> {
	fn coop_exists(coop: CoopId) -> bool {
		Coops::<T>::contains_key(coop)
	}

	fn is_member(coop: CoopId, who: &T::AccountId) -> bool {
		Members::<T>::contains_key(coop, who)
	}

	fn is_voting_member(coop: CoopId, who: &T::AccountId) -> bool {
		match (Coops::<T>::get(coop), Members::<T>::get(coop, who)) {
			(Some(info), Some(member)) => {
				info.bylaws.classes.get(member.class as usize).is_some_and(|c| c.votes)
			},
			_ => false,
		}
	}

	fn member_count(coop: CoopId) -> u32 {
		Coops::<T>::get(coop).map(|c| c.members).unwrap_or(0)
	}

	fn member_class(coop: CoopId, who: &T::AccountId) -> Option<u8> {
		Members::<T>::get(coop, who).map(|m| m.class)
	}

	fn treasury_account(coop: CoopId) -> T::AccountId {
		Self::treasury(coop)
	}

	fn has_role(coop: CoopId, who: &T::AccountId, role: CoopRole) -> bool {
		Roles::<T>::get(coop, who).is_some_and(|set| set.contains(role))
	}

	fn admits_by_vote(coop: CoopId) -> bool {
		Coops::<T>::get(coop).is_some_and(|c| c.bylaws.admission == AdmissionMode::ByVote)
	}
}
