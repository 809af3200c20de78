// Omzien web-chat widget. Embed with one line:
//   <script src="https://HOST/widget.js" data-title="…" data-color="#1d5c63" async></script>
// The gateway's origin is taken from the script's own src.

import { fetchConfig } from './api.js';
import { accentColors } from './colors.js';
import { createConversation } from './conversation.js';
import { conversationStore, createStore } from './storage.js';
import { createView } from './view.js';

const DEFAULT_TITLE = 'Chat met Omzien';
const MAX_TITLE_CHARS = 60;

function ownScript() {
  if (document.currentScript) return document.currentScript;
  const scripts = document.querySelectorAll('script[src*="widget.js"]');
  return scripts[scripts.length - 1] || null;
}

function optionsFrom(script) {
  const title = (script.dataset.title || '').trim().slice(0, MAX_TITLE_CHARS);
  return {
    origin: new URL(script.src, document.baseURI).origin,
    title: title || DEFAULT_TITLE,
    colors: accentColors(script.dataset.color),
  };
}

function start(options) {
  if (document.querySelector('omzien-chat')) return; // embedded twice: one widget
  const configStore = createStore(`omzien:config:${options.origin}`);
  let config = configStore.load();
  const view = createView(options);
  const conversation = createConversation({
    origin: options.origin,
    view,
    store: conversationStore(options.origin),
    getConfig: () => config,
  });
  conversation.renderAll();
  view.parts.launcher.addEventListener('click', () => {
    view.open();
    conversation.rememberOpen(true);
  });
  view.onClose(() => conversation.rememberOpen(false));
  document.body.append(view.host);
  if (conversation.wasOpen()) view.open({ focus: false });

  // Texts and numbers come from the gateway's settings; a cached copy covers a failed fetch.
  fetchConfig(options.origin).then(
    (fresh) => {
      const changed = JSON.stringify(fresh) !== JSON.stringify(config);
      config = fresh;
      configStore.save(fresh);
      if (changed) conversation.renderAll();
    },
    () => {}, // the notice falls back to one line; a failed chat turn shows its own error
  );
}

const script = ownScript();
if (script) {
  const options = optionsFrom(script);
  if (document.body) start(options);
  else document.addEventListener('DOMContentLoaded', () => start(options), { once: true });
}
