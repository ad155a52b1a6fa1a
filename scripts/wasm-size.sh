#!/usr/bin/env bash
# Fails when what a reader's browser downloads for the calculator, gzipped, exceeds the budget:
# the optimised wasm module and dti-calculator.js (the JS glue and the widget), counted together.
# There is one module per language: the figure is a reader of the default (Vietnamese) page's,
# the Vietnamese module and the script; a reader of an English page downloads the English module
# instead, and the widget's English labels (dti-calculator-en.js), and that total must keep
# within the budget too. (A reader who switches language downloads the other module then.)
#
# History (wasm-bindgen 0.2.130, wasm-opt -Oz from binaryen 132, gzip -9; module + glue only until
# issue 14): 265 KB with the pipeline left out of the core (a13b0a4); 288 KB with whatIf,
# seekGoal and mergeProvinces; 296 KB at 506f962; 299 KB once the readers took named groupings;
# 317 KB (324,670 B) once scoring and building became one engine (issue 12). Issue 14 counts the
# widget too (its 17 KB were never counted), and left out of the calculator's module the TOML
# reader (frameworks are embedded as JSON), the function API and the CLI's build paths:
# 234 KB for module and script together, 246 KB with issue 16's readers, 252 KB with issue 13's
# parser messages worded in both languages; 240 KB (245,127 B) with results handed over as JSON
# text, fewer copies of the standard sort and wasm-opt's --flatten --rereloop (see BENCHMARKS.md);
# 192 KB (196,595 B) with serde_json out of the module: frameworks compiled in as static tables
# of their validated form, data files read by core/src/json.rs, results written by
# wasm/src/json.rs; csv's error messages and new copies of the sort kept out; 185 KB
# (188,585 B) with one module per language (the Vietnamese page's counted, the English page's
# held to the budget too), the words of pipeline and COINr problems out of the module and the
# widget's CSS squeezed; 177 KB (180,679 B) with the standard library's float printer out of
# the module (core/src/decimal.rs, float::clamp); 169 KB (172,994 B) with letter case mapped by
# core/src/case.rs instead of std's Unicode case tables; 168 KB (171,963 B) with the widget's
# English labels in dti-calculator-en.js, which only an English page fetches (the English page
# 173,934 B, which keeps the budget at 170 KB); 168 KB (171,885 B; English page 173,518 B) with
# mergers and their problems' words out of the module; 167 KB (170,433 B; English page
# 172,388 B) without Unicode's alphabetic table; 170 KB (173,747 B; English page 175,397 B,
# which sets the budget) with the reader's, the scorer's and the diagnostics' changes of the
# same round merged (a word-wide scanner and hash, shared names in locations, a linear merge
# of diagnostics: about 3 KB together) and the widget keeping an unasked goal across a redraw.
# Fourth round: 165 KB (168,441 B; English page 170,235 B) with string slicings that cannot
# panic, so str's panic message and the Unicode tables its char escaping needs leave; 164 KB
# (167,315 B; English page 168,388 B, which sets the budget at 166 KB) with the framework
# validator's and sensitivity's problem words behind dti-core's feature `validate`; 166 KB
# (170,584 B on the English page, over the budget) with the round's goal, keystroke and rank
# changes merged; 164 KB (168,357 B; English page 169,438 B) with no diagnostic cloned on its
# way to the page; 165 KB (168,915 B; English page 170,016 B, which sets the budget at 167 KB)
# with data read as JSON records and a unit's rows of two years refused; 165 KB (168,742 B;
# English page 170,550 B) with a unit given two names in a long file warned about. Fifth
# round: 153 KB (155,961 B; English page 157,147 B) with numbers read by core/src/float_parse.rs
# instead of std's float parser and its table of powers of five; 147 KB (150,367 B; English
# page 151,568 B) with the module's sorts through one merge sort of its own (core/src/sort.rs);
# 147 KB (150,074 B; English page 151,268 B) with the binding's `&str` lists joined without a
# second copy of std's join; 148 KB (151,448 B; English page 152,540 B) with the round's other
# branches merged: units of two years refused, codes in other letter case read, a long row's
# value beside a fraction refused (about 1.1 KB together), the first frame's deferred parts
# and the share link's language taken first (0.1 KB). The budget is issue 14's aim, 150 KB.
# Seventh round: 150 KB (153,229 B; English page 154,531 B, which sets the budget at 151 KB)
# with total and average rows refused, title lines above a CSV's header skipped, a weightless
# indicator left missing, and unit records as ShortText (about 1.8 KB together); 151 KB
# (153,749 B; English page 154,975 B, which sets the budget at 152 KB) with a quote left open
# in a data file refused (0.5 KB).
# `node wasm/tools/func-sizes.mjs before.wasm after.wasm`
# shows where bytes go.
set -euo pipefail
cd "$(dirname "$0")/.."

report_only=false
if [ "${1:-}" = "--report" ]; then
  report_only=true
  shift
fi
budget_kb="${DTI_WASM_BUDGET_KB:-152}"
wasm="${1:-wasm/dist/web/dti_wasm_bg.wasm}"
script="${2:-wasm/dist/web/dti-calculator.js}"
english="${3:-wasm/dist/web/dti_wasm_en_bg.wasm}"
labels="${4:-wasm/dist/web/dti-calculator-en.js}"

wasm_gz=$(gzip -9 -c "$wasm" | wc -c)
script_gz=$(gzip -9 -c "$script" | wc -c)
english_gz=$(gzip -9 -c "$english" | wc -c)
labels_gz=$(gzip -9 -c "$labels" | wc -c)
total=$((wasm_gz + script_gz))
english_total=$((english_gz + script_gz + labels_gz))
printf 'calculator size, gzip -9, Vietnamese page: module %d B (%d B raw) + dti-calculator.js %d B (%d B raw) = %d B (%d KB), budget %d KB\n' \
  "$wasm_gz" "$(wc -c <"$wasm")" "$script_gz" "$(wc -c <"$script")" "$total" $(((total + 1023) / 1024)) "$budget_kb"
printf 'English page: module %d B (%d B raw) + the script + dti-calculator-en.js %d B (%d B raw) = %d B (%d KB)\n' \
  "$english_gz" "$(wc -c <"$english")" "$labels_gz" "$(wc -c <"$labels")" "$english_total" $(((english_total + 1023) / 1024))
if [ "$report_only" = false ]; then
  for figure in "$total" "$english_total"; do
    if [ "$figure" -gt $((budget_kb * 1024)) ]; then
      echo "error: the gzipped module and script exceed the budget of $budget_kb KB" >&2
      exit 1
    fi
  done
fi
