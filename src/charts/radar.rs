//! The capability radar: one person's scores on every capability, over the team average,
//! the target and the previous period, on the same scale on every axis.

use super::plot::{self, px, text_width, FONT, GRID, INK};
use super::svg::{self, with_title};
use super::ChartError;
use crate::domain::sort;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::f64::consts::PI;

/// A radar needs a shape (3 axes) and stays readable up to 12.
pub const AXES: std::ops::RangeInclusive<usize> = 3..=12;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RadarError {
    /// Fewer than 3 or more than 12 axes (the count given).
    AxisCount(usize),
    /// The scale's maximum is not a positive number.
    BadMax,
    /// Series `index` has not one value per axis.
    SeriesLength { index: usize },
    /// `plotters` refused to draw (not expected with a string target).
    Draw,
}

impl From<ChartError> for RadarError {
    fn from(_: ChartError) -> Self {
        RadarError::Draw
    }
}

/// The corners of a radar polygon. Axis `i` points at −90° + i·360°/n from the centre in
/// SVG coordinates (y down): the first axis straight up, then clockwise. Each score sits at
/// r·score/max, the score clamped to 0..=max (NaN counts as 0).
pub fn radar_points(
    scores: &[f64],
    max: f64,
    cx: f64,
    cy: f64,
    r: f64,
) -> Result<Vec<(f64, f64)>, RadarError> {
    if !AXES.contains(&scores.len()) {
        return Err(RadarError::AxisCount(scores.len()));
    }
    if !(max > 0.0 && max.is_finite()) {
        return Err(RadarError::BadMax);
    }
    let n = scores.len() as f64;
    Ok(scores
        .iter()
        .enumerate()
        .map(|(i, &s)| {
            let s = if s.is_nan() { 0.0 } else { s.clamp(0.0, max) };
            let (sin, cos) = angle(i, n).sin_cos();
            let rho = r * s / max;
            (cx + rho * cos, cy + rho * sin)
        })
        .collect())
}

fn angle(i: usize, n: f64) -> f64 {
    -PI / 2.0 + i as f64 * 2.0 * PI / n
}

