// What a reader at the kiosk needs to go to a counselling service: when it is open (per
// place and weekday, with closures), when it opens next, how to reach it and in which
// languages. Headings and labels in the screen's language; names in their own locale.
import { h } from "./dom.js";
import * as fmt from "./format.js";
import { inLocale, isolated, joined } from "./items.js";

function part(id, title, ...content) {
  return h("section", { class: "service-part", "aria-labelledby": id }, h("h3", { id }, title), ...content);
}

// "Montag 09:00–12:00": one opening, in the screen's language.
export function span(state, opens, closes) {
  return `${fmt.timeOfDay(state.locale, opens)}–${fmt.timeOfDay(state.locale, closes)}`;
}

// When it opens next, from the API's nextOpening: "Mo., 07.06., 09:00 · Stadtteilladen".
export function nextOpeningText(config, state, opening) {
  if (!opening) return null;
  return joined([isolated(config, fmt.weekdayTime(state.locale, opening.opens), state.locale), isolated(config, opening.place?.name, opening.place?.locale)]);
}

// The weekly hours, one table per place (intervals without a place first), a row per weekday.
function weeklyHours(config, state, weekly) {
  const byPlace = new Map();
  for (const interval of weekly) {
    const key = interval.place?.name ?? "";
    if (!byPlace.has(key)) byPlace.set(key, { place: interval.place, days: new Map() });
    const days = byPlace.get(key).days;
    if (!days.has(interval.weekday)) days.set(interval.weekday, []);
    days.get(interval.weekday).push(span(state, interval.opens, interval.closes));
  }
  const groups = [...byPlace.values()].sort((a, b) => Number(Boolean(a.place)) - Number(Boolean(b.place)));
  return groups.map(({ place, days }) =>
    h(
      "table",
      { class: "hours" },
      place ? h("caption", {}, isolated(config, place.name, place.locale)) : null,
      h(
        "tbody",
        {},
        [...days.entries()]
          .sort(([a], [b]) => a - b)
          .map(([weekday, spans]) => h("tr", {}, h("th", { scope: "row" }, fmt.weekdayName(state.locale, weekday)), h("td", {}, spans.join(", ")))),
      ),
    ),
  );
}

// Closures and special hours from today on.
function exceptions(config, state, strings, list, service) {
  const today = fmt.dayKey(new Date());
  const coming = list.filter((exception) => exception.endDate >= today);
  if (!coming.length) return null;
  return h(
    "ul",
    { class: "exceptions", role: "list" },
    coming.map((exception) => {
      const dates = exception.endDate === exception.startDate ? fmt.shortDate(state.locale, exception.startDate) : `${fmt.shortDate(state.locale, exception.startDate)}–${fmt.shortDate(state.locale, exception.endDate)}`;
      const hours = exception.closed || !exception.opens ? strings.closed : span(state, exception.opens, exception.closes);
      // The note is written with the service, in the service's locale.
      return h("li", {}, `${dates}: ${hours}`, exception.note ? [" ", h("bdi", inLocale(config, service.locale), `(${exception.note})`)] : null);
    }),
  );
}

function contact(strings, service) {
  // The service's own contacts, else its partner's.
  const phone = service.phone || service.provider?.phone;
  const email = service.email || service.provider?.email;
  const web = service.contactUrl || service.provider?.website;
  const rows = [
    [strings.phone, phone],
    [strings.email, email],
    [strings.web, web?.replace(/^https?:\/\//, "").replace(/\/$/, "")],
  ].filter(([, value]) => value);
  if (!rows.length) return null;
  // Numbers and addresses read left to right in any screen.
  return h("dl", { class: "contact" }, rows.map(([label, value]) => [h("dt", {}, label), h("dd", {}, h("bdi", { dir: "ltr" }, value))]));
}

function languages(config, service) {
  if (!service.languages?.length) return null;
  return h(
    "ul",
    { class: "spoken", role: "list" },
    service.languages.map((language) => h("li", {}, h("span", { lang: language.code, dir: config.directions?.[language.code] || "auto" }, language.nativeName))),
  );
}

function appointment(strings, service) {
  if (service.appointment === "REQUIRED") return h("p", { class: "appointment" }, strings.appointmentRequired);
  if (service.appointment === "RECOMMENDED") return h("p", { class: "appointment" }, strings.appointmentRecommended);
  return null;
}

// The parts below a service's summary, from the service query (queries.SERVICE_QUERY).
export function serviceDetails(config, state, strings, service) {
  const status = service.isOpenAt
    ? h("p", { class: "badge badge-open" }, strings.openNow)
    : service.nextOpening
      ? h("p", { class: "badge" }, `${strings.opensNext}: `, nextOpeningText(config, state, service.nextOpening))
      : null;
  const weekly = service.openingHours?.weekly || [];
  const hours = weekly.length ? part("hours-heading", strings.openingHours, weeklyHours(config, state, weekly), exceptions(config, state, strings, service.openingHours.exceptions || [], service), appointment(strings, service)) : appointment(strings, service);
  const reach = contact(strings, service);
  const spoken = languages(config, service);
  return [
    status,
    hours,
    reach ? part("contact-heading", strings.contact, reach) : null,
    spoken ? part("languages-spoken-heading", strings.languagesSpoken, spoken) : null,
  ];
}
