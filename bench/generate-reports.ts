// Synthetic Arabic news reports (1–8 KB) from our own sentence templates, for benchmarks and
// load tests: `generateReports(n, seed)` is deterministic for a given seed.
export interface GeneratedReport {
  id: string;
  text: string;
  published: string;
  outlet: string;
}

/** A small seeded PRNG (mulberry32): the same reports for the same seed on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0 || 1;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = ["معرة النعمان", "سراقب", "خان شيخون", "كفرنبل", "اللطامنة", "كفرزيتا", "مورك", "جسر الشغور", "أريحا", "الأتارب", "دارة عزة", "دوما", "حرستا", "عربين", "الرستن", "تلبيسة", "الحولة", "نوى", "طفس", "بصرى الشام", "هجين", "الميادين", "البوكمال", "منبج", "تل رفعت", "القامشلي", "رأس العين", "تل أبيض", "الطبقة", "كبانة"];
const REGIONS = ["ريف إدلب الجنوبي", "ريف حماة الشمالي", "ريف حلب الغربي", "الغوطة الشرقية", "ريف درعا الغربي", "ريف دير الزور الشرقي", "ريف اللاذقية الشمالي", "ريف حمص الشمالي"];
const DAYS = ["أمس الاثنين", "فجر اليوم", "صباح اليوم", "مساء أمس", "الليلة الماضية", "أول أمس السبت", "يوم الخميس الماضي", "ظهر اليوم"];
const NUMS = ["ثلاثة", "خمسة", "سبعة", "٤", "١٢", "ما لا يقل عن 9", "نحو 20", "أكثر من 15", "عشرات"];
const VICTIMS = ["مدنيين", "أشخاص", "مقاتلين", "عناصر", "أطفال"];
const ACTORS = ["قوات النظام", "الطيران الحربي الروسي", "هيئة تحرير الشام", "قوات سوريا الديمقراطية", "الجيش التركي", "فصائل المعارضة", "تنظيم داعش", "التحالف الدولي"];
const SOURCES = ["المرصد السوري لحقوق الإنسان", "ناشطون محليون", "الدفاع المدني السوري", "وكالة سانا", "مصدر عسكري", "وكالة فرانس برس", "منسقو استجابة سوريا"];
const OUTLETS = ["الشمال اليوم", "صوت الساحل", "الفرات نيوز", "الجنوب برس", "بوابة الشام"];

type Slots = { p: string; r: string; d: string; n: string; v: string; a: string; a2: string; s: string };
const TEMPLATES: ((x: Slots) => string)[] = [
  (x) => `قُتل ${x.n} ${x.v} وأصيب آخرون بجروح، ${x.d}، جراء غارات جوية استهدفت الأحياء السكنية في مدينة ${x.p} ب${x.r}، بحسب ما أفاد ${x.s}.`,
  (x) => `وأصيب ${x.n} ${x.v} ${x.d} بقصف مدفعي مصدره مواقع ${x.a} على بلدة ${x.p}، وفق ${x.s}.`,
  (x) => `ودارت ${x.d} اشتباكات عنيفة بين ${x.a} و${x.a2} على محور ${x.p}، أسفرت عن مقتل ${x.n} ${x.v} من الطرفين.`,
  (x) => `وسيطرت ${x.a} ${x.d} على قرية ${x.p} بعد انسحاب ${x.a2} منها، بحسب ${x.s}.`,
  (x) => `ونزح أكثر من ${x.n} آلاف شخص خلال الأسبوع الماضي من ${x.r} باتجاه المخيمات القريبة من الحدود، وفق ${x.s}.`,
  (x) => `وقال ${x.s} إن الحصيلة ارتفعت إلى ${x.n} قتلى، بينهم طفلان، فيما لا يزال عدد من الجرحى في حالة حرجة.`,
  (x) => `في المقابل، نفت ${x.a2} في بيان رسمي الاتهامات، مؤكدة أن مقاتليها لم يستهدفوا أي مواقع مدنية في ${x.p}.`,
  (x) => `وانفجرت سيارة مفخخة ${x.d} قرب حاجز لـ${x.a} عند مدخل ${x.p}، ما أدى إلى مقتل ${x.n} ${x.v}.`,
  (x) => `وتوصلت ${x.a} و${x.a2} ${x.d} إلى اتفاق لوقف إطلاق النار في ${x.r} برعاية وجهاء محليين.`,
  (x) => `وعقد وفد من ${x.a2} اجتماعاً مع ضباط روس ${x.d} في ${x.p} لبحث ترتيبات التهدئة، من دون التوصل إلى نتيجة.`,
  (x) => `وهدد ${x.a} بشن عملية عسكرية واسعة على ${x.r} إذا لم تنسحب ${x.a2} من خطوط التماس.`,
  (x) => `ودخلت قافلة مساعدات إنسانية تضم ${x.n} شاحنة ${x.d} إلى ${x.p}، بحسب ${x.s}.`,
  (x) => `ويقع ${x.r} ضمن منطقة خفض التصعيد التي أُعلنت في محادثات أستانا، ويقطنه نحو مليون نسمة.`,
  (x) => `وأوضح ${x.s} أن فرق الإنقاذ عملت لساعات على انتشال العالقين من تحت أنقاض المباني المدمرة في ${x.p}.`,
  (x) => `ورصد ${x.s} ${x.n} خرقاً لنظام وقف إطلاق النار خلال الساعات الأربع والعشرين الماضية في ${x.r}.`,
];

function pick<T>(r: () => number, xs: T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

export function generateReports(n: number, seed = 1): GeneratedReport[] {
  const r = rng(seed);
  const out: GeneratedReport[] = [];
  for (let i = 0; i < n; i++) {
    const target = 1024 + Math.floor(r() * 7 * 1024);
    const slots = (): Slots => ({
      p: pick(r, PLACES), r: pick(r, REGIONS), d: pick(r, DAYS), n: pick(r, NUMS), v: pick(r, VICTIMS),
      a: pick(r, ACTORS), a2: pick(r, ACTORS), s: pick(r, SOURCES),
    });
    const first = slots();
    const outlet = pick(r, OUTLETS);
    const paras = [`${first.p}: مقتل ${first.n} ${first.v} بقصف على ${first.r}`, `${first.p.split(" ")[0]} – «${outlet}»`];
    let size = Buffer.byteLength(paras.join("\n\n"));
    while (size < target) {
      const k = 1 + Math.floor(r() * 3);
      const para: string[] = [];
      for (let j = 0; j < k; j++) para.push(pick(r, TEMPLATES)(slots()));
      const p = para.join(" ");
      const bytes = Buffer.byteLength(p) + 2;
      if (size + bytes > 8 * 1024 && size >= 1024) break;
      paras.push(p);
      size += bytes;
    }
    const day = 1 + Math.floor(r() * 28);
    const month = 1 + Math.floor(r() * 12);
    const published = `${2017 + Math.floor(r() * 3)}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    out.push({ id: `gen-${seed}-${i}`, text: paras.join("\n\n"), published, outlet });
  }
  return out;
}
