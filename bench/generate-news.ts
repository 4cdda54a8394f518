// News-like synthetic reports, for measuring the store under the load real reporting puts on it.
// generate-reports.ts packs 1–8 KB with event sentences (~15 events a report, nearly every one a
// new incident, published on random days): a stress mix. Real reports are different, and the
// store's cost follows the difference: the 1,263 real articles in ../shared/data average 3.5 KB
// and yield ~1.6 events each (about 0.47 events per KB, seven times fewer), an incident is
// reported by several outlets over a few days with revised tolls (merges, corroboration,
// revisions), and a feed or an archive arrives roughly in publication order.
// `generateNewsReports(n, seed)` models that: a timeline over 2017–2019 in publication order,
// stories (one incident, its place, day, parties, toll) that later reports retell with another
// source and a revised toll, a denial now and then, a second incident sometimes, and background
// paragraphs (context, diplomacy, aid) that carry no incident. Deterministic for a seed; all text
// is our own.
import { rng, type GeneratedReport } from "./generate-reports.js";

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

// Towns with their governorate's countryside phrase (so a story's place and area agree).
const TOWNS: readonly (readonly [string, string])[] = [
  ["معرة النعمان", "ريف إدلب الجنوبي"], ["سراقب", "ريف إدلب الشرقي"], ["خان شيخون", "ريف إدلب الجنوبي"],
  ["كفرنبل", "ريف إدلب الجنوبي"], ["جسر الشغور", "ريف إدلب الغربي"], ["أريحا", "ريف إدلب الجنوبي"],
  ["اللطامنة", "ريف حماة الشمالي"], ["كفرزيتا", "ريف حماة الشمالي"], ["مورك", "ريف حماة الشمالي"],
  ["الأتارب", "ريف حلب الغربي"], ["دارة عزة", "ريف حلب الغربي"], ["تل رفعت", "ريف حلب الشمالي"],
  ["منبج", "ريف حلب الشرقي"], ["دوما", "الغوطة الشرقية"], ["حرستا", "الغوطة الشرقية"], ["عربين", "الغوطة الشرقية"],
  ["الرستن", "ريف حمص الشمالي"], ["تلبيسة", "ريف حمص الشمالي"], ["الحولة", "ريف حمص الشمالي"],
  ["نوى", "ريف درعا الغربي"], ["طفس", "ريف درعا الغربي"], ["بصرى الشام", "ريف درعا الشرقي"],
  ["هجين", "ريف دير الزور الشرقي"], ["الميادين", "ريف دير الزور الشرقي"], ["البوكمال", "ريف دير الزور الشرقي"],
  ["القامشلي", "ريف الحسكة"], ["رأس العين", "ريف الحسكة الشمالي"], ["تل أبيض", "ريف الرقة الشمالي"],
  ["الطبقة", "ريف الرقة الغربي"], ["كبانة", "ريف اللاذقية الشمالي"],
];
const SOURCES = ["المرصد السوري لحقوق الإنسان", "ناشطون محليون", "الدفاع المدني السوري", "وكالة سانا", "مصدر عسكري", "وكالة فرانس برس", "منسقو استجابة سوريا", "مراسل الشبكة", "مصادر طبية"];
const OUTLETS = ["الشمال اليوم", "صوت الساحل", "الفرات نيوز", "الجنوب برس", "بوابة الشام", "المدار", "شبكة الخبر"];
const VICTIMS = ["مدنيين", "أشخاص", "مقاتلين", "عناصر"];
const WEEKDAYS = ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"];
const NUMBER_WORDS: Record<number, string> = { 2: "اثنين", 3: "ثلاثة", 4: "أربعة", 5: "خمسة", 6: "ستة", 7: "سبعة", 8: "ثمانية", 9: "تسعة", 10: "عشرة" };

