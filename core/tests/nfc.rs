//! Decomposed letters compose to what people type: every Vietnamese letter, the letters
//! Windows-1258 writes as a vowel and a tone mark, marks out of canonical order, and other
//! Latin, Greek and Cyrillic words (`fixtures/nfc.tsv`, made with Python's `unicodedata`).

use dti_core::nfc::compose;

/// Undoes the fixture's `\u{…}` escapes.
fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("\\u{") {
        out.push_str(&rest[..at]);
        let end = rest[at..].find('}').expect("a closing brace") + at;
        let code = u32::from_str_radix(&rest[at + 3..end], 16).expect("hex");
        out.push(char::from_u32(code).expect("a char"));
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

#[test]
fn decomposed_letters_compose_as_unicode_says() {
    let fixture = include_str!("fixtures/nfc.tsv");
    let mut cases = 0;
    for line in fixture.lines().filter(|l| !l.starts_with('#')) {
        let (decomposed, composed) = line.split_once('\t').expect("two columns");
        let (decomposed, composed) = (unescape(decomposed), unescape(composed));
        assert_eq!(compose(&decomposed), composed, "{line}");
        assert_eq!(compose(&composed), composed, "composed text stays: {line}");
        cases += 1;
    }
    assert!(cases > 200, "{cases}");
}
