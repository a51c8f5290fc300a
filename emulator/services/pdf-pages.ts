/**
 * How many A4 pages the emulator reckons a PDF made from this HTML has, for the modelled cost of
 * the conversion (core/latency.ts). The emulator renders nothing, so it counts lines instead:
 *
 * - a line is a table row (`<tr>`), a list item (`<li>`), a paragraph (`<p>`), a heading
 *   (`<h1>`…`<h6>`), a line break (`<br>`) or a line of preformatted text (`<pre>`);
 * - a page holds `LINES_PER_PAGE` of them (an invoice's rows at Pokke's 9–10 pt: the header
 *   tables and about 20 item lines fill the first page);
 * - each forced break (`page-break-before/after: always`, `break-before/after: page`) starts a
 *   new page besides.
 *
 * An assumption, like the conversion's cost itself: a one-line invoice is 1 page, a 100-line
 * one 4.
 */
export const LINES_PER_PAGE = 30;

const LINE_TAGS = /<(?:tr|li|p|h[1-6]|br)\b/gi;
const PRE_BLOCKS = /<pre\b[^>]*>([\s\S]*?)<\/pre\s*>/gi;
const FORCED_BREAKS =
  /(?:page-break-(?:before|after)\s*:\s*always|break-(?:before|after)\s*:\s*page)/gi;

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

export function estimatePdfPages(html: string): number {
  let lines = count(html, LINE_TAGS);
  for (const [, text] of html.matchAll(PRE_BLOCKS)) lines += (text ?? '').split('\n').length;
  return Math.max(1, Math.ceil(lines / LINES_PER_PAGE)) + count(html, FORCED_BREAKS);
}
