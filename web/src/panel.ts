// The incident panel: reconciled figures with who said what, status, parties, and each report's
// text with its evidence sentences as <mark> — built from text nodes only, never innerHTML.
import type { FigureRow, IncidentDetail, PartyLite, ReportView, RevisionRow } from "./api.js";
import { bdi, fill, h, safeHttpUrl } from "./dom.js";
import { segments } from "./highlight.js";
import { day, num, pick, range, sourceKindLabel, statusLabel, t, typeLabel } from "./i18n.js";
import type { Lang } from "./state.js";

const MAX_TEXT = 50_000;

export class IncidentPanel {
  constructor(private readonly root: HTMLElement, private readonly onClose: () => void) {}

  hide(): void {
    this.root.hidden = true;
    document.body.classList.remove("panel-open");
    this.root.replaceChildren();
  }

  loading(lang: Lang): void {
    this.show();
    fill(this.root, this.closeButton(lang), h("p", { class: "muted" }, t(lang, "loading")));
  }

  error(lang: Lang, message: string): void {
    this.show();
    fill(this.root, this.closeButton(lang), h("p", { class: "error", role: "alert" }, `${t(lang, "error")}: `, bdi(message)));
  }

  private show(): void {
    this.root.hidden = false;
    document.body.classList.add("panel-open");
  }

  private closeButton(lang: Lang): HTMLElement {
    const b = h("button", { type: "button", class: "close", "data-action": "close-panel", "aria-label": t(lang, "close") }, "×");
    b.addEventListener("click", () => this.onClose());
    return b;
  }

  render(d: IncidentDetail, lang: Lang, focus = false): void {
    this.show();
    const place = pick(lang, d.place, d.place_ar) || t(lang, "unknownPlace");
    const dates = d.date_end && d.date_end !== d.date_start ? `${day(lang, d.date_start)} – ${day(lang, d.date_end)}` : day(lang, d.date_start);
    fill(this.root,
      h("header", { class: "panel-head" }, this.closeButton(lang),
        h("h2", { id: "panel-title", tabindex: "-1" }, typeLabel(lang, d.type), " — ", bdi(place)),
        h("p", { class: "muted" }, dates, " · ", h("span", { class: `status status-${d.status}` }, statusLabel(lang, d.status)))),
      this.reconciled(d, lang),
      this.parties(d.actors, d.targets, lang),
      this.sourceList(d.sources, lang),
      this.figureTable(d.figures, lang),
      this.reportList(d.reports, lang),
      this.revisionList(d.revisions, lang));
    this.root.setAttribute("aria-labelledby", "panel-title");
    // Keyboard and screen-reader users land on the incident they chose.
    if (focus) (this.root.querySelector("#panel-title") as HTMLElement | null)?.focus({ preventScroll: true });
  }

  private reconciled(d: IncidentDetail, lang: Lang): HTMLElement {
    const row = (label: string, f: { low: number | null; best: number | null; high: number | null }): HTMLElement =>
      h("tr", {}, h("th", { scope: "row" }, label), h("td", { class: "num" }, num(lang, f.low)), h("td", { class: "num best" }, num(lang, f.best)), h("td", { class: "num" }, num(lang, f.high)));
    return h("section", { class: "reconciled" },
      h("h3", {}, t(lang, "reconciled")),
      h("table", { class: "figures" },
        h("thead", {}, h("tr", {}, h("td"), h("th", { scope: "col" }, t(lang, "low")), h("th", { scope: "col" }, t(lang, "best")), h("th", { scope: "col" }, t(lang, "high")))),
        h("tbody", {}, row(t(lang, "killed"), d.killed), row(t(lang, "injured"), d.injured))));
  }

