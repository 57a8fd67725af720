//! Chain specifications: `dev` and `local`, built from the runtime's genesis presets, and the
//! production chain `coopchain`, built from a founders file that the founding co-ops write.

use std::path::Path;

use coopchain_runtime::{
	genesis_config_presets::coopchain_genesis_from_json, SS58_PREFIX, TOKEN_DECIMALS, TOKEN_SYMBOL,
	WASM_BINARY,
};
use sc_service::ChainType;

/// A chain specification of coopchain; the genesis state comes from the runtime's presets.
pub type ChainSpec = sc_service::GenericChainSpec;

/// The token and address format that wallets (Polkadot.js Apps) read from the chain spec.
fn properties() -> sc_chain_spec::Properties {
	let mut properties = sc_chain_spec::Properties::new();
	properties.insert("tokenSymbol".into(), TOKEN_SYMBOL.into());
	properties.insert("tokenDecimals".into(), TOKEN_DECIMALS.into());
	properties.insert("ss58Format".into(), SS58_PREFIX.into());
	properties
}

fn wasm_binary() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| {
		"The runtime wasm is not available: the node was built with SKIP_WASM_BUILD".to_string()
	})
}

/// `dev`: Alice alone validates (the `development` preset).
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("coopchain development")
		.with_id("coopchain_dev")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// `local`: Alice, Bob, Charlie and Dave validate (the `local_testnet` preset).
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("coopchain local testnet")
		.with_id("coopchain_local")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// `coopchain:<founders.json>`: the production chain, founded by the co-ops of the founders file
/// (`node/coopchain-founders.example.json` shows its form). Their own accounts and keys, no
/// development account, no sudo, production bylaws; the runtime checks the file
/// (`coopchain_genesis`) and says what is wrong with it.
pub fn coopchain_chain_spec(founders: &Path) -> Result<ChainSpec, String> {
	let at = founders.display();
	let text =
		std::fs::read(founders).map_err(|e| format!("cannot read the founders file {at}: {e}"))?;
	let json: serde_json::Value = serde_json::from_slice(&text)
		.map_err(|e| format!("the founders file {at} is not JSON: {e}"))?;
	let patch = coopchain_genesis_from_json(&json)
		.map_err(|e| format!("the founders file {at} cannot found coopchain: {e}"))?;
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("coopchain")
		.with_id("coopchain")
		.with_chain_type(ChainType::Live)
		.with_protocol_id("coopchain")
		.with_genesis_config_patch(patch)
		.with_properties(properties())
		.build())
}
