//! Vietnamese output holds no English: every vi snapshot, the bad-input corpus checked in
//! Vietnamese through the binary, the widget's Vietnamese texts, the Vietnamese HTML report and
//! the Vietnamese help. A word list finds English words; codes, identifiers, file names, flags,
//! URLs and code spans are left alone.

mod cli_support;

use cli_support::{dti, dti_in, fixtures, tests_dir};

/// Common English words, none of them a Vietnamese word written without tone marks (`to`,
/// `in`, `an`, `do`, `no`, `con`, `ban` are left out for that reason).
const ENGLISH: &[&str] = &[
    "about",
    "above",
    "after",
    "aggregate",
    "aggregates",
    "aggregation",
    "all",
    "allowed",
    "and",
    "are",
    "argument",
    "arguments",
    "arithmetic",
    "as",
    "at",
    "average",
    "be",
    "because",
    "before",
    "below",
    "between",
    "but",
    "by",
    "can",
    "cannot",
    "cell",
    "cells",
    "change",
    "character",
    "characters",
    "check",
    "column",
    "columns",
    "comma",
    "command",
    "could",
    "data",
    "decimal",
    "default",
    "depth",
    "duplicate",
    "each",
    "empty",
    "end",
    "error",
    "errors",
    "every",
    "exceeds",
    "expected",
    "failed",
    "field",
    "fields",
    "file",
    "files",
    "find",
    "fix",
    "for",
    "found",
    "framework",
    "from",
    "geometric",
    "harmonic",
    "has",
    "have",
    "help",
    "here",
    "hint",
    "if",
    "index",
    "indicator",
    "indicators",
    "input",
    "integer",
    "invalid",
    "is",
    "it",
    "its",
    "key",
    "language",
    "larger",
    "limit",
    "line",
    "lines",
    "list",
    "many",
    "maximum",
    "mean",
    "median",
    "method",
    "min_max",
    "minimum",
    "missing",
    "more",
    "must",
    "name",
    "nesting",
    "not",
    "note",
    "number",
    "of",
    "only",
    "or",
    "options",
    "output",
    "power_mean",
    "print",
    "problem",
    "problems",
    "provinces",
    "rank",
    "ranks",
    "read",
    "rows",
    "row",
    "rule",
    "scale",
    "score",
    "scored",
    "scores",
    "sheet",
    "should",
    "show",
    "size",
    "skip",
    "stopped",
    "string",
    "than",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "this",
    "too",
    "trailing",
    "type",
    "unexpected",
    "unit",
    "units",
    "unknown",
    "usage",
    "use",
    "value",
    "values",
    "version",
    "warning",
    "was",
    "weight",
    "weights",
    "were",
    "when",
    "where",
    "which",
    "will",
    "with",
    "without",
    "workbook",
    "would",
    "write",
    "you",
    "your",
    "zero",
    "zscore",
    "z_score",
];

/// Identifiers that are written the same in every language: column headers of the files the
/// tool writes for both languages and the names of its file formats.
const ALLOWED: &[&str] = &["name_en", "name_vi"];

/// An English word found in a text.
#[derive(Debug, PartialEq, Eq)]
struct Leak {
    word: String,
    line: String,
}

/// The English words of `text`, outside code spans, URLs, flags, file names and the given
/// identifiers.
fn english_words(text: &str, identifiers: &[&str]) -> Vec<Leak> {
    let mut leaks = Vec::new();
    for line in text.lines() {
        let mut prose = without_code(line);
        // A row of a help list, `  score         Chấm điểm …`: the term is a name as typed.
        if line.starts_with("  ")
            && let Some((name, rest)) = line.trim_start().split_once(' ')
            && rest.starts_with(' ')
            && !name.is_empty()
        {
            prose = without_code(rest);
        }
        let mut after_dti = false;
        for chunk in prose.split(|c: char| c.is_whitespace() || matches!(c, ';' | ',' | '|')) {
            // `dti check`: a command's name, written as the user types it.
            let command = after_dti;
            after_dti = chunk == "dti";
            if command || is_identifier_chunk(chunk, identifiers) {
                continue;
            }
            for word in chunk
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .filter(|w| !w.is_empty())
            {
                let lower = word.to_lowercase();
                if ENGLISH.contains(&lower.as_str()) && !ALLOWED.contains(&lower.as_str()) {
                    leaks.push(Leak {
                        word: word.to_string(),
                        line: line.trim().to_string(),
                    });
                }
            }
        }
    }
    leaks
}

