// What the calculator must display for a data file: the CLI's numbers.
//
// The contract is `cargo run -q -p dti-cli -- score FILE --format json`, which prints
// `serde_json::to_string_pretty(&Results)` of the core's Results; the tests run it (once per
// file) by default. DTI_EXPECTED_FROM=official uses the published figures instead (no cargo
// needed); either way `OFFICIAL` is also checked against the CLI's numbers by the tests.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const EXPECTED_FROM = process.env.DTI_EXPECTED_FROM || "cli";
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Published DTI 2022 figures for the fixture (dti.gov.vn, xep-hang-2022). */
export const OFFICIAL = {
  "indicators/data/quang-ninh-2022.csv": {
    "22": { DTI: 0.7024, CQS: 0.7804, KTS: 0.7187, XHS: 0.6864 },
  },
};

const cache = new Map();

/** The CLI's results for a data file (path relative to the repo), parsed. */
export function cliResults(file) {
  if (!cache.has(file)) {
    const json = execFileSync(
      "cargo",
      ["run", "-q", "-p", "dti-cli", "--", "score", file, "--format", "json"],
      { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 64 << 20 },
    );
    cache.set(file, JSON.parse(json));
  }
  return cache.get(file);
}

/** `{ unit: { node: value } }` for the indices of a data file, as the CLI computes them. */
export function cliIndices(file, indices = ["DTI", "CQS", "KTS", "XHS"]) {
  const out = {};
  for (const unit of cliResults(file).units) {
    out[unit.code] = {};
    for (const node of unit.nodes) {
      if (indices.includes(node.code)) out[unit.code][node.code] = node.value;
    }
  }
  return out;
}

/** `{ unit: { node: value } }`: the CLI's (default) or the published figures. */
export function expectedIndices(file, indices = ["DTI", "CQS", "KTS", "XHS"]) {
  return EXPECTED_FROM === "cli" ? cliIndices(file, indices) : OFFICIAL[file];
}

/** Rounds half away from zero at 4 decimals and writes the decimal mark of the language. */
export function published(value, lang) {
  const rounded = Math.sign(value) * Math.round(Math.abs(value) * 1e4 + 1e-9) / 1e4;
  const text = rounded.toFixed(4);
  return lang === "vi" ? text.replace(".", ",") : text;
}
