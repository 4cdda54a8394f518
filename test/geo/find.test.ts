// findPlaces on our own Arabic sentences: recognition, longest match, clitics, cues, context.
import { test } from "node:test";
import assert from "node:assert/strict";
import { findPlaces, haversineKm } from "../../src/geo/index.js";

const names = (text: string) => findPlaces(text).map((m) => m.best.name);
const one = (text: string, phrase: string) => {
  const m = findPlaces(text).find((x) => x.text.includes(phrase));
  assert.ok(m, `no mention containing "${phrase}" in: ${text}`);
  return m;
};

test("ريف إدلب الجنوبي is one region mention, never the city", () => {
  const text = "استهدفت غارات جوية قرى ريف إدلب الجنوبي فجر الثلاثاء.";
  const ms = findPlaces(text);
  assert.equal(ms.length, 1);
  const m = ms[0]!;
  assert.equal(m.text, "ريف إدلب الجنوبي");
  assert.equal(text.slice(m.start, m.end), m.text);
  assert.equal(m.best.precision, "region");
  assert.equal(m.best.admin1, "Idlib");
  // the southern countryside lies south of Idlib city
  assert.ok(m.best.lat! < 35.9, `lat ${m.best.lat}`);
});

test("مدينة حلب and bare حلب are the city; محافظة حلب the governorate", () => {
  assert.equal(one("وصلت القافلة إلى مدينة حلب مساء.", "حلب").best.precision, "town");
  assert.equal(one("عاد الهدوء إلى حلب بعد أيام من القصف.", "حلب").best.precision, "town");
  const g = one("تراجعت الاشتباكات في محافظة حلب خلال الأسبوع.", "حلب");
  assert.equal(g.best.precision, "governorate");
  assert.equal(g.text, "محافظة حلب");
});

test("ريف دمشق is the governorate Rif Dimashq; ريف دمشق الغربي a region of it", () => {
  const g = one("أعلنت السلطات عودة الأهالي إلى بلدات ريف دمشق.", "ريف دمشق");
  assert.equal(g.best.name, "Rif Dimashq");
  assert.equal(g.best.precision, "governorate");
  const w = one("سقطت قذائف على قرى ريف دمشق الغربي أمس.", "ريف دمشق الغربي");
  assert.equal(w.best.precision, "region");
  assert.ok(w.best.lon! < 36.29, "west of Damascus");
});

test("dual ريفي إدلب الجنوبي وحماة الشمالي gives two regions", () => {
  const ms = findPlaces("تصاعدت المعارك في ريفي إدلب الجنوبي وحماة الشمالي منذ الصباح.");
  assert.equal(ms.length, 2);
  assert.deepEqual(ms.map((m) => m.best.admin1), ["Idlib", "Hama"]);
  assert.ok(ms.every((m) => m.best.precision === "region"));
});

test("أرياف حلب وإدلب واللاذقية: a plural list of countrysides", () => {
  const ms = findPlaces("نزح آلاف المدنيين من أرياف حلب وإدلب واللاذقية.");
  assert.deepEqual(ms.map((m) => m.best.admin1), ["Aleppo", "Idlib", "Latakia"]);
  assert.ok(ms.every((m) => m.best.precision === "region"));
});

test("الريف الشمالي لحماة is the northern Hama countryside", () => {
  const m = one("دارت اشتباكات في الريف الشمالي لحماة.", "الريف");
  assert.equal(m.best.precision, "region");
  assert.equal(m.best.admin1, "Hama");
});

test("attached prepositions and conjunctions: وبإدلب، لإدلب، والرقة، بحمص", () => {
  const ms = findPlaces("وصل الوفد لإدلب ثم انتقل إلى الرقة والحسكة، فيما بقي آخرون بحمص.");
  assert.deepEqual(ms.map((m) => m.best.name), ["Idlib", "Raqqa", "Al-Hasakah", "Homs"]);
  // the conjunction/preposition is not part of the span
  assert.equal(ms[2]!.text, "الحسكة");
  assert.equal(ms[0]!.text, "إدلب");
  assert.equal(ms[3]!.text, "حمص");
});

test("diacritics and tatweel: offsets point into the text as given", () => {
  const text = "قُصِفَت مَدِينَةُ دُومَا في الغُوطَةِ الشَّرْقِيَّةِ، وقُتل مدنيون في حـرسـتـا.";
  const ms = findPlaces(text);
  assert.deepEqual(ms.map((m) => m.best.name), ["Douma", "Eastern Ghouta", "Harasta"]);
  for (const m of ms) assert.equal(text.slice(m.start, m.end), m.text);
  assert.equal(ms[0]!.text, "مَدِينَةُ دُومَا");
  assert.equal(ms[2]!.text, "حـرسـتـا");
});

