// Histogram of events per day (per week over long ranges), stacked by type, with a brush:
// drag to select a date range, drag the selection to move it, click to clear.
import { h, s, clear, append } from './dom.js';
import { t, label, getLang } from './i18n.js';
import { TYPE_COLORS, typeColor } from './colors.js';

const DAY = 86400000;
const WEEKLY_AFTER_DAYS = 120;
const M = { left: 30, right: 12, top: 10, bottom: 22 };
const HEIGHT = 120;

const parse = (d) => Date.parse(`${d}T00:00:00Z`);
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
const mondayOf = (ms) => ms - ((new Date(ms).getUTCDay() + 6) % 7) * DAY;

/** Bins of [start, end) ms covering [min, max], daily or weekly. */
function makeBins(minMs, maxMs) {
  const weekly = (maxMs - minMs) / DAY + 1 > WEEKLY_AFTER_DAYS;
  const step = weekly ? 7 * DAY : DAY;
  const first = weekly ? mondayOf(minMs) : minMs;
  const bins = [];
  for (let a = first; a <= maxMs; a += step) bins.push({ start: a, end: a + step, counts: {} });
  return { bins, weekly, step, first };
}

export function createTimeline(el, { onBrush }) {
  const head = h('div', { class: 'timeline-head' });
  const svgBox = h('div', { class: 'timeline-svg', dir: 'ltr' }); // time runs left to right
  el.append(head, svgBox);

  let events = [];
  let range = null; // {since, until} or null
  let partial = 0;
  let geom = null; // {x(ms), inv(px), bins, step, first, width}

  function render() {
    clear(head);
    clear(svgBox);
    const dated = events.filter((e) => e.event_date && !Number.isNaN(parse(e.event_date)));
    const dates = dated.map((e) => parse(e.event_date));
    if (range?.since) dates.push(parse(range.since));
    if (range?.until) dates.push(parse(range.until));
    if (!dates.length) {
      head.append(h('span', { class: 'muted' }, t('timeline_empty')));
      geom = null;
      return;
    }
    const { bins, weekly, step, first } = makeBins(Math.min(...dates), Math.max(...dates));
    for (const e of dated) {
      const b = bins[Math.floor((parse(e.event_date) - first) / step)];
      if (b) b.counts[e.event_type] = (b.counts[e.event_type] || 0) + 1;
    }
    append(head,
      h('strong', null, t('timeline', { unit: t(weekly ? 'week' : 'day') })),
      ' ',
      h('span', { class: 'muted' }, t('timeline_hint')),
      partial ? h('span', { class: 'muted' }, ' ', t('timeline_partial', { n: partial })) : null,
    );

    const width = Math.max(el.clientWidth, 300);
    const x0 = first;
    const x1 = bins[bins.length - 1].end;
    const x = (ms) => M.left + ((ms - x0) / (x1 - x0)) * (width - M.left - M.right);
    const inv = (px) => x0 + ((px - M.left) / (width - M.left - M.right)) * (x1 - x0);
    const maxN = Math.max(1, ...bins.map((b) => Object.values(b.counts).reduce((a, c) => a + c, 0)));
    const plotH = HEIGHT - M.top - M.bottom;
    const y = (n) => (n / maxN) * plotH;
    geom = { x, inv, bins, step, first, x1 };

    const svg = s('svg', {
      width, height: HEIGHT, viewBox: `0 0 ${width} ${HEIGHT}`, class: 'timeline-chart',
      role: 'img', 'aria-label': t('timeline', { unit: t(weekly ? 'week' : 'day') }),
    });
    // y axis: 0 and max
    svg.append(
      s('line', { x1: M.left, x2: width - M.right, y1: HEIGHT - M.bottom, y2: HEIGHT - M.bottom, class: 'axis' }),
      s('text', { x: M.left - 4, y: M.top + 8, class: 'tick', 'text-anchor': 'end' }, String(maxN)),
      s('text', { x: M.left - 4, y: HEIGHT - M.bottom, class: 'tick', 'text-anchor': 'end' }, '0'),
    );
    const order = [...Object.keys(TYPE_COLORS)];
    const bars = s('g', { class: 'bars' });
    for (const b of bins) {
      const bx = x(b.start);
      const bw = Math.max(1, x(b.end) - bx - 1);
      let base = HEIGHT - M.bottom;
      const types = Object.keys(b.counts).sort((p, q) => {
        const a = order.indexOf(p);
        const c = order.indexOf(q);
        return (a < 0 ? 99 : a) - (c < 0 ? 99 : c);
      });
      const total = types.reduce((a, k) => a + b.counts[k], 0);
      const g = s('g', { class: 'bin', 'data-start': iso(b.start) });
      for (const k of types) {
        const hgt = y(b.counts[k]);
        base -= hgt;
        g.append(s('rect', { x: bx, y: base, width: bw, height: hgt, fill: typeColor(k) }));
      }
      if (total) {
        const last = iso(b.end - DAY);
        const when = last === iso(b.start) ? iso(b.start) : `${iso(b.start)} – ${last}`;
        const lines = types.map((k) => `${label('type', k)}: ${b.counts[k]}`);
        g.append(s('title', null, [when, ...lines].join('\n')));
      }
      bars.append(g);
    }
    svg.append(bars);

    // x ticks: month starts (or every Monday when the range is short)
    const fmt = new Intl.DateTimeFormat(getLang() === 'ar' ? 'ar-u-nu-latn' : 'en', {
      month: 'short', year: '2-digit', timeZone: 'UTC',
    });
    const fmtDay = new Intl.DateTimeFormat(getLang() === 'ar' ? 'ar-u-nu-latn' : 'en', {
      month: 'short', day: 'numeric', timeZone: 'UTC',
    });
    const ticks = [];
    const spanDays = (x1 - x0) / DAY;
    if (spanDays > 45) {
      const d = new Date(x0);
      let m = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
      const every = spanDays > 730 ? 6 : spanDays > 365 ? 3 : 1;
      while (m < x1) {
        const md = new Date(m);
        if (md.getUTCMonth() % every === 0) ticks.push([m, fmt.format(md)]);
        m = Date.UTC(md.getUTCFullYear(), md.getUTCMonth() + 1, 1);
      }
    } else {
      for (let m = mondayOf(x0) + 7 * DAY; m < x1; m += 7 * DAY) ticks.push([m, fmtDay.format(new Date(m))]);
    }
    for (const [ms, text] of ticks) {
      const tx = x(ms);
      svg.append(
        s('line', { x1: tx, x2: tx, y1: HEIGHT - M.bottom, y2: HEIGHT - M.bottom + 4, class: 'axis' }),
        s('text', { x: tx, y: HEIGHT - 6, class: 'tick', 'text-anchor': 'middle' }, text),
      );
    }

    // brush
    const selRect = s('rect', { class: 'brush-selection', y: M.top - 4, height: plotH + 4, x: 0, width: 0 });
    const overlay = s('rect', {
      class: 'brush-overlay', x: M.left, y: 0, width: width - M.left - M.right, height: HEIGHT,
      'data-testid': 'timeline-brush',
    });
    svg.append(selRect, overlay);
    svgBox.append(svg);

    const showSel = (a, b) => {
      const lo = Math.max(M.left, Math.min(a, b));
      const hi = Math.min(width - M.right, Math.max(a, b));
      selRect.setAttribute('x', lo);
      selRect.setAttribute('width', Math.max(0, hi - lo));
      selRect.style.display = hi - lo > 0 ? '' : 'none';
    };
    const current = () => (range
      ? [x(range.since ? parse(range.since) : x0), x(range.until ? parse(range.until) + DAY : x1)]
      : null);
    const cur = current();
    if (cur) showSel(...cur);
    else showSel(0, 0);
    for (const g of bars.children) {
      const start = parse(g.getAttribute('data-start'));
      const inside = !range || ((!range.since || start + geom.step > parse(range.since))
        && (!range.until || start <= parse(range.until)));
      g.classList.toggle('dim', !inside);
    }

    let drag = null;
    const px = (ev) => {
      const r = svg.getBoundingClientRect();
      return Math.max(M.left, Math.min(width - M.right, ev.clientX - r.left));
    };
    overlay.addEventListener('pointerdown', (ev) => {
      overlay.setPointerCapture(ev.pointerId);
      const p = px(ev);
      const c = current();
      drag = c && p >= Math.min(...c) && p <= Math.max(...c)
        ? { mode: 'move', from: p, sel: c, at: p }
        : { mode: 'new', from: p, at: p };
    });
    overlay.addEventListener('pointermove', (ev) => {
      if (!drag) return;
      drag.at = px(ev);
      if (drag.mode === 'new') showSel(drag.from, drag.at);
      else showSel(drag.sel[0] + drag.at - drag.from, drag.sel[1] + drag.at - drag.from);
    });
    const finish = () => {
      if (!drag) return;
      const d = drag;
      drag = null;
      if (Math.abs(d.at - d.from) < 3) {
        if (range) onBrush(null);
        return;
      }
      let a;
      let b;
      if (d.mode === 'new') [a, b] = [Math.min(d.from, d.at), Math.max(d.from, d.at)];
      else [a, b] = [d.sel[0] + d.at - d.from, d.sel[1] + d.at - d.from];
      // snap outward to whole bins
      const binAt = (ms) => Math.max(0, Math.min(bins.length - 1, Math.floor((ms - first) / step)));
      const lo = bins[binAt(inv(a))].start;
      const hi = bins[binAt(inv(b) - 1)].end - DAY;
      onBrush({ since: iso(lo), until: iso(Math.max(lo, hi)) });
    };
    overlay.addEventListener('pointerup', finish);
    overlay.addEventListener('pointercancel', () => {
      drag = null;
      const c = current();
      if (c) showSel(...c);
      else showSel(0, 0);
    });
  }

  let lastWidth = 0;
  const ro = new ResizeObserver(() => {
    if (el.clientWidth !== lastWidth) {
      lastWidth = el.clientWidth;
      render();
    }
  });
  ro.observe(el);

  return {
    update(nextEvents, nextRange, { partialAt = 0 } = {}) {
      events = nextEvents;
      range = nextRange;
      partial = partialAt;
      render();
    },
    setRange(nextRange) {
      range = nextRange;
      render();
    },
    relabel: render,
  };
}
