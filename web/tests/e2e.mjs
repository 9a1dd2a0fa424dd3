// End-to-end check of the built page in headless Chromium, against the dev server and fixtures.
//   npm run build && npm run e2e        (CHROMIUM=/path/to/chromium to use another browser)
// Screenshots go to tests/artifacts/. Prints "N passed, N failed"; exits 1 on any failure.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const ARTIFACTS = join(HERE, 'artifacts');
const STATIC = join(ROOT, '..', 'src', 'rasd', 'web', 'static');
const FIX = join(ROOT, 'dev', 'fixtures');
const fixture = (p) => JSON.parse(readFileSync(join(FIX, p), 'utf8'));

const MAIN = 'rasd-3f2a9c41d8e0';
const XSS_EVENT = 'rasd-9b7e1d05c2a1';
const ALL = fixture('events.json').items;
const IRQ = ALL.filter((e) => e.country === 'IRQ');
const SINCE = '2022-01-01';
const UNTIL = '2022-01-10';
const IRQ_JAN = IRQ.filter((e) => e.event_date && e.event_date >= SINCE && e.event_date <= UNTIL);
const ALHURRA = fixture('articles/seed-73ea38c8.json');

if (!existsSync(join(STATIC, 'index.html'))) {
  console.error(`no built page in ${STATIC}: run npm run build first`);
  process.exit(2);
}
mkdirSync(ARTIFACTS, { recursive: true });

