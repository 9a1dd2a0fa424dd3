// Writes dev/fixtures/*.json: the responses of `rasd serve` for a small made-up data set.
// Offsets are computed here from the texts (Python code points, as the contract says), so the
// fixtures stay right when a sentence is edited. Run: npm run fixtures
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** [start, end) of the n-th occurrence of `needle` in `text`, in code points. */
function cp(text, needle, nth = 0) {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`not found: ${needle}`);
  }
  const start = [...text.slice(0, i)].length;
  return [start, start + [...needle].length];
}

// ---------------------------------------------------------------- articles
const ALHURRA = {
  id: 'seed-73ea38c8',
  title: 'صواريخ تستهدف قاعدة عين الأسد غربي العراق',
  outlet: 'Alhurra',
  published: '2022-01-05',
  url: null,
  text:
    '🔴 عاجل | الأنبار\n' +
    'سقطت صواريخ على قاعدة عين الأسد الجوية في محافظة الأنبار غربي العراق فجر الأربعاء، ' +
    'في هجوم جديد على قاعدة تستضيف قوات التحالف الدولي.\n' +
    'وقال مسؤول في التحالف الدولي لوكالة فرانس برس إن خمسة صواريخ سقطت داخل محيط القاعدة ' +
    'ولم تسفر عن إصابات.\n' +
    'في المقابل، قال مصدر أمني عراقي للحرة إن ثلاثة صواريخ سقطت خارج القاعدة قرب ناحية البغدادي، ' +
    'على بعد نحو ثمانية كيلومترات.\n' +
    '🚀 ولم تتبن أي جهة الهجوم حتى الآن، فيما تتهم واشنطن فصائل مسلحة موالية لإيران ' +
    'بالوقوف وراء هجمات مماثلة.\n' +
    'وكانت المنطقة الخضراء في بغداد قد تعرضت لهجوم بطائرتين مسيرتين يوم الاثنين.',
};

const AFP = {
  id: 'seed-b41d02e7',
  title: 'التحالف: خمسة صواريخ على عين الأسد من دون إصابات',
  outlet: 'AFP',
  published: '2022-01-05',
  url: 'https://example.org/afp/ain-al-asad',
  text:
    'بغداد (أ ف ب) - قال مسؤول في التحالف الدولي لوكالة فرانس برس الأربعاء إن خمسة صواريخ ' +
    'أطلقت على قاعدة عين الأسد الجوية في غرب العراق وسقطت داخل محيط القاعدة، من دون أن تسفر ' +
    'عن خسائر بشرية.\n' +
    'وأضاف المسؤول أن منظومة الدفاع الجوي اعترضت صاروخين آخرين، مشيرا إلى أن الأضرار ' +
    'اقتصرت على أضرار مادية طفيفة.',
};

// Untrusted markup inside the text, the title, actors, sources and notes: the page must show it
// as characters and never run it.
const XSS = {
  id: 'seed-xss0001',
  title: 'قصف على إدلب <img src=x onerror="window.__xss=2">',
  outlet: 'Local <b onmouseover="window.__xss=3">outlet</b>',
  published: '2022-01-12',
  url: 'javascript:window.__xss=4',
  text:
    'أفادت مصادر محلية <script>alert(1)</script> بسقوط قذائف هاون على سوق شعبي في مدينة إدلب ' +
    'شمال غربي سوريا صباح الأربعاء <img src=x onerror="window.__xss=1"> ما أدى إلى مقتل ' +
    'مدنيين اثنين وإصابة خمسة آخرين، وفق المرصد السوري لحقوق الإنسان.\n' +
    'وقال ناشطون إن ثلاثة مدنيين قتلوا 𝟑 في القصف.',
};

