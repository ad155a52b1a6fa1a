#!/usr/bin/env bash
# Fails when the optimised wasm module plus its JS glue, gzipped, exceed the budget.
# Measured (wasm-bindgen 0.2.130, wasm-opt -Oz from binaryen 132): module 654 KB + glue 15 KB
# raw, 254 KB gzip -9. The budget is the issue's CI ceiling of 300 KB (18 % headroom); the aim
# of about 100 KB needs the core to make its TOML reader optional (toml is ~140 KB of the
# 555 KB of code) — see the wasm report. After main's pipeline (0039a10: `[pipeline]` parsed
# into every Framework) the module is 902 KB raw / 321 KB gzip and this check fails: the core
# needs a cargo feature to leave the pipeline (and TOML) out of the wasm build.
set -euo pipefail
cd "$(dirname "$0")/.."

report_only=false
if [ "${1:-}" = "--report" ]; then
  report_only=true
  shift
fi
budget_kb="${DTI_WASM_BUDGET_KB:-300}"
wasm="${1:-wasm/pkg/web/dti_wasm_bg.wasm}"
glue="${2:-wasm/pkg/web/dti_wasm.js}"

raw_bytes=$(( $(wc -c <"$wasm") + $(wc -c <"$glue") ))
gzip_bytes=$(( $(gzip -9 -c "$wasm" | wc -c) + $(gzip -9 -c "$glue" | wc -c) ))
printf 'wasm size: module %d B + glue %d B = %d B raw; gzip -9: %d B (%d KB), budget %d KB\n' \
  "$(wc -c <"$wasm")" "$(wc -c <"$glue")" "$raw_bytes" "$gzip_bytes" $(( (gzip_bytes + 1023) / 1024 )) "$budget_kb"
if [ "$gzip_bytes" -gt $(( budget_kb * 1024 )) ] && [ "$report_only" = false ]; then
  echo "error: the gzipped wasm and glue exceed the budget of $budget_kb KB" >&2
  exit 1
fi
