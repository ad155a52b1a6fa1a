//! Why a TOML, JSON or CSV text could not be read, as facts the user's language can word.
//!
//! The parsers (serde_json, toml, csv) describe their errors in English sentences. Each
//! sentence is read here once into a [`SyntaxReason`]; the words shown to the user come from
//! [`SyntaxReason::describe`], so a Vietnamese reader never sees the parser's English. A
//! sentence this module does not know becomes [`SyntaxReason::Other`], shown in Vietnamese as
//! a plain "the text is not well formed" and in English as the parser wrote it.

use serde::Serialize;

use crate::text::Lang;

/// Why a text could not be read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum SyntaxReason {
    /// A comma after the last item of a list or object.
    TrailingComma,
    /// More text after the end of the document.
    TrailingCharacters,
    /// The text ends before a list, object, string or value is closed.
    UnexpectedEnd,
    /// A mark (`:`, `,`, `]`, `}`, `=`, `"`) is missing where the parser expected it.
    ExpectedMark {
        /// The marks the parser would have accepted, as written (`:`, `,`).
        marks: Vec<String>,
    },
    /// A value (number, text, list …) is missing where the parser expected one.
    ExpectedValue,
    /// A key that the file format does not have.
    UnknownField {
        /// The key as written.
        field: String,
        /// The keys allowed there.
        allowed: Vec<String>,
    },
    /// A key the file format needs is not there.
    MissingField {
        /// The key.
        field: String,
    },
    /// A key given twice.
    DuplicateKey {
        /// The key.
        key: String,
    },
    /// A word that is not one of the allowed choices.
    UnknownChoice {
        /// The word as written.
        choice: String,
        /// The choices allowed there.
        allowed: Vec<String>,
    },
    /// A value of the wrong kind (text where a number belongs, a list where a table does …).
    WrongType,
    /// A number that cannot be read.
    BadNumber,
    /// A backslash sequence in a string that means nothing.
    BadEscape,
    /// A control character inside a string.
    ControlCharacter,
    /// A key that is not written as a key may be (unquoted with spaces, not a string …).
    BadKey,
    /// A string that is not closed.
    UnclosedString,
    /// Text that should be between quotes.
    UnquotedText,
    /// Lists or tables nested deeper than the parser follows.
    TooDeep,
    /// Bytes that are not UTF-8 text.
    NotUtf8,
    /// The document is not a list of units nor an object with a `units` list.
    NoUnitsList,
    /// A unit that is not an object.
    UnitNotAnObject {
        /// Which unit (`units[3]`).
        place: String,
    },
    /// A unit without a `values` object.
    NoValuesObject {
        /// Which unit (`units[3]`).
        place: String,
    },
    /// The `groups` of a unit are not an object of grouping → label.
    GroupsNotAnObject {
        /// Which unit (`units[3]`).
        place: String,
    },
    /// The label of a grouping is not text.
    GroupLabelNotText {
        /// The grouping.
        grouping: String,
        /// Which unit (`units[3]`).
        place: String,
    },
    /// Anything else the parser said.
    Other,
}

