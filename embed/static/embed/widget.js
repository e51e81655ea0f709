/*
 * Welcome Centre Leipzig: embeddable widget.
 *
 *   <script src="https://…/embed/widget.js" data-key="wk_…" data-partner="42"
 *           data-locale="de" data-show="services|events|guides|offers|requests" data-topic="wohnen"
 *           data-kind="housing" async></script>
 *
 * Renders into a shadow root placed where the script tag stands (or into the element
 * named by data-target), so the partner's styles and ours never mix. Theme it from the
 * partner's stylesheet with custom properties on the host element, e.g.
 *   welcome-widget { --welcome-accent: #7a1f5c; --welcome-font: Georgia, serif; }
 * data-partner is the partner's id (the admin shows a ready snippet when it issues a key).
 * data-kind narrows help offers and requests to one kind (donation, volunteering, mentoring,
 * tandem, housing, job, apprenticeship, internship, room); they link to the website, where
 * readers answer through a form (the widget never shows or asks for contact details).
 * The key travels as the `key` query parameter of GET requests: no custom header, so no
 * CORS preflight, and responses stay cacheable. Each service, event and guide has "Was
 * this helpful? Yes / No" (the API's rateItem, POSTed with the key as X-Api-Key, counted
 * against the key's hourly limit); mistakes are reported on the item's page of the website.
 */
