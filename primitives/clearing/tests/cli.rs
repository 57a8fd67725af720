//! The `clear-obligations` command on a file, as a user runs it.

use std::process::Command;

fn run(input: &str) -> (bool, String, String) {
	let dir = std::env::temp_dir().join(format!("clear-obligations-{}", std::process::id()));
	std::fs::create_dir_all(&dir).expect("a temporary directory");
	let path = dir.join(format!("{}.json", input.len()));
	std::fs::write(&path, input).expect("the input file is written");
	let out = Command::new(env!("CARGO_BIN_EXE_clear-obligations"))
		.arg("--input")
		.arg(&path)
		.output()
		.expect("the command runs");
	(
		out.status.success(),
		String::from_utf8_lossy(&out.stdout).into_owned(),
		String::from_utf8_lossy(&out.stderr).into_owned(),
	)
}

#[test]
fn clears_a_cycle_and_prints_the_certificate() {
	let (ok, stdout, _) = run(r#"{"obligations":[
		{"id":1,"debtor":"A","creditor":"B","amount":100},
		{"id":2,"debtor":"B","creditor":"C","amount":40},
		{"id":3,"debtor":"C","creditor":"A","amount":70},
		{"id":7,"debtor":"D","creditor":"A","amount":18446744073709551616}
	]}"#);
	assert!(ok);
	let out: serde_json::Value = serde_json::from_str(&stdout).expect("JSON out");
	assert_eq!(
		out["setoffs"],
		serde_json::json!([{"id":1,"amount":40},{"id":2,"amount":40},{"id":3,"amount":40}])
	);
	assert_eq!(out["cleared"], 120);
	// 2^64 + 210, printed exactly (a JSON value would read it as a float).
	assert!(stdout.contains(r#""total":18446744073709551826"#), "{stdout}");
	let p = &out["potentials"];
	for name in ["A", "B", "C", "D"] {
		assert!(p[name].is_i64(), "a potential for {name}");
	}
}

#[test]
fn refuses_bad_input() {
	let (ok, _, stderr) = run(
		r#"{"obligations":[{"id":1,"debtor":"A","creditor":"B","amount":1},{"id":1,"debtor":"B","creditor":"A","amount":1}]}"#,
	);
	assert!(!ok);
	assert!(stderr.contains("appears twice"), "{stderr}");
	let (ok, _, stderr) = run(
		r#"{"obligations":[{"id":1,"debtor":"A","creditor":"B","amount":18446744073709551617}]}"#,
	);
	assert!(!ok);
	assert!(stderr.contains("above 2^64"), "{stderr}");
	let (ok, _, stderr) = run(r#"{"obligation":[]}"#);
	assert!(!ok);
	assert!(stderr.contains("invalid input"), "{stderr}");
}

#[test]
fn clears_a_chain_with_the_credit_lines_it_is_lent() {
	// C owes A 40 and A owes B 20; A may pay 200 in credit and B be paid up to 100; C lends
	// nothing. A pays B 20 in credit: obligation 2 clears.
	let (ok, stdout, stderr) = run(r#"{"obligations":[
		{"id":1,"debtor":"C","creditor":"A","amount":40},
		{"id":2,"debtor":"A","creditor":"B","amount":20}
	],"liquidity":{"A":{"pay":200},"B":{"pay":0,"receive":100}}}"#);
	assert!(ok, "{stderr}");
	let out: serde_json::Value = serde_json::from_str(&stdout).expect("JSON out");
	assert_eq!(out["setoffs"], serde_json::json!([{"id":2,"amount":20}]));
	assert_eq!((out["cleared"].as_u64(), out["liquidity"].as_u64()), (Some(20), Some(20)));
	assert_eq!(out["balanceChanges"], serde_json::json!({"A":-20,"B":20,"C":0}));
	assert!(out["circlePotential"].is_i64(), "{stdout}");
	// Without the lines nothing clears, and no liquidity is reported.
	let (ok, stdout, _) = run(r#"{"obligations":[
		{"id":1,"debtor":"C","creditor":"A","amount":40},
		{"id":2,"debtor":"A","creditor":"B","amount":20}
	]}"#);
	assert!(ok);
	let out: serde_json::Value = serde_json::from_str(&stdout).expect("JSON out");
	assert_eq!(out["cleared"], 0);
	assert!(out.get("liquidity").is_none(), "{stdout}");
}
