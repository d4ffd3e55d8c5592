// The page's total transfer (HTML, CSS, JS, WASM), raw and gzip, checked
// against the budget stated in README.md ("Size budget: N KB gzip").
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;
const www = join(root, 'www');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const budgetKb = Number(/Size budget: (\d+) KB gzip/i.exec(readme)?.[1]);
if (!budgetKb) throw new Error('README.md states no "Size budget: N KB gzip"');

// What the page loads: index.html, the files it names, the worker script its
// inline boot script starts, and the WASM that worker fetches. (The readable
// sources in www/ are bundled into www/pkg by scripts/bundle.mjs; the page
// never loads them.)
const html = readFileSync(join(www, 'index.html'), 'utf8');
const named = [...html.matchAll(/\b(?:src|href)="([^"#:]+)"/g)].map((m) => m[1]);
const workers = [...html.matchAll(/new Worker\('([^']+)'/g)].map((m) => m[1]);
if (workers.length === 0) throw new Error('index.html starts no worker: this script no longer knows what the page loads');
const files = [...new Set(['index.html', ...named, ...workers, 'pkg/slant_bg.wasm'])].sort();
for (const file of files) if (!existsSync(join(www, file))) throw new Error(`www/${file} is missing: build first`);

let raw = 0, gzip = 0;
for (const file of files) {
  const bytes = readFileSync(join(www, file));
  const zipped = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gzip += zipped;
  console.log(`${file.padEnd(28)} ${(bytes.length / 1024).toFixed(1).padStart(8)} KB ${(zipped / 1024).toFixed(1).padStart(8)} KB gzip`);
}
console.log(`${'total'.padEnd(28)} ${(raw / 1024).toFixed(1).padStart(8)} KB ${(gzip / 1024).toFixed(1).padStart(8)} KB gzip (budget ${budgetKb} KB)`);
if (gzip / 1024 > budgetKb) {
  console.log(`size budget: exceeded by ${(gzip / 1024 - budgetKb).toFixed(1)} KB`);
  process.exit(1);
}
console.log('size budget: ok');
