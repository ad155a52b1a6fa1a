// Assembles the calculator's distributable files from the wasm-bindgen output and the widget:
//   web/dti-calculator.js    one ES module: the glue, the widget and the line that starts the
//                            download of the page language's module as soon as the script
//                            runs; the modules sit beside it, dti_wasm_bg.wasm (Vietnamese)
//                            and dti_wasm_en_bg.wasm (English), with the widget's English
//                            labels (dti-calculator-en.js, fetched with the English module)
//                            and the demonstration page
//   dti-calculator.html      the calculator alone in one file, both modules inlined as base64
//                            (opens from disk, file://)
//   npm/                     the npm package: the module build, its types, the single file and
//                            the embedding guide as README
// The scripts are minified with terser (from tests/browser's npm packages): readers download
// them on every visit, and the size check counts them with the module.
// The two modules have the same exports and one glue; each needs an instance of the glue of its
// own, so the glue is wrapped in a function that makes one.
// Usage: node assemble.mjs <web pkg dir> <no-modules pkg dir> <dist dir>
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const [web, noModules, dist] = process.argv.slice(2);
if (!dist) {
  console.error("usage: node assemble.mjs <web pkg dir> <no-modules pkg dir> <dist dir>");
  process.exit(2);
}
const wasmDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const terser = join(wasmDir, "../tests/browser/node_modules/terser/main.js");
const { minify } = await import(pathToFileURL(terser).href).catch(() => {
  console.error("error: terser is missing; run: npm ci --prefix tests/browser");
  process.exit(1);
});

