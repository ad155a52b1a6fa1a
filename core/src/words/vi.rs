//! The catalogue in Vietnamese.

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
        Term::Code => "Mã",
        Term::Name => "Tên",
        Term::Value => "Giá trị",
        Term::Rank => "Hạng",
        Term::RankInGroup => "Hạng trong nhóm",
        Term::Points => "Điểm",
        Term::MaxPoints => "Điểm tối đa",
        Term::PointsLost => "Điểm bị mất",
        Term::UnitCode => "Mã đơn vị",
        Term::UnitName => "Tên đơn vị",
        Term::Year => "Năm",
        Term::Node => "Chỉ số",
        Term::NodeName => "Tên chỉ số",
        Term::Status => "Tình trạng",
        Term::Results => "Kết quả",
        Term::Kind => "Loại",
        Term::Measure => "Đơn vị đo",
        Term::Range => "Khoảng cho phép",
        Term::Indicators => "Chỉ tiêu",
        Term::Framework => "Bộ chỉ số",
        Term::Line => "dòng",
        Term::Unit => "đơn vị",
        Term::Units => "đơn vị",
        Term::Indicator => "chỉ tiêu",
        Term::AggregateKind => "tổng hợp",
        Term::Aggregate => "chỉ số tổng hợp",
        Term::Index => "chỉ số",
        Term::Hint => "gợi ý",
        Term::MainIndicators => "Các chỉ số chính",
    }
}

pub(super) fn status(status: Status) -> &'static str {
    match status {
        Status::Scored => "có dữ liệu",
        Status::MissingAsZero => "thiếu, tính 0",
        Status::Missing => "thiếu",
        Status::LowAvailability => "thiếu nhiều dữ liệu",
    }
}

pub(super) fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "lỗi",
        Severity::Warning => "cảnh báo",
        Severity::Note => "ghi chú",
    }
}

pub(super) fn measure(unit: Unit) -> &'static str {
    match unit {
        Unit::Score => "điểm 0–1",
        Unit::Percent => "%",
        Unit::Share => "tỷ lệ 0–1",
        Unit::Count => "số lượng",
        Unit::Number => "số",
        Unit::YesNo => "có/không",
    }
}

pub(super) fn quantity(quantity: Quantity) -> &'static str {
    use Quantity::*;
    match quantity {
        Bytes => "byte",
        BytesInCell => "byte trong một ô",
        BytesInString => "byte trong một chuỗi",
        Rows => "dòng",
        Columns => "cột",
        Units => term(Term::Units),
        Indicators => "chỉ tiêu",
        Values => "giá trị (đơn vị × chỉ tiêu)",
        NestingLevels => "cấp lồng nhau",
        FrameworkNodes => "chỉ tiêu và chỉ số tổng hợp",
        AggregateLevels => "cấp chỉ số tổng hợp",
    }
}

pub(super) fn missing_policy(policy: MissingPolicy) -> &'static str {
    match policy {
        MissingPolicy::Zero => "giá trị thiếu tính 0",
        MissingPolicy::Skip => "bỏ qua giá trị thiếu",
        MissingPolicy::Reject => "không nhận giá trị thiếu",
    }
}

pub(super) fn aggregation(method: Aggregation) -> String {
    match method {
        Aggregation::Arithmetic => "trung bình có trọng số".into(),
        Aggregation::Median => "trung vị có trọng số".into(),
        Aggregation::Copeland => "điểm Copeland".into(),
        Aggregation::Geometric => "trung bình nhân".into(),
        Aggregation::Harmonic => "trung bình điều hòa".into(),
        Aggregation::PowerMean { p } => format!(
            "trung bình lũy thừa p={}",
            crate::text::format_decimal(p, 2, Lang::Vi)
        ),
        Aggregation::Sum => "tổng điểm".into(),
        Aggregation::Minimum => "nhỏ nhất".into(),
    }
}

pub(super) fn rule(rule: &Rule) -> String {
    let n = |v: f64| super::number(v, Lang::Vi);
    match rule {
        Rule::Score => "điểm có sẵn".into(),
        Rule::Rate { .. } => "tỷ lệ × điểm".into(),
        Rule::Target { target } => format!("mục tiêu {}", n(*target)),
        Rule::Goalposts { low, high, .. } => format!("ngưỡng {}–{}", n(*low), n(*high)),
        Rule::YesNo => measure(Unit::YesNo).into(),
        Rule::Tiers { steps } => {
            let steps: Vec<String> = steps
                .iter()
                .map(|[at, share]| format!("{}→{}", n(*at), n(*share)))
                .collect();
            format!("bậc {}", steps.join(", "))
        }
        Rule::MinMax { .. } => "min–max giữa các đơn vị".into(),
        Rule::ZScore { .. } => "điểm chuẩn hóa z".into(),
        Rule::Rank => "thứ hạng".into(),
        Rule::Borda => "điểm Borda".into(),
        Rule::PercentileRank => "bách phân vị".into(),
        Rule::None => "giữ nguyên giá trị".into(),
        Rule::FractionOfMax { .. } => "tỷ lệ so với đơn vị tốt nhất".into(),
        Rule::DistanceToMax { .. } => "khoảng cách tới đơn vị tốt nhất".into(),
        Rule::DistanceToTarget { .. } => "khoảng cách tới mục tiêu".into(),
        Rule::DistanceToReference { unit, .. } => format!("khoảng cách tới đơn vị {unit}"),
    }
}

