// The incidents a writer works with, kept in memory between reports: candidate search reads an
// in-process index instead of one SQL range query per report, and recomputation finds an
// incident's members already parsed instead of reloading (and re-parsing) all of them.
//
// Correctness rests on three rules:
// - it is used only inside a write transaction (we hold the write lock) and written through:
//   every incident the store writes is put back here, so it never disagrees with the database
//   for our own writes;
// - any other writer (the API's corrections, another process) is noticed at the start of our next
//   transaction: triggers count every change of `incidents` in `store_epoch` (migration 006); a
//   count other than the one we left at our last commit empties the cache (on PostgreSQL the
//   writers serialize on the store's advisory lock, so no change can slip in during our own
//   transaction);
// - a failure anywhere (a report rolled back to its savepoint, a failed commit) empties it too.
//
// Candidate search keeps the exact meaning of the SQL it replaces (candidates.ts): incidents are
// indexed by search key (grid cell, or place name) × third of a month of date_start; such a slot
// of a key is loaded from the database once (one index range) and then answered from memory with the same
// predicate the SQL had. Memory is bounded: past its cap it forgets the slots used least recently
// (and the rows no loaded slot holds any more) down to 70 % of the cap; member lists are kept
// for the MAX_MEMBER_SETS incidents used last.
import { sql, type Kysely } from "kysely";
import type { HudnaEvent } from "../model/index.js";
import type { IncidentCandidate, Member } from "../incidents/index.js";
import type { Database, IncidentRow } from "./schema.js";
import { padList } from "./bulk.js";
import { parseParties } from "./parties-json.js";

type Tx = Kysely<Database>;

// A cached incident takes ~2–2.6 KB of heap. The cap starts small and grows only when the
// workload asks again for slots it forgot: reports mostly come in publication order, so the slots
// used least recently are old ones no report asks for again, and memory stays flat (news-like
// bench: ~4,000 rows). Reports on random days (the dense bench) re-ask for forgotten slots: the cap
// doubles, up to MAX_ROWS (~260 MB), where a smaller cap would cost (at 30,000 rows the dense
// bench took 14.4 ms a report instead of 9.2).
const MAX_ROWS = 100_000;
const START_ROWS = 4_000;
/** Forgetting goes down to this share of the cap. */
const SHRINK = 0.7;
/** Grow the cap when more than this share of the slots loaded since the last shrink had been forgotten. */
const REASKED = 0.2;
const MAX_MEMBER_SETS = 2_000;

/** A member as recomputation needs it, with its arrival key (ingested_at, report id, seq). */
export type KeyedMember = Member & { key: [string, string, number] };

/** What a candidate query asks for: exactly the predicate of candidates.ts's SQL. */
export interface CandidateQuery {
  earliest: string;
  latest: string;
  endFrom: string;
  cells: string[];
  names: string[];
}

interface Entry {
  row: IncidentRow;
  /** Parsed on first use: most rows a slot load brings in never become a candidate. */
  cand: IncidentCandidate | null;
  /** The index slots it sits in (key \u0001 month). */
  slots: string[];
}

// Index slots split each month in three string ranges ("dekads"): [YYYY-MM, YYYY-MM-11),
// [YYYY-MM-11, YYYY-MM-21), [YYYY-MM-21, next month). Together they cover every string between
// two dates, so a date_start that is no proper date still lands in exactly one of them by string
// order: loading a slot's range from the database is complete; such strings sit in `odd`.
const DATE = /^(\d{4})-(0[1-9]|1[0-2])-(\d\d)/;
const PARTS = ["a", "b", "c"] as const;
const PART_FROM = { a: "", b: "-11", c: "-21" } as const;

/** The slot ("YYYY-MM" + a|b|c) a date_start falls in, or null for a string that is not a date. */
function slotOf(d: string): string | null {
  const m = DATE.exec(d);
  if (!m) return null;
  return `${m[1]}-${m[2]}${m[3]! < "11" ? "a" : m[3]! < "21" ? "b" : "c"}`;
}

