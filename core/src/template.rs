//! Data-entry templates: every indicator of a framework, one row each, in the long layout the
//! readers take back, with the cells a person fills in left empty. The command line writes them
//! as CSV or Excel, the widget as CSV or JSON; all from the same [`Template`].

use std::ops::Range as Columns;

use crate::framework::{Framework, Range};
use crate::text::Lang;

/// The unit a template is for; each part left blank when not given (a template read back with
/// a blank unit code is refused until the code is filled in).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UnitFields {
    /// The unit's code, e.g. `22` for Quảng Ninh.
    pub code: Option<String>,
    /// The unit's name.
    pub name: Option<String>,
    /// The year the data describes.
    pub year: Option<i32>,
}

/// A template: a note, the headers and one row per indicator.
#[derive(Clone, Debug, PartialEq)]
pub struct Template {
    /// What the file is and how to fill it in, for the first line.
    pub note: String,
    /// The column headers, in the language; each one the readers recognise.
    pub headers: Vec<String>,
    /// One row per indicator, in the framework's order.
    pub rows: Vec<Vec<String>>,
    /// The columns a person fills in (value, numerator, denominator, source).
    pub input_columns: Columns<usize>,
    /// The code of each row's indicator.
    pub indicators: Vec<String>,
    /// The unit the template is for.
    pub unit: UnitFields,
    /// The language of its words.
    pub lang: Lang,
}

/// The template of a framework for a unit, worded in a language.
///
/// ```
/// use dti_core::template::{template, UnitFields};
/// let framework = dti_core::embedded::default_framework();
/// let unit = UnitFields { code: Some("22".into()), ..Default::default() };
/// let t = template(&framework, &unit, dti_core::Lang::En);
/// assert_eq!(t.headers[..4], ["unit", "name", "year", "indicator"]);
/// assert_eq!(t.rows.len(), 9);
/// let filled = t.to_csv().replace(";;;;\n", ";0,5;;;\n");
/// assert!(!dti_core::Dataset::from_csv(&filled, None).has_errors());
/// ```
pub fn template(framework: &Framework, unit: &UnitFields, lang: Lang) -> Template {
    let rows = framework
        .indicators()
        .map(|id| {
            let node = framework.node(id);
            let mut measure = node.unit.label(lang).to_string();
            if let Some(points) = node.points {
                measure.push_str(", ");
                measure.push_str(&crate::words::points_count(points, lang));
            }
            vec![
                unit.code.clone().unwrap_or_default(),
                unit.name.clone().unwrap_or_default(),
                unit.year.map(|y| y.to_string()).unwrap_or_default(),
                node.code.clone(),
                node.names.vi.clone(),
                node.names.en.clone(),
                measure,
                range_text(node.range, node.unit.symbol(), lang),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ]
        })
        .collect();
    let note = crate::words::template_note(framework.id(), lang);
    Template {
        note,
        headers: headers(lang).iter().map(|h| h.to_string()).collect(),
        rows,
        input_columns: 8..12,
        indicators: framework
            .indicators()
            .map(|id| framework.node(id).code.clone())
            .collect(),
        unit: unit.clone(),
        lang,
    }
}

/// The headers, in the language; each is one the readers recognise (the English name column
/// is ignored by the reader in Vietnamese files, and the other way round).
fn headers(lang: Lang) -> [&'static str; 12] {
    match lang {
        Lang::Vi => [
            "mã đơn vị",
            "tên đơn vị",
            "năm",
            "chỉ tiêu",
            "tên chỉ tiêu",
            "name_en",
            "đơn vị đo",
            "khoảng",
            "giá trị",
            "tử số",
            "mẫu số",
            "nguồn",
        ],
        Lang::En => [
            "unit",
            "name",
            "year",
            "indicator",
            "name_vi",
            "name_en",
            "measure",
            "range",
            "value",
            "numerator",
            "denominator",
            "source",
        ],
    }
}

/// An indicator's allowed values in words: `0–1`, `0–100 %`, `≥ 0`, or nothing for any number.
pub fn range_text(range: Range, symbol: &str, lang: Lang) -> String {
    let symbol = if symbol.is_empty() {
        String::new()
    } else {
        format!(" {symbol}")
    };
    match (range.low.is_finite(), range.high.is_finite()) {
        (true, true) => format!(
            "{}–{}{symbol}",
            crate::words::number(range.low, lang),
            crate::words::number(range.high, lang)
        ),
        (true, false) => format!("≥ {}{symbol}", crate::words::number(range.low, lang)),
        (false, true) => format!("≤ {}{symbol}", crate::words::number(range.high, lang)),
        (false, false) => String::new(),
    }
}

impl Template {
    /// The template as CSV: a byte order mark (so that Excel shows Vietnamese letters), the note
    /// as a `#` line, the headers and the rows, separated by semicolons (Vietnamese, whose
    /// decimal comma would clash with commas) or commas (English).
    pub fn to_csv(&self) -> String {
        let delimiter = match self.lang {
            Lang::Vi => b';',
            Lang::En => b',',
        };
        let mut lines = vec![self.headers.clone()];
        lines.extend(self.rows.iter().cloned());
        format!(
            "\u{feff}# {}\n{}",
            self.note,
            crate::csv_writer::to_csv(&lines, delimiter)
        )
    }

    /// The template as a JSON data file: the unit with every value `null`.
    pub fn to_json(&self) -> String {
        let values: serde_json::Map<String, serde_json::Value> = self
            .indicators
            .iter()
            .map(|code| (code.clone(), serde_json::Value::Null))
            .collect();
        let mut unit = serde_json::Map::new();
        unit.insert(
            "code".into(),
            self.unit.code.clone().unwrap_or_default().into(),
        );
        unit.insert(
            "name".into(),
            self.unit.name.clone().unwrap_or_default().into(),
        );
        if let Some(year) = self.unit.year {
            unit.insert("year".into(), year.into());
        }
        unit.insert("values".into(), values.into());
        let document = serde_json::json!({
            "notes": [self.note],
            "units": [unit],
        });
        serde_json::to_string_pretty(&document).unwrap_or_default()
    }
}
