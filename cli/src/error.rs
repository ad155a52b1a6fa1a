//! What can go wrong in the tool, and how it is shown and ended.

use dti_core::{Diagnostic, Lang, Location, Problem, Severity};
use serde::Serialize;

use crate::Context;
use crate::i18n;
use crate::output::{paint, shown};

/// A failure that stops a subcommand.
#[derive(Debug)]
pub enum Error {
    /// The command line asks for something impossible, an input cannot be read or an output
    /// cannot be written (exit 2). The text is already in the user's language.
    Usage(String),
    /// The data has errors (exit 1): every problem found.
    Data(Vec<Issue>),
    /// The framework file has errors (exit 1): every problem found.
    Framework(Vec<Issue>),
    /// Another input file (a mapping, weights, costs, a methodology, COINr's tables) has
    /// errors (exit 1): every problem found.
    File(Vec<Issue>),
}

impl Error {
    /// The process exit code for this failure.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) => 2,
            Error::Data(_) | Error::Framework(_) | Error::File(_) => 1,
        }
    }

    /// The text written to standard error.
    pub(crate) fn render(&self, context: &Context) -> String {
        match self {
            Error::Usage(message) => {
                let label = paint(
                    context.color_err,
                    "1;31",
                    i18n::severity(context.lang, Severity::Error),
                );
                format!("{label}: {}\n", shown(message))
            }
            Error::Data(issues) => render_issues(
                issues,
                context.lang,
                context.color_err,
                true,
                context.max_errors,
            ),
            Error::Framework(issues) | Error::File(issues) => {
                let mut text = render_issues(
                    issues,
                    context.lang,
                    context.color_err,
                    false,
                    context.max_errors,
                );
                let [errors, _, _] = counts(issues);
                let last = match self {
                    Error::Framework(_) => i18n::framework_failed_with(context.lang, errors),
                    _ => i18n::file_failed_with(context.lang, errors),
                };
                text.push_str(&last);
                text.push('\n');
                text
            }
        }
    }
}

/// A problem as the tool shows it: a core diagnostic worded in the output language with the
/// core's hint (or one the tool adds), or a problem the tool itself found (an encoding, a
/// spreadsheet that cannot be opened).
///
/// A core diagnostic's words are made when the issue is shown ([`Issue::message`],
/// [`Issue::place`], [`Issue::hint`], and in JSON), not when it is made: a data file with half
/// a million blanks gives half a million issues, of which `dti score` only counts the warnings
/// and `dti check` lists the first few.
#[derive(Clone, Debug, PartialEq)]
pub struct Issue {
    /// How serious it is.
    pub severity: Severity,
    /// Where it is.
    pub location: Location,
    /// The structured problem, for core diagnostics.
    pub problem: Option<Problem>,
    /// The output language.
    lang: Lang,
    /// The tool's own words (message and hint), for a problem the tool found.
    words: Option<(String, Option<String>)>,
    /// Where it is, in words, when not as [`Location::describe`] says it (a spreadsheet's cell).
    place: Option<String>,
}

impl Issue {
    /// Words a core diagnostic in a language, with the core's hint.
    pub fn new(diagnostic: Diagnostic, lang: Lang) -> Issue {
        Issue {
            severity: diagnostic.severity,
            location: diagnostic.location,
            problem: Some(diagnostic.problem),
            lang,
            words: None,
            place: None,
        }
    }

    /// A problem found by the tool rather than the core.
    pub fn tool(
        severity: Severity,
        location: Location,
        lang: Lang,
        message: String,
        hint: Option<String>,
    ) -> Issue {
        Issue {
            severity,
            location,
            problem: None,
            lang,
            words: Some((message, hint)),
            place: None,
        }
    }

    /// Words many diagnostics.
    pub fn all(diagnostics: impl IntoIterator<Item = Diagnostic>, lang: Lang) -> Vec<Issue> {
        diagnostics
            .into_iter()
            .map(|d| Issue::new(d, lang))
            .collect()
    }

