//! The catalogue in English.

use super::{Term, number};
use crate::aggregation::Aggregation;
use crate::decimal::shortest_text;
use crate::diagnostic::Severity;
use crate::diagnostic::{Invalid, Problem, ValueForm};
use crate::framework::{MissingPolicy, Unit};
use crate::limits::Quantity;
use crate::rule::Rule;
use crate::score::Status;
use crate::syntax::SyntaxReason;
use crate::text::{Lang, format_decimal};

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
        Term::MainIndicators => "Main indicators",
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

pub(super) fn unit_not_in_data(unit: &str) -> String {
    format!("the data has no unit `{unit}`")
}

pub(super) fn template_note(framework: &str) -> String {
    format!(
        "Data-entry template for the {framework} framework. Fill in the unit code, then each indicator's value (or numerator and denominator); leave blank what is not known."
    )
}

// ---- The words of a problem (see `problem.rs`) ----

/// How a value was written, in words.
pub(super) fn value_form(form: ValueForm) -> &'static str {
    match form {
        ValueForm::Number => "a number",
        ValueForm::Percent => "a percentage",
        ValueForm::Ratio => "a numerator/denominator pair",
        ValueForm::YesNo => super::measure(crate::framework::Unit::YesNo, Lang::En),
    }
}

/// Why a setting or parameters are impossible, in one phrase.
pub(super) fn invalid(invalid: &Invalid) -> String {
    use Invalid::*;
    #[cfg(feature = "validate")]
    let n = |value: f64| number(value, Lang::En);
    match invalid {
        Empty => "empty".into(),
        #[cfg(feature = "validate")]
        TooManyDecimals { given, most } => {
            format!("{given} decimals; at most {most}")
        }
        #[cfg(feature = "validate")]
        NotAShare { value, below_one } => format!(
            "{}: it must be a share from 0 to {}",
            n(*value),
            if *below_one { "below 1" } else { "1" }
        ),
        #[cfg(feature = "validate")]
        BadCode { code } => {
            format!("code `{code}` is empty or has surrounding spaces")
        }
        #[cfg(feature = "validate")]
        ListedTwice { code } => format!("`{code}` is listed twice"),
        NotFinite { code, value } => format!("{code} = {}", shortest_text(*value)),
        #[cfg(feature = "validate")]
        NeedsFiniteRange => "needs a finite range: give `range = [low, high]`".into(),
        #[cfg(feature = "validate")]
        NotPositive { parameter, value } => {
            format!("{parameter} {} must be a positive number", n(*value))
        }
        #[cfg(feature = "validate")]
        GoalpostsOrder { low, high } => format!(
            "goalposts {} and {}: the first must be below the second",
            n(*low),
            n(*high)
        ),
        #[cfg(feature = "validate")]
        NoSteps => "needs at least one `[threshold, share]` step".into(),
        #[cfg(feature = "validate")]
        BadStep { threshold, share } => format!(
            "step [{}, {}]: the share must be from 0 to 1",
            n(*threshold),
            n(*share)
        ),
        #[cfg(feature = "validate")]
        OutputRange { low, high } => format!(
            "output range {}..{} must be finite and increasing",
            n(*low),
            n(*high)
        ),
        #[cfg(feature = "validate")]
        NotPositiveSd { mean, sd } => {
            format!("mean {} and sd {}: sd must be positive", n(*mean), n(*sd))
        }
        #[cfg(feature = "validate")]
        NoReferenceUnit => "needs the reference unit's code: `unit = \"…\"`".into(),
        BadGoal => "the target must be a finite value or a rank of 1 or more".into(),
        #[cfg(feature = "validate")]
        NoUncertainChoice => "no uncertain choice is given".into(),
        #[cfg(feature = "validate")]
        SampleCount { given, least, most } => {
            format!("{given}: use {least} to {most}")
        }
        #[cfg(feature = "validate")]
        TooManyFactorsForSobol { most } => {
            format!("Sobol sampling handles up to {most} factors")
        }
        // Only the framework validator and sensitivity find these; a build without them (the
        // calculator's module) never meets them and leaves their words out.
        #[cfg(not(feature = "validate"))]
        _ => "invalid".into(),
    }
}

