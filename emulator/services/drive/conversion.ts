import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emulatedPdfHtml } from '../blob';
import { htmlToText } from '../gmail/message';
import { estimatePdfPages } from '../pdf-pages';

/**
 * What Drive does when a file is uploaded as a Google Doc (`files.create` with the Docs mime
 * type): the Doc's text is the file's text. Here it is real, not made up:
 *
 * - a PDF's text layer is read with pdfjs-dist (Mozilla's PDF.js) in a child process
 *   (`pdf-text.mjs`: the emulator is synchronous, PDF.js is not). A PDF without a text layer (a
 *   scan) gives an empty Doc: a real Drive would OCR its pages, tesseract cannot read PDFs.
 *   A PDF the emulator made itself (`getAs`, EMULATED_PDF_MARKER) reads as the text of its HTML.
 * - an image (PNG, JPEG, GIF) goes through Debian's tesseract OCR (5.x), `ocrLanguage` choosing the
 *   trained data: 'ja' → jpn+eng (a Japanese receipt has Latin letters and digits too), 'en' →
 *   eng; none → jpn+eng (Drive detects the language itself).
 * - plain text is the Doc's text as it is.
 *
 * Anything else throws: the emulator does not pretend to convert what it cannot read.
 */

export const GOOGLE_DOC_MIME = 'application/vnd.google-apps.document';

/** The Debian packages the image OCR needs, as the error and the test tools name them. */
export const TESSERACT_INSTALL = 'apt-get install -y tesseract-ocr tesseract-ocr-jpn';

/** The text Drive puts in the new Doc, and the pages it read (for the modelled cost). */
export interface DocConversion {
  readonly text: string;
  readonly pages: number;
}

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif']);

const TESSERACT_LANGUAGES: Readonly<Record<string, string>> = { ja: 'jpn+eng', en: 'eng' };

/** The Doc text of `bytes` of type `contentType`, read as Drive's conversion would. */
export function convertToDocText(
  bytes: Uint8Array,
  contentType: string,
  ocrLanguage: string | undefined,
): DocConversion {
  const type = contentType.toLowerCase().split(';')[0]?.trim() ?? '';
  if (type === 'application/pdf') return pdfText(bytes);
  if (IMAGE_TYPES.has(type)) return { text: imageText(bytes, ocrLanguage), pages: 1 };
  if (type === 'text/plain') return { text: Buffer.from(bytes).toString('utf8'), pages: 1 };
  throw new Error(`Converting ${type || 'a file without a type'} to a Google Doc is not emulated`);
}

/** Thrown for a PDF that PDF.js cannot open (a corrupt or truncated file). */
export class UnreadablePdf extends Error {
  constructor(reason: string) {
    super(`The PDF could not be read: ${reason}`);
    this.name = 'UnreadablePdf';
  }
}

function pdfText(bytes: Uint8Array): DocConversion {
  const html = emulatedPdfHtml(bytes);
  if (html !== undefined) return { text: htmlToText(html), pages: estimatePdfPages(html) };
  const run = spawnSync(process.execPath, [join(__dirname, 'pdf-text.mjs')], {
    input: Buffer.from(bytes),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) {
    throw new Error(`pdf-text.mjs failed (exit ${run.status}): ${run.stderr || run.error}`);
  }
  const out = JSON.parse(run.stdout) as { pages?: number; text?: string; error?: string };
  if (out.error !== undefined) throw new UnreadablePdf(out.error);
  return { text: out.text ?? '', pages: Math.max(1, out.pages ?? 1) };
}

function imageText(bytes: Uint8Array, ocrLanguage: string | undefined): string {
  const languages = TESSERACT_LANGUAGES[ocrLanguage ?? 'ja'];
  if (!languages) {
    throw new Error(
      `OCR in ${ocrLanguage} is not emulated (the emulator has tesseract's ja and en data)`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'pokke-ocr-'));
  try {
    const file = join(dir, 'image');
    writeFileSync(file, bytes);
    // --psm 6 reads the image as one block of lines, as Drive reads a receipt: a label and its
    // amount on one line. tesseract's automatic layout (psm 3) splits a photographed receipt
    // into a column of labels and a column of amounts and drops lines of both.
    const run = spawnSync('tesseract', [file, 'stdout', '-l', languages, '--psm', '6'], {
      env: process.env,
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    if ((run.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
      throw new Error(`The emulator's OCR needs tesseract: run ${TESSERACT_INSTALL}`);
    }
    if (run.status !== 0) {
      const missingData = /Failed loading language|Error opening data file/i.test(run.stderr);
      throw new Error(
        missingData
          ? `tesseract has no ${languages} data: run ${TESSERACT_INSTALL}`
          : `tesseract failed (exit ${run.status}): ${run.stderr.trim()}`,
      );
    }
    return tidyOcr(run.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** tesseract's lines without their trailing spaces, and no runs of blank lines. */
function tidyOcr(ocr: string): string {
  return ocr
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
