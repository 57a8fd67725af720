//! Clearing: a submitted list of set-offs is checked against the circle's accepted obligations
//! in one linear pass (`coop_clearing::check_clearing`: amounts within what is outstanding, no
//! net position changed, and, where the circle asks for it, the certificate of maximality),
//! then applied. Also the numbered view of the obligations that the check and the runtime API
//! read.

use crate::{
	pallet::*, CircleId, ClearingGraph, ClearingInput, Credit, ObligationId, ObligationOf,
};
use alloc::vec::Vec;
use coop_clearing::{check_clearing, ClearingError, Obligation as ClearingObligation};
use frame_support::{defensive, ensure, traits::Get, BoundedVec};
use sp_runtime::{ArithmeticError, DispatchError, DispatchResult};

impl<T: Config> Pallet<T> {
	/// Checks a clearing of `circle` and, if it passes, sets its obligations off.
	pub(crate) fn do_submit_clearing(
		circle: CircleId,
		setoffs: BoundedVec<(ObligationId, Credit), T::MaxSetoffs>,
		certificate: Option<BoundedVec<i64, T::MaxParticipants>>,
	) -> DispatchResult {
		let info = Circles::<T>::get(circle).ok_or(Error::<T>::CircleNotFound)?;
		ensure!(certificate.is_some() || !info.require_maximal, Error::<T>::CertificateRequired);
		let graph = Self::clearing_graph(circle);
		let positional = Self::setoffs_by_position(&graph, &setoffs)?;
		let summary = check_clearing(
			info.next_index,
			&graph.obligations,
			&positional,
			certificate.as_ref().map(|c| c.as_slice()),
		)
		.map_err(Self::clearing_error)?;
		ensure!(summary.cleared > 0, Error::<T>::NothingCleared);
		Self::apply_setoffs(circle, setoffs)?;
		Self::deposit_event(Event::Cleared {
			circle,
			total: summary.total,
			cleared: summary.cleared,
			obligations: summary.obligations_reduced,
			participants: summary.participants,
			cycles: summary.cycles,
			maximal: certificate.is_some(),
		});
		Ok(())
	}

	/// Set-offs by position in the graph, found by binary search (ids are sorted).
	fn setoffs_by_position(
		graph: &ClearingGraph<T::AccountId>,
		setoffs: &[(ObligationId, Credit)],
	) -> Result<Vec<(u32, Credit)>, Error<T>> {
		let mut positional = Vec::with_capacity(setoffs.len());
		for (id, amount) in setoffs.iter() {
			let at = graph.ids.binary_search(id).map_err(|_| Error::<T>::UnknownObligation)?;
			positional.push((at as u32, *amount));
		}
		Ok(positional)
	}

	/// The pallet's error for a failed clearing check.
	fn clearing_error(e: ClearingError) -> DispatchError {
		let error = match e {
			ClearingError::UnknownObligation(_) => Error::<T>::UnknownObligation,
			ClearingError::DuplicateSetoff(_) => Error::<T>::DuplicateSetoff,
			ClearingError::SetoffExceedsObligation(_) => Error::<T>::SetoffExceedsObligation,
			ClearingError::NetPositionChanged(_) => Error::<T>::NetPositionChanged,
			ClearingError::CertificateLength => Error::<T>::CertificateLength,
			ClearingError::NotMaximal(_) => Error::<T>::NotMaximal,
			ClearingError::UnknownParticipant(_) => {
				defensive!("every obligation's parties are participants of its circle");
				Error::<T>::UnknownParticipant
			},
			ClearingError::Overflow => return ArithmeticError::Overflow.into(),
		};
		error.into()
	}

	/// Reduces each obligation by its checked set-off, closing those cleared in full.
	fn apply_setoffs(
		circle: CircleId,
		setoffs: BoundedVec<(ObligationId, Credit), T::MaxSetoffs>,
	) -> DispatchResult {
		for (id, amount) in setoffs {
			if amount == 0 {
				continue;
			}
			let Some(mut o) = Obligations::<T>::get(circle, id) else {
				return Err(Error::<T>::UnknownObligation.into());
			};
			o.amount = o.amount.saturating_sub(amount);
			if o.amount == 0 {
				Self::close_obligation(circle, id, &o);
			} else {
				Obligations::<T>::insert(circle, id, o);
			}
		}
		Ok(())
	}

	/// What the clearing solver needs for `circle` (runtime API), if the circle exists.
	pub fn clearing_input(circle: CircleId) -> Option<ClearingInput> {
		let info = Circles::<T>::get(circle)?;
		let graph = Self::clearing_graph(circle);
		Some(ClearingInput {
			participants: info.next_index,
			require_maximal: info.require_maximal,
			obligations: graph
				.ids
				.iter()
				.zip(&graph.obligations)
				.map(|(id, o)| (*id, o.debtor, o.creditor, o.amount))
				.collect(),
		})
	}

	/// The circle's accepted obligations, ids ascending, with participants by number. Reads at
	/// most `MaxObligations` obligations.
	pub fn clearing_graph(circle: CircleId) -> ClearingGraph<T::AccountId> {
		let mut rows: Vec<(ObligationId, ObligationOf<T>)> = Obligations::<T>::iter_prefix(circle)
			.take(T::MaxObligations::get() as usize)
			.filter(|(_, o)| o.accepted)
			.collect();
		rows.sort_by_key(|(id, _)| *id);
		let mut graph = ClearingGraph {
			ids: Vec::with_capacity(rows.len()),
			obligations: Vec::with_capacity(rows.len()),
			parties: Vec::with_capacity(rows.len()),
		};
		for (id, o) in rows {
			let (Some(d), Some(c)) = (
				Participants::<T>::get(circle, &o.debtor),
				Participants::<T>::get(circle, &o.creditor),
			) else {
				// Parties of an open obligation cannot leave; qed.
				defensive!("an open obligation's parties take part in its circle");
				continue;
			};
			graph.ids.push(id);
			graph.obligations.push(ClearingObligation {
				debtor: d.index,
				creditor: c.index,
				amount: o.amount,
			});
			graph.parties.push((o.debtor, o.creditor));
		}
		graph
	}
}
