//! The command line's own words, in Vietnamese and English: its headings, its messages about
//! commands, options and files, and its Vietnamese help. Messages about data come from the core
//! (`Diagnostic::message`), and every word the core or the widget also shows (headings,
//! statuses, severities, rules, methods, stages) from the core's catalogue, `dti_core::words`.

use dti_core::words::{self, Term};
use dti_core::{Lang, Severity, Status};

macro_rules! labels {
    ($($(#[$doc:meta])* $name:ident => $vi:expr, $en:expr;)*) => {
        $(
            $(#[$doc])*
            pub(crate) fn $name(lang: Lang) -> &'static str {
                lang.pick($vi, $en)
            }
        )*
    };
}

/// Labels the command line shares with the core and the widget, from the catalogue.
macro_rules! terms {
    ($($(#[$doc:meta])* $name:ident => $term:ident;)*) => {
        $(
            $(#[$doc])*
            pub(crate) fn $name(lang: Lang) -> &'static str {
                words::term(Term::$term, lang)
            }
        )*
    };
}

terms! {
    /// Column: a code.
    code => Code;
    /// Column: a name.
    name => Name;
    /// Column: a value.
    value => Value;
    /// Column: a rank.
    rank => Rank;
    /// Column: a rank within a group.
    rank_in_group => RankInGroup;
    /// Column: points.
    points => Points;
    /// Column: maximum points.
    max_points => MaxPoints;
    /// Column: points lost.
    points_lost => PointsLost;
    /// Column: the unit's code.
    unit => UnitCode;
    /// Column: the unit's name.
    unit_name => UnitName;
    /// Column: the year.
    year => Year;
    /// Column: a node's code.
    node => Node;
    /// Column: a node's name.
    node_name => NodeName;
    /// Column: a status.
    status_label => Status;
    /// Sheet name of results.
    results => Results;
    /// The word before a hint.
    hint_label => Hint;
    /// Column: an indicator's unit of measure.
    measure => Measure;
    /// Column: an allowed range.
    range => Range;
    /// Column: a kind of node.
    kind => Kind;
    /// Kind: an indicator.
    indicator_kind => Indicator;
    /// Kind: an aggregate.
    aggregate_kind => AggregateKind;
    /// Kind: an index.
    index_kind => Index;
    /// Column: indicators.
    indicators => Indicators;
    /// Column: a framework.
    framework => Framework;
}

labels! {
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
    /// Column: how many units the previous rank is out of.
    old_rank_of => "Hạng cũ trên tổng số", "Old rank out of";
    /// Column: the new rank.
    new_rank => "Hạng mới", "New rank";
    /// Column: how many units the new rank is out of.
    new_rank_of => "Hạng mới trên tổng số", "New rank out of";
    /// Column: a rank move.
    rank_move => "Thay đổi hạng", "Rank move";
    /// Sheet name of a comparison.
    comparison => "So sánh", "Comparison";
    /// Column: an identifier.
    id => "Mã bộ chỉ số", "Id";
    /// Column: a legal source.
    source => "Văn bản", "Source";
    /// Column: indices.
    indices => "Chỉ số", "Indices";
    /// Column: a data set's file.
    file => "Tệp", "File";
    /// Marks the default framework.
    default_mark => "mặc định", "default";
    /// Heading: embedded frameworks.
    embedded_frameworks => "Các bộ chỉ số có sẵn", "Embedded frameworks";
    /// Heading: embedded data sets.
    embedded_data => "Các bộ dữ liệu có sẵn", "Embedded data sets";
    /// Column: a score.
    score => "Điểm chỉ tiêu", "Score";
    /// Column: from → to.
    from_to => "Từ → đến", "From → to";
    /// Column: the national average.
    average => "Trung bình", "Average";
}

/// A unit of the second file that the first file lacks.
pub(crate) fn not_in_first_file(lang: Lang, first: &str) -> String {
    match lang {
        Lang::Vi => format!("không có trong tệp thứ nhất, {first}"),
        Lang::En => format!("not in the first file, {first}"),
    }
}

/// A unit of the first file that the second file lacks.
pub(crate) fn not_in_second_file(lang: Lang, second: &str) -> String {
    match lang {
        Lang::Vi => format!("không có trong tệp thứ hai, {second}"),
        Lang::En => format!("not in the second file, {second}"),
    }
}

/// The two files of a comparison hold different units.
pub(crate) fn backwards_in_time(lang: Lang, [first, second]: [i32; 2]) -> String {
    match lang {
        Lang::Vi => format!(
            "Tệp thứ nhất ({first}) mới hơn tệp thứ hai ({second}): mọi thay đổi dưới đây tính từ {first} về {second}. Để xem từ năm cũ đến năm mới, đặt tệp năm cũ trước."
        ),
        Lang::En => format!(
            "The first file ({first}) is later than the second ({second}): every change below runs from {first} back to {second}. To see changes from the earlier year to the later, give the earlier file first."
        ),
    }
}

/// Units whose code is the same in both files but whose name is not (`[code, first file's
/// name, second file's name]`): at most three named, then how many more.
pub(crate) fn names_differ(lang: Lang, units: &[[&str; 3]]) -> String {
    let shown: Vec<String> = units
        .iter()
        .take(3)
        .map(|[code, old, new]| match lang {
            Lang::Vi => format!("mã {code} là {old} ở tệp thứ nhất, {new} ở tệp thứ hai"),
            Lang::En => format!("code {code} is {old} in the first file, {new} in the second"),
        })
        .collect();
    let more = units.len().saturating_sub(3);
    let shown = shown.join("; ");
    match (lang, more) {
        (Lang::Vi, 0) => format!(
            "Cùng mã, khác tên: {shown}. Số liệu được so theo mã: kiểm tra mã đơn vị ở hai tệp (có thể cột mã và cột tên đã lệch nhau)."
        ),
        (Lang::Vi, more) => format!(
            "Cùng mã, khác tên: {shown}; và {more} đơn vị khác. Số liệu được so theo mã: kiểm tra mã đơn vị ở hai tệp (có thể cột mã và cột tên đã lệch nhau)."
        ),
        (Lang::En, 0) => format!(
            "Same code, another name: {shown}. Units are compared by code: check the unit codes of both files (the code and name columns may have shifted)."
        ),
        (Lang::En, more) => format!(
            "Same code, another name: {shown}; and {more} more units. Units are compared by code: check the unit codes of both files (the code and name columns may have shifted)."
        ),
    }
}

pub(crate) fn different_units(
    lang: Lang,
    [old, new]: [usize; 2],
    only_old: &[&str],
    only_new: &[&str],
) -> String {
    let list = |codes: &[&str]| {
        if codes.is_empty() {
            "–".to_string()
        } else {
            codes.join(", ")
        }
    };
    match lang {
        Lang::Vi => format!(
            "Hai tệp có các đơn vị khác nhau ({old} và {new} đơn vị; chỉ ở tệp thứ nhất: {}; chỉ ở tệp thứ hai: {}): mỗi hạng được xếp trong số đơn vị của tệp đó, và không tính thay đổi hạng.",
            list(only_old),
            list(only_new)
        ),
        Lang::En => format!(
            "The two files hold different units ({old} and {new}; only in the first: {}; only in the second: {}): each rank is out of its own file's units, and rank moves are not shown.",
            list(only_old),
            list(only_new)
        ),
    }
}

/// Headers from label functions.
pub(crate) fn columns(lang: Lang, labels: &[fn(Lang) -> &'static str]) -> Vec<String> {
    labels.iter().map(|label| label(lang).to_string()).collect()
}

/// Column: a status.
pub(crate) fn status(lang: Lang, status: Status) -> &'static str {
    words::status(status, lang)
}

/// `error`, `warning`, `note`.
pub(crate) fn severity(lang: Lang, severity: Severity) -> &'static str {
    words::severity(severity, lang)
}

/// The last line when a command fails on data errors.
pub(crate) fn failed_with(lang: Lang, errors: usize) -> String {
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

/// The problems a capped list leaves out.
pub(crate) fn more_problems(lang: Lang, left_out: usize, shown: usize) -> String {
    match lang {
        Lang::Vi => format!(
            "… và {left_out} vấn đề nữa không liệt kê (chỉ liệt kê {shown} vấn đề đầu; --max-errors N để liệt kê nhiều hơn, --max-errors 0 để liệt kê tất cả)"
        ),
        Lang::En => format!(
            "… and {left_out} more problem{} not listed (only the first {shown} are; --max-errors N lists more, --max-errors 0 lists all)",
            plural(left_out)
        ),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `2 errors, 1 warning, 3 notes`.
pub(crate) fn count_summary(lang: Lang, [errors, warnings, notes]: [usize; 3]) -> String {
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
pub(crate) fn check_verdict(
    lang: Lang,
    name: &str,
    units: usize,
    values: usize,
    ok: bool,
) -> String {
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
pub(crate) fn warnings_summary(lang: Lang, warnings: usize, name: &str) -> String {
    match lang {
        Lang::Vi => format!("dữ liệu có {warnings} cảnh báo; `dti check {name}` liệt kê chi tiết"),
        Lang::En => format!(
            "the data has {warnings} warning{}; `dti check {name}` lists them",
            plural(warnings)
        ),
    }
}

/// Formatting an output failed.
pub(crate) fn cannot_format(lang: Lang, what: &str, detail: &str) -> String {
    match lang {
        Lang::Vi => format!("không tạo được {what}: {detail}"),
        Lang::En => format!("cannot write {what}: {detail}"),
    }
}

/// Excel output asked for on a terminal.
pub(crate) fn binary_on_terminal(lang: Lang) -> String {
    lang.pick(
        "tệp Excel là dữ liệu nhị phân, không in ra màn hình: dùng -o TỆP.xlsx",
        "an Excel workbook is binary and is not printed on a terminal: use -o FILE.xlsx",
    )
    .into()
}

/// Writing an output failed.
pub(crate) fn cannot_write(lang: Lang, name: &str, error: &std::io::Error) -> String {
    match lang {
        Lang::Vi => format!("không ghi được {name}: {}", io_reason_vi(error)),
        Lang::En => format!("cannot write {name}: {error}"),
    }
}

/// Standard output, in words.
pub(crate) fn stdout_name(lang: Lang) -> String {
    lang.pick("đầu ra chuẩn", "standard output").into()
}

/// The output file is an input.
pub(crate) fn output_is_input(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Vi => format!("{name} là tệp đầu vào: không ghi đè tệp đầu vào, hãy chọn tên khác"),
        Lang::En => {
            format!("{name} is an input file: inputs are never overwritten, choose another name")
        }
    }
}

/// The output is a folder.
pub(crate) fn output_is_dir(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Vi => format!("{name} là thư mục: hãy ghi rõ tên tệp"),
        Lang::En => format!("{name} is a folder: give a file name"),
    }
}

/// The output is a device, a pipe or a socket: never replaced, so `--force` is not offered.
pub(crate) fn output_not_regular(lang: Lang, name: &str, kind: crate::output::NodeKind) -> String {
    use crate::output::NodeKind;
    let what = match (lang, kind) {
        (Lang::Vi, NodeKind::Device) => "là thiết bị",
        (Lang::Vi, NodeKind::Pipe) => "là đường ống có tên (FIFO)",
        (Lang::Vi, NodeKind::Socket) => "là socket",
        (Lang::Vi, _) => "không phải tệp thông thường",
        (Lang::En, NodeKind::Device) => "is a device",
        (Lang::En, NodeKind::Pipe) => "is a named pipe (FIFO)",
        (Lang::En, NodeKind::Socket) => "is a socket",
        (Lang::En, _) => "is not a regular file",
    };
    match lang {
        Lang::Vi => format!(
            "{name} {what}: dti chỉ ghi vào tệp thông thường, hoặc ra đầu ra chuẩn (bỏ -o, hoặc -o -)"
        ),
        Lang::En => format!(
            "{name} {what}: dti writes only to regular files, or to standard output (no -o, or -o -)"
        ),
    }
}

/// The output exists.
pub(crate) fn output_exists(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Vi => format!("{name} đã tồn tại: không ghi đè (thêm --force để thay thế)"),
        Lang::En => format!("{name} already exists: not overwritten (add --force to replace it)"),
    }
}

/// Reading an input failed.
pub(crate) fn cannot_read(lang: Lang, name: &str, error: &std::io::Error) -> String {
    match lang {
        Lang::Vi => format!("không đọc được {name}: {}", io_reason_vi(error)),
        Lang::En => format!("cannot read {name}: {error}"),
    }
}

/// An input does not exist.
pub(crate) fn not_found(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Vi => format!("không tìm thấy tệp {name}"),
        Lang::En => format!("file {name} not found"),
    }
}

/// An input is a folder.
pub(crate) fn input_is_dir(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Vi => format!("{name} là thư mục, không phải tệp dữ liệu"),
        Lang::En => format!("{name} is a folder, not a data file"),
    }
}

/// `--sheet` on a text file.
pub(crate) fn sheet_needs_workbook(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Vi => format!("--sheet chỉ dùng cho tệp Excel, còn {name} là tệp văn bản"),
        Lang::En => format!("--sheet is for Excel workbooks, and {name} is a text file"),
    }
}

/// A UTF-16 file was read.
pub(crate) fn read_as_utf16(lang: Lang) -> String {
    lang.pick(
        "tệp mã hóa UTF-16 (“Unicode Text” của Excel): đã đọc được",
        "the file is UTF-16 text (Excel's “Unicode Text”): read",
    )
    .into()
}

/// A file that is not UTF-8.
pub(crate) fn not_utf8(lang: Lang, byte: u8) -> String {
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
pub(crate) fn not_utf8_hint(lang: Lang) -> String {
    lang.pick(
        "trong Excel chọn Lưu thành → “CSV UTF-8 (phân cách bằng dấu phẩy)”",
        "in Excel choose Save As → “CSV UTF-8 (Comma delimited)”",
    )
    .into()
}

/// A framework file must be UTF-8.
pub(crate) fn framework_utf8_hint(lang: Lang) -> String {
    lang.pick(
        "tệp bộ chỉ số phải mã hóa UTF-8",
        "a framework file must be UTF-8 text",
    )
    .into()
}

/// An unknown framework.
pub(crate) fn unknown_framework(lang: Lang, id: &str, known: &[&str]) -> String {
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
pub(crate) fn choose_unit(lang: Lang, list: &str) -> String {
    match lang {
        Lang::Vi => format!("dữ liệu có nhiều đơn vị: chọn một bằng --unit MÃ ({list})"),
        Lang::En => format!("the data has several units: choose one with --unit CODE ({list})"),
    }
}

/// Column: a unit's rank at a node (`dti score --summary`).
pub(crate) fn rank_at(lang: Lang, code: &str) -> String {
    match lang {
        Lang::Vi => format!("Hạng {code}"),
        Lang::En => format!("{code} rank"),
    }
}

/// The heading of a ranking (`dti score --summary`).
pub(crate) fn ranking_by(lang: Lang, code: &str) -> String {
    match lang {
        Lang::Vi => format!("Xếp hạng theo {code}"),
        Lang::En => format!("Ranking by {code}"),
    }
}

/// The end of a shortened list of units: how many there are, and how to see them all.
pub(crate) fn more_units(lang: Lang, count: usize) -> String {
    match lang {
        Lang::Vi => format!("({count} đơn vị; `dti score TỆP --summary` liệt kê tất cả)"),
        Lang::En => format!("({count} units; `dti score FILE --summary` lists them all)"),
    }
}

/// An unknown unit.
pub(crate) fn unknown_unit(lang: Lang, wanted: &str, list: &str) -> String {
    let missing = words::unit_not_in_data(wanted, lang);
    match lang {
        Lang::Vi => format!("{missing} (có: {list})"),
        Lang::En => format!("{missing} (it has: {list})"),
    }
}

/// A workbook that cannot be read.
pub(crate) fn bad_workbook(lang: Lang, detail: &str) -> String {
    match lang {
        Lang::Vi => format!("không mở được bảng tính: {detail}"),
        Lang::En => format!("cannot open the workbook: {detail}"),
    }
}

/// What to do about a workbook that cannot be read.
pub(crate) fn bad_workbook_hint(lang: Lang) -> String {
    lang.pick(
        "mở tệp trong Excel và lưu lại dạng .xlsx, hoặc lưu thành “CSV UTF-8”",
        "open it in Excel and save it again as .xlsx, or as “CSV UTF-8”",
    )
    .into()
}

/// A cell of a sheet lies beyond the row or column limit: the workbook is refused before the
/// spreadsheet library lays out the sheet.
pub(crate) fn cell_beyond_limit(
    lang: Lang,
    sheet: &str,
    cell: &str,
    limit: usize,
    rows: bool,
) -> String {
    match (lang, rows) {
        (Lang::Vi, true) => format!("trang `{sheet}` có ô {cell}, vượt giới hạn {limit} dòng"),
        (Lang::Vi, false) => format!("trang `{sheet}` có ô {cell}, vượt giới hạn {limit} cột"),
        (Lang::En, true) => {
            format!("sheet `{sheet}` has a cell at {cell}, beyond the limit of {limit} rows")
        }
        (Lang::En, false) => {
            format!("sheet `{sheet}` has a cell at {cell}, beyond the limit of {limit} columns")
        }
    }
}

/// The used area of a sheet (first to last filled cell) is larger than the cell limit.
pub(crate) fn area_beyond_limit(lang: Lang, sheet: &str, area: &str, limit: usize) -> String {
    match lang {
        Lang::Vi => format!("vùng dữ liệu {area} của trang `{sheet}` vượt giới hạn {limit} ô"),
        Lang::En => {
            format!(
                "the used area {area} of sheet `{sheet}` holds more than the limit of {limit} cells"
            )
        }
    }
}

/// The sheets of a workbook, which the library lays out together, hold more cells than the limit.
pub(crate) fn sheets_beyond_limit(lang: Lang, sheet: &str, limit: usize) -> String {
    match lang {
        Lang::Vi => format!(
            "các trang của bảng tính, tính đến trang `{sheet}`, cộng lại vượt giới hạn {limit} ô"
        ),
        Lang::En => format!(
            "the workbook's sheets up to `{sheet}` together hold more than the limit of {limit} cells"
        ),
    }
}

/// What to do about stray cells far from the data.
pub(crate) fn far_cell_hint(lang: Lang) -> String {
    lang.pick(
        "xoá các ô lạc ở xa phía dưới hoặc bên phải vùng dữ liệu (Ctrl+End trong Excel đưa tới ô cuối cùng) rồi lưu lại; hoặc nâng giới hạn bằng --max-rows, --max-columns",
        "delete stray cells far below or to the right of the data (Ctrl+End in Excel goes to the last one) and save again; or raise the limit with --max-rows or --max-columns",
    )
    .into()
}

/// A workbook unpacks to more bytes than the limit.
pub(crate) fn unpacks_beyond_limit(lang: Lang, part: &str, limit: usize) -> String {
    // The limit is set in MiB (--max-unpacked-mb) and shown as it is set.
    let mib = limit.div_ceil(1 << 20);
    match lang {
        Lang::Vi => {
            format!("tệp nén này khi giải nén vượt giới hạn {mib} MiB (tại phần `{part}`)")
        }
        Lang::En => {
            format!("it unpacks to more than the limit of {mib} MiB (at part `{part}`)")
        }
    }
}

/// What to do about a workbook that unpacks to too much.
pub(crate) fn unpacked_hint(lang: Lang) -> String {
    lang.pick(
        "bảng tính thật hiếm khi lớn như vậy: kiểm tra nguồn gốc tệp; nếu đúng là dữ liệu, lưu thành “CSV UTF-8” hoặc nâng giới hạn bằng --max-unpacked-mb",
        "real workbooks are rarely this large: check where the file came from; if it is genuine data, save it as “CSV UTF-8” or raise the limit with --max-unpacked-mb",
    )
    .into()
}

/// A workbook without sheets.
pub(crate) fn no_sheets(lang: Lang) -> String {
    lang.pick("bảng tính không có trang nào", "the workbook has no sheets")
        .into()
}

/// An unknown sheet.
pub(crate) fn unknown_sheet(lang: Lang, file: &str, wanted: &str, names: &[String]) -> String {
    let names = names.join(", ");
    match lang {
        Lang::Vi => format!("{file} không có trang `{wanted}` (có: {names})"),
        Lang::En => format!("{file} has no sheet `{wanted}` (it has: {names})"),
    }
}

/// A number without needless decimals (at most 6), with the language's decimal mark.
pub(crate) fn number(value: f64, lang: Lang) -> String {
    words::number(value, lang)
}

/// The end of a template's note: how to check the file once filled in.
pub(crate) fn template_check_with(lang: Lang) -> &'static str {
    lang.pick("Kiểm tra bằng: dti check TỆP", "Check with: dti check FILE")
}

/// `--step` out of range.
pub(crate) fn bad_step(lang: Lang) -> String {
    lang.pick(
        "--step phải lớn hơn 0 và không quá 1 (ví dụ 0.1)",
        "--step must be above 0 and at most 1 (e.g. 0.1)",
    )
    .into()
}

/// An unknown node code.
pub(crate) fn unknown_node(lang: Lang, code: &str) -> String {
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
pub(crate) fn points_of(lang: Lang, points: f64, max: f64) -> String {
    let points = dti_core::format_decimal(points, 2, lang);
    let max = number(max, lang);
    match lang {
        Lang::Vi => format!(" ({points}/{max} điểm)"),
        Lang::En => format!(" ({points} of {max} points)"),
    }
}

/// Heading of the points-lost table.
pub(crate) fn where_lost(lang: Lang) -> String {
    lang.pick(
        "Điểm bị mất theo chỉ tiêu (nhiều nhất trước)",
        "Where points were lost (largest first)",
    )
    .into()
}

/// Column: the index gain if an indicator were full, in the index's points when it has them.
pub(crate) fn index_gain_if_full(lang: Lang, index: &str, in_points: bool) -> String {
    match (lang, in_points) {
        (Lang::Vi, true) => format!("Điểm {index} tăng nếu tối đa"),
        (Lang::Vi, false) => format!("{index} tăng nếu đạt tối đa"),
        (Lang::En, true) => format!("{index} points gained if full"),
        (Lang::En, false) => format!("{index} gain if full"),
    }
}

/// Heading of the best-moves table.
pub(crate) fn best_moves(lang: Lang, step: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "Cùng một nỗ lực (+{step} điểm chỉ tiêu), chỉ tiêu nào mang lại nhiều điểm nhất"
        ),
        Lang::En => format!("Where the same effort (+{step} indicator score) gains the most"),
    }
}

/// Column: the index gain.
pub(crate) fn index_gain(lang: Lang, index: &str) -> String {
    match lang {
        Lang::Vi => format!("{index} tăng"),
        Lang::En => format!("{index} gain"),
    }
}

/// Column: the index gain in points.
pub(crate) fn index_gain_points(lang: Lang, index: &str) -> String {
    match lang {
        Lang::Vi => format!("Điểm {index} tăng"),
        Lang::En => format!("{index} points gained"),
    }
}

/// The first of several sheets was read.
pub(crate) fn first_sheet(lang: Lang, sheet: &str, names: &[String]) -> String {
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

/// A text file named like a workbook.
pub(crate) fn text_named_workbook(lang: Lang) -> String {
    lang.pick(
        "tệp có đuôi bảng tính nhưng là tệp văn bản: đã đọc như CSV",
        "the file is named like a workbook but holds text: read as CSV",
    )
    .into()
}

/// The report's title.
pub(crate) fn report_title(lang: Lang) -> String {
    lang.pick(
        "Báo cáo chỉ số chuyển đổi số",
        "Digital transformation index report",
    )
    .into()
}

/// `Data`, before the file name.
pub(crate) fn data_label(lang: Lang) -> &'static str {
    lang.pick("Dữ liệu", "Data")
}

/// `Rank 2 of 63`.
pub(crate) fn rank_of(lang: Lang, rank: u32, of: usize) -> String {
    match lang {
        Lang::Vi => format!("Hạng {rank}/{of}"),
        Lang::En => format!("Rank {rank} of {of}"),
    }
}

/// Caption of the bars.
pub(crate) fn pillars_caption(lang: Lang) -> String {
    lang.pick("Chỉ số và các trụ cột", "Index and pillars")
        .into()
}

/// Caption of the radar chart.
pub(crate) fn radar_caption(lang: Lang) -> String {
    format!("{} (0–1)", words::term(Term::MainIndicators, lang))
}

/// Heading of the main-indicator table.
pub(crate) fn main_indicators(lang: Lang) -> String {
    lang.pick(
        "Chỉ số chính và điểm bị mất",
        "Main indicators and points lost",
    )
    .into()
}

/// `+20.0 points`.
pub(crate) fn points_gain(lang: Lang, points: &str) -> String {
    match lang {
        Lang::Vi => format!("+{points} điểm"),
        Lang::En => format!("+{points} points"),
    }
}

/// Heading of the ranking table.
pub(crate) fn ranking(lang: Lang, index: &str) -> String {
    match lang {
        Lang::Vi => format!("Xếp hạng theo {index} giữa các đơn vị trong dữ liệu"),
        Lang::En => format!("Ranking by {index} among the units of the data"),
    }
}

/// What the red tick in the bars is.
pub(crate) fn reference_line(lang: Lang) -> String {
    lang.pick("Vạch đỏ", "Red tick").into()
}

/// The report's last line.
pub(crate) fn made_by(lang: Lang, version: &str) -> String {
    match lang {
        Lang::Vi => format!("Tạo bởi dti {version}. Điểm tính theo bộ chỉ số ghi ở đầu báo cáo."),
        Lang::En => format!("Made by dti {version}. Scores follow the framework named at the top."),
    }
}

/// A command was run without a data file.
pub(crate) fn data_needed(lang: Lang, command: &str) -> String {
    match lang {
        Lang::Vi => format!("`dti {command}` cần một tệp dữ liệu (CSV, JSON hoặc .xlsx)"),
        Lang::En => format!("`dti {command}` needs a data file (CSV, JSON or .xlsx)"),
    }
}

/// How to give a data file, or try the tool on an embedded one.
pub(crate) fn data_needed_hint(lang: Lang, command: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "ghi tên tệp sau lệnh, ví dụ `dti {command} so-lieu.csv`; để dùng thử, ghi tên một tệp có sẵn: quang-ninh-2022.csv (số liệu chính thức của một tỉnh) hoặc synthetic-63-provinces-2022.csv (63 tỉnh, số liệu giả lập)"
        ),
        Lang::En => format!(
            "name the file after the command, e.g. `dti {command} so-lieu.csv`; to try the tool, name an embedded one: quang-ninh-2022.csv (one province's official figures) or synthetic-63-provinces-2022.csv (63 provinces, synthetic values)"
        ),
    }
}

