/**
 * The JSON the playground server and its page exchange. Types only: the page imports them with
 * `import type`, so this file must not depend on Node or the DOM.
 */

/** One cell as the grid shows it. Keys are short because a sheet has thousands of cells. */
export interface CellView {
  /** Display value, as Sheets would show it with the cell's number format. */
  t: string;
  /** Right-aligned (numbers and dates, as Sheets aligns them by default). */
  r?: 1;
  /** Bold. */
  b?: 1;
  /** Background colour. */
  bg?: string;
  /** The cell has a dropdown (a list data validation). */
  dd?: 1;
  /** Its dropdown's choices: an index into the sheet's `lists`. */
  l?: number;
  /** Note on the cell. */
  n?: string;
  /**
   * What the cell's editor starts with when it differs from `t`, as Sheets' editor shows it: a
   * number unformatted, a date as `2026/11/24`, a formula as typed.
   */
  e?: string;
}

export interface SheetView {
  name: string;
  /** Rows and columns of the sheet (the grid shows the first rows only). */
  maxRows: number;
  maxColumns: number;
  /** Last row and column with content. */
  lastRow: number;
  lastColumn: number;
  frozenRows: number;
  /** Pixel width per column, from column A. */
  columnWidths: number[];
  /** The rows the grid shows: the data and some empty rows below it. */
  rows: (CellView | null)[][];
  /** The distinct dropdown choices of the cells shown (see `CellView.l`). */
  lists: string[][];
}

export interface MenuItemView {
  caption: string;
  functionName: string;
}

export interface MenuView {
  title: string;
  /** An add-on menu sits under 拡張機能 / Extensions, as Sheets shows it. */
  addon: boolean;
  /** `null` is a separator. */
  items: (MenuItemView | null)[];
}

export interface SidebarView {
  /** Changes each time the bundle shows a sidebar, so the page knows to reload the frame. */
  id: number;
  title: string;
  width: number;
}

export interface DialogView {
  /** Unique within the server's life (a reset does not reuse them). */
  id: string;
  kind: 'alert' | 'prompt' | 'toast' | 'dialog';
  title: string;
  message: string;
  /** An HTML dialog (showModalDialog / showModelessDialog): where its page is served, its size. */
  url?: string;
  width?: number;
  height?: number;
}

export interface LogLine {
  at: number;
  level: 'log' | 'info' | 'warn' | 'error';
  message: string;
}

export type RunVia = 'seed' | 'open' | 'menu' | 'sidebar' | 'trigger' | 'job' | 'addon';

/** One execution of the bundle, as the Apps Script executions page lists them. */
export interface RunEntry {
  id: number;
  name: string;
  via: RunVia;
  startedAt: number;
  endedAt: number;
  ok: boolean;
  /** The error message (never a stack trace). */
  error?: string;
  /** Service calls made by this execution (CardService builders, which run locally, left out). */
  calls: number;
  logs: LogLine[];
}

export interface TriggerView {
  handler: string;
  description: string;
}

export interface ClockView {
  now: number;
  timeZone: string;
  /** Triggers due up to this instant have been fired. */
  triggersCheckedUpTo: number;
}

export interface PlaygroundState {
  /** Increases with every change. */
  version: number;
  /** The emulated Google account's language (its locale), which the page's own words follow. */
  language: 'ja' | 'en';
  workbook: { name: string; sheets: SheetView[] } | null;
  menus: MenuView[];
  sidebar: SidebarView | null;
  dialogs: DialogView[];
  clock: ClockView;
  triggers: TriggerView[];
  runs: RunEntry[];
  /** Service calls since the last reset, by `Service.Class.method` (CardService builders left out). */
  calls: Record<string, number>;
  /** CardService builder calls since the last reset: local in Apps Script, not counted as calls. */
  localCalls: Record<string, number>;
  /** What the person did since the last reset (what a reset would throw away). */
  sinceReset: { runs: number; edits: number; clockMoved: boolean };
  /** Drafts and sent mail, and the files in Drive (the Outbox pane). */
  outbox: OutboxView;
  /** The Gmail pane: the inbox and the add-on's card. */
  gmail?: GmailView;
  /** The Calendar pane: one week (Mon–Sun) of every calendar in the user's list. */
  calendar?: CalendarWeekView;
  /** Panes whose emulated services do not exist yet show an honest empty state. */
  available: { gmail: boolean; calendar: boolean; outbox: boolean };
}

export interface OutboxAttachmentView {
  name: string;
  contentType: string;
  /** Bytes; for a PDF the real PDF's, null until the server rendered it (see `pdfsPending`). */
  size: number | null;
  /** Where the page opens it (PDFs only: rendered for real by the server). */
  href?: string;
}

/** A draft or a sent mail. Every text is plain text: the page shows it as text, never as HTML. */
export interface OutboxMailView {
  id: string;
  kind: 'draft' | 'sent';
  from: string;
  to: string;
  cc: string;
  subject: string;
  date: number;
  /** The start of the text body. */
  preview: string;
  attachments: OutboxAttachmentView[];
  /** GET: the mail as an .eml file (PDF attachments rendered for real). */
  emlHref: string;
}

