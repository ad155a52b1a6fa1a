//! Every word the tool shows, in Vietnamese and English. Messages about data come from the
//! core (`Diagnostic::message`); this module holds the tool's own.

use dti_core::{Aggregation, Lang, Rule, Severity, Status};

macro_rules! labels {
    ($($(#[$doc:meta])* $name:ident => $vi:expr, $en:expr;)*) => {
        $(
            $(#[$doc])*
            pub fn $name(lang: Lang) -> &'static str {
                lang.pick($vi, $en)
            }
        )*
    };
}

labels! {
    /// Column: a code.
    code => "Mã", "Code";
    /// Column: a name.
    name => "Tên", "Name";
    /// Column: a value.
    value => "Giá trị", "Value";
    /// Column: a rank.
    rank => "Hạng", "Rank";
    /// Column: points.
    points => "Điểm", "Points";
    /// Column: maximum points.
    max_points => "Điểm tối đa", "Max points";
    /// Column: points lost.
    points_lost => "Điểm bị mất", "Points lost";
    /// Column: the unit's code.
    unit => "Mã đơn vị", "Unit";
    /// Column: the unit's name.
    unit_name => "Tên đơn vị", "Unit name";
    /// Column: the year.
    year => "Năm", "Year";
    /// Column: a node's code.
    node => "Chỉ số", "Node";
    /// Column: a node's name.
    node_name => "Tên chỉ số", "Node name";
    /// Column: a status.
    status_label => "Tình trạng", "Status";
    /// Sheet name of results.
    results => "Kết quả", "Results";
    /// The word before a hint.
    hint_label => "gợi ý", "hint";
    /// Column: an indicator's unit of measure.
    measure => "Đơn vị đo", "Measure";
    /// Column: an allowed range.
    range => "Khoảng cho phép", "Range";
    /// Column: a kind of node.
    kind => "Loại", "Kind";
    /// Kind: an indicator.
    indicator_kind => "chỉ tiêu", "indicator";
    /// Kind: an aggregate.
    aggregate_kind => "tổng hợp", "aggregate";
    /// Kind: an index.
    index_kind => "chỉ số", "index";
    /// Column: what counts toward a node.
    children => "Thành phần", "Made of";
    /// Column: a scoring rule.
    rule => "Cách chấm", "Scoring";
    /// Column: the previous value.
    old_value => "Giá trị cũ", "Old value";
    /// Column: the new value.
    new_value => "Giá trị mới", "New value";
    /// Column: a change.
    change => "Thay đổi", "Change";
    /// Column: the previous rank.
    old_rank => "Hạng cũ", "Old rank";
    /// Column: the new rank.
    new_rank => "Hạng mới", "New rank";
    /// Column: a rank move.
    rank_move => "Thay đổi hạng", "Rank move";
    /// Sheet name of a comparison.
    comparison => "So sánh", "Comparison";
    /// Column: an identifier.
    id => "Mã bộ chỉ số", "Id";
    /// Column: a legal source.
    source => "Văn bản", "Source";
    /// Column: indicators.
    indicators => "Chỉ tiêu", "Indicators";
    /// Column: indices.
    indices => "Chỉ số", "Indices";
    /// Column: a data set's file.
    file => "Tệp", "File";
    /// Column: a framework.
    framework => "Bộ chỉ số", "Framework";
    /// Marks the default framework.
    default_mark => "mặc định", "default";
    /// Heading: embedded frameworks.
    embedded_frameworks => "Các bộ chỉ số có sẵn", "Embedded frameworks";
    /// Heading: embedded data sets.
    embedded_data => "Các bộ dữ liệu có sẵn", "Embedded data sets";
    /// Column: a score.
    score => "Điểm chỉ tiêu", "Score";
    /// Column: the gain if an indicator reached its maximum.
    gain_if_full => "Tăng nếu đạt tối đa", "Gain if full";
    /// Column: the gain of one step.
    gain => "Mức tăng", "Gain";
    /// Column: from → to.
    from_to => "Từ → đến", "From → to";
    /// Unit not present.
    absent => "không có", "absent";
    /// A unit only in the new data.
    new_unit => "mới", "new";
    /// A unit only in the old data.
    gone_unit => "không còn", "gone";
    /// Column: the national average.
    average => "Trung bình", "Average";
}

/// Headers from label functions.
pub fn columns(lang: Lang, labels: &[fn(Lang) -> &'static str]) -> Vec<String> {
    labels.iter().map(|label| label(lang).to_string()).collect()
}

/// Column: a status.
pub fn status(lang: Lang, status: Status) -> &'static str {
    match status {
        Status::Scored => lang.pick("có dữ liệu", "scored"),
        Status::MissingAsZero => lang.pick("thiếu, tính 0", "missing, scored zero"),
        Status::Missing => lang.pick("thiếu", "missing"),
        Status::LowAvailability => lang.pick("thiếu nhiều dữ liệu", "too little data"),
    }
}

/// `error`, `warning`, `note`.
pub fn severity(lang: Lang, severity: Severity) -> &'static str {
    match severity {
        Severity::Error => lang.pick("lỗi", "error"),
        Severity::Warning => lang.pick("cảnh báo", "warning"),
        Severity::Note => lang.pick("ghi chú", "note"),
    }
}

/// The last line when a command fails on data errors.
pub fn failed_with(lang: Lang, errors: usize) -> String {
    match lang {
        Lang::Vi => format!(
            "dừng lại: dữ liệu có {errors} lỗi; sửa rồi chạy lại (`dti check` liệt kê mọi vấn đề)"
        ),
        Lang::En => format!(
            "stopped: the data has {errors} error{}; fix {} and run again (`dti check` lists every problem)",
            plural(errors),
            if errors == 1 { "it" } else { "them" }
        ),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `2 errors, 1 warning, 3 notes`.
pub fn count_summary(lang: Lang, [errors, warnings, notes]: [usize; 3]) -> String {
    match lang {
        Lang::Vi => format!("{errors} lỗi, {warnings} cảnh báo, {notes} ghi chú"),
        Lang::En => format!(
            "{errors} error{}, {warnings} warning{}, {notes} note{}",
            plural(errors),
            plural(warnings),
            plural(notes)
        ),
    }
}

/// The last line of `dti check`.
pub fn check_verdict(lang: Lang, name: &str, units: usize, values: usize, ok: bool) -> String {
    match (lang, ok) {
        (Lang::Vi, true) => format!("{name}: dùng được ({units} đơn vị, {values} giá trị)"),
        (Lang::Vi, false) => format!("{name}: có lỗi, chưa chấm điểm được"),
        (Lang::En, true) => format!(
            "{name}: usable ({units} unit{}, {values} value{})",
            plural(units),
            plural(values)
        ),
        (Lang::En, false) => format!("{name}: has errors and cannot be scored yet"),
    }
}

/// Warnings seen while scoring.
pub fn warnings_summary(lang: Lang, warnings: usize, name: &str) -> String {
    match lang {
        Lang::Vi => format!("dữ liệu có {warnings} cảnh báo; `dti check {name}` liệt kê chi tiết"),
        Lang::En => format!(
            "the data has {warnings} warning{}; `dti check {name}` lists them",
            plural(warnings)
        ),
    }
}

/// Formatting an output failed.
pub fn cannot_format(lang: Lang, what: &str, detail: &str) -> String {
    match lang {
        Lang::Vi => format!("không tạo được {what}: {detail}"),
        Lang::En => format!("cannot write {what}: {detail}"),
    }
}

/// Excel output asked for on a terminal.
pub fn binary_on_terminal(lang: Lang) -> String {
    lang.pick(
        "tệp Excel là dữ liệu nhị phân, không in ra màn hình: dùng -o TỆP.xlsx",
        "an Excel workbook is binary and is not printed on a terminal: use -o FILE.xlsx",
    )
    .into()
}

/// Writing an output failed.
pub fn cannot_write(lang: Lang, name: &str, detail: &str) -> String {
    match lang {
        Lang::Vi => format!("không ghi được {name}: {detail}"),
        Lang::En => format!("cannot write {name}: {detail}"),
    }
}

/// Standard output, in words.
pub fn stdout_name(lang: Lang) -> String {
    lang.pick("đầu ra chuẩn", "standard output").into()
}

/// The output file is an input.
pub fn output_is_input(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Vi => format!("{name} là tệp đầu vào: không ghi đè tệp đầu vào, hãy chọn tên khác"),
        Lang::En => {
            format!("{name} is an input file: inputs are never overwritten, choose another name")
        }
    }
}

/// The output is a folder.
pub fn output_is_dir(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Vi => format!("{name} là thư mục: hãy ghi rõ tên tệp"),
        Lang::En => format!("{name} is a folder: give a file name"),
    }
}

/// The output exists.
pub fn output_exists(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Vi => format!("{name} đã tồn tại: không ghi đè (thêm --force để thay thế)"),
        Lang::En => format!("{name} already exists: not overwritten (add --force to replace it)"),
    }
}

