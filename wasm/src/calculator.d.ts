
/*
 * The guidebook calculator's module: `Calculator`, a handle on a built-in framework that keeps a
 * loaded file, the values a what-if compares with and a goal, so that a form makes one call per
 * keystroke. Files are limited to 8 MiB of text, 200,000 CSV rows, 1,000 columns, 20,000
 * units, 1,000 indicators and 400,000 values; JSON may nest 64 levels. Larger files are refused
 * with a DtiError whose details say which limit was met.
 */

/** A name in Vietnamese and English. */
export interface Names {
  vi: string;
  en: string;
}

/** A language tag: `"vi"` (default) or `"en"`; `"vi-VN"`, `"en-GB"` work too. */
export type Lang = "vi" | "en" | (string & {});

export type Severity = "error" | "warning" | "note";

/** One problem, with where it is and what to do. */
export interface Detail {
  severity: Severity;
  /** The problem's kind, stable for programs: `out_of_range`, `bad_value`, `syntax`, … */
  kind: string;
  unit: string | null;
  indicator: string | null;
  file: string | null;
  line: number | null;
  column: number | null;
  /** What is wrong, in the requested language. */
  message: string;
  /** What to do about it. */
  hint: string | null;
}

/** What every function and method throws: the core's message and every problem. */
export interface DtiError extends Error {
  details: Detail[];
}

export type UnitCode = "score" | "percent" | "share" | "count" | "number" | "yes_no";
export type Direction = "higher" | "lower";
export type MissingPolicy = "zero" | "skip" | "reject";

/** A scoring rule as the binding describes it: the method and every one of its parameters
 * (defaults filled in); framework files may leave out those with defaults. */
export type Rule =
  | { method: "score" }
  | { method: "rate"; cap: boolean }
  | { method: "target"; target: number }
  | { method: "goalposts"; low: number; high: number; scale: number; clip: boolean }
  | { method: "yes_no" }
  | { method: "tiers"; steps: [number, number][] }
  | { method: "none" }
  | { method: "min_max"; low: number; high: number }
  | { method: "z_score"; mean: number; sd: number }
  | { method: "rank" }
  | { method: "borda" }
  | { method: "percentile_rank" }
  | { method: "fraction_of_max"; scale: number }
  | { method: "distance_to_max"; scale: number }
  | { method: "distance_to_target"; cap: boolean; scale: number }
  | { method: "distance_to_reference"; unit: string; cap: boolean; scale: number };

/** Published values to compare with, e.g. a year's national average. */
export interface Reference {
  names: Names;
  year?: number | null;
  values: Record<string, number>;
}

export interface Bounds {
  low: number | null;
  high: number | null;
}

export interface Link {
  code: string;
  weight: number;
}

export interface NodeInfo {
  code: string;
  names: Names;
  description: Names | null;
  indicator: boolean;
  index: boolean;
  /** False for nodes that carry no weight in any index (reported only). */
  scored: boolean;
  unit: UnitCode;
  unit_label: Names;
  symbol: "%" | "";
  direction: Direction;
  range: Bounds;
  points: number | null;
  /** The scoring rule (modules with the function API only). */
  rule?: Rule | null;
  method: string | null;
  parents: Link[];
  children: Link[];
}

/** Indicators counting toward the same indices (a pillar, or the shared foundation). */
export interface Group {
  code: string;
  names: Names;
  indices: string[];
  indicators: string[];
}

export interface FrameworkInfo {
  id: string;
  names: Names;
  description: Names | null;
  source: string | null;
  precision: number;
  missing: MissingPolicy;
  indices: string[];
  root: string | null;
  nodes: NodeInfo[];
  groups: Group[];
  references: Reference[];
}

export interface Range {
  low: number;
  high: number;
}

export type Status = "scored" | "missing_as_zero" | "missing" | "low_availability";

export interface NodeResult {
  code: string;
  raw: number | null;
  value: number | null;
  points: number | null;
  points_lost: number | null;
  rank: number | null;
  status: Status;
}


export interface IndicatorExplanation {
  code: string;
  score: number | null;
  points: number | null;
  points_lost: number | null;
  /** The indicator's maximum points in the index (`null` when it does not count in points). */
  max_points: number | null;
  gain_if_full: number;
  gain_if_full_points: number | null;
  status: Status;
}

export interface Move {
  indicator: string;
  from: number;
  to: number;
  gain: number;
  gain_points: number | null;
}

/** A unit as results name it. */
export interface UnitInfo {
  code: string;
  name?: string;
  year?: number;
  group?: string;
  groups?: Record<string, string>;
}

/** How one node of the changed unit moved. */
export interface NodeChange {
  code: string;
  before: number | null;
  after: number | null;
  rank_before: number | null;
  rank_after: number | null;
}


