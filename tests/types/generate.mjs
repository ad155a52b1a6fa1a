// Calls every function, method and element method of the JavaScript API with real inputs and
// writes TypeScript files that assign what came back (and the arguments given) to the types
// the hand-written declarations promise: `export const x: ReturnType<typeof score> = {…};`.
// `tsc --noEmit -p tests/types` then fails when a declaration has drifted from the binding:
// a field missing, misnamed, of another type, `null` where the type says absent, or present
// where the type lacks it (object literals get TypeScript's excess-property check).
//
// It also fails, by itself, when an export or a method has no case here, when a declared
// function is not exported, when an output holds something other than plain JSON-like data,
// or when a declared field name is not snake_case (the one naming style of the API's data;
// functions and methods are camelCase, as JavaScript's are).
//
// Needs scripts/wasm-build.sh (the calculator's module in wasm/pkg/web, its published
// declarations in wasm/dist/web) and the analysts' module (`--features pipeline`) in
// wasm/pkg/analysts; scripts/wasm-types.sh builds that, runs this and then tsc.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "../..");
const OUT = join(HERE, "generated");
const read = (path) => readFileSync(join(ROOT, path), "utf8");

const CALCULATOR_GLUE = "wasm/pkg/web/dti_wasm.js";
const CALCULATOR_TYPES = "wasm/dist/web/dti-calculator.d.ts";
const ANALYSTS_GLUE = "wasm/pkg/analysts/dti_wasm.js";
const ANALYSTS_TYPES = "wasm/pkg/analysts/dti_wasm.d.ts";
/** The hand-written declarations, whose field names must all be snake_case. */
const HAND_WRITTEN = ["wasm/src/calculator.d.ts", "wasm/src/api.d.ts", "wasm/src/pipeline.d.ts", "wasm/www/element.d.ts"];

for (const path of [CALCULATOR_GLUE, CALCULATOR_TYPES, ANALYSTS_GLUE, ANALYSTS_TYPES]) {
  if (!existsSync(join(ROOT, path))) {
    console.error(`error: ${path} is missing; run scripts/wasm-types.sh (after scripts/wasm-build.sh)`);
    process.exit(1);
  }
}

// ---- inputs: the repository's own files ----

const QUANG_NINH_CSV = read("indicators/data/quang-ninh-2022.csv");
const PROVINCES_CSV = read("tests/fixtures/cli/provinces-2022.csv");
const SIXTY_THREE_CSV = read("indicators/data/synthetic-63-provinces-2022.csv");
const BINH_DUONG_CSV = read("indicators/data/binh-duong-2023.csv");
const MAPPING_CSV = read("tests/fixtures/cli/mapping-custom.csv");
const COSTS_CSV = read("tests/fixtures/cli/costs.csv");
const PIPELINE_TOML = read("tests/fixtures/cli/pipeline-framework.toml");
const PIPELINE_CSV = read("tests/fixtures/cli/pipeline-data.csv");
/** The form's values as a reader types them (Quảng Ninh, 2022). */
const TYPED = { I1: "0,9581", I2: "0,9000", I3: "0,7648", I4: "0,6250", I5: "0,5382", I7: "0,8385", I8: "0,5904", I9: "0,4505" };

// ---- TypeScript literals ----