#[cfg(feature = "pipeline")]
pub(super) fn stage(stage: crate::pipeline::Stage) -> &'static str {
    use crate::pipeline::Stage;
    match stage {
        Stage::Raw => "Dữ liệu thô",
        Stage::Denominated => "Sau khi chia mẫu số",
        Stage::Imputed => "Sau khi điền dữ liệu thiếu",
        Stage::Screened => "Sau khi sàng lọc đơn vị",
        Stage::Treated => "Sau khi xử lý ngoại lai",
        Stage::Normalised => "Sau khi chuẩn hóa",
        Stage::Aggregated => "Chỉ số tổng hợp và thứ hạng",
    }
}

pub(super) fn points_count(points: &str) -> String {
    format!("{points} điểm")
}

pub(super) fn unit_not_in_data(unit: &str) -> String {
    format!("không có đơn vị `{unit}` trong dữ liệu")
}

pub(super) fn template_note(framework: &str) -> String {
    format!(
        "Mẫu nhập liệu cho bộ chỉ số {framework}. Điền mã đơn vị, rồi cột giá trị (hoặc tử số và mẫu số) của từng chỉ tiêu; để trống nếu chưa có số liệu."
    )
}

// ---- The words of a problem (see `problem.rs`) ----

/// How a value was written, in words.
pub(super) fn value_form(form: ValueForm) -> &'static str {
    match form {
        ValueForm::Number => "số",
        ValueForm::Percent => "tỷ lệ phần trăm",
        ValueForm::Ratio => "tử số/mẫu số",
        ValueForm::YesNo => super::measure(crate::framework::Unit::YesNo, Lang::Vi),
    }
}

/// Why a setting or parameters are impossible, in one phrase.
pub(super) fn invalid(invalid: &Invalid) -> String {
    use Invalid::*;
    #[cfg(feature = "validate")]
    let n = |value: f64| number(value, Lang::Vi);
    match invalid {
        Empty => "trống".into(),
        #[cfg(feature = "validate")]
        TooManyDecimals { given, most } => {
            format!("{given} chữ số thập phân; tối đa {most}")
        }
        #[cfg(feature = "validate")]
        NotAShare { value, below_one } => format!(
            "{}: phải là tỷ lệ từ 0 đến {}",
            n(*value),
            if *below_one { "dưới 1" } else { "1" }
        ),
        #[cfg(feature = "validate")]
        BadCode { code } => format!("mã `{code}` trống hoặc có dấu cách thừa"),
        #[cfg(feature = "validate")]
        ListedTwice { code } => format!("`{code}` được liệt kê hai lần"),
        NotFinite { code, value } => format!("{code} = {}", shortest_text(*value)),
        #[cfg(feature = "validate")]
        NeedsFiniteRange => "cần khoảng giá trị hữu hạn: ghi `range = [low, high]`".into(),
        #[cfg(feature = "validate")]
        NotPositive { parameter, value } => {
            format!("`{parameter}` = {} phải là số dương", n(*value))
        }
        #[cfg(feature = "validate")]
        GoalpostsOrder { low, high } => format!(
            "ngưỡng {} và {}: ngưỡng thứ nhất phải nhỏ hơn ngưỡng thứ hai",
            n(*low),
            n(*high)
        ),
        #[cfg(feature = "validate")]
        NoSteps => "cần ít nhất một bậc `[threshold, share]`".into(),
        #[cfg(feature = "validate")]
        BadStep { threshold, share } => format!(
            "bậc [{}; {}]: tỷ lệ phải từ 0 đến 1",
            n(*threshold),
            n(*share)
        ),
        #[cfg(feature = "validate")]
        OutputRange { low, high } => format!(
            "khoảng kết quả {}..{} phải hữu hạn và tăng dần",
            n(*low),
            n(*high)
        ),
        #[cfg(feature = "validate")]
        NotPositiveSd { mean, sd } => format!(
            "trung bình {} và độ lệch chuẩn {}: độ lệch chuẩn phải dương",
            n(*mean),
            n(*sd)
        ),
        #[cfg(feature = "validate")]
        NoReferenceUnit => "cần mã của đơn vị tham chiếu: `unit = \"…\"`".into(),
        BadGoal => "mục tiêu phải là một giá trị hữu hạn hoặc thứ hạng từ 1 trở lên".into(),
        #[cfg(feature = "validate")]
        NoUncertainChoice => "không có lựa chọn chưa chắc chắn nào".into(),
        #[cfg(feature = "validate")]
        SampleCount { given, least, most } => {
            format!("{given}: dùng từ {least} đến {most}")
        }
        #[cfg(feature = "validate")]
        TooManyFactorsForSobol { most } => {
            format!("cách lấy mẫu Sobol chỉ dùng được với tối đa {most} yếu tố")
        }
        // Only the framework validator and sensitivity find these; a build without them (the
        // calculator's module) never meets them and leaves their words out.
        #[cfg(not(feature = "validate"))]
        _ => "không hợp lệ".into(),
    }
}

