// Violations per day, stacked by party, as a small SVG bar chart with a brush: dragging selects a
// date range (the map and list follow), a click without a drag clears it. Written by hand to keep
// the bundle small; the time axis always runs left→right, also in Arabic.
import type { ViolationBucket } from "./api.js";
import { PARTY_PALETTE } from "./colors.js";
import { fill, h, svg } from "./dom.js";
import { day, num, t } from "./i18n.js";
import type { Lang } from "./state.js";

const DAY_MS = 86_400_000;
const H = 120;
const PAD = { top: 8, right: 8, bottom: 20, left: 28 };

export interface TimelineRange {
  from: string | null;
  to: string | null;
}

const toDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const toMs = (d: string): number => Date.parse(`${d}T00:00:00Z`);

/** Monday of the ISO week of a day. */
export function weekStart(d: string): string {
  const ms = toMs(d);
  const dow = (new Date(ms).getUTCDay() + 6) % 7;
  return toDay(ms - dow * DAY_MS);
}

/** Long periods are drawn per week: daily bars would be thinner than a pixel. */
export const WEEKLY_AFTER_DAYS = 180;

/** Days from first to last bucket, parties ranked by total (top ones get colours, rest "other"). */
export function stack(buckets: ViolationBucket[], maxParties = PARTY_PALETTE.length - 1) {
  const totals = new Map<string, number>();
  for (const b of buckets) totals.set(b.party, (totals.get(b.party) ?? 0) + b.count);
  const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([p]) => p);
  const parties = ranked.length > maxParties + 1 ? [...ranked.slice(0, maxParties), "other"] : ranked;
  const keep = new Set(parties);
  const days = new Map<string, Map<string, number>>();
  for (const b of buckets) {
    const party = keep.has(b.party) ? b.party : "other";
    const m = days.get(b.date) ?? new Map<string, number>();
    m.set(party, (m.get(party) ?? 0) + b.count);
    days.set(b.date, m);
  }
  const sorted = [...days.keys()].sort();
  return { parties, days, first: sorted[0] ?? null, last: sorted[sorted.length - 1] ?? null };
}

/** Which zone(s) the chart counts: one zone, or the sum over all of them (zone null). */
export interface TimelineScope {
  zone: string | null;
  /** [id, display name] of every zone, for the picker. */
  zones: [string, string][];
}

export class Timeline {
  private buckets: ViolationBucket[] = [];
  private range: TimelineRange = { from: null, to: null };
  private lang: Lang = "ar";
  private scope: TimelineScope = { zone: null, zones: [] };

  constructor(
    private readonly root: HTMLElement,
    private readonly onRange: (r: TimelineRange) => void,
    /** Display name of a party (the API names parties in English). */
    private readonly partyName: (party: string, lang: Lang) => string = (p) => p,
    /** The user picked a zone in the chart's own picker (null = all zones). */
    private readonly onZone: (zone: string | null) => void = () => undefined,
  ) {}

  update(buckets: ViolationBucket[], range: TimelineRange, lang: Lang, scope?: TimelineScope): void {
    this.buckets = buckets;
    this.range = range;
    this.lang = lang;
    if (scope) this.scope = scope;
    this.render();
  }

  /** The zone picker: says which zone(s) the bars count, and switches the zone filter. */
  private zonePicker(): HTMLElement {
    const lang = this.lang;
    const { zone, zones } = this.scope;
    const sel = h("select", { id: "timeline-zone", "aria-label": t(lang, "timelineZone") },
      h("option", { value: "", selected: !zone }, `${t(lang, "allZonesSum")} (${num(lang, zones.length)})`),
      ...zones.map(([id, name]) => h("option", { value: id, selected: zone === id }, name)));
    if (zone && !zones.some(([id]) => id === zone)) sel.appendChild(h("option", { value: zone, selected: true }, zone));
    sel.addEventListener("change", () => this.onZone(sel.value || null));
    return sel;
  }

