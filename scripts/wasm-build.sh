#!/usr/bin/env bash
# Builds the calculator into wasm/dist/: web/ (dti-calculator.js, one ES module holding the
# glue and the widget, beside dti_wasm_bg.wasm, and the demonstration page; serve over HTTP),
# dti-calculator.html (the calculator alone in one file, the module inlined; opens from
# file://) and npm/ (the npm package). Needs: wasm32-unknown-unknown, wasm-bindgen 0.2.130,
# `npm ci --prefix tests/browser` (wasm-opt from npm binaryen).
# Prints the size; scripts/wasm-size.sh (run by scripts/wasm-test.sh) enforces the budget.
set -euo pipefail
cd "$(dirname "$0")/.."

# A target folder of its own: the path prefixes below change the compiler's flags, which must
# not force the tests' builds to start again.
target_dir="${CARGO_TARGET_DIR:-target}/calculator"
pkg=wasm/pkg
dist=wasm/dist
wasm_opt=(npx --no-install --prefix tests/browser wasm-opt)

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen 0.2.130" ]; then
  echo "error: wasm-bindgen 0.2.130 is needed (cargo install wasm-bindgen-cli --version 0.2.130)" >&2
  exit 1
fi
if [ ! -x tests/browser/node_modules/.bin/wasm-opt ]; then
  echo "error: wasm-opt is missing; run: npm ci --prefix tests/browser" >&2
  exit 1
fi

# The source paths that panic locations keep: the build machine's are trimmed to the crate's
# own (`toml-1.2.2/src/…`, `core/src/…`).
registry="${CARGO_HOME:-$HOME/.cargo}/registry/src"
export RUSTFLAGS="--remap-path-prefix=$registry= --remap-path-prefix=$PWD=dti ${RUSTFLAGS:-}"
# One module per language (the default features `vi` and `en` left out but one): each words
# its messages in its language alone, and a page loads the one of its language (the other when the reader
# switches). Both have the same exports, so one glue serves both.
rm -rf "$pkg" "$dist"
mkdir -p "$pkg/web" "$pkg/no-modules" "$pkg/en" "$dist"
for lang in vi en; do
  CARGO_TARGET_DIR="$target_dir" cargo build -p dti-wasm --target wasm32-unknown-unknown \
    --profile wasm-release --no-default-features --features "$lang"
  raw="$target_dir/wasm32-unknown-unknown/wasm-release/dti_wasm.wasm"
  if strings "$raw" | grep -q "$registry\|$PWD"; then
    echo "error: the module still names the build machine's paths" >&2
    exit 1
  fi
  # A string slicing that can fail (`&s[a..b]`) panics through str::slice_error_fail, whose
  # message escapes a char and so links two Unicode tables: about 5 KB gzipped. The module's
  # slicings cut with `get`, `split_once`, `split_at_checked` instead (BENCHMARKS.md, "The
  # fourth round on size", says how to find the one that brought it back).
  if grep -q slice_error_fail "$raw"; then
    echo "warning: the $lang module links str's slicing panic and its Unicode tables (about 5 KB gzipped)" >&2
  fi
  if [ "$lang" = vi ]; then
    # ES module glue for pages served over HTTP; classic-script glue for the single file.
    wasm-bindgen --target web --out-dir "$pkg/web" --out-name dti_wasm "$raw"
    wasm-bindgen --target no-modules --no-typescript --out-dir "$pkg/no-modules" --out-name dti_wasm "$raw"
  else
    wasm-bindgen --target web --out-dir "$pkg/en" --out-name dti_wasm "$raw"
    if ! cmp -s "$pkg/web/dti_wasm.js" "$pkg/en/dti_wasm.js"; then
      echo "error: the two languages' modules need different glue" >&2
      exit 1
    fi
    mv "$pkg/en/dti_wasm_bg.wasm" "$pkg/web/dti_wasm_en_bg.wasm"
  fi
done
# The API's types are hand-written (wasm/src/*.d.ts); only the raw export table that
# wasm-bindgen appends says `any`. Make it `unknown` so the published .d.ts has no `any`.
sed -i -E 's/: any([,;)])/: unknown\1/g' "$pkg/web/dti_wasm.d.ts"
if grep -nE '(:|<|\|)\s*any\b' "$pkg/web/dti_wasm.d.ts"; then
  echo "error: the TypeScript declarations say \`any\`" >&2
  exit 1
fi
# wasm-bindgen writes the same module for both glues: optimise it once per language.
for file in "$pkg/web/dti_wasm_bg.wasm" "$pkg/web/dti_wasm_en_bg.wasm"; do
  # The features Rust enables by default for wasm32 and wasm-bindgen's output uses. Flattening
  # and re-looping the control flow before two rounds of -Oz saves about 2.5 KB gzipped (and
  # takes about a minute); the producer and feature sections are of no use to a browser.
  "${wasm_opt[@]}" --flatten --rereloop -Oz -Oz --strip-producers --strip-target-features \
    --enable-bulk-memory --enable-sign-ext --enable-mutable-globals \
    --enable-nontrapping-float-to-int --enable-reference-types --enable-multivalue \
    "$file" -o "$file.opt"
  mv "$file.opt" "$file"
done
cp "$pkg/web/dti_wasm_bg.wasm" "$pkg/web/dti_wasm_en_bg.wasm" "$pkg/no-modules/"

node wasm/tools/assemble.mjs "$pkg/web" "$pkg/no-modules" "$dist"
scripts/wasm-size.sh --report
