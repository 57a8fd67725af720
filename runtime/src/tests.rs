//! Tests of the runtime: the genesis presets build valid chains.

use crate::genesis_config_presets::*;
use crate::{Runtime, RuntimeGenesisConfig};
use pallet_coop_membership::AdmissionMode;
use serde_json::Value;
use sp_runtime::BuildStorage;

/// Merge `patch` into `base` the way the chain-spec builder does (objects recursively,
/// everything else replaced).
fn merge(base: &mut Value, patch: Value) {
	match (base, patch) {
		(Value::Object(base), Value::Object(patch)) => {
			for (key, value) in patch {
				merge(base.entry(key).or_insert(Value::Null), value);
			}
		},
		(base, patch) => *base = patch,
	}
}

fn build(preset: &str) -> sp_runtime::Storage {
	let patch: Value =
		serde_json::from_slice(&get_preset(&preset.into()).expect("preset exists")).unwrap();
	for key in [["aura", "authorities"], ["grandpa", "authorities"], ["balances", "balances"]] {
		assert!(
			patch[key[0]][key[1]].is_array(),
			"{preset}: zombienet rewrites {}.{}, the patch must name it",
			key[0],
			key[1]
		);
	}
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).unwrap();
	merge(&mut config, patch);
	let config: RuntimeGenesisConfig = serde_json::from_value(config).unwrap();
	config.build_storage().expect("preset builds a valid genesis state")
}

#[test]
fn every_preset_builds_a_genesis_state() {
	for name in preset_names() {
		let storage = build(&name);
		assert!(!storage.top.is_empty());
	}
}

#[test]
fn local_testnet_has_four_validators() {
	let patch: Value =
		serde_json::from_slice(&get_preset(&"local_testnet".into()).unwrap()).unwrap();
	assert_eq!(patch["aura"]["authorities"].as_array().unwrap().len(), 4);
	assert_eq!(patch["grandpa"]["authorities"].as_array().unwrap().len(), 4);
}

#[test]
fn local_testnet_has_the_federation_and_a_demo_coop() {
	use pallet_coop_membership::Coops;
	sp_io::TestExternalities::new(build("local_testnet")).execute_with(|| {
		let federation = Coops::<Runtime>::get(0).expect("the federation is co-op 0");
		assert_eq!(federation.members, 4);
		let demo = Coops::<Runtime>::get(1).expect("a demo co-op");
		assert_eq!(demo.members, 2);
		assert_eq!(demo.bylaws.admission, AdmissionMode::Open);
	});
}

#[test]
fn unknown_preset_is_none() {
	assert!(get_preset(&"no-such-preset".into()).is_none());
}
