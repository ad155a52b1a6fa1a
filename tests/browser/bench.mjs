// The calculator's speed and weight in Debian's Chromium, for BENCHMARKS.md (never asserted):
//   - first DTI on screen: navigation start to the first computation that shows a DTI, for a
//     share link with Quảng Ninh's values, on loopback and with the CPU slowed 4× (CDP
//     Emulation.setCPUThrottlingRate);
//   - per keystroke: an input event to the calculator's dti-change (the module's update and
//     every redraw done), with 1 unit, with the 63-province file and with 5,000 units; for
//     5,000 units also the longest frame (input to the next frame painted);
//   - transferred bytes of the page's files, served gzipped as a production server would.
// Needs `scripts/wasm-build.sh`. Run: node tests/browser/bench.mjs [runs]
import { loadavg, cpus } from "node:os";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { serve } from "./server.mjs";
import { launch } from "./browser.mjs";
import { ROOT } from "./expected.mjs";

const RUNS = Number(process.argv[2] || 9);
const WEB = join(ROOT, "wasm/dist/web");
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

const server = await serve(WEB, 0, { gzip: true });
const browser = await launch();

/** Milliseconds from navigation start to the first DTI shown, over `RUNS` fresh pages. */
async function firstDti(throttle) {
  const times = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    if (throttle > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle });
    }
    await page.addInitScript(() => {
      addEventListener("dti-change", (e) => {
        if (!e.detail.empty && !window.firstDti) window.firstDti = performance.now();
      });
    });
    await page.goto(server.url + LINK);
    await page.waitForFunction(() => window.firstDti, null, { timeout: 60_000 });
    times.push(await page.evaluate(() => window.firstDti));
    await context.close();
  }
  return times;
}

/** Per keystroke: input event to dti-change, over 41 keystrokes, after loading `file`. */
async function keystrokes(file) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url + LINK);
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

const before = loadavg();
const loopback = await firstDti(1);
const slow = await firstDti(4);
const one = await keystrokes(null);
const provinces = await keystrokes({ name: "synthetic-63-provinces-2022.csv", text: readFileSync(join(ROOT, "indicators/data/synthetic-63-provinces-2022.csv"), "utf8") });
const many = await keystrokes({ name: "5000-units.csv", text: unitsCsv(5000) });
const files = await transferred();
const afterwards = loadavg();
await browser.close();
await server.close();

console.log(`Chromium ${browser.version ? "" : ""}headless, ${cpus().length} CPUs; load average ${before.map((x) => x.toFixed(2)).join(" ")} before, ${afterwards.map((x) => x.toFixed(2)).join(" ")} after`);
console.log(`first DTI on screen (share link, ${RUNS} runs): loopback median ${ms(median(loopback))} (max ${ms(max(loopback))}); CPU 4× slower median ${ms(median(slow))} (max ${ms(max(slow))})`);
for (const [label, r] of [["1 unit", one], ["63 provinces", provinces], ["5,000 units", many]]) {
  console.log(`per keystroke, ${label} (41 keys): input → redrawn median ${ms(median(r.times))}, max ${ms(max(r.times))}; input → next frame median ${ms(median(r.frames))}, max ${ms(max(r.frames))}`);
}
let total = 0;
for (const f of files) {
  total += f.transferSize;
  console.log(`  ${f.name.replace(server.url, "/").split("#")[0].padEnd(24)} ${String(f.transferSize).padStart(8)} B transferred, ${String(f.decodedBodySize).padStart(8)} B decoded`);
}
console.log(`transferred in all: ${total} B`);
