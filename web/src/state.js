// What the page shows, kept in the page URL so that a view can be shared or reloaded:
//   ?country=IRQ&event_type=…&actor=…&source=…&q=…&since=…&until=…&event=rasd-…&lang=ar

export const FILTER_KEYS = ['country', 'event_type', 'actor', 'source', 'q', 'since', 'until'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function readUrl(search = window.location.search) {
  const p = new URLSearchParams(search);
  const filters = {};
  for (const k of FILTER_KEYS) {
    const v = (p.get(k) || '').trim();
    if (v && (!(k === 'since' || k === 'until') || DATE.test(v))) filters[k] = v;
  }
  return {
    filters,
    event: p.get('event') || null,
    lang: p.get('lang') === 'ar' ? 'ar' : 'en',
  };
}

export function writeUrl(state) {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) if (state.filters[k]) p.set(k, state.filters[k]);
  if (state.event) p.set('event', state.event);
  if (state.lang === 'ar') p.set('lang', 'ar');
  const qs = p.toString();
  const url = `${window.location.pathname}${qs ? `?${qs}` : ''}`;
  if (url !== `${window.location.pathname}${window.location.search}`) {
    window.history.replaceState(null, '', url);
  }
}

/** The filters without the date range (what the timeline shows). */
export function withoutDates(filters) {
  const { since, until, ...rest } = filters;
  return rest;
}
