//! Problems found in frameworks and data, with where they are and what to do about them.
//!
//! Every check collects all the problems it finds instead of stopping at the first, so a
//! person fixing a spreadsheet sees the whole list at once. A [`Diagnostic`] carries the
//! structured facts ([`Problem`]) and a [`Location`]; the words come from
//! [`Diagnostic::message`] and [`Diagnostic::hint`] in the requested [`Lang`], which ask the
//! catalogue of words ([`crate::words`]): this module holds no wording of its own.

use std::collections::HashSet;
use std::fmt;
use std::sync::Arc;

use serde::Serialize;

use crate::text::Lang;

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
///
/// The names are shared ([`Arc<str>`]): a check that reports one diagnostic per missing cell
/// makes each file, unit and indicator name once and gives every diagnostic a reference to it,
/// so a diagnostic costs no allocation. They serialize as plain strings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Location {
    /// The file (or other origin) name given by the caller.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<Arc<str>>,
    /// 1-based line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// 1-based column (field number in CSV, character in TOML/JSON).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u64>,
    /// The unit (province) code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<Arc<str>>,
    /// The indicator or node code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub indicator: Option<Arc<str>>,
    /// True when that code is an aggregate of the framework, not an indicator.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub aggregate: bool,
}

/// A name a [`Location`] can hold: a string (copied once into a shared one) or a shared
/// string (`Arc<str>`, or a reference to one: shared again, without a copy).
pub trait Name {
    /// The name as a shared string.
    fn into_name(self) -> Arc<str>;
}

impl Name for &str {
    fn into_name(self) -> Arc<str> {
        Arc::from(self)
    }
}

impl Name for &String {
    fn into_name(self) -> Arc<str> {
        Arc::from(self.as_str())
    }
}

impl Name for String {
    fn into_name(self) -> Arc<str> {
        Arc::from(self)
    }
}

impl Name for Arc<str> {
    fn into_name(self) -> Arc<str> {
        self
    }
}

impl Name for &Arc<str> {
    fn into_name(self) -> Arc<str> {
        Arc::clone(self)
    }
}

