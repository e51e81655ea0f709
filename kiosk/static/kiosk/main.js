// The kiosk application: state, navigation, refreshing, offline fallback, idle reset
// and heartbeat. Rendering lives in views.js, queries in queries.js.
import { cachedQuery, mutate } from "./api.js";
import { h } from "./dom.js";
import * as fmt from "./format.js";
import * as q from "./queries.js";
import * as views from "./views.js";

const config = JSON.parse(document.getElementById("kiosk-config").textContent);
const root = document.getElementById("kiosk");
const secret = takeSecret();
const RETRY_MIN_MS = 15000;
const RETRY_MAX_MS = 120000;

const state = {
  locale: config.defaultLocale,
  view: { name: "start" },
  start: null, // {data, savedAt, fresh}
  guide: null,
  topic: null,
  service: null,
  listings: null,
  feedback: {}, // item id -> "sent" | "failed" (views.feedbackBar)
  stale: null, // savedAt of content shown from the store, or null when live
  retryDelay: RETRY_MIN_MS,
};
let retryTimer = null;
let idleTimer = null;

const strings = () => config.strings[state.locale] || config.strings[config.defaultLocale];
const localeEntry = () => config.locales.find((entry) => entry.code === state.locale) || config.locales[0];

function cacheKey(name) {
  return `${config.slug}:${name}:${state.locale}`;
}

function note(result) {
  // Any answer from the store (not live) marks the screen as stale and schedules a retry.
  if (result.fresh) {
    state.stale = null;
    state.retryDelay = RETRY_MIN_MS;
  } else {
    state.stale = Math.min(state.stale ?? Infinity, result.savedAt);
    scheduleRetry();
  }
  return result;
}

function scheduleRetry() {
  if (retryTimer) return;
  retryTimer = setTimeout(() => {
    retryTimer = null;
    state.retryDelay = Math.min(state.retryDelay * 2, RETRY_MAX_MS);
    refresh();
  }, state.retryDelay);
}

async function loadStart() {
  const { now, from, to } = fmt.windows();
  const variables = { locale: state.locale, now, from, to, near: { lat: config.place.lat, lon: config.place.lon, km: config.place.km } };
  try {
    state.start = note(await cachedQuery(config.graphqlUrl, cacheKey("start"), q.startQuery(config.guideIds), variables));
  } catch {
    state.stale = state.stale ?? (state.start?.savedAt || Date.now());
    scheduleRetry();
  }
}

async function loadGuide(id) {
  try {
    state.guide = note(await cachedQuery(config.graphqlUrl, cacheKey(`guide:${id}`), q.GUIDE_QUERY, { id, locale: state.locale }));
  } catch {
    state.guide = { data: null };
    scheduleRetry();
  }
}

async function loadTopic(slug) {
  try {
    state.topic = note(await cachedQuery(config.graphqlUrl, cacheKey(`topic:${slug}`), q.TOPIC_QUERY, { topic: slug, locale: state.locale }));
  } catch {
    state.topic = { data: null };
    scheduleRetry();
  }
}

async function loadService(id) {
  // The start query's moment: the same URL for five minutes, so caches can answer.
  const { now } = fmt.windows();
  try {
    state.service = note(await cachedQuery(config.graphqlUrl, cacheKey(`service:${id}`), q.SERVICE_QUERY, { id, locale: state.locale, now }));
  } catch {
    state.service = { data: null };
    scheduleRetry();
  }
}

async function loadListings() {
  try {
    state.listings = note(await cachedQuery(config.graphqlUrl, cacheKey("listings"), q.LISTINGS_QUERY, { locale: state.locale }));
  } catch {
    state.listings = { data: null };
    scheduleRetry();
  }
}

async function refresh() {
  await loadStart();
  if (state.view.name === "guide") await loadGuide(state.view.id);
  if (state.view.name === "topic") await loadTopic(state.view.topic.slug);
  if (state.view.name === "item" && state.view.item.kind === "service") await loadService(state.view.item.id);
  if (state.view.name === "listings" || state.view.name === "listing") await loadListings();
  render();
}

