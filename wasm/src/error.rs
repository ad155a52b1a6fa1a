//! Errors as JavaScript sees them: an `Error` whose message is the core's message and whose
//! `details` list every problem with its place.

use dti_core::{Diagnostic, Failure, Lang, Severity};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::words::{self, Message};

#[wasm_bindgen]
extern "C" {
    /// The global `Error` class, so thrown values carry a stack and pass `instanceof Error`.
    #[wasm_bindgen(js_name = Error)]
    pub type ErrorObject;

    #[wasm_bindgen(constructor, js_class = "Error")]
    fn new(message: &str) -> ErrorObject;

    #[wasm_bindgen(method, setter = details)]
    fn set_details(this: &ErrorObject, details: JsValue);
}

/// One problem, flattened for JavaScript: where it is, what it is, what to do.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Detail {
    /// `error`, `warning` or `note`.
    pub severity: Severity,
    /// The problem's kind, e.g. `out_of_range` (stable, for programs).
    pub kind: String,
    /// The unit (province) code, when the problem is about one unit.
    pub unit: Option<String>,
    /// The indicator code, when the problem is about one indicator.
    pub indicator: Option<String>,
    /// The file name given by the caller.
    pub file: Option<String>,
    /// 1-based line in the text.
    pub line: Option<u64>,
    /// 1-based column in the text.
    pub column: Option<u64>,
    /// What is wrong, in the requested language.
    pub message: String,
    /// What to do about it, when there is advice.
    pub hint: Option<String>,
}

impl Detail {
    /// The flat form of a core diagnostic.
    pub fn from_diagnostic(diagnostic: &Diagnostic, lang: Lang) -> Detail {
        let location = &diagnostic.location;
        Detail {
            severity: diagnostic.severity,
            kind: diagnostic.problem.kind().to_string(),
            unit: location.unit.as_deref().map(str::to_string),
            indicator: location.indicator.as_deref().map(str::to_string),
            file: location.file.as_deref().map(str::to_string),
            line: location.line,
            column: location.column,
            message: diagnostic.message(lang),
            hint: diagnostic.page_hint(lang),
        }
    }

    /// An error about the arguments themselves (wrong JavaScript type, unknown id).
    pub fn argument(kind: &str, message: String) -> Detail {
        Detail {
            severity: Severity::Error,
            kind: kind.to_string(),
            unit: None,
            indicator: None,
            file: None,
            line: None,
            column: None,
            message,
            hint: None,
        }
    }
}

/// A failure of the binding: the one-line message and every detail.
#[derive(Clone, Debug, PartialEq)]
pub struct Error {
    /// The message of the JavaScript `Error`.
    pub message: String,
    /// Every problem found.
    pub details: Vec<Detail>,
}

impl Error {
    /// A failure from the core, worded in the given language.
    pub fn from_failure(failure: &Failure, lang: Lang) -> Error {
        Error::from_diagnostics(&failure.diagnostics, lang)
    }

    /// A failure made of diagnostics (the message lists the errors among them).
    pub fn from_diagnostics(diagnostics: &[Diagnostic], lang: Lang) -> Error {
        let errors: Vec<String> = diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.render(lang))
            .collect();
        let message = if errors.is_empty() {
            words::message(Message::InvalidInput, lang)
        } else {
            errors.join("; ")
        };
        Error {
            message,
            details: diagnostics
                .iter()
                .map(|d| Detail::from_diagnostic(d, lang))
                .collect(),
        }
    }

    /// A failure about an argument.
    pub fn argument(kind: &str, message: String) -> Error {
        Error {
            details: vec![Detail::argument(kind, message.clone())],
            message,
        }
    }

    /// A failure about a code given as an argument (a goal's node, a cost's indicator): the
    /// core's problem, worded in the given language, with the code as its indicator.
    pub fn about_code(problem: &dti_core::Problem, code: &str, lang: Lang) -> Error {
        let mut error = Error::argument(problem.kind(), problem.message(lang));
        if let Some(detail) = error.details.first_mut() {
            detail.indicator = Some(code.to_string());
        }
        error
    }

    /// The JavaScript `Error` to throw.
    pub fn into_js(self) -> JsValue {
        let error = ErrorObject::new(&self.message);
        let details = crate::to_js(&self.details).unwrap_or(JsValue::NULL);
        error.set_details(details);
        error.into()
    }
}

impl From<Error> for JsValue {
    fn from(error: Error) -> JsValue {
        error.into_js()
    }
}