/// How a series is drawn, and its place in the stack (people on top).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum SeriesKind {
    Target,
    TeamAverage,
    PreviousPeriod,
    Person,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RadarSeries {
    /// Shown in the legend, as text.
    pub label: String,
    /// One per axis, in axis order.
    pub values: Vec<f64>,
    pub kind: SeriesKind,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RadarSpec {
    pub title: String,
    /// Already translated; one per axis.
    pub axes: Vec<String>,
    pub series: Vec<RadarSeries>,
    /// The scale's top, 5.0 for capability scores; a grid ring at every whole number.
    pub max: f64,
    /// Width and height in SVG units (the drawing scales through its viewBox).
    pub size: u32,
}

const PERSON: RGBColor = RGBColor(37, 99, 235);
const TEAM: RGBColor = RGBColor(234, 88, 12);
const TARGET: RGBColor = RGBColor(22, 163, 74);
const PREVIOUS: RGBColor = RGBColor(107, 114, 128);

const TITLE_H: f64 = 32.0;
const LEGEND_ROW: f64 = 20.0;
/// Font sizes as `plotters` takes them (it writes `font-size` = size / 1.24).
const TITLE_PT: u32 = 22;
const LABEL_PT: u32 = 16;
/// At least 12 px when the chart is drawn at its own size (the small multiples are).
const TICK_PT: u32 = 15;
const LABEL_LINE: f64 = 15.0;
/// Axis labels wider than this (estimated) wrap once, at the space nearest their middle.
const LABEL_WRAP: f64 = 90.0;

/// No line of an axis label is wider than this: the rest is cut with "…".
const LABEL_MAX: f64 = 2.0 * LABEL_WRAP;

/// One or two lines: long names ("Professional knowledge") would push the rings to nothing,
/// and a name with no space to break at, or an 80-character one, is cut.
fn wrap(label: &str) -> Vec<String> {
    if text_width(label, LABEL_PT) <= LABEL_WRAP {
        return vec![label.to_string()];
    }
    let middle = label.len() / 2;
    let split = label
        .match_indices(' ')
        .map(|(i, _)| i)
        .min_by_key(|i| i.abs_diff(middle));
    let lines = match split {
        Some(i) => vec![&label[..i], &label[i + 1..]],
        None => vec![label],
    };
    if lines.iter().all(|l| text_width(l, LABEL_PT) <= LABEL_MAX) {
        return lines.into_iter().map(str::to_string).collect();
    }
    // `text_width` is ems × pt ÷ 1.24.
    let em = LABEL_MAX * 1.24 / f64::from(LABEL_PT);
    svg::wrap(label, em, 2)
}

/// A legend label as SVG text, written here rather than by `plotters`, which cannot give an
/// element a `<title>`: a label wider than `room` (a long name) is cut with "…", and the
/// whole label is then its `<title>`, for the pointer and for screen readers.
fn legend_text(label: &str, (x, y): (f64, f64), room: f64) -> String {
    let size = f64::from(LABEL_PT) / 1.24;
    let (shown, title) = if text_width(label, LABEL_PT) <= room {
        (label.to_string(), String::new())
    } else {
        let cut = svg::wrap(label, room / size, 1).concat();
        (cut, format!("<title>{}</title>", svg::escape(label)))
    };
    let RGBColor(r, g, b) = INK;
    format!(
        "<text x=\"{}\" y=\"{}\" dy=\"0.5ex\" text-anchor=\"start\" font-family=\"{FONT}\" font-size=\"{size:.3}\" fill=\"#{r:02X}{g:02X}{b:02X}\">{title}{}</text>\n",
        x.round(),
        y.round(),
        svg::escape(&shown),
    )
}

impl SeriesKind {
    fn color(self) -> &'static RGBColor {
        match self {
            SeriesKind::Person => &PERSON,
            SeriesKind::TeamAverage => &TEAM,
            SeriesKind::Target => &TARGET,
            SeriesKind::PreviousPeriod => &PREVIOUS,
        }
    }

    /// Dash and gap lengths; `None` for a solid line. Kinds differ by line, not only by
    /// colour, so the chart still reads in grey or for colour-blind eyes.
    fn dash(self) -> Option<(i32, i32)> {
        match self {
            SeriesKind::TeamAverage => Some((8, 4)),
            SeriesKind::Target => Some((3, 3)),
            SeriesKind::Person | SeriesKind::PreviousPeriod => None,
        }
    }

    fn width(self) -> u32 {
        match self {
            SeriesKind::PreviousPeriod => 1,
            _ => 2,
        }
    }
}

