// Where the bytes of a wasm module go: the code size of every function, by name, and summed per
// crate. Reads the un-optimised module cargo builds (it keeps the name section):
//   node wasm/tools/func-sizes.mjs $CARGO_TARGET_DIR/wasm32-unknown-unknown/wasm-release/dti_wasm.wasm [top]
//   node wasm/tools/func-sizes.mjs before.wasm after.wasm [top]    (what grew, per crate and function)
// (twiggy is not installed here; this is the part of it the size budget needs.)
import { readFileSync } from "node:fs";

const [file, second, third] = process.argv.slice(2);
const compare = second && !/^\d+$/.test(second) ? second : null;
const top = Number((compare ? third : second) || 40);
let bytes;
let pos;

function leb() {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[pos++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return result;
  }
}

function name() {
  const length = leb();
  const text = bytes.subarray(pos, pos + length).toString("utf8");
  pos += length;
  return text;
}

/** `{ functions: [{size, name}], sections }` of a module. */
function parse(path) {
  bytes = readFileSync(path);
  pos = 8;
  let imported = 0;
  const bodies = [];
  const names = new Map();
  const sections = {};
  while (pos < bytes.length) {
    const id = bytes[pos++];
    const size = leb();
    const end = pos + size;
    if (id === 2) {
      for (let n = leb(); n > 0; n--) {
        name();
        name();
        const kind = bytes[pos++];
        if (kind === 0) {
          leb();
          imported++;
        } else if (kind === 1) {
          pos++;
          const flags = leb();
          leb();
          if (flags & 1) leb();
        } else if (kind === 2) {
          const flags = leb();
          leb();
          if (flags & 1) leb();
        } else if (kind === 3) {
          pos += 2;
        } else {
          leb();
          leb();
        }
      }
    } else if (id === 10) {
      for (let n = leb(); n > 0; n--) {
        const length = leb();
        bodies.push(length);
        pos += length;
      }
    } else if (id === 0) {
      const section = name();
      sections[`custom ${section}`] = size;
      if (section === "name") {
        while (pos < end) {
          const kind = bytes[pos++];
          const length = leb();
          const next = pos + length;
          if (kind === 1) {
            for (let n = leb(); n > 0; n--) {
              const index = leb();
              names.set(index, name());
            }
          }
          pos = next;
        }
      }
    }
    sections[id] = (sections[id] || 0) + size;
    pos = end;
  }
  return { functions: bodies.map((size, i) => ({ size, name: names.get(i + imported) || `#${i + imported}` })), sections };
}

/** A readable name and the crate it comes from, for legacy (`_ZN…E`) and v0 (`_R…`) symbols. */
function crate(symbol) {
  const v0 = /^_R/.test(symbol) && /C[sR]?[A-Za-z0-9]*_(\d+)([A-Za-z_][A-Za-z0-9_]*)/.exec(symbol);
  if (v0) return { head: v0[2].slice(0, Number(v0[1])), text: symbol };
  let text = symbol;
  const legacy = /^_ZN(.*)E$/.exec(symbol);
  if (legacy) {
    const parts = [];
    let rest = legacy[1];
    for (let match; (match = /^(\d+)/.exec(rest)); ) {
      const start = match[1].length;
      parts.push(rest.slice(start, start + Number(match[1])));
      rest = rest.slice(start + Number(match[1]));
    }
    text = parts.slice(0, /^h[0-9a-f]{16}$/.test(parts.at(-1)) ? -1 : undefined).join("::");
  }
  text = text
    .replace(/\$LT\$/g, "<")
    .replace(/\$GT\$/g, ">")
    .replace(/\$RF\$/g, "&")
    .replace(/\$u20\$/g, " ")
    .replace(/\$C\$/g, ",")
    .replace(/\$u7b\$/g, "{")
    .replace(/\$u7d\$/g, "}")
    .replace(/\.\./g, "::");
  // `<impl Trait for Type>::f` belongs to Type's crate; `<Type as Trait>::f` to Type's too.
  const owner = /^_?<impl [^<>]*? for ([A-Za-z_][A-Za-z0-9_]*)/.exec(text);
  const head = owner
    ? owner[1]
    : text.replace(/^_+/, "").replace(/^(<|&|mut |dyn |\[|\()+/, "").split(/::|[<>, ]/)[0];
  return { head: head || "(other)", text };
}

function perCrate(functions) {
  const sums = new Map();
  for (const f of functions) {
    const { head } = crate(f.name);
    sums.set(head, (sums.get(head) || 0) + f.size);
  }
  return sums;
}

const row = (size, text) => `${String(size).padStart(9)}  ${text}`;
const after = parse(compare || file);
const total = after.functions.reduce((s, f) => s + f.size, 0);
console.log(`code: ${after.functions.length} functions, ${total} B; data section ${after.sections[11] || 0} B`);
if (compare) {
  // Growth per crate and per function (names without hashes; generic copies summed).
  const before = parse(file);
  const was = before.functions.reduce((s, f) => s + f.size, 0);
  console.log(`before: ${before.functions.length} functions, ${was} B; data section ${before.sections[11] || 0} B`);
  const [a, b] = [perCrate(before.functions), perCrate(after.functions)];
  console.log("\nchange per crate:");
  for (const head of [...new Set([...a.keys(), ...b.keys()])]
    .map((h) => [h, (b.get(h) || 0) - (a.get(h) || 0)])
    .filter(([, d]) => d !== 0)
    .sort((x, y) => Math.abs(y[1]) - Math.abs(x[1]))
    .slice(0, 25)) {
    console.log(row(head[1] > 0 ? `+${head[1]}` : head[1], head[0]));
  }
  const byName = (functions) => {
    const sums = new Map();
    for (const f of functions) {
      const name = crate(f.name).text;
      sums.set(name, (sums.get(name) || 0) + f.size);
    }
    return sums;
  };
  const [x, y] = [byName(before.functions), byName(after.functions)];
  console.log(`\nlargest ${top} changes per function:`);
  for (const [name, d] of [...new Set([...x.keys(), ...y.keys()])]
    .map((n) => [n, (y.get(n) || 0) - (x.get(n) || 0)])
    .filter(([, d]) => d !== 0)
    .sort((p, q) => Math.abs(q[1]) - Math.abs(p[1]))
    .slice(0, top)) {
    console.log(row(d > 0 ? `+${d}` : d, name.slice(0, 150)));
  }
} else {
  console.log("\nper crate (the crate of the symbol, or of the type an impl is for):");
  for (const [head, size] of [...perCrate(after.functions)].sort((p, q) => q[1] - p[1]).slice(0, 25)) {
    console.log(row(size, `${(100 * size / total).toFixed(1).padStart(5)} %  ${head}`));
  }
  console.log(`\nlargest ${top} functions:`);
  for (const f of after.functions.sort((p, q) => q.size - p.size).slice(0, top)) {
    console.log(row(f.size, crate(f.name).text.slice(0, 150)));
  }
}
