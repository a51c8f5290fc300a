import { foldWord } from '../core/cells';
import type { Text } from '../core/text';

/** How Pokke describes one sheet of the owner's workbook: its Japanese name, columns and formats. */

export type ColumnKind =
  | 'text'
  | 'yen'
  | 'int'
  | 'number'
  | 'date'
  | 'datetime'
  | 'percent'
  | 'choice'
  | 'link';

export interface ColumnSpec<K extends string = string> {
  readonly key: K;
  /** The Japanese header Pokke writes. */
  readonly header: string;
  /** Other headers accepted when reading (English names, older names). */
  readonly aliases?: readonly string[];
  readonly kind: ColumnKind;
  /** Dropdown values for `choice` columns. */
  readonly choices?: readonly string[];
  /** Column width in pixels. */
  readonly width?: number;
  /** A note on the header cell explaining what goes in the column. */
  readonly note?: Text;
}

export interface SheetSpec<K extends string = string> {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly columns: readonly ColumnSpec<K>[];
  /** Header background colour. */
  readonly color: string;
}

/** Number formats per kind (Sheets syntax). Text columns are plain text so ids keep leading zeros. */
export const NUMBER_FORMAT: Record<ColumnKind, string> = {
  text: '@',
  yen: '#,##0',
  int: '0',
  // Sheets' automatic number pattern (what getNumberFormat reports): 1.5 and 40, never "40.".
  number: '0.###############',
  date: 'yyyy/mm/dd',
  datetime: 'yyyy/mm/dd hh:mm',
  percent: '0%',
  choice: '@',
  link: '@',
};

/** Headers compare after NFKC (full-width → half-width), trimming, spaces removed and lower case. */
export function normalizeHeader(text: unknown): string {
  return foldWord(String(text ?? ''));
}