    /// How serious it is.
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// The same issue shown at another place (a spreadsheet's cell rather than a line and
    /// column of its text).
    pub(crate) fn placed(mut self, place: String) -> Issue {
        self.place = Some(place);
        self
    }

    /// What is wrong, in the output language.
    pub fn message(&self) -> String {
        match (&self.words, &self.problem) {
            (Some((message, _)), _) => message.clone(),
            (None, Some(problem)) => problem.message(self.lang),
            (None, None) => String::new(),
        }
    }

    /// Where it is, in words.
    pub fn place(&self) -> String {
        match &self.place {
            Some(place) => place.clone(),
            None => self.location.describe(self.lang),
        }
    }

    /// What to do about it.
    pub fn hint(&self) -> Option<String> {
        match (&self.words, &self.problem) {
            (Some((_, hint)), _) => hint.clone(),
            (None, Some(problem)) => problem.hint(self.lang),
            (None, None) => None,
        }
    }
}

/// As it always was: severity, location, problem (for core diagnostics), message, place and
/// hint (when there is one), the words made as they are written.
impl Serialize for Issue {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let hint = self.hint();
        let fields = 4 + usize::from(self.problem.is_some()) + usize::from(hint.is_some());
        let mut state = serializer.serialize_struct("Issue", fields)?;
        state.serialize_field("severity", &self.severity)?;
        state.serialize_field("location", &self.location)?;
        match &self.problem {
            Some(problem) => state.serialize_field("problem", problem)?,
            None => state.skip_field("problem")?,
        }
        state.serialize_field("message", &self.message())?;
        state.serialize_field("place", &self.place())?;
        match &hint {
            Some(hint) => state.serialize_field("hint", hint)?,
            None => state.skip_field("hint")?,
        }
        state.end()
    }
}

/// Counts errors, warnings and notes.
pub(crate) fn counts(issues: &[Issue]) -> [usize; 3] {
    let count = |s| issues.iter().filter(|i| i.severity() == s).count();
    [
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Note),
    ]
}

/// Renders issues one per line (`error: place: message`), each followed by its `hint:`
/// line; `errors_only` leaves out warnings and notes (used when a command fails). At most
/// `max` issues are listed (all when `max` is 0), then a line says how many more there are.
pub(crate) fn render_issues(
    issues: &[Issue],
    lang: Lang,
    color: bool,
    errors_only: bool,
    max: usize,
) -> String {
    let mut text = String::new();
    let (mut listed, mut left_out) = (0usize, 0usize);
    for issue in issues {
        // When a command fails, the errors matter, and the tool's own notes give context
        // (which sheet was read, which encoding).
        if errors_only && issue.severity() != Severity::Error && issue.problem.is_some() {
            continue;
        }
        if max != 0 && listed >= max {
            left_out += 1;
            continue;
        }
        listed += 1;
        let style = match issue.severity() {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Note => "1;36",
        };
        let label = paint(color, style, i18n::severity(lang, issue.severity()));
        // Messages quote the data (a unit's code, a cell's text): shown escaped.
        let message = issue.message();
        let message = shown(&message);
        let place = issue.place();
        if place.is_empty() {
            text.push_str(&format!("{label}: {message}\n"));
        } else {
            let place = shown(&place);
            text.push_str(&format!("{label}: {place}: {message}\n"));
        }
        if let Some(hint) = &issue.hint() {
            let label = paint(color, "1;32", i18n::hint_label(lang));
            text.push_str(&format!("  {label}: {}\n", shown(hint)));
        }
    }
    if left_out > 0 {
        text.push_str(&i18n::more_problems(lang, left_out, max));
        text.push('\n');
    }
    if errors_only {
        let [errors, _, _] = counts(issues);
        text.push_str(&i18n::failed_with(lang, errors));
        text.push('\n');
    }
    text
}
