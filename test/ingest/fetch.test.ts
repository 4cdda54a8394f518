import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import zlib from "node:zlib";
import { InputError } from "../../src/ingest/errors.js";
import { safeFetch } from "../../src/ingest/fetch.js";
import { nonPublicReason } from "../../src/ingest/ip-policy.js";
import { send, startServer, type TestServer } from "./server.js";

const PAGE = `<html><body><article><p>وصلت قافلة مساعدات إلى بلدة حزة في الغوطة الشرقية.</p></article></body></html>`;
let srv: TestServer;
const onlyLoopback = (ip: string) => ip === "127.0.0.1";

before(async () => {
  srv = await startServer({
    "/page": send(PAGE, "text/html; charset=utf-8"),
    "/feed": (req, res) => {
      if (req.headers["if-none-match"] === '"v1"') return void res.writeHead(304).end();
      res.writeHead(200, { "content-type": "application/rss+xml", etag: '"v1"' }).end("<rss><channel></channel></rss>");
    },
    "/to-page": (_q, res) => void res.writeHead(302, { location: "/page" }).end(),
    "/loop": (_q, res) => void res.writeHead(301, { location: "/loop" }).end(),
    "/to-private": (_q, res) => void res.writeHead(302, { location: "http://10.0.0.7/admin" }).end(),
    "/to-metadata": (_q, res) => void res.writeHead(307, { location: "http://169.254.169.254/latest/meta-data/" }).end(),
    "/to-file": (_q, res) => void res.writeHead(302, { location: "file:///etc/passwd" }).end(),
    "/big": (_q, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      let sent = 0;
      const pump = () => {
        while (sent < 40 && res.write(chunk)) sent++;
        if (sent < 40) res.once("drain", pump);
        else res.end();
      };
      res.on("error", () => {});
      pump();
    },
    "/declared-big": (_q, res) => {
      res.writeHead(200, { "content-type": "text/html", "content-length": String(50 * 1024 * 1024) });
      res.write("<p>");
      res.on("error", () => {});
    },
    "/bomb": send(zlib.gzipSync(Buffer.alloc(4 * 1024 * 1024, 0x20)), "text/html", { "content-encoding": "gzip" }),
    "/gz": send(zlib.gzipSync(Buffer.from(PAGE)), "text/html; charset=utf-8", { "content-encoding": "gzip" }),
    "/image": send(Buffer.from([0x89, 0x50, 0x4e, 0x47]), "image/png"),
    "/error": (_q, res) => void res.writeHead(503, { "content-type": "text/plain" }).end("busy"),
    "/hang": () => {},
  });
});
after(() => srv.close());

const refused = (reason: string) => (e: unknown) => e instanceof InputError && e.reason === reason;

test("loopback is refused unless private addresses are allowed", async () => {
  await assert.rejects(safeFetch(`${srv.base}/page`), refused("fetch_private"));
  const r = await safeFetch(`${srv.base}/page`, { allowPrivate: true });
  assert.equal(r.status, 200);
  assert.equal(r.contentType, "text/html");
  assert.equal(r.charset, "utf-8");
  assert.equal(r.body.toString("utf8"), PAGE);
});

test("disguised loopback and metadata addresses are refused before connecting", async () => {
  for (const u of ["http://2130706433/", "http://0x7f.1/", "http://[::ffff:127.0.0.1]/", "http://[::1]:8080/", "http://169.254.169.254/latest/meta-data/", "http://[fd00::1]/", "http://0.0.0.0/"]) {
    await assert.rejects(safeFetch(u), refused("fetch_private"), u);
  }
});

test("a host name is checked after DNS resolution", async () => {
  const port = new URL(srv.base).port;
  await assert.rejects(safeFetch(`http://localhost:${port}/page`), (e: unknown) => e instanceof InputError && e.reason === "fetch_private" && /localhost resolves to a loopback/.test(e.message));
});

test("redirects are followed and every hop is re-checked", async () => {
  const r = await safeFetch(`${srv.base}/to-page`, { allowPrivate: onlyLoopback });
  assert.equal(r.url, `${srv.base}/page`);
  await assert.rejects(safeFetch(`${srv.base}/to-private`, { allowPrivate: onlyLoopback }), refused("fetch_private"));
  await assert.rejects(safeFetch(`${srv.base}/to-metadata`, { allowPrivate: onlyLoopback }), refused("fetch_private"));
  await assert.rejects(safeFetch(`${srv.base}/to-file`, { allowPrivate: true }), refused("bad_url"));
  await assert.rejects(safeFetch(`${srv.base}/loop`, { allowPrivate: true }), refused("fetch_redirects"));
  assert.ok((srv.hits.get("/loop") ?? 0) <= 6, "at most 5 redirects followed");
});

test("conditional GET: ETag → 304", async () => {
  const first = await safeFetch(`${srv.base}/feed`, { allowPrivate: true });
  assert.equal(first.headers.etag, '"v1"');
  const again = await safeFetch(`${srv.base}/feed`, { allowPrivate: true, headers: { "if-none-match": '"v1"' } });
  assert.equal(again.notModified, true);
  assert.equal(again.body.length, 0);
});

test("oversize bodies are aborted: streamed, declared, and after gzip", async () => {
  await assert.rejects(safeFetch(`${srv.base}/big`, { allowPrivate: true, maxBytes: 1024 * 1024 }), refused("too_large"));
  await assert.rejects(safeFetch(`${srv.base}/declared-big`, { allowPrivate: true }), refused("too_large"));
  await assert.rejects(safeFetch(`${srv.base}/bomb`, { allowPrivate: true, maxBytes: 1024 * 1024 }), refused("too_large"));
  const gz = await safeFetch(`${srv.base}/gz`, { allowPrivate: true });
  assert.equal(gz.body.toString("utf8"), PAGE);
});

test("content type, HTTP errors, schemes and timeouts", async () => {
  await assert.rejects(safeFetch(`${srv.base}/image`, { allowPrivate: true }), refused("fetch_content_type"));
  await assert.rejects(safeFetch(`${srv.base}/error`, { allowPrivate: true }), refused("fetch_status"));
  await assert.rejects(safeFetch("ftp://example.org/x"), refused("bad_url"));
  await assert.rejects(safeFetch("file:///etc/passwd"), refused("bad_url"));
  await assert.rejects(safeFetch("not a url"), refused("bad_url"));
  await assert.rejects(safeFetch(`${srv.base}/hang`, { allowPrivate: true, timeoutMs: 200 }), refused("fetch_timeout"));
});

test("address policy: private, loopback, link-local, CGNAT, multicast, unspecified, ULA", () => {
  for (const ip of ["10.2.3.4", "172.20.1.1", "192.168.1.1", "127.0.0.1", "169.254.169.254", "100.64.0.1", "224.0.0.251", "0.0.0.0", "::", "::1", "fd12:3456::1", "fe80::1", "ff02::1", "::ffff:10.0.0.1", "::ffff:7f00:1"]) {
    assert.notEqual(nonPublicReason(ip), null, ip);
  }
  for (const ip of ["8.8.8.8", "1.1.1.1", "185.12.64.1", "2606:4700:4700::1111", "172.32.0.1"]) assert.equal(nonPublicReason(ip), null, ip);
});
