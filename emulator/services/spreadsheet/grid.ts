/**
 * One sparse layer of a sheet (values, formulas, number formats, backgrounds...): rows of plain
 * arrays, allocated only where something differs from the layer's empty value. Coordinates are
 * 0-based. No per-cell objects, so a 5,000 × 20 sheet stays cheap to read and write.
 */
export class Layer<T> {
  rows: (T[] | undefined)[] = [];

  constructor(readonly empty: T) {}

  get(r: number, c: number): T {
    const row = this.rows[r];
    if (!row) return this.empty;
    const v = row[c];
    return v === undefined ? this.empty : v;
  }

  set(r: number, c: number, v: T): void {
    let row = this.rows[r];
    if (!row) {
      if (v === this.empty) return;
      row = [];
      this.rows[r] = row;
    }
    row[c] = v;
  }

  /** Whether row `r` holds anything but the empty value. */
  rowHasContent(r: number): boolean {
    const row = this.rows[r];
    if (!row) return false;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v !== undefined && v !== this.empty) return true;
    }
    return false;
  }

  /** Index of the last row with content, or -1. */
  lastRow(): number {
    for (let r = this.rows.length - 1; r >= 0; r--) if (this.rowHasContent(r)) return r;
    return -1;
  }

  /** Index of the last column with content in any row, or -1. */
  lastColumn(): number {
    let last = -1;
    for (const row of this.rows) {
      if (!row) continue;
      for (let c = row.length - 1; c > last; c--) {
        const v = row[c];
        if (v !== undefined && v !== this.empty) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  clear(r0: number, c0: number, numRows: number, numColumns: number): void {
    for (let r = r0; r < r0 + numRows && r < this.rows.length; r++) {
      const row = this.rows[r];
      if (!row) continue;
      if (c0 === 0 && c0 + numColumns >= row.length) {
        this.rows[r] = undefined;
        continue;
      }
      for (let c = c0; c < c0 + numColumns && c < row.length; c++) row[c] = this.empty;
    }
  }

  clearAll(): void {
    this.rows = [];
  }

  insertRows(at: number, count: number): void {
    if (at >= this.rows.length) return;
    this.rows = this.rows.slice(0, at).concat(new Array<undefined>(count), this.rows.slice(at));
  }

  deleteRows(at: number, count: number): void {
    if (at >= this.rows.length) return;
    this.rows.splice(at, count);
  }

  insertColumns(at: number, count: number): void {
    const fill = new Array<T>(count).fill(this.empty);
    for (let i = 0; i < this.rows.length; i++) {
      const row = this.rows[i];
      if (row && at < row.length) this.rows[i] = row.slice(0, at).concat(fill, row.slice(at));
    }
  }

  deleteColumns(at: number, count: number): void {
    for (const row of this.rows) {
      if (row && at < row.length) row.splice(at, count);
    }
  }

  clone(): Layer<T> {
    const copy = new Layer<T>(this.empty);
    copy.rows = this.rows.map((row) => (row ? row.slice() : undefined));
    return copy;
  }
}

/** A sparse per-row or per-column property (widths, hidden flags), shifted by inserts/deletes. */
export class Line<T> {
  items: (T | undefined)[] = [];

  constructor(readonly empty: T) {}

  get(i: number): T {
    return this.items[i] ?? this.empty;
  }

  set(i: number, v: T): void {
    this.items[i] = v;
  }

  insert(at: number, count: number): void {
    if (at < this.items.length) {
      this.items = this.items
        .slice(0, at)
        .concat(new Array<undefined>(count), this.items.slice(at));
    }
  }

  delete(at: number, count: number): void {
    if (at < this.items.length) this.items.splice(at, count);
  }

  clone(): Line<T> {
    const copy = new Line<T>(this.empty);
    copy.items = this.items.slice();
    return copy;
  }
}
