//! The count of an open vote in which every voter may change their vote until it closes.
//!
//! One type for every vote of the chain: a co-op's motions (one member, one vote: each vote
//! weighs 1) and a raise's contributor votes (each vote weighs 1 head, or the contributor's
//! capital). A vote is counted with [`Tally::vote`], which takes the voter's earlier vote out
//! first, and taken out with [`Tally::retract`] when the voter leaves; `try_state` recounts the
//! stored votes with [`Tally::recount`].

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_arithmetic::{
	traits::{CheckedAdd, CheckedSub, Saturating, Zero},
	ArithmeticError,
};

/// Ayes and nays, each the sum of the weights of the votes on that side.
#[derive(
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct Tally<N> {
	/// Weight of the votes for.
	pub ayes: N,
	/// Weight of the votes against.
	pub nays: N,
}

impl<N: Copy + Zero + CheckedAdd + CheckedSub + Saturating> Tally<N> {
	/// A tally with no votes.
	pub fn new() -> Self {
		Self { ayes: N::zero(), nays: N::zero() }
	}

	/// The weight of all votes cast. Saturates only where a broken tally has overflowed already:
	/// each side is the sum of a bounded electorate's weights, so the two fit together.
	pub fn cast(&self) -> N {
		self.ayes.saturating_add(self.nays)
	}

	/// The weight on side `aye`.
	pub fn side(&self, aye: bool) -> N {
		if aye {
			self.ayes
		} else {
			self.nays
		}
	}

	/// Counts a vote of `weight` on side `aye`, taking out `previous`, the same voter's earlier
	/// vote of the same weight, if they had one. Leaves the tally unchanged on error.
	pub fn vote(
		&mut self,
		previous: Option<bool>,
		aye: bool,
		weight: N,
	) -> Result<(), ArithmeticError> {
		let mut next = *self;
		if let Some(previous) = previous {
			next.retract(previous, weight)?;
		}
		let side = if aye { &mut next.ayes } else { &mut next.nays };
		*side = side.checked_add(&weight).ok_or(ArithmeticError::Overflow)?;
		*self = next;
		Ok(())
	}

	/// Takes a vote of `weight` on side `aye` out (the voter left, or changes their vote).
	/// `Underflow` means the vote was never counted: the tally and the stored votes disagree.
	pub fn retract(&mut self, aye: bool, weight: N) -> Result<(), ArithmeticError> {
		let side = if aye { &mut self.ayes } else { &mut self.nays };
		*side = side.checked_sub(&weight).ok_or(ArithmeticError::Underflow)?;
		Ok(())
	}

	/// Counts `votes` (side, weight) afresh; `None` if they overflow.
	pub fn recount(votes: impl IntoIterator<Item = (bool, N)>) -> Option<Self> {
		let mut tally = Self::new();
		for (aye, weight) in votes {
			tally.vote(None, aye, weight).ok()?;
		}
		Some(tally)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_changed_vote_moves_its_weight() {
		// Given a tally with one aye of 3.
		let mut tally = Tally::<u32>::new();
		tally.vote(None, true, 3).unwrap();
		// When the voter changes to nay.
		tally.vote(Some(true), false, 3).unwrap();
		// Then the weight moved, and the cast total is unchanged.
		assert_eq!(tally, Tally { ayes: 0, nays: 3 });
		assert_eq!(tally.cast(), 3);
	}

	#[test]
	fn a_failed_vote_leaves_the_tally_unchanged() {
		let mut tally = Tally::<u8> { ayes: 250, nays: 1 };
		assert_eq!(tally.vote(None, true, 10), Err(ArithmeticError::Overflow));
		assert_eq!(tally.vote(Some(false), true, 2), Err(ArithmeticError::Underflow));
		assert_eq!(tally, Tally { ayes: 250, nays: 1 });
		assert_eq!(tally.retract(false, 2), Err(ArithmeticError::Underflow));
	}

	#[test]
	fn recount_matches_the_running_tally() {
		let votes = [(true, 5u64), (false, 2), (true, 1)];
		assert_eq!(Tally::recount(votes), Some(Tally { ayes: 6, nays: 2 }));
		assert_eq!(Tally::recount([(true, u8::MAX), (true, 1u8)]), None);
	}
}
