// The text of an HTML page as it sits in the SOURCE: every character of every text node, with the
// source range it came from. Entities are decoded (&amp; → "&", &#1575; → "ا") and each decoded
// character maps to the entity's "&". Markup, comments and raw-text elements (script, style…)
// contribute nothing. We tokenize ourselves because DOM parsers throw positions away, and the
// contract needs evidence offsets into the page as fetched.
import { decodeHTML } from "entities";

export interface SourceText {
  /** Concatenated text-node characters, in source order. */
  text: string;
  /** pos[i] = index in the HTML of the first source character that produced text[i]. */
  pos: Int32Array;
  /** end[i] = index in the HTML just after the source of text[i] (pos+1, or the entity's end). */
  end: Int32Array;
}

/** Elements whose content is not HTML text (or is never shown as article text). */
const RAW_TEXT = new Set([
  "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
  "template", "plaintext", "svg", "math", "select", "button",
]);

const isNameStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

export function sourceText(html: string): SourceText {
  const n = html.length;
  const pos = new Int32Array(n + 1);
  const end = new Int32Array(n + 1);
  const out: string[] = [];
  let len = 0;
  const push = (s: string, p: number, e: number) => {
    out.push(s);
    for (let k = 0; k < s.length; k++) {
      pos[len] = p;
      end[len] = e;
      len++;
    }
  };

  let i = 0;
  while (i < n) {
    const c = html.charCodeAt(i);
    if (c === 60 /* < */) {
      const next = html.charCodeAt(i + 1);
      if (html.startsWith("<!--", i)) {
        const close = html.indexOf("-->", i + 4);
        i = close < 0 ? n : close + 3;
        continue;
      }
      if (next === 33 /* ! */ || next === 63 /* ? */) {
        const close = html.indexOf(">", i + 2);
        i = close < 0 ? n : close + 1;
        continue;
      }
      if (next === 47 /* / */ && isNameStart(html.charCodeAt(i + 2))) {
        const close = html.indexOf(">", i + 2);
        i = close < 0 ? n : close + 1;
        continue;
      }
      if (isNameStart(next)) {
        let j = i + 1;
        while (j < n && !/[\s/>]/.test(html[j]!)) j++;
        const name = html.slice(i + 1, j).toLowerCase();
        const tagEnd = findTagEnd(html, j);
        i = tagEnd;
        // "/>" only closes foreign elements (svg, math); HTML ignores it on <script/> etc.
        const selfClosed = (name === "svg" || name === "math") && html.charCodeAt(tagEnd - 2) === 47;
        if (RAW_TEXT.has(name) && !selfClosed) {
          i = skipRawText(html, tagEnd, name);
        }
        continue;
      }
      push("<", i, i + 1); // a lone "<" is text
      i++;
      continue;
    }
    if (c === 38 /* & */) {
      const ent = matchEntity(html, i);
      if (ent) {
        push(ent.text, i, ent.end);
        i = ent.end;
        continue;
      }
    }
    // Copy a run of plain text in one go.
    let j = i + 1;
    while (j < n) {
      const d = html.charCodeAt(j);
      if (d === 60 || d === 38) break;
      j++;
    }
    out.push(html.slice(i, j));
    for (let k = i; k < j; k++) {
      pos[len] = k;
      end[len] = k + 1;
      len++;
    }
    i = j;
  }
  return { text: out.join(""), pos: pos.subarray(0, len), end: end.subarray(0, len) };
}

/** Index just after the ">" closing a start tag, skipping quoted attribute values. */
function findTagEnd(html: string, from: number): number {
  let q = 0;
  for (let j = from; j < html.length; j++) {
    const c = html.charCodeAt(j);
    if (q) {
      if (c === q) q = 0;
    } else if (c === 34 || c === 39) {
      // A quote only opens a value right after "=" (possibly with spaces).
      let k = j - 1;
      while (k >= from && /\s/.test(html[k]!)) k--;
      if (html[k] === "=") q = c;
    } else if (c === 62) return j + 1;
  }
  return html.length;
}

function skipRawText(html: string, from: number, name: string): number {
  const re = new RegExp(`</${name}[\\s/>]`, "gi");
  re.lastIndex = from;
  const m = re.exec(html);
  if (!m) return html.length;
  const close = html.indexOf(">", m.index);
  return close < 0 ? html.length : close + 1;
}

const LEGACY_NO_SEMI = /^&(amp|lt|gt|quot|nbsp|copy|reg)(?![A-Za-z0-9;=])/;
const NAMED = /^&[A-Za-z][A-Za-z0-9]{0,31};/;
const NUMERIC = /^&#(?:[xX]([0-9A-Fa-f]{1,8})|([0-9]{1,9}));?/;

function matchEntity(html: string, i: number): { text: string; end: number } | null {
  const head = html.slice(i, i + 40);
  let m = NUMERIC.exec(head);
  if (m) {
    const decoded = decodeHTML(m[0].endsWith(";") ? m[0] : `${m[0]};`);
    return { text: decoded, end: i + m[0].length };
  }
  m = NAMED.exec(head) ?? LEGACY_NO_SEMI.exec(head);
  if (m) {
    const candidate = m[0].endsWith(";") ? m[0] : `${m[0]};`;
    const decoded = decodeHTML(candidate);
    if (decoded === candidate) return null; // unknown entity: literal text
    return { text: decoded, end: i + m[0].length };
  }
  return null;
}
