//! Ready-to-fill data files for a framework, readable back by the core's readers.

use dti_core::{Framework, Lang, Node};

/// The placeholder unit code of a template.
pub const PLACEHOLDER_UNIT: &str = "00";

/// `0–1`, `0–100 %`, `≥ 0`.
fn range_text(node: &Node, lang: Lang) -> String {
    let num = |v: f64| dti_core::format_decimal(v, 0, lang);
    let symbol = node.unit.symbol();
    match (node.range.low.is_finite(), node.range.high.is_finite()) {
        (true, true) => format!("{}–{}{symbol}", num(node.range.low), num(node.range.high)),
        (true, false) => format!("≥ {}{symbol}", num(node.range.low)),
        (false, true) => format!("≤ {}{symbol}", num(node.range.high)),
        (false, false) => String::new(),
    }
}

/// Quotes a CSV field when it holds the separator, a quote or a line break.
fn field(text: &str) -> String {
    if text.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// A long-layout CSV (one row per indicator, `;`-separated) with the indicator's name,
/// unit, range and points beside an empty value cell.
pub fn csv(framework: &Framework, lang: Lang) -> String {
    let mut out = String::new();
    out.push_str(&format!("# {}\n", framework.names().get(lang)));
    if let Some(source) = framework.source() {
        out.push_str(&format!("# {source}\n"));
    }
    out.push_str(&format!(
        "# {}\n",
        lang.pick(
            "Thay mã đơn vị 00 và tên, rồi điền cột value (0,75 hoặc 0.75; 75%; 3/4; có/không).",
            "Replace unit code 00 and the name, then fill in the value column (0.75 or 0,75; 75%; 3/4; yes/no).",
        )
    ));
    out.push_str("unit;name;year;indicator;indicator_name;measure;range;points;value\n");
    for id in framework.indicators() {
        let node = framework.node(id);
        let points = node
            .points
            .map(|p| dti_core::format_decimal(p, 0, lang))
            .unwrap_or_default();
        let row = [
            PLACEHOLDER_UNIT.to_string(),
            String::new(),
            String::new(),
            field(&node.code),
            field(node.names.get(lang)),
            field(node.unit.label(lang)),
            field(&range_text(node, lang)),
            points,
            String::new(),
        ];
        out.push_str(&row.join(";"));
        out.push('\n');
    }
    out
}

/// A JSON data file with one placeholder unit and every value `null`.
pub fn json(framework: &Framework, lang: Lang) -> String {
    let mut values = serde_json::Map::new();
    for id in framework.indicators() {
        values.insert(framework.node(id).code.clone(), serde_json::Value::Null);
    }
    let document = serde_json::json!({
        "name": framework.names().get(lang),
        "notes": [lang.pick(
            "Thay mã đơn vị 00 và điền giá trị thay cho null.",
            "Replace unit code 00 and fill in the values in place of null.",
        )],
        "units": [{ "code": PLACEHOLDER_UNIT, "name": "", "values": values }],
    });
    serde_json::to_string_pretty(&document).unwrap_or_default()
}
