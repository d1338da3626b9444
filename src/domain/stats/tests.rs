use super::*;

fn close(got: (f64, f64), want: (f64, f64)) {
    // The papers print four decimals; allow one in the last place for their rounding.
    let ok = (got.0 - want.0).abs() < 1e-4 && (got.1 - want.1).abs() < 1e-4;
    assert!(ok, "{got:?} ≠ {want:?}");
}

/// Wilson intervals from Newcombe R. G. (1998), "Two-sided confidence intervals for the
/// single proportion: comparison of seven methods", Statistics in Medicine 17:857–872,
/// Table I. By hand for 81/263 (z² = 3.8416): centre (162 + 3.8416) / 533.6832 = 0.31075;
/// half-width 1.96 × √(3.8416 + 4 × 81 × 182/263) / 533.6832 = 1.96 × 15.101 / 533.68
/// = 0.05546; so 0.2553 to 0.3662.
#[test]
fn wilson_matches_newcombes_single_proportion_examples() {
    close(wilson(81, 263, 1.96).unwrap(), (0.2553, 0.3662));
    close(wilson(15, 148, 1.96).unwrap(), (0.0624, 0.1605));
    // 0/20: lower 0; upper z² / (n + z²) = 3.8416 / 23.8416 = 0.1611.
    close(wilson(0, 20, 1.96).unwrap(), (0.0, 0.1611));
    close(wilson(1, 29, 1.96).unwrap(), (0.0061, 0.1718));
    assert_eq!(wilson(0, 0, 1.96), None);
}

/// Newcombe R. G. (1998), "Interval estimation for the difference between independent
/// proportions: comparison of eleven methods", Statistics in Medicine 17:873–890, Table II,
/// method 10. By hand for 56/70 − 48/80: Wilson 56/70 is 0.6918 to 0.8770, 48/80 is 0.4905
/// to 0.7004; d = 0.2; lower 0.2 − √(0.1082² + 0.1004²) = 0.2 − 0.1476 = 0.0524; upper
/// 0.2 + √(0.0770² + 0.1095²) = 0.2 + 0.1339 = 0.3339.
#[test]
fn newcombe_matches_the_papers_examples() {
    close(newcombe(56, 70, 48, 80, 1.96).unwrap(), (0.0524, 0.3339));
    close(newcombe(9, 10, 3, 10, 1.96).unwrap(), (0.1705, 0.8090));
    close(newcombe(6, 7, 2, 7, 1.96).unwrap(), (0.0582, 0.8062));
    close(newcombe(5, 56, 0, 29, 1.96).unwrap(), (-0.0381, 0.1926));
    // Both 0: Wilson 0/10 is 0 to 0.2775 and 0/20 is 0 to 0.1611, so −0.1611 to 0.2775.
    close(newcombe(0, 10, 0, 20, 1.96).unwrap(), (-0.1611, 0.2775));
    // 10/10 − 0/20: Wilson 10/10 is 0.7225 to 1, so lower 1 − √(0.2775² + 0.1611²) = 0.6791.
    close(newcombe(10, 10, 0, 20, 1.96).unwrap(), (0.6791, 1.0));
    assert_eq!(newcombe(1, 0, 1, 2, 1.96), None);
}

/// Two-sided 97.5 % points of Student's t, from any printed table.
#[test]
fn t_quantiles_match_the_table() {
    for (df, t) in [
        (2.0, 4.3027),
        (5.0, 2.5706),
        (8.0, 2.3060),
        (10.0, 2.2281),
        (30.0, 2.0423),
        (f64::INFINITY, 1.9600),
    ] {
        let got = t_quantile(0.975, df);
        assert!((got - t).abs() < 1e-4, "t(0.975, {df}) = {got}, table {t}");
    }
    assert!((t_quantile(0.95, 10.0) - 1.8125).abs() < 1e-4);
}

/// 3 4 5 6 7 against 1 2 3 4 5: both variances 2.5, n 5, so se² = 0.5 + 0.5 = 1 and Welch's
/// df = 1 / (0.25/4 + 0.25/4) = 8; t(0.975, 8) = 2.3060, the interval 2 ± 2.3060.
#[test]
fn welch_on_a_hand_computed_sample() {
    let a = Sample::of(&[3.0, 4.0, 5.0, 6.0, 7.0]).unwrap();
    let b = Sample::of(&[1.0, 2.0, 3.0, 4.0, 5.0]).unwrap();
    assert_eq!((a.mean, a.variance, a.n), (5.0, 2.5, 5));
    close(welch(a, b, 0.95).unwrap(), (-0.3060, 4.3060));
}

/// Unequal spreads: 2 4 … 12 (mean 7, variance 70/5 = 14) against 1 … 5 (mean 3, variance
/// 2.5). se² = 14/6 + 2.5/5 = 2.8333, df = 2.8333² / ((14/6)²/5 + 0.5²/4) = 6.9723, between
/// the table's t(6) = 2.4469 and t(7) = 2.3646, so the half-width lies between
/// 2.3646 × 1.6833 = 3.980 and 2.4469 × 1.6833 = 4.119 and is near the t(7) end.
#[test]
fn welch_uses_fractional_degrees_of_freedom() {
    let a = Sample::of(&[2.0, 4.0, 6.0, 8.0, 10.0, 12.0]).unwrap();
    let b = Sample::of(&[1.0, 2.0, 3.0, 4.0, 5.0]).unwrap();
    let (lo, hi) = welch(a, b, 0.95).unwrap();
    let half = (hi - lo) / 2.0;
    assert!(((lo + hi) / 2.0 - 4.0).abs() < 1e-12);
    assert!(half > 3.980 && half < 3.990, "{half}");
    assert_eq!(Sample::of(&[1.0]), None);
    let flat = Sample::of(&[2.0, 2.0]).unwrap();
    assert_eq!(welch(flat, flat, 0.95), None);
}
