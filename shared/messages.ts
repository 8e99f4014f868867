import { isolate, toPersianDigits as toFa } from './persian-text';
import type { NationalIdProblem } from './national-id';

/** Names of the lists of a data file, for messages that point at one record in it. */
const STORED_LIST: Record<string, string> = { cases: 'پرونده', queue: 'نوبت', circulars: 'بخشنامه', corrections: 'اصلاح گروه' };

// Persian messages the backend sends to users (errors and validation). The one place for them:
// screens and documents keep their own labels beside them.
export const msg = {
  badArgs: 'اطلاعات واردشده کامل یا درست نیست.',
  unknownMethod: 'درخواست ناشناخته است.',
  internal: 'خطای پیش‌بینی‌نشده رخ داد. اطلاعات ذخیره نشد؛ دوباره تلاش کنید.',
  unexpected: 'خطای پیش‌بینی‌نشده رخ داد؛ فرمان کامل نشد.',
  portInUse: (port: number): string =>
    `درگاه ${toFa(port)} را برنامه دیگری در دست دارد. درگاه دیگری بدهید (مانند --port ${port + 1}) یا با --port 0 بگذارید دیدار خودش درگاه آزادی بردارد.`,
  portInvalid: 'شماره درگاه باید عددی از ۰ تا ۶۵۵۳۵ باشد (۰: هر درگاه آزاد).',
  required: 'این بخش را پر کنید.',
  tooLong: (max: number): string => `حداکثر ${toFa(max)} نویسه مجاز است.`,
  nationalIdInvalid: 'کد ملی نادرست است (ده رقم با رقم کنترل درست).',
  nationalId: {
    'not-digits': 'کد ملی فقط رقم دارد؛ حرف یا نشانه‌ای در آن آمده است.',
    length: 'کد ملی ده رقم است؛ رقم‌ها را با کارت ملی مقایسه کنید.',
    'same-digit': 'کد ملی با ده رقم یکسان صادر نمی‌شود.',
    'check-digit': 'رقم آخر کد ملی (رقم کنترل) با بقیه نمی‌خواند؛ رقم‌ها را با کارت ملی مقایسه کنید.',
  } satisfies Record<NationalIdProblem, string>,
  mobileInvalid: 'شماره همراه نادرست است؛ مانند ۰۹۱۲۱۲۳۴۵۶۷.',
  issueEmpty: 'شرح درخواست خالی است.',
  issueTooLong: (max: number): string => `شرح درخواست حداکثر ${toFa(max)} نویسه است.`,
  dateInvalid: 'تاریخ شمسی نادرست است؛ مانند ۱۴۰۵/۰۹/۰۳.',
  deadlineInvalid: 'مهلت باید بین ۱ تا ۳۶۵ روز کاری باشد.',
  countyRequired: 'شهرستان را انتخاب کنید.',
  meetingDayNotFound: 'روز ملاقات پیدا نشد.',
  meetingDayExists: 'برای این تاریخ و مکان روز ملاقات باز شده است.',
  caseNotFound: 'پرونده پیدا نشد.',
  officeUnknown: 'دفتر را از فهرست انتخاب کنید: استانداری یا فرمانداری یکی از شهرستان‌ها.',
  provinceOffice: 'استانداری',
  countyOffice: (county: string): string => `فرمانداری ${county}`,
  countyGovernor: (county: string): string => `فرماندار ${county}`,
  provinceGovernor: 'استاندار',
  countyGovernorTitle: 'فرماندار',
  caseNotInOffice: (office: string): string => `این پرونده در ${office} نیست؛ پرونده‌های دفترهای دیگر با این حساب دیده و تغییر داده نمی‌شوند.`,
  trackingCodeNotInOffice: (office: string): string => `پرونده‌ای با این کد رهگیری در ${office} ثبت نشده است؛ پرونده‌های دفترهای دیگر با این حساب دیده نمی‌شوند.`,
  meetingDayNotInOffice: (office: string): string => `این روز ملاقات از آنِ ${office} نیست.`,
  settingsOfProvince: 'تنظیمات از آنِ همه استان است (شهرستان‌ها، دستگاه‌ها، تعطیلات) و فقط در استانداری تغییر می‌کند.',
  accountOfOtherOffice: (office: string): string => `مدیر ${office} فقط حساب‌های همان دفتر را می‌سازد و تغییر می‌دهد.`,
  trackingCodeInvalid: 'کد رهگیری نامعتبر است',
  trackingCodeNotFound: 'پرونده‌ای با این کد رهگیری ثبت نشده است.',
  caseCancelled: 'این پرونده ابطال شده است.',
  alreadyCancelled: 'این پرونده پیش‌تر ابطال شده است.',
  cancelReasonRequired: 'دلیل ابطال را بنویسید.',
  queueEntryNotFound: 'نوبت پیدا نشد.',
  queueEmpty: 'کسی در نوبت انتظار نیست.',
  codesExhausted: 'ظرفیت کد رهگیری امسال تمام شده است.',
  illegalTransition: (from: string, to: string): string => `تغییر وضعیت از «${isolate(from)}» به «${isolate(to)}» مجاز نیست.`,
  noDeadline: 'این پرونده دستور و مهلت ندارد.',
  alreadyPaused: 'مهلت این پرونده هم‌اکنون متوقف است.',
  notPaused: 'مهلت این پرونده متوقف نیست.',
  duplicateOfInvalid: 'کد رهگیری پرونده اصلی را درست وارد کنید.',
  reasonRequired: 'دلیل را بنویسید.',
  sameCaseToday: (code: string | undefined): string => code
    ? `همین شهروند امروز همین درخواست را با کد رهگیری ${isolate(toFa(code))} ثبت کرده است. پرونده دوم ساخته شود؟`
    : 'همین شهروند امروز همین درخواست را ثبت کرده است و پرونده‌اش در انتظار دستور یا کد رهگیری است. پرونده دوم ساخته شود؟',
  sameArrivalToday: (n: number): string => `این کد ملی امروز با نوبت ${isolate(toFa(n))} ثبت ورود شده است. دوباره ثبت شود؟`,
  awaitingOrder: 'دستور استاندار برای این پرونده هنوز ثبت نشده است؛ کد رهگیری پس از دستور داده می‌شود.',
  notCoded: 'این پرونده هنوز کد رهگیری ندارد؛ نخست در میز بازرسی کد رهگیری بگیرد.',
  alreadyCoded: (code: string): string => `این پرونده پیش‌تر کد رهگیری ${isolate(toFa(code))} گرفته است؛ رسید آن را چاپ کنید.`,
  orderExists: 'دستور استاندار برای این پرونده پیش‌تر ثبت شده است؛ برای تغییر مسئول، از «تغییر دستگاه مسئول» در پیگیری استفاده کنید.',
  stationNotAllowed: (station: string, allowed: readonly string[]): string =>
    `حساب شما برای ایستگاه «${isolate(station)}» نیست. ایستگاه‌های این حساب: ${allowed.map((a) => `«${isolate(a)}»`).join('، ')}. یکی از آن‌ها را برگزینید.`,
  answerDateFuture: 'تاریخ نامه دستگاه نمی‌تواند بعد از امروز باشد.',
  nothingChanged: 'چیزی تغییر نکرده است.',
  departmentAfterReferral: 'پس از ارجاع، دستگاه مسئول فقط با «تغییر دستگاه مسئول» عوض می‌شود.',
  lookupNotFound: 'پرونده‌ای با این مشخصات پیدا نشد. کد رهگیری و کد ملی (یا چهار رقم آخر همراه) را بررسی کنید.',
  lookupLimited: (minutes: number): string =>
    `برای این کد رهگیری چند بار پشت سر هم مشخصات نادرست وارد شد. برای حفظ اطلاعات شهروند، ${toFa(minutes)} دقیقه دیگر دوباره تلاش کنید.`,
  identityRequired: 'کد ملی یا چهار رقم آخر تلفن همراه را وارد کنید.',
  satisfactionNotYet: 'نظرسنجی پس از پاسخ یا مختومه شدن پرونده ثبت می‌شود.',
  nothingSelected: 'هیچ پرونده‌ای انتخاب نشده است.',
  circularNotFound: 'بخشنامه پیدا نشد.',
  circularNotDraft: 'فقط پیش‌نویس بخشنامه ویرایش می‌شود.',
  circularWrongStatus: (from: string, to: string): string => `بخشنامه «${isolate(from)}» را نمی‌توان «${isolate(to)}» کرد.`,
  circularNeedsCases: 'بخشنامه باید دست‌کم بر دو درخواست تکیه کند.',
  mergeNeedsGroups: 'برای ادغام دست‌کم دو گروه را انتخاب کنید.',
  correctionNotFound: 'این اصلاح پیدا نشد.',
  correctionUndone: 'این اصلاح پیش‌تر بازگردانده شده است.',
  circularNumberTaken: (n: string): string => `شماره ${isolate(toFa(n))} به بخشنامه دیگری داده شده است.`,
  issueDateFuture: 'تاریخ صدور نمی‌تواند بعد از امروز باشد.',
  duplicateCases: 'یک پرونده دو بار آمده است.',
  lexiconWordsRequired: 'برای هر مورد واژه‌نامه دست‌کم یک واژه بنویسید.',
  lexiconTooManyDefects: (n: number): string => `به واژه‌نامه حداکثر ${toFa(n)} ایراد تازه می‌توان افزود؛ واژه‌های بیشتر را به ایرادهای موجود بیفزایید.`,
  unauthorized: 'ابتدا با نام کاربری و گذرواژه خود وارد شوید.',
  certificateInvalid: 'گواهی یا کلید آن خوانده نشد یا با هم نمی‌خوانند. فایل گواهی (PEM) و کلید خصوصی همان گواهی را بدهید.',
  certificateExpired: 'تاریخ اعتبار این گواهی گذشته است یا هنوز نرسیده است.',
  serverAddressMissing: `نشانی سرور دیدار را بنویسید (همان که روی صفحه سرور نوشته شده است، مانند ${isolate('192.168.1.10')}).`,
  serverAddressNotHttps: `سرور دیدار فقط با ${isolate('https')} پاسخ می‌دهد؛ نشانی را بدون ${isolate('http://')} یا با ${isolate('https://')} بنویسید.`,
  serverAddressInvalid: `این نشانی سرور درست نیست؛ نشانی یا نام رایانه سرور را، اگر لازم است با شماره درگاه، بنویسید (مانند ${isolate('192.168.1.10:8443')}).`,
  serverPortInvalid: 'شماره درگاه سرور باید عددی از ۱ تا ۶۵۵۳۵ باشد.',
  fingerprintInvalid: 'اثر انگشت گواهی ۶۴ نویسه از رقم و حروف A تا F است (جفت‌جفت با «:»)؛ آن را از صفحه سرور رونویسی کنید.',
  fingerprintMismatch: 'گواهی‌ای که این سرور نشان داد با اثر انگشت ثبت‌شده نمی‌خواند؛ وصل نشدیم. اگر گواهی سرور عوض شده، اثر انگشت تازه را از صفحه خود سرور بخوانید.',
  serverNotFound: 'سرور دیدار در این نشانی پاسخ نداد. روشن بودن رایانه سرور، اجرای دیدار در حالت سرور و اتصال شبکه را بررسی کنید.',
  serverUnreachable: 'ارتباط با سرور دیدار برقرار نشد و این کار انجام نشد. آنچه نوشته‌اید سر جایش است؛ وقتی ارتباط برگشت دوباره بزنید (دو بار ذخیره نمی‌شود).',
  serverLost: 'ارتباط با سرور قطع است؛ آنچه می‌نویسید نگه داشته می‌شود و با برگشت ارتباط، کار خودبه‌خود ادامه می‌یابد.',
  alreadyDone: 'این درخواست پیش‌تر ثبت شده است؛ فهرست را دوباره ببینید. چیزی دو بار ذخیره نشد.',
  forbidden: 'این کار در نقش شما مجاز نیست. اگر باید انجامش دهید، از مدیر سامانه بخواهید نقش لازم را به حساب شما بدهد.',
  signInFailed: 'نام کاربری یا گذرواژه درست نیست.',
  accountLocked: (minutes: number): string =>
    `پس از چند گذرواژه نادرست، ورود به این حساب تا ${toFa(minutes)} دقیقه دیگر بسته است. اگر گذرواژه را فراموش کرده‌اید از مدیر سامانه بخواهید آن را تازه کند.`,
  sourceLocked: (minutes: number): string =>
    `از این رایانه چندین بار با گذرواژه نادرست تلاش شده است؛ ورود از اینجا تا ${toFa(minutes)} دقیقه دیگر بسته است. اگر گذرواژه را فراموش کرده‌اید از مدیر سامانه بخواهید آن را تازه کند.`,
  sessionExpired: 'نشست شما به پایان رسیده است؛ دوباره وارد شوید. آنچه نوشته بودید نگه داشته شده است.',
  setupDone: 'مدیر سامانه پیش‌تر تعریف شده است؛ با حساب خود وارد شوید.',
  usernameInvalid: 'نام کاربری ۳ تا ۴۰ نویسه از حرف، رقم، نقطه، خط تیره یا زیرخط است.',
  usernameTaken: 'این نام کاربری پیش‌تر به حساب دیگری داده شده است.',
  passwordTooShort: (min: number): string => `گذرواژه دست‌کم ${toFa(min)} نویسه است (یک عبارت چندکلمه‌ای فارسی هم خوب است).`,
  passwordTooLong: (max: number): string => `گذرواژه حداکثر ${toFa(max)} نویسه است.`,
  passwordTooSimple: 'گذرواژه نباید از تکرار یک یا دو نویسه ساخته شود.',
  passwordWrong: 'گذرواژه کنونی درست نیست.',
  passwordSame: 'گذرواژه تازه باید با گذرواژه کنونی فرق داشته باشد.',
  mustChangePassword: 'مدیر سامانه گذرواژه شما را تازه کرده است؛ پیش از هر کاری گذرواژه‌ای تازه برگزینید.',
  rolesRequired: 'دست‌کم یک نقش برای حساب برگزینید.',
  accountNotFound: 'حساب پیدا نشد.',
  lastAdmin: 'دست‌کم یک حساب فعال با نقش مدیر سامانه لازم است.',
  dataLocked: (dir: string, pid: number, host: string, since: string): string =>
    `پوشه داده «${isolate(dir)}» در اختیار برنامه دیگری است (فرایند ${isolate(toFa(pid))} روی ${isolate(host)}${since ? `، از ${isolate(since)}` : ''}). آن را ببندید و دوباره تلاش کنید.`,
  dataLockedElsewhere: (dir: string, pid: number, host: string, since: string, here: boolean): string =>
    `پوشه داده «${isolate(dir)}» در اختیار برنامه دیگری است (فرایند ${isolate(toFa(pid))} روی ${here ? 'همین رایانه' : `رایانه ${isolate(host)}`}${since ? `، از ${isolate(since)}` : ''}). ${here ? 'آن فرایند دیگر به این پوشه سر نمی‌زند و شاید برنامه دیگری شماره آن را گرفته باشد.' : 'از این‌جا نمی‌توان دانست که دیدار آن رایانه هنوز باز است یا نه.'} اگر مطمئن هستید دیدار روی هیچ رایانه‌ای این پوشه را باز نکرده است، فرمان «${isolate(`didar unlock --data ${dir}`)}» را اجرا کنید: پیش از برداشتن قفل بررسی می‌کند که دیداری آن را در دست نداشته باشد.`,
  unlockRefused: (dir: string, pid: number, host: string): string =>
    `قفل پوشه «${isolate(dir)}» برداشته نشد: دیدار (فرایند ${isolate(toFa(pid))} روی ${isolate(host)}) هنوز از آن استفاده می‌کند و کمتر از یک دقیقه پیش به آن سر زده است. نخست آن را ببندید.`,
  corruptFile: (file: string): string =>
    `فایل داده «${isolate(file)}» خراب است و خوانده نشد. هیچ چیزی بازنویسی نشد. نسخه‌های پیشین این فایل در پوشه backups کنار داده‌ها هست؛ یکی را به جای آن بگذارید یا پشتیبان کامل را با «didar restore» بازگردانید و برنامه را دوباره باز کنید.`,
  storedRecord: (list: string, n: number, id?: string, code?: string): string =>
    `${STORED_LIST[list] ?? list} ${toFa(n)}${id || code ? ` (${[id ? `شناسه «${id}»` : '', code ? `کد رهگیری ${code}` : ''].filter(Boolean).join('، ')})` : ''}`,
  storedMeetingDay: (id: string): string => `روز ملاقات «${id}»`,
  storedInvalid: (file: string, where: string, field: string): string =>
    `فایل داده «${file}» با ساختار داده‌های دیدار نمی‌خواند${where ? `: ${where}` : ''}${field ? `، بخش «${field}»` : ''}. هیچ چیزی بازنویسی نشد. نسخه‌های پیشین این فایل در پوشه backups کنار داده‌ها هست؛ یکی را به جای آن بگذارید یا پشتیبان کامل را با «didar restore» بازگردانید و برنامه را دوباره باز کنید.`,
  storedDuplicate: (file: string, where: string, other: string): string =>
    `فایل داده «${file}»: ${where} همان شناسه‌ای را دارد که در «${other}» آمده است. هیچ چیزی بازنویسی نشد. یکی از دو فایل را با نسخه درست آن در پوشه backups جایگزین کنید یا پشتیبان کامل را با «didar restore» بازگردانید.`,
  storedWrongDay: (file: string, where: string): string =>
    `فایل داده «${file}»: ${where} از روز ملاقات دیگری است و در این فایل جا ندارد. هیچ چیزی بازنویسی نشد. فایل را با نسخه درست آن در پوشه backups جایگزین کنید یا پشتیبان کامل را با «didar restore» بازگردانید.`,
  importDuplicateRow: 'این شناسه در همین فایل پیش‌تر آمده است.',
  importCodeTaken: (code: string): string => `کد رهگیری ${code} از آن پرونده دیگری است.`,
  importCodeYear: 'سال کد رهگیری با تاریخ روز ملاقات پرونده نمی‌خواند.',
  importCodeTooHigh: 'شماره کد رهگیری بیش از حد بزرگ است و پذیرفته نشد.',
  backupUnreadable: (name: string): string => `فایل پشتیبان «${name}» خوانده نشد: فایل پشتیبان فشرده دیدار نیست یا خراب است. هیچ چیزی تغییر نکرد.`,
  backupRefused: (name: string, why: string): string => `فایل پشتیبان «${name}» بازگردانده نشد: ${why} هیچ چیزی تغییر نکرد.`,
  backupBadFile: (rel: string): string => `فایل «${rel}» در آن خراب است یا با ساختار داده‌های دیدار نمی‌خواند (جزئیات در پیام انگلیسی).`,
  backupNewerFile: (rel: string): string => `فایل «${rel}» در آن با نسخه جدیدتری از دیدار ساخته شده است؛ برنامه را به‌روز کنید.`,
  backupTooLarge: 'از اندازه‌ای که یک پشتیبان دیدار می‌تواند داشته باشد بزرگ‌تر است یا پس از باز شدن چنین می‌شود.',
  backupNotOurs: 'فایل پشتیبان دیدار نیست یا ساختار آن درست نیست.',
  backupEmpty: 'خالی است یا پوشه داده دیدار را در بر ندارد.',
  backupUnknownFile: (rel: string): string => `فایلی دارد که از فایل‌های داده دیدار نیست («${rel}»).`,
  restoreNeedsForce: (dir: string): string =>
    `پوشه «${dir}» داده دارد. برای جایگزینی، --force را بدهید (فایل‌های کنونی در پوشه backups نگه داشته می‌شود).`,
  restoreFewerCases: (inBackup: number, inFolder: number): string =>
    `پشتیبان ${toFa(inBackup)} پرونده دارد و پوشه کنونی ${toFa(inFolder)} پرونده؛ با بازگرداندن آن بیشتر پرونده‌ها کنار می‌روند. اگر مطمئن هستید، --force را دو بار بدهید (--force --force). هیچ چیزی تغییر نکرد.`,
  journalBroken: (file: string, line: number): string =>
    `فایل «${isolate(file)}»${line ? ` در سطر ${toFa(line)}` : ''} با دفتر رویدادها نمی‌خواند: سطری از آن تغییر کرده، جابه‌جا شده یا حذف شده است. هیچ چیزی بازنویسی نشد. پشتیبان کامل را با «didar restore» بازگردانید یا با پشتیبانی رایانه تماس بگیرید.`,
  checkpointBroken: (file: string): string =>
    `فایل «${isolate(file)}» (نقطه ثبت دفتر رویدادها) با دفتر رویدادها نمی‌خواند: تغییر کرده یا از پوشه دیگری آمده است، و بدون آن معلوم نیست کدام تغییرها هنوز در فایل‌های روزها نوشته نشده‌اند. هیچ چیزی بازنویسی نشد. نسخه پیشین آن را از پوشه backups برگردانید یا پشتیبان کامل را با «didar restore» بازگردانید.`,
  checkpointMissing: (file: string): string =>
    `فایل «${isolate(file)}» (نقطه ثبت دفتر رویدادها) در پوشه داده نیست؛ بدون آن معلوم نیست کدام تغییرها هنوز در فایل‌های روزها نوشته نشده‌اند. هیچ چیزی بازنویسی نشد. پشتیبان کامل را با «didar restore» بازگردانید یا آن فایل را از پوشه backups برگردانید.`,
  newerExport: 'این فایل خروجی با نسخه جدیدتری از دیدار ساخته شده است. برنامه را به‌روز کنید و دوباره وارد کنید.',
  newerSchema: (file: string): string =>
    `فایل «${isolate(file)}» با نسخه جدیدتری از دیدار ساخته شده است. برنامه را به‌روز کنید.`,
  writeFailed: (file: string): string =>
    `ذخیره در «${isolate(file)}» ممکن نشد. اطلاعات ذخیره نشد؛ فضای دیسک و دسترسی پوشه را بررسی کنید و دوباره ذخیره کنید.`,
  diskFull: (file: string): string =>
    `دیسک پر است و «${isolate(file)}» ذخیره نشد. اطلاعات ذخیره نشد؛ بخشی از فضای دیسک را آزاد کنید و دوباره ذخیره کنید.`,
  fileBusy: (file: string): string =>
    `برنامه دیگری (مانند ضدویروس یا نرم‌افزار پشتیبان‌گیری) «${isolate(file)}» را در دست دارد یا اجازه تغییر آن داده نشده و ذخیره نشد. اطلاعات ذخیره نشد؛ چند لحظه بعد دوباره ذخیره کنید و اگر تکرار شد، پوشه داده را از بررسی ضدویروس مستثنا کنید یا از پشتیبانی رایانه بخواهید اجازه نوشتن در پوشه داده و پوشه backups را بدهند.`,
  readFailed: (file: string): string =>
    `فایل داده «${isolate(file)}» خوانده نشد: اجازه خواندن آن داده نشده یا برنامه دیگری (مانند ضدویروس) آن را در دست دارد. هیچ چیزی تغییر نکرد؛ دیدار را ببندید، دسترسی پوشه داده را بررسی کنید و دوباره باز کنید.`,
  pdfFailed: 'ساختن فایل PDF ناتمام ماند و چیزی ثبت نشد. دوباره چاپ کنید؛ اگر تکرار شد، دیدار را ببندید و دوباره باز کنید.',
  pdfTooLarge: 'این سند برای ساختن PDF بیش از اندازه بزرگ است و چیزی ثبت نشد. با فیلتر، ردیف‌های کمتری انتخاب کنید و دوباره بسازید.',
  openFailed: (detail: string): string =>
    `دیدار نتوانست پوشه داده را باز کند (${isolate(detail)}). هیچ چیزی تغییر نکرد؛ دیدار را ببندید و دوباره باز کنید و اگر تکرار شد با پشتیبانی رایانه تماس بگیرید.`,
  dbUnavailable: (db: string, detail: string): string =>
    `پایگاه داده «${isolate(db)}» در دسترس نیست (${isolate(detail)}). اطلاعات ذخیره نشد؛ روشن بودن سرور پایگاه داده و شبکه را بررسی کنید و دوباره تلاش کنید.`,
  dbMissing: (db: string): string =>
    `پایگاه داده «${isolate(db)}» ساخته نشده است. آن را با «didar db-init» بسازید (راهنما: README) و دیدار را دوباره باز کنید.`,
  dbNotUtf8: (db: string, encoding: string): string =>
    `پایگاه داده «${isolate(db)}» با رمزگذاری ${isolate(encoding)} ساخته شده است؛ دیدار پایگاهی با رمزگذاری UTF8 می‌خواهد. پایگاه را با «didar db-init» از نو بسازید.`,
  dbNewerSchema: (db: string, version: number): string =>
    `پایگاه داده «${isolate(db)}» با نسخه جدیدتری از دیدار به‌روز شده است (طرح ${toFa(version)}). برنامه را به‌روز کنید.`,
  dbFull: (db: string): string =>
    `دیسک سرور پایگاه داده «${isolate(db)}» پر است. اطلاعات ذخیره نشد؛ از مدیر پایگاه داده بخواهید فضا آزاد کند و دوباره ذخیره کنید.`,
  dbReadOnly: (db: string): string =>
    `پایگاه داده «${isolate(db)}» فقط‌خواندنی است (سرور پشتیبان یا دسترسی محدود). اطلاعات ذخیره نشد؛ دیدار را به سرور اصلی پایگاه داده وصل کنید.`,
  migrateConflict: (db: string, what: string): string =>
    `پایگاه داده «${isolate(db)}» داده‌ای دارد که با این پوشه داده نمی‌خواند (${isolate(what)}). هیچ چیزی منتقل نشد؛ پوشه را به پایگاهی خالی منتقل کنید یا با پشتیبانی رایانه تماس بگیرید.`,
  dbRowInvalid: (db: string, table: string, record: string, field: string): string =>
    `در پایگاه داده «${isolate(db)}»، ردیف ${isolate(record)} از جدول «${isolate(table)}» با ساختار داده‌های دیدار نمی‌خواند${field ? `، بخش «${isolate(field)}»` : ''}. این ردیف بیرون از دیدار (مثلاً با psql) تغییر کرده است و خوانده نشد؛ چیزی ذخیره نشد. آن را از پشتیبان pg_dump بازگردانید یا با پشتیبانی رایانه تماس بگیرید.`,
  storeChoice: 'یا پوشه داده (--data) را بدهید یا پایگاه داده (--db) را، نه هر دو.',
  readOnly: (file: string): string =>
    `پوشه داده فقط‌خواندنی است یا اجازه نوشتن در آن داده نشده و «${isolate(file)}» ذخیره نشد. اطلاعات ذخیره نشد؛ از پشتیبانی رایانه بخواهید اجازه نوشتن در پوشه داده را بدهند (یا پوشه دیگری برای داده انتخاب کنید) و دوباره تلاش کنید.`,
} as const;

