
/*
 * The function API (modules built with the `api` feature): every function takes the framework
 * and the data. Limits: at most 16 MiB of framework or data text, 100,000 CSV rows, 5,000
 * columns, 100,000 units, 5,000 indicators and 1,000,000 values; JSON and TOML may nest 64
 * levels. Larger input is refused with an Error whose details say which limit was met.
 */

export interface FrameworkSummary {
  id: string;
  names: Names;
  source: string | null;
  default: boolean;
}

/** A framework: an embedded id (`"dti-province-2022"`), TOML or JSON text, or an object in the
 * framework-file layout. `undefined` or `null` is the default framework. */
export type FrameworkInput = string | FrameworkFile | null | undefined;

/** The framework-file layout (see `indicators/README.md`). */
export interface FrameworkFile {
  id: string;
  names: Names;
  source?: string;
  description?: Names;
  precision?: number;
  missing?: MissingPolicy;
  min_availability?: number;
  indices?: string[];
  /** Named weight sets (`[weights.NAME]`): node code → its weight in its parents. */
  weights?: Record<string, Record<string, number>>;
  indicator?: IndicatorFile[];
  aggregate?: AggregateFile[];
  reference?: Reference[];
  /** The construction pipeline (see `build`, in modules built with the `pipeline` feature;
   * the calculator's module ignores it). Keys as in the TOML `[pipeline]` table. */
  pipeline?: Record<string, unknown>;
}

export interface IndicatorFile {
  code: string;
  names: Names;
  unit?: UnitCode;
  direction?: Direction;
  range?: [number, number];
  points?: number;
  rule?: RuleFile;
  description?: Names;
  /** Data column this indicator is divided by in the pipeline's denominate step. */
  denominator?: string;
  /** Value to reach, for the pipeline's distance-to-target normalisation. */
  target?: number;
}

/** A rule as a framework file writes it (`indicators/README.md`): a parameter with a default
 * may be left out; one the method does not take is refused. */
export type RuleFile =
  | { method: "score" | "yes_no" | "none" | "rank" | "borda" | "percentile_rank" }
  | { method: "rate"; cap?: boolean }
  | { method: "target"; target: number }
  | { method: "goalposts"; low: number; high: number; scale?: number; clip?: boolean }
  | { method: "tiers"; steps: [number, number][] }
  | { method: "min_max"; low?: number; high?: number }
  | { method: "z_score"; mean?: number; sd?: number }
  | { method: "fraction_of_max" | "distance_to_max"; scale?: number }
  | { method: "distance_to_target"; cap?: boolean; scale?: number }
  | { method: "distance_to_reference"; unit: string; cap?: boolean; scale?: number };

export interface AggregateFile {
  code: string;
  names: Names;
  method?: "arithmetic" | "geometric" | "harmonic" | "power_mean" | "median" | "copeland" | "sum" | "minimum";
  p?: number;
  points?: number;
  children: (string | { code: string; weight: number })[];
  description?: Names;
}

/** A value as written in data: a number, text such as `"0,7024"`, `"96%"`, `"731/1950"`,
 * `"có"`, a yes/no flag, a ratio, a value with its source, or `null` for missing. */
export type DataValue =
  | number
  | string
  | boolean
  | null
  | { numerator: number; denominator: number; source?: string }
  | { value: number | string | boolean | null; source?: string };

export interface DataUnit {
  code: string | number;
  name?: string;
  year?: number | null;
  group?: string;
  /** Named groupings (grouping → label), e.g. `{ "income": "High" }`. */
  groups?: Record<string, string | null>;
  values: Record<string, DataValue>;
}

/** The JSON data layout. */
export interface DataFile {
  name?: string;
  notes?: string[] | string;
  units: DataUnit[];
}

/** Data: CSV or JSON text, or an object in the JSON data layout. */
export type DataInput = string | DataFile | DataUnit[];


export interface Validation {
  /** True when the data can be scored. */
  ok: boolean;
  details: Detail[];
}

export interface ResultNode {
  code: string;
  names: Names;
  indicator: boolean;
  index: boolean;
  max_points: number | null;
  scale: Range;
}

export interface Contribution {
  indicator: string;
  index: string;
  value: number;
  points: number | null;
}

/** A unit and its result at every node. */
export interface UnitResult extends UnitInfo {
  nodes: NodeResult[];
}

