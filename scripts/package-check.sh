#!/usr/bin/env bash
# Packages dti-core and dti-cli and builds each from its package, as `cargo publish` would.
#
# While it verifies dti-cli, cargo serves the freshly packaged dti-core from a temporary local
# registry. It treats what comes from a registry as immutable: an unpacked copy under
# $CARGO_HOME/registry/src/ and a compiled copy in the target folder are both reused as long as the
# name and version match, even when the contents changed. A checkout that stays at one path (as on
# CI) would then verify dti-cli against an older dti-core and fail on code that is fine. Both
# copies are removed first.
set -euo pipefail
cd "$(dirname "$0")/.."

rm -rf "${CARGO_HOME:-$HOME/.cargo}"/registry/src/-*/dti-core-* \
  "${CARGO_HOME:-$HOME/.cargo}"/registry/src/-*/dti-cli-*
cargo clean --quiet -p dti-core
cargo publish --workspace --dry-run --allow-dirty --exclude dti-wasm --exclude dti-tests
