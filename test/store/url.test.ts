import { test } from "node:test";
import assert from "node:assert/strict";
import { compareVersions, parseDbUrl } from "../../src/store/index.js";

test("database URLs pick the engine", () => {
  assert.deepEqual(parseDbUrl("postgres://u@h:5432/db"), { dialect: "postgres", location: "postgres://u@h:5432/db" });
  assert.deepEqual(parseDbUrl("postgresql://h/db"), { dialect: "postgres", location: "postgresql://h/db" });
  assert.deepEqual(parseDbUrl("sqlite:/tmp/x.db"), { dialect: "sqlite", location: "/tmp/x.db" });
  assert.deepEqual(parseDbUrl("sqlite:///tmp/x.db"), { dialect: "sqlite", location: "/tmp/x.db" });
  assert.deepEqual(parseDbUrl("./data/h.db"), { dialect: "sqlite", location: "./data/h.db" });
  assert.throws(() => parseDbUrl("mysql://h/db"), /unsupported database URL/);
  assert.throws(() => parseDbUrl("sqlite:"), /no file/);
});

test("HUDNA_DB is the default, then ./data/hudna.db", () => {
  const saved = process.env.HUDNA_DB;
  try {
    process.env.HUDNA_DB = "postgres://x/y";
    assert.equal(parseDbUrl().dialect, "postgres");
    delete process.env.HUDNA_DB;
    assert.deepEqual(parseDbUrl(), { dialect: "sqlite", location: "./data/hudna.db" });
  } finally {
    if (saved === undefined) delete process.env.HUDNA_DB;
    else process.env.HUDNA_DB = saved;
  }
});

test("extractor versions compare part by part", () => {
  assert.equal(compareVersions("extract-1.0.0", "extract-1.0.0"), 0);
  assert.equal(compareVersions("extract-1.10.0", "extract-1.9.3"), 1);
  assert.equal(compareVersions("1.0", "1.0.1"), -1);
  assert.equal(compareVersions("b", "a"), 1);
});