/** `value` as a TypeScript expression; refuses anything a JSON-like API must not return. */
function literal(value, path, indent = "") {
  const inner = `${indent} `;
  if (value === null) return "null";
  if (value === undefined) throw new Error(`${path} is undefined (the API writes null or leaves a field out)`);
  switch (typeof value) {
    case "number":
      if (Number.isNaN(value)) return "NaN";
      if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
      return JSON.stringify(value);
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "object":
      break;
    default:
      throw new Error(`${path} is a ${typeof value}`);
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const items = value.map((item, i) => inner + literal(item, `${path}[${i}]`, inner));
    return `[\n${items.join(",\n")}\n${indent}]`;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new Error(`${path} is a ${prototype?.constructor?.name ?? "strange object"}, not a plain object`);
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return "{}";
  const fields = entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${literal(item, `${path}.${key}`, inner)}`);
  return `{\n${fields.join(",\n")}\n${indent}}`;
}

/** Arguments as a tuple literal: trailing `undefined`s left out, as a caller leaves them out. */
function tuple(args, path) {
  const given = [...args];
  while (given.length && given[given.length - 1] === undefined) given.pop();
  const items = given.map((arg, i) => (arg === undefined ? "undefined" : literal(arg, `${path}(argument ${i + 1})`)));
  return `[${items.join(", ")}]`;
}

/** One TypeScript file: the typed constants of one module's cases. */
class Cases {
  constructor(name, typesPath, module) {
    this.name = name;
    this.typesPath = typesPath;
    this.module = module;
    this.lines = [];
    this.covered = new Set();
    this.imports = new Set();
    this.count = 0;
  }

  constant(label, type, value) {
    this.count += 1;
    const name = `${label.replace(/[^A-Za-z0-9]+/g, "_")}_${this.count}`;
    // `undefined` only as the whole value: what a method declared `void` returns.
    const text = value === undefined ? "undefined" : literal(value, label);
    this.lines.push(`export const ${name}: ${type} = ${text};\n`);
  }

  /** Calls an exported function: its arguments and its result against its declaration. */
  call(fn, ...args) {
    this.imports.add(fn);
    this.covered.add(fn);
    const result = this.module[fn](...args);
    this.count += 1;
    this.lines.push(`export const ${fn}_args_${this.count}: Parameters<typeof ${fn}> = ${tuple(args, fn)};\n`);
    this.constant(fn, `ReturnType<typeof ${fn}>`, result);
    return result;
  }

  /** Calls a method of a class instance the same way. */
  method(object, className, name, ...args) {
    this.imports.add(className);
    this.covered.add(`${className}.${name}`);
    const result = object[name](...args);
    this.count += 1;
    this.lines.push(`export const ${name}_args_${this.count}: Parameters<${className}["${name}"]> = ${tuple(args, name)};\n`);
    this.constant(`${className}_${name}`, `ReturnType<${className}["${name}"]>`, result);
    return result;
  }

  /** Constructs an instance; its arguments against the constructor's declaration. */
  construct(className, ...args) {
    this.imports.add(className);
    this.covered.add(`${className}.constructor`);
    const instance = new this.module[className](...args);
    this.count += 1;
    this.lines.push(`export const new_${className}_args_${this.count}: ConstructorParameters<typeof ${className}> = ${tuple(args, `new ${className}`)};\n`);
    return instance;
  }

  /** Calls a static method. */
  static(className, name, ...args) {
    this.imports.add(className);
    this.covered.add(`${className}.${name}`);
    const result = this.module[className][name](...args);
    this.constant(`${className}_${name}`, `ReturnType<typeof ${className}.${name}>`, result);
    return result;
  }

  /** A call that must throw: the thrown value is an `Error` whose `details` the type gives. */
  throws(label, call) {
    this.imports.add("DtiError");
    let thrown;
    try {
      call();
    } catch (error) {
      thrown = error;
    }
    assert.ok(thrown instanceof Error, `${this.name}: ${label} throws an Error`);
    assert.equal(typeof thrown.message, "string");
    this.constant(`${label}_error_details`, `DtiError["details"]`, thrown.details);
  }

  /** Fails when an export or a method of the module has no case, or a declared function is not exported. */
  checkCoverage() {
    const missing = [];
    for (const [name, value] of Object.entries(this.module)) {
      if (name === "default" || name === "initSync" || typeof value !== "function") continue;
      if (/^[A-Z]/.test(name)) {
        if (!this.covered.has(`${name}.constructor`)) missing.push(`new ${name}`);
        for (const method of Object.getOwnPropertyNames(value.prototype)) {
          if (method === "constructor" || method.startsWith("__")) continue;
          if (!this.covered.has(`${name}.${method}`)) missing.push(`${name}.prototype.${method}`);
        }
        for (const method of Object.getOwnPropertyNames(value)) {
          if (["length", "name", "prototype"].includes(method) || method.startsWith("__")) continue;
          if (!this.covered.has(`${name}.${method}`)) missing.push(`${name}.${method}`);
        }
      } else if (!this.covered.has(name)) {
        missing.push(name);
      }
    }
    assert.deepEqual(missing, [], `${this.name}: exports without a case in tests/types/generate.mjs`);
    const declared = [...read(this.typesPath).matchAll(/^export (?:declare )?(?:function|class) (\w+)/gm)].map((m) => m[1]);
    const absent = declared.filter((name) => name !== "initSync" && name !== "__wbg_init" && !(name in this.module));
    assert.deepEqual(absent, [], `${this.name}: declared in ${this.typesPath} but not exported`);
  }

  write() {
    const from = join("../../..", this.typesPath).replace(/\.d\.ts$/, ".js");
    const header = `// Generated by tests/types/generate.mjs from real outputs; checked by tsc -p tests/types.\n` +
      `import type { ${[...this.imports].sort().join(", ")} } from "${from}";\n\n`;
    writeFileSync(join(OUT, `${this.name}.ts`), header + this.lines.join("\n"));
  }
}

