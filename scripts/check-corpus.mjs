#!/usr/bin/env node
// Validates Hudna's own Arabic corpora: the demo reports (demo/reports + manifest.jsonl) and the
// annotated dev evaluation set (test/fixtures/reports/*.gold.json beside *.txt|*.html).
// Exit 0 when both are sound, 1 with one clear message per problem otherwise, 2 on bad usage.
//
//   node scripts/check-corpus.mjs [--root DIR] [--json] [--against FILE.jsonl]
//
// --json      print a summary object (counts, years, zones, types) on stdout
// --against   JSON Lines of {text} (e.g. a real-news corpus): fail if any of our reports shares a
//             run of 10 words with one of them — our text must be our own, never copied.
import { readFileSync, readdirSync, existsSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

const EVENT_TYPES = new Set([
  "armed_clash", "air_strike", "shelling", "explosion", "chemical_attack", "attack_on_civilians",
  "abduction", "territory_change", "agreement", "meeting", "statement", "ceasefire_violation_report",
  "casualty_claim", "denial", "threat", "humanitarian", "other",
]);
const STANCES = new Set(["asserted", "claimed", "denied"]);
const PRECISIONS = new Set(["day", "week", "month", "year", "unknown"]);
const GROUPS = new Set(["civilians", "combatants", "unknown"]);
const ZONES = new Set(["idlib", "northern-homs", "eastern-ghouta", "south"]);
const GOLD_KEYS = new Set([
  "id", "types", "required", "near", "date", "parties_any", "actors_any", "targets_any", "sources_any",
  "stance", "fatalities", "injured", "zone", "place_names_any", "disputes", "note",
]);
// Places whose mention shows a report covers a zone (Arabic spellings as our reports write them).
const ZONE_PLACES = {
  idlib: ["إدلب", "خان شيخون", "سراقب", "جسر الشغور", "معرة النعمان", "كباني", "اللطامنة", "كفرنبل", "مورك", "كفرزيتا", "سهل الغاب", "جبل الأكراد"],
  "northern-homs": ["الرستن", "تلبيسة", "الحولة", "تير معلة", "الغنطو"],
  "eastern-ghouta": ["دوما", "حرستا", "عربين", "زملكا", "كفربطنا", "سقبا", "حمورية", "عين ترما"],
  south: ["درعا", "نوى", "بصرى الحرير", "طفس", "جاسم", "إنخل", "القنيطرة"],
};
const OUTSIDE_PLACES = ["الرقة", "دير الزور", "عفرين", "منبج", "دمشق", "القامشلي"];
const MAX_FILE_BYTES = 2_000_000;

function parseArgs(argv) {
  const opts = { root: process.cwd(), json: false, against: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--root") opts.root = resolve(argv[++i] ?? "");
    else if (a === "--json") opts.json = true;
    else if (a === "--against") opts.against = argv[++i] ?? null;
    else if (a === "-h" || a === "--help") {
      console.log("usage: node scripts/check-corpus.mjs [--root DIR] [--json] [--against FILE.jsonl]");
      process.exit(0);
    } else {
      console.error(`check-corpus: unknown argument ${a}`);
      process.exit(2);
    }
  }
  return opts;
}

function isIsoDay(s) {
  if (typeof s !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Article prose of an HTML page: paragraphs and headings outside page furniture, which repeats
 * across pages of one template and must not count as shared text. */
function articleProse(raw) {
  const body = raw.replace(/<(header|nav|footer|aside|form|script|style)\b[\s\S]*?<\/\1>/gi, " ");
  const parts = (body.match(/<(p|h1)\b[^>]*>[\s\S]*?<\/\1>/gi) ?? []).filter((p) => !/^<p[^>]*class="[^"]*(comment|note|copyright)/i.test(p));
  return reportText(parts.join("\n"), true);
}

/** Visible article text of a report file: HTML loses tags, scripts and styles. */
function reportText(raw, isHtml) {
  if (!isHtml) return raw;
  return raw
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&[a-z]+;|&#\d+;/gi, " ")
    .replace(/\s+/g, " ");
}

function readSmall(path, problems) {
  const size = statSync(path).size;
  if (size > MAX_FILE_BYTES) {
    problems.push(`${path}: ${size} bytes, larger than ${MAX_FILE_BYTES}`);
    return null;
  }
  return readFileSync(path, "utf8");
}

function checkDemo(root, problems) {
  const dir = join(root, "demo", "reports");
  const manifestPath = join(dir, "manifest.jsonl");
  const stats = { reports: 0, html: 0, years: {}, outlets: {}, zones: {}, outside: {}, files: [] };
  if (!existsSync(manifestPath)) {
    problems.push(`${manifestPath}: missing`);
    return stats;
  }
  const seen = new Set();
  const lines = readFileSync(manifestPath, "utf8").split("\n");
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const where = `demo/reports/manifest.jsonl:${i + 1}`;
    let row;
    try {
      row = JSON.parse(line);
    } catch (e) {
      problems.push(`${where}: not valid JSON (${e.message})`);
      return;
    }
    for (const k of ["file", "published", "outlet", "url"]) {
      if (typeof row[k] !== "string" || !row[k]) problems.push(`${where}: "${k}" must be a non-empty string`);
    }
    if (typeof row.file !== "string") return;
    if (!/^\d{3}-[a-z0-9-]+\.(txt|html)$/.test(row.file)) problems.push(`${where}: file name "${row.file}" is not NNN-slug.txt|.html`);
    if (seen.has(row.file)) problems.push(`${where}: "${row.file}" listed twice`);
    seen.add(row.file);
    if (!isIsoDay(row.published)) problems.push(`${where}: published "${row.published}" is not a valid YYYY-MM-DD day`);
    else if (row.published < "2017-01-01" || row.published > "2019-12-31") problems.push(`${where}: published ${row.published} outside 2017–2019`);
    if (typeof row.url === "string" && !/^https:\/\/example\.org\/[\w\-/.]+$/.test(row.url)) problems.push(`${where}: url must be an invented https://example.org/... address`);
    const path = join(dir, row.file);
    if (!existsSync(path)) {
      problems.push(`${where}: file ${row.file} does not exist`);
      return;
    }
    const raw = readSmall(path, problems);
    if (raw === null) return;
    const isHtml = row.file.endsWith(".html");
    if (isHtml) {
      const m = raw.match(/<meta\s+property="article:published_time"\s+content="([^"]+)"/);
      if (!m) problems.push(`demo/reports/${row.file}: no <meta property="article:published_time">`);
      else if (m[1].slice(0, 10) !== row.published) problems.push(`demo/reports/${row.file}: published_time ${m[1]} disagrees with manifest ${row.published}`);
      stats.html++;
    } else {
      const ls = raw.split("\n");
      if (!ls[0]?.trim() || ls[1]?.trim() !== "" || !/[–-]/.test(ls[2] ?? "")) {
        problems.push(`demo/reports/${row.file}: expected "headline, blank line, dateline (place – «outlet»)"`);
      }
    }
    const text = reportText(raw, isHtml);
    checkWeekdays(`demo/reports/${row.file}`, text, row.published, problems);
    stats.reports++;
    stats.files.push({ file: row.file, text: isHtml ? articleProse(raw) : text });
    const year = row.published?.slice(0, 4);
    stats.years[year] = (stats.years[year] ?? 0) + 1;
    stats.outlets[row.outlet] = (stats.outlets[row.outlet] ?? 0) + 1;
    for (const [zone, places] of Object.entries(ZONE_PLACES)) {
      if (places.some((p) => text.includes(p))) stats.zones[zone] = (stats.zones[zone] ?? 0) + 1;
    }
    for (const p of OUTSIDE_PLACES) if (text.includes(p)) stats.outside[p] = (stats.outside[p] ?? 0) + 1;
  });
  for (const name of readdirSync(dir)) {
    if (name !== "manifest.jsonl" && !seen.has(name)) problems.push(`demo/reports/${name}: not listed in manifest.jsonl`);
  }
  return stats;
}

