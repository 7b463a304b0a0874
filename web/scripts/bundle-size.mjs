#!/usr/bin/env node
/**
 * The shopper page's initial JavaScript, gzipped: every script index.html loads (and the
 * modules they preload), not the chunks fetched on demand (the dashboard) nor the audio
 * worklets (loaded when the microphone or the voice starts). Fails above the budget.
 *
 * Usage: node scripts/bundle-size.mjs [budget_kB=250]
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const dist = new URL("../../voicecart/web_dist/", import.meta.url).pathname;
const budget = Number(process.argv[2] ?? 250) * 1000;
const html = readFileSync(join(dist, "index.html"), "utf8");
const initial = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/?([^"]+\.js)"/g)].map((m) => m[1]);
let raw = 0;
let gz = 0;
for (const file of initial) {
  const bytes = readFileSync(join(dist, file));
  raw += bytes.length;
  gz += gzipSync(bytes, { level: 9 }).length;
  console.log(`${file}: ${(bytes.length / 1000).toFixed(1)} kB, ${(gzipSync(bytes, { level: 9 }).length / 1000).toFixed(1)} kB gzipped`);
}
console.log(`initial JS: ${(raw / 1000).toFixed(1)} kB, ${(gz / 1000).toFixed(1)} kB gzipped (budget ${budget / 1000} kB)`);
// Baseline: the same build if nothing were loaded on demand.
let lazyGz = 0;
for (const file of readdirSync(join(dist, "assets")).filter((f) => f.endsWith(".js"))) {
  if (initial.includes(`assets/${file}`)) continue;
  const size = gzipSync(readFileSync(join(dist, "assets", file)), { level: 9 }).length;
  lazyGz += size;
  console.log(`on demand: assets/${file}: ${(size / 1000).toFixed(1)} kB gzipped`);
}
console.log(`everything eager (baseline): ${((gz + lazyGz) / 1000).toFixed(1)} kB gzipped`);
if (gz > budget) {
  console.error("over budget");
  process.exit(1);
}
