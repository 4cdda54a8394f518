// Site furniture: the parts of a news page that are not the article (menus, share bars,
// "اقرأ أيضاً" boxes, comment forms, cookie notices…). Removed from the DOM before Readability
// looks at it, and filtered again per paragraph afterwards (some sites put them inside the body).

/** Elements that are never article text. */
export const FURNITURE_TAGS = "nav, aside, footer, form, iframe, noscript, button, select, textarea, input, figcaption, dialog, script, style, template, svg";

/** class / id fragments of furniture blocks. */
const FURNITURE_ATTR =
  /share|sharing|social|related|read-?also|readmore|read-more|more-news|comment|respond|cookie|consent|gdpr|newsletter|subscribe|breadcrumb|tags-links|post-tags|tagcloud|widget|sidebar|back-to-top|scroll-?top|go-?top|advert|(^|[\s_-])ads?([\s_-]|$)|banner|popup|modal|pagination|post-nav|author-box|print-only|sr-only|visually-hidden/i;

interface ElementLike {
  tagName: string;
  getAttribute(name: string): string | null;
  querySelector(sel: string): unknown;
}

/** True for an element whose class or id marks it as furniture, unless it holds the article itself. */
export function isFurnitureElement(el: ElementLike): boolean {
  const tag = el.tagName.toLowerCase();
  if (tag === "html" || tag === "body" || tag === "main" || tag === "article") return false;
  const attrs = `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""} ${el.getAttribute("role") ?? ""}`;
  if (/\b(complementary|navigation|contentinfo|banner|search)\b/.test(el.getAttribute("role") ?? "")) return true;
  if (el.getAttribute("hidden") !== null || el.getAttribute("aria-hidden") === "true") return true;
  if (!FURNITURE_ATTR.test(attrs)) return false;
  // Never throw away a container that holds the article (class="post has-comments" …).
  return !el.querySelector("article, main, h1, [itemprop=articleBody]");
}

/** Arabic folded for phrase matching: no diacritics or tatweel, one alef, ى→ي, ة→ه. */
export function foldArabic(s: string): string {
  return s
    .replace(/[\u064B-\u065F\u0670\u0640]/g, "")
    .replace(/[أإآٱ]/g, "ا")
    .replace(/ى/g, "ي")
    .replace(/ة/g, "ه")
    .replace(/\s+/g, " ")
    .trim();
}

/** Paragraphs that are furniture by their words (matched on folded text). */
const FURNITURE_TEXT: RegExp[] = [
  /^(اقرا|إقرا) ?(ايضا|المزيد|كذلك)/,
  /^(للمزيد|المزيد من الاخبار|اخبار ذات صله|مواضيع ذات صله|مقالات ذات صله|قد يهمك|شاهد ايضا|طالع ايضا|ذات صله)/,
  /^(شارك|شاركوا|مشاركه)( هذا| الخبر| المقال| علي|:|$)/,
  /^(تابعونا|تابعنا|تابعوا) /,
  /^(اترك|اضف|أضف) (تعليقا|تعليق|ردا|رد)/,
  /^زر الذهاب الي الاعلي/,
  /^(الوسوم|وسوم|كلمات مفتاحيه|الكلمات المفتاحيه|تصنيفات)\s*:?/,
  /^جميع الحقوق محفوظه/,
  /^(حقوق النشر|©)/,
  /(نستخدم|يستخدم هذا الموقع) (ملفات تعريف الارتباط|الكوكيز|ملفات الكوكيز)/,
  /^لن يتم نشر عنوان بريدك الالكتروني/,
  /^احفظ اسمي/,
  /^(لا توجد تعليقات|التعليقات|تعليقات)$/,
  /^(اشترك|اشتركوا) (في|ب)?\s?(النشره|قناتنا|ليصلك)/,
  /^(الاكثر قراءه|الاكثر مشاهده|اخر الاخبار|عاجل)$/,
  /^(تحميل|جار التحميل|نسخ الرابط|طباعه|البريد الالكتروني)$/,
  /^\d+\s*(دقائق|دقيقه|دقيقتان) (للقراءه|قراءه)$/,
];

/** Words that, alone or together, make a paragraph a share bar / social strip. */
const SOCIAL_WORDS =
  /^(?:\s|[,،:|·•\-–—/]|فيسبوك|فيس بوك|تويتر|تيليغرام|تلغرام|تليجرام|واتساب|واتس اب|يوتيوب|انستغرام|انستجرام|لينكد ?ان|البريد الالكتروني|طباعه|نسخ الرابط|ارسل لصديق|ارسل الي صديق|تكبير الخط|تصغير الخط|حفظ|شارك|facebook|twitter|whatsapp|telegram|youtube|instagram|linkedin|email|print|rss|x)+$/i;

/**
 * Lines that are furniture only when short (bylines, time stamps, captions, ad labels): a long
 * paragraph opening with the same words is article text.
 */
const SHORT_FURNITURE: RegExp[] = [
  /^(بواسطه|بقلم|كتب|تحرير|اعداد|الكاتب|المحرر|فريق التحرير)\s*:?/,
  /^(اخر تحديث|تاريخ النشر|نشر بتاريخ|نشر في|تم النشر|منذ)\s*:?/,
  /^(اعلان|اعلانات|مساحه اعلانيه|advertisement)$/i,
  /^(صوره|الصوره|صوره ارشيفيه|صوره تعبيريه|ارشيف|\(ارشيف\)|فيديو|شاهد|شاهد الفيديو)\s*[:(]?/,
  /^(انضم|انضموا|اشترك|اشتركوا|حمل|حملوا|نزل) (الي|ل|في|الان|تطبيق|قناتنا|قناه)/,
  /^(لمتابعه|تابع) (اخر|اهم|جميع) الاخبار/,
  /^(اضغط|انقر) هنا/,
  /^(الاكثر تداولا|الاكثر قراءه|الاكثر مشاهده|اخترنا لك|مختارات|مواد ذات صله|اقرا المزيد|المزيد)$/,
  /^(السابق|التالي|الخبر السابق|الخبر التالي|المقال السابق|المقال التالي)\s*:?/,
];

export function isFurnitureText(text: string): boolean {
  const f = foldArabic(text);
  if (!f) return true;
  if (SOCIAL_WORDS.test(f)) return true;
  if (FURNITURE_TEXT.some((re) => re.test(f))) return true;
  return f.length <= 100 && SHORT_FURNITURE.some((re) => re.test(f));
}
