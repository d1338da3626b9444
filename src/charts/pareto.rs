//! The Pareto of complaint root causes: which few causes make most complaints. Bars in
//! descending order on a count axis, the cumulative share as a line on a 0–100 % axis, and
//! the 80 % line dashed.

use super::plot::{self, nice_range, px, tick_text, GRID, INK};
use super::svg::{escape, with_title, wrap};
use super::ChartError;
use crate::domain::sort;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq)]
pub struct ParetoRow<K> {
    pub key: K,
    pub count: usize,
    /// This row's share of all counts, in % (0–100).
    pub share: f64,
    /// The share of this row and every row before it, in %; 100 at the last row.
    pub cumulative: f64,
}

impl<K> ParetoRow<K> {
    /// The same row under another key, e.g. the reader's label for a cause code.
    pub fn map_key<L>(self, f: impl FnOnce(K) -> L) -> ParetoRow<L> {
        ParetoRow {
            key: f(self.key),
            count: self.count,
            share: self.share,
            cumulative: self.cumulative,
        }
    }
}

/// Orders counts for a Pareto: the same key given twice is added up, zero counts are left
/// out, rows go by count descending and equal counts by key order (so the chart is the same
/// on every run), and `other` comes last whatever its count.
pub fn pareto<K: Ord>(counts: Vec<(K, usize)>, other: Option<K>) -> Vec<ParetoRow<K>> {
    let mut summed: BTreeMap<K, usize> = BTreeMap::new();
    for (key, count) in counts {
        *summed.entry(key).or_default() += count;
    }
    let other = other.and_then(|k| summed.remove_entry(&k));
    // Stable: equal counts keep the map's key order.
    let mut rows: Vec<(K, usize)> = summed.into_iter().collect();
    sort::by_key(&mut rows, |r| std::cmp::Reverse(r.1));
    rows.extend(other);
    rows.retain(|r| r.1 > 0);
    let total: usize = rows.iter().map(|r| r.1).sum();
    let percent = |n: usize| n as f64 * 100.0 / total as f64;
    let mut running = 0;
    rows.into_iter()
        .map(|(key, count)| {
            running += count;
            ParetoRow {
                key,
                count,
                share: percent(count),
                cumulative: percent(running),
            }
        })
        .collect()
}

pub struct ParetoSpec<'a> {
    pub title: &'a str,
    /// From [`pareto`], keys turned into the reader's labels.
    pub rows: &'a [ParetoRow<String>],
    /// Legend texts: the bars (e.g. "Complaints") and the line (e.g. "Cumulative %").
    pub count_label: &'a str,
    pub cumulative_label: &'a str,
    /// Where a tap on each row's bar leads (the records behind it); empty for none.
    pub links: &'a [String],
}

pub const WIDTH: u32 = 720;
pub const HEIGHT: u32 = 420;
const TITLE_H: f64 = 40.0;
const LEGEND_H: f64 = 32.0;
const SIDE: f64 = 64.0;
const LABEL_LINE: f64 = 17.0;
const BOTTOM_PAD: f64 = 2.0 * LABEL_LINE + 16.0;

const BAR: RGBColor = RGBColor(147, 197, 253);
const BAR_EDGE: RGBColor = RGBColor(29, 78, 216);
const LINE: RGBColor = RGBColor(154, 52, 18);
/// The classic cut: the few causes left of where the line crosses it.
const VITAL_FEW: f64 = 80.0;

/// Where things go: the plot box, the count axis and the bar slots.
#[derive(Clone, Debug, PartialEq)]
pub struct ParetoLayout {
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
    /// The count axis, 0 to `max` in ticks of `step`.
    pub max: f64,
    pub step: f64,
    pub slot: f64,
}

impl ParetoLayout {
    pub fn x(&self, row: usize) -> f64 {
        self.left + (row as f64 + 0.5) * self.slot
    }

    pub fn y_count(&self, count: f64) -> f64 {
        self.bottom - count / self.max * (self.bottom - self.top)
    }

    pub fn y_percent(&self, percent: f64) -> f64 {
        self.bottom - percent / 100.0 * (self.bottom - self.top)
    }
}

