import { loadBundle } from '../../emulator/runtime';
import { Workspace } from '../../emulator/workspace';

const MINUTE = 60 * 1000;

describe('CacheService', () => {
  it('keeps a value for the default 10 minutes of virtual time', () => {
    const ws = new Workspace();
    const cache = ws.CacheService.getScriptCache();
    cache.put('rate', '150');
    ws.clock.advance(10 * MINUTE - 1);
    expect(cache.get('rate')).toBe('150');
    ws.clock.advance(1);
    expect(cache.get('rate')).toBeNull();
  });

  it('honours the expiration given, capped at 6 hours', () => {
    const ws = new Workspace();
    const cache = ws.CacheService.getScriptCache();
    cache.put('short', 'a', 30);
    cache.put('long', 'b', 999999);
    ws.clock.advance(31 * 1000);
    expect(cache.get('short')).toBeNull();
    expect(cache.get('long')).toBe('b');
    ws.clock.advance(6 * 60 * MINUTE);
    expect(cache.get('long')).toBeNull();
  });

  it('rejects long keys and large values with Apps Script’s messages', () => {
    const cache = new Workspace().CacheService.getScriptCache();
    expect(() => cache.put('k'.repeat(251), 'x')).toThrow('Argument too large: key');
    expect(() => cache.get('k'.repeat(251))).toThrow('Argument too large: key');
    expect(() => cache.put('k'.repeat(250), 'x')).not.toThrow();
    expect(() => cache.put('big', 'v'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
    // 100 KB is counted in bytes: 34,134 three-byte characters are over it.
    expect(() => cache.put('kana', 'あ'.repeat(34134))).toThrow('Argument too large: value');
    expect(() => cache.put('ok', 'v'.repeat(100 * 1024))).not.toThrow();
  });

  it('getAll returns only the keys found; putAll stores nothing when one value is too large', () => {
    const cache = new Workspace().CacheService.getUserCache();
    cache.putAll({ a: '1', b: '2' });
    expect(cache.getAll(['a', 'b', 'c'])).toEqual({ a: '1', b: '2' });
    expect(() => cache.putAll({ c: '3', d: 'x'.repeat(200 * 1024) })).toThrow(
      'Argument too large: value',
    );
    expect(cache.get('c')).toBeNull();
    cache.removeAll(['a', 'b']);
    expect(cache.getAll(['a', 'b'])).toEqual({});
  });

  it('coerces values to strings and keeps script, user and document caches apart', () => {
    const ws = new Workspace();
    ws.CacheService.getScriptCache().put('n', 42 as unknown as string);
    expect(ws.CacheService.getScriptCache().get('n')).toBe('42');
    expect(ws.CacheService.getUserCache().get('n')).toBeNull();
    expect(ws.CacheService.getDocumentCache().get('n')).toBeNull();
  });

  it('keeps the 900 entries farthest from expiry when more than 1,000 are written', () => {
    const cache = new Workspace().CacheService.getScriptCache();
    for (let i = 0; i < 1001; i++) cache.put(`k${i}`, 'v', 100 + i);
    expect(Object.keys(cache.snapshot())).toHaveLength(900);
    expect(cache.get('k1000')).toBe('v');
    expect(cache.get('k0')).toBeNull();
  });

  it('counts calls made by the bundle', () => {
    const ws = new Workspace();
    const bundle = loadBundle(
      `function job() { var c = CacheService.getScriptCache(); c.put('a', 'b', 60); return c.get('a'); }`,
      { workspace: ws },
    );
    expect(bundle.run('job')).toBe('b');
    expect(ws.meter.counts()).toEqual({
      'CacheService.Cache.get': 1,
      'CacheService.Cache.put': 1,
      'CacheService.getScriptCache': 1,
    });
  });
});