fn value_text(value: crate::value::Value) -> String {
    use crate::value::Value;
    match value {
        Value::Number { value } => number(value, Lang::Vi),
        Value::Percent { value } => format!("{}%", number(value, Lang::Vi)),
        Value::Ratio {
            numerator,
            denominator,
        } => format!(
            "{}/{}",
            number(numerator, Lang::Vi),
            number(denominator, Lang::Vi)
        ),
        Value::YesNo { value } => match value {
            true => "có".into(),
            false => "không".into(),
        },
    }
}

pub(super) fn message(problem: &Problem) -> String {
    use Problem::*;
    match problem {
        Syntax { detail, reason } => format!(
            "lỗi cú pháp: {}",
            reason.describe(detail, Lang::Vi)
        ),
        TooLarge { what, limit } => format!("vượt giới hạn {limit} {}", what.name(Lang::Vi)),
        BadSetting { setting, why } => format!("thiết lập `{setting}` không hợp lệ: {}", why.describe(Lang::Vi)),
        DuplicateCode { code } => format!("mã `{code}` được khai báo hai lần"),
        UnknownCode {
            code,
            referenced_by,
        } => format!(
                "{} tham chiếu mã `{code}` chưa được khai báo",
                referrer(referenced_by)
            ),
        #[cfg(feature = "validate")]
        Cycle { path } => format!("vòng lặp giữa các chỉ số tổng hợp: {}", path.join(" → ")),
        #[cfg(feature = "validate")]
        Unreachable { code } => format!("`{code}` không được tính vào chỉ số nào"),
        #[cfg(feature = "validate")]
        NoChildren { code } => format!("chỉ số tổng hợp `{code}` không có thành phần"),
        #[cfg(feature = "validate")]
        NoWeight { code } => format!("tổng trọng số của `{code}` không dương"),
        #[cfg(feature = "validate")]
        BadWeight {
            parent,
            child,
            weight,
        } => format!(
                "trọng số của `{child}` trong `{parent}` là {}: phải là số từ 0 đến 10¹²",
                number(*weight, Lang::Vi)
            ),
        RuleDoesNotFitUnit { rule, unit } => format!("quy tắc chấm điểm `{rule}` không dùng được với đơn vị `{unit}`"),
        BadRule { rule, why } => format!("quy tắc chấm điểm `{rule}` không hợp lệ: {}", why.describe(Lang::Vi)),
        #[cfg(feature = "validate")]
        BadDenominator { denominator } => format!(
                "mẫu số `{denominator}` không hợp lệ: phải là tên một cột số liệu khác, không có dấu cách thừa"
            ),
        #[cfg(feature = "validate")]
        BadTarget { target } => format!("giá trị mục tiêu {} không phải là một số hữu hạn", shortest_text(*target)),
        #[cfg(feature = "validate")]
        BadRange { low, high } => format!(
                "khoảng giá trị {}–{} không hợp lệ",
                number(*low, Lang::Vi),
                number(*high, Lang::Vi)
            ),
        RowsAboveHeader { first, last } => {
            let rows = super::span(*first, *last);
            format!("bỏ qua dòng {rows} phía trên dòng tiêu đề (tiêu đề bảng hoặc ô gộp)")
        }
        OpenQuote => "dấu ngoặc kép mở ô này nhưng không được đóng: phần còn lại của tệp bị đọc thành một ô, các dòng sau không được đọc".into(),
        NoUnitColumn => "không có cột mã đơn vị (code/mã)"
            .into(),
        NoData => "tệp không có giá trị chỉ tiêu nào"
            .into(),
        MissingUnitCode => "dòng không có mã đơn vị"
            .into(),
        NameDiffers { first, second } => format!("đơn vị có hai tên, `{first}` và `{second}`: dùng tên đầu"),
        TwoYears { first, second } => format!(
                "đơn vị có số liệu hai năm, {first} và {second}: mỗi tệp chỉ chứa một năm"
            ),
        YearsDiffer { unit, first, second } => format!(
                "năm {second} khác năm {first} của đơn vị {unit}: mỗi tệp chỉ chứa một năm, vì các đơn vị trong tệp được xếp hạng với nhau"
            ),
        DuplicateUnit => "đơn vị xuất hiện hai lần"
            .into(),
        SummaryRow { label } => format!("dòng `{label}` là dòng tổng hoặc trung bình, không phải một đơn vị"),
        DuplicateValue => "giá trị được nhập hai lần"
            .into(),
        ValueAndRatio => "dòng có cả giá trị và tử số hoặc mẫu số: chỉ được có một cách ghi"
            .into(),
        BadGrouping { header } => format!("cột nhóm `{header}` không có tên hoặc bị lặp"),
        UnknownColumn { header } => format!("cột `{header}` không phải chỉ tiêu của bộ chỉ số: bỏ qua"),
        UnknownIndicator => "chỉ tiêu không có trong bộ chỉ số: bỏ qua"
            .into(),
        CodeCase { code } => format!("mã viết khác chữ hoa, chữ thường: đọc là chỉ tiêu {code}"),
        ComputedDiffers { given, computed } => format!(
                "tệp ghi {}, nhưng tính từ các chỉ tiêu được {}",
                number(*given, Lang::Vi),
                number(*computed, Lang::Vi)
            ),
        ComputedColumn => "do công cụ tự tính từ các chỉ tiêu: giá trị trong tệp không được dùng"
            .into(),
        BadValue { text } => format!("không đọc được giá trị `{text}`"),
        RowLength { expected, found } => format!("dòng có {found} ô, tiêu đề có {expected}"),
        BadYear { text } => format!("năm `{text}` không hợp lệ"),
        ZeroDenominator => "mẫu số bằng 0".into(),
        DecimalComma { text, value } => format!(
                "`{text}` dùng dấu phẩy thập phân: đọc là {}",
                number(*value, Lang::Vi)
            ),
        DuplicateColumn {
            header,
            first,
            first_column,
        } => format!(
                "cột `{header}` trùng vai trò với cột `{first}` (cột {first_column}): chỉ được có một"
            ),
        DuplicateKey { key } => format!("khóa `{key}` có hai lần trong cùng một đối tượng JSON"),
        NoValues { others, .. } if others.is_empty() => "tệp có đơn vị nhưng chưa có giá trị nào cho các chỉ tiêu"
            .into(),
        NoValues { others, .. } => {
            let list = others
                .iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(", ");
            format!(
                    "không cột nào của tệp là chỉ tiêu của bộ chỉ số này (tệp có {list}…): có lẽ tệp được làm cho một bộ chỉ số khác"
                )
        }
        Overflow => "giá trị tính ra quá lớn, không biểu diễn được: số liệu hoặc trọng số lớn bất thường"
            .into(),
        #[cfg(feature = "validate")]
        BadPoints { code, points } => format!(
                "điểm của `{code}` là {}: phải là số từ 0 đến 10¹²",
                number(*points, Lang::Vi)
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
                    "`{text}` có thể là {decimal} hoặc {grouped}: không có ô nào khác cho biết dấu thập phân là dấu phẩy hay dấu chấm"
                ),
true => format!(
                    "`{text}` có thể là {decimal} hoặc {grouped}: tệp dùng cả dấu phẩy lẫn dấu chấm làm dấu thập phân"
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
                    "`{text}` đọc là {value}: tệp viết phần thập phân sau dấu phẩy (như `{example}`{}), nên dấu chấm ở đây tách hàng nghìn",
                    at(true)
                ),
crate::value::DecimalMark::Dot => format!(
                    "`{text}` đọc là {value}: tệp viết phần thập phân sau dấu chấm (như `{example}`{}), nên dấu phẩy ở đây tách hàng nghìn",
                    at(true)
                ),
}
        }
        WrongForm { given, unit } => format!(
                "giá trị nhập dạng {} nhưng chỉ tiêu đo bằng `{unit}`",
                given.name(Lang::Vi)
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
            let (v, l, h) = (number(*value, Lang::Vi), number(*low, Lang::Vi), number(*high, Lang::Vi));
            let below = value < low;
            match high.is_finite() && low.is_finite() {
false if below => {
                    format!("giá trị {v}{sp}{symbol} nhỏ hơn mức tối thiểu {l}{sp}{symbol}")
                },
false => {
                    format!("giá trị {v}{sp}{symbol} lớn hơn mức tối đa {h}{sp}{symbol}")
                },
true => {
                    let side = if below { "dưới" } else { "trên" };
                    format!(
                        "giá trị {v}{sp}{symbol} nằm {side} khoảng cho phép {l}–{h}{sp}{symbol}"
                    )
                },
}
        }
        MissingValue { policy } => {
            use crate::framework::MissingPolicy::*;
            match policy {
Zero => "thiếu giá trị: tính 0 điểm".into(),
Skip => "thiếu giá trị: bỏ qua và chia lại trọng số".into(),
Reject => "thiếu giá trị: bộ chỉ số yêu cầu đủ dữ liệu".into(),
}
        }
        #[cfg(feature = "validate")]
        OldSpelling { old, new } => format!("`{old}` là cách viết cũ; nay viết `{new}`"),
        #[cfg(feature = "validate")]
        NormaliseIsRule => "`[pipeline.normalise]` là cách viết cũ: nay mỗi `[[indicator]]` ghi quy tắc chuẩn hoá của mình, `rule = { method = … }`"
            .into(),
        #[cfg(feature = "validate")]
        AggregateIsMethod { min_share } => {
            let mut text = "`[pipeline.aggregate]` là cách viết cũ: nay mỗi `[[aggregate]]` ghi phương pháp của mình, `method = …`"
                .to_string();
            if *min_share {
                text.push_str(", và `min_share` thành `min_availability = …` ở đầu tệp");
            }
            text
        }
        #[cfg(feature = "validate")]
        UnknownMethod { name } => format!(
                "không có phương pháp tổng hợp `{name}`; dùng `{}`",
                crate::aggregation::METHODS.join("`, `")
            ),
        BadExponent => "`power_mean` cần số mũ `p` hữu hạn, khác 0"
            .into(),
        UnexpectedExponent { method } => format!("số mũ `p` chỉ dùng cho `power_mean`, không dùng cho `{method}`"),
        RuleNeedsTarget { rule } => format!("quy tắc `{rule}` cần giá trị mục tiêu `target` của chỉ tiêu"),
        TargetNotAboveWorst { target, worst } => format!(
                "mục tiêu {} không tốt hơn giá trị kém nhất {}: không tính được khoảng cách tới mục tiêu",
                number(*target, Lang::Vi),
                number(*worst, Lang::Vi)
            ),
        UnknownReferenceUnit { unit } => format!("đơn vị tham chiếu `{unit}` không có trong dữ liệu"),
        ReferenceWithoutValue { unit } => format!("đơn vị tham chiếu `{unit}` không có giá trị"),
        ReferenceIsWorst { unit } => format!(
                "đơn vị tham chiếu `{unit}` có giá trị kém nhất: không tính được khoảng cách tới nó"
            ),
        NegativeValue { method, value } => format!(
                "`{method}` cần giá trị không âm, nhưng có giá trị {}",
                number(*value, Lang::Vi)
            ),
        #[cfg(feature = "validate")]
        NotAnAggregate { code } => format!("`{code}` không phải chỉ số tổng hợp"),
        NotAnIndicator { code } => format!("`{code}` không phải chỉ tiêu"),
        #[cfg(feature = "validate")]
        ChildrenCanBeNegative { method } => format!(
                "phương pháp `{method}` cần các thành phần không âm, nhưng điểm của một thành phần có thể âm"
            ),
        #[cfg(feature = "validate")]
        UnknownWeightSet { name, known } => match known.is_empty() {
true => format!("không có bộ trọng số `{name}`: bộ chỉ số không khai báo bộ nào"),
false => format!("không có bộ trọng số `{name}`; các bộ có: {}", known.join(", ")),
},
        #[cfg(feature = "validate")]
        WeightOfTopNode { set, code } => format!("bộ trọng số `{set}` đặt trọng số cho `{code}`, nút không thuộc chỉ số nào"),
        #[cfg(feature = "validate")]
        BadSetWeight { set, code, weight } => format!(
                "bộ trọng số `{set}`: trọng số của `{code}` là {}: phải là số từ 0 đến 10¹²",
                number(*weight, Lang::Vi)
            ),
        #[cfg(feature = "validate")]
        SetLeavesNoWeight { set, code } => format!("với bộ trọng số `{set}`, tổng trọng số của `{code}` không dương"),
        #[cfg(feature = "pipeline")]
        NoDenominatorColumn { column } => format!("dữ liệu không có cột mẫu số `{column}`"),
        #[cfg(feature = "pipeline")]
        DivisionOverflows { denominator } => format!("chia cho `{denominator}` cho kết quả quá lớn"),
        #[cfg(feature = "pipeline")]
        UnknownGrouping { name, known } => match known.is_empty() {
true => format!("dữ liệu không có cách phân nhóm `{name}` (cột `nhóm:{name}`)"),
false => format!(
                "dữ liệu không có cách phân nhóm `{name}`; có: {}",
                known.join(", ")
            ),
},
        #[cfg(feature = "pipeline")]
        Unlabelled { grouping } => format!("đơn vị không có nhóm trong cách phân nhóm `{grouping}` dùng để bổ sung số liệu"),
        #[cfg(feature = "pipeline")]
        NoYears { method } => format!("phương pháp `{method}` cần năm cho mỗi dòng, nhưng dữ liệu không có cột năm"),
        #[cfg(feature = "pipeline")]
        UnknownUnit { unit, referenced_by } => format!("`{referenced_by}` nêu đơn vị `{unit}`, không có trong dữ liệu"),
        #[cfg(feature = "pipeline")]
        NothingLeft => "bước sàng lọc loại bỏ mọi đơn vị"
            .into(),
        #[cfg(feature = "pipeline")]
        StepListedTwice { step } => format!("bước `{step}` được nêu hai lần trong `order`"),
        #[cfg(feature = "pipeline")]
        StepWithoutSettings { step } => format!("`order` nêu bước `{step}` nhưng không có bảng [pipeline.{step}]"),
        #[cfg(feature = "pipeline")]
        StepLeftOut { step } => format!("có bảng [pipeline.{step}] nhưng `order` không nêu bước `{step}`"),
        #[cfg(feature = "pipeline")]
        TreatBeforeDenominate => "`order` xử lý giá trị ngoại lai trước khi chia cho mẫu số: giá trị đã xử lý (có thể đã lấy logarit) không chia được cho mẫu số"
            .into(),
        #[cfg(feature = "pipeline")]
        BadScale { value } => format!("hệ số nhân {} phải là số hữu hạn khác 0", number(*value, Lang::Vi)),
        #[cfg(feature = "pipeline")]
        NotFinite { setting, value } => format!("`{setting}`: {} không phải số hữu hạn", number(*value, Lang::Vi)),
        #[cfg(feature = "pipeline")]
        ShareOutOfRange { setting, value } => format!("`{setting}` = {} phải là tỷ lệ từ 0 đến 1", number(*value, Lang::Vi)),
        #[cfg(feature = "merge")]
        MappedTwice { unit, first_line } => format!("đơn vị cũ `{unit}` được gộp hai lần (lần đầu ở dòng {first_line})"),
        #[cfg(feature = "merge")]
        PartialMerge {
            with_data,
            without_data,
        } => format!(
                "đơn vị sau sáp nhập chỉ có dữ liệu của {} (thiếu {}): giá trị gộp chỉ đại diện cho một phần đơn vị",
                with_data.join(", "),
                without_data.join(", ")
            ),
        #[cfg(feature = "merge")]
        MergedWithoutData { units, of } => format!(
                "{} trong {of} đơn vị sau sáp nhập không có dữ liệu của đơn vị cũ nào, nên không có giá trị và thứ hạng: {}",
                units.len(),
                units.join(", ")
            ),
        #[cfg(feature = "validate")]
        FewSamples { samples, advised } => format!(
                "N = {samples} mẫu là ít hơn {advised}: các chỉ số độ nhạy có thể đổi khác khi đổi hạt giống ngẫu nhiên"
            ),
        #[cfg(feature = "validate")]
        FirstAboveTotal {
            factor,
            first,
            total,
        } => format!(
                "chỉ số bậc 1 của `{factor}` ({}) lớn hơn chỉ số toàn phần ({}), điều không thể có với giá trị đúng: ước lượng chưa ổn định",
                format_decimal(*first, 3, Lang::Vi),
                format_decimal(*total, 3, Lang::Vi)
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
                format_decimal(*low, 3, Lang::Vi),
                format_decimal(*high, 3, Lang::Vi)
            );
            match index.as_str() {
"total" => format!(
                    "khoảng 95 % của chỉ số toàn phần của `{factor}` ({interval}) xuống dưới 0, điều chỉ số không thể có: ước lượng chưa ổn định"
                ),
_ => format!(
                    "khoảng 95 % của chỉ số bậc 1 của `{factor}` ({interval}) xuống dưới 0, điều chỉ số không thể có: ước lượng chưa ổn định"
                ),
}
        }
        #[cfg(feature = "merge")]
        MappedName { name, mapped, other: Some(other) } => format!(
                "tên `{name}` là tên của đơn vị {other} trong bảng gộp; mã của dòng này là của {mapped}: gộp theo mã sẽ đưa số liệu vào sai đơn vị"
            ),
        MappedName { name, mapped, other: None } => format!(
                "tên `{name}` khác tên bảng gộp ghi cho mã này ({mapped})"
            ),
        NotInMapping { units } => format!(
                "bảng gộp không có {} đơn vị của dữ liệu, nên không dùng: {}",
                units.len(),
                units.join(", ")
            ),
        MissingColumns { columns } => format!("thiếu cột bắt buộc: `{}`", columns.join("`, `")),
        #[cfg(feature = "toml")]
        NoCode => "dòng không có mã".into(),
        #[cfg(feature = "toml")]
        UnknownRowType { text } => format!(
                "loại `{text}` không hợp lệ: dùng `Indicator`, `Aggregate`, `Group`, `Denominator` hoặc `Other`"
            ),
        NotANumber { column, text } => format!("cột `{column}`: `{text}` không phải là một số hợp lệ"),
        WeightOutOfBounds { weight } => format!(
                "trọng số {}: trọng số phải là số từ 0 đến 10¹²",
                number(*weight, Lang::Vi)
            ),
        #[cfg(feature = "toml")]
        NeedsColumn { column } => format!("dòng này cần giá trị ở cột `{column}`"),
        #[cfg(feature = "toml")]
        BadDirection { value } => format!(
                "chiều {} không hợp lệ: 1 là càng cao càng tốt, -1 là càng thấp càng tốt",
                number(*value, Lang::Vi)
            ),
        #[cfg(feature = "toml")]
        ParentNotAggregate { parent } => format!("cấp trên `{parent}` không phải là một dòng `Aggregate` của iMeta"),
        #[cfg(feature = "toml")]
        NotADenominator { denominator } => format!("mẫu số `{denominator}` không phải là một dòng `Denominator` của iMeta"),
        #[cfg(feature = "toml")]
        SeveralRoots { codes } => format!(
                "chỉ một `Aggregate` được để trống cấp trên (chỉ số chung), nhưng có: {}",
                codes.join(", ")
            ),
        #[cfg(feature = "toml")]
        WrongLevel { declared, actual } => format!("cấp {declared} không khớp với cây: theo các dòng con, cấp phải là {actual}"),
        #[cfg(feature = "toml")]
        OtherColumnLeftOut => "cột loại `Other` không được chuyển sang"
            .into(),
        #[cfg(feature = "toml")]
        ColumnNotInMeta => "cột không có trong iMeta như `Indicator`, `Group`, `Denominator` hoặc `Other`"
            .into(),
        #[cfg(feature = "toml")]
        ColumnMissingFromData => "iData không có cột này, mà iMeta khai báo"
            .into(),
        #[cfg(feature = "toml")]
        ReservedCodes { codes } => format!(
                "các mã sau trùng tên cột dành riêng của tệp số liệu (như `name`, `year`, `group`): `{}`; đổi mã trong iMeta và iData",
                codes.join("`, `")
            ),
        #[cfg(feature = "toml")]
        WrittenDiffers => "tệp vừa ghi không đọc lại được như dự định (lỗi của công cụ)"
            .into(),
        #[cfg(feature = "toml")]
        BadLevelKey { key } => format!("`by_level`: `{key}` không phải cấp của chỉ số tổng hợp (từ 2)"),
        ConstantIndicator { rule } => format!(
                "mọi đơn vị có cùng giá trị: quy tắc `{rule}` cho tất cả điểm cao nhất"
            ),
        LowAvailability {
            available,
            threshold,
        } => format!(
                "chỉ có {}% thành phần có dữ liệu, dưới ngưỡng {}%: không tính",
                format_decimal(available * 100.0, 0, Lang::Vi),
                format_decimal(threshold * 100.0, 0, Lang::Vi)
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
        _ => format!("vấn đề `{}`", problem.kind()),
    }
}

