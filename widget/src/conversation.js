// The conversation: what was said (kept in sessionStorage), sending, retrying, starting fresh.

import { GatewayError, postChat, postForget } from './api.js';
import {
  botBubble,
  card,
  confirmQuestion,
  errorContent,
  notice,
  quickReplies,
  statusLine,
  userBubble,
} from './render.js';
import { freshState } from './storage.js';

const HANDOVER_CARDS = ['crisis', 'human_line'];
const MAX_BUTTONS = 8;

const NETWORK_ERROR_FALLBACK = 'Je bericht is niet verstuurd. Er is nu geen verbinding met Omzien.';
// Used until the gateway's config (knowledge/content/site.yml) has loaded.
const FORGET_FALLBACK = {
  question: 'Alles wat je hier schreef wordt gewist. Weet je het zeker?',
  done: 'Je gesprek is gewist. Je kunt opnieuw beginnen.',
  failed: 'Het wissen is niet gelukt. Probeer het zo opnieuw.',
};

function validButtons(buttons) {
  if (!Array.isArray(buttons)) return [];
  return buttons
    .filter((b) => b && typeof b.title === 'string' && typeof b.payload === 'string' && b.title)
    .slice(0, MAX_BUTTONS)
    .map((b) => ({ title: b.title, payload: b.payload }));
}

/** The entries one bot message adds: its text (with quick replies) and a handover card. */
function entriesFrom(message) {
  const entries = [];
  if (message && typeof message.text === 'string' && message.text.trim()) {
    entries.push({ role: 'bot', text: message.text, buttons: validButtons(message.buttons) });
  }
  const handover = message && message.custom && message.custom.handover;
  if (HANDOVER_CARDS.includes(handover)) entries.push({ role: 'card', kind: handover });
  return entries;
}

