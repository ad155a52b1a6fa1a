//! The catalogue in English.

use super::Term;
use crate::aggregation::Aggregation;
use crate::diagnostic::Severity;
use crate::framework::{MissingPolicy, Unit};
use crate::limits::Quantity;
use crate::rule::Rule;
use crate::score::Status;
use crate::text::Lang;

pub(super) fn term(term: Term) -> &'static str {
    match term {
        Term::Code => "Code",
        Term::Name => "Name",
        Term::Value => "Value",
        Term::Rank => "Rank",
        Term::RankInGroup => "Rank in group",
        Term::Points => "Points",
        Term::MaxPoints => "Max points",
        Term::PointsLost => "Points lost",
        Term::UnitCode => "Unit",
        Term::UnitName => "Unit name",
        Term::Year => "Year",
        Term::Node => "Node",
        Term::NodeName => "Node name",
        Term::Status => "Status",
        Term::Results => "Results",
        Term::Kind => "Kind",
        Term::Measure => "Measure",
        Term::Range => "Range",
        Term::Indicators => "Indicators",
        Term::Framework => "Framework",
        Term::Line => "line",
        Term::Unit => "unit",
        Term::Units => "units",
        Term::Indicator => "indicator",
        Term::AggregateKind => "aggregate",
        Term::Aggregate => "aggregate",
        Term::Index => "index",
        Term::Hint => "hint",
    }
}

pub(super) fn status(status: Status) -> &'static str {
    match status {
        Status::Scored => "scored",
        Status::MissingAsZero => "missing, scored zero",
        Status::Missing => "missing",
        Status::LowAvailability => "too little data",
    }
}

pub(super) fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

pub(super) fn measure(unit: Unit) -> &'static str {
    match unit {
        Unit::Score => "score 0–1",
        Unit::Percent => "%",
        Unit::Share => "share 0–1",
        Unit::Count => "count",
        Unit::Number => "number",
        Unit::YesNo => "yes/no",
    }
}

pub(super) fn quantity(quantity: Quantity) -> &'static str {
    use Quantity::*;
    match quantity {
        Bytes => "bytes",
        BytesInCell => "bytes in a cell",
        BytesInString => "bytes in a string",
        Rows => "rows",
        Columns => "columns",
        Units => term(Term::Units),
        Indicators => "indicators",
        Values => "values (units × indicators)",
        NestingLevels => "levels of nesting",
        FrameworkNodes => "indicators and aggregates",
        AggregateLevels => "levels of aggregates",
    }
}

pub(super) fn missing_policy(policy: MissingPolicy) -> &'static str {
    match policy {
        MissingPolicy::Zero => "missing scored zero",
        MissingPolicy::Skip => "missing values skipped",
        MissingPolicy::Reject => "missing values refused",
    }
}

pub(super) fn aggregation(method: Aggregation) -> String {
    match method {
        Aggregation::Arithmetic => "weighted mean".into(),
        Aggregation::Median => "weighted median".into(),
        Aggregation::Copeland => "Copeland score".into(),
        Aggregation::Geometric => "geometric mean".into(),
        Aggregation::Harmonic => "harmonic mean".into(),
        Aggregation::PowerMean { p } => format!(
            "power mean p={}",
            crate::text::format_decimal(p, 2, Lang::En)
        ),
        Aggregation::Sum => "sum of points".into(),
        Aggregation::Minimum => "minimum".into(),
    }
}

pub(super) fn rule(rule: &Rule) -> String {
    let n = |v: f64| super::number(v, Lang::En);
    match rule {
        Rule::Score => "given score".into(),
        Rule::Rate { .. } => "rate × points".into(),
        Rule::Target { target } => format!("target {}", n(*target)),
        Rule::Goalposts { low, high, .. } => format!("goalposts {}–{}", n(*low), n(*high)),
        Rule::YesNo => measure(Unit::YesNo).into(),
        Rule::Tiers { steps } => {
            let steps: Vec<String> = steps
                .iter()
                .map(|[at, share]| format!("{}→{}", n(*at), n(*share)))
                .collect();
            format!("tiers {}", steps.join(", "))
        }
        Rule::MinMax { .. } => "min–max across units".into(),
        Rule::ZScore { .. } => "z-score".into(),
        Rule::Rank => "rank".into(),
        Rule::Borda => "Borda score".into(),
        Rule::PercentileRank => "percentile rank".into(),
        Rule::None => "the value itself".into(),
        Rule::FractionOfMax { .. } => "fraction of the best".into(),
        Rule::DistanceToMax { .. } => "distance to the best".into(),
        Rule::DistanceToTarget { .. } => "distance to the target".into(),
        Rule::DistanceToReference { unit, .. } => format!("distance to unit {unit}"),
    }
}

#[cfg(feature = "pipeline")]
pub(super) fn stage(stage: crate::pipeline::Stage) -> &'static str {
    use crate::pipeline::Stage;
    match stage {
        Stage::Raw => "Raw data",
        Stage::Denominated => "Denominated",
        Stage::Imputed => "Imputed",
        Stage::Screened => "Screened",
        Stage::Treated => "Treated",
        Stage::Normalised => "Normalised",
        Stage::Aggregated => "Aggregated, with ranks",
    }
}

pub(super) fn points_count(points: &str) -> String {
    format!("{points} points")
}

pub(super) fn template_note(framework: &str) -> String {
    format!(
        "Data-entry template for the {framework} framework. Fill in the unit code, then each indicator's value (or numerator and denominator); leave blank what is not known."
    )
}
