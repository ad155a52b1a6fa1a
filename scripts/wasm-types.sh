#!/usr/bin/env bash
# Checks the hand-written TypeScript declarations against what the binding really returns:
# builds the analysts' module (every function: `--features pipeline`) into wasm/pkg/analysts,
# has tests/types/generate.mjs call every function, method and element method with real
# inputs and write the outputs as typed constants, then runs `tsc --noEmit` on them (strict,
# exact optional properties). Needs scripts/wasm-build.sh first (the calculator's module and
# its published declarations) and `npm ci --prefix tests/browser` (typescript, playwright-core).
set -euo pipefail
cd "$(dirname "$0")/.."

target="${CARGO_TARGET_DIR:-target}"
cargo build -p dti-wasm --features pipeline --target wasm32-unknown-unknown
rm -rf wasm/pkg/analysts
wasm-bindgen --target web --out-dir wasm/pkg/analysts --out-name dti_wasm \
  "$target/wasm32-unknown-unknown/debug/dti_wasm.wasm"
node tests/types/generate.mjs
npx --no-install --prefix tests/browser tsc --noEmit -p tests/types/tsconfig.json
echo "the TypeScript declarations match the binding's outputs"