/// The line with its code spans (between backticks) and URLs blanked.
fn without_code(line: &str) -> String {
    let mut out = String::new();
    let mut in_code = false;
    for c in line.chars() {
        if c == '`' {
            in_code = !in_code;
            out.push(' ');
        } else if !in_code {
            out.push(c);
        }
    }
    out.split_whitespace()
        .filter(|chunk| !chunk.contains("://"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// True for a chunk that names something rather than says something: a flag, a path or file
/// name, a framework or data set id, an e-mail address.
fn is_identifier_chunk(chunk: &str, identifiers: &[&str]) -> bool {
    let bare = chunk.trim_matches(|c: char| {
        !(c.is_alphanumeric() || c == '-' || c == '_' || c == '.' || c == '/')
    });
    let bare = bare.trim_end_matches('.');
    if bare.starts_with('-') && bare.len() > 1 {
        return true;
    }
    if bare.contains('/') || bare.contains('\\') || bare.contains('@') {
        return true;
    }
    // A dotted key or code (`pipeline.weights.NAME`, `CQS.ontime`).
    if bare.trim_matches('.').contains('.') && !bare.contains("..") {
        return true;
    }
    // A key on the keyboard, as `Ctrl+End`.
    if chunk.contains("Ctrl+") {
        return true;
    }
    const EXTENSIONS: &[&str] = &[
        "csv", "json", "toml", "xlsx", "xls", "ods", "html", "md", "txt", "snap", "tsv",
    ];
    // `file.csv`, and `file.csv:3:5` as a place names it.
    let file = bare.split(':').next().unwrap_or(bare);
    if let Some((stem, extension)) = file.rsplit_once('.')
        && !stem.is_empty()
        && EXTENSIONS.contains(&extension.to_lowercase().as_str())
    {
        return true;
    }
    identifiers.contains(&bare)
}

/// The ids that name frameworks and data sets, and the codes of the test frameworks' nodes
/// (`Index`, `Services`): written the same in every language, as their files spell them.
fn embedded_ids() -> Vec<&'static str> {
    let mut ids: Vec<&str> = dti_core::embedded::FRAMEWORK_IDS.to_vec();
    ids.extend(
        dti_core::embedded::DATASETS
            .iter()
            .map(|(name, _, _)| *name),
    );
    ids.extend(fixture_codes().iter().map(String::as_str));
    ids
}

/// The node codes of the frameworks under tests/fixtures (TOML files and COINr's iMeta).
fn fixture_codes() -> &'static [String] {
    static CODES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    CODES.get_or_init(|| {
        let mut codes = Vec::new();
        for folder in ["cli", "pipeline", "coinr"] {
            for entry in std::fs::read_dir(fixtures(folder)).unwrap() {
                let path = entry.unwrap().path();
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                if path.extension().is_some_and(|e| e == "toml")
                    && let Ok(framework) = dti_core::Framework::parse(&text, None)
                {
                    codes.extend(framework.nodes().iter().map(|n| n.code.to_string()));
                }
            }
        }
        let meta = std::fs::read_to_string(fixtures("coinr").join("iMeta.csv")).unwrap();
        let mut reader = csv::Reader::from_reader(meta.as_bytes());
        for record in reader.records() {
            codes.push(record.unwrap()[1].to_string());
        }
        assert!(codes.iter().any(|code| code == "Index"), "{codes:?}");
        codes
    })
}

/// Text a data file holds, shown as it is written there: the demonstration data set's own
/// bilingual warning, quoted by the data-set listing.
const QUOTED_FROM_FILES: &[&str] = &["SYNTHETIC DATA, NOT OFFICIAL FIGURES"];

/// The leaks of a transcript or output: JSON is walked (keys and one-word values are
/// identifiers), anything else read as lines; the echoed command line is the user's own.
fn leaks_in_output(text: &str) -> Vec<Leak> {
    let ids = embedded_ids();
    let mut leaks = Vec::new();
    let mut prose = String::new();
    let (before, rest) = match text.split_once("--- stdout\n") {
        Some((before, rest)) => (before, rest),
        None => ("", text),
    };
    let (stdout, stderr) = rest.split_once("--- stderr\n").unwrap_or((rest, ""));
    for line in before.lines() {
        if !line.starts_with("$ dti ") && !line.starts_with("[exit ") {
            prose.push_str(line);
            prose.push('\n');
        }
    }
    match serde_json::from_str::<serde_json::Value>(stdout) {
        Ok(json) => json_prose(&json, &mut prose),
        Err(_) if stdout.starts_with("<!DOCTYPE html>") => prose.push_str(&html_text(stdout)),
        Err(_) => prose.push_str(stdout),
    }
    for quoted in QUOTED_FROM_FILES {
        prose = prose.replace(quoted, "");
    }
    prose.push('\n');
    prose.push_str(stderr);
    leaks.extend(english_words(&prose, &ids));
    leaks
}

/// The sentences of a JSON document: string values with a space in them.
fn json_prose(json: &serde_json::Value, out: &mut String) {
    match json {
        serde_json::Value::String(text) if text.trim().contains(' ') => {
            out.push_str(text);
            out.push('\n');
        }
        serde_json::Value::Array(items) => items.iter().for_each(|item| json_prose(item, out)),
        // `name_en` is the English name, there for readers of both languages; `problem` is
        // the structured problem for programs (its kind, the cell as written, the parser's
        // own `detail`), worded for people in `message` and `hint` beside it.
        serde_json::Value::Object(fields) => fields
            .iter()
            .filter(|(key, _)| !key.ends_with("_en") && *key != "problem")
            .for_each(|(_, value)| json_prose(value, out)),
        _ => {}
    }
}

/// A snapshot's body, without insta's header.
fn snapshot_body(text: &str) -> &str {
    text.strip_prefix("---\n")
        .and_then(|rest| rest.split_once("\n---\n"))
        .map_or(text, |(_, body)| body)
}

/// The Vietnamese parts of a snapshot: the runs with `--lang vi` (or, in a snapshot named
/// `…-vi`, without `--lang en`), or the whole of a `…-vi` snapshot of something else.
fn vietnamese_parts(name: &str, body: &str) -> Vec<String> {
    let named_vi = name.ends_with("-vi.snap") || name.contains("-vi-");
    if !body.starts_with("$ dti ") {
        return if named_vi {
            vec![body.to_string()]
        } else {
            Vec::new()
        };
    }
    let mut runs: Vec<String> = Vec::new();
    for line in body.lines() {
        if line.starts_with("$ dti ") || runs.is_empty() {
            runs.push(String::new());
        }
        let run = runs.last_mut().expect("a run");
        run.push_str(line);
        run.push('\n');
    }
    runs.into_iter()
        .filter(|run| {
            let command = run.lines().next().unwrap_or_default();
            command.contains("--lang vi") || (named_vi && !command.contains("--lang en"))
        })
        .collect()
}

fn report(what: &str, leaks: &[(String, Leak)]) -> String {
    let mut text = format!("{} English word(s) in {what}:\n", leaks.len());
    for (source, leak) in leaks {
        text.push_str(&format!("  {source}: `{}` in: {}\n", leak.word, leak.line));
    }
    text
}

#[test]
fn the_detector_finds_a_planted_english_sentence() {
    let ids = embedded_ids();
    let planted = "lỗi: tệp.csv:3:5: the value is missing";
    let words: Vec<String> = english_words(planted, &ids)
        .into_iter()
        .map(|leak| leak.word)
        .collect();
    assert_eq!(words, ["the", "value", "is", "missing"]);
    let parser = "lỗi: json-syntax-error.json:3:55: lỗi cú pháp: trailing comma";
    let words: Vec<String> = english_words(parser, &ids)
        .into_iter()
        .map(|leak| leak.word)
        .collect();
    assert_eq!(words, ["trailing", "comma"]);
    let method = "cách chấm điểm: như bộ chỉ số / min_max";
    assert_eq!(english_words(method, &ids).len(), 1);
}

#[test]
fn the_detector_leaves_codes_names_and_vietnamese_alone() {
    for text in [
        "lỗi: text-in-number.csv:2:6, đơn vị 22, chỉ tiêu I3: không đọc được giá trị `cao`",
        "gợi ý: dùng `--max-errors 0` để liệt kê tất cả, xem https://example.org/the/file",
        "bộ chỉ số dti-province-2022, cột name_en, tệp provinces-2022.csv, DTI, CQS.ontime",
        "--- stdout\n{\"severity\": \"error\", \"message\": \"giá trị nằm ngoài khoảng\"}\n--- stderr\n",
        "Xác suất trong top 1; chuẩn hoá min-max; trung bình nhân",
    ] {
        assert_eq!(leaks_in_output(text), [], "{text}");
    }
    assert_eq!(
        leaks_in_output("--- stdout\n{\"message\": \"the file is empty\"}\n--- stderr\n").len(),
        4
    );
}

#[test]
fn vietnamese_snapshots_hold_no_english() {
    let dir = tests_dir().join("tests").join("snapshots");
    let mut leaks = Vec::new();
    let mut read = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !name.ends_with(".snap") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let parts = vietnamese_parts(&name, snapshot_body(&text));
        read += usize::from(!parts.is_empty());
        for part in parts {
            leaks.extend(
                leaks_in_output(&part)
                    .into_iter()
                    .map(|leak| (name.clone(), leak)),
            );
        }
    }
    assert!(read > 100, "only {read} Vietnamese snapshots found");
    assert!(leaks.is_empty(), "{}", report("vi snapshots", &leaks));
}

