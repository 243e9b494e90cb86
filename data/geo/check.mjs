// check.mjs — sanity checks for map.json (run after `npm run build`):
//   node check.mjs [out.svg]
// Re-implements the projection from the constants stored in map.json (as the
// Rust side will), checks that six reference cities land inside the viewBox
// in the right relative order, that Afghanistan lies east of Iran, and writes
// an SVG preview (default /tmp/geo/map-check.svg) with red city dots.
// Needs no npm packages.

import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const map = JSON.parse(readFileSync(join(here, "map.json"), "utf8"));
const { lambda0, phi1, phi2, phi0, k, tx, ty } = map.projection;
const W = map.width, H = map.height;

const DEG = Math.PI / 180;
const n = (Math.sin(phi1 * DEG) + Math.sin(phi2 * DEG)) / 2;
const C = Math.cos(phi1 * DEG) ** 2 + 2 * n * Math.sin(phi1 * DEG);
const rho0 = Math.sqrt(C - 2 * n * Math.sin(phi0 * DEG)) / n;
function screen(lon, lat) {
  const rho = Math.sqrt(C - 2 * n * Math.sin(lat * DEG)) / n;
  const theta = n * (lon - lambda0) * DEG;
  return [tx + k * rho * Math.sin(theta), ty - k * (rho0 - rho * Math.cos(theta))];
}

const cities = {
  Strasbourg: [48.5734, 7.7521],
  Vienna: [48.2085, 16.3731],
  Stockholm: [59.3275, 18.0665],
  Gera: [50.8806, 12.0833],
  Kabul: [34.5553, 69.2075],
  Tehran: [35.6892, 51.389],
};
const P = {};
for (const [name, [lat, lon]] of Object.entries(cities)) P[name] = screen(lon, lat);

/** Bounding box of an "M…l…z" path (absolute M, relative l). */
function pathBox(d) {
  const box = [Infinity, -Infinity, Infinity, -Infinity];
  for (const ring of d.split("z").filter(Boolean)) {
    const [head, rel = ""] = ring.slice(1).split("l");
    // Work in integer tenths so sums are exact.
    const nums = (s) => (s.match(/-?\d+(?:\.\d+)?/g) || []).map((v) => Math.round(Number(v) * 10));
    let [x, y] = nums(head);
    const r = nums(rel);
    const add = () => {
      box[0] = Math.min(box[0], x); box[1] = Math.max(box[1], x);
      box[2] = Math.min(box[2], y); box[3] = Math.max(box[3], y);
    };
    add();
    for (let i = 0; i < r.length; i += 2) { x += r[i]; y += r[i + 1]; add(); }
  }
  return box.map((v) => v / 10);
}

let failed = 0, passed = 0;
function check(ok, what) {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  ok ? passed++ : failed++;
}
for (const [name, [X, Y]] of Object.entries(P)) {
  console.log(`     ${name.padEnd(10)} X=${X} Y=${Y}`);
  check(X > 0 && X < W && Y > 0 && Y < H, `${name} inside viewBox 0 0 ${W} ${H}`);
}
check(P.Strasbourg[0] < P.Vienna[0], "Strasbourg west of Vienna");
check(P.Stockholm[1] < P.Gera[1], "Stockholm north of Gera");
const byIso = Object.fromEntries(map.countries.map((c) => [c.iso, c]));
const af = pathBox(byIso.AF.d), ir = pathBox(byIso.IR.d);
console.log(`     AF box ${af.join(" ")}; IR box ${ir.join(" ")}`);
check(af[0] > ir[0] && af[1] > ir[1], "Afghanistan east of Iran");
for (const c of map.countries) {
  const b = pathBox(c.d);
  if (b[0] < 0 || b[1] > W || b[2] < 0 || b[3] > H) check(false, `${c.iso} ${c.name} inside viewBox`);
}
const iso = (c) => c.iso || c.name;
const sorted = map.countries.every((c, i, a) => i === 0 || a[i - 1].iso <= c.iso);
check(sorted, "countries sorted by iso");
check(["DE", "AT", "SE", "AF", "IR", "TR", "ES", "IE", "SY"].every((c) => byIso[c]), "key countries present");

const out = process.argv[2] || "/tmp/geo/map-check.svg";
mkdirSync(dirname(out), { recursive: true });
const svg = [
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}">`,
  `<rect width="${W}" height="${H}" fill="#dfeaf5"/>`,
  ...map.countries.map((c) => `<path d="${c.d}" fill="#f4f1e8" stroke="#333" stroke-width="0.5"><title>${iso(c)}</title></path>`),
  ...Object.entries(P).map(([name, [X, Y]]) => `<circle cx="${X}" cy="${Y}" r="4" fill="red"/><text x="${X + 6}" y="${Y - 4}" font-size="11" font-family="sans-serif">${name}</text>`),
  `</svg>`,
].join("\n");
writeFileSync(out, svg);
console.log(`wrote ${out}; ${map.countries.length} countries: ${map.countries.map(iso).join(" ")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
