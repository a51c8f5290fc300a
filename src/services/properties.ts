/**
 * Small JSON records in the document's properties (shared by everyone using this workbook's
 * Pokke). A value that no longer parses reads as missing rather than breaking the caller.
 */

export function readDocumentJson<T>(key: string): T | null {
  const raw = PropertiesService.getDocumentProperties().getProperty(key);
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

export function writeDocumentJson(key: string, value: unknown): void {
  PropertiesService.getDocumentProperties().setProperty(key, JSON.stringify(value));
}

export function deleteDocumentProperty(key: string): void {
  PropertiesService.getDocumentProperties().deleteProperty(key);
}
