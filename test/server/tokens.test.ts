// Tokens: hashed at rest, verified in constant time, revocable; and the `hudna token` verb.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openStore } from "../../src/store/index.js";
import { createToken, hashToken, listTokens, revokeToken, verifyToken } from "../../src/server/tokens.js";

test("a token is stored only as its sha256 and verifies until revoked", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "hudna-tokens-"));
  const store = await openStore(join(dir, "t.db"));
  t.after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const { id, token } = await createToken(store.db, "admin", "لوحة المراقبة");
  assert.match(token, /^hudna_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
  // the secret is base64url and may itself contain "_": cut it off by length, never by split("_")
  const secret = token.slice(`hudna_${id}_`.length);
  const row = await store.db.selectFrom("api_tokens").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  assert.equal(row.token_hash, hashToken(token));
  assert.ok(!JSON.stringify(row).includes(secret));
  assert.equal((await verifyToken(store.db, token))?.role, "admin");
  for (const bad of ["", "hudna_", token + "x", token.replace(/.$/, (c) => (c === "a" ? "b" : "a")), `hudna_ffffffffffff_${secret}`]) {
    assert.equal(await verifyToken(store.db, bad), null, bad);
  }
  assert.deepEqual((await listTokens(store.db)).map((x) => [x.id, x.role, x.label]), [[id, "admin", "لوحة المراقبة"]]);
  assert.equal(await revokeToken(store.db, id), true);
  assert.equal(await revokeToken(store.db, id), false);
  assert.equal(await verifyToken(store.db, token), null);
  const audit = await store.db.selectFrom("audit_log").select(["action", "target"]).orderBy("id").execute();
  assert.deepEqual(audit, [{ action: "token.create", target: id }, { action: "token.revoke", target: id }]);
  await assert.rejects(createToken(store.db, "root" as "admin"), /unknown role/);
});

// Only the token verb is loaded (as src/cli/main.ts would), so this test needs no other stage.
const tokenVerb = fileURLToPath(new URL("../../src/cli/token.ts", import.meta.url));
const errorsTs = fileURLToPath(new URL("../../src/cli/errors.ts", import.meta.url));
const runner = `
import { Command } from "commander";
import { register } from ${JSON.stringify(tokenVerb)};
import { UsageError } from ${JSON.stringify(errorsTs)};
const program = new Command().name("hudna").exitOverride();
register(program);
try { await program.parseAsync(process.argv.slice(1), { from: "user" }); }
catch (e) {
  if (e instanceof UsageError) { process.stderr.write("hudna: " + e.message + "\\n"); process.exitCode = e.exitCode; }
  else { process.stderr.write(String(e && e.message) + "\\n"); process.exitCode = 1; }
}`;
const hudna = (...args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", runner, "--", ...args], {
    encoding: "utf8",
    cwd: fileURLToPath(new URL("../..", import.meta.url)),
  });

test("hudna token create / list / revoke", () => {
  const dir = mkdtempSync(join(tmpdir(), "hudna-token-cli-"));
  try {
    const db = join(dir, "cli.db");
    const made = hudna("token", "create", "--role", "analyst", "--label", "محلل", "--db", db, "--format", "json");
    assert.equal(made.status, 0, made.stderr);
    const tok = JSON.parse(made.stdout) as { id: string; token: string; role: string };
    assert.equal(tok.role, "analyst");
    const listed = hudna("token", "list", "--db", db);
    assert.equal(listed.status, 0, listed.stderr);
    assert.match(listed.stdout, new RegExp(`^${tok.id}\\tanalyst\\tactive`));
    assert.ok(!listed.stdout.includes(tok.token), "list never prints the token");
    const bad = hudna("token", "create", "--role", "superuser", "--db", db);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--role must be analyst or admin/);
    assert.equal(hudna("token", "revoke", tok.id, "--db", db).status, 0);
    const again = hudna("token", "revoke", tok.id, "--db", db);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /no active token/);
    assert.match(hudna("token", "list", "--db", db).stdout, /revoked/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
