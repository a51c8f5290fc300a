import * as z from 'zod/mini';
import { UserError } from '../core/text';
import { isInstalledTrigger } from '../services/triggers';
import { guard } from './rpc';

/**
 * The part of a time-driven event Pokke relies on: the unique ID of the installed trigger that
 * fired (Apps Script's Time-driven event also carries authMode, the date fields, timezone).
 */
const timeDrivenEvent = z.looseObject({
  triggerUid: z.string().check(z.minLength(1), z.maxLength(100)),
});

/**
 * Handlers only a trigger may run are still top-level functions, so any page that knows their
 * name can call them through google.script.run. A real firing carries the ID of one of this
 * user's triggers for `handler`; anything else is refused before anything is read or written.
 */
export function requireTriggerFiring(handler: string, event: unknown): void {
  const parsed = timeDrivenEvent.safeParse(event);
  if (parsed.success && isInstalledTrigger(handler, parsed.data.triggerUid)) return;
  // The caller is a page: it reads the refusal in the user's language (the one thing read).
  guard(() => {
    throw new UserError(
      `「${handler}」は Pokke のトリガーだけが実行できます。今すぐ実行するにはサイドバーを使ってください`,
      `${handler} runs only from Pokke's own trigger. Use the sidebar to run it now`,
    );
  });
}
