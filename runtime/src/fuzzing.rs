//! Whole-runtime fuzzing (issue #19): sequences of signed calls of every coopchain pallet, of
//! balances and utility, and of co-op motions that dispatch calls, generated from bytes and run
//! on the real runtime (`local_testnet` genesis) in `TestExternalities`, with real blocks
//! (`Executive::initialize_block`, the timestamp inherent, `Executive::finalize_block`) whose
//! numbers advance by random steps so that voting periods, windows and deadlines expire.
//!
//! Signed calls go through the transaction extensions (nonce, weight, fees) as
//! `Executive::apply_extrinsic` applies them, without the signature (a `CheckedExtrinsic`);
//! a transaction the extensions refuse is rolled back as the block builder would drop it.
//!
//! Checked after every block:
//! - no panic (a panic fails the run and the input is saved to replay it);
//! - every pallet's `try_state` (`AllPalletsWithSystem`, [`TryStateSelect::All`]);
//! - total issuance: it moves only by what pallet-balances reports issued or burned (the fee
//!   share the fund cannot take, dust), and equals the sum of every account's free and reserved
//!   balance;
//! - the block's weight within its limits (normal class ≤ its `max_total`);
//!
//! and after every transaction that the runtime should charge correctly, that the weight it
//! reports as used is at most the weight it was charged (call and extensions).
//!
//! Three ways to run it (`scripts/fuzz.sh`, README "Fuzzing"):
//! - in `cargo test` (CI, `tests::fuzz`): the committed corpus (`runtime/fuzz/corpus/`)
//!   replayed, then seeded random sequences for a bounded time (`COOPCHAIN_FUZZ_SECONDS`, default
//!   60) and count (`COOPCHAIN_FUZZ_SEQUENCES`, default 3000);
//! - a long campaign (`scripts/fuzz.sh <minutes>`): the same harness with feedback: an input
//!   that reaches a call outcome never seen before (pallet, call, and `Ok` or which error) joins
//!   the corpus, and later inputs are mutations of corpus inputs as often as fresh ones;
//! - coverage-guided, under AFL++ (`scripts/fuzz.sh --afl <minutes>`): `runtime/fuzz` is a
//!   program that runs [`run`] on each input AFL++ gives it, built with this module (feature
//!   `fuzzing`) and AFL's edge coverage.
//!
//! This module is compiled for the runtime's tests and with the feature `fuzzing`, never in the
//! runtime the chain runs.

use crate::{
	AccountId, AllPalletsWithSystem, Balance, BlockNumber, CircularCredit, Executive, Header,
	Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, System, UncheckedExtrinsic,
	EXISTENTIAL_DEPOSIT, SLOT_DURATION, UNIT,
};
use codec::Encode;
use coop_primitives::{CoopId, CoopRole};
use frame_support::{
	dispatch::{DispatchClass, GetDispatchInfo},
	traits::{TryState, TryStateSelect},
	weights::Weight,
	BoundedVec,
};
use pallet_coop_membership::{AdmissionMode, ClassKind, MemberClass, Proposal};
use sp_consensus_aura::{Slot, AURA_ENGINE_ID};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	generic::{CheckedExtrinsic, ExtrinsicFormat},
	traits::{Applyable, Dispatchable, Header as _},
	Digest, DigestItem, Perbill,
};
use std::collections::BTreeSet;

// ---------------------------------------------------------------------------------------------
// Bytes in, choices out (in the manner of `arbitrary::Unstructured`: once the bytes run out,
// every choice is the first one and the sequence ends).

struct Input<'a> {
	data: &'a [u8],
	pos: usize,
}

impl<'a> Input<'a> {
	fn new(data: &'a [u8]) -> Self {
		Self { data, pos: 0 }
	}
	fn is_empty(&self) -> bool {
		self.pos >= self.data.len()
	}
	fn byte(&mut self) -> u8 {
		let b = self.data.get(self.pos).copied().unwrap_or(0);
		self.pos += 1;
		b
	}
	fn u32(&mut self) -> u32 {
		u32::from_le_bytes([self.byte(), self.byte(), self.byte(), self.byte()])
	}
	fn below(&mut self, n: u32) -> u32 {
		if n <= 1 {
			return 0;
		}
		if n <= 256 {
			self.byte() as u32 % n
		} else {
			self.u32() % n
		}
	}
	fn bool(&mut self) -> bool {
		self.byte() & 1 == 1
	}
	fn pick<T: Clone>(&mut self, items: &[T]) -> T {
		items[self.below(items.len() as u32) as usize].clone()
	}
}

// ---------------------------------------------------------------------------------------------
// The world the sequences act in.

/// People who sign: the six development accounts (the founders, the bakery's members) and two
/// strangers with nothing until someone pays them.
fn people() -> Vec<AccountId> {
	let mut people: Vec<AccountId> = [
		Sr25519Keyring::Alice,
		Sr25519Keyring::Bob,
		Sr25519Keyring::Charlie,
		Sr25519Keyring::Dave,
		Sr25519Keyring::Eve,
		Sr25519Keyring::Ferdie,
	]
	.iter()
	.map(|k| k.to_account_id())
	.collect();
	people.push(AccountId::new([0xAA; 32]));
	people.push(AccountId::new([0xBB; 32]));
	people
}

