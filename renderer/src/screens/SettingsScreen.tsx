import type { LexiconEntry } from '../../../shared/grouping/problem-lexicon';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useApp } from '../app-context';
import { useCall } from '../hooks/useCall';
import { CallStatus } from '../components/CallStatus';
import { SLIP_LAYOUTS, type Settings, type SlipLayout } from '../../../shared/settings';
import { ApiFailure, call } from '../api';
import { Field } from '../components/Field';
import { ThisComputer } from '../components/ThisComputer';
import { LexiconEditor } from '../components/LexiconEditor';
import { fa, faInstant, lines, toNumber } from '../format';
import { FilePick } from '../components/FilePick';

const T = {
  title: 'تنظیمات',
  office: 'دفتر',
  officeName: 'نام دستگاه (سربرگ رسید)',
  officeUnit: 'واحد',
  phone: 'تلفن پیگیری',
  address: 'نشانی پیگیری',
  logo: 'نشان (PNG یا JPEG)',
  chooseLogo: 'انتخاب فایل نشان…',
  removeLogo: 'حذف نشان',
  signerName: 'نام امضاکننده نامه‌ها',
  signerTitle: 'سمت امضاکننده',
  escalation: 'تأخیر قابل گزارش به دفتر استاندار (روز کاری)',
  slip: 'رسید',
  layout: 'قالب رسید',
  layouts: { a5: 'A5 (چاپگر معمولی)', receipt80: 'چاپگر رسید ۸۰ میلی‌متری' } as Record<SlipLayout, string>,
  calendar: 'روزهای کاری',
  thursdayOff: 'پنجشنبه تعطیل است',
  noticeOnRecord: 'پیامک کد رهگیری هنگام ثبت پرونده',
  defaultDeadline: 'مهلت پیش‌فرض (روز کاری)',
  holidays: 'تعطیلات رسمی (هر سطر: تاریخ و مناسبت)',
  circulars: 'بخشنامه‌ها، مشکلات تکراری و گزارش‌ها',
  circularBody: 'الگوی متن بخشنامه — {problem} موضوع، {count} تعداد، {counties} شهرستان‌ها، {period} بازه، {days} مهلت',
  circularInstruction: 'الگوی دستور بخشنامه',
  circularDays: 'مهلت اجرای بخشنامه (روز کاری)',
  recurringMinCases: 'گروه تکراری: کمترین تعداد درخواست',
  recurringMinCounties: 'یا کمترین تعداد شهرستان',
  recurringMinDays: 'یا کمترین تعداد روز ملاقات',
  reportMinCases: 'کارنامه: کمترین پرونده برای رتبه گرفتن دستگاه',
  populations: 'جمعیت شهرستان‌ها (هر سطر: نام شهرستان و جمعیت)',
  populationSource: 'منبع جمعیت',
  populationLine: (l: string) => `در سطر «${l}» عدد جمعیت نیامده است.`,
  lists: 'فهرست‌ها (هر سطر یک مورد)',
  counties: 'شهرستان‌ها',
  departments: 'دستگاه‌های اجرایی',
  categories: 'موضوع‌ها',
  phrases: 'عبارت‌های آماده دستور',
  backup: 'پشتیبان',
  lastBackup: 'آخرین نسخه پشتیبان خودکار',
  noBackup: 'هنوز ساخته نشده است',
  versions: (n: number) => `${fa(n)} نسخه نگه داشته شده`,
  dataDir: 'پوشه داده',
  backupHelp: 'پیش از هر ذخیره، نسخه قبلی هر فایل در پوشه backups نگه داشته می‌شود. برای پشتیبان کامل روی دیسک دیگر:',
  backupCommand: 'didar backup --data پوشه --out فایل',
  notSaved: 'تنظیمات ذخیره نشد: خطای مشخص‌شده در فرم را درست کنید و دوباره ذخیره کنید.',
  save: 'ذخیره تنظیمات',
  saved: 'تنظیمات ذخیره شد.',
  logoTooBig: 'حجم نشان باید کمتر از ۲۰۰ کیلوبایت باشد.',
  unsaved: 'تغییرات تنظیمات هنوز ذخیره نشده است. بدون ذخیره از این صفحه خارج می‌شوید؟',
};

/** The population at the end of a line, in any digits, with thousands separators. */
const POPULATION_AT_END = /[\d۰-۹٠-٩][\d۰-۹٠-٩,٬]*$/;

