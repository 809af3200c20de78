// A tiny element builder: text only through textContent, never through HTML strings.

/** Create an element with attributes, `text`, `class`, `on<event>` handlers and children. */
export function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'text') node.textContent = value;
    else if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of [].concat(children)) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

/** `href` when it is an http(s) URL (or, with allowTel, a tel: link), else null. */
export function safeHref(href, allowTel = false) {
  try {
    const url = new URL(href);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    if (allowTel && url.protocol === 'tel:' && /^tel:\+?[0-9]{2,15}$/.test(url.href)) return url.href;
  } catch (_) {
    // not a URL: shown as text
  }
  return null;
}

/** A link; web links open in a new tab so the conversation stays where it is. */
export function link(href, text, className) {
  const web = !href.startsWith('tel:');
  return el('a', {
    href,
    class: className,
    text,
    target: web ? '_blank' : null,
    rel: web ? 'noopener noreferrer' : null,
  });
}

const URL_IN_TEXT = /https?:\/\/[^\s<>"']+/g;
const TRAILING_PUNCTUATION = /[.,;:!?)\]]+$/;

/** Text as nodes, with http(s) URLs turned into links; everything else stays text. */
export function linkify(text) {
  const nodes = [];
  let last = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const candidate = match[0].replace(TRAILING_PUNCTUATION, '');
    const href = safeHref(candidate);
    if (!href) continue;
    nodes.push(document.createTextNode(text.slice(last, match.index)));
    nodes.push(link(href, candidate));
    last = match.index + candidate.length;
  }
  nodes.push(document.createTextNode(text.slice(last)));
  return nodes;
}
