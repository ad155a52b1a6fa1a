//! Reading the inputs: data files (CSV, JSON, Excel, or an embedded data set) and frameworks
//! (an embedded id or a TOML/JSON file).

use std::path::{Path, PathBuf};

use std::sync::OnceLock;

use dti_core::limits::Limits;
use dti_core::{
    Dataset, Diagnostic, Framework, Lang, Location, Problem, Results, Severity, embedded,
};

use crate::error::{Error, Issue, counts};
use crate::{Context, i18n, output, sheet};

/// The data file a command was given; without one, a usage error that says a file is needed
/// and how to try the tool on an embedded example. No command falls back on data of its own
/// choosing: a real province's file, or synthetic values under real names, would be shown as
/// if they were the user's.
pub(crate) fn required<'a>(
    data: Option<&'a Path>,
    command: &str,
    lang: Lang,
) -> Result<&'a Path, Error> {
    data.ok_or_else(|| {
        Error::Usage(format!(
            "{}\n  {}: {}",
            i18n::data_needed(lang, command),
            i18n::hint_label(lang),
            i18n::data_needed_hint(lang, command)
        ))
    })
}

/// A data file as read: the data set, and the problems reading it found.
#[derive(Debug)]
pub(crate) struct Input {
    /// The name used in messages (the path as given, or the embedded file's name).
    pub name: String,
    /// The file, when the data came from one (outputs must never replace it).
    pub path: Option<PathBuf>,
    /// The data that could be read.
    pub dataset: Dataset,
    /// The reader's diagnostics.
    pub diagnostics: Vec<Diagnostic>,
    /// Problems the tool found before the core could read the text (encodings).
    pub tool_issues: Vec<Issue>,
    /// The framework an embedded data set is meant for.
    pub framework: Option<&'static str>,
    /// For spreadsheets: the sheet's name and the column of its first used cell (0-based),
    /// so that places are shown as Excel cells.
    pub sheet: Option<(String, u64)>,
}

impl Input {
    /// Words diagnostics about this input, showing places as Excel cells for spreadsheets.
    pub(crate) fn issues(&self, diagnostics: Vec<Diagnostic>, lang: Lang) -> Vec<Issue> {
        let mut issues = self.tool_issues.clone();
        for mut diagnostic in diagnostics {
            let mut cell = None;
            if let Some((sheet, offset)) = &self.sheet
                && diagnostic.location.file.as_deref() == Some(self.name.as_str())
            {
                if let Some(column) = diagnostic.location.column.as_mut() {
                    *column += offset;
                }
                if let (Some(line), Some(column)) =
                    (diagnostic.location.line, diagnostic.location.column)
                {
                    cell = Some(format!(
                        "{}:{sheet}!{}{line}",
                        self.name,
                        column_letters(column)
                    ));
                }
            }
            let mut issue = Issue::new(diagnostic, lang);
            if let Some(cell) = cell {
                let place = Location {
                    file: Some(cell.into()),
                    line: None,
                    column: None,
                    ..issue.location.clone()
                };
                issue = issue.placed(place.describe(lang));
            }
            issues.push(issue);
        }
        issues
    }

    /// Every reading problem as issues.
    pub(crate) fn reading_issues(&self, lang: Lang) -> Vec<Issue> {
        self.issues(self.diagnostics.clone(), lang)
    }
}

/// `1` → `A`, `27` → `AA`.
fn column_letters(mut column: u64) -> String {
    let mut letters = Vec::new();
    while column > 0 {
        let rest = (column - 1) % 26;
        letters.push(char::from(b'A' + rest as u8));
        column = (column - 1) / 26;
    }
    letters.iter().rev().collect()
}

static LIMITS: OnceLock<Limits> = OnceLock::new();

/// Sets the limits every input is read with (`--max-file-mb`, `--max-rows`, `--max-columns`);
/// the first call wins. Without a call, the core's defaults apply.
pub(crate) fn set_limits(limits: Limits) {
    let _ = LIMITS.set(limits);
}

fn limits() -> &'static Limits {
    LIMITS.get_or_init(Limits::default)
}