/// The footer line of a report or page made from synthetic data.
pub(crate) fn synthetic_footer(lang: Lang) -> &'static str {
    lang.pick(
        "Số liệu trong trang này là số liệu giả lập, không phải số liệu chính thức.",
        "The figures on this page are synthetic, not official figures.",
    )
}

/// The word after a count of units: "63 units".
pub(crate) fn units_word(lang: Lang) -> &'static str {
    words::term(Term::Units, lang)
}

// ---- Analyses: whatif, goal, merge, robustness, remove-one, build ----

labels! {
    /// Marks outputs of synthetic data sets.
    synthetic => "DỮ LIỆU GIẢ LẬP", "SYNTHETIC DATA";
    /// A removed value.
    missing_value => "(để trống)", "(blank)";
    /// Column: a raw value.
    raw_value => "Số liệu", "Raw value";
    /// Column: effort.
    effort => "Nỗ lực", "Effort";
    /// Column: gain per effort.
    gain_per_effort => "Mức tăng / nỗ lực", "Gain per effort";
    /// Column: former units.
    former_units => "Đơn vị cũ", "Former units";
    /// Column: the former units the data lacks.
    former_units_without_data => "Đơn vị cũ thiếu dữ liệu", "Former units without data";
    /// A merged unit none of whose former units has data.
    no_data => "không có dữ liệu", "no data";
    /// Column: a difference.
    difference => "Chênh lệch", "Difference";
    /// Column: a method.
    method => "Phương pháp", "Method";
    /// The official merging method.
    method_mean => "trung bình", "mean";
    /// The pooled merging method.
    method_pooled => "gộp", "pooled";
    /// Table of merged units.
    merged_units => "Đơn vị sau sáp nhập", "Merged units";
    /// Column: nominal rank.
    nominal_rank => "Hạng gốc", "Nominal rank";
    /// Column: median rank.
    median_rank => "Hạng trung vị", "Median rank";
    /// Column: the 5–95 % rank interval.
    rank_interval => "Khoảng hạng 5–95 %", "Rank 5–95 %";
    /// Column: a factor.
    factor => "Yếu tố", "Factor";
    /// Column: first-order index.
    first_order => "Chỉ số bậc 1", "First order";
    /// Column: total index.
    total_order => "Chỉ số toàn phần", "Total";
    /// Column: 95 % interval.
    interval_95 => "Khoảng tin cậy 95 %", "95 % interval";
    /// Column: mean absolute rank shift.
    mean_shift => "Dịch hạng TB", "Mean |shift|";
    /// Column: largest absolute rank shift.
    max_shift => "Dịch hạng lớn nhất", "Max |shift|";
    /// Column: the units that moved most.
    most_moved => "Đơn vị dịch nhiều nhất", "Units moved most";
    /// Column: why nothing was computed.
    refused => "Không tính được", "Not computed";
    /// Column: availability.
    availability => "Độ phủ dữ liệu", "Availability";
    /// Column: share of zeros.
    zero_share => "Tỷ lệ số 0", "Zeros";
    /// Column: flags.
    flags => "Cảnh báo", "Flags";
    /// Column: unique values.
    unique => "Số giá trị khác nhau", "Unique";
    /// Column: Cronbach's alpha.
    alpha => "Cronbach α", "Cronbach's α";
    /// Column: an aggregate.
    aggregate => "Nhóm", "Aggregate";
    /// Table: effective weights.
    effective_weights => "Trọng số thực tế trong chỉ số", "Effective weights in the index";
    /// Column: a level of the tree.
    level => "Cấp", "Level";
    /// Column: a weight among siblings.
    weight => "Trọng số", "Weight";
    /// Column: an effective weight.
    effective_weight => "Trọng số thực tế", "Effective weight";
}

