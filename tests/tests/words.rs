//! Each thing is worded once: the catalogue of the core (`dti_core::words`) holds the words
//! the front ends share, no other source file words them again, and the widget's labels for
//! those things read as the catalogue reads.

use std::fs;
use std::path::{Path, PathBuf};

use dti_core::limits::Quantity;
use dti_core::pipeline::Stage;
use dti_core::words::{self, Term};
use dti_core::{Lang, MissingPolicy, Severity, Status, Unit};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every `.rs` file below a folder, leaving out the catalogue itself.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.ends_with("core/src/words") {
            continue;
        }
        if path.is_dir() {
            files.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// Every Vietnamese and English pair of fixed words in the catalogue.
fn catalogue() -> Vec<(String, &'static str, &'static str)> {
    let mut pairs = Vec::new();
    let mut add = |name: String, word: &dyn Fn(Lang) -> &'static str| {
        pairs.push((name, word(Lang::Vi), word(Lang::En)));
    };
    for term in Term::ALL {
        add(format!("{term:?}"), &|lang| words::term(term, lang));
    }
    for status in [
        Status::Scored,
        Status::MissingAsZero,
        Status::Missing,
        Status::LowAvailability,
    ] {
        add(format!("{status:?}"), &|lang| words::status(status, lang));
    }
    for severity in [Severity::Error, Severity::Warning, Severity::Note] {
        add(format!("{severity:?}"), &|lang| {
            words::severity(severity, lang)
        });
    }
    for unit in [
        Unit::Score,
        Unit::Percent,
        Unit::Share,
        Unit::Count,
        Unit::Number,
        Unit::YesNo,
    ] {
        add(format!("{unit:?}"), &|lang| words::measure(unit, lang));
    }
    for quantity in [
        Quantity::Bytes,
        Quantity::BytesInCell,
        Quantity::BytesInString,
        Quantity::Rows,
        Quantity::Columns,
        Quantity::Units,
        Quantity::Indicators,
        Quantity::Values,
        Quantity::NestingLevels,
        Quantity::FrameworkNodes,
        Quantity::AggregateLevels,
    ] {
        add(format!("{quantity:?}"), &|lang| {
            words::quantity(quantity, lang)
        });
    }
    for policy in [
        MissingPolicy::Zero,
        MissingPolicy::Skip,
        MissingPolicy::Reject,
    ] {
        add(format!("{policy:?}"), &|lang| {
            words::missing_policy(policy, lang)
        });
    }
    for stage in Stage::ALL {
        add(format!("{stage:?}"), &|lang| words::stage(stage, lang));
    }
    // `%` is a symbol, the same in every language, not a word.
    pairs.retain(|(_, vi, en)| vi != en);
    pairs
}

/// The string literals of a Rust source, in order, with the line each starts on.
fn literals(source: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let mut line = 1;
    let mut chars = source.chars().peekable();
    let mut previous = ' ';
    while let Some(c) = chars.next() {
        if c == '\n' {
            line += 1;
        }
        // A quote inside a character literal ('"') opens nothing.
        if c == '"' && previous != '\'' {
            let start = line;
            let mut text = String::new();
            while let Some(d) = chars.next() {
                match d {
                    '\\' => {
                        if let Some(e) = chars.next() {
                            text.push('\\');
                            text.push(e);
                        }
                    }
                    '"' => break,
                    '\n' => {
                        line += 1;
                        text.push(d);
                    }
                    _ => text.push(d),
                }
            }
            found.push((start, text));
            previous = '"';
        } else {
            previous = c;
        }
    }
    found
}

/// Pairs of Vietnamese and English words written next to each other (`lang.pick("…", "…")`,
/// a `labels!` line, `Lang::Vi => "…", Lang::En => "…"`) that the catalogue already holds.
fn worded_again(source: &str) -> Vec<(usize, String)> {
    let catalogue = catalogue();
    let literals = literals(source);
    literals
        .windows(2)
        .filter_map(|pair| {
            let [(line, vi), (_, en)] = pair else {
                return None;
            };
            catalogue
                .iter()
                .find(|(_, v, e)| v == vi && e == en)
                .map(|(name, _, _)| (*line, format!("{name}: \"{vi}\", \"{en}\"")))
        })
        .collect()
}

