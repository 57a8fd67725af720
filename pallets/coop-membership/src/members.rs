//! Members: founding a co-op, admission, leaving, dissolution, and the redemption of share
//! capital (with its first-in-first-out queue when the treasury cannot pay).

use crate::*;
use frame_support::traits::DefensiveSaturating;

/// What dissolving a co-op cleared, for its weight.
pub struct Dissolved {
	/// The members who left.
	pub members: u32,
	/// The pending applications withdrawn.
	pub applications: u32,
	/// The votes on them cleared.
	pub votes_cleared: u32,
	/// The other co-ops it left.
	pub memberships: u32,
}

impl<T: Config> Pallet<T> {
	/// The keyless treasury account of `coop`.
	pub fn treasury(coop: CoopId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating(coop)
	}

	/// The co-op whose treasury `who` is, if it is one.
	pub fn coop_of_treasury(who: &T::AccountId) -> Option<CoopId> {
		let (pallet, coop) = PalletId::try_from_sub_account::<CoopId>(who)?;
		(pallet == T::PalletId::get() && Self::treasury(coop) == *who).then_some(coop)
	}

	/// Records in `CoopMemberships` that `who`, if a co-op's treasury, is a member of `coop`.
	fn index_membership(coop: CoopId, who: &T::AccountId) -> DispatchResult {
		let Some(member) = Self::coop_of_treasury(who) else { return Ok(()) };
		CoopMemberships::<T>::try_mutate(member, |of| of.try_push(coop))
			.map_err(|_| Error::<T>::TooManyCoopMemberships.into())
	}

	/// Forgets in `CoopMemberships` that `who`, if a co-op's treasury, was a member of `coop`.
	fn unindex_membership(coop: CoopId, who: &T::AccountId) {
		let Some(member) = Self::coop_of_treasury(who) else { return };
		CoopMemberships::<T>::mutate_exists(member, |of| {
			if let Some(list) = of {
				list.retain(|c| *c != coop);
				if list.is_empty() {
					*of = None;
				}
			}
		});
	}

	/// A co-op with no members yet.
	pub(crate) fn new_coop(
		name: BoundedVec<u8, T::MaxNameLen>,
		bylaws: BylawsOf<T>,
		depositor: Option<T::AccountId>,
		deposit: BalanceOf<T>,
	) -> CoopOf<T> {
		CoopOf::<T> {
			name,
			bylaws,
			depositor,
			deposit,
			members: 0,
			voting_members: 0,
			voting_investors: 0,
			share_capital: Zero::zero(),
			next_motion: 0,
			open_motions: 0,
			role_holders: 0,
		}
	}

	/// A co-op that exists from genesis: its founders join in class 0 with no share capital.
	/// Panics on a genesis config that could not have been built by calls.
	pub(crate) fn found_at_genesis(name: &[u8], founders: &[T::AccountId], bylaws: &BylawsOf<T>) {
		let name: BoundedVec<u8, T::MaxNameLen> =
			name.to_vec().try_into().unwrap_or_else(|_| panic!("genesis: co-op name too long"));
		if let Err(e) = Self::validate_bylaws(bylaws) {
			panic!("genesis: invalid bylaws: {e:?}");
		}
		assert!(!founders.is_empty(), "a genesis co-op needs a founding member");
		let coop = NextCoopId::<T>::get();
		let mut info = Self::new_coop(name, bylaws.clone(), None, Zero::zero());
		for founder in founders {
			assert!(!Members::<T>::contains_key(coop, founder), "duplicate genesis member");
			assert!(Self::coop_of_treasury(founder) != Some(coop), "genesis: a co-op joins itself");
			if Self::insert_member(coop, &mut info, founder, 0, Zero::zero()).is_err() {
				panic!("genesis: co-op over its member bound");
			}
		}
		Coops::<T>::insert(coop, info);
		NextCoopId::<T>::put(coop.saturating_add(1));
	}

