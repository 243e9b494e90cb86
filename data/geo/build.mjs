// build.mjs — builds data/geo/map.json, the pre-projected country outlines
// that the ISKP Plots Atlas server draws as an inline SVG map.
//
// What it does
//   1. Reads Natural Earth 1:50m country shapes from the npm package
//      `world-atlas` (node_modules/world-atlas/countries-50m.json, TopoJSON,
//      public domain).
//   2. Projects every border arc with a hand-written spherical Albers
//      equal-area conic (Snyder's formulas; λ0 = 30°E, φ0 = 45°N, φ1 = 35°N,
//      φ2 = 55°N) and scales it to SVG screen units (X = tx + k·x,
//      Y = ty − k·y). k, tx, ty fit the frame lon −11…72, lat 27…62 into a
//      viewBox 1000 wide with a 10-unit margin; they are written to map.json
//      unrounded so the Rust side can place city markers with exactly the
//      same numbers (see PROJECTION below — keep the two in sync).
//      Polygons whose lon/lat box misses the viewBox's geographic extent
//      (e.g. Antarctica, which would wrap around the cone's apex) are skipped.
//   3. Simplifies each arc once (Douglas–Peucker, tolerance 0.6 units), so
//      neighbouring countries keep identical borders, then stitches rings with
//      topojson-client.
//   4. Clips every ring to the viewBox rectangle (Sutherland–Hodgman), drops
//      rings whose true clipped area is under 2 square units (this removes
//      Vatican, San Marino, Monaco, Jersey, Guernsey), redoes rings that the
//      arc pass shrank to a triangle or less on their own with a 0.15
//      tolerance (Malta, Liechtenstein, small islands), rounds to 0.1 unit
//      and encodes each country as one SVG path string (absolute M, relative
//      l, z per ring; holes keep opposite winding, so the default nonzero
//      fill rule works).
//   5. Writes compact JSON, countries sorted by ISO 3166-1 alpha-2 code.
//      Output is deterministic: same input → byte-identical map.json.
//
// How to rerun
//   cd data/geo && npm ci && npm run build      (then optionally: node check.mjs)
//
// Only the build needs node_modules; the server reads map.json alone.

import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as topojson from "topojson-client";

const here = dirname(fileURLToPath(import.meta.url));
const atlasDir = join(here, "node_modules", "world-atlas");
const atlasVersion = JSON.parse(readFileSync(join(atlasDir, "package.json"), "utf8")).version;
const topology = JSON.parse(readFileSync(join(atlasDir, "countries-50m.json"), "utf8"));

// ---------------------------------------------------------------- PROJECTION
// Albers equal-area conic, spherical, unit radius, angles in radians.
const DEG = Math.PI / 180;
const LAMBDA0 = 30, PHI0 = 45, PHI1 = 35, PHI2 = 55; // degrees
const n = (Math.sin(PHI1 * DEG) + Math.sin(PHI2 * DEG)) / 2;
const C = Math.cos(PHI1 * DEG) ** 2 + 2 * n * Math.sin(PHI1 * DEG);
const rho0 = Math.sqrt(C - 2 * n * Math.sin(PHI0 * DEG)) / n;

/** (lon, lat) in degrees → projected (x, y), unit sphere, y up. */
export function albers(lon, lat) {
  const rho = Math.sqrt(C - 2 * n * Math.sin(lat * DEG)) / n;
  const theta = n * (lon - LAMBDA0) * DEG;
  return [rho * Math.sin(theta), rho0 - rho * Math.cos(theta)];
}

// ---------------------------------------------------------------- FRAME / FIT
const FRAME = { lon_min: -11, lon_max: 72, lat_min: 27, lat_max: 62 };
const WIDTH = 1000, MARGIN = 10, STEP = 0.25;