// ---------------------------------------------------------------- event summaries
const COUNTRY = { IRQ: 'Iraq', SYR: 'Syria', YEM: 'Yemen', LBN: 'Lebanon' };
const EV = 'Explosions/Remote violence';
// id, date, type, sub type, country, admin1, location, lat, lon, actor1, actor2, fatalities, sources, notes
const ROWS = [
  ['rasd-3f2a9c41d8e0', '2022-01-05', EV, 'Shelling/artillery/missile attack', 'IRQ', 'Anbar',
    'Ain al-Asad Air Base', 33.8, 42.44, 'Iran-backed militia', 'Coalition forces', 0,
    ['coalition official (AFP)', 'security source (Alhurra)', 'Alhurra'],
    'Rockets struck Ain al-Asad air base in Anbar at dawn. A coalition official said five rockets fell inside the perimeter without casualties; an Iraqi security source said three fell outside, near al-Baghdadi.',
    { n_reports: 2, n_conflicts: 2, weapon: 'rocket', munitions: 5, injuries: 0 }],
  ['rasd-9b7e1d05c2a1', '2022-01-12', EV, 'Shelling/artillery/missile attack', 'SYR', 'Idlib',
    'Idlib', 35.93, 36.63, 'Military Forces of Syria <img src=x onerror="window.__xss=5">',
    'Civilians (Syria)', 2, ['SOHR <script>window.__xss=6</script>', 'local sources'],
    'Mortar shells hit a market in Idlib city <b>killing two civilians</b> <script>window.__xss=7</script>.',
    { n_reports: 1, n_conflicts: 1, weapon: 'mortar', injuries: 5 }],
  ['rasd-0c11a2b3c4d5', '2022-01-03', EV, 'Drone strike', 'IRQ', 'Baghdad', 'Green Zone',
    33.3093, 44.3931, 'Unidentified armed group', 'Military Forces of Iraq', 0,
    ['security source (Reuters)'], 'Two armed drones were shot down over the Green Zone in Baghdad.',
    { n_reports: 1, weapon: 'drone', munitions: 2 }],
  ['rasd-1a2b3c4d5e6f', '2021-12-20', EV, 'Remote explosive/landmine/IED', 'IRQ', 'Baghdad',
    'Baghdad', 33.315, 44.366, 'Unidentified armed group', 'Civilians (Iraq)', 1,
    ['police source (Shafaq)'], 'A roadside bomb exploded in eastern Baghdad, killing one civilian.', {}],
  ['rasd-2b3c4d5e6f70', '2022-01-19', EV, 'Remote explosive/landmine/IED', 'IRQ', 'Baghdad',
    'Baghdad', 33.32, 44.37, 'Unidentified armed group', 'Military Forces of Iraq', 0,
    ['security source (Alsumaria)'], 'An IED targeted a logistics convoy on the Baghdad airport road.', {}],
  ['rasd-3c4d5e6f7081', '2022-02-08', EV, 'Drone strike', 'IRQ', 'Erbil', 'Erbil', 36.19, 44.01,
    'Iran-backed militia', 'Coalition forces', 0, ['Kurdistan counter-terrorism (Rudaw)'],
    'A drone carrying explosives was intercepted near Erbil airport.', { weapon: 'drone' }],
  ['rasd-4d5e6f708192', '2022-01-27', 'Battles', 'Armed clash', 'IRQ', 'Kirkuk', 'Kirkuk',
    35.47, 44.39, 'Islamic State (Iraq)', 'Military Forces of Iraq', 4, ['security media cell'],
    'Clashes between Islamic State fighters and the army south-west of Kirkuk killed four.', {}],
  ['rasd-5e6f708192a3', '2022-02-14', 'Protests', 'Peaceful protest', 'IRQ', 'Basra', 'Basra',
    30.51, 47.81, 'Protesters (Iraq)', null, 0, ['AFP'],
    'Graduates protested in front of the Basra governorate building demanding jobs.', {}],
  ['rasd-6f708192a3b4', '2022-03-02', 'Battles', 'Armed clash', 'IRQ', 'Nineveh', 'Mosul',
    36.34, 43.13, 'Islamic State (Iraq)', 'Popular Mobilization Forces', 2, ['PMF statement'],
    'Two PMF fighters were killed repelling an Islamic State attack west of Mosul.', {}],
  ['rasd-708192a3b4c5', '2022-02-22', 'Violence against civilians', 'Attack', 'IRQ', 'Diyala',
    'Baqubah', 33.75, 44.64, 'Unidentified armed group', 'Civilians (Iraq)', 3,
    ['local official (Shafaq)'], 'Gunmen killed three farmers in a village north of Baqubah.', {}],
  ['rasd-8192a3b4c5d6', '2022-01-06', 'Battles', 'Armed clash', 'SYR', 'Deir ez-Zor',
    'Deir ez-Zor', 35.33, 40.14, 'SDF', 'Islamic State (Syria)', 5, ['SOHR'],
    'SDF and Islamic State cells clashed in the eastern Deir ez-Zor countryside.', {}],
  ['rasd-92a3b4c5d6e7', '2022-02-03', 'Violence against civilians', 'Attack', 'SYR', 'Daraa',
    'Daraa', 32.62, 36.1, 'Unidentified armed group', 'Civilians (Syria)', 1, ['Horan Free League'],
    'A former opposition commander was shot dead in Daraa al-Balad.', {}],
  ['rasd-a3b4c5d6e7f8', '2022-02-17', EV, 'Air/drone strike', 'SYR', 'Aleppo', 'Aleppo',
    36.2, 37.16, 'Military Forces of Israel', 'Military Forces of Syria', 0, ['SANA'],
    'Missiles struck positions near Aleppo airport, SANA said.', { n_reports: 2, n_conflicts: 1 }],
  ['rasd-b4c5d6e7f809', '2022-03-10', 'Strategic developments', 'Arrests', 'SYR', 'Raqqa', 'Raqqa',
    35.95, 39.01, 'SDF', null, null, ['SDF statement'],
    'The SDF said it arrested an Islamic State cell in Raqqa.', {}],
  ['rasd-c5d6e7f8091a', '2022-01-24', 'Battles', 'Armed clash', 'YEM', 'Marib', 'Marib',
    15.46, 45.32, 'Houthis', 'Military Forces of Yemen', 12, ['military source (Saba)', 'Al Masirah'],
    'Heavy fighting on the southern fronts of Marib.', { n_reports: 3, n_conflicts: 1 }],
  ['rasd-d6e7f8091a2b', '2022-02-11', EV, 'Air/drone strike', 'YEM', 'Saada', 'Saada',
    16.94, 43.76, 'Saudi-led coalition', 'Civilians (Yemen)', 7, ['medical source'],
    'An air strike hit a detention centre in Saada.', {}],
  ['rasd-e7f8091a2b3c', '2022-03-05', EV, 'Shelling/artillery/missile attack', 'YEM', 'Taiz',
    'Taiz', 13.58, 44.02, 'Houthis', 'Civilians (Yemen)', 1, ['local source'],
    'A shell fell on a residential neighbourhood of Taiz.', {}],
  ['rasd-f8091a2b3c4d', '2021-12-28', 'Battles', 'Armed clash', 'YEM', 'Al Hudaydah', 'Hodeidah',
    14.8, 42.95, 'Houthis', 'Joint Forces', 6, ['Joint Forces media'],
    'Clashes south of Hodeidah city.', {}],
  ['rasd-091a2b3c4d5e', '2022-02-25', 'Protests', 'Peaceful protest', 'LBN', 'Beirut', 'Beirut',
    33.89, 35.5, 'Protesters (Lebanon)', null, 0, ['NNA'],
    'Depositors protested outside a bank in Beirut.', {}],
  ['rasd-1a2b3c4d5e70', '2022-03-12', 'Riots', 'Violent demonstration', 'LBN', 'Beirut', 'Beirut',
    33.888, 35.495, 'Rioters (Lebanon)', 'Police Forces of Lebanon', 0, ['NNA'],
    'Protesters blocked roads and clashed with police in Beirut.', { injuries: 4 }],
  ['rasd-2b3c4d5e6f81', '2022-01-15', EV, 'Shelling/artillery/missile attack', 'LBN', 'Nabatieh',
    'Kfar Kila', 33.28, 35.55, 'Military Forces of Israel', null, 0, ['Al Manar'],
    'Israeli artillery shelled the outskirts of Kfar Kila.', {}],
  ['rasd-3c4d5e6f7092', null, 'Violence against civilians', 'Abduction/forced disappearance',
    'IRQ', 'Salah al-Din', 'Tikrit', 34.6, 43.68, 'Unidentified armed group', 'Civilians (Iraq)',
    null, ['relatives (Rudaw)'], 'A journalist was abducted near Tikrit; the day is not given.', {}],
];

