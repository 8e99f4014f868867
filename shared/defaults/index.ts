// Defaults for a new data folder: Mazandaran's counties and provincial departments, editable in settings.
import holidayTable from './holidays-1405-1406.json' with { type: 'json' };
import type { HolidayEntry } from '../working-days';

export const MAZANDARAN_COUNTIES = [
  'ساری', 'آمل', 'بابل', 'قائم‌شهر', 'بهشهر', 'نکا', 'گلوگاه', 'جویبار', 'سیمرغ', 'میاندرود',
  'سوادکوه', 'سوادکوه شمالی', 'بابلسر', 'فریدونکنار', 'محمودآباد', 'نور', 'چالوس', 'نوشهر',
  'کلاردشت', 'تنکابن', 'عباس‌آباد', 'رامسر',
] as const;

/**
 * County populations at the 1395 (2016) national census of the Statistical Centre of Iran, as cited by the
 * counties' encyclopaedia articles (looked up 2026-11-28/29); فریدونکنار is the sum of its two districts'
 * census figures (46,703 + 13,328), as its county office's site also gives (60,031). Not found offline, so
 * left for the office to enter in Settings: بابلسر، نور، رامسر. The 19 found and the province total
 * (3,283,582) leave about 0.33 million for those three, which is their order of size.
 */
export const MAZANDARAN_POPULATION_1395: { source: string; counties: Record<string, number> } = {
  source: 'سرشماری عمومی نفوس و مسکن ۱۳۹۵، مرکز آمار ایران',
  counties: {
    'ساری': 504298,
    'آمل': 401639,
    'بابل': 531930,
    'قائم‌شهر': 309199,
    'بهشهر': 168769,
    'نکا': 119511,
    'گلوگاه': 40078,
    'جویبار': 77576,
    'سیمرغ': 19376,
    'میاندرود': 55053,
    'سوادکوه': 43913,
    'سوادکوه شمالی': 24834,
    'فریدونکنار': 60031,
    'محمودآباد': 98407,
    'چالوس': 116542,
    'نوشهر': 138913,
    'کلاردشت': 23648,
    'تنکابن': 166132,
    'عباس‌آباد': 52832,
  },
};

export const PROVINCIAL_DEPARTMENTS = [
  'فرمانداری', 'شهرداری', 'جهاد کشاورزی', 'شرکت توزیع برق', 'شرکت برق منطقه‌ای', 'آب و فاضلاب',
  'شرکت آب منطقه‌ای', 'شرکت گاز استان', 'بنیاد مسکن', 'راه و شهرسازی', 'اداره کل راهداری',
  'اداره کل تعاون، کار و رفاه اجتماعی', 'اداره کل تعاون روستایی', 'اداره کل محیط زیست',
  'منابع طبیعی و آبخیزداری', 'اداره کل دامپزشکی', 'اداره کل ثبت اسناد', 'اداره کل ثبت احوال',
  'اداره کل حمل و نقل و پایانه‌ها', 'سازمان تاکسیرانی', 'شورای هماهنگی بانک‌ها', 'دانشگاه علوم پزشکی',
  'آموزش و پرورش', 'اداره کل بهزیستی', 'کمیته امداد', 'بنیاد شهید و امور ایثارگران',
  'اداره کل فرهنگ و ارشاد اسلامی', 'اداره کل میراث فرهنگی', 'اداره کل ورزش و جوانان',
  'اداره کل صنعت، معدن و تجارت', 'شرکت ملی پخش فرآورده‌های نفتی', 'صندوق بیمه کشاورزی',
  'بیمه مرکزی', 'فرماندهی انتظامی', 'نظام وظیفه',
] as const;

export const CASE_CATEGORIES = [
  'کشاورزی و دامداری', 'آب، برق و گاز', 'مسکن و زمین', 'راه و حمل و نقل', 'اشتغال و معیشت',
  'وام و تسهیلات', 'بهداشت و درمان', 'محیط زیست', 'عمران شهری و روستایی', 'امور اداری و حقوقی',
  'سایر',
] as const;

export const QUICK_PHRASES = [
  'موضوع بررسی و نتیجه به متقاضی اعلام شود.',
  'با رعایت ضوابط و مقررات مساعدت لازم صورت گیرد.',
  'مدیرکل شخصاً موضوع را پیگیری و با متقاضی تماس بگیرد.',
  'گزارش اقدامات انجام‌شده به دفتر استاندار ارسال شود.',
  'موضوع با قید فوریت رسیدگی شود.',
] as const;

/** The official holiday table shipped with Didar, one entry per date (some dates carry two occasions). */
export function defaultHolidays(): HolidayEntry[] {
  const byDate = new Map<string, string>();
  for (const h of holidayTable.holidays) {
    const prev = byDate.get(h.date);
    byDate.set(h.date, prev ? `${prev}؛ ${h.title}` : h.title);
  }
  return [...byDate].map(([date, title]) => ({ date, title })).sort((a, b) => a.date.localeCompare(b.date));
}
