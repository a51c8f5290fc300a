/**
 * The `addOns` section of appsscript.json (developers.google.com/workspace/add-ons/concepts/
 * workspace-manifests and .../gmail manifest reference): which function Apps Script runs for a
 * homepage, a Gmail message opened (contextual trigger) or a universal action, and
 * `runAddonTrigger` to run one against the bundle the way the host would, with the ~30-second
 * limit of a card-returning trigger.
 *
 * Validated with zod; anything Apps Script would refuse at deployment, or would silently never
 * call, is an error here:
 * - `common.name` and `common.logoUrl` are required;
 * - trigger objects take only their documented fields (`runFunction`, `enabled`;
 *   `unconditional: {}` + `onTriggerFunction` for a Gmail contextual trigger: "unconditional" is
 *   the only condition Gmail offers);
 * - a universal action has a `label` and exactly one of `openLink` / `runFunction`;
 * - function names must be plain identifiers (Apps Script finds top-level functions by name);
 * - host sections are the known hosts (a misspelt host would be ignored by Apps Script).
 * A host's own `homepageTrigger` overrides the common one; `enabled: false` turns it off.
 */
import * as z from 'zod';
import { type AddonEvent, buildActionEvent, type Host } from './addon-events';
import { renderCardHtml } from './card-render';
import { CARD_RESPONSE_LIMIT_MS, type ExecutionReport } from './core/meter';
import type { Bundle } from './runtime';
import { type CardJson, cardTree, type ResponseJson } from './services/card';

const functionName = z
  .string()
  .regex(/^[A-Za-z_$][\w$]*$/, 'expected the name of a top-level function');

const homepageTrigger = z.strictObject({
  runFunction: functionName,
  enabled: z.boolean().optional(),
});

const universalAction = z
  .strictObject({
    label: z.string().min(1),
    openLink: z.url({ protocol: /^https?$/ }).optional(),
    runFunction: functionName.optional(),
  })
  .refine((a) => (a.openLink === undefined) !== (a.runFunction === undefined), {
    message: 'a universal action needs exactly one of openLink and runFunction',
  });

const contextualTrigger = z.strictObject({
  unconditional: z.strictObject({}),
  onTriggerFunction: functionName,
});

const hostSection = z.looseObject({ homepageTrigger: homepageTrigger.optional() });

export const addOnsSchema = z.strictObject({
  common: z.looseObject({
    name: z.string().min(1),
    logoUrl: z.url({ protocol: /^https?$/ }),
    homepageTrigger: homepageTrigger.optional(),
    universalActions: z.array(universalAction).optional(),
    layoutProperties: z
      .strictObject({ primaryColor: z.string(), secondaryColor: z.string().optional() })
      .partial()
      .optional(),
    useLocaleFromApp: z.boolean().optional(),
    openLinkUrlPrefixes: z.array(z.string()).optional(),
  }),
  gmail: hostSection
    .extend({
      contextualTriggers: z.array(contextualTrigger).optional(),
      composeTrigger: z
        .looseObject({
          selectActions: z
            .array(z.strictObject({ text: z.string().min(1), runFunction: functionName }))
            .optional(),
          draftAccess: z.enum(['NONE', 'METADATA']).optional(),
        })
        .optional(),
    })
    .optional(),
  calendar: hostSection.optional(),
  drive: hostSection.optional(),
  docs: hostSection.optional(),
  sheets: hostSection.optional(),
  slides: hostSection.optional(),
});

export type AddOnsManifest = z.infer<typeof addOnsSchema>;

/** The add-on part of a manifest, validated, with its functions resolved. */
export interface AddonManifest {
  readonly name: string;
  readonly logoUrl: string;
  /** Hosts the add-on extends (the host sections present). */
  readonly hosts: readonly Host[];
  /** The homepage function per host (its own trigger, else the common one), unless disabled. */
  readonly homepage: Readonly<Partial<Record<Host, string>>>;
  /** Functions of Gmail's contextual triggers, in manifest order. */
  readonly gmailContextual: readonly string[];
  readonly universalActions: readonly { label: string; openLink?: string; runFunction?: string }[];
  /** Every function the manifest names (to check against the bundle's entry points). */
  readonly functions: readonly string[];
  readonly raw: AddOnsManifest;
}

const HOSTS: readonly Host[] = ['gmail', 'calendar', 'drive', 'docs', 'sheets', 'slides'];

/** Turns zod's issues into one message naming each bad field by its path. */
function describe(error: z.ZodError): string {
  return error.issues
    .map((i) => {
      const path = ['addOns', ...i.path.map(String)].join('.').replace(/\.(\d+)(?=\.|$)/g, '[$1]');
      return `${path}: ${i.message}`;
    })
    .join('; ');
}

/**
 * Reads and validates `manifest.addOns` (pass the whole appsscript.json). Throws
 * `Invalid appsscript.json addOns: <path>: <problem>; …` when it is missing or malformed.
 */
