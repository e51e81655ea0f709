{% autoescape off %}/* The website's service worker (website/views/offline.py). Release {{ version }}. */
"use strict";
const CACHE = "welcome-website-{{ version }}";
const PRECACHE = {{ precache_json }};
const LANGUAGES = {{ languages_json }};
const STATIC_PREFIX = {{ static_prefix_json }};
const KEPT_PAGES = {{ kept_pages }};

function isPage(url) {
  const first = url.pathname.split("/")[1];
  return url.origin === self.location.origin && LANGUAGES.includes(first);
}

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith("welcome-website-") && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim())
  );
});

async function keep(request, response) {
  const cache = await caches.open(CACHE);
  await cache.put(request, response);
  const pages = (await cache.keys()).filter((entry) => isPage(new URL(entry.url)) && !PRECACHE.includes(new URL(entry.url).pathname));
  for (const old of pages.slice(0, Math.max(0, pages.length - KEPT_PAGES))) {
    await cache.delete(old);
  }
}

async function pageNetworkFirst(request) {
  try {
    const response = await fetch(request);
    // A page for one person (their data, an extend link) says no-store: never kept offline.
    if (response.ok && !/no-store/.test(response.headers.get("Cache-Control") || "")) {
      await keep(request, response.clone());
    }
    return response;
  } catch (error) {
    const kept = await caches.match(request);
    if (kept) {
      return kept;
    }
    const language = new URL(request.url).pathname.split("/")[1];
    return (await caches.match(`/${language}/offline/`)) || Response.error();
  }
}

async function staticCacheFirst(request) {
  const kept = await caches.match(request);
  if (kept) {
    return kept;
  }
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") {
    return;
  }
  const url = new URL(request.url);
  if (url.origin === self.location.origin && url.pathname.startsWith(STATIC_PREFIX + "website/")) {
    event.respondWith(staticCacheFirst(request));
  } else if (request.mode === "navigate" && isPage(url)) {
    event.respondWith(pageNetworkFirst(request));
  }
});
{% endautoescape %}
