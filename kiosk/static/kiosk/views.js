// Rendering of the kiosk's views. Each function returns a DOM node; main.js decides
// which one to show. Every control is a real <button>, large enough to touch.
import { h, safeHtml } from "./dom.js";
import * as fmt from "./format.js";
import { inLocale, isolated, joined } from "./items.js";
import { nextOpeningText, serviceDetails } from "./service.js";

const nodes = (connection) => (connection?.edges || []).map((edge) => edge.node);

// The item's page on the website in the screen's language (the website finds a page path
// in the reader's language and its fallbacks): a German item shown in Arabic opens in Arabic.
export function itemUrl(config, language, item) {
  return item?.urlPath ? `${config.siteUrl}/${language}${item.urlPath}` : null;
}

export function qr(config, language, strings, item) {
  const url = itemUrl(config, language, item);
  if (!url) return null;
  return h(
    "figure",
    { class: "qr" },
    h("img", { src: `${config.qrUrl}?${new URLSearchParams({ url })}`, alt: "", width: 220, height: 220 }),
    h("figcaption", {}, strings.scanToOpen),
  );
}

function section(id, title, ...content) {
  return h("section", { class: "panel", "aria-labelledby": id }, h("h2", { id }, title), ...content);
}

function languages(config, state, actions) {
  return h(
    "ul",
    { class: "languages", role: "list" },
    config.locales.map((entry) =>
      h(
        "li",
        {},
        h(
          "button",
          {
            type: "button",
            class: "language",
            lang: entry.code,
            dir: entry.direction,
            "aria-pressed": String(entry.code === state.locale),
            onclick: () => actions.setLocale(entry.code),
          },
          entry.name,
        ),
      ),
    ),
  );
}

function guideTiles(config, guides, actions) {
  return h(
    "ul",
    { class: "tiles", role: "list" },
    guides.map((guide) =>
      h(
        "li",
        {},
        h(
          "button",
          { type: "button", class: "tile tile-guide", ...inLocale(config, guide.locale), onclick: () => actions.openGuide(guide.id) },
          h("span", { class: "tile-title" }, guide.title),
          h("span", { class: "tile-text" }, guide.summary),
        ),
      ),
    ),
  );
}

// One item of a list: the button is the item's container, in the item's language and direction.
function itemButton(config, item, detail, onclick) {
  return h(
    "li",
    {},
    h(
      "button",
      { type: "button", class: "item", ...inLocale(config, item.locale), onclick },
      h("span", { class: "item-title" }, item.title),
      detail?.length ? h("span", { class: "item-detail" }, detail) : null,
    ),
  );
}

function serviceList(config, services, strings, actions) {
  return h(
    "ul",
    { class: "items", role: "list" },
    services.map((service) => {
      const place = service.places?.[0];
      const where = joined([isolated(config, service.provider?.title, service.provider?.locale), isolated(config, place?.name, place?.locale)]);
      return itemButton(config, service, where, () => actions.openItem({ kind: "service", ...service }));
    }),
  );
}

// How many services the "opening next" list shows when nothing nearby is open.
const OPENING_NEXT = 5;

// What is open now nearby; when nothing is, what opens next (soonest first) instead of an
// empty column.
function openNow(config, state, strings, actions, data) {
  const open = nodes(data.services);
  if (open.length) return serviceList(config, open, strings, actions);
  const next = nodes(data.upcoming)
    .filter((service) => service.nextOpening)
    .sort((a, b) => Date.parse(a.nextOpening.opens) - Date.parse(b.nextOpening.opens))
    .slice(0, OPENING_NEXT);
  return [
    h("p", { class: "empty" }, strings.noneOpen),
    next.length
      ? [
          h("h3", {}, strings.opensNext),
          h(
            "ul",
            { class: "items opening-next", role: "list" },
            next.map((service) => itemButton(config, service, nextOpeningText(config, state, service.nextOpening), () => actions.openItem({ kind: "service", ...service }))),
          ),
        ]
      : null,
  ];
}

function eventList(config, occurrences, state, strings, actions, withDay) {
  if (!occurrences.length) return h("p", { class: "empty" }, strings.noEvents);
  return h(
    "ul",
    { class: "items", role: "list" },
    occurrences.map(({ start, end, event }) => {
      const when = withDay ? fmt.weekdayTime(state.locale, start) : `${fmt.time(state.locale, start)}–${fmt.time(state.locale, end)}`;
      // The time and "online" are the screen's language, the place's name its own.
      const where = event.place ? isolated(config, event.place.name, event.place.locale) : event.onlineUrl ? isolated(config, strings.online, state.locale) : null;
      return itemButton(config, event, joined([isolated(config, when, state.locale), where]), () => actions.openItem({ kind: "event", start, end, ...event }));
    }),
  );
}