  render(): void {
    const lang = this.lang;
    let { parties, days, first, last } = stack(this.buckets);
    const weekly = first !== null && last !== null && (toMs(last) - toMs(first)) / DAY_MS > WEEKLY_AFTER_DAYS;
    if (weekly) ({ parties, days, first, last } = stack(this.buckets.map((b) => ({ ...b, date: weekStart(b.date) }))));
    const barDays = weekly ? 7 : 1;
    const heading = h("h2", { class: "section-title" }, t(lang, weekly ? "timelineWeek" : "timeline"));
    if (!first || !last) {
      fill(this.root, h("div", { class: "section-head" }, h("div", { class: "timeline-title" }, heading, this.zonePicker())), h("p", { class: "muted" }, t(lang, "noViolations")));
      return;
    }
    const width = Math.max(260, this.root.clientWidth - 16);
    const start = toMs(first);
    const nDays = Math.round((toMs(last) - start) / DAY_MS) + barDays;
    const plotW = width - PAD.left - PAD.right;
    const plotH = H - PAD.top - PAD.bottom;
    const bw = plotW / nDays;
    let max = 1;
    for (const m of days.values()) max = Math.max(max, [...m.values()].reduce((a, b) => a + b, 0));
    const y = (v: number): number => PAD.top + plotH - (v / max) * plotH;
    const x = (ms: number): number => PAD.left + ((ms - start) / DAY_MS) * bw;

    const chart = svg("svg", { class: "timeline-svg", width, height: H, viewBox: `0 0 ${width} ${H}`, role: "img", "aria-label": t(lang, "timeline"), direction: "ltr" });
    chart.appendChild(svg("line", { x1: PAD.left, x2: width - PAD.right, y1: y(0), y2: y(0), class: "axis" }));
    chart.appendChild(svg("text", { x: PAD.left - 4, y: y(max) + 4, "text-anchor": "end", class: "tick" }, num(lang, max)));
    chart.appendChild(svg("text", { x: PAD.left - 4, y: y(0), "text-anchor": "end", class: "tick" }, num(lang, 0)));
    chart.appendChild(svg("text", { x: PAD.left, y: H - 4, "text-anchor": "start", class: "tick" }, day(lang, first)));
    chart.appendChild(svg("text", { x: width - PAD.right, y: H - 4, "text-anchor": "end", class: "tick" }, day(lang, last)));

    for (const [d, m] of [...days.entries()].sort()) {
      let acc = 0;
      const total = [...m.values()].reduce((a, b) => a + b, 0);
      const g = svg("g", { "data-date": d });
      g.appendChild(svg("title", {}, `${day(lang, d)}: ${num(lang, total)}`));
      parties.forEach((p, i) => {
        const v = m.get(p) ?? 0;
        if (!v) return;
        g.appendChild(svg("rect", {
          x: x(toMs(d)) + Math.min(1, bw * barDays * 0.1), width: Math.max(1, bw * barDays - Math.min(2, bw * barDays * 0.2)),
          y: y(acc + v), height: y(acc) - y(acc + v), fill: PARTY_PALETTE[i] ?? "#888",
        }));
        acc += v;
      });
      chart.appendChild(g);
    }

    const sel = svg("rect", { class: "brush-selection", y: PAD.top, height: plotH, x: 0, width: 0 });
    const showRange = (a: number | null, b: number | null): void => {
      if (a === null || b === null) return sel.setAttribute("width", "0");
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      sel.setAttribute("x", String(lo));
      sel.setAttribute("width", String(Math.max(2, hi - lo)));
    };
    if (this.range.from || this.range.to) {
      const a = this.range.from ? x(toMs(this.range.from)) : PAD.left;
      const b = this.range.to ? x(toMs(this.range.to) + DAY_MS) : width - PAD.right;
      showRange(Math.max(PAD.left, a), Math.min(width - PAD.right, b));
    }
    chart.appendChild(sel);

    // The brush: an overlay catching pointer drags over the plot area.
    const overlay = svg("rect", { class: "brush-overlay", x: PAD.left, y: PAD.top, width: plotW, height: plotH });
    const clampX = (evX: number): number => {
      const r = chart.getBoundingClientRect();
      return Math.min(width - PAD.right, Math.max(PAD.left, ((evX - r.left) / r.width) * width));
    };
    const dayAt = (px: number): string => toDay(start + Math.floor((px - PAD.left) / bw) * DAY_MS);
    let x0: number | null = null;
    overlay.addEventListener("pointerdown", (e) => {
      x0 = clampX(e.clientX);
      overlay.setPointerCapture(e.pointerId);
      showRange(x0, x0);
    });
    overlay.addEventListener("pointermove", (e) => {
      if (x0 !== null) showRange(x0, clampX(e.clientX));
    });
    overlay.addEventListener("pointerup", (e) => {
      if (x0 === null) return;
      const x1 = clampX(e.clientX);
      const a = Math.min(x0, x1);
      const b = Math.max(x0, x1);
      x0 = null;
      if (b - a < 3) return this.onRange({ from: null, to: null });
      this.onRange({ from: dayAt(a), to: dayAt(Math.max(a, b - 0.001)) });
    });
    chart.appendChild(overlay);

    const legend = h("ul", { class: "legend" }, ...parties.map((p, i) =>
      h("li", {}, h("span", { class: `swatch sw-${i}` }), h("bdi", {}, p === "other" ? (lang === "ar" ? "أخرى" : "other") : this.partyName(p, lang)))));
    const clear = this.range.from || this.range.to
      ? h("button", { type: "button", class: "link", "data-action": "clear-range" }, t(lang, "clearRange"))
      : h("span", { class: "muted small" }, t(lang, "brushHint"));
    clear.addEventListener("click", () => this.onRange({ from: null, to: null }));
    fill(this.root, h("div", { class: "section-head" }, h("div", { class: "timeline-title" }, heading, this.zonePicker()), clear), chart, legend);
  }
}