/// Heading of `dti whatif`.
pub(crate) fn whatif_title(lang: Lang) -> String {
    lang.pick("Giả định thay đổi số liệu", "What if").into()
}

/// Table of every node before and after.
pub(crate) fn whatif_nodes(lang: Lang) -> String {
    lang.pick(
        "Mọi chỉ số trước và sau thay đổi",
        "Every node before and after",
    )
    .into()
}

/// Table of the other units whose rank moved.
pub(crate) fn whatif_others(lang: Lang, index: &str) -> String {
    match lang {
        Lang::Vi => format!("Đơn vị khác đổi hạng {index}"),
        Lang::En => format!("Other units whose {index} rank moved"),
    }
}

/// `--set` without `=` or with an unreadable value.
pub(crate) fn set_syntax(lang: Lang, argument: &str) -> String {
    match lang {
        Lang::Vi => {
            format!("--set {argument}: cần dạng MÃ=GIÁ_TRỊ, ví dụ --set I7=0,95 hoặc --set P1=85%")
        }
        Lang::En => {
            format!("--set {argument}: write CODE=VALUE, e.g. --set I7=0.95 or --set P1=85%")
        }
    }
}

/// Several assignments in one `--set` (`I7=0,95,I8=0,7`), with the repeated form to use.
pub(crate) fn set_several(lang: Lang, argument: &str, repeated: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "--set {argument}: mỗi --set chỉ gán một chỉ tiêu (dấu phẩy có thể là dấu thập phân); lặp lại --set cho từng chỉ tiêu: {repeated}"
        ),
        Lang::En => format!(
            "--set {argument}: each --set takes one indicator (a comma may be a decimal comma); repeat --set for each: {repeated}"
        ),
    }
}

