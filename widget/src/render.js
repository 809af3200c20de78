// Building the conversation's elements: bubbles, quick replies, cards and the error box.

import { el, link, linkify, safeHref } from './dom.js';

let uniqueId = 0;
function nextId(prefix) {
  uniqueId += 1;
  return `omzien-${prefix}-${uniqueId}`;
}

/** What the person said, as plain text. */
export function userBubble(text) {
  return el('p', { class: 'msg msg-user' }, [el('span', { class: 'sr', text: 'Jij: ' }), text]);
}

/** What the bot said: plain text with http(s) links made clickable. */
export function botBubble(text) {
  return el('p', { class: 'msg msg-bot' }, [el('span', { class: 'sr', text: 'Omzien: ' }), ...linkify(text)]);
}

/** Quick replies: each sends its payload and shows its title as the person's message. */
export function quickReplies(buttons, onChoose) {
  return el(
    'div',
    { class: 'replies', role: 'group', 'aria-label': 'Kies een antwoord' },
    buttons.map((button) =>
      el('button', { type: 'button', text: button.title, onclick: () => onChoose(button) }),
    ),
  );
}

const CARD_CLASSES = { crisis: 'card card-crisis', human_line: 'card card-human' };

/** A crisis or human-line card from the gateway's config: a title, a line and tap-to-call links. */
export function card(kind, cards) {
  const content = cards && cards[kind];
  if (!content) return null;
  const headingId = nextId('card');
  const links = (content.links || [])
    .map((item) => ({ label: item.label, href: safeHref(item.href, true) }))
    .filter((item) => item.href && item.label);
  return el('section', { class: CARD_CLASSES[kind], 'aria-labelledby': headingId, 'data-card': kind }, [
    el('h3', { id: headingId, text: content.title }),
    content.text ? el('p', { text: content.text }) : null,
    el('ul', {}, links.map((item) => el('li', {}, link(item.href, item.label)))),
  ]);
}

/** The notice before the first message: a computer program; what is stored, how long. */
export function notice(config, origin) {
  if (!config) return el('div', { class: 'notice' }, el('p', { text: 'Omzien is een computerprogramma, geen mens.' }));
  const privacy = safeHref(`${origin}${config.privacy_path}`);
  const [first, second] = config.notice;
  return el('div', { class: 'notice' }, [
    el('p', { text: first }),
    el('p', {}, [second, ' ', privacy ? link(privacy, config.privacy_link) : null]),
  ]);
}

/** A visible failure: what went wrong, a retry when it can help, and the human line. */
export function errorContent(message, onRetry, cards) {
  return [
    el('p', { text: message }),
    onRetry ? el('button', { type: 'button', class: 'retry', text: 'Opnieuw proberen', onclick: onRetry }) : null,
    card('human_line', cards),
  ];
}

/** A yes/no question in the panel (an alertdialog): the question, then Ja and Nee. */
export function confirmQuestion(question, onYes, onNo) {
  const questionId = nextId('confirm');
  const no = el('button', { type: 'button', class: 'no', text: 'Nee', onclick: onNo });
  const yes = el('button', { type: 'button', class: 'yes', text: 'Ja', onclick: onYes });
  const box = el('div', { role: 'alertdialog', 'aria-labelledby': questionId }, [
    el('p', { id: questionId, text: question }),
    el('div', { class: 'choices' }, [yes, no]),
  ]);
  return { box, yes, no };
}

/** A short line in the conversation that something happened (announced by the log). */
export function statusLine(text) {
  return el('p', { class: 'status', text });
}
