/**
 * What every sidebar test file sets up: one chromium for the file, sidebars opened through it and
 * checked after each test (no page errors, nothing sent off the machine), and a polling wait.
 */
import {
  type Browser,
  launchChromium,
  type OpenOptions,
  openSidebar,
  type ServerHandler,
  type SidebarPage,
} from './chromium';

export interface SidebarSuite {
  /** The file's chromium (set in beforeAll). */
  readonly browser: Browser;
  /**
   * Opens `dist/sidebar-<name>.html` against `handler` and tracks it, so that afterEach checks it
   * for errors and network requests and closes it.
   */
  open(name: string, handler: ServerHandler, options?: OpenOptions): Promise<SidebarPage>;
}

/** Call at the top of a test file: registers the hooks and returns the suite's browser. */
export function sidebarSuite(): SidebarSuite {
  // The jest project's testTimeout does not reach tests run by a multi-project config.
  jest.setTimeout(60_000);

  let browser: Browser | undefined;
  const opened: SidebarPage[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  afterEach(async () => {
    for (const s of opened.splice(0)) {
      expect(s.errors).toEqual([]);
      expect(s.network).toEqual([]);
      await s.page.close();
    }
  });

  const suite: SidebarSuite = {
    get browser(): Browser {
      if (!browser) throw new Error('chromium is not running (used outside a test?)');
      return browser;
    },
    async open(name, handler, options) {
      const s = await openSidebar(suite.browser, name, handler, options);
      opened.push(s);
      return s;
    },
  };
  return suite;
}

/**
 * A fake server's handler from one function per script function; any other name fails the way
 * Apps Script does.
 */
export function fakeHandler(routes: Record<string, (args: unknown[]) => unknown>): ServerHandler {
  const byName = new Map(Object.entries(routes));
  return (name, args) => {
    const route = byName.get(name);
    if (!route) throw new Error(`Script function not found: ${name}`);
    return route(args);
  };
}

/** Polls `condition` every 20 ms for up to 2 s; throws naming `what` when it never holds. */
export async function waitFor(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}
