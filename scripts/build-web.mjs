#!/usr/bin/env node
// `npm run build:web`: bundles web/src into web/dist and copies the static files the dashboard
// needs (index.html, CSS, MapLibre's ESM build + worker, the offline basemap). Idempotent; fast
// because MapLibre is not re-bundled: app.js imports it as a sibling ES module file, which also lets
// MapLibre find its worker next to itself (same origin: fits `worker-src 'self'`).
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(root, "web", "src");
const defaultDist = join(root, "web", "dist");
const maplibre = join(root, "node_modules", "maplibre-gl", "dist");
const basemap = join(root, "assets", "basemap");

/** Files are overwritten in place (no delete-then-write window while a server is serving them). */
export async function buildWeb({ outDir = defaultDist, quiet = false } = {}) {
  const t0 = performance.now();
  const dist = resolve(outDir);
  mkdirSync(join(dist, "basemap"), { recursive: true });
  await build({
    entryPoints: [join(src, "main.ts")],
    bundle: true,
    format: "esm",
    target: "es2022",
    minify: true,
    sourcemap: true,
    legalComments: "none",
    outfile: join(dist, "app.js"),
    logLevel: "warning",
    plugins: [
      {
        name: "maplibre-sibling",
        setup(b) {
          b.onResolve({ filter: /^maplibre-gl$/ }, () => ({ path: "./maplibre-gl.mjs", external: true }));
        },
      },
    ],
  });
  copyFileSync(join(src, "index.html"), join(dist, "index.html"));
  copyFileSync(join(src, "style.css"), join(dist, "style.css"));
  for (const f of ["maplibre-gl.mjs", "maplibre-gl-worker.mjs", "maplibre-gl.css"]) copyFileSync(join(maplibre, f), join(dist, f));
  for (const f of readdirSync(basemap)) if (f.endsWith(".geojson")) copyFileSync(join(basemap, f), join(dist, "basemap", f));
  if (!quiet) console.log(`web: built ${dist} in ${Math.round(performance.now() - t0)} ms`);
  return dist;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const i = process.argv.indexOf("--out");
  buildWeb(i > 0 && process.argv[i + 1] ? { outDir: process.argv[i + 1] } : {}).catch((e) => {
    console.error(`build:web failed: ${e?.message ?? e}`);
    process.exit(1);
  });
}
