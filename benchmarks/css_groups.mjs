// What a built stylesheet is made of (docs/performance.md round 10): its style rules
// grouped as Radix tokens (base, colour scales, dark theme), component rules, utility
// classes (responsive or not), resets and heka.css, with raw and gzipped bytes per group
// (each group gzipped alone, so the gz column does not add up to the file's).
//   node benchmarks/css_groups.mjs .web/build/client/assets/__reflex_global_styles-*.css
import fs from "fs";
import zlib from "zlib";
import { createRequire } from "module";

const require = createRequire(new URL("../.web/package.json", import.meta.url));
const postcss = require("postcss");

function context(rule) {
  const out = { layer: "", keyframes: false };
  for (let p = rule.parent; p && p.type !== "root"; p = p.parent) {
    if (p.type !== "atrule") continue;
    if (p.name === "layer") out.layer = p.params;
    if (/keyframes/.test(p.name)) out.keyframes = true;
  }
  return out;
}

function group(rule) {
  const s = rule.selector;
  const { layer, keyframes } = context(rule);
  if (keyframes) return "keyframes";
  if (layer === "__reflex_base") return "reset (Reflex)";
  if (/heka/.test(s) || rule.source?.input?.file?.includes("heka")) return "heka.css";
  if (/\.dark|dark-theme/.test(s)) return "tokens: dark theme";
  if (/data-accent-color|data-gray-color/.test(s)) return "tokens: colour scales";
  if (/:root|\.radix-themes|data-radius|data-scaling|data-panel/.test(s) && !/rt-[A-Z]/.test(s))
    return "tokens: base";
  const responsive = /[a-z]\\:-?rt-/.test(s) ? " (responsive)" : "";
  if (/\.rt-[A-Z]/.test(s)) return "component rules" + responsive;
  if (/rt-r-/.test(s)) return "utility classes" + responsive;
  if (/rt-reset/.test(s)) return "reset (Radix)";
  return "other";
}

for (const file of process.argv.slice(2)) {
  const css = fs.readFileSync(file, "utf8");
  const groups = {};
  postcss.parse(css).walkRules((rule) => (groups[group(rule)] ||= []).push(rule.toString()));
  const gz = (text) => zlib.gzipSync(text, { level: 9 }).length;
  console.log(`${file}: ${Buffer.byteLength(css)} bytes, ${gz(css)} gz`);
  const rows = Object.entries(groups).map(([name, rules]) => {
    const text = rules.join("\n");
    return [name, rules.length, Buffer.byteLength(text), gz(text)];
  });
  for (const row of rows.sort((a, b) => b[2] - a[2])) console.log(row.join("\t"));
}
