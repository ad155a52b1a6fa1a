//! `dti template`: an empty data-entry file listing every indicator of a framework, in the
//! long layout the core reads back (one row per indicator).

use clap::{Args, ValueEnum};
use dti_core::{Framework, Lang, Range};
use rust_xlsxwriter::{Color, Format, FormatBorder, Workbook, XlsxError};

use crate::error::Error;
use crate::input;
use crate::output;
use crate::{Context, Outcome, OutputArgs, i18n};

/// The formats of `dti template`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TemplateFormat {
    /// CSV with a byte order mark, so that Excel shows Vietnamese letters
    Csv,
    /// An Excel workbook with the cells to fill in highlighted
    Xlsx,
}

/// Arguments of `dti template`.
#[derive(Clone, Debug, Args)]
pub struct TemplateArgs {
    /// The framework: an embedded id (see `dti frameworks`) or a TOML/JSON file
    #[arg(long, short = 'f', value_name = "ID|FILE")]
    pub framework: Option<String>,
    /// Output format [default: from the -o file's extension, else csv]
    #[arg(long, value_enum)]
    pub format: Option<TemplateFormat>,
    /// The unit's code to fill in on every row (e.g. 22 for Quảng Ninh)
    #[arg(long, value_name = "CODE")]
    pub unit: Option<String>,
    /// The unit's name to fill in on every row
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// The year the data describes
    #[arg(long, value_name = "YEAR")]
    pub year: Option<i32>,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Runs `dti template`.
pub fn run(args: &TemplateArgs, context: &Context) -> Result<Outcome, Error> {
    let lang = context.lang;
    let (framework, framework_path) = input::read_framework(args.framework.as_deref(), None, lang)?;
    let format = args.format.unwrap_or_else(|| {
        let xlsx = args
            .output
            .output
            .as_ref()
            .and_then(|p| p.extension())
            .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
        if xlsx {
            TemplateFormat::Xlsx
        } else {
            TemplateFormat::Csv
        }
    });
    let rows = rows(&framework, args, lang);
    let bytes = match format {
        TemplateFormat::Csv => csv(&framework, &rows, lang)?,
        TemplateFormat::Xlsx => {
            output::refuse_binary_on_terminal(&args.output, lang)?;
            xlsx(&framework, &rows, lang)
                .map_err(|e| Error::Usage(i18n::cannot_format(lang, "Excel", &e.to_string())))?
        }
    };
    let protected = input::protected([&framework_path]);
    output::emit(&bytes, &args.output, &protected, lang)?;
    Ok(Outcome::Success)
}

/// The headers, in the language; each is one the core's reader recognises (the English
/// name column is ignored by the reader in Vietnamese files).
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

/// Columns that a person fills in (value, numerator, denominator, source).
const INPUT_COLUMNS: std::ops::Range<usize> = 8..12;

struct Row {
    cells: [String; 12],
}

fn rows(framework: &Framework, args: &TemplateArgs, lang: Lang) -> Vec<Row> {
    framework
        .indicators()
        .map(|id| {
            let node = framework.node(id);
            let mut measure = node.unit.label(lang).to_string();
            if let Some(points) = node.points {
                measure.push_str(&match lang {
                    Lang::Vi => format!(", {} điểm", i18n::number(points, lang)),
                    Lang::En => format!(", {} points", i18n::number(points, lang)),
                });
            }
            Row {
                cells: [
                    args.unit.clone().unwrap_or_default(),
                    args.name.clone().unwrap_or_default(),
                    args.year.map(|y| y.to_string()).unwrap_or_default(),
                    node.code.clone(),
                    node.names.vi.clone(),
                    node.names.en.clone(),
                    measure,
                    range(node.range, node.unit.symbol(), lang),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                ],
            }
        })
        .collect()
}

/// `0–1`, `0–100 %`, `≥ 0`, or nothing for any number.
pub fn range(range: Range, symbol: &str, lang: Lang) -> String {
    let symbol = if symbol.is_empty() {
        String::new()
    } else {
        format!(" {symbol}")
    };
    match (range.low.is_finite(), range.high.is_finite()) {
        (true, true) => format!(
            "{}–{}{symbol}",
            i18n::number(range.low, lang),
            i18n::number(range.high, lang)
        ),
        (true, false) => format!("≥ {}{symbol}", i18n::number(range.low, lang)),
        (false, true) => format!("≤ {}{symbol}", i18n::number(range.high, lang)),
        (false, false) => String::new(),
    }
}

/// The note on the first line: what the file is and how to fill it.
fn note(framework: &Framework, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "Mẫu nhập liệu cho bộ chỉ số {}. Điền mã đơn vị, rồi cột giá trị (hoặc tử số và mẫu số) của từng chỉ tiêu; để trống nếu chưa có số liệu. Kiểm tra bằng: dti check TỆP",
            framework.id()
        ),
        Lang::En => format!(
            "Data-entry template for the {} framework. Fill in the unit code, then each indicator's value (or numerator and denominator); leave blank what is not known. Check with: dti check FILE",
            framework.id()
        ),
    }
}

fn csv(framework: &Framework, rows: &[Row], lang: Lang) -> Result<Vec<u8>, Error> {
    let delimiter = match lang {
        Lang::Vi => b';',
        Lang::En => b',',
    };
    let fail = |e: csv::Error| Error::Usage(i18n::cannot_format(lang, "CSV", &e.to_string()));
    // The byte order mark makes Excel read the file as UTF-8.
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend_from_slice(format!("# {}\n", note(framework, lang)).as_bytes());
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(bytes);
    writer.write_record(headers(lang)).map_err(fail)?;
    for row in rows {
        writer.write_record(&row.cells).map_err(fail)?;
    }
    writer
        .into_inner()
        .map_err(|e| Error::Usage(i18n::cannot_format(lang, "CSV", &e.to_string())))
}

fn xlsx(framework: &Framework, rows: &[Row], lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(lang.pick("Nhập liệu", "Data entry"))?;
    let note_format = Format::new()
        .set_italic()
        .set_font_color(Color::RGB(0x555555));
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDE7F3))
        .set_border_bottom(FormatBorder::Thin);
    let input_header = header.clone().set_background_color(Color::RGB(0xFFE699));
    let input_cell = Format::new()
        .set_background_color(Color::RGB(0xFFF2CC))
        .set_border(FormatBorder::Hair);
    sheet.write_string_with_format(0, 0, format!("# {}", note(framework, lang)), &note_format)?;
    for (c, text) in headers(lang).iter().enumerate() {
        let format = if INPUT_COLUMNS.contains(&c) {
            &input_header
        } else {
            &header
        };
        sheet.write_string_with_format(1, c as u16, *text, format)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 2;
        for (c, text) in row.cells.iter().enumerate() {
            if INPUT_COLUMNS.contains(&c) {
                sheet.write_blank(r, c as u16, &input_cell)?;
            } else if c == 2
                && let Ok(year) = text.parse::<i32>()
            {
                sheet.write_number(r, c as u16, f64::from(year))?;
            } else if !text.is_empty() {
                sheet.write_string(r, c as u16, text)?;
            }
        }
    }
    sheet.set_freeze_panes(2, 4)?;
    sheet.autofit();
    // The note on row 1 would make column A as wide as the note.
    sheet.set_column_width(0, 12)?;
    for c in INPUT_COLUMNS {
        sheet.set_column_width(c as u16, 14)?;
    }
    workbook.save_to_buffer()
}