/// The radar as a standalone SVG document. Every label is text: `plotters` escapes what it
/// writes, and the `<title>` added here for screen readers is escaped too.
pub fn radar_svg(spec: &RadarSpec) -> Result<String, RadarError> {
    let n = spec.axes.len();
    if let Some(index) = spec.series.iter().position(|s| s.values.len() != n) {
        return Err(RadarError::SeriesLength { index });
    }
    let size = f64::from(spec.size);
    let legend_h = LEGEND_ROW * spec.series.len() as f64 + 8.0;
    let plot_h = size - TITLE_H - legend_h;
    let labels: Vec<Vec<String>> = spec.axes.iter().map(|a| wrap(a)).collect();
    let widest = labels
        .iter()
        .flatten()
        .map(|l| text_width(l, LABEL_PT))
        .fold(0.0, f64::max);
    // Room around the rings for the axis labels, but never less than a readable radar.
    let r = (size / 2.0 - 16.0 - widest)
        .min(plot_h / 2.0 - 2.0 * LABEL_LINE)
        .max(size * 0.2);
    let (cx, cy) = (size / 2.0, TITLE_H + plot_h / 2.0);
    let ring = |k: f64| radar_points(&vec![k; n], spec.max, cx, cy, r);
    let outer = ring(spec.max)?;

    let mut buf = String::new();
    let legend = {
        let area = SVGBackend::with_string(&mut buf, (spec.size, spec.size)).into_drawing_area();
        let center = Pos::new(HPos::Center, VPos::Center);
        plot::text(&area, &spec.title, (cx, TITLE_H / 2.0), TITLE_PT, center)?;

        let whole = (1..).map(f64::from).take_while(|k| *k <= spec.max);
        for k in whole {
            let mut pts: Vec<(i32, i32)> = ring(k)?.into_iter().map(px).collect();
            pts.push(pts[0]);
            area.draw(&PathElement::new(pts, GRID.stroke_width(1)))
                .map_err(|_| RadarError::Draw)?;
            // Ticks hang just inside their ring, so the top one stays clear of the label
            // of the first axis, which sits above the outer ring.
            let tick = Pos::new(HPos::Left, VPos::Top);
            plot::text(
                &area,
                &k.to_string(),
                (cx + 4.0, cy - r * k / spec.max + 3.0),
                TICK_PT,
                tick,
            )?;
        }
        for (i, (&end, lines)) in outer.iter().zip(&labels).enumerate() {
            area.draw(&PathElement::new(
                vec![px((cx, cy)), px(end)],
                GRID.stroke_width(1),
            ))
            .map_err(|_| RadarError::Draw)?;
            let (sin, cos) = angle(i, n as f64).sin_cos();
            let h = match cos {
                c if c > 0.3 => HPos::Left,
                c if c < -0.3 => HPos::Right,
                _ => HPos::Center,
            };
            let v = match sin {
                s if s > 0.3 => VPos::Top,
                s if s < -0.3 => VPos::Bottom,
                _ => VPos::Center,
            };
            // Lines stack away from the rings: downwards below, upwards above.
            let first = match v {
                VPos::Top => 0.0,
                VPos::Bottom => -(lines.len() as f64 - 1.0),
                VPos::Center => -(lines.len() as f64 - 1.0) / 2.0,
            };
            for (j, l) in lines.iter().enumerate() {
                let dy = (first + j as f64) * LABEL_LINE;
                let at = (cx + (r + 10.0) * cos, cy + (r + 10.0) * sin + dy);
                plot::text(&area, l, at, LABEL_PT, Pos::new(h, v))?;
            }
        }

        let mut stack: Vec<&RadarSeries> = spec.series.iter().collect();
        sort::by_key(&mut stack, |s| s.kind);
        for s in stack {
            let pts: Vec<(i32, i32)> = radar_points(&s.values, spec.max, cx, cy, r)?
                .into_iter()
                .map(px)
                .collect();
            if s.kind == SeriesKind::Person {
                area.draw(&Polygon::new(pts.clone(), PERSON.mix(0.2).filled()))
                    .map_err(|_| RadarError::Draw)?;
                for p in &pts {
                    area.draw(&Circle::new(*p, 3, PERSON.filled()))
                        .map_err(|_| RadarError::Draw)?;
                }
            }
            let mut closed = pts;
            closed.push(closed[0]);
            plot::line(&area, closed, s.kind.color(), s.kind.width(), s.kind.dash())?;
        }

        let mut legend = String::new();
        for (row, s) in spec.series.iter().enumerate() {
            let y = size - legend_h + 4.0 + LEGEND_ROW * (row as f64 + 0.5);
            let x = 16.0;
            if s.kind == SeriesKind::Person {
                let corners = [px((x, y - 5.0)), px((x + 24.0, y + 5.0))];
                area.draw(&Rectangle::new(corners, PERSON.mix(0.2).filled()))
                    .map_err(|_| RadarError::Draw)?;
            }
            let sample = vec![px((x, y)), px((x + 24.0, y))];
            plot::line(&area, sample, s.kind.color(), s.kind.width(), s.kind.dash())?;
            legend.push_str(&legend_text(&s.label, (x + 32.0, y), size - x - 32.0 - 8.0));
        }
        area.present().map_err(|_| RadarError::Draw)?;
        legend
    };
    // The legend's labels go in last, on top, before the closing tag.
    let end = buf.rfind("</svg>").ok_or(RadarError::Draw)?;
    buf.insert_str(end, &legend);
    Ok(with_title(buf, &spec.title))
}

