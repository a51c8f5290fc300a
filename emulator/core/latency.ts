/**
 * Modelled latency of Apps Script service calls, in milliseconds of virtual time.
 * This is the one place these figures live; see ../shared/docs/platform.md.
 *
 * Sources:
 *  [S1] moseskim/google-app-scripts-3rd (2016-02): 1,000 cells read+written one at a time ≈ 318 s,
 *       i.e. ≈ 160 ms per Sheets call; one getValues + one setValues of 1,000 cells ≈ 0.33 s.
 *  [S2] jpoehnelt.dev, apps-script-key-value-stores: PropertiesService get ≈ 30 ms, set ≈ 62 ms;
 *       CacheService get ≈ 3 ms, put ≈ 93 ms.
 *  [S3] ziritione.org apps_script_performance: flush() after each of 400 rows ≈ 12 s (≈ 30 ms each).
 *  [A]  assumed: no published figure; a conservative round number. Verify on a real account.
 */
export interface LatencyRule {
  /** `Service.Class.method` with `*` as a wildcard for a whole segment. */
  readonly pattern: string;
  readonly ms: number;
  readonly source: 'S1' | 'S2' | 'S3' | 'A';
}

export const LATENCY_RULES: readonly LatencyRule[] = [
  // Builders and pure value objects run locally in the script runtime.
  { pattern: '*.*.new*', ms: 0, source: 'A' },
  // HTML → PDF conversion is a server round trip that renders a page; blobs are otherwise local.
  { pattern: '*.Blob.getAs', ms: 1500, source: 'A' },
  { pattern: '*.Blob.*', ms: 1, source: 'A' },
  { pattern: '*.GmailAttachment.*', ms: 1, source: 'A' },
  { pattern: 'SpreadsheetApp.DataValidationBuilder.*', ms: 0, source: 'A' },
  { pattern: 'SpreadsheetApp.DataValidation.*', ms: 0, source: 'A' },
  { pattern: 'SpreadsheetApp.*.flush', ms: 30, source: 'S3' },
  { pattern: 'SpreadsheetApp.*.*', ms: 160, source: 'S1' },
  { pattern: 'PropertiesService.Properties.get*', ms: 30, source: 'S2' },
  { pattern: 'PropertiesService.Properties.*', ms: 62, source: 'S2' },
  { pattern: 'PropertiesService.*.*', ms: 1, source: 'A' },
  { pattern: 'CacheService.Cache.get*', ms: 3, source: 'S2' },
  { pattern: 'CacheService.Cache.*', ms: 93, source: 'S2' },
  { pattern: 'CacheService.*.*', ms: 1, source: 'A' },
  { pattern: 'LockService.*.*', ms: 20, source: 'A' },
  { pattern: 'ScriptApp.*.*', ms: 50, source: 'A' },
  { pattern: 'Session.*.*', ms: 5, source: 'A' },
  { pattern: 'Utilities.*.sleep', ms: 0, source: 'A' }, // sleep advances the clock by its own argument
  { pattern: 'Utilities.*.*', ms: 1, source: 'A' },
  { pattern: 'HtmlService.*.*', ms: 5, source: 'A' },
  { pattern: 'GmailApp.*.*', ms: 200, source: 'A' },
  { pattern: 'MailApp.*.*', ms: 200, source: 'A' },
  { pattern: 'DriveApp.*.*', ms: 200, source: 'A' },
  { pattern: 'CalendarApp.*.*', ms: 200, source: 'A' },
  // Tasks advanced service (one REST round trip each): reads lighter than writes.
  { pattern: 'Tasks.*.get', ms: 150, source: 'A' },
  { pattern: 'Tasks.*.list', ms: 250, source: 'A' },
  { pattern: 'Tasks.*.*', ms: 200, source: 'A' },
  // Drive v3 and Gmail v1 advanced services: one REST round trip each, like Tasks; an upload
  // (Files.create with a PDF) and a draft with its attachment carry the bytes, so they cost more.
  { pattern: 'Drive.Files.list', ms: 250, source: 'A' },
  { pattern: 'Drive.Files.get', ms: 150, source: 'A' },
  { pattern: 'Drive.Files.create', ms: 400, source: 'A' },
  { pattern: 'Drive.*.*', ms: 200, source: 'A' },
  { pattern: 'Gmail.Users.*.get', ms: 150, source: 'A' },
  { pattern: 'Gmail.Users.*.list', ms: 250, source: 'A' },
  { pattern: 'Gmail.Users.*.*', ms: 400, source: 'A' },
  { pattern: 'Gmail.Users.getProfile', ms: 150, source: 'A' },
  { pattern: 'Gmail.*.*', ms: 200, source: 'A' },
  // Calendar v3 advanced service: one REST round trip each, like Tasks (assumed).
  { pattern: 'Calendar.*.get', ms: 150, source: 'A' },
  { pattern: 'Calendar.*.list', ms: 250, source: 'A' },
  { pattern: 'Calendar.Freebusy.query', ms: 250, source: 'A' },
  { pattern: 'Calendar.*.*', ms: 200, source: 'A' },
  { pattern: 'CardService.*.*', ms: 0, source: 'A' },
  { pattern: '*.*.*', ms: 10, source: 'A' },
];

function segmentMatches(pattern: string, value: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('*')) return value.startsWith(pattern.slice(0, -1));
  return pattern === value;
}

/** Latency for a call key `Service.Class.method` (first matching rule wins). */
export function latencyOf(key: string): number {
  const parts = key.split('.');
  // `SpreadsheetApp.getActive` is a method of the service object itself.
  if (parts.length === 2) parts.splice(1, 0, parts[0] ?? '');
  for (const rule of LATENCY_RULES) {
    const pat = rule.pattern.split('.');
    if (pat.length === parts.length && pat.every((p, i) => segmentMatches(p, parts[i] ?? ''))) {
      return rule.ms;
    }
  }
  return 0;
}