function nextMonth(m: string): string {
  const y = Number(m.slice(0, 4));
  const mo = Number(m.slice(5, 7));
  return mo === 12 ? `${String(y + 1).padStart(4, "0")}-01` : `${m.slice(0, 4)}-${String(mo + 1).padStart(2, "0")}`;
}

function nextSlot(s: string): string {
  const part = s.slice(7) as (typeof PARTS)[number];
  return part === "c" ? `${nextMonth(s.slice(0, 7))}a` : `${s.slice(0, 7)}${PARTS[PARTS.indexOf(part) + 1]}`;
}

/** Where a slot's string range starts. */
function slotStart(s: string): string {
  return `${s.slice(0, 7)}${PART_FROM[s.slice(7) as (typeof PARTS)[number]]}`;
}

/** Slots from a to b inclusive; null when the span is unreasonably long. */
function slotsBetween(a: string, b: string): string[] | null {
  const out: string[] = [];
  for (let m = a; m <= b; m = nextSlot(m)) {
    out.push(m);
    if (out.length > 60) return null;
  }
  return out;
}

const cellKey = (c: string) => `c\u0000${c}`;
const placeKey = (p: string) => `p\u0000${p}`;

export class IncidentCache {
  private readonly maxRows: number;
  /** The current cap on rows (START_ROWS up to maxRows). */
  private cap: number;
  /** Slots forgotten by shrink, oldest first (bounded): asking for one again means the cap is too small. */
  private readonly forgotten = new Set<string>();
  private asked = 0;
  private reasked = 0;

  constructor(maxRows = MAX_ROWS, startRows = START_ROWS) {
    this.maxRows = Math.max(1, Math.floor(maxRows));
    this.cap = Math.min(this.maxRows, Math.max(1, Math.floor(startRows)));
  }

  /** Rows held and the current cap (for tests and benches). */
  get size(): { rows: number; cap: number } {
    return { rows: this.entries.size, cap: this.cap };
  }

  private readonly entries = new Map<string, Entry>();
  /** slot → the incidents (by id) whose date_start is a date of that third of a month. */
  private readonly slots = new Map<string, Map<string, Entry>>();
  /** key → ids of incidents whose date_start is not a date (always checked; rare). */
  private readonly odd = new Map<string, Set<string>>();
  /** Slots loaded from the database (complete from then on, kept so by write-through). */
  private readonly loaded = new Set<string>();
  private readonly members = new Map<string, KeyedMember[]>();
  /**
   * The latest date_start in the database when this cache started (undefined: not read yet).
   * Reports mostly arrive in publication order, so most slots a report asks for lie after it:
   * the database has nothing there that this cache lacks (our own later writes are all here),
   * and they need no query.
   */
  private latestStored: string | null | undefined = undefined;
  /** store_epoch as we left it at our last commit; null = unknown (start over). */
  private epoch: number | null = null;
  /**
   * Writes the current batch holds back (pending-writes.ts). Every held incident is in this cache;
   * a read from the database that could need a held row or event, or starting over, first has
   * them written.
   */
  pending: { has(id: string): boolean; flush(): Promise<void> } | null = null;

  /** At the start of a write transaction: forget everything if someone else wrote since. */
  async begin(tx: Tx): Promise<void> {
    const now = await readEpoch(tx);
    if (now === null || now !== this.epoch) this.reset();
  }

  /** Just before our commit: remember the count our own writes left. */
  async end(tx: Tx): Promise<void> {
    this.epoch = await readEpoch(tx);
  }

  reset(): void {
    this.forgotten.clear();
    this.asked = this.reasked = 0;
    this.entries.clear();
    this.slots.clear();
    this.odd.clear();
    this.loaded.clear();
    this.members.clear();
    this.latestStored = undefined;
    this.epoch = null;
  }

