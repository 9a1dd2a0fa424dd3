// The API counts characters as Python does (Unicode code points); JavaScript strings are indexed
// in UTF-16 code units, where a character outside the BMP (emoji, 𝟑 …) takes two. These helpers
// convert, and split a text into the pieces covered by spans.

/** index[i] = UTF-16 index of code point i; index[n] = text.length (n = number of code points). */
export function codePointIndex(text) {
  const index = [];
  let u = 0;
  for (const ch of text) {
    index.push(u);
    u += ch.length;
  }
  index.push(u);
  return index;
}

/** A code-point offset as a UTF-16 index (clamped to the text). */
export function toUtf16(index, cp) {
  if (!Number.isInteger(cp) || cp <= 0) return 0;
  return index[Math.min(cp, index.length - 1)];
}

/** Python-style slice text[start:end] with code-point offsets. */
export function sliceCodePoints(text, start, end) {
  const index = codePointIndex(text);
  return text.slice(toUtf16(index, start), toUtf16(index, end));
}

/**
 * Splits `text` at the span boundaries. Spans are {start, end} in code points (other keys are
 * kept). Returns {segments: [{text, spans}], dropped} where each segment's spans are those that
 * cover it, outermost (longest) first; spans that do not fit the text are dropped and counted.
 */
export function segment(text, spans) {
  const index = codePointIndex(text);
  const n = index.length - 1;
  const placed = [];
  let dropped = 0;
  spans.forEach((span, order) => {
    const { start, end } = span;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > n) {
      dropped += 1;
      return;
    }
    placed.push({ span, order, a: index[start], b: index[end] });
  });
  const cuts = new Set([0, text.length]);
  for (const p of placed) {
    cuts.add(p.a);
    cuts.add(p.b);
  }
  const bounds = [...cuts].sort((x, y) => x - y);
  const segments = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const a = bounds[i];
    const b = bounds[i + 1];
    const covering = placed
      .filter((p) => p.a <= a && p.b >= b)
      .sort((p, q) => (q.b - q.a) - (p.b - p.a) || p.order - q.order)
      .map((p) => p.span);
    segments.push({ text: text.slice(a, b), spans: covering });
  }
  return { segments, dropped };
}
