// The kiosk screen's service worker: a screen reloaded without network (a power cut, a
// browser restart) starts from its last copy instead of the browser's error page.
//
// Served by kiosk.views.service_worker at /kiosk/<slug>/sw.js, scoped to that screen,
// with the shell filled in: the screen's page (its configuration and interface strings are
// inside it) and every module and stylesheet. Everything of the shell, QR codes and images
// is fetched from the network first and kept; without network the kept copy answers.
//
// API answers are not kept here: the screen stores the last answer of each of its queries
// itself (store.js), under the query's name rather than its URL, which changes every five
// minutes with the clock, and shows it with its age. One mechanism for them, not two.
"use strict";

const CACHE = __KIOSK_CACHE__;
const PREFIX = __KIOSK_CACHE_PREFIX__;
const SHELL = __KIOSK_SHELL__;
const PAGE = __KIOSK_PAGE__;
// Kept at run time besides the shell: static files, media (guide images) and QR codes.
const KEPT = __KIOSK_KEPT__;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  // Copies of an earlier release of this screen go; other screens' caches stay.
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

function kept(url) {
  return url.origin === self.location.origin && (url.pathname === PAGE || KEPT.some((prefix) => url.pathname.startsWith(prefix)));
}

async function networkFirst(request, key) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(key, response.clone());
    return response;
  } catch (error) {
    const copy = await cache.match(key);
    if (copy) return copy;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (!kept(url)) return;
  // The page is kept under its path: a reload with a query string or a #secret finds it.
  event.respondWith(networkFirst(request, url.pathname === PAGE ? PAGE : request));
});
