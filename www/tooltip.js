// One shared tooltip (role="tooltip") for the highlights in the text view.
// It opens on hover and on keyboard focus, can itself be hovered, and closes
// with Escape (WCAG 1.4.13). Positioned with CSSOM, which the CSP allows.

const HIDE_DELAY = 150;

export class Tooltip {
  /**
   * @param {HTMLElement} tip the role="tooltip" element
   * @param {HTMLElement} container where the highlights live
   * @param {(mark: HTMLElement) => Node[]} describe builds the tooltip content
   */
  constructor(tip, container, describe) {
    this.tip = tip;
    this.container = container;
    this.describe = describe;
    this.anchor = null;
    this.timer = 0;
    this.hoverMark = null;

    container.addEventListener('pointerover', (e) => {
      const mark = this.markOf(e.target);
      if (!mark) return;
      this.hoverMark = mark;
      this.cancelHide();
      this.show(mark);
    });
    container.addEventListener('pointerout', (e) => {
      const mark = this.markOf(e.target);
      if (!mark) return;
      const to = e.relatedTarget;
      if (to instanceof Node && (mark.contains(to) || tip.contains(to))) return;
      this.hoverMark = null;
      this.scheduleHide();
    });
    tip.addEventListener('pointerenter', () => this.cancelHide());
    tip.addEventListener('pointerleave', () => this.scheduleHide());
    container.addEventListener('focusin', (e) => {
      const mark = this.markOf(e.target);
      if (!mark) return;
      this.cancelHide();
      this.show(mark);
    });
    container.addEventListener('focusout', (e) => {
      if (this.markOf(e.target) === this.anchor) this.scheduleHide();
    });
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.anchor) {
        this.hide();
        e.stopPropagation();
      }
    });
    window.addEventListener('resize', () => this.position());
  }

  markOf(target) {
    const mark = target instanceof Element ? target.closest('mark.flag') : null;
    return mark && this.container.contains(mark) ? mark : null;
  }

  show(mark) {
    if (this.anchor !== mark) {
      this.anchor?.classList.remove('is-tipped');
      this.anchor = mark;
      this.tip.replaceChildren(...this.describe(mark));
    }
    mark.classList.add('is-tipped');
    this.tip.hidden = false;
    this.position();
  }

  hide() {
    this.cancelHide();
    this.anchor?.classList.remove('is-tipped');
    this.anchor = null;
    this.tip.hidden = true;
  }

  /** Hide soon, unless the pointer or the focus is still on a highlight. */
  scheduleHide() {
    this.cancelHide();
    this.timer = setTimeout(() => {
      if (this.tip.matches(':hover')) return;
      const focused = this.markOf(document.activeElement);
      const next = this.hoverMark?.isConnected ? this.hoverMark : focused;
      if (next) this.show(next);
      else this.hide();
    }, HIDE_DELAY);
  }

  cancelHide() {
    clearTimeout(this.timer);
  }

  /** Called when the text view is rebuilt: the old marks are gone. */
  reset() {
    this.hoverMark = null;
    this.hide();
  }

  position() {
    const { anchor, tip } = this;
    if (!anchor || tip.hidden) return;
    if (!anchor.isConnected) return this.hide();
    const rects = anchor.getClientRects();
    const first = rects[0] ?? anchor.getBoundingClientRect();
    const box = anchor.getBoundingClientRect();
    const viewW = document.documentElement.clientWidth;
    const viewH = window.innerHeight;
    const gap = 8;
    tip.style.left = '0px';
    tip.style.top = '0px';
    tip.style.maxWidth = `${Math.min(360, viewW - 2 * gap)}px`;
    const w = tip.offsetWidth;
    const hgt = tip.offsetHeight;
    let left = Math.max(gap, Math.min(first.left, viewW - w - gap));
    let top = box.bottom + 6;
    let placement = 'below';
    if (top + hgt > viewH - gap && box.top - hgt - 6 > gap) {
      top = box.top - hgt - 6;
      placement = 'above';
    }
    tip.dataset.placement = placement;
    tip.style.left = `${Math.round(left + window.scrollX)}px`;
    tip.style.top = `${Math.round(top + window.scrollY)}px`;
  }
}