  /** Incidents satisfying the candidate predicate (candidates.ts): cell/place IN, date window. */
  async candidates(tx: Tx, q: CandidateQuery): Promise<IncidentRow[]> {
    const keys = [...q.cells.map(cellKey), ...q.names.map(placeKey)];
    const a = slotOf(q.earliest);
    const b = slotOf(q.latest);
    const months = a && b ? slotsBetween(a, b) : null;
    if (!months || q.earliest > q.latest) return this.direct(tx, q);
    if (this.entries.size > this.cap) await this.shrink();
    const missing: string[] = [];
    for (const k of keys) {
      for (const m of months) {
        const s = `${k}\u0001${m}`;
        // least recently used first: re-insert marks the slot as just used
        if (this.loaded.delete(s)) this.loaded.add(s);
        else {
          missing.push(k);
          this.asked++;
          if (this.forgotten.delete(s)) this.reasked++;
        }
      }
    }
    if (missing.length) {
      if (this.latestStored === undefined) this.latestStored = await latestDateStart(tx);
      const latest = this.latestStored;
      // slots that start after every stored date_start: complete as they are
      const stored = latest === null ? [] : months.filter((m) => slotStart(m) <= latest);
      const keysToLoad = [...new Set(missing)];
      if (stored.length) await this.load(tx, keysToLoad, stored);
      for (const k of keysToLoad) for (const m of months) this.loaded.add(`${k}\u0001${m}`);
    }
    const out = new Map<string, IncidentRow>();
    // A slot of key k holds exactly the rows whose cell or place is k (put), all with a proper
    // date_start: only the dates remain to test. This loop is most of the store's work once the
    // database is large (a few thousand rows per report at 10,000 reports): no lookups in it.
    for (const k of keys) {
      for (const m of months) {
        const slot = this.slots.get(`${k}\u0001${m}`);
        if (!slot) continue;
        for (const e of slot.values()) {
          const r = e.row;
          if (r.date_end !== null && r.date_start! >= q.earliest && r.date_start! <= q.latest && r.date_end >= q.endFrom) out.set(r.id, r);
        }
      }
    }
    const cells = new Set(q.cells);
    const names = new Set(q.names);
    const test = (id: string) => {
      if (out.has(id)) return;
      const r = this.entries.get(id)?.row;
      if (!r || r.date_start === null || r.date_end === null) return;
      if (!((r.cell !== null && cells.has(r.cell)) || (r.place !== null && names.has(r.place)))) return;
      if (r.date_start >= q.earliest && r.date_start <= q.latest && r.date_end >= q.endFrom) out.set(id, r);
    };
    for (const k of keys) for (const id of this.odd.get(k) ?? []) test(id);
    return [...out.values()];
  }

  /**
   * Forgets the least recently used slots and every row no loaded slot holds any more, until
   * shrinkTo rows are left. A row still in a loaded slot stays indexed in the forgotten ones too
   * (a reload skips rows already here, so it must find them in place). Held writes go to the
   * database first, and the latest stored date_start is read again: a forgotten slot after the
   * old one may hold our own writes, which only the database has now.
   */
  private async shrink(): Promise<void> {
    const reasked = this.reasked > this.asked * REASKED;
    this.asked = this.reasked = 0;
    if (reasked && this.cap < this.maxRows) {
      this.cap = Math.min(this.maxRows, this.cap * 2);
      if (this.entries.size <= this.cap) return;
    }
    const shrinkTo = Math.floor(this.cap * SHRINK);
    await this.pending?.flush();
    for (const s of this.loaded) {
      if (this.entries.size <= shrinkTo) break;
      this.loaded.delete(s);
      this.forgotten.add(s);
      if (this.forgotten.size > 4 * this.cap) this.forgotten.delete(this.forgotten.values().next().value!);
      const slot = this.slots.get(s);
      if (!slot) continue;
      for (const [id, e] of [...slot]) {
        if (!e.slots.some((x) => this.loaded.has(x))) {
          this.unindex(id);
          this.entries.delete(id);
        }
      }
      if (!slot.size) this.slots.delete(s);
    }
    this.latestStored = undefined;
    if (this.entries.size > shrinkTo) this.reset(); // rows no slot ever loaded: start over
  }