/// Refuses a file larger than the byte limit before reading it into memory.
pub(crate) fn check_size(path: &Path, name: &str, lang: Lang) -> Result<(), Error> {
    let limit = limits().max_bytes;
    match std::fs::metadata(path) {
        Ok(meta) if meta.len() > limit as u64 => {
            let problem = Problem::TooLarge {
                what: dti_core::limits::Quantity::Bytes,
                limit: limit as u64,
            };
            let diagnostic = Diagnostic::error(Location::file(Some(name)), problem);
            Err(Error::Data(Issue::all([diagnostic], lang)))
        }
        _ => Ok(()),
    }
}

/// Reads a data file. A name that is not a file but is the name of an embedded data set
/// reads that data set. `-` reads standard input.
pub(crate) fn read_data(path: &Path, sheet: Option<&str>, lang: Lang) -> Result<Input, Error> {
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        let most = limits().max_bytes as u64 + 1;
        std::io::Read::read_to_end(&mut std::io::Read::take(std::io::stdin(), most), &mut bytes)
            .map_err(|e| Error::Usage(i18n::cannot_read(lang, "-", &e)))?;
        return Ok(from_bytes("-", None, &bytes, lang));
    }
    let name = path.display().to_string();
    if !path.exists()
        && let Some(input) = path.to_str().and_then(embedded_data)
    {
        return Ok(input);
    }
    if path.is_dir() {
        return Err(Error::Usage(i18n::input_is_dir(lang, &name)));
    }
    check_size(path, &name, lang)?;
    let bytes = std::fs::read(path).map_err(|e| Error::Usage(read_failure(lang, &name, &e)))?;
    let named_like_workbook = sheet::named_like_workbook(path);
    if sheet::is_workbook(&bytes) || (named_like_workbook && std::str::from_utf8(&bytes).is_err()) {
        let read = sheet::read(&name, &bytes, sheet, limits(), lang)?;
        let parsed = Dataset::from_csv_with(&read.csv, Some(&name), limits());
        return Ok(Input {
            name,
            path: Some(path.to_path_buf()),
            dataset: parsed.dataset,
            diagnostics: parsed.diagnostics,
            tool_issues: read.notes,
            framework: None,
            sheet: Some((read.sheet, read.column_offset)),
        });
    }
    if sheet.is_some() {
        return Err(Error::Usage(i18n::sheet_needs_workbook(lang, &name)));
    }
    let mut input = from_bytes(&name, Some(path), &bytes, lang);
    if named_like_workbook {
        // A CSV file saved under a workbook's name: read as what it is.
        input.tool_issues.insert(
            0,
            Issue::tool(
                Severity::Warning,
                Location::file(Some(&name)),
                lang,
                i18n::text_named_workbook(lang),
                None,
            ),
        );
    }
    Ok(input)
}

pub(crate) fn read_failure(lang: Lang, name: &str, error: &std::io::Error) -> String {
    if error.kind() == std::io::ErrorKind::NotFound {
        i18n::not_found(lang, name)
    } else {
        i18n::cannot_read(lang, name, error)
    }
}

fn embedded_data(name: &str) -> Option<Input> {
    let (file, framework, text) = embedded::DATASETS
        .iter()
        .find(|(file, _, _)| *file == name)?;
    let parsed = Dataset::from_csv(text, Some(file));
    Some(Input {
        name: file.to_string(),
        path: None,
        dataset: parsed.dataset,
        diagnostics: parsed.diagnostics,
        tool_issues: Vec::new(),
        framework: Some(framework),
        sheet: None,
    })
}

/// Decodes text files: UTF-8 (with or without a byte order mark), UTF-16 with a byte order
/// mark (Excel's "Unicode text"), and anything else as Windows-1258, the Vietnamese Windows
/// code page older Excel versions save CSV in, with a warning.
fn from_bytes(name: &str, path: Option<&Path>, bytes: &[u8], lang: Lang) -> Input {
    let mut tool_issues = Vec::new();
    let text = if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes)
        && encoding != encoding_rs::UTF_8
    {
        let (text, _, _) = encoding.decode(bytes);
        tool_issues.push(Issue::tool(
            Severity::Note,
            Location::file(Some(name)),
            lang,
            i18n::read_as_utf16(lang),
            None,
        ));
        text
    } else {
        match std::str::from_utf8(bytes) {
            // Read in place: a large file is not held twice while it is parsed.
            Ok(text) => std::borrow::Cow::Borrowed(text),
            Err(error) => {
                let before = &bytes[..error.valid_up_to()];
                let line = before.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
                let line_start = before
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(0, |p| p + 1);
                let column = String::from_utf8_lossy(&before[line_start..])
                    .chars()
                    .count() as u64
                    + 1;
                let (text, _, _) = encoding_rs::WINDOWS_1258.decode(bytes);
                tool_issues.push(Issue::tool(
                    Severity::Warning,
                    Location::file(Some(name)).at(line, column),
                    lang,
                    i18n::not_utf8(lang, bytes[error.valid_up_to()]),
                    Some(i18n::not_utf8_hint(lang)),
                ));
                text
            }
        }
    };
    let parsed = Dataset::parse_with(&text, Some(name), limits());
    Input {
        name: name.to_string(),
        path: path.map(Path::to_path_buf),
        dataset: parsed.dataset,
        diagnostics: parsed.diagnostics,
        tool_issues,
        framework: None,
        sheet: None,
    }
}

