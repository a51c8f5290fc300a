import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { vmRealm } from './core/realm';
import type { EnabledAdvancedService } from './services/advanced/registry';
import { Workspace, type WorkspaceOptions } from './workspace';

/**
 * Replaces the context's Date with one whose "now" is the emulator's clock. Instances stay real
 * Dates of the context (`Date.prototype` is shared), so `instanceof Date` holds for values the
 * bundle makes and for values the emulator hands it.
 */
const DATE_PRELUDE = `(function (now) {
  var RealDate = globalThis.Date;
  var VirtualDate = function Date() {
    if (!new.target) return new RealDate(now()).toString();
    var args = arguments.length === 0 ? [now()] : Array.prototype.slice.call(arguments);
    return Reflect.construct(RealDate, args, new.target === VirtualDate ? RealDate : new.target);
  };
  VirtualDate.prototype = RealDate.prototype;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: VirtualDate, writable: true, configurable: true });
  VirtualDate.now = function () { return now(); };
  VirtualDate.UTC = RealDate.UTC;
  VirtualDate.parse = RealDate.parse;
  globalThis.Date = VirtualDate;
  return RealDate;
})`;

export interface Bundle {
  readonly workspace: Workspace;
  /** Names of the functions Apps Script would find at the top level of the script. */
  readonly entryPoints: readonly string[];
  /** Every own global name the script defined (to check nothing leaks). */
  readonly scriptGlobals: readonly string[];
  /**
   * Runs one execution: calls a top-level function the way Apps Script does (a menu click, a
   * trigger, google.script.run, a card action). Arguments are copied into the script's realm and
   * the result back out of it.
   */
  run(name: string, args?: unknown[], options?: { triggered?: boolean }): unknown;
  /** Like `run`, but arguments and result pass through JSON, as google.script.run requires. */
  runJson(name: string, args?: unknown[]): unknown;
}

/** The parts of appsscript.json the runtime reads. */
export interface ScriptManifest {
  readonly oauthScopes?: readonly string[];
  readonly dependencies?: {
    readonly enabledAdvancedServices?: readonly EnabledAdvancedService[];
  };
}

export interface LoadOptions extends WorkspaceOptions {
  /** Reuse an existing workspace instead of making one from the options. */
  workspace?: Workspace;
  /**
   * The manifest the bundle ships (`loadBundleFromDist` reads `appsscript.json`): its advanced
   * services become globals under their userSymbol, and its explicit `oauthScopes` are the only
   * scopes the advanced services grant. Without one, no advanced service exists.
   */
  manifest?: ScriptManifest;
}

/** Loads `dist/Code.js` (with its manifest and HTML files) into a bare node:vm context. */
export function loadBundleFromDist(distDir: string, options: LoadOptions = {}): Bundle {
  const code = readFileSync(join(distDir, 'Code.js'), 'utf8');
  const manifestPath = join(distDir, 'appsscript.json');
  const manifest =
    options.manifest ??
    (existsSync(manifestPath)
      ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as ScriptManifest)
      : undefined);
  const htmlFiles: Record<string, string> = {};
  for (const file of readdirSync(distDir)) {
    if (file.endsWith('.html'))
      htmlFiles[file.slice(0, -5)] = readFileSync(join(distDir, file), 'utf8');
  }
  return loadBundle(code, { htmlFiles, ...options, manifest });
}

