//! A KPI over time: one value per week or month joined by a line, gaps where a bucket has
//! no data, and the target as a dashed line; plus the tiny sparkline of a KPI tile.

use super::plot::{self, label_step, nice_range, px, text_width, tick_text, GRID, INK};
use super::svg::with_title;
use super::ChartError;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::fmt::Write;

pub struct TrendSpec<'a> {
    pub title: &'a str,
    /// The x labels, one per bucket, e.g. "11-03" or "2026-10".
    pub buckets: &'a [String],
    /// One per bucket; `None` where the bucket has no data (drawn as a gap, never as 0).
    pub values: &'a [Option<f64>],
    /// The target and its label as the reader reads it ("Target 85 %").
    pub target: Option<(f64, &'a str)>,
    /// The range the measure lives in (0–100 for a %, −100–100 for NPS), widened to hold
    /// every value and the target; `None` takes the range from the data.
    pub y_range: Option<(f64, f64)>,
}

pub const WIDTH: u32 = 720;
pub const HEIGHT: u32 = 360;
const TITLE_H: f64 = 40.0;
const LEFT: f64 = 64.0;
const RIGHT_PAD: f64 = 24.0;
const TOP_PAD: f64 = 16.0;
const BOTTOM_PAD: f64 = 40.0;
const LABEL_GAP: f64 = 12.0;

const SERIES: RGBColor = RGBColor(37, 99, 235);
const TARGET: RGBColor = RGBColor(21, 128, 61);

/// Where things go: the plot box, the y scale and which x labels are written.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendLayout {
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
    /// The y axis from `lo` to `hi` in ticks of `step`.
    pub lo: f64,
    pub hi: f64,
    pub step: f64,
    /// The width each bucket gets; its point sits in the middle.
    pub slot: f64,
    /// Every `label_step`-th x label is written, counted back from the last bucket.
    pub label_step: usize,
}

impl TrendLayout {
    pub fn x(&self, bucket: usize) -> f64 {
        self.left + (bucket as f64 + 0.5) * self.slot
    }

    pub fn y(&self, value: f64) -> f64 {
        self.bottom - (value - self.lo) / (self.hi - self.lo) * (self.bottom - self.top)
    }

    /// Whether bucket `i` of `n` gets its label; the latest always does.
    pub fn labelled(&self, i: usize, n: usize) -> bool {
        (n - 1 - i).is_multiple_of(self.label_step)
    }
}

fn finite(v: &Option<f64>) -> Option<f64> {
    v.filter(|v| v.is_finite())
}

/// The runs of consecutive buckets with data, as (bucket, value): each run is one line, so
/// a bucket without data splits the line instead of dropping it to 0.
pub fn runs(values: &[Option<f64>]) -> Vec<Vec<(usize, f64)>> {
    let mut out: Vec<Vec<(usize, f64)>> = Vec::new();
    let mut run = Vec::new();
    for (i, v) in values.iter().enumerate() {
        match finite(v) {
            Some(v) => run.push((i, v)),
            None if !run.is_empty() => out.push(std::mem::take(&mut run)),
            None => {}
        }
    }
    if !run.is_empty() {
        out.push(run);
    }
    out
}

pub fn trend_layout(spec: &TrendSpec) -> TrendLayout {
    let mut seen = spec.values.iter().filter_map(finite).collect::<Vec<_>>();
    seen.extend(spec.target.map(|t| t.0).filter(|t| t.is_finite()));
    if let Some((lo, hi)) = spec.y_range {
        seen.extend([lo, hi].into_iter().filter(|v| v.is_finite()));
    }
    let lo = seen.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = seen.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let (lo, hi, step) = if seen.is_empty() {
        nice_range(0.0, 1.0, 5)
    } else {
        nice_range(lo, hi, 5)
    };
    let (left, right) = (LEFT, f64::from(WIDTH) - RIGHT_PAD);
    let slot = (right - left) / spec.buckets.len().max(1) as f64;
    let widest = spec
        .buckets
        .iter()
        .map(|b| text_width(b, plot::TICK_PT))
        .fold(0.0, f64::max);
    TrendLayout {
        left,
        right,
        top: TITLE_H + TOP_PAD,
        bottom: f64::from(HEIGHT) - BOTTOM_PAD,
        lo,
        hi,
        step,
        slot,
        label_step: label_step(widest, slot, LABEL_GAP),
    }
}

