// One colour per ACLED event type (colour-blind-safe Okabe–Ito hues), grey for anything else.

export const TYPE_COLORS = {
  Battles: '#d55e00',
  'Explosions/Remote violence': '#cc79a7',
  'Violence against civilians': '#0072b2',
  Protests: '#009e73',
  Riots: '#e69f00',
  'Strategic developments': '#56b4e9',
};
export const OTHER_COLOR = '#7a7a7a';

export const typeColor = (type) => TYPE_COLORS[type] || OTHER_COLOR;

/** Marker diameter in pixels: grows with the square root of the fatalities. */
export function markerSize(fatalities) {
  if (fatalities == null || !(fatalities >= 0)) return 12;
  return Math.round(Math.min(12 + 4 * Math.sqrt(fatalities), 40));
}