fn value_text(value: crate::value::Value) -> String {
    use crate::value::Value;
    match value {
        Value::Number { value } => number(value, Lang::En),
        Value::Percent { value } => format!("{}%", number(value, Lang::En)),
        Value::Ratio {
            numerator,
            denominator,
        } => format!(
            "{}/{}",
            number(numerator, Lang::En),
            number(denominator, Lang::En)
        ),
        Value::YesNo { value } => match value {
            true => "yes".into(),
            false => "no".into(),
        },
    }
}

pub(super) fn message(problem: &Problem) -> String {
    use Problem::*;
    match problem {
        Syntax { detail, reason } => format!(
            "syntax error: {}",
            reason.describe(detail, Lang::En)
        ),
        TooLarge { what, limit } => format!("more than the limit of {limit} {}", what.name(Lang::En)),
        BadSetting { setting, why } => format!("setting `{setting}` is invalid: {}", why.describe(Lang::En)),
        DuplicateCode { code } => format!("code `{code}` is defined twice"),
        UnknownCode {
            code,
            referenced_by,
        } => format!(
                "{} refers to `{code}`, which is not defined",
                referrer(referenced_by)
            ),
        #[cfg(feature = "validate")]
        Cycle { path } => format!("aggregates form a cycle: {}", path.join(" → ")),
        #[cfg(feature = "validate")]
        Unreachable { code } => format!("`{code}` counts toward no index"),
        #[cfg(feature = "validate")]
        NoChildren { code } => format!("aggregate `{code}` has no children"),
        #[cfg(feature = "validate")]
        NoWeight { code } => format!("the weights of `{code}` do not add up to a positive total"),
        #[cfg(feature = "validate")]
        BadWeight {
            parent,
            child,
            weight,
        } => format!(
                "weight of `{child}` in `{parent}` is {}: it must be a number from 0 to 10¹²",
                number(*weight, Lang::En)
            ),
        RuleDoesNotFitUnit { rule, unit } => format!("scoring rule `{rule}` does not fit unit `{unit}`"),
        BadRule { rule, why } => format!("scoring rule `{rule}` is invalid: {}", why.describe(Lang::En)),
        #[cfg(feature = "validate")]
        BadDenominator { denominator } => format!(
                "denominator `{denominator}` is invalid: it must name another data column, without surrounding spaces"
            ),
        #[cfg(feature = "validate")]
        BadTarget { target } => format!("target {} is not a finite number", shortest_text(*target)),
        #[cfg(feature = "validate")]
        BadRange { low, high } => format!(
                "range {}–{} is inconsistent",
                number(*low, Lang::En),
                number(*high, Lang::En)
            ),
        RowsAboveHeader { first, last } => {
            let rows = super::span(*first, *last);
            let plural = if first == last { "" } else { "s" };
            format!("row{plural} {rows} above the header row skipped (a title or merged cells)")
        }
        OpenQuote => "the quote that opens this cell is never closed: the rest of the file reads as this one cell, and the rows after it are not read".into(),
        NoUnitColumn => "no column names the units (code)"
            .into(),
        NoData => "the file holds no indicator values"
            .into(),
        MissingUnitCode => "row has no unit code"
            .into(),
        NameDiffers { first, second } => format!("unit has two names, `{first}` and `{second}`: the first is used"),
        TwoYears { first, second } => format!(
                "unit has rows for {first} and {second}: a file holds one year"
            ),
        YearsDiffer { unit, first, second } => format!(
                "year {second} differs from unit {unit}'s {first}: a file holds one year, as its units are ranked against each other"
            ),
        DuplicateUnit => "unit appears twice"
            .into(),
        SummaryRow { label } => format!("row `{label}` is a total or an average, not a unit"),
        DuplicateValue => "value is given twice"
            .into(),
        ValueAndRatio => "the row gives both a value and a numerator or denominator: only one may be given"
            .into(),
        BadGrouping { header } => format!("grouping column `{header}` has no name or is repeated"),
        UnknownColumn { header } => format!("column `{header}` is not an indicator of the framework: ignored"),
        UnknownIndicator => "indicator is not in the framework: ignored"
            .into(),
        CodeCase { code } => format!("code written in other letter case: read as indicator {code}"),
        ComputedDiffers { given, computed } => format!(
                "the file gives {}, but the indicators give {}",
                number(*given, Lang::En),
                number(*computed, Lang::En)
            ),
        ComputedColumn => "computed by the tool from the indicators: the file's values are not used"
            .into(),
        BadValue { text } => format!("cannot read value `{text}`"),
        RowLength { expected, found } => format!("row has {found} cells, the header has {expected}"),
        BadYear { text } => format!("year `{text}` is not valid"),
        ZeroDenominator => "denominator is zero".into(),
        DecimalComma { text, value } => format!(
                "`{text}` looks like a decimal comma: accepted as {}",
                number(*value, Lang::En)
            ),
        DuplicateColumn {
            header,
            first,
            first_column,
        } => format!(
                "column `{header}` means the same as column `{first}` (column {first_column}): there can be only one"
            ),
        DuplicateKey { key } => format!("key `{key}` appears twice in one JSON object"),
        NoValues { others, .. } if others.is_empty() => "the file lists units but has no value for any indicator"
            .into(),
        NoValues { others, .. } => {
            let list = others
                .iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(", ");
            format!(
                    "no column of the file is an indicator of this framework (the file has {list}…): it may have been made for another framework"
                )
        }
        Overflow => "the computed value is too large to represent: the data or the weights are out of all proportion"
            .into(),
        #[cfg(feature = "validate")]
        BadPoints { code, points } => format!(
                "the points of `{code}` are {}: they must be a number from 0 to 10¹²",
                number(*points, Lang::En)
            ),
        AmbiguousNumber {
            text,
            decimal,
            grouped,
            both_marks,
        } => {
            let (decimal, grouped) = (value_text(*decimal), value_text(*grouped));
            match both_marks {
false => format!(
                    "`{text}` could be {decimal} or {grouped}: no other cell shows whether the decimal mark is a comma or a dot"
                ),
true => format!(
                    "`{text}` could be {decimal} or {grouped}: the file uses both a comma and a dot as decimal marks"
                ),
}
        }
        ReadByFileMark {
            text,
            value,
            mark,
            example,
            line,
        } => {
            let value = value_text(*value);
            let at = |vi: bool| match (*line, vi) {
                (0, _) => String::new(),
                (line, true) => format!(" ở dòng {line}"),
                (line, false) => format!(" on line {line}"),
            };
            match mark {
crate::value::DecimalMark::Comma => format!(
                    "`{text}` read as {value}: the file writes decimals after a comma (as `{example}`{}), so the dot here separates thousands",
                    at(false)
                ),
crate::value::DecimalMark::Dot => format!(
                    "`{text}` read as {value}: the file writes decimals after a dot (as `{example}`{}), so the comma here separates thousands",
                    at(false)
                ),
}
        }
        WrongForm { given, unit } => format!(
                "value given as {} but the indicator is measured in `{unit}`",
                given.name(Lang::En)
            ),
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
            let (v, l, h) = (number(*value, Lang::En), number(*low, Lang::En), number(*high, Lang::En));
            let below = value < low;
            match high.is_finite() && low.is_finite() {
false if below => {
                    format!("value {v}{sp}{symbol} is below the minimum of {l}{sp}{symbol}")
                },
false => {
                    format!("value {v}{sp}{symbol} is above the maximum of {h}{sp}{symbol}")
                },
true => {
                    let side = if below { "below" } else { "above" };
                    format!(
                        "value {v}{sp}{symbol} is {side} the indicator's range {l}–{h}{sp}{symbol}"
                    )
                },
}
        }
        MissingValue { policy } => {
            use crate::framework::MissingPolicy::*;
            match policy {
Zero => "no value: scores zero".into(),
Skip => "no value: skipped, weights renormalised".into(),
Reject => "no value: the framework requires every value".into(),
}
        }
        #[cfg(feature = "validate")]
        OldSpelling { old, new } => format!("`{old}` is an old spelling; write `{new}`"),
        #[cfg(feature = "validate")]
        NormaliseIsRule => "`[pipeline.normalise]` is an old spelling: each `[[indicator]]` now gives its own normalisation, `rule = { method = … }`"
            .into(),
        #[cfg(feature = "validate")]
        AggregateIsMethod { min_share } => {
            let mut text = "`[pipeline.aggregate]` is an old spelling: each `[[aggregate]]` now gives its own method, `method = …`"
                .to_string();
            if *min_share {
                text.push_str(", and `min_share` is `min_availability = …` at the top of the file");
            }
            text
        }
        #[cfg(feature = "validate")]
        UnknownMethod { name } => format!(
                "there is no aggregation method `{name}`; use `{}`",
                crate::aggregation::METHODS.join("`, `")
            ),
        BadExponent => "`power_mean` needs a finite, non-zero exponent `p`"
            .into(),
        UnexpectedExponent { method } => format!("the exponent `p` applies only to `power_mean`, not `{method}`"),
        RuleNeedsTarget { rule } => format!("rule `{rule}` needs the indicator's `target`"),
        TargetNotAboveWorst { target, worst } => format!(
                "the target {} is no better than the worst value {}: the distance to the target is undefined",
                number(*target, Lang::En),
                number(*worst, Lang::En)
            ),
        UnknownReferenceUnit { unit } => format!("the reference unit `{unit}` is not in the data"),
        ReferenceWithoutValue { unit } => format!("the reference unit `{unit}` has no value"),
        ReferenceIsWorst { unit } => format!(
                "the reference unit `{unit}` has the worst value: the distance to it is undefined"
            ),
        NegativeValue { method, value } => format!(
                "`{method}` needs values of zero or more, but one is {}",
                number(*value, Lang::En)
            ),
        #[cfg(feature = "validate")]
        NotAnAggregate { code } => format!("`{code}` is not an aggregate"),
        NotAnIndicator { code } => format!("`{code}` is not an indicator"),
        #[cfg(feature = "validate")]
        ChildrenCanBeNegative { method } => format!(
                "method `{method}` needs children of zero or more, but a child's scores can be negative"
            ),
        #[cfg(feature = "validate")]
        UnknownWeightSet { name, known } => match known.is_empty() {
true => format!("there is no weight set `{name}`: the framework defines none"),
false => format!("there is no weight set `{name}`; the framework defines {}", known.join(", ")),
},
        #[cfg(feature = "validate")]
        WeightOfTopNode { set, code } => format!("weight set `{set}` weights `{code}`, which counts toward nothing"),
        #[cfg(feature = "validate")]
        BadSetWeight { set, code, weight } => format!(
                "weight set `{set}`: the weight of `{code}` is {}: it must be a number from 0 to 10¹²",
                number(*weight, Lang::En)
            ),
        #[cfg(feature = "validate")]
        SetLeavesNoWeight { set, code } => format!(
                "with weight set `{set}`, the weights of `{code}` do not add up to a positive total"
            ),
        #[cfg(feature = "pipeline")]
        NoDenominatorColumn { column } => format!("the data has no denominator column `{column}`"),
        #[cfg(feature = "pipeline")]
        DivisionOverflows { denominator } => format!("dividing by `{denominator}` gives a number too large to hold"),
        #[cfg(feature = "pipeline")]
        UnknownGrouping { name, known } => match known.is_empty() {
true => format!("the data has no grouping `{name}` (a `group:{name}` column)"),
false => format!(
                "the data has no grouping `{name}`; it has {}",
                known.join(", ")
            ),
},
        #[cfg(feature = "pipeline")]
        Unlabelled { grouping } => format!("the unit has no label in the grouping `{grouping}` that imputation uses"),
        #[cfg(feature = "pipeline")]
        NoYears { method } => format!("method `{method}` needs a year on every row, but the data has none"),
        #[cfg(feature = "pipeline")]
        UnknownUnit { unit, referenced_by } => format!("`{referenced_by}` names unit `{unit}`, which is not in the data"),
        #[cfg(feature = "pipeline")]
        NothingLeft => "screening dropped every unit"
            .into(),
        #[cfg(feature = "pipeline")]
        StepListedTwice { step } => format!("step `{step}` is listed twice in `order`"),
        #[cfg(feature = "pipeline")]
        StepWithoutSettings { step } => format!("`order` lists step `{step}`, which has no [pipeline.{step}] table"),
        #[cfg(feature = "pipeline")]
        StepLeftOut { step } => format!("[pipeline.{step}] is given but `order` leaves step `{step}` out"),
        #[cfg(feature = "pipeline")]
        TreatBeforeDenominate => "`order` treats outliers before dividing by denominators: treated (possibly logged) values cannot be divided by a denominator"
            .into(),
        #[cfg(feature = "pipeline")]
        BadScale { value } => format!("the scale factor {} must be a finite number other than 0", number(*value, Lang::En)),
        #[cfg(feature = "pipeline")]
        NotFinite { setting, value } => format!("`{setting}`: {} is not a finite number", number(*value, Lang::En)),
        #[cfg(feature = "pipeline")]
        ShareOutOfRange { setting, value } => format!("`{setting}` = {} must be a share from 0 to 1", number(*value, Lang::En)),
        #[cfg(feature = "merge")]
        MappedTwice { unit, first_line } => format!("former unit `{unit}` is mapped twice (first on line {first_line})"),
        #[cfg(feature = "merge")]
        PartialMerge {
            with_data,
            without_data,
        } => format!(
                "the merged unit has data for {} only (none for {}): merged values stand for part of the unit",
                with_data.join(", "),
                without_data.join(", ")
            ),
        #[cfg(feature = "merge")]
        MergedWithoutData { units, of } => format!(
                "{} of the {of} merged units have no data from any of their former units, so no value and no rank: {}",
                units.len(),
                units.join(", ")
            ),
        #[cfg(feature = "validate")]
        FewSamples { samples, advised } => format!(
                "N = {samples} samples is fewer than {advised}: the sensitivity indices may change with another seed"
            ),
        #[cfg(feature = "validate")]
        FirstAboveTotal {
            factor,
            first,
            total,
        } => format!(
                "the first-order index of `{factor}` ({}) is above its total index ({}), which exact values cannot be: the estimates are not stable",
                format_decimal(*first, 3, Lang::En),
                format_decimal(*total, 3, Lang::En)
            ),
        #[cfg(feature = "validate")]
        IntervalBelowZero {
            factor,
            index,
            low,
            high,
        } => {
            let interval = format!(
                "{} … {}",
                format_decimal(*low, 3, Lang::En),
                format_decimal(*high, 3, Lang::En)
            );
            match index.as_str() {
"total" => format!(
                    "the 95 % interval of the total index of `{factor}` ({interval}) reaches below 0, which no index can be: the estimates are not stable"
                ),
_ => format!(
                    "the 95 % interval of the first-order index of `{factor}` ({interval}) reaches below 0, which no index can be: the estimates are not stable"
                ),
}
        }
        #[cfg(feature = "merge")]
        MappedName { name, mapped, other: Some(other) } => format!(
                "`{name}` is the name of unit {other} in the mapping; this row's code is {mapped}'s: merging by code would put its values in the wrong unit"
            ),
        MappedName { name, mapped, other: None } => format!(
                "name `{name}` is not the mapping's name for this code ({mapped})"
            ),
        NotInMapping { units } => format!(
                "the mapping does not include {} unit{} of the data, left out: {}",
                units.len(),
                if units.len() == 1 { "" } else { "s" },
                units.join(", ")
            ),
        MissingColumns { columns } => format!("required columns are missing: `{}`", columns.join("`, `")),
        #[cfg(feature = "toml")]
        NoCode => "the row has no code".into(),
        #[cfg(feature = "toml")]
        UnknownRowType { text } => format!(
                "type `{text}` is unknown: use `Indicator`, `Aggregate`, `Group`, `Denominator` or `Other`"
            ),
        NotANumber { column, text } => format!("column `{column}`: `{text}` is not a valid number"),
        WeightOutOfBounds { weight } => format!(
                "weight {}: weights must be numbers from 0 to 10¹²",
                number(*weight, Lang::En)
            ),
        #[cfg(feature = "toml")]
        NeedsColumn { column } => format!("this row needs a value in column `{column}`"),
        #[cfg(feature = "toml")]
        BadDirection { value } => format!(
                "direction {} is invalid: 1 means higher is better, -1 lower is better",
                number(*value, Lang::En)
            ),
        #[cfg(feature = "toml")]
        ParentNotAggregate { parent } => format!("parent `{parent}` is not an `Aggregate` row of iMeta"),
        #[cfg(feature = "toml")]
        NotADenominator { denominator } => format!("denominator `{denominator}` is not a `Denominator` row of iMeta"),
        #[cfg(feature = "toml")]
        SeveralRoots { codes } => format!(
                "only one `Aggregate` may have no parent (the index), but these have none: {}",
                codes.join(", ")
            ),
        #[cfg(feature = "toml")]
        WrongLevel { declared, actual } => format!("level {declared} does not match the tree: from its children it is {actual}"),
        #[cfg(feature = "toml")]
        OtherColumnLeftOut => "a column of type `Other` is left out"
            .into(),
        #[cfg(feature = "toml")]
        ColumnNotInMeta => "the column is not in iMeta as an `Indicator`, `Group`, `Denominator` or `Other`"
            .into(),
        #[cfg(feature = "toml")]
        ColumnMissingFromData => "iData has no such column, which iMeta declares"
            .into(),
        #[cfg(feature = "toml")]
        ReservedCodes { codes } => format!(
                "these codes are names the data reader reserves (such as `name`, `year`, `group`): `{}`; rename them in iMeta and iData",
                codes.join("`, `")
            ),
        #[cfg(feature = "toml")]
        WrittenDiffers => "the file written does not read back as meant (a defect of the tool)"
            .into(),
        #[cfg(feature = "toml")]
        BadLevelKey { key } => format!("`by_level`: `{key}` is not an aggregate level (2 or more)"),
        ConstantIndicator { rule } => format!(
                "every unit has the same value: rule `{rule}` gives them all the best score"
            ),
        LowAvailability {
            available,
            threshold,
        } => format!(
                "only {}% of the children have data, below the threshold of {}%: not computed",
                format_decimal(available * 100.0, 0, Lang::En),
                format_decimal(threshold * 100.0, 0, Lang::En)
            ),
        // Only the construction pipeline, the COINr importer, the framework validator,
        // sensitivity and mergers find these; a build without them (the calculator's module)
        // never meets them and leaves their words out.
        #[cfg(not(all(
            feature = "pipeline",
            feature = "toml",
            feature = "validate",
            feature = "merge"
        )))]
        _ => format!("problem `{}`", problem.kind()),
    }
}

