import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { ISSUE_MAX, ORDER_TYPES, type Case, type CaseBrief, type MeetingDay, type OrderType, type QueueEntry } from '../../../shared/domain';
import { ORDER_TYPE_LABEL } from '../../../shared/labels';
import { normalizeMobile } from '../../../shared/mobile';
import { isValidNationalId, normalizeNationalId } from '../../../shared/national-id';
import type { Settings } from '../../../shared/settings';
import { ApiFailure, call } from '../api';
import { fa, faDateLong, toNumber } from '../format';
import { CitizenHistory } from './CitizenHistory';
import { Field } from './Field';
import { IntakeSuggestions } from './IntakeSuggestions';

const T = {
  title: 'پذیرش مراجع',
  fromQueue: 'نوبت',
  citizen: 'مشخصات مراجع',
  nationalId: 'کد ملی',
  nationalIdOk: 'کد ملی درست است',
  nationalIdBad: 'کد ملی نادرست است (رقم کنترل)',
  firstName: 'نام',
  lastName: 'نام خانوادگی',
  mobile: 'تلفن همراه',
  county: 'شهرستان',
  locality: 'شهر یا روستا',
  address: 'نشانی (اختیاری)',
  issue: 'درخواست',
  text: 'شرح درخواست',
  category: 'موضوع',
  none: '—',
  order: 'دستور استاندار',
  orderType: 'نوع دستور',
  lead: 'دستگاه مسئول',
  others: 'دستگاه‌های همکار',
  addOther: 'افزودن دستگاه همکار',
  deadline: 'مهلت (روز کاری)',
  due: 'تاریخ پاسخ',
  orderText: 'متن دستور',
  phrases: 'عبارت‌های آماده',
  attachments: 'پیوست‌ها (فقط نام)',
  attachmentName: 'نام مدرک',
  addAttachment: 'افزودن',
  chooseFiles: 'انتخاب فایل…',
  remove: 'حذف',
  save: 'ثبت و صدور کد رهگیری',
  saving: 'در حال ثبت…',
  clear: 'فرم تازه',
  keys: 'میان‌برها: Enter یا Ctrl+Enter ثبت · F2 فراخوان نوبت بعد · Alt+N فرم تازه · Alt+P چاپ رسید',
  saved: 'ثبت شد. کد رهگیری:',
  print: 'چاپ رسید',
  next: 'مراجع بعد',
  chars: 'نویسه',
  sameDept: 'این شهروند پرونده باز دیگری نزد همین دستگاه دارد:',
};

type Props = {
  day: MeetingDay;
  settings: Settings;
  fromQueue: QueueEntry | null;
  onSaved: (c: Case) => void;
  onPrint: (c: Case) => void;
};

type FormState = {
  nationalId: string; firstName: string; lastName: string; mobile: string; county: string; locality: string; address: string;
  text: string; category: string;
  orderType: OrderType; lead: string; others: string[]; deadlineDays: string; orderText: string;
  attachments: string[];
};

/** The input of each API field, to put the cursor on the first problem. */
const INPUT_OF: Record<string, string> = {
  'citizen.nationalId': 'nid', 'citizen.firstName': 'first', 'citizen.lastName': 'last', 'citizen.mobile': 'mobile',
  'citizen.county': 'county', 'citizen.locality': 'locality', text: 'text', category: 'category', 'order.type': 'otype',
  'order.leadDepartment': 'lead', 'order.deadlineDays': 'deadline', 'order.text': 'otext',
};

/** Where the API reports a problem with each form field. */
const ERROR_PATH: Record<keyof FormState, string> = {
  nationalId: 'citizen.nationalId', firstName: 'citizen.firstName', lastName: 'citizen.lastName', mobile: 'citizen.mobile',
  county: 'citizen.county', locality: 'citizen.locality', address: 'citizen.address', text: 'text', category: 'category',
  orderType: 'order.type', lead: 'order.leadDepartment', others: 'order.otherDepartments', deadlineDays: 'order.deadlineDays',
  orderText: 'order.text', attachments: 'attachments',
};

const empty = (s: Settings): FormState => ({
  nationalId: '', firstName: '', lastName: '', mobile: '', county: '', locality: '', address: '',
  text: '', category: '',
  orderType: 'investigate', lead: '', others: [], deadlineDays: fa(s.defaultDeadlineDays), orderText: '',
  attachments: [],
});

