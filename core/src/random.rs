//! Reproducible sampling for the Monte Carlo analyses: a seeded pseudo-random generator and
//! a Sobol quasi-random sequence. Both give the same numbers on every platform.

/// SplitMix64: a small, fast, seedable generator with good statistical quality.
#[derive(Clone, Debug)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator started from a seed.
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number uniformly distributed in [0, 1).
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A whole number uniformly distributed in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_f64() * n as f64) as usize).min(n.saturating_sub(1))
    }
}

/// Primitive polynomials and initial direction numbers for Sobol dimensions 2 to 16, after
/// Joe and Kuo (2008): `(degree s, coefficients a, initial m_1..m_s)`.
const DIRECTIONS: [(u32, u32, &[u32]); 15] = [
    (1, 0, &[1]),
    (2, 1, &[1, 3]),
    (3, 1, &[1, 3, 1]),
    (3, 2, &[1, 1, 1]),
    (4, 1, &[1, 1, 3, 3]),
    (4, 4, &[1, 3, 5, 13]),
    (5, 2, &[1, 1, 5, 5, 17]),
    (5, 4, &[1, 1, 5, 5, 5]),
    (5, 7, &[1, 1, 7, 11, 19]),
    (5, 11, &[1, 1, 5, 1, 1]),
    (5, 13, &[1, 1, 1, 3, 11]),
    (5, 14, &[1, 3, 5, 5, 31]),
    (6, 1, &[1, 3, 3, 9, 7, 49]),
    (6, 13, &[1, 1, 1, 15, 21, 21]),
    (6, 16, &[1, 3, 1, 13, 27, 49]),
];

/// The most dimensions [`Sobol`] provides.
pub const SOBOL_MAX_DIMENSIONS: usize = DIRECTIONS.len() + 1;

const BITS: usize = 32;

/// A Sobol sequence in up to [`SOBOL_MAX_DIMENSIONS`] dimensions (Gray-code construction).
/// The first point, all zeros, is skipped.
#[derive(Clone, Debug)]
pub struct Sobol {
    directions: Vec<[u32; BITS]>,
    state: Vec<u32>,
    index: u32,
}

impl Sobol {
    /// A sequence in `dimensions` dimensions, or `None` when more are asked than available.
    pub fn new(dimensions: usize) -> Option<Sobol> {
        if dimensions == 0 || dimensions > SOBOL_MAX_DIMENSIONS {
            return None;
        }
        let mut directions = Vec::with_capacity(dimensions);
        // Dimension 1: v_k = 2^(32 - k).
        directions.push(std::array::from_fn(|k| 1u32 << (BITS - 1 - k)));
        for &(s, a, m) in DIRECTIONS.iter().take(dimensions - 1) {
            let s = s as usize;
            let mut v = [0u32; BITS];
            for k in 0..s.min(BITS) {
                v[k] = m[k] << (BITS - 1 - k);
            }
            for k in s..BITS {
                let mut value = v[k - s] ^ (v[k - s] >> s);
                for j in 1..s {
                    if (a >> (s - 1 - j)) & 1 == 1 {
                        value ^= v[k - j];
                    }
                }
                v[k] = value;
            }
            directions.push(v);
        }
        Some(Sobol {
            state: vec![0; dimensions],
            directions,
            index: 0,
        })
    }

    /// The next point, each coordinate in [0, 1).
    pub fn next_point(&mut self) -> Vec<f64> {
        let bit = self.index.trailing_ones() as usize;
        self.index = self.index.wrapping_add(1);
        for (x, v) in self.state.iter_mut().zip(&self.directions) {
            *x ^= v[bit.min(BITS - 1)];
        }
        self.state
            .iter()
            .map(|&x| f64::from(x) / 4_294_967_296.0)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix_is_reproducible_and_uniform() {
        let mut a = SplitMix64::new(42);
        let mut b = SplitMix64::new(42);
        let xs: Vec<f64> = (0..10_000).map(|_| a.next_f64()).collect();
        assert!(
            xs.iter()
                .zip((0..10_000).map(|_| b.next_f64()))
                .all(|(x, y)| *x == y)
        );
        let mean = xs.iter().sum::<f64>() / xs.len() as f64;
        assert!((mean - 0.5).abs() < 0.01, "{mean}");
        assert!(xs.iter().all(|x| (0.0..1.0).contains(x)));
    }

    #[test]
    fn each_sobol_dimension_fills_every_stratum_once() {
        // Points 1..2^m (after the skipped origin) plus the origin are a (0, m, 1)-net in each
        // dimension: every interval [j/2^m, (j+1)/2^m) holds exactly one of them.
        let m = 8;
        let n = 1usize << m;
        let mut sobol = Sobol::new(SOBOL_MAX_DIMENSIONS).unwrap();
        let mut points = vec![vec![0.0; SOBOL_MAX_DIMENSIONS]];
        points.extend((1..n).map(|_| sobol.next_point()));
        for d in 0..SOBOL_MAX_DIMENSIONS {
            let mut seen = vec![false; n];
            for point in &points {
                let cell = (point[d] * n as f64) as usize;
                assert!(!seen[cell], "dimension {d}: two points in stratum {cell}");
                seen[cell] = true;
            }
        }
    }

    #[test]
    fn sobol_first_points_are_the_textbook_ones() {
        let mut sobol = Sobol::new(2).unwrap();
        assert_eq!(sobol.next_point(), vec![0.5, 0.5]);
        assert_eq!(sobol.next_point(), vec![0.75, 0.25]);
        assert_eq!(sobol.next_point(), vec![0.25, 0.75]);
        assert!(Sobol::new(SOBOL_MAX_DIMENSIONS + 1).is_none());
    }
}