/// Co-op (and circle) ids the sequences name: the genesis co-ops 0–5, those they create, and
/// some that never exist.
const COOPS: u32 = 10;

fn treasury(coop: CoopId) -> AccountId {
	pallet_coop_membership::Pallet::<Runtime>::treasury(coop)
}

/// The co-op whose treasury `who` is, among those the sequences can name.
fn coop_of_treasury(who: &AccountId) -> Option<CoopId> {
	(0..COOPS).find(|c| treasury(*c) == *who)
}

struct World {
	people: Vec<AccountId>,
	/// Motions proposed through `Act::Motion`, to close once they may: (co-op, motion, the
	/// weight bound to close with, blocks left to try).
	pending: Vec<(CoopId, u32, Weight, u32, RuntimeCall)>,
	/// The co-op an action is about: the co-op (and circle) its calls name three times in four.
	focus: Option<CoopId>,
	number: BlockNumber,
	slot: u64,
	parent: sp_core::H256,
}

/// What a run found: the outcomes seen, and how much it did.
#[derive(Default)]
pub struct Stats {
	pub paths: BTreeSet<(u8, u8, u32)>,
	pub transactions: u64,
	pub dispatched: u64,
	pub blocks: u64,
}

fn amount(inp: &mut Input) -> Balance {
	match inp.below(12) {
		0 => 0,
		1 => 1,
		2 => EXISTENTIAL_DEPOSIT - 1,
		3 => EXISTENTIAL_DEPOSIT,
		4 => EXISTENTIAL_DEPOSIT + 1,
		5 => UNIT / 100,
		6 => UNIT,
		7 => 7 * UNIT + 3,
		8 => 100 * UNIT,
		9 => 20_000 * UNIT,
		10 => Balance::MAX,
		_ => inp.u32() as Balance * (UNIT / 1000),
	}
}

fn credit(inp: &mut Input) -> u128 {
	match inp.below(10) {
		0 => 0,
		1 => 1,
		2 => 100,
		3 => 10_000,
		4 => 1_000_000,
		5 => 100_000_000,
		6 => 100_000_001,
		7 => u128::MAX,
		_ => inp.u32() as u128 % 5_000_000,
	}
}

fn perbill(inp: &mut Input) -> Perbill {
	match inp.below(6) {
		0 => Perbill::zero(),
		1 => Perbill::from_percent(50),
		2 => Perbill::from_parts(500_000_001),
		3 => Perbill::one(),
		4 => Perbill::from_percent(66),
		_ => Perbill::from_parts(inp.u32() % 1_000_000_001),
	}
}

impl World {
	/// Someone who signs: half the time a person who is a member of the co-op in focus.
	fn person(&self, inp: &mut Input) -> AccountId {
		if let Some(coop) = self.focus {
			if inp.bool() {
				let members: Vec<AccountId> =
					pallet_coop_membership::Members::<Runtime>::iter_prefix(coop)
						.map(|(who, _)| who)
						.filter(|who| self.people.contains(who))
						.take(8)
						.collect();
				if !members.is_empty() {
					return inp.pick(&members);
				}
			}
		}
		inp.pick(&self.people)
	}
	/// Someone to pay or name: a person or a co-op's treasury.
	fn anyone(&self, inp: &mut Input) -> AccountId {
		if inp.below(4) == 0 {
			treasury(inp.below(COOPS))
		} else {
			self.person(inp)
		}
	}
	fn coop(&self, inp: &mut Input) -> CoopId {
		match self.focus {
			Some(coop) if inp.below(4) != 0 => coop,
			_ => inp.below(COOPS),
		}
	}
	/// A co-op that exists, mostly (one in eight: any id).
	fn live_coop(&self, inp: &mut Input) -> CoopId {
		let next = pallet_coop_membership::NextCoopId::<Runtime>::get().max(1);
		if inp.below(8) == 0 {
			inp.below(COOPS)
		} else {
			inp.below(next.min(COOPS))
		}
	}
	fn later(&self, inp: &mut Input) -> BlockNumber {
		match inp.below(5) {
			0 => 0,
			1 => BlockNumber::MAX,
			_ => self.number + inp.below(60),
		}
	}
	fn motion(&self, inp: &mut Input, coop: CoopId) -> u32 {
		let next = pallet_coop_membership::Coops::<Runtime>::get(coop).map_or(0, |c| c.next_motion);
		next.saturating_sub(1 + inp.below(3))
	}
	fn raise(&self, inp: &mut Input) -> u32 {
		let next = pallet_daico::NextRaiseId::<Runtime>::get();
		next.saturating_sub(1 + inp.below(4))
	}
	fn obligation(&self, inp: &mut Input, circle: CoopId) -> u32 {
		let next = pallet_circular_credit::Circles::<Runtime>::get(circle)
			.map_or(0, |c| c.next_obligation);
		next.saturating_sub(1 + inp.below(5))
	}