function checkRange(where, key, v, problems) {
  if (v === null) return;
  if (typeof v !== "object" || Array.isArray(v)) {
    problems.push(`${where}: "${key}" must be null or an object`);
    return;
  }
  for (const k of Object.keys(v)) {
    if (k === "group") {
      if (!Array.isArray(v.group) || !v.group.every((g) => GROUPS.has(g))) problems.push(`${where}: ${key}.group must list values from ${[...GROUPS].join(", ")}`);
    } else if (["low", "best", "high"].includes(k)) {
      const r = v[k];
      if (!Array.isArray(r) || r.length !== 2 || !r.every((x) => Number.isFinite(x)) || r[0] > r[1]) problems.push(`${where}: ${key}.${k} must be [min, max] numbers with min <= max`);
    } else problems.push(`${where}: ${key} has unknown key "${k}"`);
  }
}

function checkGoldEvent(where, ev, problems) {
  for (const k of Object.keys(ev)) if (!GOLD_KEYS.has(k)) problems.push(`${where}: unknown key "${k}"`);
  if (typeof ev.id !== "string" || !ev.id) problems.push(`${where}: "id" must be a non-empty string`);
  if (!Array.isArray(ev.types) || !ev.types.length) problems.push(`${where}: "types" must be a non-empty list`);
  else for (const t of ev.types) if (!EVENT_TYPES.has(t)) problems.push(`${where}: type "${t}" is not in the event model`);
  if ("required" in ev && typeof ev.required !== "boolean") problems.push(`${where}: "required" must be a boolean`);
  if ("near" in ev) {
    if (!Array.isArray(ev.near) || !ev.near.length) problems.push(`${where}: "near" must be a non-empty list`);
    else for (const n of ev.near) {
      // Syria with a margin: a wrong sign or swapped lat/lon lands far outside.
      if (!(n && n.lat >= 32 && n.lat <= 37.5 && n.lon >= 35.5 && n.lon <= 42.5)) problems.push(`${where}: near ${JSON.stringify(n)} is not in Syria`);
      if (n && "km" in n && !(n.km > 0 && n.km <= 300)) problems.push(`${where}: near.km must be in (0, 300]`);
    }
  }
  if ("date" in ev) {
    const d = ev.date;
    if (!d || !isIsoDay(d.start)) problems.push(`${where}: date.start must be a valid YYYY-MM-DD day`);
    if (d && "slack" in d && !(Number.isInteger(d.slack) && d.slack >= 0)) problems.push(`${where}: date.slack must be a non-negative integer`);
    if (d && "precision" in d && !(Array.isArray(d.precision) && d.precision.every((p) => PRECISIONS.has(p)))) problems.push(`${where}: date.precision must list values from ${[...PRECISIONS].join(", ")}`);
  }
  for (const k of ["parties_any", "actors_any", "targets_any", "sources_any", "place_names_any"]) {
    if (k in ev && !(Array.isArray(ev[k]) && ev[k].length && ev[k].every((s) => typeof s === "string" && s))) problems.push(`${where}: "${k}" must be a non-empty list of strings`);
  }
  if ("stance" in ev && !(Array.isArray(ev.stance) && ev.stance.every((s) => STANCES.has(s)))) problems.push(`${where}: stance must list values from ${[...STANCES].join(", ")}`);
  if ("fatalities" in ev) checkRange(where, "fatalities", ev.fatalities, problems);
  if ("injured" in ev) checkRange(where, "injured", ev.injured, problems);
  if ("zone" in ev && ev.zone !== null && !ZONES.has(ev.zone)) problems.push(`${where}: zone "${ev.zone}" is not one of ${[...ZONES].join(", ")} or null`);
  if ("disputes" in ev && ev.disputes !== true) problems.push(`${where}: "disputes" can only be true`);
}

