/**
 * Apps Script enums are opaque values whose `toString()` is their name. The emulator uses the
 * name itself, so `response == ui.Button.YES` holds and the value survives realm copies.
 */
export function enumOf<const T extends readonly string[]>(
  ...names: T
): { readonly [K in T[number]]: K } {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, n]))) as {
    readonly [K in T[number]]: K;
  };
}

/** True when `v` is one of the enum's values (and not, say, `toString`). */
export function isEnumValue<E extends Readonly<Record<string, string>>>(
  e: E,
  v: unknown,
): v is E[keyof E] {
  return typeof v === 'string' && Object.keys(e).includes(v);
}
