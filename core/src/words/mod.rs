//! Every word more than one front end shows, in one catalogue: the typed vocabulary
//! ([`Term`] and the enums of the core it names) here, its Vietnamese wording in `vi.rs`, its
//! English wording in `en.rs`, and the words of a problem in [`problem`].
//!
//! Each thing is worded once: the command line's column headings, the widget's labels, the
//! places of a problem and the data-entry template all take their nouns from here. The
//! command line keeps only its own words (its commands, options, help and usage messages).
//!
//! ```
//! use dti_core::words::{self, Term};
//! use dti_core::{Lang, Status};
//! assert_eq!(words::term(Term::PointsLost, Lang::Vi), "Điểm bị mất");
//! assert_eq!(words::status(Status::MissingAsZero, Lang::En), "missing, scored zero");
//! assert_eq!(words::number(0.25, Lang::Vi), "0,25");
//! ```

pub mod problem;

mod en;
mod vi;

use crate::aggregation::Aggregation;
use crate::diagnostic::Severity;
use crate::framework::{MissingPolicy, Unit};
use crate::limits::Quantity;
use crate::rule::Rule;
use crate::score::Status;
use crate::text::Lang;

/// A noun or label shown by more than one front end, or by the core itself.
///
/// Headings (`Code`, `PointsLost` …) are capitalised as a column heading shows them; the
/// nouns of running text (`Line`, `Unit`, `Indicator` …) are lower case, and a label made of
/// one of them capitalises its first letter ([`capitalised`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Term {
    /// Heading: a code.
    Code,
    /// Heading: a name.
    Name,
    /// Heading: a value.
    Value,
    /// Heading: a rank.
    Rank,
    /// Heading: a rank within a group.
    RankInGroup,
    /// Heading: points.
    Points,
    /// Heading: the most points a node can give.
    MaxPoints,
    /// Heading: the points a unit lost at a node.
    PointsLost,
    /// Heading: a unit's code.
    UnitCode,
    /// Heading: a unit's name.
    UnitName,
    /// Heading: the year.
    Year,
    /// Heading: a node's code.
    Node,
    /// Heading: a node's name.
    NodeName,
    /// Heading: a node's status.
    Status,
    /// Heading: the results.
    Results,
    /// Heading: a kind of node.
    Kind,
    /// Heading: an indicator's unit of measure.
    Measure,
    /// Heading: an allowed range.
    Range,
    /// Heading: indicators.
    Indicators,
    /// Heading: a framework.
    Framework,
    /// A line of a file.
    Line,
    /// A unit (a province).
    Unit,
    /// Units, after a count.
    Units,
    /// An indicator, a leaf of the framework.
    Indicator,
    /// An aggregate, a node computed from its children, in a kind column.
    AggregateKind,
    /// An aggregate named in a place (`aggregate X`).
    Aggregate,
    /// An index, an aggregate nothing else counts toward.
    Index,
    /// The word before a hint.
    Hint,
    /// Heading: the main indicators of an index (the DTI's nine), as a chart shows them.
    MainIndicators,
}

impl Term {
    /// Every term, for tests and for front ends that export the catalogue.
    pub const ALL: [Term; 29] = [
        Term::Code,
        Term::Name,
        Term::Value,
        Term::Rank,
        Term::RankInGroup,
        Term::Points,
        Term::MaxPoints,
        Term::PointsLost,
        Term::UnitCode,
        Term::UnitName,
        Term::Year,
        Term::Node,
        Term::NodeName,
        Term::Status,
        Term::Results,
        Term::Kind,
        Term::Measure,
        Term::Range,
        Term::Indicators,
        Term::Framework,
        Term::Line,
        Term::Unit,
        Term::Units,
        Term::Indicator,
        Term::AggregateKind,
        Term::Aggregate,
        Term::Index,
        Term::Hint,
        Term::MainIndicators,
    ];
}

/// The language the catalogue words things in: the one asked for in a build with both
/// features `vi` and `en` (the default), or the one language of a build with only one of
/// them, whichever is asked. The calculator's modules are built so, one per language, and
/// leave the other language's words out (a page loads the module of its language).
#[inline(always)]
pub const fn worded(lang: Lang) -> Lang {
    if cfg!(all(feature = "vi", feature = "en")) {
        lang
    } else if cfg!(feature = "vi") {
        Lang::Vi
    } else {
        Lang::En
    }
}

#[cfg(not(any(feature = "vi", feature = "en")))]
compile_error!(
    "dti-core words its messages in no language: enable its feature `vi`, `en` or both \
     (the default features hold both)"
);

/// A term in a language.
pub fn term(term: Term, lang: Lang) -> &'static str {
    match worded(lang) {
        Lang::Vi => vi::term(term),
        Lang::En => en::term(term),
    }
}

/// A word with its first letter capitalised, as a label made of a noun of running text shows
/// it (`đơn vị` → `Đơn vị`).
pub fn capitalised(word: &str) -> String {
    let mut letters = word.chars();
    letters.next().map_or_else(String::new, |first| {
        std::iter::once(crate::case::upper_char(first))
            .chain(letters)
            .collect()
    })
}

/// Whether a node's value rests on data, in words.
pub fn status(status: Status, lang: Lang) -> &'static str {
    match worded(lang) {
        Lang::Vi => vi::status(status),
        Lang::En => en::status(status),
    }
}