  /** Incident rows by id (from memory, else the database). */
  async rows(tx: Tx, ids: string[]): Promise<Map<string, IncidentRow>> {
    const out = new Map<string, IncidentRow>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const e = this.entries.get(id);
      if (e) out.set(id, e.row);
      else missing.push(id);
    }
    for (let i = 0; i < missing.length; i += 500) {
      for (const r of await tx.selectFrom("incidents").selectAll().where("id", "in", padList(missing.slice(i, i + 500))).execute()) {
        out.set(r.id, r);
        this.put(r);
      }
    }
    return out;
  }

  /** The candidate view of a cached row (parsed parties), fresh per report: callers extend it. */
  candidateOf(row: IncidentRow): IncidentCandidate {
    const e = this.entries.get(row.id);
    let c: IncidentCandidate;
    if (e && e.row === row) c = e.cand ??= toCandidate(row);
    else c = toCandidate(row);
    return { ...c, reportIds: [], eventIds: [] };
  }

  /** Stored members of incidents (parsed events, arrival keys), from memory or the database. */
  async membersOf(tx: Tx, ids: string[]): Promise<Map<string, KeyedMember[]>> {
    const out = new Map<string, KeyedMember[]>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const ms = this.members.get(id);
      if (ms) {
        // least recently used goes first: re-insert marks it as just used
        this.members.delete(id);
        this.members.set(id, ms);
        out.set(id, ms);
      } else missing.push(id);
    }
    if (missing.length) {
      if (this.pending && missing.some((id) => this.pending!.has(id))) await this.pending.flush();
      const loaded = await loadMembers(tx, missing);
      for (const id of missing) {
        const ms = loaded.get(id) ?? [];
        out.set(id, ms);
        this.setMembers(id, ms);
      }
    }
    return out;
  }

  setMembers(id: string, ms: KeyedMember[]): void {
    this.members.delete(id);
    if (this.members.size >= MAX_MEMBER_SETS) this.members.delete(this.members.keys().next().value!);
    this.members.set(id, ms);
  }

  /** Forget an incident's members (its events changed outside the write-through path). */
  forgetMembers(id: string): void {
    this.members.delete(id);
  }

  /** Write-through: the incident as it now is in the database. */
  put(row: IncidentRow): void {
    this.unindex(row.id);
    const slots: string[] = [];
    const entry: Entry = { row, cand: null, slots };
    const keys: string[] = [];
    if (row.cell !== null) keys.push(cellKey(row.cell));
    if (row.place !== null) keys.push(placeKey(row.place));
    const month = row.date_start === null ? null : slotOf(row.date_start);
    for (const k of keys) {
      if (row.date_start === null) continue;
      const slot = month ? `${k}\u0001${month}` : `${k}\u0002odd`;
      if (month) {
        const byId = this.slots.get(slot);
        if (byId) byId.set(row.id, entry);
        else this.slots.set(slot, new Map([[row.id, entry]]));
      } else {
        const set = this.odd.get(k);
        if (set) set.add(row.id);
        else this.odd.set(k, new Set([row.id]));
      }
      slots.push(slot);
    }
    this.entries.set(row.id, entry);
  }

  /** Write-through: the incident was deleted. */
  drop(id: string): void {
    this.unindex(id);
    this.entries.delete(id);
    this.members.delete(id);
  }

  private unindex(id: string): void {
    const e = this.entries.get(id);
    if (!e) return;
    for (const s of e.slots) {
      const odd = s.endsWith("\u0002odd");
      const k = odd ? s.slice(0, -4) : s;
      (odd ? this.odd.get(k) : this.slots.get(s))?.delete(id);
    }
  }

  /** Load whole months of the given keys (one index range per key and month span). */
  private async load(tx: Tx, keys: string[], months: string[]): Promise<void> {
    const cells = keys.filter((k) => k.startsWith("c\u0000")).map((k) => k.slice(2));
    const names = keys.filter((k) => k.startsWith("p\u0000")).map((k) => k.slice(2));
    const from = slotStart(months[0]!);
    const to = slotStart(nextSlot(months[months.length - 1]!));
    for (let i = 0; i < Math.max(cells.length, names.length); i += 250) {
      const c = cells.slice(i, i + 250);
      const n = names.slice(i, i + 250);
      const found = await tx
        .selectFrom("incidents")
        .selectAll()
        .where((eb) => {
          const or = [];
          if (c.length) or.push(eb("cell", "in", padList(c)));
          if (n.length) or.push(eb("place", "in", padList(n)));
          return eb.and([eb.or(or), eb("date_start", ">=", from), eb("date_start", "<", to)]);
        })
        .execute();
      for (const r of found) if (!this.entries.has(r.id)) this.put(r);
    }
    for (const k of keys) for (const m of months) this.loaded.add(`${k}\u0001${m}`);
  }

  /** A query the month index cannot serve (dates that are not dates): straight to SQL. */
  private async direct(tx: Tx, q: CandidateQuery): Promise<IncidentRow[]> {
    await this.pending?.flush();
    const found = await tx
      .selectFrom("incidents")
      .selectAll()
      .where((eb) => {
        const or = [];
        if (q.cells.length) or.push(eb("cell", "in", padList(q.cells)));
        if (q.names.length) or.push(eb("place", "in", padList(q.names)));
        return eb.and([eb.or(or), eb("date_start", ">=", q.earliest), eb("date_start", "<=", q.latest), eb("date_end", ">=", q.endFrom)]);
      })
      .execute();
    return found.map((r) => this.entries.get(r.id)?.row ?? r);
  }
}

