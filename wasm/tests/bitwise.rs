//! The WebAssembly build's values, bit for bit, against the file the native build is checked
//! against (`core/tests/bitwise.rs`): identical numbers in the CLI, the library and the widget.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::wasm_bindgen_test;

include!("../../core/tests/shared/bitwise_cases.rs");

#[wasm_bindgen_test]
fn wasm_values_match_the_native_bits() {
    let expected = include_str!("../../core/tests/fixtures/bitwise.expected");
    let actual = fingerprints();
    for (line, (a, e)) in actual.lines().zip(expected.lines()).enumerate() {
        assert_eq!(a, e, "line {}", line + 1);
    }
    assert_eq!(actual.lines().count(), expected.lines().count());
}
