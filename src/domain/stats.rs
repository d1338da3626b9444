//! The intervals that say whether a change is beyond noise: Wilson's score interval for one
//! proportion, Newcombe's hybrid score interval for the difference of two (Newcombe 1998,
//! method 10), Welch's t interval for the difference of two means, and the Student-t
//! quantile it needs (no statistics crate: these few functions are all the app uses).

/// The normal quantile of 0.975, for 95 % intervals.
pub const Z95: f64 = 1.959_963_984_540_054;

/// Wilson's score interval for `x` successes of `n`, at normal quantile `z`; `None` for n = 0.
pub fn wilson(x: usize, n: usize, z: f64) -> Option<(f64, f64)> {
    if n == 0 {
        return None;
    }
    let (x, n) = (x as f64, n as f64);
    let p = x / n;
    let z2 = z * z;
    let centre = 2.0 * x + z2;
    let half = z * (z2 + 4.0 * x * (1.0 - p)).sqrt();
    let den = 2.0 * (n + z2);
    Some((
        ((centre - half) / den).max(0.0),
        ((centre + half) / den).min(1.0),
    ))
}

/// Newcombe's hybrid score interval for p₁ − p₂ (method 10), from the two Wilson intervals:
/// unlike the simple Wald interval it stays inside −1..1 and keeps its coverage at small n
/// and at proportions near 0 or 1, where CSAT and compliance usually are.
pub fn newcombe(x1: usize, n1: usize, x2: usize, n2: usize, z: f64) -> Option<(f64, f64)> {
    let (l1, u1) = wilson(x1, n1, z)?;
    let (l2, u2) = wilson(x2, n2, z)?;
    let (p1, p2) = (x1 as f64 / n1 as f64, x2 as f64 / n2 as f64);
    let d = p1 - p2;
    Some((
        d - ((p1 - l1).powi(2) + (u2 - p2).powi(2)).sqrt(),
        d + ((u1 - p1).powi(2) + (p2 - l2).powi(2)).sqrt(),
    ))
}

/// Mean, sample variance (n − 1) and n of some values.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sample {
    pub mean: f64,
    pub variance: f64,
    pub n: usize,
}

impl Sample {
    /// `None` below two values: no variance to speak of.
    pub fn of(values: &[f64]) -> Option<Sample> {
        let n = values.len();
        if n < 2 {
            return None;
        }
        let mean = values.iter().sum::<f64>() / n as f64;
        let ss: f64 = values.iter().map(|v| (v - mean).powi(2)).sum();
        Some(Sample {
            mean,
            variance: ss / (n - 1) as f64,
            n,
        })
    }
}

/// Welch's interval at confidence `level` for mean(a) − mean(b), which does not assume equal
/// variances (step times before and after a change rarely have them); degrees of freedom
/// by Welch–Satterthwaite. `None` when both variances are 0.
pub fn welch(a: Sample, b: Sample, level: f64) -> Option<(f64, f64)> {
    let (va, vb) = (a.variance / a.n as f64, b.variance / b.n as f64);
    let se2 = va + vb;
    if se2 <= 0.0 {
        return None;
    }
    let df = se2 * se2 / (va * va / (a.n - 1) as f64 + vb * vb / (b.n - 1) as f64);
    let half = t_quantile(0.5 + level / 2.0, df) * se2.sqrt();
    let d = a.mean - b.mean;
    Some((d - half, d + half))
}

/// Degrees of freedom beyond this count as this many: t then differs from the normal by
/// less than 1e-5, and larger ones would cost the log-gamma differences their digits.
const MAX_DF: f64 = 1e6;

/// The Student-t quantile for probability `p` (0.5 < p < 1) and `df` > 0 degrees of freedom
/// (not only whole ones: Welch's are fractional; `f64::INFINITY` gives the normal's), by
/// bisection on the exact distribution function, the regularized incomplete beta function.
pub fn t_quantile(p: f64, df: f64) -> f64 {
    let df = df.min(MAX_DF);
    let cdf = |t: f64| 1.0 - 0.5 * incomplete_beta(df / 2.0, 0.5, df / (df + t * t));
    let (mut lo, mut hi) = (0.0, 1.0);
    while cdf(hi) < p {
        hi *= 2.0;
    }
    for _ in 0..60 {
        let mid = (lo + hi) / 2.0;
        if cdf(mid) < p {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    (lo + hi) / 2.0
}

/// ln Γ(x) for x > 0 (Lanczos, g = 7, nine terms: ~1e-15 relative).
fn ln_gamma(x: f64) -> f64 {
    const C: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        let pi = std::f64::consts::PI;
        return (pi / (pi * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let t = x + 7.5;
    let sum = C[1..]
        .iter()
        .enumerate()
        .fold(C[0], |s, (i, c)| s + c / (x + i as f64 + 1.0));
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + sum.ln()
}

/// The regularized incomplete beta function I_x(a, b) (Numerical Recipes 6.4).
fn incomplete_beta(a: f64, b: f64, x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    if x >= 1.0 {
        return 1.0;
    }
    let front =
        (ln_gamma(a + b) - ln_gamma(a) - ln_gamma(b) + a * x.ln() + b * (1.0 - x).ln()).exp();
    if x < (a + 1.0) / (a + b + 2.0) {
        front * beta_cf(a, b, x) / a
    } else {
        1.0 - front * beta_cf(b, a, 1.0 - x) / b
    }
}

/// Lentz's continued fraction of the incomplete beta function.
fn beta_cf(a: f64, b: f64, x: f64) -> f64 {
    let tiny = 1e-300;
    let clamp = |v: f64| if v.abs() < tiny { tiny } else { v };
    let mut c = 1.0;
    let mut d = 1.0 / clamp(1.0 - (a + b) * x / (a + 1.0));
    let mut h = d;
    for m in 1..300 {
        let m = m as f64;
        let even = m * (b - m) * x / ((a + 2.0 * m - 1.0) * (a + 2.0 * m));
        d = 1.0 / clamp(1.0 + even * d);
        c = clamp(1.0 + even / c);
        h *= d * c;
        let odd = -(a + m) * (a + b + m) * x / ((a + 2.0 * m) * (a + 2.0 * m + 1.0));
        d = 1.0 / clamp(1.0 + odd * d);
        c = clamp(1.0 + odd / c);
        let del = d * c;
        h *= del;
        if (del - 1.0).abs() < 1e-15 {
            break;
        }
    }
    h
}

#[cfg(test)]
#[path = "stats/tests.rs"]
mod tests;