/** The core's diagnostic as the CLI prints it in JSON. */
export interface CoreDiagnostic {
  severity: Severity;
  location: {
    file?: string;
    line?: number;
    column?: number;
    unit?: string;
    indicator?: string;
  };
  problem: { kind: string } & Record<string, unknown>;
}

/** The same object `dti score --format json` prints, plus `details` in the requested language. */
export interface Results {
  framework: string;
  precision: number;
  nodes: ResultNode[];
  units: UnitResult[];
  diagnostics: CoreDiagnostic[];
  details: Detail[];
}

export interface Explanation {
  unit: UnitInfo;
  index: string;
  value: number | null;
  max_points: number | null;
  /** The score step compared across indicators (0.1 = a tenth of each scale). */
  step: number;
  indicators: IndicatorExplanation[];
  /** Largest gain first. */
  best_moves: Move[];
  /** Each indicator's part of each index's value (indices built by means and sums). */
  contributions: Contribution[];
  details: Detail[];
}

/** New raw values of one unit, in each indicator's unit (`null` removes a value). NaN and
 * ±Infinity are refused as out of range. */
export type Changes = Record<string, number | null>;

/** The outcome of {@link whatIf}. */
export interface WhatIf {
  unit: UnitInfo;
  /** Every node of the unit, in scoring order. */
  nodes: NodeChange[];
  /** The full results after the change (other units' ranks may move too). */
  after: Omit<Results, "details">;
  details: Detail[];
}

/** What to reach: a value of a node (default: the overall index) or a rank among the units. */
export type Goal =
  | { node?: string; value: number; rank?: undefined }
  | { node?: string; rank: number; value?: undefined };

/** Effort of raising an indicator across its whole scale (1 when absent): an object of
 * positive numbers or CSV text `indicator,cost`. */
export type Costs = Record<string, number> | string;


/** How merged units are formed: the official 2024 method (plain mean of each indicator), or
 * rates pooled from numerators and denominators (elsewhere a mean weighted by `weights`). */
export type MergeMethod =
  | "mean"
  | "pooled"
  | { kind: "mean" }
  | { kind: "pooled"; weights?: Record<string, number> };

export interface MergedUnit {
  code: string;
  name?: string;
  formers: string[];
  /** The former units the data has. */
  with_data: string[];
  /** The former units the data lacks; when it lacks them all, the unit has no results. */
  without_data: string[];
}

/** The merged units' results (ranks among the new units that have data), with the mapping
 * used. A new unit whose former units the data has only in part is an error. */
export interface Merged extends Results {
  method: "mean" | "pooled";
  mapping: MergedUnit[];
}

/** The frameworks shipped with the library, the default marked. */
export function listFrameworks(): FrameworkSummary[];
/** Loads and describes a framework. Throws a {@link DtiError}. */
export function loadFramework(framework?: FrameworkInput, lang?: Lang): FrameworkInfo;
/** Checks data; throws only when the framework or arguments cannot be read. */
export function validate(framework: FrameworkInput, data: DataInput, lang?: Lang): Validation;
/** Scores data. Throws a {@link DtiError} listing every problem when the data has errors. */
export function score(framework: FrameworkInput, data: DataInput, lang?: Lang): Results;
/** Points lost per indicator and the changes that gain the most, for one unit (default: the first). */
export function explain(framework: FrameworkInput, data: DataInput, unit?: string | null, lang?: Lang): Explanation;
/** Changes values of one unit (default: the first) and rescores every unit. */
export function whatIf(framework: FrameworkInput, data: DataInput, unit: string | null | undefined, changes: Changes, lang?: Lang): WhatIf;
/** The cheapest indicator improvements that take one unit to a goal; says when it is out of reach. */
export function seekGoal(framework: FrameworkInput, data: DataInput, unit: string | null | undefined, goal: Goal, costs?: Costs | null, lang?: Lang): Plan & { details: Detail[] };
/** Results of merged units from the former units' data; the 2025 provincial mapping
 * (63 → 34) unless a mapping CSV (`new_unit,new_name,former_code`) is given. */
export function mergeProvinces(framework: FrameworkInput, data: DataInput, method?: MergeMethod | null, mapping?: string | null, lang?: Lang): Merged;
/** A data file to fill in: long-layout CSV (default) or JSON. */
export function template(framework: FrameworkInput, format?: "csv" | "json", lang?: Lang, unit?: string): string;
