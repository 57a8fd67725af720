//! Pallet configurations, one file per concern.
//!
//! - [`system`]: frame-system, timestamp and utility (the chain's basic machinery);
//! - [`consensus`]: Aura (block authoring) and GRANDPA (finality);
//! - [`validators`]: sessions, and the validator set the federation's member co-ops choose;
//! - [`monetary`]: balances (COOP) and transaction fees;
//! - [`parameters`]: what the federation tunes without an upgrade (session length, shortest
//!   voting periods and claim window, fees);
//! - [`governance`]: the federation's root authority (its special resolutions, scheduled after
//!   the enactment delay), the scheduler and the preimage pallet;
//! - [`membership`]: co-ops, members and motions;
//! - [`daico`]: DAICO fundraising;
//! - [`patronage`]: patronage dividends and revolving member equity;
//! - [`circular_credit`]: mutual credit circles, obligations and clearing.

#[cfg(feature = "runtime-benchmarks")]
pub mod bench_support;
pub mod circular_credit;
pub mod consensus;
pub mod daico;
pub mod governance;
pub mod membership;
pub mod monetary;
pub mod parameters;
pub mod patronage;
pub mod system;
pub mod validators;

pub use system::{RuntimeBlockLength, RuntimeBlockWeights};
