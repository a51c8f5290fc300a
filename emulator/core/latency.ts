/**
 * Modelled latency of Apps Script service calls, in milliseconds of virtual time.
 * This is the one place these figures live; see ../shared/docs/platform.md ("What a service call
 * costs"). Every figure says where it comes from: a measurement (S1–S3) or an assumption (A).
 *
 * Sources:
 *  [S1] moseskim/google-app-scripts-3rd (2016-02): 1,000 cells read+written one at a time ≈ 318 s,
 *       i.e. ≈ 160 ms per Sheets call; one getValues + one setValues of 1,000 cells ≈ 0.33 s.
 *  [S2] jpoehnelt.dev, apps-script-key-value-stores: PropertiesService get ≈ 30 ms, set ≈ 62 ms;
 *       CacheService get ≈ 3 ms, put ≈ 93 ms.
 *  [S3] The flush() experiment platform.md cites (ziritione.org apps_script_performance; the
 *       Stack Overflow answer "What is faster: ScriptDb or SpreadsheetApp?", 400 rows × 10 cells):
 *       - one setValues of 4,000 cells < 50 ms; with one flush() after it 610 ms, so a flush of
 *         4,000 written cells ≈ 560 ms;
 *       - 400 rows written one by one 164 ms; with a flush() after each row ≈ 12 s, so a flush of
 *         10 written cells ≈ (12,000 − 164) / 400 ≈ 30 ms.
 *       A flush is therefore modelled as 28 ms plus 0.133 ms per cell written since the last
 *       flush (the line through both points: 10 cells ≈ 29 ms, 4,000 cells ≈ 560 ms).
 *  [A]  assumed: no published figure; a conservative round number. Verify on a real account.
 *       `npm run bench` lists the assumed figures a 1,004-invoice run relies on and how its
 *       invoices per execution move when they are all doubled (`assumedScale`).
 *
 * Costs that grow with the work a call carries (`perUnit`) are charged by the emulated service
 * itself through `Meter.chargeUnits`, since only it knows the amount: SpreadsheetApp.flush (cells
 * written since the last flush, see services/spreadsheet/app.ts) and Blob.getAs (pages of the PDF
 * beyond the first, see services/pdf-pages.ts).
 */
export type LatencySource = 'S1' | 'S2' | 'S3' | 'A';

/** A cost that grows with the work one call carries (cells flushed, pages rendered). */
export interface PerUnitLatency {
  readonly ms: number;
  /** What one unit is, as the bench prints it. */
  readonly unit: string;
  readonly source: LatencySource;
}

export interface LatencyRule {
  /** `Service.Class.method` with `*` as a wildcard for a whole segment (or a segment's tail). */
  readonly pattern: string;
  /** Cost of one call. */
  readonly ms: number;
  readonly source: LatencySource;
  readonly perUnit?: PerUnitLatency;
}

/** The rule of `SpreadsheetApp.flush()`: its per-unit cost is per cell written since the last flush. */
export const FLUSH_RULE = 'SpreadsheetApp.*.flush';
/** The rule of a conversion to PDF: its per-unit cost is per page after the first. */
export const PDF_CONVERSION_RULE = '*.Blob.getAs';
/** The rule of an upload: converting to a Google Doc adds a per-unit cost per page read (OCR). */
export const DOC_CONVERSION_RULE = 'Drive.Files.create';