impl Location {
    /// A location in a named file.
    pub fn file(name: Option<&str>) -> Location {
        Location {
            file: name.map(Arc::from),
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
    pub fn unit(mut self, unit: impl Name) -> Location {
        self.unit = Some(unit.into_name());
        self
    }

    /// The same location for an indicator or node.
    pub fn indicator(mut self, code: impl Name) -> Location {
        self.indicator = Some(code.into_name());
        self
    }

    /// The same location for an aggregate of the framework.
    pub fn aggregate(mut self, code: impl Name) -> Location {
        self.indicator = Some(code.into_name());
        self.aggregate = true;
        self
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

/// Why a setting or a rule's parameters are impossible, as facts any language can word.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Invalid {
    /// The setting is empty.
    Empty,
    /// More decimals than the engine rounds to.
    TooManyDecimals {
        /// Decimals given.
        given: u64,
        /// The most allowed.
        most: u64,
    },
    /// Not a share from 0 to 1 (`below_one`: to below 1).
    NotAShare {
        /// The value given.
        value: f64,
        /// True when 1 itself is not allowed.
        below_one: bool,
    },
    /// A code that is empty or padded with spaces.
    BadCode {
        /// The code as written.
        code: String,
    },
    /// A child listed twice under the same aggregate.
    ListedTwice {
        /// The child's code.
        code: String,
    },
    /// A reference value that is not a finite number.
    NotFinite {
        /// The node.
        code: String,
        /// The value.
        value: f64,
    },
    /// The rule needs a finite range.
    NeedsFiniteRange,
    /// A parameter that must be a positive number.
    NotPositive {
        /// The parameter's key in the file (`target`, `scale`).
        parameter: String,
        /// The value given.
        value: f64,
    },
    /// Goalposts whose first is not below the second.
    GoalpostsOrder {
        /// The first goalpost.
        low: f64,
        /// The second.
        high: f64,
    },
    /// Tiers without a step.
    NoSteps,
    /// A tier's share outside 0–1 (or its threshold not a number).
    BadStep {
        /// The threshold.
        threshold: f64,
        /// The share.
        share: f64,
    },
    /// A min-max output range that is not finite and increasing.
    OutputRange {
        /// The low end.
        low: f64,
        /// The high end.
        high: f64,
    },
    /// A z-score whose standard deviation is not positive.
    NotPositiveSd {
        /// The mean.
        mean: f64,
        /// The standard deviation.
        sd: f64,
    },
    /// A distance to a reference unit without the unit.
    NoReferenceUnit,
    /// A goal that is neither a finite value nor a rank from 1.
    BadGoal,
    /// An uncertainty analysis with no uncertain choice.
    NoUncertainChoice,
    /// A sample count outside what the analysis takes.
    SampleCount {
        /// The count given.
        given: u64,
        /// The fewest allowed.
        least: u64,
        /// The most allowed.
        most: u64,
    },
    /// More factors than Sobol sampling handles.
    TooManyFactorsForSobol {
        /// The most it handles.
        most: u64,
    },
}

/// What is wrong, with the facts needed to say it in any language.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Problem {
    /// The text is not valid TOML, JSON or CSV.
    Syntax {
        /// The parser's own description, in English.
        detail: String,
        /// Why, as facts any language can word (read from `detail`).
        #[serde(flatten)]
        reason: crate::syntax::SyntaxReason,
    },
    /// The input is larger than the limit allows.
    TooLarge {
        /// What was counted (bytes, rows, columns …).
        what: crate::limits::Quantity,
        /// The limit.
        limit: u64,
    },
    /// A framework setting has an impossible value.
    BadSetting {
        /// The setting's name.
        setting: String,
        /// Why it is impossible.
        #[serde(flatten)]
        why: Invalid,
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
        #[serde(flatten)]
        why: Invalid,
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
    /// A quote opens a cell and is never closed: the rest of the file reads as that one cell,
    /// so every row after it is lost.
    OpenQuote,
    /// Rows above the header row (a table's title, merged cells) were skipped: the first
    /// row that names a unit column (in a workbook, that fills most of the row) is the header.
    RowsAboveHeader {
        /// The first skipped row (1-based).
        first: u64,
        /// The last skipped row.
        last: u64,
    },
    /// The data has no indicator columns or values.
    NoData,
    /// A row has no unit code.
    MissingUnitCode,
    /// A unit appears twice.
    DuplicateUnit,
    /// A unit's rows give it two names (beyond letter case and spaces): perhaps another unit's
    /// rows under its code.
    NameDiffers {
        /// The name of the unit's first row.
        first: String,
        /// The other name.
        second: String,
    },
    /// A unit's rows give two years: a data file holds one year (two years' values would be
    /// scored as one unit's).
    TwoYears {
        /// The year of the unit's first row.
        first: i32,
        /// The other year.
        second: i32,
    },
    /// A unit's year differs from the year of an earlier unit in the same file: a data file
    /// holds one year, since its units are ranked against each other.
    YearsDiffer {
        /// The code of the first unit that gave a year.
        unit: String,
        /// That unit's year.
        first: i32,
        /// This unit's year.
        second: i32,
    },
    /// A row whose unit is named as a total or an average (`Trung bình cả nước`, `Tổng
    /// cộng`), as a table copied from a published ranking or a spreadsheet ends: it would be
    /// ranked as one more unit and move every rank below it.
    SummaryRow {
        /// The name (or code) that says so.
        label: String,
    },
    /// The same unit and indicator are given twice.
    DuplicateValue,
    /// A long file's row gives both a value and a numerator or denominator: which one holds
    /// is not for the tool to guess.
    ValueAndRatio,
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
    /// A column headed by an indicator's code in other letter case (`i1`): read as that
    /// indicator's.
    CodeCase {
        /// The indicator's code as the framework writes it.
        code: String,
    },
    /// A data column holding one of the framework's aggregates (such as `DTI`, often copied
    /// from a published table): the tool computes it, so the file's values are not used.
    ComputedColumn,
    /// A value a file gives for an aggregate that differs, at the published precision, from
    /// the value (and the points) computed from the file's indicators.
    ComputedDiffers {
        /// The value in the file.
        given: f64,
        /// The value computed, rounded to the framework's precision.
        computed: f64,
    },
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
    /// A number that reads two ways (`65.000`: 65 or 65000?), in a file that does not show
    /// its decimal mark elsewhere (or shows both marks): refused rather than guessed.
    AmbiguousNumber {
        /// The cell as written.
        text: String,
        /// The value with its mark read as a decimal mark.
        decimal: crate::value::Value,
        /// The value with its mark read as a thousands separator.
        grouped: crate::value::Value,
        /// True when the file shows both decimal marks (so neither can be trusted).
        both_marks: bool,
    },
    /// A number that reads two ways, read with its mark as a thousands separator because the
    /// rest of the file shows the other decimal mark.
    ReadByFileMark {
        /// The cell as written.
        text: String,
        /// The value it was read as.
        value: crate::value::Value,
        /// The file's decimal mark.
        mark: crate::value::DecimalMark,
        /// A cell that shows the mark for certain.
        example: String,
        /// The line of that cell (0 when unknown).
        line: u64,
    },
    /// Points that are not a number from 0 to [`MAX_WEIGHT`](crate::framework::MAX_WEIGHT).
    BadPoints {
        /// The node.
        code: String,
        /// The points given.
        points: f64,
    },
    /// A computed value too large for a float: the data or weights are out of all proportion.
    Overflow,
    /// Units but no value for any indicator of the framework: an unfilled template, or a file
    /// made for another framework.
    NoValues {
        /// Up to five of the file's columns that are not indicators of the framework.
        others: Vec<String>,
        /// The embedded framework whose indicators the file's columns are, if another; named
        /// by [`crate::embedded::name_fitting_framework`] for front ends that can offer it.
        #[serde(skip_serializing_if = "Option::is_none")]
        fits: Option<String>,
    },
    /// A second column for a field the file already has a column for.
    DuplicateColumn {
        /// This column's header.
        header: String,
        /// The first column's header.
        first: String,
        /// The first column's number (from 1).
        first_column: u64,
    },
    /// A key given twice in one JSON object.
    DuplicateKey {
        /// The key.
        key: String,
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
    /// A spelling of an earlier version of the file format.
    OldSpelling {
        /// What the file says.
        old: String,
        /// What to write instead.
        new: String,
    },
    /// A `[pipeline.normalise]` table of an earlier version: normalisation is now each
    /// indicator's rule.
    NormaliseIsRule,
    /// A `[pipeline.aggregate]` table of an earlier version: aggregation is now each aggregate's
    /// method (and `min_share` the framework's `min_availability`).
    AggregateIsMethod {
        /// True when the table gave `min_share`.
        min_share: bool,
    },
    /// An aggregation method that does not exist.
    UnknownMethod {
        /// The name as written.
        name: String,
    },
    /// `power_mean` without a finite, non-zero exponent `p`.
    BadExponent,
    /// An exponent `p` given to a method other than `power_mean`.
    UnexpectedExponent {
        /// The method.
        method: String,
    },
    /// A rule that measures the distance to the indicator's target, on an indicator without one.
    RuleNeedsTarget {
        /// The rule's name.
        rule: String,
    },
    /// The target of a distance-to-target rule is not better than the worst unit's value, so
    /// the distance is undefined.
    TargetNotAboveWorst {
        /// The indicator's target.
        target: f64,
        /// The worst unit's value.
        worst: f64,
    },
    /// A distance-to-reference rule names a unit the data does not have.
    UnknownReferenceUnit {
        /// The unit's code.
        unit: String,
    },
    /// The reference unit of a distance-to-reference rule has no value.
    ReferenceWithoutValue {
        /// The unit's code.
        unit: String,
    },
    /// The reference unit of a distance-to-reference rule has the worst value of all, so the
    /// distance is undefined.
    ReferenceIsWorst {
        /// The unit's code.
        unit: String,
    },
    /// A negative value where a method needs values of zero or more.
    NegativeValue {
        /// The method (a rule or an aggregation).
        method: String,
        /// The value.
        value: f64,
    },
    /// A code where an aggregate is expected.
    NotAnAggregate {
        /// The code.
        code: String,
    },
    /// A code where an indicator is expected.
    NotAnIndicator {
        /// The code.
        code: String,
    },
    /// A mean that needs non-negative children over children whose scores can be negative.
    ChildrenCanBeNegative {
        /// The aggregation method.
        method: String,
    },
    /// A weight set asked for by a name the framework does not define.
    UnknownWeightSet {
        /// The name asked for.
        name: String,
        /// The sets the framework defines.
        known: Vec<String>,
    },
    /// A weight set gives a weight to a node that counts toward nothing.
    WeightOfTopNode {
        /// The weight set.
        set: String,
        /// The node.
        code: String,
    },
    /// A weight set gives a weight that is negative or not a finite number.
    BadSetWeight {
        /// The weight set.
        set: String,
        /// The node.
        code: String,
        /// The weight.
        weight: f64,
    },
    /// With a weight set's weights, an aggregate's weights no longer add up to a positive total.
    SetLeavesNoWeight {
        /// The weight set.
        set: String,
        /// The aggregate.
        code: String,
    },
    /// Every unit has the same value, so a relative rule gives every unit the best score.
    ConstantIndicator {
        /// The rule's name.
        rule: String,
    },
    /// The column a step divides an indicator by is not in the data.
    NoDenominatorColumn {
        /// The column.
        column: String,
    },
    /// Dividing by a denominator gives a number too large to hold.
    DivisionOverflows {
        /// The denominator column.
        denominator: String,
    },
    /// A grouping that no unit of the data has a label in.
    UnknownGrouping {
        /// The grouping asked for.
        name: String,
        /// The groupings the data has.
        known: Vec<String>,
    },
    /// A unit without a label in a grouping that group imputation uses.
    Unlabelled {
        /// The grouping.
        grouping: String,
    },
    /// A method that needs a year on every row (a panel), on data without years.
    NoYears {
        /// The method.
        method: String,
    },
    /// A unit code that the data does not have.
    UnknownUnit {
        /// The code.
        unit: String,
        /// The setting that names it.
        referenced_by: String,
    },
    /// Screening dropped every unit.
    NothingLeft,
    /// A step named twice in the pipeline's `order`.
    StepListedTwice {
        /// The step.
        step: String,
    },
    /// A step in the pipeline's `order` without its settings table.
    StepWithoutSettings {
        /// The step.
        step: String,
    },
    /// A step with settings that the pipeline's `order` leaves out.
    StepLeftOut {
        /// The step.
        step: String,
    },
    /// An order that treats outliers before dividing by denominators.
    TreatBeforeDenominate,
    /// A scale factor that is zero or not a finite number.
    BadScale {
        /// The value.
        value: f64,
    },
    /// A setting that must be a finite number.
    NotFinite {
        /// The setting.
        setting: String,
        /// The value.
        value: f64,
    },
    /// A share outside 0..1.
    ShareOutOfRange {
        /// The setting.
        setting: String,
        /// The value.
        value: f64,
    },
    /// A unit mapped twice in a mapping of merged units.
    MappedTwice {
        /// The unit's code.
        unit: String,
        /// The line it was first mapped on.
        first_line: u64,
    },
    /// A merged unit whose former units the data has only in part (located at the merged
    /// unit): its merged values would stand for part of the unit.
    PartialMerge {
        /// The former units the data has.
        with_data: Vec<String>,
        /// The former units the data lacks.
        without_data: Vec<String>,
    },
    /// Merged units none of whose former units the data has: no value, no rank.
    MergedWithoutData {
        /// Their codes.
        units: Vec<String>,
        /// How many merged units the mapping has.
        of: usize,
    },
    /// Units of the data that no merged unit of the mapping is formed from.
    NotInMapping {
        /// Their codes.
        units: Vec<String>,
    },
    /// A unit of the data whose name is not the one the mapping gives its code. Merging goes
    /// by the code: when the name is another former unit's (an error), the row's code and
    /// name disagree and its values would be merged into the wrong unit.
    MappedName {
        /// The name in the data.
        name: String,
        /// The name the mapping gives the unit's code.
        mapped: String,
        /// The code of the mapping's former unit that bears the data's name, if one does.
        other: Option<String>,
    },
    /// A sensitivity analysis with fewer base samples than its indices need to be stable.
    FewSamples {
        /// The base sample size N used.
        samples: u64,
        /// The size from which the indices are stable.
        advised: u64,
    },
    /// A first-order sensitivity index estimated above its total index, which it cannot
    /// exceed: the estimates are not stable.
    FirstAboveTotal {
        /// The factor.
        factor: String,
        /// The first-order index.
        first: f64,
        /// The total index.
        total: f64,
    },
    /// The 95 % interval of a sensitivity index reaches below 0, which no index can be.
    IntervalBelowZero {
        /// The factor.
        factor: String,
        /// `first_order` or `total`.
        index: String,
        /// The interval's lower end.
        low: f64,
        /// Its upper end.
        high: f64,
    },
    /// Columns a table must have are missing.
    MissingColumns {
        /// The columns.
        columns: Vec<String>,
    },
    /// A row without a code.
    NoCode,
    /// An iMeta `Type` that COINr does not know.
    UnknownRowType {
        /// The cell as written.
        text: String,
    },
    /// A cell that must be a number.
    NotANumber {
        /// The column.
        column: String,
        /// The cell as written.
        text: String,
    },
    /// A weight outside 0 to [`MAX_WEIGHT`](crate::framework::MAX_WEIGHT).
    WeightOutOfBounds {
        /// The weight.
        weight: f64,
    },
    /// A row that needs a value in a column.
    NeedsColumn {
        /// The column.
        column: String,
    },
    /// A direction other than 1 or −1.
    BadDirection {
        /// The value.
        value: f64,
    },
    /// A parent that is not an aggregate.
    ParentNotAggregate {
        /// The parent's code.
        parent: String,
    },
    /// A denominator that is not declared as one.
    NotADenominator {
        /// The denominator's code.
        denominator: String,
    },
    /// More than one aggregate without a parent.
    SeveralRoots {
        /// Their codes.
        codes: Vec<String>,
    },
    /// A declared level that disagrees with the tree.
    WrongLevel {
        /// The level declared.
        declared: u32,
        /// The level the tree gives.
        actual: u32,
    },
    /// A data column of COINr's type `Other`, which the data file cannot carry: left out.
    OtherColumnLeftOut,
    /// A data column the metadata does not describe.
    ColumnNotInMeta,
    /// A column the metadata declares but the data lacks.
    ColumnMissingFromData,
    /// Codes that the data reader reserves for its own columns.
    ReservedCodes {
        /// The codes.
        codes: Vec<String>,
    },
    /// A file written does not read back as it was meant (a defect of the writer).
    WrittenDiffers,
    /// A key of `by_level` that is not an aggregate level (2 or more).
    BadLevelKey {
        /// The key.
        key: String,
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
    /// The problem's kind, as its `kind` tag in JSON: `out_of_range`, `missing_value`, … (stable,
    /// for programs).
    pub fn kind(&self) -> &'static str {
        use Problem::*;
        match self {
            Syntax { .. } => "syntax",
            TooLarge { .. } => "too_large",
            BadSetting { .. } => "bad_setting",
            DuplicateCode { .. } => "duplicate_code",
            UnknownCode { .. } => "unknown_code",
            Cycle { .. } => "cycle",
            Unreachable { .. } => "unreachable",
            NoChildren { .. } => "no_children",
            NoWeight { .. } => "no_weight",
            BadWeight { .. } => "bad_weight",
            RuleDoesNotFitUnit { .. } => "rule_does_not_fit_unit",
            BadRule { .. } => "bad_rule",
            BadRange { .. } => "bad_range",
            BadDenominator { .. } => "bad_denominator",
            BadTarget { .. } => "bad_target",
            NoUnitColumn => "no_unit_column",
            NoData => "no_data",
            RowsAboveHeader { .. } => "rows_above_header",
            OpenQuote => "open_quote",
            MissingUnitCode => "missing_unit_code",
            DuplicateUnit => "duplicate_unit",
            TwoYears { .. } => "two_years",
            YearsDiffer { .. } => "years_differ",
            NameDiffers { .. } => "name_differs",
            SummaryRow { .. } => "summary_row",
            DuplicateValue => "duplicate_value",
            ValueAndRatio => "value_and_ratio",
            BadGrouping { .. } => "bad_grouping",
            UnknownColumn { .. } => "unknown_column",
            UnknownIndicator => "unknown_indicator",
            CodeCase { .. } => "code_case",
            ComputedColumn => "computed_column",
            ComputedDiffers { .. } => "computed_differs",
            BadValue { .. } => "bad_value",
            RowLength { .. } => "row_length",
            BadYear { .. } => "bad_year",
            ZeroDenominator => "zero_denominator",
            DecimalComma { .. } => "decimal_comma",
            AmbiguousNumber { .. } => "ambiguous_number",
            BadPoints { .. } => "bad_points",
            Overflow => "overflow",
            NoValues { .. } => "no_values",
            DuplicateColumn { .. } => "duplicate_column",
            DuplicateKey { .. } => "duplicate_key",
            ReadByFileMark { .. } => "read_by_file_mark",
            WrongForm { .. } => "wrong_form",
            OutOfRange { .. } => "out_of_range",
            MissingValue { .. } => "missing_value",
            OldSpelling { .. } => "old_spelling",
            NormaliseIsRule => "normalise_is_rule",
            AggregateIsMethod { .. } => "aggregate_is_method",
            UnknownMethod { .. } => "unknown_method",
            BadExponent => "bad_exponent",
            UnexpectedExponent { .. } => "unexpected_exponent",
            RuleNeedsTarget { .. } => "rule_needs_target",
            TargetNotAboveWorst { .. } => "target_not_above_worst",
            UnknownReferenceUnit { .. } => "unknown_reference_unit",
            ReferenceWithoutValue { .. } => "reference_without_value",
            ReferenceIsWorst { .. } => "reference_is_worst",
            NegativeValue { .. } => "negative_value",
            NotAnAggregate { .. } => "not_an_aggregate",
            NotAnIndicator { .. } => "not_an_indicator",
            ChildrenCanBeNegative { .. } => "children_can_be_negative",
            UnknownWeightSet { .. } => "unknown_weight_set",
            WeightOfTopNode { .. } => "weight_of_top_node",
            BadSetWeight { .. } => "bad_set_weight",
            SetLeavesNoWeight { .. } => "set_leaves_no_weight",
            ConstantIndicator { .. } => "constant_indicator",
            NoDenominatorColumn { .. } => "no_denominator_column",
            DivisionOverflows { .. } => "division_overflows",
            UnknownGrouping { .. } => "unknown_grouping",
            Unlabelled { .. } => "unlabelled",
            NoYears { .. } => "no_years",
            UnknownUnit { .. } => "unknown_unit",
            NothingLeft => "nothing_left",
            StepListedTwice { .. } => "step_listed_twice",
            StepWithoutSettings { .. } => "step_without_settings",
            StepLeftOut { .. } => "step_left_out",
            TreatBeforeDenominate => "treat_before_denominate",
            BadScale { .. } => "bad_scale",
            NotFinite { .. } => "not_finite",
            ShareOutOfRange { .. } => "share_out_of_range",
            MappedTwice { .. } => "mapped_twice",
            PartialMerge { .. } => "partial_merge",
            MergedWithoutData { .. } => "merged_without_data",
            NotInMapping { .. } => "not_in_mapping",
            MappedName { .. } => "mapped_name",
            FewSamples { .. } => "few_samples",
            FirstAboveTotal { .. } => "first_above_total",
            IntervalBelowZero { .. } => "interval_below_zero",
            MissingColumns { .. } => "missing_columns",
            NoCode => "no_code",
            UnknownRowType { .. } => "unknown_row_type",
            NotANumber { .. } => "not_a_number",
            WeightOutOfBounds { .. } => "weight_out_of_bounds",
            NeedsColumn { .. } => "needs_column",
            BadDirection { .. } => "bad_direction",
            ParentNotAggregate { .. } => "parent_not_aggregate",
            NotADenominator { .. } => "not_a_denominator",
            SeveralRoots { .. } => "several_roots",
            WrongLevel { .. } => "wrong_level",
            OtherColumnLeftOut => "other_column_left_out",
            ColumnNotInMeta => "column_not_in_meta",
            ColumnMissingFromData => "column_missing_from_data",
            ReservedCodes { .. } => "reserved_codes",
            WrittenDiffers => "written_differs",
            BadLevelKey { .. } => "bad_level_key",
            LowAvailability { .. } => "low_availability",
        }
    }

    /// What is wrong, in one line, in the given language.
    pub fn message(&self, lang: Lang) -> String {
        crate::words::problem::message(self, lang)
    }

    /// What to do about it, when there is advice to give (as [`Diagnostic::hint`]).
    pub fn hint(&self, lang: Lang) -> Option<String> {
        crate::words::problem::hint(self, lang)
    }

    /// A syntax error from a parser's English description (without "at line L column C").
    pub fn syntax(detail: impl Into<String>) -> Problem {
        let detail = detail.into();
        Problem::Syntax {
            reason: crate::syntax::SyntaxReason::from_parser(&detail),
            detail,
        }
    }

    /// A syntax error this crate's own readers found.
    pub fn syntax_reason(reason: crate::syntax::SyntaxReason) -> Problem {
        Problem::Syntax {
            detail: reason.describe("", Lang::En),
            reason,
        }
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
        crate::words::problem::message(&self.problem, lang)
    }

    /// What to do about it, when there is advice to give.
    pub fn hint(&self, lang: Lang) -> Option<String> {
        self.problem.hint(lang)
    }

    /// The advice for a reader with no command line (the calculator's web page): the same as
    /// [`Diagnostic::hint`] without the `dti` commands and options it names.
    ///
    /// ```
    /// use dti_core::{Diagnostic, Lang, Location, Problem};
    /// let empty = Diagnostic::error(Location::default(), Problem::NoData);
    /// assert!(empty.hint(Lang::En).unwrap().contains("dti template"));
    /// assert_eq!(empty.page_hint(Lang::En).unwrap(), "the file is empty or holds only a header");
    /// ```
    pub fn page_hint(&self, lang: Lang) -> Option<String> {
        crate::words::problem::page_hint(&self.problem, lang)
            .or_else(|| crate::words::problem::hint(&self.problem, lang))
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

/// The problems of a data set as every front end shows them: the reader's diagnostics, then
/// those of checking or scoring it against a framework, without echoes of what the reader
/// already reported (no "no data" after a reading error, no "no value" for a cell the reader
/// could not read or after a quote left open, no "no values at all" when the reader could not read the ones given), and with the warnings about missing values of indicators that carry no
/// points (the DTI's smart-city indicator, reported but not scored) demoted to notes: they
/// change nothing.
pub fn merge(
    framework: &crate::Framework,
    reading: Vec<Diagnostic>,
    later: Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    // Sets made once, so that each diagnostic costs a look-up or two, not a scan of the
    // reading errors and a search of the framework.
    let errors: Vec<&Diagnostic> = reading.iter().filter(|d| d.is_error()).collect();
    let unread: HashSet<(&str, Option<&str>)> = errors
        .iter()
        .filter_map(|e| Some((e.location.unit.as_deref()?, e.location.indicator.as_deref())))
        .collect();
    // No data, or a quote left open that took the rest of the file: values are missing
    // because of that one error, which says so.
    let unreadable =
        (errors.iter()).any(|e| matches!(e.problem, Problem::NoData | Problem::OpenQuote));
    let indicator_unread = errors.iter().any(|e| e.location.indicator.is_some());
    // Few (the DTI has one): a list, which keeps a second hash set out of the widget's module.
    let weightless: Vec<&str> = framework
        .nodes()
        .iter()
        .filter(|node| node.points == Some(0.0))
        .map(|node| node.code.as_str())
        .collect();
    let kept: Vec<Diagnostic> = later
        .into_iter()
        .filter(|d| match d.problem {
            Problem::NoData => errors.is_empty(),
            Problem::NoValues { .. } => !indicator_unread,
            Problem::MissingValue { .. } => {
                !unreadable
                    && !d.location.unit.as_deref().is_some_and(|unit| {
                        unread.contains(&(unit, d.location.indicator.as_deref()))
                    })
            }
            _ => true,
        })
        .collect();
    // The reader's own, taken rather than copied: no diagnostic is cloned on the way.
    let mut all = reading;
    all.extend(kept);
    if !weightless.is_empty() {
        for diagnostic in &mut all {
            if diagnostic.severity == Severity::Warning
                && matches!(diagnostic.problem, Problem::MissingValue { .. })
                && diagnostic
                    .location
                    .indicator
                    .as_deref()
                    .is_some_and(|code| weightless.contains(&code))
            {
                diagnostic.severity = Severity::Note;
            }
        }
    }
    all
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The calculator's page shows the page hints: none names a command or an option, and
    /// each differs from the command-line hint only where that one does.
    #[test]
    fn page_hints_name_no_command() {
        let problems = [
            Problem::NoUnitColumn,
            Problem::UnknownColumn { header: "x".into() },
            Problem::UnknownIndicator,
            Problem::WrongForm {
                given: ValueForm::YesNo,
                unit: "percent".into(),
            },
            Problem::MissingUnitCode,
            Problem::NoData,
            Problem::TooLarge {
                what: crate::limits::Quantity::Rows,
                limit: 10,
            },
            Problem::BadValue { text: "x".into() },
            Problem::syntax("x"),
            Problem::TwoYears {
                first: 2022,
                second: 2023,
            },
            Problem::YearsDiffer {
                unit: "01".into(),
                first: 2022,
                second: 2023,
            },
            Problem::NameDiffers {
                first: "a".into(),
                second: "b".into(),
            },
        ];
        for problem in problems {
            let diagnostic = Diagnostic::error(Location::default(), problem);
            for lang in [Lang::Vi, Lang::En] {
                let page = diagnostic.page_hint(lang).unwrap();
                let cli = diagnostic.hint(lang).unwrap();
                assert!(!page.contains("dti ") && !page.contains("--"), "{page}");
                let names_the_tool = cli.contains("dti ") || cli.contains("--");
                assert_eq!(page != cli, names_the_tool, "{cli} / {page}");
            }
        }
    }

    fn out_of_range(value: f64, low: f64, high: f64) -> String {
        let problem = Problem::OutOfRange {
            value,
            low,
            high,
            symbol: String::new(),
        };
        Diagnostic::error(Location::default(), problem).message(Lang::En)
    }

    /// The kind a program reads is the tag the JSON output carries.
    #[test]
    fn the_kind_is_the_json_tag() {
        for problem in [
            Problem::NoData,
            Problem::MissingValue {
                policy: crate::MissingPolicy::Zero,
            },
            Problem::OutOfRange {
                value: 1.0,
                low: 0.0,
                high: 0.5,
                symbol: String::new(),
            },
            Problem::TargetNotAboveWorst {
                target: 1.0,
                worst: 2.0,
            },
            Problem::OldSpelling {
                old: "a".into(),
                new: "b".into(),
            },
            Problem::UnknownWeightSet {
                name: "x".into(),
                known: vec![],
            },
        ] {
            let json = serde_json::to_value(&problem).unwrap();
            assert_eq!(json["kind"], problem.kind(), "{problem:?}");
        }
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