impl SyntaxReason {
    /// Reads a parser's English description of an error (without its "at line L column C").
    ///
    /// ```
    /// use dti_core::syntax::SyntaxReason;
    /// assert_eq!(SyntaxReason::from_parser("trailing comma"), SyntaxReason::TrailingComma);
    /// assert_eq!(
    ///     SyntaxReason::from_parser("unknown field `weight`, expected `weights` or `missing`"),
    ///     SyntaxReason::UnknownField {
    ///         field: "weight".into(),
    ///         allowed: vec!["weights".into(), "missing".into()],
    ///     }
    /// );
    /// ```
    pub fn from_parser(message: &str) -> SyntaxReason {
        let message = message.trim();
        let lower = message.to_lowercase();
        let quoted = backticked(message);
        let first = || quoted.first().cloned().unwrap_or_default();
        let rest = || quoted.iter().skip(1).cloned().collect::<Vec<_>>();
        if lower.starts_with("trailing comma") {
            SyntaxReason::TrailingComma
        } else if lower.starts_with("trailing characters") {
            SyntaxReason::TrailingCharacters
        } else if lower.starts_with("eof while parsing")
            || lower.contains("unexpected end")
            || lower.contains("unexpected eof")
        {
            SyntaxReason::UnexpectedEnd
        } else if lower.starts_with("unknown field") {
            SyntaxReason::UnknownField {
                field: first(),
                allowed: rest(),
            }
        } else if lower.starts_with("missing field") {
            SyntaxReason::MissingField { field: first() }
        } else if lower.starts_with("duplicate key") || lower.starts_with("duplicate field") {
            SyntaxReason::DuplicateKey { key: first() }
        } else if lower.starts_with("unknown variant") {
            SyntaxReason::UnknownChoice {
                choice: first(),
                allowed: rest(),
            }
        } else if lower.starts_with("invalid type") || lower.starts_with("invalid value") {
            SyntaxReason::WrongType
        } else if lower.contains("must be quoted") {
            SyntaxReason::UnquotedText
        } else if lower.contains("invalid number")
            || lower.contains("number out of range")
            || lower.contains("invalid float")
            || lower.contains("invalid integer")
            || lower.contains("overflow")
        {
            SyntaxReason::BadNumber
        } else if lower.contains("escape") || lower.contains("surrogate") {
            SyntaxReason::BadEscape
        } else if lower.contains("control character") {
            SyntaxReason::ControlCharacter
        } else if lower.contains("key must be a string") || lower.starts_with("invalid key") {
            SyntaxReason::BadKey
        } else if lower.contains("invalid string")
            || lower.contains("invalid basic string")
            || lower.contains("invalid literal string")
        {
            SyntaxReason::UnclosedString
        } else if lower.contains("recursion limit") {
            SyntaxReason::TooDeep
        } else if lower.contains("utf-8") || lower.contains("utf8") {
            SyntaxReason::NotUtf8
        } else if lower.starts_with("expected value") || lower.starts_with("expected ident") {
            SyntaxReason::ExpectedValue
        } else if lower.contains("expected") && !quoted.is_empty() {
            SyntaxReason::ExpectedMark { marks: quoted }
        } else {
            SyntaxReason::Other
        }
    }

