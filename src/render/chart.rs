//! Draws salary bands as horizontal bars on one shared scale, fitted to the width: a known band
//! is solid, an open end fades out towards the edge, so a reader sees at once which is higher.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style as Ansi};
use unicode_width::UnicodeWidthStr;

use super::Style;
use super::document::Chart;
use super::sanitize::sanitize;
use super::terminal::{paint, wrap};
use crate::model::salary::dollars;

const SOLID: char = '█';
const OPEN: char = '░';
const MARK: char = '┃';
/// Below this many columns for the bars, each bar goes on a line of its own under its label.
const MIN_INLINE_BAR: usize = 16;

pub(super) fn write(chart: &Chart, style: Style, out: &mut dyn Write) -> io::Result<()> {
    for line in wrap(&chart.title, style.width, "", "") {
        writeln!(out, "{line}")?;
    }
    if chart.bars.is_empty() {
        return Ok(());
    }
    let labels: Vec<String> = chart
        .bars
        .iter()
        .map(|b| sanitize(&b.label).into_owned())
        .collect();
    let values: Vec<String> = chart
        .bars
        .iter()
        .map(|b| sanitize(&b.value).into_owned())
        .collect();
    let label_w = labels
        .iter()
        .map(|l| l.width())
        .max()
        .unwrap_or(0)
        .min(style.width / 3);
    let value_w = values.iter().map(|v| v.width()).max().unwrap_or(0);
    let inline_bar = style.width.saturating_sub(label_w + value_w + 4);
    let stacked = inline_bar < MIN_INLINE_BAR;
    let bar_w = if stacked { style.width - 2 } else { inline_bar };

    let (lo, hi) = scale(chart);
    let fill = Ansi::new().fg_color(Some(AnsiColor::Cyan.into()));
    let mark = Ansi::new().fg_color(Some(AnsiColor::Yellow.into()));
    for ((bar, label), value) in chart.bars.iter().zip(&labels).zip(&values) {
        let cells = draw(bar, lo, hi, bar_w);
        let painted: String = cells
            .iter()
            .map(|&ch| match ch {
                MARK => paint(&ch.to_string(), mark, style.color),
                ' ' => " ".to_string(),
                _ => paint(&ch.to_string(), fill, style.color),
            })
            .collect();
        if stacked {
            let head = format!("{label} {value}");
            for line in wrap(&head, style.width, "", "  ") {
                writeln!(out, "{line}")?;
            }
            writeln!(out, "  {}", painted.trim_end())?;
        } else {
            let label = fit(label, label_w);
            let pad = label_w - label.width();
            writeln!(out, "{label}{} │{painted}│ {value}", " ".repeat(pad))?;
        }
    }
    let axis_indent = if stacked { 2 } else { label_w + 2 };
    writeln!(out, "{}{}", " ".repeat(axis_indent), axis(lo, hi, bar_w))?;
    let legend = legend(chart);
    if !legend.is_empty() {
        for line in wrap(&legend, style.width, "", "") {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

/// The scale under the bars: its ends, and its middle when there is room, each label placed
/// where its amount falls.
fn axis(lo: u64, hi: u64, width: usize) -> String {
    let left = short_dollars(lo);
    let right = short_dollars(hi);
    let mid_amount = lo.midpoint(hi);
    let mid = short_dollars(mid_amount);
    let mut line = left.clone();
    let mid_at = position(mid_amount, lo, hi, width).saturating_sub(mid.width() / 2);
    let right_at = width.saturating_sub(right.width());
    if mid_at > left.width() + 1 && mid_at + mid.width() + 1 < right_at {
        line.push_str(&" ".repeat(mid_at - left.width()));
        line.push_str(&mid);
    }
    let gap = right_at.saturating_sub(line.width()).max(1);
    line.push_str(&" ".repeat(gap));
    line.push_str(&right);
    line
}

/// What the marks mean, naming only those the chart uses.
fn legend(chart: &Chart) -> String {
    let mut parts = Vec::new();
    if chart.bars.iter().any(|b| b.open_high || b.open_low) {
        parts.push(format!(
            "{SOLID} stated band, {OPEN} open end (no stated limit)"
        ));
    }
    if let Some(m) = chart.bars.iter().find_map(|b| b.marker) {
        parts.push(format!("{MARK} your pay ({})", dollars(m)));
    }
    parts.join("; ")
}

/// The shared scale: from the lowest stated amount to the highest, widened to whole
/// ten-thousands so the ends read cleanly. Near `u64::MAX` the top stays at the largest amount
/// rather than wrapping, and the scale is never empty.
fn scale(chart: &Chart) -> (u64, u64) {
    let amounts = chart
        .bars
        .iter()
        .flat_map(|b| [Some(b.low), Some(b.high), b.marker])
        .flatten();
    let min = amounts.clone().min().unwrap_or(0);
    let max = amounts.max().unwrap_or(0);
    let lo = min / 10_000 * 10_000;
    let hi = max.div_ceil(10_000).saturating_mul(10_000);
    if hi > lo {
        (lo, hi)
    } else if let Some(hi) = lo.checked_add(10_000) {
        (lo, hi)
    } else {
        (u64::MAX - 10_000, u64::MAX)
    }
}

fn position(value: u64, lo: u64, hi: u64, width: usize) -> usize {
    let span = (hi - lo) as f64;
    let at = (value.saturating_sub(lo)) as f64 / span * (width.saturating_sub(1)) as f64;
    (at.round() as usize).min(width.saturating_sub(1))
}

fn draw(bar: &super::document::Bar, lo: u64, hi: u64, width: usize) -> Vec<char> {
    let mut cells = vec![' '; width];
    let start = position(bar.low, lo, hi, width);
    let end = position(bar.high, lo, hi, width).max(start);
    if bar.open_low {
        cells[..start].fill(OPEN);
    }
    cells[start..=end].fill(SOLID);
    if bar.open_high && end + 1 < width {
        cells[end + 1..].fill(OPEN);
    }
    if let Some(m) = bar.marker {
        cells[position(m, lo, hi, width)] = MARK;
    }
    cells
}

/// Cuts `text` to `width` columns, marking the cut with an ellipsis.
fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    for ch in text.chars() {
        if out.width() + unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0) + 1 > width {
            break;
        }
        out.push(ch);
    }
    out.push('…');
    out
}

/// `$150k` for axis labels; exact amounts stay in the values column.
fn short_dollars(amount: u64) -> String {
    if amount.is_multiple_of(1_000) && amount >= 1_000 {
        format!("${}k", amount / 1_000)
    } else {
        dollars(amount)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::document::Bar;

    fn bar(low: u64, high: u64, open_high: bool) -> Bar {
        Bar {
            label: "x".into(),
            low,
            high,
            open_high,
            open_low: false,
            value: String::new(),
            marker: None,
        }
    }

    #[test]
    fn an_open_band_fades_to_the_right_edge() {
        let cells: String = draw(&bar(150, 170, true), 100, 200, 11)
            .into_iter()
            .collect();
        assert_eq!(cells, "     ███░░░");
    }

    #[test]
    fn a_closed_band_stays_inside() {
        let cells: String = draw(&bar(100, 150, false), 100, 200, 11)
            .into_iter()
            .collect();
        assert_eq!(cells, "██████     ");
    }

    #[test]
    fn the_axis_names_both_ends_and_the_middle_where_it_fits() {
        assert_eq!(axis(100_000, 200_000, 21), "$100k   $150k   $200k");
        assert_eq!(axis(100_000, 200_000, 14), "$100k    $200k");
    }

    fn sample(marker: Option<u64>) -> Chart {
        let mut open = bar(148_672, 208_931, true);
        open.label = "Senior/experienced · Top tech companies (e.g., FAANG)".into();
        open.value = "$148,672 – $208,931+".into();
        let mut up_to = bar(152_601, 152_601, false);
        up_to.open_low = true;
        up_to.value = "up to $152,601".into();
        let mut bars = vec![open, up_to, bar(96_000, 132_000, false)];
        for b in &mut bars {
            b.marker = marker;
        }
        Chart {
            title: "Pay by experience and company type, ml-engineer".into(),
            bars,
        }
    }

    #[test]
    fn every_line_fits_at_40_80_and_120_columns() {
        for width in [40, 80, 120] {
            for color in [false, true] {
                let mut out = Vec::new();
                write(&sample(Some(150_000)), Style { width, color }, &mut out).unwrap();
                let text = String::from_utf8(out).unwrap();
                let plain = if color { strip_ansi(&text) } else { text };
                for line in plain.lines() {
                    assert!(line.width() <= width, "{width}: {line:?}");
                }
                assert!(plain.contains("$148,672 – $208,931+"), "{plain}");
                assert!(plain.contains("your pay ($150,000)"), "{plain}");
            }
        }
    }

    #[test]
    fn a_narrow_chart_stacks_each_bar_under_its_label() {
        let mut out = Vec::new();
        let style = Style {
            width: 40,
            color: false,
        };
        write(&sample(None), style, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let head = lines
            .iter()
            .position(|l| l.starts_with("up to") || l.contains("up to $152,601"))
            .unwrap();
        assert!(
            lines[head + 1].starts_with("  ") && lines[head + 1].contains(OPEN),
            "{text}"
        );
        assert!(!text.contains(MARK), "no marker without one");
    }

    fn strip_ansi(text: &str) -> String {
        let mut out = String::new();
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            if c == '\u{1b}' {
                for c in chars.by_ref() {
                    if c == 'm' {
                        break;
                    }
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn scale_widens_to_ten_thousands() {
        let chart = Chart {
            title: String::new(),
            bars: vec![bar(147_000, 182_182, false), bar(96_000, 96_000, false)],
        };
        assert_eq!(scale(&chart), (90_000, 190_000));
    }

    #[test]
    fn amounts_near_the_largest_integer_neither_panic_nor_wrap() {
        let chart = Chart {
            title: "t".into(),
            bars: vec![bar(1, u64::MAX, false), bar(u64::MAX, u64::MAX, true)],
        };
        assert_eq!(scale(&chart), (0, u64::MAX));
        let top = Chart {
            title: "t".into(),
            bars: vec![bar(u64::MAX, u64::MAX, false)],
        };
        assert_eq!(scale(&top), (u64::MAX / 10_000 * 10_000, u64::MAX));
        let round = u64::MAX / 10_000 * 10_000;
        let round_top = Chart {
            title: "t".into(),
            bars: vec![bar(round, round, false)],
        };
        assert_eq!(scale(&round_top), (u64::MAX - 10_000, u64::MAX));
        for chart in [chart, top, round_top] {
            let mut out = Vec::new();
            let style = Style {
                width: 80,
                color: false,
            };
            write(&chart, style, &mut out).unwrap();
            let text = String::from_utf8(out).unwrap();
            assert!(text.contains("$18,446,744,073,709,551"), "{text}");
        }
    }
}