	fn bylaws(&self, inp: &mut Input) -> pallet_coop_membership::BylawsOf<Runtime> {
		// The bakery's bylaws (co-op 1 may have been dissolved meanwhile: the demo's then).
		let mut bylaws = pallet_coop_membership::Coops::<Runtime>::get(1)
			.map(|c| c.bylaws)
			.unwrap_or_else(crate::genesis_config_presets::demo_coop_bylaws);
		for _ in 0..inp.below(4) {
			match inp.below(10) {
				0 => bylaws.share_price = amount(inp),
				1 => {
					bylaws.admission =
						if inp.bool() { AdmissionMode::Open } else { AdmissionMode::ByVote }
				},
				2 => {
					let kind = inp.pick(&[
						ClassKind::Worker,
						ClassKind::Consumer,
						ClassKind::Investor,
						ClassKind::Supporter,
						ClassKind::Cooperative,
					]);
					let _ = bylaws.classes.try_push(MemberClass { kind, votes: inp.bool() });
				},
				3 => bylaws.quorum = perbill(inp),
				4 => bylaws.approval = perbill(inp),
				5 => bylaws.voting_period = inp.below(30),
				6 => bylaws.max_members = inp.below(6),
				7 => bylaws.investor_vote_cap = perbill(inp),
				8 => bylaws.deliberation = inp.below(12),
				_ => bylaws.withdrawal_notice = inp.below(30),
			}
		}
		bylaws
	}

	fn raise_params(&self, inp: &mut Input, coop: CoopId) -> pallet_daico::RaiseParamsOf<Runtime> {
		use pallet_daico::{Contributors, RaiseParams, VotingMode};
		let start = self.number + inp.below(4);
		let mut p = RaiseParams {
			beneficiary: if inp.bool() { treasury(coop) } else { self.person(inp) },
			soft_cap: 10 * UNIT,
			hard_cap: 30 * UNIT,
			start,
			end: start + 2 + inp.below(20),
			min_contribution: UNIT,
			max_contribution: 20 * UNIT,
			contributors: if inp.bool() { Contributors::MembersOnly } else { Contributors::Anyone },
			tap_rate: UNIT / 10,
			tap_ceiling: UNIT,
			voting: inp.pick(&[
				VotingMode::HeadCount,
				VotingMode::Capital,
				VotingMode::DoubleMajority,
			]),
			quorum: Perbill::from_percent(50),
			approval: Perbill::from_percent(50),
			voting_period: 2 + inp.below(10),
			milestones: Default::default(),
		};
		for _ in 0..inp.below(4) {
			match inp.below(9) {
				0 => p.soft_cap = amount(inp),
				1 => p.hard_cap = amount(inp),
				2 => p.min_contribution = amount(inp),
				3 => p.max_contribution = amount(inp),
				4 => p.tap_rate = amount(inp),
				5 => p.tap_ceiling = amount(inp),
				6 => p.quorum = perbill(inp),
				7 => p.end = self.later(inp),
				_ => {
					let _ = p.milestones.try_push(amount(inp));
				},
			}
		}
		p
	}

	fn policy(&self, inp: &mut Input) -> pallet_patronage::PolicyOf<Runtime> {
		use pallet_patronage::{PatronageCategory, PatronagePolicy};
		let category = |name: &[u8], weight| PatronageCategory {
			name: BoundedVec::truncate_from(name.to_vec()),
			weight,
		};
		let mut p = PatronagePolicy {
			categories: BoundedVec::truncate_from(vec![
				category(b"purchases", 1),
				category(b"hours", 10),
			]),
			reserve_share: Perbill::from_percent(10),
			fund_share: Perbill::from_percent(5),
			cash_share: Perbill::from_percent(30),
			revolving_periods: 2,
			claim_window: 20,
		};
		for _ in 0..inp.below(3) {
			match inp.below(6) {
				0 => p.reserve_share = perbill(inp),
				1 => p.fund_share = perbill(inp),
				2 => p.cash_share = perbill(inp),
				3 => p.revolving_periods = inp.below(5),
				4 => p.claim_window = inp.below(60),
				_ => p.categories = Default::default(),
			}
		}
		p
	}

