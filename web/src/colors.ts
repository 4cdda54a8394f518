// One colour per event type (map points, list badges) and a palette for parties (timeline).
export const TYPE_COLORS: Record<string, string> = {
  // Violent types first: the most common ones (air strike, shelling, clash) far apart in hue.
  air_strike: "#c2185b",
  shelling: "#e6550d",
  armed_clash: "#00838f",
  explosion: "#6a1b9a",
  attack_on_civilians: "#b2182b",
  chemical_attack: "#9e9d24",
  abduction: "#8d6e63",
  territory_change: "#3949ab",
  agreement: "#0288d1",
  meeting: "#4fc3f7",
  statement: "#6b7b8c",
  ceasefire_violation_report: "#f1a340",
  casualty_claim: "#a6611a",
  denial: "#525252",
  threat: "#f9a825",
  humanitarian: "#2e7d32",
  other: "#9e9e9e",
};
export const typeColor = (t: string): string => TYPE_COLORS[t] ?? TYPE_COLORS.other!;

export const PARTY_PALETTE = ["#c2185b", "#e6550d", "#5e3c99", "#1a9850", "#2b8cbe", "#8c510a", "#f1a340", "#878787"];
