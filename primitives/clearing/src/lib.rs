//! # coop-clearing
//!
//! Multilateral obligation clearing: given who owes whom, find the largest amount of debt that
//! can be cancelled without changing anyone's net position, and prove that no larger amount
//! exists.
//!
//! ## The problem
//!
//! Participants `0..n` and obligations `e = (debtor, creditor, cₑ)`. A **clearing** sets off
//! `0 ≤ xₑ ≤ cₑ` of each obligation such that every participant's net position is unchanged:
//! what they set off as debtor equals what they set off as creditor. `x` is then a
//! *circulation* in the debt graph; the clearing is **maximal** when `Σ xₑ` is as large as any
//! circulation's.
//!
//! ## The certificate
//!
//! A clearing comes with integer **potentials** `p(v)`, one per participant. With
//! `δₑ = p(creditor) − p(debtor)`, the certificate holds when for every obligation
//!
//! - `xₑ > 0  ⇒ δₑ ≤ 1`, and
//! - `xₑ < cₑ ⇒ δₑ ≥ 1`.
//!
//! *Why this proves maximality.* For any circulation `z` with `0 ≤ z ≤ c`,
//! `Σ zₑ δₑ = Σᵥ p(v)·(inflow(v) − outflow(v)) = 0`, so
//! `Σ zₑ = Σ zₑ (1 − δₑ) ≤ Σ_{δₑ < 1} cₑ (1 − δₑ)`. The certificate forces `xₑ = cₑ` wherever
//! `δₑ < 1` and `xₑ = 0` wherever `δₑ > 1`, so `x` reaches that bound: no circulation clears
//! more. These are the complementary slackness conditions of the linear program
//! `max Σ xₑ` over circulations, and [`check_clearing`] verifies them in time linear in the
//! number of obligations.
//!
//! ## The solver (feature `std`)
//!
//! [`solve`] computes the remaining debt `y = c − x` as a minimum-cost flow: every unit left
//! owed on an obligation costs 1, and `y` must leave every participant with its original net
//! position. It is the primal-dual algorithm: Dijkstra on reduced costs (stopped at the nearest
//! net creditor) raises the potentials, then Dinic's blocking flows push net debts along
//! zero-reduced-cost residual arcs, until every net position is routed. The final potentials
//! are the certificate.
//!
//! ## Clearing with liquidity
//!
//! A circle may also let the clearing move credit balances, within each consenting
//! participant's credit line ([`Liquidity`]): a participant may pay part of what it owes in
//! credit (its balance goes down, at most to its credit limit) and be paid in credit for part of
//! what it is owed (its balance goes up, at most to its ceiling). The clearing is then a
//! circulation in the debt graph extended by one node, the circle itself, with an arc
//! `v → circle` (what `v` is paid in credit, up to `receive`) and an arc `circle → v` (what `v`
//! pays in credit, up to `pay`) for each participant: still a maximum-weight circulation, still
//! certified by potentials, one more for the circle. [`check_clearing_with_liquidity`] checks
//! it in linear time; [`solve_with_liquidity`] finds it. Each participant's balance plus its
//! net position in obligations stays what it was.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

use alloc::vec;
use alloc::vec::Vec;

#[cfg(feature = "std")]
mod solver;
#[cfg(feature = "std")]
pub use solver::{solve, solve_with_liquidity, Solution, TooMuchDebt};

/// An amount of debt. The solver takes obligations that sum to at most `2¹²⁷ − 1` (on chain an
/// obligation is at most the circle's `MaxCreditLimit`, far below that in sum).
pub type Amount = u128;

/// A participant's potential (dual price) in a certificate.
pub type Potential = i64;

/// `debtor` owes `creditor` `amount`. Participants are numbered `0..n`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Obligation {
	/// Who owes.
	pub debtor: u32,
	/// Who is owed.
	pub creditor: u32,
	/// How much is outstanding.
	pub amount: Amount,
}

/// What a participant's credit line lets a clearing with liquidity move.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Liquidity {
	/// How far its credit balance may go down: what it may pay in credit (its balance plus its
	/// credit limit).
	pub pay: Amount,
	/// How far its credit balance may go up: what it may be paid in credit (its ceiling minus
	/// its balance), `None` when it has no ceiling.
	pub receive: Option<Amount>,
}

impl Liquidity {
	/// A participant that does not lend its credit line to clearing.
	pub const NONE: Liquidity = Liquidity { pay: 0, receive: Some(0) };
}

/// Why a clearing was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClearingError {
	/// A set-off names an obligation that does not exist.
	UnknownObligation(u32),
	/// An obligation appears twice in the set-offs.
	DuplicateSetoff(u32),
	/// A set-off is larger than the obligation's outstanding amount.
	SetoffExceedsObligation(u32),
	/// An obligation names a participant outside `0..n`.
	UnknownParticipant(u32),
	/// The clearing changes this participant's net position (and it lends no credit line).
	NetPositionChanged(u32),
	/// The clearing moves this participant's credit balance beyond its credit line.
	LiquidityExceeded(u32),
	/// The credit lines are not one per participant.
	LiquidityLength,
	/// The certificate has not one potential per participant (and one for the circle, with
	/// liquidity).
	CertificateLength,
	/// The certificate fails on this obligation: the clearing is not shown to be maximal.
	NotMaximal(u32),
	/// The certificate fails on this participant's credit line: the clearing is not shown to be
	/// maximal.
	LiquidityNotMaximal(u32),
	/// Amounts beyond what the check can add up.
	Overflow,
}