	/// A call of any pallet, its arguments drawn near the state (existing ids, edge amounts).
	fn call(&self, inp: &mut Input, depth: u32) -> RuntimeCall {
		use pallet_circular_credit::Call as Cc;
		use pallet_coop_membership::Call as Cm;
		use pallet_daico::Call as Dc;
		use pallet_patronage::Call as Pc;
		let coop = self.coop(inp);
		match inp.below(if depth == 0 { 60 } else { 58 }) {
			// coop-membership
			0 => RuntimeCall::CoopMembership(Cm::create_coop {
				name: b"fuzz co-op".to_vec(),
				bylaws: self.bylaws(inp),
			}),
			1..=3 => RuntimeCall::CoopMembership(Cm::apply { coop, class: inp.below(3) as u8 }),
			4 => RuntimeCall::CoopMembership(Cm::leave { coop }),
			5 => RuntimeCall::CoopMembership(Cm::redeem_share { coop, member: self.anyone(inp) }),
			6 => RuntimeCall::CoopMembership(Cm::pay_redemption_queue { coop }),
			7 | 8 => RuntimeCall::CoopMembership(Cm::propose {
				coop,
				proposal: Box::new(self.proposal(inp, coop, depth)),
			}),
			9 | 10 => RuntimeCall::CoopMembership(Cm::vote {
				coop,
				motion: self.motion(inp, coop),
				aye: inp.bool(),
			}),
			11 => RuntimeCall::CoopMembership(Cm::close_motion {
				coop,
				motion: self.motion(inp, coop),
				call_weight_bound: Weight::from_parts(inp.u32() as u64 * 1000, 1 << 20),
			}),
			12 => RuntimeCall::CoopMembership(Cm::defend {
				coop,
				motion: self.motion(inp, coop),
				statement: vec![b'x'; inp.below(300) as usize],
			}),
			13 => RuntimeCall::CoopMembership(Cm::set_delegate {
				delegate: if inp.bool() { Some(self.person(inp)) } else { None },
				ordinary_only: inp.bool(),
			}),
			14 => RuntimeCall::CoopMembership(Cm::vote_as_delegate {
				coop,
				motion: self.motion(inp, coop),
				member: self.coop(inp),
				aye: inp.bool(),
			}),
			15 => RuntimeCall::CoopMembership(Cm::dissolve_coop { coop }),
			16 => RuntimeCall::CoopMembership(Cm::transfer_dissolved_assets { coop }),
			// daico
			17 => {
				RuntimeCall::Daico(Dc::create_raise { coop, params: self.raise_params(inp, coop) })
			},
			18..=20 => {
				RuntimeCall::Daico(Dc::contribute { raise: self.raise(inp), amount: amount(inp) })
			},
			21 => RuntimeCall::Daico(Dc::finalize { raise: self.raise(inp) }),
			22 => RuntimeCall::Daico(Dc::draw_tap { raise: self.raise(inp) }),
			23 => {
				RuntimeCall::Daico(Dc::lower_tap { raise: self.raise(inp), new_rate: amount(inp) })
			},
			24 => RuntimeCall::Daico(Dc::propose {
				raise: self.raise(inp),
				proposal: match inp.below(3) {
					0 => pallet_daico::Proposal::RaiseTap { new_rate: amount(inp) },
					1 => pallet_daico::Proposal::UnlockMilestone,
					_ => pallet_daico::Proposal::Dissolve,
				},
			}),
			25 | 26 => RuntimeCall::Daico(Dc::vote {
				raise: self.raise(inp),
				kind: inp.pick(&[
					pallet_daico::ProposalKind::RaiseTap,
					pallet_daico::ProposalKind::UnlockMilestone,
					pallet_daico::ProposalKind::Dissolve,
				]),
				aye: inp.bool(),
			}),
			27 => RuntimeCall::Daico(Dc::close_motion {
				raise: self.raise(inp),
				kind: inp.pick(&[
					pallet_daico::ProposalKind::RaiseTap,
					pallet_daico::ProposalKind::UnlockMilestone,
					pallet_daico::ProposalKind::Dissolve,
				]),
			}),
			28 => RuntimeCall::Daico(Dc::claim_refund {
				raise: self.raise(inp),
				contributor: self.anyone(inp),
			}),
			29 => RuntimeCall::Daico(Dc::prune_raise { raise: self.raise(inp) }),
			// patronage
			30 => RuntimeCall::Patronage(Pc::set_policy { coop, policy: self.policy(inp) }),
			31 | 32 => RuntimeCall::Patronage(Pc::record_patronage {
				coop,
				patron: self.anyone(inp),
				category: inp.below(3) as u8,
				amount: credit(inp),
			}),
			33 => RuntimeCall::Patronage(Pc::close_period { coop, surplus: amount(inp) }),
			34 | 35 => RuntimeCall::Patronage(Pc::claim {
				coop,
				period: inp.below(4),
				member: self.anyone(inp),
			}),
			36 => RuntimeCall::Patronage(Pc::revolve { coop, member: self.anyone(inp) }),
			37 => RuntimeCall::Patronage(Pc::sweep_unclaimed { coop, period: inp.below(4) }),
			38 => RuntimeCall::Patronage(Pc::spend_fund {
				coop,
				to: self.anyone(inp),
				amount: amount(inp),
			}),
			39 => RuntimeCall::Patronage(Pc::transfer_dissolved_reserve { coop }),
			// circular credit (a circle's id is its co-op's)
			40 => {
				RuntimeCall::CircularCredit(Cc::open_circle { coop, require_maximal: inp.bool() })
			},
			41 => RuntimeCall::CircularCredit(Cc::join { circle: coop }),
			42 => RuntimeCall::CircularCredit(Cc::leave { circle: coop }),
			43 => RuntimeCall::CircularCredit(Cc::set_credit_limit {
				circle: coop,
				who: self.anyone(inp),
				credit_limit: credit(inp),
				ceiling: if inp.bool() { Some(credit(inp)) } else { None },
			}),
			44 | 45 => RuntimeCall::CircularCredit(Cc::pay {
				circle: coop,
				to: self.anyone(inp),
				amount: credit(inp),
				memo: BoundedVec::truncate_from(vec![b'm'; inp.below(40) as usize]),
			}),
			46 | 47 => RuntimeCall::CircularCredit(Cc::issue_obligation {
				circle: coop,
				debtor: self.anyone(inp),
				amount: credit(inp),
				due: self.later(inp),
			}),
			48 => RuntimeCall::CircularCredit(Cc::accept_obligation {
				circle: coop,
				id: self.obligation(inp, coop),
			}),
			49 => RuntimeCall::CircularCredit(Cc::settle_obligation {
				circle: coop,
				id: self.obligation(inp, coop),
				amount: credit(inp),
			}),
			50 => RuntimeCall::CircularCredit(Cc::cancel_obligation {
				circle: coop,
				id: self.obligation(inp, coop),
			}),
			51 => RuntimeCall::CircularCredit(Cc::reject_obligation {
				circle: coop,
				id: self.obligation(inp, coop),
			}),
			52 => RuntimeCall::CircularCredit(Cc::expire_obligation {
				circle: coop,
				id: self.obligation(inp, coop),
			}),
			53 => {
				RuntimeCall::CircularCredit(Cc::write_off { circle: coop, who: self.anyone(inp) })
			},
			54 => {
				RuntimeCall::CircularCredit(Cc::set_liquidity { circle: coop, enabled: inp.bool() })
			},
			55 => {
				RuntimeCall::CircularCredit(Cc::allow_liquidity { circle: coop, allow: inp.bool() })
			},
			// balances, validators, federation
			56 => match inp.below(3) {
				0 => RuntimeCall::Balances(pallet_balances::Call::transfer_allow_death {
					dest: self.anyone(inp).into(),
					value: amount(inp),
				}),
				1 => RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
					dest: self.anyone(inp).into(),
					value: amount(inp),
				}),
				_ => RuntimeCall::Balances(pallet_balances::Call::transfer_all {
					dest: self.anyone(inp).into(),
					keep_alive: inp.bool(),
				}),
			},
			57 => match inp.below(6) {
				0 => {
					RuntimeCall::CoopValidators(pallet_coop_validators::Call::register_validator {
						validator: self.person(inp),
					})
				},
				1 => RuntimeCall::CoopValidators(pallet_coop_validators::Call::approve_validator {
					member: treasury(coop),
				}),
				2 => RuntimeCall::CoopValidators(pallet_coop_validators::Call::retire_validator {}),
				3 => RuntimeCall::CoopValidators(pallet_coop_validators::Call::remove_validator {
					member: treasury(coop),
				}),
				4 => RuntimeCall::Federation(pallet_federation::Call::enact {
					call: Box::new(RuntimeCall::System(frame_system::Call::remark {
						remark: vec![1, 2, 3],
					})),
				}),
				_ => {
					RuntimeCall::Federation(pallet_federation::Call::cancel { index: inp.below(4) })
				},
			},
			// utility (top level only): a batch of calls
			_ => {
				let calls = (0..1 + inp.below(3)).map(|_| self.call(inp, depth + 1)).collect();
				match inp.below(3) {
					0 => RuntimeCall::Utility(pallet_utility::Call::batch { calls }),
					1 => RuntimeCall::Utility(pallet_utility::Call::batch_all { calls }),
					_ => RuntimeCall::Utility(pallet_utility::Call::force_batch { calls }),
				}
			},
		}
	}

	fn proposal(
		&self,
		inp: &mut Input,
		coop: CoopId,
		depth: u32,
	) -> pallet_coop_membership::ProposalOf<Runtime> {
		// Calls in proposals nest at most three deep.
		let depth = depth.max(1);
		let inner = |inp: &mut Input| Box::new(self.call(inp, depth + 1));
		match inp.below(if depth >= 3 { 5 } else { 7 }) {
			0 => Proposal::Admit { applicant: self.person(inp) },
			1 => Proposal::Expel { member: self.anyone(inp) },
			2 => Proposal::ChangeBylaws { bylaws: self.bylaws(inp) },
			3 => Proposal::GrantRole {
				who: self.anyone(inp),
				role: if inp.bool() { CoopRole::Operator } else { CoopRole::ValidatorOperator },
			},
			4 => Proposal::RevokeRole { who: self.anyone(inp), role: CoopRole::Operator },
			5 => Proposal::DispatchSpecial { call: inner(inp) },
			_ => {
				let _ = coop;
				Proposal::Dispatch { call: inner(inp) }
			},
		}
	}
}

