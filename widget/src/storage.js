// The conversation in sessionStorage (per host site and gateway), so it survives navigation and
// reloads within the session; in memory when the browser refuses storage (private modes).

const MAX_ENTRIES = 200;

function sessionArea() {
  try {
    const area = window.sessionStorage;
    area.setItem('omzien:probe', '1');
    area.removeItem('omzien:probe');
    return area;
  } catch (_) {
    return null;
  }
}

/** A random conversation id for the gateway; it never leaves this browser tab otherwise. */
export function newSender() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A fresh conversation: new id, nothing said yet, panel closed. */
export function freshState() {
  return { sender: newSender(), entries: [], open: false };
}

function isValidState(state) {
  return (
    state !== null &&
    typeof state === 'object' &&
    typeof state.sender === 'string' &&
    state.sender.length > 0 &&
    Array.isArray(state.entries)
  );
}

/** Load and save one JSON value under `key`. */
export function createStore(key) {
  const area = sessionArea();
  let memory = null;
  return {
    load() {
      try {
        return JSON.parse(area ? area.getItem(key) : memory);
      } catch (_) {
        return null;
      }
    },
    save(value) {
      const text = JSON.stringify(value);
      try {
        if (area) area.setItem(key, text);
        else memory = text;
      } catch (_) {
        memory = text; // storage full: keep going in memory
      }
    },
    clear() {
      memory = null;
      if (area) area.removeItem(key);
    },
  };
}

/** The conversation store of one gateway origin. */
export function conversationStore(origin) {
  const store = createStore(`omzien:conversation:${origin}`);
  return {
    load() {
      const state = store.load();
      return isValidState(state) ? state : freshState();
    },
    save(state) {
      store.save({ ...state, entries: state.entries.slice(-MAX_ENTRIES) });
    },
    clear: store.clear,
  };
}
