/** Apps Script's refusal of an argument over a documented size limit (CacheService, PropertiesService). */
export function argumentTooLarge(name: string): Error {
  return new Error(`Argument too large: ${name}`);
}

/** `String(value)`, refused as too large when its UTF-8 form is over `maxBytes`. */
export function stringWithinBytes(value: unknown, maxBytes: number, name: string): string {
  const text = String(value);
  if (Buffer.byteLength(text, 'utf8') > maxBytes) throw argumentTooLarge(name);
  return text;
}
