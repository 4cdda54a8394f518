// One colour per event type (map points, list badges) and a palette for parties (timeline).
export const TYPE_COLORS: Record<string, string> = {
  armed_clash: "#d95f02",
  air_strike: "#c2185b",
  shelling: "#e6550d",
  explosion: "#7b3294",
  chemical_attack: "#1b9e77",
  attack_on_civilians: "#b2182b",
  abduction: "#8c510a",
  territory_change: "#5e3c99",
  agreement: "#2b8cbe",
  meeting: "#4393c3",
  statement: "#6b7b8c",
  ceasefire_violation_report: "#f1a340",
  casualty_claim: "#a6611a",
  denial: "#525252",
  threat: "#fdae61",
  humanitarian: "#1a9850",
  other: "#878787",
};
export const typeColor = (t: string): string => TYPE_COLORS[t] ?? TYPE_COLORS.other!;

export const PARTY_PALETTE = ["#c2185b", "#e6550d", "#5e3c99", "#1a9850", "#2b8cbe", "#8c510a", "#f1a340", "#878787"];