	/// `create_coop`: holds the deposit, the founder pays the share and joins in class 0.
	pub(crate) fn do_create_coop(
		founder: T::AccountId,
		name: Vec<u8>,
		bylaws: BylawsOf<T>,
	) -> DispatchResult {
		let name: BoundedVec<u8, T::MaxNameLen> =
			name.try_into().map_err(|_| Error::<T>::NameTooLong)?;
		Self::validate_bylaws(&bylaws)?;

		let coop = NextCoopId::<T>::get();
		let next = coop.checked_add(1).ok_or(ArithmeticError::Overflow)?;
		let deposit = T::CoopDeposit::get();
		T::Currency::hold(&HoldReason::CoopDeposit.into(), &founder, deposit)?;

		let share = bylaws.share_price;
		let mut info = Self::new_coop(name, bylaws, Some(founder.clone()), deposit);
		let treasury = Self::treasury(coop);
		T::Currency::transfer(&founder, &treasury, share, Preservation::Preserve)?;
		Self::insert_member(coop, &mut info, &founder, 0, share)?;
		Coops::<T>::insert(coop, info);
		NextCoopId::<T>::put(next);

		Self::deposit_event(Event::CoopCreated { coop, founder: founder.clone(), treasury });
		Self::deposit_event(Event::MemberAdmitted {
			coop,
			member: founder,
			class: 0,
			share_capital: share,
		});
		Ok(())
	}

	/// `apply`: joins an open co-op at once, or opens an admission motion. `acting_coop` is the
	/// co-op whose motion applies (its treasury is `who`), if any.
	pub(crate) fn do_apply(
		who: T::AccountId,
		acting_coop: Option<CoopId>,
		coop: CoopId,
		class: ClassIndex,
	) -> DispatchResult {
		if coop == coop_primitives::FEDERATION {
			// The federation's members are co-ops: a co-op applies through its own motion.
			let by_a_coop = acting_coop.is_some_and(|c| c != coop);
			ensure!(by_a_coop, Error::<T>::FederationAdmitsOnlyCoops);
		}
		ensure!(acting_coop != Some(coop), Error::<T>::CoopCannotJoinItself);
		let mut info = Coops::<T>::get(coop).ok_or(Error::<T>::CoopNotFound)?;
		ensure!(!Members::<T>::contains_key(coop, &who), Error::<T>::AlreadyMember);
		ensure!(!Applications::<T>::contains_key(coop, &who), Error::<T>::ApplicationPending);
		Self::check_admissible(&info, class)?;
		let share = info.bylaws.share_price;

		match info.bylaws.admission {
			AdmissionMode::Open => {
				T::Currency::transfer(&who, &Self::treasury(coop), share, Preservation::Preserve)?;
				Self::insert_member(coop, &mut info, &who, class, share)?;
				Coops::<T>::insert(coop, info);
				Self::deposit_event(Event::MemberAdmitted {
					coop,
					member: who,
					class,
					share_capital: share,
				});
			},
			AdmissionMode::ByVote => {
				T::Currency::hold(&HoldReason::ApplicationShare.into(), &who, share)?;
				let motion = Self::open_motion(
					coop,
					&mut info,
					who.clone(),
					Proposal::Admit { applicant: who.clone() },
					Weight::zero(),
				)?;
				Applications::<T>::insert(coop, &who, Application { class, motion, held: share });
				Coops::<T>::insert(coop, info);
				Self::deposit_event(Event::ApplicationSubmitted {
					coop,
					applicant: who,
					class,
					motion,
				});
			},
		}
		Ok(())
	}

	/// `leave`: membership ends now, the share capital is owed after the notice.
	pub(crate) fn do_leave(who: T::AccountId, coop: CoopId) -> DispatchResult {
		let mut info = Coops::<T>::get(coop).ok_or(Error::<T>::CoopNotFound)?;
		let (amount, due) = Self::remove_member(coop, &mut info, &who)?;
		Coops::<T>::insert(coop, info);
		Self::deposit_event(Event::MemberLeft { coop, member: who, amount, redeemable_from: due });
		Ok(())
	}

	/// `redeem_share`: pays a due redemption, or queues it behind those already waiting.
	pub(crate) fn do_redeem_share(coop: CoopId, member: T::AccountId) -> DispatchResult {
		let redemption = Redemptions::<T>::get(coop, &member).ok_or(Error::<T>::NoRedemption)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now >= redemption.due, Error::<T>::RedemptionNotDue);
		let mut queue = RedemptionQueue::<T>::get(coop);
		ensure!(!queue.contains(&member), Error::<T>::AlreadyQueued);

