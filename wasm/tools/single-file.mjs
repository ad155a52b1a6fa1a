// Assembles the single-file demo page: the no-modules glue, the wasm module as base64, the
// widget and the page, all inline, so the page works when opened from disk (file://).
// Usage: node single-file.mjs <no-modules pkg dir> <web dist dir> <out.html>
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [pkg, web, out] = process.argv.slice(2);
if (!out) {
  console.error("usage: node single-file.mjs <no-modules pkg dir> <web dist dir> <out.html>");
  process.exit(2);
}
const glue = readFileSync(join(pkg, "dti_wasm.js"), "utf8");
const wasm = readFileSync(join(pkg, "dti_wasm_bg.wasm")).toString("base64");
const widget = readFileSync(join(web, "calculator.js"), "utf8");
const page = readFileSync(join(web, "index.html"), "utf8");

// `</script` inside inline code would end the element early.
const inline = (code) => code.replace(/<\/script/gi, "<\\/script");
const loader = `
(function () {
  var text = atob(document.getElementById("dti-wasm-base64").textContent.trim());
  var bytes = new Uint8Array(text.length);
  for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  dtiCalculatorProvide(wasm_bindgen({ module_or_path: bytes }).then(function () {
    return wasm_bindgen;
  }));
})();`;
const scripts = [
  `<script id="dti-wasm-base64" type="application/octet-stream">${wasm}</script>`,
  `<script>${inline(glue)}</script>`,
  `<script>${inline(widget)}</script>`,
  `<script>${inline(loader)}</script>`,
].join("\n");

const marker = /<script type="module" src="dti-calculator\.js"><\/script>/;
if (!marker.test(page)) {
  console.error("index.html must load the widget with <script type=\"module\" src=\"dti-calculator.js\">");
  process.exit(1);
}
writeFileSync(out, page.replace(marker, () => scripts));
console.log(`single file: ${out} (${readFileSync(out).length} bytes)`);
