//! Recording patronage: a member's business accrues weighted units in the open period; a
//! non-member's counts as non-member volume, whose share of surplus goes to the reserve.

use crate::*;
use coop_primitives::CoopRole;
use sp_runtime::traits::{EnsureAdd, EnsureMul};

impl<T: Config> Pallet<T> {
	/// Only holders of the co-op's `Operator` role (its till or payroll) record patronage.
	pub(crate) fn ensure_operator(coop: CoopId, who: &T::AccountId) -> DispatchResult {
		ensure!(T::Coops::has_role(coop, who, CoopRole::Operator), Error::<T>::NotCoopOperator);
		Ok(())
	}

	/// Records one piece of business in the co-op's open period.
	pub(crate) fn do_record_patronage(
		coop: CoopId,
		record: PatronageRecordOf<T>,
	) -> DispatchResult {
		Self::record_all(coop, [record])
	}

	/// Records a batch in the co-op's open period, all or nothing (the call is transactional).
	pub(crate) fn do_record_patronage_batch(
		coop: CoopId,
		records: BoundedVec<PatronageRecordOf<T>, T::MaxBatch>,
	) -> DispatchResult {
		Self::record_all(coop, records)
	}

	fn record_all(
		coop: CoopId,
		records: impl IntoIterator<Item = PatronageRecordOf<T>>,
	) -> DispatchResult {
		let policy = Policies::<T>::get(coop).ok_or(Error::<T>::NoPolicy)?;
		let open = OpenPeriods::<T>::get(coop).ok_or(Error::<T>::NoPolicy)?;
		let open = records
			.into_iter()
			.try_fold(open, |open, record| Self::record_one(coop, &policy, open, record))?;
		OpenPeriods::<T>::insert(coop, open);
		Ok(())
	}

	/// Adds one record's weighted units to the member's entry or to the non-member volume, and
	/// returns the open period with its new totals.
	fn record_one(
		coop: CoopId,
		policy: &PolicyOf<T>,
		mut open: OpenPeriod<BlockNumberFor<T>>,
		record: PatronageRecordOf<T>,
	) -> Result<OpenPeriod<BlockNumberFor<T>>, DispatchError> {
		let PatronageRecord { patron, category, amount } = record;
		let units = Self::weighted_units(policy, category, amount)?;
		let period = open.index;
		if T::Coops::is_member(coop, &patron) {
			open.member_units = open.member_units.ensure_add(units)?;
			MemberPatronage::<T>::try_mutate((coop, period), &patron, |entry| {
				*entry = Some(entry.unwrap_or(0).ensure_add(units)?);
				Ok::<_, DispatchError>(())
			})?;
			Self::deposit_event(Event::PatronageRecorded {
				coop,
				period,
				member: patron,
				category,
				amount,
				units,
			});
		} else {
			open.non_member_units = open.non_member_units.ensure_add(units)?;
			Self::deposit_event(Event::NonMemberBusinessRecorded {
				coop,
				period,
				patron,
				category,
				amount,
				units,
			});
		}
		Ok(open)
	}

	/// `amount × weight` of the category, for a positive amount in a category of the policy.
	fn weighted_units(
		policy: &PolicyOf<T>,
		category: CategoryIndex,
		amount: u128,
	) -> Result<PatronageUnits, DispatchError> {
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		let weight = policy
			.categories
			.get(usize::from(category))
			.map(|c| c.weight)
			.ok_or(Error::<T>::UnknownCategory)?;
		Ok(amount.ensure_mul(u128::from(weight))?)
	}
}
