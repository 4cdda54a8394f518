// PostgreSQL text cannot hold NUL (SQLite can): replace it with U+FFFD on both engines, so the same
// input stores the same way everywhere. One code unit for one keeps every evidence offset valid.
export function safeText(s: string): string;
export function safeText(s: string | null): string | null;
export function safeText(s: string | null): string | null {
  return s === null || !s.includes("\u0000") ? s : s.replace(/\u0000/g, "\uFFFD");
}
