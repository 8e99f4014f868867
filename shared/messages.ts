import { toPersianDigits as toFa } from './persian-text';

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
  mobileInvalid: 'شماره همراه نادرست است؛ مانند ۰۹۱۲۱۲۳۴۵۶۷.',
  issueEmpty: 'شرح درخواست خالی است.',
  issueTooLong: (max: number): string => `شرح درخواست حداکثر ${toFa(max)} نویسه است.`,
  dateInvalid: 'تاریخ شمسی نادرست است؛ مانند ۱۴۰۵/۰۹/۰۳.',
  deadlineInvalid: 'مهلت باید بین ۱ تا ۳۶۵ روز کاری باشد.',
  countyRequired: 'شهرستان را انتخاب کنید.',
  meetingDayNotFound: 'روز ملاقات پیدا نشد.',
  meetingDayExists: 'برای این تاریخ و مکان روز ملاقات باز شده است.',
  caseNotFound: 'پرونده پیدا نشد.',
  trackingCodeInvalid: 'کد رهگیری نامعتبر است',
  trackingCodeNotFound: 'پرونده‌ای با این کد رهگیری ثبت نشده است.',
  caseCancelled: 'این پرونده ابطال شده است.',
  alreadyCancelled: 'این پرونده پیش‌تر ابطال شده است.',
  cancelReasonRequired: 'دلیل ابطال را بنویسید.',
  queueEntryNotFound: 'نوبت پیدا نشد.',
  queueEmpty: 'کسی در نوبت انتظار نیست.',
  codesExhausted: 'ظرفیت کد رهگیری امسال تمام شده است.',
  illegalTransition: (from: string, to: string): string => `تغییر وضعیت از «${from}» به «${to}» مجاز نیست.`,
  noDeadline: 'این پرونده دستور و مهلت ندارد.',
  alreadyPaused: 'مهلت این پرونده هم‌اکنون متوقف است.',
  notPaused: 'مهلت این پرونده متوقف نیست.',
  duplicateOfInvalid: 'کد رهگیری پرونده اصلی را درست وارد کنید.',
  reasonRequired: 'دلیل را بنویسید.',
  lookupNotFound: 'پرونده‌ای با این مشخصات پیدا نشد. کد رهگیری و کد ملی (یا چهار رقم آخر همراه) را بررسی کنید.',
  lookupLimited: (minutes: number): string =>
    `برای این کد رهگیری چند بار پشت سر هم مشخصات نادرست وارد شد. برای حفظ اطلاعات شهروند، ${toFa(minutes)} دقیقه دیگر دوباره تلاش کنید.`,
  identityRequired: 'کد ملی یا چهار رقم آخر تلفن همراه را وارد کنید.',
  satisfactionNotYet: 'نظرسنجی پس از پاسخ یا مختومه شدن پرونده ثبت می‌شود.',
  nothingSelected: 'هیچ پرونده‌ای انتخاب نشده است.',
  circularNotFound: 'بخشنامه پیدا نشد.',
  circularNotDraft: 'فقط پیش‌نویس بخشنامه ویرایش می‌شود.',
  circularWrongStatus: (from: string, to: string): string => `بخشنامه «${from}» را نمی‌توان «${to}» کرد.`,
  circularNeedsCases: 'بخشنامه باید دست‌کم بر دو درخواست تکیه کند.',
  mergeNeedsGroups: 'برای ادغام دست‌کم دو گروه را انتخاب کنید.',
  duplicateCases: 'یک پرونده دو بار آمده است.',
  unauthorized: 'دسترسی مجاز نیست: نشانی برنامه را دوباره باز کنید.',
  dataLocked: (dir: string, pid: number, host: string, since: string): string =>
    `پوشه داده «${dir}» در اختیار برنامه دیگری است (فرایند ${toFa(pid)} روی ${host}${since ? `، از ${since}` : ''}). آن را ببندید و دوباره تلاش کنید.`,
  dataLockedElsewhere: (dir: string, pid: number, host: string, since: string, here: boolean): string =>
    `پوشه داده «${dir}» در اختیار برنامه دیگری است (فرایند ${toFa(pid)} روی ${here ? 'همین رایانه' : `رایانه ${host}`}${since ? `، از ${since}` : ''}). ${here ? 'آن فرایند دیگر به این پوشه سر نمی‌زند و شاید برنامه دیگری شماره آن را گرفته باشد.' : 'از این‌جا نمی‌توان دانست که دیدار آن رایانه هنوز باز است یا نه.'} اگر مطمئن هستید دیدار روی هیچ رایانه‌ای این پوشه را باز نکرده است، فرمان «didar unlock --data ${dir}» را اجرا کنید: پیش از برداشتن قفل بررسی می‌کند که دیداری آن را در دست نداشته باشد.`,
  unlockRefused: (dir: string, pid: number, host: string): string =>
    `قفل پوشه «${dir}» برداشته نشد: دیدار (فرایند ${toFa(pid)} روی ${host}) هنوز از آن استفاده می‌کند و کمتر از یک دقیقه پیش به آن سر زده است. نخست آن را ببندید.`,
  corruptFile: (file: string): string =>
    `فایل داده «${file}» خراب است و خوانده نشد. هیچ چیزی بازنویسی نشد. نسخه‌های پیشین این فایل در پوشه backups کنار داده‌ها هست؛ یکی را به جای آن بگذارید یا پشتیبان کامل را با «didar restore» بازگردانید و برنامه را دوباره باز کنید.`,
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
  newerExport: 'این فایل خروجی با نسخه جدیدتری از دیدار ساخته شده است. برنامه را به‌روز کنید و دوباره وارد کنید.',
  newerSchema: (file: string): string =>
    `فایل «${file}» با نسخه جدیدتری از دیدار ساخته شده است. برنامه را به‌روز کنید.`,
  writeFailed: (file: string): string =>
    `ذخیره در «${file}» ممکن نشد. اطلاعات ذخیره نشد؛ فضای دیسک و دسترسی پوشه را بررسی کنید و دوباره ذخیره کنید.`,
  diskFull: (file: string): string =>
    `دیسک پر است و «${file}» ذخیره نشد. اطلاعات ذخیره نشد؛ بخشی از فضای دیسک را آزاد کنید و دوباره ذخیره کنید.`,
  fileBusy: (file: string): string =>
    `برنامه دیگری (مانند ضدویروس یا نرم‌افزار پشتیبان‌گیری) «${file}» را در دست دارد یا اجازه تغییر آن داده نشده و ذخیره نشد. اطلاعات ذخیره نشد؛ چند لحظه بعد دوباره ذخیره کنید و اگر تکرار شد، پوشه داده را از بررسی ضدویروس مستثنا کنید یا از پشتیبانی رایانه بخواهید اجازه نوشتن در پوشه داده و پوشه backups را بدهند.`,
  readFailed: (file: string): string =>
    `فایل داده «${file}» خوانده نشد: اجازه خواندن آن داده نشده یا برنامه دیگری (مانند ضدویروس) آن را در دست دارد. هیچ چیزی تغییر نکرد؛ دیدار را ببندید، دسترسی پوشه داده را بررسی کنید و دوباره باز کنید.`,
  openFailed: (detail: string): string =>
    `دیدار نتوانست پوشه داده را باز کند (${detail}). هیچ چیزی تغییر نکرد؛ دیدار را ببندید و دوباره باز کنید و اگر تکرار شد با پشتیبانی رایانه تماس بگیرید.`,
  readOnly: (file: string): string =>
    `پوشه داده فقط‌خواندنی است یا اجازه نوشتن در آن داده نشده و «${file}» ذخیره نشد. اطلاعات ذخیره نشد؛ از پشتیبانی رایانه بخواهید اجازه نوشتن در پوشه داده را بدهند (یا پوشه دیگری برای داده انتخاب کنید) و دوباره تلاش کنید.`,
} as const;