// ---------------------------------------------------------------------------------------------
// Applying calls and blocks, with the per-call checks.

/// The outcome key of a dispatch: (pallet, call, 0 for `Ok`, else 1 + the error's index).
fn path(call: &RuntimeCall, result: &Result<(), sp_runtime::DispatchError>) -> (u8, u8, u32) {
	let bytes = call.encode();
	let outcome = match result {
		Ok(()) => 0,
		Err(sp_runtime::DispatchError::Module(e)) => {
			1 + ((e.index as u32) << 8 | e.error[0] as u32)
		},
		Err(e) => 0x10000 + (e.encode().first().copied().unwrap_or(0) as u32),
	};
	(bytes[0], bytes[1], outcome)
}

/// Applies `call` signed by `who` as `Executive::apply_extrinsic` does (extensions, dispatch,
/// note in the block), without the signature; a transaction the extensions refuse is rolled
/// back. Checks that the weight it reports as used is at most the weight charged.
fn apply_signed(who: &AccountId, call: RuntimeCall, stats: &mut Stats) -> Result<(), String> {
	let mut extension = crate::configs::monetary::tx_extension();
	extension.5 = frame_system::CheckNonce::from(System::account_nonce(who));
	let len = call.encoded_size() + 106;
	let xt = CheckedExtrinsic::<AccountId, RuntimeCall, crate::TxExtension> {
		format: ExtrinsicFormat::Signed(who.clone(), extension),
		function: call.clone(),
	};
	let info = xt.get_dispatch_info();
	sp_io::storage::start_transaction();
	let applied = Applyable::apply::<Runtime>(xt, &info, len);
	let Ok(result) = applied else {
		// Refused by the extensions (cannot pay, block full, …): not in the block.
		sp_io::storage::rollback_transaction();
		return Ok(());
	};
	sp_io::storage::commit_transaction();
	System::note_extrinsic(call.encode());
	System::note_applied_extrinsic(&result, info);
	stats.transactions += 1;
	let post = match &result {
		Ok(post) => *post,
		Err(e) => e.post_info,
	};
	let charged = info.call_weight.saturating_add(info.extension_weight);
	if let Some(used) = post.actual_weight {
		if !used.all_lte(charged) {
			return Err(format!(
				"{call:?} reported {used:?} used, more than the {charged:?} it was charged"
			));
		}
	}
	stats.paths.insert(path(&call, &result.map(|_| ()).map_err(|e| e.error)));
	Ok(())
}

