// The kiosk's GraphQL queries: one for the start screen, one for a guide, one for a
// service, one for a topic's guides, one for help offers and requests. Written against schema.graphql; change them together with it.

const GUIDE_CARD = `id title summary urlPath locale`;

// What a detail view says about an item's translation.
const TRANSLATION = `machineTranslated translationState { outdated sourceUpdatedAt }`;

const SERVICE_CARD = `id title summary urlPath locale ${TRANSLATION} provider { title locale } places { name street locale }`;

// Featured guides are fetched by id through aliases (g0, g1 …): the `guide` field
// resolves each to the reader's locale with the API's fallback.
function featuredGuides(ids) {
  return ids.map((id, index) => `g${index}: guide(id: ${JSON.stringify(id)}, locale: $locale) { ${GUIDE_CARD} }`).join("\n");
}

export function startQuery(guideIds) {
  return `query KioskStart($locale: String, $now: DateTime!, $from: DateTime!, $to: DateTime!, $near: NearInput!) {
  topics(locale: $locale) { slug name locale }
  guides(locale: $locale, first: 6) { edges { node { ${GUIDE_CARD} } } }
  ${featuredGuides(guideIds)}
  services(locale: $locale, openAt: $now, near: $near, first: 8) { edges { node { ${SERVICE_CARD} distanceKm } } }
  upcoming: services(locale: $locale, near: $near, first: 20) {
    edges { node { ${SERVICE_CARD} nextOpening(after: $now) { opens closes place { name locale } } } }
  }
  events(locale: $locale, from: $from, to: $to, first: 30) {
    edges { node { start end event { id title summary urlPath locale ${TRANSLATION} place { name street locale } onlineUrl } } }
  }
}`;
}

export const GUIDE_QUERY = `query KioskGuide($id: ID!, $locale: String) {
  guide(id: $id, locale: $locale) {
    id title summary urlPath locale lastReviewed machineTranslated translationState { outdated sourceUpdatedAt }
    body {
      __typename
      ... on ParagraphBlock { html }
      ... on HeadingBlock { text level }
      ... on StepsBlock { title steps { title html } }
      ... on ChecklistBlock { title items }
      ... on FaqBlock { title questions { question answerHtml } }
      ... on ExternalLinkBlock { url title description }
      ... on ImageBlock { altText decorative image { rendition(size: KIOSK) { url width height } } }
    }
  }
}`;

// A service's details: hours per place and weekday, closures, when it opens next, contacts
// and languages. $now is the start query's five-minute moment, so the URL stays cacheable.
export const SERVICE_QUERY = `query KioskService($id: ID!, $locale: String, $now: DateTime!) {
  service(id: $id, locale: $locale) {
    ${SERVICE_CARD} phone email contactUrl appointment isOpenAt(time: $now)
    provider { title locale phone email website }
    languages { code nativeName }
    openingHours { weekly { weekday opens closes place { name locale } } exceptions { startDate endDate closed opens closes note } }
    nextOpening(after: $now) { opens closes place { name locale } }
  }
}`;

// Help offers and requests, read only: the kiosk has no keyboard and asks nothing of the
// reader; each listing's QR code opens its page on the website, where one can answer.
const LISTING = `id title description locale machineTranslated endsAt`;

export const LISTINGS_QUERY = `query KioskListings($locale: String) {
  offers(locale: $locale, first: 20) { totalCount edges { node { ${LISTING} } } }
  requests(locale: $locale, first: 20) { totalCount edges { node { ${LISTING} } } }
}`;

export const TOPIC_QUERY = `query KioskTopic($locale: String, $topic: String!) {
  guides(locale: $locale, topic: $topic, first: 20) { edges { node { ${GUIDE_CARD} } } }
}`;

// Reader feedback on the item shown: a yes or no, or the fixed "something is wrong" report
// (a kiosk has no keyboard; config.mistakeText says where it came from).
export const RATE_ITEM = `mutation KioskRateItem($id: ID!, $helpful: Boolean!, $language: String) {
  rateItem(id: $id, helpful: $helpful, language: $language) { received }
}`;
export const REPORT_MISTAKE = `mutation KioskReportMistake($id: ID!, $text: String!, $language: String) {
  reportMistake(id: $id, text: $text, language: $language) { received }
}`;
