// <dti-calculator framework="dti-province-2022" lang="vi" compare="2023">
//
// A custom element that scores a province's indicator values live with the dti-core
// WebAssembly module. No framework dependency; styles live in its shadow root. The module is
// handed over with `dtiCalculatorProvide(promiseOfBinding)` by dti-calculator.js (ES module
// build) or by the single-file page, so this file is a plain script either way.
(() => {
  "use strict";

  let provide;
  const ready = new Promise((resolve) => (provide = resolve));
  globalThis.dtiCalculatorProvide = (binding) => provide(binding);

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
      index: "Chỉ số",
      compare: "So sánh với",
      noCompare: "Không so sánh",
      barsTitle: "DTI và ba trụ cột",
      radarTitle: "Các chỉ số chính",
      lostTitle: "Điểm bị mất theo chỉ số",
      movesTitle: "Ba thay đổi mang lại nhiều điểm nhất",
      movesHelp: (step) =>
        `Cùng một mức nỗ lực: nâng điểm mỗi chỉ số thêm ${step} thang điểm.`,
      move: (name, from, to, index, gain, points) =>
        `Nâng ${name} từ ${from} lên ${to}: ${index} tăng ${gain}` +
        (points ? ` (${points} điểm)` : ""),
      noMoves: "Mọi chỉ số đã đạt tối đa.",
      indicator: "Chỉ số",
      value: "Giá trị",
      score: "Điểm",
      lost: "Điểm mất",
      total: "Tổng",
      skipped: (n) => `${n} ô chưa hợp lệ tạm chưa được tính.`,
      open: "Mở tệp CSV/JSON",
      exportCsv: "Xuất CSV",
      exportJson: "Xuất JSON",
      share: "Sao chép liên kết",
      print: "In",
      clear: "Xoá dữ liệu",
      copied: "Đã sao chép liên kết chia sẻ.",
      shareLabel: "Liên kết chia sẻ (số liệu nằm sau dấu #, không gửi đi đâu)",
      drop: "Thả tệp CSV hoặc JSON vào đây",
      loaded: (file, unit) => `Đã nạp ${file}: ${unit}.`,
      fileErrors: (file) => `Tệp ${file} có lỗi, chưa nạp:`,
      chooseUnit: "Đơn vị trong tệp",
      line: "dòng",
      summary: (parts) => `Kết quả: ${parts}.`,
      ref: (name, value) => `${name}: ${value}`,
      above: "cao hơn",
      below: "thấp hơn",
      // What-if against the loaded values.
      changed: (n) => `Đang thử: ${n} chỉ số khác số liệu đã nạp.`,
      reset: "Khôi phục số liệu đã nạp",
      resetDone: "Đã khôi phục số liệu đã nạp.",
      delta: "so với số liệu đã nạp",
      was: (v) => `Số liệu đã nạp: ${v}`,
      rankIn: (code, rank, n) => `Hạng ${code}: ${rank}/${n}`,
      rankMove: (code, from, to, n) => `Hạng ${code}: ${from} → ${to} (trên ${n})`,
      // Goal seeking.
      goalTitle: "Đặt mục tiêu: cần nâng chỉ số nào?",
      goalHelp:
        "Máy tính tìm cách nâng ít chỉ số nhất để đạt mục tiêu, ưu tiên chỉ số mang nhiều điểm (cùng một mức nỗ lực cho mỗi chỉ số).",
      goalKind: "Loại mục tiêu",
      goalByValue: "Giá trị",
      goalByRank: "Thứ hạng trong tệp",
      goalNode: "Chỉ số",
      goalValue: "Giá trị cần đạt",
      goalRank: (n) => `Thứ hạng cần đạt (1–${n})`,
      goalFind: "Tìm lộ trình",
      goalBadValue: "Nhập một số, ví dụ 0,75.",
      goalBadRank: (n) => `Nhập một số nguyên từ 1 đến ${n}.`,
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
    en: {
      title: "Digital Transformation Index calculator",
      loading: "Loading the calculator…",
      loadFailed: "The calculator could not be loaded: ",
      unit: "Unit",
      unitName: "Province or city",
      unitCode: "Province code",
      inputsTitle: "Indicator values",
      inputsHelp:
        "Enter each main indicator's value (0–1, e.g. 0.9581). Blank fields score zero. Results update as you type.",
      points: (n) => `${n} points`,
      notScored: "not scored",
      results: "Results",
      index: "Index",
      compare: "Compare with",
      noCompare: "No comparison",
      barsTitle: "DTI and the three pillars",
      radarTitle: "Main indicators",
      lostTitle: "Points lost per indicator",
      movesTitle: "The three changes that would gain the most",
      movesHelp: (step) => `Same effort for each: raise the indicator's score by ${step} of its scale.`,
      move: (name, from, to, index, gain, points) =>
        `Raise ${name} from ${from} to ${to}: ${index} gains ${gain}` +
        (points ? ` (${points} points)` : ""),
      noMoves: "Every indicator is at its maximum.",
      indicator: "Indicator",
      value: "Value",
      score: "Points",
      lost: "Lost",
      total: "Total",
      skipped: (n) => `${n} invalid field(s) are left out for now.`,
      open: "Open CSV/JSON file",
      exportCsv: "Export CSV",
      exportJson: "Export JSON",
      share: "Copy share link",
      print: "Print",
      clear: "Clear",
      copied: "Share link copied.",
      shareLabel: "Share link (the values are after the #; nothing is sent anywhere)",
      drop: "Drop a CSV or JSON file here",
      loaded: (file, unit) => `Loaded ${file}: ${unit}.`,
      fileErrors: (file) => `${file} has errors and was not loaded:`,
      chooseUnit: "Unit in the file",
      line: "line",
      summary: (parts) => `Results: ${parts}.`,
      ref: (name, value) => `${name}: ${value}`,
      above: "above",
      below: "below",
      changed: (n) => `Trying out: ${n} indicator(s) differ from the loaded values.`,
      reset: "Reset to loaded values",
      resetDone: "The loaded values are back.",
      delta: "vs the loaded values",
      was: (v) => `Loaded value: ${v}`,
      rankIn: (code, rank, n) => `${code} rank: ${rank} of ${n}`,
      rankMove: (code, from, to, n) => `${code} rank: ${from} → ${to} (of ${n})`,
      goalTitle: "Set a goal: which indicators to raise?",
      goalHelp:
        "The calculator finds the fewest indicators to raise to reach the goal, the ones carrying the most points first (the same effort for each indicator).",
      goalKind: "Kind of goal",
      goalByValue: "A value",
      goalByRank: "A rank in the file",
      goalNode: "Index",
      goalValue: "Value to reach",
      goalRank: (n) => `Rank to reach (1–${n})`,
      goalFind: "Find the plan",
      goalBadValue: "Enter a number, e.g. 0.75.",
      goalBadRank: (n) => `Enter a whole number from 1 to ${n}.`,
      planReached: (node, value, target) => `Goal reached: ${node} ${value} ≥ ${target}.`,
      planSteps: (n, node, start, target) =>
        `Raise ${n} indicator(s), in the order below, to take ${node} from ${start} to ${target}.`,
      planOut: (node, target, best) =>
        `Out of reach: ${node} cannot reach ${target}. The best it can reach is ${best}, by raising the indicators below.`,
      planRank: (rank, node, value) => `Rank ${rank} needs ${node} of at least ${value}.`,
      from: "Now",
      to: "Needed",
      gain: (node) => `${node} gain`,
      planTry: "Try this plan",
      planTitle: "Plan",
    },
  };

  const SVG = "http://www.w3.org/2000/svg";

  /** Creates an element: h("p", { class: "x" }, "text", child). */
  function h(tag, attrs, ...children) {
    const svg = tag.startsWith("svg:");
    const node = svg
      ? document.createElementNS(SVG, tag.slice(4))
      : document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else if (key === "text") node.textContent = value;
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  const STYLE = `
:host { display: block; --ink: #1b1f24; --muted: #4a5360; --line: #c9d1db; --paper: #fff;
  --soft: #f3f6f9; --accent: #0b4f8a; --accent-ink: #fff; --accent-soft: #e3eef8;
  --error: #a4161a; --warn: #7a4b00; --ref: #a34700; --good: #1d6b3a;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  color: var(--ink); }
* { box-sizing: border-box; }
.calc { border: 1px solid var(--line); border-radius: 12px; background: var(--paper);
  overflow: hidden; }
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
.results { padding: 16px 20px 20px; }
h3 { font-size: 1.05rem; margin: 0 0 8px; }
h4 { font-size: .95rem; margin: 20px 0 8px; }
.help { color: var(--muted); font-size: .875rem; margin: 0 0 12px; }
fieldset { border: 1px solid var(--line); border-radius: 10px; margin: 0 0 14px; padding: 8px 12px 4px; }
legend { font-weight: 600; padding: 0 6px; font-size: .95rem; }
.unit { display: grid; grid-template-columns: 2fr 1fr; gap: 8px 12px; }
.field { margin: 0 0 10px; }
.field label { display: block; font-weight: 500; font-size: .925rem; }
.code { display: inline-block; min-width: 2.2em; font-variant-numeric: tabular-nums;
  color: var(--accent); font-weight: 700; }
.meta { display: block; color: var(--muted); font-size: .8rem; }
input[type=text], select { font: inherit; width: 100%; padding: 8px 10px; min-height: 40px;
  border: 1px solid #7b8794; border-radius: 8px; background: #fff; color: var(--ink); }
input[aria-invalid=true] { border-color: var(--error); border-width: 2px; background: #fff6f6; }
.msg { margin: 4px 0 0; font-size: .825rem; color: var(--error); }
.msg.warning { color: var(--warn); }
.msg:empty { display: none; }
.scores { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 8px; margin: 0 0 8px; }
.score { background: var(--soft); border-radius: 10px; padding: 8px 10px; }
.score.main { grid-column: 1 / -1; background: var(--accent-soft); display: flex;
  align-items: baseline; gap: 12px; flex-wrap: wrap; }
.score .label { font-size: .8rem; color: var(--muted); display: block; }
.score .num { font-size: 1.35rem; font-weight: 700; font-variant-numeric: tabular-nums; }
.score.main .num { font-size: 2.25rem; color: var(--accent); line-height: 1.1; }
.score.main .label { font-size: .95rem; color: var(--ink); font-weight: 600; }
.score .ref { display: block; font-size: .75rem; color: var(--ref); }
.dash { display: inline-block; width: 14px; height: 0; border-top: 2.5px dashed var(--ref);
  vertical-align: middle; margin-right: 5px; }
.notice { font-size: .85rem; color: var(--warn); margin: 4px 0; }
.notice:empty { display: none; }
.charts { display: grid; grid-template-columns: minmax(0, 1.2fr) minmax(0, 1fr); gap: 8px;
  align-items: center; }
svg { width: 100%; height: auto; display: block; }
svg text { font: 12px system-ui, sans-serif; fill: var(--ink); }
.compare { display: flex; align-items: center; gap: 8px; font-size: .875rem; margin: 8px 0; }
.compare select { width: auto; min-height: 36px; padding: 4px 8px; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; }
th, td { text-align: right; padding: 4px 6px; border-bottom: 1px solid var(--line);
  font-variant-numeric: tabular-nums; }
th:first-child, td:first-child { text-align: left; }
thead th { color: var(--muted); font-weight: 600; }
tbody th { font-weight: 400; }
tfoot td { font-weight: 700; border-bottom: 0; }
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
.goal-row .field { margin: 0; }
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
.share { padding: 0 20px 12px; background: var(--soft); }
.share[hidden] { display: none; }
.share label { font-size: .8rem; color: var(--muted); display: block; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap; }
.drop { position: absolute; inset: 0; display: none; align-items: center; justify-content: center;
  background: rgba(11, 79, 138, .92); color: #fff; font-size: 1.25rem; font-weight: 600;
  border-radius: 12px; z-index: 2; }
.wrap { position: relative; }
.wrap.dragging .drop { display: flex; }
@media (max-width: 760px) {
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
  .sticky { margin: 0 -12px -20px; padding: 8px 12px; }
  button { flex: 1 1 auto; }
}
@media print {
  :focus-visible { outline: none !important; box-shadow: none !important; }
  .toolbar, .share, .drop, .sticky, .compare, .whatif button, .goal button,
  .goal .help { display: none !important; }
  .goal { background: none; padding: 0; border: 0; break-inside: avoid; }
  .calc { border: 0; }
  .head { background: none; color: #000; padding-left: 0; }
  .grid { grid-template-columns: 1fr 1fr; }
  .inputs, .results { padding-left: 0; }
  input[type=text] { border: 0; border-bottom: 1px solid #999; border-radius: 0; padding: 0 4px; min-height: 0; }
  fieldset { break-inside: avoid; }
  .score.main { background: none; border: 1px solid #000; }
  .score.main .num { color: #000; }
}`;

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
      this.info = null;
      this.results = null;
      this.explanation = null;
      this.announceTimer = 0;
      this.fileMessage = null;
      // The what-if compares with the values last loaded (file, example, share link): their
      // texts and raw values, and, for a file with several units, every unit's raw values.
      this.loaded = null;
      this.context = null;
      this.whatif = null;
      this.changed = {};
      // The goal: { kind: "value" | "rank", node, value, rank, text, rankText }.
      this.goal = null;
      this.plan = null;
      this.planError = null;
    }

    get lang() {
      return (this.getAttribute("lang") || document.documentElement.lang || "vi")
        .toLowerCase()
        .startsWith("en")
        ? "en"
        : "vi";
    }

    get t() {
      return TEXT[this.lang];
    }

    get frameworkId() {
      return this.getAttribute("framework") || "dti-province-2022";
    }

    async connectedCallback() {
      if (this.started) return;
      this.started = true;
      this.shadowRoot.replaceChildren(
        h("style", { text: STYLE }),
        h("p", { class: "help", role: "status", text: this.t.loading }),
      );
      try {
        this.dti = await ready;
        this.load(true);
      } catch (error) {
        this.shadowRoot.replaceChildren(
          h("style", { text: STYLE }),
          h("p", { class: "msg", role: "alert", text: this.t.loadFailed + error.message }),
        );
      }
    }

    attributeChangedCallback(name, before, after) {
      if (!this.dti || before === after) return;
      if (name === "framework") this.load(false);
      else if (name === "compare") this.update();
      else this.render();
    }

    /** Loads the framework; takes the values from the URL fragment on first load. */
    load(first) {
      try {
        this.info = this.dti.loadFramework(this.frameworkId, this.lang);
      } catch (error) {
        this.shadowRoot.replaceChildren(
          h("style", { text: STYLE }),
          h("p", { class: "msg", role: "alert", text: error.message }),
        );
        return;
      }
      this.loaded = null;
      this.context = null;
      this.goal = null;
      const restored = first && this.readFragment();
      this.render();
      if (restored) this.remember();
    }

    /** The indicators with a value field, in group order. */
    indicators() {
      return this.info.groups.flatMap((g) => g.indicators);
    }

    node(code) {
      return this.info.nodes.find((n) => n.code === code);
    }

    name(node) {
      return node.names[this.lang] || node.names.vi || node.code;
    }

    fmt(value, decimals = 4) {
      if (value === null || value === undefined || !Number.isFinite(value)) return "–";
      return this.dti.formatDecimal(value, decimals, this.lang);
    }

    /** Public: the current data in the core's JSON layout. */
    data(skip = new Set()) {
      const values = {};
      for (const [code, text] of this.values) {
        if (text.trim() !== "" && !skip.has(code)) values[code] = text.trim();
      }
      const unit = { code: this.unitCode.trim() || "00", values };
      if (this.unitName.trim()) unit.name = this.unitName.trim();
      return { units: [unit] };
    }

    /** Public: sets values ({I1: 0.95, …}) and recomputes; what-ifs compare with them.
     * `context` ({units, position}) holds every unit of a file with several. */
    setValues(values, unit = {}, context = null) {
      this.values = new Map(
        Object.entries(values).map(([k, v]) => [k, v === null ? "" : this.show(v)]),
      );
      if (unit.code !== undefined) this.unitCode = String(unit.code);
      if (unit.name !== undefined) this.unitName = String(unit.name);
      this.loaded = null;
      this.context = context;
      this.render();
      this.remember();
    }

    /** Takes the current values as the loaded ones (none when every field is blank). */
    remember() {
      const filled = [...this.values.values()].some((v) => v.trim() !== "");
      this.loaded =
        filled && this.results
          ? {
              texts: new Map(this.values),
              code: this.unitCode,
              name: this.unitName,
              raws: this.raws(this.results.units[0]),
            }
          : null;
      this.update();
    }

    /** Public: back to the loaded values. */
    resetValues() {
      const loaded = this.loaded;
      if (!loaded) return;
      const first = this.indicators().find((code) => code in this.changed);
      this.values = new Map(loaded.texts);
      this.unitCode = loaded.code;
      this.unitName = loaded.name;
      this.render();
      this.showStatus(this.t.resetDone, []);
      const field = first && this.shadowRoot.getElementById(`v-${first}`);
      if (field) field.focus();
    }

    /** `{code: raw}` of a unit's indicators that have a value. */
    raws(unit) {
      const out = {};
      for (const node of (unit && unit.nodes) || []) {
        const info = this.node(node.code);
        if (info && info.indicator && node.raw !== null) out[node.code] = node.raw;
      }
      return out;
    }

    /** The indicators whose value differs from the loaded one: `{code: new raw or null}`. */
    changes() {
      const now = this.raws(this.results.units[0]);
      const was = this.loaded.raws;
      const out = {};
      for (const code of this.indicators()) {
        const before = was[code] ?? null;
        const after = now[code] ?? null;
        if (before !== after) out[code] = after;
      }
      return out;
    }

    /** The data to analyse: the file's units (or the one unit) with `values` for this unit. */
    analysisData(values) {
      if (this.context) {
        const units = this.context.units.map((u, i) =>
          i === this.context.position ? { ...u, values } : u,
        );
        return { data: { units }, unit: this.context.units[this.context.position].code };
      }
      const code = (this.loaded ? this.loaded.code : this.unitCode).trim() || "00";
      return { data: { units: [{ code, values }] }, unit: code };
    }

    /** The what-if: the current values against the loaded ones (and the file's other units). */
    computeWhatIf() {
      this.whatif = null;
      this.changed = {};
      if (!this.loaded) return;
      this.changed = this.changes();
      if (!Object.keys(this.changed).length && !this.context) return;
      const { data, unit } = this.analysisData(this.loaded.raws);
      try {
        this.whatif = this.dti.whatIf(this.frameworkId, data, unit, this.changed, this.lang);
      } catch {
        this.whatif = null;
      }
    }

    /** The plan to the goal, from the current values. */
    computePlan() {
      this.plan = null;
      this.planError = null;
      const goal = this.goal;
      if (!goal || !this.results) return;
      if (goal.kind === "rank" && !this.rankable()) return;
      const { data, unit } = this.analysisData(this.raws(this.results.units[0]));
      const target = goal.kind === "rank" ? { node: goal.node, rank: goal.rank } : { node: goal.node, value: goal.value };
      try {
        this.plan = this.dti.seekGoal(this.frameworkId, data, unit, target, null, this.lang);
      } catch (error) {
        this.planError = error.message;
      }
    }

    /** The number of units to rank among, when a file brought several. */
    rankable() {
      return this.context && this.context.units.length >= 2 ? this.context.units.length : 0;
    }

    /** A number as people in this language write it. */
    show(value) {
      if (typeof value !== "number") return String(value);
      const text = String(Math.round(value * 1e10) / 1e10);
      return this.lang === "vi" ? text.replace(".", ",") : text;
    }

    render() {
      const t = this.t;
      const info = this.info;
      if (!info) return;
      const fieldsets = info.groups.map((group) =>
        h(
          "fieldset",
          {},
          h("legend", { text: group.names[this.lang] || group.code }),
          group.indicators.map((code) => this.field(this.node(code))),
        ),
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
        onchange: (e) => e.target.files[0] && this.importFile(e.target.files[0]),
      });
      const compareId = "compare";
      const compare = h(
        "div",
        { class: "compare" },
        h("label", { for: compareId, text: t.compare }),
        h(
          "select",
          { id: compareId, onchange: (e) => this.setAttribute("compare", e.target.value) },
          h("option", { value: "", text: t.noCompare }),
          info.references.map((ref, i) =>
            h("option", {
              value: ref.year ?? `#${i}`,
              text: ref.names[this.lang],
              selected: this.reference() === ref,
            }),
          ),
        ),
      );
      this.els = {};
      const els = this.els;
      els.fileInput = fileInput;
      els.scores = h("div", { class: "scores" });
      // On phones the results sit below the form: a bar at the bottom of the screen keeps the
      // numbers in sight while typing (the live region announces them to screen readers).
      els.sticky = h("div", { class: "sticky", "aria-hidden": "true" });
      els.notice = h("p", { class: "notice" });
      els.charts = h("div", { class: "charts" });
      els.lost = h("div");
      els.moves = h("div");
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
      );
      const wrap = h(
        "div",
        { class: "wrap" },
        h(
          "section",
          { class: "calc", "aria-labelledby": "calc-title" },
          h(
            "div",
            { class: "head" },
            h("h2", { id: "calc-title", text: t.title }),
            h("p", { text: info.names[this.lang] }),
          ),
          h(
            "div",
            { class: "toolbar", role: "toolbar", "aria-label": t.title },
            h("button", { type: "button", onclick: () => fileInput.click(), text: t.open }),
            fileInput,
            h("button", { type: "button", onclick: () => this.exportData("csv"), text: t.exportCsv }),
            h("button", { type: "button", onclick: () => this.exportData("json"), text: t.exportJson }),
            h("button", { type: "button", onclick: () => this.shareLink(), text: t.share }),
            h("button", { type: "button", onclick: () => window.print(), text: t.print }),
            h("button", { type: "button", onclick: () => this.setValues({}, { code: "", name: "" }), text: t.clear }),
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
            h(
              "section",
              { class: "results", "aria-labelledby": "results-title" },
              h("h3", { id: "results-title", text: t.results }),
              els.whatif,
              els.scores,
              els.notice,
              info.references.length ? compare : null,
              els.charts,
              this.goalForm(),
              els.moves,
              els.lost,
              els.live,
              els.planLive,
            ),
          ),
        ),
        h("div", { class: "drop", "aria-hidden": "true", text: t.drop }),
      );
      this.dragAndDrop(wrap);
      const focused = this.shadowRoot.activeElement && this.shadowRoot.activeElement.id;
      this.shadowRoot.replaceChildren(h("style", { text: STYLE }), wrap);
      if (focused && this.shadowRoot.getElementById(focused)) this.shadowRoot.getElementById(focused).focus();
      if (this.fileMessage) this.showStatus(...this.fileMessage);
      this.update();
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
            this.update();
          },
        }),
      );
    }

    field(node) {
      const t = this.t;
      const id = `v-${node.code}`;
      const low = node.range.low;
      const high = node.range.high;
      const range =
        low !== null && high !== null
          ? `${this.fmt(low, 0)}–${this.fmt(high, 0)}${node.symbol}`
          : low !== null
            ? `≥ ${this.fmt(low, 0)}`
            : "";
      const unitLabel = node.unit === "score" || node.unit === "share" ? "" : node.unit_label[this.lang];
      const weight = node.scored
        ? node.points !== null
          ? t.points(this.fmt(node.points, 0))
          : ""
        : t.notScored;
      const meta = [range, unitLabel, weight].filter(Boolean).join(" · ");
      const description = node.description ? node.description[this.lang] : "";
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
        h("input", {
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
            this.update();
          },
        }),
        h("p", { class: "msg", id: `${id}-msg` }),
        h("p", { class: "was", id: `${id}-was` }),
      );
    }

    /** The selected reference (national average), if any. */
    reference() {
      const wanted = this.getAttribute("compare");
      if (!wanted || !this.info) return null;
      return (
        this.info.references.find((r, i) => String(r.year ?? `#${i}`) === wanted) || null
      );
    }

    /** Validates, scores and explains the current values, then redraws the results. */
    update() {
      if (!this.els) return;
      const lang = this.lang;
      const fw = this.frameworkId;
      let validation;
      try {
        validation = this.dti.validate(fw, this.data(), lang);
      } catch (error) {
        this.showStatus(error.message, error.details || []);
        return;
      }
      const invalid = new Set();
      const messages = new Map();
      for (const d of validation.details) {
        if (!d.indicator) continue;
        if (d.severity === "error") invalid.add(d.indicator);
        const quiet = ["missing_value", "decimal_comma"].includes(d.kind);
        if (!quiet && !messages.has(d.indicator)) messages.set(d.indicator, d);
      }
      for (const code of this.indicators()) {
        const input = this.shadowRoot.getElementById(`v-${code}`);
        const msg = this.shadowRoot.getElementById(`v-${code}-msg`);
        if (!input || !msg) continue;
        const d = messages.get(code);
        msg.textContent = d ? d.message + (d.hint ? ` — ${d.hint}` : "") : "";
        msg.className = d && d.severity !== "error" ? "msg warning" : "msg";
        if (invalid.has(code)) input.setAttribute("aria-invalid", "true");
        else input.removeAttribute("aria-invalid");
      }
      const data = this.data(invalid);
      try {
        this.results = this.dti.score(fw, data, lang);
        this.explanation = this.dti.explain(fw, data, data.units[0].code, lang);
      } catch (error) {
        this.showStatus(error.message, error.details || []);
        return;
      }
      this.els.notice.textContent = invalid.size ? this.t.skipped(invalid.size) : "";
      this.computeWhatIf();
      this.computePlan();
      this.markChanged();
      this.drawWhatIf();
      this.drawPlan();
      this.drawScores();
      this.drawCharts();
      this.drawExplanation();
      this.writeFragment();
      clearTimeout(this.announceTimer);
      this.announceTimer = setTimeout(() => this.announce(), 700);
      this.dispatchEvent(new CustomEvent("dti-change", { detail: this.results, bubbles: true }));
    }

    /** The value of an index for the single unit. */
    indexValue(code) {
      const unit = this.results && this.results.units[0];
      const node = unit && unit.nodes.find((n) => n.code === code);
      return node ? node.value : null;
    }

    drawScores() {
      const ref = this.reference();
      const [root, ...pillars] = this.info.indices;
      const card = (code, main) => {
        const node = this.node(code);
        const value = this.indexValue(code);
        const refValue = ref && ref.values[code];
        return h(
          "div",
          { class: main ? "score main" : "score", "data-index": code },
          h("span", { class: "label", text: main ? `${code} · ${this.name(node)}` : code, title: this.name(node) }),
          h("span", { class: "num", "data-value": code, text: this.fmt(value) }),
          this.deltaOf(code) !== null
            ? h(
                "span",
                { class: `delta ${this.deltaClass(code)}`, "data-delta": code, title: this.t.delta },
                `Δ ${this.signed(this.deltaOf(code))}`,
                h("span", { class: "sr", text: ` ${this.t.delta}` }),
              )
            : null,
          typeof refValue === "number"
            ? h(
                "span",
                { class: "ref", title: ref.names[this.lang] },
                h("i", { class: "dash", "aria-hidden": "true" }),
                main
                  ? `${this.t.ref(ref.names[this.lang], this.fmt(refValue))} (${value >= refValue ? "+" : "−"}${this.fmt(Math.abs(value - refValue))})`
                  : this.fmt(refValue),
              )
            : null,
        );
      };
      this.els.scores.replaceChildren(card(root, true), ...pillars.map((code) => card(code, false)));
      this.els.sticky.replaceChildren(
        ...this.info.indices.map((code, i) =>
          h(
            "span",
            { class: i ? "" : "main" },
            `${code} `,
            h("b", { text: this.fmt(this.indexValue(code)) }),
            !i && this.deltaOf(code) !== null ? ` (${this.signed(this.deltaOf(code))})` : "",
          ),
        ),
      );
    }

    /** The change of a node against the loaded values, while a what-if is on. */
    deltaOf(code) {
      if (!this.whatif || !Object.keys(this.changed).length) return null;
      const node = this.whatif.nodes.find((n) => n.code === code);
      const now = this.indexValue(code);
      if (!node || node.before === null || now === null) return null;
      // Between the published (rounded) figures, so that it is what a reader can check.
      const published = (v) => Number(this.dti.formatDecimal(v, this.info.precision, "en"));
      return published(now) - published(node.before);
    }

    /** `+0,0323`, `−0,0100` or `±0,0000` at the published precision. */
    signed(delta, decimals = 4) {
      const text = this.fmt(Math.abs(delta), decimals);
      if (text === this.fmt(0, decimals)) return `±${text}`;
      return `${delta > 0 ? "+" : "−"}${text}`;
    }

    deltaClass(code) {
      const text = this.signed(this.deltaOf(code));
      return text.startsWith("+") ? "up" : text.startsWith("−") ? "down" : "same";
    }

    /** Marks the fields whose value differs from the loaded one and says what it was. */
    markChanged() {
      for (const code of this.indicators()) {
        const input = this.shadowRoot.getElementById(`v-${code}`);
        const was = this.shadowRoot.getElementById(`v-${code}-was`);
        if (!input || !was) continue;
        const changed = this.loaded && code in this.changed;
        input.classList.toggle("changed", Boolean(changed));
        const before = changed ? this.loaded.raws[code] : undefined;
        was.textContent = changed ? this.t.was(before === undefined ? "–" : this.show(before)) : "";
      }
    }

    /** The what-if bar: how many values differ, the rank move in a file, and the reset. */
    drawWhatIf() {
      const t = this.t;
      const count = Object.keys(this.changed).length;
      const root = this.info.indices[0];
      const parts = [];
      if (count) parts.push(h("span", { text: t.changed(count) }));
      const node = this.whatif && this.context && this.whatif.nodes.find((n) => n.code === root);
      if (node && node.rank_after !== null) {
        const n = this.context.units.length;
        const text =
          count && node.rank_before !== node.rank_after
            ? t.rankMove(root, node.rank_before, node.rank_after, n)
            : t.rankIn(root, node.rank_after, n);
        parts.push(h("span", { class: "rank", "data-rank": root, text }));
      }
      if (count) {
        parts.push(h("button", { type: "button", class: "reset", onclick: () => this.resetValues(), text: t.reset }));
      }
      this.els.whatif.replaceChildren(...parts);
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
          h("input", {
            type: "radio",
            name: "goal-kind",
            id: `goal-kind-${value}`,
            value,
            checked: kind === value,
            onchange: () => show(value),
          }),
          label,
        );
      const form = h(
        "form",
        {
          class: "goal",
          "aria-labelledby": "goal-title",
          novalidate: true,
          onsubmit: (e) => {
            e.preventDefault();
            this.submitGoal();
          },
        },
        h("h4", { id: "goal-title", text: t.goalTitle }),
        h("p", { class: "help", text: t.goalHelp }),
        n
          ? h("fieldset", { class: "kind" }, h("legend", { text: t.goalKind }), radio("value", t.goalByValue), radio("rank", t.goalByRank))
          : null,
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
              this.info.indices.map((code) =>
                h("option", { value: code, selected: code === goal.node, text: `${code} · ${this.name(this.node(code))}` }),
              ),
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
                }),
              )
            : null,
          h("button", { type: "submit", class: "primary", text: t.goalFind }),
        ),
        h("p", { class: "msg", id: "goal-msg" }),
        this.els.plan,
      );
      return form;
    }

    /** Reads the goal form, finds the plan and announces it. */
    submitGoal() {
      const t = this.t;
      const root = this.shadowRoot;
      const n = this.rankable();
      const kind = n && root.getElementById("goal-kind-rank").checked ? "rank" : "value";
      const input = root.getElementById(kind === "rank" ? "goal-rank" : "goal-value");
      const msg = root.getElementById("goal-msg");
      const text = input.value.trim();
      const number = Number(text.replace(/\s/g, "").replace(",", "."));
      const bad =
        kind === "rank"
          ? !/^\d+$/.test(text) || number < 1 || number > n
          : text === "" || !Number.isFinite(number);
      for (const field of root.querySelectorAll("#goal-value, #goal-rank")) field.removeAttribute("aria-invalid");
      if (bad) {
        msg.textContent = kind === "rank" ? t.goalBadRank(n) : t.goalBadValue;
        input.setAttribute("aria-invalid", "true");
        input.focus();
        return;
      }
      msg.textContent = "";
      const previous = this.goal || {};
      this.goal = {
        kind,
        node: root.getElementById("goal-node").value,
        value: kind === "value" ? number : previous.value,
        rank: kind === "rank" ? number : previous.rank,
        text: kind === "value" ? text : previous.text,
        rankText: kind === "rank" ? text : previous.rankText,
      };
      this.computePlan();
      this.drawPlan();
      this.announcePlan();
    }

    announcePlan() {
      const summary = this.shadowRoot.getElementById("plan-summary");
      this.els.planLive.textContent = summary ? summary.textContent : this.planError || "";
    }

    /** A score or raw value the plan asks for, rounded up so that it still reaches the goal. */
    needed(value) {
      return Math.ceil(value * 1e4 - 1e-7) / 1e4;
    }

    drawPlan() {
      const t = this.t;
      const plan = this.plan;
      if (!this.goal || (!plan && !this.planError)) {
        this.els.plan.replaceChildren();
        return;
      }
      if (!plan) {
        this.els.plan.replaceChildren(h("p", { class: "msg", text: this.planError }));
        return;
      }
      const node = plan.node;
      const target = this.fmt(plan.target_value);
      const summary = !plan.reachable
        ? h("p", { class: "out", id: "plan-summary", tabindex: "-1", "data-reachable": "false" }, t.planOut(node, target, this.fmt(plan.reached)))
        : !plan.steps.length
          ? h("p", { class: "ok", id: "plan-summary", tabindex: "-1", "data-reachable": "true" }, t.planReached(node, this.fmt(plan.start), target))
          : h(
              "p",
              { id: "plan-summary", tabindex: "-1", "data-reachable": "true" },
              t.planSteps(plan.steps.length, node, this.fmt(plan.start), target),
            );
      const value = (raw, score) => (raw !== null ? raw : score);
      const table = plan.steps.length
        ? h(
            "table",
            {},
            h("caption", { class: "sr", text: `${t.planTitle}: ${t.goalTitle}` }),
            h(
              "thead",
              {},
              h("tr", {}, [t.indicator, t.from, t.to, t.gain(node)].map((x) => h("th", { scope: "col", text: x }))),
            ),
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
      const rank = this.goal.kind === "rank" ? h("p", { text: t.planRank(this.goal.rank, node, target) }) : null;
      const button = tryable
        ? h("p", {}, h("button", { type: "button", class: "try-plan", onclick: () => this.tryPlan(), text: t.planTry }))
        : null;
      this.els.plan.replaceChildren(...[rank, summary, table, button].filter(Boolean));
    }

    /** Puts the plan's values into the fields: a what-if against the loaded values. */
    tryPlan() {
      if (!this.plan) return;
      if (!this.loaded && this.results) {
        // Nothing was loaded: compare with the values as they are now.
        this.loaded = { texts: new Map(this.values), code: this.unitCode, name: this.unitName, raws: this.raws(this.results.units[0]) };
      }
      for (const step of this.plan.steps) {
        if (step.raw_to !== null) this.values.set(step.indicator, this.show(this.needed(step.raw_to)));
      }
      this.render();
      this.announcePlan();
      const summary = this.shadowRoot.getElementById("plan-summary");
      if (summary) summary.focus();
    }

    drawCharts() {
      this.els.charts.replaceChildren(this.bars(), this.radar());
    }

    /** Horizontal bars for the indices, with the reference as a dashed line. */
    bars() {
      const t = this.t;
      const ref = this.reference();
      const codes = this.info.indices;
      const rowH = 34;
      const left = 46;
      const width = 300;
      const barW = width - left - 56;
      const height = codes.length * rowH + 10;
      const svg = h("svg:svg", {
        viewBox: `0 0 ${width} ${height}`,
        role: "img",
        "aria-labelledby": "bars-title bars-desc",
      });
      svg.append(
        h("svg:title", { id: "bars-title", text: t.barsTitle }),
        h("svg:desc", {
          id: "bars-desc",
          text: codes.map((c) => `${c} ${this.fmt(this.indexValue(c))}`).join("; "),
        }),
      );
      codes.forEach((code, i) => {
        const y = 6 + i * rowH;
        const value = Math.max(0, Math.min(1, this.indexValue(code) || 0));
        svg.append(
          h("svg:text", { x: 0, y: y + 17, "font-weight": 700, text: code }),
          h("svg:rect", { x: left, y: y + 4, width: barW, height: 18, rx: 4, fill: "#e3eef8" }),
          h("svg:rect", { x: left, y: y + 4, width: barW * value, height: 18, rx: 4, fill: i ? "#2f6fa8" : "#0b4f8a" }),
          h("svg:text", { x: left + barW + 6, y: y + 17, text: this.fmt(this.indexValue(code)) }),
        );
        const refValue = ref && ref.values[code];
        if (typeof refValue === "number") {
          const x = left + barW * Math.max(0, Math.min(1, refValue));
          svg.append(
            h("svg:line", {
              x1: x, x2: x, y1: y, y2: y + 26,
              stroke: "#a34700", "stroke-width": 2.5, "stroke-dasharray": "4 3",
            }),
          );
        }
      });
      return svg;
    }

    /** A radar of the scored main indicators (0..1). */
    radar() {
      const t = this.t;
      const unit = this.results.units[0];
      const codes = this.indicators().filter((c) => this.node(c).scored);
      if (codes.length < 3) return h("div");
      const size = 260;
      const c = size / 2;
      const r = 86;
      const point = (i, v) => {
        const a = -Math.PI / 2 + (2 * Math.PI * i) / codes.length;
        return [c + r * v * Math.cos(a), c + r * v * Math.sin(a)];
      };
      const score = (code) => {
        const node = unit.nodes.find((n) => n.code === code);
        const scale = this.results.nodes.find((n) => n.code === code).scale;
        const span = scale.high - scale.low;
        const v = node && node.value !== null && span > 0 ? (node.value - scale.low) / span : 0;
        return Math.max(0, Math.min(1, v));
      };
      const svg = h("svg:svg", {
        viewBox: `0 0 ${size} ${size}`,
        role: "img",
        "aria-labelledby": "radar-title radar-desc",
      });
      svg.append(
        h("svg:title", { id: "radar-title", text: t.radarTitle }),
        h("svg:desc", {
          id: "radar-desc",
          text: codes.map((code) => `${code} ${this.name(this.node(code))} ${this.fmt(score(code))}`).join("; "),
        }),
      );
      for (const ring of [0.25, 0.5, 0.75, 1]) {
        svg.append(
          h("svg:polygon", {
            points: codes.map((_, i) => point(i, ring).join(",")).join(" "),
            fill: "none",
            stroke: ring === 1 ? "#7b8794" : "#c9d1db",
          }),
        );
      }
      codes.forEach((code, i) => {
        const [x, y] = point(i, 1);
        const [lx, ly] = point(i, 1.22);
        svg.append(
          h("svg:line", { x1: c, y1: c, x2: x, y2: y, stroke: "#c9d1db" }),
          h(
            "svg:text",
            {
              x: lx,
              y: ly + 4,
              "text-anchor": Math.abs(lx - c) < 8 ? "middle" : lx > c ? "start" : "end",
              "font-weight": 600,
              text: code,
            },
            h("svg:title", { text: this.name(this.node(code)) }),
          ),
        );
      });
      svg.append(
        h("svg:polygon", {
          points: codes.map((code, i) => point(i, score(code)).join(",")).join(" "),
          fill: "rgba(11,79,138,.28)",
          stroke: "#0b4f8a",
          "stroke-width": 2,
        }),
      );
      return svg;
    }

    drawExplanation() {
      const t = this.t;
      const e = this.explanation;
      const unit = this.results.units[0];
      const rows = e.indicators.filter((i) => this.node(i.code).scored);
      const maxLost = Math.max(1e-9, ...rows.map((i) => i.points_lost || 0));
      const lostSum = rows.reduce((s, i) => s + (i.points_lost || 0), 0);
      const pointsSum = rows.reduce((s, i) => s + (i.points || 0), 0);
      const table = h(
        "table",
        {},
        h("caption", { class: "sr", text: t.lostTitle }),
        h(
          "thead",
          {},
          h("tr", {}, [t.indicator, t.value, t.score, t.lost].map((x) => h("th", { scope: "col", text: x }))),
        ),
        h(
          "tbody",
          {},
          rows.map((i) => {
            const raw = unit.nodes.find((n) => n.code === i.code).raw;
            return h(
              "tr",
              { "data-code": i.code },
              h("th", { scope: "row", title: this.name(this.node(i.code)) }, h("span", { class: "code", text: i.code }), " ", this.name(this.node(i.code))),
              h("td", { text: this.fmt(raw) }),
              h("td", { text: this.fmt(i.points, 2) }),
              h(
                "td",
                {},
                this.fmt(i.points_lost, 2),
                h("span", { class: "bar", style: `width:${Math.round(36 * (i.points_lost || 0) / maxLost)}px`, "aria-hidden": "true" }),
              ),
            );
          }),
        ),
        h(
          "tfoot",
          {},
          h("tr", {}, h("td", { text: t.total }), h("td"), h("td", { text: this.fmt(pointsSum, 2) }), h("td", { text: this.fmt(lostSum, 2) })),
        ),
      );
      this.els.lost.replaceChildren(h("h4", { text: t.lostTitle }), table);
      const moves = e.best_moves.slice(0, 3);
      this.els.moves.replaceChildren(
        h("h4", { text: t.movesTitle }),
        h("p", { class: "help", text: t.movesHelp(this.fmt(e.step, 1)) }),
        moves.length
          ? h(
              "ol",
              { class: "moves" },
              moves.map((m) =>
                h("li", {
                  "data-code": m.indicator,
                  text: t.move(
                    `${m.indicator} (${this.name(this.node(m.indicator))})`,
                    this.fmt(m.from),
                    this.fmt(m.to),
                    e.index,
                    `+${this.fmt(m.gain)}`,
                    m.gain_points !== null ? `+${this.fmt(m.gain_points, 2)}` : "",
                  ),
                }),
              ),
            )
          : h("p", { text: t.noMoves }),
      );
    }

    announce() {
      if (!this.els || !this.results) return;
      const parts = this.info.indices
        .map((c) => {
          const delta = this.deltaOf(c);
          return `${c} ${this.fmt(this.indexValue(c))}${delta !== null ? ` (${this.signed(delta)} ${this.t.delta})` : ""}`;
        })
        .join(", ");
      this.els.live.textContent = this.t.summary(parts);
    }

    showStatus(message, details) {
      if (!this.els) return;
      const t = this.t;
      this.els.status.replaceChildren(
        h("span", { text: message }),
        details.length
          ? h(
              "ul",
              {},
              details
                .filter((d) => d.severity === "error")
                .slice(0, 8)
                .map((d) =>
                  h("li", {
                    text: `${d.line ? `${t.line} ${d.line}: ` : ""}${d.unit ? `${d.unit} ` : ""}${d.indicator ? `${d.indicator}: ` : ""}${d.message}`,
                  }),
                ),
            )
          : null,
      );
    }

    // --- Files -------------------------------------------------------------------------

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

    /** Reads a CSV or JSON data file and takes the values of its first (or chosen) unit. */
    async importFile(file) {
      const t = this.t;
      const text = await file.text();
      let results;
      try {
        results = this.dti.score(this.frameworkId, text, this.lang);
      } catch (error) {
        this.fileMessage = [t.fileErrors(file.name), error.details || []];
        this.showStatus(...this.fileMessage);
        return;
      }
      this.fileResults = results;
      this.fileName = file.name;
      this.takeUnit(0);
    }

    takeUnit(position) {
      const results = this.fileResults;
      const unit = results.units[position];
      if (!unit) return;
      const values = this.raws(unit);
      this.fileMessage = [this.t.loaded(this.fileName, unit.name || unit.code), []];
      const context =
        results.units.length > 1
          ? {
              position,
              units: results.units.map((u) => ({ code: u.code, ...(u.name ? { name: u.name } : {}), values: this.raws(u) })),
            }
          : null;
      this.setValues(values, { code: unit.code, name: unit.name || "" }, context);
      if (results.units.length > 1) {
        const select = h(
          "select",
          {
            id: "file-unit",
            onchange: (e) => this.takeUnit(Number(e.target.value)),
          },
          results.units.map((u, i) =>
            h("option", { value: i, selected: i === position, text: `${u.code} · ${u.name || ""}` }),
          ),
        );
        this.els.status.append(
          h("div", { class: "compare" }, h("label", { for: "file-unit", text: this.t.chooseUnit }), select),
        );
      }
    }

    exportData(format) {
      const data = this.data();
      const unit = data.units[0];
      const codes = this.indicators();
      let text;
      let type;
      if (format === "csv") {
        const cell = (v) => (/[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
        const header = ["code", "name", ...codes];
        const row = [unit.code, unit.name || "", ...codes.map((c) => unit.values[c] ?? "")];
        text = `${header.join(";")}\n${row.map((v) => cell(String(v))).join(";")}\n`;
        type = "text/csv";
      } else {
        const values = {};
        for (const code of codes) {
          const v = unit.values[code];
          if (v === undefined) continue;
          values[code] = /^-?\d+([.,]\d+)?$/.test(v) ? Number(v.replace(",", ".")) : v;
        }
        text = `${JSON.stringify({ units: [{ ...unit, values }] }, null, 2)}\n`;
        type = "application/json";
      }
      const name = `dti-${(unit.name || unit.code).normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/gi, "d").replace(/[^A-Za-z0-9]+/g, "-").toLowerCase()}.${format}`;
      const url = URL.createObjectURL(new Blob([text], { type }));
      const link = h("a", { href: url, download: name });
      this.shadowRoot.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    }

    // --- The share link ----------------------------------------------------------------

    fragment() {
      const params = new URLSearchParams();
      params.set("fw", this.frameworkId);
      if (this.unitCode.trim()) params.set("unit", this.unitCode.trim());
      if (this.unitName.trim()) params.set("name", this.unitName.trim());
      for (const code of this.indicators()) {
        const v = (this.values.get(code) || "").trim();
        if (v) params.set(code, v);
      }
      return params.toString();
    }

    writeFragment() {
      if (this.getAttribute("share") === "off") return;
      const url = new URL(location.href);
      url.hash = this.fragment();
      this.shareUrl = url.href;
      try {
        history.replaceState(history.state, "", url.href);
      } catch {
        // file:// pages in some browsers refuse replaceState; the link is still shown.
      }
      const box = this.shadowRoot.getElementById("share-url");
      if (box) box.value = url.href;
    }

    readFragment() {
      if (this.getAttribute("share") === "off") return;
      const params = new URLSearchParams(location.hash.slice(1));
      const fw = params.get("fw");
      if (fw && fw !== this.frameworkId) return;
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
      return found;
    }

    async shareLink() {
      this.writeFragment();
      this.els.shareBox.hidden = false;
      const box = this.shadowRoot.getElementById("share-url");
      box.value = this.shareUrl;
      try {
        await navigator.clipboard.writeText(this.shareUrl);
        this.showStatus(this.t.copied, []);
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
