// A tiny static file server on 127.0.0.1 for the browser tests (and for trying the demo:
// `node tests/browser/server.mjs wasm/dist/web 8080`). Serves .wasm as application/wasm.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ts": "text/plain; charset=utf-8",
};

/** Serves `root` on 127.0.0.1 at a free port (or `port`); resolves to { url, close }. `headers`
 * go with every response (e.g. a Content-Security-Policy); `gzip` compresses text and wasm as a
 * production server would, when the browser asks for it; `brotli` (with `gzip`) sends brotli
 * (quality 11) to a browser that takes it. */
export function serve(root, port = 0, { headers = {}, gzip = false, brotli = false } = {}) {
  const base = resolve(root);
  const compressed = new Map();
  const server = createServer(async (request, response) => {
    try {
      const path = decodeURIComponent(new URL(request.url, "http://x").pathname);
      let file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) {
        response.writeHead(403).end();
        return;
      }
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      let body = await readFile(file);
      const head = {
        "content-type": TYPES[extname(file)] || "application/octet-stream",
        "cache-control": "no-store",
        ...headers,
      };
      const accepts = request.headers["accept-encoding"] || "";
      const encoding = brotli && /\bbr\b/.test(accepts) ? "br" : /\bgzip\b/.test(accepts) ? "gzip" : null;
      if (gzip && encoding && extname(file) !== ".png") {
        // Compressed once per file, as a server serving precompressed files would.
        const key = `${file}:${(await stat(file)).mtimeMs}:${encoding}`;
        if (!compressed.has(key)) {
          const quality = { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } };
          compressed.set(key, encoding === "br" ? brotliCompressSync(body, quality) : gzipSync(body, { level: 9 }));
        }
        body = compressed.get(key);
        head["content-encoding"] = encoding;
      }
      response.writeHead(200, head);
      response.end(body);
    } catch {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  return new Promise((done) => {
    server.listen(port, "127.0.0.1", () => {
      const { port: actual } = server.address();
      done({ url: `http://127.0.0.1:${actual}/`, close: () => new Promise((c) => server.close(c)) });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [root = "wasm/dist/web", port = "8080"] = process.argv.slice(2);
  const { url } = await serve(root, Number(port));
  console.log(`serving ${root} at ${url}`);
}
