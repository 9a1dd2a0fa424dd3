// A stand-in for `rasd serve` during development: serves the built page and the fixtures at the
// contract's paths (docs: /work/briefs/api_contract.md, summarised in web/README.md).
//   node dev/server.mjs [--port 8765] [--static ../src/rasd/web/static]
// PORT=0 picks a free port; the first line printed is "listening on http://127.0.0.1:PORT/".
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join, normalize, extname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const PORT = Number(opt('port', process.env.PORT ?? 8765));
const STATIC = opt('static', join(HERE, '..', '..', 'src', 'rasd', 'web', 'static'));
const FIX = join(HERE, 'fixtures');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

const json = (file) => JSON.parse(readFileSync(join(FIX, file), 'utf8'));

function send(res, status, type, body, extra = {}) {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...extra,
  });
  res.end(body);
}
const sendJson = (res, value, status = 200) =>
  send(res, status, TYPES['.json'], JSON.stringify(value));
const problem = (res, status, title, detail) =>
  send(res, status, 'application/problem+json',
    JSON.stringify({ type: 'about:blank', title, status, detail }));

// ------------------------------------------------------------------ /events filters
function matches(e, p) {
  const since = p.get('since');
  const until = p.get('until');
  if ((since || until) && !e.event_date) return false;
  if (since && e.event_date < since) return false;
  if (until && e.event_date > until) return false;
  for (const k of ['country', 'admin1', 'event_type', 'sub_event_type']) {
    if (p.get(k) && e[k] !== p.get(k)) return false;
  }
  if (p.get('actor') && ![e.actor1, e.actor2].includes(p.get('actor'))) return false;
  if (p.get('source') && !e.sources.includes(p.get('source'))) return false;
  const q = (p.get('q') || '').trim().toLowerCase();
  if (q) {
    const hay = [e.notes, e.location, e.admin1, e.country_name, e.actor1, e.actor2, ...e.sources]
      .filter(Boolean).join(' ').toLowerCase();
    if (!hay.includes(q)) return false;
  }
  const bbox = p.get('bbox');
  if (bbox) {
    const [x0, y0, x1, y1] = bbox.split(',').map(Number);
    if (e.longitude == null || e.longitude < x0 || e.longitude > x1 ||
        e.latitude < y0 || e.latitude > y1) return false;
  }
  return true;
}

const COLUMNS = ['event_id_cnty', 'event_date', 'event_type', 'sub_event_type', 'actor1', 'actor2',
  'country', 'admin1', 'location', 'latitude', 'longitude', 'geo_precision', 'fatalities',
  'source', 'notes'];

function acledRow(e) {
  return { ...e, country: e.country_name, source: e.sources.join('; ') };
}

function csvCell(v) {
  const s = v == null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

function events(req, res, url) {
  const p = url.searchParams;
  const all = json('events.json').items.filter((e) => matches(e, p));
  const limit = Math.min(Number(p.get('limit') ?? 500), 5000);
  const offset = Number(p.get('offset') ?? 0);
  if (!Number.isFinite(limit) || limit < 0 || !Number.isFinite(offset) || offset < 0) {
    return problem(res, 400, 'Bad request', 'limit and offset are non-negative integers');
  }
  const format = p.get('format') || 'json';
  const page = all.slice(offset, offset + limit);
  if (format === 'json') return sendJson(res, { total: all.length, limit, offset, items: page });
  if (format === 'geojson') {
    return send(res, 200, 'application/geo+json', JSON.stringify({
      type: 'FeatureCollection',
      features: page.map((e) => {
        const r = acledRow(e);
        return {
          type: 'Feature',
          id: e.id,
          geometry: e.longitude == null ? null
            : { type: 'Point', coordinates: [e.longitude, e.latitude] },
          properties: Object.fromEntries(COLUMNS.map((c) => [c, r[c] ?? null])),
        };
      }),
    }));
  }
  if (format === 'csv') {
    const lines = [COLUMNS.join(',')];
    for (const e of page) {
      const r = acledRow(e);
      lines.push(COLUMNS.map((c) => csvCell(r[c])).join(','));
    }
    return send(res, 200, 'text/csv; charset=utf-8', `${lines.join('\r\n')}\r\n`,
      { 'content-disposition': 'attachment; filename="rasd-events.csv"' });
  }
  return problem(res, 400, 'Bad request', `unknown format: ${format}`);
}

function eventDetail(res, id) {
  const file = join('events', `${id}.json`);
  if (/^[\w-]+$/.test(id) && existsSync(join(FIX, file))) return sendJson(res, json(file));
  const summary = json('events.json').items.find((e) => e.id === id);
  if (!summary) return problem(res, 404, 'Not found', `no event ${id}`);
  // events without a detail fixture: the summary and empty provenance
  return sendJson(res, {
    ...summary, reports: [], claims: [], conflicts: [], fields: {}, confidence: {},
  });
}

function article(res, id) {
  const file = join('articles', `${id}.json`);
  if (/^[\w-]+$/.test(id) && existsSync(join(FIX, file))) return sendJson(res, json(file));
  return problem(res, 404, 'Not found', `no article ${id}`);
}

function staticFile(res, rel) {
  const path = normalize(join(STATIC, rel));
  if (!path.startsWith(normalize(STATIC) + sep) || !existsSync(path) || !statSync(path).isFile()) {
    return problem(res, 404, 'Not found', rel);
  }
  return send(res, 200, TYPES[extname(path)] || 'application/octet-stream', readFileSync(path));
}

const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const path = decodeURIComponent(url.pathname);
  try {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return problem(res, 405, 'Method not allowed', 'the dev server is read-only');
    }
    if (path === '/' || path === '/index.html') return staticFile(res, 'index.html');
    if (path.startsWith('/static/')) return staticFile(res, path.slice('/static/'.length));
    if (path === '/config.json') return sendJson(res, json('config.json'));
    if (path === '/stats') return sendJson(res, json('stats.json'));
    if (path === '/events') return events(req, res, url);
    let m = path.match(/^\/events\/([^/]+)$/);
    if (m) return eventDetail(res, m[1]);
    m = path.match(/^\/articles\/([^/]+)$/);
    if (m) return article(res, m[1]);
    return problem(res, 404, 'Not found', path);
  } catch (err) {
    return problem(res, 500, 'Server error', String(err));
  }
});

server.listen(PORT, '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}/`);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