/// `--set` on an aggregate.
pub(crate) fn set_aggregate(lang: Lang, code: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "--set {code}: `{code}` là chỉ số tổng hợp, được tính từ các chỉ tiêu; hãy đặt giá trị cho chỉ tiêu"
        ),
        Lang::En => format!(
            "--set {code}: `{code}` is an aggregate computed from its indicators; set indicators instead"
        ),
    }
}

/// The same indicator set twice.
pub(crate) fn set_twice(lang: Lang, code: &str) -> String {
    match lang {
        Lang::Vi => format!("--set {code} được cho hai lần"),
        Lang::En => format!("--set {code} is given twice"),
    }
}

/// Heading of `dti goal`.
pub(crate) fn goal_title(lang: Lang) -> String {
    lang.pick("Lộ trình đạt mục tiêu", "Path to a target")
        .into()
}

/// A target given as a rank.
pub(crate) fn goal_rank(lang: Lang, rank: u32, value: &str) -> String {
    match lang {
        Lang::Vi => format!("hạng {rank} (cần {value})"),
        Lang::En => format!("rank {rank} (needs {value})"),
    }
}

/// The line under the goal heading.
pub(crate) fn goal_lead(lang: Lang, node: &str, now: &str, target: &str) -> String {
    match lang {
        Lang::Vi => format!("{node} hiện tại {now}; mục tiêu {target}."),
        Lang::En => format!("{node} now {now}; target {target}."),
    }
}

/// Heading of the plan table.
pub(crate) fn goal_plan(lang: Lang) -> String {
    lang.pick(
        "Các bước, hiệu quả nhất trước (mức tăng trên một đơn vị nỗ lực)",
        "The steps, most gain per unit of effort first",
    )
    .into()
}

/// The plan reaches the target.
pub(crate) fn goal_reached(
    lang: Lang,
    node: &str,
    reached: &str,
    cost: &str,
    steps: usize,
) -> String {
    match (lang, steps) {
        (Lang::Vi, 0) => format!("Đã đạt mục tiêu: {node} {reached}, không cần cải thiện thêm."),
        (Lang::En, 0) => format!("The target is already met: {node} {reached}."),
        (Lang::Vi, _) => format!(
            "Lộ trình đưa {node} lên {reached} với tổng nỗ lực {cost} (nỗ lực 1 = nâng một chỉ tiêu từ thấp nhất lên cao nhất), các đơn vị khác giữ nguyên."
        ),
        (Lang::En, _) => format!(
            "The plan takes {node} to {reached} for a total effort of {cost} (effort 1 = raising one indicator across its whole scale), the other units unchanged."
        ),
    }
}

/// The target cannot be reached.
pub(crate) fn goal_out_of_reach(lang: Lang, node: &str, target: &str, best: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "Không thể đạt mục tiêu {node} {target}: kể cả khi mọi chỉ tiêu đạt tối đa, {node} cao nhất chỉ đạt {best}. Bảng trên là lộ trình tới giá trị cao nhất đó."
        ),
        Lang::En => format!(
            "The target {node} {target} is out of reach: even with every indicator at its maximum, {node} reaches at most {best}. The plan above leads to that best value."
        ),
    }
}

/// `--target` refused: `why` is the core's reason (unreadable, below the scale; it quotes the
/// text), when there is one.
pub(crate) fn bad_target(lang: Lang, text: &str, why: Option<&str>) -> String {
    match (lang, why) {
        (Lang::Vi, Some(why)) => format!("--target: {why} (ví dụ --target 0,75 hoặc 75%)"),
        (Lang::Vi, None) => format!("--target `{text}`: cần một số, ví dụ --target 0,75 hoặc 75%"),
        (Lang::En, Some(why)) => format!("--target: {why} (e.g. --target 0.75 or 75%)"),
        (Lang::En, None) => format!("--target `{text}`: give a number, e.g. --target 0.75 or 75%"),
    }
}

/// `--rank` out of range.
pub(crate) fn bad_rank(lang: Lang, rank: u32, units: usize) -> String {
    match lang {
        Lang::Vi => format!("--rank {rank}: cần từ 1 đến {units} (số đơn vị trong dữ liệu)"),
        Lang::En => format!("--rank {rank}: give 1 to {units} (the units in the data)"),
    }
}

/// Heading of `dti merge`.
pub(crate) fn merge_title(lang: Lang, units: usize) -> String {
    match lang {
        Lang::Vi => format!("Kết quả {units} đơn vị sau sáp nhập"),
        Lang::En => format!("Results of the {units} merged units"),
    }
}

/// Partial merges were accepted.
pub(crate) fn partial_merges(lang: Lang, units: usize) -> String {
    match lang {
        Lang::Vi => format!(
            "--allow-partial: giá trị và thứ hạng của {units} đơn vị sau sáp nhập chỉ tính từ các đơn vị cũ có dữ liệu, nên chỉ đại diện cho một phần đơn vị (xem cột Đơn vị cũ thiếu dữ liệu)."
        ),
        Lang::En => format!(
            "--allow-partial: the values and ranks of {units} merged unit{} come from the former units that have data only, and stand for part of the unit (see the column Former units without data).",
            plural(units)
        ),
    }
}

/// What pooling does.
pub(crate) fn pooling_explained(lang: Lang) -> String {
    lang.pick(
        "Trung bình: cách chính thức năm 2024, trung bình cộng từng chỉ tiêu của các đơn vị cũ. Gộp: tổng tử số / tổng mẫu số khi dữ liệu có, nếu không thì trung bình có trọng số theo --weights.",
        "Mean: the official 2024 method, the plain mean of each indicator over the former units. Pooled: Σ numerators / Σ denominators where the data gives them, else a mean weighted by --weights.",
    )
    .into()
}

/// Pooling equals the mean.
pub(crate) fn pooling_is_mean(lang: Lang) -> String {
    lang.pick(
        "Dữ liệu không có tử số/mẫu số và không có tệp --weights: cách gộp cho kết quả như trung bình.",
        "The data gives no numerators and denominators and no --weights file was given: pooling equals the mean.",
    )
    .into()
}

labels! {
    /// All aggregates.
    all_aggregates => "mọi nhóm", "every aggregate";
    /// The word aggregation.
    aggregation_word => "cách tổng hợp", "aggregation";
    /// The word normalisation.
    normalisation_word => "cách chấm điểm", "normalisation";
    /// The word missing data.
    missing_word => "dữ liệu thiếu", "missing data";
    /// The nominal choice.
    nominal => "như bộ chỉ số", "nominal";
}

/// A factor's name.
pub(crate) fn factor_name(lang: Lang, factor: &str) -> String {
    match factor {
        "weights" => lang.pick("trọng số", "weights").into(),
        "aggregation" => aggregation_word(lang).into(),
        "normalisation" => normalisation_word(lang).into(),
        "missing" => missing_word(lang).into(),
        other => other.into(),
    }
}