type Kind = "air" | "shell" | "clash" | "bomb" | "seize";
// Who acts, by kind of incident (an airstrike by a faction would be odd news).
const ACTORS: Record<Kind, readonly string[]> = {
  air: ["الطيران الحربي الروسي", "طائرات النظام الحربية", "طيران التحالف الدولي", "الطيران الحربي التركي"],
  shell: ["قوات النظام", "فصائل المعارضة", "الجيش التركي", "قوات سوريا الديمقراطية", "هيئة تحرير الشام"],
  clash: ["قوات النظام", "فصائل المعارضة", "هيئة تحرير الشام", "قوات سوريا الديمقراطية", "تنظيم داعش"],
  bomb: ["مجهولين"],
  seize: ["قوات النظام", "فصائل المعارضة", "قوات سوريا الديمقراطية", "هيئة تحرير الشام"],
};
const KINDS: readonly Kind[] = ["air", "air", "air", "shell", "shell", "shell", "clash", "clash", "bomb", "seize"];

interface Story {
  kind: Kind;
  town: string;
  area: string;
  day: number; // days since 2017-01-01
  actor: string;
  other: string;
  killed: number;
  injured: number;
  source: string;
}

const EPOCH = Date.UTC(2017, 0, 1);
const DAYS = 1095; // 2017–2019
const isoDay = (d: number): string => new Date(EPOCH + d * 86_400_000).toISOString().slice(0, 10);
const weekday = (d: number): string => WEEKDAYS[new Date(EPOCH + d * 86_400_000).getUTCDay()]!;

function count(n: number, r: () => number): string {
  if (n <= 10 && NUMBER_WORDS[n] && r() < 0.5) return NUMBER_WORDS[n]!;
  const q = r();
  if (q < 0.2) return `ما لا يقل عن ${n}`;
  if (q < 0.3) return `نحو ${n}`;
  return String(n);
}

/** When the incident happened, said from the day of publication. */
function when(story: Story, published: number, r: () => number): string {
  const lag = published - story.day;
  if (lag <= 0) return pick(r, ["فجر اليوم", "صباح اليوم", "اليوم", "ظهر اليوم"]);
  if (lag === 1) return pick(r, ["أمس", "مساء أمس", `يوم أمس ${weekday(story.day)}`]);
  if (lag === 2) return pick(r, ["أول أمس", `يوم ${weekday(story.day)}`]);
  return `يوم ${weekday(story.day)} الماضي`;
}

function lead(s: Story, d: string, r: () => number): string {
  const k = count(s.killed, r);
  const v = pick(r, VICTIMS);
  switch (s.kind) {
    case "air":
      return pick(r, [
        `قُتل ${k} ${v} وأصيب ${s.injured} آخرون ${d} جراء غارات جوية شنها ${s.actor} على مدينة ${s.town} في ${s.area}، بحسب ${s.source}.`,
        `أفاد ${s.source} بمقتل ${k} ${v} ${d} في غارات نفذها ${s.actor} على الأحياء السكنية في ${s.town} ب${s.area}.`,
      ]);
    case "shell":
      return pick(r, [
        `قُتل ${k} ${v} ${d} بقصف مدفعي وصاروخي مصدره مواقع ${s.actor} استهدف بلدة ${s.town} في ${s.area}، وفق ${s.source}.`,
        `استهدفت ${s.actor} ${d} بلدة ${s.town} بقذائف الهاون، ما أدى إلى مقتل ${k} ${v} وإصابة آخرين، بحسب ${s.source}.`,
      ]);
    case "clash":
      return `اندلعت ${d} اشتباكات عنيفة بين ${s.actor} و${s.other} على محور ${s.town} في ${s.area}، أسفرت عن مقتل ${k} ${pick(r, ["مقاتلين", "عناصر"])} من الطرفين، بحسب ${s.source}.`;
    case "bomb":
      return `انفجرت سيارة مفخخة ${d} قرب سوق شعبي في مدينة ${s.town}، ما أدى إلى مقتل ${k} ${v} وإصابة ${s.injured} آخرين، وفق ${s.source}.`;
    case "seize":
      return `سيطرت ${s.actor} ${d} على بلدة ${s.town} في ${s.area} بعد معارك مع ${s.other} استمرت عدة ساعات، بحسب ${s.source}.`;
  }
}