/// Reading an input failed.
pub fn cannot_read(lang: Lang, name: &str, detail: &str) -> String {
    match lang {
        Lang::Vi => format!("không đọc được {name}: {detail}"),
        Lang::En => format!("cannot read {name}: {detail}"),
    }
}

/// An input does not exist.
pub fn not_found(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Vi => format!("không tìm thấy tệp {name}"),
        Lang::En => format!("file {name} not found"),
    }
}

/// An input is a folder.
pub fn input_is_dir(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Vi => format!("{name} là thư mục, không phải tệp dữ liệu"),
        Lang::En => format!("{name} is a folder, not a data file"),
    }
}

/// `--sheet` on a text file.
pub fn sheet_needs_workbook(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Vi => format!("--sheet chỉ dùng cho tệp Excel, còn {name} là tệp văn bản"),
        Lang::En => format!("--sheet is for Excel workbooks, and {name} is a text file"),
    }
}

/// A UTF-16 file was read.
pub fn read_as_utf16(lang: Lang) -> String {
    lang.pick(
        "tệp mã hóa UTF-16 (“Unicode Text” của Excel): đã đọc được",
        "the file is UTF-16 text (Excel's “Unicode Text”): read",
    )
    .into()
}

/// A file that is not UTF-8.
pub fn not_utf8(lang: Lang, byte: u8) -> String {
    match lang {
        Lang::Vi => format!(
            "tệp không mã hóa UTF-8 (byte 0x{byte:02X}): đã đọc theo bảng mã Windows-1258 (tiếng Việt), hãy kiểm tra tên tỉnh"
        ),
        Lang::En => format!(
            "the file is not UTF-8 (byte 0x{byte:02X}): read as Windows-1258 (Vietnamese), check the names"
        ),
    }
}