#[cfg(test)]
mod tests {
    use super::super::svg::width_em;
    use super::*;

    fn close(got: &[(f64, f64)], want: &[(f64, f64)]) {
        assert_eq!(got.len(), want.len());
        for (g, w) in got.iter().zip(want) {
            assert!(
                (g.0 - w.0).abs() < 1e-9 && (g.1 - w.1).abs() < 1e-9,
                "{g:?} != {w:?}"
            );
        }
    }

    const S3: f64 = 1.732_050_807_568_877_2; // √3

    #[test]
    fn three_axes_start_up_and_turn_clockwise() {
        // Full scores on r = 50 around (100, 100), angles −90°, 30°, 150°:
        // (100, 50), (100 + 50·cos 30°, 100 + 50·sin 30°) = (100 + 25√3, 125), mirrored.
        let p = radar_points(&[5.0, 5.0, 5.0], 5.0, 100.0, 100.0, 50.0).unwrap();
        close(
            &p,
            &[
                (100.0, 50.0),
                (100.0 + 25.0 * S3, 125.0),
                (100.0 - 25.0 * S3, 125.0),
            ],
        );
    }

    #[test]
    fn four_axes_scale_with_the_score() {
        // Up, right, down, left; 2.5 of 5 is half the radius, 0 is the centre.
        let p = radar_points(&[5.0, 2.5, 0.0, 5.0], 5.0, 100.0, 100.0, 50.0).unwrap();
        close(
            &p,
            &[(100.0, 50.0), (125.0, 100.0), (100.0, 100.0), (50.0, 100.0)],
        );
    }

    #[test]
    fn six_axes() {
        // 4 of 5 on r = 50 → 40 from the centre; angles −90°, −30°, 30°, 90°, 150°, 210°:
        // 40·cos 30° = 20√3, 40·sin 30° = 20.
        let p = radar_points(&[4.0; 6], 5.0, 100.0, 100.0, 50.0).unwrap();
        let d = 20.0 * S3;
        close(
            &p,
            &[
                (100.0, 60.0),
                (100.0 + d, 80.0),
                (100.0 + d, 120.0),
                (100.0, 140.0),
                (100.0 - d, 120.0),
                (100.0 - d, 80.0),
            ],
        );
    }

    #[test]
    fn scores_are_clamped_to_the_scale() {
        // 7 → 5 (the rim), −1 and NaN → 0 (the centre).
        let p = radar_points(&[7.0, -1.0, f64::NAN], 5.0, 100.0, 100.0, 50.0).unwrap();
        close(&p, &[(100.0, 50.0), (100.0, 100.0), (100.0, 100.0)]);
    }

    #[test]
    fn axis_count_and_max_are_checked() {
        let at = |s: &[f64], max| radar_points(s, max, 0.0, 0.0, 1.0).map(|_| ());
        assert_eq!(at(&[1.0; 2], 5.0), Err(RadarError::AxisCount(2)));
        assert_eq!(at(&[1.0; 13], 5.0), Err(RadarError::AxisCount(13)));
        assert_eq!(at(&[1.0; 12], 5.0), Ok(()));
        assert_eq!(at(&[1.0; 3], 0.0), Err(RadarError::BadMax));
    }

