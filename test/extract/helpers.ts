// Shared helpers for extraction tests (our own Arabic sentences only).
import { extractText } from "../../src/extract/index.js";
import type { HudnaEvent } from "../../src/model/index.js";

export const PUB = "2020-03-11"; // a Wednesday

export function run(text: string, published: string | null = PUB, outlet: string | null = "نشرة الاختبار") {
  return extractText(text, { published, outlet });
}

export function only(events: HudnaEvent[], type: string): HudnaEvent[] {
  return events.filter((e) => e.type === type);
}

export function one(events: HudnaEvent[], type: string): HudnaEvent {
  const xs = only(events, type);
  if (xs.length !== 1) throw new Error(`expected one ${type}, got ${xs.length}: ${events.map((e) => e.type).join(", ")}`);
  return xs[0]!;
}
