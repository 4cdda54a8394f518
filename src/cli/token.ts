// `hudna token create|list|revoke`: bearer tokens for the API's write routes.
import type { Command } from "commander";
import { UsageError } from "./errors.js";
import { openStore, type Store } from "../store/index.js";
import { createToken, isRole, listTokens, revokeToken, ROLES } from "../server/tokens.js";

async function withStore<T>(db: string | undefined, fn: (s: Store) => Promise<T>): Promise<T> {
  const store = await openStore(db);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

export function register(program: Command): void {
  const token = program.command("token").description("manage API tokens (needed for POST /api/reports and PATCH /api/incidents)");

  token
    .command("create")
    .description("create a token and print it once (only its hash is stored)")
    .requiredOption("--role <role>", `${ROLES.join(" | ")}`)
    .option("--label <text>", "who or what the token is for")
    .option("--db <url>", "database (default $HUDNA_DB or ./data/hudna.db)")
    .option("--format <fmt>", "text | json", "text")
    .action(async (o: { role: string; label?: string; db?: string; format: string }) => {
      if (!isRole(o.role)) throw new UsageError(`--role must be ${ROLES.join(" or ")}, got '${o.role}'`);
      if (o.label !== undefined && o.label.length > 200) throw new UsageError("--label is longer than 200 characters");
      if (o.format !== "text" && o.format !== "json") throw new UsageError("--format must be text or json");
      const role = o.role;
      const { id, token: secret } = await withStore(o.db, (s) => createToken(s.db, role, o.label ?? null));
      if (o.format === "json") process.stdout.write(JSON.stringify({ id, role, label: o.label ?? null, token: secret }) + "\n");
      else {
        process.stdout.write(`${secret}\n`);
        process.stderr.write(`hudna: token ${id} (${role}) created; it is shown only now — store it safely\n`);
      }
    });

  token
    .command("list")
    .description("list tokens (ids, roles, labels; never the tokens)")
    .option("--db <url>", "database (default $HUDNA_DB or ./data/hudna.db)")
    .option("--format <fmt>", "text | json", "text")
    .action(async (o: { db?: string; format: string }) => {
      const rows = await withStore(o.db, (s) => listTokens(s.db));
      if (o.format === "json") {
        process.stdout.write(JSON.stringify(rows) + "\n");
        return;
      }
      if (!rows.length) {
        process.stderr.write("hudna: no tokens (create one with: hudna token create --role analyst)\n");
        return;
      }
      for (const r of rows) {
        const state = r.revoked_at ? `revoked ${r.revoked_at}` : "active";
        process.stdout.write(`${r.id}\t${r.role}\t${state}\t${r.created_at}\t${r.label ?? ""}\n`);
      }
    });

  token
    .command("revoke")
    .description("revoke a token by id (see hudna token list)")
    .argument("<id>", "token id")
    .option("--db <url>", "database (default $HUDNA_DB or ./data/hudna.db)")
    .action(async (id: string, o: { db?: string }) => {
      if (!/^[0-9a-f]{12}$/.test(id)) throw new UsageError(`not a token id: '${id.slice(0, 40)}'`);
      const ok = await withStore(o.db, (s) => revokeToken(s.db, id));
      if (!ok) throw new UsageError(`no active token ${id}`, 1);
      process.stderr.write(`hudna: token ${id} revoked\n`);
    });
}