#[test]
fn the_bad_input_corpus_reads_in_vietnamese() {
    let dir = fixtures("bad-input");
    let mut leaks = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    assert!(files.len() > 30);
    for file in &files {
        for framework in ["dti-province-2022", "illustrative-monitoring"] {
            for format in ["text", "json"] {
                let run = dti_in(
                    &dir,
                    &[
                        "check",
                        file,
                        "--framework",
                        framework,
                        "--format",
                        format,
                        "--lang",
                        "vi",
                    ],
                );
                leaks.extend(
                    leaks_in_output(&run.transcript())
                        .into_iter()
                        .map(|leak| (format!("{file} ({framework}, {format})"), leak)),
                );
            }
        }
    }
    assert!(
        leaks.is_empty(),
        "{}",
        report("the bad-input corpus", &leaks)
    );
}

/// The string literals of the widget's Vietnamese text table, template holes left out.
fn widget_vietnamese_texts(source: &str) -> Vec<String> {
    let start = source.find("    vi: {").expect("the widget's vi table");
    let end = start
        + source[start..]
            .find("\n    en: {")
            .expect("the en table after it");
    let mut texts = Vec::new();
    let mut chars = source[start..end].chars();
    while let Some(c) = chars.next() {
        if c == '"' || c == '`' {
            let mut text = String::new();
            let mut depth = 0;
            for d in chars.by_ref() {
                match d {
                    '{' if c == '`' && text.ends_with('$') => {
                        text.pop();
                        depth += 1;
                    }
                    '}' if depth > 0 => depth -= 1,
                    _ if depth > 0 => {}
                    _ if d == c => break,
                    _ => text.push(d),
                }
            }
            texts.push(text);
        }
    }
    texts
}

