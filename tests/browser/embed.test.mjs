// The embedding guide (wasm/README.md) taken at its word: its snippet and style sheet make a
// page of their own, served under the Content-Security-Policy it gives; the npm package is
// packed with `npm pack` and loaded from a scratch folder through the guide's import map.
// Needs `scripts/wasm-build.sh`. Run: node --test --test-concurrency=1 tests/browser/
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "./server.mjs";
import { launch } from "./browser.mjs";
import { ROOT } from "./expected.mjs";

const WEB = join(ROOT, "wasm/dist/web");
const NPM = join(ROOT, "wasm/dist/npm");
const GUIDE = readFileSync(join(ROOT, "wasm/README.md"), "utf8");

/** The fenced blocks of a language in the guide, in order. */
function blocks(lang) {
  return [...GUIDE.matchAll(new RegExp("```" + lang + "\\n([\\s\\S]*?)```", "g"))].map((m) => m[1]);
}

const SNIPPET = blocks("html")[0];
const EARLY = blocks("html")[1];
const IMPORT_MAP = blocks("html")[2];
const CSS = blocks("css")[0];
const CSP = /Content-Security-Policy: ([^`]+)`/.exec(GUIDE)[1];

let browser;
let scratch;

before(async () => {
  assert.ok(existsSync(join(WEB, "dti-calculator.js")), "run scripts/wasm-build.sh first");
  assert.match(SNIPPET, /<dti-calculator /);
  assert.match(CSP, /'wasm-unsafe-eval'/);
  browser = await launch();
  scratch = mkdtempSync(join(tmpdir(), "dti-embed-"));
});

after(async () => {
  await browser?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** Loads a page (after the page scripts `inits`), types Quảng Ninh's values and returns the DTI
 * shown, with every error and policy violation the page met, and `window.wasmCalls`. */
async function tryPage(url, inits = []) {
  const context = await browser.newContext();
  const page = await context.newPage();
  for (const init of inits) await page.addInitScript(init);
  const problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  page.on("pageerror", (e) => problems.push(String(e)));
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP: ${e.violatedDirective} ${e.blockedURI}`)),
  );
  await page.goto(url);
  const calc = (selector) => page.locator("dti-calculator").locator(selector);
  await calc("#v-I1").waitFor({ state: "visible" });
  const values = { I1: "0,9581", I2: "0,9", I3: "0,7648", I4: "0,625", I5: "0,5382", I7: "0,8385", I8: "0,5904", I9: "0,4505" };
  for (const [code, value] of Object.entries(values)) await calc(`#v-${code}`).fill(value);
  const dti = (await calc('[data-value="DTI"]').textContent()).trim();
  const reserved = await page.evaluate(() => getComputedStyle(document.querySelector("dti-calculator")).display);
  const calls = await page.evaluate(() => window.wasmCalls);
  await context.close();
  return { dti, problems, reserved, calls };
}

test("the guide's snippet works as written, under the guide's Content-Security-Policy", async () => {
  const site = join(scratch, "site");
  cpSync(WEB, site, { recursive: true });
  writeFileSync(join(site, "guide.css"), CSS);
  writeFileSync(join(site, "favicon.ico"), "");
  writeFileSync(
    join(site, "guide.html"),
    `<!doctype html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n<title>Guide</title>\n<link rel="stylesheet" href="guide.css">\n</head>\n<body>\n<h1>Chương 3</h1>\n${SNIPPET}\n<p>Sau máy tính.</p>\n</body>\n</html>\n`,
  );
  const server = await serve(site, 0, { headers: { "content-security-policy": CSP }, gzip: true });
  try {
    const { dti, problems, reserved } = await tryPage(`${server.url}guide.html`);
    assert.equal(dti, "0,7024");
    assert.equal(reserved, "block");
    assert.deepEqual(problems, []);
  } finally {
    await server.close();
  }
});

test("the guide's early compilation: its module is the one the calculator uses, and one that fails is fetched again", async () => {
  const site = join(scratch, "early");
  cpSync(WEB, site, { recursive: true });
  writeFileSync(join(site, "favicon.ico"), "");
  // Under the guide's policy, the inline script allowed by its hash, as the guide says.
  const inline = /<script>([\s\S]*?)<\/script>/.exec(EARLY)[1];
  const csp = CSP.replace("script-src 'self'", `script-src 'self' 'sha256-${createHash("sha256").update(inline).digest("base64")}'`);
  assert.notEqual(csp, CSP);
  writeFileSync(
    join(site, "early.html"),
    `<!doctype html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n<title>Early</title>\n${EARLY}</head>\n<body>\n${SNIPPET}\n</body>\n</html>\n`,
  );
  // How the page compiles WebAssembly, counted.
  const count = () => {
    window.wasmCalls = {};
    for (const name of ["compile", "compileStreaming", "instantiate", "instantiateStreaming"]) {
      const call = WebAssembly[name];
      WebAssembly[name] = function (...args) {
        window.wasmCalls[name] = (window.wasmCalls[name] || 0) + 1;
        return call.apply(this, args);
      };
    }
  };
  const refuse = () => (WebAssembly.compileStreaming = () => Promise.reject(new TypeError("refused")));
  const server = await serve(site, 0, { headers: { "content-security-policy": csp }, gzip: true });
  try {
    const used = await tryPage(`${server.url}early.html`, [count]);
    assert.equal(used.dti, "0,7024");
    assert.deepEqual(used.problems, []);
    // Compiled once, by the page; the calculator instantiates that module.
    assert.deepEqual(used.calls, { compileStreaming: 1, instantiate: 1 });
    const refused = await tryPage(`${server.url}early.html`, [refuse, count]);
    assert.equal(refused.dti, "0,7024");
    assert.deepEqual(refused.problems, []);
    assert.deepEqual(refused.calls, { compileStreaming: 1, instantiateStreaming: 1 });
  } finally {
    await server.close();
  }
});

test("the npm package packs, declares its exports and types, and loads through the guide's import map", () => {
  const packed = execFileSync("npm", ["pack", "--pack-destination", scratch, "--json"], { cwd: NPM, encoding: "utf8" });
  const [{ filename, files }] = JSON.parse(packed);
  const names = files.map((f) => f.path).sort();
  assert.deepEqual(names, ["README.md", "dti-calculator-en.js", "dti-calculator.d.ts", "dti-calculator.html", "dti-calculator.js", "dti_wasm_bg.wasm", "dti_wasm_en_bg.wasm", "package.json"]);
  const app = join(scratch, "app");
  const installed = join(app, "node_modules/dti-calculator");
  mkdirSync(installed, { recursive: true });
  execFileSync("tar", ["-xzf", join(scratch, filename), "-C", installed, "--strip-components=1"]);
  const manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8"));
  const cargo = readFileSync(join(ROOT, "Cargo.toml"), "utf8");
  assert.equal(manifest.version, /\[workspace\.package\][^[]*?version = "([^"]+)"/.exec(cargo)[1], "the package's version is the workspace's");
  for (const target of [manifest.exports["."].types, manifest.exports["."].default, manifest.types, ...Object.values(manifest.exports).filter((e) => typeof e === "string")]) {
    assert.ok(existsSync(join(installed, target)), target);
  }
  const types = readFileSync(join(installed, manifest.types), "utf8");
  assert.match(types, /export class Calculator/);
  assert.match(types, /"dti-calculator": DtiCalculatorElement/);
  assert.doesNotMatch(types, /(:|<|\|)\s*any\b/);
  writeFileSync(join(app, "favicon.ico"), "");
  writeFileSync(join(app, "index.html"), `<!doctype html>\n<html lang="vi">\n<head><meta charset="utf-8"><title>App</title></head>\n<body>\n${IMPORT_MAP}\n<dti-calculator></dti-calculator>\n</body>\n</html>\n`);
  return (async () => {
    const server = await serve(app);
    try {
      const { dti, problems } = await tryPage(server.url);
      assert.equal(dti, "0,7024");
      assert.deepEqual(problems, []);
    } finally {
      await server.close();
    }
  })();
});

test("a page can use the Calculator class without the element", async () => {
  const site = join(scratch, "class");
  cpSync(WEB, site, { recursive: true });
  writeFileSync(
    join(site, "class.html"),
    `<!doctype html><meta charset="utf-8"><title>Class</title><script type="module">
import { Calculator } from "./dti-calculator.js";
addEventListener("dti-calculator-test", () => {});
window.result = (async () => {
  await new Promise((resolve) => customElements.whenDefined("dti-calculator").then(resolve));
  const probe = document.createElement("dti-calculator");
  document.body.append(probe);
  await new Promise((resolve) => probe.addEventListener("dti-ready", resolve, { once: true }));
  const calc = new Calculator("dti-province-2022", "en");
  const update = calc.update({ I7: "1", I8: "50%" }, { code: "01" });
  calc.free();
  return update.nodes.find((n) => n.code === "DTI").value;
})();
</script>`,
  );
  const server = await serve(site);
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${server.url}class.html`);
    assert.equal(await page.evaluate(() => window.result), 0.275);
  } finally {
    await context.close();
    await server.close();
  }
});
