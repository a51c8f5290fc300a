// npm run docs: writes docs/workbook.md from the schema.
import { writeFileSync } from 'node:fs';
import { renderWorkbookDoc } from './workbook-doc-render';

writeFileSync('docs/workbook.md', renderWorkbookDoc());
console.log('docs/workbook.md written');