/// `lỗi`, `cảnh báo`, `ghi chú` / `error`, `warning`, `note`.
pub fn severity(severity: Severity, lang: Lang) -> &'static str {
    match worded(lang) {
        Lang::Vi => vi::severity(severity),
        Lang::En => en::severity(severity),
    }
}

/// An indicator's unit of measure, shortly (`tỷ lệ 0–1`).
pub fn measure(unit: Unit, lang: Lang) -> &'static str {
    match worded(lang) {
        Lang::Vi => vi::measure(unit),
        Lang::En => en::measure(unit),
    }
}

/// What an input limit counts (`dòng`, `byte trong một ô` …).
pub fn quantity(quantity: Quantity, lang: Lang) -> &'static str {
    match worded(lang) {
        Lang::Vi => vi::quantity(quantity),
        Lang::En => en::quantity(quantity),
    }
}

/// A missing-data policy in words.
pub fn missing_policy(policy: MissingPolicy, lang: Lang) -> &'static str {
    match worded(lang) {
        Lang::Vi => vi::missing_policy(policy),
        Lang::En => en::missing_policy(policy),
    }
}

/// An aggregation method in words (`trung bình nhân`, `power mean p=0.5`).
pub fn aggregation(method: Aggregation, lang: Lang) -> String {
    match worded(lang) {
        Lang::Vi => vi::aggregation(method),
        Lang::En => en::aggregation(method),
    }
}

/// A scoring rule in words, with its parameters (`ngưỡng 0–100`).
pub fn rule(rule: &Rule, lang: Lang) -> String {
    match worded(lang) {
        Lang::Vi => vi::rule(rule),
        Lang::En => en::rule(rule),
    }
}

/// A stage of index construction, as the heading of its table.
#[cfg(feature = "pipeline")]
pub fn stage(stage: crate::pipeline::Stage, lang: Lang) -> &'static str {
    match worded(lang) {
        Lang::Vi => vi::stage(stage),
        Lang::En => en::stage(stage),
    }
}

/// ` 12 điểm` after an indicator's unit of measure: how many points it carries.
pub fn points_count(points: f64, lang: Lang) -> String {
    let points = number(points, lang);
    match worded(lang) {
        Lang::Vi => vi::points_count(&points),
        Lang::En => en::points_count(&points),
    }
}

/// The note at the top of a data-entry template for a framework.
pub fn template_note(framework: &str, lang: Lang) -> String {
    match worded(lang) {
        Lang::Vi => vi::template_note(framework),
        Lang::En => en::template_note(framework),
    }
}

/// A unit asked for by its code that the data lacks (`--unit`, the widget's unit).
pub fn unit_not_in_data(unit: &str, lang: Lang) -> String {
    match worded(lang) {
        Lang::Vi => vi::unit_not_in_data(unit),
        Lang::En => en::unit_not_in_data(unit),
    }
}

/// Why a text could not be read, in one phrase (see [`SyntaxReason::describe`], which shows
/// English readers the parser's own sentence).
///
/// [`SyntaxReason::describe`]: crate::syntax::SyntaxReason::describe
pub fn syntax_reason(reason: &crate::syntax::SyntaxReason, lang: Lang) -> String {
    match worded(lang) {
        Lang::Vi => vi::syntax_reason(reason),
        Lang::En => en::syntax_reason(reason),
    }
}

/// `` `:` `` or `` `:`, `,` hoặc `]` ``.
pub(super) fn marks_or(marks: &[String], or: &str) -> String {
    let quoted: Vec<String> = marks.iter().map(|mark| format!("`{mark}`")).collect();
    match quoted.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} {or} {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// A span of rows: `3`, or `1–2`.
fn span(first: u64, last: u64) -> String {
    if first == last {
        first.to_string()
    } else {
        format!("{first}–{last}")
    }
}

/// A number without needless decimals (at most 6), with the language's decimal mark; huge
/// numbers in scientific notation (rounding them at 6 decimals would overflow).
pub fn number(value: f64, lang: Lang) -> String {
    // `{:e}` and `{}` as the standard library prints them, without its float printer.
    let text = if value.abs() >= 1e15 {
        crate::decimal::exponent_text(value)
    } else {
        crate::decimal::shortest_text(crate::text::round_to(value, 6))
    };
    match lang {
        Lang::Vi => text.replace('.', ","),
        Lang::En => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A term worded the same as another in both languages is one thing defined twice.
    #[test]
    fn every_term_is_worded_once() {
        for (i, a) in Term::ALL.iter().enumerate() {
            for b in &Term::ALL[i + 1..] {
                let same = |lang| term(*a, lang) == term(*b, lang);
                assert!(
                    !(same(Lang::Vi) && same(Lang::En)),
                    "{a:?} and {b:?} are the same words"
                );
            }
        }
    }

    #[test]
    fn all_lists_every_term_once() {
        let mut seen = std::collections::HashSet::new();
        for t in Term::ALL {
            assert!(seen.insert(t), "{t:?} is listed twice");
        }
    }

    #[test]
    #[cfg(all(feature = "vi", feature = "en"))]
    fn every_language_is_worded_in_a_build_for_both() {
        assert_eq!(worded(Lang::Vi), Lang::Vi);
        assert_eq!(worded(Lang::En), Lang::En);
        assert_eq!(term(Term::Unit, Lang::En), "unit");
    }

    #[test]
    fn labels_capitalise_their_first_letter() {
        assert_eq!(capitalised(term(Term::Unit, Lang::Vi)), "Đơn vị");
        assert_eq!(capitalised(""), "");
    }
}
