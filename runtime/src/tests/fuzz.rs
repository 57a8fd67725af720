//! The drivers of the whole-runtime fuzzer ([`crate::fuzzing`]): the bounded seeded mode of
//! `cargo test` (CI) and the long campaign with feedback (`scripts/fuzz.sh`).

use crate::fuzzing::{run, Stats};
use std::collections::BTreeSet;

/// splitmix64: seeded bytes for the sequences.
struct Rng(u64);
impl Rng {
	fn next(&mut self) -> u64 {
		self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
		let mut z = self.0;
		z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
		z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
		z ^ (z >> 31)
	}
	fn bytes(&mut self, n: usize) -> Vec<u8> {
		(0..n).map(|_| self.next() as u8).collect()
	}
	/// A mutation of `input`: bytes changed, inserted or removed, or a splice with `other`.
	fn mutate(&mut self, input: &[u8], other: &[u8]) -> Vec<u8> {
		let mut out = input.to_vec();
		for _ in 0..1 + self.next() % 4 {
			let at = if out.is_empty() { 0 } else { (self.next() as usize) % out.len() };
			match self.next() % 5 {
				0 | 1 if !out.is_empty() => out[at] = self.next() as u8,
				2 => out.insert(at, self.next() as u8),
				3 if !out.is_empty() => {
					out.remove(at);
				},
				_ => {
					let from =
						if other.is_empty() { 0 } else { (self.next() as usize) % other.len() };
					out.truncate(at);
					out.extend_from_slice(&other[from..]);
				},
			}
		}
		out.truncate(2048);
		out
	}
}

fn env<T: core::str::FromStr>(name: &str, default: T) -> T {
	std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn fuzz_dir() -> std::path::PathBuf {
	// `cargo test` runs the test in the crate's folder (of this checkout: a test binary built
	// in another clone of the same code may be reused, with that clone's CARGO_MANIFEST_DIR).
	std::env::var("COOPCHAIN_FUZZ_DIR").map(Into::into).unwrap_or_else(|_| {
		std::env::current_dir()
			.unwrap_or_else(|_| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).into())
			.join("fuzz")
	})
}

fn hex(data: &[u8]) -> String {
	sp_io::hashing::blake2_128(data)[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// Runs `data`, turning a panic or a broken check into a saved input and a message.
fn run_saving(genesis: &sp_runtime::Storage, data: &[u8], stats: &mut Stats) -> Result<(), String> {
	let outcome =
		std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(genesis, data, stats)));
	let error = match outcome {
		Ok(Ok(())) => return Ok(()),
		Ok(Err(e)) => e,
		Err(panic) => format!(
			"panic: {}",
			panic
				.downcast_ref::<String>()
				.cloned()
				.or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
				.unwrap_or_default()
		),
	};
	let crashes = fuzz_dir().join("crashes");
	let _ = std::fs::create_dir_all(&crashes);
	let file = crashes.join(hex(data));
	let _ = std::fs::write(&file, data);
	Err(format!("{error}\n(input saved to {}; replay: COOPCHAIN_FUZZ_REPLAY={0})", file.display()))
}

