//! Storage migrations of the membership pallet.

/// Version 1 → 2: the bylaws gain the special-resolution thresholds and the deliberation time.
///
/// Every co-op's bylaws, and the bylaws a pending `ChangeBylaws` motion carries, get
/// `special_quorum` = the ordinary quorum raised to two thirds, `special_approval` = the
/// ordinary approval raised to [`crate::SPECIAL_APPROVAL_FLOOR`], and `deliberation` = the
/// runtime's `MinDeliberation`; an approval of 100 % (which the strict rule could never meet)
/// becomes 99.9999999 %. Open motions that are special resolutions now (bylaws changes,
/// expulsions, admissions to the federation) take their co-op's special thresholds, and every
/// open motion the deliberation time.
pub mod v2 {
	use crate::*;
	#[cfg(feature = "try-runtime")]
	use alloc::vec::Vec;
	use frame_support::{
		migrations::VersionedMigration, storage_alias, traits::UncheckedOnRuntimeUpgrade,
	};

	/// The highest approval the strict rule can meet (version 1 allowed 100 %).
	const MAX_APPROVAL: Perbill = Perbill::from_parts(999_999_999);

	/// Bylaws as version 1 stored them.
	#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, TypeInfo)]
	#[scale_info(skip_type_params(MaxClasses))]
	pub struct BylawsV1<Balance, BlockNumber, MaxClasses: Get<u32>>
	where
		Balance: Clone + PartialEq + Eq + core::fmt::Debug,
		BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	{
		/// As in version 2.
		pub share_price: Balance,
		/// As in version 2.
		pub admission: AdmissionMode,
		/// As in version 2.
		pub classes: BoundedVec<MemberClass, MaxClasses>,
		/// As in version 2.
		pub investor_vote_cap: Perbill,
		/// As in version 2.
		pub quorum: Perbill,
		/// As in version 2 (version 1 allowed 100 %).
		pub approval: Perbill,
		/// As in version 2.
		pub voting_period: BlockNumber,
		/// As in version 2.
		pub withdrawal_notice: BlockNumber,
		/// As in version 2.
		pub max_members: u32,
	}

	/// Version 1 bylaws, as this runtime stored them.
	pub type BylawsV1Of<T> = BylawsV1<BalanceOf<T>, BlockNumberFor<T>, <T as Config>::MaxClasses>;

	/// A co-op as version 1 stored it.
	#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode)]
	pub struct CoopV1<T: Config> {
		/// As in version 2.
		pub name: BoundedVec<u8, T::MaxNameLen>,
		/// The version 1 bylaws.
		pub bylaws: BylawsV1Of<T>,
		/// As in version 2.
		pub depositor: Option<T::AccountId>,
		/// As in version 2.
		pub deposit: BalanceOf<T>,
		/// As in version 2.
		pub members: u32,
		/// As in version 2.
		pub voting_members: u32,
		/// As in version 2.
		pub voting_investors: u32,
		/// As in version 2.
		pub share_capital: BalanceOf<T>,
		/// As in version 2.
		pub next_motion: MotionIndex,
		/// As in version 2.
		pub open_motions: u32,
		/// As in version 2.
		pub role_holders: u32,
	}

	/// A motion as version 1 stored it (its proposal may carry version 1 bylaws).
	pub type MotionV1Of<T> = super::v3::MotionV2<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		BlockNumberFor<T>,
		Proposal<<T as frame_system::Config>::AccountId, BylawsV1Of<T>, EncodedCallOf<T>>,
	>;

	/// The co-ops, as version 1 keyed them.
	#[storage_alias]
	pub(crate) type Coops<T: Config> = StorageMap<Pallet<T>, Twox64Concat, CoopId, CoopV1<T>>;

	/// The open motions, as version 1 keyed them.
	#[storage_alias]
	pub(crate) type Motions<T: Config> =
		StorageDoubleMap<Pallet<T>, Twox64Concat, CoopId, Twox64Concat, MotionIndex, MotionV1Of<T>>;