/// Dispatches `call` with a co-op's origin, as the co-op's passed motion would.
fn dispatch_as_coop(coop: CoopId, call: RuntimeCall, stats: &mut Stats) -> Result<(), String> {
	let info = call.get_dispatch_info();
	let origin: RuntimeOrigin = pallet_coop_membership::Origin::Coop(coop).into();
	let result = call.clone().dispatch(origin);
	stats.dispatched += 1;
	let post = match &result {
		Ok(post) => *post,
		Err(e) => e.post_info,
	};
	if let Some(used) = post.actual_weight {
		if !used.all_lte(info.call_weight) {
			return Err(format!(
				"{call:?} reported {used:?} used, more than the {:?} it declares",
				info.call_weight
			));
		}
	}
	stats.paths.insert(path(&call, &result.map(|_| ()).map_err(|e| e.error)));
	Ok(())
}

/// `who` acts on `call`: a person signs it; a co-op's treasury acts through the co-op's motion
/// (taken as passed: a member co-op's own motions are fuzzed where it is the co-op acting).
fn act(who: &AccountId, call: RuntimeCall, stats: &mut Stats) -> Result<(), String> {
	match coop_of_treasury(who) {
		Some(coop) => dispatch_as_coop(coop, call, stats),
		None => apply_signed(who, call, stats),
	}
}

impl World {
	fn new() -> Self {
		Self {
			people: people(),
			pending: Vec::new(),
			focus: None,
			number: 0,
			slot: 0,
			parent: Default::default(),
		}
	}

	/// Opens the next block, at a later Aura slot (`slots` on: slots without a block are
	/// skipped, as when their author is offline), with its timestamp.
	fn open_block(&mut self, slots: u32) {
		self.number += 1;
		self.slot += slots.max(1) as u64;
		let digest = Digest {
			logs: vec![DigestItem::PreRuntime(AURA_ENGINE_ID, Slot::from(self.slot).encode())],
		};
		let header =
			Header::new(self.number, Default::default(), Default::default(), self.parent, digest);
		let _ = Executive::initialize_block(&header);
		let now =
			RuntimeCall::Timestamp(pallet_timestamp::Call::set { now: self.slot * SLOT_DURATION });
		Executive::apply_extrinsic(UncheckedExtrinsic::new_bare(now))
			.expect("a timestamp one slot later than the last is valid; qed")
			.expect("a valid timestamp inherent applies; qed");
		Executive::inherents_applied();
	}

	/// Closes the block and checks the invariants.
	fn close_block(&mut self, issuance_before: Balance, stats: &mut Stats) -> Result<(), String> {
		let weights = crate::configs::RuntimeBlockWeights::get();
		let normal = *System::block_weight().get(DispatchClass::Normal);
		let header = Executive::finalize_block();
		self.parent = header.hash();
		stats.blocks += 1;
		let n = self.number;
		let limit = weights.get(DispatchClass::Normal).max_total.unwrap_or(weights.max_block);
		if !normal.all_lte(limit) {
			return Err(format!("block {n}: normal weight {normal:?} above its limit {limit:?}"));
		}
		AllPalletsWithSystem::try_state(n, TryStateSelect::All)
			.map_err(|e| format!("block {n}: try_state: {e:?}"))?;
		// Issuance moves only by what pallet-balances reports, and is every account's money.
		let (mut up, mut down) = (0u128, 0u128);
		let mut issuance_before = issuance_before;
		for record in System::events() {
			use pallet_balances::Event as B;
			if let RuntimeEvent::Balances(e) = record.event {
				match e {
					B::Issued { amount }
					| B::Minted { amount, .. }
					| B::MintedCredit { amount }
					| B::Restored { amount, .. } => up += amount,
					B::Rescinded { amount }
					| B::Burned { amount, .. }
					| B::BurnedDebt { amount }
					| B::BurnedHeld { amount, .. }
					| B::Suspended { amount, .. } => down += amount,
					B::TotalIssuanceForced { new, .. } => {
						issuance_before = new;
						(up, down) = (0, 0);
					},
					_ => {},
				}
			}
		}
		let issuance = pallet_balances::TotalIssuance::<Runtime>::get();
		if (issuance_before + up).checked_sub(down) != Some(issuance) {
			return Err(format!(
				"block {n}: issuance {issuance_before} + {up} issued - {down} burned != {issuance}"
			));
		}
		let held: Balance = frame_system::Account::<Runtime>::iter()
			.map(|(_, a)| a.data.free + a.data.reserved)
			.sum();
		if held != issuance {
			return Err(format!("block {n}: accounts hold {held}, issuance is {issuance}"));
		}
		Ok(())
	}

