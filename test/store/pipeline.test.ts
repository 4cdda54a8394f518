// End to end through the real extractor: two outlets tell one strike with different tolls.
import assert from "node:assert/strict";
import { forEachEngine } from "./engines.js";
import { EXTRACTOR_VERSION, extractReport } from "../../src/extract/index.js";
import type { Store } from "../../src/store/index.js";

// Our own sentences.
const MONITOR = "قال المرصد السوري لحقوق الإنسان إن سبعة مدنيين قتلوا أمس في غارات جوية استهدفت مدينة سراقب في ريف إدلب.";
const STATE = "أفادت وكالة سانا بأن أربعة أشخاص قتلوا أمس جراء قصف طائرات على مدينة سراقب بريف إدلب.";

async function ingest(store: Store, text: string, outlet: string) {
  const report = { text, published: "2017-10-05", outlet };
  const result = extractReport(report, { published: report.published, outlet });
  return store.saveExtraction({ report, result, source: "test", extractorVersion: EXTRACTOR_VERSION });
}

forEachEngine("store: with the real extractor", (engine) => {
  engine.it("two reports of one strike → one incident with both tolls", async (store) => {
    const a = await ingest(store, MONITOR, "Outlet A");
    const b = await ingest(store, STATE, "Outlet B");
    assert.equal(a.status, "new");
    assert.ok(a.events >= 1 && b.events >= 1);
    const shared = a.incidents.filter((id) => b.incidents.includes(id));
    assert.equal(shared.length, 1, "the strike is one incident");
    const inc = await store.db.selectFrom("incidents").selectAll().where("id", "=", shared[0]!).executeTakeFirstOrThrow();
    assert.equal(inc.killed_low, 4);
    assert.equal(inc.killed_high, 7);
    assert.equal(inc.report_count, 2);
    assert.equal(inc.status, "corroborated");
    assert.equal(inc.zone, "idlib");
    // the same text again is a duplicate (its id is the hash of the normalized text)
    assert.equal((await ingest(store, MONITOR, "Outlet A")).status, "duplicate");
  });
});
