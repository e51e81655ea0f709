// Queries go to the public /graphql/ endpoint by GET, so the CDN and the browser can
// cache them; every good answer is stored, and served from the store when fetching fails.
import * as store from "./store.js";

const TIMEOUT_MS = 10000;

export class ApiError extends Error {}

async function sha256(text) {
  if (!globalThis.crypto?.subtle) return null; // WebCrypto needs HTTPS (or localhost)
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

async function get(url, params) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const response = await fetch(`${url}?${params}`, {
      headers: { Accept: "application/json" },
      signal: controller.signal,
    });
    return { response, body: await response.json().catch(() => null) };
  } finally {
    clearTimeout(timer);
  }
}

// A persisted query: the document's hash alone first (a short URL the CDN and the API's
// cache keep), the document itself only when the API does not know the hash yet.
export async function query(url, text, variables) {
  const hash = await sha256(text);
  const params = new URLSearchParams({ variables: JSON.stringify(variables) });
  if (hash) params.set("extensions", JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }));
  else params.set("query", text);
  let { response, body } = await get(url, params);
  if (hash && body?.errors?.[0]?.message === "PersistedQueryNotFound") {
    params.set("query", text);
    ({ response, body } = await get(url, params));
  }
  if (!response.ok || !body || (body.errors && !body.data)) {
    const message = body?.errors?.[0]?.message || `HTTP ${response.status}`;
    throw new ApiError(message);
  }
  return body.data;
}

// Returns {data, savedAt, fresh}; throws only when there is neither network nor a copy.
export async function cachedQuery(url, cacheKey, text, variables) {
  try {
    const data = await query(url, text, variables);
    return { ...store.save(cacheKey, data), fresh: true };
  } catch (error) {
    const copy = store.load(cacheKey);
    if (copy) return { ...copy, fresh: false, error };
    throw error;
  }
}

// A mutation (reader feedback): POST only, never cached or stored; throws ApiError when refused.
export async function mutate(url, text, variables) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { Accept: "application/json", "Content-Type": "application/json" },
      body: JSON.stringify({ query: text, variables }),
      signal: controller.signal,
    });
    const body = await response.json().catch(() => null);
    if (!response.ok || !body || body.errors) throw new ApiError(body?.errors?.[0]?.message || `HTTP ${response.status}`);
    return body.data;
  } finally {
    clearTimeout(timer);
  }
}
