// rasd analyst's desk: wires the filters, map, timeline, list and event panel together.
import * as api from './api.js';
import { readUrl, writeUrl, withoutDates } from './state.js';
import { setLang, getLang, t, translatePage } from './i18n.js';
import { createFilters } from './filters.js';
import { createMap } from './map.js';
import { createTimeline } from './timeline.js';
import { createList } from './list.js';
import { createPanel } from './panel.js';

const $ = (sel) => document.querySelector(sel);
const state = readUrl();
setLang(state.lang);
translatePage();

let stats = null;
let config = null;
let context = null; // events matching the filters without the date range (the timeline)
let contextKey = null;
let seq = 0;

const filters = createFilters($('#filters'), {
  onChange(next) {
    if (api.query(next) === api.query(state.filters)) return;
    const fit = api.query(withoutDates(next)) !== api.query(withoutDates(state.filters));
    state.filters = next;
    refresh({ fit });
  },
});
const map = createMap($('#map'), { onSelect: openEvent });
const timeline = createTimeline($('#timeline'), {
  onBrush(range) {
    state.filters = { ...withoutDates(state.filters), ...(range || {}) };
    refresh({ fit: false });
  },
});
const list = createList($('#list'), { onSelect: openEvent });
const panel = createPanel($('#panel'), { onClose: closeEvent });

async function refresh({ fit = false } = {}) {
  const my = ++seq;
  writeUrl(state);
  filters.set(state.filters);
  const { since, until } = state.filters;
  const dated = Boolean(since || until);
  const ctxFilters = withoutDates(state.filters);
  const key = api.query(ctxFilters);
  list.status(t('loading'));
  try {
    if (key !== contextKey) {
      const ctx = await api.events(ctxFilters);
      if (my !== seq) return;
      context = ctx;
      contextKey = key;
    }
    const selection = dated ? await api.events(state.filters) : context;
    if (my !== seq) return;
    timeline.update(context.items, dated ? { since, until } : null, {
      partialAt: context.items.length < context.total ? context.items.length : 0,
    });
    map.setEvents(selection.items, { fit });
    list.update(selection.items, selection.total);
    list.select(state.event);
    map.select(state.event, { pan: false });
  } catch (err) {
    if (my !== seq) return;
    list.status(t('error', { detail: err.message }));
  }
}

function openEvent(id) {
  state.event = id;
  writeUrl(state);
  document.body.classList.add('with-panel');
  panel.show(id);
  list.select(id);
  map.select(id);
}

function closeEvent() {
  state.event = null;
  writeUrl(state);
  panel.hide();
  document.body.classList.remove('with-panel');
  list.select(null);
  map.select(null);
}

function showTotals() {
  const el = $('#totals');
  el.textContent = stats?.totals ? t('totals', stats.totals) : '';
  $('#version').textContent = config?.version ? t('version', { version: config.version }) : '';
}

$('#lang').addEventListener('click', () => {
  state.lang = getLang() === 'ar' ? 'en' : 'ar';
  setLang(state.lang);
  translatePage();
  writeUrl(state);
  showTotals();
  filters.relabel();
  map.relabel();
  timeline.relabel();
  list.relabel();
  panel.relabel();
});

async function start() {
  const [cfg, st] = await Promise.allSettled([api.config(), api.stats()]);
  config = cfg.status === 'fulfilled' ? cfg.value : {};
  stats = st.status === 'fulfilled' ? st.value : null;
  map.configure(config);
  if (stats) filters.setStats(stats);
  showTotals();
  const first = refresh({ fit: true });
  if (state.event) openEvent(state.event);
  await first;
  if (state.event) map.select(state.event); // a shared link: show where the event is
  document.body.setAttribute('data-ready', 'true');
}

start();
