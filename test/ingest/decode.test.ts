import assert from "node:assert/strict";
import { test } from "node:test";
import iconv from "iconv-lite";
import { decodeBytes, InputError, isProbablyHtml } from "../../src/ingest/decode.js";

const SENTENCE = "قصفت قوات النظام بلدة اللطامنة بعشر قذائف صاروخية، وأصيب مدنيان بجروح.";

const rejects = (buf: Buffer, reason: string) =>
  assert.throws(() => decodeBytes(buf), (e: unknown) => e instanceof InputError && e.reason === reason && !e.message.includes("\n"));

test("UTF-8, with and without a BOM", () => {
  assert.equal(decodeBytes(Buffer.from(SENTENCE, "utf8")), SENTENCE);
  assert.equal(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SENTENCE)])), SENTENCE);
});

test("UTF-16 with a BOM, and without one", () => {
  assert.equal(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(SENTENCE, "utf-16le")])), SENTENCE);
  assert.equal(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(SENTENCE, "utf-16be")])), SENTENCE);
  assert.equal(decodeBytes(iconv.encode(SENTENCE, "utf-16le")), SENTENCE);
});

test("windows-1256 bytes: guessed, labelled by the transport, or by <meta charset>", () => {
  const bytes = iconv.encode(SENTENCE, "windows-1256");
  assert.equal(decodeBytes(bytes), SENTENCE);
  assert.equal(decodeBytes(bytes, "windows-1256"), SENTENCE);
  assert.equal(decodeBytes(bytes, "cp1256"), SENTENCE);
  // A wrong transport label (ISO-8859-1) is outvoted by plausibility.
  assert.equal(decodeBytes(bytes, "iso-8859-1"), SENTENCE);
  const page = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"></head><body><p>${SENTENCE}</p></body></html>`;
  assert.equal(decodeBytes(iconv.encode(page, "windows-1256")), page);
});

test("ISO-8859-6 bytes labelled by <meta charset>", () => {
  const text = "اشتباكات بين الفصائل في ريف حلب الغربي"; // letters that exist in ISO-8859-6
  const page = `<html><head><meta charset="ISO-8859-6"></head><body><p>${text}</p></body></html>`;
  assert.equal(decodeBytes(iconv.encode(page, "iso-8859-6")), page);
  assert.equal(decodeBytes(iconv.encode(text, "iso-8859-6"), "iso-8859-6"), text);
  assert.equal(decodeBytes(iconv.encode(text, "iso-8859-6")), text, "unlabelled: the more plausible charset wins");
});

test("binary, empty and whitespace-only input are refused with one line", () => {
  rejects(Buffer.alloc(0), "empty");
  rejects(Buffer.from(" \n\t \r\n"), "empty");
  rejects(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), "binary");
  const controls = Buffer.alloc(2000, 0x41);
  for (let i = 0; i < 2000; i += 20) controls[i] = 0x01;
  rejects(controls, "binary");
  const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(64, 0)]);
  rejects(elf, "binary");
});

test("bytes that fit no charset are undecodable", () => {
  // Invalid UTF-8, and in windows-1256 / ISO-8859-6 mostly Latin-1 accents and holes.
  const junk = Buffer.from(Array.from({ length: 400 }, (_, i) => 0xa1 + (i % 20)));
  rejects(junk, "undecodable");
});

test("isProbablyHtml", () => {
  assert.equal(isProbablyHtml("<!DOCTYPE html><html><body>x</body></html>"), true);
  assert.equal(isProbablyHtml("  \n<html lang=ar>"), true);
  assert.equal(isProbablyHtml(`<div class="a"><p>${SENTENCE}</p><p>ثانية</p></div>`), true);
  assert.equal(isProbablyHtml(SENTENCE), false);
  assert.equal(isProbablyHtml(`عنوان الخبر\n\n${SENTENCE}\nقال إن عدد القتلى < 10 وإن عدد الجرحى > 3`), false);
});
