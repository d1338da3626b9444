//! When customers are unhappy: satisfaction by weekday (rows) and hour (columns). Cells
//! carry no text; each has a `<title>` with its value and count, and the page shows the
//! same numbers as a table. Hand-laid, because `plotters` cannot give an element a title.

use super::plot::label_step;
use super::svg::{escape, width_em, with_title};
use super::ChartError;
use chrono::{Datelike, NaiveDateTime, Timelike};
use std::fmt::Write;
use std::ops::RangeInclusive;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Cell {
    pub n: usize,
    /// The mean of the values; `None` when there are none.
    pub mean: Option<f64>,
}

/// Weekday × hour cells, `[0]` Monday, from values at local times (the caller turns UTC
/// instants into the business's local time). Values that are not numbers are left out.
/// For a share such as CSAT %, pass 100 for each satisfied answer and 0 for the others: the
/// mean is then the share.
pub fn heat_cells(points: impl IntoIterator<Item = (NaiveDateTime, f64)>) -> [[Cell; 24]; 7] {
    let mut sums = [[(0usize, 0.0f64); 24]; 7];
    for (at, v) in points.into_iter().filter(|p| p.1.is_finite()) {
        let cell = &mut sums[at.weekday().num_days_from_monday() as usize][at.hour() as usize];
        cell.0 += 1;
        cell.1 += v;
    }
    sums.map(|day| {
        day.map(|(n, sum)| Cell {
            n,
            mean: (n > 0).then(|| sum / n as f64),
        })
    })
}

pub struct HeatSpec<'a> {
    pub title: &'a str,
    /// Monday first, as the reader names them ("Mon", "周一").
    pub weekdays: &'a [String; 7],
    pub cells: &'a [[Cell; 24]; 7],
    /// The hours shown as columns, e.g. 8..=21 for the opening hours.
    pub hours: RangeInclusive<usize>,
    /// Cells with fewer values are hatched as too few to go by.
    pub min_n: usize,
    /// The values at the dark (worst) and pale (best) ends of the colour scale, e.g.
    /// (50, 100) for CSAT %; values beyond take the end colours.
    pub scale: (f64, f64),
    /// Written after values in titles and the legend ("%" or "").
    pub unit: &'a str,
    pub decimals: usize,
    /// The legend's and titles' text for hatched cells ("Too few answers").
    pub too_few: &'a str,
    /// Where a tap on a cell with answers leads (weekday, hour → the records behind it).
    /// The page follows `data-href`; keyboards and screen readers use the table's links.
    pub link: Option<&'a dyn Fn(usize, usize) -> String>,
}

/// Dark to pale (ColorBrewer OrRd): the worst hours stand out, and the order of lightness
/// holds in greyscale print.
pub const SHADES: [&str; 5] = ["#b30000", "#e34a33", "#fc8d59", "#fdcc8a", "#fef0d9"];
const HATCH_FILL: &str = "#f3f4f6";
const HATCH_INK: &str = "#6b7280";
const INK: &str = "#374151";

pub const WIDTH: f64 = 720.0;
const TITLE_H: f64 = 40.0;
const HEAD_H: f64 = 28.0;
const ROW: f64 = 36.0;
const PAD: f64 = 16.0;
const FONT: f64 = 14.0;
const TITLE_FONT: f64 = 19.0;
const SWATCH_W: f64 = 56.0;
const SWATCH_H: f64 = 18.0;
const HATCH_GAP: f64 = 6.0;

/// Which of [`SHADES`] a value gets: five equal steps from `scale.0` to `scale.1`.
pub fn shade(value: f64, (dark, pale): (f64, f64)) -> usize {
    let t = (value - dark) / (pale - dark);
    ((t * 5.0).floor().max(0.0) as usize).min(4)
}

/// Grey with diagonal strokes, defined once and filled into every cell with too few answers:
/// a stroked path per cell made the SVG several times larger and slower to redraw.
const HATCH_ID: &str = "sf-heat-hatch";

fn text(out: &mut String, s: &str, x: f64, y: f64, anchor: &str, size: f64) {
    let _ = write!(
        out,
        r#"<text x="{x:.1}" y="{y:.1}" text-anchor="{anchor}" font-family="sans-serif" font-size="{size}" fill="{INK}">{}</text>"#,
        escape(s)
    );
    out.push('\n');
}

