//! Balances of COOP and transaction fees.

use frame_support::dispatch::GetDispatchInfo;
use frame_support::{
	parameter_types,
	traits::{
		fungible::{Balanced, Credit},
		tokens::imbalance::Imbalance,
		ConstU128, ConstU32, ConstU8, Get, OnUnbalanced, VariantCountOf,
	},
	weights::{
		constants::ExtrinsicBaseWeight, ConstantMultiplier, Weight, WeightToFeeCoefficient,
		WeightToFeeCoefficients, WeightToFeePolynomial,
	},
};
use pallet_transaction_payment::{FungibleAdapter, Multiplier, TargetedFeeAdjustment};
use sp_runtime::traits::TransactionExtension;
use sp_runtime::{
	traits::{Bounded, One},
	FixedPointNumber, Perbill, Perquintill,
};

use crate::{
	AccountId, Authorship, Balance, Balances, CoopValidators, Patronage, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason, System, TxExtension, EXISTENTIAL_DEPOSIT,
	MICRO_UNIT, MILLI_UNIT,
};

impl pallet_balances::Config for Runtime {
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ();
	type ReserveIdentifier = [u8; 8];
	type Balance = Balance;
	type RuntimeEvent = RuntimeEvent;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type DoneSlashHandler = ();
}

/// # The fee model
///
/// A signed transaction pays `length fee + multiplier × weight fee + tip`. The three fee
/// figures are parameters the federation tunes ([`FeePerByte`], [`TransferWeightFee`],
/// [`AuthorShare`], read within bounds); their defaults:
/// - **Length**: [`FEE_PER_BYTE`] (10 µCOOP) per encoded byte. Bulk data is what fills a
///   chain's history for good, so it is what costs: a 1 MiB remark pays ≈ 10.6 COOP, a plain
///   transfer's ≈ 140 bytes ≈ 0.0014 COOP.
/// - **Weight**: linear in compute time ([`WeightToFee`]), calibrated so that the weight of a
///   plain signed transfer (`transfer_keep_alive` with the extrinsic base weight and the
///   transaction extensions) costs [`TRANSFER_WEIGHT_FEE`] (9 mCOOP); with its length a
///   transfer costs ≈ 0.01 COOP.
/// - **Multiplier**: [`TargetedFeeAdjustment`] — it rises while blocks are fuller than
///   [`TargetBlockFullness`] (25 % of the normal class) and falls back towards 1 when they are
///   emptier, never below 1 (the calibrated fee is the floor). At [`AdjustmentVariable`]
///   0.000075, sustained full blocks multiply fees by ≈ 2.4 a day (14 400 blocks).
/// - **Where fees go** ([`DealWithFees`]): half of each fee, and the whole tip, to the co-op whose
///   validator authored the block (the member holding its seat); the rest to the federation's
///   fund (patronage's fund of co-op 0, spent only by the federation's special resolution). A
///   share that cannot be paid (no author found, an account that would stay below the existential
///   deposit) goes to the fund, and what the fund cannot take is burned.
/// - Free: a member's first vote on a motion (membership `vote`), `apply_authorized_upgrade` of
///   an authorised runtime, and the inherents. Nothing else.
///
/// The existential deposit is [`EXISTENTIAL_DEPOSIT`] (0.01 COOP): a new account costs at least
/// that much to open, and an account falling below it is reaped.
pub const FEE_PER_BYTE: Balance = 10 * MICRO_UNIT;

/// What the weight of a plain signed transfer ([`signed_transfer_weight`]: the extrinsic base
/// weight, `balances.transfer_keep_alive` and the transaction extensions) costs before the
/// multiplier.
pub const TRANSFER_WEIGHT_FEE: Balance = 9 * MILLI_UNIT;

/// The fee figures as the fee model reads them: parameters, within bounds.
pub use super::parameters::{AuthorShare, FeePerByte, TransferWeightFee};

/// The transaction extensions of a signed transaction, as a wallet sets them (immortal, nonce
/// 0, no tip, no metadata hash): what [`signed_transfer_weight`] weighs.
pub fn tx_extension() -> TxExtension {
	(
		frame_system::CheckNonZeroSender::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		frame_system::CheckEra::from(sp_runtime::generic::Era::Immortal),
		frame_system::CheckNonce::from(0),
		frame_system::CheckWeight::new(),
		pallet_transaction_payment::ChargeTransactionPayment::from(0),
		frame_metadata_hash_extension::CheckMetadataHash::new(false),
		frame_system::WeightReclaim::new(),
	)
}

/// The weight a plain signed transfer carries: the extrinsic base weight, the call
/// (`balances.transfer_keep_alive`) and the transaction extensions (nonce, fee payment, ...).
pub fn signed_transfer_weight() -> Weight {
	let call = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: sp_runtime::MultiAddress::Id(AccountId::new([0; 32])),
		value: 0,
	});
	ExtrinsicBaseWeight::get()
		.saturating_add(call.get_dispatch_info().call_weight)
		.saturating_add(tx_extension().weight(&call))
}

