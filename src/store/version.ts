// Extractor versions compare numerically part by part ("1.10.0" > "1.9.3"); versions with no
// digits compare as strings.

export function compareVersions(a: string, b: string): number {
  if (a === b) return 0;
  const pa = a.match(/\d+/g);
  const pb = b.match(/\d+/g);
  if (pa && pb) {
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
      const d = Number(pa[i] ?? 0) - Number(pb[i] ?? 0);
      if (d !== 0) return d < 0 ? -1 : 1;
    }
  }
  return a < b ? -1 : a > b ? 1 : 0;
}