    fn spec() -> RadarSpec {
        let series = |label: &str, v: f64, kind| RadarSeries {
            label: label.into(),
            values: vec![v; 4],
            kind,
        };
        RadarSpec {
            title: "Q4 & <b>".into(),
            axes: vec![
                "<script>alert(1)</script>".into(),
                "沟通技巧".into(),
                "Empathy".into(),
                "Speed".into(),
            ],
            series: vec![
                series("<img src=x onerror=alert(1)>", 3.5, SeriesKind::Person),
                series("Team", 3.0, SeriesKind::TeamAverage),
                series("Target", 4.0, SeriesKind::Target),
                series("Last month", 2.0, SeriesKind::PreviousPeriod),
            ],
            max: 5.0,
            size: 400,
        }
    }

    /// The estimated box of every `<text>` the chart writes: (content, font size, left,
    /// top, right, bottom), from its anchor and baseline shift as `plotters` writes them.
    fn text_boxes(svg: &str) -> Vec<(String, f64, [f64; 4])> {
        let attr = |tag: &str, name: &str| -> String {
            let key = format!(" {name}=\"");
            tag.find(&key)
                .map(|i| &tag[i + key.len()..])
                .and_then(|rest| rest.split('"').next())
                .unwrap_or_default()
                .to_string()
        };
        svg.split("<text")
            .skip(1)
            .map(|part| {
                let (tag, rest) = part.split_once('>').unwrap();
                let content = rest.split("</text>").next().unwrap().trim().to_string();
                let num = |n: &str| attr(tag, n).parse::<f64>().unwrap();
                let (x, y, fs) = (num("x"), num("y"), num("font-size"));
                let w = width_em(&content) * fs;
                let left = match attr(tag, "text-anchor").as_str() {
                    "middle" => x - w / 2.0,
                    "end" => x - w,
                    _ => x,
                };
                let top = match attr(tag, "dy").as_str() {
                    "-0.5ex" => y - fs,
                    "0.5ex" => y - fs / 2.0,
                    _ => y,
                };
                (content, fs, [left, top, left + w, top + fs])
            })
            .collect()
    }

    #[test]
    fn tick_labels_keep_clear_of_axis_labels() {
        for axes in [3, 4, 5, 6, 8, 12] {
            let mut s = spec();
            s.axes = (0..axes).map(|i| format!("Capability {i}")).collect();
            s.axes[0] = "Professional knowledge".into();
            s.series.iter_mut().for_each(|x| x.values = vec![3.0; axes]);
            for size in [360, 560] {
                s.size = size;
                let boxes = text_boxes(&radar_svg(&s).unwrap());
                let tick_fs = f64::from(TICK_PT) / 1.24;
                let (ticks, others): (Vec<_>, Vec<_>) = boxes.iter().partition(|(t, fs, _)| {
                    (*fs - tick_fs).abs() < 1e-6 && t.parse::<f64>().is_ok()
                });
                assert_eq!(ticks.len(), 5);
                for (t, _, a) in &ticks {
                    for (o, _, b) in &others {
                        // At least 2 units apart on one axis.
                        let apart = a[2] + 2.0 <= b[0]
                            || b[2] + 2.0 <= a[0]
                            || a[3] + 2.0 <= b[1]
                            || b[3] + 2.0 <= a[1];
                        assert!(apart, "tick {t} overlaps {o:?} ({axes} axes, size {size})");
                    }
                }
            }
        }
    }

    #[test]
    fn every_text_is_at_least_12_units() {
        // Drawn at its own size (as the small multiples are), no text is below 12 px.
        let boxes = text_boxes(&radar_svg(&spec()).unwrap());
        assert!(boxes.iter().all(|(_, fs, _)| *fs >= 12.0), "{boxes:?}");
    }