fn corpus() -> Vec<Vec<u8>> {
	let mut files: Vec<_> = std::fs::read_dir(fuzz_dir().join("corpus"))
		.map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
		.unwrap_or_default();
	files.retain(|f| !f.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')));
	files.sort();
	files.into_iter().filter_map(|f| std::fs::read(f).ok()).collect()
}

/// Distils the corpus: the inputs of the corpus and of the folders in `dirs` (absolute paths
/// separated by `:`, e.g. AFL++'s queues) are run, and the corpus is rewritten to a greedy cover
/// of every call outcome they reach (the inputs reaching most first, the shorter on a tie), so
/// that CI's replay stays short while reaching as far. The kept inputs are written before any
/// other is removed.
fn distil(genesis: &sp_runtime::Storage, dirs: &str) {
	let mut files: Vec<std::path::PathBuf> = Vec::new();
	let corpus_dir = fuzz_dir().join("corpus");
	for dir in std::iter::once(corpus_dir.clone())
		.chain(dirs.split(':').filter(|d| !d.is_empty()).map(Into::into))
	{
		let entries = std::fs::read_dir(&dir)
			.unwrap_or_else(|e| panic!("{} cannot be read: {e}", dir.display()));
		files.extend(entries.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| {
			p.is_file() && !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'))
		}));
	}
	files.sort();
	let mut runs: Vec<(Vec<u8>, BTreeSet<(u8, u8, u32)>)> = Vec::new();
	for file in &files {
		let Ok(data) = std::fs::read(file) else { continue };
		let mut stats = Stats::default();
		if let Err(e) = run_saving(genesis, &data, &mut stats) {
			panic!("{} fails: {e}", file.display());
		}
		runs.push((data, stats.paths));
	}
	let reached: BTreeSet<_> = runs.iter().flat_map(|r| r.1.iter().copied()).collect();
	// The inputs reaching most first (the shorter on a tie), each kept if it adds an outcome.
	runs.sort_by(|a, b| {
		b.1.len().cmp(&a.1.len()).then(a.0.len().cmp(&b.0.len())).then(a.0.cmp(&b.0))
	});
	let mut covered = BTreeSet::new();
	let kept: Vec<&Vec<u8>> = runs
		.iter()
		.filter(|(_, paths)| {
			let new = paths.iter().any(|p| !covered.contains(p));
			covered.extend(paths.iter().copied());
			new
		})
		.map(|(data, _)| data)
		.collect();
	assert_eq!(covered, reached, "the cover reaches what the inputs reach");
	let names: BTreeSet<String> = kept.iter().map(|data| hex(data)).collect();
	for data in &kept {
		std::fs::write(corpus_dir.join(hex(data)), data).expect("the corpus is writable");
	}
	for entry in std::fs::read_dir(&corpus_dir).into_iter().flatten().filter_map(|e| e.ok()) {
		let name = entry.file_name().to_string_lossy().into_owned();
		if !name.starts_with('.') && !names.contains(&name) {
			let _ = std::fs::remove_file(entry.path());
		}
	}
	println!(
		"distil: {} inputs ({} files) reach {} call outcomes; the corpus keeps {} of them",
		runs.len(),
		files.len(),
		reached.len(),
		kept.len()
	);
}

/// One fuzzing thread: sequences from `seed` (fresh bytes, or in a campaign, as often mutations
/// of the corpus) until `until` or `max` sequences; adds to the corpus what reaches a new call
/// outcome (in a campaign). Panics with the saved input on a failure.
fn fuzz_thread(
	genesis: &sp_runtime::Storage,
	seed: u64,
	until: std::time::Instant,
	max: u64,
	campaign: bool,
	mut corpus: Vec<Vec<u8>>,
	stats: &mut Stats,
) -> (u64, usize) {
	let mut rng = Rng(seed);
	let (mut sequences, mut added) = (0u64, 0usize);
	while sequences < max && std::time::Instant::now() < until {
		sequences += 1;
		let data = if campaign && !corpus.is_empty() && rng.next() % 2 == 0 {
			let a = &corpus[(rng.next() as usize) % corpus.len()];
			let b = &corpus[(rng.next() as usize) % corpus.len()];
			rng.mutate(a, b)
		} else {
			let len = 32 + (rng.next() % 480) as usize;
			rng.bytes(len)
		};
		let known = stats.paths.len();
		if let Err(e) = run_saving(genesis, &data, stats) {
			panic!("sequence {sequences} (thread seed {seed:#x}) breaks the runtime: {e}");
		}
		if campaign && stats.paths.len() > known {
			let dir = fuzz_dir().join("corpus");
			let _ = std::fs::create_dir_all(&dir);
			let _ = std::fs::write(dir.join(hex(&data)), &data);
			corpus.push(data);
			added += 1;
		}
	}
	(sequences, added)
}