const holidayLines = (s: string) => lines(s).map((l) => {
  const [date = '', ...title] = l.split(/\s+/);
  return { date, title: title.join(' ') };
});

type Props = { settings: Settings; onSaved: (s: Settings) => void };

export function SettingsScreen({ settings, onSaved }: Props) {
  const [s, setS] = useState(settings);
  const [counties, setCounties] = useState(settings.counties.join('\n'));
  const [departments, setDepartments] = useState(settings.departments.join('\n'));
  const [categories, setCategories] = useState(settings.categories.join('\n'));
  const [phrases, setPhrases] = useState(settings.quickPhrases.join('\n'));
  const [holidays, setHolidays] = useState(settings.holidays.map((h) => `${fa(h.date)} ${h.title}`).join('\n'));
  const [deadline, setDeadline] = useState(fa(settings.defaultDeadlineDays));
  const [escalation, setEscalation] = useState(fa(settings.escalationDays));
  const [populations, setPopulations] = useState(Object.entries(settings.countyPopulations).map(([c, n]) => `${c} ${fa(n)}`).join('\n'));
  const [numbers, setNumbers] = useState({
    circularComplianceDays: fa(settings.circularComplianceDays), recurringMinCases: fa(settings.recurringMinCases),
    recurringMinCounties: fa(settings.recurringMinCounties), recurringMinDays: fa(settings.recurringMinDays),
    reportMinCases: fa(settings.reportMinCases),
  });
  const numberField = (k: keyof typeof numbers, label: string) => (
    <Field label={label} htmlFor={`s-${k}`} error={firstError(k)}>
      <input id={`s-${k}`} value={numbers[k]} onChange={(e) => setNumbers((n) => ({ ...n, [k]: e.target.value }))} inputMode="numeric" dir="ltr" />
    </Field>
  );
  const [lexicon, setLexicon] = useState<LexiconEntry[]>(() => settings.problemLexicon.map((e) => ({ ...e, words: [...e.words] })));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const form = useRef<HTMLFormElement>(null);
  // A refusal is shown at its field, often a screen above the save button: that is where the clerk is taken.
  useEffect(() => {
    if (Object.keys(errors).length > 0) form.current?.querySelector('.field-error')?.scrollIntoView({ block: 'center' });
  }, [errors]);
  const [done, setDone] = useState(false);
  const [saves, setSaves] = useState(0);
  const backupState = useCall('backup/status', {}, saves);
  const backup = backupState.value;
  // What the form holds, to tell whether anything is unsaved.
  const snapshot = JSON.stringify([s, counties, departments, categories, phrases, holidays, deadline, escalation, populations, numbers]);
  const [savedSnapshot, setSavedSnapshot] = useState(snapshot);
  const dirty = snapshot !== savedSnapshot;
  const { setLeaveQuestion } = useApp();
  useEffect(() => {
    setLeaveQuestion(dirty ? T.unsaved : null);
    return () => setLeaveQuestion(null);
  }, [dirty, setLeaveQuestion]);

  const set = <K extends keyof Settings>(k: K, v: Settings[K]): void => setS((x) => ({ ...x, [k]: v }));

  const pickLogo = (file: File | undefined): void => {
    if (!file) return;
    if (file.size > 200_000) return setErrors({ logoDataUrl: T.logoTooBig });
    const r = new FileReader();
    r.onload = () => set('logoDataUrl', String(r.result));
    r.readAsDataURL(file);
  };

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setDone(false);
    const unnumbered = lines(populations).find((l) => l.search(POPULATION_AT_END) < 0);
    if (unnumbered) return setErrors({ countyPopulations: T.populationLine(unnumbered) });
    try {
      const next = await call('settings/update', {
        officeName: s.officeName, officeUnit: s.officeUnit, followUpPhone: s.followUpPhone, followUpAddress: s.followUpAddress,
        logoDataUrl: s.logoDataUrl, slipLayout: s.slipLayout, thursdayOff: s.thursdayOff, noticeOnRecord: s.noticeOnRecord,
        defaultDeadlineDays: toNumber(deadline),
        escalationDays: toNumber(escalation),
        signerName: s.signerName, signerTitle: s.signerTitle,
        counties: lines(counties), departments: lines(departments), categories: lines(categories), quickPhrases: lines(phrases),
        holidays: holidayLines(holidays),
        circularBody: s.circularBody, circularInstruction: s.circularInstruction,
        circularComplianceDays: toNumber(numbers.circularComplianceDays),
        recurringMinCases: toNumber(numbers.recurringMinCases),
        recurringMinCounties: toNumber(numbers.recurringMinCounties),
        recurringMinDays: toNumber(numbers.recurringMinDays),
        problemLexicon: lexicon,
        reportMinCases: toNumber(numbers.reportMinCases),
        countyPopulations: Object.fromEntries(lines(populations).map((l) => {
          const at = l.search(POPULATION_AT_END);
          return [l.slice(0, at).trim(), toNumber(l.slice(at))];
        })),
        countyPopulationSource: s.countyPopulationSource,
      });
      setErrors({});
      setDone(true);
      setSaves((n) => n + 1);
      setSavedSnapshot(snapshot);
      onSaved(next);
    } catch (err) {
      if (err instanceof ApiFailure) setErrors(err.error.fields ?? { _: err.message });
    }
  };

  const firstRefusal = (prefix: string): { path: string; message: string } | undefined => {
    const found = Object.entries(errors).find(([k]) => k === prefix || k.startsWith(`${prefix}.`));
    return found && { path: found[0].slice(prefix.length + 1), message: found[1] };
  };
  const firstError = (prefix: string): string | undefined => firstRefusal(prefix)?.message;

  return (
    <>
    <form ref={form} className="card settings" onSubmit={submit} aria-labelledby="settings-title">
      <h2 id="settings-title">{T.title}</h2>
      <fieldset>
        <legend>{T.office}</legend>
        <div className="form-grid">
          <Field label={T.officeName} htmlFor="s-office" error={firstError('officeName')}>
            <input id="s-office" value={s.officeName} onChange={(e) => set('officeName', e.target.value)} />
          </Field>
          <Field label={T.officeUnit} htmlFor="s-unit" error={firstError('officeUnit')}>
            <input id="s-unit" value={s.officeUnit} onChange={(e) => set('officeUnit', e.target.value)} />
          </Field>
          <Field label={T.phone} htmlFor="s-phone" error={firstError('followUpPhone')}>
            <input id="s-phone" value={s.followUpPhone} onChange={(e) => set('followUpPhone', e.target.value)} dir="ltr" />
          </Field>
          <Field label={T.address} htmlFor="s-address" error={firstError('followUpAddress')} wide>
            <input id="s-address" value={s.followUpAddress} onChange={(e) => set('followUpAddress', e.target.value)} />
          </Field>
          <Field label={T.signerName} htmlFor="s-signer" error={firstError('signerName')}>
            <input id="s-signer" value={s.signerName} onChange={(e) => set('signerName', e.target.value)} />
          </Field>
          <Field label={T.signerTitle} htmlFor="s-signer-title" error={firstError('signerTitle')}>
            <input id="s-signer-title" value={s.signerTitle} onChange={(e) => set('signerTitle', e.target.value)} />
          </Field>
          <Field label={T.logo} htmlFor="s-logo" error={firstError('logoDataUrl')}>
            <div className="logo-row">
              {s.logoDataUrl && <img src={s.logoDataUrl} alt="" className="logo-preview" />}
              <FilePick id="s-logo" label={T.chooseLogo} accept="image/png,image/jpeg" onPick={pickLogo} />
              {s.logoDataUrl && <button type="button" className="small ghost" onClick={() => set('logoDataUrl', '')}>{T.removeLogo}</button>}
            </div>
          </Field>
        </div>
      </fieldset>
      <fieldset>
        <legend>{T.slip} و {T.calendar}</legend>
        <div className="form-grid">
          <Field label={T.layout} htmlFor="s-layout">
            <select id="s-layout" value={s.slipLayout} onChange={(e) => set('slipLayout', e.target.value as SlipLayout)}>
              {SLIP_LAYOUTS.map((l) => <option key={l} value={l}>{T.layouts[l]}</option>)}
            </select>
          </Field>
          <Field label={T.defaultDeadline} htmlFor="s-deadline" error={firstError('defaultDeadlineDays')}>
            <input id="s-deadline" value={deadline} onChange={(e) => setDeadline(e.target.value)} inputMode="numeric" dir="ltr" />
          </Field>
          <Field label={T.escalation} htmlFor="s-escalation" error={firstError('escalationDays')}>
            <input id="s-escalation" value={escalation} onChange={(e) => setEscalation(e.target.value)} inputMode="numeric" dir="ltr" />
          </Field>
          <div className="field checkbox">
            <label><input type="checkbox" checked={s.thursdayOff} onChange={(e) => set('thursdayOff', e.target.checked)} /> {T.thursdayOff}</label>
          </div>
          <div className="field checkbox">
            <label><input type="checkbox" checked={s.noticeOnRecord} onChange={(e) => set('noticeOnRecord', e.target.checked)} /> {T.noticeOnRecord}</label>
          </div>
        </div>
        <Field label={T.holidays} htmlFor="s-holidays" error={firstError('holidays')} wide>
          <textarea id="s-holidays" rows={6} value={holidays} onChange={(e) => setHolidays(e.target.value)} />
        </Field>
      </fieldset>
      <fieldset>
        <legend>{T.circulars}</legend>
        <Field label={T.circularBody} htmlFor="s-circular-body" error={firstError('circularBody')} wide>
          <textarea id="s-circular-body" rows={4} value={s.circularBody} onChange={(e) => set('circularBody', e.target.value)} />
        </Field>
        <Field label={T.circularInstruction} htmlFor="s-circular-instruction" error={firstError('circularInstruction')} wide>
          <textarea id="s-circular-instruction" rows={3} value={s.circularInstruction} onChange={(e) => set('circularInstruction', e.target.value)} />
        </Field>
        <div className="form-grid">
          {numberField('circularComplianceDays', T.circularDays)}
          {numberField('recurringMinCases', T.recurringMinCases)}
          {numberField('recurringMinCounties', T.recurringMinCounties)}
          {numberField('recurringMinDays', T.recurringMinDays)}
          {numberField('reportMinCases', T.reportMinCases)}
        </div>
        <Field label={T.populations} htmlFor="s-populations" error={firstError('countyPopulations')} wide>
          <textarea id="s-populations" rows={6} value={populations} onChange={(e) => setPopulations(e.target.value)} />
        </Field>
        <Field label={T.populationSource} htmlFor="s-population-source" error={firstError('countyPopulationSource')} wide>
          <input id="s-population-source" value={s.countyPopulationSource} onChange={(e) => set('countyPopulationSource', e.target.value)} />
        </Field>
      </fieldset>
      <LexiconEditor value={settings.problemLexicon} onChange={setLexicon} error={firstRefusal('problemLexicon')} />
      <fieldset>
        <legend>{T.lists}</legend>
        <div className="form-grid lists">
          <Field label={T.counties} htmlFor="s-counties" error={firstError('counties')}>
            <textarea id="s-counties" rows={8} value={counties} onChange={(e) => setCounties(e.target.value)} />
          </Field>
          <Field label={T.departments} htmlFor="s-departments" error={firstError('departments')}>
            <textarea id="s-departments" rows={8} value={departments} onChange={(e) => setDepartments(e.target.value)} />
          </Field>
          <Field label={T.categories} htmlFor="s-categories" error={firstError('categories')}>
            <textarea id="s-categories" rows={8} value={categories} onChange={(e) => setCategories(e.target.value)} />
          </Field>
          <Field label={T.phrases} htmlFor="s-phrases" error={firstError('quickPhrases')}>
            <textarea id="s-phrases" rows={8} value={phrases} onChange={(e) => setPhrases(e.target.value)} />
          </Field>
        </div>
      </fieldset>
      <CallStatus state={backupState} />
      {backup && (
        <fieldset>
          <legend>{T.backup}</legend>
          <p data-testid="last-backup">{T.lastBackup}: <b>{backup.lastAt ? faInstant(backup.lastAt) : T.noBackup}</b> ({T.versions(backup.versions)})</p>
          <p className="muted">{T.dataDir}: <bdi dir="ltr">{backup.dataDir}</bdi></p>
          <p className="muted small-text">{T.backupHelp} <bdi dir="ltr" data-testid="backup-command">{T.backupCommand}</bdi></p>
        </fieldset>
      )}
      {errors._ && <div className="alert error" role="alert">{errors._}</div>}
      {!errors._ && Object.keys(errors).length > 0 && <div className="alert error" data-testid="settings-not-saved">{T.notSaved}</div>}
      <div className="actions">
        <button type="submit" className="primary">{T.save}</button>
        {done && <span className="ok" role="status">{T.saved}</span>}
      </div>
    </form>
    <ThisComputer />
    </>
  );
}
