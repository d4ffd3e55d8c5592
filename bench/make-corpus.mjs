// Builds the benchmark corpus from the project's own test articles:
//   corpus/{1kb,10kb,100kb,1mb,10mb}.txt   plain text
//   corpus/{1kb,10kb,100kb,1mb,10mb}.html  the same paragraphs in a news page
//   corpus/article-1000w.txt               a typical article of about 1,000 words
// Sizes are decimal (1 kb = 1,000 bytes of UTF-8), each cut at the paragraph
// boundary nearest its target. Deterministic: same articles, same bytes.

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const HERE = new URL('.', import.meta.url).pathname;
const ARTICLES = join(HERE, '..', 'tests', 'articles');
const OUT = join(HERE, 'corpus');
export const SIZES = { '1kb': 1e3, '10kb': 1e4, '100kb': 1e5, '1mb': 1e6, '10mb': 1e7 };

// Each article: its header (title, byline, date: the lines before the first
// blank line) and its body paragraphs, without one-line footers like
// "Share this article:" or the copyright line.
const articles = readdirSync(ARTICLES).filter((f) => f.endsWith('.txt')).sort().map((f) => {
  const blocks = readFileSync(join(ARTICLES, f), 'utf8').replace(/\r\n?/g, '\n').split(/\n\s*\n/);
  const header = blocks[0].split('\n').map((l) => l.trim()).filter(Boolean);
  const body = blocks.slice(1).map((b) => b.trim().replace(/\s*\n\s*/g, ' ')).filter((p) => p.length > 80);
  return { file: f, title: header[0], byline: header.slice(1).join(' | '), body };
});

const bytes = (s) => Buffer.byteLength(s, 'utf8');

// An endless, deterministic stream of paragraphs: every article's body in
// turn, then again, with the order of articles rotated on each round so the
// text does not repeat with a short period.
function* paragraphs() {
  for (let round = 0; ; round++) {
    for (let i = 0; i < articles.length; i++) {
      yield* articles[(i + round) % articles.length].body;
    }
  }
}

// Take paragraphs until `size(chosen)` passes `target`, then keep whichever
// of the last two cuts is nearer the target.
function cut(target, size) {
  const chosen = [];
  let before = size(chosen);
  for (const p of paragraphs()) {
    chosen.push(p);
    const after = size(chosen);
    if (after >= target) {
      if (target - before < after - target && chosen.length > 1) chosen.pop();
      return chosen;
    }
    before = after;
  }
}

const lead = articles.find((a) => a.file === 'hit_piece.txt') ?? articles[0];

// Plain text: the lead article's header, then paragraphs separated by blank lines.
const textOf = (paras) => `${lead.title}\n${lead.byline}\n\n${paras.join('\n\n')}\n`;

// Incremental size of plain text, so cutting 10 MB stays linear.
function textCut(target) {
  const head = bytes(textOf([])) - 1;
  let total = head;
  const chosen = [];
  for (const p of paragraphs()) {
    const add = bytes(p) + 2;
    chosen.push(p);
    if (total + add >= target) {
      if (target - total < total + add - target && chosen.length > 1) chosen.pop();
      return chosen;
    }
    total += add;
  }
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// A realistic news page around the paragraphs: metadata in <head>, site
// chrome (nav, related links, footer) around an <article>.
function pageParts() {
  const title = esc(lead.title);
  const ld = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: lead.title,
    datePublished: '2023-01-12T08:30:00Z',
    author: [{ '@type': 'Person', name: 'Derek Holloway' }],
    publisher: { '@type': 'Organization', name: 'The Lantern Review' },
    articleSection: 'Opinion',
    keywords: ['housing', 'council', 'Brennick'],
  });
  const nav = ['News', 'Politics', 'Business', 'Opinion', 'Science', 'Culture', 'Sport']
    .map((s) => `<li><a href="/${s.toLowerCase()}/">${s}</a></li>`).join('');
  const related = articles.map((a) => `<li><a href="/story/${a.file.replace('.txt', '')}">${esc(a.title)}</a></li>`).join('\n');
  const head = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title} | The Lantern Review</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="A council voted to hand the Weaver's Yard site to a private developer.">
<meta name="author" content="Derek Holloway">
<meta property="og:type" content="article">
<meta property="og:title" content="${title}">
<meta property="og:site_name" content="The Lantern Review">
<meta property="og:url" content="https://lantern.example/opinion/housing-betrayal">
<meta property="article:published_time" content="2023-01-12T08:30:00Z">
<meta property="article:section" content="Opinion">
<meta property="article:tag" content="housing">
<link rel="stylesheet" href="/static/site.css">
<script type="application/ld+json">${ld}</script>
<script src="/static/analytics.js" async></script>
</head>
<body>
<header class="site-header"><a class="logo" href="/">The Lantern Review</a>
<nav aria-label="Sections"><ul>${nav}</ul></nav>
<form class="search" action="/search"><input name="q" placeholder="Search"><button>Go</button></form></header>
<main>
<article class="story">
<h1>${title}</h1>
<p class="byline">By <a rel="author" href="/authors/derek-holloway">Derek Holloway</a> · <time datetime="2023-01-12">12 January 2023</time></p>
<div class="story-body">
`;
  const tail = `</div>
<footer class="story-footer"><p>Copyright © Derek Holloway, The Lantern Review, 2023</p>
<p class="share">Share this article: <a href="#">Email</a> <a href="#">Print</a></p></footer>
</article>
<aside class="related"><h2>Most read</h2><ul>
${related}
</ul></aside>
</main>
<footer class="site-footer"><p><a href="/about">About us</a> · <a href="/privacy">Privacy</a> · <a href="/terms">Terms</a></p>
<p>© 2023 The Lantern Review Ltd. All rights reserved.</p></footer>
</body>
</html>
`;
  return { head, tail };
}

function htmlCut(target) {
  const { head, tail } = pageParts();
  let total = bytes(head) + bytes(tail);
  const chosen = [];
  for (const p of paragraphs()) {
    const para = `<p>${esc(p)}</p>\n`;
    const add = bytes(para);
    chosen.push(para);
    if (total + add >= target) {
      if (target - total < total + add - target && chosen.length > 1) chosen.pop();
      return head + chosen.join('') + tail;
    }
    total += add;
  }
}

function thousandWords() {
  const words = (s) => s.split(/\s+/).filter(Boolean).length;
  const paras = cut(1000, (ps) => words(textOf(ps)));
  return textOf(paras);
}

mkdirSync(OUT, { recursive: true });
for (const [name, target] of Object.entries(SIZES)) {
  const text = textOf(textCut(target));
  const html = htmlCut(target);
  writeFileSync(join(OUT, `${name}.txt`), text);
  writeFileSync(join(OUT, `${name}.html`), html);
  console.log(`${name.padEnd(6)} txt ${bytes(text).toLocaleString('en').padStart(11)} B   html ${bytes(html).toLocaleString('en').padStart(11)} B`);
}
const article = thousandWords();
writeFileSync(join(OUT, 'article-1000w.txt'), article);
console.log(`article-1000w.txt: ${article.split(/\s+/).filter(Boolean).length} words, ${bytes(article).toLocaleString('en')} B`);
