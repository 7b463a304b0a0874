#!/usr/bin/env node
/**
 * The shopper page's initial JavaScript, gzipped: every script index.html loads (and the
 * modules they preload), not the chunks fetched on demand (the dashboard) nor the audio
 * worklets (loaded when the microphone or the voice starts). Fails above the budget.
 *
 * Usage: node scripts/bundle-size.mjs [budget_kB=250]
 */
import { readFileSync } from "node:fs";
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
if (gz > budget) {
  console.error("over budget");
  process.exit(1);
}
