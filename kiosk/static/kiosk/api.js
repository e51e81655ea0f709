// Queries go to the public /graphql/ endpoint by GET, so the CDN and the browser can
// cache them; every good answer is stored, and served from the store when fetching fails.
import * as store from "./store.js";

const TIMEOUT_MS = 10000;

export class ApiError extends Error {}

export async function query(url, text, variables) {
  const params = new URLSearchParams({ query: text, variables: JSON.stringify(variables) });
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const response = await fetch(`${url}?${params}`, {
      headers: { Accept: "application/json" },
      signal: controller.signal,
    });
    const body = await response.json().catch(() => null);
    if (!response.ok || !body || (body.errors && !body.data)) {
      const message = body?.errors?.[0]?.message || `HTTP ${response.status}`;
      throw new ApiError(message);
    }
    return body.data;
  } finally {
    clearTimeout(timer);
  }
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