// ------------------------------------------------------------------ dev server
const server = spawn(process.execPath, [join(ROOT, 'dev', 'server.mjs'), '--port', '0'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const base = await new Promise((resolve, reject) => {
  let out = '';
  const timer = setTimeout(() => reject(new Error('dev server did not start')), 10000);
  server.stdout.on('data', (d) => {
    out += d;
    const m = out.match(/listening on (http:\/\/\S+)/);
    if (m) {
      clearTimeout(timer);
      resolve(m[1]);
    }
  });
  server.on('exit', (code) => reject(new Error(`dev server exited (${code})`)));
});

// ------------------------------------------------------------------ browser
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
const page = await context.newPage();
page.setDefaultTimeout(10000);
const pageErrors = [];
const consoleErrors = [];
const dialogs = [];
page.on('pageerror', (e) => pageErrors.push(e.message));
page.on('console', (m) => {
  if (m.type() === 'error') consoleErrors.push(m.text());
});
page.on('dialog', (d) => {
  dialogs.push(d.message());
  d.dismiss();
});

const $ = (testid) => page.locator(`[data-testid="${testid}"]`);
const rowIds = () => page.$$eval('[data-testid="event-row"]',
  (rows) => rows.map((r) => r.getAttribute('data-event-id')));
async function waitRows(ids) {
  const want = [...ids].sort();
  await page.waitForFunction((w) => {
    const got = [...document.querySelectorAll('[data-testid="event-row"]')]
      .map((r) => r.getAttribute('data-event-id')).sort();
    return JSON.stringify(got) === JSON.stringify(w);
  }, want).catch(async () => {
    assert.deepEqual((await rowIds()).sort(), want);
  });
}
const params = () => new URL(page.url()).searchParams;

let passed = 0;
let failed = 0;
async function step(name, fn) {
  try {
    await fn();
    passed += 1;
    console.log(`ok - ${name}`);
  } catch (err) {
    failed += 1;
    console.log(`not ok - ${name}\n  ${String(err.stack || err).split('\n').slice(0, 6).join('\n  ')}`);
  }
}

// ------------------------------------------------------------------ steps
try {
  await step('page loads: events, map outlines, legend, timeline', async () => {
    await page.goto(base);
    await page.waitForSelector('body[data-ready="true"]');
    await waitRows(ALL.map((e) => e.id));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="map"] .leaflet-overlay-pane path').length > 0);
    assert.ok(await page.locator('[data-testid="map"] .leaflet-marker-pane > *').count() > 0);
    assert.ok(await $('legend').count() === 1);
    assert.ok(await page.locator('[data-testid="timeline"] .bars rect').count() > 0);
    assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
    await page.waitForTimeout(400); // marker-cluster animations
    await $('map').screenshot({ path: join(ARTIFACTS, 'map.png') });
  });

  await step('filter by country: list, URL and export links follow', async () => {
    await $('filter-country').selectOption('IRQ');
    await waitRows(IRQ.map((e) => e.id));
    assert.equal(params().get('country'), 'IRQ');
    assert.match(await $('export-csv').getAttribute('href'), /country=IRQ/);
  });

  await step('brush the timeline: a date range is selected', async () => {
    const box = await $('timeline-brush').boundingBox();
    await page.mouse.move(box.x + box.width * 0.05, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(() => new URL(location.href).searchParams.has('since'));
    const since = await $('filter-since').inputValue();
    const until = await $('filter-until').inputValue();
    assert.match(since, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(until >= since);
    await waitRows(IRQ.filter((e) => e.event_date && e.event_date >= since && e.event_date <= until)
      .map((e) => e.id));
  });

  await step('filter by date inputs', async () => {
    await $('filter-since').fill(SINCE);
    await $('filter-since').dispatchEvent('change');
    await $('filter-until').fill(UNTIL);
    await $('filter-until').dispatchEvent('change');
    await waitRows(IRQ_JAN.map((e) => e.id));
    assert.equal(params().get('since'), SINCE);
    assert.equal(params().get('until'), UNTIL);
  });

  await step('reload restores the filtered view from the URL', async () => {
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await waitRows(IRQ_JAN.map((e) => e.id));
    assert.equal(await $('filter-country').inputValue(), 'IRQ');
    assert.equal(await $('filter-since').inputValue(), SINCE);
  });

  await step('click the marker of the fixture event: the panel opens', async () => {
    const marker = page.locator(`[data-testid="event-marker"][data-event-id="${MAIN}"]`);
    await marker.waitFor();
    await marker.click();
    await $('event-panel').waitFor({ state: 'visible' });
    await page.waitForSelector('[data-testid="article-text"]');
    assert.equal(params().get('event'), MAIN);
    assert.match(await $('event-panel').innerText(), /Ain al-Asad Air Base/);
    const art = $('article-text');
    assert.equal(await art.getAttribute('dir'), 'rtl');
    assert.equal(await art.getAttribute('lang'), 'ar');
    assert.equal(await art.textContent(), ALHURRA.text);
  });

  await step('both conflicting claims are shown and flagged', async () => {
    const impact = page.locator('[data-testid="claim"][data-field="impact"][data-conflict="impact"]');
    const sources = await impact.evaluateAll((els) => els.map((e) => e.getAttribute('data-source')));
    assert.ok(sources.includes('coalition official (AFP)'), sources.join());
    assert.ok(sources.includes('security source (Alhurra)'), sources.join());
    const values = await impact.evaluateAll((els) => els.map((e) => e.querySelector('.claim-value').textContent));
    assert.ok(values.includes('inside') && values.includes('outside'), values.join());
    const conflict = page.locator('[data-testid="conflict"][data-conflict="impact"]');
    assert.match(await conflict.innerText(), /inside vs outside/);
    assert.ok(await page.locator('[data-testid="conflict-marker"][data-conflict="munitions"]').count() >= 2);
    // one column per source
    assert.equal(await page.locator('[data-testid="claims-table"] thead th[data-source]').count(), 3);
  });

  await step('evidence spans are highlighted at the right characters (astral text)', async () => {
    const spans = page.locator('[data-testid="article-text"] [data-testid="evidence-span"]');
    assert.ok(await spans.count() > 0);
    const textOf = (sel) => page.locator(`[data-testid="article-text"] ${sel}`).first().textContent();
    assert.equal(await textOf('mark[data-kind="field"][data-field="location"]'), 'قاعدة عين الأسد الجوية');
    // after the second emoji: off by two in UTF-16 if offsets were not converted
    assert.equal(await textOf('mark[data-kind="field"][data-field="actor1"]'), 'فصائل مسلحة موالية لإيران');
    assert.equal(await textOf('mark[data-kind="claim"][data-field="impact"][data-source="security source (Alhurra)"]'),
      'ثلاثة صواريخ سقطت خارج القاعدة قرب ناحية البغدادي');
    // a span of another event in the same article is not shown
    const marked = await spans.evaluateAll((els) => els.map((e) => e.textContent));
    assert.ok(!marked.some((t) => t.includes('المنطقة الخضراء')));
  });

  await step('field ↔ span linking, both ways', async () => {
    await page.locator('.field-row[data-field="location"] dt').hover();
    await page.waitForFunction(() => {
      const marks = [...document.querySelectorAll('[data-testid="article-text"] mark[data-field="location"]')];
      return marks.length && marks.every((m) => m.classList.contains('linked'));
    });
    await page.locator('[data-testid="article-text"] mark[data-kind="field"][data-field="admin1"]').first().hover();
    await page.waitForSelector('.field-row[data-field="admin1"].linked');
    assert.equal(await page.locator('.field-row[data-field="location"].linked').count(), 0);
    const claim = page.locator('[data-testid="claim"][data-field="munitions"][data-source="security source (Alhurra)"]');
    await claim.click();
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="article-text"] mark.linked')]
      .some((m) => m.textContent === 'ثلاثة صواريخ'));
  });

  await step('several reports: the selector switches the article', async () => {
    const sel = $('report-select');
    assert.equal(await sel.locator('option').count(), 2);
    await sel.selectOption('seed-b41d02e7');
    await page.waitForSelector('[data-testid="article-text"][data-article-id="seed-b41d02e7"]');
    assert.equal(await page.locator('[data-testid="article-text"] mark[data-field="location"]').first().textContent(),
      'قاعدة عين الأسد الجوية');
    await sel.selectOption('seed-73ea38c8');
    await page.waitForSelector('[data-testid="article-text"][data-article-id="seed-73ea38c8"]');
    // the fatalities evidence is only in the AFP article: clicking the field opens it
    await page.locator('.field-row[data-field="fatalities"] dt').click();
    await page.waitForSelector('[data-testid="article-text"][data-article-id="seed-b41d02e7"] mark[data-field="fatalities"].linked');
    await $('report-select').selectOption('seed-73ea38c8');
    await page.waitForSelector('[data-testid="article-text"][data-article-id="seed-73ea38c8"]');
  });

  await step('screenshots of the map and the event panel', async () => {
    await page.waitForTimeout(400);
    await $('map').screenshot({ path: join(ARTIFACTS, 'map-event.png') });
    await page.screenshot({ path: join(ARTIFACTS, 'page.png') });
    // the whole panel: a viewport tall enough that it does not scroll
    await page.setViewportSize({ width: 1440, height: 2400 });
    await page.locator('[data-testid="event-panel"]').evaluate((el) => { el.scrollTop = 0; });
    await page.waitForTimeout(300);
    await $('event-panel').screenshot({ path: join(ARTIFACTS, 'panel.png') });
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  await step('CSV export of the current selection downloads a CSV', async () => {
    const href = await $('export-csv').getAttribute('href');
    const q = new URL(href, base).searchParams;
    assert.equal(q.get('format'), 'csv');
    assert.equal(q.get('country'), 'IRQ');
    assert.equal(q.get('since'), SINCE);
    assert.equal(await $('export-csv').getAttribute('download'), 'rasd-events.csv');
    const [download] = await Promise.all([page.waitForEvent('download'), $('export-csv').click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    assert.match(lines[0], /^event_id_cnty,event_date,event_type/);
    assert.equal(lines.length - 1, IRQ_JAN.length);
    assert.ok(lines.slice(1).every((l) => l.includes(',Iraq,')));
  });

  await step('GeoJSON export link returns the same selection', async () => {
    const href = await $('export-geojson').getAttribute('href');
    assert.equal(new URL(href, base).searchParams.get('format'), 'geojson');
    const res = await page.request.get(new URL(href, page.url()).href);
    const fc = await res.json();
    assert.equal(fc.type, 'FeatureCollection');
    assert.deepEqual(fc.features.map((f) => f.id).sort(), IRQ_JAN.map((e) => e.id).sort());
  });

  await step('language toggle: Arabic labels, right-to-left page', async () => {
    await $('lang-toggle').click();
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.equal(await page.getAttribute('html', 'lang'), 'ar');
    assert.equal(params().get('lang'), 'ar');
    assert.equal(await $('lang-toggle').textContent(), 'English');
    assert.match(await page.locator('.panel-claims h3').textContent(), /الادعاءات/);
    assert.equal(await $('map').getAttribute('dir'), 'ltr');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(ARTIFACTS, 'page-ar.png') });
    await $('lang-toggle').click();
    assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
  });

  await step('XSS fixture: markup in the article and data stays text', async () => {
    await $('panel-close').click();
    await $('event-panel').waitFor({ state: 'hidden' });
    await $('filter-reset').click();
    await waitRows(ALL.map((e) => e.id));
    await page.locator(`[data-testid="event-row"][data-event-id="${XSS_EVENT}"]`).click();
    await page.waitForSelector('[data-testid="article-text"][data-article-id="seed-xss0001"]');
    await page.waitForTimeout(500);
    const art = $('article-text');
    const text = await art.textContent();
    assert.ok(text.includes('<script>alert(1)</script>'));
    assert.ok(text.includes('<img src=x onerror="window.__xss=1">'));
    assert.equal(await art.locator('script, img, b').count(), 0);
    assert.equal(await page.locator('img, iframe, object, embed').count(), 0);
    assert.equal(await page.locator('body script').count(), 0);
    assert.equal(await page.locator('[data-testid="event-panel"] a[href^="javascript"]').count(), 0);
    assert.equal(await page.evaluate(() => typeof window.__xss), 'undefined');
    assert.deepEqual(dialogs, []);
    assert.match(await $('event-panel').innerText(), /SOHR <script>window.__xss=6<\/script>/);
    // an astral character inside a span
    assert.equal(await page.locator('[data-testid="article-text"] mark[data-kind="claim"][data-field="fatalities"]')
      .evaluateAll((els) => els.map((e) => e.textContent).includes('ثلاثة مدنيين قتلوا 𝟑')), true);
    await $('event-panel').screenshot({ path: join(ARTIFACTS, 'panel-xss.png') });
  });

  await step('an unknown event shows the server\'s problem detail', async () => {
    await page.goto(`${base}?event=rasd-missing`);
    await page.waitForSelector('[data-testid="event-panel"] .error');
    assert.match(await $('event-panel').innerText(), /no event rasd-missing/);
  });

  await step('a tile_url in /config.json adds a tile layer under the outlines', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    await page.route('**/config.json', (route) => route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ tile_url: '/test-tiles/{z}/{x}/{y}.png', write_enabled: false, version: 'test',
        tile_attribution: '© test tiles <img src=x onerror="window.__xss=10">' }),
    }));
    await page.route('**/test-tiles/**', (route) => route.fulfill({ contentType: 'image/png', body: png }));
    await page.goto(base);
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector('[data-testid="map"] .leaflet-tile-pane img.leaflet-tile-loaded');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="map"] .leaflet-overlay-pane path').length > 0);
    assert.equal(await page.locator('[data-testid="map"] .leaflet-overlay-pane path').first().getAttribute('fill-opacity'), '0');
    assert.match(await page.locator('.map-attribution').textContent(), /© test tiles <img src=x/);
    assert.equal(await page.locator('.map-attribution img').count(), 0);
    assert.equal(await page.evaluate(() => typeof window.__xss), 'undefined');
    await page.unrouteAll();
  });

  await step('no script errors, no CSP violations, no dialogs', async () => {
    assert.equal(await page.evaluate(() => typeof window.__xss), 'undefined');
    assert.deepEqual(pageErrors, []);
    // the unknown event's 404 is expected; nothing else
    assert.deepEqual(consoleErrors.filter((m) => !/status of 404/.test(m)), []);
    assert.deepEqual(dialogs, []);
  });
} finally {
  await browser.close();
  server.kill();
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