export const LATENCY_RULES: readonly LatencyRule[] = [
  // Builders and pure value objects run locally in the script runtime.
  { pattern: '*.*.new*', ms: 0, source: 'A' },
  // HTML → PDF conversion is a server round trip that renders the document: the call carries
  // the first page, each further page adds its rendering. HtmlOutput.getAs converts its blob the
  // same way. (The Drive advanced service's conversion to a Google Doc is DOC_CONVERSION_RULE
  // below.) Blobs are otherwise local.
  {
    pattern: PDF_CONVERSION_RULE,
    ms: 1500,
    source: 'A',
    perUnit: { ms: 300, unit: 'PDF page after the first', source: 'A' },
  },
  { pattern: 'HtmlService.HtmlOutput.getAs', ms: 1500, source: 'A' },
  { pattern: '*.Blob.*', ms: 1, source: 'A' },
  { pattern: '*.GmailAttachment.*', ms: 1, source: 'A' },
  { pattern: 'SpreadsheetApp.DataValidationBuilder.*', ms: 0, source: 'A' },
  { pattern: 'SpreadsheetApp.DataValidation.*', ms: 0, source: 'A' },
  {
    pattern: FLUSH_RULE,
    ms: 28,
    source: 'S3',
    perUnit: { ms: 0.133, unit: 'cell written since the last flush', source: 'S3' },
  },
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
  // Getting a message (getMessageById, a thread's getMessages, a search) is the round trip that
  // brings its fields; its getters then read them locally, like a Blob's. The raw MIME text and
  // the attachments' bytes are assumed to be fetched on demand, each a round trip of its own.
  { pattern: 'GmailApp.GmailMessage.getRawContent', ms: 200, source: 'A' },
  { pattern: 'GmailApp.GmailMessage.getAttachments', ms: 200, source: 'A' },
  { pattern: 'GmailApp.GmailMessage.get*', ms: 1, source: 'A' },
  { pattern: 'GmailApp.GmailMessage.is*', ms: 1, source: 'A' },
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
  // Converting an upload to a Google Doc (files.create with the Docs mime type) reads each page,
  // with OCR for an image or a scan: 5 s a page, assumed. No published figure; Google's help
  // says the converted Doc opens after "a few seconds (longer for bigger documents)", and a
  // reported Apps Script pipeline spent 15–40 s per heavy multi-page PDF on OCR plus a model
  // call (stuzhuk.page/blog/ocr-api-ai). Tesseract needs about 2–4 s for a receipt photo on a
  // small machine. A one-page receipt thus costs ≈ 5.4 s, well inside a card's 30 s.
  {
    pattern: DOC_CONVERSION_RULE,
    ms: 400,
    source: 'A',
    perUnit: { ms: 5000, unit: 'page converted to a Google Doc (OCR)', source: 'A' },
  },
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
  // Sheets v4 advanced service: one REST round trip each. A values.batchGet brings several whole
  // tables at once, so it is assumed to cost two SpreadsheetApp reads (S1: 160 ms each); the
  // spreadsheet's metadata (sheet names, sizes, time zone) is lighter.
  { pattern: 'Sheets.Spreadsheets.Values.batchGet', ms: 320, source: 'A' },
  { pattern: 'Sheets.Spreadsheets.get', ms: 160, source: 'A' },
  { pattern: 'Sheets.*.*', ms: 200, source: 'A' },
  { pattern: 'Sheets.*.*.*', ms: 200, source: 'A' },
  { pattern: 'CardService.*.*', ms: 0, source: 'A' },
  // UrlFetchApp: one HTTPS round trip from Google's servers (Pokke fetches only Drive's export of
  // a small Doc); reading the response is local.
  { pattern: 'UrlFetchApp.UrlFetchApp.fetch', ms: 300, source: 'A' },
  { pattern: 'UrlFetchApp.*.*', ms: 0, source: 'A' },
  { pattern: '*.*.*', ms: 10, source: 'A' },
];

function segmentMatches(pattern: string, value: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('*')) return value.startsWith(pattern.slice(0, -1));
  return pattern === value;
}

/** The rule for a call key `Service.Class.method` (first matching rule wins). */
export function ruleOf(key: string): LatencyRule | undefined {
  const parts = key.split('.');
  // `SpreadsheetApp.getActive` is a method of the service object itself.
  if (parts.length === 2) parts.splice(1, 0, parts[0] ?? '');
  return LATENCY_RULES.find((rule) => {
    const pat = rule.pattern.split('.');
    return pat.length === parts.length && pat.every((p, i) => segmentMatches(p, parts[i] ?? ''));
  });
}

/** Latency of one call of `Service.Class.method`, as the table has it. */
export function latencyOf(key: string): number {
  return ruleOf(key)?.ms ?? 0;
}

export interface LatencyOptions {
  /**
   * Multiplies every assumed ('A') figure, call and per-unit costs alike; measured ones stay.
   * Only `npm run bench` sets it, to show how much its figures rest on the assumptions.
   */
  readonly assumedScale?: number;
}

/** The table as one workspace's meter applies it. */
export class LatencyModel {
  private readonly assumedScale: number;

  constructor(options: LatencyOptions = {}) {
    this.assumedScale = options.assumedScale ?? 1;
  }

  private scaled(ms: number, source: LatencySource): number {
    return source === 'A' ? ms * this.assumedScale : ms;
  }

  /** Cost of one call of `Service.Class.method`. */
  callMs(key: string): number {
    const rule = ruleOf(key);
    return rule ? this.scaled(rule.ms, rule.source) : 0;
  }

  /** Cost of `units` of work under the rule whose pattern is `pattern`, in whole milliseconds. */
  unitsMs(pattern: string, units: number): number {
    const perUnit = LATENCY_RULES.find((r) => r.pattern === pattern)?.perUnit;
    if (!perUnit) throw new Error(`No per-unit latency for ${pattern}`);
    return Math.round(this.scaled(perUnit.ms, perUnit.source) * units);
  }
}
