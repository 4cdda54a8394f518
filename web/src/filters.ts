// The filter bar: zone, type, status, source kind, date range. Every change goes into the URL
// (through onChange) and nowhere else.
import type { ZoneCollection } from "./api.js";
import { fill, h } from "./dom.js";
import { num, shortZoneName, SOURCE_KIND_KEYS, sourceKindLabel, STATUS_KEYS, statusLabel, t, TYPE_KEYS, typeLabel } from "./i18n.js";
import { typeList, type State } from "./state.js";

export type FilterPatch = Partial<Pick<State, "zone" | "type" | "status" | "source" | "from" | "to">>;

export class Filters {
  constructor(private readonly root: HTMLElement, private readonly onChange: (patch: FilterPatch) => void) {
    // The type drop-down closes like a menu: a click elsewhere or Escape.
    const close = (): boolean => {
      const d = this.root.querySelector<HTMLDetailsElement>("#f-type");
      if (!d?.open) return false;
      d.open = false;
      return true;
    };
    document.addEventListener("click", (e) => {
      if (!(e.target instanceof Node && this.root.querySelector("#f-type")?.contains(e.target))) close();
    });
    // Captured first: Escape closing the menu must not also close the incident panel.
    document.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && close()) e.stopImmediatePropagation();
    }, true);
  }

  render(s: State, zones: ZoneCollection | null): void {
    const lang = s.lang;
    const select = (name: "zone" | "type" | "status" | "source", options: [string, string][]): HTMLElement => {
      const sel = h("select", { id: `f-${name}`, name },
        h("option", { value: "" }, t(lang, "all")),
        ...options.map(([v, label]) => h("option", { value: v, selected: s[name] === v }, label)));
      // A value from a shared URL that the lists don't know still shows (and can be cleared).
      if (s[name] && !options.some(([v]) => v === s[name])) sel.appendChild(h("option", { value: s[name]!, selected: true }, s[name]!));
      sel.addEventListener("change", () => this.onChange({ [name]: sel.value || null }));
      return h("label", { class: "field" }, h("span", {}, t(lang, name)), sel);
    };
    // Several types at once: a drop-down of checkboxes; the choice is one comma list in the URL.
    const types = (): HTMLElement => {
      const chosen = typeList(s);
      const known = TYPE_KEYS.filter((k) => k !== "other");
      const keys = [...known, "other", ...chosen.filter((k) => !TYPE_KEYS.includes(k))];
      const summary = chosen.length === 0 ? t(lang, "all")
        : chosen.length === 1 ? typeLabel(lang, chosen[0]!)
        : `${num(lang, chosen.length)} ${t(lang, "typesChosen")}`;
      const boxes = keys.map((k) => {
        const input = h("input", { type: "checkbox", name: "type", value: k, checked: chosen.includes(k) });
        input.addEventListener("change", () => {
          const next = [...this.root.querySelectorAll<HTMLInputElement>('#f-type input[name="type"]')].filter((i) => i.checked).map((i) => i.value);
          this.onChange({ type: next.length ? [...next].sort().join(",") : null });
        });
        return h("label", { class: "check" }, input, h("span", {}, typeLabel(lang, k)));
      });
      const clear = h("button", { type: "button", class: "link", "data-action": "all-types" }, t(lang, "all"));
      clear.addEventListener("click", () => this.onChange({ type: null }));
      // Stays open across re-renders while the user ticks several boxes.
      const wasOpen = this.root.querySelector<HTMLDetailsElement>("#f-type")?.open ?? false;
      const details = h("details", { id: "f-type", class: "multi", open: wasOpen },
        h("summary", { "aria-label": `${t(lang, "type")}: ${summary}` }, summary),
        h("div", { class: "multi-menu", role: "group", "aria-label": t(lang, "type") }, clear, ...boxes));
      return h("div", { class: "field" }, h("span", {}, t(lang, "type")), details);
    };
    const date = (name: "from" | "to"): HTMLElement => {
      const input = h("input", { type: "date", id: `f-${name}`, name, value: s[name] ?? "", min: "2011-01-01", max: "2030-12-31" });
      input.addEventListener("change", () => this.onChange({ [name]: /^\d{4}-\d{2}-\d{2}$/.test(input.value) ? input.value : null }));
      return h("label", { class: "field" }, h("span", {}, t(lang, name)), input);
    };
    const zoneOptions: [string, string][] = (zones?.features ?? []).map((f) => [f.properties.id, shortZoneName(lang, f.properties.name, f.properties.name_ar)]);
    const reset = h("button", { type: "button", class: "reset", "data-action": "reset" }, t(lang, "reset"));
    reset.addEventListener("click", () => this.onChange({ zone: null, type: null, status: null, source: null, from: null, to: null }));
    // On a phone the fields fold away behind one button (with the number of active filters).
    const active = (["zone", "type", "status", "source", "from", "to"] as const).filter((k) => s[k]).length;
    const toggle = h("button", { type: "button", class: "filters-toggle", "aria-expanded": String(this.root.classList.contains("open")), "aria-controls": "filters" },
      t(lang, "filters"), active ? ` (${num(lang, active)})` : "");
    toggle.addEventListener("click", () => {
      const open = this.root.classList.toggle("open");
      toggle.setAttribute("aria-expanded", String(open));
    });
    fill(this.root,
      h("h2", { class: "visually-hidden" }, t(lang, "filters")),
      toggle,
      select("zone", zoneOptions),
      types(),
      select("status", STATUS_KEYS.map((k) => [k, statusLabel(lang, k)])),
      select("source", SOURCE_KIND_KEYS.map((k) => [k, sourceKindLabel(lang, k)])),
      date("from"), date("to"), reset);
  }
}