#[test]
fn the_widget_speaks_vietnamese() {
    let path = tests_dir().join("../wasm/www/calculator.js");
    let source = std::fs::read_to_string(&path).unwrap();
    let texts = widget_vietnamese_texts(&source);
    assert!(texts.len() > 60, "{} texts", texts.len());
    assert!(texts.iter().any(|t| t == "Máy tính Chỉ số chuyển đổi số"));
    let ids = embedded_ids();
    let leaks: Vec<_> = texts
        .iter()
        .flat_map(|text| english_words(text, &ids))
        .map(|leak| ("calculator.js".to_string(), leak))
        .collect();
    assert!(leaks.is_empty(), "{}", report("the widget", &leaks));
}

/// The text of an HTML page: tags, styles and scripts left out.
fn html_text(html: &str) -> String {
    let mut text = String::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        text.push(' ');
        rest = &rest[open..];
        let closing = ["style", "script"]
            .iter()
            .find(|tag| rest[1..].starts_with(*tag))
            .map(|tag| format!("</{tag}>"));
        let end = match closing {
            Some(closing) => rest.find(&closing).map(|at| at + closing.len()),
            None => rest.find('>').map(|at| at + 1),
        };
        rest = &rest[end.unwrap_or(rest.len())..];
    }
    text.push_str(rest);
    text.replace("&nbsp;", " ")
}