/// A framework: an embedded id, or a TOML/JSON file; by default the data set's own
/// framework, else the 2022 provincial DTI. Returns the file it came from, if any.
pub(crate) fn read_framework(
    given: Option<&str>,
    data_default: Option<&str>,
    lang: Lang,
) -> Result<(Framework, Option<PathBuf>), Error> {
    let id = match given {
        None => data_default.unwrap_or(embedded::DEFAULT_FRAMEWORK),
        Some(id) => id,
    };
    if let Some(framework) = embedded::framework(id) {
        return Ok((framework, None));
    }
    let path = Path::new(id);
    if given.is_none() || !path.is_file() {
        let known: Vec<&str> = embedded::FRAMEWORKS.iter().map(|(id, _)| *id).collect();
        return Err(Error::Usage(i18n::unknown_framework(lang, id, &known)));
    }
    check_size(path, id, lang)?;
    let bytes = std::fs::read(path).map_err(|e| Error::Usage(read_failure(lang, id, &e)))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Error::Framework(vec![Issue::tool(
            Severity::Error,
            Location::file(Some(id)),
            lang,
            i18n::not_utf8(lang, 0),
            Some(i18n::framework_utf8_hint(lang)),
        )])
    })?;
    let framework = dti_core::limits::read_framework(&text, Some(id), limits())
        .map_err(|failure| Error::Framework(Issue::all(failure.diagnostics, lang)))?;
    Ok((framework, Some(path.to_path_buf())))
}

/// Finds a unit by code or by name (ignoring case); with no unit asked for, the only unit.
pub(crate) fn find_unit(
    dataset: &Dataset,
    wanted: Option<&str>,
    lang: Lang,
) -> Result<usize, Error> {
    let units = dataset.units();
    let Some(wanted) = wanted else {
        return match units.len() {
            1 => Ok(0),
            _ => Err(Error::Usage(i18n::choose_unit(
                lang,
                &unit_list(dataset, lang),
            ))),
        };
    };
    dataset
        .find_unit(wanted)
        .ok_or_else(|| Error::Usage(i18n::unknown_unit(lang, wanted, &unit_list(dataset, lang))))
}

/// A few of the data's units, to choose from; the rest counted, with the command that lists
/// them all.
fn unit_list(dataset: &Dataset, lang: Lang) -> String {
    const SHOWN: usize = 8;
    let units = dataset.units();
    let list: Vec<String> = units
        .iter()
        .take(SHOWN)
        .map(|u| match &u.name {
            Some(name) => format!("{} ({})", u.code.as_str(), name.as_str()),
            None => u.code.to_string(),
        })
        .collect();
    if units.len() > SHOWN {
        format!(
            "{}, … {}",
            list.join(", "),
            i18n::more_units(lang, units.len())
        )
    } else {
        list.join(", ")
    }
}

/// The paths an output must never replace.
pub(crate) fn protected<'a>(paths: impl IntoIterator<Item = &'a Option<PathBuf>>) -> Vec<&'a Path> {
    paths.into_iter().flatten().map(PathBuf::as_path).collect()
}

/// True when the data set's notes say its values are synthetic (the demonstration data sets
/// do): every output that uses it says so in its header.
pub(crate) fn is_synthetic(dataset: &Dataset) -> bool {
    dataset.notes().iter().any(|note| {
        let lower = note.to_lowercase();
        lower.contains("synthetic") || lower.contains("giả lập")
    })
}

