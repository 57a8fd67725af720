//! Clearing: a submitted list of set-offs is checked against the circle's accepted obligations
//! in one linear pass (`coop_clearing::check_clearing`: amounts within what is outstanding, no
//! net position changed, and, where the circle asks for it, the certificate of maximality),
//! then applied. In a circle that clears with liquidity, the check is
//! `coop_clearing::check_clearing_with_liquidity`: consenting participants' net positions may
//! move, their balances the opposite way within their credit lines. Also the numbered view of
//! the obligations that the check and the runtime API read.

use crate::{
	pallet::*, CertificateBound, CircleId, ClearingGraph, ClearingInput, Credit, CreditBalance,
	ObligationId, ObligationOf, Participant, ParticipantIndex,
};
use alloc::{
	collections::{btree_map::BTreeMap, btree_set::BTreeSet},
	vec::Vec,
};
use codec::MaxEncodedLen;
use coop_clearing::{
	check_clearing, check_clearing_with_liquidity, ClearingError, Liquidity,
	Obligation as ClearingObligation,
};
use frame_support::{defensive, ensure, traits::Get, weights::Weight, BoundedVec};
use sp_runtime::{ArithmeticError, DispatchError, DispatchResult};

impl<T: Config> Pallet<T> {
	/// Checks a clearing of `circle` and, if it passes, sets its obligations off (and, with
	/// liquidity, moves the balances it pays in credit).
	pub(crate) fn do_submit_clearing(
		circle: CircleId,
		setoffs: BoundedVec<(ObligationId, Credit), T::MaxSetoffs>,
		certificate: Option<BoundedVec<i64, CertificateBound<T>>>,
	) -> DispatchResult {
		let info = Circles::<T>::get(circle).ok_or(Error::<T>::CircleNotFound)?;
		ensure!(certificate.is_some() || !info.require_maximal, Error::<T>::CertificateRequired);
		let graph = Self::clearing_graph(circle);
		let positional = Self::setoffs_by_position(&graph, &setoffs)?;
		let potentials = certificate.as_ref().map(|c| c.as_slice());
		let (summary, changes) = match &graph.liquidity {
			None => (
				check_clearing(graph.participants, &graph.obligations, &positional, potentials)
					.map_err(Self::clearing_error)?,
				Vec::new(),
			),
			Some(lines) => {
				let checked = check_clearing_with_liquidity(
					graph.participants,
					&graph.obligations,
					lines,
					&positional,
					potentials,
				)
				.map_err(Self::clearing_error)?;
				// Moving someone's credit takes a maximal clearing: nobody may spend a lent
				// credit line on a clearing of their own choosing.
				ensure!(
					certificate.is_some() || checked.summary.liquidity == 0,
					Error::<T>::CertificateRequired
				);
				(checked.summary, checked.balance_changes)
			},
		};
		ensure!(summary.cleared > 0, Error::<T>::NothingCleared);
		Self::apply_setoffs(circle, setoffs)?;
		Self::move_balances(circle, &graph.accounts, &changes)?;
		Self::deposit_event(Event::Cleared {
			circle,
			total: summary.total,
			cleared: summary.cleared,
			obligations: summary.obligations_reduced,
			participants: summary.participants,
			cycles: summary.cycles,
			maximal: certificate.is_some(),
			liquidity: summary.liquidity,
		});
		Ok(())
	}

	/// Moves each participant's balance by what the checked clearing pays it in credit, and its
	/// net position in obligations the opposite way.
	fn move_balances(
		circle: CircleId,
		accounts: &[T::AccountId],
		changes: &[i128],
	) -> DispatchResult {
		for (who, change) in accounts.iter().zip(changes) {
			if *change == 0 {
				continue;
			}
			let change: CreditBalance = *change;
			Participants::<T>::try_mutate(circle, who, |p| {
				let p = p.as_mut().ok_or(Error::<T>::NotParticipant)?;
				p.balance = p.balance.checked_add(change).ok_or(ArithmeticError::Overflow)?;
				p.obligation_net =
					p.obligation_net.checked_sub(change).ok_or(ArithmeticError::Overflow)?;
				Ok::<_, DispatchError>(())
			})?;
		}
		Ok(())
	}

	/// What a clearing with liquidity may read and write beyond a plain one, charged whether
	/// or not the circle clears with liquidity (the weight is fixed before the call reads the
	/// circle): the circle's switch, each party's consent read and each party's record
	/// written, at most every participant of the circle; in the proof, each consent's key and
	/// trie path (estimated, as the benchmarks do, at the key plus 2,500 bytes) and each
	/// record. Not benchmarked: a provisional bound until the benchmark covers it.
	pub(crate) fn liquidity_weight() -> Weight {
		let parties = T::MaxObligations::get().saturating_mul(2).min(T::MaxParticipants::get());
		let per_party = T::AccountId::max_encoded_len()
			.saturating_add(Participant::max_encoded_len())
			.saturating_add(2_600) as u64;
		T::DbWeight::get()
			.reads_writes(u64::from(parties).saturating_add(1), parties.into())
			.saturating_add(Weight::from_parts(
				// The line and the second pass of the check, per party.
				u64::from(parties).saturating_mul(2_000_000),
				per_party.saturating_mul(parties.into()).saturating_add(2_600),
			))
	}