	/// Tries to close the motions proposed through `Act::Motion` that may close now.
	fn close_pending(&mut self, stats: &mut Stats) -> Result<(), String> {
		let closer = self.people[0].clone();
		let mut keep = Vec::new();
		for (coop, motion, bound, tries, inner) in core::mem::take(&mut self.pending) {
			let call = RuntimeCall::CoopMembership(pallet_coop_membership::Call::close_motion {
				coop,
				motion,
				call_weight_bound: bound,
			});
			apply_signed(&closer, call, stats)?;
			// The outcome of the call the motion carried, if it was carried out.
			for record in System::events() {
				if let RuntimeEvent::CoopMembership(
					pallet_coop_membership::Event::MotionExecuted { coop: c, motion: m, result },
				) = record.event
				{
					if (c, m) == (coop, motion) {
						stats.paths.insert(path(&inner, &result));
					}
				}
			}
			let open = pallet_coop_membership::Motions::<Runtime>::contains_key(coop, motion);
			if open && tries > 0 {
				keep.push((coop, motion, bound, tries - 1, inner));
			}
		}
		self.pending = keep;
		Ok(())
	}

	/// A co-op's motion dispatching `call`: proposed by one of its members, voted aye by every
	/// member (persons sign, member co-ops vote through their delegate or their own motion),
	/// closed once it may (`close_pending`).
	fn motion_for(
		&mut self,
		coop: CoopId,
		call: RuntimeCall,
		special: bool,
		stats: &mut Stats,
	) -> Result<(), String> {
		let members: Vec<AccountId> = pallet_coop_membership::Members::<Runtime>::iter_prefix(coop)
			.map(|(who, _)| who)
			.take(12)
			.collect();
		let Some(proposer) = members.first().cloned() else { return Ok(()) };
		let bound = call.get_dispatch_info().call_weight;
		let inner = call.clone();
		let proposal = if special {
			Proposal::DispatchSpecial { call: Box::new(call) }
		} else {
			Proposal::Dispatch { call: Box::new(call) }
		};
		let before =
			pallet_coop_membership::Coops::<Runtime>::get(coop).map_or(0, |c| c.next_motion);
		act(
			&proposer,
			RuntimeCall::CoopMembership(pallet_coop_membership::Call::propose {
				coop,
				proposal: Box::new(proposal),
			}),
			stats,
		)?;
		let after =
			pallet_coop_membership::Coops::<Runtime>::get(coop).map_or(0, |c| c.next_motion);
		if after == before {
			return Ok(());
		}
		let motion = before;
		for member in members {
			let delegate = coop_of_treasury(&member)
				.and_then(|c| pallet_coop_membership::Delegates::<Runtime>::get(c).map(|d| (c, d)));
			match delegate {
				Some((member_coop, d)) => apply_signed(
					&d.account,
					RuntimeCall::CoopMembership(pallet_coop_membership::Call::vote_as_delegate {
						coop,
						motion,
						member: member_coop,
						aye: true,
					}),
					stats,
				)?,
				None => act(
					&member,
					RuntimeCall::CoopMembership(pallet_coop_membership::Call::vote {
						coop,
						motion,
						aye: true,
					}),
					stats,
				)?,
			}
		}
		self.pending.push((coop, motion, bound, 40, inner));
		Ok(())
	}

	/// Clears a circle with the solver's clearing (sometimes spoilt: one set-off off by one,
	/// or no certificate), as the `circularCredit_proposeClearing` RPC proposes it.
	fn clear(&mut self, inp: &mut Input, circle: CoopId, stats: &mut Stats) -> Result<(), String> {
		use coop_clearing::{solve, solve_with_liquidity, Liquidity, Obligation};
		let Some(input) = CircularCredit::clearing_input(circle) else { return Ok(()) };
		let obligations: Vec<Obligation> = input
			.obligations
			.iter()
			.map(|(_, debtor, creditor, amount)| Obligation {
				debtor: *debtor,
				creditor: *creditor,
				amount: *amount,
			})
			.collect();
		let solution = match &input.liquidity {
			None => solve(input.participants, &obligations),
			Some(lines) => {
				let lines: Vec<Liquidity> = lines
					.iter()
					.map(|(pay, receive)| Liquidity { pay: *pay, receive: *receive })
					.collect();
				solve_with_liquidity(input.participants, &obligations, &lines)
			},
		};
		let Ok(solution) = solution else { return Ok(()) };
		let mut setoffs: Vec<(u32, u128)> = input
			.obligations
			.iter()
			.zip(&solution.setoffs)
			.filter(|(_, x)| **x > 0)
			.map(|((id, ..), x)| (*id, *x))
			.collect();
		let mut certificate = Some(solution.potentials.clone());
		match inp.below(6) {
			0 if !setoffs.is_empty() => {
				let i = inp.below(setoffs.len() as u32) as usize;
				setoffs[i].1 =
					if inp.bool() { setoffs[i].1.saturating_add(1) } else { setoffs[i].1 - 1 };
			},
			1 => certificate = None,
			_ => {},
		}
		let call = RuntimeCall::CircularCredit(pallet_circular_credit::Call::submit_clearing {
			circle,
			setoffs: BoundedVec::truncate_from(setoffs),
			certificate: certificate.map(BoundedVec::truncate_from),
		});
		apply_signed(&self.person(inp), call, stats)
	}
}

