// The incident list beside the map (the accessible view of the same data): sortable, paged by the
// API's cursor; a row's button selects the incident.
import type { IncidentPage } from "./api.js";
import { typeColor } from "./colors.js";
import { bdi, fill, h } from "./dom.js";
import { dayShort, num, pick, range, statusLabel, t, typeLabel } from "./i18n.js";
import type { Lang, Sort, State } from "./state.js";

export interface ListHandlers {
  onSelect(id: string): void;
  onSort(sort: Sort): void;
  /** null = first page. */
  onPage(cursor: string | null): void;
}

export class IncidentList {
  /** Cursors of the pages before the current one, to page back without API support for it. */
  private history: (string | null)[] = [];
  private lastCursor: string | null = null;

  constructor(private readonly root: HTMLElement, private readonly handlers: ListHandlers) {}

  loading(lang: Lang): void {
    this.root.setAttribute("aria-busy", "true");
    const status = this.root.querySelector(".list-status");
    if (status) status.textContent = t(lang, "loading");
  }

  error(lang: Lang, message: string): void {
    this.root.removeAttribute("aria-busy");
    fill(this.root, h("h2", { class: "section-title" }, t(lang, "incidents")), h("p", { class: "error", role: "alert" }, `${t(lang, "error")}: `, bdi(message)));
  }

  render(page: IncidentPage, s: State): void {
    const lang = s.lang;
    if (s.cursor !== this.lastCursor) {
      // Moving forward remembers where we came from; anything else (filters, back) resets.
      const i = this.history.indexOf(s.cursor);
      if (i >= 0) this.history = this.history.slice(0, i);
      else if (s.cursor === null) this.history = [];
      else this.history.push(this.lastCursor);
      this.lastCursor = s.cursor;
    }
    this.root.removeAttribute("aria-busy");

    const sortSel = h("select", { id: "sort", "aria-label": t(lang, "sort") },
      ...(["date_desc", "date_asc", "killed_desc", "killed_asc"] as const).map((k) =>
        h("option", { value: k, selected: s.sort === k }, t(lang, k))));
    sortSel.addEventListener("change", () => this.handlers.onSort(sortSel.value as Sort));

    const sortHeader = (key: "date" | "killed"): HTMLElement => {
      const desc = `${key}_desc` as Sort;
      const asc = `${key}_asc` as Sort;
      const active = s.sort === desc || s.sort === asc;
      const b = h("button", { type: "button", class: "th-sort", "data-sort": key }, t(lang, key), active ? (s.sort === desc ? " ▼" : " ▲") : "");
      b.addEventListener("click", () => this.handlers.onSort(s.sort === desc ? asc : desc));
      const th = h("th", { scope: "col" }, b);
      if (active) th.setAttribute("aria-sort", s.sort === desc ? "descending" : "ascending");
      return th;
    };

    const rows = page.items.map((r) => {
      const btn = h("button", { type: "button", class: "row-select" }, bdi(pick(lang, r.place, r.place_ar) || t(lang, "unknownPlace")));
      btn.addEventListener("click", () => this.handlers.onSelect(r.id));
      const dot = h("span", { class: "type-dot", "aria-hidden": "true" });
      dot.style.backgroundColor = typeColor(r.type);
      return h("tr", { "data-id": r.id, class: r.id === s.inc ? "selected" : null, "aria-selected": r.id === s.inc ? "true" : null },
        h("td", { class: "nowrap" }, dayShort(lang, r.date_start)),
        h("td", { class: "nowrap" }, dot, typeLabel(lang, r.type)),
        h("td", {}, btn),
        h("td", { class: "num" }, range(lang, r.killed.low, r.killed.best, r.killed.high)),
        h("td", {}, h("span", { class: `status status-${r.status}` }, statusLabel(lang, r.status))),
        h("td", { class: "num" }, num(lang, r.report_count)));
    });

    const table = h("table", { class: "incident-table" },
      h("caption", { class: "visually-hidden" }, t(lang, "incidents")),
      h("thead", {}, h("tr", {}, sortHeader("date"), h("th", { scope: "col" }, t(lang, "type")), h("th", { scope: "col" }, t(lang, "place")),
        sortHeader("killed"), h("th", { scope: "col" }, t(lang, "status")), h("th", { scope: "col" }, t(lang, "reports")))),
      h("tbody", {}, ...rows));

    const prev = h("button", { type: "button", "data-action": "prev", disabled: !s.cursor }, t(lang, "prev"));
    prev.addEventListener("click", () => this.handlers.onPage(this.history[this.history.length - 1] ?? null));
    const next = h("button", { type: "button", "data-action": "next", disabled: !page.next }, t(lang, "next"));
    next.addEventListener("click", () => page.next && this.handlers.onPage(page.next));
    const count = page.total !== null ? `${t(lang, "incidents")}: ${num(lang, page.total)}` : "";

    fill(this.root,
      h("div", { class: "section-head" }, h("h2", { class: "section-title" }, t(lang, "incidents")), sortSel),
      h("p", { class: "list-status muted small", role: "status" }, page.items.length ? count : t(lang, "none")),
      h("div", { class: "table-wrap" }, table),
      h("nav", { class: "pager", "aria-label": t(lang, "incidents") }, prev, next));
  }
}