async function load(gluePath) {
  const module = await import(pathToFileURL(join(ROOT, gluePath)).href);
  const wasm = readFileSync(join(ROOT, gluePath.replace(/\.js$/, "_bg.wasm")));
  module.initSync({ module: wasm });
  return module;
}

// ---- the cases ----

/** Every method of `Calculator`, each state that changes what `update` returns. */
function calculatorCases(c) {
  c.call("version");
  c.call("formatDecimal", 0.70244, 4, "vi");
  c.call("formatDecimal", Number.NaN, 2);
  c.static("Calculator", "maxFileBytes");
  c.throws("unknown_framework", () => new c.module.Calculator("no-such-framework"));

  for (const id of ["dti-province-2020", "illustrative-monitoring"]) {
    const other = c.construct("Calculator", id, "en");
    c.method(other, "Calculator", "info");
    c.method(other, "Calculator", "free");
  }
  const monitoring = c.construct("Calculator", "illustrative-monitoring", "vi");
  c.method(monitoring, "Calculator", "loadFile", BINH_DUONG_CSV, "binh-duong-2023.csv");
  c.method(monitoring, "Calculator", "selectUnit", 0);
  monitoring.free();

  const calc = c.construct("Calculator");
  c.method(calc, "Calculator", "info");
  c.method(calc, "Calculator", "setLang", "en");
  c.method(calc, "Calculator", "update", {});
  c.method(calc, "Calculator", "update", { ...TYPED, I4: "abc", I5: null, I9: 0.45 }, { code: "22" });
  c.method(calc, "Calculator", "update", TYPED, { code: "22", name: "Quảng Ninh" });
  c.method(calc, "Calculator", "keepBaseline", true);
  c.method(calc, "Calculator", "setGoal", null, "value", "0,75");
  c.method(calc, "Calculator", "update", { ...TYPED, I7: "0,95", I8: "" }, { code: "22", name: "Quảng Ninh" });
  c.method(calc, "Calculator", "setGoal", "CQS", "value", "99%");
  c.method(calc, "Calculator", "update", TYPED);
  c.method(calc, "Calculator", "setGoal", null, "value", "1,5");
  c.method(calc, "Calculator", "update", TYPED);
  c.throws("bad_goal", () => calc.setGoal(null, "value", "many"));
  c.method(calc, "Calculator", "exportCsv", TYPED, { code: "22", name: "Quảng Ninh" });
  c.method(calc, "Calculator", "exportCsv", {}, null);
  c.method(calc, "Calculator", "keepBaseline", false);
  c.method(calc, "Calculator", "loadFile", PROVINCES_CSV, "provinces-2022.csv");
  c.throws("unreadable_file", () => calc.loadFile("code;I1\n22;abc\n", "bad.csv"));
  c.method(calc, "Calculator", "selectUnit", 1);
  c.method(calc, "Calculator", "update", { ...TYPED, I1: "0,99" });
  c.method(calc, "Calculator", "setGoal", null, "rank", "1");
  c.method(calc, "Calculator", "update", TYPED);
  c.method(calc, "Calculator", "clearGoal");
  c.method(calc, "Calculator", "update", TYPED);
  c.method(calc, "Calculator", "closeFile");
  c.method(calc, "Calculator", "update", TYPED);
  c.method(calc, "Calculator", "free");
}