test("hamza, alef and ta-marbuta variants match the same place", () => {
  for (const s of ["قصفت الطائرات معرة النعمان", "قصفت الطائرات معره النعمان", "قصفت الطائرات مَعرّة النعمان"]) {
    const ms = findPlaces(s);
    assert.equal(ms.length, 1, s);
    assert.ok(haversineKm(ms[0]!.best.lat!, ms[0]!.best.lon!, 35.648, 36.672) < 3, s);
  }
  assert.deepEqual(names("وقعت اشتباكات قرب اريحا"), names("وقعت اشتباكات قرب أريحا"));
});

test("common words are not places without a cue", () => {
  const text = "طالب المتظاهرون بالحرية والسلام، وقال محمد إن النصر قريب وإن الجبهة موحدة، وإن عين الحكومة على تل الأحداث.";
  assert.deepEqual(findPlaces(text), []);
  // …but a type noun introduces the village of that name
  const v = one("قصفت المدفعية قرية الحرية في ريف حماة.", "الحرية");
  assert.equal(v.best.admin1, "Hama");
  assert.equal(v.text, "قرية الحرية");
});

test("cease-fire vocabulary is not mistaken for villages", () => {
  const text = "أعلن الطرفان وقف إطلاق النار من أجل إدخال المساعدات، وأصيب ثلاثة بجروح في حالات متفرقة.";
  assert.deepEqual(names(text), []);
});

test("a street named after a town is not the town", () => {
  const ms = findPlaces("استهدفت الغارات شارع تل أبيض وسط مدينة الرقة.");
  assert.deepEqual(ms.map((m) => m.best.name), ["Raqqa"]);
});

test("the same name resolves by the report's other places (الخالدية)", () => {
  const aleppo = one("سقطت قذائف على حيي جمعية الزهراء والخالدية غرب حلب.", "الخالدية");
  assert.equal(aleppo.best.admin1, "Aleppo");
  const homs = one("تعرضت أحياء بابا عمرو والخالدية في حمص لقصف عنيف.", "الخالدية");
  assert.equal(homs.best.admin1, "Homs");
  assert.ok(homs.alternatives.some((a) => a.admin1 === "Aleppo"), "the other Khalidiya stays an alternative");
});

test("كفرنبل near إدلب: nearby mentions pull ambiguous names together", () => {
  const ms = findPlaces("قتل مدنيان في كفرنبل وحاس بريف إدلب الجنوبي.");
  const kn = ms.find((m) => m.text.includes("كفرنبل"))!;
  assert.ok(haversineKm(kn.best.lat!, kn.best.lon!, 35.614, 36.561) < 3);
  assert.ok(kn.best.score > 0.5 && kn.best.score <= 1);
});

test("named sites: air bases, crossings, camps, neighbourhoods, regions", () => {
  const text =
    "أقلعت الطائرات من قاعدة حميميم، وأُغلق معبر باب الهوى، ووصلت مساعدات إلى مخيم الركبان، وسقطت قذيفة في حي باب توما، واشتدت المعارك في سهل الغاب.";
  const ms = findPlaces(text);
  assert.deepEqual(
    ms.map((m) => [m.best.name, m.best.precision]),
    [
      ["Hmeimim Air Base", "point"],
      ["Bab al-Hawa Border Crossing", "point"],
      ["Rukban Camp", "point"],
      ["Bab Touma", "point"],
      ["Al-Ghab Plain", "region"],
    ],
  );
});

test("countries and talk venues are places too", () => {
  const ms = findPlaces("اجتمع ممثلو روسيا وتركيا وإيران في أستانا، ثم في جنيف.");
  assert.deepEqual(ms.map((m) => m.best.precision), ["country", "country", "country", "town", "town"]);
  assert.equal(ms[3]!.best.name, "Astana");
  assert.equal(ms[1]!.best.name, "Turkey");
});

test("capitalized Latin transliterations inside Arabic text", () => {
  const ms = findPlaces("قالت المصادر إن بلدة خان شيخون (Khan Shaykhun) تعرضت للقصف.");
  assert.equal(ms.length, 2);
  assert.ok(ms.every((m) => m.best.name === "Khan Shaykhun"));
});