	/// Version 1 bylaws as version 2 bylaws (see the module docs).
	pub fn upgrade_bylaws<T: Config>(old: BylawsV1Of<T>) -> BylawsOf<T> {
		let approval = old.approval.min(MAX_APPROVAL);
		Bylaws {
			share_price: old.share_price,
			admission: old.admission,
			classes: old.classes,
			investor_vote_cap: old.investor_vote_cap,
			quorum: old.quorum,
			approval,
			voting_period: old.voting_period,
			withdrawal_notice: old.withdrawal_notice,
			max_members: old.max_members,
			special_quorum: old.quorum.max(Perbill::from_rational(2u32, 3u32)),
			special_approval: approval.max(crate::SPECIAL_APPROVAL_FLOOR),
			deliberation: T::MinDeliberation::get(),
		}
	}

	fn upgrade_coop<T: Config>(old: CoopV1<T>) -> CoopOf<T> {
		CoopOf::<T> {
			name: old.name,
			bylaws: upgrade_bylaws::<T>(old.bylaws),
			depositor: old.depositor,
			deposit: old.deposit,
			members: old.members,
			voting_members: old.voting_members,
			voting_investors: old.voting_investors,
			share_capital: old.share_capital,
			next_motion: old.next_motion,
			open_motions: old.open_motions,
			role_holders: old.role_holders,
		}
	}

	fn upgrade_motion<T: Config>(coop: CoopId, old: MotionV1Of<T>) -> super::v3::MotionV2Of<T> {
		let special = matches!(
			old.proposal,
			Proposal::Expel { .. }
				| Proposal::ChangeBylaws { .. }
				| Proposal::DispatchSpecial { .. }
		) || (coop == coop_primitives::FEDERATION
			&& matches!(old.proposal, Proposal::Admit { .. }));
		let bylaws = crate::Coops::<T>::get(coop).map(|info| info.bylaws);
		let (quorum, approval, deliberation) = match (&bylaws, special) {
			(Some(b), true) => (b.special_quorum, b.special_approval, b.deliberation),
			(Some(b), false) => (old.quorum, old.approval.min(MAX_APPROVAL), b.deliberation),
			(None, _) => (old.quorum, old.approval, T::MinDeliberation::get()),
		};
		let proposal = match old.proposal {
			Proposal::Admit { applicant } => Proposal::Admit { applicant },
			Proposal::Expel { member } => Proposal::Expel { member },
			Proposal::ChangeBylaws { bylaws } => {
				Proposal::ChangeBylaws { bylaws: upgrade_bylaws::<T>(bylaws) }
			},
			Proposal::Dispatch { call } => Proposal::Dispatch { call },
			Proposal::GrantRole { who, role } => Proposal::GrantRole { who, role },
			Proposal::RevokeRole { who, role } => Proposal::RevokeRole { who, role },
			Proposal::DispatchSpecial { call } => Proposal::DispatchSpecial { call },
		};
		super::v3::MotionV2Of::<T> {
			proposer: old.proposer,
			deposit: old.deposit,
			proposal,
			call_weight: old.call_weight,
			opened: old.opened,
			earliest_close: old.earliest_close.max(old.opened.saturating_add(deliberation)),
			voting_ends: old.voting_ends,
			electorate: old.electorate,
			tally: old.tally,
			quorum,
			approval,
			defended: old.defended,
		}
	}