const actions = {
  async setLocale(code) {
    state.locale = code;
    render();
    await refresh();
  },
  async openGuide(id) {
    state.view = { name: "guide", id };
    state.guide = null;
    render();
    await loadGuide(id);
    render({ focus: true });
  },
  async openTopic(topic) {
    state.view = { name: "topic", topic };
    state.topic = null;
    render();
    await loadTopic(topic.slug);
    render({ focus: true });
  },
  async openItem(item) {
    state.view = { name: "item", item };
    state.service = null;
    render({ focus: true });
    if (item.kind !== "service") return;
    await loadService(item.id);
    if (state.view.item === item) render({ focus: true });
  },
  // direction: "offers" or "requests".
  async openListings(direction) {
    state.view = { name: "listings", direction };
    render({ focus: true });
    await loadListings();
    if (state.view.name === "listings") render({ focus: true });
  },
  openListing(direction, item) {
    state.view = { name: "listing", direction, item };
    render({ focus: true });
  },
  home() {
    state.view = { name: "start" };
    render({ focus: true });
  },
  // choice: "yes", "no" or "mistake" (the fixed report config.mistakeText).
  async sendFeedback(item, choice) {
    const language = state.locale;
    try {
      if (choice === "mistake") await mutate(config.graphqlUrl, q.REPORT_MISTAKE, { id: item.id, text: config.mistakeText, language });
      else await mutate(config.graphqlUrl, q.RATE_ITEM, { id: item.id, helpful: choice === "yes", language });
      state.feedback[item.id] = "sent";
    } catch {
      state.feedback[item.id] = "failed";
    }
    render();
  },
};

function announcement() {
  const notice = config.announcement;
  const now = Date.now();
  if (!notice || (notice.start && Date.parse(notice.start) > now) || (notice.end && Date.parse(notice.end) <= now)) return null;
  // The notice is written in the screen's default language: isolated, so its punctuation
  // stays in place when the interface around it is right-to-left.
  return h("div", { class: "announcement", role: "status" }, h("strong", {}, `${strings().announcement}: `), h("bdi", { lang: config.defaultLocale, dir: "auto" }, notice.text));
}

function offlineNotice() {
  if (state.stale === null) return null;
  return h("div", { class: "offline", role: "status" }, strings().offline.replace("%(age)s", fmt.age(strings(), state.stale)));
}

function header() {
  const atStart = state.view.name === "start";
  return h(
    "header",
    { class: "bar" },
    atStart ? h("span", { class: "bar-spacer" }) : h("button", { type: "button", class: "back", onclick: actions.home }, h("span", { "aria-hidden": "true", class: "back-arrow" }, "←"), ` ${strings().home}`),
    h("h1", { class: "bar-title" }, config.place.name),
    h("p", { class: "clock" }, fmt.clock(state.locale, new Date())),
  );
}

function currentView() {
  const s = strings();
  switch (state.view.name) {
    case "guide":
      return views.guideView(config, state, s, actions);
    case "topic":
      return views.topicView(config, state, s, actions);
    case "item":
      return views.itemView(config, state, s, actions);
    case "listings":
      return views.listingsView(config, state, s, actions);
    case "listing":
      return views.listingView(config, state, s, actions);
    default:
      return state.start ? views.startView(config, state, s, actions) : h("p", { class: "empty" }, state.stale ? s.unavailable : s.loading);
  }
}

function render({ focus = false } = {}) {
  const entry = localeEntry();
  document.documentElement.lang = entry.code;
  document.documentElement.dir = entry.direction;
  const main = h("main", { id: "main", "data-view": state.view.name }, currentView());
  root.replaceChildren(header(), announcement() || "", offlineNotice() || "", main);
  root.dataset.stale = state.stale === null ? "false" : "true";
  if (focus) {
    main.querySelector(".detail-title, h2")?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }
}

