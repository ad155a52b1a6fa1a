// One test per defect a reader met in the calculator (issue 14), each failing on the widget as
// it was: phones, the URL, two calculators, empty and invalid states, early clicks, the goal
// field, the export, printing, files, the charts and loading. Needs `scripts/wasm-build.sh`.
// Run: node --test --test-concurrency=1 tests/browser/
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { serve } from "./server.mjs";
import { launch, open } from "./browser.mjs";
import { ROOT } from "./expected.mjs";

const WEB = join(ROOT, "wasm/dist/web");
const SINGLE = join(ROOT, "wasm/dist/dti-calculator.html");
const QUANG_NINH = { I1: 0.9581, I2: 0.9, I3: 0.7648, I4: 0.625, I5: 0.5382, I7: 0.8385, I8: 0.5904, I9: 0.4505 };

let server;
let browser;

before(async () => {
  assert.ok(existsSync(join(WEB, "dti_wasm_bg.wasm")), "run scripts/wasm-build.sh first");
  server = await serve(WEB);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A locator inside the first (or the given) calculator's shadow root. */
const calc = (page, selector, host = "dti-calculator") => page.locator(host).first().locator(selector);

async function ready(page, host = "dti-calculator") {
  await calc(page, "input[name]", host).first().waitFor({ state: "visible" });
}

async function shown(page, code, host = "dti-calculator") {
  return (await calc(page, `[data-value="${code}"]`, host).textContent()).trim();
}

/** Everything the calculator's shadow root says. */
async function allText(page, host = "dti-calculator") {
  return page.locator(host).first().evaluate((el) => el.shadowRoot.textContent);
}

async function example(page) {
  await page.click("#example");
  await page.waitForFunction(() => document.querySelector("dti-calculator").shadowRoot.querySelector('[data-value="DTI"]')?.textContent === "0,7024");
}

/** A page of our own, served at `path` of the test server (it loads dti-calculator.js). */
async function openHtml(path, html, options = {}) {
  const context = await browser.newContext(options);
  const file = path.split("#")[0];
  await context.route(`${server.url}${file}`, (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: html }));
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${server.url}${path}`);
  return { context, page, errors };
}

describe("on a phone (360 × 780)", () => {
  const phone = { viewport: { width: 360, height: 780 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true };

  test("the results bar stays on screen while typing", async () => {
    const { page, errors, context } = await open(browser, server.url, phone);
    await ready(page);
    await example(page);
    for (const code of ["I1", "I5", "I9"]) {
      // Focusing a field scrolls it into view as a phone's keyboard does.
      await calc(page, `#v-${code}`).focus();
      const bar = await calc(page, ".sticky").boundingBox();
      assert.ok(bar && bar.height > 0, "the bar is shown");
      assert.ok(bar.y >= 0 && bar.y + bar.height <= 780 + 0.5, `${code}: the bar is at ${bar.y}–${bar.y + bar.height}, off screen`);
      const field = await calc(page, `#v-${code}`).boundingBox();
      assert.ok(field.y + field.height <= bar.y + 0.5, `${code}: the bar covers the field`);
    }
    assert.match(await calc(page, ".sticky").textContent(), /DTI 0,7024/);
    await calc(page, "#v-I9").fill("0,9");
    assert.match(await calc(page, ".sticky").textContent(), /DTI 0,7699/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("the goal drop-down fits and the points-lost table keeps one line per indicator", async () => {
    const { page, errors, context } = await open(browser, server.url, phone);
    await ready(page);
    await example(page);
    const host = await page.locator("dti-calculator").boundingBox();
    const select = await calc(page, "#goal-node").boundingBox();
    assert.ok(select.x >= host.x - 0.5 && select.x + select.width <= host.x + host.width + 0.5, `the goal drop-down runs from ${select.x} to ${select.x + select.width}, the calculator from ${host.x} to ${host.x + host.width}`);
    const rows = await calc(page, "table.lost tbody tr").evaluateAll((trs) => trs.map((tr) => [tr.dataset.code, tr.getBoundingClientRect().height]));
    assert.equal(rows.length, 8);
    const line = await calc(page, "table.lost tbody td").first().evaluate((td) => parseFloat(getComputedStyle(td).lineHeight));
    for (const [code, height] of rows) assert.ok(height < 2 * line, `${code}: ${height} px for a line of ${line} px`);
    // The full name is still there, as the row's title.
    assert.equal(await calc(page, 'table.lost tr[data-code="I7"] th').getAttribute("title"), "Hoạt động chính quyền số");
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe("the page's address", () => {
  test("is left alone while typing and when sharing; the link names its language", async () => {
    const { page, errors, context } = await open(browser, `${server.url}#calculator-heading`);
    await ready(page);
    await calc(page, "#v-I7").fill("0,8");
    await calc(page, "#unit-name").fill("Quảng Ninh");
    await page.click("#langswitch");
    await calc(page, "#v-I8").fill("0.5");
    assert.equal(await page.evaluate(() => location.hash), "#calculator-heading");
    assert.equal(await page.evaluate(() => history.state), null, "no history state either");
    await calc(page, "button").getByText("Copy share link").click();
    assert.equal(await page.evaluate(() => location.hash), "#calculator-heading", "sharing leaves the address too");
    const link = new URL(await calc(page, "#share-url").inputValue());
    const params = new URLSearchParams(link.hash.slice(1));
    assert.deepEqual([params.get("dti"), params.get("lang"), params.get("I7"), params.get("I8")], ["1", "en", "0,8", "0.5"]);
    assert.equal(await calc(page, "#share-local").count(), 0, "no file:// warning over HTTP");
    await context.close();

    // The link opens the calculator in English with the values.
    const second = await open(browser, link.href);
    await ready(second.page);
    assert.equal(await calc(second.page, "#inputs-title").textContent(), "Indicator values");
    assert.equal(await calc(second.page, "#v-I8").inputValue(), "0.5");
    assert.equal(await shown(second.page, "DTI"), "0.2350");
    assert.deepEqual([...errors, ...second.errors], []);
    await second.context.close();
  });

  test("a link from a page opened from disk comes with a warning", async () => {
    const { page, errors, context } = await open(browser, pathToFileURL(SINGLE).href);
    await ready(page);
    await calc(page, "#v-I1").fill("0,5");
    await calc(page, "button").getByText("Sao chép liên kết").click();
    await calc(page, "#share-local").waitFor({ state: "visible" });
    assert.match(await calc(page, "#share-local").textContent(), /file:\/\/.*Xuất CSV/);
    assert.equal(await page.evaluate(() => location.hash), "");
    assert.deepEqual(errors, []);
    await context.close();
  });
});

test("two calculators on one page keep their own values and their own links", async () => {
  const html = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Two</title></head><body>
<dti-calculator id="left"></dti-calculator>
<dti-calculator id="right" lang="en" framework="dti-province-2020"></dti-calculator>
<script type="module" src="dti-calculator.js"></script></body></html>`;
  const { page, errors, context } = await openHtml("two.html", html);
  await ready(page, "#left");
  await ready(page, "#right");
  await calc(page, "#v-I1", "#left").fill("1");
  assert.equal(await shown(page, "DTI", "#left"), "0,1000");
  const root = await page.locator("#right").evaluate((el) => el.info.indices[0]);
  assert.equal(await shown(page, root, "#right"), "–", "typing in one leaves the other");
  const codes = await page.locator("#right").evaluate((el) => [...el.shadowRoot.querySelectorAll("input[name]")].map((i) => i.name));
  for (const code of codes) await calc(page, `#v-${code}`, "#right").fill("0.5");
  await calc(page, "button", "#right").getByText("Copy share link").click();
  const link = await calc(page, "#share-url", "#right").inputValue();
  assert.match(link, /#dti=right&fw=dti-province-2020/);
  await context.close();

  const again = await openHtml(`two.html${new URL(link).hash}`, html);
  await ready(again.page, "#left");
  await ready(again.page, "#right");
  assert.equal(await shown(again.page, root, "#right"), "0.5000");
  assert.equal(await calc(again.page, "#v-I1", "#left").inputValue(), "", "the other calculator does not take them");
  assert.equal(await shown(again.page, "DTI", "#left"), "–");
  assert.deepEqual([...errors, ...again.errors], []);
  await again.context.close();
});

describe("what the calculator says", () => {
  test("an empty form shows no number and no comparison", async () => {
    const { page, errors, context } = await open(browser, server.url);
    await ready(page);
    assert.equal(await shown(page, "DTI"), "–");
    assert.equal(await calc(page, ".empty").isVisible(), true);
    const text = await allText(page);
    assert.doesNotMatch(text, /0,0000|0,6783/, "no DTI of 0 and no gap to the national average");
    assert.equal(await calc(page, ".charts").isVisible(), false);
    // A blank again after a value: empty again.
    await calc(page, "#v-I1").fill("0,5");
    assert.equal(await shown(page, "DTI"), "0,0500");
    await calc(page, "#v-I1").fill("");
    assert.equal(await shown(page, "DTI"), "–");
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("no status line ends in null", async () => {
    const { page, errors, context } = await open(browser, server.url, { permissions: ["clipboard-read", "clipboard-write"] });
    await ready(page);
    await example(page);
    const says = [];
    await calc(page, "#v-I7").fill("1");
    await calc(page, ".whatif button").click();
    says.push(await calc(page, ".status").textContent());
    await calc(page, "button").getByText("Sao chép liên kết").click();
    await calc(page, ".status").getByText("Đã sao chép").waitFor();
    says.push(await calc(page, ".status").textContent());
    await calc(page, "button").getByText("Xoá dữ liệu").click();
    says.push(await calc(page, ".status").textContent());
    assert.deepEqual(says.map((s) => s.replace(/Hoàn tác$/, "")), ["Đã khôi phục số liệu đã nạp.", "Đã sao chép liên kết chia sẻ.", "Đã xoá dữ liệu."]);
    assert.doesNotMatch(await allText(page), /null|undefined/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("clearing can be undone", async () => {
    const { page, errors, context } = await open(browser, server.url);
    await ready(page);
    await example(page);
    await calc(page, "#v-I7").fill("1");
    await calc(page, "button").getByText("Xoá dữ liệu").click();
    assert.equal(await shown(page, "DTI"), "–");
    await calc(page, ".status button.undo").click();
    assert.equal(await calc(page, "#v-I7").inputValue(), "1");
    assert.equal(await calc(page, "#unit-name").inputValue(), "Quảng Ninh");
    assert.equal(await shown(page, "DTI"), "0,7347");
    assert.match(await calc(page, '[data-delta="DTI"]').textContent(), /\+0,0323/, "the what-if against the example is back");
    assert.match(await calc(page, ".status").textContent(), /Đã khôi phục dữ liệu trước khi xoá/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("the charts name their spokes, and the bars have an axis and a legend", async () => {
    const { page, errors, context } = await open(browser, server.url);
    await ready(page);
    await example(page);
    const spokes = await calc(page, "svg [data-spoke]").evaluateAll((texts) =>
      texts.map((t) => [...t.querySelectorAll("tspan")].map((span) => span.textContent).join(" ")),
    );
    assert.ok(spokes.some((s) => s.startsWith("I7") && s.includes("Hoạt động chính")), spokes.join(" | "));
    assert.equal(spokes.length, 8);
    const ticks = await calc(page, ".charts svg").first().locator("text.small").allTextContents();
    assert.deepEqual(ticks, ["0,00", "0,25", "0,50", "0,75", "1,00"]);
    assert.equal(await calc(page, ".legend").textContent(), "Đường nét đứt: Trung bình cả nước 2023");
    await calc(page, "#compare").selectOption("");
    assert.equal(await calc(page, ".legend").isVisible(), false);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("a share link's charts are drawn, and their space is kept from the first result on", async () => {
    const values = Object.entries(QUANG_NINH).map(([code, value]) => `${code}=${String(value).replace(".", "%2C")}`);
    const link = `#dti=1&fw=dti-province-2022&lang=vi&unit=22&${values.join("&")}`;
    const { page, errors, context } = await open(browser, server.url + link, {
      init: () =>
        addEventListener("dti-change", (e) => {
          window.chartsAtFirstResult ??= e.target.shadowRoot.querySelector(".charts").getBoundingClientRect().height;
        }),
    });
    await ready(page);
    await page.waitForFunction(() => /^DTI 0,7024;/.test(document.querySelector("dti-calculator").shadowRoot.querySelector("#bars-desc")?.textContent));
    assert.equal(await calc(page, "svg [data-spoke]").count(), 8);
    assert.match(await calc(page, ".charts svg polygon:last-of-type").getAttribute("points"), /^[\d.]+,[\d.]+( [\d.]+,[\d.]+){7}$/);
    const first = await page.evaluate(() => window.chartsAtFirstResult);
    const drawn = (await calc(page, ".charts").boundingBox()).height;
    assert.ok(first > 100 && Math.abs(drawn - first) < 0.5, `the charts took ${first} px at the first result and ${drawn} px drawn`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

/** A page of the test server whose request for `held` (a module) waits until `release()`. */
async function openHolding(held, waitUntil = "load") {
  const context = await browser.newContext();
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  await context.route(`**/${held}`, async (route) => {
    await gate;
    await route.continue();
  });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(server.url, { waitUntil });
  return { context, page, errors, release };
}

test("a click on the example before the module is ready is kept, not lost", async () => {
  const { context, page, errors, release } = await openHolding("dti_wasm_bg.wasm", "domcontentloaded");
  await page.click("#example");
  assert.equal(await calc(page, "#v-I1").count(), 0, "the module is still held back");
  release();
  await ready(page);
  await page.waitForFunction(() => document.querySelector("dti-calculator").shadowRoot.querySelector('[data-value="DTI"]')?.textContent === "0,7024");
  assert.equal(await calc(page, "#unit-name").inputValue(), "Quảng Ninh");
  assert.deepEqual(errors, []);
  await context.close();
});

describe("the goal field", () => {
  test("takes 75% and refuses -1, and an error takes the old plan away", async () => {
    const { page, errors, context } = await open(browser, server.url);
    await ready(page);
    await example(page);
    const goal = async (text) => {
      await calc(page, "#goal-value").fill(text);
      await calc(page, "#goal-value").press("Enter");
    };
    await goal("75%");
    assert.equal(await calc(page, "#goal-value").getAttribute("aria-invalid"), null);
    assert.match(await calc(page, "#plan-summary").textContent(), /từ 0,7024 lên 0,7500/);
    await goal("-1");
    assert.equal(await calc(page, "#goal-value").getAttribute("aria-invalid"), "true");
    assert.match(await calc(page, "#goal-msg").textContent(), /-1 nằm dưới khoảng cho phép 0–1/);
    assert.equal(await calc(page, ".plan").textContent(), "", "no plan under the error");
    await goal("3/4");
    assert.match(await calc(page, "#plan-summary").textContent(), /lên 0,7500/);
    assert.equal(await calc(page, "#goal-msg").textContent(), "");
    await goal("");
    assert.match(await calc(page, "#goal-msg").textContent(), /Nhập một số/);
    assert.equal(await calc(page, ".plan").textContent(), "");
    assert.deepEqual(errors, []);
    await context.close();
  });
});

test("the CSV export opens in Excel: byte order mark, and no formula runs", async () => {
  const { page, errors, context } = await open(browser, server.url, { acceptDownloads: true });
  await ready(page);
  await page.evaluate((values) => document.querySelector("dti-calculator").setValues(values, { code: "22", name: '=HYPERLINK("http://x","y")' }), QUANG_NINH);
  await calc(page, "#unit-name").waitFor();
  const [download] = await Promise.all([page.waitForEvent("download"), calc(page, "button").getByText("Xuất CSV").click()]);
  const bytes = readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 byte order mark");
  const text = bytes.toString("utf8");
  assert.match(text, /"'=HYPERLINK\(""http:\/\/x""/);
  assert.doesNotMatch(text, /[;,]"?=HYPERLINK/);
  assert.match(text, /Nhận thức số/);
  assert.match(text, /;I7;.*;"?0,8385"?;/);
  // The file reads back: the same unit and values.
  await calc(page, "button").getByText("Xoá dữ liệu").click();
  await calc(page, "input[type=file]").setInputFiles({ name: "back.csv", mimeType: "text/csv", buffer: bytes });
  await calc(page, ".status").getByText("back.csv").waitFor();
  assert.equal(await calc(page, "#unit-name").inputValue(), '=HYPERLINK("http://x","y")');
  assert.equal(await shown(page, "DTI"), "0,7024");
  assert.deepEqual(errors, []);
  await context.close();
});

test("printing prints the calculator, not the chapter", async () => {
  const { page, errors, context } = await open(browser, server.url, {
    init: () => {
      window.print = () => (window.printed = (window.printed || 0) + 1);
    },
  });
  await ready(page);
  await example(page);
  await calc(page, "button").getByText("In máy tính").click();
  assert.equal(await page.evaluate(() => window.printed), 1);
  await page.emulateMedia({ media: "print" });
  const display = (selector) => page.locator(selector).first().evaluate((el) => getComputedStyle(el).display);
  for (const selector of ["h1", ".topbar", "footer", "figcaption", ".prose"]) assert.equal(await display(selector), "none", selector);
  assert.equal(await display("dti-calculator"), "block");
  assert.ok((await calc(page, ".results").boundingBox()).height > 100, "the calculator itself is laid out");
  // After printing the page prints whole again.
  await page.evaluate(() => dispatchEvent(new Event("afterprint")));
  assert.equal(await display("h1"), "block");
  assert.deepEqual(errors, []);
  await context.close();
});

describe("files", () => {
  test("a spreadsheet is refused with how to save it as CSV", async () => {
    const { page, errors, context } = await open(browser, server.url);
    await ready(page);
    await calc(page, "input[type=file]").setInputFiles({
      name: "so-lieu.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from([0x50, 0x4b, 3, 4, 20, 0, 6, 0, 8, 0]),
    });
    await calc(page, ".status").getByText("so-lieu.xlsx").waitFor();
    assert.match(await calc(page, ".status").textContent(), /CSV UTF-8/);
    assert.doesNotMatch(await calc(page, ".status").textContent(), /no_unit_column|cột mã|unit code column/);
    // The same bytes under a .csv name: the content says what it is.
    await calc(page, "input[type=file]").setInputFiles({ name: "renamed.csv", mimeType: "text/csv", buffer: Buffer.from([0x50, 0x4b, 3, 4, 20, 0]) });
    await calc(page, ".status").getByText("renamed.csv").waitFor();
    assert.match(await calc(page, ".status").textContent(), /CSV UTF-8/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("a file with more units than the page can rescore per keystroke is refused, a large one works", async () => {
    const { page, errors, context } = await open(browser, server.url);
    await ready(page);
    const csv = (n) => {
      const rows = ["code,name,I1,I2,I3,I4,I5,I7,I8,I9"];
      for (let i = 0; i < n; i++) {
        const v = ((i * 7919) % 1000) / 1000;
        rows.push(`U${i},Unit ${i},${v},${v},${v},${v},${v},${v},${v},${v}`);
      }
      return Buffer.from(rows.join("\n"));
    };
    await calc(page, "input[type=file]").setInputFiles({ name: "too-many.csv", mimeType: "text/csv", buffer: csv(20_001) });
    await calc(page, ".status").getByText("too-many.csv").waitFor();
    assert.match(await calc(page, ".status").textContent(), /20000 đơn vị.*chia tệp thành nhiều tệp nhỏ hơn/);
    assert.doesNotMatch(await calc(page, ".status").textContent(), /--max/);
    assert.equal(await shown(page, "DTI"), "–", "nothing was loaded");
    await calc(page, "input[type=file]").setInputFiles({ name: "five-thousand.csv", mimeType: "text/csv", buffer: csv(5_000) });
    await calc(page, ".status").getByText("five-thousand.csv").waitFor();
    assert.match(await calc(page, '[data-rank="DTI"]').textContent(), /\/5000$/);
    await calc(page, "#v-I1").fill("1");
    await page.waitForFunction(() => /→/.test(document.querySelector("dti-calculator").shadowRoot.querySelector('[data-rank="DTI"]')?.textContent));
    // A file larger than the page reads is refused before it is read.
    const limit = await page.evaluate(() => document.querySelector("dti-calculator").dti.Calculator.maxFileBytes());
    await calc(page, "input[type=file]").setInputFiles({ name: "huge.csv", mimeType: "text/csv", buffer: Buffer.alloc(limit + 1, 0x20) });
    await calc(page, ".status").getByText("huge.csv").waitFor();
    assert.match(await calc(page, ".status").textContent(), /quá lớn cho trang này \(tối đa 8 MB\)/);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe("loading", () => {
  /** The layout shift while the page loads (Chromium's layout-shift entries, as CLS counts them). */
  async function layoutShift(options) {
    const { page, errors, context } = await open(browser, server.url, {
      ...options,
      init: () => {
        window.shift = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.shift += entry.value;
        }).observe({ type: "layout-shift", buffered: true });
      },
    });
    await ready(page);
    await page.waitForTimeout(300);
    const shift = await page.evaluate(() => window.shift);
    assert.deepEqual(errors, []);
    await context.close();
    return shift;
  }

  test("the page does not jump when the calculator appears (layout shift ≤ 0.1)", async () => {
    const desktop = await layoutShift({ viewport: { width: 1280, height: 900 } });
    const phone = await layoutShift({ viewport: { width: 360, height: 780 }, deviceScaleFactor: 2, isMobile: true });
    console.log(`layout shift while loading: desktop ${desktop.toFixed(3)}, phone ${phone.toFixed(3)}`);
    assert.ok(desktop <= 0.1, `desktop ${desktop}`);
    assert.ok(phone <= 0.1, `phone ${phone}`);
  });

  test("the module's download starts with the page, not after the scripts", async () => {
    const { page, errors, context } = await open(browser, server.url);
    await ready(page);
    const starts = await page.evaluate(() =>
      Object.fromEntries(performance.getEntriesByType("resource").map((e) => [e.name.split("/").pop(), Math.round(e.startTime)])),
    );
    const script = await page.evaluate(() => performance.getEntriesByType("resource").find((e) => e.name.endsWith("dti-calculator.js")).responseEnd);
    assert.ok(starts["dti_wasm_bg.wasm"] < script, `the module was asked for at ${starts["dti_wasm_bg.wasm"]} ms, the script arrived at ${script} ms`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

test("a goal chosen while the other language's module is on its way is kept when it comes", async () => {
  const { context, page, errors, release } = await openHolding("dti_wasm_en_bg.wasm");
  await ready(page);
  await example(page);
  await page.click("#langswitch");
  // The English module is held back: the reader picks a pillar and types a goal meanwhile.
  await calc(page, "#goal-node").selectOption("XHS");
  await calc(page, "#goal-value").fill("0.7");
  release();
  await page.waitForFunction(() => document.querySelector("dti-calculator").shadowRoot.getElementById("inputs-title")?.textContent === "Indicator values");
  assert.equal(await calc(page, "#goal-node").inputValue(), "XHS", "the pillar chosen is still chosen");
  assert.equal(await calc(page, "#goal-value").inputValue(), "0.7", "the goal typed is still there");
  await calc(page, "#goal-value").press("Enter");
  assert.match(await calc(page, "#plan-summary").textContent(), /XHS from 0\.6864 to 0\.7000/);
  assert.deepEqual(errors, []);
  await context.close();
});