/** Minified code: names shortened and dead code dropped; exports and properties kept. */
async function small(code, module) {
  const out = await minify(code, { module, ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  return out.code;
}
const read = (path) => readFileSync(path, "utf8");

/** The widget's style sheets (`STYLE`, `PRINT_ONE`: plain CSS in template literals) without
 * comments and spaces CSS does not need; terser leaves the text of strings alone. Spaces
 * before a `:` are kept (`a :hover` is not `a:hover`). */
function smallCss(code) {
  let found = 0;
  const out = code.replace(/(const (?:STYLE|PRINT_ONE) = `)([^`]*)(`;)/g, (_, head, css, tail) => {
    found += 1;
    const bare = css.replace(/\/\*[\s\S]*?\*\//g, "");
    // Strings only of words, with single spaces, which the squeezing keeps as they are.
    if (css.includes("${") || css.includes("\\") || /["']/.test(bare.replace(/"[\w-]+( [\w-]+)*"/g, ""))) {
      console.error("the widget's CSS has interpolations, escapes or other strings: shrink it by hand");
      process.exit(1);
    }
    const small = bare
      .replace(/\s+/g, " ")
      .replace(/\s*([{};,>])\s*/g, "$1")
      .replace(/:\s+/g, ":")
      .replace(/;}/g, "}")
      .trim();
    return head + small + tail;
  });
  if (found !== 2) {
    console.error("the widget's style sheets were not found");
    process.exit(1);
  }
  return out;
}
const widget = smallCss(read(join(wasmDir, "www/calculator.js")));
// The widget's English labels: an ES module whose default export is the labels object.
const english = read(join(wasmDir, "www/calculator-en.js"));
const ENGLISH_EXPORT = /^export default (\{[\s\S]*\});\s*$/m;
if (!ENGLISH_EXPORT.test(english)) {
  console.error("www/calculator-en.js is not `export default { … };`");
  process.exit(1);
}
const ENGLISH_FILE = "dti-calculator-en.js";
const version = JSON.parse(read(join(wasmDir, "npm/package.json"))).version;

// The module files of the languages; the first is the default.
const MODULES = { vi: "dti_wasm_bg.wasm", en: "dti_wasm_en_bg.wasm" };
// The language of the page's first calculator, as the widget reads it (`lang` attribute, then
// the page's), whose module the script fetches before the widget is defined.
const PAGE_LANG = `function dtiPageLang() {
  const element = document.querySelector("dti-calculator");
  const tag = (element && element.getAttribute("lang")) || document.documentElement.lang || "vi";
  return tag.toLowerCase().startsWith("en") ? "en" : "vi";
}`;

// The module build: the glue's exports are the module's exports, those of the Vietnamese
// module's glue (its default export, the initialiser, can be given the English module's
// file instead); the widget takes either language's binding from `loadBinding`.
const glue = read(join(web, "dti_wasm.js"));
const EXPORTS = "export { initSync, __wbg_init as default };";
if (!/^async function __wbg_init\(/m.test(glue) || !glue.includes(EXPORTS)) {
  console.error("the glue has no __wbg_init or its exports changed: wasm-bindgen's output changed");
  process.exit(1);
}
const glueBody = glue.replace(EXPORTS, "").replace(/^export (class|function) /gm, "$1 ");
if (/^export\b/m.test(glueBody)) {
  console.error("the glue exports more than the assembler knows: wasm-bindgen's output changed");
  process.exit(1);
}
const moduleBuild = await small(
  `/** An instance of the glue, for one module. */
function dtiGlue() {
${glueBody}
return { __wbg_init, initSync, Calculator, formatDecimal, version };
}
const dtiGlues = { vi: dtiGlue() };
const DTI_MODULES = ${JSON.stringify(MODULES)};
/** The binding of the module that words messages in \`lang\` (\`"vi"\` or \`"en"\`), fetched and
 * compiled once; for English, with the widget's English labels (\`text\`), fetched at the same
 * time. A page may have started compiling the module before this script runs:
 * \`globalThis.dtiCalculatorModules[lang]\`, a promise of a \`WebAssembly.Module\` (wasm/README.md);
 * if it fails, the module is fetched as without it. */
function loadBinding(lang) {
  const key = lang === "en" ? "en" : "vi";
  const glue = (dtiGlues[key] ||= dtiGlue());
  const url = new URL(DTI_MODULES[key], import.meta.url);
  const early = globalThis.dtiCalculatorModules && globalThis.dtiCalculatorModules[key];
  return Promise.all([
    glue.__wbg_init({ module_or_path: early ? Promise.resolve(early).catch(() => fetch(url)) : url }),
    key === "en" ? import(new URL(${JSON.stringify(ENGLISH_FILE)}, import.meta.url).href) : null,
  ]).then(([, text]) => ({
    Calculator: glue.Calculator,
    formatDecimal: glue.formatDecimal,
    version: glue.version,
    text: text && text.default,
  }));
}
export const { Calculator, formatDecimal, version, initSync } = dtiGlues.vi;
export default dtiGlues.vi.__wbg_init;
${PAGE_LANG}
// Start fetching and compiling the page's module before the widget's code runs: the compiler
// works while the widget is defined.
loadBinding(dtiPageLang());
${widget}
globalThis.dtiCalculatorProvide(loadBinding);
`,
  true,
);
mkdirSync(join(dist, "web"), { recursive: true });
writeFileSync(join(dist, "web/dti-calculator.js"), moduleBuild);
for (const file of Object.values(MODULES)) copyFileSync(join(web, file), join(dist, "web", file));
writeFileSync(join(dist, "web", ENGLISH_FILE), await small(english, true));
copyFileSync(join(wasmDir, "www/index.html"), join(dist, "web/index.html"));
const types = `${read(join(web, "dti_wasm.d.ts"))}\n${read(join(wasmDir, "www/element.d.ts"))}`;
writeFileSync(join(dist, "web/dti-calculator.d.ts"), types);

// The single file: classic scripts, both modules as base64 text, each decoded when a
// calculator first needs its language. `</script` inside inline code would end the element early.
const inline = (code) => code.replace(/<\/script/gi, "<\\/script");
const base64 = (lang) => readFileSync(join(noModules, MODULES[lang])).toString("base64");
const noModulesGlue = read(join(noModules, "dti_wasm.js"));
if (!/^let wasm_bindgen = /m.test(noModulesGlue)) {
  console.error("the classic-script glue has no wasm_bindgen: wasm-bindgen's output changed");
  process.exit(1);
}
const loader = `(function () {
  var dtiEnglish = ${english.match(ENGLISH_EXPORT)[1]};
  dtiCalculatorProvide(function (lang) {
    var key = lang === "en" ? "en" : "vi";
    var text = atob(document.getElementById("dti-wasm-" + key).textContent.trim());
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    var glue = dtiGlue();
    return glue({ module_or_path: bytes }).then(function () {
      return { Calculator: glue.Calculator, formatDecimal: glue.formatDecimal, version: glue.version, text: key === "en" ? dtiEnglish : null };
    });
  });
})();`;
const single = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Máy tính Chỉ số chuyển đổi số (DTI) · Digital Transformation Index calculator</title>
<link rel="icon" href="data:,">
<style>body { margin: 0 auto; padding: 12px; max-width: 1120px; }</style>
</head>
<body>
<dti-calculator framework="dti-province-2022" compare="2023"></dti-calculator>
<script id="dti-wasm-vi" type="application/octet-stream">${base64("vi")}</script>
<script id="dti-wasm-en" type="application/octet-stream">${base64("en")}</script>
<script>${inline(await small(`function dtiGlue() {\n${noModulesGlue}\nreturn wasm_bindgen;\n}`, false))}</script>
<script>${inline(await small(widget, false))}</script>
<script>${inline(loader)}</script>
</body>
</html>
`;
writeFileSync(join(dist, "dti-calculator.html"), single);

// The npm package.
const npm = join(dist, "npm");
mkdirSync(npm, { recursive: true });
for (const file of ["dti-calculator.js", ...Object.values(MODULES), ENGLISH_FILE, "dti-calculator.d.ts"]) {
  copyFileSync(join(dist, "web", file), join(npm, file));
}
copyFileSync(join(dist, "dti-calculator.html"), join(npm, "dti-calculator.html"));
copyFileSync(join(wasmDir, "README.md"), join(npm, "README.md"));
writeFileSync(join(npm, "package.json"), read(join(wasmDir, "npm/package.json")));
console.log(`assembled ${dist}: web/, dti-calculator.html (${single.length} bytes), npm/ (version ${version})`);
