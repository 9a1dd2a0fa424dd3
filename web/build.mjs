// npm run build → ../src/rasd/web/static/: index.html, app.js, app.css, countries-50m.json,
// img/ (Leaflet's own images, referenced by its CSS) and LICENSES.txt.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = join(HERE, '..', 'src', 'rasd', 'web', 'static');
const WORLD = 'countries-50m.json';

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

const result = await build({
  absWorkingDir: HERE,
  entryPoints: [
    { in: 'src/main.js', out: 'app' },
    { in: 'src/app.css', out: 'app' },
  ],
  outdir: OUT,
  bundle: true,
  format: 'esm',
  minify: true,
  target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
  loader: { '.png': 'file', '.svg': 'file' },
  assetNames: 'img/[name]',
  legalComments: 'eof',
  metafile: true,
  logLevel: 'warning',
});

copyFileSync(join(HERE, 'index.html'), join(OUT, 'index.html'));
copyFileSync(join(HERE, 'node_modules', 'world-atlas', WORLD), join(OUT, WORLD));

// ------------------------------------------------------------------ LICENSES.txt
const bundled = new Set(['world-atlas']);
for (const input of Object.keys(result.metafile.inputs)) {
  const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (m) bundled.add(m[1]);
}
const licenseText = (dir) => {
  const f = readdirSync(dir).find((n) => /(^|-)(licen[cs]e|copying)(\.|$)/i.test(n));
  return f ? readFileSync(join(dir, f), 'utf8').trim() : '(no licence file in the package)';
};
const parts = [
  'Third-party software and data bundled in these assets',
  '=====================================================',
  '',
  'The page itself is part of rasd (Apache-2.0). The files here also contain:',
  '',
];
for (const name of [...bundled].sort()) {
  const dir = join(HERE, 'node_modules', name);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  parts.push(`${name} ${pkg.version} — ${pkg.license}${pkg.homepage ? ` — ${pkg.homepage}` : ''}`);
}
parts.push(
  '',
  `Country outlines (${WORLD}, from world-atlas): made with Natural Earth.`,
  'Free vector and raster map data @ naturalearthdata.com. Natural Earth data are in the public',
  'domain (https://www.naturalearthdata.com/about/terms-of-use/).',
  '',
);
for (const name of [...bundled].sort()) {
  const dir = join(HERE, 'node_modules', name);
  parts.push('-'.repeat(72), name, '-'.repeat(72), licenseText(dir), '');
}
writeFileSync(join(OUT, 'LICENSES.txt'), `${parts.join('\n')}\n`);

// ------------------------------------------------------------------ sizes
let total = 0;
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else {
      const size = statSync(p).size;
      total += size;
      console.log(`${String(size).padStart(9)}  ${relative(OUT, p)}`);
    }
  }
};
walk(OUT);
console.log(`${String(total).padStart(9)}  total (${(total / 1024 / 1024).toFixed(2)} MiB) in ${relative(process.cwd(), OUT)}`);
if (total > 2 * 1024 * 1024) {
  console.error('static assets exceed 2 MiB');
  process.exit(1);
}