pub(super) fn too_large_hint(what: crate::limits::Quantity, option: Option<&str>) -> String {
    use crate::limits::Quantity::*;
    match (what, option) {
(_, Some(option)) => format!("split the file, or raise the limit with {option}"),
(Bytes | Rows | Columns, None) => "split the file into smaller ones"
            .into(),
(Units | Indicators | Values, None) => "this limit is fixed: split the file into smaller ones"
            .into(),
(BytesInCell | BytesInString, None) => "this limit is fixed: a cell this long is not a value; check the file"
            .into(),
(NestingLevels, None) => "this limit is fixed: data and framework files need only a few levels; check that this is the file meant"
            .into(),
(FrameworkNodes | AggregateLevels, None) => "this limit is fixed: check the framework file"
            .into(),
}
}

pub(super) fn page_hint(problem: &Problem) -> Option<String> {
    use Problem::*;
    let text = match problem {
        NoUnitColumn => "name the first column `code` (or `mã`)",
        UnknownColumn { .. } | UnknownIndicator => {
            "check the indicator code against the framework's list"
        }
        WrongForm { .. } => "enter the value in the indicator's unit",
        MissingUnitCode => "fill in the unit code (e.g. the province code 22) on every row",
        NoData => "the file is empty or holds only a header",
        TwoYears { .. } | YearsDiffer { .. } => "split it into a file per year",
        TooLarge { what, .. } => return Some(too_large_hint(*what, None)),
        _ => return None,
    };
    Some(text.to_string())
}