/// The weights factor in words.
pub(crate) fn weights_factor(lang: Lang, percent: &str, nodes: &str) -> String {
    match lang {
        Lang::Vi => format!("trọng số ±{percent} % ({nodes})"),
        Lang::En => format!("weights ±{percent} % ({nodes})"),
    }
}

/// Heading of `dti robustness`.
pub(crate) fn robustness_title(lang: Lang, index: &str) -> String {
    match lang {
        Lang::Vi => format!("Độ vững của xếp hạng {index}"),
        Lang::En => format!("Robustness of the {index} ranking"),
    }
}

/// The settings line.
pub(crate) fn robustness_settings(
    lang: Lang,
    samples: usize,
    factors: usize,
    runs: usize,
    seed: u64,
    sampling: &str,
    bootstrap: usize,
) -> String {
    match lang {
        Lang::Vi => format!(
            "N = {samples} mẫu gốc, {factors} yếu tố → {runs} lần tính (hạt giống {seed}, lấy mẫu {sampling}), {bootstrap} lần bootstrap."
        ),
        Lang::En => format!(
            "N = {samples} base samples, {factors} factor{} → {runs} runs (seed {seed}, {sampling} sampling), {bootstrap} bootstrap resamples.",
            plural(factors)
        ),
    }
}

/// Before the list of uncertain choices.
pub(crate) fn uncertain_choices(lang: Lang) -> &'static str {
    lang.pick("Các lựa chọn không chắc chắn", "Uncertain choices")
}

/// Heading of the rank table.
pub(crate) fn rank_distribution(lang: Lang) -> String {
    lang.pick(
        "Phân bố thứ hạng của từng đơn vị",
        "Each unit's rank distribution",
    )
    .into()
}

/// Column: P(top k).
pub(crate) fn top_k(lang: Lang, k: u32) -> String {
    match lang {
        Lang::Vi => format!("Xác suất trong top {k}"),
        Lang::En => format!("P(top {k})"),
    }
}

/// Heading of the sensitivity table.
pub(crate) fn sensitivity_indices(lang: Lang) -> String {
    lang.pick(
        "Độ nhạy: yếu tố nào làm xếp hạng thay đổi",
        "Sensitivity: which choice moves the ranks",
    )
    .into()
}

/// What the numbers mean.
pub(crate) fn robustness_explained(lang: Lang, k: u32) -> String {
    match lang {
        Lang::Vi => format!(
            "Khoảng hạng 5–95 %: 90 % số lần tính cho hạng trong khoảng này. Xác suất trong top {k}: tỷ lệ số lần tính đơn vị đứng trong {k} hạng đầu. Chỉ số bậc 1: phần phương sai của mức dịch hạng trung bình do riêng yếu tố đó; toàn phần: kể cả tương tác với yếu tố khác (Saltelli 2010, Jansen; khoảng tin cậy bootstrap 95 %)."
        ),
        Lang::En => format!(
            "Rank 5–95 %: 90 % of the runs rank the unit within this interval. P(top {k}): the share of runs in which it ranks in the top {k}. First order: the share of the variance of the mean rank shift due to that choice alone; total: including its interactions with the others (Saltelli 2010, Jansen; 95 % bootstrap intervals)."
        ),
    }
}

/// The progress bar's label.
pub(crate) fn progress(lang: Lang, runs: usize) -> String {
    match lang {
        Lang::Vi => format!("đang tính {runs} phương án"),
        Lang::En => format!("scoring {runs} methodologies"),
    }
}

/// Caption of the rank-interval chart.
pub(crate) fn rank_chart_caption(lang: Lang) -> String {
    lang.pick(
        "Khoảng hạng 5–95 % của từng đơn vị (chấm: trung vị, vòng đỏ: hạng gốc)",
        "Each unit's 5–95 % rank interval (dot: median, red ring: nominal rank)",
    )
    .into()
}

/// The rank axis.
pub(crate) fn rank_axis(lang: Lang) -> String {
    lang.pick("Hạng (1 = tốt nhất)", "Rank (1 = best)").into()
}

/// An uncertainty file that cannot be read.
pub(crate) fn bad_uncertainty(lang: Lang, detail: &str) -> String {
    match lang {
        Lang::Vi => format!("tệp mô tả độ không chắc chắn không hợp lệ: {detail}"),
        Lang::En => format!("the uncertainty file is not valid: {detail}"),
    }
}

/// What an uncertainty file holds.
pub(crate) fn uncertainty_hint(lang: Lang) -> String {
    lang.pick(
        "các khoá: `weights = { share = 0.25, nodes = [] }`, `aggregation = [{ method = \"geometric\" }]`, `normalisation = [{ method = \"min_max\" }]`, `missing = [\"skip\"]`; xem `dti robustness --help`",
        "keys: `weights = { share = 0.25, nodes = [] }`, `aggregation = [{ method = \"geometric\" }]`, `normalisation = [{ method = \"min_max\" }]`, `missing = [\"skip\"]`; see `dti robustness --help`",
    )
    .into()
}

/// `--samples` too small.
pub(crate) fn bad_samples(lang: Lang, samples: usize) -> String {
    match lang {
        Lang::Vi => format!("--samples {samples}: cần ít nhất 2 (thường dùng 100 trở lên)"),
        Lang::En => format!("--samples {samples}: use at least 2 (100 or more is usual)"),
    }
}

/// Heading of `dti remove-one`.
pub(crate) fn removal_title(lang: Lang, index: &str) -> String {
    match lang {
        Lang::Vi => format!("Bỏ từng chỉ tiêu: xếp hạng {index} thay đổi thế nào"),
        Lang::En => format!("Remove one: how the {index} ranking shifts"),
    }
}

/// Heading of the removal table.
pub(crate) fn removal_table(lang: Lang) -> String {
    lang.pick(
        "Dịch hạng khi bỏ từng chỉ số (lớn nhất trước)",
        "Rank shifts per removed node (largest first)",
    )
    .into()
}

/// What removal means.
pub(crate) fn removal_explained(lang: Lang, index: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "Mỗi dòng: trọng số của chỉ số đó đặt bằng 0 ở mọi nơi nó được tính, rồi so sánh hạng {index} mới với hạng gốc (▲ tăng hạng, ▼ giảm hạng)."
        ),
        Lang::En => format!(
            "Each row: the node's weight set to zero wherever it counts, and the new {index} ranks compared with the nominal ones (▲ better, ▼ worse)."
        ),
    }
}

labels! {
    /// Mean.
    mean_word => "Trung bình", "Mean";
    /// Median.
    median_word => "Trung vị", "Median";
    /// Standard deviation.
    sd_word => "Độ lệch chuẩn", "SD";
    /// Skewness.
    skewness_word => "Độ lệch", "Skew";
    /// Kurtosis.
    kurtosis_word => "Độ nhọn", "Kurtosis";
    /// A unit forced out.
    forced_out => "bị loại theo danh sách force_exclude", "named in force_exclude";
    /// Too many zeros.
    too_many_zeros => "quá nhiều số 0", "too many zeros";
    /// Log transform.
    log_transformed => "biến đổi log", "log-transformed";
    /// A point lowered.
    lowered => "hạ xuống", "lowered";
    /// A point raised.
    raised => "nâng lên", "raised";
    /// A point logged.
    logged => "log", "log";
    /// Flag: low availability.
    flag_low_availability => "thiếu dữ liệu", "low availability";
    /// Flag: many zeros.
    flag_many_zeros => "nhiều số 0", "many zeros";
    /// Flag: outliers.
    flag_outliers => "có giá trị ngoại lai", "outliers";
    /// Flag: few unique values.
    flag_few_unique => "ít giá trị khác nhau", "few unique values";
    /// Flag: a high correlation.
    flag_high_correlation => "tương quan quá cao (> 0,9)", "too high (> 0.9)";
    /// Flag: a negative correlation.
    flag_negative => "âm", "negative";
}

/// A unit dropped for too little data: the status of a node with too little data.
pub(crate) fn low_availability(lang: Lang) -> &'static str {
    words::status(Status::LowAvailability, lang)
}

/// Heading of `dti build`.
pub(crate) fn build_title(lang: Lang, stage: &str) -> String {
    match lang {
        Lang::Vi => format!("Xây dựng chỉ số: {stage}"),
        Lang::En => format!("Index construction: {stage}"),
    }
}

/// `dti build` without a framework file.
pub(crate) fn build_needs_framework(lang: Lang) -> String {
    lang.pick(
        "dti build cần --framework: bộ chỉ số (mã có sẵn hoặc tệp) có các bước [pipeline] và cách tính điểm",
        "dti build needs --framework: the framework (an embedded id or a file) whose [pipeline] steps and scoring build the index",
    )
    .into()
}

/// A list, or a dash when it is empty.
fn or_dash(list: &str) -> &str {
    if list.is_empty() { "—" } else { list }
}

/// The data column that holds a grouping, in Vietnamese and English: the plain `group`
/// column is the grouping called `group`, any other is a `group:NAME` column.
fn grouping_column(grouping: &str) -> (String, String) {
    if grouping == "group" {
        ("nhóm".to_string(), "group".to_string())
    } else {
        (format!("nhóm:{grouping}"), format!("group:{grouping}"))
    }
}

/// `--rank-within` names a grouping the data does not have.
pub(crate) fn rank_grouping_missing(lang: Lang, grouping: &str, known: &str) -> String {
    let known = or_dash(known);
    let (vi, en) = grouping_column(grouping);
    match lang {
        Lang::Vi => format!(
            "--rank-within: dữ liệu không có cách phân nhóm `{grouping}` (các cách phân nhóm có: {known}); thêm cột `{vi}`"
        ),
        Lang::En => format!(
            "--rank-within: the data has no grouping `{grouping}` (groupings present: {known}); add a `{en}` column"
        ),
    }
}

