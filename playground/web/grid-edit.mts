/**
 * Editing the grid as in Sheets: a click selects a cell (its content shows in the formula bar),
 * a double click, Enter, F2 or typing opens the cell's editor (with the dropdown's choices when
 * the cell has one), Enter or Tab writes it and moves on, Escape leaves it, Delete clears the
 * cell. The server reads the text as Sheets reads typed input (POST /api/cell).
 */
import { cellA1, columnNumber } from '../../emulator/services/spreadsheet/a1';
import type { CellView, SheetView } from '../protocol';
import { t } from './i18n.mjs';

export interface GridEditDeps {
  /** The sheet the grid shows. */
  sheet(): SheetView | undefined;
  /** Writes `text` into the cell; resolves once the new state is rendered (false: refused). */
  write(sheet: string, a1: string, text: string): Promise<boolean>;
}

interface Position {
  row: number;
  column: number;
}

export class GridEditor {
  private selected: Position | null = null;
  private selectedSheet = '';
  private editing: HTMLInputElement | null = null;

  constructor(
    private readonly scroll: HTMLElement,
    private readonly nameBox: HTMLElement,
    private readonly formula: HTMLInputElement,
    private readonly deps: GridEditDeps,
  ) {
    scroll.addEventListener('click', (e) => {
      const td = cellOf(e.target);
      if (!td || this.editing?.contains(e.target as Node)) return;
      // The ▾ of a dropdown opens the editor with its choices.
      if ((e.target as HTMLElement).closest('.dd')) this.open(position(td), null);
      else this.select(position(td));
    });
    scroll.addEventListener('dblclick', (e) => {
      const td = cellOf(e.target);
      if (td && !this.editing) this.open(position(td), null);
    });
    document.addEventListener('keydown', (e) => this.onKey(e));
    formula.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && this.selected) {
        e.preventDefault();
        void this.commit(this.selected, formula.value, { row: 1, column: 0 });
      } else if (e.key === 'Escape') {
        this.showInFormulaBar();
        formula.blur();
      }
    });
  }

  /** After the grid was drawn again: the selection stays where it was. */
  redrawn(): void {
    const sheet = this.deps.sheet();
    if (!sheet || sheet.name !== this.selectedSheet) this.selected = null;
    this.editing = null;
    this.mark();
    this.showInFormulaBar();
  }

  private select(at: Position): void {
    const sheet = this.deps.sheet();
    if (!sheet) return;
    this.selected = { row: Math.max(1, at.row), column: Math.max(1, at.column) };
    this.selectedSheet = sheet.name;
    this.mark();
    this.showInFormulaBar();
  }

  private mark(): void {
    for (const td of this.scroll.querySelectorAll('td.selected')) td.classList.remove('selected');
    const td = this.td();
    td?.classList.add('selected');
    td?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  private td(at = this.selected): HTMLTableCellElement | null {
    if (!at) return null;
    return this.scroll.querySelector<HTMLTableCellElement>(
      `td[data-cell="${cellA1(at.row, at.column)}"]`,
    );
  }

  private showInFormulaBar(): void {
    const at = this.selected;
    this.nameBox.textContent = at ? cellA1(at.row, at.column) : '';
    this.formula.disabled = !at;
    if (document.activeElement === this.formula) return;
    this.formula.value = at ? editTextOf(this.cell(at)) : '';
  }

  private cell(at: Position): CellView | null {
    return this.deps.sheet()?.rows[at.row - 1]?.[at.column - 1] ?? null;
  }

  /** The cell's editor, starting with its content, or with `typed` (a key pressed). */
  private open(at: Position, typed: string | null): void {
    this.select(at);
    const td = this.td(at);
    if (!td) return;
    const cell = this.cell(at);
    const input = document.createElement('input');
    input.className = 'cell-editor';
    input.setAttribute(
      'aria-label',
      t(`${cellA1(at.row, at.column)} を編集`, `Edit ${cellA1(at.row, at.column)}`),
    );
    if (cell?.l !== undefined) input.setAttribute('list', `dd-list-${cell.l}`);
    const before = editTextOf(cell);
    input.value = typed ?? before;
    let done = false;
    /** `move`: where the selection goes once written; 'cancel': nothing written; 'stay': blur. */
    const finish = (move: Position | 'cancel' | 'stay') => {
      if (done) return;
      done = true;
      const text = input.value;
      this.editing = null;
      input.remove();
      if (move === 'cancel') {
        this.mark();
        return;
      }
      const unchanged = text === before && typed === null;
      if (move === 'stay') {
        if (!unchanged) void this.commit(at, text, null);
      } else if (unchanged) {
        this.select({ row: at.row + move.row, column: at.column + move.column });
      } else {
        void this.commit(at, text, move);
      }
    };
    input.addEventListener('keydown', (e) => {
      e.stopPropagation();
      if (e.key === 'Enter' && !e.isComposing) {
        e.preventDefault();
        finish({ row: 1, column: 0 });
      } else if (e.key === 'Tab') {
        e.preventDefault();
        finish({ row: 0, column: e.shiftKey ? -1 : 1 });
      } else if (e.key === 'Escape') {
        finish('cancel');
      }
    });
    // Clicking elsewhere writes the cell, as in Sheets (the selection follows the click).
    input.addEventListener('blur', () => finish('stay'));
    td.append(input);
    this.editing = input;
    input.focus();
    if (typed === null) input.select();
  }

  /** Writes the cell; then selects the cell `move` away (`null`: the selection stays). */
  private async commit(at: Position, text: string, move: Position | null): Promise<void> {
    const sheet = this.selectedSheet;
    const ok = await this.deps.write(sheet, cellA1(at.row, at.column), text);
    if (this.deps.sheet()?.name !== sheet || move === null) return;
    this.select(ok ? { row: at.row + move.row, column: at.column + move.column } : at);
  }

  private onKey(e: KeyboardEvent): void {
    const at = this.selected;
    if (!at || this.editing || this.scroll.closest('[hidden]')) return;
    const target = e.target as HTMLElement | null;
    if (target?.closest('input, textarea, select, button, iframe, [role="dialog"]')) return;
    if (document.querySelector('.dialog-layer:not([hidden])')) return;
    const moves: Record<string, Position> = {
      ArrowUp: { row: -1, column: 0 },
      ArrowDown: { row: 1, column: 0 },
      ArrowLeft: { row: 0, column: -1 },
      ArrowRight: { row: 0, column: 1 },
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      this.select({ row: at.row + move.row, column: at.column + move.column });
    } else if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      this.open(at, null);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      if (editTextOf(this.cell(at)) !== '') void this.commit(at, '', null);
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      this.open(at, e.key);
    }
  }
}

/** The text an editor starts with (what typed back gives the same value). */
function editTextOf(cell: CellView | null): string {
  return cell ? (cell.e ?? cell.t) : '';
}

function cellOf(target: EventTarget | null): HTMLTableCellElement | null {
  const td = (target as HTMLElement | null)?.closest?.('td[data-cell]');
  return (td as HTMLTableCellElement | null) ?? null;
}

function position(td: HTMLTableCellElement): Position {
  const m = /^([A-Z]+)(\d+)$/.exec(td.dataset['cell'] ?? '');
  return m ? { row: Number(m[2]), column: columnNumber(m[1] ?? 'A') } : { row: 1, column: 1 };
}

/** One `<datalist>` per dropdown of the sheet, for the editors' `list` attribute. */
export function dropdownLists(sheet: SheetView): HTMLElement {
  const box = document.createElement('div');
  box.hidden = true;
  sheet.lists.forEach((choices, i) => {
    const list = document.createElement('datalist');
    list.id = `dd-list-${i}`;
    for (const c of choices) {
      const option = document.createElement('option');
      option.value = c;
      list.append(option);
    }
    box.append(list);
  });
  return box;
}
