#!/usr/bin/env bash
# Every check and test of the wasm side: lints for the wasm target, the binding's tests under
# node (the calculator's module, then with the function API and with the pipeline), the
# optimised build with its size check, the TypeScript declarations checked by tsc against real
# outputs, and the browser end-to-end tests in Debian's Chromium. Install first: rustup target add
# wasm32-unknown-unknown; cargo install wasm-bindgen-cli --version 0.2.130;
# npm ci --prefix tests/browser.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo clippy -p dti-wasm --all-targets --target wasm32-unknown-unknown -- -D warnings
cargo test -p dti-wasm --target wasm32-unknown-unknown
# The function API and the `build` function (construction pipeline), which the calculator's
# module leaves out; `pipeline` includes `api`.
cargo clippy -p dti-wasm --features api --all-targets --target wasm32-unknown-unknown -- -D warnings
cargo clippy -p dti-wasm --features pipeline --all-targets --target wasm32-unknown-unknown -- -D warnings
cargo test -p dti-wasm --features pipeline --target wasm32-unknown-unknown
scripts/wasm-build.sh
# The hand-written TypeScript declarations against every function's real output (tsc --noEmit).
scripts/wasm-types.sh
node --test --test-concurrency=1 tests/browser/
scripts/wasm-size.sh
