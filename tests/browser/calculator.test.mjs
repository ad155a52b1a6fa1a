// End-to-end tests of the guidebook calculator in headless Debian Chromium.
// Needs `scripts/wasm-build.sh` first (serves wasm/dist/web; opens wasm/dist/dti-calculator.html).
// defects.test.mjs holds one test per defect of issue 14; embed.test.mjs the embedding guide.
// Run: node --test --test-concurrency=1 tests/browser/
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { serve } from "./server.mjs";
import { launch, open } from "./browser.mjs";
import { EXPECTED_FROM, OFFICIAL, ROOT, cliIndices, expectedIndices, published } from "./expected.mjs";

const WEB = join(ROOT, "wasm/dist/web");
const SINGLE = join(ROOT, "wasm/dist/dti-calculator.html");
const ARTIFACTS = join(ROOT, "test-artifacts");
const FIXTURE = "indicators/data/quang-ninh-2022.csv";
const QUANG_NINH = {
  I1: "0,9581", I2: "0,9000", I3: "0,7648", I4: "0,6250", I5: "0,5382",
  I7: "0,8385", I8: "0,5904", I9: "0,4505",
};
const INDICES = ["DTI", "CQS", "KTS", "XHS"];

let server;
let browser;

before(async () => {
  assert.ok(existsSync(join(WEB, "dti_wasm_bg.wasm")), "run scripts/wasm-build.sh first");
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await serve(WEB);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The calculator's shadow-piercing locator for a CSS selector. */
const calc = (page, selector) => page.locator("dti-calculator").locator(selector);

async function ready(page) {
  await calc(page, "#v-I1").waitFor({ state: "visible" });
}

async function shown(page, code) {
  return (await calc(page, `[data-value="${code}"]`).textContent()).trim();
}

async function typeValues(page, values) {
  for (const [code, value] of Object.entries(values)) {
    const input = calc(page, `#v-${code}`);
    await input.click();
    await input.pressSequentially(value);
  }
}

async function assertShowsExpected(page, lang, unit = "22") {
  const expected = expectedIndices(FIXTURE)[unit];
  for (const code of INDICES) {
    assert.equal(await shown(page, code), published(expected[code], lang), `${code} (${EXPECTED_FROM})`);
  }
}

/** The live region's text once it contains `text`. */
async function announced(page, selector, text) {
  await page.waitForFunction(
    ([selector, text]) => {
      const live = document.querySelector("dti-calculator").shadowRoot.querySelector(selector);
      return live && live.textContent.includes(text);
    },
    [selector, text],
  );
}

async function setGoal(page, value) {
  await calc(page, "#goal-value").fill(value);
  await calc(page, "#goal-value").press("Enter");
}

async function planRows(page) {
  return calc(page, ".plan tbody tr").evaluateAll((rows) =>
    rows.map((row) => [row.dataset.code, row.querySelector("[data-from]").textContent, row.querySelector("[data-to]").textContent]),
  );
}

test("the CLI reproduces the published 2022 figures (the tests' other reference)", { skip: EXPECTED_FROM !== "cli" }, () => {
  for (const [file, units] of Object.entries(OFFICIAL)) {
    const cli = cliIndices(file);
    for (const [unit, values] of Object.entries(units)) {
      for (const [code, value] of Object.entries(values)) {
        assert.equal(published(cli[unit][code], "en"), published(value, "en"), `${file} ${unit} ${code}`);
      }
    }
  }
});

describe("the demo page served over HTTP", () => {
  test("typing Quảng Ninh's 2022 values shows the same DTI as the CLI", async () => {
    const { page, errors, context } = await open(browser, server.url, {
      init: () => addEventListener("dti-change", () => (window.firstResultAt ||= performance.now())),
    });
    await ready(page);
    await calc(page, '[data-value="DTI"]').waitFor();
    const firstResult = await page.evaluate(() => Math.round(window.firstResultAt));
    console.log(`time to first result: ${firstResult} ms after navigation start`);
    assert.equal(await shown(page, "DTI"), "–", "an empty form shows no number");
    await typeValues(page, QUANG_NINH);
    await assertShowsExpected(page, "vi");
    // Recomputation per keystroke: 21 input events on one field, each timed until the widget
    // has scored and redrawn (its dti-change event). Reported for BENCHMARKS.md, never asserted.
    const perKeystroke = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const widget = document.querySelector("dti-calculator");
          const field = widget.shadowRoot.querySelector("#v-I1");
          const times = [];
          const step = () => {
            const start = performance.now();
            widget.addEventListener(
              "dti-change",
              () => {
                times.push(performance.now() - start);
                if (times.length < 21) setTimeout(step, 0);
                else resolve(times.sort((a, b) => a - b));
              },
              { once: true },
            );
            field.value = times.length % 2 ? "0,9581" : "0,958";
            field.dispatchEvent(new Event("input", { bubbles: true }));
          };
          step();
        }),
    );
    console.log(`recomputation per keystroke: median ${perKeystroke[10].toFixed(2)} ms, max ${perKeystroke[20].toFixed(2)} ms`);
    assert.equal(perKeystroke.length, 21);
    await calc(page, "#v-I1").fill("0,9581");
    await calc(page, "#v-I1").dispatchEvent("input");
    await assertShowsExpected(page, "vi");
    // The three changes that gain the most for the same effort: a tenth of each indicator's gap,
    // so digital-society activity (0.4505 of 150 points) first, not always the heaviest I7.
    assert.equal(await calc(page, "ol.moves li").count(), 3);
    assert.deepEqual(await calc(page, "ol.moves li").evaluateAll((li) => li.map((l) => l.dataset.code)), ["I9", "I8", "I5"]);
    // Points lost: 1000 − 702.445.
    assert.equal((await calc(page, "tfoot td").last().textContent()).trim(), "297,55");
    // Results are announced once typing pauses.
    await page.waitForFunction(() => {
      const live = document.querySelector("dti-calculator").shadowRoot.querySelector("[aria-live]");
      return live && live.textContent.includes("DTI 0,7024");
    });
    // Comparison line with the 2023 national average.
    assert.match(await calc(page, '[data-index="DTI"] .ref').textContent(), /0,6783/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("inline validation marks a value outside its range and leaves it out", async () => {
    const { page, errors, context } = await open(browser, server.url);
    await ready(page);
    await typeValues(page, { I1: "1,5", I2: "abc" });
    assert.equal(await calc(page, "#v-I1").getAttribute("aria-invalid"), "true");
    assert.match(await calc(page, "#v-I1-msg").textContent(), /nằm trên khoảng cho phép 0–1/);
    assert.match(await calc(page, "#v-I2-msg").textContent(), /không đọc được giá trị `abc`/);
    assert.match(await calc(page, ".notice").textContent(), /2 ô chưa hợp lệ/);
    // Provisional, not a result: the headline says so while a field is invalid.
    assert.equal(await shown(page, "DTI"), "0,0000");
    assert.match(await calc(page, '[data-index="DTI"]').getAttribute("class"), /provisional/);
    assert.match(await calc(page, '[data-index="DTI"] .tag').textContent(), /Tạm tính/);
    await calc(page, "#v-I1").fill("1");
    assert.equal(await calc(page, "#v-I1").getAttribute("aria-invalid"), null);
    await calc(page, "#v-I2").fill("");
    assert.equal(await shown(page, "DTI"), "0,1000");
    assert.doesNotMatch(await calc(page, '[data-index="DTI"]').getAttribute("class"), /provisional/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("the language switch changes the page, labels and decimal mark", async () => {
    const { page, errors, context } = await open(browser, server.url);
    await ready(page);
    await typeValues(page, QUANG_NINH);
    await page.click("#langswitch");
    assert.equal(await page.getAttribute("html", "lang"), "en");
    assert.equal(await page.locator("h1 [lang=en]").isVisible(), true);
    assert.equal(await page.locator("h1 [lang=vi]").isVisible(), false);
    await calc(page, "#inputs-title").getByText("Indicator values").waitFor();
    assert.match(await calc(page, "label[for=v-I7]").textContent(), /Digital-government activity/);
    await assertShowsExpected(page, "en");
    // Values typed with a decimal comma still count after the switch.
    assert.equal(await calc(page, "#v-I1").inputValue(), "0,9581");
    await page.click("#langswitch");
    assert.equal(await page.getAttribute("html", "lang"), "vi");
    await assertShowsExpected(page, "vi");
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("a page fetches its language's module alone, and the other one on a switch", async () => {
    const { page, errors, context } = await open(browser, server.url);
    // The modules the page has fetched, each once, and the English labels.
    const modules = () =>
      page.evaluate(() =>
        [
          ...new Set(
            performance
              .getEntriesByType("resource")
              .map((e) => new URL(e.name).pathname.slice(1))
              .filter((n) => n.endsWith(".wasm") || n === "dti-calculator-en.js"),
          ),
        ].sort(),
      );
    await ready(page);
    await typeValues(page, { I1: "1,5", I2: "abc" });
    assert.match(await calc(page, "#v-I2-msg").textContent(), /không đọc được giá trị `abc`/);
    assert.deepEqual(await modules(), ["dti_wasm_bg.wasm"]);
    await page.click("#langswitch");
    // The English module words the core's messages; the values typed stay and count.
    await calc(page, "#v-I2-msg").getByText("cannot read value `abc`").waitFor();
    assert.match(await calc(page, "#v-I1-msg").textContent(), /value 1.5 is above the indicator's range 0–1/);
    assert.deepEqual(await modules(), ["dti-calculator-en.js", "dti_wasm_bg.wasm", "dti_wasm_en_bg.wasm"]);
    await calc(page, "#v-I1").fill("0,9581");
    await calc(page, "#v-I2").fill("0,9000");
    assert.equal(await calc(page, "#v-I1").getAttribute("aria-invalid"), null);
    // Back in Vietnamese, from the module already loaded.
    await page.click("#langswitch");
    await calc(page, "#v-I2").fill("abc");
    await calc(page, "#v-I2-msg").getByText("không đọc được giá trị `abc`").waitFor();
    assert.deepEqual(await modules(), ["dti-calculator-en.js", "dti_wasm_bg.wasm", "dti_wasm_en_bg.wasm"]);
    // The values a what-if compares with come along to the other module.
    await page.evaluate(() =>
      document.querySelector("dti-calculator").setValues({ I1: 0.9581, I2: 0.9, I3: 0.7648, I4: 0.625, I5: 0.5382, I7: 0.8385, I8: 0.5904, I9: 0.4505 }),
    );
    await calc(page, "#v-I8").fill("0,6918");
    assert.match(await calc(page, '[data-delta="DTI"]').textContent(), /\+0,0153/);
    await page.click("#langswitch");
    await calc(page, '[data-delta="DTI"]').getByText("+0.0153").waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("a CSV file loads through the file picker and by drag and drop", async () => {
    const { page, errors, context } = await open(browser, server.url);
    await ready(page);
    await calc(page, "input[type=file]").setInputFiles(join(ROOT, FIXTURE));
    await calc(page, ".status").getByText("quang-ninh-2022.csv").waitFor();
    assert.equal(await calc(page, "#unit-name").inputValue(), "Quảng Ninh");
    assert.equal(await calc(page, "#v-I7").inputValue(), "0,8385");
    await assertShowsExpected(page, "vi");

    // Drag and drop a JSON file with two units; the second can be chosen.
    await calc(page, "button").getByText("Xoá dữ liệu").click();
    assert.equal(await shown(page, "DTI"), "–");
    const json = JSON.stringify({
      units: [
        { code: "01", name: "Hà Nội", values: { I1: 1, I2: 1, I3: 1, I4: 1, I5: 1, I7: 1, I8: 1, I9: 1 } },
        { code: "22", name: "Quảng Ninh", values: Object.fromEntries(Object.entries(QUANG_NINH).map(([k, v]) => [k, Number(v.replace(",", "."))])) },
      ],
    });
    const drop = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], "two.json", { type: "application/json" }));
      return transfer;
    }, json);
    const wrap = calc(page, ".wrap");
    await wrap.dispatchEvent("dragenter", { dataTransfer: drop });
    await wrap.dispatchEvent("drop", { dataTransfer: drop });
    await calc(page, ".status").getByText("two.json").waitFor();
    assert.equal(await shown(page, "DTI"), "1,0000");
    await calc(page, "#file-unit").selectOption("1");
    await assertShowsExpected(page, "vi");

    // A broken file is reported with its line and not loaded.
    await calc(page, "input[type=file]").setInputFiles({
      name: "broken.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("code,I1,I2\n22,0,5,0.9\n"),
    });
    await calc(page, ".status").getByText("broken.csv").waitFor();
    assert.match(await calc(page, ".status").textContent(), /dòng 2/);
    await assertShowsExpected(page, "vi");
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("the share link carries the values in the fragment and restores them", async () => {
    const { page, errors, context } = await open(browser, server.url);
    await ready(page);
    await typeValues(page, { ...QUANG_NINH });
    await calc(page, "#unit-name").fill("Quảng Ninh");
    await calc(page, "button").getByText("Sao chép liên kết").click();
    const link = await calc(page, "#share-url").inputValue();
    const url = new URL(link);
    assert.equal(url.origin + url.pathname, server.url);
    assert.equal(url.search, "", "nothing in the query string: the values stay in the fragment");
    assert.match(url.hash, /I7=0%2C8385/);
    await context.close();

    const second = await open(browser, link);
    await ready(second.page);
    assert.equal(await calc(second.page, "#v-I7").inputValue(), "0,8385");
    assert.equal(await calc(second.page, "#unit-name").inputValue(), "Quảng Ninh");
    await assertShowsExpected(second.page, "vi");
    assert.deepEqual([...errors, ...second.errors], []);
    await second.context.close();
  });

  test("everything works with the keyboard alone", async () => {
    const { page, errors, context } = await open(browser, server.url, { acceptDownloads: true });
    await ready(page);
    // Tab from the top of the page to the first indicator field.
    const focusedId = () =>
      page.evaluate(() => {
        const host = document.activeElement;
        return host && host.tagName === "DTI-CALCULATOR" ? host.shadowRoot.activeElement?.id ?? "" : `page:${host?.id ?? ""}`;
      });
    let steps = 0;
    while ((await focusedId()) !== "v-I1") {
      await page.keyboard.press("Tab");
      assert.ok(++steps < 40, "the first indicator field is reachable with Tab");
    }
    // Type every value, moving on with Tab (I6 sits between I7 and I8 and stays blank).
    const order = ["I1", "I2", "I3", "I4", "I5", "I7", "I6", "I8", "I9"];
    for (const code of order) {
      assert.equal(await focusedId(), `v-${code}`);
      if (QUANG_NINH[code]) await page.keyboard.type(QUANG_NINH[code]);
      await page.keyboard.press("Tab");
    }
    await assertShowsExpected(page, "vi");
    // Export with Enter on the focused button.
    await calc(page, "button").getByText("Xuất JSON").focus();
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    const exported = JSON.parse(readFileSync(await download.path(), "utf8"));
    assert.equal(exported.units[0].values.I7, 0.8385);
    // Every field has a label; focus is visible (outline drawn).
    const unlabelled = await page.evaluate(() =>
      [...document.querySelector("dti-calculator").shadowRoot.querySelectorAll("input:not([type=file]), select")]
        .filter((i) => !i.labels || i.labels.length === 0)
        .map((i) => i.id),
    );
    assert.deepEqual(unlabelled, []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("a what-if shows the change against the loaded values, and resets", async () => {
    const { page, errors, context } = await open(browser, server.url);
    await ready(page);
    await page.click("#example");
    await assertShowsExpected(page, "vi");
    assert.equal(await calc(page, "[data-delta]").count(), 0, "no change yet");
    assert.equal(await calc(page, ".whatif button").count(), 0);
    // I7 carries 200 of 1000 points (of 700 for CQS): 0.8385 → 1 adds 0.0323 to the DTI.
    await calc(page, "#v-I7").fill("1");
    assert.equal(await shown(page, "DTI"), "0,7347");
    assert.match(await calc(page, '[data-delta="DTI"]').textContent(), /Δ \+0,0323/);
    assert.match(await calc(page, '[data-delta="CQS"]').textContent(), /Δ \+0,0462/); // 0,7804 → 0,8266 as displayed
    assert.match(await calc(page, '[data-delta="KTS"]').textContent(), /Δ ±0,0000/);
    assert.match(await calc(page, ".whatif").textContent(), /1 chỉ số khác số liệu đã nạp/);
    assert.match(await calc(page, "#v-I7-was").textContent(), /0,8385/);
    assert.match(await calc(page, "#v-I7").getAttribute("aria-describedby"), /v-I7-was/);
    assert.equal(await calc(page, "#v-I8-was").textContent(), "");
    await announced(page, "[aria-live]", "DTI 0,7347 (+0,0323 so với số liệu đã nạp)");
    // Reset with the keyboard: the loaded values come back, focus returns to the field.
    await calc(page, ".whatif button").focus();
    await page.keyboard.press("Enter");
    await assertShowsExpected(page, "vi");
    assert.equal(await calc(page, "#v-I7").inputValue(), "0,8385");
    assert.equal(await calc(page, "[data-delta]").count(), 0);
    assert.equal(await calc(page, ".whatif").textContent(), "");
    assert.match(await calc(page, ".status").textContent(), /Đã khôi phục/);
    assert.equal(await page.evaluate(() => document.querySelector("dti-calculator").shadowRoot.activeElement?.id), "v-I7");
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("a keystroke that changes no result changes nothing on the page", async () => {
    const { page, errors, context } = await open(browser, server.url);
    await ready(page);
    await page.click("#example");
    await assertShowsExpected(page, "vi");
    // Every part on show: a what-if (deltas, the bar, the value before), a plan, the charts
    // (built after the first frame), the announcement.
    await calc(page, "#v-I7").fill("1");
    await setGoal(page, "0,75");
    await calc(page, "#plan-summary").waitFor();
    await calc(page, "svg polygon[stroke-width]").waitFor();
    await announced(page, "[aria-live]", "DTI 0,7347");
    // Records every change to the calculator's shadow tree while one input event is handled.
    const mutations = (text) =>
      page.evaluate((text) => {
        const widget = document.querySelector("dti-calculator");
        const field = widget.shadowRoot.querySelector("#v-I7");
        const seen = new MutationObserver(() => {});
        seen.observe(widget.shadowRoot, { subtree: true, childList: true, attributes: true, characterData: true });
        let changed = 0;
        widget.addEventListener("dti-change", () => changed++, { once: true });
        field.value = text;
        field.dispatchEvent(new Event("input", { bubbles: true }));
        const records = seen.takeRecords();
        seen.disconnect();
        return { changed, records: records.map((r) => `${r.type} ${r.target.nodeName}${r.target.id ? `#${r.target.id}` : ""} ${r.attributeName ?? ""}`) };
      }, text);
    // The same value, and the same number typed another way: scored again, nothing redrawn.
    assert.deepEqual(await mutations("1"), { changed: 1, records: [] });
    assert.deepEqual(await mutations("1,0"), { changed: 1, records: [] });
    // A new value is drawn.
    const redrawn = await mutations("0,9");
    assert.equal(redrawn.changed, 1);
    assert.ok(redrawn.records.length > 0);
    assert.equal(await shown(page, "DTI"), "0,7147");
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("a share link's values are scored once before they are drawn, and kept as loaded", async () => {
    // The module held back until the module's Calculator counts its updates.
    const context = await browser.newContext();
    let release;
    const gate = new Promise((resolve) => (release = resolve));
    await context.route("**/dti_wasm_bg.wasm", async (route) => {
      await gate;
      await route.continue();
    });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    const values = Object.entries(QUANG_NINH).map(([code, value]) => `${code}=${encodeURIComponent(value)}`).join("&");
    await page.goto(`${server.url}#dti=1&fw=dti-province-2022&unit=22&${values}`, { waitUntil: "domcontentloaded" });
    await page.evaluate(async () => {
      const { Calculator } = await import("./dti-calculator.js");
      const update = Calculator.prototype.update;
      window.updates = 0;
      Calculator.prototype.update = function (...args) {
        window.updates++;
        return update.apply(this, args);
      };
      addEventListener("dti-change", () => requestAnimationFrame(() => (window.framed ??= window.updates)), { once: true });
    });
    release();
    await ready(page);
    await page.waitForFunction(() => window.framed !== undefined);
    assert.equal(await page.evaluate(() => window.framed), 1, "one update before the first frame");
    await assertShowsExpected(page, "vi");
    // Kept as the loaded values: a change is a what-if against them.
    await calc(page, "#v-I7").fill("1");
    assert.match(await calc(page, '[data-delta="DTI"]').textContent(), /Δ \+0,0323/);
    assert.match(await calc(page, "#v-I7-was").textContent(), /0,8385/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("a share link's first frame shows its results; the charts, goal form, three changes and points lost follow", async () => {
    const context = await browser.newContext();
    // What the calculator holds when its first result is announced (the same task as its
    // first drawing, so no timing is involved).
    await context.addInitScript(() =>
      addEventListener("dti-change", (e) => {
        const root = e.target.shadowRoot;
        window.atFirst ??= ["[data-value=DTI]", "svg polygon", "form.goal", "ol.moves", "table.lost"].filter((s) => root.querySelector(s));
      }),
    );
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    const values = Object.entries(QUANG_NINH).map(([code, value]) => `${code}=${encodeURIComponent(value)}`).join("&");
    await page.goto(`${server.url}#dti=1&fw=dti-province-2022&unit=22&${values}`);
    await ready(page);
    await assertShowsExpected(page, "vi");
    assert.deepEqual(await page.evaluate(() => window.atFirst), ["[data-value=DTI]"]);
    // Then each of them, drawn with the share link's values.
    await calc(page, "svg polygon[stroke-width]").waitFor();
    await calc(page, "ol.moves li").first().waitFor();
    assert.deepEqual(await calc(page, "ol.moves li").evaluateAll((li) => li.map((l) => l.dataset.code)), ["I9", "I8", "I5"]);
    assert.equal((await calc(page, "table.lost tfoot td").last().textContent()).trim(), "297,55");
    // The goal form in its place, between the charts' legend and the three changes, and working.
    const order = await page.evaluate(() => {
      const results = document.querySelector("dti-calculator").shadowRoot.querySelector(".results");
      return [...results.children].map((c) => c.className).filter((c) => /legend|goal|when-scored$/.test(c));
    });
    assert.deepEqual(order, ["compare when-scored", "charts when-scored", "legend when-scored", "goal when-scored", "when-scored", "when-scored"]);
    await setGoal(page, "0,75");
    assert.deepEqual(await planRows(page), [
      ["I7", "0,8385", "1,0000"],
      ["I8", "0,5904", "0,6918"],
    ]);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("the goal panel plans the cheapest path and says when a goal is out of reach", async () => {
    const { page, errors, context } = await open(browser, server.url);
    await ready(page);
    await page.click("#example");
    // From 0.7024 to 0.75: I7 (200 points) to full adds 32.3 points; I8 (150 points) gives
    // the rest, about 0.5904 + 0.102 = 0.6924 (core/tests/analyses.rs). Exactly: the goal is
    // met when the DTI *reads* 0.7500, i.e. from 0.74995 on; from 0.702445 that is 47.505
    // points, 15.205 of them from I8: 0.5904 + 0.10137 = 0.69177, shown rounded up.
    await setGoal(page, "0,75");
    assert.deepEqual(await planRows(page), [
      ["I7", "0,8385", "1,0000"],
      ["I8", "0,5904", "0,6918"],
    ]);
    assert.match(await calc(page, "#plan-summary").textContent(), /Nâng 2 chỉ số .* từ 0,7024 lên 0,7500/);
    await announced(page, "#plan-live", "Nâng 2 chỉ số");
    // A value no plan reaches: out of reach, with the best reachable value.
    await setGoal(page, "1,5");
    assert.equal(await calc(page, "#plan-summary").getAttribute("data-reachable"), "false");
    assert.match(await calc(page, "#plan-summary").textContent(), /Ngoài tầm với.*1,5000.*cao nhất có thể đạt là 1,0000/);
    assert.equal(await calc(page, ".try-plan").count(), 0);
    // Not a number: said next to the field.
    await setGoal(page, "abc");
    assert.equal(await calc(page, "#goal-value").getAttribute("aria-invalid"), "true");
    assert.equal(await calc(page, "#goal-msg").textContent(), "không đọc được giá trị `abc` — dùng số (0,75 hoặc 0.75), phần trăm (75%), tử số/mẫu số (3/4), có/không, hoặc để trống");
    // Trying the plan is a what-if: the goal is reached and the change is shown.
    await setGoal(page, "0.75");
    await calc(page, ".try-plan").click();
    assert.equal(await shown(page, "DTI"), "0,7500");
    assert.match(await calc(page, '[data-delta="DTI"]').textContent(), /\+0,0476/);
    assert.equal(await calc(page, "#v-I8").inputValue(), "0,6918");
    assert.match(await calc(page, "#plan-summary").textContent(), /Đã đạt mục tiêu/);
    // In English, on a pillar.
    await page.click("#langswitch");
    await calc(page, "#goal-node").selectOption("XHS");
    await setGoal(page, "0.7");
    assert.match(await calc(page, "#plan-summary").textContent(), /Raise 1 indicator\(s\).*XHS from 0\.6864 to 0\.7000/);
    assert.deepEqual((await planRows(page)).map((r) => r[0]), ["I9"]);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("with a file of several units: ranks in the what-if and a rank goal", async () => {
    const { page, errors, context } = await open(browser, server.url);
    await ready(page);
    const qn = Object.fromEntries(Object.entries(QUANG_NINH).map(([k, v]) => [k, Number(v.replace(",", "."))]));
    const all = (v) => Object.fromEntries(Object.keys(QUANG_NINH).map((k) => [k, v]));
    await calc(page, "input[type=file]").setInputFiles({
      name: "three.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify({ units: [
        { code: "01", name: "Hà Nội", values: all(0.8) },
        { code: "22", name: "Quảng Ninh", values: qn },
        { code: "99", name: "Thử", values: all(0.5) },
      ] })),
    });
    await calc(page, ".status").getByText("three.json").waitFor();
    await calc(page, "#file-unit").selectOption("1");
    await assertShowsExpected(page, "vi");
    assert.equal(await calc(page, '[data-rank="DTI"]').textContent(), "Hạng DTI: 2/3");
    // Rank 1 means reaching Hà Nội's 0.8.
    await calc(page, "#goal-kind-rank").check();
    assert.equal(await calc(page, "#goal-value").isVisible(), false);
    await calc(page, "#goal-rank").fill("1");
    await calc(page, "#goal-rank").press("Enter");
    assert.match(await calc(page, ".plan").textContent(), /Để xếp hạng 1 cần DTI ít nhất 0,8000/);
    assert.equal(await calc(page, "#plan-summary").getAttribute("data-reachable"), "true");
    await calc(page, ".try-plan").click();
    assert.equal(await shown(page, "DTI"), "0,8000");
    assert.match(await calc(page, '[data-rank="DTI"]').textContent(), /Hạng DTI: 2 → 1 \(trên 3\)/);
    await calc(page, "#goal-rank").fill("4");
    await calc(page, "#goal-rank").press("Enter");
    assert.match(await calc(page, "#goal-msg").textContent(), /từ 1 đến 3/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("at 360 px nothing overflows; screenshot kept in test-artifacts/", async () => {
    const { page, errors, context } = await open(browser, server.url, {
      viewport: { width: 360, height: 780 },
      deviceScaleFactor: 2,
    });
    await ready(page);
    await page.click("#example");
    await assertShowsExpected(page, "vi");
    // A what-if and a plan on screen, so the screenshots show them too.
    await calc(page, "#v-I9").fill("0,6");
    await setGoal(page, "0,78");
    await calc(page, "#plan-summary").waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `page is ${width} px wide`);
    await page.locator("dti-calculator").screenshot({ path: join(ARTIFACTS, "calculator-360.png") });
    await page.screenshot({ path: join(ARTIFACTS, "page-360.png"), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.locator("dti-calculator").screenshot({ path: join(ARTIFACTS, "calculator-1280.png") });
    await page.emulateMedia({ media: "print" });
    await page.screenshot({ path: join(ARTIFACTS, "page-print.png"), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe("the single-file build", () => {
  test("is the calculator alone and works when opened from disk (file://)", async () => {
    assert.ok(existsSync(SINGLE), "run scripts/wasm-build.sh first");
    const { page, errors, context } = await open(browser, pathToFileURL(SINGLE).href);
    await ready(page);
    assert.equal(await page.locator("h1, article, #example").count(), 0, "no guidebook chapter around it");
    await typeValues(page, QUANG_NINH);
    await assertShowsExpected(page, "vi");
    // The English module is inlined too: messages follow a change of language.
    await page.evaluate(() => document.querySelector("dti-calculator").setAttribute("lang", "en"));
    await calc(page, "#v-I2").fill("abc");
    await calc(page, "#v-I2-msg").getByText("cannot read value `abc`").waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });
});