/// The trend as a standalone SVG document, named by its title for screen readers.
pub fn trend_svg(spec: &TrendSpec) -> Result<String, ChartError> {
    let n = spec.buckets.len();
    if n == 0 {
        return Err(ChartError::Empty);
    }
    if spec.values.len() != n {
        return Err(ChartError::Length {
            buckets: n,
            values: spec.values.len(),
        });
    }
    let l = trend_layout(spec);
    let mut buf = String::new();
    {
        let area = SVGBackend::with_string(&mut buf, (WIDTH, HEIGHT)).into_drawing_area();
        let center = Pos::new(HPos::Center, VPos::Center);
        let title_at = (f64::from(WIDTH) / 2.0, TITLE_H / 2.0);
        plot::text(&area, spec.title, title_at, plot::TITLE_PT, center)?;

        let ticks = ((l.hi - l.lo) / l.step).round() as usize;
        for k in 0..=ticks {
            let v = l.lo + k as f64 * l.step;
            let y = l.y(v);
            let color = if k == 0 { INK } else { GRID };
            plot::line(
                &area,
                vec![px((l.left, y)), px((l.right, y))],
                &color,
                1,
                None,
            )?;
            let at = (l.left - 8.0, y);
            let right = Pos::new(HPos::Right, VPos::Center);
            plot::text(&area, &tick_text(v, l.step), at, plot::TICK_PT, right)?;
        }
        for (i, label) in spec.buckets.iter().enumerate() {
            if l.labelled(i, n) {
                let top = Pos::new(HPos::Center, VPos::Top);
                plot::text(&area, label, (l.x(i), l.bottom + 8.0), plot::TICK_PT, top)?;
            }
        }

        if let Some((target, label)) = spec.target.filter(|t| t.0.is_finite()) {
            let y = l.y(target);
            let ends = vec![px((l.left, y)), px((l.right, y))];
            plot::line(&area, ends, &TARGET, 2, Some((8, 5)))?;
            let above = Pos::new(HPos::Right, VPos::Bottom);
            plot::text(&area, label, (l.right, y - 4.0), plot::TICK_PT, above)?;
        }

        for run in runs(spec.values) {
            let points: Vec<(i32, i32)> = run.iter().map(|&(i, v)| px((l.x(i), l.y(v)))).collect();
            if points.len() > 1 {
                plot::line(&area, points.clone(), &SERIES, 3, None)?;
            }
            for p in points {
                area.draw(&Circle::new(p, 4, SERIES.filled()))?;
            }
        }
        area.present()?;
    }
    Ok(with_title(buf, spec.title))
}

const SPARK_W: f64 = 80.0;
const SPARK_H: f64 = 24.0;
const SPARK_PAD: f64 = 3.0;