/** Every function of the analysts' module (`api` and `pipeline` features). */
function functionCases(c) {
  c.call("listFrameworks");
  for (const id of ["dti-province-2022", "dti-province-2020", "illustrative-monitoring"]) c.call("loadFramework", id, "en");
  c.call("loadFramework", undefined);
  c.call("loadFramework", PIPELINE_TOML, "vi");
  const file = {
    id: "small",
    names: { vi: "Nhỏ", en: "Small" },
    precision: 3,
    missing: "skip",
    indicator: [
      { code: "A", names: { vi: "A", en: "A" }, unit: "percent", rule: { method: "rate" }, points: 10 },
      { code: "B", names: { vi: "B", en: "B" }, unit: "count", direction: "lower", range: [0, 50], rule: { method: "goalposts", low: 0, high: 50 }, points: 5 },
      { code: "C", names: { vi: "C", en: "C" }, unit: "yes_no", rule: { method: "yes_no" }, points: 5 },
    ],
    aggregate: [{ code: "T", names: { vi: "Tổng", en: "Total" }, method: "sum", children: ["A", { code: "B", weight: 1 }, "C"] }],
  };
  c.call("loadFramework", file, "en");
  c.call("loadFramework", JSON.stringify(file));
  c.throws("bad_framework", () => c.module.loadFramework("[[indicator]]\ncode = 1\n"));

  c.call("validate", null, PROVINCES_CSV, "en");
  c.call("validate", "dti-province-2022", "code;I1;I2\n22;abc;120%\n", "vi");

  c.call("score", null, PROVINCES_CSV, "en");
  const data = {
    name: "typed in",
    notes: ["two provinces, each value form"],
    units: [
      {
        code: 22,
        name: "Quảng Ninh",
        year: 2022,
        group: "Bắc",
        groups: { region: "Đông Bắc", size: null },
        values: {
          I1: { numerator: 731, denominator: 763, source: "report" },
          I2: "90%",
          I3: { value: 0.7648, source: "survey" },
          I4: 0.625,
          I5: "0,5382",
          I7: "0,8385",
          I8: 0.5904,
          I9: null,
        },
      },
      { code: "01", name: "Hà Nội", values: { I1: 0.91, I2: 0.88, I3: 0.82, I4: 0.7, I5: 0.6, I7: 0.79, I8: 0.66, I9: 0.52 } },
    ],
  };
  c.call("score", "dti-province-2022", data, "vi");
  c.call("score", file, [{ code: "X", values: { A: 80, B: 10, C: "có" } }, { code: "Y", values: { A: "75%", B: 20, C: false } }]);
  c.call("score", "illustrative-monitoring", BINH_DUONG_CSV, "en");
  c.throws("bad_data", () => c.module.score(null, "code;I1\n22;abc\n", "en"));

  c.call("explain", null, PROVINCES_CSV, "01", "en");
  c.call("explain", "dti-province-2022", QUANG_NINH_CSV);
  c.call("explain", "illustrative-monitoring", BINH_DUONG_CSV, null, "vi");

  c.call("whatIf", null, PROVINCES_CSV, "22", { I7: 0.95, I8: null }, "en");
  c.call("whatIf", null, QUANG_NINH_CSV, undefined, { I1: 1 });
  c.throws("bad_change", () => c.module.whatIf(null, PROVINCES_CSV, "22", { I7: "much" }, "en"));

  c.call("seekGoal", null, PROVINCES_CSV, "22", { value: 0.75 }, null, "en");
  c.call("seekGoal", null, PROVINCES_CSV, "74", { node: "KTS", rank: 1 }, COSTS_CSV, "vi");
  c.call("seekGoal", null, QUANG_NINH_CSV, null, { value: 0.99 }, { I7: 4, I8: 1 });
  c.call("seekGoal", "illustrative-monitoring", BINH_DUONG_CSV, undefined, { node: "CQS", value: 95 });
  c.call("seekGoal", PIPELINE_TOML, PIPELINE_CSV, "22", { rank: 1 }, null, "en");

  c.call("mergeProvinces", null, SIXTY_THREE_CSV);
  c.call("mergeProvinces", null, PROVINCES_CSV, "mean", MAPPING_CSV, "en");
  c.call("mergeProvinces", null, PROVINCES_CSV, { kind: "pooled", weights: { 22: 1362, "01": 8435, 74: 2763 } }, MAPPING_CSV, "vi");
  c.call("mergeProvinces", null, PROVINCES_CSV, { kind: "mean" }, MAPPING_CSV);

  c.call("template", null);
  c.call("template", "dti-province-2020", "json", "en", "22");
  c.call("template", PIPELINE_TOML, "csv", "vi");

  c.call("build", PIPELINE_TOML, PIPELINE_CSV, null, "en");
  c.call("build", PIPELINE_TOML, PIPELINE_CSV, "equal", "vi");
  c.call("build", null, PROVINCES_CSV);
  c.throws("bad_weights", () => c.module.build(PIPELINE_TOML, PIPELINE_CSV, "no-such-set", "en"));
}

