/**
 * `simulate expenses-import --receipt file.(pdf|png|jpg|eml)`: logs one receipt the way the Gmail
 * card does, through the same bundle functions: the file arrives in the emulated mailbox (an .eml
 * as the mail it is, with its body and attachments; a PDF or a photo attached to a mail titled
 * 「領収書 <file name>」), the contextual trigger opens its receipt card (read by Drive's emulated
 * OCR), and the card's 「経費に記録」 button is clicked with the fields as the card prefilled them.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import {
  buildActionEvent,
  buildGmailContextualEvent,
  initialFormValues,
  workspaceEventOptions,
} from '../emulator/addon-events';
import { runAddonTrigger } from '../emulator/addon-manifest';
import { listClickables } from '../emulator/card-render';
import {
  decodeHeaderWords,
  headerValue,
  isAttachment,
  leaves,
  parseMime,
  partFileName,
  partText,
} from '../emulator/mime';
import type { Bundle } from '../emulator/runtime';
import { type CardJson, cardTree } from '../emulator/services/card';
import type { IncomingMail } from '../emulator/services/gmail';
import { PokkeInputError } from './errors';

const TYPES: Readonly<Record<string, string>> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
};

/** The receipt file as a mail arriving in the mailbox. */
export function receiptAsMail(path: string): IncomingMail {
  const ext = extname(path).toLowerCase();
  let bytes: Buffer;
  try {
    if (!statSync(path).isFile()) throw new Error('not a file');
    bytes = readFileSync(path);
  } catch {
    throw new PokkeInputError(
      `--receipt のファイルを読めません: ${path}`,
      `Cannot read the --receipt file: ${path}`,
    );
  }
  const name = basename(path);
  if (ext === '.eml') return emlAsMail(bytes);
  const contentType = TYPES[ext];
  if (!contentType)
    throw new PokkeInputError(
      `--receipt は .pdf .png .jpg .eml のファイルです: ${name}`,
      `--receipt takes a .pdf, .png, .jpg or .eml file: ${name}`,
    );
  return {
    from: 'receipt-import@pokke.invalid',
    subject: `領収書 ${name}`,
    plainBody: '',
    attachments: [{ name, contentType, data: new Uint8Array(bytes) }],
  };
}

function emlAsMail(bytes: Buffer): IncomingMail {
  const root = parseMime(bytes);
  const header = (n: string) => decodeHeaderWords(headerValue(root.headers, n) ?? '');
  const parts = leaves(root);
  const text = parts.find((p) => !isAttachment(p) && p.contentType === 'text/plain');
  const html = parts.find((p) => !isAttachment(p) && p.contentType === 'text/html');
  const date = Date.parse(header('Date'));
  return {
    from: header('From') || 'unknown@pokke.invalid',
    subject: header('Subject'),
    ...(Number.isFinite(date) ? { date } : {}),
    plainBody: text ? partText(text) : '',
    ...(html ? { htmlBody: partText(html) } : {}),
    attachments: parts.filter(isAttachment).map((p, i) => ({
      name: partFileName(p) ?? `attachment-${i + 1}`,
      contentType: p.contentType,
      data: new Uint8Array(p.body),
    })),
  };
}

function logButton(
  card: CardJson,
): { function: string; parameters: Record<string, string> } | null {
  const found = listClickables(card).find((c) => /経費に記録|Log expense/.test(c.label));
  const action = found && 'action' in found.onClick ? found.onClick.action : undefined;
  if (!action) return null;
  const parameters: Record<string, string> = {};
  for (const p of action.parameters ?? []) parameters[p.key] = p.value;
  return { function: action.function, parameters };
}

/** What the card said, as text lines (for an error). */
function cardLines(card: CardJson): string {
  const out: string[] = [];
  for (const s of card.sections)
    for (const w of s.widgets)
      if ('textParagraph' in w) out.push(w.textParagraph.text.replace(/<[^>]*>/g, ''));
  return out.join(' / ');
}

/**
 * Delivers the receipt mail (receiptAsMail), opens its card and clicks 「経費に記録」; returns the notification.
 * Throws with the card's words when it offers no logging or refuses the fields as prefilled.
 */
export function importReceipt(bundle: Bundle, manifest: unknown, mail: IncomingMail): string {
  const ws = bundle.workspace;
  const ss = ws.SpreadsheetApp.active;
  if (ss) ws.PropertiesService.getUserProperties().setProperty('pokke.workbookId', ss.getId());
  const id = ws.GmailApp.deliver(mail).getId();
  const opened = runAddonTrigger(bundle, manifest, 'contextual', buildGmailContextualEvent(ws, id));
  const card = opened.cards[0];
  const button = card ? logButton(card) : null;
  // The card speaks the account's language: its own words say why nothing can be logged.
  if (!card || !button) throw new Error(card ? cardLines(card) : 'No card');
  const event = buildActionEvent({
    ...workspaceEventOptions(ws),
    host: 'gmail',
    parameters: button.parameters,
    formValues: initialFormValues(card),
    gmail: {
      messageId: id,
      threadId: ws.GmailApp.box.messages.get(id)?.thread.id ?? '',
      accessToken: ws.GmailApp.accessTokenFor(id),
    },
  });
  const response = cardTree(bundle.run(button.function, [event])) as unknown as {
    notification?: { text: string };
    navigations?: unknown[];
  };
  const said = response.notification?.text ?? '';
  // A refusal only notifies (the card stays as it was): nothing was logged.
  if (!response.navigations?.length) throw new Error(said);
  return said;
}
