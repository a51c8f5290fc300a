import { loadBundle } from '../../emulator/runtime';
import { Workspace } from '../../emulator/workspace';

describe('Session', () => {
  it('reports the workspace user, Japanese locale and the script’s time zone by default', () => {
    const session = new Workspace().Session;
    expect(session.getActiveUser().getEmail()).toBe('owner@example.com');
    expect(session.getEffectiveUser().getEmail()).toBe('owner@example.com');
    expect(session.getActiveUserLocale()).toBe('ja');
    expect(session.getScriptTimeZone()).toBe('Asia/Tokyo');
  });

  it('follows the workspace options', () => {
    const session = new Workspace({
      user: { email: 'kato@example.jp', locale: 'en' },
      timeZone: 'UTC',
    }).Session;
    expect(session.getActiveUser().getEmail()).toBe('kato@example.jp');
    expect(session.getActiveUserLocale()).toBe('en');
    expect(session.getScriptTimeZone()).toBe('UTC');
  });

  it('gives a temporary user key that is stable, not the address, and rotates after 30 days', () => {
    const ws = new Workspace();
    const key = ws.Session.getTemporaryActiveUserKey();
    expect(key).not.toContain('owner');
    expect(ws.Session.getTemporaryActiveUserKey()).toBe(key);
    ws.clock.advance(31 * 24 * 60 * 60 * 1000);
    expect(ws.Session.getTemporaryActiveUserKey()).not.toBe(key);
  });

  it('is counted when the bundle calls it', () => {
    const ws = new Workspace();
    const bundle = loadBundle(
      'function who() { return [Session.getActiveUser().getEmail(), Session.getScriptTimeZone()]; }',
      { workspace: ws },
    );
    expect(bundle.run('who')).toEqual(['owner@example.com', 'Asia/Tokyo']);
    expect(ws.meter.counts()).toEqual({
      'Session.User.getEmail': 1,
      'Session.getActiveUser': 1,
      'Session.getScriptTimeZone': 1,
    });
  });
});
