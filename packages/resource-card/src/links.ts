/** Links a family can act on: call, text, open a map, visit a website. */
import type { ResourceLocation, ResourcePhone } from '@tandem/protocol';

/** `tel:` for calls (`sms:` for text lines); fax numbers get no link, since a phone cannot use them. */
export function phoneHref(phone: ResourcePhone): string | undefined {
  if (phone.type === 'fax') return undefined;
  const digits = phone.number.replace(/[^\d+]/g, '');
  return `${phone.type === 'text' ? 'sms' : 'tel'}:${digits}`;
}

/** One line of address, as a map search or a person reads it. */
export function addressLine(location: ResourceLocation): string {
  const cityLine = [location.city, [location.region, location.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return [location.address, cityLine].filter(Boolean).join(', ');
}

/** The resource's own map link, else an OpenStreetMap search for the address (no API key, no tracking script). */
export function mapHref(location: ResourceLocation): string {
  return location.mapUrl ?? `https://www.openstreetmap.org/search?query=${encodeURIComponent(addressLine(location))}`;
}

/** "food.example.org" for "https://food.example.org/": shorter to read aloud and fits a phone. */
export function siteName(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
}