const items = ROWS.map(
  ([id, date, type, sub, iso, admin1, loc, lat, lon, a1, a2, fat, sources, notes, more]) => ({
    id,
    event_id_cnty: `${iso}${id.slice(5, 11)}`,
    event_date: date,
    time_precision: date ? 1 : 3,
    event_type: type,
    sub_event_type: sub,
    country: iso,
    country_name: COUNTRY[iso],
    admin1,
    location: loc,
    latitude: lat,
    longitude: lon,
    geo_precision: 1,
    actor1: a1,
    actor2: a2,
    fatalities: fat,
    injuries: more.injuries ?? null,
    weapon: more.weapon ?? null,
    munitions: more.munitions ?? null,
    sources,
    source_scale: 'National',
    notes,
    n_reports: more.n_reports ?? 1,
    n_conflicts: more.n_conflicts ?? 0,
  }),
);

// ---------------------------------------------------------------- the Ain al-Asad event in full
const MAIN = items[0];
const byArticle = { [ALHURRA.id]: ALHURRA, [AFP.id]: AFP, [XSS.id]: XSS };

function evidence(article, needle, rule, source = null, nth = 0) {
  const [start, end] = cp(article.text, needle, nth);
  return { start, end, text: needle, rule, source, article_id: article.id };
}

