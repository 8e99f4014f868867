// Realistic synthetic data for the benchmark: varied Persian issue texts (families of problems, each with
// several phrasings, places, numbers and colloquial variants), valid national IDs, meeting days of ~400 cases.
import path from 'node:path';
import fs from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import type { Case, MeetingDay, OrderType } from '../../../shared/domain';
import { MAZANDARAN_COUNTIES, PROVINCIAL_DEPARTMENTS } from '../../../shared/defaults';
import { addDays, formatJalali, parseJalali, startOfJalaliDay } from '../../../shared/jalali';
import { ORDER_TYPES } from '../../../shared/domain';
import { makeTrackingCode } from '../../../shared/tracking-code';
import { DAYS_DIR, SCHEMA_VERSION, type DayDoc } from '../store/file-store';
import { writeFileDurable } from '../store/durable-file';

/** Small deterministic PRNG (mulberry32) so two runs bench the same data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const FAMILIES: readonly (readonly string[])[] = [
  ['کود اوره و سم مورد نیاز شالیزار در تعاونی {v} توزیع نشده و کشاورزان {n} روز است منتظر حواله هستند.',
    'سهمیه کود شیمیایی ما امسال نصف شده و از بازار آزاد باید {n} برابر قیمت بخریم.'],
  ['برق روستای {v} هر شب {n} ساعت قطع می‌شود و وسایل برقی مردم سوخته است.',
    'افت ولتاژ در {v} باعث شده پمپ آب کار نکند، چند بار به شرکت توزیع برق زنگ زدیم جواب ندادند.'],
  ['کالابرگ خانواده ما از ماه {m} قطع شده در حالی که هیچ تغییری در وضعیت ما نبوده.',
    'یارانه نقدی مادرم که سرپرست خانوار است بدون دلیل حذف شده و سامانه پاسخی نمی‌دهد.'],
  ['برای خانه روستایی در {v} سند تک‌برگ می‌خواهیم اما بنیاد مسکن می‌گوید نقشه هوایی ندارد.',
    'پرونده سند روستایی ما {n} سال است در ثبت اسناد مانده و هنوز صادر نشده است.'],
  ['بعد از لوله‌گذاری فاضلاب، خیابان اصلی {v} را کنده‌اند و {n} ماه است آسفالت نکرده‌اند.',
    'ترانشه فاضلاب جلوی خانه ما باز مانده و بچه‌ها در آن افتاده‌اند.'],
  ['گراز وحشی شالیزار و باغ مرکبات ما در {v} را نابود کرده و محیط زیست خسارت نمی‌دهد.',
    'هر شب گله گراز به مزرعه می‌آید و بیمه کشاورزی هم خسارت را قبول نمی‌کند.'],
  ['سهمیه نهاده دامی و جو یارانه‌ای دامداران {v} {n} ماه است نیامده.',
    'دامداری ما با {n} رأس گاو سهمیه علوفه نگرفته و تعاونی می‌گوید حواله صادر نشده.'],
  ['وام ودیعه مسکن را ثبت‌نام کردم ولی بانک می‌گوید اعتبار تمام شده است.',
    'برای وام رهن اجاره‌نشین‌ها ضامن کارمند خواسته‌اند که نداریم.'],
  ['برای ساخت خانه در {v} پروانه ساختمانی نمی‌دهند چون طرح هادی روستا تصویب نشده.',
    'زمین ما بیرون از محدوده طرح هادی افتاده و بنیاد مسکن اجازه ساخت نمی‌دهد.'],
  ['زباله‌های شهر را کنار روستای {v} تخلیه می‌کنند و بوی بد و شیرابه به رودخانه رسیده.',
    'محل دفن زباله نزدیک خانه‌های {v} است و بیماری‌های تنفسی زیاد شده.'],
  ['وام ازدواج ما با اینکه {n} ماه پیش ثبت‌نام کردیم هنوز پرداخت نشده است.',
    'بانک برای وام ازدواج دو ضامن با فیش حقوقی می‌خواهد و نوبت ما را عقب انداخته.'],
  ['روستای {v} هیچ سرویس مینی‌بوس به مرکز شهرستان ندارد و بیماران باید دربستی بگیرند.',
    'اتوبوس {v} از {n} ماه پیش قطع شده و دانش‌آموزان پیاده می‌روند.'],
  ['ویلای ما در حریم {n} متری ساحل است و برای آزادسازی دستور تخریب داده‌اند.',
    'از ما خواسته‌اند زمین ساحلی را تخلیه کنیم در حالی که سند داریم.'],
  ['طرح تجهیز و نوسازی اراضی شالیزاری {v} نیمه‌کاره مانده و آب به زمین‌ها نمی‌رسد.',
    'یکپارچه‌سازی اراضی ما {n} سال است تمام نشده و کانال‌ها خراب است.'],
  ['مدرسه روستای {v} سرویس بهداشتی ندارد و سقف کلاس چکه می‌کند.'],
  ['داروی بیماری خاص پسرم در داروخانه‌های شهرستان پیدا نمی‌شود.'],
  ['آب شرب {v} گل‌آلود است و {n} روز در هفته قطع می‌شود.'],
  ['گاز روستای {v} هنوز وصل نشده با اینکه لوله‌کشی {n} سال پیش انجام شده.'],
  ['همسرم کارگر فصلی است و بیمه تأمین اجتماعی ندارد، درخواست بیمه روستایی داریم.'],
  ['مجوز کسب برای مغازه‌ام در {v} را اتحادیه صادر نمی‌کند.'],
];

const OPENINGS = ['', 'با سلام، ', 'جناب استاندار، ', 'ببخشید، ', 'خواهش می‌کنم رسیدگی کنید؛ '];
const CLOSINGS = ['', ' لطفاً رسیدگی کنید.', ' چند بار مراجعه کردیم نتیجه نداشت.', ' درخواست پیگیری فوری داریم.', ' از فرمانداری هم پیگیری کردیم.'];
const VILLAGES = ['ورسک', 'لفور', 'رستمکلا', 'پنبه‌چوله', 'کیاسر', 'ارطه', 'شیرگاه', 'آلاشت', 'چمستان', 'بلده', 'کجور', 'مرزن‌آباد', 'سلیمان‌آباد', 'خرم‌آباد', 'کلارآباد'];
const MONTHS = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان'];
const FIRST = ['مرتضی', 'اکبر', 'کاظم', 'لیلا', 'زهرا', 'علی', 'فاطمه', 'حسین', 'مریم', 'رضا', 'معصومه', 'محمد', 'سکینه', 'جواد'];
const LAST = ['یوسفی', 'فلاح', 'اسماعیلی', 'علیزاده', 'رضایی', 'کریمی', 'حسینی', 'نظری', 'قاسمی', 'طالبی', 'رحیمی', 'موسوی'];

export function issueText(r: () => number): string {
  return issueSample(r).text;
}

/** A generated issue and the problem family it came from (a label for measuring the grouping). */
export function issueSample(r: () => number): { family: number; text: string } {
  const index = Math.floor(r() * FAMILIES.length);
  const family = FAMILIES[index]!;
  let t = pick(r, family)
    .replace(/\{v\}/g, () => pick(r, VILLAGES))
    .replace(/\{n\}/g, () => String(2 + Math.floor(r() * 20)))
    .replace(/\{m\}/g, () => pick(r, MONTHS));
  t = pick(r, OPENINGS) + t + pick(r, CLOSINGS);
  if (r() < 0.15) t = t.replace(/ی/g, 'ي').replace(/ک/g, 'ك'); // typed on an Arabic keyboard layout
  if (r() < 0.25) t = t.replace(/\u200c/g, ' ');
  return { family: index, text: t };
}

