//! The words of a problem: what is wrong ([`Problem::message`]), what to do about it on the
//! command line and on a web page ([`crate::Diagnostic::hint`], [`crate::Diagnostic::page_hint`]),
//! and the words of a place ([`Location::describe`]), in Vietnamese and English.
//!
//! The types live in [`crate::diagnostic`]; this module only words them.

use super::{Term, term};
use crate::diagnostic::{Invalid, Location, Problem, ValueForm};
use crate::text::{Lang, format_decimal};

impl Location {
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
    fn name(self, lang: Lang) -> &'static str {
        match self {
            ValueForm::Number => lang.pick("số", "a number"),
            ValueForm::Percent => lang.pick("tỷ lệ phần trăm", "a percentage"),
            ValueForm::Ratio => lang.pick("tử số/mẫu số", "a numerator/denominator pair"),
            ValueForm::YesNo => super::measure(crate::framework::Unit::YesNo, lang),
        }
    }
}

impl Invalid {
    /// Why, in one phrase.
    pub fn describe(&self, lang: Lang) -> String {
        use Invalid::*;
        let n = |value: f64| num(value, lang);
        match (self, lang) {
            (Empty, _) => lang.pick("trống", "empty").into(),
            (TooManyDecimals { given, most }, Lang::Vi) => {
                format!("{given} chữ số thập phân; tối đa {most}")
            }
            (TooManyDecimals { given, most }, Lang::En) => {
                format!("{given} decimals; at most {most}")
            }
            (NotAShare { value, below_one }, Lang::Vi) => format!(
                "{}: phải là tỷ lệ từ 0 đến {}",
                n(*value),
                if *below_one { "dưới 1" } else { "1" }
            ),
            (NotAShare { value, below_one }, Lang::En) => format!(
                "{}: it must be a share from 0 to {}",
                n(*value),
                if *below_one { "below 1" } else { "1" }
            ),
            (BadCode { code }, Lang::Vi) => format!("mã `{code}` trống hoặc có dấu cách thừa"),
            (BadCode { code }, Lang::En) => {
                format!("code `{code}` is empty or has surrounding spaces")
            }
            (ListedTwice { code }, Lang::Vi) => format!("`{code}` được liệt kê hai lần"),
            (ListedTwice { code }, Lang::En) => format!("`{code}` is listed twice"),
            (NotFinite { code, value }, _) => format!("{code} = {value}"),
            (NeedsFiniteRange, Lang::Vi) => {
                "cần khoảng giá trị hữu hạn: ghi `range = [low, high]`".into()
            }
            (NeedsFiniteRange, Lang::En) => {
                "needs a finite range: give `range = [low, high]`".into()
            }
            (NotPositive { parameter, value }, Lang::Vi) => {
                format!("`{parameter}` = {} phải là số dương", n(*value))
            }
            (NotPositive { parameter, value }, Lang::En) => {
                format!("{parameter} {} must be a positive number", n(*value))
            }
            (GoalpostsOrder { low, high }, Lang::Vi) => format!(
                "ngưỡng {} và {}: ngưỡng thứ nhất phải nhỏ hơn ngưỡng thứ hai",
                n(*low),
                n(*high)
            ),
            (GoalpostsOrder { low, high }, Lang::En) => format!(
                "goalposts {} and {}: the first must be below the second",
                n(*low),
                n(*high)
            ),
            (NoSteps, Lang::Vi) => "cần ít nhất một bậc `[threshold, share]`".into(),
            (NoSteps, Lang::En) => "needs at least one `[threshold, share]` step".into(),
            (BadStep { threshold, share }, Lang::Vi) => format!(
                "bậc [{}; {}]: tỷ lệ phải từ 0 đến 1",
                n(*threshold),
                n(*share)
            ),
            (BadStep { threshold, share }, Lang::En) => format!(
                "step [{}, {}]: the share must be from 0 to 1",
                n(*threshold),
                n(*share)
            ),
            (OutputRange { low, high }, Lang::Vi) => format!(
                "khoảng kết quả {}..{} phải hữu hạn và tăng dần",
                n(*low),
                n(*high)
            ),
            (OutputRange { low, high }, Lang::En) => format!(
                "output range {}..{} must be finite and increasing",
                n(*low),
                n(*high)
            ),
            (NotPositiveSd { mean, sd }, Lang::Vi) => format!(
                "trung bình {} và độ lệch chuẩn {}: độ lệch chuẩn phải dương",
                n(*mean),
                n(*sd)
            ),
            (NotPositiveSd { mean, sd }, Lang::En) => {
                format!("mean {} and sd {}: sd must be positive", n(*mean), n(*sd))
            }
            (NoReferenceUnit, Lang::Vi) => "cần mã của đơn vị tham chiếu: `unit = \"…\"`".into(),
            (NoReferenceUnit, Lang::En) => "needs the reference unit's code: `unit = \"…\"`".into(),
            (BadGoal, Lang::Vi) => {
                "mục tiêu phải là một giá trị hữu hạn hoặc thứ hạng từ 1 trở lên".into()
            }
            (BadGoal, Lang::En) => {
                "the target must be a finite value or a rank of 1 or more".into()
            }
            (NoUncertainChoice, Lang::Vi) => "không có lựa chọn chưa chắc chắn nào".into(),
            (NoUncertainChoice, Lang::En) => "no uncertain choice is given".into(),
            (SampleCount { given, least, most }, Lang::Vi) => {
                format!("{given}: dùng từ {least} đến {most}")
            }
            (SampleCount { given, least, most }, Lang::En) => {
                format!("{given}: use {least} to {most}")
            }
            (TooManyFactorsForSobol { most }, Lang::Vi) => {
                format!("cách lấy mẫu Sobol chỉ dùng được với tối đa {most} yếu tố")
            }
            (TooManyFactorsForSobol { most }, Lang::En) => {
                format!("Sobol sampling handles up to {most} factors")
            }
        }
    }
}

