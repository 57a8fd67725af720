//! Runtime API of `pallet-circular-credit`: a circle's accepted obligations, numbered as the
//! clearing check numbers them, so that the node (`circularCredit_proposeClearing`) can compute
//! a maximal clearing and its certificate. Polkadot.js Apps shows it under Developer → Runtime
//! calls → `circularCreditApi`.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

pub use pallet_circular_credit::{CircleId, ClearingInput};

sp_api::decl_runtime_apis! {
	/// Credit circles.
	pub trait CircularCreditApi {
		/// The accepted obligations of `circle`, or `None` if it has no circle.
		fn clearing_input(circle: CircleId) -> Option<ClearingInput>;
	}
}
