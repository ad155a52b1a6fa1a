// The calculator's speed and weight in Debian's Chromium, for BENCHMARKS.md (never asserted):
//   - first DTI on screen: navigation start to the first computation that shows a DTI (the
//     calculator's dti-change) and to the frame that paints it (the next animation frame, then a
//     task), for a share link with Quảng Ninh's values: on loopback, with the CPU slowed 4×
//     (CDP Emulation.setCPUThrottlingRate) and on DevTools' "Slow 4G" network (CDP
//     Network.emulateNetworkConditions: 562.5 ms latency, 1.6 Mbit/s × 0.9 down, 750 kbit/s ×
//     0.9 up; CPU not slowed). With each, the medians of where the time went: the page, the
//     script and the module received (Resource Timing), the script run (the element defined),
//     the module instantiated (WebAssembly.instantiateStreaming or .instantiate settled), and
//     of the main thread's own spans (script received → run, module instantiated → first
//     DTI, first DTI → painted), which the machine's load disturbs less than times from the
//     navigation's start;
//   - layout shift while loading (layout-shift entries summed as CLS does), desktop 1280×900 and
//     phone 360×780, on loopback and on Slow 4G, the share link loaded until its DTI is painted
//     and 500 ms more: at the top of the page (the calculator below the fold) and scrolled to
//     the calculator as soon as the page is read (the calculator in view while it loads);
//   - per keystroke: an input event to the calculator's dti-change (the module's update and
//     every redraw done), with 1 unit, with the 63-province file and with 5,000 units; for
//     5,000 units also the longest frame (input to the next frame painted);
//   - transferred bytes of the page's files, served gzipped (or brotli-compressed) as a
//     production server would.
// Needs `scripts/wasm-build.sh`. Run: node tests/browser/bench.mjs [runs] [options]
//   runs            page loads per first-DTI figure (default 9; Slow 4G takes at most 5)
//   --web=DIR,DIR…  the built pages to serve (default wasm/dist/web). With two or more (say a
//                   copy of the dist folder before a change, and after), their page loads take
//                   turns, and so do their keystroke series (three of 41 keys each, per file),
//                   so the machine's load falls on each alike; no layout shift nor bytes then.
//   --only=first    first-DTI figures only
//   --only=keys     per-keystroke figures only
//   --no-slow-4g    without the Slow 4G loads (about 3 s each)
//   --brotli        served brotli-compressed (quality 11) instead of gzip -9
//   --cpu           also the page's main-thread CPU time (thread clock, from a Chromium trace of
//                   each load: the thread's top-level tasks) up to the first DTI and to its frame:
//                   the figure to compare builds with on a loaded machine
import { loadavg, cpus } from "node:os";
import { join, resolve } from "node:path";
import { readFileSync } from "node:fs";
import { serve } from "./server.mjs";
import { launch } from "./browser.mjs";
import { ROOT } from "./expected.mjs";

const options = process.argv.slice(2).filter((a) => a.startsWith("--"));
const option = (name) => options.find((a) => a === `--${name}` || a.startsWith(`--${name}=`))?.split("=")[1] ?? (options.includes(`--${name}`) ? true : undefined);
const RUNS = Number(process.argv.slice(2).find((a) => !a.startsWith("--")) || 9);
const WEBS = option("web") ? String(option("web")).split(",").map((d) => resolve(d)) : [join(ROOT, "wasm/dist/web")];
const ONLY_FIRST = option("only") === "first";
const ONLY_KEYS = option("only") === "keys";
const SLOW_4G = !option("no-slow-4g");
const CPU = Boolean(option("cpu"));
// DevTools' "Slow 4G" preset (Lighthouse's mobile throttling): bytes per second, milliseconds.
const SLOW_4G_NETWORK = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1e6 * 0.9) / 8, uploadThroughput: (750 * 1e3 * 0.9) / 8 };
const QUANG_NINH = "I1=0%2C9581&I2=0%2C9&I3=0%2C7648&I4=0%2C625&I5=0%2C5382&I7=0%2C8385&I8=0%2C5904&I9=0%2C4505";
const LINK = `#dti=1&fw=dti-province-2022&lang=vi&unit=22&name=Qu%E1%BA%A3ng+Ninh&${QUANG_NINH}`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const max = (xs) => Math.max(...xs);
const ms = (x) => `${x.toFixed(1)} ms`;