/// What to do about a file that is not UTF-8.
pub fn not_utf8_hint(lang: Lang) -> String {
    lang.pick(
        "trong Excel chọn Lưu thành → “CSV UTF-8 (Comma delimited)”",
        "in Excel choose Save As → “CSV UTF-8 (Comma delimited)”",
    )
    .into()
}

/// A framework file must be UTF-8.
pub fn framework_utf8_hint(lang: Lang) -> String {
    lang.pick(
        "tệp bộ chỉ số phải mã hóa UTF-8",
        "a framework file must be UTF-8 text",
    )
    .into()
}

/// An unknown framework.
pub fn unknown_framework(lang: Lang, id: &str, known: &[&str]) -> String {
    let known = known.join(", ");
    match lang {
        Lang::Vi => {
            format!("`{id}` không phải bộ chỉ số có sẵn ({known}) cũng không phải tệp TOML/JSON")
        }
        Lang::En => {
            format!("`{id}` is neither an embedded framework ({known}) nor a TOML/JSON file")
        }
    }
}

/// Several units and none chosen.
pub fn choose_unit(lang: Lang, list: &str) -> String {
    match lang {
        Lang::Vi => format!("dữ liệu có nhiều đơn vị: chọn một bằng --unit MÃ ({list})"),
        Lang::En => format!("the data has several units: choose one with --unit CODE ({list})"),
    }
}

/// An unknown unit.
pub fn unknown_unit(lang: Lang, wanted: &str, list: &str) -> String {
    match lang {
        Lang::Vi => format!("không có đơn vị `{wanted}` trong dữ liệu (có: {list})"),
        Lang::En => format!("the data has no unit `{wanted}` (it has: {list})"),
    }
}

/// A workbook that cannot be read.
pub fn bad_workbook(lang: Lang, detail: &str) -> String {
    match lang {
        Lang::Vi => format!("không mở được bảng tính: {detail}"),
        Lang::En => format!("cannot open the workbook: {detail}"),
    }
}

/// What to do about a workbook that cannot be read.
pub fn bad_workbook_hint(lang: Lang) -> String {
    lang.pick(
        "mở tệp trong Excel và lưu lại dạng .xlsx, hoặc lưu thành “CSV UTF-8”",
        "open it in Excel and save it again as .xlsx, or as “CSV UTF-8”",
    )
    .into()
}

/// A workbook without sheets.
pub fn no_sheets(lang: Lang) -> String {
    lang.pick("bảng tính không có trang nào", "the workbook has no sheets")
        .into()
}

