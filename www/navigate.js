// Moving about the text view: sources, flags and the j/k keys.

import { rangeFor } from './render.js';

function reducedMotion() {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

function scrollRangeIntoView(range) {
  const rect = range.getBoundingClientRect();
  const top = rect.top + window.scrollY - window.innerHeight / 3;
  window.scrollTo({ top: Math.max(0, top), behavior: reducedMotion() ? 'auto' : 'smooth' });
}

function focusMark(mark) {
  if (!mark) return;
  mark.focus({ preventScroll: true });
  mark.scrollIntoView({ block: 'center', behavior: reducedMotion() ? 'auto' : 'smooth' });
}

/**
 * Moving about the text view: to a source's mentions and what it says
 * (highlighted for a few seconds), to a flag, and with j/k (or Alt+↓/↑)
 * from highlight to highlight.
 * `report()` and `textMap()` give what the view shows now (renderText's map).
 */
export function navigation({ textView, sourceList, report, textMap }) {
  let sourceTimer = 0;
  let cursor = new Map(); // source → its next mention

  function clearSourceHighlight() {
    clearTimeout(sourceTimer);
    if (globalThis.CSS?.highlights) CSS.highlights.delete('slant-source');
    sourceList.querySelectorAll('.is-current').forEach((b) => b.classList.remove('is-current'));
  }

  /** Highlight one span of the text for a few seconds, its button marked current. */
  function showSpan(span, button) {
    const range = span && rangeFor(textMap(), span.start, span.end);
    if (!range) return;
    clearSourceHighlight();
    button?.classList.add('is-current');
    if (globalThis.CSS?.highlights && typeof Highlight === 'function') {
      CSS.highlights.set('slant-source', new Highlight(range));
    } else {
      const sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
    }
    scrollRangeIntoView(range);
    sourceTimer = setTimeout(clearSourceHighlight, 6000);
  }

  /** Jump to a source's mention: the first on the first click, then the next. */
  function goToSource(i) {
    const src = report()?.sources?.[i];
    if (!src?.spans?.length) return;
    const n = cursor.get(i) ?? 0;
    cursor.set(i, (n + 1) % src.spans.length);
    showSpan(src.spans[n], sourceList.querySelector(`[data-source="${i}"]`));
  }

  /** Jump to what source `i` is reported as saying, its `j`th passage. */
  function goToSaid(i, j) {
    showSpan(report()?.sources?.[i]?.says?.[j], sourceList.querySelector(`[data-said="${i}-${j}"]`));
  }

  function markFor(flagIndex) {
    for (const m of textView.querySelectorAll('mark.flag')) {
      if (m.dataset.flags.split(' ').includes(String(flagIndex))) return m;
    }
    return null;
  }

  function goToFlag(i) {
    focusMark(markFor(i));
  }

  /** Next/previous highlight (the first piece of each flag), from the focus. */
  function step(delta) {
    const heads = [...textView.querySelectorAll('mark.flag-head')];
    if (!heads.length) return;
    const active = document.activeElement;
    let next;
    if (active instanceof Element && textView.contains(active) && active.matches('mark.flag')) {
      // The last head at or before the focused piece.
      let at = -1;
      heads.forEach((m, k) => {
        if (m === active || m.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING) at = k;
      });
      next = delta > 0 ? at + 1 : heads[at] === active ? at - 1 : at;
    } else {
      next = delta > 0 ? 0 : heads.length - 1;
    }
    next = (next + heads.length) % heads.length;
    focusMark(heads[next]);
  }

  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey) return;
    const typing = e.target instanceof Element && e.target.closest('textarea, input, select, [contenteditable]');
    if (e.altKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp') && !typing) {
      e.preventDefault();
      step(e.key === 'ArrowDown' ? 1 : -1);
    } else if (!e.altKey && !typing && (e.key === 'j' || e.key === 'k')) {
      e.preventDefault();
      step(e.key === 'j' ? 1 : -1);
    }
  });

  return {
    goToSource,
    goToSaid,
    goToFlag,
    /** A new report: forget the highlight and where each source was. */
    reset() {
      cursor = new Map();
      clearSourceHighlight();
    },
  };
}