pub(super) fn too_large_hint(what: crate::limits::Quantity, option: Option<&str>) -> String {
    use crate::limits::Quantity::*;
    match (what, option) {
(_, Some(option)) => {
            format!("chia tệp thành nhiều tệp nhỏ hơn, hoặc nâng giới hạn bằng {option}")
        },
(Bytes | Rows | Columns, None) => "chia tệp thành nhiều tệp nhỏ hơn"
            .into(),
(Units | Indicators | Values, None) => "giới hạn này cố định: chia tệp thành nhiều tệp nhỏ hơn"
            .into(),
(BytesInCell | BytesInString, None) => "giới hạn này cố định: một ô dài như vậy không phải là một giá trị; kiểm tra tệp"
            .into(),
(NestingLevels, None) => "giới hạn này cố định: tệp số liệu và tệp bộ chỉ số chỉ cần vài cấp lồng nhau; kiểm tra đây có đúng là tệp cần đọc"
            .into(),
(FrameworkNodes | AggregateLevels, None) => "giới hạn này cố định: kiểm tra tệp bộ chỉ số"
            .into(),
}
}

pub(super) fn page_hint(problem: &Problem) -> Option<String> {
    use Problem::*;
    let text = match problem {
        NoUnitColumn => "đặt tên cột đầu là `code` (hoặc `mã`)",
        UnknownColumn { .. } | UnknownIndicator => {
            "kiểm tra mã chỉ tiêu so với danh sách của bộ chỉ số"
        }
        WrongForm { .. } => "nhập giá trị đúng đơn vị của chỉ tiêu",
        MissingUnitCode => "điền mã đơn vị (ví dụ mã tỉnh 22) vào mọi dòng",
        NoData => "tệp trống hoặc chỉ có tiêu đề",
        TwoYears { .. } | YearsDiffer { .. } => "tách mỗi năm một tệp",
        TooLarge { what, .. } => return Some(too_large_hint(*what, None)),
        _ => return None,
    };
    Some(text.to_string())
}