/// `--rank-within` with a stage that has no index.
pub(crate) fn rank_within_needs_aggregated(lang: Lang) -> String {
    lang.pick(
        "--rank-within xếp hạng theo chỉ số tổng hợp: dùng với --stage aggregated (mặc định)",
        "--rank-within ranks on the index: use it with --stage aggregated (the default)",
    )
    .into()
}

/// The weight set a build used, for its heading.
pub(crate) fn weight_set(lang: Lang, set: &str) -> String {
    match lang {
        Lang::Vi => format!("bộ trọng số `{set}`"),
        Lang::En => format!("weight set `{set}`"),
    }
}

/// A stage the pipeline does not have.
pub(crate) fn stage_not_run(lang: Lang, stage: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "bảng [pipeline] không có bước tạo ra `{}`: chọn bước khác với --stage",
            stage.to_lowercase()
        ),
        Lang::En => format!(
            "the [pipeline] has no step that makes `{}`: choose another --stage",
            stage.to_lowercase()
        ),
    }
}

/// A unit dropped by screening.
pub(crate) fn dropped_unit(
    lang: Lang,
    unit: &str,
    reason: &str,
    availability: &str,
    zeros: &str,
) -> String {
    match lang {
        Lang::Vi => format!(
            "Loại đơn vị {unit}: {reason} (độ phủ dữ liệu {availability}, tỷ lệ số 0 {zeros})."
        ),
        Lang::En => {
            format!("Dropped unit {unit}: {reason} (availability {availability}, zeros {zeros}).")
        }
    }
}

/// Points winsorised.
pub(crate) fn winsorised(lang: Lang, points: usize) -> String {
    match lang {
        Lang::Vi => format!("winsor hóa {points} điểm"),
        Lang::En => format!("winsorised {points} point{}", plural(points)),
    }
}

/// An indicator treated.
pub(crate) fn treated_indicator(
    lang: Lang,
    indicator: &str,
    how: &str,
    before: &str,
    after: &str,
) -> String {
    match lang {
        Lang::Vi => {
            format!("Xử lý ngoại lai {indicator}: {how} (độ lệch / độ nhọn {before} → {after}).")
        }
        Lang::En => format!("Treated {indicator}: {how} (skew / kurtosis {before} → {after})."),
    }
}

/// A cell imputed.
pub(crate) fn imputed_cell(lang: Lang, unit: &str, column: &str, value: &str) -> String {
    match lang {
        Lang::Vi => format!("Điền giá trị thiếu {column} của {unit}: {value}."),
        Lang::En => format!("Imputed {column} of {unit}: {value}."),
    }
}

/// Heading of the statistics table.
pub(crate) fn indicator_statistics(lang: Lang) -> String {
    lang.pick(
        "Thống kê từng chỉ tiêu (dữ liệu thô)",
        "Indicator statistics (raw data)",
    )
    .into()
}

/// Heading of the correlation table.
pub(crate) fn correlation_table(lang: Lang) -> String {
    lang.pick(
        "Tương quan trong từng nhóm và với nhóm",
        "Correlations within each aggregate and with it",
    )
    .into()
}

/// Pseudo-random sampling, as the settings line names it.
pub(crate) fn random_sampling(lang: Lang) -> &'static str {
    lang.pick("ngẫu nhiên", "random")
}

/// Why a workbook could not be read when the spreadsheet library itself failed on it.
pub(crate) fn workbook_unreadable(lang: Lang) -> &'static str {
    lang.pick(
        "tệp bị hỏng hoặc có nội dung không hợp lệ",
        "the file is damaged or holds invalid content",
    )
}

/// The columns of a before/after table (`compare`, `whatif`): code, name, old and new value,
/// change, old and new rank, rank move.
pub(crate) fn change_columns(lang: Lang) -> Vec<String> {
    columns(
        lang,
        &[
            code, name, old_value, new_value, change, old_rank, new_rank, rank_move,
        ],
    )
}

// --- dti import-coinr ----------------------------------------------------------------------

fn pick(lang: Lang, vi: String, en: String) -> String {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// What the import wrote.
pub(crate) fn coinr_done(lang: Lang, counts: [usize; 5], framework: &str, data: &str) -> String {
    let [indicators, aggregates, groups, denominators, units] = counts;
    pick(
        lang,
        format!(
            "Đã ghi {framework}: {indicators} chỉ tiêu, {aggregates} chỉ số tổng hợp.\nĐã ghi {data}: {units} đơn vị; cột nhóm: {groups}; cột mẫu số: {denominators}.\nChạy: dti build {data} -f {framework}\n"
        ),
        format!(
            "Wrote {framework}: {indicators} indicators, {aggregates} aggregates.\nWrote {data}: {units} units; grouping columns: {groups}; denominator columns: {denominators}.\nRun: dti build {data} -f {framework}\n"
        ),
    )
}

// Words of issue 13 (Vietnamese output with no English in it).

/// What the spreadsheet library said when it failed: its own English words for English
/// readers, "damaged or invalid" for Vietnamese ones.
pub(crate) fn library_error(lang: Lang, detail: &str) -> String {
    match lang {
        Lang::Vi => workbook_unreadable(lang).to_string(),
        Lang::En => detail.to_string(),
    }
}

/// The last line when a command stops on a framework file's errors.
pub(crate) fn framework_failed_with(lang: Lang, errors: usize) -> String {
    match lang {
        Lang::Vi => format!("dừng lại: tệp bộ chỉ số có {errors} lỗi; sửa rồi chạy lại"),
        Lang::En => format!(
            "stopped: the framework file has {errors} error{}; fix {} and run again",
            plural(errors),
            if errors == 1 { "it" } else { "them" }
        ),
    }
}

/// The last line when a command stops on the errors of an input file that is neither the
/// data nor the framework (a mapping, weights, costs, a methodology).
pub(crate) fn file_failed_with(lang: Lang, errors: usize) -> String {
    match lang {
        Lang::Vi => format!("dừng lại: tệp có {errors} lỗi; sửa rồi chạy lại"),
        Lang::En => format!(
            "stopped: the file has {errors} error{}; fix {} and run again",
            plural(errors),
            if errors == 1 { "it" } else { "them" }
        ),
    }
}

/// Why the system refused to read or write a file, in Vietnamese (the system's own words are
/// English; its error number is kept for whoever looks it up).
fn io_reason_vi(error: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let reason = match error.kind() {
        K::NotFound => "không có tệp hoặc thư mục này",
        K::PermissionDenied => "không có quyền",
        K::AlreadyExists => "tệp đã có",
        K::IsADirectory => "đó là một thư mục",
        K::NotADirectory => "một phần của đường dẫn không phải là thư mục",
        K::ReadOnlyFilesystem => "ổ đĩa chỉ cho đọc",
        K::StorageFull => "ổ đĩa đã đầy",
        K::FileTooLarge => "tệp quá lớn",
        K::InvalidData => "nội dung không hợp lệ",
        K::InvalidFilename => "tên tệp không hợp lệ",
        K::BrokenPipe => "nơi nhận đã đóng",
        K::Interrupted => "bị ngắt",
        K::UnexpectedEof => "tệp kết thúc sớm",
        K::OutOfMemory => "không đủ bộ nhớ",
        _ => "hệ điều hành từ chối",
    };
    match error.raw_os_error() {
        Some(code) => format!("{reason} (mã lỗi {code})"),
        None => reason.to_string(),
    }
}

// --- `--help` and usage errors in Vietnamese (issue 13) ------------------------------------
//
// clap words help and errors in English; under `--lang vi` (or a Vietnamese locale) the
// command is rebuilt with these words (`usage.rs`). English help stays in the doc comments of
// the clap definitions. A test checks that every argument has its Vietnamese help here.

/// What the tool, or one subcommand, does.
pub(crate) fn vi_about(command: Option<&str>) -> Option<&'static str> {
    Some(match command? {
        "score" => {
            "Chấm điểm một tệp số liệu: chỉ số, trụ cột và chỉ số chính của từng đơn vị, kèm thứ hạng"
        }
        "check" => "Kiểm tra một tệp số liệu và liệt kê mọi vấn đề, kèm vị trí và gợi ý",
        "template" => "Tạo tệp mẫu nhập liệu trống liệt kê mọi chỉ tiêu của một bộ chỉ số",
        "explain" => {
            "Cho biết đơn vị mất điểm ở đâu và cùng một nỗ lực thì nâng chỉ tiêu nào được nhiều nhất"
        }
        "compare" => {
            "So sánh hai tệp số liệu (ví dụ hai năm): thay đổi theo đơn vị và chỉ số, thay đổi thứ hạng"
        }
        "frameworks" => "Liệt kê các bộ chỉ số có sẵn, hoặc xem chi tiết một bộ",
        "report" => "Tạo báo cáo HTML độc lập, in được (A4), cho một đơn vị",
        "whatif" => {
            "Thay đổi một vài giá trị của một đơn vị và xem mọi chỉ số, thứ hạng thay đổi ra sao"
        }
        "goal" => {
            "Tìm cách nâng chỉ tiêu ít tốn công nhất để đơn vị đạt một giá trị hoặc thứ hạng mục tiêu"
        }
        "merge" => {
            "Kết quả của các tỉnh sau sáp nhập (63 → 34 năm 2025, hoặc theo bảng tương ứng bất kỳ), tính theo trung bình và theo gộp số liệu"
        }
        "robustness" => {
            "Độ vững của xếp hạng trước những lựa chọn phương pháp chưa chắc chắn (Monte Carlo)"
        }
        "remove-one" => "Bỏ lần lượt từng chỉ tiêu và xem thứ hạng dịch chuyển ra sao",
        "build" => "Xây dựng chỉ số từ số liệu thô theo bảng [pipeline] của tệp bộ chỉ số",
        "import-coinr" => {
            "Chuyển một chỉ số viết cho COINr (bảng iMeta và iData) thành tệp bộ chỉ số và tệp số liệu"
        }
        "completions" => "In đoạn mã tự hoàn thành lệnh cho shell",
        "manpage" => "In trang hướng dẫn (định dạng roff)",
        _ => return None,
    })
}