// Idle: after idleTimeoutSeconds without a touch, back to the start screen and the
// default language, dropping what the last reader opened.
function resetIdleTimer() {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(goIdle, config.idleTimeoutSeconds * 1000);
}

async function goIdle() {
  const changedLocale = state.locale !== config.defaultLocale;
  state.view = { name: "start" };
  state.guide = null;
  state.topic = null;
  state.service = null;
  state.feedback = {};
  state.locale = config.defaultLocale;
  for (const details of document.querySelectorAll("details[open]")) details.open = false;
  render({ focus: true });
  if (changedLocale) await refresh();
  root.dataset.idleReset = String(Date.now());
}

// The screen's secret, which its heartbeat must carry. Staff open the display once at
// /kiosk/<slug>/#secret=… (the address the admin shows when it makes the secret): a
// fragment never reaches the server, its logs or a Referer. The page keeps the secret in
// localStorage and takes it out of the address bar; a new #secret= replaces it.
function takeSecret() {
  const storageKey = `welcome-kiosk:${config.slug}:secret`;
  const fromUrl = new URLSearchParams(window.location.hash.slice(1)).get("secret");
  if (fromUrl) {
    try {
      localStorage.setItem(storageKey, fromUrl);
    } catch {
      // Storage disabled: the secret lasts until the page is reloaded.
    }
    history.replaceState(history.state, "", window.location.pathname + window.location.search);
    return fromUrl;
  }
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

async function heartbeat() {
  const status = state.stale === null ? "ok" : `showing stored content from ${new Date(state.stale).toISOString()}`;
  const headers = { "Content-Type": "application/json" };
  if (secret) headers["X-Kiosk-Secret"] = secret;
  try {
    const response = await fetch(config.heartbeatUrl, { method: "POST", headers, body: JSON.stringify({ status }) });
    // Read every answer, a refusal's too, so the request ends (the browser keeps an unread one open).
    const answer = await response.json().catch(() => null);
    // For whoever looks at the display with developer tools: "ok", or the refusal's status
    // (403: no or a wrong secret, 429: too many heartbeats) and its error code.
    root.dataset.heartbeat = response.ok ? "ok" : `${response.status} ${answer?.error?.code || ""}`.trim();
    if (response.ok && answer) {
      const changed = JSON.stringify(answer.announcement) !== JSON.stringify(config.announcement);
      config.announcement = answer.announcement;
      if (changed) render();
    }
  } catch {
    // The next heartbeat tries again; the admin shows the screen as offline meanwhile.
  }
}

for (const type of ["pointerdown", "keydown", "touchstart", "wheel"]) {
  document.addEventListener(type, resetIdleTimer, { passive: true, capture: true });
}
window.addEventListener("online", () => refresh());
setInterval(() => {
  // The clock and the content's age move on; refresh content on schedule when live.
  if (state.stale === null && state.view.name === "start") refresh();
  else render();
}, config.refreshSeconds * 1000);
setInterval(() => {
  const clock = root.querySelector(".clock");
  if (clock) clock.textContent = fmt.clock(state.locale, new Date());
  const offline = root.querySelector(".offline");
  if (offline && state.stale !== null) offline.textContent = strings().offline.replace("%(age)s", fmt.age(strings(), state.stale));
}, 30000);
setInterval(heartbeat, config.heartbeatSeconds * 1000);

// The service worker keeps the page and its modules, so a reload without network starts
// the screen from its copy (sw.js). Browsers offer it only over HTTPS or on localhost.
function keepForOffline() {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register(config.serviceWorkerUrl, { scope: config.scope }).then(
    () => (root.dataset.offlineReady = "true"),
    () => (root.dataset.offlineReady = "false"),
  );
}

resetIdleTimer();
render();
refresh().then(heartbeat);
keepForOffline();