	/// The migration's work, without the version check ([`MigrateV1ToV2`] adds it).
	pub struct UncheckedMigrateV1ToV2<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedMigrateV1ToV2<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut translated = 0u64;
			crate::Coops::<T>::translate::<CoopV1<T>, _>(|_, old| {
				translated.saturating_inc();
				Some(upgrade_coop::<T>(old))
			});
			// After the co-ops: each open motion reads its co-op's new bylaws.
			let mut motions = 0u64;
			super::v3::at_v2::Motions::<T>::translate::<MotionV1Of<T>, _>(|coop, _, old| {
				motions.saturating_inc();
				Some(upgrade_motion::<T>(coop, old))
			});
			log::info!(
				target: "runtime::coop-membership",
				"v2: {translated} co-ops and {motions} motions migrated"
			);
			let records = translated.saturating_add(motions);
			T::DbWeight::get().reads_writes(records.saturating_add(motions), records)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			let coops = Coops::<T>::iter().count() as u64;
			let motions = Motions::<T>::iter().count() as u64;
			Ok((coops, motions).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let (coops, motions): (u64, u64) =
				Decode::decode(&mut &state[..]).map_err(|_| "v2: bad pre-upgrade state")?;
			ensure!(crate::Coops::<T>::iter().count() as u64 == coops, "v2: co-ops lost");
			let now = super::v3::at_v2::Motions::<T>::iter().count() as u64;
			ensure!(now == motions, "v2: motions lost");
			for (_, info) in crate::Coops::<T>::iter() {
				Pallet::<T>::validate_bylaws(&info.bylaws).map_err(|_| "v2: invalid bylaws")?;
			}
			Ok(())
		}
	}

	/// Version 1 → 2, run only when the pallet's on-chain storage version is 1.
	pub type MigrateV1ToV2<T> = VersionedMigration<
		1,
		2,
		UncheckedMigrateV1ToV2<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}

/// Version 2 → 3: applications get their own slots, co-ops' memberships are indexed, and
/// motions count investors' votes apart.
///
/// Version 2 counted applications among a co-op's `MaxOpenMotions`; version 3 counts them
/// apart in `OpenApplications`, which this migration fills from the open admission motions
/// (the deposit an application already holds is the one it gets back). It also fills
/// `CoopMemberships`, the co-ops each co-op's treasury is a member of (up to
/// `MaxCoopMemberships` each; a co-op over it is logged and keeps the first ones). Every open
/// motion gains the tally of its voting investors' votes (recounted from its votes) and the
/// investor cap of its co-op's bylaws, so that investors' votes count for at most the cap.
pub mod v3 {
	use crate::*;
	#[cfg(feature = "try-runtime")]
	use alloc::vec::Vec;
	use frame_support::{migrations::VersionedMigration, traits::UncheckedOnRuntimeUpgrade};