/// What a clearing that passed the check does.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ClearingSummary {
	/// Debt outstanding before, over all obligations.
	pub total: Amount,
	/// Debt set off.
	pub cleared: Amount,
	/// Obligations reduced.
	pub obligations_reduced: u32,
	/// Participants whose obligations were reduced.
	pub participants: u32,
	/// Independent cycles set off: the circuit rank of the set-off graph (obligations reduced
	/// − participants + connected groups), e.g. 1 for a single loop.
	pub cycles: u32,
	/// Credit moved between balances (zero without liquidity): the sum of the balance
	/// increases, which equals the sum of the decreases.
	pub liquidity: Amount,
}

/// A clearing with liquidity that passed the check: what it does, and how it moves each
/// participant's credit balance.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LiquidClearing {
	/// What it does.
	pub summary: ClearingSummary,
	/// Per participant, the change of its credit balance: what it is paid in credit (positive)
	/// or pays (negative). Its net position in obligations moves by the opposite amount.
	pub balance_changes: Vec<i128>,
}

/// Union–find over participant numbers, to count the connected groups of a clearing.
struct Groups {
	parent: Vec<u32>,
}

impl Groups {
	fn new(n: usize) -> Self {
		Groups { parent: (0..n as u32).collect() }
	}

	fn root(&mut self, mut v: u32) -> u32 {
		// Path halving; every index is below `n` by construction.
		while let Some(&p) = self.parent.get(v as usize) {
			if p == v {
				break;
			}
			let grand = self.parent.get(p as usize).copied().unwrap_or(p);
			if let Some(slot) = self.parent.get_mut(v as usize) {
				*slot = grand;
			}
			v = grand;
		}
		v
	}

	/// Joins the groups of `a` and `b`; whether they were apart.
	fn join(&mut self, a: u32, b: u32) -> bool {
		let (ra, rb) = (self.root(a), self.root(b));
		if ra == rb {
			return false;
		}
		if let Some(slot) = self.parent.get_mut(ra as usize) {
			*slot = rb;
		}
		true
	}
}

/// Checks a clearing of `obligations` among `participants` participants, in time linear in the
/// number of obligations and participants.
///
/// `setoffs` lists `(obligation index, amount)`; obligations not listed are not reduced. With a
/// certificate (`potentials`, one per participant) it also checks that the clearing is maximal
/// (see the crate docs).
pub fn check_clearing(
	participants: u32,
	obligations: &[Obligation],
	setoffs: &[(u32, Amount)],
	potentials: Option<&[Potential]>,
) -> Result<ClearingSummary, ClearingError> {
	check(participants, obligations, None, setoffs, potentials).map(|c| c.summary)
}

/// Checks a clearing with liquidity of `obligations` among `participants` participants, each
/// lending the credit line `liquidity[v]` ([`Liquidity::NONE`] for one that does not), in
/// time linear in the number of obligations and participants.
///
/// A participant's set-offs as creditor may exceed those as debtor by at most what it may be
/// paid in credit, and fall short of them by at most what it may pay. The certificate has one
/// potential per participant and, last, one for the circle (see the crate docs).
pub fn check_clearing_with_liquidity(
	participants: u32,
	obligations: &[Obligation],
	liquidity: &[Liquidity],
	setoffs: &[(u32, Amount)],
	potentials: Option<&[Potential]>,
) -> Result<LiquidClearing, ClearingError> {
	check(participants, obligations, Some(liquidity), setoffs, potentials)
}

