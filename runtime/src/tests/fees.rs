//! The fee model (`configs::monetary`): what a transfer, a megabyte and a vote cost, the
//! multiplier under load, and where fees go.

use super::{build, founding_coop_of, treasury};
use crate::configs::monetary::{DealWithFees, AUTHOR_SHARE, FEE_PER_BYTE};
use crate::{
	configs::{RuntimeBlockLength, RuntimeBlockWeights},
	AccountId, Balance, Balances, RuntimeCall, System, TransactionPayment, MILLI_UNIT, UNIT,
};
use codec::Encode;
use frame_support::{
	dispatch::{DispatchClass, GetDispatchInfo},
	traits::{
		fungible::{Balanced, Credit, Inspect},
		tokens::{Fortitude, Precision, Preservation},
		Hooks, OnUnbalanced,
	},
};
use sp_consensus_aura::{Slot, AURA_ENGINE_ID};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{traits::One, DigestItem};

/// A signed transaction's bytes beyond its call: the address (33), the signature (65), the
/// extensions (era, nonce, tip, metadata-hash mode: ≈ 5), the version byte and the length
/// prefix (≈ 3).
const SIGNED_OVERHEAD: u32 = 106;

/// The fee `call` pays as a signed transaction (its weight with the transaction extensions'),
/// before any refund, at today's multiplier.
fn fee(call: &RuntimeCall) -> Balance {
	use sp_runtime::traits::TransactionExtension;
	let len = call.encoded_size() as u32 + SIGNED_OVERHEAD;
	let mut info = call.get_dispatch_info();
	info.extension_weight = crate::configs::monetary::tx_extension().weight(call);
	TransactionPayment::compute_fee(len, &info, 0)
}

fn transfer() -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: Sr25519Keyring::Bob.to_account_id().into(),
		value: UNIT,
	})
}

#[test]
fn a_plain_transfer_costs_about_a_hundredth_of_a_coop() {
	sp_io::TestExternalities::new(build("local_testnet")).execute_with(|| {
		// Given a chain at rest (multiplier 1), when a transfer is priced,
		let fee = fee(&transfer());
		println!("a transfer costs {fee} (10^-12 COOP)");
		// then it pays ≈ 0.01 COOP: 9 mCOOP for its weight and ≈ 1.4 mCOOP for its bytes.
		assert!((10 * MILLI_UNIT..12 * MILLI_UNIT).contains(&fee), "a transfer costs {fee}");
	});
}

#[test]
fn a_megabyte_of_remark_costs_over_ten_coop_and_fits_a_block() {
	sp_io::TestExternalities::new(build("local_testnet")).execute_with(|| {
		// Given a 1 MiB remark,
		let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![7u8; 1 << 20] });
		let len = remark.encoded_size() as u32 + SIGNED_OVERHEAD;
		// it fits the normal class of a block (1.5 MiB of 2 MiB),
		let max = *RuntimeBlockLength::get().max.get(DispatchClass::Normal);
		assert!(len <= max, "{len} bytes > {max}");
		// and when priced, its bytes alone cost ≥ 10 COOP: bulk data is what pays.
		let price = fee(&remark);
		println!("a 1 MiB remark costs {price} (10^-12 COOP)");
		assert!(price >= (1 << 20) * FEE_PER_BYTE && price >= 10 * UNIT, "1 MiB costs {price}");
		assert!(price > 900 * fee(&transfer()), "a megabyte is not a transfer's price");
	});
}

