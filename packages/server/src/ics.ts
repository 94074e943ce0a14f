/** iCalendar (RFC 5545) for events: one VEVENT per session, UTC times, escaped text, lines folded at 75 octets. */
import { pickText, type LocalizedText } from '@tandem/protocol';
import type { EventContent, EventRow, SessionRow } from './store/events.js';

/** TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 §3.3.11). */
export function escapeIcsText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line so no physical line passes 75 octets (§3.1), never splitting a UTF-8 character,
 * so Hmong diacritics and Arabic letters arrive intact.
 */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // Continuation lines start with a space, which counts toward their 75 octets.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** `20260312T220000Z`. */
export function icsUtc(iso: string): string {
  return new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export interface IcsEvent {
  row: EventRow;
  content: EventContent;
  sessions: readonly SessionRow[];
}

function text(value: LocalizedText | undefined, locale: string, defaultLocale: string): string {
  return value ? pickText(value, locale, defaultLocale).text : '';
}

export function eventToVevents(event: IcsEvent, locale: string, domain: string): string[] {
  const { row, content } = event;
  const lines: string[] = [];
  const summary = text(content.title, locale, row.default_locale);
  const description = [text(content.description, locale, row.default_locale), content.onlineUrl ?? ''].filter(Boolean).join('\n\n');
  const placeName = text(content.place?.name, locale, row.default_locale);
  const location = [placeName, content.place?.address ?? '', text(content.location, locale, row.default_locale)].filter(Boolean).join(', ');
  for (const session of event.sessions) {
    lines.push('BEGIN:VEVENT');
    lines.push(`UID:${row.id}.${session.id}@${domain}`);
    lines.push(`DTSTAMP:${icsUtc(row.updated_at)}`);
    lines.push(`DTSTART:${icsUtc(session.starts_at)}`);
    lines.push(`DTEND:${icsUtc(session.ends_at)}`);
    lines.push(`SUMMARY:${escapeIcsText(summary)}`);
    if (description) lines.push(`DESCRIPTION:${escapeIcsText(description)}`);
    if (location) lines.push(`LOCATION:${escapeIcsText(location)}`);
    if (content.onlineUrl) lines.push(`URL:${content.onlineUrl}`);
    lines.push(`STATUS:${row.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`);
    lines.push('END:VEVENT');
  }
  return lines;
}

/** A whole calendar: CRLF line endings, every line folded. */
export function calendarIcs(events: readonly IcsEvent[], options: { locale?: string; name?: string; domain?: string } = {}): string {
  const domain = options.domain ?? 'tandem.school';
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Tandem//Event RSVP//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (options.name) lines.push(`X-WR-CALNAME:${escapeIcsText(options.name)}`);
  for (const event of events) lines.push(...eventToVevents(event, options.locale ?? event.row.default_locale, domain));
  lines.push('END:VCALENDAR');
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}
