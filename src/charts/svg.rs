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
