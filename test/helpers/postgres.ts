// A throwaway PostgreSQL server for tests (and benches): initdb + pg_ctl in a temp dir, on a free
// port of 127.0.0.1, unix socket inside the temp dir, trust auth, fsync off. As root the server
// runs as the `postgres` user (PostgreSQL refuses to run as root).
// No PostgreSQL binaries: returns null after a LOUD message — except with CI=true, where it throws
// (CI must never silently skip the PostgreSQL half of the store tests).
import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export interface TestPostgres {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  /** A fresh, empty database on this server; returns its URL. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

function findBin(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, "bin", "initdb")) && existsSync(join(root, v, "bin", "pg_ctl")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0]!, "bin") : null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function postgresUid(): { uid: number; gid: number } | null {
  const r = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  const g = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
  if (r.status !== 0 || g.status !== 0) return null;
  return { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
}

export function loudSkip(what: string): void {
  const bar = "!".repeat(78);
  console.error(`\n${bar}\n!!! SKIPPED: ${what} — no PostgreSQL binaries found under /usr/lib/postgresql.\n!!! Install postgresql (e.g. apt-get install postgresql-15) to run the PostgreSQL half.\n${bar}\n`);
}

let counter = 0;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Servers this helper started for a test process that was killed outright (SIGKILL skips exit
 * handlers): each temp dir records its owner's pid; when that process is gone, stop and remove.
 */
function reapOrphans(bin: string, asPostgres: boolean): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith("hudna-pg-")) continue;
    const dir = join(tmpdir(), name);
    let owner = 0;
    try {
      owner = Number(readFileSync(join(dir, "owner.pid"), "utf8"));
    } catch {
      continue; // not (yet) ours to judge
    }
    if (!owner || alive(owner)) continue;
    const data = join(dir, "data");
    if (existsSync(join(data, "postmaster.pid"))) {
      const args = ["-D", data, "-m", "immediate", "-w", "stop"];
      spawnSync(asPostgres ? "runuser" : join(bin, "pg_ctl"), asPostgres ? ["-u", "postgres", "--", join(bin, "pg_ctl"), ...args] : args, { stdio: "ignore" });
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function startPostgres(): Promise<TestPostgres | null> {
  const bin = findBin();
  if (!bin) {
    if (process.env.CI === "true") throw new Error("CI=true but no PostgreSQL binaries under /usr/lib/postgresql");
    loudSkip("PostgreSQL tests");
    return null;
  }
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? postgresUid() : null;
  if (asRoot && !owner) throw new Error("running as root but there is no `postgres` user to run the server");
  reapOrphans(bin, owner !== null);
  const dir = mkdtempSync(join(tmpdir(), "hudna-pg-"));
  writeFileSync(join(dir, "owner.pid"), String(process.pid));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, "data");
  const run = (cmd: string, args: string[]) => {
    const full = owner ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] as const : [cmd, args] as const;
    const r = spawnSync(full[0], [...full[1]], { encoding: "utf8", cwd: dir });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${(r.stderr || r.stdout || "").trim().split("\n").slice(-3).join(" | ")}`);
  };
  const cleanupDir = () => rmSync(dir, { recursive: true, force: true });
  try {
    run(join(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
  } catch (err) {
    cleanupDir();
    throw err;
  }
  const port = await freePort();
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50`;
  try {
    run(join(bin, "pg_ctl"), ["-D", data, "-o", opts, "-l", join(dir, "server.log"), "-w", "-t", "60", "start"]);
  } catch (err) {
    cleanupDir();
    throw err;
  }
  let stopped = false;
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    try {
      run(join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
    } catch {
      /* already gone */
    }
    cleanupDir();
  };
  // Never leave a server behind: on exit, and on an interrupt (then exit as interrupted).
  const onSignal = (sig: NodeJS.Signals) => {
    stopSync();
    process.exit(sig === "SIGINT" ? 130 : 143);
  };
  process.once("exit", stopSync);
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    async createDatabase() {
      const name = `t_${process.pid}_${++counter}_${Math.floor(Math.random() * 1e6)}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`create database ${name}`); // name is generated above: safe to inline
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      process.removeListener("exit", stopSync);
      process.removeListener("SIGINT", onSignal);
      process.removeListener("SIGTERM", onSignal);
      stopSync();
    },
  };
}