/// The check, with or without liquidity.
fn check(
	participants: u32,
	obligations: &[Obligation],
	liquidity: Option<&[Liquidity]>,
	setoffs: &[(u32, Amount)],
	potentials: Option<&[Potential]>,
) -> Result<LiquidClearing, ClearingError> {
	let n = participants as usize;
	if liquidity.is_some_and(|lines| lines.len() != n) {
		return Err(ClearingError::LiquidityLength);
	}
	let mut x: Vec<Option<Amount>> = vec![None; obligations.len()];
	for &(index, amount) in setoffs {
		let slot = x.get_mut(index as usize).ok_or(ClearingError::UnknownObligation(index))?;
		if slot.is_some() {
			return Err(ClearingError::DuplicateSetoff(index));
		}
		*slot = Some(amount);
	}
	// Net change per participant: + as creditor, − as debtor; must end at zero.
	let mut credited: Vec<Amount> = vec![0; n];
	let mut debited: Vec<Amount> = vec![0; n];
	let mut touched: Vec<bool> = vec![false; n];
	let mut groups = Groups::new(n);
	let mut merges = 0u32;
	let mut summary = ClearingSummary::default();
	for (index, (obligation, setoff)) in obligations.iter().zip(&x).enumerate() {
		let index = index as u32;
		let (d, c) = (obligation.debtor as usize, obligation.creditor as usize);
		if d >= n {
			return Err(ClearingError::UnknownParticipant(obligation.debtor));
		}
		if c >= n {
			return Err(ClearingError::UnknownParticipant(obligation.creditor));
		}
		summary.total =
			summary.total.checked_add(obligation.amount).ok_or(ClearingError::Overflow)?;
		let amount = setoff.unwrap_or(0);
		if amount > obligation.amount {
			return Err(ClearingError::SetoffExceedsObligation(index));
		}
		if amount == 0 {
			continue;
		}
		summary.cleared = summary.cleared.checked_add(amount).ok_or(ClearingError::Overflow)?;
		summary.obligations_reduced = summary.obligations_reduced.saturating_add(1);
		let debit =
			debited.get_mut(d).ok_or(ClearingError::UnknownParticipant(obligation.debtor))?;
		*debit = debit.checked_add(amount).ok_or(ClearingError::Overflow)?;
		let credit =
			credited.get_mut(c).ok_or(ClearingError::UnknownParticipant(obligation.creditor))?;
		*credit = credit.checked_add(amount).ok_or(ClearingError::Overflow)?;
		for v in [d, c] {
			if let Some(t) = touched.get_mut(v) {
				*t = true;
			}
		}
		if groups.join(obligation.debtor, obligation.creditor) {
			merges = merges.saturating_add(1);
		}
	}
	// What each participant is paid (+) or pays (−) in credit: nothing without liquidity.
	let mut changes: Vec<i128> = vec![0; n];
	for (v, (credit, debit)) in credited.iter().zip(&debited).enumerate() {
		if credit == debit {
			continue;
		}
		let line = liquidity.and_then(|lines| lines.get(v)).copied().unwrap_or(Liquidity::NONE);
		if line == Liquidity::NONE {
			return Err(ClearingError::NetPositionChanged(v as u32));
		}
		let change = if credit > debit {
			let paid = credit - debit;
			if line.receive.is_some_and(|receive| paid > receive) {
				return Err(ClearingError::LiquidityExceeded(v as u32));
			}
			summary.liquidity =
				summary.liquidity.checked_add(paid).ok_or(ClearingError::Overflow)?;
			i128::try_from(paid).map_err(|_| ClearingError::Overflow)?
		} else {
			let pays = debit - credit;
			if pays > line.pay {
				return Err(ClearingError::LiquidityExceeded(v as u32));
			}
			i128::try_from(pays).map_err(|_| ClearingError::Overflow)?.saturating_neg()
		};
		if let Some(slot) = changes.get_mut(v) {
			*slot = change;
		}
	}
	summary.participants = touched.iter().filter(|t| **t).count() as u32;
	// Circuit rank = edges − vertices + components, and components = vertices − merges.
	summary.cycles = summary.obligations_reduced.saturating_sub(merges);

	if let Some(p) = potentials {
		let expected = if liquidity.is_some() { n.saturating_add(1) } else { n };
		if p.len() != expected {
			return Err(ClearingError::CertificateLength);
		}
		for (index, (obligation, setoff)) in obligations.iter().zip(&x).enumerate() {
			let index = index as u32;
			let amount = setoff.unwrap_or(0);
			let (Some(pd), Some(pc)) =
				(p.get(obligation.debtor as usize), p.get(obligation.creditor as usize))
			else {
				return Err(ClearingError::UnknownParticipant(obligation.debtor));
			};
			let delta = i128::from(*pc) - i128::from(*pd);
			if (amount > 0 && delta > 1) || (amount < obligation.amount && delta < 1) {
				return Err(ClearingError::NotMaximal(index));
			}
		}
		if let (Some(lines), Some(circle)) = (liquidity, p.get(n)) {
			let circle = i128::from(*circle);
			for (v, ((line, change), pv)) in lines.iter().zip(&changes).zip(p).enumerate() {
				let pv = i128::from(*pv);
				// Arc v → circle carries what v is paid (weight 0, capacity `receive`), arc
				// circle → v what it pays (capacity `pay`): with δ = p(head) − p(tail), a
				// carrying arc needs δ ≤ 0 and an unsaturated one δ ≥ 0.
				let paid = (*change).max(0).unsigned_abs();
				let pays = (*change).min(0).unsigned_abs();
				let fails = (paid > 0 && circle > pv)
					|| (line.receive.is_none_or(|receive| paid < receive) && circle < pv)
					|| (pays > 0 && pv > circle)
					|| (pays < line.pay && pv < circle);
				if fails {
					return Err(ClearingError::LiquidityNotMaximal(v as u32));
				}
			}
		}
	}
	Ok(LiquidClearing { summary, balance_changes: changes })
}

#[cfg(test)]
mod tests;
