// Timestamps for stored reports that never repeat and never go back within a process. A
// member's arrival key is (ingested_at, report id, seq): with a batch saving several reports in
// the same millisecond, equal times would order them by report id (a hash) instead of the order
// they came in, and an incident's summary would depend on how fast the machine is.
let last = 0;

export function monotonicNow(): string {
  const t = Math.max(Date.now(), last + 1);
  last = t;
  return new Date(t).toISOString();
}