export function loadBundle(code: string, options: LoadOptions = {}): Bundle {
  const manifest = options.manifest;
  const advanced = manifest?.dependencies?.enabledAdvancedServices ?? options.advancedServices;
  const workspace =
    options.workspace ??
    new Workspace({
      ...options,
      advancedServices: advanced,
      oauthScopes: manifest?.oauthScopes ?? options.oauthScopes,
    });
  if (options.workspace && manifest?.oauthScopes) workspace.grantedScopes = manifest.oauthScopes;
  if (options.workspace && options.htmlFiles) {
    for (const [name, html] of Object.entries(options.htmlFiles))
      workspace.htmlFiles.set(name, html);
  }
  const context = vm.createContext({}, { name: 'Apps Script V8 (Pokke emulator)' });
  const makeDate = vm.runInContext(DATE_PRELUDE, context) as (now: () => number) => DateConstructor;
  makeDate(() => workspace.clock.now());
  const intrinsics = vm.runInContext(
    '({ Date: Date, Error: Error, TypeError: TypeError, Array: Array, ObjectPrototype: Object.prototype, JSON: JSON })',
    context,
  );
  const realm = vmRealm(intrinsics);
  const before = new Set(Object.getOwnPropertyNames(context));
  const globals = workspace.globals(realm, advanced ?? workspace.advancedServices);
  for (const [name, value] of Object.entries(globals)) context[name] = value;
  const console = makeConsole(workspace);
  context.console = console;
  context.Logger = makeLogger(workspace);
  const provided = new Set([...before, ...Object.keys(globals), 'console', 'Logger']);

  vm.runInContext(code, context, { filename: 'Code.js' });

  const scriptGlobals = Object.getOwnPropertyNames(context).filter((n) => !provided.has(n));
  const entryPoints = scriptGlobals.filter((n) => typeof context[n] === 'function');
  const guestJson = intrinsics.JSON as JSON;

  const run = (name: string, args: unknown[] = [], opts: { triggered?: boolean } = {}): unknown => {
    const fn = context[name];
    if (typeof fn !== 'function') {
      throw new Error(`Script function not found: ${name}`);
    }
    workspace.beginExecution(name, opts);
    try {
      const result = (fn as (...a: unknown[]) => unknown)(...args.map((a) => realm.toGuest(a)));
      return realm.toHost(result);
    } finally {
      workspace.endExecution();
    }
  };

  return {
    workspace,
    entryPoints,
    scriptGlobals,
    run,
    runJson(name, args = []) {
      const guestArgs = guestJson.parse(JSON.stringify(args)) as unknown[];
      const fn = context[name];
      if (typeof fn !== 'function' || name.endsWith('_')) {
        throw new Error(`Script function not found: ${name}`);
      }
      workspace.beginExecution(name);
      try {
        const result = (fn as (...a: unknown[]) => unknown)(...guestArgs);
        assertJsonValue(result, name);
        return result === undefined ? null : JSON.parse(guestJson.stringify(result) ?? 'null');
      } finally {
        workspace.endExecution();
      }
    },
  };
}

/**
 * google.script.run carries primitives, arrays and plain objects only; Apps Script drops or
 * refuses Dates and functions in a result. The emulator refuses them loudly so the bug shows.
 */
function assertJsonValue(value: unknown, path: string): void {
  if (value === null || value === undefined) return;
  const t = typeof value;
  if (t === 'string' || t === 'number' || t === 'boolean') return;
  if (t === 'object' && Object.prototype.toString.call(value) === '[object Date]') {
    throw new Error(`google.script.run cannot return a Date (${path}); send an ISO string instead`);
  }
  if (t === 'object') {
    for (const [k, v] of Object.entries(value as object)) assertJsonValue(v, `${path}.${k}`);
    return;
  }
  throw new Error(`google.script.run cannot return a ${t} (${path})`);
}

function format(args: unknown[]): string {
  return args
    .map((a) =>
      typeof a === 'string' ? a : a instanceof Error ? (a.stack ?? a.message) : JSON.stringify(a),
    )
    .join(' ');
}

function makeConsole(ws: Workspace) {
  return {
    log: (...a: unknown[]) => ws.log('log', format(a)),
    info: (...a: unknown[]) => ws.log('info', format(a)),
    warn: (...a: unknown[]) => ws.log('warn', format(a)),
    error: (...a: unknown[]) => ws.log('error', format(a)),
  };
}

function makeLogger(ws: Workspace) {
  const logger = {
    log: (...a: unknown[]) => {
      ws.log('log', format(a));
      return logger;
    },
    getLog: () => ws.logs.map((l) => l.message).join('\n'),
    clear: () => {
      ws.logs.length = 0;
    },
  };
  return logger;
}
