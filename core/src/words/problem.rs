//! The words of a problem: what is wrong ([`Problem::message`]), what to do about it on the
//! command line and on a web page ([`crate::Diagnostic::hint`], [`crate::Diagnostic::page_hint`]),
//! and the words of a place ([`Location::describe`]), in Vietnamese (`vi.rs`) and English
//! (`en.rs`).
//!
//! The types live in [`crate::diagnostic`]; this module only picks the language.

use super::{Term, en, term, vi, worded};
use crate::diagnostic::{Invalid, Location, Problem, ValueForm};
use crate::text::Lang;

impl Location {
    /// Renders the location, e.g. `data.csv:4:7, unit 22, indicator I3` (in the given language).
    pub fn describe(&self, lang: Lang) -> String {
        let mut parts = Vec::new();
        if let Some(file) = &self.file {
            let mut place = file.to_string();
            if let Some(line) = self.line {
                place.push_str(&format!(":{line}"));
                if let Some(column) = self.column {
                    place.push_str(&format!(":{column}"));
                }
            }
            parts.push(place);
        } else if let Some(line) = self.line {
            parts.push(format!("{} {line}", term(Term::Line, lang)));
        }
        if let Some(unit) = &self.unit {
            parts.push(format!("{} {unit}", term(Term::Unit, lang)));
        }
        if let Some(code) = &self.indicator {
            let kind = if self.aggregate {
                Term::Aggregate
            } else {
                Term::Indicator
            };
            let kind = term(kind, lang);
            parts.push(format!("{kind} {code}"));
        }
        parts.join(", ")
    }
}

impl ValueForm {
    /// How a value was written, in words.
    pub(crate) fn name(self, lang: Lang) -> &'static str {
        match worded(lang) {
            Lang::Vi => vi::value_form(self),
            Lang::En => en::value_form(self),
        }
    }
}

impl Invalid {
    /// Why, in one phrase.
    pub fn describe(&self, lang: Lang) -> String {
        match worded(lang) {
            Lang::Vi => vi::invalid(self),
            Lang::En => en::invalid(self),
        }
    }
}

/// What is wrong, in one line.
pub(crate) fn message(problem: &Problem, lang: Lang) -> String {
    match worded(lang) {
        Lang::Vi => vi::message(problem),
        Lang::En => en::message(problem),
    }
}

/// What to do about it on the command line, when there is advice to give.
pub(crate) fn hint(problem: &Problem, lang: Lang) -> Option<String> {
    match worded(lang) {
        Lang::Vi => vi::hint(problem),
        Lang::En => en::hint(problem),
    }
}

/// The hints that name a `dti` command or option, worded for a web page instead.
pub(crate) fn page_hint(problem: &Problem, lang: Lang) -> Option<String> {
    match worded(lang) {
        Lang::Vi => vi::page_hint(problem),
        Lang::En => en::page_hint(problem),
    }
}