let xmin = Infinity, xmax = -Infinity, ymin = Infinity, ymax = -Infinity;
function addBox(lon, lat) {
  const [x, y] = albers(lon, lat);
  if (x < xmin) xmin = x;
  if (x > xmax) xmax = x;
  if (y < ymin) ymin = y;
  if (y > ymax) ymax = y;
}
const nLon = Math.round((FRAME.lon_max - FRAME.lon_min) / STEP);
const nLat = Math.round((FRAME.lat_max - FRAME.lat_min) / STEP);
for (let i = 0; i <= nLon; i++) {
  const lon = FRAME.lon_min + i * STEP;
  addBox(lon, FRAME.lat_min);
  addBox(lon, FRAME.lat_max);
}
for (let j = 0; j <= nLat; j++) {
  const lat = FRAME.lat_min + j * STEP;
  addBox(FRAME.lon_min, lat);
  addBox(FRAME.lon_max, lat);
}
const k = (WIDTH - 2 * MARGIN) / (xmax - xmin);
const tx = MARGIN - k * xmin;
const ty = MARGIN + k * ymax;
const HEIGHT = Math.ceil(k * (ymax - ymin) + 2 * MARGIN);

/** Inverse of albers(): projected (x, y) → (lon, lat) in degrees. */
function albersInverse(x, y) {
  const dy = rho0 - y;
  const rho = Math.sqrt(x * x + dy * dy);
  const theta = Math.atan2(x, dy);
  const s = (C - rho * rho * n * n) / (2 * n);
  return [LAMBDA0 + theta / n / DEG, Math.asin(Math.max(-1, Math.min(1, s))) / DEG];
}

// Geographic window covering the whole viewBox (its edges inverse-projected,
// padded by 2°). Polygons whose lon/lat box misses it are skipped before
// projection: a conic projection turns a ring that circles the South Pole
// (Antarctica) into a ring around the cone's apex, which would "contain"
// the viewBox after planar clipping.
const WINDOW = (() => {
  let lo0 = Infinity, lo1 = -Infinity, la0 = Infinity, la1 = -Infinity;
  const H = Math.ceil(k * (ymax - ymin) + 2 * MARGIN);
  for (let i = 0; i <= 400; i++) {
    const X = (WIDTH * i) / 400, Y = (H * i) / 400;
    for (const [sx, sy] of [[X, 0], [X, H], [0, Y], [WIDTH, Y]]) {
      const [lon, lat] = albersInverse((sx - tx) / k, (ty - sy) / k);
      lo0 = Math.min(lo0, lon); lo1 = Math.max(lo1, lon);
      la0 = Math.min(la0, lat); la1 = Math.max(la1, lat);
    }
  }
  return { lon0: lo0 - 2, lon1: lo1 + 2, lat0: la0 - 2, lat1: la1 + 2 };
})();

/** (lon, lat) in degrees → SVG screen (X, Y), y down. */
export function screen(lon, lat) {
  const [x, y] = albers(lon, lat);
  return [tx + k * x, ty - k * y];
}

// ---------------------------------------------------------------- ISO CODES
// ISO 3166-1 numeric (as world-atlas ids) → alpha-2. Covers every country
// that can appear in the frame; the build fails if one is missing.
const ISO2 = {
  "004": "AF", "008": "AL", "012": "DZ", "020": "AD", "031": "AZ", "040": "AT",
  "048": "BH", "051": "AM", "056": "BE", "070": "BA", "100": "BG", "112": "BY",
  "191": "HR", "196": "CY", "203": "CZ", "208": "DK", "233": "EE", "234": "FO",
  "246": "FI", "248": "AX", "250": "FR", "268": "GE", "276": "DE", "292": "GI",
  "300": "GR", "304": "GL", "336": "VA", "348": "HU", "352": "IS", "356": "IN",
  "364": "IR", "368": "IQ", "372": "IE", "376": "IL", "380": "IT", "398": "KZ",
  "400": "JO", "414": "KW", "417": "KG", "422": "LB", "428": "LV", "434": "LY",
  "438": "LI", "440": "LT", "442": "LU", "470": "MT", "492": "MC", "498": "MD",
  "499": "ME", "504": "MA", "512": "OM", "528": "NL", "578": "NO", "586": "PK",
  "616": "PL", "620": "PT", "634": "QA", "642": "RO", "643": "RU", "674": "SM",
  "682": "SA", "688": "RS", "703": "SK", "705": "SI", "724": "ES", "732": "EH",
  "752": "SE", "756": "CH", "760": "SY", "762": "TJ", "784": "AE", "788": "TN",
  "792": "TR", "795": "TM", "804": "UA", "807": "MK", "818": "EG", "826": "GB",
  "831": "GG", "832": "JE", "833": "IM", "860": "UZ", "275": "PS", "156": "CN",
  "478": "MR", "466": "ML", "562": "NE", "148": "TD", "729": "SD", "887": "YE",
  "744": "SJ", "496": "MN",
};
// Features without a numeric id in world-atlas, by name.
const ISO2_BY_NAME = { Kosovo: "XK" };
// Any other feature without a code (in this frame: "N. Cyprus" and
// "Siachen Glacier") is kept as its own entry with iso "" and its
// world-atlas name, so the map shows no holes; nothing is merged.