/** A citizen called from the queue: a fresh form with what the queue knows. */
function fromQueueEntry(s: Settings, q: QueueEntry): FormState {
  const [first, ...rest] = q.name.split(' ');
  return { ...empty(s), nationalId: q.nationalId, firstName: first ?? '', lastName: rest.join(' ') };
}

export function IntakeForm({ day, settings, fromQueue, onSaved, onPrint }: Props) {
  const [queueEntry, setQueueEntry] = useState(fromQueue);
  const [f, setF] = useState<FormState>(() => (fromQueue ? fromQueueEntry(settings, fromQueue) : empty(settings)));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<Case | null>(null);
  const [lookup, setLookup] = useState<{ nid: string; cases: CaseBrief[] }>({ nid: '', cases: [] });
  const [dueFor, setDueFor] = useState<{ days: number; due: string }>({ days: 0, due: '' });
  const [attachment, setAttachment] = useState('');
  const [other, setOther] = useState('');
  const firstInput = useRef<HTMLInputElement>(null);
  const printButton = useRef<HTMLButtonElement>(null);

  const set = <K extends keyof FormState>(k: K, v: FormState[K]): void => {
    setF((s) => ({ ...s, [k]: v }));
    // an edited field's old message no longer applies
    setErrors((e) => (ERROR_PATH[k] in e ? Object.fromEntries(Object.entries(e).filter(([p]) => p !== ERROR_PATH[k])) : e));
  };

  const nid = normalizeNationalId(f.nationalId);
  const nidState = nid.length < 10 ? 'typing' : isValidNationalId(nid) ? 'ok' : 'bad';

  // Earlier cases of this citizen, and their details to save retyping.
  useEffect(() => {
    if (nidState !== 'ok') return;
    let live = true;
    void call('citizen/lookup', { nationalId: nid }).then((r) => {
      if (!live) return;
      setLookup({ nid, cases: r.cases });
      const c = r.citizen;
      if (c) {
        setF((s) => ({
          ...s,
          firstName: s.firstName || c.firstName, lastName: s.lastName || c.lastName, mobile: s.mobile || c.mobile,
          county: s.county || c.county, locality: s.locality || c.locality, address: s.address || c.address,
        }));
      }
    });
    return () => { live = false; };
  }, [nid, nidState]);

  const history = nidState === 'ok' && lookup.nid === nid ? lookup.cases : [];

  const days = toNumber(f.deadlineDays);
  const daysOk = Number.isInteger(days) && days >= 1 && days <= 365;
  useEffect(() => {
    if (!daysOk) return;
    let live = true;
    void call('order/dueDate', { from: day.date, days }).then((r) => live && setDueFor({ days, due: r.dueDate }));
    return () => { live = false; };
  }, [day.date, days, daysOk]);
  const due = daysOk && dueFor.days === days ? dueFor.due : '';

  const sameDepartment = f.lead ? history.filter((h) => h.open && h.departments.includes(f.lead)) : [];

  const reset = (): void => {
    setF(empty(settings));
    setErrors({});
    setSaved(null);
    setQueueEntry(null);
    firstInput.current?.focus();
  };

  const submit = async (e?: FormEvent): Promise<void> => {
    e?.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors({});
    try {
      const c = await call('case/record', {
        meetingDayId: day.id,
        citizen: {
          nationalId: f.nationalId, firstName: f.firstName, lastName: f.lastName, mobile: f.mobile,
          county: f.county, locality: f.locality, address: f.address,
        },
        text: f.text,
        category: f.category,
        departments: [],
        order: { type: f.orderType, leadDepartment: f.lead, otherDepartments: f.others, deadlineDays: days, text: f.orderText },
        attachments: f.attachments,
        ...(queueEntry ? { queueNumber: queueEntry.number } : {}),
      });
      setSaved(c);
      setQueueEntry(null);
      onSaved(c);
      setTimeout(() => printButton.current?.focus(), 0);
    } catch (err) {
      if (err instanceof ApiFailure) {
        const fields = err.error.fields ?? { _: err.message };
        setErrors(fields);
        const first = Object.keys(fields).map((k) => INPUT_OF[k]).find(Boolean);
        if (first) document.getElementById(first)?.focus();
      } else setErrors({ _: String(err) });
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>): void => {
    if (e.key === 'Enter' && e.ctrlKey) {
      e.preventDefault();
      void submit();
    } else if (e.altKey && (e.key === 'n' || e.key === 'N' || e.code === 'KeyN')) {
      e.preventDefault();
      reset();
    } else if (e.altKey && e.code === 'KeyP' && saved) {
      e.preventDefault();
      onPrint(saved);
    }
  };

  const addTo = (k: 'others' | 'attachments', value: string, clear: () => void): void => {
    const v = value.trim();
    if (v && !f[k].includes(v)) set(k, [...f[k], v]);
    clear();
  };

  const mobilePreview = f.mobile ? normalizeMobile(f.mobile) : null;
  const err = (k: string): string | undefined => errors[k];

  return (
    <form className="card intake" onSubmit={submit} onKeyDown={onKeyDown} aria-labelledby="intake-title" noValidate>
      <div className="card-head">
        <h2 id="intake-title">{T.title}{queueEntry && <span className="badge">{T.fromQueue} {fa(queueEntry.number)}</span>}</h2>
        <button type="button" className="ghost" onClick={reset}>{T.clear} <kbd>Alt+N</kbd></button>
      </div>

      {saved && (
        <div className="saved-banner" role="status" data-testid="saved-banner">
          <span>{T.saved}</span>
          <strong className="code" dir="ltr" data-testid="saved-code">{fa(saved.code)}</strong>
          <button type="button" className="primary" ref={printButton} onClick={() => onPrint(saved)}>{T.print} <kbd>Alt+P</kbd></button>
          <button type="button" onClick={reset}>{T.next}</button>
        </div>
      )}

      <fieldset>
        <legend>{T.citizen}</legend>
        <div className="form-grid">
          <Field label={T.nationalId} htmlFor="nid" error={err('citizen.nationalId') ?? (nidState === 'bad' ? T.nationalIdBad : undefined)}
            hint={nidState === 'ok' ? <span className="ok">✓ {T.nationalIdOk}</span> : undefined}>
            <input id="nid" ref={firstInput} value={f.nationalId} onChange={(e) => set('nationalId', e.target.value)} inputMode="numeric"
              dir="ltr" maxLength={20} autoComplete="off" autoFocus aria-invalid={nidState === 'bad'} />
          </Field>
          <Field label={T.firstName} htmlFor="first" error={err('citizen.firstName')}>
            <input id="first" value={f.firstName} onChange={(e) => set('firstName', e.target.value)} autoComplete="off" />
          </Field>
          <Field label={T.lastName} htmlFor="last" error={err('citizen.lastName')}>
            <input id="last" value={f.lastName} onChange={(e) => set('lastName', e.target.value)} autoComplete="off" />
          </Field>
          <Field label={T.mobile} htmlFor="mobile" error={err('citizen.mobile')} hint={mobilePreview ? <span dir="ltr">{fa(mobilePreview)}</span> : undefined}>
            <input id="mobile" value={f.mobile} onChange={(e) => set('mobile', e.target.value)} inputMode="tel" dir="ltr" autoComplete="off" />
          </Field>
          <Field label={T.county} htmlFor="county" error={err('citizen.county')}>
            <select id="county" value={f.county} onChange={(e) => set('county', e.target.value)}>
              <option value="">{T.none}</option>
              {settings.counties.map((c) => <option key={c}>{c}</option>)}
            </select>
          </Field>
          <Field label={T.locality} htmlFor="locality" error={err('citizen.locality')}>
            <input id="locality" value={f.locality} onChange={(e) => set('locality', e.target.value)} autoComplete="off" />
          </Field>
        </div>
        <CitizenHistory cases={history} />
      </fieldset>

      <fieldset>
        <legend>{T.issue}</legend>
        <Field label={T.text} htmlFor="text" error={err('text')} wide
          hint={<span className={f.text.length > ISSUE_MAX ? 'over' : ''}>{fa(f.text.length)} / {fa(ISSUE_MAX)} {T.chars}</span>}>
          <textarea id="text" rows={4} value={f.text} onChange={(e) => set('text', e.target.value)} />
        </Field>
        <IntakeSuggestions text={f.text} department={f.lead} category={f.category} onDepartment={(d) => set('lead', d)} onCategory={(c) => set('category', c)} />
        <div className="form-grid">
          <Field label={T.category} htmlFor="category" error={err('category')}>
            <select id="category" value={f.category} onChange={(e) => set('category', e.target.value)}>
              <option value="">{T.none}</option>
              {settings.categories.map((c) => <option key={c}>{c}</option>)}
            </select>
          </Field>
        </div>
      </fieldset>

      <fieldset>
        <legend>{T.order}</legend>
        <div className="form-grid">
          <Field label={T.orderType} htmlFor="otype">
            <select id="otype" value={f.orderType} onChange={(e) => set('orderType', e.target.value as OrderType)}>
              {ORDER_TYPES.map((t) => <option key={t} value={t}>{ORDER_TYPE_LABEL[t]}</option>)}
            </select>
          </Field>
          <Field label={T.lead} htmlFor="lead" error={err('order.leadDepartment')}>
            <select id="lead" value={f.lead} onChange={(e) => set('lead', e.target.value)}>
              <option value="">{T.none}</option>
              {settings.departments.map((d) => <option key={d}>{d}</option>)}
            </select>
          </Field>
          <Field label={T.deadline} htmlFor="deadline" error={err('order.deadlineDays')} hint={due ? `${T.due}: ${faDateLong(due)}` : undefined}>
            <input id="deadline" value={f.deadlineDays} onChange={(e) => set('deadlineDays', e.target.value)} inputMode="numeric" dir="ltr" />
          </Field>
          <Field label={T.others} htmlFor="other">
            <div className="chips-input">
              <input id="other" list="departments" value={other} placeholder={T.addOther} onChange={(e) => setOther(e.target.value)}
                onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); addTo('others', other, () => setOther('')); } }} />
              <datalist id="departments">{settings.departments.map((d) => <option key={d} value={d} />)}</datalist>
            </div>
          </Field>
        </div>
        {f.others.length > 0 && (
          <ul className="chips">
            {f.others.map((d) => <li key={d}>{d}<button type="button" aria-label={`${T.remove} ${d}`} onClick={() => set('others', f.others.filter((x) => x !== d))}>×</button></li>)}
          </ul>
        )}
        {sameDepartment.length > 0 && (
          <div className="alert warn" role="alert" data-testid="same-department-warning">
            {T.sameDept} {sameDepartment.map((h) => <b key={h.id} dir="ltr"> {fa(h.code)} </b>)}
          </div>
        )}
        <Field label={T.orderText} htmlFor="otext" error={err('order.text')} wide>
          <textarea id="otext" rows={2} value={f.orderText} onChange={(e) => set('orderText', e.target.value)} />
        </Field>
        <div className="phrases" aria-label={T.phrases}>
          {settings.quickPhrases.map((p) => (
            <button key={p} type="button" className="small ghost" tabIndex={-1}
              onClick={() => set('orderText', f.orderText ? `${f.orderText} ${p}` : p)}>{p}</button>
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend>{T.attachments}</legend>
        <div className="chips-input">
          <input aria-label={T.attachmentName} placeholder={T.attachmentName} value={attachment} onChange={(e) => setAttachment(e.target.value)}
            onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); addTo('attachments', attachment, () => setAttachment('')); } }} />
          <button type="button" className="small" onClick={() => addTo('attachments', attachment, () => setAttachment(''))}>{T.addAttachment}</button>
          <label className="file-pick small">
            {T.chooseFiles}
            <input type="file" multiple hidden tabIndex={-1}
              onChange={(e) => { const names = [...(e.target.files ?? [])].map((x) => x.name); set('attachments', [...new Set([...f.attachments, ...names])]); e.target.value = ''; }} />
          </label>
        </div>
        {f.attachments.length > 0 && (
          <ul className="chips">
            {f.attachments.map((a) => <li key={a}>{a}<button type="button" aria-label={`${T.remove} ${a}`} onClick={() => set('attachments', f.attachments.filter((x) => x !== a))}>×</button></li>)}
          </ul>
        )}
      </fieldset>

      {errors._ && <div className="alert error" role="alert">{errors._}</div>}
      <div className="actions">
        <button type="submit" className="primary big" disabled={busy}>{busy ? T.saving : T.save} <kbd>Enter</kbd></button>
        <span className="muted small-text">{T.keys}</span>
      </div>
    </form>
  );
}
