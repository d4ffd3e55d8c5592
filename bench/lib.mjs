// Shared by node.mjs and chromium.mjs.

import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const HERE = new URL('.', import.meta.url).pathname;
export const CORPUS = join(HERE, 'corpus');

/**
 * A private copy of ../www (or of `www`), so a rebuild of www/pkg during a run cannot hand
 * the benchmark a half-written .wasm. Waits (up to two minutes) for a build
 * in progress to leave a valid module. Returns the copy's path, the wasm's
 * size and hash (which build was measured), and a function to remove it.
 */
export async function snapshotWww(www = join(HERE, '..', 'www')) {
  const dir = mkdtempSync(join(tmpdir(), 'slant-bench-'));
  for (let attempt = 0; ; attempt++) {
    cpSync(www, dir, { recursive: true });
    const wasm = readFileSync(join(dir, 'pkg', 'slant_bg.wasm'));
    if (WebAssembly.validate(wasm)) {
      const sha256 = createHash('sha256').update(wasm).digest('hex').slice(0, 16);
      return { dir, wasm: { bytes: wasm.length, sha256 }, remove: () => rmSync(dir, { recursive: true, force: true }) };
    }
    if (attempt === 12) throw new Error('www/pkg/slant_bg.wasm is not a valid module: build it first');
    console.error('www/pkg/slant_bg.wasm is being rebuilt; waiting 10 s');
    await new Promise((ok) => setTimeout(ok, 10_000));
  }
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export const fmtMs = (ms) => (ms < 1 ? ms.toFixed(3) : ms < 100 ? ms.toFixed(2) : ms.toFixed(0));
