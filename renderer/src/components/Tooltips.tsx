// Tooltips drawn in the page, with the bundled font. A `title` attribute's tooltip is drawn by the
// operating system in its own font: on a PC without a Korean font every Korean tooltip (the hide
// button's, the reader's buttons', an outside link's address) would be □. So, app-wide, an element's
// `title` is taken over the moment the pointer or the focus reaches it: the words move to
// data-cm-tip (and to aria-description when nothing else names or describes it), the system's
// tooltip never shows, and this one shows instead, after the usual short wait.
import { useEffect, useState } from 'react';
import './Tooltips.css';

const WAIT_MS = 600;

interface Tip {
  text: string;
  x: number;
  y: number;
  above: boolean;
}

/** Moves an element's title to data-cm-tip; returns the element that now carries a tip, if any. */
function adopt(target: EventTarget | null): Element | null {
  const el = target instanceof Element ? target : null;
  if (!el) return null;
  const titled = el.closest('[title]');
  if (titled && !(titled instanceof SVGElement)) {
    const text = titled.getAttribute('title') ?? '';
    titled.removeAttribute('title');
    if (text.trim() !== '') {
      titled.setAttribute('data-cm-tip', text);
      if (!titled.hasAttribute('aria-label') && !titled.hasAttribute('aria-labelledby') && !titled.hasAttribute('aria-description')) {
        titled.setAttribute('aria-description', text);
      }
    }
  }
  return el.closest('[data-cm-tip]');
}

export function Tooltips() {
  const [tip, setTip] = useState<Tip | null>(null);

  useEffect(() => {
    let timer: number | undefined;
    let current: Element | null = null;
    const hide = () => {
      window.clearTimeout(timer);
      current = null;
      setTip(null);
    };
    const showFor = (el: Element | null) => {
      if (el === current) return;
      hide();
      if (!el) return;
      current = el;
      timer = window.setTimeout(() => {
        const text = el.getAttribute('data-cm-tip');
        if (!el.isConnected || !text) return;
        const r = el.getBoundingClientRect();
        const above = r.bottom + 48 > window.innerHeight;
        setTip({ text, x: r.left + r.width / 2, y: above ? r.top - 6 : r.bottom + 6, above });
      }, WAIT_MS);
    };
    const onOver = (e: PointerEvent) => showFor(adopt(e.target));
    const onFocus = (e: FocusEvent) => {
      const el = adopt(e.target);
      showFor(el && e.target instanceof Element && e.target.matches(':focus-visible') ? el : null);
    };
    const onOut = (e: PointerEvent) => {
      if (current && !(e.relatedTarget instanceof Node && current.contains(e.relatedTarget))) hide();
    };
    window.addEventListener('pointerover', onOver, true);
    window.addEventListener('pointerout', onOut, true);
    window.addEventListener('focusin', onFocus, true);
    window.addEventListener('focusout', hide, true);
    window.addEventListener('pointerdown', hide, true);
    window.addEventListener('keydown', hide, true);
    window.addEventListener('scroll', hide, true);
    window.addEventListener('blur', hide);
    return () => {
      hide();
      window.removeEventListener('pointerover', onOver, true);
      window.removeEventListener('pointerout', onOut, true);
      window.removeEventListener('focusin', onFocus, true);
      window.removeEventListener('focusout', hide, true);
      window.removeEventListener('pointerdown', hide, true);
      window.removeEventListener('keydown', hide, true);
      window.removeEventListener('scroll', hide, true);
      window.removeEventListener('blur', hide);
    };
  }, []);

  if (!tip) return null;
  const x = Math.min(Math.max(tip.x, 130), window.innerWidth - 130);
  return (
    <div role="tooltip" className={`cm-tip${tip.above ? ' cm-tip--above' : ''}`} style={{ left: x, top: tip.y }}>
      {tip.text}
    </div>
  );
}