// Sentences that tell more of the same incident without a new one.
const DETAILS: readonly ((s: Story) => string)[] = [
  () => "وأوضح المصدر أن فرق الإسعاف نقلت الجرحى إلى مشافٍ ميدانية قريبة، وأن بعضهم في حالة حرجة.",
  (s) => `وأضاف أن الغارات تسببت بدمار واسع في المنازل والمحال التجارية وسط ${s.town}.`,
  () => "وأشار ناشطون إلى أن بين الضحايا نساء وأطفالاً، وأن فرق البحث ما زالت تعمل بين الأنقاض.",
  (s) => `وتداول ناشطون صوراً قالوا إنها تظهر آثار القصف على الأحياء الشرقية من ${s.town}.`,
  () => "وقال أحد السكان إن الأهالي لجؤوا إلى الأقبية والملاجئ مع بدء القصف.",
];

// Context, diplomacy and aid: background a report carries, with no incident in it.
const BACKGROUND: readonly ((s: Story) => string)[] = [
  (s) => `ويقع ${s.area} ضمن منطقة خفض التصعيد التي أُعلنت في محادثات أستانا بضمانة روسيا وتركيا وإيران.`,
  () => "وتأتي هذه التطورات في وقت تسعى فيه الأمم المتحدة إلى إحياء المسار السياسي وتشكيل اللجنة الدستورية.",
  () => "ويقول مراقبون إن مستقبل التفاهمات بين الدول الضامنة بات موضع شك في الأسابيع الأخيرة.",
  (s) => `ويعيش في ${s.area} مئات آلاف المدنيين، كثير منهم نازحون من مناطق أخرى.`,
  () => "ودعت منظمات إنسانية في بيانات متكررة إلى تحييد المدنيين والمنشآت الطبية عن العمليات العسكرية.",
  () => "وتعاني المنطقة من نقص حاد في الأدوية والمستلزمات الطبية بعد خروج عدد من المشافي عن الخدمة.",
  () => "ويرى محللون أن مصير المنطقة مرتبط بالتفاهمات الإقليمية أكثر من ارتباطه بالميدان.",
  () => "وكانت جولات التفاوض السابقة قد انتهت من دون نتائج ملموسة بسبب الخلاف على ملفات المعتقلين والدستور.",
  () => "وتشرف فرق محلية على توزيع المساعدات الغذائية في المخيمات مع اقتراب فصل الشتاء.",
  (s) => `وتشهد أسواق ${s.town} ارتفاعاً كبيراً في أسعار المحروقات والخبز منذ أسابيع.`,
  () => "وتطالب الهيئات المحلية بفتح المعابر أمام حركة البضائع والمسافرين.",
  () => "ويؤكد سكان المنطقة أن الخدمات الأساسية من ماء وكهرباء ما زالت متقطعة.",
  () => "وتواصل المدارس في المنطقة عملها رغم الظروف الصعبة ونقص الكوادر التعليمية.",
  () => "ويخشى عاملون في المجال الإنساني أن تزداد أعداد النازحين في المخيمات المكتظة أصلاً.",
  () => "وتتبادل الأطراف المختلفة الاتهامات بالمسؤولية عن تدهور الأوضاع في المنطقة منذ مطلع العام.",
  () => "ويبقى ملف الطرق الدولية وإعادة فتحها من أبرز الملفات العالقة بين موسكو وأنقرة.",
];

function denial(s: Story, r: () => number): string {
  return pick(r, [
    `في المقابل، نفت ${s.actor === "مجهولين" ? "الجهات المحلية" : s.actor} في بيان أن تكون قد استهدفت مواقع مدنية، مؤكدة أنها استهدفت مقرات عسكرية فقط.`,
    `من جهتها، نفت وزارة الدفاع الروسية ما تداولته وسائل إعلام عن استهداف أحياء سكنية في ${s.town}، ووصفته بأنه معلومات مضللة.`,
  ]);
}

