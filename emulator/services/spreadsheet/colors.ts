/** Colours as Apps Script reports them: lower-case `#rrggbb`. */

const NAMED: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  green: '#008000',
  lime: '#00ff00',
  blue: '#0000ff',
  yellow: '#ffff00',
  cyan: '#00ffff',
  magenta: '#ff00ff',
  gray: '#808080',
  grey: '#808080',
  silver: '#c0c0c0',
  orange: '#ffa500',
  purple: '#800080',
  navy: '#000080',
  pink: '#ffc0cb',
};

/** Normalises a CSS colour (`#ABC`, `#AABBCC`, `red`); `null`/`''` reset to the default. */
export function normalizeColor(color: string | null | undefined): string | null {
  if (color === null || color === undefined) return null;
  const c = String(color).trim().toLowerCase();
  if (c === '' || c === 'none') return null;
  if (/^#[0-9a-f]{3}$/.test(c)) return `#${[...c.slice(1)].map((x) => x + x).join('')}`;
  if (/^#[0-9a-f]{6}$/.test(c)) return c;
  return NAMED[c] ?? c;
}

export const DEFAULT_BACKGROUND = '#ffffff';
export const DEFAULT_FONT_COLOR = '#000000';
