// The verbs as a user runs them: `hudna ingest`, `hudna quarantine`, `hudna reprocess`, `hudna watch`.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const bin = join(root, "bin/hudna.js");
let dir: string;

const hudna = (...args: string[]) => hudnaWithInput(undefined, ...args);
const hudnaWithInput = (input: string | undefined, ...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, input, encoding: "utf8", env: { ...process.env, HUDNA_DB: join(dir, "default.db") } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

before(() => {
  dir = mkdtempSync(join(tmpdir(), "hudna-cli-"));
  writeFileSync(join(dir, "a.txt"), "اشتباكات في ريف اللاذقية\n\nاندلعت اشتباكات عنيفة أمس بين قوات النظام وفصائل المعارضة على محور بلدة كبانة في ريف اللاذقية الشمالي، وقتل فيها أربعة مقاتلين.");
  writeFileSync(join(dir, "bad.txt"), Buffer.from([0, 1, 2, 3, 0, 0, 9]));
  writeFileSync(join(dir, "feeds.txt"), "# none reachable\nhttp://127.0.0.1:9/feed.xml\n");
});
after(() => rmSync(dir, { recursive: true, force: true }));

test("ingest prints a JSON summary; bad files are quarantined and listed", () => {
  const db = join(dir, "cli.db");
  const r = hudna("ingest", "a.txt", "bad.txt", "--db", db, "--published", "2019-05-25", "--json");
  assert.equal(r.code, 0, r.err);
  const s = JSON.parse(r.out);
  assert.equal(s.read, 2);
  assert.equal(s.new, 1);
  assert.equal(s.quarantined, 1);
  assert.equal(typeof s.seconds, "number");
  assert.match(r.err, /quarantined {2}bad\.txt {2}\(binary input/);
  // Again, plus one new report as JSON Lines on stdin.
  const line = JSON.stringify({ text: "وصلت قافلة مساعدات إنسانية إلى مدينة الرستن في ريف حمص الشمالي صباح اليوم.", outlet: "موقع", published: "2018-06-01" });
  const again = JSON.parse(hudnaWithInput(`${line}\n`, "ingest", "a.txt", "-", "--db", db, "--json").out);
  assert.equal(again.duplicate, 1);
  assert.equal(again.new, 1);
  const q = hudna("quarantine", "--db", db, "--json");
  assert.equal(q.code, 0, q.err);
  const rows = q.out.trim().split("\n").map((l) => JSON.parse(l));
  assert.equal(rows.length, 1);
  assert.equal(rows[0].source, "bad.txt");
  assert.match(rows[0].reason, /^binary/);
  const rp = hudna("reprocess", "--db", db, "--json");
  assert.equal(rp.code, 0, rp.err);
  assert.equal(JSON.parse(rp.out).read, 0, "nothing older than the current extractor");
});

test("usage mistakes are one line and exit 2", () => {
  const missing = hudna("ingest", "nosuch.txt", "--db", join(dir, "x.db"));
  assert.equal(missing.code, 2);
  assert.equal(missing.err.trim(), "hudna: no such file or folder: nosuch.txt");
  const date = hudna("ingest", "a.txt", "--published", "2019-02-30", "--db", join(dir, "x.db"));
  assert.equal(date.code, 2);
  assert.match(date.err, /^hudna: --published must be a date YYYY-MM-DD/);
  const limit = hudna("quarantine", "--limit", "zero", "--db", join(dir, "x.db"));
  assert.equal(limit.code, 2);
});

test("watch --once refuses a loopback feed without --allow-private and records the failure", () => {
  const db = join(dir, "watch.db");
  const r = hudna("watch", "--feeds", "feeds.txt", "--once", "--db", db, "--json");
  assert.equal(r.code, 0, r.err);
  const round = JSON.parse(r.out.trim().split("\n")[0]!);
  assert.equal(round.feeds[0].status, "error");
  assert.match(round.feeds[0].error, /refused: 127\.0\.0\.1 is a loopback address/);
});
