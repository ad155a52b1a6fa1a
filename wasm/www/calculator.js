// <dti-calculator framework="dti-province-2022" lang="vi" compare="2023">
//
// A custom element that scores a province's indicator values live with the dti-core
// WebAssembly module, one call to the module per keystroke (its `Calculator` handle keeps the
// framework, a loaded file, the values a what-if compares with and the goal). No framework
// dependency; styles live in its shadow root as constructed style sheets (no inline styles, so
// a strict Content-Security-Policy holds). There is one module per language, each wording its
// messages in its language alone: the module build (dti-calculator.js) or the single file hands
// over `dtiCalculatorProvide(load)`, where `load(lang)` gives a promise of that language's
// binding, so this file is a plain script either way. A calculator loads the module of its
// language, and the other one only when its language changes. wasm/README.md is the embedding
// guide.
(() => {
  "use strict";

  let provide;
  const loader = new Promise((resolve) => (provide = resolve));
  globalThis.dtiCalculatorProvide = (load) => provide(load);
  const bindings = {};
  /** The binding whose module words messages in `lang`, loaded once for the page; the labels
   * that come with it (the English ones) join `TEXT`. */
  const binding = (lang) =>
    (bindings[lang] ||= loader
      .then((load) => load(lang))
      .then((dti) => {
        if (dti.text) Object.assign(TEXT[lang], dti.text);
        return dti;
      }));

  // The labels of things the core also words (unit, results, index, value, score, lost, line,
  // goalNode, radarTitle) read as the core's catalogue of words reads: tests/tests/words.rs
  // checks them.
  const TEXT = {
    vi: {
      title: "Máy tính Chỉ số chuyển đổi số",
      loading: "Đang tải máy tính…",
      loadFailed: "Không tải được máy tính: ",
      unit: "Đơn vị",
      unitName: "Tên tỉnh/thành phố",
      unitCode: "Mã tỉnh",
      inputsTitle: "Giá trị các chỉ số",
      inputsHelp:
        "Nhập giá trị từng chỉ số chính (0–1, ví dụ 0,9581). Ô để trống được tính 0 điểm. Kết quả cập nhật ngay khi gõ.",
      points: (n) => `${n} điểm`,
      notScored: "không tính điểm",
      results: "Kết quả",
      emptyTitle: "Chưa có kết quả",
      emptyHelp: "Nhập giá trị các chỉ số, mở tệp CSV/JSON hoặc dùng một liên kết chia sẻ để xem kết quả.",
      provisional: "Tạm tính",
      skipped: (n) => `${n} ô chưa hợp lệ đang được tính như ô trống; sửa các ô được đánh dấu để có kết quả đúng.`,
      index: "Chỉ số",
      compare: "So sánh với",
      noCompare: "Không so sánh",
      barsTitle: "DTI và ba trụ cột",
      radarTitle: "Các chỉ số chính",
      lostTitle: "Điểm bị mất theo chỉ số",
      movesTitle: "Ba thay đổi có lợi nhất với cùng một nỗ lực",
      movesHelp: (step) =>
        `Mỗi thay đổi thu hẹp ${step} khoảng cách từ chỉ số đến mức tối đa: chỉ số còn cách xa mức tối đa thì dễ tăng hơn.`,
      move: (name, from, to, index, gain, points) =>
        `Nâng ${name} từ ${from} lên ${to}: ${index} tăng ${gain}` + (points ? ` (${points} điểm)` : ""),
      noMoves: "Mọi chỉ số đã đạt tối đa.",
      indicator: "Chỉ số",
      value: "Giá trị",
      score: "Điểm",
      lost: "Điểm bị mất",
      total: "Tổng",
      open: "Mở tệp CSV/JSON",
      exportCsv: "Xuất CSV",
      exportJson: "Xuất JSON",
      share: "Sao chép liên kết",
      print: "In máy tính",
      clear: "Xoá dữ liệu",
      cleared: "Đã xoá dữ liệu.",
      undo: "Hoàn tác",
      undone: "Đã khôi phục dữ liệu trước khi xoá.",
      copied: "Đã sao chép liên kết chia sẻ.",
      shareLabel: "Liên kết chia sẻ (số liệu nằm sau dấu #, không gửi đi đâu)",
      shareLocal:
        "Trang này đang mở từ một tệp trên máy (file://), nên liên kết chỉ mở được trên máy này. Để gửi số liệu cho người khác, hãy dùng nút Xuất CSV.",
      drop: "Thả tệp CSV hoặc JSON vào đây",
      loaded: (file, unit) => `Đã nạp ${file}: ${unit}.`,
      fileErrors: (file) => `Tệp ${file} có lỗi, chưa nạp:`,
      spreadsheet: (file) =>
        `${file} là tệp bảng tính. Máy tính đọc tệp CSV hoặc JSON: trong Excel chọn Tệp → Lưu thành → “CSV UTF-8 (phân cách bằng dấu phẩy)”, rồi mở tệp CSV đó.`,
      tooLarge: (file, mb) =>
        `${file} quá lớn cho trang này (tối đa ${mb} MB). Hãy chia số liệu thành các tệp nhỏ hơn.`,
      chooseUnit: "Đơn vị trong tệp",
      line: "dòng",
      summary: (parts) => `Kết quả: ${parts}.`,
      ref: (name, value) => `${name}: ${value}`,
      refLegend: (name) => `Đường nét đứt: ${name}`,
      changed: (n) => `Đang thử: ${n} chỉ số khác số liệu đã nạp.`,
      reset: "Khôi phục số liệu đã nạp",
      resetDone: "Đã khôi phục số liệu đã nạp.",
      delta: "so với số liệu đã nạp",
      was: (v) => `Số liệu đã nạp: ${v}`,
      rankIn: (code, rank, n) => `Hạng ${code}: ${rank}/${n}`,
      rankMove: (code, from, to, n) => `Hạng ${code}: ${from} → ${to} (trên ${n})`,
      goalTitle: "Đặt mục tiêu: cần nâng chỉ số nào?",
      goalHelp:
        "Máy tính tìm cách nâng ít chỉ số nhất để đạt mục tiêu, ưu tiên chỉ số mang nhiều điểm (cùng một mức nỗ lực cho mỗi chỉ số). Có thể nhập 0,75 hoặc 75%.",
      goalKind: "Loại mục tiêu",
      goalByValue: "Giá trị",
      goalByRank: "Thứ hạng trong tệp",
      goalNode: "Chỉ số",
      goalValue: "Giá trị cần đạt",
      goalRank: (n) => `Thứ hạng cần đạt (1–${n})`,
      goalFind: "Tìm lộ trình",
      goalBadValue: "Nhập một số, ví dụ 0,75 hoặc 75%.",
      planReached: (node, value, target) => `Đã đạt mục tiêu: ${node} ${value} ≥ ${target}.`,
      planSteps: (n, node, start, target) =>
        `Nâng ${n} chỉ số theo thứ tự dưới đây để ${node} tăng từ ${start} lên ${target}.`,
      planOut: (node, target, best) =>
        `Ngoài tầm với: ${node} không thể đạt ${target}. Giá trị cao nhất có thể đạt là ${best}, khi nâng các chỉ số dưới đây.`,
      planRank: (rank, node, value) => `Để xếp hạng ${rank} cần ${node} ít nhất ${value}.`,
      from: "Hiện tại",
      to: "Cần đạt",
      gain: (node) => `${node} tăng`,
      planTry: "Thử lộ trình này",
      planTitle: "Lộ trình",
    },
    // The rest of the English labels are in calculator-en.js, which only a page showing
    // English fetches (with the English module); `binding` adds them here.
    en: {
      loading: "Loading the calculator…",
      loadFailed: "The calculator could not be loaded: ",
    },
  };

  const SVG = "http://www.w3.org/2000/svg";

  /** Creates an element: h("p", { class: "x" }, "text", child). Nothing null is appended. */
  function h(tag, attrs, ...children) {
    const svg = tag.startsWith("svg:");
    const node = svg ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else if (key === "text") node.textContent = value;
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    return append(node, ...children);
  }

  const RADAR_WIDTH = 360;
  const RADAR_HEIGHT = 300;
  const RADAR_BOX = `0 0 ${RADAR_WIDTH} ${RADAR_HEIGHT}`;

  /** Appends children, leaving out null, undefined and false (never the text "null"). */
  function append(node, ...children) {
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  /** Replaces an element's children, leaving out null, undefined and false. */
  function put(node, ...children) {
    node.replaceChildren();
    return append(node, ...children);
  }

  // A keystroke redraws only what changed: a write that changes nothing still costs the page
  // (a style pass, a mutation, a repaint of the part), so each setter below compares first.

  /** Sets an element's text (or a text node's data) when it differs. */
  function setText(node, text) {
    if (node.nodeType === 3) {
      if (node.data !== text) node.data = text;
    } else if (node.textContent !== text) node.textContent = text;
  }

  /** Sets an attribute when it differs; `null` removes it. */
  function setAttr(node, name, value) {
    if (value === null) {
      if (node.hasAttribute(name)) node.removeAttribute(name);
    } else if (node.getAttribute(name) !== value) node.setAttribute(name, value);
  }

  function setHidden(node, hidden) {
    if (node.hidden !== hidden) node.hidden = hidden;
  }

  /** Replaces an element's children with what `build` makes, when `key` (a text that says
   * what they show) differs from the one they were built for. */
  function putKeyed(node, key, build) {
    if (node.dtiKey === key) return;
    node.dtiKey = key;
    put(node, build());
  }

  // The module's formatting of numbers, remembered: a keystroke formats the same few dozen
  // numbers again, each a call into the module and a string out of it.
  const formatted = new Map();
  function formatDecimal(dti, value, decimals, lang) {
    const key = `${lang}${decimals} ${Object.is(value, -0) ? "-0" : value}`;
    let text = formatted.get(key);
    if (text === undefined) {
      if (formatted.size >= 4096) formatted.clear();
      text = dti.formatDecimal(value, decimals, lang);
      formatted.set(key, text);
    }
    return text;
  }

  const STYLE = `
:host { display: block; --ink: #1b1f24; --muted: #4a5360; --line: #c9d1db; --paper: #fff;
  --soft: #f3f6f9; --accent: #0b4f8a; --accent-ink: #fff; --accent-soft: #e3eef8;
  --error: #a4161a; --warn: #7a4b00; --ref: #a34700; --good: #1d6b3a;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  color: var(--ink); }
* { box-sizing: border-box; }
:host(:not([data-ready])) { min-height: var(--dti-calculator-height, 1400px); }
@media (max-width: 760px) { :host(:not([data-ready])) { min-height: var(--dti-calculator-height, 3500px); } }
.loading { margin: 0; padding: 16px 20px; border: 1px solid var(--line); border-radius: 12px;
  color: var(--muted); }
/* clip, not hidden: a hidden overflow makes a scroll container and breaks the sticky bar. */
.calc { border: 1px solid var(--line); border-radius: 12px; background: var(--paper);
  overflow: clip; }
.head { padding: 16px 20px 12px; background: var(--accent); color: var(--accent-ink); }
.head h2 { margin: 0; font-size: 1.25rem; line-height: 1.3; }
.head p { margin: 4px 0 0; font-size: .875rem; opacity: .95; }
.toolbar { display: flex; flex-wrap: wrap; gap: 8px; padding: 12px 20px; background: var(--soft);
  border-bottom: 1px solid var(--line); }
button, .button { font: inherit; font-size: .875rem; padding: 8px 12px; min-height: 40px;
  border: 1px solid var(--accent); border-radius: 8px; background: var(--paper);
  color: var(--accent); cursor: pointer; }
button:hover { background: var(--accent-soft); }
/* Yellow alone is 1.9:1 on white: a dark inner ring gives the 3:1 focus contrast (WCAG 1.4.11). */
button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible,
[tabindex="-1"]:focus-visible {
  outline: 3px solid #f0b400; outline-offset: 2px; box-shadow: 0 0 0 2px #1b1f24; }
.grid { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1.15fr); }
.inputs { padding: 16px 20px 20px; border-right: 1px solid var(--line); }
.results { padding: 16px 20px 20px; min-width: 0; }
h3 { font-size: 1.05rem; margin: 0 0 8px; }
h4 { font-size: .95rem; margin: 20px 0 8px; }
.help { color: var(--muted); font-size: .875rem; margin: 0 0 12px; }
fieldset { border: 1px solid var(--line); border-radius: 10px; margin: 0 0 14px; padding: 8px 12px 4px; min-width: 0; }
legend { font-weight: 600; padding: 0 6px; font-size: .95rem; }
.unit { display: grid; grid-template-columns: 2fr 1fr; gap: 8px 12px; }
.field { margin: 0 0 10px; }
.field label { display: block; font-weight: 500; font-size: .925rem; }
.code { display: inline-block; min-width: 2.2em; font-variant-numeric: tabular-nums;
  color: var(--accent); font-weight: 700; }
.meta { display: block; color: var(--muted); font-size: .8rem; }
input[type=text], select { font: inherit; width: 100%; max-width: 100%; padding: 8px 10px; min-height: 40px;
  border: 1px solid #7b8794; border-radius: 8px; background: #fff; color: var(--ink); }
input[aria-invalid=true] { border-color: var(--error); border-width: 2px; background: #fff6f6; }
.msg { margin: 4px 0 0; font-size: .825rem; color: var(--error); }
.msg.warning { color: var(--warn); }
.msg:empty { display: none; }
.scores { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 8px; margin: 0 0 8px; }
.score { background: var(--soft); border-radius: 10px; padding: 8px 10px; min-width: 0; }
.score.main { grid-column: 1 / -1; background: var(--accent-soft); display: flex;
  align-items: baseline; gap: 4px 12px; flex-wrap: wrap; }
.score .label { font-size: .8rem; color: var(--muted); display: block; }
.score .num { font-size: 1.35rem; font-weight: 700; font-variant-numeric: tabular-nums; }
.score.main .num { font-size: 2.25rem; color: var(--accent); line-height: 1.1; }
.score.main .label { font-size: .95rem; color: var(--ink); font-weight: 600; }
.score .ref { display: block; font-size: .75rem; color: var(--ref); }
.score .tag { font-size: .75rem; font-weight: 700; text-transform: uppercase; letter-spacing: .04em;
  color: var(--warn); }
.provisional .num, .score.main.provisional .num { color: var(--muted); font-size: 1.35rem; }
.empty { margin: 0 0 8px; padding: 12px 14px; border: 1px dashed #7b8794; border-radius: 10px; }
.empty strong { display: block; }
.results[data-state=empty] .when-scored { display: none; }
.dash { display: inline-block; width: 14px; height: 0; border-top: 2.5px dashed var(--ref);
  vertical-align: middle; margin-right: 5px; }
.notice { font-size: .85rem; color: var(--warn); margin: 4px 0; }
.notice:empty { display: none; }
.charts { display: grid; grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr); gap: 8px;
  align-items: center; }
.legend { margin: 0; font-size: .75rem; color: var(--ref); }
.legend:empty { display: none; }
svg { width: 100%; height: auto; display: block; }
svg text { font: 12px system-ui, sans-serif; fill: var(--ink); }
svg text.small { font-size: 10px; fill: var(--muted); }
.compare { display: flex; align-items: center; flex-wrap: wrap; gap: 8px; font-size: .875rem; margin: 8px 0; }
.compare select { width: auto; min-height: 36px; padding: 4px 8px; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; }
th, td { text-align: right; padding: 4px 6px; border-bottom: 1px solid var(--line);
  font-variant-numeric: tabular-nums; }
th:first-child, td:first-child { text-align: left; }
thead th { color: var(--muted); font-weight: 600; }
tbody th { font-weight: 400; }
tfoot td { font-weight: 700; border-bottom: 0; }
/* One line per indicator: the name is cut short (its full text is the row's title). */
table.lost { table-layout: fixed; }
table.lost col.name { width: 40%; }
table.lost col.lost { width: 25%; }
table.lost th, table.lost td { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.bar { display: inline-block; height: 8px; background: var(--error); border-radius: 4px;
  vertical-align: middle; margin-left: 6px; opacity: .75; }
ol.moves { padding-left: 1.4em; margin: 0; font-size: .9rem; }
ol.moves li { margin: 0 0 6px; }
.sticky { display: none; }
[hidden] { display: none !important; }
.whatif { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 12px; margin: 0 0 10px;
  padding: 8px 10px; border: 1px solid #d9b25c; border-left: 4px solid var(--warn);
  border-radius: 8px; background: #fff8e6; font-size: .875rem; }
.whatif:empty { display: none; }
.whatif button { min-height: 36px; padding: 4px 10px; }
.whatif .rank { font-weight: 600; }
.delta { display: block; font-size: .78rem; font-weight: 600; font-variant-numeric: tabular-nums; }
.delta.up { color: var(--good); }
.delta.down { color: var(--error); }
.delta.same { color: var(--muted); font-weight: 400; }
input.changed { border-color: var(--warn); border-width: 2px; background: #fffaf0; }
.was { margin: 2px 0 0; font-size: .8rem; color: var(--warn); }
.was:empty { display: none; }
.goal { margin: 20px 0 0; padding: 12px 14px 14px; border: 1px solid var(--line); border-radius: 10px;
  background: var(--soft); }
.goal h4 { margin-top: 0; }
.goal .help { margin-bottom: 8px; }
.goal fieldset.kind { display: flex; flex-wrap: wrap; gap: 2px 18px; border: 0; padding: 0; margin: 0 0 8px; }
.goal fieldset.kind legend { padding: 0; margin-bottom: 2px; font-weight: 500; font-size: .925rem; }
.goal fieldset.kind label { display: inline-flex; align-items: center; gap: 6px; min-height: 32px; cursor: pointer; }
.goal input[type=radio] { width: 18px; height: 18px; margin: 0; accent-color: var(--accent); }
.goal-row { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 8px 10px; align-items: end; }
.goal-row .field:first-child { grid-column: 1 / -1; }
.goal-row .field { margin: 0; min-width: 0; }
button.primary { background: var(--accent); color: var(--accent-ink); font-weight: 600; }
button.primary:hover { background: #083c69; }
.plan:empty { display: none; }
.plan { margin-top: 12px; }
.plan p { margin: 0 0 8px; font-size: .9rem; }
.plan .out { color: var(--warn); font-weight: 600; }
.plan .ok { color: var(--good); font-weight: 600; }
.plan table { background: var(--paper); }
.plan .step { display: inline-block; min-width: 1.4em; color: var(--muted); }
.status { padding: 8px 20px; font-size: .875rem; border-top: 1px solid var(--line); background: var(--soft); }
.status:empty { display: none; }
.status ul { margin: 4px 0 0; padding-left: 1.2em; }
.status button { min-height: 32px; padding: 2px 10px; margin-left: 8px; }
.share { padding: 0 20px 12px; background: var(--soft); }
.share label { font-size: .8rem; color: var(--muted); display: block; }
.share .warning { margin: 6px 0 0; font-size: .825rem; color: var(--warn); }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap; }
.drop { position: absolute; inset: 0; display: none; align-items: center; justify-content: center;
  background: rgba(11, 79, 138, .92); color: #fff; font-size: 1.25rem; font-weight: 600;
  border-radius: 12px; z-index: 2; }
.wrap { position: relative; }
.wrap.dragging .drop { display: flex; }
@media (max-width: 760px) {
  /* A field scrolled into view (focus, a phone's keyboard) stays above the results bar. */
  input, select { scroll-margin-bottom: 72px; }
  .grid { grid-template-columns: 1fr; }
  .inputs { border-right: 0; border-bottom: 1px solid var(--line); }
  .charts { grid-template-columns: 1fr; }
  .sticky { display: flex; flex-wrap: wrap; gap: 4px 12px; position: sticky; bottom: 0;
    margin: 0 -20px -20px; padding: 8px 20px; background: var(--accent); color: #fff;
    font-size: .85rem; font-variant-numeric: tabular-nums; z-index: 1; }
  .sticky .main { font-size: 1rem; }
}
@media (max-width: 420px) {
  .head, .toolbar, .inputs, .results, .status, .share { padding-left: 12px; padding-right: 12px; }
  .scores { grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 6px; }
  .score { padding: 6px 8px; }
  .score .num { font-size: 1.1rem; }
  .unit { grid-template-columns: 1fr; }
  .goal { padding: 10px; }
  .goal-row { grid-template-columns: 1fr; }
  .sticky { margin: 0 -12px -20px; padding: 8px 12px; }
  button { flex: 1 1 auto; }
}
@media print {
  :focus-visible { outline: none !important; box-shadow: none !important; }
  .toolbar, .share, .drop, .sticky, .compare, .whatif button, .goal button, .goal .help,
  .goal fieldset.kind, .status button { display: none !important; }
  .goal { background: none; padding: 0; border: 0; break-inside: avoid; }
  .calc { border: 0; }
  .head { background: none; color: #000; padding-left: 0; }
  .grid { grid-template-columns: 1fr 1fr; }
  .inputs, .results { padding-left: 0; }
  input[type=text], select { border: 0; border-bottom: 1px solid #999; border-radius: 0; padding: 0 4px; min-height: 0; }
  fieldset { break-inside: avoid; }
  .score.main { background: none; border: 1px solid #000; }
  .score.main .num { color: #000; }
}`;

  // "Print the calculator": while it prints, the page shows this calculator alone (every
  // element neither holding it nor inside it is left out). A constructed style sheet, so a
  // Content-Security-Policy without 'unsafe-inline' styles holds.
  const PRINT_ONE = `@media print {
  html.dti-printing body *:not(:has(dti-calculator[data-printing])):not(dti-calculator[data-printing]) { display: none !important; }
}`;

  let sheets = null;
  /** The widget's style sheets, made once and shared by every calculator of the page. */
  function styleSheets() {
    if (!sheets) {
      const own = new CSSStyleSheet();
      own.replaceSync(STYLE);
      const page = new CSSStyleSheet();
      page.replaceSync(PRINT_ONE);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, page];
      sheets = [own];
    }
    return sheets;
  }

  /** Reads the first bytes of a file: spreadsheets are zip archives or OLE documents. */
  async function isSpreadsheet(file) {
    if (/\.(xlsx|xlsm|xls|ods)$/i.test(file.name)) return true;
    const bytes = new Uint8Array(await file.slice(0, 4).arrayBuffer());
    const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;
    const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
    return zip || ole;
  }

  class DtiCalculator extends HTMLElement {
    static get observedAttributes() {
      return ["framework", "lang", "compare"];
    }

    constructor() {
      super();
      this.attachShadow({ mode: "open" });
      this.values = new Map();
      this.unitCode = "";
      this.unitName = "";
      this.dti = null;
      this.calc = null;
      this.info = null;
      this.u = null;
      // Calls made before the module is ready, run once it is.
      this.pending = [];
      this.announceTimer = 0;
      this.refreshTimer = 0;
      this.statusMessage = null;
      // The loaded file: { name, text, units, position }.
      this.file = null;
      // The values the what-if compares with (file, example, share link): texts and raws.
      this.loaded = null;
      // The goal: { kind: "value" | "rank", node, text, rankText }.
      this.goal = null;
      this.goalError = null;
    }

    get lang() {
      return (this.getAttribute("lang") || document.documentElement.lang || "vi").toLowerCase().startsWith("en")
        ? "en"
        : "vi";
    }

    /** The labels of the calculator's language; the Vietnamese ones while the English labels
     * are still on their way (after a switch, they come with the English module). */
    get t() {
      const t = TEXT[this.lang];
      return t.title ? t : TEXT.vi;
    }

    get frameworkId() {
      return this.getAttribute("framework") || "dti-province-2022";
    }

    connectedCallback() {
      if (this.started) return;
      this.started = true;
      this.shadowRoot.adoptedStyleSheets = styleSheets();
      // A share link in another language: that language's module and labels are loaded first,
      // rather than the page's and then the link's.
      const linked = this.linkedLang();
      if (linked) this.setAttribute("lang", linked);
      put(this.shadowRoot, h("p", { class: "loading", role: "status", text: TEXT[this.lang].loading }));
      const lang = this.lang;
      binding(lang).then(
        (dti) => {
          this.dti = dti;
          this.start(true);
          // The language changed while its module loaded.
          if (this.calc && this.lang !== lang) this.changeModule();
          this.setAttribute("data-ready", "");
          for (const call of this.pending.splice(0)) call();
          this.dispatchEvent(new CustomEvent("dti-ready", { bubbles: true }));
        },
        (error) => {
          put(this.shadowRoot, h("p", { class: "loading msg", role: "alert", text: TEXT[this.lang].loadFailed + error.message }));
        },
      );
    }

    /** Runs `call` now when the module is ready, else as soon as it is. */
    whenReady(call) {
      if (this.calc) call();
      else this.pending.push(call);
    }

    attributeChangedCallback(name, before, after) {
      if (!this.calc || before === after) return;
      if (name === "framework") this.start(false);
      else if (name === "compare") this.render();
      else {
        this.calc.setLang(this.lang);
        this.render();
        this.changeModule();
      }
    }

    /** After a change of language, the calculator of that language's module takes over this
     * one's file, the values a what-if compares with and the goal, and the page is drawn again
     * with its words. Until the module arrives messages keep the old language, and so do the
     * labels until the new language's have come (the English ones come with the module). */
    changeModule() {
      const lang = this.lang;
      binding(lang).then(
        (dti) => {
          if (this.lang !== lang || this.dti === dti) return;
          // Each step worked in the other module with the same data: a throw here is a bug.
          const calc = new dti.Calculator(this.frameworkId, lang);
          if (this.file) {
            calc.loadFile(this.file.text, this.file.name);
            calc.selectUnit(this.file.position);
          }
          const loaded = this.loaded;
          if (loaded) {
            const values = {};
            for (const code of this.indicators()) values[code] = loaded.texts.get(code) || "";
            calc.update(values, { code: loaded.code, name: loaded.name });
            calc.keepBaseline(true);
          }
          const goal = this.goal;
          if (goal) calc.setGoal(goal.node, goal.kind, goal.kind === "value" ? goal.text : goal.rankText);
          this.calc.free();
          this.calc = calc;
          this.dti = dti;
          const draft = this.goalDraft();
          this.render();
          this.restoreGoalDraft(draft);
        },
        (error) => this.showStatus(TEXT[this.lang].loadFailed + error.message),
      );
    }

    /** A calculator for the framework; the values from the share link on first start. */
    start(first) {
      try {
        const calc = new this.dti.Calculator(this.frameworkId, this.lang);
        if (this.calc) this.calc.free();
        this.calc = calc;
        this.info = calc.info();
      } catch (error) {
        put(this.shadowRoot, h("p", { class: "loading msg", role: "alert", text: error.message }));
        return;
      }
      const known = new Set(this.indicators());
      for (const code of [...this.values.keys()]) if (!known.has(code)) this.values.delete(code);
      this.file = null;
      this.loaded = null;
      this.goal = null;
      if (first && this.readFragment()) this.keepBeforeRender();
      this.render();
    }

    /** The indicators with a value field, in group order. */
    indicators() {
      if (this.codesOf !== this.info) {
        this.codesOf = this.info;
        this.codeList = this.info.groups.flatMap((g) => g.indicators);
        this.nodeMap = new Map(this.info.nodes.map((n) => [n.code, n]));
      }
      return this.codeList;
    }

    node(code) {
      this.indicators();
      return this.nodeMap.get(code);
    }

    name(node) {
      return node.names[this.lang] || node.names.vi || node.code;
    }

    fmt(value, decimals = 4) {
      if (value === null || value === undefined || !Number.isFinite(value)) return "–";
      return formatDecimal(this.dti, value, decimals, this.lang);
    }

    /** The unit's result at a node in the last update. */
    result(code) {
      if (this.resultsOf !== this.u) {
        this.resultsOf = this.u;
        this.resultMap = new Map(this.u ? this.u.nodes.map((n) => [n.code, n]) : []);
      }
      return this.resultMap.get(code) || null;
    }

    indexValue(code) {
      const node = this.result(code);
      return node ? node.value : null;
    }

    /** The form's values as typed, for the module. */
    formValues() {
      const values = {};
      for (const code of this.indicators()) values[code] = this.values.get(code) || "";
      return values;
    }

    formUnit() {
      return { code: this.unitCode, name: this.unitName };
    }

    /** Public: the current data in the core's JSON layout. */
    data() {
      const values = {};
      for (const [code, text] of this.values) if (text.trim() !== "") values[code] = text.trim();
      const unit = { code: this.unitCode.trim() || "00", values };
      if (this.unitName.trim()) unit.name = this.unitName.trim();
      return { units: [unit] };
    }

    /** Public: sets values ({I1: 0.95, …}) and a unit ({code, name}); what-ifs compare with
     * them. Calls made before the calculator is ready wait for it. */
    setValues(values, unit = {}) {
      this.whenReady(() => {
        this.values = new Map(Object.entries(values || {}).map(([k, v]) => [k, v === null || v === undefined ? "" : this.show(v)]));
        if (unit.code !== undefined) this.unitCode = String(unit.code);
        if (unit.name !== undefined) this.unitName = String(unit.name);
        this.file = null;
        this.calc.closeFile();
        this.keepBeforeRender();
        this.render();
      });
    }

    /** Takes the current values as the loaded ones (none when every field is blank). */
    keep() {
      this.keepValues();
      this.refresh();
    }

    /** {@link keep} for values about to be rendered (a share link, the example, setValues):
     * the render's own refresh keeps what it scores before drawing it, so the values are
     * scored and drawn once before the first frame. That refresh's `dti-change` is the
     * computation before they were kept (`whatif` null, nothing `changed`). */
    keepBeforeRender() {
      this.keepNext = true;
    }

    keepValues() {
      const filled = [...this.values.values()].some((v) => v.trim() !== "");
      this.calc.keepBaseline(filled && Boolean(this.u));
      this.loaded = filled && this.u ? { texts: new Map(this.values), code: this.unitCode, name: this.unitName, raws: this.raws() } : null;
    }

    /** Public: back to the loaded values. */
    resetValues() {
      this.whenReady(() => {
        const loaded = this.loaded;
        if (!loaded) return;
        const first = this.u && this.indicators().find((code) => code in this.u.changed);
        this.values = new Map(loaded.texts);
        this.unitCode = loaded.code;
        this.unitName = loaded.name;
        this.render();
        this.showStatus(this.t.resetDone);
        const field = first && this.shadowRoot.getElementById(`v-${first}`);
        if (field) field.focus();
      });
    }

    /** `{code: raw}` of the unit's indicators that have a value, in the last update. */
    raws() {
      const out = {};
      for (const node of this.u ? this.u.nodes : []) {
        const info = this.node(node.code);
        if (info && info.indicator && node.raw !== null) out[node.code] = node.raw;
      }
      return out;
    }

    /** A number as people in this language write it. */
    show(value) {
      if (typeof value !== "number") return String(value);
      const text = String(Math.round(value * 1e10) / 1e10);
      return this.lang === "vi" ? text.replace(".", ",") : text;
    }

    /** Recomputes now, or at the next frame while a large file is loaded (one update per
     * frame however fast the keys come). */
    schedule() {
      if (!this.file || this.file.units.length <= 1000) {
        this.refresh();
        return;
      }
      if (this.refreshTimer) return;
      this.refreshTimer = requestAnimationFrame(() => {
        this.refreshTimer = 0;
        this.refresh();
      });
    }

    // --- Drawing ------------------------------------------------------------------------

    render() {
      const t = this.t;
      const info = this.info;
      if (!info) return;
      const els = (this.els = { fields: new Map() });
      const fieldsets = info.groups.map((group) =>
        h("fieldset", {}, h("legend", { text: group.names[this.lang] || group.code }), group.indicators.map((code) => this.field(this.node(code)))),
      );
      const unit = h(
        "fieldset",
        {},
        h("legend", { text: t.unit }),
        h(
          "div",
          { class: "unit" },
          this.textField("unit-name", t.unitName, this.unitName, (v) => (this.unitName = v)),
          this.textField("unit-code", t.unitCode, this.unitCode, (v) => (this.unitCode = v), "numeric"),
        ),
      );
      const fileInput = h("input", {
        type: "file",
        accept: ".csv,.json,.txt,text/csv,application/json",
        class: "sr",
        tabindex: "-1",
        "aria-hidden": "true",
        onchange: (e) => {
          if (e.target.files[0]) this.importFile(e.target.files[0]);
          e.target.value = "";
        },
      });
      const compare = h(
        "div",
        { class: "compare when-scored" },
        h("label", { for: "compare", text: t.compare }),
        h(
          "select",
          { id: "compare", onchange: (e) => this.setAttribute("compare", e.target.value) },
          h("option", { value: "", text: t.noCompare }),
          info.references.map((ref, i) =>
            h("option", { value: ref.year ?? `#${i}`, text: ref.names[this.lang], selected: this.reference() === ref }),
          ),
        ),
      );
      els.scores = h("div", { class: "scores" });
      els.empty = h("div", { class: "empty", role: "note" }, h("strong", { text: t.emptyTitle }), t.emptyHelp);
      // On phones the results sit below the form: a bar at the bottom of the screen keeps the
      // numbers in sight while typing (the live region announces them to screen readers).
      els.sticky = h("div", { class: "sticky", "aria-hidden": "true" });
      els.notice = h("p", { class: "notice" });
      els.charts = h("div", { class: "charts when-scored" });
      els.legend = h("p", { class: "legend when-scored" });
      els.lost = h("div", { class: "when-scored" });
      els.moves = h("div", { class: "when-scored" });
      els.whatif = h("div", { class: "whatif" });
      els.plan = h("div", { class: "plan" });
      els.planLive = h("p", { class: "sr", id: "plan-live", "aria-live": "polite", "aria-atomic": "true" });
      els.live = h("p", { class: "sr", "aria-live": "polite", "aria-atomic": "true" });
      els.status = h("div", { class: "status", role: "status" });
      els.shareBox = h(
        "div",
        { class: "share", hidden: true },
        h("label", { for: "share-url", text: t.shareLabel }),
        h("input", { type: "text", id: "share-url", readonly: true }),
        location.protocol === "file:" ? h("p", { class: "warning", id: "share-local", text: t.shareLocal }) : null,
      );
      els.results = h(
        "section",
        { class: "results", "aria-labelledby": "results-title" },
        h("h3", { id: "results-title", text: t.results }),
        els.whatif,
        els.empty,
        els.scores,
        els.notice,
        info.references.length ? compare : null,
        els.charts,
        els.legend,
        // The first render's goal form comes after its first frame (buildAfterFrame).
        this.rendered ? this.goalForm() : null,
        els.moves,
        els.lost,
        els.live,
        els.planLive,
      );
      const button = (text, onclick, extra = {}) => h("button", { type: "button", onclick, text, ...extra });
      const share = this.getAttribute("share") !== "off";
      const wrap = h(
        "div",
        { class: "wrap" },
        h(
          "section",
          { class: "calc", "aria-labelledby": "calc-title" },
          h("div", { class: "head" }, h("h2", { id: "calc-title", text: t.title }), h("p", { text: info.names[this.lang] })),
          h(
            "div",
            { class: "toolbar", role: "toolbar", "aria-label": t.title },
            button(t.open, () => fileInput.click()),
            fileInput,
            button(t.exportCsv, () => this.exportData("csv")),
            button(t.exportJson, () => this.exportData("json")),
            share ? button(t.share, () => this.shareLink()) : null,
            button(t.print, () => this.printCalculator()),
            button(t.clear, () => this.clear()),
          ),
          els.shareBox,
          els.status,
          h(
            "div",
            { class: "grid" },
            h(
              "form",
              { class: "inputs", "aria-labelledby": "inputs-title", onsubmit: (e) => e.preventDefault() },
              h("h3", { id: "inputs-title", text: t.inputsTitle }),
              h("p", { class: "help", text: t.inputsHelp }),
              unit,
              fieldsets,
              els.sticky,
            ),
            els.results,
          ),
        ),
        h("div", { class: "drop", "aria-hidden": "true", text: t.drop }),
      );
      this.buildScores();
      // The first render draws what shows the first DTI; the charts, the goal form, the three
      // changes and the points-lost table, all below it, come once its frame is painted.
      const later = !this.rendered;
      this.rendered = true;
      if (later) {
        this.chartFrames();
        this.lostRows = null;
      } else {
        this.buildCharts();
        this.buildLost();
      }
      this.dragAndDrop(wrap);
      const focused = this.shadowRoot.activeElement && this.shadowRoot.activeElement.id;
      put(this.shadowRoot, wrap);
      if (focused && this.shadowRoot.getElementById(focused)) this.shadowRoot.getElementById(focused).focus();
      if (this.statusMessage) this.showStatus(...this.statusMessage);
      this.refresh();
      // After the first result's dti-change, so that its listeners' frame callbacks run first.
      if (later) this.buildAfterFrame();
    }

    textField(id, label, value, set, inputmode) {
      return h(
        "div",
        { class: "field" },
        h("label", { for: id, text: label }),
        h("input", {
          type: "text",
          id,
          value,
          autocomplete: "off",
          inputmode,
          oninput: (e) => {
            set(e.target.value);
            this.schedule();
          },
        }),
      );
    }

    field(node) {
      const t = this.t;
      const id = `v-${node.code}`;
      const { low, high } = node.range;
      const range =
        low !== null && high !== null ? `${this.fmt(low, 0)}–${this.fmt(high, 0)}${node.symbol}` : low !== null ? `≥ ${this.fmt(low, 0)}` : "";
      const unitLabel = node.unit === "score" || node.unit === "share" ? "" : node.unit_label[this.lang];
      const weight = node.scored ? (node.points !== null ? t.points(this.fmt(node.points, 0)) : "") : t.notScored;
      const meta = [range, unitLabel, weight].filter(Boolean).join(" · ");
      const description = node.description ? node.description[this.lang] : "";
      const input = h("input", {
          type: "text",
          id,
          name: node.code,
          inputmode: "decimal",
          autocomplete: "off",
          spellcheck: "false",
          placeholder: range,
          value: this.values.get(node.code) || "",
          "aria-describedby": `${id}-meta ${id}-msg ${id}-was`,
          oninput: (e) => {
            this.values.set(node.code, e.target.value);
            this.schedule();
          },
        });
      const msg = h("p", { class: "msg", id: `${id}-msg` });
      const was = h("p", { class: "was", id: `${id}-was` });
      this.els.fields.set(node.code, { input, msg, was });
      return h(
        "div",
        { class: "field" },
        h(
          "label",
          { for: id },
          h("span", { class: "code", text: node.code }),
          " ",
          this.name(node),
          h("span", { class: "meta", id: `${id}-meta`, text: [meta, description].filter(Boolean).join(" — ") }),
        ),
        input,
        msg,
        was,
      );
    }

    /** The selected reference (national average), if any. */
    reference() {
      const wanted = this.getAttribute("compare");
      if (!wanted || !this.info) return null;
      return this.info.references.find((r, i) => String(r.year ?? `#${i}`) === wanted) || null;
    }

    /** One call to the module with the form's values, then every part of the results redrawn. */
    refresh() {
      if (!this.els || !this.calc) return;
      let u;
      const keep = this.keepNext;
      this.keepNext = false;
      try {
        u = this.calc.update(this.formValues(), this.formUnit());
      } catch (error) {
        // Nothing is kept from values that cannot be scored.
        if (keep) {
          this.u = null;
          this.keepValues();
        }
        this.showStatus(error.message, error.details || []);
        return;
      }
      this.u = u;
      if (keep) this.keepValues();
      this.drawFields();
      const state = u.empty ? "empty" : u.invalid.length ? "provisional" : "scored";
      setAttr(this.els.results, "data-state", state);
      setHidden(this.els.empty, !u.empty);
      setText(this.els.notice, u.invalid.length ? this.t.skipped(u.invalid.length) : "");
      this.drawWhatIf();
      this.drawPlan();
      this.drawScores(state);
      if (!u.empty) {
        if (this.chart) this.drawCharts();
        if (this.lostRows) this.drawExplanation();
      }
      clearTimeout(this.announceTimer);
      this.announceTimer = setTimeout(() => this.announce(), 700);
      this.dispatchEvent(new CustomEvent("dti-change", { detail: u, bubbles: true }));
    }

    /** Each field's message, validity, and whether it differs from the loaded value. */
    drawFields() {
      const u = this.u;
      const messages = new Map();
      for (const d of u.details) {
        if (!d.indicator || ["missing_value", "decimal_comma"].includes(d.kind)) continue;
        if (!messages.has(d.indicator) || d.severity === "error") messages.set(d.indicator, d);
      }
      for (const code of this.indicators()) {
        const field = this.els.fields.get(code);
        if (!field) continue;
        const { input, msg, was } = field;
        const d = messages.get(code);
        setText(msg, d ? d.message + (d.hint ? ` — ${d.hint}` : "") : "");
        msg.classList.toggle("warning", Boolean(d) && d.severity !== "error");
        setAttr(input, "aria-invalid", u.invalid.includes(code) ? "true" : null);
        const changed = Boolean(this.loaded) && code in u.changed;
        input.classList.toggle("changed", changed);
        const before = changed ? this.loaded.raws[code] : undefined;
        setText(was, changed ? this.t.was(before === undefined ? "–" : this.show(before)) : "");
      }
    }

    /** The index cards and the phone's results bar, built once per render. */
    buildScores() {
      const t = this.t;
      const ref = this.reference();
      const [root] = this.info.indices;
      this.cards = this.info.indices.map((code) => {
        const main = code === root;
        const node = this.node(code);
        const card = {
          code,
          main,
          box: h("div", { class: main ? "score main" : "score", "data-index": code }),
          num: h("span", { class: "num", "data-value": code }),
          tag: main ? h("span", { class: "tag", text: t.provisional, hidden: true }) : null,
          delta: h("span", { class: "delta", title: t.delta, hidden: true }),
          ref: ref && typeof ref.values[code] === "number" ? h("span", { class: "ref", title: ref.names[this.lang] }) : null,
          bar: h("b"),
          barNote: document.createTextNode(""),
        };
        append(card.box, h("span", { class: "label", text: main ? `${code} · ${this.name(node)}` : code, title: this.name(node) }), card.num, card.tag, card.delta, card.ref);
        return card;
      });
      put(this.els.scores, this.cards.map((c) => c.box));
      this.stickyEmpty = h("span", { text: t.emptyTitle });
      this.stickyParts = this.cards.map((c) => h("span", { class: c.main ? "main" : "" }, `${c.code} `, c.bar, c.barNote));
    }

    /** Fills the cards and the bar with the last update's values. */
    drawScores(state) {
      const t = this.t;
      const ref = this.reference();
      const shown = state !== "empty";
      for (const card of this.cards) {
        const value = this.indexValue(card.code);
        card.box.classList.toggle("provisional", state === "provisional");
        setText(card.num, shown ? this.fmt(value) : "–");
        if (card.tag) setHidden(card.tag, state !== "provisional");
        const delta = shown ? this.deltaOf(card.code) : null;
        setHidden(card.delta, delta === null);
        setAttr(card.delta, "data-delta", delta === null ? null : card.code);
        if (delta !== null) {
          const className = `delta ${this.deltaClass(delta)}`;
          if (card.delta.className !== className) card.delta.className = className;
          const text = `Δ ${this.signed(delta)}`;
          putKeyed(card.delta, text, () => [text, h("span", { class: "sr", text: ` ${t.delta}` })]);
        }
        if (card.ref) {
          const refValue = ref.values[card.code];
          setHidden(card.ref, !shown);
          const text = !shown ? "" : card.main
            ? `${t.ref(ref.names[this.lang], this.fmt(refValue))} (${value >= refValue ? "+" : "−"}${this.fmt(Math.abs(value - refValue))})`
            : this.fmt(refValue);
          putKeyed(card.ref, text, () => [shown && h("i", { class: "dash", "aria-hidden": "true" }), text || null]);
        }
        setText(card.bar, this.fmt(value));
        const notes = [];
        if (card.main && state === "provisional") notes.push(` (${t.provisional})`);
        if (card.main && delta !== null) notes.push(` (${this.signed(delta)})`);
        setText(card.barNote, notes.join(""));
      }
      const parts = shown ? this.stickyParts : [this.stickyEmpty];
      if (this.els.sticky.firstChild !== parts[0]) put(this.els.sticky, parts);
    }

    /** The change of a node against the loaded values, while a what-if is on. */
    deltaOf(code) {
      const u = this.u;
      if (!u || !u.whatif || !Object.keys(u.changed).length) return null;
      const node = u.whatif.find((n) => n.code === code);
      if (!node || node.before === null || node.after === null) return null;
      // Between the published (rounded) figures, so that it is what a reader can check.
      const published = (v) => Number(formatDecimal(this.dti, v, this.info.precision, "en"));
      return published(node.after) - published(node.before);
    }

    /** `+0,0323`, `−0,0100` or `±0,0000` at the published precision. */
    signed(delta, decimals = 4) {
      const text = this.fmt(Math.abs(delta), decimals);
      if (text === this.fmt(0, decimals)) return `±${text}`;
      return `${delta > 0 ? "+" : "−"}${text}`;
    }

    deltaClass(delta) {
      const text = this.signed(delta);
      return text.startsWith("+") ? "up" : text.startsWith("−") ? "down" : "same";
    }

    /** The what-if bar: how many values differ, the rank in a file, and the reset. */
    drawWhatIf() {
      const t = this.t;
      const u = this.u;
      const count = this.loaded ? Object.keys(u.changed).length : 0;
      const root = this.info.indices[0];
      const node = u.whatif && u.units > 1 && u.whatif.find((n) => n.code === root);
      const rank =
        node && node.rank_after !== null
          ? count && node.rank_before !== node.rank_after
            ? t.rankMove(root, node.rank_before, node.rank_after, u.units)
            : t.rankIn(root, node.rank_after, u.units)
          : null;
      const changed = count ? t.changed(count) : null;
      putKeyed(this.els.whatif, `${changed}|${rank}`, () => [
        changed && h("span", { text: changed }),
        rank && h("span", { class: "rank", "data-rank": root, text: rank }),
        count ? h("button", { type: "button", class: "reset", onclick: () => this.resetValues(), text: t.reset }) : null,
      ]);
    }

    /** The charts' shapes, built once per render; {@link drawCharts} moves them. */
    buildCharts() {
      put(this.els.charts, this.buildBars(), this.buildRadar());
      this.buildLegend();
    }

    buildLegend() {
      const ref = this.reference();
      put(this.els.legend, ref ? [h("i", { class: "dash", "aria-hidden": "true" }), this.t.refLegend(ref.names[this.lang])] : null);
    }

    /** The first render's charts: empty frames of the charts' size now, so that nothing moves,
     * and their shapes ({@link buildAfterFrame}) once the first frame is painted, so that the
     * first DTI (above the charts) is on screen sooner. A render before then builds them
     * itself. */
    chartFrames() {
      this.chart = null;
      const radar = this.radarCodes().length >= 3;
      put(this.els.charts, h("svg:svg", { viewBox: this.barsBox().viewBox }), radar ? h("svg:svg", { viewBox: RADAR_BOX }) : h("div"));
      this.buildLegend();
    }

    /** What the first render leaves out, built and drawn once its first frame is painted:
     * the charts' shapes, the goal form (in its place, before the three changes), the
     * points-lost table and the three changes. They are the last parts of the results, below
     * the first DTI: nothing above them moves, and what follows the calculator is further down
     * than a screen (the layout shift is measured by tests/browser/bench.mjs). */
    buildAfterFrame() {
      const els = this.els;
      requestAnimationFrame(() =>
        setTimeout(() => {
          if (this.els !== els) return;
          this.buildCharts();
          els.moves.before(this.goalForm());
          this.buildLost();
          if (this.u && !this.u.empty) {
            this.drawCharts();
            this.drawExplanation();
          }
        }),
      );
    }

    /** The bar chart's layout: one row per index. */
    barsBox() {
      const rowH = 34;
      const left = 46;
      const width = 300;
      const barW = width - left - 58;
      const top = 6;
      const axis = top + this.info.indices.length * rowH;
      return { rowH, left, barW, top, axis, viewBox: `0 0 ${width} ${axis + 22}` };
    }

    /** The radar's spokes: the scored main indicators. */
    radarCodes() {
      return this.indicators().filter((c) => this.node(c).scored);
    }

    drawCharts() {
      const chart = this.chart;
      for (const bar of chart.bars) {
        const value = this.indexValue(bar.code);
        setAttr(bar.fill, "width", String(chart.barW * Math.max(0, Math.min(1, value || 0))));
        setText(bar.label, this.fmt(value));
      }
      setText(chart.barsDesc, this.info.indices.map((c) => `${c} ${this.fmt(this.indexValue(c))}`).join("; ") + (chart.refText ? `. ${chart.refText}` : ""));
      if (!chart.radar) return;
      const score = (code) => {
        const info = this.u.indicators.find((x) => x.code === code);
        const node = this.result(code);
        const value = info ? info.score : node && node.value;
        return Math.max(0, Math.min(1, value || 0));
      };
      const { codes, point } = chart.radar;
      setAttr(chart.radar.shape, "points", codes.map((code, i) => point(i, score(code)).join(",")).join(" "));
      setText(chart.radar.desc, codes.map((code) => `${code} ${this.name(this.node(code))} ${this.fmt(score(code))}`).join("; "));
    }

    /** Horizontal bars for the indices on a 0–1 axis, with the reference as a dashed line. */
    buildBars() {
      const t = this.t;
      const ref = this.reference();
      const codes = this.info.indices;
      const { rowH, left, barW, top, axis, viewBox } = this.barsBox();
      const svg = h("svg:svg", { viewBox, role: "img", "aria-labelledby": "bars-title bars-desc" });
      const desc = h("svg:desc", { id: "bars-desc" });
      append(svg, h("svg:title", { id: "bars-title", text: t.barsTitle }), desc);
      for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
        const x = left + barW * tick;
        append(
          svg,
          h("svg:line", { x1: x, x2: x, y1: top, y2: axis, stroke: "#c9d1db" }),
          h("svg:text", { x, y: axis + 14, "text-anchor": "middle", class: "small", text: this.fmt(tick, 2) }),
        );
      }
      const bars = codes.map((code, i) => {
        const y = top + i * rowH;
        const bar = {
          code,
          fill: h("svg:rect", { x: left, y: y + 4, width: 0, height: 18, rx: 4, fill: i ? "#2f6fa8" : "#0b4f8a" }),
          label: h("svg:text", { x: left + barW + 6, y: y + 17 }),
        };
        append(svg, h("svg:text", { x: 0, y: y + 17, "font-weight": 700, text: code }), h("svg:rect", { x: left, y: y + 4, width: barW, height: 18, rx: 4, fill: "#e3eef8" }), bar.fill, bar.label);
        const refValue = ref && ref.values[code];
        if (typeof refValue === "number") {
          const x = left + barW * Math.max(0, Math.min(1, refValue));
          append(svg, h("svg:line", { x1: x, x2: x, y1: y, y2: y + 26, stroke: "#a34700", "stroke-width": 2.5, "stroke-dasharray": "4 3" }));
        }
        return bar;
      });
      this.chart = { bars, barW, barsDesc: desc, refText: ref ? t.refLegend(ref.names[this.lang]) : "", radar: null };
      return svg;
    }

    /** A radar of the scored main indicators (0..1), each spoke named. */
    buildRadar() {
      const t = this.t;
      const codes = this.radarCodes();
      if (codes.length < 3) return h("div");
      const width = RADAR_WIDTH;
      const height = RADAR_HEIGHT;
      const cx = width / 2;
      const cy = height / 2;
      const r = 88;
      const point = (i, v) => {
        const a = -Math.PI / 2 + (2 * Math.PI * i) / codes.length;
        return [cx + r * v * Math.cos(a), cy + r * v * Math.sin(a)];
      };
      const svg = h("svg:svg", { viewBox: RADAR_BOX, role: "img", "aria-labelledby": "radar-title radar-desc" });
      const desc = h("svg:desc", { id: "radar-desc" });
      append(svg, h("svg:title", { id: "radar-title", text: t.radarTitle }), desc);
      for (const ring of [0.25, 0.5, 0.75, 1]) {
        append(svg, h("svg:polygon", { points: codes.map((_, i) => point(i, ring).join(",")).join(" "), fill: "none", stroke: ring === 1 ? "#7b8794" : "#c9d1db" }));
      }
      codes.forEach((code, i) => {
        const [x, y] = point(i, 1);
        const [lx, ly] = point(i, 1.16);
        const anchor = Math.abs(lx - cx) < 8 ? "middle" : lx > cx ? "start" : "end";
        // The name under the code, cut to fit beside the radar (its full text in the title).
        const name = this.name(this.node(code));
        const short = name.length > 18 ? `${name.slice(0, 17)}…` : name;
        const below = ly > cy + 8 ? 0 : ly < cy - 8 ? -12 : -6;
        append(
          svg,
          h("svg:line", { x1: cx, y1: cy, x2: x, y2: y, stroke: "#c9d1db" }),
          h(
            "svg:text",
            { x: lx, y: ly + 4 + below, "text-anchor": anchor, "font-weight": 600, "data-spoke": code },
            h("svg:title", { text: name }),
            h("svg:tspan", { x: lx, text: code }),
            h("svg:tspan", { x: lx, dy: 12, class: "small", text: short }),
          ),
        );
      });
      const shape = h("svg:polygon", { fill: "rgba(11,79,138,.28)", stroke: "#0b4f8a", "stroke-width": 2 });
      append(svg, shape);
      this.chart.radar = { codes, point, shape, desc };
      return svg;
    }

    /** The points-lost table, built once per render; {@link drawExplanation} fills it. */
    buildLost() {
      const t = this.t;
      const rows = this.indicators().filter((code) => this.node(code).scored);
      const cells = (code) => ({ code, value: h("td"), points: h("td"), lost: h("td"), bar: h("span", { class: "bar", "aria-hidden": "true" }), lostText: document.createTextNode("") });
      this.lostRows = rows.map(cells);
      this.lostTotals = { points: h("td"), lost: h("td") };
      const table = h(
        "table",
        { class: "lost" },
        h("caption", { class: "sr", text: t.lostTitle }),
        h("colgroup", {}, h("col", { class: "name" }), h("col"), h("col"), h("col", { class: "lost" })),
        h("thead", {}, h("tr", {}, [t.indicator, t.value, t.score, t.lost].map((x) => h("th", { scope: "col", text: x })))),
        h(
          "tbody",
          {},
          this.lostRows.map((row) => {
            const name = this.name(this.node(row.code));
            append(row.lost, row.lostText, row.bar);
            return h("tr", { "data-code": row.code }, h("th", { scope: "row", title: name }, h("span", { class: "code", text: row.code }), " ", name), row.value, row.points, row.lost);
          }),
        ),
        h("tfoot", {}, h("tr", {}, h("td", { text: t.total }), h("td"), this.lostTotals.points, this.lostTotals.lost)),
      );
      put(this.els.lost, h("h4", { text: t.lostTitle }), table);
    }

    drawExplanation() {
      const t = this.t;
      const u = this.u;
      const byCode = new Map(u.indicators.map((i) => [i.code, i]));
      const rows = this.lostRows.map((row) => [row, byCode.get(row.code) || {}]);
      const maxLost = Math.max(1e-9, ...rows.map(([, i]) => i.points_lost || 0));
      let lostSum = 0;
      let pointsSum = 0;
      for (const [row, i] of rows) {
        const result = this.result(row.code);
        setText(row.value, this.fmt(result && result.raw));
        setText(row.points, this.fmt(i.points, 2));
        setText(row.lostText, this.fmt(i.points_lost, 2));
        const width = `${((2 * (i.points_lost || 0)) / maxLost).toFixed(2)}em`;
        if (row.width !== width) row.bar.style.width = row.width = width;
        lostSum += i.points_lost || 0;
        pointsSum += i.points || 0;
      }
      setText(this.lostTotals.points, this.fmt(pointsSum, 2));
      setText(this.lostTotals.lost, this.fmt(lostSum, 2));
      const index = this.info.root || this.info.indices[0];
      const moves = u.moves.slice(0, 3).map((m) => [
        m.indicator,
        t.move(
          `${m.indicator} (${this.name(this.node(m.indicator))})`,
          this.fmt(m.from),
          this.fmt(m.to),
          index,
          `+${this.fmt(m.gain)}`,
          m.gain_points !== null ? `+${this.fmt(m.gain_points, 2)}` : "",
        ),
      ]);
      const help = t.movesHelp(this.fmt(u.step, 1));
      putKeyed(this.els.moves, JSON.stringify([help, moves]), () => [
        h("h4", { text: t.movesTitle }),
        h("p", { class: "help", text: help }),
        moves.length
          ? h(
              "ol",
              { class: "moves" },
              moves.map(([code, text]) => h("li", { "data-code": code, text })),
            )
          : h("p", { text: t.noMoves }),
      ]);
    }

    announce() {
      if (!this.els || !this.u) return;
      if (this.u.empty) {
        setText(this.els.live, this.t.emptyTitle);
        return;
      }
      const parts = this.info.indices
        .map((c) => {
          const delta = this.deltaOf(c);
          return `${c} ${this.fmt(this.indexValue(c))}${delta !== null ? ` (${this.signed(delta)} ${this.t.delta})` : ""}`;
        })
        .join(", ");
      setText(this.els.live, this.t.summary(parts));
    }

    /** A message in the status line, with the errors among `details` and optional controls. */
    showStatus(message, details = [], ...controls) {
      if (!this.els) return;
      const t = this.t;
      this.statusMessage = controls.length ? null : [message, details];
      const errors = details.filter((d) => d.severity === "error").slice(0, 8);
      put(
        this.els.status,
        h("span", { text: message }),
        controls,
        errors.length
          ? h(
              "ul",
              {},
              errors.map((d) =>
                h("li", {
                  text:
                    `${d.line ? `${t.line} ${d.line}: ` : ""}${d.unit ? `${d.unit} ` : ""}${d.indicator ? `${d.indicator}: ` : ""}${d.message}` +
                    (d.hint ? ` (${d.hint})` : ""),
                }),
              ),
            )
          : null,
      );
    }

    // --- Goal seeking --------------------------------------------------------------------

    goalForm() {
      const t = this.t;
      const n = this.rankable();
      const goal = this.goal || { kind: "value", node: this.info.indices[0], text: "", rankText: "" };
      const kind = n ? goal.kind : "value";
      const show = (which) => {
        for (const field of form.querySelectorAll("[data-kind]")) field.hidden = field.dataset.kind !== which;
      };
      const radio = (value, label) =>
        h(
          "label",
          {},
          h("input", { type: "radio", name: "goal-kind", id: `goal-kind-${value}`, value, checked: kind === value, onchange: () => show(value) }),
          label,
        );
      const form = h(
        "form",
        {
          class: "goal when-scored",
          "aria-labelledby": "goal-title",
          novalidate: true,
          onsubmit: (e) => {
            e.preventDefault();
            this.submitGoal();
          },
        },
        h("h4", { id: "goal-title", text: t.goalTitle }),
        h("p", { class: "help", text: t.goalHelp }),
        n ? h("fieldset", { class: "kind" }, h("legend", { text: t.goalKind }), radio("value", t.goalByValue), radio("rank", t.goalByRank)) : null,
        h(
          "div",
          { class: "goal-row" },
          h(
            "div",
            { class: "field" },
            h("label", { for: "goal-node", text: t.goalNode }),
            h(
              "select",
              { id: "goal-node" },
              this.info.indices.map((code) => h("option", { value: code, selected: code === goal.node, text: `${code} · ${this.name(this.node(code))}` })),
            ),
          ),
          h(
            "div",
            { class: "field", "data-kind": "value", hidden: kind !== "value" },
            h("label", { for: "goal-value", text: t.goalValue }),
            h("input", {
              type: "text",
              id: "goal-value",
              inputmode: "decimal",
              autocomplete: "off",
              spellcheck: "false",
              value: goal.text || "",
              "aria-describedby": "goal-msg",
              "aria-invalid": this.goalError && kind === "value" ? "true" : null,
            }),
          ),
          n
            ? h(
                "div",
                { class: "field", "data-kind": "rank", hidden: kind !== "rank" },
                h("label", { for: "goal-rank", text: t.goalRank(n) }),
                h("input", {
                  type: "text",
                  id: "goal-rank",
                  inputmode: "numeric",
                  autocomplete: "off",
                  value: goal.rankText || "",
                  "aria-describedby": "goal-msg",
                  "aria-invalid": this.goalError && kind === "rank" ? "true" : null,
                }),
              )
            : null,
          h("button", { type: "submit", class: "primary", text: t.goalFind }),
        ),
        h("p", { class: "msg", id: "goal-msg", text: this.goalError || "" }),
        this.els.plan,
      );
      return form;
    }

    /** The number of units to rank among, when a file brought several. */
    rankable() {
      return this.file && this.file.units.length >= 2 ? this.file.units.length : 0;
    }

    /** What the reader has chosen and typed in the goal form but not yet asked for, and where
     * the focus is: a redraw the reader did not cause (a module arriving) must not undo it. */
    goalDraft() {
      const root = this.shadowRoot;
      const node = root.getElementById("goal-node");
      if (!node) return null;
      const field = (id) => root.getElementById(id)?.value ?? null;
      return {
        node: node.value,
        value: field("goal-value"),
        rank: field("goal-rank"),
        byRank: root.getElementById("goal-kind-rank")?.checked ?? false,
        focus: root.activeElement?.id || null,
      };
    }

    restoreGoalDraft(draft) {
      const root = this.shadowRoot;
      const node = root.getElementById("goal-node");
      if (!draft || !node) return;
      if ([...node.options].some((option) => option.value === draft.node)) node.value = draft.node;
      for (const [id, text] of [["goal-value", draft.value], ["goal-rank", draft.rank]]) {
        const field = root.getElementById(id);
        if (field && text !== null) field.value = text;
      }
      const radio = root.getElementById(draft.byRank ? "goal-kind-rank" : "goal-kind-value");
      if (radio && !radio.checked) {
        radio.checked = true;
        radio.dispatchEvent(new Event("change"));
      }
      if (draft.focus) root.getElementById(draft.focus)?.focus();
    }

    /** Reads the goal form; the module reads the value as data cells are read ("75%" too). */
    submitGoal() {
      const root = this.shadowRoot;
      const kind = this.rankable() && root.getElementById("goal-kind-rank").checked ? "rank" : "value";
      const input = root.getElementById(kind === "rank" ? "goal-rank" : "goal-value");
      const msg = root.getElementById("goal-msg");
      const text = input.value.trim();
      const node = root.getElementById("goal-node").value;
      for (const field of root.querySelectorAll("#goal-value, #goal-rank")) field.removeAttribute("aria-invalid");
      const previous = this.goal || {};
      const goal = {
        kind,
        node,
        text: kind === "value" ? text : previous.text || "",
        rankText: kind === "rank" ? text : previous.rankText || "",
      };
      try {
        if (kind === "value" && text === "") throw new Error(this.t.goalBadValue);
        this.calc.setGoal(node, kind, text);
        this.goal = goal;
        this.goalError = null;
        msg.textContent = "";
      } catch (error) {
        // No plan under an error: the old one would answer a goal that is no longer asked.
        this.calc.clearGoal();
        this.goal = null;
        const d = error.details && error.details[0];
        this.goalError = d ? d.message + (d.hint ? ` — ${d.hint}` : "") : error.message;
        msg.textContent = this.goalError;
        input.setAttribute("aria-invalid", "true");
        input.focus();
      }
      this.refresh();
      this.announcePlan();
    }

    announcePlan() {
      const summary = this.shadowRoot.getElementById("plan-summary");
      this.els.planLive.textContent = summary ? summary.textContent : this.goalError || "";
    }

    /** A score or raw value the plan asks for, rounded up so that it still reaches the goal. */
    needed(value) {
      return Math.ceil(value * 1e4 - 1e-7) / 1e4;
    }

    /** The plan to the goal, rebuilt when the plan (or the goal asked) changed. */
    drawPlan() {
      const u = this.u;
      const goal = this.goal;
      const key = !goal || u.empty ? "" : JSON.stringify([goal.kind, goal.rankText, u.plan, u.plan_error && u.plan_error.message]);
      putKeyed(this.els.plan, key, () => this.buildPlan());
    }

    buildPlan() {
      const t = this.t;
      const u = this.u;
      if (!this.goal || u.empty) return [];
      if (!u.plan) return [u.plan_error ? h("p", { class: "msg", text: u.plan_error.message }) : null];
      const plan = u.plan;
      const node = plan.node;
      const target = this.fmt(plan.target_value);
      const summary = !plan.reachable
        ? h("p", { class: "out", id: "plan-summary", tabindex: "-1", "data-reachable": "false" }, t.planOut(node, target, this.fmt(plan.reached)))
        : !plan.steps.length
          ? h("p", { class: "ok", id: "plan-summary", tabindex: "-1", "data-reachable": "true" }, t.planReached(node, this.fmt(plan.start), target))
          : h("p", { id: "plan-summary", tabindex: "-1", "data-reachable": "true" }, t.planSteps(plan.steps.length, node, this.fmt(plan.start), target));
      const value = (raw, score) => (raw !== null ? raw : score);
      const table = plan.steps.length
        ? h(
            "table",
            {},
            h("caption", { class: "sr", text: `${t.planTitle}: ${t.goalTitle}` }),
            h("thead", {}, h("tr", {}, [t.indicator, t.from, t.to, t.gain(node)].map((x) => h("th", { scope: "col", text: x })))),
            h(
              "tbody",
              {},
              plan.steps.map((step, i) =>
                h(
                  "tr",
                  { "data-code": step.indicator },
                  h(
                    "th",
                    { scope: "row", title: this.name(this.node(step.indicator)) },
                    h("span", { class: "step", text: `${i + 1}.` }),
                    h("span", { class: "code", text: step.indicator }),
                    " ",
                    this.name(this.node(step.indicator)),
                  ),
                  h("td", { "data-from": "", text: this.fmt(value(step.raw_from, step.from)) }),
                  h("td", { "data-to": "", text: this.fmt(this.needed(value(step.raw_to, step.to))) }),
                  h("td", { text: `+${this.fmt(step.gain)}` }),
                ),
              ),
            ),
          )
        : null;
      const tryable = plan.reachable && plan.steps.some((step) => step.raw_to !== null);
      return [
        this.goal.kind === "rank" ? h("p", { text: t.planRank(this.goal.rankText, node, target) }) : null,
        summary,
        table,
        tryable ? h("p", {}, h("button", { type: "button", class: "try-plan", onclick: () => this.tryPlan(), text: t.planTry })) : null,
      ];
    }

    /** Puts the plan's values into the fields: a what-if against the loaded values. */
    tryPlan() {
      const plan = this.u && this.u.plan;
      if (!plan) return;
      if (!this.loaded) this.keep();
      for (const step of plan.steps) {
        if (step.raw_to !== null) this.values.set(step.indicator, this.show(this.needed(step.raw_to)));
      }
      this.render();
      this.announcePlan();
      const summary = this.shadowRoot.getElementById("plan-summary");
      if (summary) summary.focus();
    }

    // --- Files, export, clearing, printing -------------------------------------------------

    dragAndDrop(wrap) {
      let depth = 0;
      wrap.addEventListener("dragenter", (e) => {
        e.preventDefault();
        depth++;
        wrap.classList.add("dragging");
      });
      wrap.addEventListener("dragover", (e) => e.preventDefault());
      wrap.addEventListener("dragleave", () => {
        if (--depth <= 0) {
          depth = 0;
          wrap.classList.remove("dragging");
        }
      });
      wrap.addEventListener("drop", (e) => {
        e.preventDefault();
        depth = 0;
        wrap.classList.remove("dragging");
        const file = e.dataTransfer && e.dataTransfer.files[0];
        if (file) this.importFile(file);
      });
    }

    /** Reads a CSV or JSON data file and takes its first unit; refuses spreadsheets and files
     * larger than the page can handle before reading them. */
    async importFile(file) {
      const t = this.t;
      const refuse = (message, details = []) => {
        this.statusMessage = [message, details];
        this.showStatus(message, details);
      };
      if (await isSpreadsheet(file)) return refuse(t.spreadsheet(file.name));
      const limit = this.dti.Calculator.maxFileBytes();
      if (file.size > limit) return refuse(t.tooLarge(file.name, Math.floor(limit / (1 << 20))));
      const text = await file.text();
      this.loadText(text, file.name);
    }

    loadText(text, name) {
      let loaded;
      try {
        loaded = this.calc.loadFile(text, name);
      } catch (error) {
        const message = `${this.t.fileErrors(name)} ${error.details && error.details.length ? "" : error.message}`.trim();
        this.statusMessage = [message, error.details || []];
        this.showStatus(...this.statusMessage);
        return;
      }
      this.file = { name, text, units: loaded.units, position: 0 };
      this.takeUnit(0);
    }

    takeUnit(position) {
      const unit = this.calc.selectUnit(position);
      this.file.position = position;
      this.values = new Map(this.indicators().map((code) => [code, code in unit.values ? this.show(unit.values[code]) : ""]));
      this.unitCode = unit.code;
      this.unitName = unit.name || "";
      this.statusMessage = [this.t.loaded(this.file.name, unit.name || unit.code), []];
      this.render();
      this.keep();
      if (this.file.units.length > 1) {
        const select = h(
          "select",
          { id: "file-unit", onchange: (e) => this.takeUnit(Number(e.target.value)) },
          this.file.units.map((u, i) => h("option", { value: i, selected: i === position, text: `${u.code} · ${u.name || ""}` })),
        );
        this.els.status.append(h("div", { class: "compare" }, h("label", { for: "file-unit", text: this.t.chooseUnit }), select));
      }
    }

    exportData(format) {
      const data = this.data();
      const unit = data.units[0];
      let text;
      let type;
      if (format === "csv") {
        // The core writes it: byte order mark, headers in the language, formulas neutralised.
        text = this.calc.exportCsv(this.formValues(), this.formUnit());
        type = "text/csv;charset=utf-8";
      } else {
        const values = {};
        for (const code of this.indicators()) {
          const v = unit.values[code];
          if (v === undefined) continue;
          values[code] = /^-?\d+([.,]\d+)?$/.test(v) ? Number(v.replace(",", ".")) : v;
        }
        text = `${JSON.stringify({ units: [{ ...unit, values }] }, null, 2)}\n`;
        type = "application/json";
      }
      const base = (unit.name || unit.code).normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/gi, "d").replace(/[^A-Za-z0-9]+/g, "-").toLowerCase();
      const url = URL.createObjectURL(new Blob([text], { type }));
      const link = h("a", { href: url, download: `dti-${base.replace(/^-+|-+$/g, "") || "data"}.${format}` });
      this.shadowRoot.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    }

    /** Clears the form (and a loaded file); the status line offers to undo it. */
    clear() {
      const before = {
        values: new Map(this.values),
        code: this.unitCode,
        name: this.unitName,
        loaded: this.loaded,
        file: this.file,
      };
      this.values = new Map();
      this.unitCode = "";
      this.unitName = "";
      this.file = null;
      this.loaded = null;
      this.calc.closeFile();
      this.calc.keepBaseline(false);
      this.statusMessage = null;
      this.render();
      this.showStatus(this.t.cleared, [], h("button", { type: "button", class: "undo", onclick: () => this.undoClear(before), text: this.t.undo }));
    }

    undoClear(before) {
      if (before.file) {
        this.calc.loadFile(before.file.text, before.file.name);
        this.calc.selectUnit(before.file.position);
        this.file = before.file;
      }
      if (before.loaded) {
        this.values = new Map(before.loaded.texts);
        this.unitCode = before.loaded.code;
        this.unitName = before.loaded.name;
        this.refresh();
        this.keep();
      }
      this.values = before.values;
      this.unitCode = before.code;
      this.unitName = before.name;
      this.loaded = before.loaded;
      this.statusMessage = [this.t.undone, []];
      this.render();
    }

    /** Prints this calculator alone, not the page around it. */
    printCalculator() {
      const root = document.documentElement;
      this.setAttribute("data-printing", "");
      root.classList.add("dti-printing");
      const done = () => {
        this.removeAttribute("data-printing");
        root.classList.remove("dti-printing");
      };
      addEventListener("afterprint", done, { once: true });
      print();
    }

    // --- The share link ------------------------------------------------------------------

    /** What tells this calculator's link from another's on the same page: its id, else its
     * place among the page's calculators. */
    shareKey() {
      return this.id || String([...document.querySelectorAll("dti-calculator")].indexOf(this) + 1);
    }

    fragment() {
      const params = new URLSearchParams();
      params.set("dti", this.shareKey());
      params.set("fw", this.frameworkId);
      params.set("lang", this.lang);
      if (this.unitCode.trim()) params.set("unit", this.unitCode.trim());
      if (this.unitName.trim()) params.set("name", this.unitName.trim());
      for (const code of this.indicators()) {
        const v = (this.values.get(code) || "").trim();
        if (v) params.set(code, v);
      }
      return params.toString();
    }

    /** The language of a share link made by this calculator, when it is not the calculator's. */
    linkedLang() {
      if (this.getAttribute("share") === "off") return null;
      const params = new URLSearchParams(location.hash.slice(1));
      const lang = params.get("lang");
      const fw = params.get("fw");
      const ours = params.get("dti") === this.shareKey() && (!fw || fw === this.frameworkId);
      return ours && lang !== this.lang && TEXT[lang] ? lang : null;
    }

    /** Takes the values from the page's address when its link was made by this calculator. */
    readFragment() {
      if (this.getAttribute("share") === "off") return false;
      const params = new URLSearchParams(location.hash.slice(1));
      if (params.get("dti") !== this.shareKey()) return false;
      const fw = params.get("fw");
      if (fw && fw !== this.frameworkId) return false;
      const codes = new Set(this.indicators());
      let found = false;
      for (const [key, value] of params) {
        if (codes.has(key)) {
          this.values.set(key, value);
          found = true;
        }
      }
      if (params.has("unit")) this.unitCode = params.get("unit");
      if (params.has("name")) this.unitName = params.get("name");
      const lang = params.get("lang");
      if (lang && lang !== this.lang && TEXT[lang]) {
        this.setAttribute("lang", lang);
        this.calc.setLang(lang);
      }
      return found;
    }

    /** Shows and copies a link to the page with this calculator's values after the `#`; the
     * page's own address is left as it is. */
    async shareLink() {
      const url = new URL(location.href);
      url.hash = this.fragment();
      this.els.shareBox.hidden = false;
      const box = this.shadowRoot.getElementById("share-url");
      box.value = url.href;
      try {
        await navigator.clipboard.writeText(url.href);
        this.showStatus(this.t.copied);
      } catch {
        box.focus();
        box.select();
      }
    }
  }

  if (!customElements.get("dti-calculator")) {
    customElements.define("dti-calculator", DtiCalculator);
  }
})();
