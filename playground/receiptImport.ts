/**
 * `simulate expenses-import --receipt file.(pdf|png|jpg|eml)`: logs one receipt the way the Gmail
 * card does, through the same bundle functions: the file arrives in the emulated mailbox (an .eml
 * as the mail it is, with its body and attachments; a PDF or a photo attached to a mail titled
 * 「領収書 <file name>」), the contextual trigger opens its receipt card (read by Drive's emulated
 * OCR), and the card's 「経費に記録」 button is clicked with the fields as the card prefilled them.
 */
import { createHash } from 'node:crypto';
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
import { WORKBOOK_ID_PROPERTY } from './gmail';

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
  if (ext === '.eml') {
    const mail = emlAsMail(bytes);
    return { ...mail, id: receiptMessageId(mail.headers?.['Message-ID'] ?? '', bytes) };
  }
  const contentType = TYPES[ext];
  if (!contentType)
    throw new PokkeInputError(
      `--receipt は .pdf .png .jpg .eml のファイルです: ${name}`,
      `--receipt takes a .pdf, .png, .jpg or .eml file: ${name}`,
    );
  return {
    id: receiptMessageId('', bytes),
    from: 'receipt-import@pokke.invalid',
    subject: `領収書 ${name}`,
    plainBody: '',
    attachments: [{ name, contentType, data: new Uint8Array(bytes) }],
  };
}

/**
 * The Gmail message id a receipt file arrives under, the same in every run: the card keys the log
 * on the mail's message id (取込元), so importing the same file again finds its row and adds
 * nothing. From the .eml's Message-ID header when it has one (the same mail saved twice is one
 * receipt), else from the file's bytes. 16 hex digits, the shape of a Gmail message id.
 */
export function receiptMessageId(messageIdHeader: string, bytes: Uint8Array): string {
  const header = messageIdHeader.trim();
  const key = header
    ? `message-id:${header}`
    : `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

function emlAsMail(bytes: Buffer): IncomingMail {
  const root = parseMime(bytes);
  const header = (n: string) => decodeHeaderWords(headerValue(root.headers, n) ?? '');
  const parts = leaves(root);
  const text = parts.find((p) => !isAttachment(p) && p.contentType === 'text/plain');
  const html = parts.find((p) => !isAttachment(p) && p.contentType === 'text/html');
  const date = Date.parse(header('Date'));
  const messageId = header('Message-ID');
  return {
    ...(messageId ? { headers: { 'Message-ID': messageId } } : {}),
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

/** The receipt card of a mail already in the log (src/ui/cards/expenseCard.ts). */
const LOGGED_CARD = 'pokke-expense-logged';

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

/** The receipt card Gmail shows for message `id` (the contextual trigger), as JSON. */
export function openReceiptCard(
  bundle: Bundle,
  manifest: unknown,
  id: string,
): CardJson | undefined {
  const ws = bundle.workspace;
  return runAddonTrigger(bundle, manifest, 'contextual', buildGmailContextualEvent(ws, id))
    .cards[0];
}

/**
 * Clicks the card's 「経費に記録」 with its fields as prefilled; returns the notification. Throws
 * with the card's words when it offers no logging or refuses the fields.
 */
export function logFromCard(bundle: Bundle, card: CardJson, id: string): string {
  const ws = bundle.workspace;
  const button = logButton(card);
  // The card speaks the account's language: its own words say why nothing can be logged.
  if (!button) throw new Error(cardLines(card));
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

/** Links the add-on to the open spreadsheet, as the owner's setup does. */
export function connectActiveWorkbook(bundle: Bundle): void {
  const ws = bundle.workspace;
  const ss = ws.SpreadsheetApp.active;
  if (ss) ws.PropertiesService.getUserProperties().setProperty(WORKBOOK_ID_PROPERTY, ss.getId());
}

/**
 * Delivers the receipt mail (receiptAsMail), opens its card and clicks 「経費に記録」; returns the
 * notification, or the card's words when the receipt is in the log already (nothing written).
 * Throws with the card's words when it offers no logging or refuses the fields as prefilled.
 */
export function importReceipt(bundle: Bundle, manifest: unknown, mail: IncomingMail): string {
  connectActiveWorkbook(bundle);
  const id = bundle.workspace.GmailApp.deliver(mail).getId();
  const card = openReceiptCard(bundle, manifest, id);
  if (!card) throw new Error('No card');
  // Imported before (the same file or mail): the card shows its row; nothing is logged again.
  if (card.name === LOGGED_CARD) return cardLines(card);
  return logFromCard(bundle, card, id);
}
