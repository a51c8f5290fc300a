/**
 * HTML escaping for every value that reaches a document Pokke writes (invoices, mail bodies,
 * previews). There is one escaper, `escapeHtml`; the `html` tagged template applies it to every
 * interpolated value unless the value is already `SafeHtml`, so escaping is the default and
 * forgetting it takes an explicit `trustedHtml(...)`.
 */

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

// C0 controls other than tab/newline/carriage return, DEL and C1 controls: never meaningful in a
// document, and some (U+0000) upset HTML converters.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * Text → HTML text: `& < > " '` become entities, control characters are dropped. Safe in element
 * content and in quoted attribute values. `null`/`undefined` give ''; other values go through
 * `String()` (a Date is not expected here: format it first).
 */
export function escapeHtml(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value)
    .replace(CONTROL, '')
    .replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** A fragment of HTML that is already safe (built by `html`, or literal markup from code). */
export class SafeHtml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

/** Marks markup written in code (never a value from a cell or a mail) as safe. */
export function trustedHtml(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

export type HtmlValue =
  | SafeHtml
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly HtmlValue[];

function piece(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(piece).join('');
  if (value === false || value === null || value === undefined) return '';
  return escapeHtml(value);
}

/**
 * Tagged template: the literal parts are trusted markup, every `${value}` is escaped unless it is
 * `SafeHtml`. Arrays are joined; `false`, `null` and `undefined` render nothing, so
 * `${cond && html`…`}` works.
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) {
    out += piece(values[i] as HtmlValue) + (strings[i + 1] ?? '');
  }
  return new SafeHtml(out);
}

/** Plain text with line breaks → escaped HTML with `<br>`. */
export function textToHtml(text: string): SafeHtml {
  return new SafeHtml(
    text
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((line) => escapeHtml(line))
      .join('<br>'),
  );
}
