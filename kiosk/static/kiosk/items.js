// Text in an item's own locale. Each item says which locale it is really in (the API's
// `locale`): German fallback text in an Arabic screen is laid out left to right, so its
// full stop stays at its end, and an element with `dir` is isolated (unicode-bidi:
// isolate) from the right-to-left text around it.
import { h } from "./dom.js";

// The language and direction of text in a locale, as attributes of the element holding it.
export function inLocale(config, locale) {
  return { lang: locale, dir: config.directions?.[locale] || "auto" };
}

// A name from another item (a place, a partner) inside a line: isolated in its own locale.
export function isolated(config, text, locale) {
  return text ? h("bdi", locale ? inLocale(config, locale) : { dir: "auto" }, text) : null;
}

// Pieces joined by " · ", nulls left out.
export function joined(parts) {
  const present = parts.filter(Boolean);
  return present.flatMap((part, index) => (index ? [" · ", part] : [part]));
}