/// What the whole tool does (`dti --help`).
pub(crate) fn vi_tool_about() -> &'static str {
    "Chấm điểm, kiểm tra và giải thích Chỉ số chuyển đổi số cấp tỉnh (DTI) của Việt Nam"
}

/// Exit statuses, language and colour, after every help.
pub(crate) fn vi_exit_codes() -> &'static str {
    "\
Mã thoát:
  0  thành công (cảnh báo và ghi chú không làm lệnh thất bại)
  1  số liệu hoặc bộ chỉ số có lỗi (`dti check` tìm thấy lỗi, không chấm điểm được)
  2  dùng lệnh sai: tham số sai, tệp đầu vào không đọc được, tệp kết quả không ghi được,
     hoặc tệp kết quả đã có (dùng --force để ghi đè)

Ngôn ngữ: --lang, nếu không thì theo LC_ALL / LC_MESSAGES / LANG (tiếng Việt khi giá trị bắt đầu bằng vi), nếu không nữa thì tiếng Anh.
Màu: chỉ khi kết quả hiện ra màn hình và biến NO_COLOR không được đặt."
}

/// The long help's ending of a subcommand (`dti robustness --help` first shows the default
/// uncertainty).
pub(crate) fn vi_after_long_help(command: &str) -> String {
    match command {
        "robustness" => format!(
            "\
Tệp độ không chắc chắn (--uncertainty, TOML hoặc JSON); khi không có tệp, mặc định là:
  `aggregation = [{{ method = \"geometric\" }}]`   # các cách tổng hợp thay thế, viết như trong tệp bộ chỉ số:
                  # `arithmetic`, `geometric`, `harmonic`, `median`, `minimum`, `{{ method = \"power_mean\", p = P }}`
  `normalisation = [{{ method = \"min_max\" }}]`   # các cách chấm điểm thay thế, viết như trong tệp bộ chỉ số
  `missing = []`                  # các cách xử lý giá trị thiếu thay thế: `zero`, `skip`
  `[weights]`
  `share = 0.25`                  # mỗi trọng số × một hệ số lấy ngẫu nhiên trong [0,75; 1,25]
  `nodes = []`                    # các chỉ số tổng hợp có trọng số thay đổi (để trống: tất cả)
Mỗi lựa chọn liệt kê là một yếu tố; bộ chỉ số như đã viết là lựa chọn gốc.
Phép phân tích tính N × (số yếu tố + 2) phương án (thiết kế của Saltelli).

{}",
            vi_exit_codes()
        ),
        _ => vi_exit_codes().to_string(),
    }
}

/// The layout of a help page, its headings in Vietnamese.
pub(crate) fn vi_help_template() -> &'static str {
    "{before-help}{about-with-newline}\nCách dùng: {usage}\n\n{all-args}{after-help}"
}

/// Heading of the subcommand list.
pub(crate) fn vi_commands_heading() -> &'static str {
    "Lệnh"
}

/// Heading of the options.
pub(crate) fn vi_options_heading() -> &'static str {
    "Tuỳ chọn"
}

/// Heading of the positional arguments.
pub(crate) fn vi_arguments_heading() -> &'static str {
    "Tham số"
}

/// The placeholder of a subcommand in a usage line.
pub(crate) fn vi_command_placeholder() -> &'static str {
    "LỆNH"
}

/// The placeholder of the options in a usage line.
pub(crate) fn vi_options_placeholder() -> &'static str {
    "[TUỲ_CHỌN]"
}

/// `--help`.
pub(crate) fn vi_help_flag() -> &'static str {
    "In trợ giúp"
}

/// `--version`.
pub(crate) fn vi_version_flag() -> &'static str {
    "In phiên bản"
}

/// Before the values an option accepts.
pub(crate) fn vi_choices() -> &'static str {
    "một trong"
}

/// Before an option's default.
pub(crate) fn vi_default() -> &'static str {
    "mặc định"
}

/// The heading of the usage line in an error.
pub(crate) fn vi_usage_heading() -> &'static str {
    "Cách dùng"
}

/// The last line of a usage error.
pub(crate) fn vi_more_help(command: &str) -> String {
    format!("Xem thêm: `{command}`.")
}

/// A likely meant argument or subcommand.
pub(crate) fn vi_did_you_mean(suggestion: &str) -> String {
    format!("gợi ý: có phải ý bạn là `{suggestion}`?")
}

/// A value name of the usage line and help, in Vietnamese.
pub(crate) fn vi_value_name(name: &str) -> &'static str {
    match name {
        "LANG" => "NGÔN_NGỮ",
        "MIB" => "MIB",
        "N" => "N",
        "K" => "K",
        "B" => "B",
        "S" => "S",
        "DATA" => "TỆP_SỐ_LIỆU",
        "ID|FILE" => "MÃ|TỆP",
        "NAME" => "TÊN",
        "FORMAT" => "ĐỊNH_DẠNG",
        "FILE" => "TỆP",
        "CODE" => "MÃ",
        "YEAR" => "NĂM",
        "UNIT" => "ĐƠN_VỊ",
        "SHARE" => "TỶ_LỆ",
        "OLD" => "TỆP_CŨ",
        "NEW" => "TỆP_MỚI",
        "CODE=VALUE" => "MÃ=GIÁ_TRỊ",
        "VALUE" => "GIÁ_TRỊ",
        "METHOD" => "CÁCH",
        "SAMPLING" => "CÁCH_LẤY_MẪU",
        "STAGE" => "BƯỚC",
        "GROUPING" => "NHÓM",
        "IMETA" => "IMETA",
        "IDATA" => "IDATA",
        "ID" => "MÃ",
        "SHELL" => "SHELL",
        _ => "GIÁ_TRỊ",
    }
}

/// An argument's help in Vietnamese: the subcommand's own wording, else the shared one.
pub(crate) fn vi_arg_help(command: Option<&str>, id: &str) -> Option<&'static str> {
    let own = match (command, id) {
        (Some("check"), "format") => Some("Định dạng kết quả"),
        (Some("score"), "unit") => {
            Some("Chỉ hiện đơn vị này, theo mã hoặc tên (thứ hạng vẫn là thứ hạng giữa mọi đơn vị)")
        }
        (Some("score"), "summary") => Some(
            "Bảng xếp hạng: mỗi đơn vị một dòng, với các chỉ số (DTI và các trụ cột) và thứ hạng",
        ),
        (Some("score"), "sort") => Some(
            "Dùng với --summary: mã để xếp hạng theo, như DTI, CQS, KTS, XHS hoặc một chỉ tiêu (đồng hạng thì giữ thứ tự của chỉ số chính) [mặc định: chỉ số chính]",
        ),
        (Some("frameworks"), "long") => Some(
            "Liệt kê đầy đủ: nguồn và các chỉ số của từng bộ chỉ số, ghi chú của từng bộ dữ liệu (không có tùy chọn này, danh sách vừa 100 cột)",
        ),
        (Some("explain" | "frameworks"), "format") => Some("Định dạng kết quả"),
        (Some("template"), "format") => {
            Some("Định dạng tệp mẫu [mặc định: theo đuôi tệp -o, nếu không thì csv]")
        }
        (Some("template"), "framework") => {
            Some("Bộ chỉ số: mã một bộ có sẵn (xem `dti frameworks`) hoặc một tệp TOML/JSON")
        }
        (Some("template"), "unit") => {
            Some("Mã đơn vị điền sẵn vào mỗi dòng (ví dụ 22 cho Quảng Ninh)")
        }
        (Some("template"), "name") => Some("Tên đơn vị điền sẵn vào mỗi dòng"),
        (Some("frameworks"), "framework") => {
            Some("Xem chi tiết bộ chỉ số này: mã một bộ có sẵn hoặc một tệp TOML/JSON")
        }
        (Some("whatif"), "unit") => {
            Some("Đơn vị có giá trị thay đổi, theo mã hoặc tên [mặc định: đơn vị duy nhất của tệp]")
        }
        (Some("explain"), "index") => {
            Some("Chỉ số cần giải thích [mặc định: chỉ số đầu tiên của bộ chỉ số, ví dụ DTI]")
        }
        (Some("robustness"), "index") => Some(
            "Chỉ số có xếp hạng được xem xét [mặc định: chỉ số đầu tiên của bộ chỉ số, ví dụ DTI]",
        ),
        (Some("remove-one"), "index") => Some(
            "Chỉ số có xếp hạng được so sánh [mặc định: chỉ số đầu tiên của bộ chỉ số, ví dụ DTI]",
        ),
        (Some("merge"), "data") => {
            Some("Số liệu của các đơn vị cũ: CSV, JSON hoặc .xlsx (`-` đọc từ đầu vào chuẩn)")
        }
        (Some("merge"), "method") => Some("Cách tính kết quả sau sáp nhập"),
        (Some("merge"), "weights") => Some(
            "Trọng số của các đơn vị cũ khi gộp số liệu (dân số, số doanh nghiệp …): tệp CSV gồm các dòng `code,weight`",
        ),
        (Some("build"), "data") => Some(
            "Số liệu thô: CSV, JSON hoặc .xlsx (`-` đọc từ đầu vào chuẩn); dạng rộng, mỗi chỉ tiêu và mỗi mẫu số một cột, cột `group` hoặc `group:TÊN` để điền giá trị thiếu theo nhóm",
        ),
        (Some("build"), "weights") => Some(
            "Dùng bộ trọng số có tên trong bảng [pipeline] ([pipeline.weights.TÊN]) thay cho trọng số của bộ chỉ số",
        ),
        (Some("import-coinr"), "data") => {
            Some("Bảng số liệu của COINr (iData) dạng CSV; `NA` hoặc ô trống là giá trị thiếu")
        }
        (Some("import-coinr"), "method") => Some(
            "Phương pháp, một tệp TOML: `rule` cho mỗi chỉ tiêu, `aggregation` cho mỗi chỉ số tổng hợp (`by_level` cho một số cấp) và bảng [pipeline] các bước xây dựng [mặc định: chuẩn hoá min-max về 0–100, rồi trung bình cộng, như mặc định của COINr]",
        ),
        (Some("import-coinr"), "id") => Some("Mã của bộ chỉ số [mặc định: tên tệp iMeta]"),
        (Some("import-coinr"), "name") => Some("Tên của bộ chỉ số [mặc định: mã của nó]"),
        (Some("import-coinr"), "force") => Some("Ghi đè các tệp kết quả đã có"),
        (Some("completions"), "shell") => Some("Loại shell"),
        _ => None,
    };
    own.or_else(|| vi_shared_arg_help(id))
}

