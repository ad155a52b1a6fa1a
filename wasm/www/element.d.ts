
/** What `<dti-calculator>` dispatches after each computation (it bubbles). */
export interface DtiChangeEvent extends CustomEvent<Update> {}

/**
 * `<dti-calculator framework="dti-province-2022" lang="vi" compare="2023" share="off">`: importing
 * this module defines the element. Attributes: `framework` (a built-in framework's id), `lang`
 * (`vi` or `en`; the page's language by default), `compare` (a reference year, e.g. `2023`),
 * `share` (`off` hides the share link and ignores links). Events: `dti-ready` once the module is
 * ready, `dti-change` (detail: the {@link Update}) after each computation.
 */
export interface DtiCalculatorElement extends HTMLElement {
  /** Sets the values (`{I1: 0.9581}` or text as typed) and the unit; what-ifs compare with
   * them. Calls made before the calculator is ready wait for it. */
  setValues(values: Record<string, number | string | null>, unit?: { code?: string; name?: string }): void;
  /** The current values in the JSON data layout. */
  data(): { units: { code: string; name?: string; values: Record<string, string> }[] };
  /** Back to the values last set or loaded. */
  resetValues(): void;
}

declare global {
  interface HTMLElementTagNameMap {
    "dti-calculator": DtiCalculatorElement;
  }
  interface HTMLElementEventMap {
    "dti-change": DtiChangeEvent;
    "dti-ready": Event;
  }
}