pub(super) fn hint(problem: &Problem) -> Option<String> {
    use Problem::*;
    let text = match problem {
        ComputedDiffers { .. } => {
            "con số đã công bố và con số tính từ các chỉ tiêu phải khớp nhau: kiểm tra lại giá trị các chỉ tiêu, hoặc con số đã công bố"
        }
        OpenQuote => "đóng dấu ngoặc kép (`\"`) ở cuối ô, hoặc xóa nó",
        NoUnitColumn => "đặt tên cột đầu là `code` (hoặc `mã`); dùng `dti template` để có tệp mẫu",
        DuplicateColumn { .. } | DuplicateKey { .. } => {
            "giữ lại một, xóa bản còn lại (chương trình không đoán bản nào đúng)"
        }
        NoValues { fits: Some(id), .. } => {
            return Some(format!(
                "tệp hợp với bộ chỉ số có sẵn `{id}`: chạy lại với `--framework {id}`"
            ));
        }
        NoValues { others, .. } if !others.is_empty() => {
            "chọn bộ chỉ số mà tệp được làm theo, hoặc đổi tên cột cho đúng mã chỉ tiêu"
        }
        NoValues { .. } => "điền giá trị (hoặc tử số và mẫu số) cho từng chỉ tiêu rồi kiểm tra lại",
        AmbiguousNumber { .. } => {
            "viết số không có dấu tách hàng nghìn (65000), hoặc ghi phần thập phân cho rõ (65,0)"
        }
        BadValue { .. } => {
            "dùng số (0,75 hoặc 0.75), phần trăm (75%), tử số/mẫu số (3/4), có/không, hoặc để trống"
        }
        UnknownColumn { .. } | UnknownIndicator => {
            "kiểm tra mã chỉ tiêu; `dti frameworks` liệt kê các mã hợp lệ"
        }
        OutOfRange { .. } => "kiểm tra đơn vị (tỷ lệ 0–1 hay phần trăm 0–100) và số liệu gốc",
        WrongForm { .. } => "nhập giá trị đúng đơn vị của chỉ tiêu, xem `dti template`",
        RowLength { .. } => {
            "có thể dấu phân cách không đúng: số thập phân có dấu phẩy cần đặt trong ngoặc kép hoặc dùng dấu chấm phẩy làm dấu phân cách"
        }
        SummaryRow { .. } => {
            "xóa dòng này: các đơn vị được xếp hạng với nhau, dòng này sẽ bị xếp hạng như một đơn vị"
        }
        DuplicateUnit | DuplicateValue => "giữ lại một dòng",
        ValueAndRatio => "xóa giá trị, hoặc xóa tử số và mẫu số",
        NameDiffers { .. } => "kiểm tra mã đơn vị ở những dòng mang tên kia",
        TwoYears { .. } | YearsDiffer { .. } => {
            "tách mỗi năm một tệp; `dti compare` so sánh hai năm"
        }
        BadGrouping { .. } => {
            "đặt tên mỗi cách phân nhóm một lần sau dấu hai chấm, ví dụ `nhóm:vùng`"
        }
        MissingUnitCode => {
            "điền mã đơn vị (ví dụ mã tỉnh 22) vào mọi dòng, hoặc tạo lại mẫu với `dti template --unit MÃ`"
        }
        ZeroDenominator => "mẫu số phải lớn hơn 0; để trống nếu chưa có số liệu",
        NoData => "tệp trống hoặc chỉ có tiêu đề: `dti template` tạo tệp mẫu để điền",
        BadYear { .. } => "ghi năm bằng 4 chữ số, ví dụ 2022",
        Syntax { .. } => {
            "xem quanh vị trí đó: thiếu hoặc thừa dấu ngoặc kép, dấu phẩy hoặc dấu ngoặc"
        }
        MissingValue { .. } => "nhập giá trị nếu có số liệu",
        TooLarge { what, .. } => return Some(too_large_hint(*what, what.cli_option())),
        #[cfg(feature = "merge")]
        PartialMerge { .. } => {
            "thêm dữ liệu của các đơn vị cũ còn thiếu; giá trị gộp từ một phần đơn vị chỉ được tính khi dùng `dti merge --allow-partial`"
        }
        #[cfg(feature = "validate")]
        FewSamples { .. } | FirstAboveTotal { .. } | IntervalBelowZero { .. } => {
            "tăng số mẫu, ví dụ `--samples 10000` (mặc định)"
        }
        #[cfg(feature = "merge")]
        MappedName { .. } => {
            "kiểm tra mã và tên ở dòng này (có thể cột mã và cột tên đã lệch nhau): gộp đi theo mã"
        }
        MergedWithoutData { .. } | NotInMapping { .. } => {
            "so mã đơn vị trong dữ liệu với cột former_code của bảng gộp"
        }
        _ => return None,
    };
    Some(text.to_string())
}

