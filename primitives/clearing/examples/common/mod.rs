//! What the examples share: a small deterministic generator (xorshift64*), so that every run
//! measures the same graphs.

/// xorshift64*.
pub struct Rng(pub u64);

impl Rng {
	pub fn next(&mut self) -> u64 {
		self.0 ^= self.0 >> 12;
		self.0 ^= self.0 << 25;
		self.0 ^= self.0 >> 27;
		self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
	}

	pub fn below(&mut self, n: u64) -> u64 {
		self.next() % n
	}

	/// Uniform in [0, 1).
	#[allow(dead_code)]
	pub fn unit(&mut self) -> f64 {
		(self.next() >> 11) as f64 / (1u64 << 53) as f64
	}
}