impl HeatSpec<'_> {
    fn value(&self, v: f64) -> String {
        format!("{:.*}{}", self.decimals, v, self.unit)
    }

    /// The cell's name for its `<title>`: weekday, hour span, value or "too few", count.
    fn cell_title(&self, day: usize, hour: usize, cell: &Cell) -> String {
        let shown = match cell.mean {
            Some(v) if cell.n >= self.min_n => self.value(v),
            _ => self.too_few.to_string(),
        };
        format!(
            "{} {hour:02}:00–{:02}:00: {shown}, n = {}",
            self.weekdays[day],
            hour + 1,
            cell.n
        )
    }
}

/// The heat map as a standalone SVG document, named by its title for screen readers.
pub fn heatmap_svg(spec: &HeatSpec) -> Result<String, ChartError> {
    let hours: Vec<usize> = spec.hours.clone().filter(|h| *h < 24).collect();
    if hours.is_empty() {
        return Err(ChartError::Empty);
    }
    let (dark, pale) = spec.scale;
    if !(dark.is_finite() && pale.is_finite() && dark != pale) {
        return Err(ChartError::BadScale);
    }
    let widest_day = spec
        .weekdays
        .iter()
        .map(|d| width_em(d) * FONT)
        .fold(0.0, f64::max);
    let left = (PAD + widest_day + 8.0).max(48.0);
    let col = (WIDTH - left - PAD) / hours.len() as f64;
    let grid_top = TITLE_H + HEAD_H;
    let grid_bottom = grid_top + 7.0 * ROW;
    let legend_top = grid_bottom + 20.0;
    let height = legend_top + SWATCH_H + 32.0;

    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{height}\" viewBox=\"0 0 {WIDTH} {height}\">\n\
         <defs><pattern id=\"{HATCH_ID}\" width=\"{HATCH_GAP}\" height=\"{HATCH_GAP}\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\
         <rect width=\"{HATCH_GAP}\" height=\"{HATCH_GAP}\" fill=\"{HATCH_FILL}\"/>\
         <line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"{HATCH_GAP}\" stroke=\"{HATCH_INK}\" stroke-width=\"1\"/></pattern></defs>\n"
    );
    text(
        &mut out,
        spec.title,
        WIDTH / 2.0,
        TITLE_H / 2.0 + 7.0,
        "middle",
        TITLE_FONT,
    );

    let step = label_step(width_em("23") * FONT, col, 6.0);
    for (i, h) in hours.iter().enumerate() {
        if i % step == 0 {
            let x = left + (i as f64 + 0.5) * col;
            text(&mut out, &h.to_string(), x, grid_top - 8.0, "middle", FONT);
        }
    }
    for (day, name) in spec.weekdays.iter().enumerate() {
        let y = grid_top + day as f64 * ROW;
        text(&mut out, name, left - 8.0, y + ROW / 2.0 + 5.0, "end", FONT);
        for (i, &hour) in hours.iter().enumerate() {
            let cell = &spec.cells[day][hour];
            // A 1-unit white gap around each cell keeps neighbours apart.
            let (x, y, w, h) = (left + i as f64 * col + 1.0, y + 1.0, col - 2.0, ROW - 2.0);
            let title = escape(&spec.cell_title(day, hour, cell));
            match spec.link.filter(|_| cell.n > 0) {
                Some(link) => {
                    let href = escape(&link(day, hour));
                    let _ = write!(
                        out,
                        r#"<g class="drill-target" data-href="{href}"><title>{title}</title>"#
                    );
                }
                None => {
                    let _ = write!(out, "<g><title>{title}</title>");
                }
            }
            match cell.mean {
                Some(v) if cell.n >= spec.min_n => {
                    let fill = SHADES[shade(v, spec.scale)];
                    let _ = write!(
                        out,
                        r#"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" fill="{fill}"/>"#
                    );
                }
                _ => swatch_too_few(&mut out, x, y, w, h),
            }
            out.push_str("</g>\n");
        }
    }

    for (k, fill) in SHADES.iter().enumerate() {
        let x = left + k as f64 * SWATCH_W;
        let _ = writeln!(
            out,
            r#"<rect x="{x:.1}" y="{legend_top:.1}" width="{SWATCH_W}" height="{SWATCH_H}" fill="{fill}" stroke="{INK}" stroke-width="0.5"/>"#
        );
    }
    for k in 0..=SHADES.len() {
        let v = dark + (pale - dark) * k as f64 / SHADES.len() as f64;
        let x = left + k as f64 * SWATCH_W;
        text(
            &mut out,
            &spec.value(v),
            x,
            legend_top + SWATCH_H + 18.0,
            "middle",
            FONT,
        );
    }
    let x = left + SHADES.len() as f64 * SWATCH_W + 40.0;
    swatch_too_few(&mut out, x, legend_top, SWATCH_H * 2.0, SWATCH_H);
    out.push('\n');
    let label_y = legend_top + SWATCH_H / 2.0 + 5.0;
    text(
        &mut out,
        spec.too_few,
        x + SWATCH_H * 2.0 + 8.0,
        label_y,
        "start",
        FONT,
    );
    out.push_str("</svg>\n");
    Ok(with_title(out, spec.title))
}