/// An 80 × 24 line for a KPI tile, in the tile's text colour (`currentColor`). Hidden from
/// screen readers: the tile says the number in words. Gaps where there is no data; the
/// latest value is marked with a dot.
pub fn sparkline_svg(values: &[Option<f64>]) -> String {
    let seen: Vec<f64> = values.iter().filter_map(finite).collect();
    let lo = seen.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = seen.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let slot = (SPARK_W - 2.0 * SPARK_PAD) / values.len().saturating_sub(1).max(1) as f64;
    let x = |i: usize| SPARK_PAD + i as f64 * slot;
    // A flat series sits in the middle rather than dividing by a zero range.
    let y = |v: f64| {
        if hi > lo {
            SPARK_H - SPARK_PAD - (v - lo) / (hi - lo) * (SPARK_H - 2.0 * SPARK_PAD)
        } else {
            SPARK_H / 2.0
        }
    };
    let mut out = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{SPARK_W}" height="{SPARK_H}" viewBox="0 0 {SPARK_W} {SPARK_H}" aria-hidden="true" focusable="false">"#
    );
    let runs = runs(values);
    for run in &runs {
        let points: Vec<String> = run
            .iter()
            .map(|&(i, v)| format!("{:.1},{:.1}", x(i), y(v)))
            .collect();
        // A lone value has no line; the dot below (or the one here) shows it.
        if points.len() > 1 {
            let _ = write!(
                out,
                r#"<polyline points="{}" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round"/>"#,
                points.join(" ")
            );
        }
    }
    let split = runs.split_last();
    let earlier = split.map_or(&[][..], |(_, earlier)| earlier);
    let dots = earlier.iter().filter(|r| r.len() == 1).map(|r| (r[0], 1.5));
    let latest = split.and_then(|(last, _)| last.last()).map(|&p| (p, 2.5));
    for ((i, v), r) in dots.chain(latest) {
        let _ = write!(
            out,
            r#"<circle cx="{:.1}" cy="{:.1}" r="{r}" fill="currentColor"/>"#,
            x(i),
            y(v)
        );
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::svg::check::{finite as no_nan, numbers, well_formed};

    fn weeks(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("11-{:02}", i % 28 + 1)).collect()
    }

    /// The (x, y) corners of every polyline stroked in `color`.
    fn polylines(svg: &str, color: &str) -> Vec<Vec<(f64, f64)>> {
        svg.split("<polyline ")
            .skip(1)
            .map(|el| &el[..el.find("/>").unwrap()])
            .filter(|el| el.contains(&format!("stroke=\"{color}\"")))
            .map(|el| {
                let pts = &el[el.find("points=\"").unwrap() + 8..];
                pts[..pts.find('"').unwrap()]
                    .split_whitespace()
                    .map(|p| {
                        let (x, y) = p.split_once(',').unwrap();
                        (x.parse().unwrap(), y.parse().unwrap())
                    })
                    .collect()
            })
            .collect()
    }

    const BLUE: &str = "#2563EB";
    const GREEN: &str = "#15803D";

    #[test]
    fn runs_split_at_missing_buckets() {
        let v = [
            Some(1.0),
            None,
            Some(2.0),
            Some(3.0),
            Some(f64::NAN),
            None,
            Some(4.0),
        ];
        assert_eq!(
            runs(&v),
            vec![vec![(0, 1.0)], vec![(2, 2.0), (3, 3.0)], vec![(6, 4.0)]]
        );
        assert!(runs(&[None, None]).is_empty());
    }

    fn spec<'a>(buckets: &'a [String], values: &'a [Option<f64>]) -> TrendSpec<'a> {
        TrendSpec {
            title: "CSAT",
            buckets,
            values,
            target: Some((85.0, "Target 85 %")),
            y_range: Some((0.0, 100.0)),
        }
    }

    #[test]
    fn the_scale_holds_the_range_the_data_and_the_target() {
        let b = weeks(3);
        let l = trend_layout(&spec(&b, &[Some(80.0), None, Some(90.0)]));
        assert_eq!((l.lo, l.hi, l.step), (0.0, 100.0, 20.0));
        // The plot runs from y = 40 + 16 = 56 (100) to 360 − 40 = 320 (0).
        assert_eq!((l.top, l.bottom), (56.0, 320.0));
        assert!((l.y(80.0) - (320.0 - 0.8 * 264.0)).abs() < 1e-9);
        // Three buckets over 64..696: slots of 632 / 3, points in their middles.
        assert!((l.x(0) - (64.0 + 632.0 / 6.0)).abs() < 1e-9);

        let mut s = spec(&b, &[Some(120.0), None, Some(-10.0)]);
        s.target = Some((130.0, "t"));
        let l = trend_layout(&s);
        assert!(l.lo <= -10.0 && l.hi >= 130.0);
        s.y_range = None;
        s.values = &[Some(3.2), Some(4.1), None];
        s.target = Some((4.5, "t"));
        let l = trend_layout(&s);
        assert_eq!((l.lo, l.hi, l.step), (3.0, 4.5, 0.5));
    }

    #[test]
    fn a_missing_bucket_is_a_gap_not_a_zero() {
        let b = weeks(5);
        let v = [Some(80.0), Some(82.0), None, Some(90.0), Some(91.0)];
        let s = spec(&b, &v);
        let svg = trend_svg(&s).unwrap();
        well_formed(&svg);
        no_nan(&svg);
        let l = trend_layout(&s);
        let lines = polylines(&svg, BLUE);
        assert_eq!(lines.len(), 2, "the line is split at the gap");
        let want = |i: usize, v: f64| (l.x(i).round(), l.y(v).round());
        assert_eq!(lines[0], vec![want(0, 80.0), want(1, 82.0)]);
        assert_eq!(lines[1], vec![want(3, 90.0), want(4, 91.0)]);
        // One dot per value, none at the gap's bucket or at 0.
        let cy = numbers(&svg, "circle", "cy");
        let cx = numbers(&svg, "circle", "cx");
        assert_eq!(cy.len(), 4);
        assert!(!cy.contains(&l.y(0.0).round()));
        assert!(!cx.contains(&l.x(2).round()));
    }

    #[test]
    fn the_target_is_a_dashed_line_at_its_value() {
        let b = weeks(4);
        let v = [Some(70.0); 4];
        let s = spec(&b, &v);
        let svg = trend_svg(&s).unwrap();
        // 85 of 0..100 on 320..56: 320 − 0.85 · 264 = 95.6, drawn at 96.
        let dashes = polylines(&svg, GREEN);
        assert!(dashes.len() > 10, "dashed, in many pieces");
        assert!(dashes.iter().flatten().all(|&(_, y)| y == 96.0));
        let xs: Vec<f64> = dashes.iter().flatten().map(|p| p.0).collect();
        assert_eq!(xs.iter().copied().fold(f64::MAX, f64::min), 64.0);
        assert!(svg.contains(">\nTarget 85 %\n</text>"));
        let none = TrendSpec { target: None, ..s };
        assert!(polylines(&trend_svg(&none).unwrap(), GREEN).is_empty());
    }

    #[test]
    fn labels_are_text() {
        let b = vec!["<b>".to_string(), "a & b".to_string()];
        let v = [Some(1.0), Some(2.0)];
        let s = TrendSpec {
            title: "<script>alert(1)</script>",
            target: Some((1.5, "\"x\"")),
            ..spec(&b, &v)
        };
        let svg = trend_svg(&s).unwrap();
        well_formed(&svg);
        assert!(svg.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>"));
        assert!(svg.contains("aria-label=\"&lt;script&gt;alert(1)&lt;/script&gt;\""));
        assert!(svg.contains("&lt;b&gt;") && svg.contains("a &amp; b"));
        assert!(!svg.contains("<script") && !svg.contains("<b>"));
        assert!(svg.starts_with("<svg role=\"img\" "));
        assert!(svg.contains("viewBox=\"0 0 720 360\""));
    }

    #[test]
    fn many_buckets_are_thinned_so_labels_never_overlap() {
        let b = weeks(52);
        let v: Vec<Option<f64>> = (0..52).map(|i| Some(f64::from(i))).collect();
        let s = TrendSpec {
            y_range: None,
            target: None,
            ..spec(&b, &v)
        };
        let svg = trend_svg(&s).unwrap();
        let l = trend_layout(&s);
        let labelled: Vec<usize> = (0..52).filter(|&i| l.labelled(i, 52)).collect();
        assert!(labelled.len() < 52 && labelled.contains(&51));
        // Every written label is where its bucket is, and far enough from the next.
        let xs: Vec<f64> = labelled.iter().map(|&i| l.x(i).round()).collect();
        let text_xs = numbers(&svg, "text", "x");
        for x in &xs {
            assert!(text_xs.contains(x));
        }
        let widest = text_width("11-01", plot::TICK_PT);
        assert!(xs
            .windows(2)
            .all(|w| w[1] - w[0] >= widest + LABEL_GAP - 1.0));
        // Text at least 13 units (12 px at 768 px width on a 720-unit drawing).
        assert!(numbers(&svg, "text", "font-size")
            .iter()
            .all(|&f| f >= 13.0));
        // Few buckets: all labelled.
        let b = weeks(6);
        let l = trend_layout(&spec(&b, &[None; 6]));
        assert!((0..6).all(|i| l.labelled(i, 6)));
    }

    #[test]
    fn no_data_draws_the_axes_only() {
        let b = weeks(3);
        let s = TrendSpec {
            y_range: None,
            target: None,
            ..spec(&b, &[None; 3])
        };
        let svg = trend_svg(&s).unwrap();
        well_formed(&svg);
        no_nan(&svg);
        assert!(polylines(&svg, BLUE).is_empty());
        assert!(!svg.contains("<circle"));
    }

    #[test]
    fn bad_input_is_refused() {
        let b = weeks(3);
        assert_eq!(trend_svg(&spec(&[], &[])), Err(ChartError::Empty));
        assert_eq!(
            trend_svg(&spec(&b, &[Some(1.0)])),
            Err(ChartError::Length {
                buckets: 3,
                values: 1
            })
        );
    }

    #[test]
    fn sparklines_have_gaps_and_stay_finite() {
        let svg = sparkline_svg(&[Some(1.0), Some(3.0), None, Some(2.0), Some(2.0)]);
        well_formed(&svg);
        assert!(svg.contains("aria-hidden=\"true\"") && svg.contains("viewBox=\"0 0 80 24\""));
        assert_eq!(svg.matches("<polyline").count(), 2);
        // Five buckets over 3..77: 18.5 apart. 1 is the bottom (21), 3 the top (3).
        assert!(svg.contains(r#"points="3.0,21.0 21.5,3.0""#));
        assert!(svg.contains(r#"<circle cx="77.0" cy="12.0" r="2.5""#));
        for flat in [
            vec![Some(5.0); 3],
            vec![Some(5.0)],
            vec![],
            vec![None, None],
        ] {
            let svg = sparkline_svg(&flat);
            well_formed(&svg);
            no_nan(&svg);
        }
        // A lone value between gaps is a dot, not nothing; the latest is one dot too.
        let lone = sparkline_svg(&[Some(1.0), None, Some(2.0), Some(3.0)]);
        assert_eq!(lone.matches("<circle").count(), 2);
        let lone = sparkline_svg(&[Some(1.0), Some(2.0), None, Some(4.0), None]);
        assert_eq!(lone.matches("<circle").count(), 1);
    }
}