/** Wire the view to the gateway and the store; returns the conversation's controls. */
export function createConversation({ origin, view, store, getConfig }) {
  const { parts } = view;
  let state = store.load();
  let busy = false;
  let pending = Promise.resolve(); // the chat turn in flight, if any
  let replyGroups = [];

  function save() {
    store.save(state);
  }

  function clearReplies() {
    replyGroups.forEach((group) => group.remove());
    replyGroups = [];
  }

  function chooseReply(button) {
    send(button.payload, button.title);
  }

  function renderEntry(entry, withReplies) {
    if (entry.role === 'user') return parts.log.append(userBubble(entry.text));
    if (entry.role === 'card') {
      const node = card(entry.kind, getConfig() && getConfig().cards);
      if (node) parts.log.append(node);
      return node;
    }
    parts.log.append(botBubble(entry.text));
    if (withReplies && entry.buttons && entry.buttons.length) {
      const group = quickReplies(entry.buttons, chooseReply);
      replyGroups.push(group);
      parts.log.append(group);
    }
    return null;
  }

  /** Draw the whole conversation; quick replies only after the last thing the person said. */
  function renderAll() {
    clearReplies();
    parts.log.replaceChildren(notice(getConfig(), origin));
    const lastUser = state.entries.map((e) => e.role).lastIndexOf('user');
    state.entries.forEach((entry, index) => renderEntry(entry, index > lastUser));
    view.scrollToEnd();
  }

  function hideError() {
    parts.error.hidden = true;
    parts.error.replaceChildren();
  }

  function showError(error, retry) {
    const config = getConfig();
    const tooLong = error instanceof GatewayError && error.kind === 'too_long';
    const message = tooLong && error.detail ? error.detail : (config && config.network_error) || NETWORK_ERROR_FALLBACK;
    parts.error.replaceChildren(...errorContent(message, tooLong ? null : retry, config && config.cards).filter(Boolean));
    parts.error.hidden = false;
  }

  // A clicked quick reply or retry button is gone now: focus fell back to the page's body.
  function focusWasLost() {
    const active = document.activeElement;
    return !active || active === document.body || (active === view.host && !view.shadow.activeElement);
  }

  function setBusy(value) {
    busy = value;
    parts.typing.hidden = !value;
    parts.send.setAttribute('aria-disabled', String(value));
  }

  /** Send one message (a typed text, or a quick reply's payload shown as its title). */
  function send(message, shown) {
    if (busy) return Promise.resolve(false);
    pending = turn(message, shown);
    return pending;
  }

  async function turn(message, shown) {
    setBusy(true);
    hideError();
    clearReplies();
    const bubble = userBubble(shown);
    parts.log.append(bubble);
    view.scrollToEnd();
    try {
      const reply = await postChat(origin, state.sender, message);
      const added = [{ role: 'user', text: shown }];
      reply.messages.forEach((m) => added.push(...entriesFrom(m)));
      if (reply.degraded && !added.some((e) => e.kind === 'human_line')) {
        added.push({ role: 'card', kind: 'human_line' });
      }
      state.entries.push(...added);
      save();
      // A redraw (fresh config) during the request may have removed the pending bubble.
      added.forEach((entry, index) => (index > 0 || !bubble.isConnected) && renderEntry(entry, true));
      if (parts.input.value === message) parts.input.value = '';
      return true;
    } catch (error) {
      bubble.remove();
      if (!parts.input.value && message === shown) parts.input.value = message;
      showError(error, () => send(message, shown));
      return false;
    } finally {
      setBusy(false);
      view.scrollToEnd();
      if (view.isOpen() && focusWasLost()) parts.input.focus();
    }
  }

  function submit(event) {
    event.preventDefault();
    const text = parts.input.value.trim();
    if (!text || busy) return;
    parts.input.value = '';
    send(text, text);
  }

  function showHumanLine() {
    const entry = { role: 'card', kind: 'human_line' };
    const node = renderEntry(entry, false);
    if (!node) return;
    state.entries.push(entry);
    save();
    view.scrollToEnd();
    const firstLink = node.querySelector('a');
    if (firstLink) firstLink.focus();
  }

  function forgetTexts() {
    const config = getConfig();
    return { ...FORGET_FALLBACK, ...((config && config.forget) || {}) };
  }

  function closeQuestion(focusRestart) {
    parts.confirm.hidden = true;
    parts.confirm.replaceChildren();
    if (focusRestart) parts.restart.focus();
  }

  /** Delete the conversation on the server, then here; on failure everything stays. */
  async function forgetConversation(texts, yes) {
    if (yes.getAttribute('aria-disabled') === 'true') return;
    yes.setAttribute('aria-disabled', 'true');
    await pending.catch(() => {}); // a turn in flight would be stored after the deletion
    try {
      await postForget(origin, state.sender);
    } catch (_) {
      closeQuestion(false);
      const retry = () => askToForget();
      parts.error.replaceChildren(...errorContent(texts.failed, retry, getConfig() && getConfig().cards).filter(Boolean));
      parts.error.hidden = false;
      parts.error.querySelector('button').focus();
      return;
    }
    closeQuestion(false);
    startFresh();
    parts.log.append(statusLine(texts.done));
  }

  /** "Nieuw gesprek": ask first, because everything written here will be deleted. */
  function askToForget() {
    hideError();
    const texts = forgetTexts();
    const question = confirmQuestion(
      texts.question,
      () => forgetConversation(texts, question.yes),
      () => closeQuestion(true),
    );
    question.box.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation(); // only the question closes, not the panel
      closeQuestion(true);
    });
    parts.confirm.replaceChildren(question.box);
    parts.confirm.hidden = false;
    question.no.focus(); // the safe answer first
  }

  function startFresh() {
    store.clear();
    state = { ...freshState(), open: view.isOpen() };
    save();
    hideError();
    renderAll();
    parts.input.value = '';
    parts.input.focus();
  }

  function rememberOpen(open) {
    state.open = open;
    save();
  }

  parts.form.addEventListener('submit', submit);
  parts.human.addEventListener('click', showHumanLine);
  parts.restart.addEventListener('click', askToForget);
  return { renderAll, rememberOpen, wasOpen: () => state.open === true };
}
