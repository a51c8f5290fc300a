import {
  createDraft,
  type DraftRef,
  findDraftBySubject,
  type OutgoingMail,
  sendDraft,
} from './mail';

/**
 * What earlier runs may already have done for one mail, as its record in the workbook says:
 * - `fresh`: nothing — no draft of it can exist;
 * - `maybeDrafted`: an earlier run got as far as it (its PDF was saved, its step recorded) and
 *   may have made the draft before it stopped;
 * - `sending`: an earlier run made the draft and recorded, with a flush, that it was about to
 *   send it: the mail left if and only if the draft is gone.
 */
export type DeliveryStage = 'fresh' | 'maybeDrafted' | 'sending';

export interface Delivery {
  readonly mail: OutgoingMail;
  /** A distinctive word of the subject (an invoice number, a month) to find an earlier draft. */
  readonly searchTerm: string;
  readonly stage: DeliveryStage;
  /** Send it now, or leave the draft for the owner to check and send. */
  readonly send: boolean;
  /** The owner's address for a From header with a display name (looked up once per run). */
  readonly sender?: () => string;
  /** Records, durably (written and flushed), that this draft is about to be sent. */
  readonly markSending: (draft: DraftRef) => void;
}

export type Delivered =
  | { readonly sent: true }
  | { readonly sent: false; readonly draft: DraftRef; readonly error?: string };

/**
 * Sends a mail, or leaves it as a draft, exactly once however often a run is cut off and
 * retried. A mail is always made as a Gmail draft first; one to be sent is recorded as being
 * sent, then the draft itself is sent (Gmail turns the draft into the sent message and the draft
 * disappears). A retry therefore knows: the draft is still there → it was not sent; it is gone →
 * it was. Nothing is ever sent twice and nothing is dropped. The only lookup is one drafts search
 * for an earlier draft, and only when the record says one may exist.
 */
export function deliverOnce(d: Delivery): Delivered {
  const earlier =
    d.stage === 'fresh' ? undefined : findDraftBySubject(d.mail.subject, d.searchTerm);
  if (d.stage === 'sending' && !earlier) return { sent: true };
  const draft = earlier ?? createDraft(d.mail, d.mail.name ? d.sender?.() : undefined);
  if (!d.send) return { sent: false, draft };
  d.markSending(draft);
  try {
    sendDraft(draft.draftId);
    return { sent: true };
  } catch (error) {
    return { sent: false, draft, error: error instanceof Error ? error.message : String(error) };
  }
}