pub(super) fn hint(problem: &Problem) -> Option<String> {
    use Problem::*;
    let text = match problem {
        ComputedDiffers { .. } => {
            "a published figure and the one computed from the indicators should agree: check the indicators' values, or the published figure"
        }
        OpenQuote => "close the quote (`\"`) at the end of the cell, or delete it",
        NoUnitColumn => {
            "name the first column `code` (or `mã`); `dti template` writes a ready-made file"
        }
        DuplicateColumn { .. } | DuplicateKey { .. } => {
            "keep one and delete the other (the tool does not guess which is right)"
        }
        NoValues { fits: Some(id), .. } => {
            return Some(format!(
                "the file fits the embedded framework `{id}`: run again with `--framework {id}`"
            ));
        }
        NoValues { others, .. } if !others.is_empty() => {
            "choose the framework the file was made for, or rename the columns to its indicator codes"
        }
        NoValues { .. } => {
            "fill in each indicator's value (or numerator and denominator), then check again"
        }
        AmbiguousNumber { .. } => {
            "write the number without a thousands separator (65000), or with its decimals made clear (65.0)"
        }
        BadValue { .. } => {
            "write a number (0.75 or 0,75), a percentage (75%), a fraction (3/4), yes/no, or leave it blank"
        }
        UnknownColumn { .. } | UnknownIndicator => {
            "check the indicator code; `dti frameworks` lists the valid codes"
        }
        OutOfRange { .. } => {
            "check the unit (a 0–1 share or a 0–100 percentage) and the source figure"
        }
        WrongForm { .. } => "enter the value in the indicator's unit; see `dti template`",
        RowLength { .. } => {
            "the separator may be wrong: decimal commas must be quoted, or use semicolons as the separator"
        }
        SummaryRow { .. } => {
            "delete the row: units are ranked against each other, and it would be ranked as one of them"
        }
        DuplicateUnit | DuplicateValue => "keep one of the rows",
        ValueAndRatio => "delete the value, or the numerator and denominator",
        NameDiffers { .. } => "check the unit code on the rows with the other name",
        TwoYears { .. } | YearsDiffer { .. } => {
            "split it into a file per year; `dti compare` compares two years"
        }
        BadGrouping { .. } => "name each grouping once after the colon, e.g. `group:region`",
        MissingUnitCode => {
            "fill in the unit code (e.g. the province code 22) on every row, or make the template again with `dti template --unit CODE`"
        }
        ZeroDenominator => {
            "the denominator must be above 0; leave both blank when the figure is not known"
        }
        NoData => {
            "the file is empty or holds only a header: `dti template` writes a file to fill in"
        }
        BadYear { .. } => "write the year with four digits, e.g. 2022",
        Syntax { .. } => "look near that place for a missing or extra quote, comma or bracket",
        MissingValue { .. } => "enter the value if the figure is known",
        TooLarge { what, .. } => return Some(too_large_hint(*what, what.cli_option())),
        #[cfg(feature = "merge")]
        PartialMerge { .. } => {
            "add the data of the missing former units; merged values of part of a unit are given only with `dti merge --allow-partial`"
        }
        #[cfg(feature = "validate")]
        FewSamples { .. } | FirstAboveTotal { .. } | IntervalBelowZero { .. } => {
            "use more samples, e.g. `--samples 10000` (the default)"
        }
        #[cfg(feature = "merge")]
        MappedName { .. } => {
            "check this row's code and name (the code and name columns may have shifted): merging goes by the code"
        }
        MergedWithoutData { .. } | NotInMapping { .. } => {
            "compare the data's unit codes with the mapping's former_code column"
        }
        _ => return None,
    };
    Some(text.to_string())
}