function revision(s: Story, d: string, r: () => number): string {
  return pick(r, [
    `وارتفعت حصيلة القتلى جراء القصف على ${s.town} ${d} إلى ${s.killed}، بحسب ${s.source}، ولا تزال مرشحة للارتفاع بسبب وجود جرحى في حالات خطرة.`,
    `وقال ${s.source} إن حصيلة ضحايا ${s.town} بلغت ${s.killed} قتيلاً بعد وفاة عدد من المصابين متأثرين بجروحهم.`,
  ]);
}

function headline(s: Story): string {
  switch (s.kind) {
    case "air": return `${s.town}: قتلى مدنيون بغارات جوية على ${s.area}`;
    case "shell": return `قصف مدفعي يستهدف ${s.town} وسقوط ضحايا`;
    case "clash": return `معارك على محور ${s.town} في ${s.area}`;
    case "bomb": return `انفجار سيارة مفخخة في ${s.town}`;
    case "seize": return `تطورات ميدانية في ${s.area}`;
  }
}

function newStory(day: number, r: () => number): Story {
  const kind = pick(r, KINDS);
  const [town, area] = pick(r, TOWNS);
  const actor = pick(r, ACTORS[kind]);
  let other = pick(r, ACTORS.clash);
  if (other === actor) other = "فصائل المعارضة" === actor ? "قوات النظام" : "فصائل المعارضة";
  const killed = kind === "seize" ? 0 : 2 + Math.floor(r() * r() * 30);
  return { kind, town, area, day, actor, other, killed, injured: 2 + Math.floor(r() * 20), source: pick(r, SOURCES) };
}

/** `n` news-like reports in publication order from 2017 on (~9 a day, at most to 2019; 1–8 KB, median ~3 KB). */
export function generateNewsReports(n: number, seed = 1): GeneratedReport[] {
  const r = rng(seed);
  const out: GeneratedReport[] = [];
  const recent: Story[] = [];
  // About nine reports a day (a small run covers fewer days rather than thinning the news out).
  const span = Math.min(DAYS, Math.max(1, Math.ceil(n / 9)));
  for (let i = 0; i < n; i++) {
    const published = Math.floor((i * span) / n);
    while (recent.length && recent[0]!.day < published - 2) recent.shift();
    // Two reports in five retell a story of the last three days, from another source, with the
    // toll as it stands now.
    let story: Story;
    let followUp = false;
    if (recent.length && r() < 0.4) {
      const old = pick(r, recent);
      if (old.kind !== "seize" && r() < 0.5) old.killed += 1 + Math.floor(r() * 4);
      story = { ...old, source: pick(r, SOURCES) };
      followUp = true;
    } else {
      story = newStory(Math.max(0, published - (r() < 0.6 ? 0 : 1)), r);
      recent.push(story);
    }
    const d = when(story, published, r);
    const outlet = pick(r, OUTLETS);
    const target = Math.min(8 * 1024, Math.max(1024, Math.round(2900 * Math.exp(0.6 * gauss(r)))));
    const paras: string[] = [headline(story), `${story.town} – «${outlet}»`];
    const body = [followUp && story.killed > 0 && r() < 0.6 ? revision(story, d, r) : lead(story, d, r)];
    const details = Math.floor(r() * 3);
    for (let k = 0; k < details; k++) body.push(pick(r, DETAILS)(story));
    paras.push(body.join(" "));
    if (r() < 0.12) paras.push(denial(story, r));
    if (r() < 0.3) {
      const second = newStory(story.day, r);
      recent.push(second);
      paras.push(lead(second, when(second, published, r), r));
    }
    let size = Buffer.byteLength(paras.join("\n\n"));
    while (size < target) {
      const k = 1 + Math.floor(r() * 3);
      const para: string[] = [];
      for (let j = 0; j < k; j++) para.push(pick(r, BACKGROUND)(story));
      const p = para.join(" ");
      const bytes = Buffer.byteLength(p) + 2;
      if (size + bytes > 8 * 1024) break;
      paras.push(p);
      size += bytes;
    }
    out.push({ id: `news-${seed}-${i}`, text: paras.join("\n\n"), published: isoDay(published), outlet });
  }
  return out;
}

/** A standard normal draw (Box–Muller). */
function gauss(r: () => number): number {
  const u = Math.max(r(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
}
