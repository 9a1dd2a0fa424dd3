// The list of events under the timeline: one row per event, newest first.
import { h, clear, bdi } from './dom.js';
import { t, label } from './i18n.js';
import { typeColor } from './colors.js';

const COLUMNS = ['col_date', 'col_type', 'col_place', 'col_actors', 'col_fatalities',
  'col_sources', 'col_conflicts'];

function byDateDesc(a, b) {
  if (a.event_date === b.event_date) return String(a.id).localeCompare(String(b.id));
  if (!a.event_date) return 1;
  if (!b.event_date) return -1;
  return a.event_date < b.event_date ? 1 : -1;
}

export function createList(el, { onSelect }) {
  const status = h('p', { class: 'list-status', 'data-testid': 'event-count', 'aria-live': 'polite' });
  const table = h('table', { class: 'event-list', 'data-testid': 'event-list' });
  const thead = h('thead');
  const tbody = h('tbody');
  table.append(thead, tbody);
  el.append(status, h('div', { class: 'list-scroll' }, table));

  let events = [];
  let total = 0;
  let selected = null;
  let message = null;

  function row(ev) {
    const dot = h('span', { class: 'type-dot', 'aria-hidden': 'true' });
    dot.style.background = typeColor(ev.event_type);
    const place = [ev.location, ev.admin1, ev.country_name || ev.country].filter(Boolean);
    const tr = h('tr', {
      'data-testid': 'event-row',
      'data-event-id': ev.id,
      'data-country': ev.country,
      tabindex: 0,
      class: ev.id === selected ? 'selected' : null,
      onclick: () => onSelect(ev.id),
      onkeydown: (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect(ev.id);
        }
      },
    },
    h('td', { class: 'nowrap' }, ev.event_date || t('no_date')),
    h('td', null, dot, label('type', ev.event_type),
      ev.sub_event_type ? h('div', { class: 'muted small' }, bdi(ev.sub_event_type)) : null),
    h('td', null, place.map((p, i) => [i ? t('list_sep') : '', bdi(p)])),
    h('td', null, bdi(ev.actor1 || ''), ev.actor2 ? [' — ', bdi(ev.actor2)] : null),
    h('td', { class: 'num' }, ev.fatalities == null ? '—' : String(ev.fatalities)),
    h('td', { class: 'num', title: (ev.sources || []).join('; ') }, String((ev.sources || []).length)),
    h('td', { class: 'num' }, ev.n_conflicts
      ? h('span', { class: 'badge conflict', 'data-conflict': String(ev.n_conflicts) }, `⚠ ${ev.n_conflicts}`)
      : ''));
    return tr;
  }

  /** Brings a row into view inside the list only (scrollIntoView would also move the page). */
  function scrollToRow(tr) {
    const box = table.parentElement;
    const r = tr.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    const top = b.top + thead.getBoundingClientRect().height;
    if (r.top < top) box.scrollTop -= top - r.top;
    else if (r.bottom > b.bottom) box.scrollTop += r.bottom - b.bottom;
  }

  function render() {
    clear(thead).append(h('tr', null, COLUMNS.map((c) => h('th', { scope: 'col' }, t(c)))));
    clear(tbody);
    if (message) {
      status.textContent = message;
      return;
    }
    status.textContent = events.length < total
      ? t('shown_capped', { n: events.length, total })
      : t('shown', { n: events.length, total });
    if (!events.length) {
      tbody.append(h('tr', null, h('td', { colspan: COLUMNS.length, class: 'muted' }, t('no_events'))));
      return;
    }
    tbody.append(...[...events].sort(byDateDesc).map(row));
  }

  return {
    update(nextEvents, nextTotal) {
      events = nextEvents;
      total = nextTotal;
      message = null;
      render();
    },
    status(text) {
      message = text;
      render();
    },
    select(id) {
      selected = id;
      for (const tr of tbody.querySelectorAll('tr[data-event-id]')) {
        const on = tr.getAttribute('data-event-id') === id;
        tr.classList.toggle('selected', on);
        if (on) scrollToRow(tr);
      }
    },
    relabel: render,
  };
}