// ---------------------------------------------------------------- SIMPLIFY
const TOLERANCE = 0.6;      // viewBox units
const MIN_AREA = 2;         // square viewBox units
const MIN_VERTICES = 3;     // distinct vertices (= 4 points with the closing one)
const FALLBACK_TOLERANCE = 0.15; // for rings the shared-arc pass collapsed

function segDist2(p, a, b) {
  const dx = b[0] - a[0], dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2;
  if (t < 0) t = 0; else if (t > 1) t = 1;
  const ex = a[0] + t * dx - p[0], ey = a[1] + t * dy - p[1];
  return ex * ex + ey * ey;
}

/** Douglas–Peucker on an open polyline; keeps both ends. Iterative. */
function douglasPeucker(pts, tol) {
  const last = pts.length - 1;
  if (last < 2) return pts.slice();
  const keep = new Uint8Array(pts.length);
  keep[0] = keep[last] = 1;
  const tol2 = tol * tol;
  const stack = [[0, last]];
  while (stack.length) {
    const [i, j] = stack.pop();
    let best = -1, bestD = tol2;
    for (let m = i + 1; m < j; m++) {
      const d = segDist2(pts[m], pts[i], pts[j]);
      if (d > bestD) { bestD = d; best = m; }
    }
    if (best >= 0) {
      keep[best] = 1;
      stack.push([i, best], [best, j]);
    }
  }
  return pts.filter((_, m) => keep[m]);
}

/** Simplify one arc; a closed arc (island) is split at its farthest point. */
function simplifyArc(pts, tol = TOLERANCE) {
  const last = pts.length - 1;
  if (last >= 3 && pts[0][0] === pts[last][0] && pts[0][1] === pts[last][1]) {
    let far = 1, farD = -1;
    for (let m = 1; m < last; m++) {
      const d = (pts[m][0] - pts[0][0]) ** 2 + (pts[m][1] - pts[0][1]) ** 2;
      if (d > farD) { farD = d; far = m; }
    }
    const a = douglasPeucker(pts.slice(0, far + 1), tol);
    const b = douglasPeucker(pts.slice(far), tol);
    return a.concat(b.slice(1));
  }
  return douglasPeucker(pts, tol);
}

// ---------------------------------------------------------------- CLIP
/** Sutherland–Hodgman clip of a ring (no closing duplicate) to the viewBox. */
function clipRing(ring, W, H) {
  const edges = [
    [(p) => p[0] >= 0, (a, b) => cut(a, b, 0, (0 - a[0]) / (b[0] - a[0]))],
    [(p) => p[0] <= W, (a, b) => cut(a, b, 0, (W - a[0]) / (b[0] - a[0]))],
    [(p) => p[1] >= 0, (a, b) => cut(a, b, 1, (0 - a[1]) / (b[1] - a[1]))],
    [(p) => p[1] <= H, (a, b) => cut(a, b, 1, (H - a[1]) / (b[1] - a[1]))],
  ];
  const bound = [0, W, 0, H];
  let out = ring;
  edges.forEach(([inside, intersect], e) => {
    if (out.length === 0) return;
    const input = out;
    out = [];
    let prev = input[input.length - 1];
    for (const cur of input) {
      const cin = inside(cur), pin = inside(prev);
      if (cin) {
        if (!pin) out.push(snap(intersect(prev, cur), e));
        out.push(cur);
      } else if (pin) {
        out.push(snap(intersect(prev, cur), e));
      }
      prev = cur;
    }
  });
  return out;
  function cut(a, b, _axis, t) {
    return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
  }
  // Put intersection points exactly on the clip line (no float drift).
  function snap(p, e) {
    return e < 2 ? [bound[e], p[1]] : [p[0], bound[e]];
  }
}

