/**
 * A business mail from paragraphs of lines: the plain text and the same words as simple HTML.
 * Every line is escaped (a value from a cell can never become markup) and line breaks inside a
 * line are flattened, so the paragraph structure is the only structure.
 */
import { html } from './html';

export interface MailText {
  readonly text: string;
  readonly html: string;
}

/** The paragraphs, then `--` and the signature (its own line breaks kept as lines). */
export function mailText(paragraphs: readonly (readonly string[])[], signature: string): MailText {
  const signatureLines = signature.replace(/\r\n?/g, '\n').split('\n');
  const blocks = [...paragraphs, ['--', ...signatureLines]].map((lines) =>
    lines.map((l) => l.replace(/\r\n?|\n/g, ' ')),
  );
  const text = `${blocks.map((lines) => lines.join('\n')).join('\n\n')}\n`;
  const body = html`<div style="font-family:sans-serif;font-size:14px;line-height:1.7">${blocks.map(
    (lines) =>
      html`<p style="margin:0 0 1em 0">${lines.map((l, i) => html`${i > 0 && html`<br>`}${l}`)}</p>`,
  )}</div>`;
  return { text, html: body.value };
}
