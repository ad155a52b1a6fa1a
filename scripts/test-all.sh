#!/usr/bin/env bash
# Installs what the tests need, then runs every check and test of the workspace: formatting,
# lints (native and wasm), the Rust tests (core, CLI end to end, COINr conformance) with a check
# that no snapshot is orphaned, the documentation and package builds, the
# binding's tests under node, the widget's browser tests and the report screenshot in
# Chromium, the wasm size budget, each fuzz target for 30 s, and each benchmark once in quick
# mode.
# Safe to run again: each install step is skipped when its tool is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "install: Rust targets and tools"
rustup component add rustfmt clippy >/dev/null 2>&1 || true
rustup target add wasm32-unknown-unknown
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen 0.2.130" ]; then
  # --locked is not used: one of the CLI's locked dependencies is not on the registry mirror.
  cargo install wasm-bindgen-cli --version 0.2.130
fi

step "install: Chromium (Debian) and the npm packages of the browser tests"
if ! command -v chromium >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
npm ci --prefix tests/browser --no-audit --no-fund

step "checks: formatting and lints"
cargo fmt --all -- --check
# The fuzz targets are a workspace of their own, which `--all` does not reach.
cargo fmt --manifest-path fuzz/Cargo.toml -- --check
cargo clippy --workspace --all-targets -- -D warnings

step "tests: native workspace (recording which snapshots they use)"
references="$(mktemp)"
INSTA_SNAPSHOT_REFERENCES_FILE="$references" cargo test --workspace
scripts/orphan-snapshots.sh "$references"

step "docs: every crate's documentation builds without a warning"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --workspace --exclude dti-tests

step "packaging: dti-core and dti-cli package and build as published"
scripts/package-check.sh

step "tests: wasm binding, widget in Chromium, size budget"
scripts/wasm-test.sh

step "tests: the HTML report rendered in Chromium"
node tests/browser/report-screenshot.mjs

step "fuzzing: each target briefly, so a parser regression is caught"
scripts/fuzz-quick.sh

step "benchmarks: each once, quick (timings are reported, never asserted)"
cargo bench -p dti-core --bench score -- --quick
cargo bench -p dti-core --bench pipeline -- --quick
cargo bench -p dti-tests --bench analyses -- --quick

echo
echo "all checks and tests passed"
