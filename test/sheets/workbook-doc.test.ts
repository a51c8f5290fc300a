import { readFileSync } from 'node:fs';
import { renderWorkbookDoc } from '../../scripts/workbook-doc-render';

it('docs/workbook.md matches the schema (run `npm run docs` after changing a sheet)', () => {
  expect(readFileSync('docs/workbook.md', 'utf8')).toBe(renderWorkbookDoc());
});
