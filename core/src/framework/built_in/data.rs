//! The embedded frameworks as static tables (see `built_in.rs`). Written by
//! `dti_core::framework::built_in_source`; do not edit. After a file of `indicators/` changes,
//! `DTI_UPDATE_EMBEDDED=1 cargo test -p dti-tests --test embedded` writes it again (the test
//! fails while it is stale).
#![allow(clippy::excessive_precision, clippy::approx_constant)]

use super::{Built, Kind, Row};
use crate::aggregation::Aggregation;
use crate::framework::{Direction, MissingPolicy, Unit};
use crate::rule::Rule;

pub(super) static FRAMEWORKS: &[Built] = &[
    Built {
        id: "dti-province-2022",
        names: ("Chỉ số chuyển đổi số cấp tỉnh (Quyết định 922/QĐ-BTTTT)", "Provincial Digital Transformation Index (Decision 922/QĐ-BTTTT)"),
        description: None,
        source: Some("922/QĐ-BTTTT, 20/05/2022, Phụ lục 1"),
        precision: 4,
        missing: MissingPolicy::Zero,
        min_availability: 0.0,
        nodes: &[
            Row { code: "I1", names: ("Nhận thức số", "Digital awareness"), unit: Unit::Score, direction: Direction::Higher, range: (0.0, 1.0), points: Some(100.0), description: None, denominator: None, target: None, parents: &[(9, 100.0), (10, 100.0), (11, 100.0), (12, 100.0)], kind: Kind::Indicator(|| Rule::Score) },
            Row { code: "I2", names: ("Thể chế số", "Digital institutions"), unit: Unit::Score, direction: Direction::Higher, range: (0.0, 1.0), points: Some(100.0), description: None, denominator: None, target: None, parents: &[(9, 100.0), (10, 100.0), (11, 100.0), (12, 100.0)], kind: Kind::Indicator(|| Rule::Score) },
            Row { code: "I3", names: ("Hạ tầng số", "Digital infrastructure"), unit: Unit::Score, direction: Direction::Higher, range: (0.0, 1.0), points: Some(100.0), description: None, denominator: None, target: None, parents: &[(9, 100.0), (10, 100.0), (11, 100.0), (12, 100.0)], kind: Kind::Indicator(|| Rule::Score) },
            Row { code: "I4", names: ("Nhân lực số", "Digital human resources"), unit: Unit::Score, direction: Direction::Higher, range: (0.0, 1.0), points: Some(100.0), description: None, denominator: None, target: None, parents: &[(9, 100.0), (10, 100.0), (11, 100.0), (12, 100.0)], kind: Kind::Indicator(|| Rule::Score) },
            Row { code: "I5", names: ("An toàn thông tin mạng", "Cyber security"), unit: Unit::Score, direction: Direction::Higher, range: (0.0, 1.0), points: Some(100.0), description: None, denominator: None, target: None, parents: &[(9, 100.0), (10, 100.0), (11, 100.0), (12, 100.0)], kind: Kind::Indicator(|| Rule::Score) },
            Row { code: "I6", names: ("Đô thị thông minh", "Smart city"), unit: Unit::Score, direction: Direction::Higher, range: (0.0, 1.0), points: Some(0.0), description: Some(("Được báo cáo nhưng không tính điểm", "Reported, not scored")), denominator: None, target: None, parents: &[(9, 0.0)], kind: Kind::Indicator(|| Rule::Score) },
            Row { code: "I7", names: ("Hoạt động chính quyền số", "Digital-government activity"), unit: Unit::Score, direction: Direction::Higher, range: (0.0, 1.0), points: Some(200.0), description: None, denominator: None, target: None, parents: &[(9, 200.0), (12, 200.0)], kind: Kind::Indicator(|| Rule::Score) },
            Row { code: "I8", names: ("Hoạt động kinh tế số", "Digital-economy activity"), unit: Unit::Score, direction: Direction::Higher, range: (0.0, 1.0), points: Some(150.0), description: None, denominator: None, target: None, parents: &[(10, 150.0), (12, 150.0)], kind: Kind::Indicator(|| Rule::Score) },
            Row { code: "I9", names: ("Hoạt động xã hội số", "Digital-society activity"), unit: Unit::Score, direction: Direction::Higher, range: (0.0, 1.0), points: Some(150.0), description: None, denominator: None, target: None, parents: &[(11, 150.0), (12, 150.0)], kind: Kind::Indicator(|| Rule::Score) },
            Row { code: "CQS", names: ("Chính quyền số", "Digital government"), unit: Unit::Score, direction: Direction::Higher, range: (0.0, 1.0), points: Some(700.0), description: None, denominator: None, target: None, parents: &[], kind: Kind::Aggregate(Aggregation::Arithmetic, &[(0, 100.0), (1, 100.0), (2, 100.0), (3, 100.0), (4, 100.0), (5, 0.0), (6, 200.0)]) },
            Row { code: "KTS", names: ("Kinh tế số", "Digital economy"), unit: Unit::Score, direction: Direction::Higher, range: (0.0, 1.0), points: Some(650.0), description: None, denominator: None, target: None, parents: &[], kind: Kind::Aggregate(Aggregation::Arithmetic, &[(0, 100.0), (1, 100.0), (2, 100.0), (3, 100.0), (4, 100.0), (7, 150.0)]) },
            Row { code: "XHS", names: ("Xã hội số", "Digital society"), unit: Unit::Score, direction: Direction::Higher, range: (0.0, 1.0), points: Some(650.0), description: None, denominator: None, target: None, parents: &[], kind: Kind::Aggregate(Aggregation::Arithmetic, &[(0, 100.0), (1, 100.0), (2, 100.0), (3, 100.0), (4, 100.0), (8, 150.0)]) },
            Row { code: "DTI", names: ("Chỉ số chuyển đổi số cấp tỉnh", "Provincial Digital Transformation Index"), unit: Unit::Score, direction: Direction::Higher, range: (0.0, 1.0), points: Some(1000.0), description: None, denominator: None, target: None, parents: &[], kind: Kind::Aggregate(Aggregation::Arithmetic, &[(0, 100.0), (1, 100.0), (2, 100.0), (3, 100.0), (4, 100.0), (6, 200.0), (7, 150.0), (8, 150.0)]) },
        ],
        indices: &[12, 9, 10, 11],
        references: &[
            (("Trung bình cả nước 2021", "National average 2021"), Some(2021), &[("DTI", 0.4014)]),
            (("Trung bình cả nước 2022", "National average 2022"), Some(2022), &[("DTI", 0.5786)]),
            (("Trung bình cả nước 2023", "National average 2023"), Some(2023), &[("CQS", 0.724), ("DTI", 0.6783), ("KTS", 0.6817), ("XHS", 0.6783)]),
        ],
        weight_sets: &[
        ],
        levels: &[1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2],
        leaf_positions: &[Some(0), Some(1), Some(2), Some(3), Some(4), Some(5), Some(6), Some(7), Some(8), None, None, None, None],
    },
    Built {
        id: "dti-province-2020",
        names: ("Chỉ số chuyển đổi số cấp tỉnh, phương pháp 2020 (Quyết định 1726/QĐ-BTTTT)", "Provincial Digital Transformation Index, 2020 method"),
        description: None,
        source: Some("1726/QĐ-BTTTT, 12/10/2020"),
        precision: 4,
        missing: MissingPolicy::Zero,
        min_availability: 0.0,
        nodes: &[
            Row { code: "CQS", names: ("Chính quyền số", "Digital government"), unit: Unit::Score, direction: Direction::Higher, range: (0.0, 1.0), points: Some(400.0), description: None, denominator: None, target: None, parents: &[(3, 400.0)], kind: Kind::Indicator(|| Rule::Score) },
            Row { code: "KTS", names: ("Kinh tế số", "Digital economy"), unit: Unit::Score, direction: Direction::Higher, range: (0.0, 1.0), points: Some(300.0), description: None, denominator: None, target: None, parents: &[(3, 300.0)], kind: Kind::Indicator(|| Rule::Score) },
            Row { code: "XHS", names: ("Xã hội số", "Digital society"), unit: Unit::Score, direction: Direction::Higher, range: (0.0, 1.0), points: Some(300.0), description: None, denominator: None, target: None, parents: &[(3, 300.0)], kind: Kind::Indicator(|| Rule::Score) },
            Row { code: "DTI", names: ("Chỉ số chuyển đổi số cấp tỉnh", "Provincial Digital Transformation Index"), unit: Unit::Score, direction: Direction::Higher, range: (0.0, 1.0), points: Some(1000.0), description: None, denominator: None, target: None, parents: &[], kind: Kind::Aggregate(Aggregation::Arithmetic, &[(0, 400.0), (1, 300.0), (2, 300.0)]) },
        ],
        indices: &[3],
        references: &[
            (("Trung bình cả nước 2020", "National average 2020"), Some(2020), &[("DTI", 0.3026)]),
        ],
        weight_sets: &[
        ],
        levels: &[1, 1, 1, 2],
        leaf_positions: &[Some(0), Some(1), Some(2), None],
    },
    Built {
        id: "illustrative-monitoring",
        names: ("Bộ chỉ tiêu theo dõi chuyển đổi số cấp tỉnh (minh họa, không phải bộ chỉ số chính thức)", "Provincial digital-transformation monitoring framework (illustrative, not the official index)"),
        description: None,
        source: None,
        precision: 4,
        missing: MissingPolicy::Zero,
        min_availability: 0.0,
        nodes: &[
            Row { code: "CQS.ontime", names: ("Tỷ lệ hồ sơ thủ tục hành chính giải quyết trước và đúng hạn", "Administrative dossiers settled early or on time"), unit: Unit::Percent, direction: Direction::Higher, range: (0.0, 100.0), points: Some(20.0), description: None, denominator: None, target: None, parents: &[(17, 20.0)], kind: Kind::Indicator(|| Rule::Rate { cap: true }) },
            Row { code: "CQS.late", names: ("Tỷ lệ hồ sơ giải quyết trễ hạn", "Dossiers settled late"), unit: Unit::Percent, direction: Direction::Lower, range: (0.0, 100.0), points: Some(10.0), description: Some(("Mốc 0–5% là giả định minh họa", "Goalposts 0–5 % are an illustrative assumption")), denominator: None, target: None, parents: &[(17, 10.0)], kind: Kind::Indicator(|| Rule::Goalposts { low: 0.0, high: 5.0, scale: 1.0, clip: true }) },
            Row { code: "CQS.paperless", names: ("Dịch vụ công trực tuyến được phê duyệt không tiếp nhận hồ sơ giấy", "Online public services approved to accept no paper dossiers"), unit: Unit::Share, direction: Direction::Higher, range: (0.0, 1.0), points: Some(20.0), description: None, denominator: None, target: None, parents: &[(17, 20.0)], kind: Kind::Indicator(|| Rule::Rate { cap: true }) },
            Row { code: "CQS.essential", names: ("Dịch vụ công thiết yếu của Chính phủ đã triển khai", "The Government's essential online public services deployed"), unit: Unit::Share, direction: Direction::Higher, range: (0.0, 1.0), points: Some(20.0), description: None, denominator: None, target: None, parents: &[(17, 20.0)], kind: Kind::Indicator(|| Rule::Rate { cap: true }) },
            Row { code: "CQS.group14", names: ("Dịch vụ công thuộc nhóm 14 của các sở đã triển khai", "Department services in the group of 14 deployed"), unit: Unit::Share, direction: Direction::Higher, range: (0.0, 1.0), points: Some(10.0), description: None, denominator: None, target: None, parents: &[(17, 10.0)], kind: Kind::Indicator(|| Rule::Rate { cap: true }) },
            Row { code: "CQS.centres", names: ("Trung tâm phục vụ hành chính công cấp huyện đã thành lập", "District public-administration service centres established"), unit: Unit::Share, direction: Direction::Higher, range: (0.0, 1.0), points: Some(10.0), description: None, denominator: None, target: None, parents: &[(17, 10.0)], kind: Kind::Indicator(|| Rule::Rate { cap: true }) },
            Row { code: "CQS.satisfaction", names: ("Mức độ hài lòng của người dân, doanh nghiệp về thủ tục hành chính", "Citizen and business satisfaction with administrative procedures"), unit: Unit::Percent, direction: Direction::Higher, range: (0.0, 100.0), points: Some(10.0), description: None, denominator: None, target: None, parents: &[(17, 10.0)], kind: Kind::Indicator(|| Rule::Rate { cap: true }) },
            Row { code: "KTS.platforms", names: ("Tỷ lệ doanh nghiệp sử dụng nền tảng số", "Enterprises using digital platforms"), unit: Unit::Share, direction: Direction::Higher, range: (0.0, 1.0), points: Some(40.0), description: None, denominator: None, target: None, parents: &[(18, 40.0)], kind: Kind::Indicator(|| Rule::Rate { cap: true }) },
            Row { code: "KTS.tech_firms", names: ("Doanh nghiệp cung cấp, kinh doanh hàng hóa, dịch vụ điện, điện tử, CNTT, công nghệ số", "Enterprises providing electrical, electronic, IT and digital-technology goods and services"), unit: Unit::Count, direction: Direction::Higher, range: (0.0, f64::INFINITY), points: Some(20.0), description: Some(("Mục tiêu 1.500 doanh nghiệp là giả định minh họa", "The target of 1,500 enterprises is an illustrative assumption")), denominator: None, target: None, parents: &[(18, 20.0)], kind: Kind::Indicator(|| Rule::Target { target: 1500.0 }) },
            Row { code: "KTS.tech_workers", names: ("Lao động trong các doanh nghiệp công nghệ số", "Workers in digital-technology enterprises"), unit: Unit::Count, direction: Direction::Higher, range: (0.0, f64::INFINITY), points: Some(20.0), description: Some(("Mốc 0–100.000 lao động là giả định minh họa", "Goalposts 0–100,000 workers are an illustrative assumption")), denominator: None, target: None, parents: &[(18, 20.0)], kind: Kind::Indicator(|| Rule::Goalposts { low: 0.0, high: 100000.0, scale: 1.0, clip: true }) },
            Row { code: "KTS.business_online", names: ("Tỷ lệ trực tuyến: đăng ký kinh doanh ngành nghề có điều kiện về an ninh trật tự và con dấu", "Online share: conditional business registration (security and order) and seals"), unit: Unit::Percent, direction: Direction::Higher, range: (0.0, 100.0), points: Some(20.0), description: None, denominator: None, target: None, parents: &[(18, 20.0)], kind: Kind::Indicator(|| Rule::Rate { cap: true }) },
            Row { code: "XHS.permanent_residence", names: ("Tỷ lệ trực tuyến: đăng ký thường trú", "Online share: permanent-residence registration"), unit: Unit::Percent, direction: Direction::Higher, range: (0.0, 100.0), points: Some(20.0), description: None, denominator: None, target: None, parents: &[(19, 20.0)], kind: Kind::Indicator(|| Rule::Rate { cap: true }) },
            Row { code: "XHS.temporary_residence", names: ("Tỷ lệ trực tuyến: đăng ký tạm trú", "Online share: temporary-residence registration"), unit: Unit::Percent, direction: Direction::Higher, range: (0.0, 100.0), points: Some(20.0), description: None, denominator: None, target: None, parents: &[(19, 20.0)], kind: Kind::Indicator(|| Rule::Rate { cap: true }) },
            Row { code: "XHS.stay_notice", names: ("Tỷ lệ trực tuyến: thông báo lưu trú", "Online share: stay notification"), unit: Unit::Percent, direction: Direction::Higher, range: (0.0, 100.0), points: Some(20.0), description: None, denominator: None, target: None, parents: &[(19, 20.0)], kind: Kind::Indicator(|| Rule::Rate { cap: true }) },
            Row { code: "XHS.passports", names: ("Tỷ lệ trực tuyến: cấp hộ chiếu phổ thông", "Online share: ordinary passports"), unit: Unit::Percent, direction: Direction::Higher, range: (0.0, 100.0), points: Some(20.0), description: None, denominator: None, target: None, parents: &[(19, 20.0)], kind: Kind::Indicator(|| Rule::Rate { cap: true }) },
            Row { code: "XHS.insurance_education", names: ("Hồ sơ trực tuyến các dịch vụ do Bảo hiểm xã hội và Sở Giáo dục chủ trì", "Online dossiers of services led by Social Insurance and the Department of Education"), unit: Unit::Percent, direction: Direction::Higher, range: (0.0, 100.0), points: Some(20.0), description: None, denominator: None, target: None, parents: &[(19, 20.0)], kind: Kind::Indicator(|| Rule::Rate { cap: true }) },
            Row { code: "XHS.ioc", names: ("Trung tâm điều hành thông minh (IOC) đang vận hành", "An intelligent operations centre (IOC) is running"), unit: Unit::YesNo, direction: Direction::Higher, range: (0.0, 1.0), points: Some(10.0), description: None, denominator: None, target: None, parents: &[(19, 10.0)], kind: Kind::Indicator(|| Rule::YesNo) },
            Row { code: "CQS", names: ("Chính quyền số", "Digital government"), unit: Unit::Score, direction: Direction::Higher, range: (0.0, 1.0), points: Some(100.0), description: None, denominator: None, target: None, parents: &[(20, 1.0)], kind: Kind::Aggregate(Aggregation::Arithmetic, &[(0, 20.0), (1, 10.0), (2, 20.0), (3, 20.0), (4, 10.0), (5, 10.0), (6, 10.0)]) },
            Row { code: "KTS", names: ("Kinh tế số", "Digital economy"), unit: Unit::Score, direction: Direction::Higher, range: (0.0, 1.0), points: Some(100.0), description: None, denominator: None, target: None, parents: &[(20, 1.0)], kind: Kind::Aggregate(Aggregation::Arithmetic, &[(7, 40.0), (8, 20.0), (9, 20.0), (10, 20.0)]) },
            Row { code: "XHS", names: ("Xã hội số", "Digital society"), unit: Unit::Score, direction: Direction::Higher, range: (0.0, 1.0), points: Some(110.0), description: None, denominator: None, target: None, parents: &[(20, 1.0)], kind: Kind::Aggregate(Aggregation::Arithmetic, &[(11, 20.0), (12, 20.0), (13, 20.0), (14, 20.0), (15, 20.0), (16, 10.0)]) },
            Row { code: "TOTAL", names: ("Tổng hợp (minh họa)", "Total (illustrative)"), unit: Unit::Score, direction: Direction::Higher, range: (0.0, 1.0), points: None, description: None, denominator: None, target: None, parents: &[], kind: Kind::Aggregate(Aggregation::Arithmetic, &[(17, 1.0), (18, 1.0), (19, 1.0)]) },
        ],
        indices: &[20, 17, 18, 19],
        references: &[
        ],
        weight_sets: &[
        ],
        levels: &[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 3],
        leaf_positions: &[Some(0), Some(1), Some(2), Some(3), Some(4), Some(5), Some(6), Some(7), Some(8), Some(9), Some(10), Some(11), Some(12), Some(13), Some(14), Some(15), Some(16), None, None, None, None],
    },
];
