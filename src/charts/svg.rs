//! The small part of SVG writing every chart shares: escaping and text measuring.

/// Text is data, never markup: a label like `<script>` is drawn as those characters.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Rough width in ems: CJK and other wide characters take one em, the rest about half.
pub fn width_em(text: &str) -> f64 {
    text.chars()
        .map(|c| if (c as u32) >= 0x2E80 { 1.0 } else { 0.56 })
        .sum()
}

/// Breaks `text` into at most `max_lines` lines of `max_em` each; the last line ends with
/// "…" when text is cut. Latin words are kept whole where they fit.
pub fn wrap(text: &str, max_em: f64, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for c in text.trim().chars() {
        let candidate = format!("{line}{c}");
        if width_em(&candidate) > max_em && !line.is_empty() {
            // Move a partial latin word to the next line when the line has a space to break at.
            let (keep, carry) = match line.rfind(' ') {
                Some(i) if c != ' ' && !line.ends_with(' ') && (c as u32) < 0x2E80 => {
                    (line[..i].to_string(), line[i + 1..].to_string())
                }
                _ => (line.clone(), String::new()),
            };
            lines.push(keep.trim_end().to_string());
            line = format!("{carry}{c}").trim_start().to_string();
            if lines.len() == max_lines {
                break;
            }
        } else {
            line = candidate;
        }
    }
    if lines.len() < max_lines {
        if !line.is_empty() {
            lines.push(line);
        }
    } else if let Some(last) = lines.last_mut() {
        while width_em(last) + 1.0 > max_em && last.pop().is_some() {}
        last.push('…');
    }
    lines
}

/// Names a drawing for assistive technology: `role="img"`, an `aria-label` and a `<title>`
/// first inside the root element, as SVG accessibility asks.
pub fn with_title(svg: String, title: &str) -> String {
    let Some(open_end) = svg.find(">\n") else {
        return svg;
    };
    let (open, rest) = svg.split_at(open_end + 2);
    let title = escape(title);
    let open = open.replacen(
        "<svg ",
        &format!("<svg role=\"img\" aria-label=\"{title}\" "),
        1,
    );
    format!("{open}<title>{title}</title>\n{rest}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
    }

    #[test]
    fn wraps_chinese_and_latin() {
        assert_eq!(
            wrap("热情迎宾并引导入座", 5.0, 2),
            vec!["热情迎宾并", "引导入座"]
        );
        // "Greet and seat" is 14 × 0.56 = 7.84 em, within 8; adding " t" would pass it.
        assert_eq!(
            wrap("Greet and seat the guests", 8.0, 3),
            vec!["Greet and seat", "the guests"]
        );
        // At 5 em "Greet and" (5.04) and "the guests" (5.6) do not fit: a fourth line would
        // be needed, so the third is cut.
        assert_eq!(
            wrap("Greet and seat the guests", 5.0, 3),
            vec!["Greet", "and seat", "the…"]
        );
        let cut = wrap("一二三四五六七八九十", 4.0, 2);
        assert_eq!(cut, vec!["一二三四", "五六七…"]);
        assert!(wrap("", 4.0, 2).is_empty());
    }
}

/// Checks the charts' tests share: the SVG is well-formed XML and holds no broken number.
#[cfg(test)]
pub mod check {
    /// A small well-formedness check: tags nest and close, attribute values are quoted,
    /// and `&` only starts an entity. Panics with the place it broke.
    pub fn well_formed(svg: &str) {
        let mut open: Vec<&str> = Vec::new();
        let mut rest = svg;
        while let Some(lt) = rest.find('<') {
            text_ok(&rest[..lt]);
            let gt = rest[lt..].find('>').expect("unclosed tag") + lt;
            let tag = &rest[lt + 1..gt];
            rest = &rest[gt + 1..];
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(open.pop(), Some(name.trim()), "mismatched </{name}>");
                continue;
            }
            let self_closing = tag.ends_with('/');
            let body = tag.trim_end_matches('/');
            let name = body.split_whitespace().next().expect("empty tag");
            assert!(
                name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
                "bad tag name {name}"
            );
            attributes_ok(&body[name.len()..]);
            if !self_closing {
                open.push(name);
            }
        }
        text_ok(rest);
        assert!(open.is_empty(), "unclosed {open:?}");
    }

    fn attributes_ok(mut attrs: &str) {
        loop {
            attrs = attrs.trim_start();
            if attrs.is_empty() {
                return;
            }
            let eq = attrs.find('=').expect("attribute without value");
            let name = attrs[..eq].trim();
            assert!(!name.is_empty() && !name.contains(char::is_whitespace));
            let value = &attrs[eq + 1..];
            assert!(value.starts_with('"'), "unquoted value of {name}");
            let end = value[1..].find('"').expect("unterminated value") + 1;
            text_ok(&value[1..end]);
            attrs = &value[end + 1..];
        }
    }

    fn text_ok(text: &str) {
        assert!(!text.contains('<'), "raw < in {text:?}");
        for (i, _) in text.match_indices('&') {
            let entity = &text[i..];
            let ok = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
                .iter()
                .any(|e| entity.starts_with(e));
            assert!(ok, "bare & in {text:?}");
        }
    }

    /// No coordinate or size came out of a division by zero.
    pub fn finite(svg: &str) {
        let word = |c: char| c.is_ascii_alphanumeric() || c == '.' || c == '-';
        let bad = svg
            .split(|c: char| !word(c))
            .find(|t| ["NaN", "inf", "-inf"].contains(t));
        assert_eq!(bad, None, "a broken number in the SVG");
    }

    /// The values of attribute `name` on every element `tag`, as numbers.
    pub fn numbers(svg: &str, tag: &str, name: &str) -> Vec<f64> {
        svg.split(&format!("<{tag} "))
            .skip(1)
            .filter_map(|el| {
                let el = &el[..el.find('>').unwrap_or(el.len())];
                let at = el
                    .find(&format!(" {name}=\""))
                    .or_else(|| el.starts_with(&format!("{name}=\"")).then_some(0))?;
                let v = &el[at..];
                let v = &v[v.find('"')? + 1..];
                v[..v.find('"')?].parse().ok()
            })
            .collect()
    }

    #[test]
    fn the_checker_finds_broken_markup() {
        well_formed(r#"<svg a="1"><g><title>x &amp; y</title><rect x="1"/></g></svg>"#);
        for bad in [
            "<svg><g></svg>",
            "<svg a=1></svg>",
            "<svg>a & b</svg>",
            "<svg><text>1 > 0 < 2</text></svg>",
        ] {
            assert!(
                std::panic::catch_unwind(|| well_formed(bad)).is_err(),
                "{bad}"
            );
        }
        let svg = r#"<svg><rect x="1.5" y="2"/><rect y="3" x="4"/></svg>"#;
        assert_eq!(numbers(svg, "rect", "x"), [1.5, 4.0]);
    }
}