/// What refers to an unknown code: the analyses by name, keys and codes of files as written.
fn referrer(referenced_by: &str) -> String {
    match referenced_by {
        "mapping" => "tệp tương ứng".into(),
        "costs" => "tệp công sức".into(),
        "goal" => "mục tiêu".into(),
        "what-if" => "phép thử thay đổi giá trị".into(),
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
        Other => "nội dung không đúng định dạng ở chỗ này".into(),
        TrailingComma => "thừa dấu phẩy sau phần tử cuối".into(),
        TrailingCharacters => "còn nội dung thừa sau khi tài liệu đã kết thúc".into(),
        UnexpectedEnd => "tệp kết thúc khi danh sách, đối tượng hoặc chuỗi chưa đóng".into(),
        ExpectedMark { marks } => format!("thiếu {}", super::marks_or(marks, "hoặc")),
        ExpectedValue => "thiếu một giá trị (số, chuỗi, danh sách …)".into(),
        UnknownField { field, allowed } if allowed.is_empty() => {
            format!("khoá `{field}` không có ở đây")
        }
        UnknownField { field, allowed } => {
            format!(
                "khoá `{field}` không có ở đây; các khoá hợp lệ: {}",
                list(allowed)
            )
        }
        MissingField { field } => format!("thiếu khoá `{field}`"),
        DuplicateKey { key } if key.is_empty() => "một khoá xuất hiện hai lần".into(),
        DuplicateKey { key } => format!("khoá `{key}` xuất hiện hai lần"),
        UnknownChoice { choice, allowed } => {
            format!(
                "`{choice}` không phải lựa chọn hợp lệ; dùng một trong: {}",
                list(allowed)
            )
        }
        WrongType => "giá trị không đúng loại (ví dụ chữ ở chỗ cần số)".into(),
        BadNumber => "số không hợp lệ".into(),
        BadEscape => "chuỗi có ký tự thoát `\\` không hợp lệ".into(),
        ControlCharacter => "chuỗi chứa ký tự điều khiển".into(),
        BadKey => "khoá viết không hợp lệ".into(),
        UnclosedString => "chuỗi không hợp lệ hoặc chưa đóng ngoặc kép".into(),
        UnquotedText => "chữ phải đặt trong ngoặc kép".into(),
        TooDeep => "danh sách hoặc bảng lồng nhau quá sâu".into(),
        NotUtf8 => "nội dung không phải văn bản UTF-8".into(),
        NoUnitsList => {
            "cần một đối tượng có danh sách `units`, hoặc một danh sách các đơn vị".into()
        }
        UnitNotAnObject { place } => {
            format!("`{place}` không phải là một đối tượng")
        }
        NoValuesObject { place } => {
            format!("`{place}` không có đối tượng `values`")
        }
        GroupsNotAnObject { place } => {
            format!("`groups` trong `{place}` phải là một đối tượng nhóm → nhãn")
        }
        GroupLabelNotText { grouping, place } => {
            format!("nhãn của nhóm `{grouping}` trong `{place}` phải là chữ")
        }
    }
}
