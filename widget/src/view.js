// The widget's shell: host element, shadow root, launcher and dialog; opening, closing, focus.

import { el } from './dom.js';
import { applyStyles } from './styles.js';

const PHONE_LAYOUT = '(max-width: 480px)';
const HOST_STYLE = {
  all: 'initial',
  display: 'block',
  position: 'static',
  visibility: 'visible',
  opacity: '1',
  // `all` leaves these two alone, and the page's direction would mirror the layout.
  direction: 'ltr',
  'unicode-bidi': 'isolate',
  contain: 'none',
};

// `* { display: none !important }` on the host page matches our host element too; inline
// !important declarations win over any stylesheet of the page.
function protectHost(host) {
  for (const [property, value] of Object.entries(HOST_STYLE)) {
    host.style.setProperty(property, value, 'important');
  }
}

function focusables(container) {
  return Array.from(container.querySelectorAll('button, a[href], input')).filter(
    (node) => !node.disabled && node.getClientRects().length > 0,
  );
}

/** Build the widget in a shadow root under <omzien-chat> and return its parts and controls. */
export function createView({ title, colors }) {
  const host = document.createElement('omzien-chat');
  protectHost(host);
  const shadow = host.attachShadow({ mode: 'open' }); // open: axe-core and tests can look in
  applyStyles(shadow);

  const parts = {
    launcher: el('button', {
      type: 'button',
      class: 'launcher',
      'aria-expanded': 'false',
      'aria-controls': 'omzien-panel',
      'aria-haspopup': 'dialog',
      text: title,
    }),
    close: el('button', { type: 'button', class: 'close', 'aria-label': 'Sluit de chat', text: '\u00d7' }),
    human: el('button', { type: 'button', class: 'human', text: 'Praat met een mens' }),
    restart: el('button', { type: 'button', class: 'restart', text: 'Nieuw gesprek' }),
    log: el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': 'Gesprek', tabindex: '0' }),
    typing: el('div', { class: 'typing', role: 'status', hidden: true }, [
      el('span', { class: 'dots', 'aria-hidden': 'true' }, [el('i'), el('i'), el('i')]),
      el('span', { class: 'sr', text: 'Omzien schrijft een antwoord' }),
    ]),
    error: el('div', { class: 'error', role: 'alert', hidden: true }),
    confirm: el('div', { class: 'confirm', hidden: true }),
    input: el('input', {
      id: 'omzien-input',
      type: 'text',
      autocomplete: 'off',
      enterkeyhint: 'send',
      placeholder: 'Typ je bericht',
    }),
    send: el('button', { type: 'submit', class: 'send', text: 'Verstuur' }),
  };
  parts.form = el('form', { class: 'composer' }, [
    el('label', { class: 'sr', for: 'omzien-input', text: 'Je bericht' }),
    parts.input,
    parts.send,
  ]);
  parts.panel = el(
    'div',
    { id: 'omzien-panel', class: 'panel', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'omzien-title', hidden: true },
    [
      el('div', { class: 'header' }, [
        el('h2', { id: 'omzien-title', class: 'title', text: title }),
        parts.close,
        el('div', { class: 'actions' }, [parts.human, parts.restart]),
      ]),
      parts.log,
      parts.typing,
      parts.error,
      parts.confirm,
      parts.form,
    ],
  );
  parts.root = el('div', { class: 'root', lang: 'nl' }, [parts.launcher, parts.panel]);
  parts.root.style.setProperty('--accent', colors.accent);
  parts.root.style.setProperty('--on-accent', colors.onAccent);
  parts.root.style.setProperty('--ink', colors.ink);
  shadow.append(parts.root);
  return { host, shadow, parts, ...dialogControls(shadow, parts) };
}

function dialogControls(shadow, parts) {
  const phone = window.matchMedia(PHONE_LAYOUT);
  const listeners = { close: [] };

  // On a phone the panel covers the page: then it is modal and keeps focus inside.
  function fitToScreen() {
    const modal = phone.matches;
    parts.panel.setAttribute('aria-modal', String(modal));
    const viewport = window.visualViewport;
    if (modal && viewport) {
      // Stay above the on-screen keyboard, which shrinks the visual viewport only.
      parts.panel.style.setProperty('top', `${viewport.offsetTop}px`);
      parts.panel.style.setProperty('height', `${viewport.height}px`);
    } else {
      parts.panel.style.removeProperty('top');
      parts.panel.style.removeProperty('height');
    }
  }

  function isOpen() {
    return !parts.panel.hidden;
  }

  function open({ focus = true } = {}) {
    parts.panel.hidden = false;
    parts.root.classList.add('is-open');
    parts.launcher.setAttribute('aria-expanded', 'true');
    fitToScreen();
    scrollToEnd();
    if (focus) parts.input.focus();
  }

  function close() {
    parts.panel.hidden = true;
    parts.root.classList.remove('is-open');
    parts.launcher.setAttribute('aria-expanded', 'false');
    parts.launcher.focus();
    listeners.close.forEach((listener) => listener());
  }

  function scrollToEnd() {
    parts.log.scrollTop = parts.log.scrollHeight;
  }

  function trapFocus(event) {
    if (parts.panel.getAttribute('aria-modal') !== 'true') return;
    const items = focusables(parts.panel);
    if (items.length === 0) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (event.shiftKey && shadow.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && shadow.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  parts.panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Tab') {
      trapFocus(event);
    }
  });
  parts.close.addEventListener('click', close);
  phone.addEventListener('change', fitToScreen);
  if (window.visualViewport) {
    const refit = () => isOpen() && fitToScreen();
    window.visualViewport.addEventListener('resize', refit);
    window.visualViewport.addEventListener('scroll', refit);
  }
  return { open, close, isOpen, scrollToEnd, onClose: (listener) => listeners.close.push(listener) };
}
