/** Just enough MIME reading for tests: a header, RFC 2047 words, the parts of an .eml file. */

/** The unfolded value of a top-level header, RFC 2047 encoded-words decoded. */
export function header(eml: string, name: string): string {
  const head = eml.split(/\r\n\r\n/)[0] ?? '';
  const unfolded = head.replace(/\r\n[ \t]+/g, ' ');
  const line = unfolded
    .split('\r\n')
    .find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  if (line === undefined) return '';
  return decodeWords(line.slice(name.length + 1).trim());
}

export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(
      /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g,
      (_, _charset: string, enc: string, text: string) =>
        enc.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64').toString('utf8')
          : Buffer.from(
              text
                .replace(/_/g, ' ')
                .replace(/=([0-9A-F]{2})/gi, (_m, h: string) =>
                  String.fromCharCode(Number.parseInt(h, 16)),
                ),
              'latin1',
            ).toString('utf8'),
    );
}

export interface MimePart {
  contentType: string;
  headers: string;
  body: Buffer;
}

/** Every leaf part (multiparts walked), with base64 bodies decoded. */
export function leafParts(eml: string): MimePart[] {
  const out: MimePart[] = [];
  const walk = (text: string) => {
    const split = text.indexOf('\r\n\r\n');
    const headers = split >= 0 ? text.slice(0, split) : text;
    const body = split >= 0 ? text.slice(split + 4) : '';
    const unfolded = headers.replace(/\r\n[ \t]+/g, ' ');
    const type = /^content-type:\s*([^;\r\n]+)/im.exec(unfolded)?.[1]?.trim().toLowerCase() ?? '';
    const boundary = /boundary="?([^";\r\n]+)"?/i.exec(unfolded)?.[1];
    if (type.startsWith('multipart/') && boundary) {
      const pieces = body.split(`--${boundary}`);
      for (const piece of pieces.slice(1)) {
        if (piece.startsWith('--')) break;
        walk(piece.replace(/^\r\n/, '').replace(/\r\n$/, ''));
      }
      return;
    }
    const base64 = /^content-transfer-encoding:\s*base64/im.test(unfolded);
    out.push({
      contentType: type,
      headers: unfolded,
      body: base64 ? Buffer.from(body.replace(/\s+/g, ''), 'base64') : Buffer.from(body, 'utf8'),
    });
  };
  walk(eml);
  return out;
}

/** A PDF Chromium made: the header, an end-of-file marker, not the emulator's stand-in. */
export function isRealPdf(bytes: Buffer): boolean {
  return (
    bytes.subarray(0, 5).toString('latin1') === '%PDF-' &&
    !bytes.subarray(0, 200).toString('latin1').includes('Pokke-emulated-PDF') &&
    bytes.subarray(-64).toString('latin1').includes('%%EOF')
  );
}