function ringArea(r) {
  let s = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    s += r[j][0] * r[i][1] - r[i][0] * r[j][1];
  }
  return s / 2;
}

// ---------------------------------------------------------------- ENCODE
/** Number in tenths (integer) → shortest decimal text: 12 → "1.2", -5 → "-0.5". */
function fmt(t) {
  const a = Math.abs(t);
  const s = String(Math.floor(a / 10)) + (a % 10 ? "." + (a % 10) : "");
  return t < 0 ? "-" + s : s;
}
/** Join numbers SVG-style: a space unless the next one starts with "-". */
function joinNums(nums) {
  let s = "";
  nums.forEach((v, i) => {
    const f = fmt(v);
    s += i === 0 || f[0] === "-" ? f : " " + f;
  });
  return s;
}

/** Ring in screen units → integer tenths, without repeats; null if degenerate. */
function quantizeRing(ring) {
  const q = [];
  for (const p of ring) {
    const X = Math.round(p[0] * 10), Y = Math.round(p[1] * 10);
    const l = q[q.length - 1];
    if (!l || l[0] !== X || l[1] !== Y) q.push([X, Y]);
  }
  while (q.length > 1 && q[0][0] === q[q.length - 1][0] && q[0][1] === q[q.length - 1][1]) q.pop();
  // Drop collinear middle points (e.g. several cuts along one clip edge).
  let changed = true;
  while (changed && q.length >= 3) {
    changed = false;
    for (let i = 0; i < q.length && q.length >= 3; i++) {
      const a = q[(i + q.length - 1) % q.length], b = q[i], c = q[(i + 1) % q.length];
      const cross = (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0]);
      const dot = (b[0] - a[0]) * (c[0] - b[0]) + (b[1] - a[1]) * (c[1] - b[1]);
      if (cross === 0 && dot >= 0) { q.splice(i, 1); changed = true; i--; }
    }
  }
  return q.length >= MIN_VERTICES ? q : null;
}

function encodeRing(q) {
  const nums = [];
  for (let i = 1; i < q.length; i++) nums.push(q[i][0] - q[i - 1][0], q[i][1] - q[i - 1][1]);
  return "M" + joinNums([q[0][0], q[0][1]]) + (nums.length ? "l" + joinNums(nums) : "") + "z";
}

// ---------------------------------------------------------------- BUILD
// Decode the quantized arcs, project + simplify each one once, and hand a
// topology with absolute screen coordinates back to topojson-client to
// stitch rings. Shared borders are thus simplified identically.
const decode = topojson.transform(topology.transform);
const arcBoxes = [];
const arcs = topology.arcs.map((arc) => {
  const geo = arc.map((p, i) => decode(p, i));
  const box = [Infinity, -Infinity, Infinity, -Infinity];
  for (const [lon, lat] of geo) {
    if (lon < box[0]) box[0] = lon;
    if (lon > box[1]) box[1] = lon;
    if (lat < box[2]) box[2] = lat;
    if (lat > box[3]) box[3] = lat;
  }
  arcBoxes.push(box);
  return geo.map(([lon, lat]) => screen(lon, lat));
});
const raw = { type: "Topology", arcs, objects: topology.objects };
const projected = { type: "Topology", arcs: arcs.map((a) => simplifyArc(a)), objects: topology.objects };