function toCandidate(row: IncidentRow): IncidentCandidate {
  return {
    id: row.id,
    type: row.type,
    date_start: row.date_start,
    date_end: row.date_end,
    lat: row.lat,
    lon: row.lon,
    place: row.place,
    place_ar: row.place_ar,
    place_gid: row.place_gid,
    place_precision: row.place_precision,
    admin1: row.admin1,
    actors: parseParties(row.actors),
    targets: parseParties(row.targets),
  };
}

async function latestDateStart(tx: Tx): Promise<string | null> {
  const r = await tx.selectFrom("incidents").select((eb) => eb.fn.max("date_start").as("m")).executeTakeFirst();
  return (r?.m as string | null | undefined) ?? null;
}

async function readEpoch(tx: Tx): Promise<number | null> {
  const r = await sql<{ n: number | string }>`select n from store_epoch where id = 1`.execute(tx);
  const n = r.rows[0]?.n;
  return n === undefined || n === null ? null : Number(n);
}

/** Members of incidents from the events table, joined with their reports, in no set order. */
export async function loadMembers(tx: Tx, incidentIds: string[]): Promise<Map<string, KeyedMember[]>> {
  const out = new Map<string, KeyedMember[]>();
  for (let i = 0; i < incidentIds.length; i += 500) {
    const rows = await tx
      .selectFrom("events")
      .innerJoin("reports", "reports.id", "events.report_id")
      .select([
        "events.id as id",
        "events.report_id as report_id",
        "events.incident_id as incident_id",
        "events.seq as seq",
        "events.json as json",
        "reports.outlet as outlet",
        "reports.published as published",
        "reports.ingested_at as ingested_at",
      ])
      .where("events.incident_id", "in", padList(incidentIds.slice(i, i + 500)))
      .execute();
    for (const r of rows) {
      const list = out.get(r.incident_id!) ?? [];
      list.push({
        eventId: r.id,
        reportId: r.report_id,
        event: JSON.parse(r.json) as HudnaEvent,
        outlet: r.outlet,
        published: r.published,
        order: 0,
        key: [r.ingested_at, r.report_id, r.seq],
      });
      out.set(r.incident_id!, list);
    }
  }
  return out;
}
