// Dates, times and ages in the reader's language, always in Leipzig time.
const TIME_ZONE = "Europe/Berlin";

function formatter(locale, options) {
  try {
    return new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, ...options });
  } catch {
    return new Intl.DateTimeFormat("de", { timeZone: TIME_ZONE, ...options });
  }
}

export function dayKey(date) {
  return formatter("en-CA", { year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
}

export function time(locale, value) {
  return formatter(locale, { hour: "2-digit", minute: "2-digit" }).format(new Date(value));
}

export function date(locale, value) {
  return formatter(locale, { day: "numeric", month: "long", year: "numeric" }).format(new Date(value));
}

export function weekdayTime(locale, value) {
  return formatter(locale, { weekday: "short", day: "numeric", month: "numeric", hour: "2-digit", minute: "2-digit" }).format(new Date(value));
}

// A weekday by its ISO number (1 = Monday), e.g. "Montag", "الاثنين".
export function weekdayName(locale, isoWeekday) {
  // 1 January 2024 was a Monday; noon, so that no time zone moves it to another day.
  return formatter(locale, { weekday: "long" }).format(new Date(Date.UTC(2024, 0, isoWeekday, 12)));
}

// A time of day from the API ("09:00:00"), as the reader's language writes it.
export function timeOfDay(locale, value) {
  const [hours, minutes] = value.split(":").map(Number);
  return formatter(locale, { hour: "2-digit", minute: "2-digit", timeZone: "UTC" }).format(new Date(Date.UTC(2024, 0, 1, hours, minutes)));
}

// A calendar date from the API ("2026-12-24"), short: "24. Dez.".
export function shortDate(locale, value) {
  return formatter(locale, { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${value}T12:00:00Z`));
}

export function clock(locale, date) {
  return formatter(locale, { weekday: "long", hour: "2-digit", minute: "2-digit" }).format(date);
}

export function age(strings, savedAt, now = Date.now()) {
  const minutes = Math.max(1, Math.round((now - savedAt) / 60000));
  if (minutes < 120) return strings.minutes.replace("%(n)s", minutes);
  return strings.hours.replace("%(n)s", Math.round(minutes / 60));
}

// Midnight today in the kiosk's clock, and the moment rounded down to five minutes, so
// that every kiosk sends the same GET URL for a while and shared caches can answer.
export function windows(now = new Date()) {
  const rounded = new Date(Math.floor(now.getTime() / 300000) * 300000);
  const from = new Date(now);
  from.setHours(0, 0, 0, 0);
  const to = new Date(from.getTime() + 7 * 24 * 3600 * 1000);
  return { now: rounded.toISOString(), from: from.toISOString(), to: to.toISOString() };
}