/** Keep only the polygons of a geometry whose lon/lat box meets WINDOW. */
function inWindow(geom) {
  const polys = geom.type === "Polygon" ? [geom.arcs] : geom.type === "MultiPolygon" ? geom.arcs : [];
  const kept = polys.filter((poly) => {
    let lo0 = Infinity, lo1 = -Infinity, la0 = Infinity, la1 = -Infinity;
    for (const ring of poly) {
      for (const a of ring) {
        const b = arcBoxes[a < 0 ? ~a : a];
        lo0 = Math.min(lo0, b[0]); lo1 = Math.max(lo1, b[1]);
        la0 = Math.min(la0, b[2]); la1 = Math.max(la1, b[3]);
      }
    }
    return lo1 >= WINDOW.lon0 && lo0 <= WINDOW.lon1 && la1 >= WINDOW.lat0 && la0 <= WINDOW.lat1;
  });
  return { type: "MultiPolygon", arcs: kept, id: geom.id, properties: geom.properties };
}

const countries = [];
const dropped = [];
for (const geom of topology.objects.countries.geometries) {
  const name = geom.properties.name;
  let iso = geom.id !== undefined ? ISO2[geom.id] : ISO2_BY_NAME[name];
  const g = inWindow(geom);
  const fs = topojson.feature(projected, g).geometry.coordinates; // simplified
  const fr = topojson.feature(raw, g).geometry.coordinates;       // full detail
  const parts = [];
  let anyInside = false;
  fr.forEach((poly, pi) => poly.forEach((rawRing, ri) => {
    // Size test on the true (unsimplified) clipped ring.
    const full = clipRing(rawRing.slice(0, -1), WIDTH, HEIGHT); // GeoJSON repeats the first point
    if (full.length < 3) return;
    anyInside = true;
    if (Math.abs(ringArea(full)) < MIN_AREA) return;
    // Normally use the shared-arc simplification; if that collapsed a ring
    // that is big enough to keep (e.g. Malta) or left a mere triangle,
    // simplify the ring on its own with a finer tolerance instead.
    let q = quantizeRing(clipRing(fs[pi][ri].slice(0, -1), WIDTH, HEIGHT));
    if (!q || q.length < 4 || Math.abs(ringArea(q)) / 100 < MIN_AREA / 2) {
      const f = quantizeRing(simplifyArc(full.concat([full[0]]), FALLBACK_TOLERANCE).slice(0, -1));
      if (f && (!q || f.length > q.length)) q = f;
    }
    if (q) parts.push(encodeRing(q));
  }));
  if (!parts.length) {
    if (anyInside) dropped.push(`${geom.id ?? "-"} ${name} (too small)`);
    continue;
  }
  if (iso === undefined) {
    if (geom.id === undefined) iso = "";
    else throw new Error(`no alpha-2 code for id ${geom.id} (${name}); add it to ISO2`);
  }
  countries.push({ iso, name, d: parts.join("") });
}
countries.sort((a, b) => (a.iso < b.iso ? -1 : a.iso > b.iso ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
for (let i = 1; i < countries.length; i++) {
  if (countries[i].iso !== "" && countries[i].iso === countries[i - 1].iso) {
    throw new Error(`duplicate iso ${countries[i].iso}`);
  }
}

const out = {
  source: `Natural Earth 1:50m via world-atlas ${atlasVersion} (public domain)`,
  projection: { name: "albers", lambda0: LAMBDA0, phi0: PHI0, phi1: PHI1, phi2: PHI2, k, tx, ty },
  frame: FRAME,
  width: WIDTH,
  height: HEIGHT,
  countries,
};
const json = JSON.stringify(out) + "\n";
writeFileSync(join(here, "map.json"), json);

console.log(`n=${n} C=${C} rho0=${rho0}`);
console.log(`window lon ${WINDOW.lon0}…${WINDOW.lon1} lat ${WINDOW.lat0}…${WINDOW.lat1}`);
console.log(`k=${k} tx=${tx} ty=${ty} height=${HEIGHT}`);
console.log(`${countries.length} countries, ${Buffer.byteLength(json)} bytes: ${countries.map((c) => c.iso || `"${c.name}"`).join(" ")}`);
if (dropped.length) console.log(`dropped: ${dropped.join("; ")}`);