/** `promise`, or an error after `ms` milliseconds (a page that never answers must not hang the check). */
function within(ms, what, promise) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The element's methods and its event, in Debian's Chromium (playwright-core, as the browser tests). */
async function elementCases(c) {
  const { serve } = await import(pathToFileURL(join(ROOT, "tests/browser/server.mjs")).href);
  const { launch, open } = await import(pathToFileURL(join(ROOT, "tests/browser/browser.mjs")).href);
  const server = await serve(join(ROOT, "wasm/dist/web"));
  const browser = await launch();
  try {
    const { page, errors } = await open(browser, new URL("index.html", server.url).href);
    const unit = { code: "22", name: "Quảng Ninh" };
    const values = { I1: 0.9581, I2: "0,9", I3: "76,48%", I4: null };
    const seen = await within(60_000, "the element's cases", page.evaluate(
      async ([values, unit]) => {
        await customElements.whenDefined("dti-calculator");
        const element = document.querySelector("dti-calculator");
        const change = () =>
          new Promise((resolve) => {
            const listener = (event) => {
              if (event.detail.empty) return;
              element.removeEventListener("dti-change", listener);
              resolve(event.detail);
            };
            element.addEventListener("dti-change", listener);
          });
        const changed = change();
        const setValues = element.setValues(values, unit);
        const detail = await changed;
        const data = element.data();
        const resetValues = element.resetValues();
        return { setValues, detail, data, resetValues, isElement: element instanceof HTMLElement };
      },
      [values, unit],
    ));
    assert.deepEqual(errors, [], "the page logs no errors");
    assert.ok(seen.isElement);
    c.imports.add("DtiCalculatorElement");
    c.imports.add("DtiChangeEvent");
    c.count += 1;
    c.lines.push(`export const setValues_args_${c.count}: Parameters<DtiCalculatorElement["setValues"]> = ${tuple([values, unit], "setValues")};\n`);
    c.constant("setValues", `ReturnType<DtiCalculatorElement["setValues"]>`, seen.setValues);
    c.constant("dti_change_detail", `DtiChangeEvent["detail"]`, seen.detail);
    c.constant("data", `ReturnType<DtiCalculatorElement["data"]>`, seen.data);
    c.constant("resetValues", `ReturnType<DtiCalculatorElement["resetValues"]>`, seen.resetValues);
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The field names the hand-written declarations give, from their text without comments,
 * string literals and parameter lists. */
function declaredFields(path) {
  let text = read(path)
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\/\/.*$/gm, "")
    .replace(/"[^"\n]*"/g, '""');
  for (let previous = ""; previous !== text; ) {
    previous = text;
    text = text.replace(/\([^()]*\)/g, "()");
  }
  return [...text.matchAll(/([A-Za-z_$][\w$]*)\??\s*:/g)].map((m) => m[1]);
}

/** One naming style for the data of the whole API: snake_case field names. */
function checkNaming() {
  const fields = HAND_WRITTEN.flatMap((path) => declaredFields(path).map((name) => [path, name]));
  assert.ok(fields.length > 100, "the declarations' fields are found");
  const other = fields.filter(([, name]) => !/^[a-z][a-z0-9_]*$/.test(name)).map(([path, name]) => `${path}: ${name}`);
  assert.deepEqual(other, [], "every field of the JavaScript API's data is snake_case");
}

checkNaming();
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

const calculator = new Cases("calculator", CALCULATOR_TYPES, await load(CALCULATOR_GLUE));
calculatorCases(calculator);
calculator.checkCoverage();
await elementCases(calculator);
calculator.write();

const analysts = new Cases("analysts", ANALYSTS_TYPES, await load(ANALYSTS_GLUE));
calculatorCases(analysts);
functionCases(analysts);
analysts.checkCoverage();
analysts.write();

console.log(`tests/types/generated: ${calculator.count} calculator and ${analysts.count} analysts' module cases written`);