(function () {
  "use strict";

  var SITE_URL = __WELCOME_SITE_URL__;
  var STRINGS = __WELCOME_STRINGS__;
  // Locales written right to left: the widget's direction is set before anything is shown,
  // so "loading" and "unavailable" read correctly in Arabic, Farsi, Dari and Pashto too.
  var RTL = __WELCOME_RTL__;
  var script = document.currentScript;
  if (!script) return;
  var apiUrl = new URL("/graphql/", script.src).href;
  var options = {
    key: script.dataset.key || "",
    partner: script.dataset.partner || null,
    topic: script.dataset.topic || null,
    kind: script.dataset.kind ? script.dataset.kind.toUpperCase() : null,
    locale: script.dataset.locale || "de",
    show: (script.dataset.show || "events").split("|").filter(function (part) {
      return ["services", "events", "guides", "offers", "requests"].indexOf(part) !== -1;
    }),
    first: Math.min(parseInt(script.dataset.first || "10", 10) || 10, 50),
  };

  var CSS = [
    ":host { all: initial; display: block; contain: content;",
    "  --_accent: var(--welcome-accent, #0b4f8a); --_text: var(--welcome-text, #14171a);",
    "  --_muted: var(--welcome-muted, #4a5159); --_bg: var(--welcome-background, #ffffff);",
    "  --_border: var(--welcome-border, #c5ccd3); --_radius: var(--welcome-radius, 8px);",
    "  font-family: var(--welcome-font, system-ui, sans-serif); font-size: var(--welcome-font-size, 1rem);",
    "  color: var(--_text); background: var(--_bg); line-height: 1.5; }",
    ".widget { border: 1px solid var(--_border); border-radius: var(--_radius); padding: 1rem 1.25rem; }",
    "h2 { font-size: 1.25em; margin: 0 0 0.5em; color: var(--_text); }",
    "ul { list-style: none; margin: 0 0 1em; padding: 0; }",
    "li { padding-block: 0.5em; border-block-end: 1px solid var(--_border); }",
    "li:last-child { border-block-end: 0; }",
    "a { color: var(--_accent); font-weight: 600; text-decoration: underline; text-underline-offset: 0.15em; }",
    "a:focus-visible { outline: 3px solid var(--_accent); outline-offset: 2px; border-radius: 2px; }",
    ".meta, .summary { display: block; color: var(--_muted); font-size: 0.9em; }",
    ".machine, .outdated { display: block; font-size: 0.85em; font-style: italic; }",
    ".note { color: var(--_muted); margin: 0 0 1em; }",
    ".source { color: var(--_muted); font-size: 0.8em; margin: 0; }",
    ".feedback { display: block; font-size: 0.85em; color: var(--_muted); margin-block-start: 0.25em; }",
    ".feedback button { font: inherit; color: var(--_accent); background: none; border: 1px solid var(--_border);",
    "  border-radius: var(--_radius); padding: 0.1em 0.6em; margin-inline-start: 0.4em; cursor: pointer; }",
    ".feedback button:focus-visible { outline: 3px solid var(--_accent); outline-offset: 2px; }",
  ].join("\n");

  var FIELDS = "id title summary urlPath locale machineTranslated translationState { outdated sourceUpdatedAt }";
  var RATE_ITEM = "mutation WidgetRateItem($id: ID!, $helpful: Boolean!, $language: String) {\n  rateItem(id: $id, helpful: $helpful, language: $language) { received }\n}";
  var VARIABLES = { locale: "String", partner: "ID", topic: "String", kind: "ListingKind", from: "DateTime", first: "Int" };
  var LISTING_FIELDS = "id title description locale machineTranslated";
  var PARTS = {
    services: function () {
      return "services(locale: $locale, partner: $partner, topic: $topic, first: $first) { edges { node { " + FIELDS + " places { name locale } } } }";
    },
    events: function () {
      return "events(locale: $locale, partner: $partner, topic: $topic, from: $from, first: $first) { edges { node { start end event { " + FIELDS + " place { name locale } onlineUrl } } } }";
    },
    guides: function () {
      return "guides(locale: $locale, topic: $topic, first: $first) { edges { node { " + FIELDS + " } } }";
    },
    offers: function () {
      return "offers(locale: $locale, topic: $topic, kind: $kind, first: $first) { edges { node { " + LISTING_FIELDS + " } } }";
    },
    requests: function () {
      return "requests(locale: $locale, topic: $topic, kind: $kind, first: $first) { edges { node { " + LISTING_FIELDS + " } } }";
    },
  };

  function direction(locale) {
    return RTL.indexOf(locale) >= 0 ? "rtl" : "ltr";
  }

  // Attributes of an element whose text is in ``locale``: an element with ``dir`` is also
  // isolated from the text around it, so a German title in an Arabic widget keeps its full
  // stop at its end.
  function inLocale(locale) {
    return { lang: locale, dir: direction(locale) };
  }

  // A name from another item (a place) inside a line of the widget's language.
  function isolated(text, locale) {
    return el("bdi", locale ? inLocale(locale) : { dir: "auto" }, [text]);
  }

  function t(key) {
    return (STRINGS[options.locale] || STRINGS.de)[key];
  }

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (attributes[name] !== null && attributes[name] !== undefined) node.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
    });
    return node;
  }

  function when(start, end) {
    try {
      var format = new Intl.DateTimeFormat(options.locale, {
        timeZone: "Europe/Berlin", weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit",
      });
      return format.formatRange ? format.formatRange(new Date(start), new Date(end)) : format.format(new Date(start));
    } catch (error) {
      return new Date(start).toLocaleString();
    }
  }

  function link(item) {
    return SITE_URL + "/" + item.locale + item.urlPath;
  }

  // A help offer or request opens on the website in the reader's language (where its text
  // may still be in the submitter's): its page finds it by the id of any translation.
  function listingLink(item) {
    return SITE_URL + "/" + options.locale + "/offers/" + encodeURIComponent(item.id) + "/";
  }

  function shortened(text, length) {
    return text && text.length > length ? text.slice(0, length - 1) + "…" : text;
  }

  function day(value) {
    try {
      return new Intl.DateTimeFormat(options.locale, { timeZone: "Europe/Berlin", day: "numeric", month: "long", year: "numeric" }).format(new Date(value));
    } catch (error) {
      return new Date(value).toLocaleDateString();
    }
  }

  // A translation older than the German text says so, in the reader's language.
  function outdated(item) {
    var state = item.translationState;
    if (!state || !state.outdated || !state.sourceUpdatedAt) return null;
    return el("span", { class: "outdated", role: "note", lang: options.locale, dir: direction(options.locale) }, [t("sourceUpdated").replace("%(date)s", day(state.sourceUpdatedAt))]);
  }

  // Machine output that no person has checked yet says so, in the reader's language.
  function machine(item) {
    if (!item.machineTranslated) return null;
    return el("span", { class: "machine", role: "note", lang: options.locale, dir: direction(options.locale) }, [t("machineNotice")]);
  }

  // The rating, POSTed with the key in its header (the API takes ``key=`` on GET only; a
  // mutation is never cached, so the preflight costs nothing worth keeping); then thanks.
  function rate(item, helpful, line) {
    var headers = { Accept: "application/json", "Content-Type": "application/json" };
    if (options.key) headers["X-Api-Key"] = options.key;
    var body = JSON.stringify({ query: RATE_ITEM, variables: { id: item.id, helpful: helpful, language: options.locale } });
    Array.prototype.forEach.call(line.querySelectorAll("button"), function (button) { button.disabled = true; });
    fetch(apiUrl, { method: "POST", credentials: "omit", headers: headers, body: body })
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        if (!answer || answer.errors) throw new Error("refused");
        line.replaceChildren(t("feedbackThanks"));
        line.setAttribute("data-state", "sent");
      })
      .catch(function () {
        line.replaceChildren(t("feedbackFailed"));
        line.setAttribute("data-state", "failed");
      });
  }

  // "Was this helpful? Yes / No", in the reader's language. A mistake is reported on the
  // website (the item's link), whose form has room to write.
  function feedback(item) {
    var line = el("span", { class: "feedback", "aria-live": "polite", lang: options.locale, dir: direction(options.locale) }, []);
    var yes = el("button", { type: "button", "data-helpful": "yes" }, [t("helpfulYes")]);
    var no = el("button", { type: "button", "data-helpful": "no" }, [t("helpfulNo")]);
    yes.addEventListener("click", function () { rate(item, true, line); });
    no.addEventListener("click", function () { rate(item, false, line); });
    line.append(t("helpfulQuestion"), yes, no);
    return line;
  }

  // One item: the list entry is in the item's own language and direction (a German
  // fallback in an Arabic list reads left to right); what the widget says about it (dates,
  // notices) is in the reader's.
  function entry(item, meta, href, summary) {
    summary = summary === undefined ? item.summary : summary;
    return el("li", inLocale(item.locale), [
      el("a", { href: href || link(item), target: "_blank", rel: "noopener" }, [item.title]),
      meta && meta.length ? el("span", { class: "meta" }, meta) : null,
      summary ? el("span", { class: "summary" }, [summary]) : null,
      machine(item),
      outdated(item),
      href ? null : feedback(item), // not for help offers and requests: those are not our items
    ]);
  }

  // The parts of a meta line, joined by " · ".
  function joined(parts) {
    var result = [];
    parts.forEach(function (part) {
      if (!part) return;
      if (result.length) result.push(" · ");
      result.push(part);
    });
    return result;
  }

  function section(name, nodes) {
    var id = "welcome-" + name;
    var items = nodes.map(function (node) {
      if (name === "events") {
        var event = node.event;
        var where = event.place ? isolated(event.place.name, event.place.locale) : event.onlineUrl ? isolated(t("online"), options.locale) : null;
        return entry(event, joined([isolated(when(node.start, node.end), options.locale), where]));
      }
      if (name === "offers" || name === "requests") {
        return entry(node, null, listingLink(node), shortened(node.description, 160));
      }
      var place = name === "services" && node.places && node.places[0];
      return entry(node, joined([place ? isolated(place.name, place.locale) : null]));
    });
    var heading = t(name);
    if (name === "offers" || name === "requests") {
      // The whole list, with the forms to offer or ask, is on the website.
      heading = el("a", { href: SITE_URL + "/" + options.locale + "/" + name + "/", target: "_blank", rel: "noopener" }, [heading]);
    }
    return el("section", { "aria-labelledby": id }, [
      el("h2", { id: id }, [heading]),
      items.length ? el("ul", {}, items) : el("p", { class: "note" }, [t("empty")]),
    ]);
  }

  function mount() {
    var host;
    if (script.dataset.target) host = document.querySelector(script.dataset.target);
    if (!host) {
      host = document.createElement("welcome-widget");
      script.parentNode.insertBefore(host, script.nextSibling);
    }
    host.setAttribute("lang", options.locale);
    host.setAttribute("dir", direction(options.locale));
    var shadow = host.attachShadow({ mode: "open" });
    var style = document.createElement("style");
    style.textContent = CSS;
    var box = el("div", { class: "widget", "data-state": "loading", "aria-busy": "true" }, [
      el("p", { class: "note" }, [t("loading")]),
    ]);
    shadow.append(style, box);
    return { host: host, box: box };
  }

  function sha256(text) {
    if (!(window.crypto && crypto.subtle && window.TextEncoder)) return Promise.resolve(null);
    return crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)).then(function (buffer) {
      return Array.prototype.map.call(new Uint8Array(buffer), function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
    });
  }

  // A persisted query: the document's hash alone first (a short GET URL that caches keep),
  // the document itself only when the API does not know the hash yet. Without WebCrypto
  // (a page not served over HTTPS) the document goes along at once.
  function ask(query, variables) {
    return sha256(query).then(function (hash) {
      function get(withDocument) {
        var params = new URLSearchParams({ variables: JSON.stringify(variables) });
        if (hash) params.set("extensions", JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }));
        if (withDocument || !hash) params.set("query", query);
        if (options.key) params.set("key", options.key);
        return fetch(apiUrl + "?" + params.toString(), { credentials: "omit", headers: { Accept: "application/json" } })
          .then(function (response) {
            return response.json().catch(function () { return null; }).then(function (body) { return { response: response, body: body }; });
          });
      }
      return get(false).then(function (result) {
        var errors = result.body && result.body.errors;
        if (hash && errors && errors[0] && errors[0].message === "PersistedQueryNotFound") return get(true);
        return result;
      });
    });
  }

  function load(view) {
    var parts = options.show.map(function (name) { return PARTS[name](); });
    // ``from`` to the hour: every reader within the hour asks the same, cacheable question.
    var hour = new Date();
    hour.setMinutes(0, 0, 0);
    var values = { locale: options.locale, partner: options.partner, topic: options.topic, kind: options.kind, from: hour.toISOString(), first: options.first };
    // Only the variables the chosen parts use: GraphQL refuses a document that declares
    // one it never uses ($from without events, $partner with guides alone).
    var declared = [], variables = {};
    Object.keys(VARIABLES).forEach(function (name) {
      if (!new RegExp("\\$" + name + "\\b").test(parts.join(" "))) return;
      declared.push("$" + name + ": " + VARIABLES[name]);
      variables[name] = values[name];
    });
    var query = "query Widget(" + declared.join(", ") + ") {\n" + "locales { code direction }\n" + parts.join("\n") + "\n}";
    return ask(query, variables)
      .then(function (result) {
        var response = result.response, body = result.body;
        if (!response.ok || !body || !body.data) throw new Error((body && body.errors && body.errors[0] && body.errors[0].message) || response.status);
        return body.data;
      })
      .then(function (data) {
        var locale = (data.locales || []).filter(function (l) { return l.code === options.locale; })[0];
        view.host.setAttribute("lang", options.locale);
        view.host.setAttribute("dir", locale && locale.direction === "RTL" ? "rtl" : "ltr");
        var sections = options.show.map(function (name) {
          return section(name, ((data[name] && data[name].edges) || []).map(function (edge) { return edge.node; }));
        });
        view.box.replaceChildren.apply(view.box, sections.concat([el("p", { class: "source" }, [t("source")])]));
        view.box.setAttribute("data-state", "ready");
        view.box.removeAttribute("aria-busy");
      })
      .catch(function () {
        view.box.replaceChildren(el("p", { class: "note", role: "status" }, [t("unavailable")]));
        view.box.setAttribute("data-state", "error");
        view.box.removeAttribute("aria-busy");
      });
  }

  load(mount());
})();
