//! Problems found in frameworks and data, with where they are and what to do about them.
//!
//! Every check collects all the problems it finds instead of stopping at the first, so a
//! person fixing a spreadsheet sees the whole list at once. A [`Diagnostic`] carries the
//! structured facts ([`Problem`]) and a [`Location`]; the words come from
//! [`Diagnostic::message`] and [`Diagnostic::hint`] in the requested [`Lang`].

use std::fmt;

use serde::Serialize;

use crate::text::{Lang, format_decimal};

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; the input was understood (for example a decimal comma was accepted).
    Note,
    /// The input was used, but a person should look at it.
    Warning,
    /// The input cannot be used as it is.
    Error,
}

/// Where a problem is: any of file, line, column, unit and indicator that are known.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Location {
    /// The file (or other origin) name given by the caller.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// 1-based line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// 1-based column (field number in CSV, character in TOML/JSON).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u64>,
    /// The unit (province) code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The indicator or node code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub indicator: Option<String>,
}

impl Location {
    /// A location in a named file.
    pub fn file(name: Option<&str>) -> Location {
        Location {
            file: name.map(str::to_string),
            ..Location::default()
        }
    }

    /// The same location at a line and column.
    pub fn at(mut self, line: u64, column: u64) -> Location {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    /// The same location for a unit.
    pub fn unit(mut self, unit: impl Into<String>) -> Location {
        self.unit = Some(unit.into());
        self
    }

    /// The same location for an indicator or node.
    pub fn indicator(mut self, code: impl Into<String>) -> Location {
        self.indicator = Some(code.into());
        self
    }

    /// Renders the location, e.g. `data.csv:4:7, unit 22, indicator I3` (in the given language).
    pub fn describe(&self, lang: Lang) -> String {
        let mut parts = Vec::new();
        if let Some(file) = &self.file {
            let mut place = file.clone();
            if let Some(line) = self.line {
                place.push_str(&format!(":{line}"));
                if let Some(column) = self.column {
                    place.push_str(&format!(":{column}"));
                }
            }
            parts.push(place);
        } else if let Some(line) = self.line {
            parts.push(format!("{} {line}", lang.pick("dòng", "line")));
        }
        if let Some(unit) = &self.unit {
            parts.push(format!("{} {unit}", lang.pick("đơn vị", "unit")));
        }
        if let Some(code) = &self.indicator {
            parts.push(format!("{} {code}", lang.pick("chỉ tiêu", "indicator")));
        }
        parts.join(", ")
    }
}

/// How a value was written in the data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueForm {
    /// A plain number.
    Number,
    /// A percentage such as `96%`.
    Percent,
    /// A numerator and a denominator.
    Ratio,
    /// Yes or no.
    YesNo,
}

impl ValueForm {
    fn name(self, lang: Lang) -> &'static str {
        match self {
            ValueForm::Number => lang.pick("số", "a number"),
            ValueForm::Percent => lang.pick("tỷ lệ phần trăm", "a percentage"),
            ValueForm::Ratio => lang.pick("tử số/mẫu số", "a numerator/denominator pair"),
            ValueForm::YesNo => lang.pick("có/không", "yes/no"),
        }
    }
}

