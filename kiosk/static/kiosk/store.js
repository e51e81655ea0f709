// The last good answer of each query, kept in localStorage so the screen keeps showing
// content (with its age) when the network or the API fails, even after a reload.
const PREFIX = "welcome-kiosk:";

export function save(key, data) {
  const entry = { savedAt: Date.now(), data };
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(entry));
  } catch {
    // Storage full or disabled: the screen still works, just without a fallback.
  }
  return entry;
}

export function load(key) {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}
