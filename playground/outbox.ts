/**
 * What the bundle sent or saved, for people to look at: drafts and sent mail, and the files in
 * Drive. The playground's Outbox pane lists them (outboxView) and serves them (mailEml,
 * fileDownload, attachmentDownload); the CLI writes them to its output folder (exportOutbox).
 * Emulated PDFs become real ones (pdf.ts). Everything here reads the emulator's own records,
 * so looking at the outbox never counts as a service call.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { toEml } from '../emulator/eml';
import { htmlToText } from '../emulator/services/gmail/message';
import type { Workspace } from '../emulator/workspace';
import type { PdfRenderer } from './pdf';
import type { OutboxView } from './protocol';

const PREVIEW_CHARS = 400;
const PDF = 'application/pdf';

const isPdf = (contentType: string) => contentType.toLowerCase().split(';')[0]?.trim() === PDF;

export function outboxView(ws: Workspace): OutboxView {
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
        size: a.size,
        ...(isPdf(a.contentType) ? { href: `/api/mail/${id}/attachments/${i}.pdf` } : {}),
      })),
      emlHref: `/api/mail/${id}.eml`,
    };
  });
  const files = ws.DriveApp.allFiles().map((f) => ({
    id: f.id,
    name: f.name,
    path: f.path,
    mimeType: f.mimeType,
    size: f.size,
    trashed: f.trashed,
    ...(isPdf(f.mimeType) ? { href: `/api/files/${encodeURIComponent(f.id)}.pdf` } : {}),
  }));
  return { mails, files };
}

export interface Download {
  name: string;
  contentType: string;
  bytes: Buffer;
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
    (input.attachments ?? []).map(async (a) =>
      isPdf(a.contentType) ? { ...a, data: await pdf.realBytes(a.data) } : a,
    ),
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
  const bytes = isPdf(file.mimeType)
    ? await pdf.realBytes(file.blob.raw(), file.sourceHtml)
    : Buffer.from(file.blob.raw());
  return { name: file.name, contentType: file.mimeType, bytes };
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
  const bytes = isPdf(a.contentType)
    ? await pdf.realBytes(a.blob.raw(), a.sourceHtml)
    : Buffer.from(a.blob.raw());
  return { name: a.name, contentType: a.contentType, bytes };
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
    const bytes = isPdf(f.mimeType)
      ? await pdf.realBytes(f.blob.raw(), f.sourceHtml)
      : Buffer.from(f.blob.raw());
    out.files.push(write(outDir, relative(resolve(outDir), target), bytes));
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
