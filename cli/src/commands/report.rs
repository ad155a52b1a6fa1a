//! `dti report`: a self-contained, printable (A4) HTML report for one unit: the index and
//! pillars as bars, the main indicators as a radar chart (inline SVG), the points lost, the
//! best next steps and the unit's rank among all units. No external assets.

use std::fmt::Write as _;
use std::path::PathBuf;

use clap::Args;
use dti_core::explain::Explanation;
use dti_core::score::POINTS_DECIMALS;
use dti_core::{Framework, Lang, Results, UnitResult, format_decimal};

use crate::error::Error;
use crate::input::{self, Input};
use crate::output;
use crate::output::display_order;
use crate::{Context, DataArgs, Outcome, OutputArgs, i18n};

/// Arguments of `dti report`.
#[derive(Clone, Debug, Args)]
pub(crate) struct ReportArgs {
    /// The data file: CSV, JSON or .xlsx (`-` reads standard input)
    #[arg(value_name = "DATA")]
    pub data: Option<PathBuf>,
    /// The unit, by code or name [default: the only unit of the data]
    #[arg(long, short = 'u', value_name = "UNIT")]
    pub unit: Option<String>,
    #[command(flatten)]
    pub source: DataArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Runs `dti report`.
pub(crate) fn run(args: &ReportArgs, context: &Context) -> Result<Outcome, Error> {
    let lang = context.lang;
    let input = input::read_data(
        input::required(args.data.as_deref(), "report", lang)?,
        args.source.sheet.as_deref(),
        lang,
    )?;
    let (framework, framework_path) =
        input::read_framework(args.source.framework.as_deref(), input.framework, lang)?;
    let (results, issues) = crate::input::score(&input, &framework, lang)?;
    crate::input::report_warnings(&issues, &input, context);
    let unit = input::find_unit(&input.dataset, args.unit.as_deref(), lang)?;
    let table = dti_core::check(&framework, &input.dataset).table;
    let explanation = dti_core::explain::explain(&framework, &table, unit, None, 0.1).ok();
    let html = render(
        &framework,
        &input,
        &results,
        unit,
        explanation.as_ref(),
        lang,
    );
    let protected = input::protected([&input.path, &framework_path]);
    output::emit(html.as_bytes(), &args.output, &protected, lang)?;
    Ok(Outcome::Success)
}

/// Escapes text for HTML.
pub(crate) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A value's position on its node's scale, from 0 to 1.
fn share(results: &Results, position: usize, value: Option<f64>) -> f64 {
    let scale = results.nodes[position].scale;
    match value {
        Some(v) if scale.is_finite() && scale.high > scale.low => {
            ((v - scale.low) / (scale.high - scale.low)).clamp(0.0, 1.0)
        }
        Some(v) => v.clamp(0.0, 1.0),
        None => 0.0,
    }
}

pub(crate) const STYLE: &str = r#"
@page { size: A4; margin: 14mm 14mm 16mm 14mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: "Noto Sans", "Segoe UI", "Helvetica Neue", Arial, sans-serif;
  color: #1f2a37; font-size: 10.5pt; line-height: 1.4; background: #eef1f5; }
.page { width: 210mm; min-height: 297mm; margin: 0 auto; padding: 14mm; background: #fff; }
@media print { body { background: #fff; } .page { width: auto; min-height: 0; padding: 0; margin: 0; } }
header { border-bottom: 3px solid #0b4f8a; padding-bottom: 6px; margin-bottom: 12px; }
header .kicker { color: #0b4f8a; font-size: 9pt; letter-spacing: .08em; text-transform: uppercase; font-weight: 600; }
h1 { font-size: 20pt; margin: 2px 0 2px; color: #0b2545; }
header .meta { color: #52606d; font-size: 9pt; }
h2 { font-size: 12pt; color: #0b2545; margin: 16px 0 6px; border-left: 4px solid #0b4f8a; padding-left: 8px; }
.cards { display: flex; gap: 8px; margin: 10px 0 4px; }
.card { flex: 1; border: 1px solid #d9e2ec; border-radius: 6px; padding: 8px 10px; background: #f8fafc; }
.card.main { background: #0b4f8a; color: #fff; border-color: #0b4f8a; flex: 1.3; }
.card .label { font-size: 8.5pt; opacity: .85; }
.card .value { font-size: 20pt; font-weight: 700; line-height: 1.15; }
.card .rank { font-size: 8.5pt; opacity: .9; }
.charts { display: flex; gap: 12px; align-items: stretch; }
.charts figure { margin: 0; flex: 1; border: 1px solid #e4e7eb; border-radius: 6px; padding: 6px; }
figcaption { font-size: 9pt; color: #52606d; margin: 0 0 4px 2px; font-weight: 600; }
svg text { font-family: inherit; }
table { width: 100%; border-collapse: collapse; font-size: 9pt; }
th { background: #e6eef7; color: #0b2545; text-align: left; font-weight: 600; padding: 4px 6px; border-bottom: 1px solid #bcccdc; }
td { padding: 3px 6px; border-bottom: 1px solid #eef1f5; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.me td { background: #fff4d6; font-weight: 600; }
.lost { color: #b42318; }
.gain { color: #087443; font-weight: 600; }
.notes { color: #52606d; font-size: 8.5pt; margin-top: 14px; border-top: 1px solid #e4e7eb; padding-top: 6px; }
.avoid-break { break-inside: avoid; }
"#;

/// The whole report.
pub(crate) fn render(
    framework: &Framework,
    input: &Input,
    results: &Results,
    unit: usize,
    explanation: Option<&Explanation>,
    lang: Lang,
) -> String {
    let result = results.row(unit);
    let info = &result.unit;
    let n = results.units.len();
    let precision = results.precision;
    let value = |v: Option<f64>| v.map_or("–".into(), |v| format_decimal(v, precision, lang));
    let order = display_order(framework, results);
    let indices: Vec<usize> = order
        .iter()
        .copied()
        .filter(|&p| results.nodes[p].index)
        .collect();
    let mains: Vec<usize> = order
        .iter()
        .copied()
        .filter(|&p| !results.nodes[p].index && results.nodes[p].max_points != Some(0.0))
        .collect();

    let mut html = String::new();
    let title = format!("{} — {}", i18n::report_title(lang), info.label());
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main class=\"page\">\n",
        lang.pick("vi", "en"),
        esc(&title)
    );

    // Header.
    let mut meta = vec![framework.names().get(lang).to_string()];
    meta.extend(framework.source().map(str::to_string));
    meta.push(format!(
        "{}: {}",
        i18n::data_label(lang),
        input::data_label(input, lang)
    ));
    let _ = write!(
        html,
        "<header>\n<div class=\"kicker\">{}</div>\n<h1>{}</h1>\n<div class=\"meta\">{}</div>\n</header>\n",
        esc(&i18n::report_title(lang)),
        esc(&heading(info)),
        esc(&meta.join(" · "))
    );

    // Cards: the indices with ranks.
    html.push_str("<section class=\"cards\">\n");
    for (i, &p) in indices.iter().enumerate() {
        let node = &result.nodes[p];
        let class = if i == 0 { "card main" } else { "card" };
        let rank = node
            .rank
            .map(|r| i18n::rank_of(lang, r, n))
            .unwrap_or_default();
        let _ = writeln!(
            html,
            "<div class=\"{class}\"><div class=\"label\">{} · {}</div><div class=\"value\">{}</div><div class=\"rank\">{}</div></div>",
            esc(&results.nodes[p].code),
            esc(results.nodes[p].names.get(lang)),
            value(node.value),
            esc(&rank)
        );
    }
    html.push_str("</section>\n");

    // Charts.
    let reference = framework
        .references()
        .iter()
        .filter(|r| info.year.is_none() || r.year == info.year)
        .find(|r| !r.values.is_empty());
    html.push_str("<section class=\"charts avoid-break\">\n");
    let _ = write!(
        html,
        "<figure><figcaption>{}</figcaption>\n{}</figure>\n",
        esc(&i18n::pillars_caption(lang)),
        bars(results, &result, &indices, reference, lang)
    );
    if mains.len() >= 3 {
        let _ = write!(
            html,
            "<figure><figcaption>{}</figcaption>\n{}</figure>\n",
            esc(&i18n::radar_caption(lang)),
            radar(results, &result, &mains, lang)
        );
    }
    html.push_str("</section>\n");

    // Main indicators with points lost.
    let _ = writeln!(html, "<h2>{}</h2>", esc(&i18n::main_indicators(lang)));
    html.push_str("<table>\n<thead><tr>");
    for (label, numeric) in [
        (i18n::code(lang), false),
        (i18n::name(lang), false),
        (i18n::value(lang), true),
        (i18n::points(lang), true),
        (i18n::max_points(lang), true),
        (i18n::points_lost(lang), true),
        (i18n::rank(lang), true),
    ] {
        let class = if numeric { " class=\"num\"" } else { "" };
        let _ = write!(html, "<th{class}>{}</th>", esc(label));
    }
    html.push_str("</tr></thead>\n<tbody>\n");
    for &p in indices.iter().chain(&mains) {
        let (node, about) = (&result.nodes[p], &results.nodes[p]);
        let (points, lost) = super::score::shown(node, about);
        let number =
            |v: Option<f64>, d: u32| v.map_or(String::new(), |v| format_decimal(v, d, lang));
        let strong = if about.index {
            " style=\"font-weight:600\""
        } else {
            ""
        };
        let _ = writeln!(
            html,
            "<tr{strong}><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num lost\">{}</td><td class=\"num\">{}</td></tr>",
            esc(&about.code),
            esc(about.names.get(lang)),
            value(node.value),
            number(points, POINTS_DECIMALS),
            number(about.max_points, 0),
            number(lost, POINTS_DECIMALS),
            node.rank.map(|r| format!("{r}/{n}")).unwrap_or_default()
        );
    }
    html.push_str("</tbody>\n</table>\n");

    // Where the same effort gains the most.
    if let Some(why) = explanation.filter(|w| !w.best_moves.is_empty()) {
        let _ = write!(
            html,
            "<h2>{}</h2>\n<table class=\"avoid-break\">\n<thead><tr><th>#</th><th>{}</th><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead>\n<tbody>\n",
            esc(&i18n::best_moves(lang, &i18n::number(why.step, lang))),
            esc(i18n::code(lang)),
            esc(i18n::name(lang)),
            esc(i18n::from_to(lang)),
            esc(&i18n::index_gain(lang, &why.index)),
        );
        for (i, step) in why.best_moves.iter().take(5).enumerate() {
            let name = framework
                .find(&step.indicator)
                .map(|id| framework.node(id).names.get(lang).to_string())
                .unwrap_or_default();
            let gain = match step.gain_points {
                Some(points) => format!(
                    "+{} ({})",
                    format_decimal(step.gain, precision, lang),
                    i18n::points_gain(lang, &format_decimal(points, 1, lang))
                ),
                None => format!("+{}", format_decimal(step.gain, precision, lang)),
            };
            let _ = writeln!(
                html,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{} → {}</td><td class=\"num gain\">{}</td></tr>",
                i + 1,
                esc(&step.indicator),
                esc(&name),
                format_decimal(step.from, precision, lang),
                format_decimal(step.to, precision, lang),
                esc(&gain)
            );
        }
        html.push_str("</tbody>\n</table>\n");
    }

    // Rank among all units.
    if n > 1
        && let Some(&first) = indices.first()
    {
        let _ = write!(
            html,
            "<h2>{}</h2>\n<table class=\"avoid-break\">\n<thead><tr><th class=\"num\">{}</th><th>{}</th><th>{}</th>",
            esc(&i18n::ranking(lang, &results.nodes[first].code)),
            esc(i18n::rank(lang)),
            esc(i18n::code(lang)),
            esc(i18n::unit_name(lang)),
        );
        for &p in &indices {
            let _ = write!(
                html,
                "<th class=\"num\">{}</th>",
                esc(&results.nodes[p].code)
            );
        }
        html.push_str("</tr></thead>\n<tbody>\n");
        for other in results
            .ranking(first, first)
            .into_iter()
            .map(|u| results.row(u))
        {
            let me = if other.unit.code == info.code {
                " class=\"me\""
            } else {
                ""
            };
            let _ = write!(
                html,
                "<tr{me}><td class=\"num\">{}</td><td>{}</td><td>{}</td>",
                other.nodes[first]
                    .rank
                    .map(|r| r.to_string())
                    .unwrap_or_default(),
                esc(&other.unit.code),
                esc(other.unit.name.as_deref().unwrap_or(""))
            );
            for &p in &indices {
                let _ = write!(
                    html,
                    "<td class=\"num\">{}</td>",
                    value(other.nodes[p].value)
                );
            }
            html.push_str("</tr>\n");
        }
        html.push_str("</tbody>\n</table>\n");
    }

    // Notes for the reader: synthetic data said so, and the reference used. The data file's
    // own `#` lines are for whoever keeps the file (how to fill it in, how it was made) and
    // are not copied.
    html.push_str("<footer class=\"notes\">\n");
    if input::is_synthetic(&input.dataset) {
        let _ = writeln!(html, "<div>{}</div>", esc(i18n::synthetic_footer(lang)));
    }
    if let Some(reference) = reference {
        let _ = writeln!(
            html,
            "<div>{}: {}</div>",
            esc(&i18n::reference_line(lang)),
            esc(reference.names.get(lang))
        );
    }
    let _ = writeln!(
        html,
        "<div>{}</div>",
        esc(&i18n::made_by(lang, env!("CARGO_PKG_VERSION")))
    );
    html.push_str("</footer>\n</main>\n</body>\n</html>\n");
    html
}

fn heading(info: &dti_core::UnitInfo) -> String {
    let mut text = info.label().to_string();
    if info.name.is_some() {
        text.push_str(&format!(" ({})", info.code.as_str()));
    }
    if let Some(year) = info.year {
        text.push_str(&format!(" · {year}"));
    }
    text
}

/// Horizontal bars for the indices, with the reference (national average) as a tick.
fn bars(
    results: &Results,
    result: &UnitResult,
    indices: &[usize],
    reference: Option<&dti_core::framework::Reference>,
    lang: Lang,
) -> String {
    let (width, row, left, right) = (340.0, 40.0, 46.0, 60.0);
    let has_reference = reference.is_some_and(|r| {
        indices
            .iter()
            .any(|&p| r.values.contains_key(&*results.nodes[p].code))
    });
    let axis = row * indices.len() as f64 + 8.0;
    let height = axis + if has_reference { 36.0 } else { 18.0 };
    let span = width - left - right;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"100%\" role=\"img\" aria-label=\"{}\">\n",
        esc(&i18n::pillars_caption(lang))
    );
    for tick in [0.0, 0.25, 0.5, 0.75, 1.0] {
        let x = left + span * tick;
        let _ = write!(
            svg,
            "<line x1=\"{x:.1}\" y1=\"4\" x2=\"{x:.1}\" y2=\"{axis:.1}\" stroke=\"#e4e7eb\"/>\n<text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"8\" fill=\"#7b8794\" text-anchor=\"middle\">{}</text>\n",
            axis + 11.0,
            format_decimal(tick, 2, lang)
        );
    }
    let palette = ["#0b4f8a", "#2f80c0", "#3aa7a0", "#e0a526", "#8e6bbf"];
    for (i, &p) in indices.iter().enumerate() {
        let y = 8.0 + row * i as f64;
        let value = result.nodes[p].value;
        let w = span * share(results, p, value);
        let code = &results.nodes[p].code;
        let _ = write!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" font-weight=\"600\" fill=\"#1f2a37\" text-anchor=\"end\">{}</text>\n\
             <rect x=\"{left}\" y=\"{y:.1}\" width=\"{span:.1}\" height=\"22\" rx=\"3\" fill=\"#f0f4f8\"/>\n\
             <rect class=\"bar\" x=\"{left}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"22\" rx=\"3\" fill=\"{}\"/>\n\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" fill=\"#1f2a37\">{}</text>\n",
            left - 6.0,
            y + 15.0,
            esc(code),
            palette[i % palette.len()],
            left + w + 4.0,
            y + 15.0,
            value.map_or("–".into(), |v| format_decimal(v, results.precision, lang))
        );
        if let Some(average) = reference.and_then(|r| r.values.get(&**code)) {
            let x = left + span * average.clamp(0.0, 1.0);
            let _ = writeln!(
                svg,
                "<line x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"#b42318\" stroke-width=\"2\"><title>{}</title></line>",
                y - 3.0,
                y + 25.0,
                esc(&format!(
                    "{}: {}",
                    i18n::average(lang),
                    format_decimal(*average, results.precision, lang)
                ))
            );
        }
    }
    if has_reference {
        let y = axis + 26.0;
        let _ = write!(
            svg,
            "<line x1=\"{left}\" y1=\"{:.1}\" x2=\"{left}\" y2=\"{:.1}\" stroke=\"#b42318\" stroke-width=\"2\"/>\n<text x=\"{:.1}\" y=\"{y:.1}\" font-size=\"8.5\" fill=\"#b42318\">{}</text>\n",
            y - 8.0,
            y + 2.0,
            left + 6.0,
            esc(&reference
                .map(|r| r.names.get(lang).to_string())
                .unwrap_or_default())
        );
    }
    svg.push_str("</svg>\n");
    svg
}

/// A radar chart of the main indicators' values (0 to 1).
fn radar(results: &Results, result: &UnitResult, mains: &[usize], lang: Lang) -> String {
    let (size, cx, cy, radius) = (340.0, 170.0, 165.0, 112.0);
    let count = mains.len() as f64;
    let point = |i: usize, r: f64| {
        let angle = std::f64::consts::TAU * i as f64 / count - std::f64::consts::FRAC_PI_2;
        (cx + r * angle.cos(), cy + r * angle.sin())
    };
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {}\" width=\"100%\" role=\"img\" aria-label=\"{}\">\n",
        size - 10.0,
        esc(&i18n::radar_caption(lang))
    );
    for level in [0.25, 0.5, 0.75, 1.0] {
        let ring: Vec<String> = (0..mains.len())
            .map(|i| {
                let (x, y) = point(i, radius * level);
                format!("{x:.1},{y:.1}")
            })
            .collect();
        let _ = writeln!(
            svg,
            "<polygon points=\"{}\" fill=\"none\" stroke=\"#d9e2ec\" stroke-width=\"1\"/>",
            ring.join(" ")
        );
    }
    for (i, &p) in mains.iter().enumerate() {
        let (x, y) = point(i, radius);
        let (lx, ly) = point(i, radius + 16.0);
        let anchor = if (lx - cx).abs() < 8.0 {
            "middle"
        } else if lx > cx {
            "start"
        } else {
            "end"
        };
        let _ = write!(
            svg,
            "<line x1=\"{cx}\" y1=\"{cy}\" x2=\"{x:.1}\" y2=\"{y:.1}\" stroke=\"#d9e2ec\"/>\n<text x=\"{lx:.1}\" y=\"{:.1}\" font-size=\"9\" font-weight=\"600\" fill=\"#334e68\" text-anchor=\"{anchor}\"><title>{}</title>{}</text>\n",
            ly + 3.0,
            esc(results.nodes[p].names.get(lang)),
            esc(&results.nodes[p].code)
        );
    }
    let shape: Vec<String> = mains
        .iter()
        .enumerate()
        .map(|(i, &p)| {
            let (x, y) = point(i, radius * share(results, p, result.nodes[p].value));
            format!("{x:.1},{y:.1}")
        })
        .collect();
    let _ = writeln!(
        svg,
        "<polygon class=\"unit\" points=\"{}\" fill=\"rgba(11,79,138,0.22)\" stroke=\"#0b4f8a\" stroke-width=\"2\"/>",
        shape.join(" ")
    );
    for (i, &p) in mains.iter().enumerate() {
        let (x, y) = point(i, radius * share(results, p, result.nodes[p].value));
        let _ = writeln!(
            svg,
            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"3\" fill=\"#0b4f8a\"><title>{} {}</title></circle>",
            esc(&results.nodes[p].code),
            result.nodes[p].value.map_or("–".into(), |v| format_decimal(
                v,
                results.precision,
                lang
            ))
        );
    }
    for level in [0.5, 1.0] {
        let _ = writeln!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"7.5\" fill=\"#7b8794\">{}</text>",
            cx + 3.0,
            cy - radius * level - 2.0,
            format_decimal(level, 1, lang)
        );
    }
    svg.push_str("</svg>\n");
    svg
}