#[test]
fn the_multiplier_rises_over_consecutive_full_blocks_and_never_falls_below_one() {
	sp_io::TestExternalities::new(build("local_testnet")).execute_with(|| {
		let full = RuntimeBlockWeights::get()
			.get(DispatchClass::Normal)
			.max_total
			.expect("the normal class has a limit");
		let mut last = pallet_transaction_payment::NextFeeMultiplier::<crate::Runtime>::get();
		assert_eq!(last, sp_runtime::FixedU128::one());
		let transfer_at_rest = fee(&transfer());
		// Given ten full blocks in a row,
		for n in 1..=10u32 {
			System::set_block_number(n);
			System::set_block_consumed_resources(full, 0);
			// when each one ends,
			TransactionPayment::on_finalize(n);
			// then the multiplier is higher after it than before.
			let next = pallet_transaction_payment::NextFeeMultiplier::<crate::Runtime>::get();
			assert!(next > last, "block {n}: {next:?} after {last:?}");
			last = next;
		}
		// The next transfer pays more than at rest.
		assert!(fee(&transfer()) > transfer_at_rest);
		// Given empty blocks after them, the multiplier falls back, but never below 1.
		for n in 11..=200u32 {
			System::set_block_number(n);
			System::reset_events();
			frame_system::BlockWeight::<crate::Runtime>::kill();
			TransactionPayment::on_finalize(n);
			let next = pallet_transaction_payment::NextFeeMultiplier::<crate::Runtime>::get();
			assert!(next <= last && next >= sp_runtime::FixedU128::one(), "block {n}: {next:?}");
			last = next;
		}
		assert_eq!(last, sp_runtime::FixedU128::one(), "back to the calibrated fee");
	});
}

/// `amount` taken from Ferdie, as transaction payment withdraws a fee.
fn withdrawn(amount: Balance) -> Credit<AccountId, Balances> {
	<Balances as Balanced<AccountId>>::withdraw(
		&Sr25519Keyring::Ferdie.to_account_id(),
		amount,
		Precision::Exact,
		Preservation::Preserve,
		Fortitude::Polite,
	)
	.expect("Ferdie can pay")
}

#[test]
fn half_the_fee_and_the_tip_go_to_the_authors_coop_and_the_rest_to_the_federations_fund() {
	sp_io::TestExternalities::new(build("local_testnet")).execute_with(|| {
		System::set_block_number(1);
		let fund = DealWithFees::fund();
		let balance = |who: &AccountId| Balances::total_balance(who);
		// Given a block authored in slot 5 (author index 5 mod 4 = 1: Bob's stash, whose seat
		// Millbrook Housing holds),
		System::deposit_log(DigestItem::PreRuntime(AURA_ENGINE_ID, Slot::from(5u64).encode()));
		let bobs_coop = treasury(founding_coop_of(Sr25519Keyring::Bob));
		assert_eq!(DealWithFees::author_coop(), Some(bobs_coop.clone()));
		let (coop_before, fund_before) = (balance(&bobs_coop), balance(&fund));
		let issuance = Balances::total_issuance();
		// when a fee of 10 mCOOP and a tip of 3 mCOOP are dealt with,
		let (fee, tip) = (10 * MILLI_UNIT, 3 * MILLI_UNIT);
		DealWithFees::on_unbalanceds([withdrawn(fee), withdrawn(tip)].into_iter());
		// then the author's co-op has half the fee and the whole tip, the fund the other half,
		let to_author = fee * AUTHOR_SHARE as Balance / 100;
		assert_eq!(balance(&bobs_coop), coop_before + to_author + tip);
		assert_eq!(balance(&fund), fund_before + fee - to_author);
		// and nothing was burned.
		assert_eq!(Balances::total_issuance(), issuance);
	});
}

#[test]
fn without_an_author_every_fee_goes_to_the_fund() {
	sp_io::TestExternalities::new(build("local_testnet")).execute_with(|| {
		System::set_block_number(1);
		let fund = DealWithFees::fund();
		// Given a block without an Aura pre-digest (no author to find),
		assert_eq!(DealWithFees::author_coop(), None);
		let before = Balances::total_balance(&fund);
		let issuance = Balances::total_issuance();
		// when a fee is dealt with, then all of it reaches the fund and none is burned.
		DealWithFees::on_unbalanceds([withdrawn(7 * MILLI_UNIT)].into_iter());
		assert_eq!(Balances::total_balance(&fund), before + 7 * MILLI_UNIT);
		assert_eq!(Balances::total_issuance(), issuance);
	});
}