/// A value as written in a data cell, with its form: `65000`, `45%`, `45000/65000`, yes/no.
fn value_text(value: crate::value::Value, lang: Lang) -> String {
    use crate::value::Value;
    match value {
        Value::Number { value } => num(value, lang),
        Value::Percent { value } => format!("{}%", num(value, lang)),
        Value::Ratio {
            numerator,
            denominator,
        } => format!("{}/{}", num(numerator, lang), num(denominator, lang)),
        Value::YesNo { value } => match (value, lang) {
            (true, Lang::Vi) => "có".into(),
            (false, Lang::Vi) => "không".into(),
            (true, Lang::En) => "yes".into(),
            (false, Lang::En) => "no".into(),
        },
    }
}

fn num(value: f64, lang: Lang) -> String {
    super::number(value, lang)
}

pub(crate) fn message(problem: &Problem, lang: Lang) -> String {
    use Problem::*;
    match problem {
        Syntax { detail, reason } => format!(
            "{}: {}",
            lang.pick("lỗi cú pháp", "syntax error"),
            reason.describe(detail, lang)
        ),
        TooLarge { what, limit } => match lang {
            Lang::Vi => format!("vượt giới hạn {limit} {}", what.name(lang)),
            Lang::En => format!("more than the limit of {limit} {}", what.name(lang)),
        },
        BadSetting { setting, why } => match lang {
            Lang::Vi => format!("thiết lập `{setting}` không hợp lệ: {}", why.describe(lang)),
            Lang::En => format!("setting `{setting}` is invalid: {}", why.describe(lang)),
        },
        DuplicateCode { code } => match lang {
            Lang::Vi => format!("mã `{code}` được khai báo hai lần"),
            Lang::En => format!("code `{code}` is defined twice"),
        },
        UnknownCode {
            code,
            referenced_by,
        } => match lang {
            Lang::Vi => format!(
                "{} tham chiếu mã `{code}` chưa được khai báo",
                referrer_vi(referenced_by)
            ),
            Lang::En => format!(
                "{} refers to `{code}`, which is not defined",
                referrer_en(referenced_by)
            ),
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
                "trọng số của `{child}` trong `{parent}` là {}: phải là số từ 0 đến 10¹²",
                num(*weight, lang)
            ),
            Lang::En => format!(
                "weight of `{child}` in `{parent}` is {}: it must be a number from 0 to 10¹²",
                num(*weight, lang)
            ),
        },
        RuleDoesNotFitUnit { rule, unit } => match lang {
            Lang::Vi => format!("quy tắc chấm điểm `{rule}` không dùng được với đơn vị `{unit}`"),
            Lang::En => format!("scoring rule `{rule}` does not fit unit `{unit}`"),
        },
        BadRule { rule, why } => match lang {
            Lang::Vi => format!("quy tắc chấm điểm `{rule}` không hợp lệ: {}", why.describe(lang)),
            Lang::En => format!("scoring rule `{rule}` is invalid: {}", why.describe(lang)),
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
        ComputedDiffers { given, computed } => match lang {
            Lang::Vi => format!(
                "tệp ghi {}, nhưng tính từ các chỉ tiêu được {}",
                num(*given, lang),
                num(*computed, lang)
            ),
            Lang::En => format!(
                "the file gives {}, but the indicators give {}",
                num(*given, lang),
                num(*computed, lang)
            ),
        },
        ComputedColumn => lang
            .pick(
                "do công cụ tự tính từ các chỉ tiêu: giá trị trong tệp không được dùng",
                "computed by the tool from the indicators: the file's values are not used",
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
        DuplicateColumn {
            header,
            first,
            first_column,
        } => match lang {
            Lang::Vi => format!(
                "cột `{header}` trùng vai trò với cột `{first}` (cột {first_column}): chỉ được có một"
            ),
            Lang::En => format!(
                "column `{header}` means the same as column `{first}` (column {first_column}): there can be only one"
            ),
        },
        DuplicateKey { key } => match lang {
            Lang::Vi => format!("khóa `{key}` có hai lần trong cùng một đối tượng JSON"),
            Lang::En => format!("key `{key}` appears twice in one JSON object"),
        },
        NoValues { others } if others.is_empty() => lang
            .pick(
                "tệp có đơn vị nhưng chưa có giá trị nào cho các chỉ tiêu",
                "the file lists units but has no value for any indicator",
            )
            .into(),
        NoValues { others } => {
            let list = others
                .iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(", ");
            match lang {
                Lang::Vi => format!(
                    "không cột nào của tệp là chỉ tiêu của khung này (tệp có {list}…): có lẽ tệp được làm cho một khung khác"
                ),
                Lang::En => format!(
                    "no column of the file is an indicator of this framework (the file has {list}…): it may have been made for another framework"
                ),
            }
        }
        Overflow => lang
            .pick(
                "giá trị tính ra quá lớn, không biểu diễn được: số liệu hoặc trọng số lớn bất thường",
                "the computed value is too large to represent: the data or the weights are out of all proportion",
            )
            .into(),
        BadPoints { code, points } => match lang {
            Lang::Vi => format!(
                "điểm của `{code}` là {}: phải là số từ 0 đến 10¹²",
                num(*points, lang)
            ),
            Lang::En => format!(
                "the points of `{code}` are {}: they must be a number from 0 to 10¹²",
                num(*points, lang)
            ),
        },
        AmbiguousNumber {
            text,
            decimal,
            grouped,
            both_marks,
        } => {
            let (decimal, grouped) = (value_text(*decimal, lang), value_text(*grouped, lang));
            match (lang, both_marks) {
                (Lang::Vi, false) => format!(
                    "`{text}` có thể là {decimal} hoặc {grouped}: không có ô nào khác cho biết dấu thập phân là dấu phẩy hay dấu chấm"
                ),
                (Lang::Vi, true) => format!(
                    "`{text}` có thể là {decimal} hoặc {grouped}: tệp dùng cả dấu phẩy lẫn dấu chấm làm dấu thập phân"
                ),
                (Lang::En, false) => format!(
                    "`{text}` could be {decimal} or {grouped}: no other cell shows whether the decimal mark is a comma or a dot"
                ),
                (Lang::En, true) => format!(
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
            let value = value_text(*value, lang);
            let at = |vi: bool| match (*line, vi) {
                (0, _) => String::new(),
                (line, true) => format!(" ở dòng {line}"),
                (line, false) => format!(" on line {line}"),
            };
            match (lang, mark) {
                (Lang::Vi, crate::value::DecimalMark::Comma) => format!(
                    "`{text}` đọc là {value}: tệp viết phần thập phân sau dấu phẩy (như `{example}`{}), nên dấu chấm ở đây tách hàng nghìn",
                    at(true)
                ),
                (Lang::Vi, crate::value::DecimalMark::Dot) => format!(
                    "`{text}` đọc là {value}: tệp viết phần thập phân sau dấu chấm (như `{example}`{}), nên dấu phẩy ở đây tách hàng nghìn",
                    at(true)
                ),
                (Lang::En, crate::value::DecimalMark::Comma) => format!(
                    "`{text}` read as {value}: the file writes decimals after a comma (as `{example}`{}), so the dot here separates thousands",
                    at(false)
                ),
                (Lang::En, crate::value::DecimalMark::Dot) => format!(
                    "`{text}` read as {value}: the file writes decimals after a dot (as `{example}`{}), so the comma here separates thousands",
                    at(false)
                ),
            }
        }
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
        OldSpelling { old, new } => match lang {
            Lang::Vi => format!("`{old}` là cách viết cũ; nay viết `{new}`"),
            Lang::En => format!("`{old}` is an old spelling; write `{new}`"),
        },
        NormaliseIsRule => lang
            .pick(
                "`[pipeline.normalise]` là cách viết cũ: nay mỗi `[[indicator]]` ghi quy tắc chuẩn hoá của mình, `rule = { method = … }`",
                "`[pipeline.normalise]` is an old spelling: each `[[indicator]]` now gives its own normalisation, `rule = { method = … }`",
            )
            .into(),
        AggregateIsMethod { min_share } => {
            let mut text = lang
                .pick(
                    "`[pipeline.aggregate]` là cách viết cũ: nay mỗi `[[aggregate]]` ghi phương pháp của mình, `method = …`",
                    "`[pipeline.aggregate]` is an old spelling: each `[[aggregate]]` now gives its own method, `method = …`",
                )
                .to_string();
            if *min_share {
                text.push_str(lang.pick(
                    ", và `min_share` thành `min_availability = …` ở đầu tệp",
                    ", and `min_share` is `min_availability = …` at the top of the file",
                ));
            }
            text
        }
        UnknownMethod { name } => match lang {
            Lang::Vi => format!(
                "không có phương pháp tổng hợp `{name}`; dùng `{}`",
                crate::aggregation::METHODS.join("`, `")
            ),
            Lang::En => format!(
                "there is no aggregation method `{name}`; use `{}`",
                crate::aggregation::METHODS.join("`, `")
            ),
        },
        BadExponent => lang
            .pick(
                "`power_mean` cần số mũ `p` hữu hạn, khác 0",
                "`power_mean` needs a finite, non-zero exponent `p`",
            )
            .into(),
        UnexpectedExponent { method } => match lang {
            Lang::Vi => format!("số mũ `p` chỉ dùng cho `power_mean`, không dùng cho `{method}`"),
            Lang::En => format!("the exponent `p` applies only to `power_mean`, not `{method}`"),
        },
        RuleNeedsTarget { rule } => match lang {
            Lang::Vi => format!("quy tắc `{rule}` cần giá trị mục tiêu `target` của chỉ tiêu"),
            Lang::En => format!("rule `{rule}` needs the indicator's `target`"),
        },
        TargetNotAboveWorst { target, worst } => match lang {
            Lang::Vi => format!(
                "mục tiêu {} không tốt hơn giá trị kém nhất {}: không tính được khoảng cách tới mục tiêu",
                num(*target, lang),
                num(*worst, lang)
            ),
            Lang::En => format!(
                "the target {} is no better than the worst value {}: the distance to the target is undefined",
                num(*target, lang),
                num(*worst, lang)
            ),
        },
        UnknownReferenceUnit { unit } => match lang {
            Lang::Vi => format!("đơn vị tham chiếu `{unit}` không có trong dữ liệu"),
            Lang::En => format!("the reference unit `{unit}` is not in the data"),
        },
        ReferenceWithoutValue { unit } => match lang {
            Lang::Vi => format!("đơn vị tham chiếu `{unit}` không có giá trị"),
            Lang::En => format!("the reference unit `{unit}` has no value"),
        },
        ReferenceIsWorst { unit } => match lang {
            Lang::Vi => format!(
                "đơn vị tham chiếu `{unit}` có giá trị kém nhất: không tính được khoảng cách tới nó"
            ),
            Lang::En => format!(
                "the reference unit `{unit}` has the worst value: the distance to it is undefined"
            ),
        },
        NegativeValue { method, value } => match lang {
            Lang::Vi => format!(
                "`{method}` cần giá trị không âm, nhưng có giá trị {}",
                num(*value, lang)
            ),
            Lang::En => format!(
                "`{method}` needs values of zero or more, but one is {}",
                num(*value, lang)
            ),
        },
        NotAnAggregate { code } => match lang {
            Lang::Vi => format!("`{code}` không phải chỉ số tổng hợp"),
            Lang::En => format!("`{code}` is not an aggregate"),
        },
        NotAnIndicator { code } => match lang {
            Lang::Vi => format!("`{code}` không phải chỉ tiêu"),
            Lang::En => format!("`{code}` is not an indicator"),
        },
        ChildrenCanBeNegative { method } => match lang {
            Lang::Vi => format!(
                "phương pháp `{method}` cần các thành phần không âm, nhưng điểm của một thành phần có thể âm"
            ),
            Lang::En => format!(
                "method `{method}` needs children of zero or more, but a child's scores can be negative"
            ),
        },
        UnknownWeightSet { name, known } => match (lang, known.is_empty()) {
            (Lang::Vi, true) => format!("không có bộ trọng số `{name}`: bộ chỉ số không khai báo bộ nào"),
            (Lang::En, true) => format!("there is no weight set `{name}`: the framework defines none"),
            (Lang::Vi, false) => format!("không có bộ trọng số `{name}`; các bộ có: {}", known.join(", ")),
            (Lang::En, false) => format!("there is no weight set `{name}`; the framework defines {}", known.join(", ")),
        },
        WeightOfTopNode { set, code } => match lang {
            Lang::Vi => format!("bộ trọng số `{set}` đặt trọng số cho `{code}`, nút không thuộc chỉ số nào"),
            Lang::En => format!("weight set `{set}` weights `{code}`, which counts toward nothing"),
        },
        BadSetWeight { set, code, weight } => match lang {
            Lang::Vi => format!(
                "bộ trọng số `{set}`: trọng số của `{code}` là {}: phải là số từ 0 đến 10¹²",
                num(*weight, lang)
            ),
            Lang::En => format!(
                "weight set `{set}`: the weight of `{code}` is {}: it must be a number from 0 to 10¹²",
                num(*weight, lang)
            ),
        },
        SetLeavesNoWeight { set, code } => match lang {
            Lang::Vi => format!("với bộ trọng số `{set}`, tổng trọng số của `{code}` không dương"),
            Lang::En => format!(
                "with weight set `{set}`, the weights of `{code}` do not add up to a positive total"
            ),
        },
        NoDenominatorColumn { column } => match lang {
            Lang::Vi => format!("dữ liệu không có cột mẫu số `{column}`"),
            Lang::En => format!("the data has no denominator column `{column}`"),
        },
        DivisionOverflows { denominator } => match lang {
            Lang::Vi => format!("chia cho `{denominator}` cho kết quả quá lớn"),
            Lang::En => format!("dividing by `{denominator}` gives a number too large to hold"),
        },
        UnknownGrouping { name, known } => match (lang, known.is_empty()) {
            (Lang::Vi, true) => format!("dữ liệu không có cách phân nhóm `{name}` (cột `nhóm:{name}`)"),
            (Lang::En, true) => format!("the data has no grouping `{name}` (a `group:{name}` column)"),
            (Lang::Vi, false) => format!(
                "dữ liệu không có cách phân nhóm `{name}`; có: {}",
                known.join(", ")
            ),
            (Lang::En, false) => format!(
                "the data has no grouping `{name}`; it has {}",
                known.join(", ")
            ),
        },
        Unlabelled { grouping } => match lang {
            Lang::Vi => format!("đơn vị không có nhóm trong cách phân nhóm `{grouping}` dùng để bổ sung số liệu"),
            Lang::En => format!("the unit has no label in the grouping `{grouping}` that imputation uses"),
        },
        NoYears { method } => match lang {
            Lang::Vi => format!("phương pháp `{method}` cần năm cho mỗi dòng, nhưng dữ liệu không có cột năm"),
            Lang::En => format!("method `{method}` needs a year on every row, but the data has none"),
        },
        UnknownUnit { unit, referenced_by } => match lang {
            Lang::Vi => format!("`{referenced_by}` nêu đơn vị `{unit}`, không có trong dữ liệu"),
            Lang::En => format!("`{referenced_by}` names unit `{unit}`, which is not in the data"),
        },
        NothingLeft => lang
            .pick(
                "bước sàng lọc loại bỏ mọi đơn vị",
                "screening dropped every unit",
            )
            .into(),
        StepListedTwice { step } => match lang {
            Lang::Vi => format!("bước `{step}` được nêu hai lần trong `order`"),
            Lang::En => format!("step `{step}` is listed twice in `order`"),
        },
        StepWithoutSettings { step } => match lang {
            Lang::Vi => format!("`order` nêu bước `{step}` nhưng không có bảng [pipeline.{step}]"),
            Lang::En => format!("`order` lists step `{step}`, which has no [pipeline.{step}] table"),
        },
        StepLeftOut { step } => match lang {
            Lang::Vi => format!("có bảng [pipeline.{step}] nhưng `order` không nêu bước `{step}`"),
            Lang::En => format!("[pipeline.{step}] is given but `order` leaves step `{step}` out"),
        },
        TreatBeforeDenominate => lang
            .pick(
                "`order` xử lý giá trị ngoại lai trước khi chia cho mẫu số: giá trị đã xử lý (có thể đã lấy logarit) không chia được cho mẫu số",
                "`order` treats outliers before dividing by denominators: treated (possibly logged) values cannot be divided by a denominator",
            )
            .into(),
        BadScale { value } => match lang {
            Lang::Vi => format!("hệ số nhân {} phải là số hữu hạn khác 0", num(*value, lang)),
            Lang::En => format!("the scale factor {} must be a finite number other than 0", num(*value, lang)),
        },
        NotFinite { setting, value } => match lang {
            Lang::Vi => format!("`{setting}`: {} không phải số hữu hạn", num(*value, lang)),
            Lang::En => format!("`{setting}`: {} is not a finite number", num(*value, lang)),
        },
        ShareOutOfRange { setting, value } => match lang {
            Lang::Vi => format!("`{setting}` = {} phải là tỷ lệ từ 0 đến 1", num(*value, lang)),
            Lang::En => format!("`{setting}` = {} must be a share from 0 to 1", num(*value, lang)),
        },
        MappedTwice { unit, first_line } => match lang {
            Lang::Vi => format!("đơn vị cũ `{unit}` được gộp hai lần (lần đầu ở dòng {first_line})"),
            Lang::En => format!("former unit `{unit}` is mapped twice (first on line {first_line})"),
        },
        PartialMerge {
            with_data,
            without_data,
        } => match lang {
            Lang::Vi => format!(
                "đơn vị sau sáp nhập chỉ có dữ liệu của {} (thiếu {}): giá trị gộp chỉ đại diện cho một phần đơn vị",
                with_data.join(", "),
                without_data.join(", ")
            ),
            Lang::En => format!(
                "the merged unit has data for {} only (none for {}): merged values stand for part of the unit",
                with_data.join(", "),
                without_data.join(", ")
            ),
        },
        MergedWithoutData { units, of } => match lang {
            Lang::Vi => format!(
                "{} trong {of} đơn vị sau sáp nhập không có dữ liệu của đơn vị cũ nào, nên không có giá trị và thứ hạng: {}",
                units.len(),
                units.join(", ")
            ),
            Lang::En => format!(
                "{} of the {of} merged units have no data from any of their former units, so no value and no rank: {}",
                units.len(),
                units.join(", ")
            ),
        },
        FewSamples { samples, advised } => match lang {
            Lang::Vi => format!(
                "N = {samples} mẫu là ít hơn {advised}: các chỉ số độ nhạy có thể đổi khác khi đổi hạt giống ngẫu nhiên"
            ),
            Lang::En => format!(
                "N = {samples} samples is fewer than {advised}: the sensitivity indices may change with another seed"
            ),
        },
        FirstAboveTotal {
            factor,
            first,
            total,
        } => match lang {
            Lang::Vi => format!(
                "chỉ số bậc 1 của `{factor}` ({}) lớn hơn chỉ số toàn phần ({}), điều không thể có với giá trị đúng: ước lượng chưa ổn định",
                format_decimal(*first, 3, lang),
                format_decimal(*total, 3, lang)
            ),
            Lang::En => format!(
                "the first-order index of `{factor}` ({}) is above its total index ({}), which exact values cannot be: the estimates are not stable",
                format_decimal(*first, 3, lang),
                format_decimal(*total, 3, lang)
            ),
        },
        IntervalBelowZero {
            factor,
            index,
            low,
            high,
        } => {
            let interval = format!(
                "{} … {}",
                format_decimal(*low, 3, lang),
                format_decimal(*high, 3, lang)
            );
            match (lang, index.as_str()) {
                (Lang::Vi, "total") => format!(
                    "khoảng 95 % của chỉ số toàn phần của `{factor}` ({interval}) xuống dưới 0, điều chỉ số không thể có: ước lượng chưa ổn định"
                ),
                (Lang::Vi, _) => format!(
                    "khoảng 95 % của chỉ số bậc 1 của `{factor}` ({interval}) xuống dưới 0, điều chỉ số không thể có: ước lượng chưa ổn định"
                ),
                (Lang::En, "total") => format!(
                    "the 95 % interval of the total index of `{factor}` ({interval}) reaches below 0, which no index can be: the estimates are not stable"
                ),
                (Lang::En, _) => format!(
                    "the 95 % interval of the first-order index of `{factor}` ({interval}) reaches below 0, which no index can be: the estimates are not stable"
                ),
            }
        }
        NotInMapping { units } => match lang {
            Lang::Vi => format!(
                "bảng gộp không có {} đơn vị của dữ liệu, nên không dùng: {}",
                units.len(),
                units.join(", ")
            ),
            Lang::En => format!(
                "the mapping does not include {} unit{} of the data, left out: {}",
                units.len(),
                if units.len() == 1 { "" } else { "s" },
                units.join(", ")
            ),
        },
        MissingColumns { columns } => match lang {
            Lang::Vi => format!("thiếu cột bắt buộc: `{}`", columns.join("`, `")),
            Lang::En => format!("required columns are missing: `{}`", columns.join("`, `")),
        },
        NoCode => lang.pick("dòng không có mã", "the row has no code").into(),
        UnknownRowType { text } => match lang {
            Lang::Vi => format!(
                "loại `{text}` không hợp lệ: dùng `Indicator`, `Aggregate`, `Group`, `Denominator` hoặc `Other`"
            ),
            Lang::En => format!(
                "type `{text}` is unknown: use `Indicator`, `Aggregate`, `Group`, `Denominator` or `Other`"
            ),
        },
        NotANumber { column, text } => match lang {
            Lang::Vi => format!("cột `{column}`: `{text}` không phải là một số hợp lệ"),
            Lang::En => format!("column `{column}`: `{text}` is not a valid number"),
        },
        WeightOutOfBounds { weight } => match lang {
            Lang::Vi => format!(
                "trọng số {}: trọng số phải là số từ 0 đến 10¹²",
                num(*weight, lang)
            ),
            Lang::En => format!(
                "weight {}: weights must be numbers from 0 to 10¹²",
                num(*weight, lang)
            ),
        },
        NeedsColumn { column } => match lang {
            Lang::Vi => format!("dòng này cần giá trị ở cột `{column}`"),
            Lang::En => format!("this row needs a value in column `{column}`"),
        },
        BadDirection { value } => match lang {
            Lang::Vi => format!(
                "chiều {} không hợp lệ: 1 là càng cao càng tốt, -1 là càng thấp càng tốt",
                num(*value, lang)
            ),
            Lang::En => format!(
                "direction {} is invalid: 1 means higher is better, -1 lower is better",
                num(*value, lang)
            ),
        },
        ParentNotAggregate { parent } => match lang {
            Lang::Vi => format!("cấp trên `{parent}` không phải là một dòng `Aggregate` của iMeta"),
            Lang::En => format!("parent `{parent}` is not an `Aggregate` row of iMeta"),
        },
        NotADenominator { denominator } => match lang {
            Lang::Vi => format!("mẫu số `{denominator}` không phải là một dòng `Denominator` của iMeta"),
            Lang::En => format!("denominator `{denominator}` is not a `Denominator` row of iMeta"),
        },
        SeveralRoots { codes } => match lang {
            Lang::Vi => format!(
                "chỉ một `Aggregate` được để trống cấp trên (chỉ số chung), nhưng có: {}",
                codes.join(", ")
            ),
            Lang::En => format!(
                "only one `Aggregate` may have no parent (the index), but these have none: {}",
                codes.join(", ")
            ),
        },
        WrongLevel { declared, actual } => match lang {
            Lang::Vi => format!("cấp {declared} không khớp với cây: theo các dòng con, cấp phải là {actual}"),
            Lang::En => format!("level {declared} does not match the tree: from its children it is {actual}"),
        },
        OtherColumnLeftOut => lang
            .pick(
                "cột loại `Other` không được chuyển sang",
                "a column of type `Other` is left out",
            )
            .into(),
        ColumnNotInMeta => lang
            .pick(
                "cột không có trong iMeta như `Indicator`, `Group`, `Denominator` hoặc `Other`",
                "the column is not in iMeta as an `Indicator`, `Group`, `Denominator` or `Other`",
            )
            .into(),
        ColumnMissingFromData => lang
            .pick(
                "iData không có cột này, mà iMeta khai báo",
                "iData has no such column, which iMeta declares",
            )
            .into(),
        ReservedCodes { codes } => match lang {
            Lang::Vi => format!(
                "các mã sau trùng tên cột dành riêng của tệp số liệu (như `name`, `year`, `group`): `{}`; đổi mã trong iMeta và iData",
                codes.join("`, `")
            ),
            Lang::En => format!(
                "these codes are names the data reader reserves (such as `name`, `year`, `group`): `{}`; rename them in iMeta and iData",
                codes.join("`, `")
            ),
        },
        WrittenDiffers => lang
            .pick(
                "tệp vừa ghi không đọc lại được như dự định (lỗi của công cụ)",
                "the file written does not read back as meant (a defect of the tool)",
            )
            .into(),
        BadLevelKey { key } => match lang {
            Lang::Vi => format!("`by_level`: `{key}` không phải cấp của chỉ số tổng hợp (từ 2)"),
            Lang::En => format!("`by_level`: `{key}` is not an aggregate level (2 or more)"),
        },
        ConstantIndicator { rule } => match lang {
            Lang::Vi => format!(
                "mọi đơn vị có cùng giá trị: quy tắc `{rule}` cho tất cả điểm cao nhất"
            ),
            Lang::En => format!(
                "every unit has the same value: rule `{rule}` gives them all the best score"
            ),
        },
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

/// What refers to an unknown code, in Vietnamese: the analyses by name, keys and codes of
/// files as written.
fn referrer_en(referenced_by: &str) -> String {
    match referenced_by {
        "mapping" => "the mapping file".into(),
        "costs" => "the costs file".into(),
        "goal" => "the goal".into(),
        "what-if" => "the what-if".into(),
        other => format!("`{other}`"),
    }
}

fn referrer_vi(referenced_by: &str) -> String {
    match referenced_by {
        "mapping" => "tệp tương ứng".into(),
        "costs" => "tệp công sức".into(),
        "goal" => "mục tiêu".into(),
        "what-if" => "phép thử thay đổi giá trị".into(),
        other => format!("`{other}`"),
    }
}

/// What to do about a limit: split the file, or raise the limit with `option` when the front
/// end has one; the other limits are fixed, and the hint says so.
fn too_large_hint(what: crate::limits::Quantity, option: Option<&str>, lang: Lang) -> String {
    use crate::limits::Quantity::*;
    match (what, option, lang) {
        (_, Some(option), Lang::Vi) => {
            format!("chia tệp thành nhiều tệp nhỏ hơn, hoặc nâng giới hạn bằng {option}")
        }
        (_, Some(option), Lang::En) => format!("split the file, or raise the limit with {option}"),
        (Bytes | Rows | Columns, None, _) => lang
            .pick("chia tệp thành nhiều tệp nhỏ hơn", "split the file into smaller ones")
            .into(),
        (Units | Indicators | Values, None, _) => lang
            .pick(
                "giới hạn này cố định: chia tệp thành nhiều tệp nhỏ hơn",
                "this limit is fixed: split the file into smaller ones",
            )
            .into(),
        (BytesInCell | BytesInString, None, _) => lang
            .pick(
                "giới hạn này cố định: một ô dài như vậy không phải là một giá trị; kiểm tra tệp",
                "this limit is fixed: a cell this long is not a value; check the file",
            )
            .into(),
        (NestingLevels, None, _) => lang
            .pick(
                "giới hạn này cố định: tệp số liệu và tệp bộ chỉ số chỉ cần vài cấp lồng nhau; kiểm tra đây có đúng là tệp cần đọc",
                "this limit is fixed: data and framework files need only a few levels; check that this is the file meant",
            )
            .into(),
        (FrameworkNodes | AggregateLevels, None, _) => lang
            .pick(
                "giới hạn này cố định: kiểm tra tệp bộ chỉ số",
                "this limit is fixed: check the framework file",
            )
            .into(),
    }
}

/// The hints that name a `dti` command or option, worded for a web page instead.
pub(crate) fn page_hint(problem: &Problem, lang: Lang) -> Option<String> {
    use Problem::*;
    let text = match problem {
        NoUnitColumn => lang.pick(
            "đặt tên cột đầu là `code` (hoặc `mã`)",
            "name the first column `code` (or `mã`)",
        ),
        UnknownColumn { .. } | UnknownIndicator => lang.pick(
            "kiểm tra mã chỉ tiêu so với danh sách của bộ chỉ số",
            "check the indicator code against the framework's list",
        ),
        WrongForm { .. } => lang.pick(
            "nhập giá trị đúng đơn vị của chỉ tiêu",
            "enter the value in the indicator's unit",
        ),
        MissingUnitCode => lang.pick(
            "điền mã đơn vị (ví dụ mã tỉnh 22) vào mọi dòng",
            "fill in the unit code (e.g. the province code 22) on every row",
        ),
        NoData => lang.pick(
            "tệp trống hoặc chỉ có tiêu đề",
            "the file is empty or holds only a header",
        ),
        TooLarge { what, .. } => return Some(too_large_hint(*what, None, lang)),
        _ => return None,
    };
    Some(text.to_string())
}

pub(crate) fn hint(problem: &Problem, lang: Lang) -> Option<String> {
    use Problem::*;
    let text = match problem {
        ComputedDiffers { .. } => lang.pick(
            "con số đã công bố và con số tính từ các chỉ tiêu phải khớp nhau: kiểm tra lại giá trị các chỉ tiêu, hoặc con số đã công bố",
            "a published figure and the one computed from the indicators should agree: check the indicators' values, or the published figure",
        ),
        NoUnitColumn => lang.pick(
            "đặt tên cột đầu là `code` (hoặc `mã`); dùng `dti template` để có tệp mẫu",
            "name the first column `code` (or `mã`); `dti template` writes a ready-made file",
        ),
        DuplicateColumn { .. } | DuplicateKey { .. } => lang.pick(
            "giữ lại một, xóa bản còn lại (chương trình không đoán bản nào đúng)",
            "keep one and delete the other (the tool does not guess which is right)",
        ),
        NoValues { others } if !others.is_empty() => lang.pick(
            "chọn khung chỉ số mà tệp được làm theo, hoặc đổi tên cột cho đúng mã chỉ tiêu",
            "choose the framework the file was made for, or rename the columns to its indicator codes",
        ),
        NoValues { .. } => lang.pick(
            "điền giá trị (hoặc tử số và mẫu số) cho từng chỉ tiêu rồi kiểm tra lại",
            "fill in each indicator's value (or numerator and denominator), then check again",
        ),
        AmbiguousNumber { .. } => lang.pick(
            "viết số không có dấu tách hàng nghìn (65000), hoặc ghi phần thập phân cho rõ (65,0)",
            "write the number without a thousands separator (65000), or with its decimals made clear (65.0)",
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
        TooLarge { what, .. } => return Some(too_large_hint(*what, what.cli_option(), lang)),
        PartialMerge { .. } => lang.pick(
            "thêm dữ liệu của các đơn vị cũ còn thiếu; giá trị gộp từ một phần đơn vị chỉ được tính khi dùng `dti merge --allow-partial`",
            "add the data of the missing former units; merged values of part of a unit are given only with `dti merge --allow-partial`",
        ),
        FewSamples { .. } | FirstAboveTotal { .. } | IntervalBelowZero { .. } => lang.pick(
            "tăng số mẫu, ví dụ `--samples 10000` (mặc định)",
            "use more samples, e.g. `--samples 10000` (the default)",
        ),
        MergedWithoutData { .. } | NotInMapping { .. } => lang.pick(
            "so mã đơn vị trong dữ liệu với cột former_code của bảng gộp",
            "compare the data's unit codes with the mapping's former_code column",
        ),
        _ => return None,
    };
    Some(text.to_string())
}
