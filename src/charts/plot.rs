//! What the charts drawn with `plotters` share: the string-backed area, pixel rounding,
//! ink, text and dashed lines, and a readable type scale.

use super::svg::width_em;
use super::ChartError;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::Pos;

pub type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;
pub type Drawn = Result<(), ChartError>;

pub const INK: RGBColor = RGBColor(55, 65, 81);
pub const GRID: RGBColor = RGBColor(209, 213, 219);
pub const FONT: &str = "sans-serif";

/// Sizes as `plotters` takes them (it writes `font-size` = size / 1.24). Charts are
/// 720 units wide and shown about full width on a 768 px tablet, so the smallest, 17
/// (13.7 units), stays above 12 px down to a 630 px wide box.
pub const TITLE_PT: u32 = 24;
pub const LABEL_PT: u32 = 18;
pub const TICK_PT: u32 = 17;

pub fn px((x, y): (f64, f64)) -> (i32, i32) {
    (x.round() as i32, y.round() as i32)
}

/// A rough width in SVG units: there is no font to measure with, and the browser lays the
/// text out anyway; this only keeps labels inside the drawing and apart.
pub fn text_width(s: &str, pt: u32) -> f64 {
    width_em(s) * f64::from(pt) / 1.24
}

pub fn text(area: &Area, s: &str, at: (f64, f64), size: u32, pos: Pos) -> Drawn {
    let style = TextStyle::from((FONT, size).into_font())
        .color(&INK)
        .pos(pos);
    area.draw(&Text::new(s, px(at), style))?;
    Ok(())
}

/// A line through `points`, dashed (dash, gap) or solid.
pub fn line(
    area: &Area,
    points: Vec<(i32, i32)>,
    color: &RGBColor,
    width: u32,
    dash: Option<(i32, i32)>,
) -> Drawn {
    let style = color.stroke_width(width);
    match dash {
        Some((dash, gap)) => area.draw(&DashedPathElement::new(points, dash, gap, style)),
        None => area.draw(&PathElement::new(points, style)),
    }?;
    Ok(())
}

/// Round steps for an axis from `lo` to `hi`: 1, 2 or 5 times a power of ten, about
/// `count` of them. Returns the widened range (multiples of the step) and the step.
pub fn nice_range(lo: f64, hi: f64, count: usize) -> (f64, f64, f64) {
    let (lo, hi) = if hi > lo {
        (lo, hi)
    } else {
        (lo - 1.0, lo + 1.0)
    };
    let raw = (hi - lo) / count.max(1) as f64;
    let power = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|s| *s >= raw * 0.999)
        .unwrap_or(10.0 * power);
    let lo = (lo / step + 1e-9).floor() * step;
    let hi = (hi / step - 1e-9).ceil() * step;
    (lo, hi, step)
}

/// A tick number with as many decimals as the step needs ("2.5", "80").
pub fn tick_text(v: f64, step: f64) -> String {
    let decimals = if step >= 1.0 {
        0
    } else {
        (-step.log10()).ceil() as usize
    };
    // −0 would print as "-0".
    format!("{:.*}", decimals, v + 0.0)
}

/// Every how-many-th label to write so labels `widest` wide, one per `slot`, keep a gap of
/// at least `gap` between them.
pub fn label_step(widest: f64, slot: f64, gap: f64) -> usize {
    if slot <= 0.0 {
        return 1;
    }
    ((widest + gap) / slot).ceil().max(1.0) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_ranges_are_round() {
        assert_eq!(nice_range(0.0, 100.0, 5), (0.0, 100.0, 20.0));
        assert_eq!(nice_range(62.0, 91.0, 5), (60.0, 100.0, 10.0));
        assert_eq!(nice_range(1.2, 4.6, 5), (1.0, 5.0, 1.0));
        let (lo, hi, step) = nice_range(3.0, 3.0, 5);
        assert!(lo <= 3.0 && hi >= 3.0 && step > 0.0);
    }

    #[test]
    fn label_steps_keep_labels_apart() {
        assert_eq!(label_step(30.0, 50.0, 8.0), 1);
        // 38 + 8 = 46 units for each label on 12-unit slots: every 4th (48 ≥ 46).
        assert_eq!(label_step(38.0, 12.0, 8.0), 4);
        assert_eq!(label_step(40.0, 12.0, 8.0), 4);
        assert_eq!(label_step(41.0, 12.0, 8.0), 5);
    }

    #[test]
    fn ticks_show_the_decimals_the_step_needs() {
        assert_eq!(tick_text(80.0, 20.0), "80");
        assert_eq!(tick_text(2.5, 0.5), "2.5");
        assert_eq!(tick_text(0.25, 0.05), "0.25");
        assert_eq!(tick_text(-0.0, 1.0), "0");
    }
}