export interface DriveFileView {
  id: string;
  name: string;
  /** From My Drive: `Pokke/請求書/2026/11/…pdf`. */
  path: string;
  mimeType: string;
  /** Bytes; for a PDF the real PDF's, null until the server rendered it (see `pdfsPending`). */
  size: number | null;
  trashed: boolean;
  /** GET: the real PDF for a PDF; any other file as stored (a download). */
  href?: string;
  /**
   * A plain-text file's lines, decoded for reading (UTF-8, else Shift_JIS as a 全銀 transfer file
   * is written); the file itself keeps its bytes.
   */
  lines?: string[];
}

export interface OutboxView {
  mails: OutboxMailView[];
  files: DriveFileView[];
  /** Google Tasks (the Tasks advanced service), every list. */
  tasks?: TaskView[];
  /** Calendar events the bundle created (the Calendar advanced service), cancelled included. */
  events?: CalendarEventView[];
  /** PDFs whose real size is not known yet: POST /api/outbox/render renders them. */
  pdfsPending?: number;
  /** No browser renders PDFs: the one-line hint, and PDFs open as the invoice's HTML. */
  pdfHint?: string;
}

/** One event as the Calendar pane shows it. Texts are plain text. */
export interface CalendarEventView {
  id: string;
  calendarId: string;
  /** The calendar's name (the user's own: their e-mail). */
  calendar: string;
  /** On the user's own calendar (not a colleague's). */
  own: boolean;
  summary: string;
  location: string;
  status: 'confirmed' | 'tentative' | 'cancelled';
  transparent: boolean;
  allDay: boolean;
  /** Instants (ms); for all-day events midnight in Asia/Tokyo, the end exclusive. */
  start: number;
  end: number;
  /** `11/25(水) 10:00–11:00`, `11/27(金) 終日`, in Asia/Tokyo. */
  when: string;
  /** Made by the demo data, not by the bundle. */
  seeded: boolean;
  colorId?: string;
}

export interface CalendarDayView {
  /** `YYYY-MM-DD` in Asia/Tokyo. */
  date: string;
  /** `11/23(月)`. */
  label: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** A Japanese national holiday (or bank closure), named; null otherwise. */
  holiday: string | null;
  today: boolean;
  /** All-day events first, then timed ones by start; each with its time on this day. */
  events: (CalendarEventView & { time: string })[];
}

export interface CalendarWeekView {
  /** Weeks from the clock's week (0: the week of the virtual clock). */
  offset: number;
  /** Monday, `YYYY-MM-DD`. */
  weekStart: string;
  days: CalendarDayView[];
  /** The Calendar add-on's card (its homepage), when the manifest declares a Calendar add-on. */
  addon?: AddonCardView;
}

/** An add-on card as a host pane shows it (Gmail's, Calendar's). */
export interface AddonCardView {
  /** The add-on's card as HTML (emulator/card-render.ts: every text escaped), or null. */
  cardHtml: string | null;
  /** The last action's notification (plain text). */
  notification: string;
  /** Cards in the pane's stack (0: none, 1: the root; more: the card has a back arrow). */
  depth?: number;
  /**
   * A link the last action asked the host to open (`setOpenLink` of an action response); the
   * page offers it, to open in a new tab. Only http, https and mailto links.
   */
  openLink?: { url: string; openAs?: string; onClose?: string };
  /**
   * The draft the last compose action made (ComposeActionResponse): Gmail would open it in a
   * compose window; the page names it (the draft itself is in the outbox).
   */
  composedDraft?: { id: string; subject: string };
}

/** The hosts whose panes show an add-on card. */
export type CardHost = 'gmail' | 'calendar';

export interface TaskView {
  id: string;
  list: string;
  title: string;
  notes: string;
  /** `YYYY-MM-DD` or ''. */
  due: string;
  completed: boolean;
}

/** One mail of the inbox. Every text is plain text: the page shows it as text. */
export interface GmailMailView {
  id: string;
  from: string;
  subject: string;
  date: number;
  unread: boolean;
  preview: string;
}

export interface GmailView extends AddonCardView {
  mails: GmailMailView[];
  /** The open mail, or null when the add-on shows its homepage. */
  openId: string | null;
}

/** Every POST answers with this: the new state, and the action's own outcome. */
export interface ActionReply {
  ok: boolean;
  message?: string;
  state: PlaygroundState;
}

/** POST /api/run (google.script.run): the stand-in's transport contract. */
export type RunReply = { ok: true; json: string } | { ok: false; message: string };

export type ClockAction =
  | { action: 'set'; at: string }
  | { action: 'advance'; ms: number }
  | { action: 'monthEnd' }
  /** The last bank business day of this month (next month's once it has passed), same time. */
  | { action: 'lastBusinessDay' };