export function startView(config, state, strings, actions) {
  const data = state.start?.data || {};
  const featured = Object.keys(data).filter((key) => /^g\d+$/.test(key)).map((key) => data[key]).filter(Boolean);
  const guides = featured.length ? featured : nodes(data.guides);
  const topics = (data.topics || []).filter((topic) => !config.topics.length || config.topics.includes(topic.slug));
  const occurrences = nodes(data.events);
  const today = fmt.dayKey(new Date());
  const todays = occurrences.filter((o) => fmt.dayKey(new Date(o.start)) === today);
  const later = occurrences.filter((o) => fmt.dayKey(new Date(o.start)) !== today);

  return h(
    "div",
    { class: "start" },
    section("languages-heading", strings.chooseLanguage, languages(config, state, actions)),
    section(
      "topics-heading",
      strings.topics,
      h(
        "ul",
        { class: "tiles tiles-topics", role: "list" },
        topics.map((topic) =>
          h("li", {}, h("button", { type: "button", class: "tile tile-topic", ...inLocale(config, topic.locale), onclick: () => actions.openTopic(topic) }, topic.name)),
        ),
      ),
    ),
    h(
      "div",
      { class: "columns" },
      section("open-heading", strings.openNowNearby, openNow(config, state, strings, actions, data)),
      section(
        "events-heading",
        strings.events,
        h("h3", {}, strings.today),
        eventList(config, todays, state, strings, actions, false),
        h("h3", {}, strings.thisWeek),
        eventList(config, later, state, strings, actions, true),
      ),
    ),
    section("guides-heading", strings.guides, guideTiles(config, guides, actions)),
    section(
      "listings-heading",
      `${strings.offers} · ${strings.requests}`,
      h(
        "ul",
        { class: "tiles tiles-topics", role: "list" },
        ["offers", "requests"].map((direction) =>
          h("li", {}, h("button", { type: "button", class: "tile tile-listings", onclick: () => actions.openListings(direction) }, strings[direction])),
        ),
      ),
    ),
  );
}

// A listing's page on the website (found by the id of any translation), for its QR code.
function withPage(listing) {
  return { ...listing, urlPath: `/offers/${encodeURIComponent(listing.id)}/` };
}