impl World {
	/// Business under way before the sequence starts, so that sequences reach past the first
	/// steps: Riverside Bakery (co-op 1: Eve, Ferdie) has a credit circle both joined with
	/// limits, a patronage policy, and a raise open to anyone.
	fn prologue(&mut self, stats: &mut Stats) -> Result<(), String> {
		use pallet_circular_credit::Call as Cc;
		let (eve, ferdie) = (self.people[4].clone(), self.people[5].clone());
		dispatch_as_coop(
			1,
			RuntimeCall::CircularCredit(Cc::open_circle { coop: 1, require_maximal: false }),
			stats,
		)?;
		for who in [&eve, &ferdie] {
			apply_signed(who, RuntimeCall::CircularCredit(Cc::join { circle: 1 }), stats)?;
			dispatch_as_coop(
				1,
				RuntimeCall::CircularCredit(Cc::set_credit_limit {
					circle: 1,
					who: who.clone(),
					credit_limit: 1_000_000,
					ceiling: None,
				}),
				stats,
			)?;
		}
		let mut none = Input::new(&[]);
		let policy = self.policy(&mut none);
		dispatch_as_coop(
			1,
			RuntimeCall::Patronage(pallet_patronage::Call::set_policy { coop: 1, policy }),
			stats,
		)?;
		let mut params = self.raise_params(&mut none, 1);
		params.beneficiary = treasury(1);
		params.contributors = pallet_daico::Contributors::Anyone;
		params.voting = pallet_daico::VotingMode::Capital;
		params.start = self.number;
		params.end = self.number + 30;
		// The raise's deposit and seed come from the bakery's treasury.
		apply_signed(
			&self.people[0],
			RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
				dest: treasury(1).into(),
				value: 100 * UNIT,
			}),
			stats,
		)?;
		dispatch_as_coop(
			1,
			RuntimeCall::Daico(pallet_daico::Call::create_raise { coop: 1, params }),
			stats,
		)?;
		let opened =
			pallet_circular_credit::Circles::<Runtime>::get(1).map_or(0, |c| c.participants);
		if pallet_daico::NextRaiseId::<Runtime>::get() != 1 || opened != 2 {
			return Err("the prologue did not open the raise and the circle".into());
		}
		Ok(())
	}
}

/// Runs one sequence from `data` on a fresh `local_testnet` chain. `Err` names the first
/// broken check; a panic propagates.
pub fn run(genesis: &sp_runtime::Storage, data: &[u8], stats: &mut Stats) -> Result<(), String> {
	let mut ext = sp_io::TestExternalities::new(genesis.clone());
	ext.execute_with(|| {
		let mut world = World::new();
		let mut inp = Input::new(data);
		world.slot = 1_000;
		let mut issuance = pallet_balances::TotalIssuance::<Runtime>::get();
		world.open_block(1);
		// (What the prologue does is not counted as the fuzzer's reach.)
		world.prologue(&mut Stats::default())?;
		let mut actions = 0;
		while !inp.is_empty() && actions < 200 {
			actions += 1;
			match inp.below(20) {
				// time passes: the next block, sometimes many (empty blocks, every one executed
				// and checked) so that periods, windows and deadlines expire
				0..=2 => {
					let blocks = match inp.below(10) {
						0..=6 => 1,
						7 | 8 => 2 + inp.below(4),
						_ => 10 + inp.below(25),
					};
					for _ in 0..blocks {
						world.close_block(issuance, stats)?;
						issuance = pallet_balances::TotalIssuance::<Runtime>::get();
						world.open_block(1 + (inp.below(4) == 0) as u32);
						world.close_pending(stats)?;
					}
				},
				// a co-op's motion dispatching a call
				3..=5 => {
					let coop = world.live_coop(&mut inp);
					world.focus = Some(coop);
					let call = world.call(&mut inp, 1);
					let special = inp.below(4) == 0;
					world.motion_for(coop, call, special, stats)?;
				},
				// a clearing of a circle
				6 => {
					let circle = world.coop(&mut inp);
					world.clear(&mut inp, circle, stats)?;
				},
				// a signed call of anyone
				_ => {
					world.focus = Some(world.live_coop(&mut inp));
					let who = world.person(&mut inp);
					let call = world.call(&mut inp, 0);
					apply_signed(&who, call, stats)?;
				},
			}
		}
		world.close_block(issuance, stats)
	})
}

/// The genesis storage the sequences start from: the `local_testnet` preset, built as the node
/// builds a chain spec's genesis.
pub fn genesis() -> sp_runtime::Storage {
	crate::genesis_config_presets::preset_storage("local_testnet")
		.unwrap_or_else(|e| panic!("local_testnet builds: {e}"))
}
