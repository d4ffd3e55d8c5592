// The page's total transfer (HTML, CSS, JS, WASM), raw and gzip, checked
// against the budget stated in README.md ("Size budget: N KB gzip").
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { workerModules } from './bundle.mjs';

const root = new URL('..', import.meta.url).pathname;
const www = join(root, 'www');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const budgetKb = Number(/Size budget: (\d+) KB gzip/i.exec(readme)?.[1]);
if (!budgetKb) throw new Error('README.md states no "Size budget: N KB gzip"');

const shipped = /\.(html|css|js|mjs|wasm|svg|ico)$/;
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (shipped.test(name) && !name.endsWith('.d.ts')) files.push(path);
  }
})(www);

// Joined into pkg/worker.js by scripts/bundle.mjs; the page never loads them.
if (!files.some((f) => relative(www, f) === 'pkg/worker.js')) throw new Error('www/pkg has no worker.js: build first');
const bundled = workerModules(www);
files.splice(0, files.length, ...files.filter((f) => !bundled.includes(relative(www, f))));

let raw = 0, gzip = 0;
for (const file of files.sort()) {
  const bytes = readFileSync(file);
  const zipped = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gzip += zipped;
  console.log(`${relative(www, file).padEnd(28)} ${(bytes.length / 1024).toFixed(1).padStart(8)} KB ${(zipped / 1024).toFixed(1).padStart(8)} KB gzip`);
}
console.log(`${'total'.padEnd(28)} ${(raw / 1024).toFixed(1).padStart(8)} KB ${(gzip / 1024).toFixed(1).padStart(8)} KB gzip (budget ${budgetKb} KB)`);
if (!files.some((f) => f.endsWith('.wasm'))) throw new Error('www/pkg has no .wasm: build first');
if (gzip / 1024 > budgetKb) {
  console.log(`size budget: exceeded by ${(gzip / 1024 - budgetKb).toFixed(1)} KB`);
  process.exit(1);
}
console.log('size budget: ok');
