// The event panel: the English summary, the Arabic article with every evidence span highlighted
// and linked to its field, and the claims side by side by source with contradictions marked.
//
// Linking: every field row, highlighted span, claim and contradiction carries data-link, a
// space-separated list of keys ("field:location", "claim:3"). Pointing at one element lights up
// every element sharing a key; clicking pins it and scrolls the counterpart into view.
import * as api from './api.js';
import { h, clear, bdi, safeHref } from './dom.js';
import { t, label } from './i18n.js';
import { segment } from './offsets.js';
import { typeColor } from './colors.js';

const SUMMARY_FIELDS = ['event_type', 'sub_event_type', 'event_date', 'location', 'admin1',
  'country', 'actor1', 'actor2', 'fatalities', 'injuries', 'weapon', 'munitions', 'sources'];
const CLAIM_ORDER = ['impact', 'fatalities', 'injuries', 'munitions', 'weapon', 'distance_km',
  'damage', 'intercepted', 'responsibility'];

const fieldLabel = (f) => label('field', f);
const keysOf = (el) => (el.getAttribute('data-link') || '').split(' ').filter(Boolean);
const claimKey = (c) => JSON.stringify([c.field, c.source, c.article_id, c.start, c.end, c.value]);

function formatValue(v) {
  if (v == null || v === '') return '—';
  if (typeof v === 'boolean') return t(v ? 'yes' : 'no');
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return label('value', v);
  return JSON.stringify(v);
}

/** Claims with the conflicts' claims added if missing, and for each claim its conflicts. */
function indexClaims(detail) {
  const claims = [...(detail.claims || [])];
  const at = new Map(claims.map((c, i) => [claimKey(c), i]));
  const find = (c) => {
    const k = claimKey(c);
    if (!at.has(k)) {
      at.set(k, claims.length);
      claims.push(c);
    }
    return at.get(k);
  };
  const conflicts = (detail.conflicts || []).map((cf) => {
    const [a, b] = (cf.claims || []).map(find);
    return { ...cf, a, b };
  });
  const conflictsOf = claims.map(() => []);
  for (const cf of conflicts) {
    if (cf.a != null && cf.b != null) {
      conflictsOf[cf.a].push({ cf, other: cf.b });
      conflictsOf[cf.b].push({ cf, other: cf.a });
    }
  }
  return { claims, conflicts, conflictsOf };
}

/** The spans to highlight in one article: its evidence for this event and its claims. */
function spansFor(detail, article, claims, conflictsOf) {
  const out = [];
  const seen = new Set();
  const add = (sp) => {
    const k = [sp.kind, sp.field, sp.start, sp.end, sp.claim ?? ''].join('|');
    if (!seen.has(k)) {
      seen.add(k);
      out.push(sp);
    }
  };
  const single = new Set((detail.reports || []).map((r) => r.article_id)).size <= 1;
  for (const sp of article.spans || []) {
    if (sp.event_id && sp.event_id !== detail.id) continue;
    add({ kind: 'field', field: String(sp.field), start: sp.start, end: sp.end, rule: sp.rule });
  }
  for (const [f, evs] of Object.entries(detail.fields || {})) {
    for (const e of evs || []) {
      if (e.article_id === article.id || (e.article_id == null && single)) {
        add({ kind: 'field', field: f, start: e.start, end: e.end, rule: e.rule, source: e.source });
      }
    }
  }
  claims.forEach((c, i) => {
    if (c.article_id === article.id) {
      add({ kind: 'claim', field: String(c.field), start: c.start, end: c.end, claim: i,
        source: c.source, conflict: conflictsOf[i].length > 0 });
    }
  });
  return out;
}

