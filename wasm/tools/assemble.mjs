// Assembles the calculator's distributable files from the wasm-bindgen output and the widget:
//   web/dti-calculator.js    one ES module: the glue, the widget and the line that starts the
//                            module's download as soon as the script runs; dti_wasm_bg.wasm
//                            sits beside it (with the demonstration page, index.html)
//   dti-calculator.html      the calculator alone in one file, the module inlined as base64
//                            (opens from disk, file://)
//   npm/                     the npm package: the module build, its types, the single file and
//                            the embedding guide as README
// The scripts are minified with terser (from tests/browser's npm packages): readers download
// them on every visit, and the size check counts them with the module.
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
const widget = read(join(wasmDir, "www/calculator.js"));
const version = JSON.parse(read(join(wasmDir, "npm/package.json"))).version;

// The names the widget uses from the binding.
const BINDING = "{ Calculator, formatDecimal, version }";

// The module build: the glue's exports stay the module's exports.
const glue = read(join(web, "dti_wasm.js"));
if (!/^async function __wbg_init\(/m.test(glue)) {
  console.error("the glue has no __wbg_init: wasm-bindgen's output changed");
  process.exit(1);
}
const moduleBuild = await small(
  `${glue}
// Start fetching and compiling the module before the widget's code runs: the compiler works
// while the widget is defined.
const dtiModuleReady = __wbg_init();
${widget}
globalThis.dtiCalculatorProvide(dtiModuleReady.then(() => (${BINDING})));
`,
  true,
);
mkdirSync(join(dist, "web"), { recursive: true });
writeFileSync(join(dist, "web/dti-calculator.js"), moduleBuild);
copyFileSync(join(web, "dti_wasm_bg.wasm"), join(dist, "web/dti_wasm_bg.wasm"));
copyFileSync(join(wasmDir, "www/index.html"), join(dist, "web/index.html"));
const types = `${read(join(web, "dti_wasm.d.ts"))}\n${read(join(wasmDir, "www/element.d.ts"))}`;
writeFileSync(join(dist, "web/dti-calculator.d.ts"), types);

// The single file: classic scripts, the module as base64 text.
// `</script` inside inline code would end the element early.
const inline = (code) => code.replace(/<\/script/gi, "<\\/script");
const base64 = readFileSync(join(noModules, "dti_wasm_bg.wasm")).toString("base64");
const loader = `(function () {
  var text = atob(document.getElementById("dti-wasm-base64").textContent.trim());
  var bytes = new Uint8Array(text.length);
  for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  dtiCalculatorProvide(wasm_bindgen({ module_or_path: bytes }).then(function () {
    return { Calculator: wasm_bindgen.Calculator, formatDecimal: wasm_bindgen.formatDecimal, version: wasm_bindgen.version };
  }));
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
<script id="dti-wasm-base64" type="application/octet-stream">${base64}</script>
<script>${inline(await small(read(join(noModules, "dti_wasm.js")), false))}</script>
<script>${inline(await small(widget, false))}</script>
<script>${inline(loader)}</script>
</body>
</html>
`;
writeFileSync(join(dist, "dti-calculator.html"), single);

// The npm package.
const npm = join(dist, "npm");
mkdirSync(npm, { recursive: true });
for (const file of ["dti-calculator.js", "dti_wasm_bg.wasm", "dti-calculator.d.ts"]) {
  copyFileSync(join(dist, "web", file), join(npm, file));
}
copyFileSync(join(dist, "dti-calculator.html"), join(npm, "dti-calculator.html"));
copyFileSync(join(wasmDir, "README.md"), join(npm, "README.md"));
writeFileSync(join(npm, "package.json"), read(join(wasmDir, "npm/package.json")));
console.log(`assembled ${dist}: web/, dti-calculator.html (${single.length} bytes), npm/ (version ${version})`);