export function nationalId(r: () => number): string {
  for (;;) {
    const body = Array.from({ length: 9 }, () => Math.floor(r() * 10)).join('');
    let s = 0;
    for (let i = 0; i < 9; i++) s += Number(body[i]) * (10 - i);
    const rem = s % 11;
    const id = body + String(rem < 2 ? rem : 11 - rem);
    if (!/^(\d)\1{9}$/.test(id)) return id;
  }
}

/** A citizen as the desk types them: a valid national ID, a mobile, a village of the province's county given. */
export function benchCitizen(r: () => number, county: string = pick(r, MAZANDARAN_COUNTIES)): Case['citizen'] {
  return {
    firstName: pick(r, FIRST), lastName: pick(r, LAST), nationalId: nationalId(r),
    mobile: `09${String(Math.floor(r() * 1e9)).padStart(9, '0')}`, county, locality: pick(r, VILLAGES), address: '',
  };
}

export type SeedResult = { cases: number; days: number; nextSequence: number };

/** The generated meeting days of `n` cases, ~400 each, in date order (the same for the same seed). */
export function* generatedDays(n: number, perDay = 400, seed = 1405): Generator<{ day: MeetingDay; cases: Case[] }> {
  const r = rng(seed);
  const dayCount = Math.max(1, Math.ceil(n / perDay));
  let date = parseJalali('1405/01/15')!;
  let seq = 0;
  for (let d = 0; d < dayCount; d++) {
    date = addDays(date, 1);
    const jd = formatJalali(date);
    const day: MeetingDay = {
      id: `md-${jd.replace(/\//g, '')}-${d.toString(36).padStart(6, '0')}`, date: jd, place: { kind: 'center' },
      host: 'استاندار', openedAt: startOfJalaliDay(date).toISOString(), openedBy: 'bench',
    };
    const cases: Case[] = [];
    const count = Math.min(perDay, n - d * perDay);
    for (let i = 0; i < count; i++) {
      const county = pick(r, MAZANDARAN_COUNTIES);
      const dept = pick(r, PROVINCIAL_DEPARTMENTS);
      const type: OrderType = pick(r, ORDER_TYPES);
      const at = new Date(startOfJalaliDay(date).getTime() + (8 * 3600 + i * 30) * 1000).toISOString();
      const dueDate = formatJalali(addDays(date, 14));
      cases.push({
        id: randomUUID(), code: makeTrackingCode(date.jy, ++seq), meetingDayId: day.id, meetingDate: jd,
        createdAt: at, createdBy: 'bench',
        citizen: benchCitizen(r, county),
        text: issueText(r), category: '', departments: [dept], county,
        order: { type, leadDepartment: dept, otherDepartments: [], deadlineDays: 10, text: 'موضوع بررسی و نتیجه به متقاضی اعلام شود.' },
        status: 'recorded', deadline: { start: jd, days: 10, extensions: [], pauses: [], dueDate }, referrals: [], answers: [], notices: [],
        attachments: [], prints: [],
        history: [{ at, by: 'bench', action: 'recorded' }],
      });
    }
    yield { day, cases };
  }
}

/** Writes `n` cases directly as day files (seeding through the API would take the benchmark's whole budget). */
export async function seedDataDir(dataDir: string, n: number, perDay = 400, seed = 1405): Promise<SeedResult> {
  await fs.mkdir(path.join(dataDir, DAYS_DIR), { recursive: true });
  await fs.mkdir(path.join(dataDir, 'audit'), { recursive: true });
  let days = 0;
  for (const { day, cases } of generatedDays(n, perDay, seed)) {
    const doc: DayDoc = { schemaVersion: SCHEMA_VERSION, day, queue: [], cases };
    await writeFileDurable(path.join(dataDir, DAYS_DIR, `${day.date.replace(/\//g, '-')}_${day.id}.json`), JSON.stringify(doc));
    days++;
  }
  return { cases: n, days, nextSequence: n + 1 };
}
