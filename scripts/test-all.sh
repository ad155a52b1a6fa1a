#!/usr/bin/env bash
# Installs what the tests need, then runs every check and test of the workspace.
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

step "checks: formatting and lints"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets -- -D warnings

step "tests: native workspace"
cargo test --workspace

echo
echo "all checks and tests passed"