function checkGold(root, problems) {
  const dir = join(root, "test", "fixtures", "reports");
  const stats = { reports: 0, events: 0, empty: 0, types: {}, files: [] };
  if (!existsSync(dir)) {
    problems.push(`${dir}: missing`);
    return stats;
  }
  const names = readdirSync(dir);
  for (const name of names.filter((n) => n.endsWith(".gold.json")).sort()) {
    const stem = name.slice(0, -".gold.json".length);
    const where = `test/fixtures/reports/${name}`;
    const report = [".txt", ".html"].map((e) => stem + e).find((f) => names.includes(f));
    if (!report) problems.push(`${where}: no ${stem}.txt or ${stem}.html beside it`);
    let gold;
    try {
      gold = JSON.parse(readFileSync(join(dir, name), "utf8"));
    } catch (e) {
      problems.push(`${where}: not valid JSON (${e.message})`);
      continue;
    }
    if (!isIsoDay(gold.published)) problems.push(`${where}: "published" must be a valid YYYY-MM-DD day`);
    if ("outlet" in gold && typeof gold.outlet !== "string") problems.push(`${where}: "outlet" must be a string`);
    if (!Array.isArray(gold.events)) {
      problems.push(`${where}: "events" must be a list`);
      continue;
    }
    const ids = new Set();
    gold.events.forEach((ev, i) => {
      const w = `${where} events[${i}]`;
      if (!ev || typeof ev !== "object") return problems.push(`${w}: must be an object`);
      if (ids.has(ev.id)) problems.push(`${w}: duplicate id "${ev.id}"`);
      ids.add(ev.id);
      checkGoldEvent(w, ev, problems);
      for (const t of ev.types ?? []) stats.types[t] = (stats.types[t] ?? 0) + 1;
    });
    stats.reports++;
    stats.events += gold.events.length;
    if (!gold.events.length) stats.empty++;
    if (report) {
      const raw = readSmall(join(dir, report), problems);
      if (raw !== null) {
        stats.files.push({ file: report, text: report.endsWith(".html") ? articleProse(raw) : raw });
        checkWeekdays(`test/fixtures/reports/${report}`, reportText(raw, report.endsWith(".html")), gold.published, problems);
      }
    }
  }
  for (const name of names) {
    const m = name.match(/^(.*)\.(txt|html)$/);
    if (m && !names.includes(`${m[1]}.gold.json`)) problems.push(`test/fixtures/reports/${name}: no ${m[1]}.gold.json beside it`);
  }
  return stats;
}

