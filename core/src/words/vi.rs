//! The catalogue in Vietnamese.

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

pub(super) fn template_note(framework: &str) -> String {
    format!(
        "Mẫu nhập liệu cho bộ chỉ số {framework}. Điền mã đơn vị, rồi cột giá trị (hoặc tử số và mẫu số) của từng chỉ tiêu; để trống nếu chưa có số liệu."
    )
}
