// `hudna serve`: the HTTP API (and the built dashboard) over a store.
import type { Command } from "commander";
import { UsageError } from "./errors.js";
import { openStore } from "../store/index.js";
import { buildServer } from "../server/app.js";

export function parsePort(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`--port must be 0..65535, got '${v}'`);
  return n;
}

export interface ServeOptions {
  port: number;
  host: string;
  db?: string;
  web?: string;
  log?: boolean;
}

/** Open the store, listen, print the address, and resolve once SIGINT/SIGTERM closed everything. */
export async function serveUntilStopped(o: ServeOptions): Promise<void> {
  const store = await openStore(o.db);
  const app = await buildServer({ store, webRoot: o.web, logger: o.log ?? false });
  try {
    await app.listen({ port: o.port, host: o.host });
  } catch (err) {
    await app.close().catch(() => {});
    await store.close().catch(() => {});
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") throw new UsageError(`port ${o.port} on ${o.host} is already in use`, 1);
    throw err;
  }
  const addr = app.server.address();
  const shown = typeof addr === "object" && addr ? `http://${addr.family === "IPv6" ? `[${addr.address}]` : addr.address}:${addr.port}` : String(addr);
  process.stderr.write(`hudna: serving ${shown} (API ${shown}/api, OpenAPI ${shown}/api/openapi.json)\n`);
  await new Promise<void>((done) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      void app
        .close()
        .then(() => store.close())
        .finally(done);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

export function register(program: Command): void {
  program
    .command("serve")
    .description("serve the HTTP API (/api, OpenAPI at /api/openapi.json) and the dashboard")
    .option("--port <n>", "port to listen on", "8080")
    .option("--host <addr>", "address to bind (use 0.0.0.0 to expose beyond this machine)", "127.0.0.1")
    .option("--db <url>", "database: a SQLite path, sqlite:PATH or postgres://… (default $HUDNA_DB or ./data/hudna.db)")
    .option("--web <dir>", "folder of the built dashboard (default web/dist)")
    .option("--log", "log every request as JSON lines on stdout", false)
    .action(async (o: { port: string; host: string; db?: string; web?: string; log: boolean }) => {
      await serveUntilStopped({ port: parsePort(o.port), host: o.host, db: o.db, web: o.web, log: o.log });
    });
}