  private parties(actors: PartyLite[], targets: PartyLite[], lang: Lang): HTMLElement | null {
    if (!actors.length && !targets.length) return null;
    const sep = lang === "ar" ? "، " : ", ";
    const list = (ps: PartyLite[]): HTMLElement => h("span", {}, ...ps.flatMap((p, i) => [i ? sep : "", bdi(pick(lang, p.name, p.name_ar))]));
    return h("dl", { class: "parties" },
      actors.length ? h("dt", {}, t(lang, "actors")) : null, actors.length ? h("dd", {}, list(actors)) : null,
      targets.length ? h("dt", {}, t(lang, "targets")) : null, targets.length ? h("dd", {}, list(targets)) : null);
  }

  private sourceList(sources: { name: string; kind: string }[], lang: Lang): HTMLElement | null {
    const seen = new Map<string, string>();
    for (const s of sources) if (s.name && !seen.has(s.name)) seen.set(s.name, s.kind);
    if (!seen.size) return null;
    const sep = lang === "ar" ? "، " : ", ";
    return h("p", { class: "sources small" }, h("span", { class: "muted" }, `${t(lang, "sources")}: `),
      ...[...seen].flatMap(([name, kind], i) => [i ? sep : "", bdi(name), ` (${sourceKindLabel(lang, kind)})`]));
  }

  private revisionList(revisions: RevisionRow[], lang: Lang): HTMLElement | null {
    if (!revisions.length) return null;
    return h("details", { class: "revisions" },
      h("summary", {}, t(lang, "revisions"), ` (${num(lang, revisions.length)})`),
      h("ul", { class: "small" }, ...revisions.slice(0, 200).map((r) =>
        h("li", {}, h("span", { class: "muted" }, day(lang, r.at.slice(0, 10))), " ", h("code", {}, r.field), ": ",
          bdi(r.old_value ?? "–"), " → ", bdi(r.new_value ?? "–")))));
  }

  private figureTable(figures: FigureRow[], lang: Lang): HTMLElement | null {
    if (!figures.length) return null;
    return h("section", { class: "who-said" },
      h("h3", {}, t(lang, "figures")),
      h("ul", { class: "figure-list" }, ...figures.map((f) =>
        h("li", { class: f.used ? "used" : "unused" },
          h("strong", {}, bdi(f.source || "?")), f.source_kind ? ` (${sourceKindLabel(lang, f.source_kind)})` : "", ": ",
          f.measure === "injured" ? t(lang, "injured") : t(lang, "killed"), " ",
          h("span", { class: "num" }, range(lang, f.low, f.best, f.high)),
          f.text ? h("span", { class: "quote", dir: "auto", lang: "ar" }, f.text) : null,
          h("span", { class: "muted small" }, ` · ${f.used ? t(lang, "used") : t(lang, "superseded")}`)))));
  }

  private reportList(reports: ReportView[], lang: Lang): HTMLElement {
    return h("section", { class: "reports" },
      h("h3", {}, t(lang, "reports"), " ", h("span", { class: "muted" }, `(${num(lang, reports.length)})`)),
      ...reports.map((r) => this.report(r, lang)));
  }

  private report(r: ReportView, lang: Lang): HTMLElement {
    const url = safeHttpUrl(r.url);
    const text = r.text.length > MAX_TEXT ? r.text.slice(0, MAX_TEXT) : r.text;
    const body = h("p", { class: "report-text", dir: "rtl", lang: "ar" });
    for (const s of segments(text, r.spans)) body.appendChild(s.mark ? h("mark", {}, s.text) : document.createTextNode(s.text));
    return h("article", { class: "report", "data-report": r.id },
      h("h4", { dir: "auto" }, r.title || r.outlet || r.id.slice(0, 12)),
      h("p", { class: "muted small" },
        r.outlet ? bdi(r.outlet) : null, r.outlet ? " · " : null, day(lang, r.published),
        url ? " · " : null,
        url ? h("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, t(lang, "original")) : null),
      h("details", { open: true }, h("summary", {}, t(lang, "evidence")), body));
  }
}
