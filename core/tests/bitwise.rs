//! The native build's values, bit for bit, against the committed file that the WebAssembly
//! build is checked against too (`wasm/tests/bitwise.rs`): together they show the CLI, the
//! library and the widget compute identical numbers. `UPDATE_EXPECT=1` rewrites the file.

include!("shared/bitwise_cases.rs");

#[test]
fn native_values_match_the_committed_bits() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bitwise.expected");
    let actual = fingerprints();
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, &actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap();
    assert!(
        expected.lines().count() > 900,
        "the fixture is too small to mean much"
    );
    for (line, (a, e)) in actual.lines().zip(expected.lines()).enumerate() {
        assert_eq!(a, e, "line {}", line + 1);
    }
    assert_eq!(actual.lines().count(), expected.lines().count());
}