    /// What went wrong, in one phrase; `detail` is the parser's own sentence, which English
    /// readers are shown as it is (an empty `detail` is worded from the reason).
    pub fn describe(&self, detail: &str, lang: Lang) -> String {
        use SyntaxReason::*;
        if lang == Lang::En && !detail.is_empty() {
            return detail.to_string();
        }
        let list = |items: &[String]| {
            items
                .iter()
                .map(|item| format!("`{item}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match (self, lang) {
            (Other, Lang::En) => "the text is not well formed here".into(),
            (Other, Lang::Vi) => "nội dung không đúng định dạng ở chỗ này".into(),
            (TrailingComma, Lang::Vi) => "thừa dấu phẩy sau phần tử cuối".into(),
            (TrailingComma, Lang::En) => "trailing comma".into(),
            (TrailingCharacters, Lang::Vi) => {
                "còn nội dung thừa sau khi tài liệu đã kết thúc".into()
            }
            (TrailingCharacters, Lang::En) => "text after the end of the document".into(),
            (UnexpectedEnd, Lang::Vi) => {
                "tệp kết thúc khi danh sách, đối tượng hoặc chuỗi chưa đóng".into()
            }
            (UnexpectedEnd, Lang::En) => {
                "the text ends before a list, object or string is closed".into()
            }
            (ExpectedMark { marks }, Lang::Vi) => format!("thiếu {}", marks_or(marks, "hoặc")),
            (ExpectedMark { marks }, Lang::En) => format!("expected {}", marks_or(marks, "or")),
            (ExpectedValue, Lang::Vi) => "thiếu một giá trị (số, chuỗi, danh sách …)".into(),
            (ExpectedValue, Lang::En) => "expected a value (a number, text, a list …)".into(),
            (UnknownField { field, allowed }, Lang::Vi) if allowed.is_empty() => {
                format!("khoá `{field}` không có ở đây")
            }
            (UnknownField { field, allowed }, Lang::Vi) => {
                format!(
                    "khoá `{field}` không có ở đây; các khoá hợp lệ: {}",
                    list(allowed)
                )
            }
            (UnknownField { field, allowed }, Lang::En) if allowed.is_empty() => {
                format!("unknown key `{field}`")
            }
            (UnknownField { field, allowed }, Lang::En) => {
                format!("unknown key `{field}`; the keys are {}", list(allowed))
            }
            (MissingField { field }, Lang::Vi) => format!("thiếu khoá `{field}`"),
            (MissingField { field }, Lang::En) => format!("missing key `{field}`"),
            (DuplicateKey { key }, Lang::Vi) if key.is_empty() => {
                "một khoá xuất hiện hai lần".into()
            }
            (DuplicateKey { key }, Lang::En) if key.is_empty() => "a key is given twice".into(),
            (DuplicateKey { key }, Lang::Vi) => format!("khoá `{key}` xuất hiện hai lần"),
            (DuplicateKey { key }, Lang::En) => format!("key `{key}` is given twice"),
            (UnknownChoice { choice, allowed }, Lang::Vi) => {
                format!(
                    "`{choice}` không phải lựa chọn hợp lệ; dùng một trong: {}",
                    list(allowed)
                )
            }
            (UnknownChoice { choice, allowed }, Lang::En) => {
                format!("`{choice}` is not a choice; use one of {}", list(allowed))
            }
            (WrongType, Lang::Vi) => "giá trị không đúng loại (ví dụ chữ ở chỗ cần số)".into(),
            (WrongType, Lang::En) => "a value of the wrong kind".into(),
            (BadNumber, Lang::Vi) => "số không hợp lệ".into(),
            (BadNumber, Lang::En) => "invalid number".into(),
            (BadEscape, Lang::Vi) => "chuỗi có ký tự thoát `\\` không hợp lệ".into(),
            (BadEscape, Lang::En) => "invalid `\\` escape in a string".into(),
            (ControlCharacter, Lang::Vi) => "chuỗi chứa ký tự điều khiển".into(),
            (ControlCharacter, Lang::En) => "a control character inside a string".into(),
            (BadKey, Lang::Vi) => "khoá viết không hợp lệ".into(),
            (BadKey, Lang::En) => "invalid key".into(),
            (UnclosedString, Lang::Vi) => "chuỗi không hợp lệ hoặc chưa đóng ngoặc kép".into(),
            (UnclosedString, Lang::En) => "invalid or unclosed string".into(),
            (UnquotedText, Lang::Vi) => "chữ phải đặt trong ngoặc kép".into(),
            (UnquotedText, Lang::En) => "text must be between quotes".into(),
            (TooDeep, Lang::Vi) => "danh sách hoặc bảng lồng nhau quá sâu".into(),
            (TooDeep, Lang::En) => "lists or tables nested too deep".into(),
            (NotUtf8, Lang::Vi) => "nội dung không phải văn bản UTF-8".into(),
            (NotUtf8, Lang::En) => "the text is not UTF-8".into(),
            (NoUnitsList, Lang::Vi) => {
                "cần một đối tượng có danh sách `units`, hoặc một danh sách các đơn vị".into()
            }
            (NoUnitsList, Lang::En) => {
                "expected an object with a `units` array, or an array of units".into()
            }
            (UnitNotAnObject { place }, Lang::Vi) => {
                format!("`{place}` không phải là một đối tượng")
            }
            (UnitNotAnObject { place }, Lang::En) => format!("{place} is not an object"),
            (NoValuesObject { place }, Lang::Vi) => {
                format!("`{place}` không có đối tượng `values`")
            }
            (NoValuesObject { place }, Lang::En) => format!("{place} has no `values` object"),
            (GroupsNotAnObject { place }, Lang::Vi) => {
                format!("`groups` trong `{place}` phải là một đối tượng nhóm → nhãn")
            }
            (GroupsNotAnObject { place }, Lang::En) => {
                format!("`groups` in {place} must be an object of grouping → label")
            }
            (GroupLabelNotText { grouping, place }, Lang::Vi) => {
                format!("nhãn của nhóm `{grouping}` trong `{place}` phải là chữ")
            }
            (GroupLabelNotText { grouping, place }, Lang::En) => {
                format!("the label of grouping `{grouping}` in {place} must be text")
            }
        }
    }
}

/// `` `:` `` or `` `:`, `,` hoặc `]` ``.
fn marks_or(marks: &[String], or: &str) -> String {
    let quoted: Vec<String> = marks.iter().map(|mark| format!("`{mark}`")).collect();
    match quoted.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} {or} {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// The texts between backticks, in order.
fn backticked(message: &str) -> Vec<String> {
    message
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sentences the parsers write, each with the reason it reads as.
    #[test]
    fn parser_sentences_read_as_reasons() {
        let cases = [
            ("trailing comma", SyntaxReason::TrailingComma),
            ("EOF while parsing an object", SyntaxReason::UnexpectedEnd),
            (
                "expected `,` or `}`",
                SyntaxReason::ExpectedMark {
                    marks: vec![",".into(), "}".into()],
                },
            ),
            ("expected value", SyntaxReason::ExpectedValue),
            (
                "missing field `code`",
                SyntaxReason::MissingField {
                    field: "code".into(),
                },
            ),
            (
                "invalid type: string \"x\", expected f64",
                SyntaxReason::WrongType,
            ),
            (
                "control character (\\u0000-\\u001F) found while parsing a string",
                SyntaxReason::ControlCharacter,
            ),
            (
                "unknown variant `gmean`, expected `arithmetic` or `geometric`",
                SyntaxReason::UnknownChoice {
                    choice: "gmean".into(),
                    allowed: vec!["arithmetic".into(), "geometric".into()],
                },
            ),
            ("something new", SyntaxReason::Other),
        ];
        for (sentence, reason) in cases {
            assert_eq!(SyntaxReason::from_parser(sentence), reason, "{sentence}");
        }
    }

    /// The real parsers' sentences, read and worded in Vietnamese without their English.
    #[test]
    fn real_parser_errors_are_worded_in_vietnamese() {
        let json = [
            "{\"a\": 1,}",
            "{\"a\" 1}",
            "[1, 2",
            "{\"a\": tru}",
            "\"\\q\"",
        ];
        let mut sentences: Vec<String> = json
            .iter()
            .map(|text| {
                let error = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
                error
                    .to_string()
                    .rsplit_once(" at line ")
                    .unwrap()
                    .0
                    .to_string()
            })
            .collect();
        #[cfg(feature = "toml")]
        for text in [
            "a = ",
            "a = [1, 2",
            "[a\nb = 1",
            "a = \"x",
            "a b = 1",
            "a = 1\na = 2",
            "a = x",
            "a = 1 2",
            "[[a]\n",
            "a = 1.2.3",
            "a = 0x",
            "a = \"\\q\"",
        ] {
            let error = toml::from_str::<toml::Table>(text).unwrap_err();
            sentences.push(error.message().to_string());
        }
        for sentence in sentences {
            let reason = SyntaxReason::from_parser(&sentence);
            assert_ne!(reason, SyntaxReason::Other, "{sentence}");
            let vi = reason.describe(&sentence, Lang::Vi);
            for english in [
                "expected", "invalid", "trailing", "missing", "unknown", "string", "key",
            ] {
                assert!(!vi.contains(english), "{sentence} → {vi}");
            }
        }
    }
}
