//! The user guides (`docs/huong-dan.md`, Vietnamese, and `docs/guide.md`, English) taken at
//! their word: every command they show runs, and prints what they say it prints.
//!
//! Each guide is read from top to bottom in one fresh folder, so a file written by an earlier
//! command (`-o bao-cao.html`) exists for a later one. Three kinds of fenced block are read:
//!
//! - ```` ```console ````: lines starting with `$ dti` are commands; the lines after each, up to
//!   the next `$ `, are what it prints on a terminal (standard output and standard error as
//!   they arrive; trailing blank lines are not compared);
//! - ```` ```csv file=NAME ````: a file the reader writes (data filled in Excel, a file with
//!   mistakes); the test writes it into the folder before the next commands run;
//! - ```` ```csv output=NAME ````: a file an earlier command wrote, as the guide shows it (the
//!   byte order mark that Excel needs is left out).
//!
//! Any other block (```` ```sh ```` for installing, setting the language) must not hold a
//! `dti` command, so that no command of a guide goes unchecked. The Vietnamese guide runs
//! with `LANG=vi_VN.UTF-8`, as it tells the reader to set, the English one with
//! `LANG=en_US.UTF-8`.
//!
//! When the tool's output changes on purpose, `DTI_UPDATE_GUIDES=1 cargo test -p dti-tests
//! --test guide` writes the new outputs into the guides; review them with `git diff`.

mod cli_support;

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};

use cli_support::{binary, scratch, tests_dir};

/// One fenced block: its info string, its first line's index and its lines.
struct Block {
    info: String,
    start: usize,
    lines: Vec<String>,
}

fn blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current: Option<Block> = None;
    for (index, line) in text.lines().enumerate() {
        match (&mut current, line.strip_prefix("```")) {
            (None, Some(info)) => {
                current = Some(Block {
                    info: info.trim().to_string(),
                    start: index + 1,
                    lines: Vec::new(),
                });
            }
            (Some(_), Some("")) => blocks.extend(current.take()),
            (Some(block), _) => block.lines.push(line.to_string()),
            (None, None) => {}
        }
    }
    assert!(current.is_none(), "a fenced block is not closed");
    blocks
}

/// A command line split into words: spaces separate them, double or single quotes group
/// them. Anything a shell would do more (pipes, redirections, variables) is refused, since
/// the test would not do it.
fn words(command: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut quote: Option<char> = None;
    for c in command.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.get_or_insert_with(String::new).push(c),
            (None, '"' | '\'') => {
                quote = Some(c);
                word.get_or_insert_with(String::new);
            }
            (None, ' ') => words.extend(word.take()),
            (None, '|' | '>' | '<' | '&' | ';' | '$' | '`' | '\\' | '*') => {
                panic!("`{command}`: the guide test runs plain commands, without `{c}`")
            }
            (None, c) => word.get_or_insert_with(String::new).push(c),
        }
    }
    assert!(quote.is_none(), "`{command}`: a quote is not closed");
    words.extend(word);
    words
}

/// Runs `dti` in `dir` as a reader of the guide would, and returns what the terminal shows:
/// standard output and standard error through one pipe, in the order they were written.
fn run(dir: &Path, args: &[String], lang: &str) -> (i32, String) {
    let (mut reader, writer) = std::io::pipe().expect("a pipe");
    let mut child = Command::new(binary())
        .args(args)
        .current_dir(dir)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("NO_COLOR")
        .env("LANG", lang)
        .stdin(Stdio::null())
        .stdout(writer.try_clone().expect("a second end of the pipe"))
        .stderr(writer)
        .spawn()
        .expect("dti runs");
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).expect("the output");
    let status = child.wait().expect("dti ends");
    let text = String::from_utf8(bytes).expect("the terminal output is UTF-8");
    (status.code().unwrap_or(-1), text)
}

/// What a guide holds and runs.
#[derive(Default)]
struct Count {
    commands: usize,
    files: usize,
    outputs: usize,
}