function unitsCsv(n) {
  const rows = ["code,name,I1,I2,I3,I4,I5,I7,I8,I9"];
  for (let i = 0; i < n; i++) {
    const v = (k) => (((i + 1) * (k + 7919)) % 1000) / 1000;
    rows.push(`U${i},Unit ${i},${[0, 1, 2, 3, 4, 5, 6, 7].map(v).join(",")}`);
  }
  return rows.join("\n");
}

const BROTLI = Boolean(option("brotli"));
const servers = await Promise.all(WEBS.map((web) => serve(web, 0, { gzip: true, brotli: BROTLI })));
const server = servers[0];
const browser = await launch();

/** Records, in the page, the moments {@link firstDti} reports. */
function watchLoading() {
  const marks = (window.benchMarks = {});
  // Streaming, or from a module the page compiled early (index.html).
  for (const name of ["instantiateStreaming", "instantiate"]) {
    const instantiate = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      const settled = instantiate.apply(this, args);
      settled.then(() => (marks.instantiated ??= performance.now()));
      return settled;
    };
  }
  const define = customElements.define;
  customElements.define = function (...args) {
    marks.defined ??= performance.now();
    return define.apply(this, args);
  };
  window.benchShift = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.benchShift += entry.value;
  }).observe({ type: "layout-shift", buffered: true });
  addEventListener("dti-change", (e) => {
    if (e.detail.empty || marks.first) return;
    marks.first = performance.now();
    performance.mark("bench-first-dti");
    requestAnimationFrame(() =>
      setTimeout(() => {
        marks.painted = performance.now();
        performance.mark("bench-painted");
      }, 0),
    );
  });
}

/** From a trace of one page load: the page's main thread's CPU time (the thread clock, which
 * other processes' load does not lengthen as it does the wall clock), in milliseconds, in the
 * tasks that began before the first DTI and before it was painted. */
function mainThreadCpu(events) {
  const first = events.find((e) => e.name === "bench-first-dti");
  const painted = events.find((e) => e.name === "bench-painted");
  if (!first || !painted) return {};
  const tasks = events
    .filter((e) => e.pid === first.pid && e.tid === first.tid && e.ph === "X" && e.tdur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  let cpuFirst = 0;
  let cpuPainted = 0;
  let end = 0;
  for (const task of tasks) {
    if (task.ts < end) continue; // nested in the task before
    end = task.ts + task.dur;
    if (task.ts < first.ts) cpuFirst += task.tdur / 1000;
    if (task.ts < painted.ts) cpuPainted += task.tdur / 1000;
  }
  return { cpuFirst, cpuPainted };
}

/** One fresh page load of the share link from `at`; the moments in milliseconds from the
 * navigation's start, and the layout shift until 500 ms after the DTI was painted. */
async function load(at, { throttle = 1, network = null, viewport = { width: 1280, height: 900 }, phone = false, settle = 0, inView = false } = {}) {
  const context = await browser.newContext(phone ? { viewport: { width: 360, height: 780 }, deviceScaleFactor: 2, isMobile: true } : { viewport });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (throttle > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle });
  if (network) {
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", network);
  }
  await page.addInitScript(watchLoading);
  // The demo page's calculator is below the fold; scrolled to, it is in view while it loads.
  if (inView) await page.addInitScript(() => document.addEventListener("DOMContentLoaded", () => document.querySelector("dti-calculator").scrollIntoView()));
  const events = [];
  if (CPU) {
    cdp.on("Tracing.dataCollected", ({ value }) => events.push(...value));
    await cdp.send("Tracing.start", { traceConfig: { includedCategories: ["toplevel", "disabled-by-default-devtools.timeline", "devtools.timeline", "blink.user_timing"] }, transferMode: "ReportEvents" });
  }
  await page.goto(at.url + LINK, { timeout: 120_000 });
  await page.waitForFunction(() => window.benchMarks.painted, null, { timeout: 120_000 });
  if (settle) await page.waitForTimeout(settle);
  let cpu = {};
  if (CPU) {
    const complete = new Promise((done) => cdp.once("Tracing.tracingComplete", done));
    await cdp.send("Tracing.end");
    await complete;
    cpu = mainThreadCpu(events);
  }
  const moments = await page.evaluate(() => {
    const ends = Object.fromEntries(performance.getEntriesByType("resource").map((e) => [e.name.split("/").pop(), e.responseEnd]));
    return {
      page: performance.getEntriesByType("navigation")[0].responseEnd,
      script: ends["dti-calculator.js"],
      module: ends["dti_wasm_bg.wasm"],
      ...window.benchMarks,
      shift: window.benchShift,
    };
  });
  Object.assign(moments, cpu);
  await context.close();
  return moments;
}