pub fn pareto_layout(rows: &[ParetoRow<String>]) -> ParetoLayout {
    let biggest = rows.iter().map(|r| r.count).max().unwrap_or(0).max(1);
    let (_, max, step) = nice_range(0.0, biggest as f64, 5);
    // Counts are whole: no tick at 0.5.
    let (max, step) = if step < 1.0 {
        (max.ceil(), 1.0)
    } else {
        (max, step)
    };
    let (left, right) = (SIDE, f64::from(WIDTH) - SIDE);
    ParetoLayout {
        left,
        right,
        top: TITLE_H + LEGEND_H + 16.0,
        bottom: f64::from(HEIGHT) - BOTTOM_PAD,
        max,
        step,
        slot: (right - left) / rows.len().max(1) as f64,
    }
}

/// The Pareto as a standalone SVG document, named by its title for screen readers.
pub fn pareto_svg(spec: &ParetoSpec) -> Result<String, ChartError> {
    if spec.rows.is_empty() {
        return Err(ChartError::Empty);
    }
    let l = pareto_layout(spec.rows);
    let mut buf = String::new();
    {
        let area = SVGBackend::with_string(&mut buf, (WIDTH, HEIGHT)).into_drawing_area();
        let center = Pos::new(HPos::Center, VPos::Center);
        let title_at = (f64::from(WIDTH) / 2.0, TITLE_H / 2.0);
        plot::text(&area, spec.title, title_at, plot::TITLE_PT, center)?;
        legend(&area, spec)?;

        let ticks = (l.max / l.step).round() as usize;
        for k in 0..=ticks {
            let v = k as f64 * l.step;
            let y = l.y_count(v);
            plot::line(
                &area,
                vec![px((l.left, y)), px((l.right, y))],
                &GRID,
                1,
                None,
            )?;
            let left = Pos::new(HPos::Right, VPos::Center);
            let at = (l.left - 8.0, y);
            plot::text(&area, &tick_text(v, l.step), at, plot::TICK_PT, left)?;
        }
        for k in 0..=5 {
            let p = f64::from(k) * 20.0;
            let right = Pos::new(HPos::Left, VPos::Center);
            let at = (l.right + 8.0, l.y_percent(p));
            plot::text(&area, &format!("{p}%"), at, plot::TICK_PT, right)?;
        }

        let bar_w = l.slot * 0.6;
        let label_em = (l.slot - 6.0) / (f64::from(plot::TICK_PT) / 1.24);
        for (i, row) in spec.rows.iter().enumerate() {
            let (x, top) = (l.x(i), l.y_count(row.count as f64));
            let corners = [px((x - bar_w / 2.0, top)), px((x + bar_w / 2.0, l.bottom))];
            area.draw(&Rectangle::new(corners, BAR.filled()))?;
            area.draw(&Rectangle::new(corners, BAR_EDGE.stroke_width(1)))?;
            let above = Pos::new(HPos::Center, VPos::Bottom);
            let count = row.count.to_string();
            plot::text(&area, &count, (x, top - 4.0), plot::TICK_PT, above)?;
            for (j, line) in wrap(&row.key, label_em, 2).iter().enumerate() {
                let at = (x, l.bottom + 8.0 + j as f64 * LABEL_LINE);
                let below = Pos::new(HPos::Center, VPos::Top);
                plot::text(&area, line, at, plot::TICK_PT, below)?;
            }
        }
        let axis = vec![px((l.left, l.bottom)), px((l.right, l.bottom))];
        plot::line(&area, axis, &INK, 1, None)?;

        let y80 = l.y_percent(VITAL_FEW);
        let cut = vec![px((l.left, y80)), px((l.right, y80))];
        plot::line(&area, cut, &INK, 2, Some((8, 5)))?;

        let points: Vec<(i32, i32)> = (spec.rows.iter().enumerate())
            .map(|(i, r)| px((l.x(i), l.y_percent(r.cumulative))))
            .collect();
        plot::line(&area, points.clone(), &LINE, 2, None)?;
        for p in points {
            marker(&area, p)?;
        }
        area.present()?;
    }
    drill_targets(&mut buf, spec, &l);
    Ok(with_title(buf, spec.title))
}

