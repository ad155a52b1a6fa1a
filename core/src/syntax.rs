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
        // The parsers' messages are English: their words are ASCII.
        let lower = message.to_ascii_lowercase();
        // `str::contains` would compile std's two-way searcher and its slicing, whose panic
        // message links Unicode tables; the messages are short.
        let says = |text: &str, words: &str| {
            text.as_bytes()
                .windows(words.len())
                .any(|w| w == words.as_bytes())
        };
        let quoted = backticked(message);
        let first = || quoted.first().cloned().unwrap_or_default();
        let rest = || quoted.iter().skip(1).cloned().collect::<Vec<_>>();
        if lower.starts_with("trailing comma") {
            SyntaxReason::TrailingComma
        } else if lower.starts_with("trailing characters") {
            SyntaxReason::TrailingCharacters
        } else if lower.starts_with("eof while parsing")
            || says(&lower, "unexpected end")
            || says(&lower, "unexpected eof")
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
        } else if says(&lower, "must be quoted") {
            SyntaxReason::UnquotedText
        } else if says(&lower, "invalid number")
            || says(&lower, "number out of range")
            || says(&lower, "invalid float")
            || says(&lower, "invalid integer")
            || says(&lower, "overflow")
        {
            SyntaxReason::BadNumber
        } else if says(&lower, "escape") || says(&lower, "surrogate") {
            SyntaxReason::BadEscape
        } else if says(&lower, "control character") {
            SyntaxReason::ControlCharacter
        } else if says(&lower, "key must be a string") || lower.starts_with("invalid key") {
            SyntaxReason::BadKey
        } else if says(&lower, "invalid string")
            || says(&lower, "invalid basic string")
            || says(&lower, "invalid literal string")
        {
            SyntaxReason::UnclosedString
        } else if says(&lower, "recursion limit") {
            SyntaxReason::TooDeep
        } else if says(&lower, "utf-8") || says(&lower, "utf8") {
            SyntaxReason::NotUtf8
        } else if lower.starts_with("expected value") || lower.starts_with("expected ident") {
            SyntaxReason::ExpectedValue
        } else if says(&lower, "expected") && !quoted.is_empty() {
            SyntaxReason::ExpectedMark { marks: quoted }
        } else {
            SyntaxReason::Other
        }
    }

    /// What went wrong, in one phrase; `detail` is the parser's own sentence, which English
    /// readers are shown as it is (an empty `detail` is worded from the reason).
    pub fn describe(&self, detail: &str, lang: Lang) -> String {
        if lang == Lang::En && !detail.is_empty() {
            return detail.to_string();
        }
        crate::words::syntax_reason(self, lang)
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
