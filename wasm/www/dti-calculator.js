// The calculator for pages served over HTTP: one <script type="module" src="dti-calculator.js">
// loads the wasm module and defines <dti-calculator>. (The single-file build inlines the same
// widget with the classic-script glue instead.)
import init, * as binding from "./dti_wasm.js";
import "./calculator.js";

globalThis.dtiCalculatorProvide(init().then(() => binding));
