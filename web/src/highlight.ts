// Splits a report's text into plain and highlighted segments from evidence spans, so the panel can
// build <mark> nodes with textContent. Pure: tested without a browser.
export interface Span {
  start: number;
  end: number;
}
export interface Segment {
  text: string;
  mark: boolean;
}

/** Clamp, drop empty spans, merge overlapping/adjacent ones, sort. */
export function normalizeSpans(spans: readonly Span[], length: number): Span[] {
  const ok = spans
    .filter((s) => Number.isFinite(s.start) && Number.isFinite(s.end))
    .map((s) => ({ start: Math.max(0, Math.min(length, Math.floor(s.start))), end: Math.max(0, Math.min(length, Math.floor(s.end))) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const s of ok) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

export function segments(text: string, spans: readonly Span[]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const s of normalizeSpans(spans, text.length)) {
    if (s.start > at) out.push({ text: text.slice(at, s.start), mark: false });
    out.push({ text: text.slice(s.start, s.end), mark: true });
    at = s.end;
  }
  if (at < text.length || !out.length) out.push({ text: text.slice(at), mark: false });
  return out;
}
