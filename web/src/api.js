// The JSON API of `rasd serve` (docs: web/README.md). URLs are relative to the page, so the page
// also works behind a reverse proxy under a path prefix.

export const PAGE_SIZE = 500;
export const MAX_EVENTS = 5000;

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

/** Filter values (strings) as a query string, empty values left out, keys in a fixed order. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v != null && String(v).trim() !== '') q.set(k, String(v).trim());
  }
  return q.toString();
}

async function getJson(path, signal) {
  const res = await fetch(path, { signal, headers: { accept: 'application/json' } });
  if (!res.ok) {
    let detail = `${res.status} ${res.statusText}`;
    try {
      const p = await res.json(); // application/problem+json
      detail = p.detail || p.title || detail;
    } catch {
      /* not JSON */
    }
    throw new ApiError(res.status, String(detail));
  }
  return res.json();
}

export const config = (signal) => getJson('config.json', signal);
export const stats = (signal) => getJson('stats', signal);
export const event = (id, signal) => getJson(`events/${encodeURIComponent(id)}`, signal);
export const article = (id, signal) => getJson(`articles/${encodeURIComponent(id)}`, signal);

/** All events matching `filters`, page by page, at most MAX_EVENTS. → {items, total} */
export async function events(filters, signal) {
  const items = [];
  let total = 0;
  while (items.length < MAX_EVENTS) {
    const offset = items.length; // the server may return fewer than asked for
    const page = await getJson(
      `events?${query({ ...filters, limit: PAGE_SIZE, offset })}`,
      signal,
    );
    total = page.total;
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= total) break;
  }
  return { items, total };
}

/** Relative link to the current selection in another format (csv, geojson). */
export const exportHref = (filters, format) => `events?${query({ ...filters, format })}`;
