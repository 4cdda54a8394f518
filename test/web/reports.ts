// Our own short Arabic reports for the dashboard's end-to-end test (written for these tests, not
// copied from any outlet). Places sit in the 2017 de-escalation zones; figures differ between
// sources on purpose, so the panel has something to reconcile.
export interface TestReport {
  name: string;
  published: string;
  outlet: string;
  url: string;
  text: string;
}

export const TEST_REPORTS: TestReport[] = [
  {
    name: "saraqib-airstrike-monitor",
    published: "2017-09-12",
    outlet: "شبكة الاختبار",
    url: "https://example.org/news/saraqib-1",
    text: "غارات جوية على سراقب\nقتل خمسة مدنيين بينهم طفلان أمس الاثنين في غارات جوية شنتها طائرات حربية على مدينة سراقب بريف إدلب الشرقي، بحسب المرصد السوري لحقوق الإنسان.\nوقال المرصد إن الغارات استهدفت سوقاً شعبياً وسط المدينة.",
  },
  {
    name: "saraqib-airstrike-activists",
    published: "2017-09-12",
    outlet: "موقع التجربة",
    url: "javascript:alert(1)",
    text: "حصيلة جديدة في سراقب\nأفاد ناشطون بأن عدد القتلى في الغارات الجوية على مدينة سراقب ارتفع إلى سبعة مدنيين، فيما أصيب أكثر من عشرة آخرين بجروح.",
  },
  {
    name: "douma-shelling",
    published: "2017-09-14",
    outlet: "شبكة الاختبار",
    url: "https://example.org/news/douma",
    text: "قصف مدفعي على دوما\nقتل ثلاثة مدنيين اليوم الخميس جراء قصف مدفعي وصاروخي استهدف الأحياء السكنية في مدينة دوما بالغوطة الشرقية، وفق ما ذكره الدفاع المدني.",
  },
  {
    name: "harasta-clashes",
    published: "2017-09-15",
    outlet: "موقع التجربة",
    url: "https://example.org/news/harasta",
    text: "اشتباكات في حرستا\nاندلعت اشتباكات عنيفة أمس بين قوات النظام وفصائل المعارضة على أطراف مدينة حرستا في الغوطة الشرقية، ما أدى إلى مقتل أربعة عناصر من الطرفين بحسب المرصد السوري لحقوق الإنسان.",
  },
  {
    name: "maarat-shelling",
    published: "2017-09-18",
    outlet: "شبكة الاختبار",
    url: "https://example.org/news/maarat",
    text: "قذائف على معرة النعمان\nسقطت عدة قذائف هاون اليوم الاثنين على مدينة معرة النعمان في ريف إدلب الجنوبي، ما أسفر عن مقتل مدنيين اثنين وإصابة ستة آخرين، بحسب ناشطين محليين.",
  },
  {
    name: "rastan-shelling",
    published: "2017-09-20",
    outlet: "موقع التجربة",
    url: "https://example.org/news/rastan",
    text: "قصف على الرستن\nقالت مصادر محلية إن قوات النظام قصفت بالمدفعية الثقيلة مدينة الرستن في ريف حمص الشمالي أمس الثلاثاء، ما أدى إلى مقتل مدني وإصابة آخرين.",
  },
  {
    name: "khan-sheikhoun-airstrike",
    published: "2017-09-22",
    outlet: "شبكة الاختبار",
    url: "https://example.org/news/khan-sheikhoun",
    text: "غارة على خان شيخون\nشنت طائرات حربية روسية غارة جوية على بلدة خان شيخون جنوب إدلب صباح اليوم الجمعة، ما أسفر عن مقتل ثمانية أشخاص، حسب الدفاع المدني السوري.",
  },
];
