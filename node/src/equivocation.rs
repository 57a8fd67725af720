//! Aura equivocations, watched by the node.
//!
//! GRANDPA equivocations are reported on chain (the GRANDPA voter submits the proof, the
//! runtime records the offence). FRAME has no on-chain report for Aura equivocations — a
//! validator authoring two blocks in one slot — so the node watches the blocks it imports:
//! with one block per slot (`AllowMultipleBlocksPerSlot = false`) a slot has exactly one
//! author, so two different blocks in the same slot are that author equivocating. Each is
//! logged as a warning (target `coopchain::equivocation`, naming the slot, both blocks and the
//! author's Aura key) and counted in the Prometheus counter
//! `coopchain_aura_equivocations_total`. Operators bring it to the federation, which decides
//! by motion (`coopValidators.removeValidator`).

use std::{collections::BTreeMap, sync::Arc};

use coopchain_runtime::opaque::Block;
use futures::StreamExt;
use prometheus_endpoint::{register, Counter, Registry, U64};
use sc_client_api::BlockchainEvents;
use sp_api::ProvideRuntimeApi;
use sp_consensus_aura::{sr25519::AuthoritySignature, AuraApi};
use sp_runtime::traits::{Block as BlockT, Header as _};

use crate::service::FullClient;

/// The log target of the warnings.
const TARGET: &str = "coopchain::equivocation";
/// How many recent slots the watcher remembers (about seven hours of 6 s slots).
const SLOTS_KEPT: usize = 4_096;

/// Remembers the first block imported in each recent slot; says which block equivocates.
#[derive(Default)]
pub struct SlotWatch {
	first: BTreeMap<u64, <Block as BlockT>::Hash>,
}

impl SlotWatch {
	/// Notes `hash`, imported in `slot`: returns the block seen first in that slot if it is
	/// another one (an equivocation).
	pub fn note(
		&mut self,
		slot: u64,
		hash: <Block as BlockT>::Hash,
	) -> Option<<Block as BlockT>::Hash> {
		let first = *self.first.entry(slot).or_insert(hash);
		while self.first.len() > SLOTS_KEPT {
			self.first.pop_first();
		}
		(first != hash).then_some(first)
	}
}

/// Watches imported blocks for Aura equivocations until the node stops.
pub async fn watch_aura_equivocations(client: Arc<FullClient>, registry: Option<Registry>) {
	let counter = registry.and_then(|registry| {
		let counter = Counter::<U64>::new(
			"coopchain_aura_equivocations_total",
			"Slots in which this node imported a second block: the slot's Aura author equivocated",
		)
		.ok()?;
		register(counter, &registry).ok()
	});
	let mut watch = SlotWatch::default();
	let mut imports = client.import_notification_stream();
	while let Some(import) = imports.next().await {
		let Ok(slot) =
			sc_consensus_aura::find_pre_digest::<Block, AuthoritySignature>(&import.header)
		else {
			continue;
		};
		let Some(first) = watch.note(u64::from(slot), import.hash) else { continue };
		let parent = *import.header.parent_hash();
		let author = client.runtime_api().authorities(parent).ok().and_then(|set| {
			let index = u64::from(slot).checked_rem(set.len() as u64)?;
			set.get(index as usize).cloned()
		});
		log::warn!(
			target: TARGET,
			"Aura equivocation in slot {}: blocks {first:?} and {:?} (#{}), author {author:?}",
			u64::from(slot),
			import.hash,
			import.header.number(),
		);
		if let Some(counter) = &counter {
			counter.inc();
		}
	}
}