    #[test]
    fn svg_escapes_every_label() {
        let svg = radar_svg(&spec()).unwrap();
        // The axis label has no space and is wide: it breaks over two lines, escaped.
        assert!(svg.contains("&lt;script&gt;alert(1"), "{svg}");
        assert!(svg.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assert!(svg.contains("<title>Q4 &amp; &lt;b&gt;</title>"));
        assert!(svg.contains("沟通技巧"));
        for raw in ["<script", "<img", "<b>"] {
            assert!(!svg.contains(raw), "raw {raw} in the SVG");
        }
    }

    #[test]
    fn svg_scales_and_has_every_part() {
        let svg = radar_svg(&spec()).unwrap();
        assert!(svg.starts_with("<svg role=\"img\" "));
        assert!(svg.contains("viewBox=\"0 0 400 400\""));
        assert!(svg.trim_end().ends_with("</svg>"));
        // Title + 5 ring numbers + 4 axis labels (the first on two lines) + 4 legend labels.
        assert_eq!(svg.matches("<text").count(), 1 + 5 + 5 + 4);
        // Only the person is filled.
        assert_eq!(svg.matches("<polygon").count(), 1);
    }

    #[test]
    fn long_labels_wrap_once_at_the_middle_space() {
        assert_eq!(
            wrap("Professional knowledge"),
            ["Professional", "knowledge"]
        );
        assert_eq!(
            wrap("Customer service awareness"),
            ["Customer service", "awareness"]
        );
        assert_eq!(wrap("Speed"), ["Speed"]);
        assert_eq!(wrap("专业知识"), ["专业知识"]);
        // No space to break at, or far too long: two lines at most, cut with "…", none wider
        // than the limit.
        for long in [
            "顾客服务意识与沟通表达能力以及现场应变处理能力和团队协作精神",
            &"Hospitality ".repeat(8),
        ] {
            let lines = wrap(long);
            assert!(lines.len() <= 2, "{lines:?}");
            assert!(lines.last().unwrap().ends_with('…'), "{lines:?}");
            assert!(
                lines.iter().all(|l| text_width(l, LABEL_PT) <= LABEL_MAX),
                "{lines:?}"
            );
        }
        let mut s = spec();
        s.axes[2] = "Emotion management".into();
        // One more <text> than before: the wrapped label's second line.
        let svg = radar_svg(&s).unwrap();
        assert_eq!(svg.matches("<text").count(), 1 + 5 + 6 + 4);
        assert!(svg.contains("management"));
    }

    #[test]
    fn a_long_legend_label_is_cut_inside_the_drawing_and_kept_whole_in_its_title() {
        let mut s = spec();
        let long = format!("<{}>", "W".repeat(5000));
        s.series[0].label = long.clone();
        let out = radar_svg(&s).unwrap();
        svg::check::well_formed(&out);
        let boxes = text_boxes(&out);
        let (content, fs, [left, ..]) = boxes
            .iter()
            .find(|(c, _, _)| c.ends_with('…'))
            .expect("the label is cut");
        // What is drawn is what follows the title, measured unescaped.
        let shown = content
            .rsplit("</title>")
            .next()
            .unwrap()
            .replace("&lt;", "<");
        let right = left + svg::width_em(&shown) * fs;
        assert!(*left >= 0.0 && right <= 400.0, "{shown} at {left}..{right}");
        assert!(out.contains(&format!("<title>{}</title>", svg::escape(&long))));
        // The labels that fit are written whole, with no title of their own.
        assert!(out.contains(">Team</text>"));
        assert_eq!(
            out.matches("<title>").count(),
            2,
            "the chart's and the cut label's"
        );
    }

    #[test]
    fn svg_refuses_a_series_of_the_wrong_length() {
        let mut s = spec();
        s.series[2].values.pop();
        assert_eq!(radar_svg(&s), Err(RadarError::SeriesLength { index: 2 }));
        s.axes.truncate(2);
        s.series.clear();
        assert_eq!(radar_svg(&s), Err(RadarError::AxisCount(2)));
    }
}
