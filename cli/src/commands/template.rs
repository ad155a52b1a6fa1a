//! `dti template`: an empty data-entry file listing every indicator of a framework, in the
//! long layout the core reads back (one row per indicator): the core's
//! [`template`](dti_core::template), written as CSV, JSON or an Excel workbook.

use clap::{Args, ValueEnum};
use dti_core::template::{Template, UnitFields, template};
use rust_xlsxwriter::{Color, Format, FormatBorder, Workbook, XlsxError};

use crate::error::Error;
use crate::input;
use crate::output;
use crate::{Context, Outcome, OutputArgs, i18n};

/// The formats of `dti template`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum TemplateFormat {
    /// CSV with a byte order mark, so that Excel shows Vietnamese letters
    Csv,
    /// An Excel workbook with the cells to fill in highlighted
    Xlsx,
    /// A JSON data file with every value `null`
    Json,
}

/// Arguments of `dti template`.
#[derive(Clone, Debug, Args)]
pub(crate) struct TemplateArgs {
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
pub(crate) fn run(args: &TemplateArgs, context: &Context) -> Result<Outcome, Error> {
    let lang = context.lang;
    let (framework, framework_path) = input::read_framework(args.framework.as_deref(), None, lang)?;
    let extension = args
        .output
        .output
        .as_ref()
        .and_then(|p| p.extension())
        .map(|e| e.to_string_lossy().to_lowercase());
    let format = args.format.unwrap_or(match extension.as_deref() {
        Some("xlsx") => TemplateFormat::Xlsx,
        Some("json") => TemplateFormat::Json,
        _ => TemplateFormat::Csv,
    });
    let unit = UnitFields {
        code: args.unit.clone(),
        name: args.name.clone(),
        year: args.year,
    };
    let mut template = template(&framework, &unit, lang);
    template
        .note
        .push_str(&format!(" {}", i18n::template_check_with(lang)));
    let bytes = match format {
        TemplateFormat::Csv => template.to_csv().into_bytes(),
        TemplateFormat::Json => template.to_json().into_bytes(),
        TemplateFormat::Xlsx => {
            output::refuse_binary_on_terminal(&args.output, lang)?;
            xlsx(&template, lang)
                .map_err(|e| Error::Usage(i18n::cannot_format(lang, "Excel", &e.to_string())))?
        }
    };
    let protected = input::protected([&framework_path]);
    output::emit(&bytes, &args.output, &protected, lang)?;
    Ok(Outcome::Success)
}

fn xlsx(template: &Template, lang: dti_core::Lang) -> Result<Vec<u8>, XlsxError> {
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
    sheet.write_string_with_format(0, 0, format!("# {}", template.note), &note_format)?;
    for (c, text) in template.headers.iter().enumerate() {
        let format = if template.input_columns.contains(&c) {
            &input_header
        } else {
            &header
        };
        sheet.write_string_with_format(1, c as u16, text, format)?;
    }
    for (r, row) in template.rows.iter().enumerate() {
        let r = r as u32 + 2;
        for (c, text) in row.iter().enumerate() {
            if template.input_columns.contains(&c) {
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
    for c in template.input_columns.clone() {
        sheet.set_column_width(c as u16, 14)?;
    }
    workbook.save_to_buffer()
}
