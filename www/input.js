// The article box: how text gets in — typed, pasted (a web page's rich copy
// as HTML), dropped or opened as a file, or the sample — the input kind,
// Analyze, Clear, and Undo.
//
// Nothing here outlives the text it was for, so the page never reads a new
// article in an old article's mode:
//
// - An input kind the page chose (HTML for an .html file) belongs to the
//   text it came with: emptying the box or pasting over all of it sets
//   Input back to Auto. A kind the reader chose stays through edits and
//   pastes, until Clear, Load sample or another file; chosen for an empty
//   box, it applies to the text that comes next.
// - A rich paste (a web page's formatted copy) shows in the box as the
//   plain text the reader copied, while the analysis reads the copy's HTML,
//   which carries the title, byline and date. The page says so, and the
//   first edit of the box drops the HTML: the text is then read as it is.
// - Clear, Load sample, Open file and a paste over the whole box can each be
//   undone, by the Undo button or Ctrl+Z, until the box is next edited.

import { SAMPLE } from './samples.js';

const MAX_FILE_BYTES = 16 * 1024 * 1024;
// A paste or a drop is a complete edit: analysed at once. Typing waits for a
// pause (schedule()).
const WHOLE_EDITS = new Set(['insertFromPaste', 'insertFromPasteAsQuotation', 'insertFromDrop', 'insertFromYank']);

/** What kind of article a file is, by its name or type: 'html', 'text' or null. */
function fileKind(file) {
  const name = file.name.toLowerCase();
  if (/\.(html?|xhtml)$/.test(name) || file.type === 'text/html') return 'html';
  if (/\.(txt|md|markdown|text)$/.test(name) || file.type.startsWith('text/')) return 'text';
  return null;
}

/**
 * Wire the article box. `run()` analyses the box now, `schedule()` after a
 * pause; `save(state)` keeps `{ kind, from, html }` with the text (app.js
 * stores the text itself): the input kind, who chose it ('reader', 'file'
 * or null) and a rich paste's HTML; `saved` is what was stored.
 * `arrived()` is called when a whole article has come in (a paste into an
 * empty box, a file, the sample), whose result should take the focus.
 * Returns `request()`: the text and input kind to analyse.
 */