/// The Vietnamese help of an argument many subcommands share.
fn vi_shared_arg_help(id: &str) -> Option<&'static str> {
    Some(match id {
        "lang" => {
            "Ngôn ngữ của thông báo và kết quả [mặc định: theo LC_ALL / LC_MESSAGES / LANG, nếu không thì en]"
        }
        "max_file_mb" => "Không đọc tệp đầu vào lớn hơn số MiB này [mặc định: 256]",
        "max_rows" => {
            "Không đọc tệp CSV có nhiều dòng hơn số này, kể cả dòng tiêu đề [mặc định: 1000000]"
        }
        "max_columns" => "Không đọc tệp CSV có nhiều cột hơn số này [mặc định: 20000]",
        "max_unpacked_mb" => {
            "Không đọc bảng tính (.xlsx, .ods) khi giải nén ra hơn số MiB này [mặc định: 256]"
        }
        "max_errors" => {
            "Liệt kê tối đa N vấn đề, rồi cho biết còn bao nhiêu (0: liệt kê tất cả) [mặc định: 200]"
        }
        "data" => "Tệp số liệu: CSV, JSON hoặc .xlsx (`-` đọc từ đầu vào chuẩn)",
        "framework" => {
            "Bộ chỉ số: mã một bộ có sẵn (xem `dti frameworks`) hoặc một tệp TOML/JSON [mặc định: bộ chỉ số ghi trong tệp số liệu, nếu không thì dti-province-2022]"
        }
        "sheet" => "Trang tính cần đọc trong tệp .xlsx [mặc định: trang đầu tiên]",
        "format" => "Định dạng kết quả [mặc định: theo đuôi tệp -o, nếu không thì table]",
        "output" => {
            "Ghi vào tệp này thay vì đầu ra chuẩn (ghi trọn một lần; không bao giờ ghi đè tệp đầu vào; chỉ tệp thường, không phải thiết bị, ống, socket hay thư mục; `-` là đầu ra chuẩn)"
        }
        "force" => "Ghi đè tệp kết quả nếu đã có (chỉ với tệp thường)",
        "quiet" => "Bỏ các ghi chú (dấu phẩy thập phân đã được chấp nhận và những điều tương tự)",
        "year" => "Năm của số liệu",
        "unit" => "Đơn vị, theo mã hoặc tên [mặc định: đơn vị duy nhất của tệp]",
        "step" => {
            "Mức nỗ lực dùng để so sánh các chỉ tiêu: điểm mỗi chỉ tiêu tăng thêm chừng này phần thang điểm của nó"
        }
        "old" => "Tệp số liệu trước (CSV, JSON hoặc .xlsx)",
        "new" => "Tệp số liệu sau (CSV, JSON hoặc .xlsx)",
        "set" => {
            "Một giá trị mới, viết như trong ô số liệu: `I7=0.95`, `I7=0,95`, `P1=85%`, `P2=731/1950`; `I7=` xoá giá trị. Lặp lại cho nhiều chỉ tiêu"
        }
        "target" => "Giá trị cần đạt trên thang của chỉ số, ví dụ 0,75 (hoặc 0.75, 75%)",
        "rank" => "Thứ hạng cần đạt trong các đơn vị (1 = đứng đầu), các đơn vị khác giữ nguyên",
        "node" => "Chỉ số đặt mục tiêu [mặc định: chỉ số đầu tiên của bộ chỉ số, ví dụ DTI]",
        "costs" => {
            "Công sức cho mỗi chỉ tiêu: tệp CSV gồm các dòng `indicator,cost`, trong đó cost là công sức nâng chỉ tiêu trên cả thang điểm [mặc định: 1 cho mỗi chỉ tiêu]"
        }
        "mapping" => {
            "Tệp tương ứng: CSV với các cột new_unit, new_name, former_code (sáp nhập huyện, xã cũng làm như vậy) [mặc định: 63 → 34 tỉnh từ ngày 1/7/2025]"
        }
        "allow_partial" => {
            "Vẫn tính một đơn vị mới khi tệp chỉ có số liệu của một phần các đơn vị cũ, từ những đơn vị có số liệu (mỗi đơn vị như vậy được đánh dấu); nếu không có tuỳ chọn này, đó là lỗi"
        }
        "uncertainty" => {
            "Các lựa chọn chưa chắc chắn, một tệp TOML hoặc JSON [mặc định: trọng số ±25 %, tổng hợp bằng trung bình nhân, chấm điểm bằng chuẩn hoá min-max; xem --help]"
        }
        "samples" => {
            "N, cỡ mẫu gốc (các chỉ số độ nhạy của DTI 63 tỉnh ổn định từ 10000; ít mẫu hơn sẽ có cảnh báo)"
        }
        "seed" => {
            "Hạt giống ngẫu nhiên: cùng hạt giống cho cùng kết quả trên mọi máy và mọi số luồng"
        }
        "sampling" => "Cách lấy các giá trị của yếu tố",
        "top_k" => "Số k trong \"xác suất đứng trong k hạng đầu\"",
        "bootstrap" => {
            "Số lần lấy mẫu lại (bootstrap) cho khoảng tin cậy 95 % của các chỉ số độ nhạy"
        }
        "threads" => "Số luồng (0: mọi lõi)",
        "index" => "Chỉ số được xem xét [mặc định: chỉ số đầu tiên của bộ chỉ số, ví dụ DTI]",
        "remove" => "Chỉ bỏ các chỉ số này (lặp lại) [mặc định: mọi chỉ số dưới chỉ số đang xét]",
        "stage" => "Bước có bảng được hiển thị",
        "rank_within" => {
            "Xếp hạng thêm mỗi đơn vị trong nhóm của nó theo một cách nhóm của số liệu (`group` cho cột `group`, TÊN cho cột `group:TÊN`)"
        }
        "diagnostics" => {
            "Hiện thêm thống kê từng chỉ tiêu kèm cờ cảnh báo, tương quan, hệ số alpha của Cronbach và trọng số thực tế"
        }
        "meta" => "Bảng thông tin chỉ tiêu của COINr (iMeta) dạng CSV",
        "framework_out" => "Nơi ghi tệp bộ chỉ số (TOML)",
        "data_out" => "Nơi ghi tệp số liệu (CSV)",
        _ => return None,
    })
}

/// A usage error clap found, in Vietnamese, from its kind and the facts clap gives.
pub(crate) fn vi_usage_error(
    kind: clap::error::ErrorKind,
    argument: &str,
    value: &str,
    subcommand: &str,
    valid: &[String],
    prior: &str,
) -> String {
    use clap::error::ErrorKind as K;
    let quoted = |items: &[String]| {
        items
            .iter()
            .map(|item| format!("`{item}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match kind {
        K::InvalidValue if value.is_empty() => format!("`{argument}` cần một giá trị"),
        K::InvalidValue if valid.is_empty() => {
            format!("giá trị `{value}` không hợp lệ cho `{argument}`")
        }
        K::InvalidValue => format!(
            "giá trị `{value}` không hợp lệ cho `{argument}`; dùng một trong: {}",
            quoted(valid)
        ),
        K::ValueValidation => format!("giá trị `{value}` không hợp lệ cho `{argument}`"),
        K::UnknownArgument => format!("không có tuỳ chọn hay tham số `{argument}`"),
        K::InvalidSubcommand => format!("không có lệnh `{subcommand}`"),
        K::NoEquals => format!("`{argument}` cần dấu `=` trước giá trị"),
        K::TooManyValues => format!("`{argument}` nhận quá nhiều giá trị (`{value}` là thừa)"),
        K::TooFewValues | K::WrongNumberOfValues => {
            format!("`{argument}` không nhận đúng số giá trị")
        }
        K::ArgumentConflict if prior.is_empty() => {
            format!("`{argument}` không dùng được cùng các tuỳ chọn đã cho")
        }
        K::ArgumentConflict => format!("`{argument}` không dùng được cùng `{prior}`"),
        K::MissingRequiredArgument => format!("thiếu tham số bắt buộc: {argument}"),
        K::MissingSubcommand => "thiếu tên lệnh".into(),
        K::InvalidUtf8 => "tham số không phải văn bản UTF-8".into(),
        _ => "dòng lệnh không hợp lệ".into(),
    }
}

#[cfg(test)]
mod io_tests {
    use super::*;

    #[test]
    fn system_errors_are_worded_in_vietnamese() {
        let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let vi = cannot_read(Lang::Vi, "a.csv", &denied);
        assert!(
            vi.starts_with("không đọc được a.csv: không có quyền"),
            "{vi}"
        );
        assert!(!vi.contains("denied"), "{vi}");
        let en = cannot_write(Lang::En, "a.csv", &denied);
        assert!(en.to_lowercase().contains("permission denied"), "{en}");
    }
}
