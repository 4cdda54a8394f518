import { test } from "node:test";
import assert from "node:assert/strict";
import { safeHttpUrl } from "../../web/src/dom.js";

test("only http(s) links survive", () => {
  assert.equal(safeHttpUrl("https://example.org/a?b=1"), "https://example.org/a?b=1");
  assert.equal(safeHttpUrl("http://example.org"), "http://example.org/");
  assert.equal(safeHttpUrl("https://example.org/أخبار"), "https://example.org/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1");
  for (const bad of ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<b>x</b>", "vbscript:x", "file:///etc/passwd", "//example.org", "/relative", "", null, 42, "https://" + "a".repeat(3000)]) {
    assert.equal(safeHttpUrl(bad), null, String(bad).slice(0, 40));
  }
});