/** `RUNS` fresh page loads from each server, taking turns; per server, the loads' moments. */
async function firstDti(settings, runs = RUNS) {
  const all = servers.map(() => []);
  for (let run = 0; run < runs; run++) {
    for (const [i, at] of servers.entries()) all[i].push(await load(at, settings));
  }
  return all;
}

/** Per keystroke: input event to dti-change, over 41 keystrokes, after loading `file`. */
async function keystrokes(file, at = server) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(at.url + LINK);
  await page.locator("dti-calculator").locator("#v-I1").waitFor();
  if (file) {
    await page.locator("dti-calculator").locator("input[type=file]").setInputFiles({ name: file.name, mimeType: "text/csv", buffer: Buffer.from(file.text) });
    await page.locator("dti-calculator").locator(".status").getByText(file.name).waitFor();
  }
  const result = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const widget = document.querySelector("dti-calculator");
        const field = widget.shadowRoot.querySelector("#v-I1");
        const times = [];
        const frames = [];
        const step = () => {
          const start = performance.now();
          widget.addEventListener(
            "dti-change",
            () => {
              times.push(performance.now() - start);
              // The frame that shows it: the next animation frame after the redraw.
              requestAnimationFrame(() => {
                frames.push(performance.now() - start);
                if (times.length < 41) setTimeout(step, 20);
                else resolve({ times, frames });
              });
            },
            { once: true },
          );
          field.value = times.length % 2 ? "0,9581" : "0,958";
          field.dispatchEvent(new Event("input", { bubbles: true }));
        };
        step();
      }),
  );
  await context.close();
  return result;
}

/** Bytes on the wire (gzip) and decoded, per file of the page. */
async function transferred() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url + LINK);
  await page.locator("dti-calculator").locator("#v-I1").waitFor();
  const entries = await page.evaluate(() =>
    [{ name: location.href, transferSize: performance.getEntriesByType("navigation")[0].transferSize, decodedBodySize: performance.getEntriesByType("navigation")[0].decodedBodySize }].concat(
      performance.getEntriesByType("resource").map((e) => ({ name: e.name, transferSize: e.transferSize, decodedBodySize: e.decodedBodySize })),
    ),
  );
  await context.close();
  return entries;
}

const PHASES = [
  ["page", "page received"],
  ["script", "script received"],
  ["module", "module received"],
  ["defined", "script run"],
  ["instantiated", "module instantiated"],
  ["first", "first DTI"],
  ["painted", "painted"],
];
function reportFirst(label, loads) {
  for (const [i, runs] of loads.entries()) {
    const where = WEBS.length > 1 ? ` [${WEBS[i]}]` : "";
    const first = runs.map((r) => r.first);
    const painted = runs.map((r) => r.painted);
    console.log(`first DTI on screen, ${label}${where} (share link, ${runs.length} runs): median ${ms(median(first))} (max ${ms(max(first))}), painted median ${ms(median(painted))} (max ${ms(max(painted))})`);
    console.log(`  medians: ${PHASES.map(([key, name]) => `${name} ${ms(median(runs.map((r) => r[key] ?? NaN)))}`).join(", ")}`);
    // The main thread's own steps, less at the mercy of the network and of the machine's load
    // than the times from the navigation's start.
    const span = (from, to) => ms(median(runs.map((r) => r[to] - r[from])));
    console.log(`  median spans: script received → run ${span("script", "defined")}, module instantiated → first DTI ${span("instantiated", "first")}, first DTI → painted ${span("first", "painted")}`);
    if (CPU) console.log(`  main thread's CPU time, medians: to the first DTI ${ms(median(runs.map((r) => r.cpuFirst)))}, to its frame painted ${ms(median(runs.map((r) => r.cpuPainted)))}`);
  }
}