/// What refers to an unknown code: the analyses by name, keys and codes of files as written.
fn referrer(referenced_by: &str) -> String {
    match referenced_by {
        "mapping" => "the mapping file".into(),
        "costs" => "the costs file".into(),
        "goal" => "the goal".into(),
        "what-if" => "the what-if".into(),
        other => format!("`{other}`"),
    }
}

/// Why a text could not be read, in one phrase.
pub(super) fn syntax_reason(reason: &SyntaxReason) -> String {
    use SyntaxReason::*;
    let list = |items: &[String]| {
        items
            .iter()
            .map(|item| format!("`{item}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match reason {
        Other => "the text is not well formed here".into(),
        TrailingComma => "trailing comma".into(),
        TrailingCharacters => "text after the end of the document".into(),
        UnexpectedEnd => "the text ends before a list, object or string is closed".into(),
        ExpectedMark { marks } => format!("expected {}", super::marks_or(marks, "or")),
        ExpectedValue => "expected a value (a number, text, a list …)".into(),
        UnknownField { field, allowed } if allowed.is_empty() => {
            format!("unknown key `{field}`")
        }
        UnknownField { field, allowed } => {
            format!("unknown key `{field}`; the keys are {}", list(allowed))
        }
        MissingField { field } => format!("missing key `{field}`"),
        DuplicateKey { key } if key.is_empty() => "a key is given twice".into(),
        DuplicateKey { key } => format!("key `{key}` is given twice"),
        UnknownChoice { choice, allowed } => {
            format!("`{choice}` is not a choice; use one of {}", list(allowed))
        }
        WrongType => "a value of the wrong kind".into(),
        BadNumber => "invalid number".into(),
        BadEscape => "invalid `\\` escape in a string".into(),
        ControlCharacter => "a control character inside a string".into(),
        BadKey => "invalid key".into(),
        UnclosedString => "invalid or unclosed string".into(),
        UnquotedText => "text must be between quotes".into(),
        TooDeep => "lists or tables nested too deep".into(),
        NotUtf8 => "the text is not UTF-8".into(),
        NoUnitsList => "expected an object with a `units` array, or an array of units".into(),
        UnitNotAnObject { place } => format!("{place} is not an object"),
        NoValuesObject { place } => format!("{place} has no `values` object"),
        GroupsNotAnObject { place } => {
            format!("`groups` in {place} must be an object of grouping → label")
        }
        GroupLabelNotText { grouping, place } => {
            format!("the label of grouping `{grouping}` in {place} must be text")
        }
    }
}