export function articleInput({ run, schedule, save, saved, arrived, showError, setStatus }) {
  const $ = (id) => document.getElementById(id);
  const els = {
    source: $('source'), kind: $('input-kind'), analyze: $('analyze'), sample: $('sample'), clear: $('clear'),
    undo: $('undo'), openFile: $('open-file'), file: $('article-file'), panel: $('input-panel'),
    note: $('input-note'), noteText: $('input-note-text'), plain: $('input-plain'),
  };

  // The HTML of a rich paste, while the box still holds its plain text.
  let html = null;
  // Who chose the input kind: 'reader', 'file', or null for Auto.
  let kindFrom = null;
  // What the box held before its text was replaced: { text, kind, html, what }.
  let undo = null;
  // How the text in the box came, for the note under it: 'file:NAME' or null.
  let origin = null;

  const keep = () => save({ kind: els.kind.value, from: kindFrom, html });

  function showNote() {
    let note = '';
    if (html !== null) note = 'Read from the formatted copy you pasted (HTML): the title, byline and date come from its markup.';
    else if (origin && els.kind.value) note = `Opened “${origin}”, read as ${els.kind.value === 'html' ? 'HTML' : 'plain text'}.`;
    els.note.hidden = !note;
    els.noteText.textContent = note;
    els.plain.hidden = html === null;
  }

  /** The text in the box has gone: what it brought along goes with it. */
  function forget() {
    html = null;
    origin = null;
    if (kindFrom === 'file') setKind('', null);
  }

  function setKind(kind, from) {
    els.kind.value = kind;
    kindFrom = kind ? from : null;
  }

  /**
   * Replace the whole box with `text`, read as `kind` ('' for Auto), with a
   * rich paste's `rich` HTML; undoable as `what` ("clear", "load sample"…).
   */
  function replace(text, { kind = '', rich = null, what, from = null }) {
    const before = { text: els.source.value, kind: els.kind.value, from: kindFrom, html, origin };
    if (before.text) {
      undo = { ...before, what };
      els.undo.textContent = `Undo ${what}`;
      els.undo.hidden = false;
    } else {
      dropUndo();
    }
    els.source.value = text;
    setKind(kind, 'file');
    html = rich;
    origin = from;
    showNote();
    keep();
    run();
  }

  function dropUndo() {
    undo = null;
    els.undo.hidden = true;
  }

  function doUndo() {
    if (!undo) return;
    const { text, kind, from: chooser, html: rich, origin: from } = undo;
    dropUndo();
    els.source.value = text;
    setKind(kind, chooser);
    html = rich;
    origin = from;
    showNote();
    keep();
    run();
    setStatus('Undone: the text is back.');
    els.source.focus();
  }

  // Before an edit: typing or pasting over all of the box starts a new
  // article, which does not inherit the old one's kind.
  els.source.addEventListener('beforeinput', (e) => {
    const box = els.source;
    const whole = box.value !== '' && box.selectionStart === 0 && box.selectionEnd === box.value.length;
    if (whole && e.inputType.startsWith('insert')) {
      forget();
      showNote();
    }
    if (WHOLE_EDITS.has(e.inputType) && (box.value === '' || whole)) arrived();
  });
  els.source.addEventListener('input', (e) => {
    dropUndo();
    if (html !== null) {
      html = null;
      setStatus('Edited: the text in the box is read as it is now.');
    }
    if (els.source.value === '') forget();
    showNote();
    keep();
    if (WHOLE_EDITS.has(e.inputType)) run();
    else schedule();
  });
  els.analyze.addEventListener('click', run);
  els.kind.addEventListener('change', () => {
    kindFrom = els.kind.value ? 'reader' : null;
    html = null;
    origin = null;
    showNote();
    keep();
    run();
  });
  els.plain.addEventListener('click', () => {
    html = null;
    showNote();
    keep();
    run();
    setStatus('Reading the plain text in the box.');
    els.source.focus();
  });
  els.sample.addEventListener('click', () => {
    arrived();
    replace(SAMPLE.text, { what: 'load sample' });
  });
  els.clear.addEventListener('click', () => {
    const had = els.source.value !== '';
    replace('', { what: 'clear' });
    if (had) setStatus('Cleared.');
    els.source.focus();
  });
  els.undo.addEventListener('click', doUndo);
  // Ctrl+Z (⌘Z) undoes a replacement while the Undo button is offered,
  // from the box or from anywhere that is not another text field.
  document.addEventListener('keydown', (e) => {
    if (!undo || e.key.toLowerCase() !== 'z' || !(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey) return;
    const field = e.target instanceof Element && e.target.closest('textarea, input, select, [contenteditable]');
    if (field && field !== els.source) return;
    e.preventDefault();
    doUndo();
  });

  // Rich paste: a web page's formatted copy, pasted into an empty box (or
  // over all of it), is read from its HTML; the box shows the plain text.
  els.source.addEventListener('paste', (e) => {
    const data = e.clipboardData;
    const box = els.source;
    const whole = box.value === '' || (box.selectionStart === 0 && box.selectionEnd === box.value.length);
    if (!whole || (els.kind.value === 'text' && kindFrom === 'reader') || !data?.types?.includes('text/html')) return;
    const markup = data.getData('text/html');
    if (!markup.trim()) return;
    const plain = data.getData('text/plain');
    e.preventDefault();
    arrived();
    if (plain.trim()) {
      replace(plain, { rich: markup, what: 'paste' });
      setStatus('Pasted the formatted copy: read as HTML.');
    } else {
      replace(markup, { what: 'paste' });
    }
  });

  // Escape leaves the box, so that j and k move between highlights.
  els.source.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !e.defaultPrevented && document.getElementById('report').dataset.state === 'result') {
      e.preventDefault();
      document.getElementById('summary-title')?.focus();
    }
  });

  // Drag and drop of .txt, .md and .html files, read locally.
  document.addEventListener('dragover', (e) => {
    if (!e.dataTransfer?.types?.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    els.panel.classList.add('is-drop');
  });
  document.addEventListener('dragleave', (e) => {
    if (e.target === document.documentElement || !e.relatedTarget) els.panel.classList.remove('is-drop');
  });
  /** Read a dropped or opened article file locally and analyse it. */
  async function openFile(file) {
    const kind = fileKind(file);
    if (!kind) {
      showError(`“${file.name}” is not a text, Markdown or HTML file.`);
      return;
    }
    if (file.size > MAX_FILE_BYTES) {
      showError(`“${file.name}” is larger than 16 MB; split it into parts.`);
      return;
    }
    try {
      const text = await file.text();
      arrived();
      replace(text, { kind, what: 'open file', from: file.name });
    } catch (err) {
      showError(`“${file.name}” could not be read: ${err?.message ?? err}`);
    }
  }

  document.addEventListener('drop', (e) => {
    if (!e.dataTransfer?.files?.length) return;
    e.preventDefault();
    els.panel.classList.remove('is-drop');
    openFile(e.dataTransfer.files[0]);
  });

  els.openFile.addEventListener('click', () => els.file.click());
  els.file.addEventListener('change', () => {
    if (els.file.files?.length) openFile(els.file.files[0]);
    els.file.value = '';
  });

  // What was stored with the text, restored with it.
  if (saved && [...els.kind.options].some((o) => o.value === saved.kind)) setKind(saved.kind, saved.from === 'file' ? 'file' : 'reader');
  if (typeof saved?.html === 'string' && els.source.value) html = saved.html;
  showNote();

  return {
    /** What to analyse: the rich paste's HTML, or the box as its kind says. */
    request() {
      if (html !== null) return { text: html, input: 'html', how: 'HTML (formatted copy)' };
      const input = els.kind.value || null;
      const how = { reader: 'chosen', file: 'from the file’s name' }[kindFrom] ?? 'detected';
      return { text: els.source.value, input, how };
    },
  };
}