function claim(field, value, source, kind, article, needle, hedge = null) {
  const [start, end] = cp(article.text, needle);
  return {
    field, value, source, source_kind: kind, outlet: article.outlet, article_id: article.id,
    start, end, quote: needle, hedge,
  };
}

const mainFields = {
  event_date: [
    evidence(ALHURRA, 'فجر الأربعاء', 'date:weekday'),
    evidence(AFP, 'الأربعاء', 'date:weekday', 'coalition official (AFP)'),
  ],
  event_type: [evidence(ALHURRA, 'سقطت صواريخ', 'trigger:rocket_fall')],
  location: [
    evidence(ALHURRA, 'قاعدة عين الأسد الجوية', 'gazetteer:ain_al_asad'),
    evidence(AFP, 'قاعدة عين الأسد الجوية', 'gazetteer:ain_al_asad', 'coalition official (AFP)'),
  ],
  admin1: [evidence(ALHURRA, 'محافظة الأنبار', 'gazetteer:admin1')],
  actor1: [
    evidence(ALHURRA, 'فصائل مسلحة موالية لإيران', 'actor:iran_backed', 'Alhurra'),
  ],
  actor2: [evidence(ALHURRA, 'قوات التحالف الدولي', 'actor:coalition')],
  weapon: [evidence(ALHURRA, 'صواريخ', 'weapon:rocket')],
  munitions: [evidence(ALHURRA, 'خمسة صواريخ', 'count:munitions', 'coalition official (AFP)')],
  fatalities: [
    evidence(AFP, 'من دون أن تسفر عن خسائر بشرية', 'casualties:none', 'coalition official (AFP)'),
  ],
  injuries: [evidence(ALHURRA, 'ولم تسفر عن إصابات', 'casualties:none', 'coalition official (AFP)')],
  sources: [
    evidence(ALHURRA, 'مسؤول في التحالف الدولي', 'source:official'),
    evidence(ALHURRA, 'مصدر أمني عراقي', 'source:anonymous'),
  ],
};

