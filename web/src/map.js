// The map: Natural Earth country outlines (bundled), an optional tile layer from /config.json,
// events as clustered markers coloured by type and sized by fatalities.
import { feature } from 'topojson-client';
import L from './leaflet.js';
import { h, clear, bdi } from './dom.js';
import { t, label } from './i18n.js';
import { TYPE_COLORS, OTHER_COLOR, typeColor, markerSize } from './colors.js';

const WORLD_URL = new URL('countries-50m.json', import.meta.url);

/** A div icon whose element carries the test hooks; its content is built as DOM, not HTML. */
const EventIcon = L.DivIcon.extend({
  createIcon(oldIcon) {
    const div = L.DivIcon.prototype.createIcon.call(this, oldIcon);
    div.setAttribute('data-testid', 'event-marker');
    div.setAttribute('data-event-id', this.options.eventId);
    return div;
  },
});

function eventIcon(ev) {
  const size = markerSize(ev.fatalities);
  const dot = h('span', { class: ['ev-dot', ev.fatalities == null && 'unknown'] });
  dot.style.background = typeColor(ev.event_type);
  return new EventIcon({
    html: dot,
    className: 'ev-marker',
    iconSize: [size, size],
    eventId: ev.id,
  });
}

function clusterIcon(cluster) {
  const n = cluster.getChildCount();
  const size = n < 10 ? 30 : n < 100 ? 36 : 44;
  // the dominant type gives the ring colour
  const counts = {};
  for (const m of cluster.getAllChildMarkers()) {
    counts[m.options.eventType] = (counts[m.options.eventType] || 0) + 1;
  }
  const top = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
  const el = h('span', { class: 'ev-cluster-count' }, String(n));
  el.style.borderColor = typeColor(top && top[0]);
  return L.divIcon({ html: el, className: 'ev-cluster', iconSize: [size, size] });
}

function tooltipFor(ev) {
  return () => h('div', { class: 'ev-tooltip' },
    h('strong', null, bdi(ev.location || ev.admin1 || ev.country_name || '')),
    h('div', null, ev.event_date || t('no_date'), ' · ', label('type', ev.event_type)),
    ev.fatalities != null ? h('div', null, `${t('col_fatalities')}: ${ev.fatalities}`) : null);
}

/** A tile URL template is used only if it is http(s) or a path on this server. */
function tileTemplate(url) {
  if (typeof url !== 'string' || !/^(https?:\/\/|\/[^/])/i.test(url)) return null;
  return url;
}

export function createMap(el, { onSelect }) {
  const map = L.map(el, {
    attributionControl: false,
    worldCopyJump: true,
    minZoom: 2,
    maxZoom: 16,
    zoomSnap: 0.5,
  }).setView([31, 42], 5);

  const cluster = L.markerClusterGroup({
    iconCreateFunction: clusterIcon,
    showCoverageOnHover: false,
    maxClusterRadius: 36,
    spiderfyOnMaxZoom: true,
  });
  cluster.addTo(map);

  // attribution as text (Leaflet's own control writes HTML)
  const attribution = L.control({ position: 'bottomleft' });
  let tileAttribution = '';
  attribution.onAdd = () => h('div', { class: 'map-attribution' });
  attribution.addTo(map);
  const attributionEl = attribution.getContainer();

  const legend = L.control({ position: 'bottomright' });
  legend.onAdd = () => h('div', { class: 'map-legend', 'data-testid': 'legend' });
  legend.addTo(map);
  const legendEl = legend.getContainer();
  L.DomEvent.disableClickPropagation(legendEl);

  let markers = new Map();
  let selected = null;
  let hasTiles = false;

  function relabel() {
    clear(attributionEl);
    attributionEl.append('Leaflet · ', t('attribution'));
    if (tileAttribution) attributionEl.append(' · ', tileAttribution);

    clear(legendEl);
    legendEl.append(h('div', { class: 'legend-title' }, t('legend')));
    for (const [type, color] of [...Object.entries(TYPE_COLORS), ['', OTHER_COLOR]]) {
      const sw = h('span', { class: 'swatch' });
      sw.style.background = color;
      legendEl.append(h('div', { class: 'legend-row', 'data-type': type },
        sw, type ? label('type', type) : t('legend_unknown')));
    }
    legendEl.append(h('div', { class: 'legend-title' }, t('legend_size')));
    const sizes = h('div', { class: 'legend-sizes' });
    for (const n of [0, 5, 25, 100]) {
      const d = markerSize(n);
      const dot = h('span', { class: 'size-dot' });
      dot.style.width = `${d}px`;
      dot.style.height = `${d}px`;
      sizes.append(h('span', { class: 'size-item' }, dot, String(n)));
    }
    const unknown = h('span', { class: 'size-dot unknown' });
    unknown.style.width = `${markerSize(null)}px`;
    unknown.style.height = `${markerSize(null)}px`;
    sizes.append(h('span', { class: 'size-item' }, unknown, '?'));
    legendEl.append(sizes);
  }

  function loadOutlines() {
    return fetch(WORLD_URL)
      .then((r) => r.json())
      .then((topo) => {
        const countries = feature(topo, topo.objects.countries);
        L.geoJSON(countries, {
          interactive: false,
          style: () => ({
            color: '#8a8f98',
            weight: 0.8,
            fillColor: '#f3f0e8',
            fillOpacity: hasTiles ? 0 : 1,
          }),
        }).addTo(map);
        cluster.bringToFront?.();
      })
      .catch(() => {
        /* the map still works without outlines */
      });
  }

  function configure(config) {
    const url = tileTemplate(config && config.tile_url);
    if (url) {
      hasTiles = true;
      L.tileLayer(url, { maxZoom: 19 }).addTo(map);
      tileAttribution = typeof config.tile_attribution === 'string' ? config.tile_attribution : '';
    }
    relabel();
    return loadOutlines();
  }

  function setEvents(events, { fit = false } = {}) {
    cluster.clearLayers();
    markers = new Map();
    const layers = [];
    for (const ev of events) {
      if (typeof ev.latitude !== 'number' || typeof ev.longitude !== 'number') continue;
      const m = L.marker([ev.latitude, ev.longitude], {
        icon: eventIcon(ev),
        eventType: ev.event_type,
        keyboard: true,
        riseOnHover: true,
      });
      m.bindTooltip(tooltipFor(ev), { direction: 'top', offset: [0, -6] });
      m.on('click', () => onSelect(ev.id)); // also Enter on a focused marker
      markers.set(ev.id, m);
      layers.push(m);
    }
    cluster.addLayers(layers);
    if (selected) select(selected, { pan: false });
    if (fit && layers.length) {
      map.fitBounds(L.latLngBounds(layers.map((m) => m.getLatLng())).pad(0.15), { maxZoom: 6 });
    }
  }

  function select(id, { pan = true } = {}) {
    if (selected && markers.get(selected)) {
      markers.get(selected).getElement()?.classList.remove('selected');
    }
    selected = id;
    const m = id && markers.get(id);
    if (!m) return;
    const mark = () => m.getElement()?.classList.add('selected');
    if (pan) cluster.zoomToShowLayer(m, mark);
    else mark();
    m.off('add', mark).on('add', mark);
  }

  // the panel changes the map's width
  const resize = new ResizeObserver(() => map.invalidateSize());
  resize.observe(el);

  return { map, configure, setEvents, select, relabel };
}
