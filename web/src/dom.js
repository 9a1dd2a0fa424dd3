// Building DOM from untrusted data: text always goes in as text nodes, attributes through
// setAttribute, links only with http(s) or relative URLs. Nothing here parses HTML.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A safe href, or null: relative URLs and http(s) only (no javascript:, data:, …). */
export function safeHref(value) {
  if (typeof value !== 'string' || value.trim() === '') return null;
  try {
    const url = new URL(value, window.location.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function setProps(el, props) {
  for (const [key, value] of Object.entries(props || {})) {
    if (value == null || value === false) continue;
    if (key === 'class') {
      el.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
    } else if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (/^on/i.test(key) || key === 'style' || key === 'srcdoc') {
      throw new Error(`refusing attribute ${key}`);
    } else if (key === 'href' || key === 'src') {
      const href = safeHref(String(value));
      if (href) el.setAttribute(key, href);
    } else if (key === 'value' && 'value' in el) {
      el.value = String(value);
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
}

/** Appends children: strings and numbers as text nodes, nodes as they are, arrays flattened. */
export function append(el, ...children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    el.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** h('p', {class: 'x', 'data-field': f}, 'text', otherNode) */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  setProps(el, props);
  return append(el, ...children);
}

/** The same for SVG elements. */
export function s(tag, props, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setProps(el, props);
  return append(el, ...children);
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

/** <bdi> isolates a value of unknown direction (an Arabic name inside English, and back). */
export const bdi = (text) => h('bdi', null, text ?? '');
