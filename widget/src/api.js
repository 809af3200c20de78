// The gateway's HTTP API: the widget's texts and numbers, and one chat turn.

const CONFIG_TIMEOUT_MS = 10000;
const CHAT_TIMEOUT_MS = 25000;

/** Why a request failed: 'network', 'too_long' (with the gateway's explanation) or 'server'. */
export class GatewayError extends Error {
  constructor(kind, detail = '') {
    super(kind);
    this.kind = kind;
    this.detail = detail;
  }
}

async function request(url, options, timeoutMs) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    return await fetch(url, { ...options, mode: 'cors', credentials: 'omit', signal: controller.signal });
  } catch (_) {
    throw new GatewayError('network');
  } finally {
    clearTimeout(timer);
  }
}

async function json(response) {
  try {
    return await response.json();
  } catch (_) {
    throw new GatewayError('server');
  }
}

/** GET /widget/config: notice, cards and numbers, all from the gateway's settings. */
export async function fetchConfig(origin) {
  const response = await request(`${origin}/widget/config`, {}, CONFIG_TIMEOUT_MS);
  if (!response.ok) throw new GatewayError('server');
  const config = await json(response);
  if (!config || !Array.isArray(config.notice) || !config.cards) throw new GatewayError('server');
  return config;
}

/** POST /chat/forget: the gateway deletes everything it stored about this conversation. */
export async function postForget(origin, sender) {
  const response = await request(
    `${origin}/chat/forget`,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sender }),
    },
    CHAT_TIMEOUT_MS,
  );
  if (!response.ok) throw new GatewayError('server');
}

/** POST /chat with one message; the bot's messages and whether the assistant was degraded. */
export async function postChat(origin, sender, message) {
  const response = await request(
    `${origin}/chat`,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sender, message }),
    },
    CHAT_TIMEOUT_MS,
  );
  if (response.status === 413) {
    const body = await json(response);
    throw new GatewayError('too_long', typeof body.detail === 'string' ? body.detail : '');
  }
  if (!response.ok) throw new GatewayError('server');
  const body = await json(response);
  if (!body || !Array.isArray(body.messages)) throw new GatewayError('server');
  return { messages: body.messages, degraded: body.degraded === true };
}
