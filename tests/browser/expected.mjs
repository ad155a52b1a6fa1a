// What the calculator must display for a data file: the CLI's numbers.
//
// SWITCH: the contract is `cargo run -q -p dti-cli -- score FILE --format json`, which prints
// `serde_json::to_string_pretty(&Results)` of the core's Results. Until that command is on
// main, the expected values are the official published figures (which the core reproduces;
// see wasm/tests/api.rs). Set DTI_EXPECTED_FROM=cli (or change the default below to "cli")
// once `dti score --format json` exists.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const EXPECTED_FROM = process.env.DTI_EXPECTED_FROM || "official";
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Published DTI 2022 figures for the fixture (dti.gov.vn, xep-hang-2022). */
const OFFICIAL = {
  "indicators/data/quang-ninh-2022.csv": {
    "22": { DTI: 0.7024, CQS: 0.7804, KTS: 0.7187, XHS: 0.6864 },
  },
};

/** `{ unit: { node: value } }` for the indices of a data file (path relative to the repo). */
export function expectedIndices(file, indices = ["DTI", "CQS", "KTS", "XHS"]) {
  if (EXPECTED_FROM !== "cli") return OFFICIAL[file];
  const json = execFileSync(
    "cargo",
    ["run", "-q", "-p", "dti-cli", "--", "score", file, "--format", "json"],
    { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  const results = JSON.parse(json);
  const out = {};
  for (const unit of results.units) {
    out[unit.code] = {};
    for (const node of unit.nodes) {
      if (indices.includes(node.code)) out[unit.code][node.code] = node.value;
    }
  }
  return out;
}

/** Rounds half away from zero at 4 decimals and writes the decimal mark of the language. */
export function published(value, lang) {
  const rounded = Math.sign(value) * Math.round(Math.abs(value) * 1e4 + 1e-9) / 1e4;
  const text = rounded.toFixed(4);
  return lang === "vi" ? text.replace(".", ",") : text;
}