/// An unknown sheet.
pub fn unknown_sheet(lang: Lang, file: &str, wanted: &str, names: &[String]) -> String {
    let names = names.join(", ");
    match lang {
        Lang::Vi => format!("{file} không có trang `{wanted}` (có: {names})"),
        Lang::En => format!("{file} has no sheet `{wanted}` (it has: {names})"),
    }
}

/// A number without needless decimals (at most 6), with the language's decimal mark.
pub fn number(value: f64, lang: Lang) -> String {
    let text = format!("{}", dti_core::round_to(value, 6));
    match lang {
        Lang::Vi => text.replace('.', ","),
        Lang::En => text,
    }
}

/// A scoring rule in words.
pub fn rule_text(rule: &Rule, lang: Lang) -> String {
    let n = |v: f64| number(v, lang);
    match rule {
        Rule::Score => lang.pick("điểm có sẵn", "given score").into(),
        Rule::Rate { .. } => lang.pick("tỷ lệ × điểm", "rate × points").into(),
        Rule::Target { target } => format!("{} {}", lang.pick("mục tiêu", "target"), n(*target)),
        Rule::Goalposts { low, high } => {
            format!(
                "{} {}–{}",
                lang.pick("ngưỡng", "goalposts"),
                n(*low),
                n(*high)
            )
        }
        Rule::YesNo => lang.pick("có/không", "yes/no").into(),
        Rule::Tiers { steps } => {
            let steps: Vec<String> = steps
                .iter()
                .map(|[at, share]| format!("{}→{}", n(*at), n(*share)))
                .collect();
            format!("{} {}", lang.pick("bậc", "tiers"), steps.join(", "))
        }
        Rule::MinMax { .. } => lang
            .pick("min–max giữa các đơn vị", "min–max across units")
            .into(),
        Rule::ZScore { .. } => lang.pick("điểm chuẩn hóa z", "z-score").into(),
        Rule::Rank => lang.pick("thứ hạng", "rank").into(),
        Rule::PercentileRank => lang.pick("bách phân vị", "percentile rank").into(),
        Rule::DistanceToBest => lang
            .pick("so với đơn vị tốt nhất", "distance to the best")
            .into(),
    }
}

/// An aggregation method in words.
pub fn aggregation_text(method: Aggregation, lang: Lang) -> String {
    match method {
        Aggregation::Mean => lang.pick("trung bình có trọng số", "weighted mean").into(),
        Aggregation::Geometric => lang.pick("trung bình nhân", "geometric mean").into(),
        Aggregation::Harmonic => lang.pick("trung bình điều hòa", "harmonic mean").into(),
        Aggregation::PowerMean { p } => format!(
            "{} p={}",
            lang.pick("trung bình lũy thừa", "power mean"),
            dti_core::format_decimal(p, 2, lang)
        ),
        Aggregation::Sum => lang.pick("tổng điểm", "sum of points").into(),
        Aggregation::Minimum => lang.pick("nhỏ nhất", "minimum").into(),
    }
}

/// `--step` out of range.
pub fn bad_step(lang: Lang) -> String {
    lang.pick(
        "--step phải lớn hơn 0 và không quá 1 (ví dụ 0.1)",
        "--step must be above 0 and at most 1 (e.g. 0.1)",
    )
    .into()
}

/// An unknown node code.
pub fn unknown_node(lang: Lang, code: &str) -> String {
    match lang {
        Lang::Vi => {
            format!("bộ chỉ số không có chỉ số `{code}`; `dti frameworks ID` liệt kê các mã")
        }
        Lang::En => {
            format!("the framework has no node `{code}`; `dti frameworks ID` lists the codes")
        }
    }
}

/// ` (702,45 of 1000 points)`.
pub fn points_of(lang: Lang, points: f64, max: f64) -> String {
    let points = dti_core::format_decimal(points, 2, lang);
    let max = number(max, lang);
    match lang {
        Lang::Vi => format!(" ({points}/{max} điểm)"),
        Lang::En => format!(" ({points} of {max} points)"),
    }
}

/// Heading of the points-lost table.
pub fn where_lost(lang: Lang) -> String {
    lang.pick(
        "Điểm bị mất theo chỉ tiêu (nhiều nhất trước)",
        "Where points were lost (largest first)",
    )
    .into()
}

/// Column: the index gain if an indicator were full.
pub fn index_gain_if_full(lang: Lang, index: &str) -> String {
    match lang {
        Lang::Vi => format!("{index} tăng nếu đạt tối đa"),
        Lang::En => format!("{index} gain if full"),
    }
}

