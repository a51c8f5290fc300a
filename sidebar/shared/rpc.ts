/**
 * A typed promise wrapper over `google.script.run`. Apps Script calls back instead of returning
 * promises, and a failure arrives at withFailureHandler as an Error carrying the server's message.
 */
import type { ServerApi } from './server-api';

interface ScriptRunner {
  withSuccessHandler(f: (value: unknown) => void): ScriptRunner;
  withFailureHandler(f: (error: unknown) => void): ScriptRunner;
  [name: string]: unknown;
}

declare global {
  interface Window {
    google?: { script?: { run?: ScriptRunner } };
  }
}

export type ServerName = keyof ServerApi;
export type ServerArgs<K extends ServerName> = Parameters<ServerApi[K]>;
export type ServerResult<K extends ServerName> = ReturnType<ServerApi[K]>;

/** An error from the server or the transport; `message` is what the user should read. */
export class RpcError extends Error {
  constructor(
    message: string,
    readonly call: string,
  ) {
    super(message);
    this.name = 'RpcError';
  }
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  return String(error);
}

/** Calls a server function; resolves with its result, rejects with an RpcError. */
export function call<K extends ServerName>(
  name: K,
  ...args: ServerArgs<K>
): Promise<ServerResult<K>> {
  return new Promise((resolve, reject) => {
    const run = window.google?.script?.run;
    if (!run) {
      reject(new RpcError('google.script.run is not available', name));
      return;
    }
    const runner = run
      .withSuccessHandler((value) => resolve(value as ServerResult<K>))
      .withFailureHandler((error) => reject(new RpcError(messageOf(error), name)));
    const fn = runner[name];
    if (typeof fn !== 'function') {
      reject(new RpcError(`google.script.run has no ${name}`, name));
      return;
    }
    (fn as (...a: unknown[]) => void).apply(runner, args);
  });
}
