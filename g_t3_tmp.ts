import { htmlToReport } from "./src/ingest/html.js";
const a = `<html><head><title>خبر</title></head><body><table><tr><td class="menu"><a href="/">الرئيسية</a> | <a href="/n">أخبار</a></td></tr>
<tr><td class="content"><font size=4><b>سقوط قذائف على دمشق</b></font><br><br>
سقطت عدة قذائف هاون صباح اليوم على أحياء باب توما والقصاع في دمشق القديمة، ما أدى إلى إصابة أربعة مدنيين بجروح، بحسب ما نقلت وكالة سانا عن مصدر في قيادة الشرطة.<br><br>
وأضاف المصدر أن القذائف أطلقت من مواقع المسلحين في حي جوبر، وأن الأضرار اقتصرت على الماديات في عدد من المحال التجارية والسيارات المتوقفة.<br><br>
<a href="/print">طباعة</a> | <a href="/send">أرسل لصديق</a></td></tr></table></body></html>`;
const b = `<html><body><div id="wrap"><div class="nav"><a href="/">الرئيسية</a></div><div class="story"><div>قال المرصد إن اشتباكات عنيفة اندلعت بين وحدات حماية الشعب الكردية وفصائل مدعومة من تركيا على محور قرية مرعناز قرب مدينة تل رفعت، استخدمت فيها الأسلحة الثقيلة.</div><div>وأشار إلى أن الاشتباكات أسفرت عن مقتل ستة مقاتلين من الطرفين على الأقل، وسط استنفار في المنطقة وتحليق لطائرات استطلاع.</div></div><div class="share">شارك على فيسبوك</div></div></body></html>`;
const c = `<html><body><div class="teaser"><h2><a href="/a">عنوان خبر أول</a></h2><h2><a href="/b">عنوان خبر ثان</a></h2></div><footer>جميع الحقوق محفوظة</footer></body></html>`;
for (const h of [a, b, c]) { const r = htmlToReport(h); console.log(JSON.stringify(r.title), "\n" + r.text + "\n-----"); }
