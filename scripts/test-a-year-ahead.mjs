// Runs the unit and bundle tests again with the system clock moved 400 days ahead (Debian's
// faketime), to prove that no test depends on the day the suite runs. First checks that faketime
// really moves node's clock, so this run can never pass by not moving it.
import { spawnSync } from 'node:child_process';

const AHEAD = '+400 days';
const DAY_MS = 86_400_000;

const probe = spawnSync('faketime', [AHEAD, process.execPath, '-e', 'console.log(Date.now())'], {
  encoding: 'utf8',
});
const moved = (Number(probe.stdout) - Date.now()) / DAY_MS;
if (probe.status !== 0 || !(moved > 399 && moved < 401)) {
  console.error(
    `test-a-year-ahead: faketime did not move node's clock by 400 days (moved ${moved.toFixed(1)} days). Install it: apt-get install -y faketime`,
  );
  process.exit(1);
}
const ahead = new Date(Number(probe.stdout)).toISOString().slice(0, 10);
console.log(`test-a-year-ahead: unit and bundle tests with the clock at ${ahead}`);
const jest = spawnSync(
  'faketime',
  [AHEAD, process.execPath, 'node_modules/jest/bin/jest.js', '--selectProjects', 'unit', 'bundle'],
  { stdio: 'inherit' },
);
process.exit(jest.status ?? 1);
