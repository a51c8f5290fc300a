/**
 * The user property naming the mail whose proposal (日程調整) a Gmail thread carries, so the card
 * opened on the other side's reply finds the proposal without reading any sheet.
 */
export const THREAD_PREFIX = 'pokke.meet.thread.';