const before = loadavg();
if (!ONLY_KEYS) {
  reportFirst("loopback", await firstDti({}));
  reportFirst("CPU 4× slower", await firstDti({ throttle: 4 }));
  if (SLOW_4G) reportFirst("Slow 4G", await firstDti({ network: SLOW_4G_NETWORK }, Math.min(RUNS, 5)));
}
const FILES = [
  ["1 unit", null],
  ["63 provinces", { name: "synthetic-63-provinces-2022.csv", text: readFileSync(join(ROOT, "indicators/data/synthetic-63-provinces-2022.csv"), "utf8") }],
  ["5,000 units", { name: "5000-units.csv", text: unitsCsv(5000) }],
];
function reportKeys(label, r) {
  console.log(`per keystroke, ${label} (${r.times.length} keys): input → redrawn median ${ms(median(r.times))}, max ${ms(max(r.times))}; input → next frame median ${ms(median(r.frames))}, max ${ms(max(r.frames))}`);
}
if (WEBS.length > 1 && !ONLY_FIRST) {
  // Each build's keystroke series in turn, three rounds, the keys of a build pooled.
  for (const [label, file] of FILES) {
    const pooled = servers.map(() => ({ times: [], frames: [] }));
    for (let round = 0; round < 3; round++) {
      for (const [i, at] of servers.entries()) {
        const r = await keystrokes(file, at);
        pooled[i].times.push(...r.times);
        pooled[i].frames.push(...r.frames);
      }
    }
    for (const [i, r] of pooled.entries()) reportKeys(`${label} [${WEBS[i]}]`, r);
  }
}
if (ONLY_FIRST || WEBS.length > 1) {
  console.log(`load average ${before.map((x) => x.toFixed(2)).join(" ")} before, ${loadavg().map((x) => x.toFixed(2)).join(" ")} after; ${cpus().length} CPUs`);
  await browser.close();
  for (const s of servers) await s.close();
  process.exit(0);
}
for (const inView of ONLY_KEYS ? [] : [false, true]) {
  const shifts = [];
  for (const phone of [false, true]) {
    for (const network of SLOW_4G ? [null, SLOW_4G_NETWORK] : [null]) {
      const { shift } = await load(server, { phone, network, settle: 500, inView });
      shifts.push(`${phone ? "phone" : "desktop"} ${network ? "Slow 4G" : "loopback"} ${shift.toFixed(3)}`);
    }
  }
  console.log(`layout shift while loading, ${inView ? "scrolled to the calculator" : "top of the page"}: ${shifts.join("; ")}`);
}
const keys = [];
for (const [label, file] of FILES) keys.push([label, await keystrokes(file)]);
const files = await transferred();
const afterwards = loadavg();
await browser.close();
for (const s of servers) await s.close();

console.log(`Chromium headless, ${cpus().length} CPUs; load average ${before.map((x) => x.toFixed(2)).join(" ")} before, ${afterwards.map((x) => x.toFixed(2)).join(" ")} after`);
for (const [label, r] of keys) reportKeys(label, r);
let total = 0;
for (const f of files) {
  total += f.transferSize;
  console.log(`  ${f.name.replace(server.url, "/").split("#")[0].padEnd(24)} ${String(f.transferSize).padStart(8)} B transferred, ${String(f.decodedBodySize).padStart(8)} B decoded`);
}
console.log(`transferred in all (${BROTLI ? "brotli" : "gzip"}): ${total} B`);
