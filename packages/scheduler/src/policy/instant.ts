/**
 * Milliseconds since the epoch of an ISO instant. A cycle reads the enqueue time of every queued
 * job, and `Date.parse` costs a few hundred nanoseconds each, so the store's own format
 * (`toISOString`: `2026-01-01T00:00:00.000Z`, or without the fraction) is read digit by digit;
 * anything else (offsets, longer fractions) goes to `Date.parse`.
 */
export function instantMs(iso: string): number {
  const length = iso.length;
  if ((length === 24 || length === 20) && iso.charCodeAt(length - 1) === Z && iso.charCodeAt(10) === T) {
    const ms = fastUtcMs(iso, length === 24);
    if (ms !== undefined) return ms;
  }
  return Date.parse(iso);
}

const Z = 90;
const T = 84;
const DASH = 45;
const COLON = 58;
const DOT = 46;

function fastUtcMs(iso: string, withMillis: boolean): number | undefined {
  if (
    iso.charCodeAt(4) !== DASH ||
    iso.charCodeAt(7) !== DASH ||
    iso.charCodeAt(13) !== COLON ||
    iso.charCodeAt(16) !== COLON
  ) {
    return undefined;
  }
  if (withMillis && iso.charCodeAt(19) !== DOT) return undefined;
  const year = digits(iso, 0, 4);
  const month = digits(iso, 5, 2);
  const day = digits(iso, 8, 2);
  const hour = digits(iso, 11, 2);
  const minute = digits(iso, 14, 2);
  const second = digits(iso, 17, 2);
  const millis = withMillis ? digits(iso, 20, 3) : 0;
  if (year < 0 || millis < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return undefined;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return undefined;
  return ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + millis;
}

function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function isoOf(ms: number): string {
  return new Date(ms).toISOString();
}