/// Runs every command of a guide, compares what they print with the guide, and returns the
/// guide with the outputs the tool gives (the same text when nothing drifted).
fn check_guide(name: &str, lang: &str, drift: &mut Vec<String>) -> (String, Count) {
    let path = tests_dir().join("..").join("docs").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
    let dir = scratch(&format!("guide-{name}"));
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let mut count = Count::default();
    // Blocks are rewritten from the last, so that earlier line numbers stay right.
    let mut rewrites: Vec<(usize, usize, Vec<String>)> = Vec::new();
    for block in blocks(&text) {
        let place = format!("{name}:{}", block.start);
        let mut info = block.info.split_whitespace();
        match (info.next(), info.next()) {
            (Some("console"), None) => {
                let mut updated = Vec::new();
                let mut k = 0;
                assert!(
                    block.lines.first().is_some_and(|l| l.starts_with("$ ")),
                    "{place}: a console block starts with a `$ ` command"
                );
                while k < block.lines.len() {
                    let command = block.lines[k].strip_prefix("$ ").expect("a command line");
                    let end = (k + 1..block.lines.len())
                        .find(|&j| block.lines[j].starts_with("$ "))
                        .unwrap_or(block.lines.len());
                    let expected = block.lines[k + 1..end].join("\n");
                    let args = words(command);
                    assert_eq!(
                        args.first().map(String::as_str),
                        Some("dti"),
                        "{place}: `{command}` is not a dti command"
                    );
                    let (code, shown) = run(&dir, &args[1..], lang);
                    assert!(
                        (0..=2).contains(&code),
                        "{place}: `{command}` ended with {code}:\n{shown}"
                    );
                    let (want, got) = (expected.trim_end(), shown.trim_end());
                    if want != got {
                        drift.push(format!(
                            "{place}: `{command}` prints\n{got}\n--- the guide says\n{want}\n"
                        ));
                    }
                    updated.push(block.lines[k].clone());
                    updated.extend(got.lines().map(str::to_string));
                    if end < block.lines.len() && !got.is_empty() {
                        updated.push(String::new());
                    }
                    count.commands += 1;
                    k = end;
                }
                rewrites.push((block.start, block.lines.len(), updated));
            }
            (Some(_), Some(file)) if file.starts_with("file=") => {
                let file = &file["file=".len()..];
                assert!(
                    !file.contains('/') && !file.contains(".."),
                    "{place}: a file of the folder"
                );
                let mut body = block.lines.join("\n");
                body.push('\n');
                std::fs::write(dir.join(file), body).expect("the guide's file");
                count.files += 1;
            }
            (Some(_), Some(file)) if file.starts_with("output=") => {
                let file = &file["output=".len()..];
                let written = std::fs::read_to_string(dir.join(file))
                    .unwrap_or_else(|e| panic!("{place}: no {file} written before: {e}"));
                let written = written.trim_start_matches('\u{feff}').trim_end();
                let shown = block.lines.join("\n");
                if written != shown.trim_end() {
                    drift.push(format!(
                        "{place}: {file} holds\n{written}\n--- the guide says\n{shown}\n"
                    ));
                }
                rewrites.push((
                    block.start,
                    block.lines.len(),
                    written.lines().map(str::to_string).collect(),
                ));
                count.outputs += 1;
            }
            _ => {
                for line in &block.lines {
                    assert!(
                        !line.trim_start().starts_with("dti ")
                            && !line.trim_start().starts_with("$ dti"),
                        "{place}: a dti command outside a console block would not be checked: {line}"
                    );
                }
            }
        }
    }
    for (start, len, updated) in rewrites.into_iter().rev() {
        lines.splice(start..start + len, updated);
    }
    let mut rewritten = lines.join("\n");
    rewritten.push('\n');
    if std::env::var_os("DTI_UPDATE_GUIDES").is_some() && rewritten != text {
        std::fs::write(&path, &rewritten).expect("the updated guide");
        eprintln!("updated {}", path.display());
    }
    (rewritten, count)
}

fn check(name: &str, lang: &str) -> Count {
    let mut drift = Vec::new();
    let (_, count) = check_guide(name, lang, &mut drift);
    if std::env::var_os("DTI_UPDATE_GUIDES").is_none() {
        assert!(
            drift.is_empty(),
            "{} output(s) of {name} differ from the tool's (DTI_UPDATE_GUIDES=1 rewrites them):\n\n{}",
            drift.len(),
            drift.join("\n")
        );
    }
    count
}

/// Checks a guide under its locale, and that it shows enough to be a guide: at least 15
/// commands, two files a user makes and one output file.
fn shows_what_the_tool_prints(name: &str, locale: &str) {
    let count = check(name, locale);
    assert!(
        count.commands >= 15 && count.files >= 2 && count.outputs >= 1,
        "{name}: {} commands, {} files, {} outputs",
        count.commands,
        count.files,
        count.outputs
    );
}

#[test]
fn the_vietnamese_guide_shows_what_the_tool_prints() {
    shows_what_the_tool_prints("huong-dan.md", "vi_VN.UTF-8");
}

#[test]
fn the_english_guide_shows_what_the_tool_prints() {
    shows_what_the_tool_prints("guide.md", "en_US.UTF-8");
}

#[test]
fn the_guides_run_the_same_commands() {
    // The English guide is the Vietnamese one's companion: the same steps, in the same order.
    let commands = |name: &str| -> Vec<String> {
        let path = tests_dir().join("..").join("docs").join(name);
        let text = std::fs::read_to_string(path).unwrap();
        blocks(&text)
            .into_iter()
            .filter(|b| b.info == "console")
            .flat_map(|b| b.lines)
            .filter(|l| l.starts_with("$ "))
            .map(|l| words(&l[2..])[..2].join(" "))
            .collect()
    };
    assert_eq!(commands("huong-dan.md"), commands("guide.md"));
}

#[test]
fn the_guide_reader_refuses_what_it_would_not_run() {
    assert_eq!(
        words(r#"dti score x.csv --unit "Quảng Ninh" --set 'I7=0,95'"#),
        [
            "dti",
            "score",
            "x.csv",
            "--unit",
            "Quảng Ninh",
            "--set",
            "I7=0,95"
        ]
    );
    for command in [
        "dti score x.csv | head",
        "dti score $FILE",
        "dti score x.csv > y",
    ] {
        assert!(
            std::panic::catch_unwind(|| words(command)).is_err(),
            "{command}"
        );
    }
    let parsed =
        blocks("text\n```console\n$ dti frameworks\nout\n```\n```csv file=a.csv\nx\n```\n");
    assert_eq!(parsed.len(), 2);
    assert_eq!((parsed[0].info.as_str(), parsed[0].start), ("console", 2));
    assert_eq!(parsed[0].lines, ["$ dti frameworks", "out"]);
    assert_eq!(parsed[1].info, "csv file=a.csv");
}
