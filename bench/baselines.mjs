// Two public baselines' spans on a corpus in the SemEval-2020 Task 11 layout,
// written in the task's labels format (article id, technique, start, end in
// code points) for `slant eval --pred`, so they are scored with the same
// metric on the same folds as Slant:
//   - a word list: every whole word that VADER's lexicon (Hutto & Gilbert,
//     ICWSM 2014; MIT) rates negative, marked as loaded language;
//   - write-good 1.0.8 (npm): every passage it suggests changing (weasel
//     words, "so", adverbs, clichés, passive voice, …), marked likewise.
//
//   node bench/baselines.mjs PTC_FOLDER VADER_LEXICON OUT_DIR
//   slant eval PTC_FOLDER --folds 5 --pred OUT_DIR/wordlist.labels
//   slant eval PTC_FOLDER --folds 5 --pred OUT_DIR/write-good.labels
//
// scripts/quality.sh runs it all and prints the README's quality table.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const [corpus, lexiconFile, out] = process.argv.slice(2);
if (!out) throw new Error('usage: node bench/baselines.mjs PTC_FOLDER VADER_LEXICON OUT_DIR');
const writeGood = createRequire(import.meta.url)('write-good');

// Every articleN.txt below the folder.
const articles = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (/^article\d+\.txt$/.test(name)) articles.push({ id: name.slice(7, -4), text: readFileSync(path, 'utf8') });
  }
};
walk(corpus);

const negative = new Set(
  readFileSync(lexiconFile, 'utf8')
    .split('\n')
    .map((line) => line.split('\t'))
    .filter(([word, valence]) => word && Number(valence) < 0 && /^\p{L}[\p{L}'-]*$/u.test(word))
    .map(([word]) => word.toLowerCase()),
);

// JS string indices are UTF-16 units; the task counts code points.
const codePoints = (text) => {
  const at = new Uint32Array(text.length + 1);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    at[i] = n;
    const unit = text.charCodeAt(i);
    if (!(unit >= 0xdc00 && unit <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff)) n++;
  }
  at[text.length] = n;
  return at;
};

const lines = { wordlist: [], 'write-good': [] };
for (const { id, text } of articles) {
  const cp = codePoints(text);
  const label = (list, start, end) => list.push(`${id}\tLoaded_Language\t${cp[start]}\t${cp[end]}`);
  for (const m of text.matchAll(/\p{L}[\p{L}'’-]*/gu)) {
    if (negative.has(m[0].toLowerCase().replace(/’/g, "'"))) label(lines.wordlist, m.index, m.index + m[0].length);
  }
  for (const s of writeGood(text)) label(lines['write-good'], s.index, s.index + s.offset);
}
mkdirSync(out, { recursive: true });
for (const [name, list] of Object.entries(lines)) {
  writeFileSync(join(out, `${name}.labels`), list.join('\n') + '\n');
  console.log(`${name}: ${list.length} spans over ${articles.length} articles`);
}
