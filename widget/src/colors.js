// Accent colours from the host's data-color, kept readable: WCAG contrast of at least 4.5:1.

const DEFAULT_ACCENT = '#1d5c63';
const HEX_COLOR = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;
const WHITE = [255, 255, 255];
const INK = [17, 17, 17];
const MIN_CONTRAST = 4.5;

/** [r, g, b] of a #rgb or #rrggbb colour, or null for anything else. */
function parseHex(value) {
  const match = HEX_COLOR.exec(String(value || '').trim());
  if (!match) return null;
  const digits = match[1].length === 3 ? match[1].replace(/./g, '$&$&') : match[1];
  return [0, 2, 4].map((start) => parseInt(digits.slice(start, start + 2), 16));
}

function linear(channel) {
  const c = channel / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of an [r, g, b] colour. */
function luminance([r, g, b]) {
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG contrast ratio of two [r, g, b] colours. */
function contrast(a, b) {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

function toHex(rgb) {
  return `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The accent as background, the text colour on it, and an "ink" version of the accent
 * for text and borders on the white panel. An invalid colour falls back to the default.
 */
export function accentColors(value) {
  const rgb = parseHex(value) || parseHex(DEFAULT_ACCENT);
  const readableOnWhite = contrast(rgb, WHITE) >= MIN_CONTRAST;
  return {
    accent: toHex(rgb),
    onAccent: toHex(readableOnWhite ? WHITE : INK),
    ink: toHex(readableOnWhite ? rgb : INK),
  };
}