/// A transparent column over each linked bar, so a tap anywhere above its label opens it.
/// The page follows `data-href`; keyboards and screen readers use the table's links.
fn drill_targets(buf: &mut String, spec: &ParetoSpec, l: &ParetoLayout) {
    let Some(end) = buf.rfind("</svg>") else {
        return;
    };
    let mut targets = String::new();
    for (i, (row, href)) in spec.rows.iter().zip(spec.links).enumerate() {
        let (x, w) = (l.x(i) - l.slot / 2.0, l.slot);
        let _ = std::fmt::Write::write_fmt(
            &mut targets,
            format_args!(
                r#"<rect class="drill-target" data-href="{}" x="{x:.1}" y="{:.1}" width="{w:.1}" height="{:.1}" fill="transparent"><title>{}: {}</title></rect>
"#,
                escape(href),
                l.top,
                l.bottom - l.top,
                escape(&row.key),
                row.count
            ),
        );
    }
    buf.insert_str(end, &targets);
}

/// A square, so the line's points differ from the bars by shape as well as colour.
fn marker(area: &plot::Area, (x, y): (i32, i32)) -> plot::Drawn {
    area.draw(&Rectangle::new(
        [(x - 4, y - 4), (x + 4, y + 4)],
        LINE.filled(),
    ))?;
    Ok(())
}

