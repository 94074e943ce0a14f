/** Demo events for MemoryBackend, dated from today so stories and tests never go stale. */
import type { MemoryEvent } from './memory-events.js';

const school = { id: 'lincoln-elementary', name: 'Lincoln Elementary' };
const DAY = 24 * 60 * 60 * 1000;

/** A session `days` from now at `hour`:`minute` UTC, lasting `minutes`. */
function session(id: string, days: number, hour: number, minute: number, minutes: number, capacity: number | null) {
  const start = new Date(Date.now() + days * DAY);
  start.setUTCHours(hour, minute, 0, 0);
  return { id, startsAt: start.toISOString(), endsAt: new Date(start.getTime() + minutes * 60_000).toISOString(), capacity };
}

/**
 * Fresh copies each call:
 * - `demo-event`: Family Math Night in two sessions, every need asked, en/es/hmn/ar;
 * - `full-event`: a workshop for 4 people (MemoryBackend.withDemoData fills it, so a new RSVP joins the waitlist);
 * - `cancelled-event` and `past-event`, for the closed states.
 */
export function demoEvents(): MemoryEvent[] {
  const mathNight: MemoryEvent = {
    id: 'demo-event',
    title: {
      en: 'Family Math Night',
      es: 'Noche de Matemáticas en Familia',
      hmn: 'Hmo Kawm Lej Ua Tsev Neeg',
      ar: 'أمسية الرياضيات العائلية',
    },
    description: {
      en: 'Play math games with your child, meet the teachers and take home free activity kits. Dinner is provided.',
      es: 'Jueguen juntos juegos de matemáticas, conozcan a los maestros y llévense kits de actividades gratis. Habrá cena.',
      hmn: 'Tuaj ua si kev ua lej nrog koj tus menyuam, ntsib cov xib fwb thiab nqa cov khoom ua si dawb mus tsev. Muaj hmo noj.',
      ar: 'العبوا ألعاب الرياضيات مع طفلكم، وتعرّفوا على المعلمين، وخذوا معكم أدوات أنشطة مجانية. العشاء مقدَّم.',
    },
    defaultLocale: 'en',
    locales: ['en', 'es', 'hmn', 'ar'],
    timeZone: 'America/Chicago',
    place: {
      name: { en: 'Lincoln Elementary gym', es: 'Gimnasio de Lincoln Elementary', hmn: 'Chav ua si ntawm Lincoln Elementary' },
      address: '1200 Lincoln Ave, Saint Paul, MN 55105',
      mapUrl: 'https://www.openstreetmap.org/search?query=1200%20Lincoln%20Ave%20Saint%20Paul',
    },
    onlineUrl: 'https://meet.example.org/lincoln-math-night',
    audience: { grades: ['K', '1', '2', '3', '4', '5'] },
    needsAsked: ['interpreter', 'childcare', 'transportation', 'accessibility'],
    status: 'published',
    school,
    sessions: [session('early', 14, 23, 0, 75, 40), session('late', 15, 0, 30, 75, 40)],
  };
  const workshop: MemoryEvent = {
    id: 'full-event',
    title: { en: 'Reading at home workshop', es: 'Taller: leer en casa' },
    defaultLocale: 'en',
    locales: ['en', 'es'],
    timeZone: 'America/Chicago',
    needsAsked: ['interpreter', 'childcare'],
    status: 'published',
    school,
    sessions: [session('only', 7, 18, 0, 60, 4)],
  };
  const cancelled: MemoryEvent = {
    ...structuredClone(workshop),
    id: 'cancelled-event',
    title: { en: 'Fall picnic', es: 'Pícnic de otoño' },
    status: 'cancelled',
    sessions: [session('only', 3, 17, 0, 120, null)],
  };
  const past: MemoryEvent = {
    ...structuredClone(workshop),
    id: 'past-event',
    title: { en: 'Back-to-school night', es: 'Noche de regreso a clases' },
    sessions: [session('only', -30, 23, 0, 90, null)],
  };
  return [mathNight, workshop, cancelled, past];
}
