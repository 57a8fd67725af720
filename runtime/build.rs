//! Builds the runtime's wasm blob (only with `std`; `SKIP_WASM_BUILD=1` skips it).

#[cfg(all(feature = "std", feature = "metadata-hash"))]
fn main() {
	// Token symbol and decimals must match the chain spec properties (COOP, 12).
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("COOP", 12)
		.build();
}

#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
fn main() {
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

#[cfg(not(feature = "std"))]
fn main() {}
