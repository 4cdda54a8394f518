// Throughput of the Arabic text tools over generated report-like text (our own phrases), against a
// plain `text.split(/\s+/)` over the same text as the baseline measured in the same run.
// Prints: BENCH arabic <metric>=<value> …
import { normalizeWithMap } from "../src/arabic/normalize.js";
import { tokenize } from "../src/arabic/tokenize.js";
import { findNumbers } from "../src/arabic/numbers.js";
import { findDates } from "../src/arabic/dates.js";
import { splitSentences } from "../src/arabic/sentences.js";

const PHRASES = [
  "قُتل ما لا يقل عن ٥ مدنيين وأصيب آخرون بجروح فجر اليوم الثلاثاء جراء غارات جوية على البلدة.",
  "وقال مصدر محلي إن طائرات حربية نفذت أربع غارات متتالية على محيط السوق، ما أدى إلى دمار مبنيين.",
  "وارتفعت الحصيلة إلى ١٢ قتيلاً بينهم طفلان، فيما تجاوز عدد المصابين عشرين شخصاً بحسب الدفاع المدني.",
  "وسقطت قذيفتا هاون أمس الاثنين على حي سكني في المدينة، وأصيب مواطنَين اثنين بجروح متفاوتة.",
  "ونزح أكثر من ٨٠ ألف شخص خلال الأسبوع الماضي نحو المخيمات الحدودية، وفق منظمات إغاثية.",
  "وكانت الدول الضامنة قد اتفقت في 4 أيار/مايو 2017 على إنشاء مناطق خفض التصعيد في أستانا.",
  "وسجل المركز 27 خرقاً خلال الساعات الأربع والعشرين الماضية، معظمها في ريف المحافظة الشمالي.",
  "ودارت اشتباكات عنيفة الليلة الماضية قُتل فيها عشرات المقاتلين من الطرفين، وفق المرصد.",
  "\n\n",
  "وأعلنت الوزارة يوم الخميس الماضي أن نحو 3500 شخص غادروا على متن 70 حافلة باتجاه الشمال.",
  "وتقدر الأمم المتحدة عدد النازحين منذ السادس من يونيو بما يزيد على ٢٧٠ ألف مدني.",
];

function makeText(chars: number, seed: number): string {
  let s = "";
  let x = seed;
  while (s.length < chars) {
    x = (x * 1103515245 + 12345) % 2147483648;
    s += PHRASES[x % PHRASES.length] + " ";
  }
  return s;
}

// 200 reports of 1–8 KB, like the extractor sees.
const reports: string[] = [];
for (let i = 0; i < 200; i++) reports.push(makeText(1000 + ((i * 379) % 7000), i + 1));
const totalChars = reports.reduce((a, r) => a + r.length, 0);

function time(fn: (t: string) => unknown, rounds: number): number {
  let sink = 0;
  const t0 = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) for (const t of reports) sink += (fn(t) as { length: number }).length;
  const ns = Number(process.hrtime.bigint() - t0);
  if (sink < 0) console.log(sink);
  return ns / 1e9;
}

const run = (t: string) => {
  const n = normalizeWithMap(t);
  const toks = tokenize(t);
  const nums = findNumbers(t);
  const dates = findDates(t, "2019-05-14");
  return { length: n.text.length + toks.length + nums.length + dates.length };
};

// warm-up
time((t) => t.split(/\s+/), 2);
time(run, 2);
const rounds = 5;
const base = time((t) => t.split(/\s+/), rounds);
const full = time(run, rounds);
const sent = time(splitSentences, rounds);
// one function at a time (each call on a new report re-tokenizes: the token cache holds one text)
const norm = time((t) => normalizeWithMap(t).text, rounds);
const tok = time(tokenize, rounds);
const dat = time((t) => findDates(t, "2019-05-14"), rounds);
const num = time(findNumbers, rounds);
const chars = totalChars * rounds;
const fullCps = chars / full;
const baseCps = chars / base;
const reportsPerSec = (reports.length * rounds) / full;
console.log(
  `BENCH arabic pipeline_chars_per_s=${Math.round(fullCps)} baseline_split_chars_per_s=${Math.round(baseCps)} ` +
    `ratio_vs_split=${(fullCps / baseCps).toFixed(4)} reports_per_s=${Math.round(reportsPerSec)} ` +
    `avg_report_chars=${Math.round(totalChars / reports.length)}`,
);
const cps = (sec: number) => Math.round(chars / sec);
console.log(
  `BENCH arabic_parts normalize_chars_per_s=${cps(norm)} tokenize_chars_per_s=${cps(tok)} ` +
    `dates_chars_per_s=${cps(dat)} numbers_chars_per_s=${cps(num)} sentences_chars_per_s=${cps(sent)} ` +
    `baseline_split_chars_per_s=${Math.round(baseCps)}`,
);
