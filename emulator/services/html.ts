import { escapeHtml } from '../core/html-escape';
import { API_NAME, EXPANDO } from '../core/instrument';
import type { Workspace } from '../workspace';
import { Blob, blobOf } from './blob';
import { enumOf, isEnumValue } from './enum';
import { signatureError } from './ui';

export const SANDBOX_MODE = enumOf('EMULATED', 'IFRAME', 'NATIVE');
export const X_FRAME_OPTIONS_MODE = enumOf('ALLOWALL', 'DEFAULT');
type GasSandboxMode = GoogleAppsScript.HTML.SandboxMode;
type GasXFrameOptionsMode = GoogleAppsScript.HTML.XFrameOptionsMode;

/** A JavaScript literal that is safe inside a `<script>` element. */
function jsLiteral(value: unknown): string {
  const json = value === undefined ? 'undefined' : JSON.stringify(value);
  if (json === undefined) return 'undefined';
  return json.replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function isBlobSource(source: unknown): source is GoogleAppsScript.Base.BlobSource {
  return (
    typeof source === 'object' &&
    source !== null &&
    typeof (source as { getBlob?: unknown }).getBlob === 'function'
  );
}

export class HtmlOutputMetaTag implements GoogleAppsScript.HTML.HtmlOutputMetaTag {
  readonly [API_NAME] = 'HtmlOutputMetaTag';

  constructor(
    private readonly name: string,
    private readonly content: string,
  ) {}

  getName(): string {
    return this.name;
  }

  getContent(): string {
    return this.content;
  }
}

/** Sanitised HTML a script can serve or show in a sidebar or dialog. */
export class HtmlOutput implements GoogleAppsScript.HTML.HtmlOutput {
  readonly [API_NAME] = 'HtmlOutput';
  private content: string;
  private title = '';
  private width = 0;
  private height = 0;
  private faviconUrl = '';
  private readonly metaTags: HtmlOutputMetaTag[] = [];
  private sandboxMode: string = SANDBOX_MODE.IFRAME;
  private xFrameOptionsMode: string = X_FRAME_OPTIONS_MODE.DEFAULT;

  // ES private: the script must not reach the workspace through the proxy.
  readonly #ws: Workspace;

  constructor(ws: Workspace, content = '') {
    this.#ws = ws;
    this.content = content;
  }

  /** A text/html Blob of the content. */
  getBlob(): Blob {
    return new Blob(this.#ws, this.content, 'text/html');
  }

  /** The content converted, as `getBlob().getAs(contentType)` (PDF counts as a conversion). */
  getAs(contentType: string): Blob {
    return this.getBlob().getAs(contentType);
  }

  getContent(): string {
    return this.content;
  }

  setContent(content: string): this {
    this.content = String(content);
    return this;
  }

  append(addedContent: string): this {
    this.content += String(addedContent);
    return this;
  }

  appendUntrusted(addedContent: string): this {
    this.content += escapeHtml(String(addedContent));
    return this;
  }

  clear(): this {
    this.content = '';
    return this;
  }

  asTemplate(): HtmlTemplate {
    return new HtmlTemplate(this.#ws, this.content, {});
  }

  getTitle(): string {
    return this.title;
  }

  setTitle(title: string): this {
    this.title = String(title);
    return this;
  }

  getWidth(): number {
    return this.width;
  }

  setWidth(width: number): this {
    if (typeof width !== 'number') throw signatureError('HtmlOutput.setWidth', [width]);
    this.width = Math.trunc(width);
    return this;
  }

  getHeight(): number {
    return this.height;
  }

  setHeight(height: number): this {
    if (typeof height !== 'number') throw signatureError('HtmlOutput.setHeight', [height]);
    this.height = Math.trunc(height);
    return this;
  }

  getFaviconUrl(): string {
    return this.faviconUrl;
  }

  setFaviconUrl(iconUrl: string): this {
    this.faviconUrl = String(iconUrl);
    return this;
  }

  addMetaTag(name: string, content: string): this {
    this.metaTags.push(new HtmlOutputMetaTag(String(name), String(content)));
    return this;
  }

  getMetaTags(): HtmlOutputMetaTag[] {
    return [...this.metaTags];
  }

  /** Only IFRAME is in effect since 2015; the call is kept and has no effect, as in Apps Script. */
  setSandboxMode(mode: GasSandboxMode): this {
    if (!isEnumValue(SANDBOX_MODE, mode)) {
      throw signatureError('HtmlOutput.setSandboxMode', [mode]);
    }
    this.sandboxMode = mode;
    return this;
  }

  setXFrameOptionsMode(mode: GasXFrameOptionsMode): this {
    if (!isEnumValue(X_FRAME_OPTIONS_MODE, mode)) {
      throw signatureError('HtmlOutput.setXFrameOptionsMode', [mode]);
    }
    this.xFrameOptionsMode = mode;
    return this;
  }

  /** Emulator-only: the settings a page host (the playground) needs besides the content. */
  describe(): {
    title: string;
    width: number;
    height: number;
    faviconUrl: string;
    metaTags: { name: string; content: string }[];
    sandboxMode: string;
    xFrameOptionsMode: string;
  } {
    return {
      title: this.title,
      width: this.width,
      height: this.height,
      faviconUrl: this.faviconUrl,
      metaTags: this.metaTags.map((t) => ({ name: t.getName(), content: t.getContent() })),
      sandboxMode: this.sandboxMode,
      xFrameOptionsMode: this.xFrameOptionsMode,
    };
  }
}

type Piece =
  | { kind: 'text'; text: string }
  | { kind: 'print'; code: string; context: 'html' | 'script' }
  | { kind: 'force'; code: string }
  | { kind: 'code'; code: string };

/** Splits a template into static text and scriptlets (`<?= ?>`, `<?!= ?>`, `<? ?>`). */
function parseTemplate(source: string): Piece[] {
  const pieces: Piece[] = [];
  let emitted = '';
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf('<?', i);
    if (open < 0) {
      pieces.push({ kind: 'text', text: source.slice(i) });
      break;
    }
    if (open > i) {
      const text = source.slice(i, open);
      pieces.push({ kind: 'text', text });
      emitted += text;
    }
    const close = source.indexOf('?>', open + 2);
    if (close < 0) throw new SyntaxError('Unterminated scriptlet: missing ?>');
    const inner = source.slice(open + 2, close);
    if (inner.startsWith('!=')) {
      pieces.push({ kind: 'force', code: inner.slice(2) });
    } else if (inner.startsWith('=')) {
      const lower = emitted.toLowerCase();
      const inScript = lower.lastIndexOf('<script') > lower.lastIndexOf('</script');
      pieces.push({ kind: 'print', code: inner.slice(1), context: inScript ? 'script' : 'html' });
    } else {
      pieces.push({ kind: 'code', code: inner });
    }
    i = close + 2;
  }
  return pieces;
}

function generate(pieces: readonly Piece[], comments: boolean): string {
  const lines = ['(function() { var output = HtmlService.initTemplate();'];
  for (const p of pieces) {
    if (p.kind === 'text') lines.push(`  output._ = ${JSON.stringify(p.text)};`);
    else if (p.kind === 'print') {
      lines.push(`  output._$ = ${p.code.trim()};${comments ? ` // <?=${p.code}?>` : ''}`);
    } else if (p.kind === 'force') {
      lines.push(`  output._ = ${p.code.trim()};${comments ? ` // <?!=${p.code}?>` : ''}`);
    } else lines.push(`  ${p.code.trim()}${comments ? ` // <?${p.code}?>` : ''}`);
  }
  lines.push('  return output.$out; })();');
  return lines.join('\n');
}

const TEMPLATE_SOURCE: unique symbol = Symbol('templateSource');
const TEMPLATE_GLOBALS: unique symbol = Symbol('templateGlobals');
const TEMPLATE_WS: unique symbol = Symbol('templateWorkspace');

type HtmlTemplateApi = Pick<
  GoogleAppsScript.HTML.HtmlTemplate,
  'evaluate' | 'getCode' | 'getCodeWithComments' | 'getRawContent'
>;

/**
 * A template whose scriptlets run at `evaluate()`. Properties assigned to the template become
 * variables of its scriptlets. The compiled template runs in the emulator's realm, with the
 * template's properties and the service's `templateGlobals` in scope (not the script's globals).
 */
export class HtmlTemplate implements HtmlTemplateApi {
  readonly [API_NAME] = 'HtmlTemplate';
  readonly [EXPANDO] = true;
  private readonly [TEMPLATE_SOURCE]: string;
  private readonly [TEMPLATE_GLOBALS]: Record<string, unknown>;
  // Symbol-keyed so that only properties the script assigns become template variables.
  private readonly [TEMPLATE_WS]: Workspace;

  constructor(ws: Workspace, source: string, globals: Record<string, unknown>) {
    this[TEMPLATE_WS] = ws;
    this[TEMPLATE_SOURCE] = source;
    this[TEMPLATE_GLOBALS] = globals;
  }

  getRawContent(): string {
    return this[TEMPLATE_SOURCE];
  }

  getCode(): string {
    return generate(parseTemplate(this[TEMPLATE_SOURCE]), false);
  }

  getCodeWithComments(): string {
    return generate(parseTemplate(this[TEMPLATE_SOURCE]), true);
  }

  evaluate(): HtmlOutput {
    const pieces = parseTemplate(this[TEMPLATE_SOURCE]);
    const body: string[] = [];
    for (const [n, p] of pieces.entries()) {
      if (p.kind === 'text') body.push(`__out.raw(__text[${n}]);`);
      else if (p.kind === 'print')
        body.push(`__out.print((${p.code}\n), ${JSON.stringify(p.context)});`);
      else if (p.kind === 'force') body.push(`__out.force((${p.code}\n));`);
      else body.push(`${p.code}\n;`);
    }
    const texts = pieces.map((p) => (p.kind === 'text' ? p.text : ''));
    let html = '';
    const out = {
      raw: (s: string) => {
        html += s;
      },
      print: (v: unknown, context: 'html' | 'script') => {
        if (context === 'script') html += jsLiteral(v);
        else html += v === undefined || v === null ? '' : escapeHtml(String(v));
      },
      force: (v: unknown) => {
        html += v === undefined || v === null ? '' : String(v);
      },
    };
    const scope = Object.assign(
      Object.create(this[TEMPLATE_GLOBALS]) as object,
      Object.fromEntries(Object.entries(this)),
    );
    // Sloppy-mode function on purpose: `with` puts the template's properties in scope.
    const run = new Function(
      '__out',
      '__text',
      '__scope',
      `with (__scope) {\n${body.join('\n')}\n}`,
    );
    run(out, texts, scope);
    return new HtmlOutput(this[TEMPLATE_WS], html);
  }
}

/** HtmlService: HTML outputs, templates and the project's HTML files (`ws.htmlFiles`). */
export class HtmlServiceEmulator implements GoogleAppsScript.HTML.HtmlService {
  readonly [API_NAME] = 'HtmlService';
  readonly SandboxMode = SANDBOX_MODE as unknown as typeof GoogleAppsScript.HTML.SandboxMode;
  readonly XFrameOptionsMode =
    X_FRAME_OPTIONS_MODE as unknown as typeof GoogleAppsScript.HTML.XFrameOptionsMode;
  /**
   * Emulator-only: names visible to template scriptlets besides the template's own properties
   * (on Apps Script, the script's global functions, such as an `include(name)` helper).
   */
  readonly templateGlobals: Record<string, unknown> = {};

  readonly #ws: Workspace;

  constructor(ws: Workspace) {
    this.#ws = ws;
  }

  private file(method: string, filename: string): string {
    if (typeof filename !== 'string') throw signatureError(`HtmlService.${method}`, [filename]);
    const name = filename.endsWith('.html') ? filename.slice(0, -5) : filename;
    const html = this.#ws.htmlFiles.get(name);
    if (html === undefined) throw new Error(`No HTML file named ${filename} was found.`);
    return html;
  }

  private source(method: string, arg: unknown): string {
    if (typeof arg === 'string') return arg;
    if (!isBlobSource(arg)) throw signatureError(`HtmlService.${method}`, [arg]);
    return blobOf(this.#ws, arg).getDataAsString();
  }

  createHtmlOutput(html?: string | GoogleAppsScript.Base.BlobSource): HtmlOutput {
    if (html === undefined) return new HtmlOutput(this.#ws, '');
    return new HtmlOutput(this.#ws, this.source('createHtmlOutput', html));
  }

  createHtmlOutputFromFile(filename: string): HtmlOutput {
    return new HtmlOutput(this.#ws, this.file('createHtmlOutputFromFile', filename));
  }

  createTemplate(html: string | GoogleAppsScript.Base.BlobSource): HtmlTemplate {
    return new HtmlTemplate(this.#ws, this.source('createTemplate', html), this.templateGlobals);
  }

  createTemplateFromFile(filename: string): HtmlTemplate {
    return new HtmlTemplate(
      this.#ws,
      this.file('createTemplateFromFile', filename),
      this.templateGlobals,
    );
  }

  getUserAgent(): string {
    return 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';
  }
}
