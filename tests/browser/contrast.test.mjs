// WCAG 2.1 AA contrast of the calculator's and the demo page's colours, computed (no browser):
// 4.5:1 for text, 3:1 for large text (≥ 24 px, or ≥ 18.66 px bold) and for the parts of
// controls and charts a reader must see (1.4.11). The colours are read from the sources, so a
// palette change is checked without editing this file; the pairs say where each colour sits.
// Run: node --test tests/browser/contrast.test.mjs (prints the table).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./expected.mjs";

const widget = readFileSync(join(ROOT, "wasm/www/calculator.js"), "utf8");
const page = readFileSync(join(ROOT, "wasm/www/index.html"), "utf8");

/** `--name: #hex` declarations of a stylesheet. */
function variables(text) {
  return Object.fromEntries([...text.matchAll(/--([a-z-]+):\s*(#[0-9a-fA-F]{3,6})\b/g)].map((m) => [m[1], m[2]]));
}

const W = variables(widget.slice(widget.indexOf(":host"), widget.indexOf("* { box-sizing")));
const P = variables(page.slice(page.indexOf(":root"), page.indexOf("* { box-sizing")));

/** The one literal colour of a CSS rule in a source, so the table follows the source. */
function literal(source, selector, property) {
  const start = source.indexOf(selector);
  assert.ok(start >= 0, `no rule ${selector}`);
  const rule = source.slice(start, source.indexOf("}", start));
  const match = new RegExp(`${property}:[^;]*?(#[0-9a-fA-F]{3,6})\\b`).exec(rule);
  assert.ok(match, `${selector} has no ${property} colour`);
  return match[1];
}

function rgb(hex) {
  const h = hex.length === 4 ? hex.slice(1).replace(/./g, "$&$&") : hex.slice(1);
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
}

function luminance(hex) {
  const [r, g, b] = rgb(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function ratio(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

/** A colour with alpha laid over an opaque background. */
function over(hex, alpha, background) {
  const [f, b] = [rgb(hex), rgb(background)];
  return `#${f.map((c, i) => Math.round(alpha * c + (1 - alpha) * b[i]).toString(16).padStart(2, "0")).join("")}`;
}

const TEXT = 4.5;
const LARGE = 3;
const UI = 3;
// The focus ring: yellow outside, a dark ring inside it (2 px box-shadow under the offset).
const focus = literal(widget, "button:focus-visible", "outline");
const focusInner = literal(widget, "button:focus-visible", "box-shadow");
const pageFocus = literal(page, ":focus-visible", "outline");
const pageFocusInner = literal(page, ":focus-visible", "box-shadow");
const whatifBg = literal(widget, ".whatif {", "background");
const changedBg = literal(widget, "input.changed", "background");
const invalidBg = literal(widget, "input[aria-invalid=true]", "background");
const inputBorder = literal(widget, "input[type=text], select", "border");
const hover = literal(widget, "button.primary:hover", "background");
const drop = over("#0b4f8a", 0.92, W.paper);

// [where, foreground, background, minimum]
const PAIRS = [
  ["widget text", W.ink, W.paper, TEXT],
  ["help, meta, table heads", W.muted, W.paper, TEXT],
  ["help in the goal panel, card labels", W.muted, W.soft, TEXT],
  ["buttons, codes, links", W.accent, W.paper, TEXT],
  ["button text on hover", W.accent, W["accent-soft"], TEXT],
  ["buttons in the toolbar", W.accent, W.soft, TEXT],
  ["header and primary button", W["accent-ink"], W.accent, TEXT],
  ["primary button on hover", W["accent-ink"], hover, TEXT],
  ["phone summary bar", "#ffffff", W.accent, TEXT],
  ["drop overlay", "#ffffff", drop, TEXT],
  ["main DTI label", W.ink, W["accent-soft"], TEXT],
  ["main DTI number (36 px bold)", W.accent, W["accent-soft"], LARGE],
  ["validation messages", W.error, W.paper, TEXT],
  ["warnings, loaded value", W.warn, W.paper, TEXT],
  ["notice on the results", W.warn, W.soft, TEXT],
  ["reference line text", W.ref, W.paper, TEXT],
  ["reference in pillar cards", W.ref, W.soft, TEXT],
  ["reference in the DTI card", W.ref, W["accent-soft"], TEXT],
  ["Δ up in pillar cards", W.good, W.soft, TEXT],
  ["Δ up in the DTI card", W.good, W["accent-soft"], TEXT],
  ["Δ down in pillar cards", W.error, W.soft, TEXT],
  ["Δ down in the DTI card", W.error, W["accent-soft"], TEXT],
  ["Δ zero in pillar cards", W.muted, W.soft, TEXT],
  ["Δ zero in the DTI card", W.muted, W["accent-soft"], TEXT],
  ["plan: reached", W.good, W.soft, TEXT],
  ["plan: out of reach", W.warn, W.soft, TEXT],
  ["what-if bar text", W.ink, whatifBg, TEXT],
  ["what-if bar reset button", W.accent, W.paper, TEXT],
  ["changed field text", W.ink, changedBg, TEXT],
  ["invalid field text", W.ink, invalidBg, TEXT],
  ["field borders (1.4.11)", inputBorder, W.paper, UI],
  ["changed field border", W.warn, W.paper, UI],
  ["invalid field border", W.error, W.paper, UI],
  ["focus ring (inner) on white", focusInner, W.paper, UI],
  ["focus ring (inner) on the toolbar and goal panel", focusInner, W.soft, UI],
  ["focus ring (inner) on the DTI card", focusInner, W["accent-soft"], UI],
  ["focus ring: yellow against its inner ring", focus, focusInner, UI],
  ["DTI bar against its track", "#0b4f8a", "#e3eef8", UI],
  ["pillar bars against their track", "#2f6fa8", "#e3eef8", UI],
  ["reference marks on the track", W.ref, "#e3eef8", UI],
  ["radar outline", "#0b4f8a", W.paper, UI],
  ["page text", P.ink, "#ffffff", TEXT],
  ["page byline, captions, footer", P.muted, "#ffffff", TEXT],
  ["page lead", literal(page, ".lead", "color"), "#ffffff", TEXT],
  ["page brand and language switch", P.accent, "#ffffff", TEXT],
  ["page formula", P.ink, P.soft, TEXT],
  ["page note", P.ink, literal(page, ".note", "background"), TEXT],
  ["page example button", "#ffffff", P.accent, TEXT],
  ["page example button on hover", "#ffffff", literal(page, ".try:hover", "background"), TEXT],
  ["page focus ring (inner) on white", pageFocusInner, "#ffffff", UI],
  ["page focus ring: yellow against its inner ring", pageFocus, pageFocusInner, UI],
];

test("every colour pair passes WCAG AA", () => {
  const rows = PAIRS.map(([where, fg, bg, min]) => ({ where, fg, bg, min, ratio: ratio(fg, bg) }));
  const width = Math.max(...rows.map((r) => r.where.length));
  const lines = rows.map(
    (r) =>
      `${r.ratio >= r.min ? "pass" : "FAIL"}  ${r.ratio.toFixed(2).padStart(5)}:1 (≥ ${r.min})  ${r.where.padEnd(width)}  ${r.fg} on ${r.bg}`,
  );
  console.log(lines.join("\n"));
  const failures = rows.filter((r) => r.ratio < r.min).map((r) => `${r.where}: ${r.ratio.toFixed(2)}:1`);
  assert.deepEqual(failures, []);
});