/// `name` or `name · SYNTHETIC DATA` for output headers.
pub(crate) fn data_label(input: &Input, lang: Lang) -> String {
    if is_synthetic(&input.dataset) {
        format!("{} · {}", input.name, i18n::synthetic(lang))
    } else {
        input.name.clone()
    }
}

/// A data file read, checked and scored: what every analysis starts from.
#[derive(Debug)]
pub(crate) struct Scored {
    /// The data as read.
    pub input: Input,
    /// The framework.
    pub framework: Framework,
    /// The framework's file, if it came from one.
    pub framework_path: Option<PathBuf>,
    /// The results as the data stands.
    pub results: dti_core::Results,
    /// The checked values, in each indicator's unit.
    pub table: dti_core::Table,
}

impl Scored {
    /// The paths an output must never replace.
    pub(crate) fn protected(&self) -> Vec<&Path> {
        protected([&self.input.path, &self.framework_path])
    }
}

/// Reads, checks and scores a data file (warnings go to standard error, errors fail).
pub(crate) fn read_scored(
    data: &Path,
    source: &crate::DataArgs,
    context: &crate::Context,
) -> Result<Scored, Error> {
    let lang = context.lang;
    let input = read_data(data, source.sheet.as_deref(), lang)?;
    let (framework, framework_path) =
        read_framework(source.framework.as_deref(), input.framework, lang)?;
    let (results, issues) = score(&input, &framework, lang)?;
    report_warnings(&issues, &input, context);
    let table = results.table().clone();
    Ok(Scored {
        input,
        framework,
        framework_path,
        results,
        table,
    })
}

/// Scores an input: fails with every problem when reading or checking found errors;
/// otherwise returns the results and the warnings and notes.
pub(crate) fn score(
    input: &Input,
    framework: &Framework,
    lang: Lang,
) -> Result<(Results, Vec<Issue>), Error> {
    score_checked(input, framework, check(input, framework), lang)
}

/// The node a code typed on the command line names (`--set i1=…`, `--sort cqs`), letter
/// case aside as in data headers; a usage error naming the code when there is none.
pub(crate) fn node(
    framework: &Framework,
    code: &str,
    lang: Lang,
) -> Result<dti_core::NodeId, Error> {
    framework
        .find_typed(code)
        .ok_or_else(|| Error::Usage(i18n::unknown_node(lang, code)))
}

/// [`node`]'s code as the framework writes it.
pub(crate) fn node_code(framework: &Framework, code: &str, lang: Lang) -> Result<String, Error> {
    let id = node(framework, code, lang)?;
    Ok(framework.node(id).code.clone())
}

/// Checks an input's data against a framework; a file made for another embedded framework is
/// told which, since `--framework` can name it.
pub(crate) fn check(input: &Input, framework: &Framework) -> dti_core::Checked {
    let mut checked = dti_core::check(framework, &input.dataset);
    let diagnostics = &mut checked.diagnostics;
    dti_core::embedded::name_fitting_framework(framework, &input.dataset, diagnostics);
    checked
}

/// [`score`] from the input's data already checked.
pub(crate) fn score_checked(
    input: &Input,
    framework: &Framework,
    checked: dti_core::Checked,
    lang: Lang,
) -> Result<(Results, Vec<Issue>), Error> {
    match dti_core::score_checked(framework, checked) {
        Ok(results) => {
            let diagnostics = dti_core::diagnostic::merge(
                framework,
                input.diagnostics.clone(),
                results.diagnostics.clone(),
            );
            let issues = input.issues(diagnostics, lang);
            if issues.iter().any(|i| i.severity() == Severity::Error) {
                return Err(Error::Data(issues));
            }
            Ok((results, issues))
        }
        Err(failure) => {
            let diagnostics = dti_core::diagnostic::merge(
                framework,
                input.diagnostics.clone(),
                failure.diagnostics,
            );
            Err(Error::Data(input.issues(diagnostics, lang)))
        }
    }
}

/// Tells on standard error how many warnings the data has, and how to see them.
pub(crate) fn report_warnings(issues: &[Issue], input: &Input, context: &Context) {
    let [_, warnings, _] = counts(issues);
    if warnings > 0 {
        let label = output::paint(
            context.color_err,
            "1;33",
            i18n::severity(context.lang, Severity::Warning),
        );
        eprintln!(
            "{label}: {}",
            output::visible(&i18n::warnings_summary(context.lang, warnings, &input.name))
        );
    }
}