/** One indicator to improve. */
export interface PlanStep {
  indicator: string;
  /** Its score now and the score to reach. */
  from: number;
  to: number;
  /** The raw values, in the indicator's unit (`raw_to` for absolute rules only). */
  raw_from: number | null;
  raw_to: number | null;
  /** The node's gain from this step, taken in plan order. */
  gain: number;
  cost: number;
}

/** A plan to reach a goal. */
export interface Plan {
  unit: UnitInfo;
  node: string;
  start: number;
  target_value: number;
  reachable: boolean;
  /** The value the plan reaches; when unreachable, the best any improvement reaches. */
  reached: number;
  /** Ordered by gain per unit of effort, largest first. */
  steps: PlanStep[];
  total_cost: number;
}

/** The unit a form edits: its code (`"00"` when blank) and name. */
export interface FormUnit {
  code?: string;
  name?: string;
}

/** The units of a loaded file. */
export interface LoadedFile {
  units: UnitInfo[];
  /** Warnings and notes on the file. */
  details: Detail[];
}

/** One unit of a loaded file and its raw values (indicator code → value in its unit). */
export interface SelectedUnit extends UnitInfo {
  values: Record<string, number>;
}

/** Everything the calculator shows for the values of one keystroke. */
export interface Update {
  /** True when no value is given: nothing to show yet. */
  empty: boolean;
  /** Indicators whose value has an error: scored as missing until it is fixed. */
  invalid: string[];
  /** Every problem with the values (errors, warnings, notes), in the calculator's language. */
  details: Detail[];
  /** The unit's result at every node, in scoring order (children before parents). */
  nodes: NodeResult[];
  /** How many units the ranks are among: the loaded file's, else 1. */
  units: number;
  /** Points and points lost per indicator of the main index. */
  indicators: IndicatorExplanation[];
  /** Indicators by the main index's gain for the same effort, largest first. */
  moves: Move[];
  /** The share of what each indicator lacks that one step of effort closes (0.1). */
  step: number;
  /** Indicators whose raw value differs from the baseline: code → value now (`null`: blank). */
  changed: Record<string, number | null>;
  /** Every node before (the baseline) and now, with ranks; `null` without a baseline. */
  whatif: NodeChange[] | null;
  /** The plan to the goal, when one is set and can be planned. */
  plan: Plan | null;
  /** Why a goal that is set cannot be planned. */
  plan_error: { message: string; details: Detail[] } | null;
}

/** The guidebook calculator: a built-in framework and the state of one form. */
export class Calculator {
  /** A calculator for a built-in framework (`"dti-province-2022"`, the default; `"dti-province-2020"`;
   * `"illustrative-monitoring"`), messages in `lang`. Throws a {@link DtiError} for an unknown id.
   * The calculator's published modules word messages in one language each, whatever `lang`
   * says (`dti_wasm_bg.wasm` Vietnamese, `dti_wasm_en_bg.wasm` English); `lang` still sets
   * the decimal mark of numbers. */
  constructor(framework?: string | null, lang?: Lang);
  /** The largest file, in bytes of text, that {@link Calculator.loadFile} reads. */
  static maxFileBytes(): number;
  /** Releases the handle's memory. */
  free(): void;
  /** The framework, as a form and its charts need it. */
  info(): FrameworkInfo;
  /** The language of messages from now on (in the published modules, which word messages in
   * one language each, the decimal mark of numbers). */
  setLang(lang: Lang): void;
  /** Reads a data file (CSV or JSON text); its units become those the form's unit is ranked
   * among. Throws a {@link DtiError} with every problem, keeping the previous file. */
  loadFile(text: string, name?: string | null): LoadedFile;
  /** The unit of the loaded file the form edits (by position); returns its raw values. */
  selectUnit(position: number): SelectedUnit;
  /** Forgets the loaded file. */
  closeFile(): void;
  /** Keeps the last update's values as the ones a what-if compares with (`false`: none). */
  keepBaseline(keep: boolean): void;
  /** A goal for the plan: an index's value (`"value"`, text such as `"0,75"` or `"75%"`) or a
   * rank among the loaded file's units (`"rank"`). `node` null: the main index. Throws a
   * {@link DtiError}, and clears the goal, when the text cannot be read. */
  setGoal(node: string | null, kind: "value" | "rank", text: string): void;
  /** Clears the goal. */
  clearGoal(): void;
  /** The form's values as a CSV data file for a spreadsheet (byte order mark, headers in the
   * language, one row per indicator, formula-like text neutralised); it reads back as data. */
  exportCsv(values: Record<string, string | number | null>, unit?: FormUnit | null): string;
  /** The form's values as typed (`{I1: "0,9581"}`) for a unit: checked, scored and explained. */
  update(values: Record<string, string | number | null>, unit?: FormUnit | null): Update;
}

/** The binding's version. */
export function version(): string;
/** `formatDecimal(0.70244, 4, "vi")` is `"0,7024"`; non-finite values give `"–"`. */
export function formatDecimal(value: number, decimals: number, lang?: Lang): string;