#[test]
fn the_vietnamese_report_holds_no_english() {
    let run = dti(&[
        "report",
        "provinces-2022.csv",
        "--unit",
        "22",
        "--lang",
        "vi",
    ]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let text = html_text(&run.out());
    assert!(text.contains("Quảng Ninh"), "{text}");
    let leaks: Vec<_> = english_words(&text, &embedded_ids())
        .into_iter()
        .map(|leak| ("report".to_string(), leak))
        .collect();
    assert!(leaks.is_empty(), "{}", report("the report", &leaks));
}

#[test]
fn the_vietnamese_help_holds_no_english() {
    let root = dti(&["--lang", "vi", "--help"]);
    assert_eq!(root.code, 0, "{}", root.transcript());
    let commands: Vec<String> = root
        .out()
        .split("Lệnh:\n")
        .nth(1)
        .expect("the list of commands")
        .lines()
        .take_while(|line| !line.trim().is_empty())
        .filter_map(|line| line.split_whitespace().next().map(str::to_string))
        .collect();
    assert!(commands.len() > 10, "{commands:?}");
    let mut leaks: Vec<(String, Leak)> = leaks_in_output(&root.transcript())
        .into_iter()
        .map(|leak| ("dti --help".to_string(), leak))
        .collect();
    for command in &commands {
        for flag in ["--help", "-h"] {
            let run = dti(&["--lang", "vi", command, flag]);
            assert_eq!(run.code, 0, "{}", run.transcript());
            leaks.extend(
                leaks_in_output(&run.transcript())
                    .into_iter()
                    .map(|leak| (format!("dti {command} {flag}"), leak)),
            );
        }
    }
    assert!(leaks.is_empty(), "{}", report("the help", &leaks));
}

#[test]
fn the_core_s_vietnamese_expectations_hold_no_english() {
    let root = tests_dir().join("../core/tests/fixtures");
    let mut leaks = Vec::new();
    let mut read = 0;
    for folder in ["bad-frameworks", "bad-data"] {
        for entry in std::fs::read_dir(root.join(folder)).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if !name.ends_with(".expected") {
                continue;
            }
            read += 1;
            let text = std::fs::read_to_string(&path).unwrap();
            let vietnamese: String = text
                .lines()
                .filter_map(|line| line.strip_prefix("Vi "))
                // The test's own labels (`error:`, `hint:`) are in English for both languages.
                .map(|line| line.split_once(": ").map_or(line, |(_, rest)| rest))
                .map(|line| format!("{line}\n"))
                .collect();
            leaks.extend(
                english_words(&vietnamese, &embedded_ids())
                    .into_iter()
                    .map(|leak| (name.clone(), leak)),
            );
        }
    }
    assert!(read > 30, "only {read} expectation files");
    assert!(
        leaks.is_empty(),
        "{}",
        report("the core's expectations", &leaks)
    );
}

/// Every string literal of Rust source, format holes (`{…}`) left out.
fn string_literals(source: &str) -> Vec<String> {
    let mut texts = Vec::new();
    let mut chars = source.chars();
    while let Some(c) = chars.next() {
        if c == '"' {
            texts.push(literal(&mut chars, true));
        }
    }
    texts
}

