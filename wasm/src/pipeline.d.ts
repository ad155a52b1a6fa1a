
// ---- build (modules compiled with the `pipeline` feature) ----

/** One stage's table, row by row (`values[unit][column]`, `null` where missing). */
export interface StageTable {
  stage: "raw" | "denominated" | "imputed" | "screened" | "treated" | "normalised" | "aggregated";
  units: string[];
  columns: string[];
  values: (number | null)[][];
}

/** A node's level, its weight in its parent (null when it has several parents) and its
 * effective weight in the main index. */
export interface EffectiveWeight {
  code: string;
  level: number;
  weight: number | null;
  effective_weight: number;
}

/** A cell the impute step filled. */
export interface ImputedCell {
  unit: string;
  time: number | null;
  column: string;
  value: number;
}

/** A unit the screen step dropped, with the figures that decided it. */
export interface DroppedUnit {
  unit: string;
  time: number | null;
  reason: "forced_out" | "low_availability" | "too_many_zeros";
  availability: number;
  zero_share: number;
}

/** What outlier treatment did to one indicator. */
export interface TreatmentRecord {
  indicator: string;
  outcome:
    | { kind: "skipped" }
    | { kind: "passed" }
    | { kind: "winsorised"; points: number; passes: boolean }
    | { kind: "log"; passes: boolean };
  skew_before: number | null;
  kurtosis_before: number | null;
  skew_after: number | null;
  kurtosis_after: number | null;
  points: { unit: string; from: number; to: number; how: "winsorised_high" | "winsorised_low" | "log" }[];
}

/** Everything a build produced. */
export interface Built {
  framework: string;
  weights: string | null;
  stages: StageTable[];
  /** The main index, whose ranks `ranks` gives. */
  index: string | null;
  ranks: (number | null)[] | null;
  effective_weights: EffectiveWeight[];
  imputed: ImputedCell[];
  dropped: DroppedUnit[];
  treatment: TreatmentRecord[];
  details: Detail[];
}

/** Runs the framework's `[pipeline]` steps on raw data (denominate, impute, screen, treat, in
 * the framework's order), then scores the result exactly as `score` does, with the framework's
 * weights or a named weight set (`[weights.NAME]`). Throws a {@link DtiError} on errors in the
 * data or the method. */
export function build(framework: FrameworkInput, data: DataInput, weights?: string | null, lang?: Lang): Built;