	/// The participant records a clearing reads beyond what its benchmark counts: each party of
	/// an accepted obligation once, at most every participant of the circle. The benchmark's
	/// obligations share their parties, so its reads of them hit the cache; this charges them
	/// at the worst case, each a full record in the proof.
	pub(crate) fn party_reads_weight() -> Weight {
		let parties = T::MaxObligations::get().saturating_mul(2).min(T::MaxParticipants::get());
		let record = Participant::max_encoded_len()
			.saturating_add(T::AccountId::max_encoded_len())
			.saturating_add(48) as u64;
		T::DbWeight::get()
			.reads(parties.into())
			.saturating_add(Weight::from_parts(0, record.saturating_mul(parties.into())))
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
			ClearingError::NotMaximal(_) | ClearingError::LiquidityNotMaximal(_) => {
				Error::<T>::NotMaximal
			},
			ClearingError::LiquidityExceeded(_) => Error::<T>::LiquidityExceeded,
			ClearingError::LiquidityLength => {
				defensive!("the pallet builds one credit line per numbered participant");
				Error::<T>::LiquidityExceeded
			},
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
			participants: graph.participants,
			require_maximal: info.require_maximal,
			obligations: graph
				.ids
				.iter()
				.zip(&graph.obligations)
				.map(|(id, o)| (*id, o.debtor, o.creditor, o.amount))
				.collect(),
			liquidity: graph
				.liquidity
				.map(|lines| lines.iter().map(|l| (l.pay, l.receive)).collect()),
		})
	}

	/// The circle's accepted obligations, ids ascending, with their parties numbered `0..k` in
	/// the order of their participant numbers, where `k` is how many participants the
	/// obligations touch. The certificate follows this numbering, so its length is set by the
	/// obligations, never by how many accounts ever joined. Reads at most `MaxObligations`
	/// obligations and each party once (and, in a circle that clears with liquidity, each
	/// party's consent once).
	pub fn clearing_graph(circle: CircleId) -> ClearingGraph<T::AccountId> {
		let mut rows: Vec<(ObligationId, ObligationOf<T>)> = Obligations::<T>::iter_prefix(circle)
			.take(T::MaxObligations::get() as usize)
			.filter(|(_, o)| o.accepted)
			.collect();
		rows.sort_by_key(|(id, _)| *id);
		// Each party's participant number and credit line, read once.
		let liquid = LiquidityCircles::<T>::contains_key(circle);
		let mut numbers: BTreeMap<T::AccountId, Option<ParticipantIndex>> = BTreeMap::new();
		let mut lines: BTreeMap<ParticipantIndex, (T::AccountId, Liquidity)> = BTreeMap::new();
		for (_, o) in &rows {
			for who in [&o.debtor, &o.creditor] {
				if !numbers.contains_key(who) {
					let p = Participants::<T>::get(circle, who);
					if let Some(p) = &p {
						let line = if liquid && LiquidityConsents::<T>::contains_key(circle, who) {
							Self::credit_line(p)
						} else {
							Liquidity::NONE
						};
						lines.insert(p.index, (who.clone(), line));
					}
					numbers.insert(who.clone(), p.map(|p| p.index));
				}
			}
		}
		// The participant numbers touched, ascending, renumbered 0..k.
		let touched: BTreeSet<ParticipantIndex> = numbers.values().flatten().copied().collect();
		let compact: BTreeMap<ParticipantIndex, u32> =
			touched.into_iter().enumerate().map(|(at, number)| (number, at as u32)).collect();
		let vertex = |who: &T::AccountId| {
			numbers.get(who).copied().flatten().and_then(|n| compact.get(&n).copied())
		};
		// `lines` is keyed by participant number, so its order is the compact numbering.
		let (accounts, lines): (Vec<T::AccountId>, Vec<Liquidity>) = lines.into_values().unzip();
		let mut graph = ClearingGraph {
			participants: compact.len() as u32,
			ids: Vec::with_capacity(rows.len()),
			obligations: Vec::with_capacity(rows.len()),
			parties: Vec::with_capacity(rows.len()),
			accounts,
			liquidity: liquid.then_some(lines),
		};
		for (id, o) in rows {
			let (Some(debtor), Some(creditor)) = (vertex(&o.debtor), vertex(&o.creditor)) else {
				// Parties of an open obligation cannot leave; qed.
				defensive!("an open obligation's parties take part in its circle");
				continue;
			};
			graph.ids.push(id);
			graph.obligations.push(ClearingObligation { debtor, creditor, amount: o.amount });
			graph.parties.push((o.debtor, o.creditor));
		}
		graph
	}

	/// What a consenting participant's credit line lets a clearing move: down to its credit
	/// limit, up to its ceiling (frozen participants may be paid but not pay).
	fn credit_line(p: &Participant) -> Liquidity {
		// Within the line by invariant 2: the balance is at least minus the limit and at most
		// the ceiling, so neither room is negative.
		let pay = if p.frozen { 0 } else { p.credit_limit.saturating_add_signed(p.balance) };
		let receive = p.ceiling.map(|c| match p.balance.checked_neg() {
			Some(minus) => c.saturating_add_signed(minus),
			None => 0,
		});
		Liquidity { pay, receive }
	}
}
