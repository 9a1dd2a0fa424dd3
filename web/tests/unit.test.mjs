// node --test tests/unit.test.mjs — code-point offsets (the API's) against JS string indices.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { codePointIndex, toUtf16, sliceCodePoints, segment } from '../src/offsets.js';

test('BMP text: code points and UTF-16 indices agree', () => {
  const text = 'سقطت صواريخ';
  assert.deepEqual(codePointIndex(text), [...Array(text.length + 1).keys()]);
  assert.equal(sliceCodePoints(text, 5, 11), 'صواريخ');
});

test('astral characters take two UTF-16 units but one code point', () => {
  const text = '🔴 عاجل 𝟑 قتلى';
  // Python: text[2:6] == 'عاجل', text[7:8] == '𝟑', text[9:13] == 'قتلى'
  assert.equal(sliceCodePoints(text, 2, 6), 'عاجل');
  assert.equal(sliceCodePoints(text, 7, 8), '𝟑');
  assert.equal(sliceCodePoints(text, 9, 13), 'قتلى');
  const index = codePointIndex(text);
  assert.equal(index.length - 1, [...text].length);
  assert.equal(toUtf16(index, 999), text.length);
});

test('segments: nested and overlapping spans, outermost first; bad spans dropped', () => {
  const text = '🚀abcdef';
  const { segments, dropped } = segment(text, [
    { start: 1, end: 5, id: 'outer' },
    { start: 2, end: 3, id: 'inner' },
    { start: 4, end: 7, id: 'overlap' },
    { start: 5, end: 99, id: 'bad' },
    { start: 3, end: 3, id: 'empty' },
  ]);
  assert.equal(dropped, 2);
  assert.deepEqual(
    segments.map((sg) => [sg.text, sg.spans.map((sp) => sp.id)]),
    [['🚀', []], ['a', ['outer']], ['b', ['outer', 'inner']], ['c', ['outer']],
      ['d', ['outer', 'overlap']], ['ef', ['overlap']]],
  );
  assert.equal(segments.map((sg) => sg.text).join(''), text);
});

test('fixtures: every span and claim quote is found at its code-point offsets', () => {
  const read = (p) => JSON.parse(readFileSync(new URL(`../dev/fixtures/${p}`, import.meta.url)));
  const articles = Object.fromEntries(
    ['seed-73ea38c8', 'seed-b41d02e7', 'seed-xss0001'].map((id) => [id, read(`articles/${id}.json`)]),
  );
  for (const id of ['rasd-3f2a9c41d8e0', 'rasd-9b7e1d05c2a1']) {
    const ev = read(`events/${id}.json`);
    for (const c of ev.claims) {
      assert.equal(sliceCodePoints(articles[c.article_id].text, c.start, c.end), c.quote);
    }
    for (const evs of Object.values(ev.fields)) {
      for (const e of evs) {
        assert.equal(sliceCodePoints(articles[e.article_id].text, e.start, e.end), e.text);
      }
    }
  }
});
