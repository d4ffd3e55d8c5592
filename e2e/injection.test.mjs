// Pasted text is data: script-injection payloads, pasted as plain text and
// inside an HTML page, never run, never open a dialog, never make a request,
// and plain text is shown exactly as typed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { paste, withPage } from './helpers.mjs';

// Each payload tries to set window.__pwned (or to reach the network).
const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=2">',
  '<svg onload="window.__pwned=3"></svg>',
  '<svg><script>window.__pwned=4</script></svg>',
  '<a href="javascript:window.__pwned=5">click me</a>',
  '<iframe srcdoc="<script>parent.__pwned=6</script>"></iframe>',
  '<iframe src="javascript:parent.__pwned=7"></iframe>',
  '<body onload="window.__pwned=8">',
  '<div style="background:url(javascript:window.__pwned=9)">styled</div>',
  "<style>@import 'http://127.0.0.1:9/x.css'; body{background:url(http://127.0.0.1:9/bg.png)}</style>",
  '<link rel=stylesheet href="http://127.0.0.1:9/evil.css">',
  '<img src="http://127.0.0.1:9/track.png">',
  '"><script>window.__pwned=13</script>',
  '<scr<script>ipt>window.__pwned=14</scr</script>ipt>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=15">',
  '<details open ontoggle="window.__pwned=16">open</details>',
  '<object data="javascript:window.__pwned=17"></object>',
  '<embed src="data:text/html,<script>parent.__pwned=18</script>">',
  '<input autofocus onfocus="window.__pwned=19">',
  '<video><source onerror="window.__pwned=20"></video>',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=21">',
  '<form action="javascript:window.__pwned=22"><button>go</button></form>',
  '&lt;script&gt;window.__pwned=23&lt;/script&gt;',
  '<noscript><p title="</noscript><img src=x onerror=window.__pwned=24>">',
  "${window.__pwned=25} {{constructor.constructor('window.__pwned=25')()}}",
  '<base href="http://127.0.0.1:9/"><img src="relative.png">',
  '<template><img src=x onerror="window.__pwned=27"></template>',
  '<!--><img src=x onerror="window.__pwned=28">-->',
];

const ACTIVE = 'img, script, iframe, svg, object, embed, video, audio, input, form, a, meta, link, style, base, math, details, template';

async function assertNothingRan(session, label) {
  const { page, rec } = session;
  await page.waitForTimeout(50);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, `${label}: a payload ran`);
  assert.deepEqual(rec.dialogs, [], `${label}: a dialog opened`);
  assert.deepEqual(rec.late, [], `${label}: a request left after load`);
  assert.equal(await page.locator(`#text-view :is(${ACTIVE})`).count(), 0, `${label}: markup became elements`);
}

test(`${PAYLOADS.length} injection payloads pasted as plain text are shown as text`, { timeout: 120_000 }, async () => {
  await withPage({}, async (session) => {
    await session.page.selectOption('#input-kind', 'text');
    for (const [i, payload] of PAYLOADS.entries()) {
      const marker = `Payload number ${i + 1} follows`;
      await paste(session.page, `${marker}: ${payload} and the so-called end.`, { expect: marker });
      const view = await session.page.textContent('#text-view');
      assert.ok(view.includes(payload), `payload ${i + 1} not shown literally: ${view}`);
      await assertNothingRan(session, `text payload ${i + 1}`);
    }
  });
});

test(`${PAYLOADS.length} injection payloads inside a pasted HTML page never run`, { timeout: 120_000 }, async () => {
  await withPage({}, async (session) => {
    for (const kind of ['html', '']) {
      await session.page.selectOption('#input-kind', kind);
      for (const [i, payload] of PAYLOADS.entries()) {
        const marker = `Payload ${kind || 'auto'} ${i + 1} is inside this article`;
        const page = `<!doctype html><html><head><title>Injection ${i + 1}</title></head><body><article>`
          + `<h1>Injection test</h1><p>${marker}.</p>${payload}<p>The so-called end.</p></article></body></html>`;
        await paste(session.page, page, { expect: marker });
        await assertNothingRan(session, `${kind || 'auto'} payload ${i + 1}`);
        const view = await session.page.textContent('#text-view');
        if (payload.startsWith('&lt;')) {
          // Escaped markup is text in the article, and is shown as that text.
          assert.ok(view.includes('<script>window.__pwned=23</script>'), view);
        } else {
          assert.ok(!/<\s*(script|img|iframe|svg)\b/i.test(view), `raw markup shown for payload ${i + 1}: ${view}`);
        }
      }
    }
  });
});

test('a quotation with markup is shown as text in the Sources panel', { timeout: 30_000 }, async () => {
  await withPage({}, async (session) => {
    const { page } = session;
    await page.selectOption('#input-kind', 'text');
    const quote = '"The plan <img src=x onerror=alert(1)> is dead," said Mayor Ann Holt.';
    await paste(page, `Harbour row\n\n${quote}`, { expect: 'Mayor Ann Holt' });
    const said = await page.$$eval('#sources button.said', (bs) => bs.map((b) => b.textContent));
    assert.deepEqual(said, ['"The plan <img src=x onerror=alert(1)> is dead,"']);
    assert.equal(await page.locator(`#sources-panel :is(${ACTIVE})`).count(), 0, 'markup became elements');
    await page.click('#sources button.said');
    await assertNothingRan(session, 'a quotation in the Sources panel');
  });
});

test('lone surrogates and bidi controls from JavaScript are analysed, not fatal', { timeout: 30_000 }, async () => {
  await withPage({}, async (session) => {
    await session.page.selectOption('#input-kind', 'text');
    // A lone surrogate cannot be typed, but a script or a broken clipboard can hand one over.
    const text = 'Lone \uD800 surrogate \uDFFF here and \u202Ereversed\u202C: the so-called plan failed.';
    await paste(session.page, text, { expect: 'surrogate' });
    const marks = await session.page.$$eval('#text-view mark.flag', (ms) => ms.map((m) => m.textContent));
    assert.ok(marks.includes('so-called'), JSON.stringify(marks));
    assert.equal(await session.page.textContent('#error'), '');
  });
});

test('the Content-Security-Policy is present and strict', { timeout: 30_000 }, async () => {
  await withPage({}, async (session) => {
    const csp = await session.page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.ok(csp, 'no CSP meta tag');
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k, v]));
    assert.deepEqual(directives['default-src'], ["'none'"]);
    // Besides the page's own files, only the one inline script that starts the
    // worker early, by its hash (page.test.mjs checks the hash is that script's).
    assert.equal(directives['script-src'].length, 3, directives['script-src'].join(' '));
    assert.equal(directives['script-src'][0], "'self'");
    assert.match(directives['script-src'][1], /^'sha256-[A-Za-z0-9+/]{43}='$/);
    assert.equal(directives['script-src'][2], "'wasm-unsafe-eval'");
    assert.deepEqual(directives['object-src'] ?? directives['default-src'], ["'none'"]);
    assert.deepEqual(directives['base-uri'], ["'none'"]);
    for (const [name, values] of Object.entries(directives)) {
      for (const bad of ["'unsafe-inline'", "'unsafe-eval'", '*', 'http:', 'https:', 'data:']) {
        if (name === 'img-src' && bad === 'data:') continue;
        assert.ok(!values.includes(bad), `${name} allows ${bad}`);
      }
    }
  });
});