#[test]
fn no_source_words_again_what_the_catalogue_words() {
    let root = workspace();
    let mut found = Vec::new();
    for dir in ["core/src", "cli/src", "wasm/src"] {
        for file in sources(&root.join(dir)) {
            let source = fs::read_to_string(&file).unwrap();
            for (line, what) in worded_again(&source) {
                found.push(format!("{}:{line}: {what}", file.display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "worded outside core/src/words (take them from the catalogue):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_finds_a_word_defined_twice() {
    let old = r#"labels! {
    /// Column: points lost.
    points_lost => "Điểm bị mất", "Points lost";
}
let place = lang.pick("dòng", "line");
let kind = match lang {
    Lang::Vi => "lỗi",
    Lang::En => "error",
};"#;
    let found: Vec<String> = worded_again(old).into_iter().map(|(_, w)| w).collect();
    assert_eq!(
        found,
        [
            "PointsLost: \"Điểm bị mất\", \"Points lost\"",
            "Line: \"dòng\", \"line\"",
            "Error: \"lỗi\", \"error\"",
        ]
    );
}

/// The words a language file of the catalogue defines as literals, by function and variant
/// (`term/PointsLost` → `Điểm bị mất`); an arm that takes its words from another part of the
/// catalogue defines nothing.
fn definitions(source: &str) -> Vec<(String, String)> {
    let mut function = String::new();
    let mut found = Vec::new();
    for line in source.lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("pub(super) fn ") {
            function = rest.split('(').next().unwrap_or_default().to_string();
            continue;
        }
        let Some((variant, text)) = line.split_once(" => \"") else {
            continue;
        };
        let text = ["\",", "\".into(),", "\""]
            .iter()
            .find_map(|end| text.strip_suffix(end));
        let Some(text) = text else {
            continue;
        };
        let variant = variant.split(" {").next().unwrap_or_default();
        let variant = variant.rsplit("::").next().unwrap_or_default();
        found.push((format!("{function}/{variant}"), text.to_string()));
    }
    found
}

/// Things the catalogue words the same in both languages under two names.
fn defined_twice(vi: &str, en: &str) -> Vec<String> {
    let vi = definitions(vi);
    let en = definitions(en);
    let pairs: Vec<(&String, &String, &String)> = vi
        .iter()
        .filter_map(|(name, v)| {
            let (_, e) = en.iter().find(|(other, _)| other == name)?;
            Some((name, v, e))
        })
        .filter(|(_, v, e)| v != e)
        .collect();
    let mut twice = Vec::new();
    for (i, (a, vi, en)) in pairs.iter().enumerate() {
        for (b, other_vi, other_en) in &pairs[i + 1..] {
            if vi == other_vi && en == other_en {
                twice.push(format!("{a} and {b} are both \"{vi}\" / \"{en}\""));
            }
        }
    }
    twice
}

#[test]
fn the_catalogue_words_each_thing_once() {
    let root = workspace().join("core/src/words");
    let vi = fs::read_to_string(root.join("vi.rs")).unwrap();
    let en = fs::read_to_string(root.join("en.rs")).unwrap();
    assert!(
        definitions(&vi).len() > 70,
        "{} words read",
        definitions(&vi).len()
    );
    let twice = defined_twice(&vi, &en);
    assert!(twice.is_empty(), "{}", twice.join("\n"));
}

#[test]
fn a_thing_worded_twice_in_the_catalogue_is_found() {
    let vi = "pub(super) fn term(term: Term) -> &'static str {\n    Term::Units => \"đơn vị\",\n}\npub(super) fn quantity(quantity: Quantity) -> &'static str {\n    Units => \"đơn vị\",\n    Rows => \"dòng\",\n}\n";
    let en = "pub(super) fn term(term: Term) -> &'static str {\n    Term::Units => \"units\",\n}\npub(super) fn quantity(quantity: Quantity) -> &'static str {\n    Units => \"units\",\n    Rows => \"rows\",\n}\n";
    assert_eq!(
        defined_twice(vi, en),
        ["term/Units and quantity/Units are both \"đơn vị\" / \"units\""]
    );
}

/// The widget's labels for things the catalogue words, by their key in `TEXT`.
const WIDGET_TERMS: [(&str, Term); 9] = [
    ("unit", Term::Unit),
    ("results", Term::Results),
    ("index", Term::Index),
    ("goalNode", Term::Index),
    ("value", Term::Value),
    ("score", Term::Points),
    ("lost", Term::PointsLost),
    ("line", Term::Line),
    ("radarTitle", Term::MainIndicators),
];

/// The plain-text entries (`key: "text",`) of one language of the widget's labels: the
/// Vietnamese of `TEXT.vi` in calculator.js, the English of calculator-en.js (which only an
/// English page fetches).
fn widget_texts(lang: &str) -> Vec<(String, String)> {
    let www = workspace().join("wasm/www");
    let section = if lang == "vi" {
        let source = fs::read_to_string(www.join("calculator.js")).unwrap();
        let table = &source[source.find("const TEXT = {").unwrap()..];
        let start = table.find("\n    vi: {").unwrap();
        let section = &table[start + 1..];
        section[..section.find("\n    },").unwrap()].to_string()
    } else {
        let source = fs::read_to_string(www.join(format!("calculator-{lang}.js"))).unwrap();
        let start = source.find("\nexport default {").unwrap();
        let section = &source[start + 1..];
        section[..section.find("\n};").unwrap()].to_string()
    };
    section
        .lines()
        .filter_map(|line| {
            let (key, text) = line.trim().split_once(": \"")?;
            let text = text.strip_suffix("\",")?;
            Some((key.to_string(), text.to_string()))
        })
        .collect()
}

#[test]
fn the_widgets_shared_labels_are_the_catalogues() {
    for (lang, code) in [(Lang::Vi, "vi"), (Lang::En, "en")] {
        let texts = widget_texts(code);
        assert!(texts.len() > 40, "{code}: {} texts read", texts.len());
        for (key, term) in WIDGET_TERMS {
            let shown = texts
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, text)| text.as_str())
                .unwrap_or_else(|| panic!("TEXT.{code} has no `{key}`"));
            let word = words::term(term, lang);
            assert!(
                shown == word || shown == words::capitalised(word),
                "TEXT.{code}.{key} is \"{shown}\", the catalogue's {term:?} is \"{word}\""
            );
        }
    }
}