		// First in, first out: nobody overtakes a redemption already waiting.
		if queue.is_empty() && Self::treasury_can_pay(coop, redemption.amount) {
			Self::pay_redemption(coop, &member, redemption.amount)?;
		} else {
			let ahead = queue.len() as u32;
			queue.try_push(member.clone()).map_err(|_| Error::<T>::RedemptionQueueFull)?;
			RedemptionQueue::<T>::insert(coop, queue);
			Self::deposit_event(Event::RedemptionQueued {
				coop,
				member,
				amount: redemption.amount,
				ahead,
			});
		}
		Ok(())
	}

	/// `pay_redemption_queue`: pays queued redemptions in order while the treasury can; returns
	/// how many left the queue.
	pub(crate) fn do_pay_redemption_queue(coop: CoopId) -> Result<u32, DispatchError> {
		let mut queue = RedemptionQueue::<T>::get(coop);
		if queue.is_empty() {
			// Nothing to pay, and nothing written: an unknown co-op is an error.
			ensure!(Coops::<T>::contains_key(coop), Error::<T>::CoopNotFound);
			return Ok(0);
		}
		let now = frame_system::Pallet::<T>::block_number();
		let mut paid: u32 = 0;
		let mut next = 0usize;
		while let Some(member) = queue.get(next).cloned() {
			match Redemptions::<T>::get(coop, &member) {
				// A member who rejoined and left again while queued is owed the two shares after
				// the later notice: it keeps its place until then, and those behind it are paid.
				Some(r) if r.due > now => {
					next.saturating_inc();
					continue;
				},
				Some(r) if !r.amount.is_zero() => {
					if !Self::treasury_can_pay(coop, r.amount) {
						break;
					}
					Self::pay_redemption(coop, &member, r.amount)?;
				},
				_ => {},
			}
			queue.remove(next);
			paid.saturating_inc();
		}
		if queue.is_empty() {
			RedemptionQueue::<T>::remove(coop);
		} else {
			RedemptionQueue::<T>::insert(coop, queue);
		}
		Ok(paid)
	}

	/// `dissolve_coop`: pending applications are withdrawn and refunded, every member leaves
	/// with a redemption due now, roles end, the deposit is returned. Returns what it cleared.
	pub(crate) fn do_dissolve_coop(coop: CoopId) -> Result<Dissolved, DispatchError> {
		ensure!(coop != coop_primitives::FEDERATION, Error::<T>::FederationCannotDissolve);
		let info = Coops::<T>::get(coop).ok_or(Error::<T>::CoopNotFound)?;
		ensure!(
			!Members::<T>::contains_key(coop_primitives::FEDERATION, Self::treasury(coop)),
			Error::<T>::StillInFederation
		);
		// Only the members' own motions stop a dissolution: pending applications are
		// withdrawn, so that an outsider applying cannot keep a co-op from dissolving.
		let applications = OpenApplications::<T>::get(coop);
		ensure!(info.open_motions == applications, Error::<T>::CoopHasOpenMotions);
		let memberships = Self::leave_every_coop(coop)?;
		let votes_cleared = Self::withdraw_applications(coop);

		let now = frame_system::Pallet::<T>::block_number();
		let mut members = 0u32;
		for (who, member) in Members::<T>::drain_prefix(coop) {
			members.saturating_inc();
			Self::unindex_membership(coop, &who);
			Self::owe_redemption(coop, &who, member.share_capital, now)?;
			T::OnMemberRemoved::on_member_removed(coop, &who);
		}
		let _ = Roles::<T>::clear_prefix(coop, T::MaxRoleHolders::get(), None);
		Delegates::<T>::remove(coop);
		if let Some(depositor) = &info.depositor {
			T::Currency::release(
				&HoldReason::CoopDeposit.into(),
				depositor,
				info.deposit,
				Precision::BestEffort,
			)?;
		}
		Coops::<T>::remove(coop);
		T::OnDissolved::on_coop_dissolved(coop);
		Self::deposit_event(Event::CoopDissolved { coop, members });
		Ok(Dissolved { members, applications, votes_cleared, memberships })
	}

	/// A dissolving co-op's treasury leaves every co-op it is a member of, as `leave` would:
	/// its share capital there is owed to it after that co-op's notice. Returns how many.
	fn leave_every_coop(coop: CoopId) -> Result<u32, DispatchError> {
		let treasury = Self::treasury(coop);
		let memberships = CoopMemberships::<T>::get(coop);
		for other in memberships.iter().copied() {
			let mut info = Coops::<T>::get(other).ok_or(Error::<T>::CoopNotFound)?;
			let (amount, due) = Self::remove_member(other, &mut info, &treasury)?;
			Coops::<T>::insert(other, info);
			Self::deposit_event(Event::MemberLeft {
				coop: other,
				member: treasury.clone(),
				amount,
				redeemable_from: due,
			});
		}
		Ok(memberships.len() as u32)
	}

	/// `transfer_dissolved_assets`: what a dissolved co-op's treasury holds beyond what it owes
	/// its members goes to `DissolvedAssetsTo`, once every share capital is redeemed.
	pub(crate) fn do_transfer_dissolved_assets(coop: CoopId) -> DispatchResult {
		ensure!(
			coop < NextCoopId::<T>::get() && !Coops::<T>::contains_key(coop),
			Error::<T>::NotDissolved
		);
		ensure!(
			Redemptions::<T>::iter_prefix(coop).next().is_none(),
			Error::<T>::RedemptionsOutstanding
		);
		let treasury = Self::treasury(coop);
		let owed = T::MemberEquity::owed_to_members(coop);
		// What stays for the members, if anything, stays spendable on top of the existential
		// deposit that keeps the treasury alive (revolving pays it from there).
		let keep = if owed.is_zero() { Preservation::Expendable } else { Preservation::Preserve };
		let amount =
			T::Currency::reducible_balance(&treasury, keep, Fortitude::Polite).saturating_sub(owed);
		ensure!(!amount.is_zero(), Error::<T>::NothingToTransfer);
		let to = T::DissolvedAssetsTo::get();
		T::Currency::transfer(&treasury, &to, amount, keep)?;
		Self::deposit_event(Event::DissolvedAssetsTransferred { coop, to, amount });
		Ok(())
	}

	/// `dissolve_coop`'s weight for `members` who leave, `applications` withdrawn and
	/// `votes` cleared on them. The benchmark dissolves a co-op with no application: each
	/// one adds its record, motion and two holds on the applicant's account (read and
	/// written), and each vote one removal; one more read finds whether the treasury is in
	/// the federation and one more write clears the applications' count. The `OnMemberRemoved`
	/// hook runs for every member, and each membership index entry is read and written. Each
	/// co-op it leaves costs a `leave`, the hook, and the index.
	pub(crate) fn dissolve_weight(done: &Dissolved) -> Weight {
		let db = T::DbWeight::get();
		let hook = T::OnMemberRemoved::on_member_removed_weight();
		let per_member = hook.saturating_add(db.reads_writes(1, 1));
		let per_membership = <T as Config>::WeightInfo::leave()
			.saturating_add(hook)
			.saturating_add(db.reads_writes(2, 2))
			.saturating_add(
				db.reads_writes(3, 3).saturating_mul(T::MaxOpenApplications::get().into()),
			);
		<T as Config>::WeightInfo::dissolve_coop(done.members)
			.saturating_add(per_member.saturating_mul(done.members.into()))
			.saturating_add(T::OnDissolved::on_coop_dissolved_weight())
			.saturating_add(db.reads_writes(3, 1))
			.saturating_add(db.reads_writes(4, 6).saturating_mul(done.applications.into()))
			.saturating_add(db.writes(done.votes_cleared.into()))
			.saturating_add(per_membership.saturating_mul(done.memberships.into()))
	}

	/// Withdraws every pending application of a dissolving co-op: its motion and votes go, and
	/// the applicant gets the share and the deposit back. Returns the votes cleared.
	fn withdraw_applications(coop: CoopId) -> u32 {
		let mut votes_cleared = 0u32;
		// At most `MaxOpenApplications`, collected before any is removed.
		let pending: Vec<_> = Applications::<T>::iter_prefix(coop).collect();
		for (applicant, application) in pending {
			if let Some(m) = Motions::<T>::take(coop, application.motion) {
				let key = (coop, application.motion);
				let limit = T::MaxMembers::get();
				votes_cleared = votes_cleared
					.saturating_add(Votes::<T>::clear_prefix(key, limit, None).unique)
					.saturating_add(OwnVotes::<T>::clear_prefix(key, limit, None).unique);
				let released = T::Currency::release(
					&HoldReason::MotionDeposit.into(),
					&m.proposer,
					m.deposit,
					Precision::BestEffort,
				);
				if released.is_err() {
					defensive!("an open motion's deposit is held until it closes");
				}
			} else {
				defensive!("every application has its admission motion (invariant 5)");
			}
			Self::refund_application(coop, &applicant);
		}
		OpenApplications::<T>::remove(coop);
		votes_cleared
	}

	/// Records a new member (the share capital is already in the treasury).
	pub(crate) fn insert_member(
		coop: CoopId,
		info: &mut CoopOf<T>,
		who: &T::AccountId,
		class: ClassIndex,
		share_capital: BalanceOf<T>,
	) -> DispatchResult {
		let class_info =
			*info.bylaws.classes.get(class as usize).ok_or(Error::<T>::UnknownClass)?;
		ensure!(info.members < info.bylaws.max_members, Error::<T>::CoopFull);
		Self::index_membership(coop, who)?;
		info.members = info.members.checked_add(1).ok_or(ArithmeticError::Overflow)?;
		if class_info.votes {
			info.voting_members.saturating_inc();
		}
		if class_info.is_voting_investor() {
			info.voting_investors.saturating_inc();
		}
		info.share_capital =
			info.share_capital.checked_add(&share_capital).ok_or(ArithmeticError::Overflow)?;
		Members::<T>::insert(
			coop,
			who,
			MemberRecord { class, share_capital, first_motion: info.next_motion },
		);
		Ok(())
	}

	/// Ends `who`'s membership: takes their votes out of open motions, ends the roles they hold
	/// in the co-op, records the share capital as owed after the notice, and tells the
	/// `OnMemberRemoved` hook. Returns the amount owed and when it is due. The last voting member
	/// cannot be removed (the co-op is dissolved instead).
	pub(crate) fn remove_member(
		coop: CoopId,
		info: &mut CoopOf<T>,
		who: &T::AccountId,
	) -> Result<(BalanceOf<T>, BlockNumberFor<T>), DispatchError> {
		let member = Members::<T>::get(coop, who).ok_or(Error::<T>::NotMember)?;
		let class = info.bylaws.classes.get(member.class as usize).copied();
		if class.is_some_and(|c| c.votes) {
			ensure!(info.voting_members > 1, Error::<T>::LastVoterCannotLeave);
		}
		Members::<T>::remove(coop, who);
		Self::unindex_membership(coop, who);
		Self::end_roles(coop, info, who);
		info.members.saturating_dec();
		if class.is_some_and(|c| c.votes) {
			info.voting_members.saturating_dec();
			let investor = class.is_some_and(|c| c.is_voting_investor());
			Self::leave_open_motions(coop, who, member.first_motion, investor);
		}
		if class.is_some_and(|c| c.is_voting_investor()) {
			info.voting_investors.saturating_dec();
		}
		// The co-op's share capital is the sum of its members' (invariant 2).
		info.share_capital = info.share_capital.defensive_saturating_sub(member.share_capital);
		let due =
			frame_system::Pallet::<T>::block_number().saturating_add(info.bylaws.withdrawal_notice);
		Self::owe_redemption(coop, who, member.share_capital, due)?;
		T::OnMemberRemoved::on_member_removed(coop, who);
		Ok((member.share_capital, due))
	}

	/// Ends every role `who` holds in `coop` (a role is a member's: it ends with the
	/// membership).
	fn end_roles(coop: CoopId, info: &mut CoopOf<T>, who: &T::AccountId) {
		let Some(held) = Roles::<T>::take(coop, who) else { return };
		info.role_holders.saturating_dec();
		for role in [CoopRole::Operator, CoopRole::ValidatorOperator] {
			if held.contains(role) {
				Self::deposit_event(Event::RoleRevoked { coop, who: who.clone(), role });
			}
		}
	}

	/// Records share capital owed to a former member (added to what is already owed, if any).
	pub(crate) fn owe_redemption(
		coop: CoopId,
		who: &T::AccountId,
		amount: BalanceOf<T>,
		due: BlockNumberFor<T>,
	) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		Redemptions::<T>::try_mutate(coop, who, |entry| -> DispatchResult {
			let owed = match entry.take() {
				Some(r) => Redemption {
					amount: r.amount.checked_add(&amount).ok_or(ArithmeticError::Overflow)?,
					due: r.due.max(due),
				},
				None => Redemption { amount, due },
			};
			*entry = Some(owed);
			Ok(())
		})
	}

	/// Whether the treasury of `coop` can pay `amount` now.
	fn treasury_can_pay(coop: CoopId, amount: BalanceOf<T>) -> bool {
		T::Currency::reducible_balance(
			&Self::treasury(coop),
			Preservation::Expendable,
			Fortitude::Polite,
		) >= amount
	}

	/// Pays a redemption in full and forgets it.
	fn pay_redemption(coop: CoopId, who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		T::Currency::transfer(&Self::treasury(coop), who, amount, Preservation::Expendable)?;
		Redemptions::<T>::remove(coop, who);
		Self::deposit_event(Event::ShareRedeemed { coop, member: who.clone(), amount });
		Ok(())
	}

	/// Admits an applicant whose admission motion passed: the held share goes to the treasury.
	pub(crate) fn admit_applicant(
		coop: CoopId,
		info: &mut CoopOf<T>,
		applicant: T::AccountId,
	) -> DispatchResult {
		let application =
			Applications::<T>::take(coop, &applicant).ok_or(Error::<T>::ApplicationNotFound)?;
		Self::check_admissible(info, application.class)?;
		// A co-op that applied and has dissolved since is nobody to admit.
		if let Some(applying) = Self::coop_of_treasury(&applicant) {
			ensure!(Coops::<T>::contains_key(applying), Error::<T>::CoopNotFound);
		}
		T::Currency::transfer_on_hold(
			&HoldReason::ApplicationShare.into(),
			&applicant,
			&Self::treasury(coop),
			application.held,
			Precision::Exact,
			Restriction::Free,
			Fortitude::Force,
		)?;
		Self::insert_member(coop, info, &applicant, application.class, application.held)?;
		Self::deposit_event(Event::MemberAdmitted {
			coop,
			member: applicant,
			class: application.class,
			share_capital: application.held,
		});
		Ok(())
	}

	/// Releases a pending application's held share price in full.
	pub(crate) fn refund_application(coop: CoopId, applicant: &T::AccountId) {
		if let Some(application) = Applications::<T>::take(coop, applicant) {
			let released = T::Currency::release(
				&HoldReason::ApplicationShare.into(),
				applicant,
				application.held,
				Precision::BestEffort,
			);
			if released.is_err() {
				defensive!("an application's share is held until it is refunded");
			}
			Self::deposit_event(Event::ApplicationRefunded {
				coop,
				applicant: applicant.clone(),
				amount: application.held,
			});
		}
	}

	/// Benchmarks only: makes `who` a member of `coop` in `class` with no share capital, as a
	/// passed admission motion would (for co-ops that admit by vote, which a benchmark cannot
	/// wait for).
	#[cfg(feature = "runtime-benchmarks")]
	pub fn benchmark_add_member(
		coop: CoopId,
		who: &T::AccountId,
		class: ClassIndex,
	) -> DispatchResult {
		let mut info = Coops::<T>::get(coop).ok_or(Error::<T>::CoopNotFound)?;
		ensure!(!Members::<T>::contains_key(coop, who), Error::<T>::AlreadyMember);
		Self::insert_member(coop, &mut info, who, class, Zero::zero())?;
		Coops::<T>::insert(coop, info);
		Ok(())
	}

	/// Benchmarks only: grants `who` `role` in `coop`, as a passed `GrantRole` motion would.
	#[cfg(feature = "runtime-benchmarks")]
	pub fn benchmark_grant_role(
		coop: CoopId,
		who: &T::AccountId,
		role: CoopRole,
	) -> DispatchResult {
		let mut info = Coops::<T>::get(coop).ok_or(Error::<T>::CoopNotFound)?;
		Self::grant_role(coop, &mut info, who.clone(), role)?;
		Coops::<T>::insert(coop, info);
		Ok(())
	}
}
