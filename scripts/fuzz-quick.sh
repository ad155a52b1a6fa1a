#!/usr/bin/env bash
# Runs every fuzz target briefly (30 s each by default) so a regression in the parsers is caught.
# Works from a fresh clone: installs cargo-fuzz when it is missing. Needs the nightly toolchain.
#   scripts/fuzz-quick.sh            # every target, 30 s each
#   FUZZ_SECONDS=600 scripts/fuzz-quick.sh data_csv score
#   FUZZ_TARGET_DIR=/tmp/fuzz-target scripts/fuzz-quick.sh   # build outside fuzz/target
# New inputs go to a temporary folder; the committed seeds in fuzz/corpus/ are only read.
# A crash leaves its input in fuzz/artifacts/<target>/ and fails the script.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"

seconds="${FUZZ_SECONDS:-30}"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(framework_toml framework_json data_csv data_json data_xlsx score)
fi

if ! cargo +nightly --version >/dev/null 2>&1; then
  rustup toolchain install nightly --profile minimal
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz
fi

dir=()
if [ -n "${FUZZ_TARGET_DIR:-}" ]; then
  dir=(--target-dir "$FUZZ_TARGET_DIR")
fi
cargo +nightly fuzz build "${dir[@]}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
for target in "${targets[@]}"; do
  echo "==> fuzz $target for ${seconds}s"
  mkdir -p "$scratch/$target"
  cargo +nightly fuzz run "${dir[@]}" "$target" "$scratch/$target" "corpus/$target" -- \
    -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
done
echo "all fuzz targets ran ${seconds}s without a finding"