function markFor(sp) {
  const key = sp.kind === 'claim' ? `claim:${sp.claim}` : `field:${sp.field}`;
  const tip = [fieldLabel(sp.field), sp.source, sp.rule].filter(Boolean).join(' · ');
  return h('mark', {
    class: ['span', `k-${sp.kind}`, sp.conflict && 'conflict'],
    'data-testid': 'evidence-span',
    'data-field': sp.field,
    'data-kind': sp.kind,
    'data-source': sp.source || null,
    'data-link': key,
    title: tip,
  });
}

/**
 * The article text as nodes, spans as nested <mark> elements; returns [fragment, dropped].
 * A span nested in another stays inside one element; only partly overlapping spans are split.
 */
export function renderText(text, spans) {
  const { segments, dropped } = segment(text, spans);
  const frag = document.createDocumentFragment();
  const open = []; // [{span, el}], outermost first
  for (const sg of segments) {
    let keep = 0;
    while (keep < open.length && keep < sg.spans.length && open[keep].span === sg.spans[keep]) keep++;
    open.length = keep;
    for (const span of sg.spans.slice(keep)) {
      const el = markFor(span);
      (open.length ? open[open.length - 1].el : frag).append(el);
      open.push({ span, el });
    }
    (open.length ? open[open.length - 1].el : frag).append(document.createTextNode(sg.text));
  }
  return [frag, dropped];
}