/// Weight to fee: linear in `ref_time`, [`TransferWeightFee`] (by default
/// [`TRANSFER_WEIGHT_FEE`]) for the weight of a signed transfer ([`signed_transfer_weight`]).
pub struct WeightToFee;
impl WeightToFeePolynomial for WeightToFee {
	type Balance = Balance;
	fn polynomial() -> WeightToFeeCoefficients<Balance> {
		let transfer = signed_transfer_weight().ref_time().max(1);
		let (p, q) = (TransferWeightFee::get(), Balance::from(transfer));
		core::iter::once(WeightToFeeCoefficient {
			degree: 1,
			negative: false,
			coeff_frac: Perbill::from_rational(p % q, q),
			coeff_integer: p / q,
		})
		.collect()
	}
}

parameter_types! {
	/// The multiplier rises while normal-class blocks are more than a quarter full.
	pub const TargetBlockFullness: Perquintill = Perquintill::from_percent(25);
	/// How fast the multiplier follows congestion: 0.000075 (Polkadot's value).
	pub AdjustmentVariable: Multiplier = Multiplier::saturating_from_rational(75, 1_000_000);
	/// Fees never fall below the calibrated ones.
	pub MinimumMultiplier: Multiplier = Multiplier::one();
	/// No ceiling but the type's.
	pub MaximumMultiplier: Multiplier = Bounded::max_value();
}

/// The multiplier of [the fee model](FEE_PER_BYTE): rising under sustained load.
pub type SlowAdjustingFeeUpdate<R> = TargetedFeeAdjustment<
	R,
	TargetBlockFullness,
	AdjustmentVariable,
	MinimumMultiplier,
	MaximumMultiplier,
>;

/// The share of each fee (tips go whole) paid by default to the co-op whose validator authored
/// the block (the parameter `fees::AuthorShare`).
pub const AUTHOR_SHARE: u32 = 50;

/// Fees and tips to the block author's co-op and the federation's fund (see
/// [the fee model](FEE_PER_BYTE)).
pub struct DealWithFees;
impl DealWithFees {
	/// The member (a co-op's treasury, or a founding account) holding the seat of the
	/// validator that authored this block (pallet-authorship, from the Aura pre-digest).
	pub fn author_coop() -> Option<AccountId> {
		CoopValidators::seat_holder(&Authorship::author()?)
	}

	/// The federation's fund.
	pub fn fund() -> AccountId {
		Patronage::fund_account(coop_primitives::FEDERATION)
	}

	/// Pays `credit` to `who`, handing it back if `who` cannot take it.
	fn pay(
		who: &AccountId,
		credit: Credit<AccountId, Balances>,
	) -> Option<Credit<AccountId, Balances>> {
		if credit.peek() == 0 {
			return None;
		}
		Balances::resolve(who, credit).err()
	}
}

impl OnUnbalanced<Credit<AccountId, Balances>> for DealWithFees {
	fn on_unbalanceds(mut fees_then_tips: impl Iterator<Item = Credit<AccountId, Balances>>) {
		let Some(fees) = fees_then_tips.next() else { return };
		let share = AuthorShare::get().min(100);
		let (mut to_author, to_fund) = fees.ration(share, 100 - share);
		if let Some(tips) = fees_then_tips.next() {
			tips.merge_into(&mut to_author);
		}
		let unpaid = match Self::author_coop() {
			Some(coop) => Self::pay(&coop, to_author),
			None => Some(to_author),
		};
		let mut to_fund = to_fund;
		if let Some(unpaid) = unpaid {
			unpaid.merge_into(&mut to_fund);
		}
		// What the fund cannot take (below the existential deposit while it has none) is
		// dropped, which burns it.
		let _burned = Self::pay(&Self::fund(), to_fund);
	}
}

/// The transaction-payment extension's weight: Substrate's benchmark (the payer's account,
/// the fee burned) plus what this runtime adds — read the fee parameters, the block's author and
/// its seat, and the author's co-op's and the fund's accounts, and write both accounts.
pub struct ChargeTransactionPaymentWeight;
impl pallet_transaction_payment::WeightInfo for ChargeTransactionPaymentWeight {
	fn charge_transaction_payment() -> Weight {
		pallet_transaction_payment::weights::SubstrateWeight::<Runtime>::charge_transaction_payment(
		)
		.saturating_add(<Runtime as frame_system::Config>::DbWeight::get().reads_writes(7, 2))
	}
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type OnChargeTransaction = FungibleAdapter<Balances, DealWithFees>;
	/// Operational transactions (the federation's upgrades) pay their priority at 5× the fee.
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightToFee = WeightToFee;
	type LengthToFee = ConstantMultiplier<Balance, FeePerByte>;
	type FeeMultiplierUpdate = SlowAdjustingFeeUpdate<Runtime>;
	type WeightInfo = ChargeTransactionPaymentWeight;
}