/// The fuzz mode of `cargo test`: the committed corpus replayed, then seeded random sequences
/// on `COOPCHAIN_FUZZ_THREADS` (2) threads for at most `COOPCHAIN_FUZZ_SECONDS` (60) and
/// `COOPCHAIN_FUZZ_SEQUENCES` (3000) in all. With `COOPCHAIN_FUZZ_CAMPAIGN=1`
/// (`scripts/fuzz.sh`) it mutates corpus inputs as often as it makes fresh ones and grows the
/// corpus; with `COOPCHAIN_FUZZ_REPLAY=<file>` it runs that one input; with
/// `COOPCHAIN_FUZZ_DISTIL=<folders>` it distils the corpus and those folders' inputs into the
/// corpus.
#[test]
fn fuzz_the_runtime() {
	let genesis = super::build("local_testnet");
	let mut stats = Stats::default();
	if let Ok(file) = std::env::var("COOPCHAIN_FUZZ_REPLAY") {
		let data = std::fs::read(&file).expect("the input to replay");
		run(&genesis, &data, &mut stats).expect("the input replays cleanly");
		return;
	}
	if let Ok(dirs) = std::env::var("COOPCHAIN_FUZZ_DISTIL") {
		distil(&genesis, &dirs);
		return;
	}
	let started = std::time::Instant::now();
	let seconds: u64 = env("COOPCHAIN_FUZZ_SECONDS", 60);
	let max: u64 = env("COOPCHAIN_FUZZ_SEQUENCES", 3000);
	let seed: u64 = env("COOPCHAIN_FUZZ_SEED", 0x000C_00FC_4A11);
	let threads: u64 = env("COOPCHAIN_FUZZ_THREADS", 2u64).max(1);
	let campaign = env("COOPCHAIN_FUZZ_CAMPAIGN", 0u8) == 1;
	let corpus = corpus();
	let replayed = corpus.len();
	for data in &corpus {
		if let Err(e) = run_saving(&genesis, data, &mut stats) {
			panic!("a corpus input fails: {e}");
		}
	}
	let until = started + std::time::Duration::from_secs(seconds);
	let results: Vec<(u64, usize, Stats)> = std::thread::scope(|scope| {
		let handles: Vec<_> = (0..threads)
			.map(|t| {
				let (genesis, corpus) = (&genesis, corpus.clone());
				scope.spawn(move || {
					let mut stats = Stats::default();
					let (n, added) = fuzz_thread(
						genesis,
						seed.wrapping_add(t),
						until,
						max / threads,
						campaign,
						corpus,
						&mut stats,
					);
					(n, added, stats)
				})
			})
			.collect();
		handles.into_iter().map(|h| h.join().expect("a fuzzing thread failed")).collect()
	});
	let (mut sequences, mut added) = (0, 0);
	for (n, a, s) in results {
		sequences += n;
		added += a;
		stats.paths.extend(s.paths);
		stats.transactions += s.transactions;
		stats.dispatched += s.dispatched;
		stats.blocks += s.blocks;
	}
	let ok = stats.paths.iter().filter(|p| p.2 == 0).count();
	if std::env::var("COOPCHAIN_FUZZ_PATHS").is_ok() {
		for p in &stats.paths {
			println!("path {p:?}");
		}
	}
	println!(
		"fuzz: {replayed} corpus inputs replayed, {sequences} sequences on {threads} threads in \
		 {:.1} s ({} blocks, {} transactions, {} co-op dispatches); {} distinct call outcomes \
		 ({ok} calls succeeded at least once); {added} inputs added to the corpus; seed {seed:#x}",
		started.elapsed().as_secs_f64(),
		stats.blocks,
		stats.transactions,
		stats.dispatched,
		stats.paths.len(),
	);
	// The harness reaches deep: calls of every co-op pallet succeed, not only refusals.
	let pallets: BTreeSet<u8> = stats.paths.iter().filter(|p| p.2 == 0).map(|p| p.0).collect();
	for (index, name) in [
		(4u8, "balances"),
		(10, "coop-membership"),
		(11, "daico"),
		(12, "patronage"),
		(13, "circular-credit"),
	] {
		assert!(pallets.contains(&index), "no {name} call succeeded: the fuzzer stays shallow");
	}
}