const OFFICIAL = 'coalition official (AFP)';
const SECURITY = 'security source (Alhurra)';
const mainClaims = [
  claim('impact', 'inside', OFFICIAL, 'official', ALHURRA, 'خمسة صواريخ سقطت داخل محيط القاعدة',
    'وقال … إن'),
  claim('munitions', 5, OFFICIAL, 'official', ALHURRA, 'خمسة صواريخ', 'وقال … إن'),
  claim('injuries', 0, OFFICIAL, 'official', ALHURRA, 'ولم تسفر عن إصابات', 'وقال … إن'),
  claim('impact', 'outside', SECURITY, 'anonymous', ALHURRA,
    'ثلاثة صواريخ سقطت خارج القاعدة قرب ناحية البغدادي', 'قال … إن'),
  claim('munitions', 3, SECURITY, 'anonymous', ALHURRA, 'ثلاثة صواريخ', 'قال … إن'),
  claim('distance_km', 8, SECURITY, 'anonymous', ALHURRA, 'على بعد نحو ثمانية كيلومترات',
    'قال … إن'),
  claim('responsibility', 'blamed: Iran-backed militia', 'Alhurra', 'outlet', ALHURRA,
    'تتهم واشنطن فصائل مسلحة موالية لإيران', 'فيما تتهم'),
  claim('impact', 'inside', OFFICIAL, 'official', AFP, 'وسقطت داخل محيط القاعدة', 'قال … إن'),
  claim('fatalities', 0, OFFICIAL, 'official', AFP, 'من دون أن تسفر عن خسائر بشرية', 'قال … إن'),
  claim('intercepted', 2, OFFICIAL, 'official', AFP, 'اعترضت صاروخين آخرين', 'وأضاف … أن'),
  claim('damage', 'minor', OFFICIAL, 'official', AFP, 'أضرار مادية طفيفة', 'وأضاف … أن'),
];

const mainDetail = {
  ...MAIN,
  reports: [
    {
      report: `${ALHURRA.id}#1`, article_id: ALHURRA.id, outlet: ALHURRA.outlet,
      published: ALHURRA.published, url: ALHURRA.url, sources: [OFFICIAL, SECURITY, 'Alhurra'],
      evidence: 'سقطت صواريخ على قاعدة عين الأسد الجوية في محافظة الأنبار غربي العراق فجر الأربعاء',
      evidence_span: cp(ALHURRA.text,
        'سقطت صواريخ على قاعدة عين الأسد الجوية في محافظة الأنبار غربي العراق فجر الأربعاء'),
    },
    {
      report: `${AFP.id}#1`, article_id: AFP.id, outlet: AFP.outlet, published: AFP.published,
      url: AFP.url, sources: [OFFICIAL],
      evidence: 'إن خمسة صواريخ أطلقت على قاعدة عين الأسد الجوية في غرب العراق',
      evidence_span: cp(AFP.text, 'إن خمسة صواريخ أطلقت على قاعدة عين الأسد الجوية في غرب العراق'),
    },
  ],
  claims: mainClaims,
  conflicts: [
    { field: 'impact', reason: 'inside vs outside', claims: [mainClaims[0], mainClaims[3]] },
    { field: 'munitions', reason: '5 vs 3', claims: [mainClaims[1], mainClaims[4]] },
  ],
  fields: mainFields,
  confidence: { location: 0.95, event_date: 0.9, fatalities: 0.75, actor1: 0.5 },
};