	/// A motion as versions 1 and 2 stored it: without the investor tally and cap.
	#[derive(
		CloneNoBound,
		PartialEqNoBound,
		EqNoBound,
		DebugNoBound,
		Encode,
		Decode,
		MaxEncodedLen,
		TypeInfo,
	)]
	pub struct MotionV2<AccountId, Balance, BlockNumber, Kind>
	where
		AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
		Balance: Clone + PartialEq + Eq + core::fmt::Debug,
		BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
		Kind: Clone + PartialEq + Eq + core::fmt::Debug,
	{
		/// As in version 3.
		pub proposer: AccountId,
		/// As in version 3.
		pub deposit: Balance,
		/// As in version 3.
		pub proposal: Kind,
		/// As in version 3.
		pub call_weight: Weight,
		/// As in version 3.
		pub opened: BlockNumber,
		/// As in version 3.
		pub earliest_close: BlockNumber,
		/// As in version 3.
		pub voting_ends: BlockNumber,
		/// As in version 3.
		pub electorate: u32,
		/// As in version 3.
		pub tally: Tally<u32>,
		/// As in version 3.
		pub quorum: Perbill,
		/// As in version 3.
		pub approval: Perbill,
		/// As in version 3.
		pub defended: bool,
	}

	/// A motion as version 2 stored it.
	pub type MotionV2Of<T> = MotionV2<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		BlockNumberFor<T>,
		StoredProposalOf<T>,
	>;

	/// The open motions with version 2's values.
	pub(crate) mod at_v2 {
		use super::*;
		use frame_support::storage_alias;

		/// The open motions, as version 2 stored them.
		#[storage_alias]
		pub(crate) type Motions<T: Config> = StorageDoubleMap<
			Pallet<T>,
			Twox64Concat,
			CoopId,
			Twox64Concat,
			MotionIndex,
			MotionV2Of<T>,
		>;
	}

	/// A version 2 motion of `coop` as version 3 stores it: its voting investors' votes
	/// recounted, its co-op's investor cap.
	fn upgrade_motion<T: Config>(
		coop: CoopId,
		index: MotionIndex,
		old: MotionV2Of<T>,
	) -> MotionOf<T> {
		let info = Coops::<T>::get(coop);
		let investor = |who: &T::AccountId| {
			let class = Members::<T>::get(coop, who).map(|m| m.class);
			match (&info, class) {
				(Some(info), Some(class)) => Pallet::<T>::is_voting_investor(info, class),
				_ => false,
			}
		};
		let mut investors = Tally::new();
		for (voter, aye) in Votes::<T>::iter_prefix((coop, index)) {
			if investor(&voter) && investors.vote(None, aye, 1).is_err() {
				log::warn!(target: "runtime::coop-membership", "v3: investor tally overflows");
			}
		}
		MotionOf::<T> {
			proposer: old.proposer,
			deposit: old.deposit,
			proposal: old.proposal,
			call_weight: old.call_weight,
			opened: old.opened,
			earliest_close: old.earliest_close,
			voting_ends: old.voting_ends,
			electorate: old.electorate,
			tally: old.tally,
			quorum: old.quorum,
			approval: old.approval,
			defended: old.defended,
			investors,
			investor_cap: info.map(|i| i.bylaws.investor_vote_cap).unwrap_or_default(),
		}
	}

	/// The migration's work, without the version check ([`MigrateV2ToV3`] adds it).
	pub struct UncheckedMigrateV2ToV3<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedMigrateV2ToV3<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut votes = 0u64;
			Motions::<T>::translate::<MotionV2Of<T>, _>(|coop, index, old| {
				votes.saturating_accrue(u64::from(old.tally.cast()));
				Some(upgrade_motion::<T>(coop, index, old))
			});
			let mut motions = 0u64;
			let mut counted = 0u64;
			for (coop, _, motion) in Motions::<T>::iter() {
				motions.saturating_inc();
				if matches!(motion.proposal, Proposal::Admit { .. }) {
					OpenApplications::<T>::mutate(coop, |open| open.saturating_inc());
					counted.saturating_inc();
				}
			}
			let mut members = 0u64;
			let mut indexed = 0u64;
			for (coop, who, _) in Members::<T>::iter() {
				members.saturating_inc();
				if let Some(member) = Pallet::<T>::coop_of_treasury(&who) {
					indexed.saturating_inc();
					if CoopMemberships::<T>::try_mutate(member, |of| of.try_push(coop)).is_err() {
						log::warn!(
							target: "runtime::coop-membership",
							"v3: co-op {member} is a member of more than MaxCoopMemberships co-ops"
						);
					}
				}
			}
			log::info!(
				target: "runtime::coop-membership",
				"v3: {counted} applications counted among {motions} open motions; \
				 {indexed} co-op memberships indexed among {members} members"
			);
			// Each motion read twice and written once, each vote and its voter read.
			let reads = motions
				.saturating_mul(2)
				.saturating_add(votes.saturating_mul(2))
				.saturating_add(counted)
				.saturating_add(members)
				.saturating_add(indexed);
			let writes = motions.saturating_add(counted).saturating_add(indexed);
			T::DbWeight::get().reads_writes(reads, writes)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			let applications = Applications::<T>::iter().count() as u64;
			Ok(applications.encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let applications: u64 =
				Decode::decode(&mut &state[..]).map_err(|_| "v3: bad pre-upgrade state")?;
			let counted: u64 = OpenApplications::<T>::iter_values().map(u64::from).sum();
			ensure!(counted == applications, "v3: applications miscounted");
			Ok(())
		}
	}

	/// Version 2 → 3, run only when the pallet's on-chain storage version is 2.
	pub type MigrateV2ToV3<T> = VersionedMigration<
		2,
		3,
		UncheckedMigrateV2ToV3<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
