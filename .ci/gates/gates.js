#!/usr/bin/env node
// Real-browser quality gates for the ISKP Plots Atlas (issue 7).
//
// Run by .ci/gates/run.sh against a release binary it has started on a loopback port:
//
//     node .ci/gates/gates.js --base http://127.0.0.1:PORT --out target/gates
//
// It finds the pages by crawling from `/` (plus EXTRA_URLS and the 404 page), then runs on every
// HTML page: the W3C Nu HTML Checker, axe-core in Chromium at 375 and 1280 px (and 1280 px in dark
// mode), a check that no request leaves the atlas's origin, a reflow check at 375 px, screenshots,
// a #fragment check, a print-to-PDF check of one plot page, Debian's linkchecker from `/`, and
// (issue 14) Lighthouse on six pages, phone and desktop. Which page is looked at in which mode:
// planModes. One line per check, then `N passed, N failed` and the time per kind of step; the exit
// code is 1 on any failure. GATES_ONLY=/map,/patterns checks only those pages (for iterating);
// GATES_WORKERS=N sets how many browsers check pages side by side (default 2).
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, spawnSync } = require('child_process');

// ---------------------------------------------------------------------------------------------
// What to check. Edit these arrays, not the code below.

// Pages that the crawl from `/` may not reach (query pages, forms' results). Each is checked like
// a crawled page when it answers 200 with HTML; a 404 means "not built yet" and is skipped.
const EXTRA_URLS = [
  '/plots?country=DE',
  '/plots?country=FR&handler=IR',
  '/plots?country=XX&colour=red',
  '/search?q=cologne',
  '/search?q=nothing-matches-this',
  '/compare?plots=2022-11-strasbourg,2023-07-cologne-berlin',
  '/compare',
  '/briefing?plots=2022-11-strasbourg,2023-07-cologne-berlin',
  '/briefing',
  // Issue 15: the policy page (also in the menu), the filters' all-of mode and a ticked plot
  // outside the filter, compare's differing rows only, sources for one plot, search by date.
  '/policy',
  '/plots?nationality=tajik&nationality=russian&nationality_mode=all',
  '/plots?nationality=afghan&plots=2022-11-strasbourg',
  '/compare?plots=2022-11-strasbourg,2023-07-cologne-berlin&diff=only',
  '/sources?plot=2022-11-strasbourg',
  '/search?q=Tajik&sort=date',
  // A near miss shows the corrected search and offers the one as typed.
  '/search?q=Bremerhafen',
  '/search?q=Bremerhafen&exact=1',
  // The German edition's twins (the crawl reaches its permanent pages by the language switch).
  '/de/plots?country=DE',
  '/de/search?q=K%C3%B6ln',
  '/de/search?q=Moschee',
  '/de/compare?plots=2022-11-strasbourg,2023-07-cologne-berlin',
  '/de/briefing?plots=2022-11-strasbourg,2023-07-cologne-berlin',
  '/de/policy',
  '/de/sources?plot=2022-11-strasbourg',
];

// The HTML error pages, one per edition: must answer 404 and are checked like any other page.
// The German address of a version published in English only says so, and links both ways.
const NOT_FOUND_URLS = ['/this-page-does-not-exist', '/de/this-page-does-not-exist', '/de/v/1.0.0/plots/2022-11-strasbourg'];

// The page printed to PDF; its text must hold the page's <title> (or h1) and this path.
const PRINT_URL = '/plots/2022-11-strasbourg';

// How each page is looked at in Chromium. Every mode runs axe and takes a full-page screenshot.
const MODES = [
  { name: '375', width: 375, height: 812, mobile: true, scheme: 'light', reflow: true },
  { name: '1280', width: 1280, height: 800, mobile: false, scheme: 'light', reflow: false },
  { name: '1280-dark', width: 1280, height: 800, mobile: false, scheme: 'dark', reflow: false },
];

// WCAG 2.0, 2.1 and 2.2 A and AA rules (2.2 adds target-size, 2.5.8).
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
// The archived versions under /v/ are frozen bytes (src/archive.rs pins each one's SHA-256); they
// are served with static/wcag22.css added after their own stylesheet, and held to the same rules.
const ARCHIVE = /^\/v\/[^/]+\//;

// Debian's chromium. /usr/bin/chromium is a wrapper script that sources /etc/chromium.d/, which adds
// --enable-remote-extensions (and with it look-ups of the extension update hosts); the binary it
// runs is started directly, with only the flags below.
const CHROMIUM =
  process.env.CHROMIUM || ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((f) => fs.existsSync(f)) || '/usr/bin/chromium';
const MAX_PAGES = 500; // a crawl that finds more than this is itself a bug (endless query links)

// ---------------------------------------------------------------------------------------------

function parseArgs(argv) {
  const args = { base: process.env.GATES_BASE, out: process.env.GATES_OUT || 'target/gates' };
  for (let i = 2; i < argv.length; i++) {
    if (argv[i] === '--base') args.base = argv[++i];
    else if (argv[i] === '--out') args.out = argv[++i];
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!args.base) throw new Error('usage: gates.js --base http://127.0.0.1:PORT [--out DIR]');
  args.base = args.base.replace(/\/+$/, '');
  return args;
}

// --- reporting -------------------------------------------------------------------------------

const results = { passed: 0, failed: 0, findings: [] };