/// What is wrong, with the facts needed to say it in any language.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Problem {
    /// The text is not valid TOML, JSON or CSV.
    Syntax {
        /// The parser's own description.
        detail: String,
    },
    /// The input is larger than the limit allows.
    TooLarge {
        /// What was counted (bytes, rows, columns …).
        what: String,
        /// The limit.
        limit: u64,
    },
    /// A framework setting has an impossible value.
    BadSetting {
        /// The setting's name.
        setting: String,
        /// Why it is impossible.
        detail: String,
    },
    /// Two nodes share a code.
    DuplicateCode {
        /// The code.
        code: String,
    },
    /// A code is referred to but never defined.
    UnknownCode {
        /// The undefined code.
        code: String,
        /// Where it was referred to.
        referenced_by: String,
    },
    /// The aggregates refer to each other in a loop.
    Cycle {
        /// The codes along the loop.
        path: Vec<String>,
    },
    /// A node does not count toward any declared index.
    Unreachable {
        /// The node.
        code: String,
    },
    /// An aggregate has no children.
    NoChildren {
        /// The aggregate.
        code: String,
    },
    /// An aggregate's weights do not add up to a positive total.
    NoWeight {
        /// The aggregate.
        code: String,
    },
    /// An edge weight is negative or not a finite number.
    BadWeight {
        /// The aggregate.
        parent: String,
        /// The child.
        child: String,
        /// The weight.
        weight: f64,
    },
    /// A scoring rule cannot be applied to the indicator's unit.
    RuleDoesNotFitUnit {
        /// The rule's name.
        rule: String,
        /// The unit's name.
        unit: String,
    },
    /// A scoring rule's parameters are impossible.
    BadRule {
        /// The rule's name.
        rule: String,
        /// What is wrong.
        detail: String,
    },
    /// A range whose lower end is not below its upper end, or a target outside the range.
    BadRange {
        /// The lower end.
        low: f64,
        /// The upper end.
        high: f64,
    },
    /// An indicator's `denominator` is blank, padded with spaces, or the indicator itself.
    BadDenominator {
        /// The column named.
        denominator: String,
    },
    /// An indicator's `target` is not a finite number.
    BadTarget {
        /// The value given.
        target: f64,
    },
    /// The data has no column naming the units.
    NoUnitColumn,
    /// The data has no indicator columns or values.
    NoData,
    /// A row has no unit code.
    MissingUnitCode,
    /// A unit appears twice.
    DuplicateUnit,
    /// The same unit and indicator are given twice.
    DuplicateValue,
    /// A `group:NAME` column with no name, or a grouping named by two columns (or twice in
    /// one unit's JSON).
    BadGrouping {
        /// The header or grouping name as written.
        header: String,
    },
    /// A column whose header is neither a known field nor an indicator of the framework.
    UnknownColumn {
        /// The header.
        header: String,
    },
    /// An indicator code that the framework does not have.
    UnknownIndicator,
    /// A cell that could not be read as a value.
    BadValue {
        /// The cell as written.
        text: String,
    },
    /// A row with a different number of cells than the header.
    RowLength {
        /// Cells in the header.
        expected: u64,
        /// Cells in the row.
        found: u64,
    },
    /// A year that is not a whole number in a plausible range.
    BadYear {
        /// The cell as written.
        text: String,
    },
    /// A denominator of zero.
    ZeroDenominator,
    /// A value written with a decimal comma; accepted.
    DecimalComma {
        /// The cell as written.
        text: String,
        /// The number it was read as.
        value: f64,
    },
    /// A value given in a form the indicator's unit does not accept.
    WrongForm {
        /// How the value was written.
        given: ValueForm,
        /// The indicator's unit.
        unit: String,
    },
    /// A value outside the indicator's allowed range.
    OutOfRange {
        /// The value, in the indicator's unit.
        value: f64,
        /// The lower end of the range.
        low: f64,
        /// The upper end of the range.
        high: f64,
        /// The unit's symbol (for example `%`).
        symbol: String,
    },
    /// No value for an indicator of the framework.
    MissingValue {
        /// What the missing-data policy did with it.
        policy: crate::framework::MissingPolicy,
    },
    /// An aggregate could not be computed because too few of its children have data.
    LowAvailability {
        /// The share of children with data.
        available: f64,
        /// The framework's threshold.
        threshold: f64,
    },
}

impl Problem {
    /// What is wrong, in one line, in the given language.
    pub fn message(&self, lang: Lang) -> String {
        message(self, lang)
    }
}

/// A problem, where it is, and how serious it is.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// Where it is.
    pub location: Location,
    /// What it is.
    pub problem: Problem,
}

