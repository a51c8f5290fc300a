/**
 * What the bundle sent or saved, for people to look at: drafts and sent mail, and the files in
 * Drive. The playground's Outbox pane lists them (outboxView) and serves them (mailEml,
 * fileDownload, attachmentDownload); the CLI writes them to its output folder (exportOutbox).
 * Emulated PDFs become real ones (pdf.ts); without a browser to render them, a PDF is handed over
 * as the invoice's HTML with a one-line hint on top (`realFile`). Everything here reads the
 * emulator's own records, so looking at the outbox never counts as a service call.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { escapeHtml } from '../emulator/core/html-escape';
import { toEml } from '../emulator/eml';
import { emulatedPdfHtml } from '../emulator/services/blob';
import { htmlToText } from '../emulator/services/gmail/message';
import type { Workspace } from '../emulator/workspace';
import { inLang, type Lang, langOfLocale } from '../src/core/text';
import { type PdfRenderer, PdfUnavailable } from './pdf';
import type { OutboxView } from './protocol';

const PREVIEW_CHARS = 400;
const PDF = 'application/pdf';

const isPdf = (contentType: string) => contentType.toLowerCase().split(';')[0]?.trim() === PDF;
const isPlainText = (contentType: string) =>
  contentType.toLowerCase().split(';')[0]?.trim() === 'text/plain';
/** Lines shown of a text file: a transfer file of 9,999 payees is not read on screen. */
const MAX_TEXT_LINES = 200;

/**
 * A text file's lines as a person reads them: UTF-8 when the bytes are UTF-8, else Shift_JIS (the
 * encoding of a 全銀 総合振込 file, whose half-width kana are single bytes 0xA1–0xDF).
 */
export function textLines(bytes: Uint8Array): string[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('shift_jis').decode(bytes);
  }
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.slice(0, MAX_TEXT_LINES);
}

/**
 * The outbox as the page lists it. A PDF's size is the size of the real PDF once `pdf` rendered
 * it (null before: `pdfsPending` counts them, and the page asks POST /api/outbox/render).
 */
export function outboxView(ws: Workspace, lang: Lang, pdf?: PdfRenderer): OutboxView {
  let pending = 0;
  const sizeOf = (contentType: string, bytes: Uint8Array, sourceHtml?: string): number | null => {
    if (!isPdf(contentType)) return bytes.length;
    const html = sourceHtml ?? emulatedPdfHtml(bytes);
    if (html === undefined) return bytes.length;
    const size = pdf?.renderedSize(html);
    if (size !== undefined) return size;
    pending++;
    return null;
  };
  const mails = ws.GmailApp.outbox().map((m) => {
    const id = encodeURIComponent(m.messageId);
    const text = m.plainBody || (m.htmlBody ? htmlToText(m.htmlBody) : '');
    return {
      id: m.messageId,
      kind: m.kind,
      from: m.from,
      to: m.to,
      cc: m.cc,
      subject: m.subject,
      date: m.date.getTime(),
      preview: text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text,
      attachments: m.attachments.map((a, i) => ({
        name: a.name,
        contentType: a.contentType,
        size: sizeOf(a.contentType, a.blob.raw(), a.sourceHtml),
        ...(isPdf(a.contentType) ? { href: `/api/mail/${id}/attachments/${i}.pdf` } : {}),
      })),
      emlHref: `/api/mail/${id}.eml`,
    };
  });
  // The outbox is what Pokke made: the owner's own uploads (the demo bank CSV) stay out.
  const uploads = ws.DriveApp.store.userUploads;
  const files = ws.DriveApp.allFiles()
    .filter((f) => !uploads.has(f.id))
    .map((f) => ({
      id: f.id,
      name: f.name,
      path: f.path,
      mimeType: f.mimeType,
      size: sizeOf(f.mimeType, f.blob.raw(), f.sourceHtml),
      trashed: f.trashed,
      href: isPdf(f.mimeType)
        ? `/api/files/${encodeURIComponent(f.id)}.pdf`
        : `/api/files/${encodeURIComponent(f.id)}`,
      ...(isPlainText(f.mimeType) ? { lines: textLines(f.blob.raw()) } : {}),
    }));
  const view: OutboxView = { mails, files };
  if (pdf?.unavailable) view.pdfHint = inLang(pdf.unavailable, lang);
  else if (pending > 0) view.pdfsPending = pending;
  return view;
}

/** Renders every PDF of the outbox not rendered yet (so the page can show their real sizes). */
export async function renderOutboxPdfs(ws: Workspace, pdf: PdfRenderer): Promise<void> {
  const sources = [
    ...ws.DriveApp.allFiles().map((f) => ({
      type: f.mimeType,
      raw: f.blob.raw(),
      html: f.sourceHtml,
    })),
    ...ws.GmailApp.outbox().flatMap((m) =>
      m.attachments.map((a) => ({ type: a.contentType, raw: a.blob.raw(), html: a.sourceHtml })),
    ),
  ];
  for (const s of sources) {
    if (!isPdf(s.type)) continue;
    const html = s.html ?? emulatedPdfHtml(s.raw);
    if (html === undefined || pdf.renderedSize(html) !== undefined) continue;
    try {
      await pdf.render(html);
    } catch (e) {
      if (e instanceof PdfUnavailable) return;
      throw e;
    }
  }
}

export interface Download {
  name: string;
  contentType: string;
  bytes: Buffer;
  /** An invoice's HTML given instead of its PDF (no browser to render it). */
  htmlInsteadOfPdf?: true;
}