test("every place carries a zone (date-aware when a date is given)", () => {
  const text = "قصفت الطائرات مدينة دوما.";
  assert.equal(findPlaces(text)[0]!.best.zone, "eastern-ghouta");
  assert.equal(findPlaces(text, { date: "2017-09-01" })[0]!.best.zone, "eastern-ghouta");
  assert.equal(findPlaces(text, { date: "2019-03-01" })[0]!.best.zone, null);
  assert.equal(findPlaces("انفجار في دمشق")[0]!.best.zone, null);
});

test("bad input never throws", () => {
  assert.deepEqual(findPlaces(""), []);
  assert.deepEqual(findPlaces("   \n\n"), []);
  assert.deepEqual(findPlaces(null as unknown as string), []);
  const junk = "\u0640\u064b\u200f،،،..ـــ 123 km كم كم شمال جنوب";
  assert.ok(Array.isArray(findPlaces(junk)));
  // a long report
  const long = "قصفت الطائرات بلدة كفرنبل في ريف إدلب الجنوبي. ".repeat(2000);
  assert.equal(findPlaces(long).length, 4000);
});

test("neighbourhoods of other cities; one-word names need a cue", () => {
  assert.equal(findPlaces("تقدمت القوات في حي المشلب بالرقة.")[0]!.best.name, "Mishlab");
  assert.equal(findPlaces("سقطت قذيفة على القصور المهجورة.").length, 0);
  const q = findPlaces("قصف حي القصور في حمص.")[0]!;
  assert.equal(q.best.admin1, "Homs");
});

test("a neighbourhood the gazetteer lacks is placed at its town", () => {
  const ms = findPlaces("تقدمت القوات في حي القرنفل الغربي في الرقة، ثم في حي الكرز.");
  assert.deepEqual(ms.map((m) => m.text), ["حي القرنفل الغربي", "الرقة", "حي الكرز"]);
  assert.equal(ms[0]!.best.name, "Raqqa");
  assert.equal(ms[0]!.best.name_ar, "حي القرنفل الغربي");
  assert.equal(ms[2]!.best.name, "Raqqa");
  assert.ok(ms[0]!.best.score < 1);
});

test("plural type nouns carry their kind along a list: محافظتي حلب وإدلب", () => {
  const ms = findPlaces("تراجعت الاشتباكات في محافظتي حلب وإدلب.");
  assert.deepEqual(ms.map((m) => m.best.precision), ["governorate", "governorate"]);
  assert.equal(ms[0]!.text, "محافظتي حلب");
});

test("after a type noun, spellings unlike ours still resolve (كفر باطنا، بيت ساوا، جندايريس)", () => {
  const ms = findPlaces("قصفت بلدة كفر باطنا وبلدة بيت ساوا ومدينة جندايريس، وقرية الحي.");
  assert.deepEqual(ms.map((m) => m.text), ["بلدة كفر باطنا", "بلدة بيت ساوا", "مدينة جندايريس"]);
  assert.deepEqual(ms.map((m) => m.best.admin1), ["Rif Dimashq", "Rif Dimashq", "Aleppo"]);
});

test("وريفها: the countryside of the place just named", () => {
  const ms = findPlaces("تصاعد القصف على إدلب وريفها الجنوبي، وعلى حماة وريفها.");
  assert.deepEqual(ms.map((m) => m.text), ["إدلب", "ريفها الجنوبي", "حماة", "ريفها"]);
  assert.equal(ms[1]!.best.precision, "region");
  assert.equal(ms[1]!.best.admin1, "Idlib");
  assert.ok(ms[1]!.best.lat! < 35.93);
  assert.equal(ms[3]!.best.admin1, "Hama");
  assert.equal(ms[3]!.best.precision, "region");
});

test("bestOnly gives the same mentions and best places as the full answer, without alternatives", () => {
  const texts = [
    "قصفت المدفعية بلدة كفرنبل وقرية حاس في ريف إدلب الجنوبي، كما استهدفت غارات مدينة حلب وبلدة الأتارب غربها.",
    "اشتباكات على أطراف مدينة درعا وفي حي طريق السد، وقذائف على بلدة نوى بريف درعا الغربي.",
    "سقطت قذيفة على بعد 5 كم شمال مدينة حماة، وأخرى في مخيم اليرموك جنوب دمشق.",
  ];
  for (const text of texts) {
    const full = findPlaces(text, { date: "2019-05-01" });
    const lean = findPlaces(text, { date: "2019-05-01", bestOnly: true });
    assert.ok(full.length > 0, text);
    assert.deepEqual(
      lean.map((m) => ({ start: m.start, end: m.end, text: m.text, best: m.best })),
      full.map((m) => ({ start: m.start, end: m.end, text: m.text, best: m.best })),
    );
    assert.ok(full.some((m) => m.alternatives.length > 0 || !!m.why));
  }
});