export function readAddonManifest(manifest: unknown): AddonManifest {
  const addOns =
    typeof manifest === 'object' && manifest !== null
      ? (manifest as { addOns?: unknown }).addOns
      : undefined;
  if (addOns === undefined) {
    throw new Error('Invalid appsscript.json addOns: the manifest has no addOns section');
  }
  const parsed = addOnsSchema.safeParse(addOns);
  if (!parsed.success) throw new Error(`Invalid appsscript.json addOns: ${describe(parsed.error)}`);
  const raw = parsed.data;
  const hosts = HOSTS.filter((h) => raw[h] !== undefined);
  const homepage: Partial<Record<Host, string>> = {};
  const common = raw.common.homepageTrigger;
  for (const host of hosts) {
    const trigger = raw[host]?.homepageTrigger ?? common;
    if (trigger && trigger.enabled !== false) homepage[host] = trigger.runFunction;
  }
  const gmailContextual = (raw.gmail?.contextualTriggers ?? []).map((t) => t.onTriggerFunction);
  const universalActions = (raw.common.universalActions ?? []).map((a) => ({ ...a }));
  const functions = new Set<string>([
    ...(common ? [common.runFunction] : []),
    ...hosts.flatMap((h) => {
      const t = raw[h]?.homepageTrigger;
      return t ? [t.runFunction] : [];
    }),
    ...gmailContextual,
    ...universalActions.flatMap((a) => (a.runFunction ? [a.runFunction] : [])),
    ...(raw.gmail?.composeTrigger?.selectActions ?? []).map((a) => a.runFunction),
  ]);
  return {
    name: raw.common.name,
    logoUrl: raw.common.logoUrl,
    hosts,
    homepage,
    gmailContextual,
    universalActions,
    functions: [...functions],
    raw,
  };
}

/** Manifest functions the bundle does not define at its top level (Apps Script could not call them). */
export function missingAddonFunctions(manifest: unknown, entryPoints: readonly string[]): string[] {
  const have = new Set(entryPoints);
  return readAddonManifest(manifest).functions.filter((f) => !have.has(f));
}

export type AddonTriggerKind = 'homepage' | 'contextual' | { universalAction: string };

/** The function Apps Script runs for `kind` in `host`, or an error saying why there is none. */
export function addonTriggerFunction(
  manifest: unknown,
  kind: AddonTriggerKind,
  host: Host = 'gmail',
): string {
  const addon = readAddonManifest(manifest);
  if (!addon.hosts.includes(host)) {
    throw new Error(`The add-on's manifest has no addOns.${host} section`);
  }
  if (kind === 'homepage') {
    const fn = addon.homepage[host];
    if (!fn) throw new Error(`No homepage trigger for ${host} (none declared, or enabled: false)`);
    return fn;
  }
  if (kind === 'contextual') {
    if (host !== 'gmail') throw new Error('Contextual triggers are emulated for Gmail only');
    const fn = addon.gmailContextual[0];
    if (!fn) throw new Error('No addOns.gmail.contextualTriggers in the manifest');
    return fn;
  }
  const action = addon.universalActions.find((a) => a.label === kind.universalAction);
  if (!action) throw new Error(`No universal action labelled "${kind.universalAction}"`);
  if (!action.runFunction) {
    throw new Error(`The universal action "${action.label}" opens a link; it runs no function`);
  }
  return action.runFunction;
}

export interface AddonTriggerResult {
  readonly functionName: string;
  /** What the function returned, as the bundle returned it. */
  readonly value: unknown;
  /** The built card(s) or response as JSON (`cardTree`). */
  readonly response: CardJson | CardJson[] | ResponseJson;
  /** The cards to show: the returned card(s), or those a response pushes, updates or displays. */
  readonly cards: CardJson[];
  /** `renderCardHtml` of each card. */
  readonly html: string[];
  readonly execution: ExecutionReport | undefined;
}

function hostOf(event: unknown): Host {
  const app = (event as Partial<AddonEvent> | undefined)?.commonEventObject?.hostApp;
  const host = typeof app === 'string' ? (app.toLowerCase() as Host) : 'gmail';
  return HOSTS.includes(host) ? host : 'gmail';
}

function cardsOf(response: CardJson | CardJson[] | ResponseJson): CardJson[] {
  if (Array.isArray(response)) return response;
  if (!('kind' in response)) return [response];
  if (response.kind === 'UniversalActionResponse') return response.cards ?? [];
  if (response.kind === 'ActionResponse') {
    return (response.navigations ?? []).flatMap((n) =>
      'pushCard' in n ? [n.pushCard] : 'updateCard' in n ? [n.updateCard] : [],
    );
  }
  return [];
}

/**
 * Runs the add-on function the manifest names for `kind` with `event` (from `addon-events.ts`),
 * as one execution limited to `CARD_RESPONSE_LIMIT_MS`: past 30 seconds of modelled time the run
 * fails with "Exceeded maximum execution time" and `meter.lastExecution.exceeded` is true.
 * The host comes from `event.commonEventObject.hostApp` (default Gmail). The function must return
 * a built Card, a non-empty array of them, or an action response; anything else is an error, as
 * the host would show one.
 */
export function runAddonTrigger(
  bundle: Bundle,
  manifest: unknown,
  kind: AddonTriggerKind,
  event: AddonEvent = buildActionEvent({ host: 'gmail', at: bundle.workspace.clock.now() }),
  options: { limitMs?: number; locale?: string } = {},
): AddonTriggerResult {
  const functionName = addonTriggerFunction(manifest, kind, hostOf(event));
  if (!bundle.entryPoints.includes(functionName)) {
    throw new Error(`Script function not found: ${functionName}`);
  }
  const meter = bundle.workspace.meter;
  meter.limitNextExecution(options.limitMs ?? CARD_RESPONSE_LIMIT_MS);
  let value: unknown;
  try {
    value = bundle.run(functionName, [event]);
  } finally {
    meter.limitNextExecution(undefined);
  }
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) {
    throw new Error(`${functionName} returned no card: an add-on trigger must return a Card`);
  }
  let response: CardJson | CardJson[] | ResponseJson;
  try {
    response = cardTree(value) as CardJson | CardJson[] | ResponseJson;
  } catch (e) {
    throw new Error(`${functionName} must return a built Card: ${(e as Error).message}`);
  }
  const cards = cardsOf(response);
  const locale = options.locale ?? bundle.workspace.user.locale;
  return {
    functionName,
    value,
    response,
    cards,
    html: cards.map((c) => renderCardHtml(c, { locale })),
    execution: meter.lastExecution,
  };
}