fn legend(area: &plot::Area, spec: &ParetoSpec) -> plot::Drawn {
    let y = TITLE_H + LEGEND_H / 2.0;
    let left = Pos::new(HPos::Left, VPos::Center);
    let mut x = SIDE;
    let bar = [px((x, y - 7.0)), px((x + 20.0, y + 7.0))];
    area.draw(&Rectangle::new(bar, BAR.filled()))?;
    area.draw(&Rectangle::new(bar, BAR_EDGE.stroke_width(1)))?;
    plot::text(area, spec.count_label, (x + 28.0, y), plot::LABEL_PT, left)?;
    x += 28.0 + plot::text_width(spec.count_label, plot::LABEL_PT) + 24.0;
    plot::line(area, vec![px((x, y)), px((x + 28.0, y))], &LINE, 2, None)?;
    marker(area, px((x + 14.0, y)))?;
    plot::text(
        area,
        spec.cumulative_label,
        (x + 36.0, y),
        plot::LABEL_PT,
        left,
    )?;
    x += 36.0 + plot::text_width(spec.cumulative_label, plot::LABEL_PT) + 24.0;
    plot::line(
        area,
        vec![px((x, y)), px((x + 28.0, y))],
        &INK,
        2,
        Some((8, 5)),
    )?;
    plot::text(area, "80%", (x + 36.0, y), plot::LABEL_PT, left)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::svg::check::{finite, numbers, well_formed};

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn rows_descend_with_other_last_and_add_up_to_100() {
        let counts = vec![
            ("wait", 3),
            ("other", 9),
            ("food", 6),
            ("rude", 1),
            ("dirty", 0),
            ("wait", 2),
        ];
        let rows = pareto(counts, Some("other"));
        let keys: Vec<_> = rows.iter().map(|r| (r.key, r.count)).collect();
        // wait 3 + 2 = 5; dirty (0) left out; other last though it is the biggest.
        assert_eq!(keys, [("food", 6), ("wait", 5), ("rude", 1), ("other", 9)]);
        // Total 21: 6/21, 11/21, 12/21, 21/21.
        let cumulative: Vec<f64> = rows.iter().map(|r| r.cumulative).collect();
        let want = [600.0 / 21.0, 1100.0 / 21.0, 1200.0 / 21.0, 100.0];
        assert!(cumulative.iter().zip(want).all(|(a, b)| close(*a, b)));
        assert_eq!(rows.last().unwrap().cumulative, 100.0);
        assert!(close(rows[1].share, 500.0 / 21.0));
        let shares: f64 = rows.iter().map(|r| r.share).sum();
        assert!(close(shares, 100.0));
    }

    #[test]
    fn ties_go_by_key_whatever_the_input_order() {
        let a = pareto(vec![("c", 2), ("a", 2), ("b", 2), ("d", 5)], None);
        let b = pareto(vec![("b", 2), ("d", 5), ("c", 2), ("a", 2)], None);
        assert_eq!(a, b);
        let keys: Vec<_> = a.iter().map(|r| r.key).collect();
        assert_eq!(keys, ["d", "a", "b", "c"]);
    }

    #[test]
    fn nothing_counted_is_no_rows() {
        assert!(pareto(vec![("a", 0)], Some("other")).is_empty());
        assert!(pareto::<&str>(vec![], None).is_empty());
        // An absent or empty "other" is no row.
        assert_eq!(pareto(vec![("a", 2), ("other", 0)], Some("other")).len(), 1);
        assert_eq!(pareto(vec![("a", 2)], Some("other")).len(), 1);
    }

    fn labelled(rows: Vec<ParetoRow<&str>>) -> Vec<ParetoRow<String>> {
        rows.into_iter().map(|r| r.map_key(String::from)).collect()
    }

    fn spec(rows: &[ParetoRow<String>]) -> ParetoSpec<'_> {
        ParetoSpec {
            title: "Root causes",
            rows,
            count_label: "Complaints",
            cumulative_label: "Cumulative %",
            links: &[],
        }
    }

    #[test]
    fn each_bar_is_a_tap_target_for_its_records() {
        let rows = labelled(pareto(vec![("Wait", 3), ("Food", 1)], None));
        let links = ["#/a?x=1&focus=cause.people".to_string(), "#/b".to_string()];
        let svg = pareto_svg(&ParetoSpec {
            links: &links,
            ..spec(&rows)
        })
        .unwrap();
        well_formed(&svg);
        assert_eq!(svg.matches("class=\"drill-target\"").count(), 2);
        assert!(svg.contains(r##"data-href="#/a?x=1&amp;focus=cause.people""##));
        assert!(svg.contains("<title>Wait: 3</title>"));
        // The targets come after the bars, so they are on top and take the tap.
        let first = svg.find("<rect class=\"drill-target\"").unwrap();
        assert_eq!(svg[first..].matches("<rect").count(), 2);
        assert!(!pareto_svg(&spec(&rows)).unwrap().contains("drill-target"));
    }

    #[test]
    fn bars_line_and_the_80_line_are_where_the_numbers_say() {
        let rows = labelled(pareto(
            vec![
                ("Waiting time", 12),
                ("Food", 6),
                ("<script>", 2),
                ("其他", 4),
            ],
            Some("其他"),
        ));
        let svg = pareto_svg(&spec(&rows)).unwrap();
        well_formed(&svg);
        finite(&svg);
        let l = pareto_layout(&rows);
        // Biggest 12: about 5 steps of 2.4 round up to ticks of 5, up to 15.
        assert_eq!((l.max, l.step), (15.0, 5.0));
        // Plot 40 + 32 + 16 = 88 (top) to 420 − 50 = 370 (bottom), 64..656 wide, 4 slots.
        assert_eq!((l.top, l.bottom, l.slot), (88.0, 370.0, 148.0));
        // Bars of 12 and 6 of 15 reach 370 − 0.8 · 282 = 144.4 and 370 − 0.4 · 282 = 257.2.
        let ys = numbers(&svg, "rect", "y");
        assert!(ys.contains(&144.0) && ys.contains(&257.0));
        // The 80 % line: 370 − 0.8 · 282 = 144.4, drawn at 144, dashed in many pieces.
        assert!(svg.matches(",144 ").count() > 20);
        // Cumulative 12/24, 18/24, 20/24, 24/24 → y 229, 158.5, 135, 88 at the slot middles.
        let line = format!(
            "points=\"138,229 286,{} 434,135 582,88 \"",
            (370.0f64 - 0.75 * 282.0).round()
        );
        assert!(svg.contains(&line), "{line}");
        assert!(svg.contains("&lt;script&gt;") && !svg.contains("<script"));
        assert!(svg.contains("其他") && svg.contains(">\n100%\n<"));
        assert!(numbers(&svg, "text", "font-size")
            .iter()
            .all(|&f| f >= 13.0));
    }

    #[test]
    fn long_labels_wrap_in_their_slot_and_one_row_draws() {
        let many: Vec<(String, usize)> = (0..10)
            .map(|i| (format!("Very long cause number {i}"), 10 - i))
            .collect();
        let rows = pareto(many, None);
        let svg = pareto_svg(&spec(&rows)).unwrap();
        well_formed(&svg);
        assert!(!svg.contains("Very long cause number 3"));
        assert!(svg.contains('…'));
        let one = labelled(pareto(vec![("Food", 1)], None));
        let svg = pareto_svg(&spec(&one)).unwrap();
        well_formed(&svg);
        finite(&svg);
        assert_eq!(pareto_svg(&spec(&[])), Err(ChartError::Empty));
    }
}