/// Heading of the best-moves table.
pub fn best_moves(lang: Lang, step: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "Cùng một nỗ lực (+{step} điểm chỉ tiêu), chỉ tiêu nào mang lại nhiều điểm nhất"
        ),
        Lang::En => format!("Where the same effort (+{step} indicator score) gains the most"),
    }
}

/// Column: the index gain.
pub fn index_gain(lang: Lang, index: &str) -> String {
    match lang {
        Lang::Vi => format!("{index} tăng"),
        Lang::En => format!("{index} gain"),
    }
}

/// Column: the index gain in points.
pub fn index_gain_points(lang: Lang, index: &str) -> String {
    match lang {
        Lang::Vi => format!("Điểm {index} tăng"),
        Lang::En => format!("{index} points gained"),
    }
}

/// The first of several sheets was read.
pub fn first_sheet(lang: Lang, sheet: &str, names: &[String]) -> String {
    let (count, list) = (names.len(), names.join(", "));
    match lang {
        Lang::Vi => format!(
            "đã đọc trang `{sheet}`, trang đầu tiên trong {count} trang ({list}); chọn trang khác bằng --sheet TÊN"
        ),
        Lang::En => format!(
            "read sheet `{sheet}`, the first of {count} ({list}); choose another with --sheet NAME"
        ),
    }
}

/// Rows above the header were skipped.
pub fn rows_above_header(lang: Lang, first: u64, last: u64) -> String {
    let rows = if first == last {
        first.to_string()
    } else {
        format!("{first}–{last}")
    };
    match lang {
        Lang::Vi => format!("bỏ qua dòng {rows} phía trên dòng tiêu đề (tiêu đề bảng hoặc ô gộp)"),
        Lang::En => format!("row {rows} above the header row skipped (a title or merged cells)"),
    }
}

/// A text file named like a workbook.
pub fn text_named_workbook(lang: Lang) -> String {
    lang.pick(
        "tệp có đuôi bảng tính nhưng là tệp văn bản: đã đọc như CSV",
        "the file is named like a workbook but holds text: read as CSV",
    )
    .into()
}

/// The report's title.
pub fn report_title(lang: Lang) -> String {
    lang.pick(
        "Báo cáo chỉ số chuyển đổi số",
        "Digital transformation index report",
    )
    .into()
}

/// `Data`, before the file name.
pub fn data_label(lang: Lang) -> &'static str {
    lang.pick("Dữ liệu", "Data")
}

/// `Rank 2 of 63`.
pub fn rank_of(lang: Lang, rank: u32, of: usize) -> String {
    match lang {
        Lang::Vi => format!("Hạng {rank}/{of}"),
        Lang::En => format!("Rank {rank} of {of}"),
    }
}

/// Caption of the bars.
pub fn pillars_caption(lang: Lang) -> String {
    lang.pick("Chỉ số và các trụ cột", "Index and pillars")
        .into()
}

/// Caption of the radar chart.
pub fn radar_caption(lang: Lang) -> String {
    lang.pick("Các chỉ số chính (0–1)", "Main indicators (0–1)")
        .into()
}

/// Heading of the main-indicator table.
pub fn main_indicators(lang: Lang) -> String {
    lang.pick(
        "Chỉ số chính và điểm bị mất",
        "Main indicators and points lost",
    )
    .into()
}

/// `+20.0 points`.
pub fn points_gain(lang: Lang, points: &str) -> String {
    match lang {
        Lang::Vi => format!("+{points} điểm"),
        Lang::En => format!("+{points} points"),
    }
}

/// Heading of the ranking table.
pub fn ranking(lang: Lang, index: &str) -> String {
    match lang {
        Lang::Vi => format!("Xếp hạng theo {index} giữa các đơn vị trong dữ liệu"),
        Lang::En => format!("Ranking by {index} among the units of the data"),
    }
}

/// What the red tick in the bars is.
pub fn reference_line(lang: Lang) -> String {
    lang.pick("Vạch đỏ", "Red tick").into()
}

/// The report's last line.
pub fn made_by(lang: Lang, version: &str) -> String {
    match lang {
        Lang::Vi => format!("Tạo bởi dti {version}. Điểm tính theo bộ chỉ số ghi ở đầu báo cáo."),
        Lang::En => format!("Made by dti {version}. Scores follow the framework named at the top."),
    }
}

/// The word after a count of units: "63 units".
pub fn units_word(lang: Lang) -> &'static str {
    lang.pick("đơn vị", "units")
}