/** A mail as an .eml file, with emulated PDF attachments rendered for real; null if unknown. */
export async function mailEml(
  ws: Workspace,
  messageId: string,
  pdf: PdfRenderer,
): Promise<string | null> {
  const message = ws.GmailApp.box.messages.get(messageId);
  if (!message) return null;
  const input = message.emlInput();
  const attachments = await Promise.all(
    (input.attachments ?? []).map(async (a) => {
      if (!isPdf(a.contentType)) return a;
      const real = await realFile(
        a.name ?? 'attachment.pdf',
        a.contentType,
        a.data,
        undefined,
        pdf,
        langOfLocale(ws.user.locale),
      );
      return { ...a, name: real.name, contentType: real.contentType, data: real.bytes };
    }),
  );
  return toEml({ ...input, attachments, timeZone: input.timeZone ?? ws.timeZone });
}

/** A Drive file's bytes (a PDF rendered for real); null if there is no such file. */
export async function fileDownload(
  ws: Workspace,
  fileId: string,
  pdf: PdfRenderer,
): Promise<Download | null> {
  const file = ws.DriveApp.allFiles().find((f) => f.id === fileId);
  if (!file) return null;
  return realFile(
    file.name,
    file.mimeType,
    file.blob.raw(),
    file.sourceHtml,
    pdf,
    langOfLocale(ws.user.locale),
  );
}

/** The attachment `index` of a mail (a PDF rendered for real); null if there is none. */
export async function attachmentDownload(
  ws: Workspace,
  messageId: string,
  index: number,
  pdf: PdfRenderer,
): Promise<Download | null> {
  const mail = ws.GmailApp.outbox().find((m) => m.messageId === messageId);
  const a = mail?.attachments[index];
  if (!a) return null;
  return realFile(
    a.name,
    a.contentType,
    a.blob.raw(),
    a.sourceHtml,
    pdf,
    langOfLocale(ws.user.locale),
  );
}

/**
 * A file as a person gets it: an emulated PDF rendered for real; when no browser can render it,
 * the invoice's HTML (`.html`) with the renderer's one-line hint on top; other bytes unchanged.
 */
export async function realFile(
  name: string,
  contentType: string,
  raw: Uint8Array,
  sourceHtml: string | undefined,
  pdf: PdfRenderer,
  lang: Lang,
): Promise<Download> {
  if (!isPdf(contentType)) return { name, contentType, bytes: Buffer.from(raw) };
  try {
    return { name, contentType, bytes: await pdf.realBytes(raw, sourceHtml) };
  } catch (e) {
    const html = sourceHtml ?? emulatedPdfHtml(raw);
    if (!(e instanceof PdfUnavailable) || html === undefined) throw e;
    return {
      name: name.replace(/\.pdf$/i, '') + '.html',
      contentType: 'text/html; charset=utf-8',
      bytes: Buffer.from(withHint(html, inLang(e.hint, lang)), 'utf8'),
      htmlInsteadOfPdf: true,
    };
  }
}

/** The hint as a bar at the top of the page (escaped), the invoice below it unchanged. */
function withHint(html: string, hint: string): string {
  const bar = `<p data-pdf-hint style="margin:0 0 12px;padding:8px 12px;background:#fef7e0;border:1px solid #f9ab00;font:13px sans-serif">${escapeHtml(hint)}</p>`;
  const body = /<body(\s[^>]*)?>/i.exec(html);
  if (!body) return bar + html;
  const at = body.index + body[0].length;
  return html.slice(0, at) + bar + html.slice(at);
}

export interface ExportedOutbox {
  /** Paths relative to the output folder. */
  mails: string[];
  files: string[];
}

/**
 * Writes every draft and sent mail as `mail/NN-draft-<subject>.eml` and every Drive file (not
 * trashed) under `drive/<its Drive path>`, PDFs rendered for real.
 */
export async function exportOutbox(
  ws: Workspace,
  outDir: string,
  pdf: PdfRenderer,
): Promise<ExportedOutbox> {
  const out: ExportedOutbox = { mails: [], files: [] };
  const mails = ws.GmailApp.outbox();
  for (const [i, m] of mails.entries()) {
    const eml = await mailEml(ws, m.messageId, pdf);
    if (eml === null) continue;
    const name = `${String(i + 1).padStart(2, '0')}-${m.kind}-${safeName(m.subject || 'no-subject')}.eml`;
    out.mails.push(write(outDir, join('mail', name), eml));
  }
  const root = resolve(outDir, 'drive');
  for (const f of ws.DriveApp.allFiles()) {
    if (f.trashed) continue;
    const parts = f.path.split('/').map((p) => safeName(p || '_'));
    const target = resolve(root, ...parts);
    // Drive paths are names, not file-system paths: nothing may land outside drive/.
    if (!target.startsWith(root + sep)) continue;
    const real = await realFile(
      target,
      f.mimeType,
      f.blob.raw(),
      f.sourceHtml,
      pdf,
      langOfLocale(ws.user.locale),
    );
    out.files.push(write(outDir, relative(resolve(outDir), real.name), real.bytes));
  }
  return out;
}

function write(outDir: string, relPath: string, data: string | Buffer): string {
  const path = resolve(outDir, relPath);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
  return relPath.split(sep).join('/');
}

/** A file name any file system takes: no separators or reserved characters, not too long. */
export function safeName(name: string): string {
  const cleaned = [...name]
    .map((ch) => (ch.charCodeAt(0) < 0x20 || ch === '\u007f' ? '_' : ch))
    .join('')
    .replace(/[\\/:*?"<>|]/g, '_')
    .replace(/^\.+$/, '_')
    .trim();
  return (cleaned || '_').slice(0, 120);
}
