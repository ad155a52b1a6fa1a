// Opens the HTML report of `dti report` in headless Chromium (Debian's /usr/bin/chromium,
// driven by playwright-core: no browser download), takes a screenshot into
// test-artifacts/report.png and checks that the charts rendered: both SVG figures have a
// non-zero size, the radar's unit polygon and the bars are drawn, and nothing was fetched
// from the network (the report is self-contained).
//
// Run from the repository root, after `npm ci --prefix tests/browser`:
//   node tests/browser/report-screenshot.mjs            # builds the report with cargo
//   node tests/browser/report-screenshot.mjs FILE.html  # checks a report already made
// Prints "N passed, N failed" and exits non-zero on any failure.

import { execFileSync } from "node:child_process";
import { mkdirSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const artifacts = resolve(root, "test-artifacts");
mkdirSync(artifacts, { recursive: true });

let report = process.argv[2] ? resolve(process.argv[2]) : resolve(artifacts, "report.html");
if (!process.argv[2]) {
  execFileSync(
    "cargo",
    [
      "run", "--quiet", "--package", "dti-cli", "--",
      "report", "tests/fixtures/cli/provinces-2022.csv", "--unit", "22", "--lang", "vi",
      "-o", report, "--force",
    ],
    { cwd: root, stdio: "inherit" },
  );
}
if (!existsSync(report)) {
  console.error(`no report at ${report}`);
  process.exit(2);
}

const results = [];
function check(name, ok, detail = "") {
  results.push({ name, ok });
  console.log(`${ok ? "ok" : "FAILED"} - ${name}${detail ? `: ${detail}` : ""}`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
  ],
});
try {
  // A4 at 96 dpi is 794 px wide.
  const page = await browser.newPage({ viewport: { width: 900, height: 1200 }, deviceScaleFactor: 1 });
  const external = [];
  page.on("request", (request) => {
    if (!request.url().startsWith("file:")) external.push(request.url());
  });
  await page.goto(pathToFileURL(report).href, { waitUntil: "load" });

  const svgs = await page.$$eval("svg", (nodes) =>
    nodes.map((n) => {
      const box = n.getBoundingClientRect();
      return { width: box.width, height: box.height };
    }),
  );
  check("two SVG charts", svgs.length === 2, JSON.stringify(svgs));
  check("every chart has a size", svgs.length > 0 && svgs.every((b) => b.width > 50 && b.height > 50));

  const polygon = await page.$eval("svg polygon.unit", (p) => {
    const box = p.getBoundingClientRect();
    return { points: p.getAttribute("points").trim().split(/\s+/).length, width: box.width, height: box.height };
  }).catch(() => null);
  check(
    "radar polygon drawn",
    polygon !== null && polygon.points >= 3 && polygon.width > 10 && polygon.height > 10,
    JSON.stringify(polygon),
  );

  const bars = await page.$$eval("svg rect.bar", (rects) => rects.map((r) => r.getBoundingClientRect().width));
  check("a bar per index, each visible", bars.length === 4 && bars.every((w) => w > 1), JSON.stringify(bars));

  const dti = await page.$eval(".card.main .value", (n) => n.textContent.trim());
  check("the DTI card shows Quảng Ninh's published value", dti === "0,7024", dti);

  const rows = await page.$$eval("table tbody tr", (trs) => trs.length);
  check("tables have rows", rows > 10, String(rows));

  check("no request left the file", external.length === 0, external.join(", "));

  const shot = resolve(artifacts, "report.png");
  await page.screenshot({ path: shot, fullPage: true });
  check("screenshot written", existsSync(shot), shot);

  const pdf = resolve(artifacts, "report.pdf");
  await page.pdf({ path: pdf, format: "A4", printBackground: true });
  check("prints to A4 PDF", existsSync(pdf), pdf);
} finally {
  await browser.close();
}

const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