export function createPanel(el, { onClose }) {
  let detail = null;
  let error = null;
  let seq = 0;
  let articleId = null;
  let article = null;
  let articleError = null;
  let articleSeq = 0;
  let pinned = [];
  let indexed = { claims: [], conflicts: [], conflictsOf: [] };

  // ------------------------------------------------------------ linking
  function light(keys) {
    const want = new Set(keys);
    for (const node of el.querySelectorAll('[data-link]')) {
      node.classList.toggle('linked', keysOf(node).some((k) => want.has(k)));
    }
  }
  function keysAround(target) {
    const keys = [];
    for (let n = target; n && n !== el; n = n.parentElement) {
      if (n.hasAttribute?.('data-link')) {
        keys.push(...keysOf(n));
        if (n.tagName !== 'MARK') break; // marks: all the spans covering the point
      }
    }
    return keys;
  }
  function reveal(keys, where) {
    const want = new Set(keys);
    const box = el.querySelector(where);
    const first = box && [...box.querySelectorAll('[data-link]')].find((n) => keysOf(n).some((k) => want.has(k)));
    if (first) first.scrollIntoView({ block: 'center', behavior: 'smooth' });
    return first;
  }
  el.addEventListener('pointerover', (e) => {
    const keys = keysAround(e.target);
    if (keys.length) light(keys);
  });
  el.addEventListener('pointerout', (e) => {
    if (!el.contains(e.relatedTarget) || !keysAround(e.relatedTarget).length) light(pinned);
  });
  el.addEventListener('focusin', (e) => {
    const keys = keysAround(e.target);
    if (keys.length) light(keys);
  });
  el.addEventListener('click', (e) => {
    const keys = keysAround(e.target);
    if (!keys.length) return;
    const same = keys.join(' ') === pinned.join(' ');
    pinned = same ? [] : keys;
    light(pinned.length ? pinned : keys);
    if (same) return;
    const inText = e.target.closest('.article-text');
    if (inText) {
      reveal(keys, '.panel-summary') || reveal(keys, '.panel-claims');
      return;
    }
    // the words may be in another report's article: open it
    const claimEl = e.target.closest('[data-testid="claim"]');
    const claim = claimEl && indexed.claims[Number(claimEl.getAttribute('data-claim'))];
    const row = e.target.closest('.field-row');
    const field = row && row.getAttribute('data-field');
    const elsewhere = claim
      ? claim.article_id
      : field && (detail?.fields?.[field] || []).map((ev) => ev.article_id).find(Boolean);
    if (!reveal(keys, '.article-text') && elsewhere && elsewhere !== articleId) {
      openArticle(elsewhere, keys);
    }
  });
  el.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.target.matches('[data-link][tabindex]')) e.target.click();
    if (e.key === 'Escape') onClose();
  });

  // ------------------------------------------------------------ sections
  function header() {
    const place = detail.location || detail.admin1 || detail.country_name || detail.country || '';
    const dot = h('span', { class: 'type-dot', 'aria-hidden': 'true' });
    dot.style.background = typeColor(detail.event_type);
    return h('header', { class: 'panel-head' },
      h('button', { type: 'button', class: 'close', 'data-testid': 'panel-close',
        'aria-label': t('close'), title: t('close'), onclick: onClose }, '×'),
      h('h2', { tabindex: -1 }, bdi(place), ' · ', detail.event_date || t('no_date')),
      h('div', { class: 'muted' }, dot, label('type', detail.event_type),
        detail.sub_event_type ? [' — ', bdi(detail.sub_event_type)] : null,
        ' · ', h('code', null, detail.event_id_cnty || detail.id)));
  }

  function summaryValue(f) {
    const v = detail[f];
    if (f === 'event_type') return label('type', v);
    if (f === 'event_date') return v || t('no_date');
    if (f === 'country') return [bdi(detail.country_name || ''), detail.country ? ` (${detail.country})` : ''];
    if (f === 'sources') return (v || []).map((x, i) => [i ? t('list_sep') : '', bdi(x)]);
    if (f === 'location') {
      const where = typeof detail.latitude === 'number' && typeof detail.longitude === 'number'
        ? [' ', h('span', { class: 'muted small', dir: 'ltr' }, `${detail.latitude}, ${detail.longitude}`)] : null;
      return [bdi(v ?? '—'), where];
    }
    return v == null || v === '' ? '—' : bdi(String(v));
  }

  function summary() {
    const fields = detail.fields || {};
    const conf = detail.confidence || {};
    const row = (f, value) => {
      const n = (fields[f] || []).length;
      return h('div', {
        class: ['field-row', n && 'has-evidence'],
        'data-field': f,
        'data-link': `field:${f}`,
        tabindex: n ? 0 : null,
      },
      h('dt', null, fieldLabel(f),
        n ? h('span', { class: 'count', title: t('evidence_count', { n }) }, String(n)) : null,
        typeof conf[f] === 'number'
          ? h('span', { class: 'conf', dir: 'ltr', title: t('confidence') }, `${Math.round(conf[f] * 100)}%`) : null),
      h('dd', null, value));
    };
    const dl = h('dl', { class: 'fields' }, SUMMARY_FIELDS.map((f) => row(f, summaryValue(f))));
    const others = Object.keys(fields).filter((f) => !SUMMARY_FIELDS.includes(f));
    return h('section', { class: 'panel-summary' },
      h('h3', null, t('summary')),
      detail.notes ? h('p', { class: 'notes', 'data-field': 'notes', dir: 'auto' }, detail.notes) : null,
      dl,
      others.length ? [
        h('h4', null, t('other_evidence')),
        h('dl', { class: 'fields' }, others.map((f) => row(f,
          (fields[f] || []).map((e, i) => [i ? ' · ' : '', h('span', { lang: 'ar', dir: 'rtl' }, bdi(e.text || ''))])))),
      ] : null,
      h('p', { class: 'muted small' }, t('evidence_hint')));
  }

  function reportOptions() {
    const seen = new Map();
    for (const r of detail.reports || []) {
      if (r.article_id && !seen.has(r.article_id)) seen.set(r.article_id, r);
    }
    return [...seen.values()];
  }

  function articleSection() {
    const sec = h('section', { class: 'panel-article' }, h('h3', null, t('article')));
    const reports = reportOptions();
    if (!reports.length) {
      sec.append(h('p', { class: 'muted' }, t('no_reports')));
      return sec;
    }
    if (reports.length > 1) {
      const sel = h('select', {
        'data-testid': 'report-select',
        'aria-label': t('report'),
        onchange: (e) => openArticle(e.target.value),
      }, reports.map((r) => {
        const o = h('option', { value: r.article_id },
          [r.outlet, r.published, r.report].filter(Boolean).join(' · '));
        o.selected = r.article_id === articleId;
        return o;
      }));
      sec.append(h('label', { class: 'report-select' }, `${t('reports', { n: reports.length })}: `, sel));
    }
    if (articleError) {
      sec.append(h('p', { class: 'error' }, t('error', { detail: articleError })));
      return sec;
    }
    if (!article) {
      sec.append(h('p', { class: 'muted' }, t('loading')));
      return sec;
    }
    const href = safeHref(article.url);
    sec.append(h('div', { class: 'article-meta' },
      article.title ? h('h4', { dir: 'rtl', lang: 'ar', class: 'article-title' }, article.title) : null,
      h('div', { class: 'muted small' },
        bdi(article.outlet || ''), article.published ? ` · ${article.published}` : '',
        ' · ', h('code', null, article.id),
        href ? [' · ', h('a', { href, target: '_blank', rel: 'noopener noreferrer nofollow' }, t('open_original'))] : null)));
    const spans = spansFor(detail, article, indexed.claims, indexed.conflictsOf);
    const [frag, dropped] = renderText(String(article.text ?? ''), spans);
    sec.append(h('div', {
      class: 'article-text', dir: 'rtl', lang: 'ar', 'data-testid': 'article-text',
      'data-article-id': article.id,
    }, frag));
    if (dropped) sec.append(h('p', { class: 'warn small' }, t('spans_dropped', { n: dropped })));
    return sec;
  }

  function claimsSection() {
    const { claims, conflicts, conflictsOf } = indexed;
    const sec = h('section', { class: 'panel-claims' }, h('h3', null, t('claims')));
    if (!claims.length) {
      sec.append(h('p', { class: 'muted' }, t('no_claims')));
      return sec;
    }
    if (conflicts.length) {
      sec.append(h('h4', null, t('contradictions')), h('ul', { class: 'conflicts' },
        conflicts.map((cf) => h('li', {
          'data-testid': 'conflict',
          'data-conflict': cf.field,
          'data-link': [cf.a, cf.b].filter((i) => i != null).map((i) => `claim:${i}`).join(' '),
          tabindex: 0,
        }, '⚠ ', fieldLabel(cf.field), ': ', bdi(cf.reason ?? ''),
        ' — ', bdi(claims[cf.a]?.source ?? ''), ' ≠ ', bdi(claims[cf.b]?.source ?? '')))));
    }
    const sources = [...new Set(claims.map((c) => c.source))];
    const fields = [...new Set(claims.map((c) => c.field))].sort((a, b) => {
      const x = CLAIM_ORDER.indexOf(a);
      const y = CLAIM_ORDER.indexOf(b);
      return (x < 0 ? 99 : x) - (y < 0 ? 99 : y);
    });
    const claimEl = (c, i) => {
      const cfs = conflictsOf[i];
      const elsewhere = c.article_id && c.article_id !== articleId;
      return h('div', {
        class: ['claim', cfs.length && 'conflict', elsewhere && 'elsewhere'],
        'data-testid': 'claim',
        'data-claim': i,
        'data-field': c.field,
        'data-source': c.source,
        'data-article-id': c.article_id || null,
        'data-conflict': cfs.length ? c.field : null,
        'data-link': `claim:${i}`,
        tabindex: 0,
        title: elsewhere ? t('claim_in_other') : null,
      },
      h('div', { class: 'claim-value' }, bdi(formatValue(c.value))),
      c.quote ? h('q', { class: 'claim-quote', dir: 'rtl', lang: 'ar' }, c.quote) : null,
      h('div', { class: 'muted small' },
        [label('kind', c.source_kind), c.outlet].filter(Boolean).map((x, k) => [k ? ' · ' : '', bdi(x)]),
        c.hedge ? [' · ', t('hedge'), ': ', h('span', { lang: 'ar', dir: 'rtl' }, bdi(c.hedge))] : null),
      cfs.map(({ cf, other }) => h('div', {
        class: 'conflict-marker', 'data-testid': 'conflict-marker', 'data-conflict': cf.field,
      }, '⚠ ', t('contradicts'), ' ', bdi(claims[other]?.source ?? ''), ': ', bdi(cf.reason ?? ''))));
    };
    const table = h('table', { class: 'claims-table', 'data-testid': 'claims-table' },
      h('thead', null, h('tr', null, h('th', null, ''),
        sources.map((src) => {
          const kind = claims.find((c) => c.source === src)?.source_kind;
          return h('th', { scope: 'col', 'data-source': src }, bdi(src),
            kind ? h('div', { class: 'muted small' }, label('kind', kind)) : null);
        }))),
      h('tbody', null, fields.map((f) => {
        const conflicted = conflicts.filter((cf) => cf.field === f);
        return h('tr', { class: conflicted.length ? 'conflict' : null },
          h('th', { scope: 'row' }, fieldLabel(f),
            conflicted.length ? h('span', { class: 'conflict-flag', 'data-conflict': f,
              title: conflicted.map((cf) => cf.reason).join('; ') }, ' ⚠') : null),
          sources.map((src) => h('td', null, claims
            .map((c, i) => [c, i])
            .filter(([c]) => c.field === f && c.source === src)
            .map(([c, i]) => claimEl(c, i)))));
      })));
    sec.append(h('div', { class: 'claims-scroll' }, table));
    return sec;
  }

  // ------------------------------------------------------------ rendering and loading
  function render() {
    clear(el);
    if (error) {
      el.append(h('header', { class: 'panel-head' },
        h('button', { type: 'button', class: 'close', 'data-testid': 'panel-close',
          'aria-label': t('close'), onclick: onClose }, '×')),
      h('p', { class: 'error' }, t('error', { detail: error })));
      return;
    }
    if (!detail) {
      el.append(h('p', { class: 'muted' }, t('loading')));
      return;
    }
    el.append(header(), summary(), articleSection(), claimsSection());
    light(pinned);
  }

  function renderArticle() {
    const old = el.querySelector('.panel-article');
    if (!old) return render();
    old.replaceWith(articleSection());
    for (const c of el.querySelectorAll('[data-testid="claim"]')) {
      const other = c.getAttribute('data-article-id') && c.getAttribute('data-article-id') !== articleId;
      c.classList.toggle('elsewhere', Boolean(other));
      if (other) c.setAttribute('title', t('claim_in_other'));
      else c.removeAttribute('title');
    }
    light(pinned);
  }

  async function openArticle(id, thenReveal) {
    const my = ++articleSeq;
    articleId = id;
    article = null;
    articleError = null;
    renderArticle();
    try {
      const a = await api.article(id);
      if (my !== articleSeq) return;
      article = a;
    } catch (err) {
      if (my !== articleSeq) return;
      articleError = err.message;
    }
    renderArticle();
    if (thenReveal) {
      pinned = thenReveal;
      light(pinned);
      reveal(thenReveal, '.article-text');
    }
  }

  return {
    async show(id) {
      const my = ++seq;
      el.hidden = false;
      detail = null;
      error = null;
      pinned = [];
      article = null;
      articleId = null;
      render();
      try {
        const d = await api.event(id);
        if (my !== seq) return;
        detail = d;
        indexed = indexClaims(d);
      } catch (err) {
        if (my !== seq) return;
        error = err.message;
        render();
        return;
      }
      const first = reportOptions()[0];
      articleId = first ? first.article_id : null;
      render();
      el.querySelector('h2')?.focus({ preventScroll: true });
      if (articleId) openArticle(articleId);
    },
    hide() {
      seq++;
      articleSeq++;
      el.hidden = true;
      clear(el);
      detail = null;
    },
    relabel() {
      if (!el.hidden) render();
    },
  };
}
