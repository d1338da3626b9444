//! The swimlane flowchart of a process version: one lane per role, the three stages as
//! column groups, steps in order joined by arrows, tier shown by shape and colour.

use super::svg::{escape, wrap};
use crate::domain::model::Tier;
use std::fmt::Write;

pub struct Node {
    pub label: String,
    /// Index into `Swimlane::lanes`.
    pub lane: usize,
    pub tier: Tier,
    /// The time limit as the reader writes it, e.g. "2 min".
    pub detail: String,
    pub value_adding: bool,
}

pub struct Swimlane {
    pub title: String,
    pub lanes: Vec<String>,
    /// Stage label and its steps, in order.
    pub stages: Vec<(String, Vec<Node>)>,
    /// Legend texts: basic, standard, custom, non-value-adding.
    pub legend: [String; 4],
}

const LANE_HEAD: f64 = 120.0;
const COL: f64 = 150.0;
const LANE: f64 = 96.0;
const TOP: f64 = 72.0;
const NODE_W: f64 = 128.0;
const NODE_H: f64 = 64.0;
const FONT: f64 = 13.0;
const LEGEND: f64 = 56.0;

fn fill(tier: Tier) -> &'static str {
    match tier {
        Tier::Basic => "#e1efea",
        Tier::Standard => "#fff4d1",
        Tier::Custom => "#e8e4f8",
    }
}