const WEEKDAYS = { "الأحد": 0, "الاثنين": 1, "الإثنين": 1, "الثلاثاء": 2, "الأربعاء": 3, "الخميس": 4, "الجمعة": 5, "السبت": 6 };
const WEEKDAY_RE = new RegExp(`(أول أمس|أمس|اليوم) (${Object.keys(WEEKDAYS).join("|")})(?![\\p{L}])`, "gu");

/** "اليوم الثلاثاء", "أمس الاثنين", "أول أمس السبت" must agree with the publication day, or
 * relative dates in the corpus would teach the extractor wrong answers. */
function checkWeekdays(where, text, published, problems) {
  if (!isIsoDay(published)) return;
  const pub = new Date(`${published}T00:00:00Z`).getUTCDay();
  for (const m of text.matchAll(WEEKDAY_RE)) {
    const back = m[1] === "اليوم" ? 0 : m[1] === "أمس" ? 1 : 2;
    const want = (pub - back + 7) % 7;
    if (WEEKDAYS[m[2]] !== want) {
      problems.push(`${where}: "${m[0]}" does not fit publication day ${published}`);
    }
  }
}

const SHINGLE = 10;
function shingles(text) {
  const words = text.replace(/\p{M}/gu, "").replace(/[^\p{L}\p{N}\s]/gu, " ").split(/\s+/).filter(Boolean);
  const out = new Set();
  for (let i = 0; i + SHINGLE <= words.length; i++) out.add(words.slice(i, i + SHINGLE).join(" "));
  return out;
}

/** Our reports must not share a 10-word run with each other across the two sets, nor with `against`. */
function checkOriginality(demoFiles, goldFiles, againstPath, problems) {
  const demo = new Map();
  for (const f of demoFiles) for (const s of shingles(f.text)) if (!demo.has(s)) demo.set(s, f.file);
  for (const f of goldFiles) {
    for (const s of shingles(f.text)) {
      if (demo.has(s)) {
        problems.push(`test/fixtures/reports/${f.file}: shares text with demo/reports/${demo.get(s)} ("${s}"): the dev set must differ from the demo`);
        break;
      }
    }
  }
  if (!againstPath) return;
  const ours = new Map();
  for (const f of [...demoFiles, ...goldFiles]) for (const s of shingles(f.text)) if (!ours.has(s)) ours.set(s, f.file);
  const lines = readFileSync(againstPath, "utf8").split("\n");
  for (const line of lines) {
    if (!line.trim()) continue;
    let row;
    try {
      row = JSON.parse(line);
    } catch {
      continue;
    }
    const text = `${row.title ?? ""}\n${row.text ?? row.html ?? ""}`;
    for (const s of shingles(text)) {
      if (ours.has(s)) problems.push(`${ours.get(s)}: shares a ${SHINGLE}-word run with ${row.id ?? "an --against text"}: "${s}"`);
    }
  }
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const problems = [];
  const demo = checkDemo(opts.root, problems);
  const gold = checkGold(opts.root, problems);
  checkOriginality(demo.files, gold.files, opts.against, problems);
  const summary = {
    demo: { reports: demo.reports, html: demo.html, years: demo.years, outlets: demo.outlets, zones: demo.zones, outside: demo.outside },
    dev: { reports: gold.reports, events: gold.events, empty: gold.empty, types: gold.types },
    problems,
  };
  if (opts.json) console.log(JSON.stringify(summary, null, 1));
  if (problems.length) {
    for (const p of problems.slice(0, 50)) console.error(`check-corpus: ${p}`);
    if (problems.length > 50) console.error(`check-corpus: … and ${problems.length - 50} more`);
    process.exit(1);
  }
  if (!opts.json) {
    console.log(`check-corpus: ok — ${demo.reports} demo reports (${demo.html} HTML), ${gold.reports} dev reports with ${gold.events} gold events`);
  }
}

main();
