//! coopchain-node: the node that member co-ops run as validators of coopchain.

#![warn(missing_docs)]

mod chain_spec;
mod cli;
mod command;
mod equivocation;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
