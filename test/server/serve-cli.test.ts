// `hudna serve`: listens, answers, and stops cleanly on SIGTERM; a bad port is a usage error.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

// Only the serve verb is loaded (as src/cli/main.ts would), so this test needs no other verb.
const root = fileURLToPath(new URL("../..", import.meta.url));
const runner = `
import { Command } from "commander";
import { register } from ${JSON.stringify(join(root, "src/cli/serve.ts"))};
import { UsageError } from ${JSON.stringify(join(root, "src/cli/errors.ts"))};
const program = new Command().name("hudna").exitOverride();
register(program);
try { await program.parseAsync(process.argv.slice(1), { from: "user" }); }
catch (e) {
  if (e instanceof UsageError) { process.stderr.write("hudna: " + e.message + "\\\\n"); process.exitCode = e.exitCode; }
  else { process.stderr.write(String(e && e.message) + "\\\\n"); process.exitCode = 1; }
}`;
const args = (...a: string[]) => ["--import", "tsx", "--input-type=module", "-e", runner, "--", ...a];

test("hudna serve answers on the port it prints and exits 0 on SIGTERM", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "hudna-serve-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const child = spawn(process.execPath, args("serve", "--port", "0", "--db", join(dir, "s.db"), "--web", join(dir, "none")), { cwd: root });
  let err = "";
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on("data", (d: Buffer) => {
      err += d.toString();
      const m = /serving (http:\/\/127\.0\.0\.1:\d+)/.exec(err);
      if (m) resolve(m[1]!);
    });
    child.once("exit", (code) => reject(new Error(`exited ${code}: ${err}`)));
  });
  try {
    const r = await fetch(`${url}/api/health`);
    assert.equal(r.status, 200);
    assert.deepEqual(await r.json(), { ok: true });
    assert.equal((await fetch(`${url}/api/stats`)).status, 200);
  } finally {
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    assert.equal(await exited, 0);
  }
});

test("hudna serve refuses a bad port with a one-line usage error", () => {
  const r = spawnSync(process.execPath, args("serve", "--port", "99999"), { cwd: root, encoding: "utf8" });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^hudna: --port must be 0\.\.65535/);
  assert.equal(r.stderr.trim().split("\n").length, 1);
});
