// Rendering of the kiosk's views. Each function returns a DOM node; main.js decides
// which one to show. Every control is a real <button>, large enough to touch.
import { h, safeHtml } from "./dom.js";
import * as fmt from "./format.js";

const nodes = (connection) => (connection?.edges || []).map((edge) => edge.node);

export function itemUrl(config, item) {
  return item?.urlPath ? `${config.siteUrl}/${item.locale}${item.urlPath}` : null;
}

export function qr(config, strings, item) {
  const url = itemUrl(config, item);
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

function guideTiles(guides, actions) {
  return h(
    "ul",
    { class: "tiles", role: "list" },
    guides.map((guide) =>
      h(
        "li",
        {},
        h(
          "button",
          { type: "button", class: "tile tile-guide", lang: guide.locale, onclick: () => actions.openGuide(guide.id) },
          h("span", { class: "tile-title" }, guide.title),
          h("span", { class: "tile-text" }, guide.summary),
        ),
      ),
    ),
  );
}

function itemButton(label, detail, onclick, lang) {
  return h(
    "li",
    {},
    h("button", { type: "button", class: "item", lang, onclick }, h("span", { class: "item-title" }, label), detail && h("span", { class: "item-detail" }, detail)),
  );
}

function serviceList(services, strings, actions) {
  if (!services.length) return h("p", { class: "empty" }, strings.noneOpen);
  return h(
    "ul",
    { class: "items", role: "list" },
    services.map((service) => {
      const where = [service.provider?.title, service.places?.[0]?.name].filter(Boolean).join(" · ");
      return itemButton(service.title, where, () => actions.openItem({ kind: "service", ...service }), service.locale);
    }),
  );
}

function eventList(occurrences, state, strings, actions, withDay) {
  if (!occurrences.length) return h("p", { class: "empty" }, strings.noEvents);
  return h(
    "ul",
    { class: "items", role: "list" },
    occurrences.map(({ start, end, event }) => {
      const when = withDay ? fmt.weekdayTime(state.locale, start) : `${fmt.time(state.locale, start)}–${fmt.time(state.locale, end)}`;
      const where = event.place?.name || (event.onlineUrl ? strings.online : "");
      return itemButton(event.title, [when, where].filter(Boolean).join(" · "), () => actions.openItem({ kind: "event", start, end, ...event }), event.locale);
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
          h("li", {}, h("button", { type: "button", class: "tile tile-topic", onclick: () => actions.openTopic(topic) }, topic.name)),
        ),
      ),
    ),
    h(
      "div",
      { class: "columns" },
      section("open-heading", strings.openNowNearby, serviceList(nodes(data.services), strings, actions)),
      section(
        "events-heading",
        strings.events,
        h("h3", {}, strings.today),
        eventList(todays, state, strings, actions, false),
        h("h3", {}, strings.thisWeek),
        eventList(later, state, strings, actions, true),
      ),
    ),
    section("guides-heading", strings.guides, guideTiles(guides, actions)),
  );
}

export function topicView(config, state, strings, actions) {
  const guides = nodes(state.topic?.data?.guides);
  return h(
    "div",
    { class: "detail" },
    h("h2", { class: "detail-title", tabindex: "-1" }, state.view.topic.name),
    guides.length ? guideTiles(guides, actions) : h("p", { class: "empty" }, state.topic ? strings.unavailable : strings.loading),
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

export function guideView(config, state, strings) {
  const guide = state.guide?.data?.guide;
  if (!guide) return h("div", { class: "detail" }, h("p", { class: "empty" }, state.guide ? strings.unavailable : strings.loading));
  return h(
    "article",
    { class: "detail guide", lang: guide.locale },
    h(
      "div",
      { class: "detail-main" },
      h("h2", { class: "detail-title", tabindex: "-1" }, guide.title),
      outdatedNotice(state, strings, guide),
      h("p", { class: "lead" }, guide.summary),
      (guide.body || []).map(block),
    ),
    h("aside", { class: "detail-aside" }, qr(config, strings, guide)),
  );
}

export function itemView(config, state, strings) {
  const item = state.view.item;
  const facts = [];
  if (item.kind === "event") facts.push(`${fmt.weekdayTime(state.locale, item.start)}–${fmt.time(state.locale, item.end)}`);
  const place = item.kind === "event" ? item.place : item.places?.[0];
  if (place) facts.push([place.name, place.street].filter(Boolean).join(", "));
  if (item.provider?.title) facts.push(item.provider.title);
  return h(
    "article",
    { class: "detail", lang: item.locale },
    h("div", { class: "detail-main" }, h("h2", { class: "detail-title", tabindex: "-1" }, item.title), h("ul", { class: "facts" }, facts.map((fact) => h("li", {}, fact))), h("p", { class: "lead" }, item.summary)),
    h("aside", { class: "detail-aside" }, qr(config, strings, item)),
  );
}