/// The node outline for a tier: basic a rectangle, standard a hexagon (a choice among
/// options), custom a rounded pill (free service).
fn shape(out: &mut String, tier: Tier, x: f64, y: f64, w: f64, h: f64, dashed: bool) {
    let stroke = if dashed {
        r##" stroke="#a4161a" stroke-dasharray="6 4""##
    } else {
        r##" stroke="#14211d""##
    };
    let common = format!(r#"fill="{}"{stroke} stroke-width="2""#, fill(tier));
    let _ = match tier {
        Tier::Basic => write!(
            out,
            r#"<rect x="{x}" y="{y}" width="{w}" height="{h}" {common}/>"#
        ),
        Tier::Standard => {
            let (i, m) = (14.0, y + h / 2.0);
            write!(
                out,
                r#"<polygon points="{},{y} {},{y} {},{m} {},{} {},{} {x},{m}" {common}/>"#,
                x + i,
                x + w - i,
                x + w,
                x + w - i,
                y + h,
                x + i,
                y + h
            )
        }
        Tier::Custom => write!(
            out,
            r#"<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="{}" {common}/>"#,
            h / 2.0
        ),
    };
}

fn text_lines(out: &mut String, lines: &[String], cx: f64, cy: f64, size: f64, weight: &str) {
    let first = cy - (lines.len() as f64 - 1.0) * size * 0.6;
    for (i, line) in lines.iter().enumerate() {
        let _ = write!(
            out,
            r#"<text x="{cx}" y="{:.1}" font-size="{size}" font-weight="{weight}" text-anchor="middle" dominant-baseline="middle">{}</text>"#,
            first + i as f64 * size * 1.2,
            escape(line)
        );
    }
}

pub fn render(s: &Swimlane) -> String {
    let columns: usize = s.stages.iter().map(|(_, n)| n.len().max(1)).sum();
    let width = LANE_HEAD + columns as f64 * COL + 16.0;
    let lanes = s.lanes.len().max(1);
    let height = TOP + lanes as f64 * LANE + LEGEND;
    let mut out = String::new();
    let _ = write!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" font-family="system-ui, 'Noto Sans CJK SC', sans-serif" fill="#14211d"><title>{}</title>"##,
        escape(&s.title)
    );
    out.push_str(r##"<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#14211d"/></marker></defs>"##);
    let _ = write!(
        out,
        r##"<rect width="{width}" height="{height}" fill="#ffffff"/>"##
    );
    // Lanes.
    for (i, lane) in s.lanes.iter().enumerate() {
        let y = TOP + i as f64 * LANE;
        let band = if i % 2 == 0 { "#f6f8f7" } else { "#ffffff" };
        let _ = write!(
            out,
            r##"<rect x="0" y="{y}" width="{width}" height="{LANE}" fill="{band}" stroke="#c9d3cf"/>"##
        );
        text_lines(
            &mut out,
            &wrap(lane, 7.0, 2),
            LANE_HEAD / 2.0,
            y + LANE / 2.0,
            FONT + 1.0,
            "700",
        );
    }
    // Stage headers and separators, then nodes and the arrows between them.
    let mut col = 0usize;
    let mut centres: Vec<(f64, f64)> = Vec::new();
    for (label, nodes) in &s.stages {
        let x0 = LANE_HEAD + col as f64 * COL;
        let span = nodes.len().max(1) as f64 * COL;
        let _ = write!(
            out,
            r##"<rect x="{x0}" y="8" width="{span}" height="{}" fill="#0f5c4d" stroke="#ffffff" stroke-width="2"/>"##,
            TOP - 16.0
        );
        let _ = write!(out, r##"<g fill="#ffffff">"##);
        text_lines(
            &mut out,
            &wrap(label, span / FONT / 1.2, 1),
            x0 + span / 2.0,
            TOP / 2.0,
            FONT + 2.0,
            "700",
        );
        out.push_str("</g>");
        let _ = write!(
            out,
            r##"<line x1="{x0}" y1="{TOP}" x2="{x0}" y2="{}" stroke="#5b6b66" stroke-dasharray="4 4"/>"##,
            TOP + lanes as f64 * LANE
        );
        for (i, n) in nodes.iter().enumerate() {
            let x = x0 + i as f64 * COL + (COL - NODE_W) / 2.0;
            let y = TOP + n.lane.min(lanes - 1) as f64 * LANE + (LANE - NODE_H) / 2.0;
            shape(&mut out, n.tier, x, y, NODE_W, NODE_H, !n.value_adding);
            let mut lines = wrap(&n.label, (NODE_W - 16.0) / FONT, 2);
            lines.push(n.detail.clone());
            text_lines(
                &mut out,
                &lines,
                x + NODE_W / 2.0,
                y + NODE_H / 2.0,
                FONT,
                "400",
            );
            centres.push((x, y));
        }
        col += nodes.len().max(1);
    }
    for pair in centres.windows(2) {
        let ((ax, ay), (bx, by)) = (pair[0], pair[1]);
        let (x1, y1) = (ax + NODE_W, ay + NODE_H / 2.0);
        let (x2, y2) = (bx, by + NODE_H / 2.0);
        let mid = (x1 + x2) / 2.0;
        let _ = write!(
            out,
            r##"<path d="M{x1},{y1} H{mid} V{y2} H{x2}" fill="none" stroke="#14211d" stroke-width="1.5" marker-end="url(#arrow)"/>"##
        );
    }
    // Legend.
    let ly = TOP + lanes as f64 * LANE + 14.0;
    let mut lx = 12.0;
    for (i, (tier, dashed)) in [
        (Tier::Basic, false),
        (Tier::Standard, false),
        (Tier::Custom, false),
        (Tier::Basic, true),
    ]
    .into_iter()
    .enumerate()
    {
        shape(&mut out, tier, lx, ly, 44.0, 26.0, dashed);
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" font-size="{FONT}" dominant-baseline="middle">{}</text>"#,
            lx + 52.0,
            ly + 13.0,
            escape(&s.legend[i])
        );
        lx += 60.0 + super::svg::width_em(&s.legend[i]) * FONT + 24.0;
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(label: &str, lane: usize, tier: Tier) -> Node {
        Node {
            label: label.into(),
            lane,
            tier,
            detail: "2 min".into(),
            value_adding: tier != Tier::Custom,
        }
    }

    fn chart() -> Swimlane {
        Swimlane {
            title: "餐桌服务 <v2>".into(),
            lanes: vec!["服务员".into(), "<img src=x onerror=alert(1)>".into()],
            stages: vec![
                ("服务前准备".into(), vec![node("摆台", 0, Tier::Basic)]),
                (
                    "服务中互动".into(),
                    vec![
                        node("点餐", 0, Tier::Standard),
                        node("结账", 1, Tier::Basic),
                    ],
                ),
                ("服务后跟进".into(), vec![]),
            ],
            legend: ["基础".into(), "中间".into(), "高端".into(), "非增值".into()],
        }
    }

    #[test]
    fn lays_out_lanes_columns_nodes_and_arrows() {
        let svg = render(&chart());
        // 3 steps + 1 empty stage column = 4 columns: 120 + 4 × 150 + 16 wide; 72 + 2 × 96 + 56 high.
        assert!(svg.contains(r#"viewBox="0 0 736 320""#), "{}", &svg[..200]);
        assert_eq!(
            svg.matches("<polygon").count(),
            2,
            "one standard step + the legend's"
        );
        assert_eq!(
            svg.matches("marker-end").count(),
            2,
            "arrows between three steps"
        );
        // The second step sits in column 2 of lane 0: x = 120 + 150 + 11, y = 72 + 16.
        assert!(svg.contains(r#"<polygon points="295,88"#));
    }

    #[test]
    fn labels_are_text_not_markup() {
        let svg = render(&chart());
        assert!(!svg.contains("<img"));
        assert!(svg.contains("&lt;img"));
        assert!(svg.contains("<title>餐桌服务 &lt;v2&gt;</title>"));
    }
}
