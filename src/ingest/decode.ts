// Bytes → text. Arabic news still arrives in windows-1256 and ISO-8859-6, servers mislabel
// charsets, and folders hold stray binaries: decide carefully, and refuse what isn't text.
import { isUtf8 as isUtf8Native } from "node:buffer";
import iconv from "iconv-lite";
import { InputError } from "./errors.js";

export { InputError } from "./errors.js";

/** How much of the start we inspect for binary content and <meta charset>. */
const SNIFF_BYTES = 64 * 1024;

export function decodeBytes(buf: Buffer, contentTypeCharset?: string): string {
  if (buf.length === 0) throw new InputError("empty input (0 bytes)", "empty");

  // 1. A byte-order mark settles it.
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return finish(buf.subarray(3).toString("utf8"));
  if (buf[0] === 0xff && buf[1] === 0xfe) return finish(iconv.decode(buf.subarray(2), "utf-16le"));
  if (buf[0] === 0xfe && buf[1] === 0xff) return finish(iconv.decode(buf.subarray(2), "utf-16be"));

  const utf16 = sniffUtf16(buf);
  if (utf16) return finish(iconv.decode(buf, utf16));
  assertNotBinary(buf);

  // 2. Valid UTF-8 wins over any label: servers often say ISO-8859-1 for UTF-8 pages.
  if (isValidUtf8(buf)) return finish(buf.toString("utf8"));

  // 3. The transport's label, then the document's own <meta charset>, then a guess.
  const candidates: string[] = [];
  const declared = [normalizeCharset(contentTypeCharset), normalizeCharset(sniffMetaCharset(buf))];
  for (const cs of declared) if (cs && cs !== "utf-8" && iconv.encodingExists(cs)) candidates.push(cs);
  candidates.push("windows-1256", "iso-8859-6");

  let best: { text: string; score: number } | null = null;
  for (const cs of candidates) {
    const text = iconv.decode(buf, cs);
    const score = plausibility(text);
    // A declared charset that decodes cleanly is trusted; otherwise keep the most plausible guess.
    if (declared.includes(cs) && score > 0.97) return finish(text);
    if (!best || score > best.score) best = { text, score };
  }
  if (!best || best.score < 0.9) {
    throw new InputError("undecodable input: not valid UTF-8 and no Arabic or Latin charset fits", "undecodable");
  }
  return finish(best.text);
}

function finish(text: string): string {
  if (text.trim().length === 0) throw new InputError("empty input (only whitespace)", "empty");
  if (text.includes("\u0000")) throw new InputError("binary input (NUL characters)", "binary");
  return text;
}

/** UTF-16 without a BOM shows up as a NUL in every other byte; anything else with NULs is binary. */
function sniffUtf16(buf: Buffer): "utf-16le" | "utf-16be" | null {
  const n = Math.min(buf.length, SNIFF_BYTES) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenNul++;
    if (buf[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  // The high byte of every code unit is 0x00 (ASCII, spaces), 0x06 (Arabic) or 0x20 (punctuation);
  // the low bytes never are NUL. Anything else with NULs is binary.
  const hi = (off: number) => {
    let ok = 0;
    for (let i = off; i < n; i += 2) if (buf[i] === 0 || buf[i] === 0x06 || buf[i] === 0x20) ok++;
    return ok / pairs;
  };
  if (oddNul >= pairs * 0.05 && evenNul === 0 && hi(1) > 0.95) return "utf-16le";
  if (evenNul >= pairs * 0.05 && oddNul === 0 && hi(0) > 0.95) return "utf-16be";
  return null;
}

function assertNotBinary(buf: Buffer): void {
  const n = Math.min(buf.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b === 0) throw new InputError("binary input (NUL bytes)", "binary");
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  if (control > Math.max(2, n * 0.01)) throw new InputError("binary input (control characters)", "binary");
}

export function isValidUtf8(buf: Buffer): boolean {
  // Node 20 has buffer.isUtf8 (fast, native).
  return isUtf8Native(buf);
}

function sniffMetaCharset(buf: Buffer): string | undefined {
  const head = buf.subarray(0, 4096).toString("latin1");
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)/i.exec(head);
  return m?.[1];
}

function normalizeCharset(cs: string | undefined): string | undefined {
  if (!cs) return undefined;
  const c = cs.trim().toLowerCase().replace(/^["']|["']$/g, "");
  if (c === "utf8" || c === "utf-8") return "utf-8";
  if (c === "cp1256" || c === "windows1256" || c === "x-cp1256") return "windows-1256";
  if (c === "arabic" || c === "iso_8859-6" || c === "iso8859-6" || c === "asmo-708") return "iso-8859-6";
  return c;
}

/**
 * Share of characters that look like real text: ASCII, Arabic letters and punctuation, common
 * typography. Mojibake from the wrong single-byte charset brings accented Latin, box drawing and
 * U+FFFD instead.
 */
function plausibility(text: string): number {
  let good = 0;
  let total = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    total++;
    if (c < 0x80) good++;
    else if (c >= 0x0600 && c <= 0x06ff) good++;
    else if (c === 0xa0 || c === 0xab || c === 0xbb || (c >= 0x2010 && c <= 0x2027) || c === 0x200c || c === 0x200d || c === 0x200e || c === 0x200f)
      good++;
  }
  return total ? good / total : 0;
}

/** True when the text looks like an HTML page (or fragment) rather than plain text. */
export function isProbablyHtml(text: string): boolean {
  const head = text.slice(0, 4096).trimStart();
  if (/^(<\?xml[^>]*>\s*)?<!doctype\s+html/i.test(head)) return true;
  if (/^<(html|head|body)[\s>]/i.test(head)) return true;
  const tags = head.match(/<\/?(p|div|span|a|br|article|section|meta|h[1-6]|ul|li|table|img|main|header|footer|nav|strong|em|b|i)(\s[^<>]*)?\/?>/gi);
  return (tags?.length ?? 0) >= 3;
}