/// Grey with diagonal strokes: "too few" must not read as a colour on the scale.
fn swatch_too_few(out: &mut String, x: f64, y: f64, w: f64, h: f64) {
    let _ = write!(
        out,
        r#"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" fill="url(#{HATCH_ID})"/>"#
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::svg::check::{finite, numbers, well_formed};
    use chrono::NaiveDate;

    fn at(day: u32, h: u32, m: u32) -> NaiveDateTime {
        // 30 November 2026 is a Monday.
        let date = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap() + chrono::Days::new(day.into());
        date.and_hms_opt(h, m, 0).unwrap()
    }

    fn cells() -> [[Cell; 24]; 7] {
        heat_cells([
            (at(0, 9, 15), 4.0),
            (at(0, 9, 59), 5.0),
            (at(0, 9, 30), f64::NAN),
            (at(0, 10, 0), 3.0),
            (at(1, 14, 5), 2.0),
            (at(6, 23, 30), 1.0),
            (at(7, 9, 0), 3.0),
        ])
    }

    #[test]
    fn cells_hold_count_and_mean_per_weekday_and_hour() {
        let c = cells();
        // Monday 9 h: 4 and 5 (NaN left out), plus the next Monday 9 h's 3: (4 + 5 + 3) / 3.
        assert_eq!(
            c[0][9],
            Cell {
                n: 3,
                mean: Some(4.0)
            }
        );
        assert_eq!(
            c[0][10],
            Cell {
                n: 1,
                mean: Some(3.0)
            }
        );
        assert_eq!(
            c[1][14],
            Cell {
                n: 1,
                mean: Some(2.0)
            }
        );
        assert_eq!(
            c[6][23],
            Cell {
                n: 1,
                mean: Some(1.0)
            }
        );
        let filled = c.iter().flatten().filter(|c| c.n > 0).count();
        assert_eq!(filled, 4);
        assert!(c
            .iter()
            .flatten()
            .filter(|c| c.n == 0)
            .all(|c| c.mean.is_none()));
    }

    #[test]
    fn shades_are_five_equal_steps_either_way_round() {
        let csat = (50.0, 100.0);
        let got: Vec<usize> = [20.0, 50.0, 59.9, 60.0, 80.0, 99.0, 100.0, 120.0]
            .iter()
            .map(|&v| shade(v, csat))
            .collect();
        assert_eq!(got, [0, 0, 0, 1, 3, 4, 4, 4]);
        // Effort, where 7 is worst: dark at 7.
        assert_eq!((shade(7.0, (7.0, 1.0)), shade(1.0, (7.0, 1.0))), (0, 4));
    }

    fn days() -> [String; 7] {
        ["<Mon>", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].map(String::from)
    }

    fn spec<'a>(days: &'a [String; 7], cells: &'a [[Cell; 24]; 7]) -> HeatSpec<'a> {
        HeatSpec {
            title: "Satisfaction by hour & day",
            weekdays: days,
            cells,
            hours: 8..=21,
            min_n: 2,
            scale: (1.0, 5.0),
            unit: "",
            decimals: 1,
            too_few: "Too few",
            link: None,
        }
    }

    #[test]
    fn cells_with_answers_link_to_their_records() {
        let (d, c) = (days(), cells());
        let link = |day: usize, hour: usize| format!("#/records?focus=hour.{day}.{hour}&a=<b>");
        let s = HeatSpec {
            link: Some(&link),
            ..spec(&d, &c)
        };
        let svg = heatmap_svg(&s).unwrap();
        well_formed(&svg);
        // Monday 9 h and 10 h and Tuesday 14 h have answers; the empty cells lead nowhere.
        assert_eq!(svg.matches("class=\"drill-target\"").count(), 3);
        assert!(svg.contains(r##"data-href="#/records?focus=hour.0.9&amp;a=&lt;b&gt;""##));
        assert!(svg.contains(r##"data-href="#/records?focus=hour.1.14&amp;"##));
        assert!(!svg.contains("focus=hour.6.21"));
    }

    /// The markup of the cell group whose title is `title`.
    fn cell<'s>(svg: &'s str, title: &str) -> &'s str {
        let start = svg
            .find(&format!("<g><title>{title}</title>"))
            .expect(title);
        &svg[start..start + svg[start..].find("</g>").unwrap()]
    }

    #[test]
    fn every_cell_is_named_and_shaded_or_hatched() {
        let (d, c) = (days(), cells());
        let svg = heatmap_svg(&spec(&d, &c)).unwrap();
        well_formed(&svg);
        finite(&svg);
        // 14 hours × 7 days.
        assert_eq!(svg.matches("<g><title>").count(), 98);
        // Monday 9 h: 4.0 on 1..5 is 3/4 of the way: step 3 of 0..4.
        let monday_9 = cell(&svg, "&lt;Mon&gt; 09:00–10:00: 4.0, n = 3");
        assert!(monday_9.contains(&format!("fill=\"{}\"", SHADES[3])));
        // One answer is below the minimum of 2: hatched, and the title says so.
        let monday_10 = cell(&svg, "&lt;Mon&gt; 10:00–11:00: Too few, n = 1");
        assert!(monday_10.contains(&format!("fill=\"url(#{HATCH_ID})\"")));
        cell(&svg, "Tue 14:00–15:00: Too few, n = 1");
        cell(&svg, "Sun 21:00–22:00: Too few, n = 0");
        // Sunday 23 h is outside 8..=21.
        assert!(!svg.contains("23:00–24:00"));
        // Every cell but Monday 9 h is hatched, plus the legend's swatch; the hatch is
        // defined once.
        assert_eq!(svg.matches(&format!("url(#{HATCH_ID})")).count(), 97 + 1);
        assert_eq!(svg.matches("<pattern ").count(), 1);
        // Legend: five shades and the six numbers between them.
        for v in ["1.0", "1.8", "2.6", "3.4", "4.2", "5.0"] {
            assert!(svg.contains(&format!(">{v}</text>")), "{v}");
        }
        assert!(svg.contains(">Too few</text>"));
        assert!(svg.contains("<title>Satisfaction by hour &amp; day</title>"));
        assert!(!svg.contains("<Mon>"));
        assert!(numbers(&svg, "text", "font-size")
            .iter()
            .all(|&f| f >= 13.0));
    }

    #[test]
    fn a_whole_day_fits_with_every_hour_labelled() {
        let (d, c) = (days(), cells());
        let s = HeatSpec {
            hours: 0..=23,
            min_n: 1,
            ..spec(&d, &c)
        };
        let svg = heatmap_svg(&s).unwrap();
        well_formed(&svg);
        assert_eq!(svg.matches("<g><title>").count(), 168);
        let hour_labels = (0..24)
            .filter(|h| svg.contains(&format!(">{h}</text>")))
            .count();
        assert_eq!(hour_labels, 24);
        cell(&svg, "Sun 23:00–24:00: 1.0, n = 1");
        // No cell reaches past the drawing's right edge.
        let right = numbers(&svg, "rect", "x")
            .iter()
            .fold(0.0f64, |a, &b| a.max(b));
        assert!(right < WIDTH - PAD);
    }

    #[test]
    fn bad_hours_and_scales_are_refused() {
        let (d, c) = (days(), cells());
        let none = HeatSpec {
            hours: 24..=30,
            ..spec(&d, &c)
        };
        assert_eq!(heatmap_svg(&none), Err(ChartError::Empty));
        let flat = HeatSpec {
            scale: (3.0, 3.0),
            ..spec(&d, &c)
        };
        assert_eq!(heatmap_svg(&flat), Err(ChartError::BadScale));
    }
}