function shortened(text, length) {
  return text && text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

// Help offers or requests: a list of buttons, each opening the listing with its QR code.
export function listingsView(config, state, strings, actions) {
  const direction = state.view.direction;
  const listings = nodes(state.listings?.data?.[direction]);
  return h(
    "div",
    { class: "detail" },
    h("h2", { class: "detail-title", tabindex: "-1" }, strings[direction]),
    listings.length
      ? h(
          "ul",
          { class: "items", role: "list" },
          listings.map((listing) =>
            itemButton(config, listing, [shortened(listing.description, 120)], () => actions.openListing(direction, listing)),
          ),
        )
      : h("p", { class: "empty" }, state.listings?.data ? strings.noListings : state.listings ? strings.unavailable : strings.loading),
  );
}

// One listing: its text as text, in its own language; to answer, the reader scans the code.
export function listingView(config, state, strings) {
  const listing = withPage(state.view.item);
  const text = inLocale(config, listing.locale);
  return h(
    "article",
    { class: "detail listing" },
    h(
      "div",
      { class: "detail-main" },
      h("h2", { class: "detail-title", tabindex: "-1", ...text }, listing.title),
      notices(state, strings, listing),
      h("p", { class: "lead listing-text", ...text }, listing.description),
    ),
    h("aside", { class: "detail-aside" }, qr(config, state.locale, strings, listing)),
  );
}

export function topicView(config, state, strings, actions) {
  const guides = nodes(state.topic?.data?.guides);
  return h(
    "div",
    { class: "detail" },
    h("h2", { class: "detail-title", tabindex: "-1", ...inLocale(config, state.view.topic.locale) }, state.view.topic.name),
    guides.length ? guideTiles(config, guides, actions) : h("p", { class: "empty" }, state.topic ? strings.unavailable : strings.loading),
  );
}

function block(item) {
  switch (item.__typename) {
    case "ParagraphBlock":
      return h("div", { class: "rich" }, safeHtml(item.html));
    case "HeadingBlock":
      return h(item.level === 3 ? "h4" : "h3", {}, item.text);
    case "StepsBlock":
      return h("div", { class: "steps" }, item.title && h("h3", {}, item.title), h("ol", {}, item.steps.map((step) => h("li", {}, h("strong", {}, step.title), h("div", { class: "rich" }, safeHtml(step.html))))));
    case "ChecklistBlock":
      return h("div", { class: "checklist" }, item.title && h("h3", {}, item.title), h("ul", {}, item.items.map((text) => h("li", {}, text))));
    case "FaqBlock":
      return h("div", { class: "faq" }, item.title && h("h3", {}, item.title), item.questions.map((q) => h("details", {}, h("summary", {}, q.question), h("div", { class: "rich" }, safeHtml(q.answerHtml)))));
    case "ExternalLinkBlock":
      return h("p", { class: "link" }, h("strong", {}, item.title), " ", item.description);
    case "ImageBlock": {
      const rendition = item.image?.rendition;
      return rendition ? h("img", { src: rendition.url, width: rendition.width, height: rendition.height, alt: item.decorative ? "" : item.altText, class: "block-image" }) : null;
    }
    default:
      return null;
  }
}

// A translation older than the German text says so, with the date of the German change.
function outdatedNotice(state, strings, item) {
  const translation = item.translationState;
  if (!translation?.outdated || !translation.sourceUpdatedAt) return null;
  return h("p", { class: "notice outdated", role: "note" }, strings.sourceUpdated.replace("%(date)s", fmt.date(state.locale, translation.sourceUpdatedAt)));
}

// Machine output that no person has checked yet says so (the API's machineTranslated).
function machineNotice(strings, item) {
  return item.machineTranslated ? h("p", { class: "notice machine", role: "note" }, strings.machineNotice) : null;
}

// What the reader should know about the text below: machine-translated, out of date.
function notices(state, strings, item) {
  return [machineNotice(strings, item), outdatedNotice(state, strings, item)];
}

// "Was this helpful?" under an item: three touch buttons, then thanks (state.feedback,
// by item id: "sent" or "failed"; cleared when the screen goes idle).
export function feedbackBar(state, strings, item, actions) {
  const sent = state.feedback?.[item.id];
  if (sent === "sent") return h("p", { class: "feedback feedback-thanks", role: "status" }, strings.feedbackThanks);
  return h(
    "section",
    { class: "feedback", "aria-label": strings.helpfulQuestion },
    h("span", { class: "feedback-question" }, strings.helpfulQuestion),
    h("button", { type: "button", class: "feedback-yes", onclick: () => actions.sendFeedback(item, "yes") }, strings.helpfulYes),
    h("button", { type: "button", class: "feedback-no", onclick: () => actions.sendFeedback(item, "no") }, strings.helpfulNo),
    h("button", { type: "button", class: "feedback-mistake", onclick: () => actions.sendFeedback(item, "mistake") }, strings.somethingWrong),
    sent === "failed" ? h("p", { class: "feedback-failed", role: "status" }, strings.feedbackFailed) : null,
  );
}

export function guideView(config, state, strings, actions) {
  const guide = state.guide?.data?.guide;
  if (!guide) return h("div", { class: "detail" }, h("p", { class: "empty" }, state.guide ? strings.unavailable : strings.loading));
  // The article is laid out in the screen's direction; the guide's own text (title,
  // summary, body) in the guide's locale, the notices about it in the screen's language.
  const text = inLocale(config, guide.locale);
  return h(
    "article",
    { class: "detail guide" },
    h(
      "div",
      { class: "detail-main" },
      h("h2", { class: "detail-title", tabindex: "-1", ...text }, guide.title),
      notices(state, strings, guide),
      h("p", { class: "lead", ...text }, guide.summary),
      h("div", { class: "body", ...text }, (guide.body || []).map(block)),
      feedbackBar(state, strings, guide, actions),
    ),
    h("aside", { class: "detail-aside" }, qr(config, state.locale, strings, guide)),
  );
}

// An event or a service. A service's details (hours, contacts, languages) come from its
// own query once it is loaded; until then (or offline without a copy) what the list knew.
export function itemView(config, state, strings, actions) {
  const service = state.view.item.kind === "service" ? state.service?.data?.service : null;
  const item = service ? { ...state.view.item, ...service } : state.view.item;
  const facts = [];
  if (item.kind === "event") facts.push(`${fmt.weekdayTime(state.locale, item.start)}–${fmt.time(state.locale, item.end)}`);
  const places = item.kind === "event" ? [item.place].filter(Boolean) : item.places || [];
  for (const place of places) facts.push(isolated(config, [place.name, place.street].filter(Boolean).join(", "), place.locale));
  if (item.provider?.title) facts.push(isolated(config, item.provider.title, item.provider.locale));
  const text = inLocale(config, item.locale);
  return h(
    "article",
    { class: "detail" },
    h(
      "div",
      { class: "detail-main" },
      h("h2", { class: "detail-title", tabindex: "-1", ...text }, item.title),
      notices(state, strings, item),
      h("ul", { class: "facts" }, facts.map((fact) => h("li", {}, fact))),
      h("p", { class: "lead", ...text }, item.summary),
      service ? serviceDetails(config, state, strings, service) : null,
      feedbackBar(state, strings, item, actions),
    ),
    h("aside", { class: "detail-aside" }, qr(config, state.locale, strings, item)),
  );
}
