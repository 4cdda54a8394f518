// Launches Debian's Chromium (never a downloaded browser) headless through playwright-core, with a
// fresh temp profile and the flags that keep it off the network. When Chromium is missing the
// caller skips LOUDLY; under CI=true that is a failure instead.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

const CANDIDATES = [process.env.HUDNA_CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser"];

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  // WebGL without a GPU: MapLibre draws through SwiftShader.
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
];

export function chromiumPath(): string | null {
  for (const p of CANDIDATES) if (p && existsSync(p)) return p;
  return null;
}

/**
 * Why browser tests can't run here, or null when they can. Throws under CI=true: a CI that
 * silently skips the browser tests would hide a broken dashboard.
 */
export function browserSkipReason(): string | null {
  if (chromiumPath()) return null;
  const msg = "Chromium not found (apt-get install -y --no-install-recommends chromium): browser tests SKIPPED";
  if (process.env.CI === "true") throw new Error(msg.replace("SKIPPED", "required under CI"));
  console.warn(`\n*** ${msg} ***\n`);
  return msg;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(viewport = { width: 1280, height: 800 }): Promise<LaunchedBrowser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error("Chromium not found");
  const profile = mkdtempSync(join(tmpdir(), "hudna-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    locale: "en-GB",
    timezoneId: "UTC",
  });
  return {
    context,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
