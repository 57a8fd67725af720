//! `clear-obligations --input obligations.json`: the maximal clearing of a set of obligations.
//!
//! Input:  `{"obligations":[{"id":1,"debtor":"A","creditor":"B","amount":100}, …]}`
//! Output: `{"setoffs":[{"id":1,"amount":40}, …],"cleared":N,"total":M,"potentials":{"A":0, …}}`
//!
//! With liquidity, the input also lends credit lines:
//! `"liquidity":{"A":{"pay":200},"B":{"pay":0,"receive":100}}` (what each may pay and be paid
//! in credit; no `receive` for no ceiling; a participant not listed lends none), and the output
//! adds `"liquidity":N` (credit moved), `"balanceChanges":{"A":-20, …}` and the circle's own
//! potential, `"circlePotential":p`.
//!
//! Amounts are unsigned integers up to 2^64. Only obligations with a positive set-off are
//! listed. The potentials certify that no clearing sets off more (see the `coop-clearing` docs).

use std::collections::{BTreeMap, BTreeSet};

use coop_clearing::{
	check_clearing, check_clearing_with_liquidity, solve, solve_with_liquidity, Liquidity,
	Obligation,
};
use serde::{Deserialize, Serialize};

#[derive(Deserialize)]
struct Input {
	obligations: Vec<InputObligation>,
	liquidity: Option<BTreeMap<String, InputLine>>,
}

#[derive(Deserialize)]
struct InputLine {
	pay: u128,
	receive: Option<u128>,
}

#[derive(Deserialize)]
struct InputObligation {
	id: u64,
	debtor: String,
	creditor: String,
	amount: u128,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Output {
	setoffs: Vec<Setoff>,
	cleared: u128,
	total: u128,
	potentials: BTreeMap<String, i64>,
	#[serde(skip_serializing_if = "Option::is_none")]
	liquidity: Option<u128>,
	#[serde(skip_serializing_if = "Option::is_none")]
	balance_changes: Option<BTreeMap<String, i128>>,
	#[serde(skip_serializing_if = "Option::is_none")]
	circle_potential: Option<i64>,
}

#[derive(Serialize)]
struct Setoff {
	id: u64,
	amount: u128,
}

fn run() -> Result<String, String> {
	let args: Vec<String> = std::env::args().skip(1).collect();
	let path = match args.as_slice() {
		[flag, path] if flag == "--input" => path.clone(),
		_ => return Err("usage: clear-obligations --input obligations.json".into()),
	};
	let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {path}: {e}"))?;
	let input: Input = serde_json::from_str(&text).map_err(|e| format!("invalid input: {e}"))?;

	let mut index: BTreeMap<String, u32> = BTreeMap::new();
	let mut names: Vec<String> = Vec::new();
	let mut ids = BTreeSet::new();
	let mut obligations = Vec::with_capacity(input.obligations.len());
	for o in &input.obligations {
		if o.amount > 1u128 << 64 {
			return Err(format!("obligation {}: amount above 2^64", o.id));
		}
		if !ids.insert(o.id) {
			return Err(format!("obligation {} appears twice", o.id));
		}
		let mut number = |name: &String| {
			*index.entry(name.clone()).or_insert_with(|| {
				names.push(name.clone());
				(names.len() - 1) as u32
			})
		};
		let debtor = number(&o.debtor);
		let creditor = number(&o.creditor);
		obligations.push(Obligation { debtor, creditor, amount: o.amount });
	}
	let participants = names.len() as u32;
	let lines: Option<Vec<Liquidity>> = match &input.liquidity {
		None => None,
		Some(given) => {
			for (name, line) in given {
				if line.pay > 1u128 << 64 || line.receive.is_some_and(|r| r > 1u128 << 64) {
					return Err(format!("credit line of {name}: amount above 2^64"));
				}
			}
			Some(
				names
					.iter()
					.map(|name| {
						given.get(name).map_or(Liquidity::NONE, |line| Liquidity {
							pay: line.pay,
							receive: line.receive,
						})
					})
					.collect(),
			)
		},
	};
	let solution = match &lines {
		None => solve(participants, &obligations),
		Some(lines) => solve_with_liquidity(participants, &obligations, lines),
	}
	.map_err(|_| "the obligations sum above 2^127 - 1: more debt than a circle can hold")?;
	// The command never prints a clearing the chain would refuse.
	let setoffs: Vec<(u32, u128)> =
		solution.setoffs.iter().enumerate().map(|(i, x)| (i as u32, *x)).collect();
	let certificate = Some(solution.potentials.as_slice());
	match &lines {
		None => check_clearing(participants, &obligations, &setoffs, certificate).map(|_| ()),
		Some(lines) => {
			check_clearing_with_liquidity(participants, &obligations, lines, &setoffs, certificate)
				.map(|_| ())
		},
	}
	.map_err(|e| format!("internal error: the solution fails its own check: {e:?}"))?;
	let liquid = lines.is_some();

	let output = Output {
		setoffs: input
			.obligations
			.iter()
			.zip(&solution.setoffs)
			.filter(|(_, x)| **x > 0)
			.map(|(o, x)| Setoff { id: o.id, amount: *x })
			.collect(),
		cleared: solution.cleared,
		total: solution.total,
		liquidity: liquid.then_some(solution.liquidity),
		balance_changes: liquid
			.then(|| names.iter().cloned().zip(solution.balance_changes.iter().copied()).collect()),
		circle_potential: if liquid { solution.potentials.get(names.len()).copied() } else { None },
		potentials: names.into_iter().zip(solution.potentials).collect(),
	};
	serde_json::to_string(&output).map_err(|e| e.to_string())
}

fn main() {
	match run() {
		Ok(json) => println!("{json}"),
		Err(e) => {
			eprintln!("error: {e}");
			std::process::exit(1);
		},
	}
}
