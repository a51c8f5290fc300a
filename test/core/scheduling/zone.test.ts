import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { slotsFingerprint } from './fixtures/zoneSlots';

describe('the slot finder and the candidate lines do not depend on the process time zone', () => {
  const zones = ['Asia/Tokyo', 'America/Los_Angeles', 'Pacific/Kiritimati'];
  const fixture = join(__dirname, 'fixtures', 'zoneSlots.ts');
  const run = promisify(execFile);

  test('Jest runs this in UTC, and the candidates are read on a Japanese wall clock', () => {
    expect(new Date(0).getTimezoneOffset()).toBe(0);
    const lines = slotsFingerprint();
    expect(lines.length).toBeGreaterThan(30);
    // Office hours in Japan, which in UTC are 0:00–9:00: read in the runtime's zone they would
    // all start before 9:00 the day before or at midnight.
    for (const line of lines) {
      expect(line).toMatch(/ ・\d{1,2}月\d{1,2}日\([月火水木金]\) (?:9|1[0-7]):[0-5]\d〜/);
    }
  });

  test('the same candidates in Tokyo, Los Angeles and Kiritimati as in UTC', async () => {
    const expected = slotsFingerprint();
    const results = await Promise.all(
      zones.map((zone) =>
        run(process.execPath, ['--import', 'tsx', fixture], {
          env: { ...process.env, TZ: zone },
          timeout: 45000,
          killSignal: 'SIGKILL',
        }),
      ),
    );
    results.forEach(({ stdout }, i) => {
      expect({ zone: zones[i], lines: JSON.parse(stdout) }).toEqual({
        zone: zones[i],
        lines: expected,
      });
    });
  }, 60000);
});