impl Diagnostic {
    /// An error.
    pub fn error(location: Location, problem: Problem) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            location,
            problem,
        }
    }

    /// A warning.
    pub fn warning(location: Location, problem: Problem) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            location,
            problem,
        }
    }

    /// A note.
    pub fn note(location: Location, problem: Problem) -> Diagnostic {
        Diagnostic {
            severity: Severity::Note,
            location,
            problem,
        }
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// What is wrong, in one line without the location.
    pub fn message(&self, lang: Lang) -> String {
        message(&self.problem, lang)
    }

    /// What to do about it, when there is advice to give.
    pub fn hint(&self, lang: Lang) -> Option<String> {
        hint(&self.problem, lang)
    }

    /// The whole diagnostic in one line: location, then message.
    pub fn render(&self, lang: Lang) -> String {
        let place = self.location.describe(lang);
        if place.is_empty() {
            self.message(lang)
        } else {
            format!("{place}: {}", self.message(lang))
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// True when any diagnostic in the list is an error.
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(Diagnostic::is_error)
}

/// A failure made of one or more diagnostics, at least one of them an error.
#[derive(Clone, Debug, PartialEq, thiserror::Error, Serialize)]
#[error("{}", render_all(.diagnostics))]
pub struct Failure {
    /// Every problem found, errors and warnings alike.
    pub diagnostics: Vec<Diagnostic>,
}

fn render_all(diagnostics: &[Diagnostic]) -> String {
    let lines: Vec<String> = diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.to_string())
        .collect();
    lines.join("; ")
}

fn num(value: f64, lang: Lang) -> String {
    // Huge numbers in scientific notation; rounding them at 6 decimals would overflow.
    let text = if value.abs() >= 1e15 {
        format!("{value:e}")
    } else {
        format!("{}", crate::text::round_to(value, 6))
    };
    match lang {
        Lang::Vi => text.replace('.', ","),
        Lang::En => text,
    }
}

fn message(problem: &Problem, lang: Lang) -> String {
    use Problem::*;
    match problem {
        Syntax { detail } => format!("{}: {detail}", lang.pick("lỗi cú pháp", "syntax error")),
        TooLarge { what, limit } => match lang {
            Lang::Vi => format!("vượt giới hạn {limit} {}", vietnamese_quantity(what)),
            Lang::En => format!("more than the limit of {limit} {what}"),
        },
        BadSetting { setting, detail } => match lang {
            Lang::Vi => format!("thiết lập `{setting}` không hợp lệ: {detail}"),
            Lang::En => format!("setting `{setting}` is invalid: {detail}"),
        },
        DuplicateCode { code } => match lang {
            Lang::Vi => format!("mã `{code}` được khai báo hai lần"),
            Lang::En => format!("code `{code}` is defined twice"),
        },
        UnknownCode {
            code,
            referenced_by,
        } => match lang {
            Lang::Vi => format!("`{referenced_by}` tham chiếu mã `{code}` chưa được khai báo"),
            Lang::En => format!("`{referenced_by}` refers to `{code}`, which is not defined"),
        },
        Cycle { path } => match lang {
            Lang::Vi => format!("vòng lặp giữa các chỉ số tổng hợp: {}", path.join(" → ")),
            Lang::En => format!("aggregates form a cycle: {}", path.join(" → ")),
        },
        Unreachable { code } => match lang {
            Lang::Vi => format!("`{code}` không được tính vào chỉ số nào"),
            Lang::En => format!("`{code}` counts toward no index"),
        },
        NoChildren { code } => match lang {
            Lang::Vi => format!("chỉ số tổng hợp `{code}` không có thành phần"),
            Lang::En => format!("aggregate `{code}` has no children"),
        },
        NoWeight { code } => match lang {
            Lang::Vi => format!("tổng trọng số của `{code}` không dương"),
            Lang::En => format!("the weights of `{code}` do not add up to a positive total"),
        },
        BadWeight {
            parent,
            child,
            weight,
        } => match lang {
            Lang::Vi => format!(
                "trọng số của `{child}` trong `{parent}` là {}: phải là số không âm",
                num(*weight, lang)
            ),
            Lang::En => format!(
                "weight of `{child}` in `{parent}` is {}: it must be a non-negative number",
                num(*weight, lang)
            ),
        },
        RuleDoesNotFitUnit { rule, unit } => match lang {
            Lang::Vi => format!("quy tắc chấm điểm `{rule}` không dùng được với đơn vị `{unit}`"),
            Lang::En => format!("scoring rule `{rule}` does not fit unit `{unit}`"),
        },
        BadRule { rule, detail } => match lang {
            Lang::Vi => format!("quy tắc chấm điểm `{rule}` không hợp lệ: {detail}"),
            Lang::En => format!("scoring rule `{rule}` is invalid: {detail}"),
        },
        BadDenominator { denominator } => match lang {
            Lang::Vi => format!(
                "mẫu số `{denominator}` không hợp lệ: phải là tên một cột số liệu khác, không có dấu cách thừa"
            ),
            Lang::En => format!(
                "denominator `{denominator}` is invalid: it must name another data column, without surrounding spaces"
            ),
        },
        BadTarget { target } => match lang {
            Lang::Vi => format!("giá trị mục tiêu {target} không phải là một số hữu hạn"),
            Lang::En => format!("target {target} is not a finite number"),
        },
        BadRange { low, high } => match lang {
            Lang::Vi => format!(
                "khoảng giá trị {}–{} không hợp lệ",
                num(*low, lang),
                num(*high, lang)
            ),
            Lang::En => format!(
                "range {}–{} is inconsistent",
                num(*low, lang),
                num(*high, lang)
            ),
        },
        NoUnitColumn => lang
            .pick(
                "không có cột mã đơn vị (code/mã)",
                "no column names the units (code)",
            )
            .into(),
        NoData => lang
            .pick(
                "tệp không có giá trị chỉ tiêu nào",
                "the file holds no indicator values",
            )
            .into(),
        MissingUnitCode => lang
            .pick("dòng không có mã đơn vị", "row has no unit code")
            .into(),
        DuplicateUnit => lang
            .pick("đơn vị xuất hiện hai lần", "unit appears twice")
            .into(),
        DuplicateValue => lang
            .pick("giá trị được nhập hai lần", "value is given twice")
            .into(),
        BadGrouping { header } => match lang {
            Lang::Vi => format!("cột nhóm `{header}` không có tên hoặc bị lặp"),
            Lang::En => format!("grouping column `{header}` has no name or is repeated"),
        },
        UnknownColumn { header } => match lang {
            Lang::Vi => format!("cột `{header}` không phải chỉ tiêu của bộ chỉ số: bỏ qua"),
            Lang::En => format!("column `{header}` is not an indicator of the framework: ignored"),
        },
        UnknownIndicator => lang
            .pick(
                "chỉ tiêu không có trong bộ chỉ số: bỏ qua",
                "indicator is not in the framework: ignored",
            )
            .into(),
        BadValue { text } => match lang {
            Lang::Vi => format!("không đọc được giá trị `{text}`"),
            Lang::En => format!("cannot read value `{text}`"),
        },
        RowLength { expected, found } => match lang {
            Lang::Vi => format!("dòng có {found} ô, tiêu đề có {expected}"),
            Lang::En => format!("row has {found} cells, the header has {expected}"),
        },
        BadYear { text } => match lang {
            Lang::Vi => format!("năm `{text}` không hợp lệ"),
            Lang::En => format!("year `{text}` is not valid"),
        },
        ZeroDenominator => lang.pick("mẫu số bằng 0", "denominator is zero").into(),
        DecimalComma { text, value } => match lang {
            Lang::Vi => format!(
                "`{text}` dùng dấu phẩy thập phân: đọc là {}",
                num(*value, lang)
            ),
            Lang::En => format!(
                "`{text}` looks like a decimal comma: accepted as {}",
                num(*value, lang)
            ),
        },
        WrongForm { given, unit } => match lang {
            Lang::Vi => format!(
                "giá trị nhập dạng {} nhưng chỉ tiêu đo bằng `{unit}`",
                given.name(lang)
            ),
            Lang::En => format!(
                "value given as {} but the indicator is measured in `{unit}`",
                given.name(lang)
            ),
        },
        OutOfRange {
            value,
            low,
            high,
            symbol,
        } => {
            let sp = if symbol.is_empty() || symbol == "%" {
                ""
            } else {
                " "
            };
            let (v, l, h) = (num(*value, lang), num(*low, lang), num(*high, lang));
            let below = value < low;
            match (lang, high.is_finite() && low.is_finite()) {
                (Lang::Vi, false) if below => {
                    format!("giá trị {v}{sp}{symbol} nhỏ hơn mức tối thiểu {l}{sp}{symbol}")
                }
                (Lang::En, false) if below => {
                    format!("value {v}{sp}{symbol} is below the minimum of {l}{sp}{symbol}")
                }
                (Lang::Vi, false) => {
                    format!("giá trị {v}{sp}{symbol} lớn hơn mức tối đa {h}{sp}{symbol}")
                }
                (Lang::En, false) => {
                    format!("value {v}{sp}{symbol} is above the maximum of {h}{sp}{symbol}")
                }
                (Lang::Vi, true) => {
                    let side = if below { "dưới" } else { "trên" };
                    format!(
                        "giá trị {v}{sp}{symbol} nằm {side} khoảng cho phép {l}–{h}{sp}{symbol}"
                    )
                }
                (Lang::En, true) => {
                    let side = if below { "below" } else { "above" };
                    format!(
                        "value {v}{sp}{symbol} is {side} the indicator's range {l}–{h}{sp}{symbol}"
                    )
                }
            }
        }
        MissingValue { policy } => {
            use crate::framework::MissingPolicy::*;
            match (policy, lang) {
                (Zero, Lang::Vi) => "thiếu giá trị: tính 0 điểm".into(),
                (Zero, Lang::En) => "no value: scores zero".into(),
                (Skip, Lang::Vi) => "thiếu giá trị: bỏ qua và chia lại trọng số".into(),
                (Skip, Lang::En) => "no value: skipped, weights renormalised".into(),
                (Reject, Lang::Vi) => "thiếu giá trị: bộ chỉ số yêu cầu đủ dữ liệu".into(),
                (Reject, Lang::En) => "no value: the framework requires every value".into(),
            }
        }
        LowAvailability {
            available,
            threshold,
        } => match lang {
            Lang::Vi => format!(
                "chỉ có {}% thành phần có dữ liệu, dưới ngưỡng {}%: không tính",
                format_decimal(available * 100.0, 0, lang),
                format_decimal(threshold * 100.0, 0, lang)
            ),
            Lang::En => format!(
                "only {}% of the children have data, below the threshold of {}%: not computed",
                format_decimal(available * 100.0, 0, lang),
                format_decimal(threshold * 100.0, 0, lang)
            ),
        },
    }
}

/// The Vietnamese for the quantities the readers' limits count.
fn vietnamese_quantity(what: &str) -> String {
    match what {
        "bytes" => "byte",
        "bytes in a cell" => "byte trong một ô",
        "bytes in a string" => "byte trong một chuỗi",
        "rows" => "dòng",
        "columns" => "cột",
        "units" => "đơn vị",
        "indicators" => "chỉ tiêu",
        "values (units × indicators)" => "giá trị (đơn vị × chỉ tiêu)",
        "levels of nesting" => "cấp lồng nhau",
        "indicators and aggregates" => "chỉ tiêu và chỉ số tổng hợp",
        "levels of aggregates" => "cấp chỉ số tổng hợp",
        other => other,
    }
    .to_string()
}

fn hint(problem: &Problem, lang: Lang) -> Option<String> {
    use Problem::*;
    let text = match problem {
        NoUnitColumn => lang.pick(
            "đặt tên cột đầu là `code` (hoặc `mã`); dùng `dti template` để có tệp mẫu",
            "name the first column `code` (or `mã`); `dti template` writes a ready-made file",
        ),
        BadValue { .. } => lang.pick(
            "dùng số (0,75 hoặc 0.75), phần trăm (75%), tử số/mẫu số (3/4), có/không, hoặc để trống",
            "write a number (0.75 or 0,75), a percentage (75%), a fraction (3/4), yes/no, or leave it blank",
        ),
        UnknownColumn { .. } | UnknownIndicator => lang.pick(
            "kiểm tra mã chỉ tiêu; `dti frameworks` liệt kê các mã hợp lệ",
            "check the indicator code; `dti frameworks` lists the valid codes",
        ),
        OutOfRange { .. } => lang.pick(
            "kiểm tra đơn vị (tỷ lệ 0–1 hay phần trăm 0–100) và số liệu gốc",
            "check the unit (a 0–1 share or a 0–100 percentage) and the source figure",
        ),
        WrongForm { .. } => lang.pick(
            "nhập giá trị đúng đơn vị của chỉ tiêu, xem `dti template`",
            "enter the value in the indicator's unit; see `dti template`",
        ),
        RowLength { .. } => lang.pick(
            "có thể dấu phân cách không đúng: số thập phân có dấu phẩy cần đặt trong ngoặc kép hoặc dùng dấu chấm phẩy làm dấu phân cách",
            "the separator may be wrong: decimal commas must be quoted, or use semicolons as the separator",
        ),
        DuplicateUnit | DuplicateValue => lang.pick("giữ lại một dòng", "keep one of the rows"),
        BadGrouping { .. } => lang.pick(
            "đặt tên mỗi cách phân nhóm một lần sau dấu hai chấm, ví dụ `nhóm:vùng`",
            "name each grouping once after the colon, e.g. `group:region`",
        ),
        MissingUnitCode => lang.pick(
            "điền mã đơn vị (ví dụ mã tỉnh 22) vào mọi dòng, hoặc tạo lại mẫu với `dti template --unit MÃ`",
            "fill in the unit code (e.g. the province code 22) on every row, or make the template again with `dti template --unit CODE`",
        ),
        ZeroDenominator => lang.pick(
            "mẫu số phải lớn hơn 0; để trống nếu chưa có số liệu",
            "the denominator must be above 0; leave both blank when the figure is not known",
        ),
        NoData => lang.pick(
            "tệp trống hoặc chỉ có tiêu đề: `dti template` tạo tệp mẫu để điền",
            "the file is empty or holds only a header: `dti template` writes a file to fill in",
        ),
        BadYear { .. } => lang.pick("ghi năm bằng 4 chữ số, ví dụ 2022", "write the year with four digits, e.g. 2022"),
        Syntax { .. } => lang.pick(
            "xem quanh vị trí đó: thiếu hoặc thừa dấu ngoặc kép, dấu phẩy hoặc dấu ngoặc",
            "look near that place for a missing or extra quote, comma or bracket",
        ),
        MissingValue { .. } => lang.pick("nhập giá trị nếu có số liệu", "enter the value if the figure is known"),
        TooLarge { .. } => lang.pick(
            "chia tệp thành nhiều tệp nhỏ hơn, hoặc nâng giới hạn bằng --max-file-mb, --max-rows, --max-columns",
            "split the file, or raise the limit with --max-file-mb, --max-rows or --max-columns",
        ),
        _ => return None,
    };
    Some(text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn out_of_range(value: f64, low: f64, high: f64) -> String {
        let problem = Problem::OutOfRange {
            value,
            low,
            high,
            symbol: String::new(),
        };
        Diagnostic::error(Location::default(), problem).message(Lang::En)
    }

    #[test]
    fn open_ranges_are_worded_by_their_one_bound() {
        assert_eq!(
            out_of_range(-3.0, 0.0, f64::INFINITY),
            "value -3 is below the minimum of 0"
        );
        assert_eq!(
            out_of_range(1.2, 0.0, 1.0),
            "value 1.2 is above the indicator's range 0–1"
        );
        assert_eq!(
            out_of_range(1e308, f64::NEG_INFINITY, 5.0),
            "value 1e308 is above the maximum of 5"
        );
    }
}
