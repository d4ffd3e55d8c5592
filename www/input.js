// The article box: how text gets in — typed, pasted (a web page's rich
// copy as HTML), dropped or opened as a file, or the sample — the input kind,
// Analyze, and Clear with its Undo.

import { SAMPLE } from './samples.js';

const MAX_FILE_BYTES = 16 * 1024 * 1024;
// A paste or a drop is a complete edit: analysed at once. Typing waits for a
// pause (schedule()).
const WHOLE_EDITS = new Set(['insertFromPaste', 'insertFromPasteAsQuotation', 'insertFromDrop', 'insertFromYank']);
// Clear asks nothing; for UNDO_MS an Undo button brings the text back.
const UNDO_MS = 10_000;

/** What kind of article a file is, by its name or type: 'html', 'text' or null. */
function fileKind(file) {
  const name = file.name.toLowerCase();
  if (/\.(html?|xhtml)$/.test(name) || file.type === 'text/html') return 'html';
  if (/\.(txt|md|markdown|text)$/.test(name) || file.type.startsWith('text/')) return 'text';
  return null;
}

/**
 * Wire the article box. `run()` analyses the box now, `schedule()` after a
 * pause; `saveKind(kind)` keeps the input kind chosen.
 */
export function articleInput({ run, schedule, saveKind, showError, setStatus }) {
  const $ = (id) => document.getElementById(id);
  const els = {
    source: $('source'), kind: $('input-kind'), analyze: $('analyze'), sample: $('sample'), clear: $('clear'),
    undo: $('undo'), openFile: $('open-file'), file: $('article-file'), panel: $('input-panel'),
  };

  /** Put `text` in the box (and choose `kind`, when given) and analyse it. */
  function loadText(text, kind) {
    els.source.value = text;
    if (kind !== undefined) {
      els.kind.value = kind;
      saveKind(kind);
    }
    run();
  }

  els.source.addEventListener('input', (e) => (WHOLE_EDITS.has(e.inputType) ? run() : schedule()));
  els.analyze.addEventListener('click', run);
  els.kind.addEventListener('change', () => {
    saveKind(els.kind.value);
    run();
  });
  els.sample.addEventListener('click', () => loadText(SAMPLE.text, ''));
  const undo = { button: els.undo, text: '', timer: 0 };
  function dropUndo() {
    clearTimeout(undo.timer);
    undo.button.hidden = true;
    undo.text = '';
  }
  els.clear.addEventListener('click', () => {
    const text = els.source.value;
    loadText('');
    dropUndo();
    if (text) {
      undo.text = text;
      undo.button.hidden = false;
      undo.timer = setTimeout(dropUndo, UNDO_MS);
      setStatus('Cleared.');
    }
    els.source.focus();
  });
  undo.button.addEventListener('click', () => {
    const { text } = undo;
    dropUndo();
    loadText(text);
    els.source.focus();
  });
  els.source.addEventListener('input', dropUndo);

  // Rich paste: a web page copied into an empty box arrives as HTML too, which
  // carries the title and byline markup the plain copy loses.
  els.source.addEventListener('paste', (e) => {
    const data = e.clipboardData;
    if (els.source.value !== '' || els.kind.value === 'text' || !data?.types?.includes('text/html')) return;
    const html = data.getData('text/html');
    if (!html.trim()) return;
    e.preventDefault();
    loadText(html, 'html');
    setStatus('Pasted the formatted copy as HTML.');
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
      loadText(await file.text(), kind);
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
}
