//! The embedded frameworks (`indicators/*.toml`) as values of the file format, every setting
//! written out, so the library holds them without a reader: the calculator's module then needs
//! neither the TOML nor a JSON reader for frameworks. They are validated as any file is.
//!
//! Written by `dti_core::framework::file::rust_source`; do not edit. After a TOML file
//! changes, `DTI_UPDATE_EMBEDDED=1 cargo test -p dti-tests --test embedded` writes it again
//! (the test fails while it is stale).
#![allow(clippy::excessive_precision, clippy::approx_constant)]

use std::collections::BTreeMap;

use super::file::{AggregateFile, ChildFile, FrameworkFile, IndicatorFile};
use super::{Direction, MissingPolicy, Reference, Unit};
use crate::rule::Rule;
use crate::text::Names;

fn s(text: &str) -> String {
    text.to_string()
}

fn names(vi: &str, en: &str) -> Names {
    Names { vi: s(vi), en: s(en) }
}

fn child(code: &str, weight: f64) -> ChildFile {
    ChildFile::Weighted { code: s(code), weight }
}

fn map<V>(pairs: Vec<(&str, V)>) -> BTreeMap<String, V> {
    pairs.into_iter().map(|(key, value)| (s(key), value)).collect()
}

/// The embedded framework `id` in the file format.
pub(crate) fn file(id: &str) -> Option<FrameworkFile> {
    Some(match id {
        "dti-province-2022" => FrameworkFile {
            id: s("dti-province-2022"),
            names: names("Chỉ số chuyển đổi số cấp tỉnh (Quyết định 922/QĐ-BTTTT)", "Provincial Digital Transformation Index (Decision 922/QĐ-BTTTT)"),
            source: Some(s("922/QĐ-BTTTT, 20/05/2022, Phụ lục 1")),
            description: None,
            precision: 4,
            missing: MissingPolicy::Zero,
            min_availability: 0.0,
            indices: Some(vec![s("DTI"), s("CQS"), s("KTS"), s("XHS")]),
            weights: map(vec![]),
            indicators: vec![
                IndicatorFile { code: s("I1"), names: names("Nhận thức số", "Digital awareness"), unit: Unit::Score, direction: Direction::Higher, range: None, points: Some(100.0), rule: Rule::Score, description: None, denominator: None, target: None },
                IndicatorFile { code: s("I2"), names: names("Thể chế số", "Digital institutions"), unit: Unit::Score, direction: Direction::Higher, range: None, points: Some(100.0), rule: Rule::Score, description: None, denominator: None, target: None },
                IndicatorFile { code: s("I3"), names: names("Hạ tầng số", "Digital infrastructure"), unit: Unit::Score, direction: Direction::Higher, range: None, points: Some(100.0), rule: Rule::Score, description: None, denominator: None, target: None },
                IndicatorFile { code: s("I4"), names: names("Nhân lực số", "Digital human resources"), unit: Unit::Score, direction: Direction::Higher, range: None, points: Some(100.0), rule: Rule::Score, description: None, denominator: None, target: None },
                IndicatorFile { code: s("I5"), names: names("An toàn thông tin mạng", "Cyber security"), unit: Unit::Score, direction: Direction::Higher, range: None, points: Some(100.0), rule: Rule::Score, description: None, denominator: None, target: None },
                IndicatorFile { code: s("I6"), names: names("Đô thị thông minh", "Smart city"), unit: Unit::Score, direction: Direction::Higher, range: None, points: Some(0.0), rule: Rule::Score, description: Some(names("Được báo cáo nhưng không tính điểm", "Reported, not scored")), denominator: None, target: None },
                IndicatorFile { code: s("I7"), names: names("Hoạt động chính quyền số", "Digital-government activity"), unit: Unit::Score, direction: Direction::Higher, range: None, points: Some(200.0), rule: Rule::Score, description: None, denominator: None, target: None },
                IndicatorFile { code: s("I8"), names: names("Hoạt động kinh tế số", "Digital-economy activity"), unit: Unit::Score, direction: Direction::Higher, range: None, points: Some(150.0), rule: Rule::Score, description: None, denominator: None, target: None },
                IndicatorFile { code: s("I9"), names: names("Hoạt động xã hội số", "Digital-society activity"), unit: Unit::Score, direction: Direction::Higher, range: None, points: Some(150.0), rule: Rule::Score, description: None, denominator: None, target: None },
            ],
            aggregates: vec![
                AggregateFile { code: s("CQS"), names: names("Chính quyền số", "Digital government"), method: s("arithmetic"), p: None, points: Some(700.0), children: vec![child("I1", 100.0), child("I2", 100.0), child("I3", 100.0), child("I4", 100.0), child("I5", 100.0), child("I6", 0.0), child("I7", 200.0)], description: None },
                AggregateFile { code: s("KTS"), names: names("Kinh tế số", "Digital economy"), method: s("arithmetic"), p: None, points: Some(650.0), children: vec![child("I1", 100.0), child("I2", 100.0), child("I3", 100.0), child("I4", 100.0), child("I5", 100.0), child("I8", 150.0)], description: None },
                AggregateFile { code: s("XHS"), names: names("Xã hội số", "Digital society"), method: s("arithmetic"), p: None, points: Some(650.0), children: vec![child("I1", 100.0), child("I2", 100.0), child("I3", 100.0), child("I4", 100.0), child("I5", 100.0), child("I9", 150.0)], description: None },
                AggregateFile { code: s("DTI"), names: names("Chỉ số chuyển đổi số cấp tỉnh", "Provincial Digital Transformation Index"), method: s("arithmetic"), p: None, points: Some(1000.0), children: vec![child("I1", 100.0), child("I2", 100.0), child("I3", 100.0), child("I4", 100.0), child("I5", 100.0), child("I7", 200.0), child("I8", 150.0), child("I9", 150.0)], description: None },
            ],
            references: vec![
                Reference { names: names("Trung bình cả nước 2021", "National average 2021"), year: Some(2021), values: map(vec![("DTI", 0.4014)]) },
                Reference { names: names("Trung bình cả nước 2022", "National average 2022"), year: Some(2022), values: map(vec![("DTI", 0.5786)]) },
                Reference { names: names("Trung bình cả nước 2023", "National average 2023"), year: Some(2023), values: map(vec![("CQS", 0.724), ("DTI", 0.6783), ("KTS", 0.6817), ("XHS", 0.6783)]) },
            ],
            #[cfg(feature = "pipeline")]
            pipeline: None,
            #[cfg(not(feature = "pipeline"))]
            _pipeline: None,
        },
        "dti-province-2020" => FrameworkFile {
            id: s("dti-province-2020"),
            names: names("Chỉ số chuyển đổi số cấp tỉnh, phương pháp 2020 (Quyết định 1726/QĐ-BTTTT)", "Provincial Digital Transformation Index, 2020 method"),
            source: Some(s("1726/QĐ-BTTTT, 12/10/2020")),
            description: None,
            precision: 4,
            missing: MissingPolicy::Zero,
            min_availability: 0.0,
            indices: Some(vec![s("DTI")]),
            weights: map(vec![]),
            indicators: vec![
                IndicatorFile { code: s("CQS"), names: names("Chính quyền số", "Digital government"), unit: Unit::Score, direction: Direction::Higher, range: None, points: Some(400.0), rule: Rule::Score, description: None, denominator: None, target: None },
                IndicatorFile { code: s("KTS"), names: names("Kinh tế số", "Digital economy"), unit: Unit::Score, direction: Direction::Higher, range: None, points: Some(300.0), rule: Rule::Score, description: None, denominator: None, target: None },
                IndicatorFile { code: s("XHS"), names: names("Xã hội số", "Digital society"), unit: Unit::Score, direction: Direction::Higher, range: None, points: Some(300.0), rule: Rule::Score, description: None, denominator: None, target: None },
            ],
            aggregates: vec![
                AggregateFile { code: s("DTI"), names: names("Chỉ số chuyển đổi số cấp tỉnh", "Provincial Digital Transformation Index"), method: s("arithmetic"), p: None, points: Some(1000.0), children: vec![child("CQS", 400.0), child("KTS", 300.0), child("XHS", 300.0)], description: None },
            ],
            references: vec![
                Reference { names: names("Trung bình cả nước 2020", "National average 2020"), year: Some(2020), values: map(vec![("DTI", 0.3026)]) },
            ],
            #[cfg(feature = "pipeline")]
            pipeline: None,
            #[cfg(not(feature = "pipeline"))]
            _pipeline: None,
        },
        "illustrative-monitoring" => FrameworkFile {
            id: s("illustrative-monitoring"),
            names: names("Bộ chỉ tiêu theo dõi chuyển đổi số cấp tỉnh (minh họa, không phải bộ chỉ số chính thức)", "Provincial digital-transformation monitoring framework (illustrative, not the official index)"),
            source: None,
            description: None,
            precision: 4,
            missing: MissingPolicy::Zero,
            min_availability: 0.0,
            indices: Some(vec![s("TOTAL"), s("CQS"), s("KTS"), s("XHS")]),
            weights: map(vec![]),
            indicators: vec![
                IndicatorFile { code: s("CQS.ontime"), names: names("Tỷ lệ hồ sơ thủ tục hành chính giải quyết trước và đúng hạn", "Administrative dossiers settled early or on time"), unit: Unit::Percent, direction: Direction::Higher, range: None, points: Some(20.0), rule: Rule::Rate { cap: true }, description: None, denominator: None, target: None },
                IndicatorFile { code: s("CQS.late"), names: names("Tỷ lệ hồ sơ giải quyết trễ hạn", "Dossiers settled late"), unit: Unit::Percent, direction: Direction::Lower, range: None, points: Some(10.0), rule: Rule::Goalposts { low: 0.0, high: 5.0, scale: 1.0, clip: true }, description: Some(names("Mốc 0–5% là giả định minh họa", "Goalposts 0–5 % are an illustrative assumption")), denominator: None, target: None },
                IndicatorFile { code: s("CQS.paperless"), names: names("Dịch vụ công trực tuyến được phê duyệt không tiếp nhận hồ sơ giấy", "Online public services approved to accept no paper dossiers"), unit: Unit::Share, direction: Direction::Higher, range: None, points: Some(20.0), rule: Rule::Rate { cap: true }, description: None, denominator: None, target: None },
                IndicatorFile { code: s("CQS.essential"), names: names("Dịch vụ công thiết yếu của Chính phủ đã triển khai", "The Government's essential online public services deployed"), unit: Unit::Share, direction: Direction::Higher, range: None, points: Some(20.0), rule: Rule::Rate { cap: true }, description: None, denominator: None, target: None },
                IndicatorFile { code: s("CQS.group14"), names: names("Dịch vụ công thuộc nhóm 14 của các sở đã triển khai", "Department services in the group of 14 deployed"), unit: Unit::Share, direction: Direction::Higher, range: None, points: Some(10.0), rule: Rule::Rate { cap: true }, description: None, denominator: None, target: None },
                IndicatorFile { code: s("CQS.centres"), names: names("Trung tâm phục vụ hành chính công cấp huyện đã thành lập", "District public-administration service centres established"), unit: Unit::Share, direction: Direction::Higher, range: None, points: Some(10.0), rule: Rule::Rate { cap: true }, description: None, denominator: None, target: None },
                IndicatorFile { code: s("CQS.satisfaction"), names: names("Mức độ hài lòng của người dân, doanh nghiệp về thủ tục hành chính", "Citizen and business satisfaction with administrative procedures"), unit: Unit::Percent, direction: Direction::Higher, range: None, points: Some(10.0), rule: Rule::Rate { cap: true }, description: None, denominator: None, target: None },
                IndicatorFile { code: s("KTS.platforms"), names: names("Tỷ lệ doanh nghiệp sử dụng nền tảng số", "Enterprises using digital platforms"), unit: Unit::Share, direction: Direction::Higher, range: None, points: Some(40.0), rule: Rule::Rate { cap: true }, description: None, denominator: None, target: None },
                IndicatorFile { code: s("KTS.tech_firms"), names: names("Doanh nghiệp cung cấp, kinh doanh hàng hóa, dịch vụ điện, điện tử, CNTT, công nghệ số", "Enterprises providing electrical, electronic, IT and digital-technology goods and services"), unit: Unit::Count, direction: Direction::Higher, range: None, points: Some(20.0), rule: Rule::Target { target: 1500.0 }, description: Some(names("Mục tiêu 1.500 doanh nghiệp là giả định minh họa", "The target of 1,500 enterprises is an illustrative assumption")), denominator: None, target: None },
                IndicatorFile { code: s("KTS.tech_workers"), names: names("Lao động trong các doanh nghiệp công nghệ số", "Workers in digital-technology enterprises"), unit: Unit::Count, direction: Direction::Higher, range: None, points: Some(20.0), rule: Rule::Goalposts { low: 0.0, high: 100000.0, scale: 1.0, clip: true }, description: Some(names("Mốc 0–100.000 lao động là giả định minh họa", "Goalposts 0–100,000 workers are an illustrative assumption")), denominator: None, target: None },
                IndicatorFile { code: s("KTS.business_online"), names: names("Tỷ lệ trực tuyến: đăng ký kinh doanh ngành nghề có điều kiện về an ninh trật tự và con dấu", "Online share: conditional business registration (security and order) and seals"), unit: Unit::Percent, direction: Direction::Higher, range: None, points: Some(20.0), rule: Rule::Rate { cap: true }, description: None, denominator: None, target: None },
                IndicatorFile { code: s("XHS.permanent_residence"), names: names("Tỷ lệ trực tuyến: đăng ký thường trú", "Online share: permanent-residence registration"), unit: Unit::Percent, direction: Direction::Higher, range: None, points: Some(20.0), rule: Rule::Rate { cap: true }, description: None, denominator: None, target: None },
                IndicatorFile { code: s("XHS.temporary_residence"), names: names("Tỷ lệ trực tuyến: đăng ký tạm trú", "Online share: temporary-residence registration"), unit: Unit::Percent, direction: Direction::Higher, range: None, points: Some(20.0), rule: Rule::Rate { cap: true }, description: None, denominator: None, target: None },
                IndicatorFile { code: s("XHS.stay_notice"), names: names("Tỷ lệ trực tuyến: thông báo lưu trú", "Online share: stay notification"), unit: Unit::Percent, direction: Direction::Higher, range: None, points: Some(20.0), rule: Rule::Rate { cap: true }, description: None, denominator: None, target: None },
                IndicatorFile { code: s("XHS.passports"), names: names("Tỷ lệ trực tuyến: cấp hộ chiếu phổ thông", "Online share: ordinary passports"), unit: Unit::Percent, direction: Direction::Higher, range: None, points: Some(20.0), rule: Rule::Rate { cap: true }, description: None, denominator: None, target: None },
                IndicatorFile { code: s("XHS.insurance_education"), names: names("Hồ sơ trực tuyến các dịch vụ do Bảo hiểm xã hội và Sở Giáo dục chủ trì", "Online dossiers of services led by Social Insurance and the Department of Education"), unit: Unit::Percent, direction: Direction::Higher, range: None, points: Some(20.0), rule: Rule::Rate { cap: true }, description: None, denominator: None, target: None },
                IndicatorFile { code: s("XHS.ioc"), names: names("Trung tâm điều hành thông minh (IOC) đang vận hành", "An intelligent operations centre (IOC) is running"), unit: Unit::YesNo, direction: Direction::Higher, range: None, points: Some(10.0), rule: Rule::YesNo, description: None, denominator: None, target: None },
            ],
            aggregates: vec![
                AggregateFile { code: s("CQS"), names: names("Chính quyền số", "Digital government"), method: s("arithmetic"), p: None, points: Some(100.0), children: vec![child("CQS.ontime", 20.0), child("CQS.late", 10.0), child("CQS.paperless", 20.0), child("CQS.essential", 20.0), child("CQS.group14", 10.0), child("CQS.centres", 10.0), child("CQS.satisfaction", 10.0)], description: None },
                AggregateFile { code: s("KTS"), names: names("Kinh tế số", "Digital economy"), method: s("arithmetic"), p: None, points: Some(100.0), children: vec![child("KTS.platforms", 40.0), child("KTS.tech_firms", 20.0), child("KTS.tech_workers", 20.0), child("KTS.business_online", 20.0)], description: None },
                AggregateFile { code: s("XHS"), names: names("Xã hội số", "Digital society"), method: s("arithmetic"), p: None, points: Some(110.0), children: vec![child("XHS.permanent_residence", 20.0), child("XHS.temporary_residence", 20.0), child("XHS.stay_notice", 20.0), child("XHS.passports", 20.0), child("XHS.insurance_education", 20.0), child("XHS.ioc", 10.0)], description: None },
                AggregateFile { code: s("TOTAL"), names: names("Tổng hợp (minh họa)", "Total (illustrative)"), method: s("arithmetic"), p: None, points: None, children: vec![child("CQS", 1.0), child("KTS", 1.0), child("XHS", 1.0)], description: None },
            ],
            references: vec![
            ],
            #[cfg(feature = "pipeline")]
            pipeline: None,
            #[cfg(not(feature = "pipeline"))]
            _pipeline: None,
        },
        _ => return None,
    })
}