function check(name, problems, note = '') {
  const ok = problems.length === 0;
  if (ok) results.passed++;
  else results.failed++;
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}${note ? `  (${note})` : ''}`);
  for (const p of problems) console.log(`      - ${p}`);
  if (!ok) results.findings.push({ check: name, problems });
  return ok;
}

function info(msg) {
  console.log(`      ${msg}`);
}

// --- helpers ---------------------------------------------------------------------------------

// Where the time goes: seconds per kind of step, summed, printed at the end.
const timings = new Map();
function timing(label, since) {
  const t = timings.get(label) || { ms: 0, n: 0 };
  t.ms += Date.now() - since;
  t.n++;
  timings.set(label, t);
}
function reportTimings() {
  const rows = [...timings].sort((a, b) => b[1].ms - a[1].ms);
  console.log('      time spent (s, summed over steps; steps in parallel overlap):');
  for (const [label, t] of rows) console.log(`        ${(t.ms / 1000).toFixed(1).padStart(7)}  ${label} (${t.n}x)`);
  results.timings = Object.fromEntries(rows.map(([l, t]) => [l, { seconds: t.ms / 1000, count: t.n }]));
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function decodeEntities(s) {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(parseInt(d, 10)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

// href values of <a> and <area> elements in raw HTML.
function linksIn(html) {
  const out = [];
  const tag = /<(?:a|area)\b[^>]*>/gi;
  const href = /\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;
  for (const m of html.matchAll(tag)) {
    const h = m[0].match(href);
    if (h) out.push(decodeEntities(h[1] ?? h[2] ?? h[3]));
  }
  return out;
}

// `/plots/2022-11-strasbourg?x=1` -> `plots-2022-11-strasbourg_x-1`, `/` -> `index`.
function fileName(pathAndQuery) {
  const s = pathAndQuery
    .replace(/^\/+/, '')
    .replace(/\?/, '_')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return (s || 'index').slice(0, 120);
}

async function get(url) {
  const res = await fetch(url, { redirect: 'manual' });
  const body = await res.text();
  return { status: res.status, type: res.headers.get('content-type') || '', body };
}

const isHtml = (type) => /^text\/html\b/i.test(type);

// --- 1. discovery ----------------------------------------------------------------------------

async function waitForHealth(base) {
  const deadline = Date.now() + 60_000;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const r = await get(`${base}/healthz`);
      if (r.status === 200 && r.body.trim() === 'ok') return '';
      last = `status ${r.status}: ${r.body.slice(0, 80)}`;
    } catch (e) {
      last = String(e.cause?.code || e.message);
    }
    await sleep(250);
  }
  return `/healthz did not answer "ok" within 60 s (last: ${last})`;
}

// Breadth-first from `/`: same origin, no fragments, HTML pages only.
async function discover(base) {
  const origin = new URL(base).origin;
  const pages = new Map(); // pathAndQuery -> { url, path, status, html }
  const problems = [];
  const queue = ['/'];
  const seen = new Set(queue);
  while (queue.length) {
    const p = queue.shift();
    const url = origin + p;
    let r;
    try {
      r = await get(url);
    } catch (e) {
      problems.push(`${p}: ${e.message}`);
      continue;
    }
    if (r.status !== 200 || !isHtml(r.type)) continue; // JSON, assets, broken links: linkchecker's job
    pages.set(p, { url, path: p, status: 200, html: r.body });
    if (pages.size >= MAX_PAGES) {
      problems.push(`more than ${MAX_PAGES} pages: stopped crawling`);
      break;
    }
    for (const href of linksIn(r.body)) {
      let u;
      try {
        u = new URL(href, url);
      } catch {
        continue;
      }
      if (u.origin !== origin) continue;
      const key = u.pathname + u.search;
      if (!seen.has(key)) {
        seen.add(key);
        queue.push(key);
      }
    }
  }
  return { pages, problems };
}

// --- 2. Nu HTML Checker ----------------------------------------------------------------------

function startNu(pages, dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const byFile = new Map();
  for (const page of pages) {
    const file = path.resolve(dir, `${page.file}.html`);
    fs.writeFileSync(file, page.html);
    byFile.set(file, page.path);
  }
  const jar = require.resolve('vnu-jar/build/dist/vnu.jar');
  const args = ['-Xss4m', '-jar', jar, '--errors-only', '--format', 'json', '--exit-zero-always', ...byFile.keys()];
  return new Promise((resolve) => {
    const child = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', (e) => resolve({ byFile, error: `could not run java: ${e.message}` }));
    child.on('close', (code) => {
      const text = err.trim() || out.trim();
      try {
        resolve({ byFile, messages: JSON.parse(text).messages });
      } catch {
        resolve({ byFile, error: `vnu exited ${code} without JSON: ${text.slice(0, 500)}` });
      }
    });
  });
}

function reportNu(nu, pages) {
  if (nu.error) {
    check('nu: W3C Nu HTML Checker ran', [nu.error]);
    return;
  }
  const perPage = new Map(pages.map((p) => [p.path, []]));
  const other = [];
  for (const m of nu.messages) {
    const file = m.url ? decodeURIComponent(m.url.replace(/^file:(\/\/)?/, '')) : '';
    const page = nu.byFile.get(path.resolve(file));
    const where = m.lastLine ? `line ${m.lastLine}${m.firstColumn ? `:${m.firstColumn}` : ''}` : '';
    const extract = m.extract ? `  [${m.extract.replace(/\s+/g, ' ').trim().slice(0, 120)}]` : '';
    const text = `${where}: ${m.type}${m.subType ? `/${m.subType}` : ''}: ${m.message}${extract}`;
    if (page !== undefined) perPage.get(page).push(text);
    else other.push(`${m.url || '?'} ${text}`);
  }
  for (const [p, problems] of perPage) check(`nu        ${p}`, problems);
  if (other.length) check('nu: messages not tied to a page', other);
}

// --- 3. Chromium: axe, requests, reflow, screenshots, fragments -----------------------------

// The flags every Chromium of the gates starts with (puppeteer's and Lighthouse's alike).
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-dev-shm-usage',
  '--disable-domain-reliability',
  '--no-pings',
  '--dns-prefetch-disable',
  '--font-render-hinting=none',
  // Belt and braces for "nothing leaves the machine": no host name but 127.0.0.1 is resolved
  // (no DNS query at all), and whatever is not loopback would go to a proxy on a closed local
  // port. Page requests to other hosts are caught and reported before either applies.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  '--proxy-server=http://127.0.0.1:9',
  '--proxy-bypass-list=<-loopback>;127.0.0.1',
  // What the browser itself still asks for despite the flags above (the network time service,
  // the on-device model manifest from the component updater, the sign-in host) is either
  // switched off or pointed at that closed local port. puppeteer-core merges this
  // --disable-features with its own.
  '--disable-features=NetworkTimeServiceQuerying,OptimizationGuideOnDeviceModel',
  '--component-updater=url-source=http://127.0.0.1:9/',
  '--gaia-url=http://127.0.0.1:9/',
];

async function launchBrowser(profileDir) {
  const puppeteer = require('puppeteer-core');
  return puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    userDataDir: profileDir,
    args: [
      '--headless',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-default-browser-check',
      '--metrics-recording-only',
      ...CHROMIUM_FLAGS,
    ],
    protocolTimeout: 60_000,
  });
}

async function openTab(browser, mode, origin, log) {
  const page = await browser.newPage();
  await page.setCacheEnabled(false);
  await page.setViewport({
    width: mode.width,
    height: mode.height,
    deviceScaleFactor: 1,
    isMobile: mode.mobile,
    hasTouch: mode.mobile,
  });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: mode.scheme }]);
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const u = req.url();
    if (u.startsWith('data:') || u.startsWith('about:') || u.startsWith('blob:')) return req.continue();
    let o = '';
    try {
      o = new URL(u).origin;
    } catch {
      /* unparsable: outside */
    }
    if (o === origin) return req.continue();
    log.outside.push(u);
    return req.abort('blockedbyclient');
  });
  page.on('response', (res) => {
    if (res.url() !== log.url && res.status() >= 400) log.failed.push(`${res.status()} ${res.url()}`);
  });
  page.on('requestfailed', (req) => {
    const why = req.failure()?.errorText || 'failed';
    if (!why.startsWith('net::ERR_BLOCKED_BY_CLIENT')) log.failed.push(`${why} ${req.url()}`);
  });
  page.on('console', (msg) => {
    const t = msg.text();
    // Resource statuses are checked from the responses themselves (the 404 page logs its own 404).
    if (/^Failed to load resource/.test(t)) return;
    if (msg.type() === 'error' || msg.type() === 'warn' || msg.type() === 'warning') log.console.push(`${msg.type()}: ${t}`);
  });
  page.on('pageerror', (e) => log.console.push(`page error: ${e.message}`));
  return page;
}

async function runAxe(page, axeSource, tags = AXE_TAGS) {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern, so the page's
  // own policy stays in force (no setBypassCSP) while axe runs.
  const loaded = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!loaded) await page.evaluate(axeSource);
  // The stylesheet lets the browser skip laying out sections far off screen
  // (content-visibility: auto); a reader who scrolls there sees them laid out, and that is what
  // axe must measure (target sizes, contrast), so every such element is rendered first.
  await page.evaluate(() => {
    for (const el of document.querySelectorAll('*')) if (getComputedStyle(el).contentVisibility === 'auto') el.style.contentVisibility = 'visible';
  });
  return page.evaluate(
    (tags) =>
      window.axe
        .run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
        .then((r) => ({
          violations: r.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            nodes: v.nodes.map((n) => ({
              target: n.target.join(' '),
              message: [...n.any, ...n.all, ...n.none].map((c) => c.message).filter(Boolean)[0] || n.failureSummary,
            })),
          })),
          incomplete: r.incomplete.map((v) => ({
            id: v.id,
            help: v.help,
            nodes: v.nodes.map((n) => ({
              target: n.target.join(' '),
              message: [...n.any, ...n.all, ...n.none].map((c) => c.message).filter(Boolean)[0] || n.failureSummary,
            })),
          })),
        })),
    tags,
  );
}

// Which modes each page is looked at in (issue 14: the gates must stay within a few minutes on
// two cores). Every English page: 375 and 1280 px. Dark mode (1280 px): one page of each kind
// (see pageKind), as the dark scheme only swaps colours, which come from one stylesheet. The German
// twins (/de/…) share the English pages' templates and stylesheet: each is checked at 1280 px
// (and by Nu, like every page); one German page of each kind also at 375 px, for longer words.
// The archived versions (/v/…, frozen, with static/wcag22.css served beside their own stylesheet):
// at 1280 px, and one page of each kind (of any version) also at 375 px.
function planModes(pages) {
  const firstOfKind = new Set();
  const seenKinds = new Set();
  for (const p of pages) {
    const k = pageKind(p.path);
    if (!seenKinds.has(k)) {
      seenKinds.add(k);
      firstOfKind.add(p.path);
    }
  }
  const plan = new Map();
  for (const p of pages) {
    const german = /^\/de(\/|$)/.test(p.path);
    const rep = firstOfKind.has(p.path);
    const names = ARCHIVE.test(p.path)
      ? rep ? ['375', '1280'] : ['1280']
      : german ? (rep ? ['375', '1280'] : ['1280']) : rep ? ['375', '1280', '1280-dark'] : ['375', '1280'];
    plan.set(p.path, MODES.filter((m) => names.includes(m.name)));
  }
  return plan;
}

// `/plots/2022-11-strasbourg/changes` -> `/plots/*/*`, `/plots?country=DE` -> `/plots?`, the two
// editions apart (`/de/plots/*`), and an archived page by what it is (`/v/1.0.0/map` -> `v/map`):
// pages of one kind share a template.
function pageKind(p) {
  const [pathname, query] = p.split('?');
  const segs = pathname.split('/').filter(Boolean);
  let lang = segs[0] === 'de' ? segs.shift() : '';
  if (segs[0] === 'v') {
    segs.splice(0, 2);
    lang += lang ? ':v' : 'v';
  }
  const kind = segs.length ? [segs[0], ...segs.slice(1).map(() => '*')].join('/') : '';
  return `${lang}/${kind}${query !== undefined ? '?' : ''}`;
}

// Parallel browsers: GATES_WORKERS (default 2), each with one tab per mode.
async function browserGates(pages, origin, outDir, profileDir) {
  const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const shotDir = path.join(outDir, 'screenshots');
  fs.rmSync(shotDir, { recursive: true, force: true });
  fs.mkdirSync(shotDir, { recursive: true });
  const plan = planModes(pages);
  const counts = {};
  for (const modes of plan.values()) for (const m of modes) counts[m.name] = (counts[m.name] || 0) + 1;
  info(`modes: ${Object.entries(counts).map(([m, n]) => `${m} on ${n} pages`).join(', ')}`);

  const nWorkers = Math.max(1, Math.min(Number(process.env.GATES_WORKERS || 2), pages.length));
  const workers = [];
  for (let i = 0; i < nWorkers; i++) {
    try {
      const browser = await launchBrowser(path.join(profileDir, `w${i}`));
      const log = { url: '', outside: [], failed: [], console: [] };
      const tabs = [];
      for (const mode of MODES) tabs.push({ mode, page: await openTab(browser, mode, origin, log) });
      workers.push({ browser, log, tabs });
    } catch (e) {
      check('chromium: started', [e.message]);
      for (const w of workers) await w.browser.close().catch(() => {});
      return null;
    }
  }
  console.log(`      chromium ${await workers[0].browser.version()}, ${nWorkers} in parallel`);

  const shots = [];
  const shotProblems = [];
  const dom = new Map(); // page path -> { ids, links, title, h1 }
  const axeIncomplete = [];
  const found = new Map(); // page path -> [[check name, problems, note]], reported in page order

  async function checkPage(w, p) {
    const out = [];
    const pageLog = { outside: new Set(), failed: new Set(), console: new Set() };
    const loadProblems = [];
    const { log } = w;
    for (const { mode, page } of w.tabs.filter((t) => plan.get(p.path).includes(t.mode))) {
      log.url = p.url;
      log.outside = [];
      log.failed = [];
      log.console = [];
      let res;
      try {
        // Only the tab in front paints frames; a screenshot of a background tab can hang.
        await page.bringToFront();
        const t0 = Date.now();
        res = await page.goto(p.url, { waitUntil: 'load', timeout: 30_000 });
        timing(`load@${mode.name}`, t0);
      } catch (e) {
        loadProblems.push(`@${mode.name}: ${e.message}`);
        continue;
      }
      const status = res ? (res.status() === 304 ? 200 : res.status()) : 0;
      if (status !== p.status) loadProblems.push(`@${mode.name}: document answered ${res ? res.status() : 'nothing'}, expected ${p.status}`);

      // axe
      const tAxe = Date.now();
      try {
        const r = await runAxe(page, axeSource, AXE_TAGS);
        const problems = [];
        for (const v of r.violations)
          for (const n of v.nodes) problems.push(`${v.id} (${v.impact}) at \`${n.target}\`: ${n.message || v.help}`);
        out.push([`axe@${mode.name.padEnd(9)} ${p.path}`, problems]);
        for (const v of r.violations) results.axe.push({ page: p.path, mode: mode.name, ...v });
        for (const i of r.incomplete) axeIncomplete.push({ page: p.path, mode: mode.name, ...i });
      } catch (e) {
        out.push([`axe@${mode.name.padEnd(9)} ${p.path}`, [`axe did not run: ${e.message}`]]);
      }
      timing(`axe@${mode.name}`, tAxe);

      // reflow: nothing wider than the viewport at phone width (WCAG 1.4.10)
      if (mode.reflow) {
        // Against the device width, not the layout viewport: a page without a viewport meta lays
        // out at 980 px and fails here too.
        const over = await page.evaluate((vw) => {
          const sw = document.documentElement.scrollWidth;
          if (sw <= vw + 1) return [];
          const wide = [];
          for (const el of document.body.querySelectorAll('*')) {
            const r = el.getBoundingClientRect();
            if (r.right > vw + 1 && r.width > 0) {
              let inScroller = false;
              for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
                const ox = getComputedStyle(a).overflowX;
                if (ox === 'auto' || ox === 'scroll' || ox === 'hidden' || ox === 'clip') inScroller = true;
              }
              if (!inScroller) {
                const id = el.id ? `#${el.id}` : '';
                const cls = el.classList.length ? `.${[...el.classList].join('.')}` : '';
                wide.push(`${el.tagName.toLowerCase()}${id}${cls} (right edge ${Math.round(r.right)} px)`);
              }
            }
            if (wide.length >= 5) break;
          }
          return [`page is ${sw} px wide at a ${vw} px wide screen${wide.length ? `; sticking out: ${wide.join(', ')}` : ''}`];
        }, mode.width);
        out.push([`reflow@${mode.name.padEnd(6)} ${p.path}`, over]);
      }

      // the DOM facts the fragment and print checks need, once per page
      if (!dom.has(p.path)) {
        dom.set(
          p.path,
          await page.evaluate(() => ({
            ids: [...document.querySelectorAll('[id]')].map((e) => e.id).concat([...document.querySelectorAll('a[name]')].map((e) => e.name)),
            links: [...document.querySelectorAll('a[href], area[href]')].map((a) => a.href),
            hints: [...document.querySelectorAll('link[rel~="preconnect" i], link[rel~="dns-prefetch" i], link[rel~="prefetch" i], link[rel~="preload" i], link[rel~="prerender" i]')].map((l) => l.href),
            title: document.title,
            h1: document.querySelector('h1')?.textContent || '',
          })),
        );
      }

      // screenshot
      const file = path.join(shotDir, `${p.file}-${mode.name}.png`);
      const tShot = Date.now();
      try {
        await page.screenshot({ path: file, fullPage: true, captureBeyondViewport: true, optimizeForSpeed: true });
        shots.push(file);
      } catch (e) {
        shotProblems.push(`${p.path} @${mode.name}: ${e.message}`);
      }
      timing(`screenshot@${mode.name}`, tShot);

      for (const u of log.outside) pageLog.outside.add(u);
      for (const u of log.failed) pageLog.failed.add(`@${mode.name}: ${u}`);
      for (const c of log.console) pageLog.console.add(`@${mode.name}: ${c}`);
    }

    // outside requests (and resource hints towards another host, which no request event shows)
    const outside = [...pageLog.outside].map((u) => `request to ${u}`);
    for (const h of dom.get(p.path)?.hints || []) {
      try {
        if (new URL(h).origin !== origin) outside.push(`resource hint towards ${h}`);
      } catch {
        outside.push(`resource hint with bad URL ${h}`);
      }
    }
    out.push([`requests  ${p.path}`, outside, 'every request to the atlas itself']);
    out.push([`load      ${p.path}`, [...loadProblems, ...pageLog.failed, ...pageLog.console], `status ${p.status}, subresources, console`]);
    found.set(p.path, out);
  }

  const queue = [...pages];
  await Promise.all(
    workers.map(async (w) => {
      for (let p = queue.shift(); p; p = queue.shift()) await checkPage(w, p);
    }),
  );
  for (const p of pages) for (const [name, problems, note] of found.get(p.path) || []) check(name, problems, note);
  for (const w of workers.slice(1)) await w.browser.close().catch(() => {});

  check(`screenshots: ${shots.length} written to ${path.relative(process.cwd(), shotDir) || shotDir}`, shotProblems);
  results.axeIncomplete = axeIncomplete;
  return { browser: workers[0].browser, tabs: workers[0].tabs, dom };
}

// Every link with a #fragment to a checked page names an id (or a[name]) on that page.
function fragmentGate(dom, origin) {
  const problems = [];
  let count = 0;
  for (const [from, facts] of dom) {
    for (const href of facts.links) {
      let u;
      try {
        u = new URL(href);
      } catch {
        continue;
      }
      if (u.origin !== origin || !u.hash || u.hash === '#') continue;
      const target = dom.get(u.pathname + u.search);
      if (!target) continue;
      count++;
      const id = decodeURIComponent(u.hash.slice(1));
      if (!target.ids.includes(id)) problems.push(`${from}: link to ${u.pathname}${u.search}${u.hash}: no element with that id`);
    }
  }
  check(`fragments: ${count} #links land on an element`, [...new Set(problems)]);
}

// --- 4. print --------------------------------------------------------------------------------

function norm(s) {
  return s.normalize('NFKC').replace(/\u00ad/g, '').replace(/\s+/g, ' ').trim();
}

// Prints `url` to an A4 PDF at `pdf`, loading nothing from outside its origin; returns problems.
async function printToPdf(browser, url, pdf) {
  const problems = [];
  const page = await browser.newPage();
  try {
    await page.setRequestInterception(true);
    page.on('request', (r) => (r.url().startsWith(new URL(url).origin + '/') || r.url().startsWith('data:') ? r.continue() : r.abort()));
    await page.goto(url, { waitUntil: 'load' });
    // No browser header or footer: the printed page itself must say what it is and where it lives.
    await page.pdf({ path: pdf, format: 'A4', printBackground: true, displayHeaderFooter: false });
  } catch (e) {
    problems.push(`printing failed: ${e.message}`);
  } finally {
    await page.close();
  }
  return problems;
}

async function printGate(browser, pages, dom, outDir) {
  const target = pages.find((p) => p.path === PRINT_URL) || pages.find((p) => p.path.startsWith('/plots/'));
  if (!target) return check(`print: ${PRINT_URL}`, ['no plot page was found to print']);
  const pdf = path.join(outDir, `print-${fileName(target.path)}.pdf`);
  const problems = await printToPdf(browser, target.url, pdf);
  if (!problems.length) {
    // Two readings: pdftotext's default one joins a word broken at a line end (and so drops the
    // hyphen of `2022-11-` + `strasbourg`); -layout keeps lines as printed.
    const texts = [];
    for (const mode of [[], ['-layout']]) {
      const r = spawnSync('pdftotext', [...mode, '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
      if (r.error || r.status !== 0) problems.push(`pdftotext ${mode.join(' ')} failed: ${r.error ? r.error.message : r.stderr}`);
      else texts.push(norm(r.stdout));
    }
    if (texts.length) {
      const text = texts[0];
      const facts = dom.get(target.path) || { title: '', h1: '' };
      const title = norm(facts.title);
      const h1 = norm(facts.h1);
      const has = (needle) => needle && texts.some((t) => t.includes(needle) || t.replace(/\s+/g, '').includes(needle.replace(/\s+/g, '')));
      if (!has(title) && !has(h1)) problems.push(`the PDF's text holds neither the <title> "${title}" nor the h1 "${h1}"`);
      else info(`found in the PDF: ${has(title) ? `the <title> "${title}"` : `the h1 "${h1}"`}`);
      if (!has(target.path)) problems.push(`the PDF's text does not hold the page's path ${target.path}`);
      const pagesMatch = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout?.match(/^Pages:\s+(\d+)/m);
      info(`${path.relative(process.cwd(), pdf)}: ${pagesMatch ? pagesMatch[1] : '?'} A4 pages, ${text.length} characters of text`);
    }
  }
  return check(`print: ${target.path} to PDF holds its title and URL`, problems);
}

// The briefing pack of all plots, printed: every plot's address must survive as one intact string
// (not upper-cased, not hyphenated or broken across lines), so it can be copied from the PDF.
async function briefingGate(browser, base, outDir) {
  const problems = [];
  const api = await fetch(`${base}/api/plots.json`).then((r) => r.json());
  const slugs = api.plots.map((p) => p.slug);
  const pdf = path.join(outDir, 'print-briefing-all.pdf');
  problems.push(...(await printToPdf(browser, `${base}/briefing?plots=${slugs.join(',')}`, pdf)));
  if (!problems.length) {
    for (const mode of [[], ['-layout']]) {
      const r = spawnSync('pdftotext', [...mode, '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
      if (r.error || r.status !== 0) {
        problems.push(`pdftotext ${mode.join(' ')} failed: ${r.error ? r.error.message : r.stderr}`);
        continue;
      }
      for (const slug of slugs) {
        const address = `${base}/plots/${slug}`;
        const found = r.stdout.split(address).length - 1;
        // The contents list, the page's running head and its closing line each give it.
        if (found < 2) problems.push(`${mode.join(' ') || 'default'} reading: ${address} appears intact ${found} time(s)`);
      }
    }
    const pages = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout?.match(/^Pages:\s+(\d+)/m);
    info(`${path.relative(process.cwd(), pdf)}: ${pages ? pages[1] : '?'} A4 pages for ${slugs.length} plots`);
  }
  return check(`print: the briefing pack of all ${slugs.length} plots keeps every plot's address intact`, problems);
}

// --- paper: printed pages and tables on a phone (issue 14, parts 3, 4 and 6) -------------------
// Self-contained: the briefing pack's page counts in both editions, the running margins of a
// printed page, and every data table at 375 px.
async function paperGates(browser, base, outDir) {
  const api = await fetch(`${base}/api/plots.json`).then((r) => r.json());
  const slugs = api.plots.map((p) => p.slug);
  const pdfText = (pdf) => spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).stdout || '';
  const pdfPages = (pdf) => Number((spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout || '').match(/^Pages:\s+(\d+)/m)?.[1] || 0);
  const editions = [''];
  if ((await get(`${base}/de/`).catch(() => ({ status: 0 }))).status === 200) editions.push('/de');

  // The briefing pack: a cover of at most half a page, one A4 page per plot, then the sources.
  for (const ed of editions) {
    for (const [chosen, most] of [[slugs, slugs.length + 2], [slugs.slice(2, 4), 4]]) {
      const pdf = path.join(outDir, `print-briefing${ed.replace('/', '-')}-${chosen.length}.pdf`);
      const problems = await printToPdf(browser, `${base}${ed}/briefing?plots=${chosen.join(',')}`, pdf);
      const n = problems.length ? 0 : pdfPages(pdf);
      if (!problems.length && n > most) problems.push(`${n} A4 pages, at most ${most} allowed`);
      if (!problems.length) info(`${path.relative(process.cwd(), pdf)}: ${n} A4 pages`);
      check(`print: ${ed}/briefing of ${chosen.length} plots in at most ${most} A4 pages`, problems);
    }
  }

  // Every printed page names the atlas, its own address, the day and its page number.
  for (const p of ['/plots/' + slugs[2], '/offices']) {
    const pdf = path.join(outDir, `print-margins-${fileName(p)}.pdf`);
    const problems = await printToPdf(browser, `${base}${p}`, pdf);
    if (!problems.length) {
      const text = pdfText(pdf);
      const n = pdfPages(pdf);
      // The page's own permanent address, as its canonical link gives it (--public-url or the host).
      const html = (await get(`${base}${p}`)).body || '';
      const address = decodeEntities(html.match(/<link rel="canonical" href="([^"]+)"/)?.[1] || `${base}${p}`);
      const lines = text.split('\n');
      if (lines.filter((l) => l.includes(address)).length < n) problems.push(`the address ${address} is not on each of its ${n} pages`);
      if ((text.match(/ISKP Plots Atlas/g) || []).length < n) problems.push('the atlas is not named on every page');
      for (let i = 1; i <= n; i++) if (!new RegExp(`\\b${i} ?/ ?${n}\\b`).test(text)) problems.push(`no page number ${i} / ${n}`);
      if (!/Retrieved \d/.test(text)) problems.push('no retrieval date');
    }
    check(`print: every page of ${p} names the atlas, its address, the date and its number`, problems);
  }

  // Compare on paper: the whole table, in the page's flow (no inner scroll box, no sticky cells),
  // with the footer after it; on screen the box scrolls, which paper cannot.
  {
    const page = await browser.newPage();
    await page.setViewport({ width: 794, height: 1123 });
    await page.emulateMediaType('print');
    const problems = [];
    for (const ed of editions) {
      await page.goto(`${base}${ed}/compare?plots=${slugs.slice(0, 3).join(',')}`, { waitUntil: 'load' });
      problems.push(...(await page.evaluate((ed) => {
        const out = [];
        const box = document.querySelector('.compare-scroll');
        const table = box && box.querySelector('table');
        const footer = document.querySelector('.site-footer');
        if (!table || !footer) return [`${ed}/compare: no table or footer`];
        if (box.scrollHeight > box.clientHeight + 1) out.push(`${ed}/compare: the table scrolls inside its box (${box.scrollHeight} > ${box.clientHeight} px), so paper shows part of it`);
        for (const c of table.querySelectorAll('th, td')) {
          if (getComputedStyle(c).position === 'sticky') { out.push(`${ed}/compare: sticky cells in print`); break; }
        }
        if (footer.getBoundingClientRect().top < table.getBoundingClientRect().bottom - 1) out.push(`${ed}/compare: the footer starts above the table's end`);
        return out;
      }, ed)));
    }
    await page.close();
    check('print: /compare prints its whole table, the footer after it', problems);
  }

  // Tables at 375 px: each cell is on screen, or inside a scroll container that is a labelled,
  // focusable region and says (visibly) that it scrolls.
  const page = await browser.newPage();
  await page.setViewport({ width: 375, height: 800, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
  const tablePages = ['/', '/map', '/patterns', `/compare?plots=${slugs.slice(0, 3).join(',')}`];
  for (const ed of editions) {
    for (const p of tablePages) {
      await page.goto(`${base}${ed}${p}`, { waitUntil: 'load' });
      const count = await page.evaluate(() => document.querySelectorAll('main table').length);
      const problems = [];
      for (let i = 0; i < count; i++) {
        // Each table as a reader reaches it: scrolled to (sections far off screen are not laid out
        // until then, see content-visibility), its closed <details> opened; scroll-state container
        // queries settle a frame or two after layout.
        await page.evaluate((i) => {
          const table = document.querySelectorAll('main table')[i];
          for (let el = table; el; el = el.parentElement) if (el.tagName === 'DETAILS') el.open = true;
          table.scrollIntoView({ block: 'center' });
        }, i);
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        problems.push(...(await page.evaluate((i) => {
        const out = [];
        const vw = document.documentElement.clientWidth;
        for (const table of [document.querySelectorAll('main table')[i]]) {
          let scroller = null;
          for (let el = table.parentElement; el && el !== document.body; el = el.parentElement) {
            const ox = getComputedStyle(el).overflowX;
            if ((ox === 'auto' || ox === 'scroll') && el.scrollWidth > el.clientWidth + 1) { scroller = el; break; }
          }
          const name = table.querySelector('caption')?.textContent.trim().slice(0, 40) || table.className;
          if (scroller) {
            const labelled = scroller.getAttribute('aria-label') || scroller.getAttribute('aria-labelledby');
            const cue = getComputedStyle(scroller, '::before');
            const says = cue.display !== 'none' && cue.content && cue.content !== 'none' && cue.content !== '""';
            if (scroller.getAttribute('role') !== 'region' || !labelled || scroller.tabIndex !== 0)
              out.push(`"${name}" scrolls in a container that is not a labelled, focusable region`);
            if (!says) out.push(`"${name}" scrolls but nothing says so`);
            continue;
          }
          for (const cell of table.querySelectorAll('th, td')) {
            const r = cell.getBoundingClientRect();
            if (r.width && (r.left < -1 || r.right > vw + 1)) {
              out.push(`"${name}": a cell ("${cell.textContent.trim().slice(0, 30)}") is off screen (${Math.round(r.left)}–${Math.round(r.right)} of ${vw} px)`);
              break;
            }
          }
        }
        return out;
        }, i)));
      }
      check(`tables@375 ${ed}${p}: every cell on screen or in a scroll region that says so`, problems);
    }
  }

  // /network: every label inside its box, at a phone's width and a desktop's, and the picture
  // as wide as its frame (or wider, scrolling inside it) rather than a part of it.
  for (const ed of editions) {
    for (const width of [375, 768, 1280]) {
      await page.setViewport({ width, height: 900, deviceScaleFactor: 1, isMobile: width < 500, hasTouch: width < 500 });
      await page.goto(`${base}${ed}/network`, { waitUntil: 'load' });
      const problems = await page.evaluate(() => {
        const out = [];
        const svg = document.querySelector('svg.network');
        if (!svg) return ['no svg.network on the page'];
        for (const a of svg.querySelectorAll('a')) {
          const rect = a.querySelector('rect');
          const text = a.querySelector('text');
          if (!rect || !text) continue;
          const r = rect.getBBox();
          const t = text.getBBox();
          if (t.x < r.x + 2 || t.x + t.width > r.x + r.width - 2 || t.y < r.y || t.y + t.height > r.y + r.height + 1)
            out.push(`"${text.textContent}" (${t.width.toFixed(1)} wide) overflows its box (${r.width.toFixed(1)} wide)`);
        }
        const frame = svg.parentElement.getBoundingClientRect().width;
        const drawn = svg.getBoundingClientRect().width;
        if (drawn < frame * 0.9) out.push(`the picture is ${Math.round(drawn)} px wide in a ${Math.round(frame)} px frame`);
        return out;
      });
      check(`network@${width} ${ed}/network: every label fits its box, the picture fills its frame`, problems);
    }
  }
  await page.close();
}

// --- 5. link crawl ---------------------------------------------------------------------------

function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

// Starts linkchecker; resolves to a function that prints its result (so it can run beside Chromium).
function linkGate(base, startUrls, outDir) {
  const origin = new URL(base).origin;
  const esc = origin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Not --check-extern, and every URL outside the atlas is ignored: linkchecker connects to nothing
  // but the atlas (not even a DNS look-up for another host or a mailto: domain).
  const args = ['--no-status', '--verbose', '--recursion-level=-1', '--timeout=30', `--ignore-url=^(?!${esc}/)`, '--output=csv', ...startUrls];
  return new Promise((resolve) => {
    const child = spawn('linkchecker', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', (e) => resolve(() => check('links: linkchecker ran', [`could not run linkchecker: ${e.message}`])));
    child.on('close', (code) => {
      fs.writeFileSync(path.join(outDir, 'linkchecker.csv'), out);
      const lines = out.split('\n').filter((l) => !l.startsWith('#'));
      const rows = parseCsv(lines.join('\n')).filter((r) => r.length > 8);
      const head = rows.shift() || [];
      const col = Object.fromEntries(head.map((h, i) => [h, i]));
      if (col.urlname === undefined) {
        resolve(() => check('links: linkchecker ran', [`no CSV from linkchecker (exit ${code}): ${(err || out).slice(0, 500)}`]));
        return;
      }
      const problems = [];
      let internal = 0;
      for (const r of rows) {
        if (r[col.result] === 'filtered') continue;
        internal++;
        const bad = r[col.valid] !== 'True';
        const warn = (r[col.warningstring] || '').trim();
        if (bad || warn) {
          const where = r[col.parentname] ? ` (linked from ${r[col.parentname]} line ${r[col.line]})` : '';
          problems.push(`${r[col.url] || r[col.urlname]}${where}: ${r[col.result]}${warn ? `; ${warn}` : ''}`);
        }
      }
      if (code !== 0 && !problems.length) problems.push(`linkchecker exited ${code}: ${err.split('\n').filter((l) => !/Running as root|Checking intern URLs/.test(l)).join(' ').slice(0, 500)}`);
      resolve(() => check(`links: linkchecker from / (${internal} atlas URLs answer 200; outside URLs not contacted)`, problems));
    });
  });
}

// --- 6. Lighthouse (issue 14) -----------------------------------------------------------------
//
// Lighthouse 12.2.3 (the last line that runs on Node 20) against Debian's Chromium, started by
// chrome-launcher with the same no-network flags as the other browser gates. Every page in
// LIGHTHOUSE_URLS is audited as a phone (Lighthouse's default: Moto G Power, simulated slow 4G and
// 4x CPU slowdown) and as a desktop; each of the four categories must score 100. It runs after the
// other browser gates, alone, so their load does not skew the performance scores. The server must
// have been started with --public-url set to its own address (run.sh does), as a deployment is:
// the canonical and alternate links then point at the audited origin.

const LIGHTHOUSE_URLS = ['/', '/plots/2022-11-strasbourg', '/offices', '/patterns', '/map', '/de/'];
const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

async function lighthouseGate(base, outDir, only) {
  const urls = LIGHTHOUSE_URLS.filter((u) => !only || only.includes(u));
  if (!urls.length) return;
  const started = Date.now();
  const dir = path.join(outDir, 'lighthouse');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  let lighthouse, desktopConfig, chromeLauncher;
  try {
    lighthouse = (await import('lighthouse')).default;
    desktopConfig = (await import('lighthouse/core/config/desktop-config.js')).default;
    chromeLauncher = await import('chrome-launcher');
  } catch (e) {
    check('lighthouse: loaded', [`could not load lighthouse 12.2.3 from .ci/gates/node_modules: ${e.message}`]);
    return;
  }
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-gates-lighthouse-'));
  let chrome;
  try {
    chrome = await chromeLauncher.launch({
      chromePath: CHROMIUM,
      userDataDir: profileDir,
      chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
    });
  } catch (e) {
    check('lighthouse: chromium started', [e.message]);
    fs.rmSync(profileDir, { recursive: true, force: true });
    return;
  }
  const table = [];
  try {
    // A fresh browser's first page load is slow (caches, fonts); one run that does not count.
    const tw = Date.now();
    await lighthouse(base + urls[0], { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] }).catch(() => {});
    timing('lighthouse warm-up', tw);
    for (const u of urls) {
      for (const form of ['mobile', 'desktop']) {
        const flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: LIGHTHOUSE_CATEGORIES };
        const config = form === 'desktop' ? desktopConfig : undefined;
        const problems = [];
        let scores = null;
        // Performance is a timing and varies between runs on a busy machine: when the first run
        // scores below 100, four more runs are made and the median of five counts (Lighthouse's own advice
        // on variance). A run that fails to record (NO_NAVSTART and the like) is repeated.
        const runs = [];
        for (let attempt = 1; attempt <= 6 && runs.length < 5; attempt++) {
          let r;
          try {
            const t0 = Date.now();
            r = await lighthouse(base + u, flags, config);
            timing(`lighthouse ${form}`, t0);
          } catch (e) {
            info(`lighthouse ${form} ${u}: run ${attempt} failed: ${e.message}`);
            continue;
          }
          if (r.lhr.runtimeError) {
            info(`lighthouse ${form} ${u}: run ${attempt}: ${r.lhr.runtimeError.code}`);
            continue;
          }
          runs.push(r);
          const perf = Math.round((r.lhr.categories.performance?.score ?? 0) * 100);
          if (runs.length === 1 && perf === 100) break;
          if (runs.length === 1) info(`lighthouse ${form} ${u}: performance ${perf} on the first run; four more, the median counts`);
        }
        if (!runs.length) problems.push('no run of Lighthouse recorded the page');
        else {
          runs.sort((x, y) => x.lhr.categories.performance.score - y.lhr.categories.performance.score);
          const { lhr, report } = runs[Math.floor((runs.length - 1) / 2)];
          if (runs.length > 1) info(`lighthouse ${form} ${u}: performance over ${runs.length} runs: ${runs.map((x) => Math.round(x.lhr.categories.performance.score * 100)).join(', ')}`);
          fs.writeFileSync(path.join(dir, `${fileName(u)}-${form}.json`), report);
          scores = Object.fromEntries(LIGHTHOUSE_CATEGORIES.map((c) => [c, lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c].score * 100)]));
          for (const c of LIGHTHOUSE_CATEGORIES) {
            if (scores[c] === 100) continue;
            const failing = lhr.categories[c].auditRefs
              .filter((a) => a.weight > 0 && lhr.audits[a.id].score !== null && lhr.audits[a.id].score < 1)
              .map((a) => `${a.id} ${Math.round(lhr.audits[a.id].score * 100)}${lhr.audits[a.id].displayValue ? ` (${lhr.audits[a.id].displayValue})` : ''}`);
            problems.push(`${c} ${scores[c]}: ${failing.join(', ') || 'no failing audit named'}`);
          }
        }
        table.push({ page: u, form, scores });
        const note = scores ? LIGHTHOUSE_CATEGORIES.map((c) => `${c} ${scores[c]}`).join(', ') : 'no scores';
        check(`lighthouse@${form.padEnd(7)} ${u}`, problems, note);
      }
    }
  } finally {
    await chrome.kill();
    fs.rmSync(profileDir, { recursive: true, force: true });
  }
  const short = { performance: 'perf', accessibility: 'a11y', 'best-practices': 'best', seo: 'seo' };
  console.log(`      lighthouse 12.2.3 scores (reports in ${path.relative(process.cwd(), dir)}/):`);
  console.log(`        ${'page'.padEnd(28)} ${['mobile', 'desktop'].map((f) => LIGHTHOUSE_CATEGORIES.map((c) => `${f[0]}:${short[c]}`.padStart(7)).join('')).join('  ')}`);
  for (const u of urls) {
    const cells = ['mobile', 'desktop'].map((f) => {
      const row = table.find((r) => r.page === u && r.form === f);
      return LIGHTHOUSE_CATEGORIES.map((c) => String(row?.scores?.[c] ?? '-').padStart(7)).join('');
    });
    console.log(`        ${u.padEnd(28)} ${cells.join('  ')}`);
  }
  results.lighthouse = table;
  timing('lighthouse (all pages)', started);
}

// --- main ------------------------------------------------------------------------------------

async function main() {
  const started = Date.now();
  const { base, out } = parseArgs(process.argv);
  const origin = new URL(base).origin;
  const outDir = path.resolve(out);
  fs.mkdirSync(outDir, { recursive: true });
  results.axe = [];

  const health = await waitForHealth(base);
  if (!check(`server: ${base}/healthz answers ok`, health ? [health] : [])) return finish(started, outDir);

  // Pages: crawl, the extra URLs, the 404 page.
  let t = Date.now();
  const { pages, problems } = await discover(base);
  for (const x of EXTRA_URLS) {
    if (pages.has(x)) continue;
    const r = await get(origin + x).catch((e) => ({ status: 0, type: '', body: e.message }));
    if (r.status === 404) {
      info(`not served yet, skipped: ${x}`);
      continue;
    }
    if (r.status === 200 && isHtml(r.type)) pages.set(x, { url: origin + x, path: x, status: 200, html: r.body });
    else problems.push(`${x}: answered ${r.status} ${r.type}, expected 200 HTML or 404`);
  }
  for (const nfUrl of NOT_FOUND_URLS) {
    const nf = await get(origin + nfUrl).catch((e) => ({ status: 0, type: '', body: e.message }));
    if (nf.status === 404 && isHtml(nf.type)) pages.set(nfUrl, { url: origin + nfUrl, path: nfUrl, status: 404, html: nf.body });
    else problems.push(`${nfUrl}: answered ${nf.status} ${nf.type}, expected the HTML 404 page`);
  }
  let list = [...pages.values()];
  const used = new Set();
  for (const p of list) {
    let name = fileName(p.path);
    for (let n = 2; used.has(name); n++) name = `${fileName(p.path)}-${n}`;
    used.add(name);
    p.file = name;
  }
  check(`pages: ${list.length} HTML pages (crawl from /, extra URLs, the 404 page)`, problems);
  fs.writeFileSync(path.join(outDir, 'pages.txt'), list.map((p) => `${p.status} ${p.path}`).join('\n') + '\n');
  timing('crawl', t);
  const only = onlyPaths();
  if (only) {
    list = list.filter((p) => only.includes(p.path));
    info(`GATES_ONLY: ${list.length} pages (${list.map((p) => p.path).join(' ')}); no link crawl, print or briefing gate`);
  }

  // The Nu checker (a JVM) and linkchecker run beside the browser; their results are read after.
  const nuStarted = Date.now();
  const nuPromise = startNu(list, path.join(outDir, 'html')).then((r) => (timing('nu (in parallel)', nuStarted), r));
  const linkStarts = [`${origin}/`, ...list.filter((p) => p.status === 200 && EXTRA_URLS.includes(p.path)).map((p) => p.url)];
  const linkStarted = Date.now();
  const linkPromise = only ? null : linkGate(base, linkStarts, outDir).then((r) => (timing('linkchecker (in parallel)', linkStarted), r));

  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-gates-chromium-'));
  let b = null;
  try {
    t = Date.now();
    b = await browserGates(list, origin, outDir, profileDir);
    timing('browser gates (all pages, all modes)', t);
    if (b) {
      fragmentGate(b.dom, origin);
      if (!only) {
        t = Date.now();
        await printGate(b.browser, list, b.dom, outDir);
        await briefingGate(b.browser, base, outDir);
        await paperGates(b.browser, base, outDir);
        timing('print and briefing PDFs', t);
      }
    }
  } finally {
    if (b) await b.browser.close().catch(() => {});
    fs.rmSync(profileDir, { recursive: true, force: true });
  }

  t = Date.now();
  reportNu(await nuPromise, list);
  if (linkPromise) (await linkPromise)();
  timing('waiting for nu and linkchecker after the browser', t);

  // Last and alone: its performance scores are timings.
  await lighthouseGate(base, outDir, only);
  return finish(started, outDir);
}

// GATES_ONLY=/map,/patterns: check only these pages (for iterating on a few pages; CI never sets it).
function onlyPaths() {
  const v = (process.env.GATES_ONLY || '').trim();
  return v ? v.split(',').map((s) => s.trim()).filter(Boolean) : null;
}

function finish(started, outDir) {
  reportTimings();
  fs.writeFileSync(path.join(outDir, 'report.json'), JSON.stringify(results, null, 2));
  const gateSecs = Math.round((Date.now() - started) / 1000);
  const total = process.env.GATES_STARTED ? ` (${Math.round(Date.now() / 1000 - Number(process.env.GATES_STARTED))} s with installs and the release build)` : '';
  console.log(`      checks took ${gateSecs} s${total}; findings in ${path.relative(process.cwd(), outDir)}/report.json`);
  console.log(`${results.passed} passed, ${results.failed} failed`);
  process.exitCode = results.failed ? 1 : 0;
}

main().catch((e) => {
  console.log(`FAIL  gates crashed: ${e.stack || e}`);
  results.failed++;
  console.log(`${results.passed} passed, ${results.failed} failed`);
  process.exitCode = 1;
});
