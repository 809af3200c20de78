// All of the widget's CSS. It lives in the shadow root, so the host page's CSS can't reach in
// and this CSS can't leak out. Colours come in as custom properties set on .root.

const CSS = `
:host { all: initial !important; display: block !important; }
.root {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 1em; line-height: 1.5; color: #1a1a1a; text-align: left;
  direction: ltr; unicode-bidi: isolate; overflow-wrap: anywhere; hyphens: auto;
}
.root *, .root *::before, .root *::after { box-sizing: border-box; }
.root [hidden] { display: none !important; }
button, input { font: inherit; color: inherit; margin: 0; letter-spacing: normal; }
button { cursor: pointer; }
.sr {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
}
:focus-visible { outline: 3px solid #111; outline-offset: 1px; box-shadow: 0 0 0 6px #fff; }
.launcher {
  position: fixed; right: 1em; bottom: 1em; z-index: 1; min-height: 3em; max-width: calc(100vw - 2em);
  padding: .625em 1.25em; border: 2px solid #fff; border-radius: 1.5em;
  background: var(--accent); color: var(--on-accent); font-weight: 700;
  box-shadow: 0 .25em 1em rgba(0, 0, 0, .35);
}
.is-open .launcher { display: none; }
.panel {
  position: fixed; right: 1em; bottom: 1em; z-index: 2;
  width: min(24em, calc(100vw - 2em)); height: min(40em, calc(100vh - 2em));
  display: flex; flex-direction: column; overflow: hidden;
  background: #fff; border: 1px solid #6b6b6b; border-radius: .75em;
  box-shadow: 0 .5em 2em rgba(0, 0, 0, .35); animation: omzien-in .2s ease-out;
}
@keyframes omzien-in { from { opacity: 0; transform: translateY(1em); } }
.header {
  display: flex; flex-wrap: wrap; align-items: center; gap: .5em; padding: .75em;
  background: var(--accent); color: var(--on-accent);
}
.title { flex: 1; min-width: 0; margin: 0; font-size: 1.125em; font-weight: 700; line-height: 1.3; }
.close {
  flex: none; width: 2.75em; height: 2.75em; padding: 0; border: 2px solid currentColor;
  border-radius: 50%; background: transparent; font-size: 1em; font-weight: 700; line-height: 1;
}
.actions { display: flex; flex-wrap: wrap; gap: .5em; width: 100%; }
.actions button {
  min-height: 2.75em; padding: .25em .875em; border: 2px solid currentColor; border-radius: 1.5em;
  background: transparent; font-size: .9375em;
}
.actions .human { background: var(--on-accent); color: var(--accent); border-color: var(--on-accent); font-weight: 700; }
.log {
  flex: 1; min-height: 0; overflow-y: auto; overscroll-behavior: contain;
  display: flex; flex-direction: column; gap: .5em; padding: .75em;
}
.notice { padding: .5em .75em; border-radius: .5em; background: #f3f3f3; color: #333; font-size: .9375em; }
.notice p { margin: 0; }
.notice a, .msg a { color: #0a4aa8; text-decoration: underline; }
.msg {
  max-width: 85%; margin: 0; padding: .5em .75em; border-radius: 1em;
  white-space: pre-line; overflow-wrap: anywhere;
}
.msg-user {
  align-self: flex-end; background: var(--accent); color: var(--on-accent); border-bottom-right-radius: .25em;
}
.msg-bot { align-self: flex-start; background: #eceff1; color: #1a1a1a; border-bottom-left-radius: .25em; }
.replies { display: flex; flex-wrap: wrap; gap: .5em; }
.replies button {
  min-height: 2.75em; padding: .375em .875em; border: 2px solid var(--ink); border-radius: 1.5em;
  background: #fff; color: var(--ink); text-align: left;
}
.card { padding: .75em; border: 3px solid; border-radius: .5em; color: #1a1a1a; }
.card h3 { margin: 0 0 .25em; font-size: 1.0625em; line-height: 1.3; }
.card p { margin: 0 0 .5em; }
.card ul { display: grid; gap: .5em; margin: 0; padding: 0; list-style: none; }
.card a {
  display: block; min-height: 2.75em; padding: .5em .75em; border-radius: .5em;
  font-weight: 700; text-align: center; text-decoration: underline;
}
.card-crisis { border-color: #a10d0d; background: #fff4f4; }
.card-crisis h3 { color: #8a0b0b; }
.card-crisis a { background: #a10d0d; color: #fff; }
.card-human { border-color: #1e5631; background: #f1f7f2; }
.card-human a { background: #1e5631; color: #fff; }
.typing { padding: 0 .75em .5em; }
.dots { display: inline-flex; gap: .3em; padding: .75em; border-radius: 1em; background: #eceff1; }
.dots i { width: .5em; height: .5em; border-radius: 50%; background: #4d4d4d; animation: omzien-dot 1s infinite ease-in-out; }
.dots i:nth-child(2) { animation-delay: .15s; }
.dots i:nth-child(3) { animation-delay: .3s; }
@keyframes omzien-dot { 0%, 80%, 100% { opacity: .25; } 40% { opacity: 1; } }
.error { margin: 0 .75em .5em; padding: .75em; border: 2px solid #a10d0d; border-radius: .5em; background: #fff4f4; }
.error p { margin: 0 0 .5em; }
.error .card { margin-top: .5em; }
.retry {
  min-height: 2.75em; padding: .375em 1em; border: 0; border-radius: 1.5em;
  background: #a10d0d; color: #fff; font-weight: 700;
}
.confirm { margin: 0 .75em .5em; padding: .75em; border: 2px solid var(--ink); border-radius: .5em; background: #fff; }
.confirm p { margin: 0 0 .5em; font-weight: 700; }
.choices { display: flex; flex-wrap: wrap; gap: .5em; }
.choices button {
  min-height: 2.75em; min-width: 5em; padding: .375em 1em; border: 2px solid var(--ink); border-radius: 1.5em;
  background: #fff; color: var(--ink); font-weight: 700;
}
.choices .yes { background: var(--ink); color: #fff; }
.status { margin: 0; padding: .5em .75em; border-radius: .5em; background: #f1f7f2; color: #1a1a1a; }
.composer { display: flex; gap: .5em; padding: .75em; border-top: 1px solid #c4c4c4; background: #fff; }
.composer input {
  flex: 1; min-width: 0; min-height: 2.75em; padding: .5em .875em;
  border: 2px solid #5c5c5c; border-radius: 1.5em; background: #fff; color: #1a1a1a;
}
.composer input::placeholder { color: #5c5c5c; opacity: 1; }
.send {
  flex: none; min-height: 2.75em; padding: .5em 1em; border: 2px solid var(--accent); border-radius: 1.5em;
  background: var(--accent); color: var(--on-accent); font-weight: 700;
}
@media (max-width: 480px) {
  .launcher { right: .75em; bottom: .75em; }
  .panel { inset: 0; width: auto; height: auto; border: 0; border-radius: 0; }
  .header { padding: .5em .75em; gap: .375em; }
  .actions { gap: .375em; }
  .actions button { padding: .25em .625em; }
}
@media (prefers-reduced-motion: reduce) {
  .root *, .root *::before, .root *::after {
    animation: none !important; transition: none !important; scroll-behavior: auto !important;
  }
}
@media (forced-colors: active) {
  .launcher, .send, .msg, .card, .card a, .retry, .replies button, .choices button { border: 2px solid CanvasText; }
}
`;

/** Put the CSS in the shadow root: a constructed sheet (fine under a strict CSP), else <style>. */
export function applyStyles(shadow) {
  if ('adoptedStyleSheets' in shadow && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    shadow.adoptedStyleSheets = [sheet];
    return;
  }
  const style = document.createElement('style');
  style.textContent = CSS;
  shadow.append(style);
}