// ---------------------------------------------------------------- the Idlib event (XSS)
const XEV = items[1];
const xssClaims = [
  claim('fatalities', 2, 'SOHR <script>window.__xss=6</script>', 'monitor', XSS,
    'مقتل مدنيين اثنين', 'وفق'),
  claim('fatalities', 3, 'activists <img src=x onerror="window.__xss=8">', 'witness', XSS,
    'ثلاثة مدنيين قتلوا 𝟑', 'وقال … إن'),
  claim('injuries', 5, 'SOHR <script>window.__xss=6</script>', 'monitor', XSS,
    'وإصابة خمسة آخرين', 'وفق'),
];
const xssDetail = {
  ...XEV,
  reports: [
    {
      report: `${XSS.id}#1`, article_id: XSS.id, outlet: XSS.outlet, published: XSS.published,
      url: XSS.url, sources: XEV.sources,
      evidence: 'بسقوط قذائف هاون على سوق شعبي في مدينة إدلب',
      evidence_span: cp(XSS.text, 'بسقوط قذائف هاون على سوق شعبي في مدينة إدلب'),
    },
  ],
  claims: xssClaims,
  conflicts: [
    { field: 'fatalities', reason: '2 vs 3 <img src=x onerror="window.__xss=9">',
      claims: [xssClaims[0], xssClaims[1]] },
  ],
  fields: {
    // overlapping and nested spans, one of them covering the markup
    event_type: [evidence(XSS, '<script>alert(1)</script> بسقوط قذائف هاون', 'trigger:shelling')],
    weapon: [evidence(XSS, 'قذائف هاون على سوق', 'weapon:mortar')],
    location: [evidence(XSS, 'مدينة إدلب', 'gazetteer:idlib')],
    event_date: [evidence(XSS, 'صباح الأربعاء <img src=x onerror="window.__xss=1">', 'date:weekday')],
    fatalities: [evidence(XSS, 'مقتل مدنيين اثنين', 'casualties:killed', XEV.sources[0])],
    injuries: [evidence(XSS, 'وإصابة خمسة آخرين', 'casualties:injured', XEV.sources[0])],
  },
  confidence: { fatalities: 0.5 },
};

// ---------------------------------------------------------------- /articles/{id}
function articleResponse(article, details) {
  const spans = [];
  for (const d of details) {
    for (const [field, evs] of Object.entries(d.fields)) {
      for (const e of evs) {
        if (e.article_id !== article.id) continue;
        const report = d.reports.find((r) => r.article_id === article.id).report;
        spans.push({ start: e.start, end: e.end, field, rule: e.rule, event_id: d.id, report });
      }
    }
  }
  return { ...article, spans };
}

const alhurra = articleResponse(ALHURRA, [mainDetail]);
// the background sentence belongs to another event (the Green Zone drones)
const [gzs, gze] = cp(ALHURRA.text, 'المنطقة الخضراء في بغداد');
alhurra.spans.push({
  start: gzs, end: gze, field: 'location', rule: 'gazetteer:green_zone',
  event_id: 'rasd-0c11a2b3c4d5', report: `${ALHURRA.id}#2`,
});

// ---------------------------------------------------------------- /stats
function count(list, key) {
  const out = {};
  for (const x of list) {
    for (const k of [].concat(key(x))) if (k != null) out[k] = (out[k] || 0) + 1;
  }
  return out;
}
const byDay = Object.fromEntries(Object.entries(count(items, (e) => e.event_date)).sort());
const byCountry = count(items, (e) => e.country);
const ranked = (o) => Object.entries(o).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
const stats = {
  totals: {
    articles: 3, reports: items.reduce((s, e) => s + e.n_reports, 0), events: items.length,
    claims: mainClaims.length + xssClaims.length, conflicts: 3,
    sources: Object.keys(count(items, (e) => e.sources)).length,
  },
  by_day: byDay,
  by_type: count(items, (e) => e.event_type),
  by_sub_type: count(items, (e) => e.sub_event_type),
  by_country: byCountry,
  countries: ranked(byCountry).map(([iso3, n]) => ({ iso3, name: COUNTRY[iso3], n })),
  actors: ranked(count(items, (e) => [e.actor1, e.actor2])).map(([name, n]) => ({ name, n })),
  sources: ranked(count(items, (e) => e.sources)).map(([name, n]) => ({ name, n })),
};

// ---------------------------------------------------------------- write
function write(path, value) {
  const file = join(OUT, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(value, null, 1)}\n`);
}
write('config.json', { tile_url: null, tile_attribution: '', write_enabled: false, version: '0.1.0' });
write('events.json', { total: items.length, limit: 500, offset: 0, items });
write(`events/${MAIN.id}.json`, mainDetail);
write(`events/${XEV.id}.json`, xssDetail);
write(`articles/${ALHURRA.id}.json`, alhurra);
write(`articles/${AFP.id}.json`, articleResponse(AFP, [mainDetail]));
write(`articles/${XSS.id}.json`, articleResponse(XSS, [xssDetail]));
write('stats.json', stats);
console.log(`wrote ${items.length} events to ${OUT}`);
