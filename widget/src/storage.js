// The conversation in sessionStorage (per host site and gateway), so it survives navigation and
// reloads within the session; only in the page's memory when the browser refuses storage.

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
function newSender() {
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

/**
 * Load and save one JSON value under `key`. Each store is loaded once, at start-up; without
 * storage (refused, or full) the page keeps going on what it holds in memory.
 */
export function createStore(key) {
  const area = sessionArea();
  return {
    load() {
      try {
        return area ? JSON.parse(area.getItem(key)) : null;
      } catch (_) {
        return null;
      }
    },
    save(value) {
      try {
        if (area) area.setItem(key, JSON.stringify(value));
      } catch (_) {
        // storage full: this page still works, only a reload forgets
      }
    },
    clear() {
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