/// The Vietnamese literals of a Rust file: the first string after each `pick(` and after
/// each `Lang::Vi =>` (with `format!(` in between), format holes left out.
fn rust_vietnamese_literals(source: &str) -> Vec<String> {
    let mut texts = Vec::new();
    for marker in ["pick(", "Lang::Vi =>"] {
        for (at, _) in source.match_indices(marker) {
            let rest = &source[at + marker.len()..];
            let rest = rest.trim_start();
            let rest = rest.strip_prefix('{').unwrap_or(rest).trim_start();
            let rest = rest.strip_prefix("format!(").unwrap_or(rest).trim_start();
            let Some(body) = rest.strip_prefix('"') else {
                continue;
            };
            let holes = marker == "Lang::Vi =>" || rest.starts_with("format!");
            texts.push(literal(&mut body.chars(), holes));
        }
    }
    texts
}

/// The rest of a string literal whose opening quote has been read, escapes undone and, when
/// `holes`, format holes (`{…}`) left out.
fn literal(chars: &mut std::str::Chars<'_>, holes: bool) -> String {
    let (mut text, mut hole) = (String::new(), 0);
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(escaped) = chars.next() {
                    text.push(escaped);
                }
            }
            '"' => break,
            '{' if holes => hole += 1,
            '}' if hole > 0 => hole -= 1,
            _ if hole > 0 => {}
            _ => text.push(c),
        }
    }
    text
}

#[test]
fn the_binding_s_own_words_are_vietnamese() {
    let dir = tests_dir().join("../wasm/src");
    let mut leaks = Vec::new();
    let mut read = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let source = std::fs::read_to_string(&path).unwrap();
        let mut texts = rust_vietnamese_literals(&source);
        // The binding's words: every literal of its Vietnamese wording function.
        if let Some(start) = source.find("\nfn vi(") {
            let body = &source[start..];
            let end = body.find("\nfn en(").unwrap_or(body.len());
            texts.extend(string_literals(&body[..end]));
        }
        for text in texts {
            read += 1;
            leaks.extend(
                english_words(&text, &embedded_ids())
                    .into_iter()
                    .map(|leak| (name.clone(), leak)),
            );
        }
    }
    assert!(read > 20, "only {read} Vietnamese texts in the binding");
    assert!(leaks.is_empty(), "{}", report("the binding", &leaks));
}

/// The calculator shows the core's message and its page hint for a file it cannot use: the
/// bad-input corpus, read as the widget reads CSV and JSON text, worded in Vietnamese.
#[test]
fn the_widget_s_words_for_the_bad_input_corpus_are_vietnamese() {
    let dir = fixtures("bad-input");
    let mut leaks = Vec::new();
    let mut read = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue; // Not UTF-8: the page reads text the browser decoded.
        };
        if path.extension().is_none_or(|e| e != "csv" && e != "json") {
            continue;
        }
        read += 1;
        for id in ["dti-province-2022", "illustrative-monitoring"] {
            let framework = dti_core::embedded::framework(id).unwrap();
            let parsed = dti_core::Dataset::parse(&text, Some(&name));
            let checked = dti_core::check(&framework, &parsed.dataset);
            let all =
                dti_core::diagnostic::merge(&framework, parsed.diagnostics, checked.diagnostics);
            for diagnostic in all {
                let page_hint = diagnostic.page_hint(dti_core::Lang::Vi).unwrap_or_default();
                // A reader of the guidebook has no command line.
                assert!(
                    !page_hint.contains("dti ") && !page_hint.contains("--"),
                    "{name}: {page_hint}"
                );
                let words = format!("{}\n{page_hint}\n", diagnostic.render(dti_core::Lang::Vi));
                leaks.extend(
                    english_words(&words, &embedded_ids())
                        .into_iter()
                        .map(|leak| (format!("{name} ({id})"), leak)),
                );
            }
        }
    }
    assert!(read > 25, "only {read} text files");
    assert!(leaks.is_empty(), "{}", report("the widget's words", &leaks));
}
