/**
 * Whether an open mail looks like a receipt or an invoice to pay, from what Gmail shows of it:
 * subject, body and the types of its attachments. A word of a receipt (領収書, レシート, ご利用明細,
 * receipt, invoice…) alone is not enough: a mail that only mentions a receipt stays a mail (its
 * task card). A receipt word in the subject or body makes a mail a receipt when a PDF or photo is
 * attached or the body states a total with its amount; 「請求書の件」 with neither stays a mail.
 * Pure; the card decides what to show from this.
 */

const RECEIPT_WORDS =
  /領収書|領収証|レシート|ご利用明細|利用明細|ご請求書|請求書|ご請求|お支払い(?:完了|明細)|購入明細|ご注文確認|注文確定|receipt|invoice|payment (?:confirmation|received)|your order|billing statement/i;

/** A mail that sends a receipt is not one asking for one (「領収書を送ってください」). */
const ASKING = /ください|下さい|のお願い|をお願い|please (?:send|issue)|could you send/i;

const AMOUNT = /[¥￥]\s?[\d,，０-９]+|[\d,，０-９]+\s?円|(?:JPY|USD)\s?[\d,.]+|\$\s?[\d,.]+/i;

const TOTAL_WORDS =
  /合計|総額|お支払い?金額|ご請求(?:金)?額|ご利用金額|領収金額|total|amount (?:paid|due)|grand total/i;

/** Attachment types a receipt comes in: a PDF or a photo. */
const RECEIPT_FILE = /^(?:application\/pdf|image\/(?:jpeg|png|heic|heif|webp))$/i;

export interface MailLook {
  readonly subject: string;
  readonly body: string;
  /** Content types of the attachments. */
  readonly attachmentTypes: readonly string[];
}

/**
 * Whether the subject or body says receipt at all: only then are the attachments looked at (the
 * first, cheap step; looksLikeReceipt decides).
 */
export function mentionsReceipt(mail: Omit<MailLook, 'attachmentTypes'>): boolean {
  return (
    RECEIPT_WORDS.test(mail.subject.normalize('NFKC')) ||
    RECEIPT_WORDS.test(mail.body.normalize('NFKC').slice(0, 20_000))
  );
}

export function looksLikeReceipt(mail: MailLook): boolean {
  const subject = mail.subject.normalize('NFKC');
  const body = mail.body.normalize('NFKC').slice(0, 20_000);
  const inSubject = RECEIPT_WORDS.test(subject) && !ASKING.test(subject);
  if (!inSubject && !RECEIPT_WORDS.test(body)) return false;
  if (mail.attachmentTypes.some((t) => RECEIPT_FILE.test(t.split(';')[0]!.trim()))) return true;
  // A text receipt states what was paid: a total with its amount (on the line or the next).
  const lines = body.split(/\r?\n/);
  return lines.some(
    (line, i) => TOTAL_WORDS.test(line) && (AMOUNT.test(line) || AMOUNT.test(lines[i + 1] ?? '')),
  );
}
