// The filter bar: country and event type (from /stats), actor and source (free text with
// suggestions from /stats), free text, date range, and the export links.
import { h, clear } from './dom.js';
import { t, label } from './i18n.js';
import { exportHref } from './api.js';

const TEXT_DELAY_MS = 350;

export function createFilters(form, { onChange }) {
  const f = {
    country: form.elements.country,
    event_type: form.elements.event_type,
    actor: form.elements.actor,
    source: form.elements.source,
    q: form.elements.q,
    since: form.elements.since,
    until: form.elements.until,
  };
  const csv = form.querySelector('[data-testid="export-csv"]');
  const geojson = form.querySelector('[data-testid="export-geojson"]');
  let stats = null;
  let current = {};

  function options(select, allKey, entries) {
    const keep = current[select.name] || '';
    clear(select).append(h('option', { value: '' }, t(allKey)));
    for (const [value, text] of entries) select.append(h('option', { value }, text));
    // a shared link may name a value that has no events now: keep it selectable
    if (keep && !entries.some(([v]) => v === keep)) select.append(h('option', { value: keep }, keep));
    select.value = keep;
  }

  function datalist(id, items) {
    const dl = document.getElementById(id);
    clear(dl).append(...items.map((x) => h('option', { value: x.name })));
  }

  function relabel() {
    if (!stats) return;
    options(f.country, 'all_countries',
      (stats.countries || []).map((c) => [c.iso3, `${c.name || c.iso3} (${c.n})`]));
    options(f.event_type, 'all_types',
      Object.entries(stats.by_type || {}).sort((a, b) => b[1] - a[1])
        .map(([type, n]) => [type, `${label('type', type)} (${n})`]));
  }

  function read() {
    const out = {};
    for (const [k, el] of Object.entries(f)) if (el.value.trim()) out[k] = el.value.trim();
    if (out.since && out.until && out.since > out.until) [out.since, out.until] = [out.until, out.since];
    return out;
  }

  function set(filters) {
    current = { ...filters };
    relabel(); // the selects, with the current values
    for (const k of ['actor', 'source', 'q', 'since', 'until']) f[k].value = current[k] || '';
    csv.setAttribute('href', exportHref(current, 'csv'));
    geojson.setAttribute('href', exportHref(current, 'geojson'));
  }

  let timer = null;
  const changed = () => {
    clearTimeout(timer);
    onChange(read());
  };
  for (const el of [f.country, f.event_type, f.since, f.until, f.actor, f.source]) {
    el.addEventListener('change', changed);
  }
  f.q.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(changed, TEXT_DELAY_MS);
  });
  f.q.addEventListener('change', changed);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    changed();
  });
  form.addEventListener('reset', (e) => {
    e.preventDefault();
    onChange({});
  });

  return {
    setStats(next) {
      stats = next;
      datalist('actors-list', stats.actors || []);
      datalist('sources-list', stats.sources || []);
      set(current);
    },
    set,
    relabel,
  };
}
