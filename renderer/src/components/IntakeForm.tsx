import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { ISSUE_MAX, ORDER_TYPES, type Case, type CaseBrief, type Citizen, type MeetingDay, type OrderType, type QueueEntry } from '../../../shared/domain';
import { ORDER_TYPE_LABEL } from '../../../shared/labels';
import { msg } from '../../../shared/messages';
import { normalizeMobile } from '../../../shared/mobile';
import { nationalIdProblem, nationalIdProblemWhileTyping, normalizeNationalId } from '../../../shared/national-id';
import type { Settings } from '../../../shared/settings';
import { ApiFailure, call } from '../api';
import { failureText } from '../hooks/useCall';
import { clearDraft, loadDraft, saveDraft } from '../intake-draft';
import { fa, faDateLong, toNumber } from '../format';
import { CitizenHistory } from './CitizenHistory';
import { Code } from './Code';
import { Combobox } from './Combobox';
import { useConfirm } from './Confirm';
import { Field } from './Field';
import { IntakeSuggestions } from './IntakeSuggestions';
import { QuickPhrases } from './QuickPhrases';

const T = {
  title: 'پذیرش مراجع',
  fromQueue: 'نوبت',
  citizen: 'مشخصات مراجع',
  nationalId: 'کد ملی',
  nationalIdOk: 'کد ملی درست است',
  firstName: 'نام',
  lastName: 'نام خانوادگی',
  mobile: 'تلفن همراه',
  county: 'شهرستان',
  locality: 'شهر یا روستا',
  address: 'نشانی (اختیاری)',
  issue: 'درخواست',
  text: 'شرح درخواست',
  category: 'موضوع',
  typeToFind: 'بنویسید تا پیدا شود',
  order: 'دستور استاندار',
  orderType: 'نوع دستور',
  lead: 'دستگاه مسئول',
  others: 'دستگاه‌های همکار',
  addOther: 'افزودن دستگاه همکار',
  deadline: 'مهلت (روز کاری)',
  due: 'تاریخ پاسخ',
  orderText: 'متن دستور',
  attachments: 'پیوست‌ها (فقط نام)',
  attachmentName: 'نام مدرک',
  addAttachment: 'افزودن',
  chooseFiles: 'انتخاب فایل…',
  remove: 'حذف',
  save: 'ثبت و صدور کد رهگیری',
  savePending: 'ثبت درخواست (در انتظار دستور)',
  savedPending: 'ثبت شد؛ در انتظار دستور استاندار. مراجع به نوبت میز استاندار برود.',
  keysPending: 'میان‌برها: Enter فیلد بعد · Ctrl+Enter ثبت · Alt+N فرم تازه',
  saving: 'در حال ثبت…',
  savedButton: 'ثبت شد',
  clear: 'فرم تازه',
  keys: 'میان‌برها: Enter فیلد بعد · Ctrl+Enter ثبت · F2 فراخوان نوبت بعد · Alt+N فرم تازه · Alt+P چاپ رسید',
  saved: 'ثبت شد. کد رهگیری:',
  print: 'چاپ رسید',
  correct: 'اصلاح',
  next: 'مراجع بعد',
  chars: 'نویسه',
  sameDept: 'این شهروند پرونده باز دیگری نزد همین دستگاه دارد:',
  restored: 'پیش‌نویس نیمه‌کاره این میز بازیابی شد.',
  discardTitle: 'فرم تازه',
  discard: 'آنچه در این فرم نوشته شده و هنوز ثبت نشده پاک می‌شود. فرم تازه باز شود؟',
  discardYes: 'پاک کن و فرم تازه',
  keep: 'ادامه همین فرم',
  twinTitle: 'پرونده تکراری؟',
  twinYes: 'بله، پرونده دوم ثبت شود',
};

type Props = {
  day: MeetingDay;
  settings: Settings;
  /** The desk (its operator): each desk keeps its own half-typed draft. */
  desk: string;
  fromQueue: QueueEntry | null;
  onSaved: (c: Case) => void;
  onPrint: (c: Case) => void;
  onCorrect: (c: Case) => void;
  /** Reception of a day split across stations: the case is recorded without order and code («در انتظار دستور»). */
  pending?: boolean;
};

type FormState = {
  nationalId: string; firstName: string; lastName: string; mobile: string; county: string; locality: string; address: string;
  text: string; category: string;
  orderType: OrderType; lead: string; others: string[]; deadlineDays: string; orderText: string;
  attachments: string[];
};

const CITIZEN_FIELDS = ['firstName', 'lastName', 'mobile', 'county', 'locality', 'address'] as const satisfies readonly (keyof Citizen & keyof FormState)[];
type CitizenField = (typeof CITIZEN_FIELDS)[number];

/** What the lookup of a national ID filled in, so that another national ID takes it away again. */
type Filled = { nid: string; values: Partial<Record<CitizenField, string>> };

/** What is kept per desk between screens and reloads. */
type Draft = { f: FormState; queueEntry: QueueEntry | null; filled: Filled | null };

/** The input of each API field, to put the cursor on the first problem. */
const INPUT_OF: Record<string, string> = {
  'citizen.nationalId': 'nid', 'citizen.firstName': 'first', 'citizen.lastName': 'last', 'citizen.mobile': 'mobile',
  'citizen.county': 'county', 'citizen.locality': 'locality', 'citizen.address': 'address', text: 'text', category: 'category',
  'order.type': 'otype', 'order.leadDepartment': 'lead', 'order.deadlineDays': 'deadline', 'order.text': 'otext',
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

/** Nothing typed but what a new form holds (spaces alone are nothing: such a form is neither kept nor asked about). */
function isBlank(f: FormState, s: Settings): boolean {
  const e = empty(s);
  return (Object.keys(e) as (keyof FormState)[]).every((k) => {
    const [a, b] = [f[k], e[k]];
    return typeof a === 'string' && typeof b === 'string' ? a.trim() === b.trim() : JSON.stringify(a) === JSON.stringify(b);
  });
}

/** The form's fields in tab order, for Enter to move to the next one. */
function nextField(form: HTMLFormElement, from: HTMLElement): HTMLElement | undefined {
  const fields = [...form.querySelectorAll<HTMLElement>('input, select, textarea')].filter((el) => {
    const input = el as HTMLInputElement;
    return !input.disabled && el.tabIndex >= 0 && !['hidden', 'file', 'checkbox'].includes(input.type) && el.offsetParent !== null;
  });
  return fields[fields.indexOf(from) + 1];
}

/** One-line fields where Enter means «next field» (a textarea keeps Enter for new lines). */
const isLineField = (el: EventTarget): el is HTMLElement =>
  el instanceof HTMLSelectElement || (el instanceof HTMLInputElement && ['text', 'search', 'tel', 'number'].includes(el.type));

export function IntakeForm({ day, settings, desk, fromQueue, onSaved, onPrint, onCorrect, pending = false }: Props) {
  const [start] = useState<{ draft: Draft; restored: boolean }>(() => {
    if (fromQueue) return { draft: { f: fromQueueEntry(settings, fromQueue), queueEntry: fromQueue, filled: null }, restored: false };
    const kept = loadDraft<Draft>(desk, day.id);
    return kept?.f ? { draft: kept, restored: true } : { draft: { f: empty(settings), queueEntry: null, filled: null }, restored: false };
  });
  const [queueEntry, setQueueEntry] = useState(start.draft.queueEntry);
  const [f, setF] = useState<FormState>(start.draft.f);
  const [filled, setFilled] = useState<Filled | null>(start.draft.filled);
  const [restored, setRestored] = useState(start.restored);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const saving = useRef(false);
  const [saved, setSaved] = useState<Case | null>(null);
  const [lookup, setLookup] = useState<{ nid: string; cases: CaseBrief[] }>({ nid: '', cases: [] });
  const [lookupError, setLookupError] = useState('');
  const [dueFor, setDueFor] = useState<{ days: number; due: string }>({ days: 0, due: '' });
  const [attachment, setAttachment] = useState('');
  const [nidLeft, setNidLeft] = useState(false);
  const current = useRef(f);
  useEffect(() => { current.current = f; }, [f]);
  const firstInput = useRef<HTMLInputElement>(null);
  const printButton = useRef<HTMLButtonElement>(null);
  const { ask, dialog } = useConfirm();

  const clearError = (k: keyof FormState): void =>
    setErrors((e) => (ERROR_PATH[k] in e ? Object.fromEntries(Object.entries(e).filter(([p]) => p !== ERROR_PATH[k])) : e));

  const set = <K extends keyof FormState>(k: K, v: FormState[K]): void => {
    setF((s) => ({ ...s, [k]: v }));
    clearError(k); // an edited field's old message no longer applies
  };

  // Another national ID is another citizen: what the lookup filled in for the previous one goes.
  const setNationalId = (v: string): void => {
    const gone = filled && normalizeNationalId(v) !== filled.nid ? filled : null;
    setF((s) => {
      const next = { ...s, nationalId: v };
      if (gone) for (const k of CITIZEN_FIELDS) if (gone.values[k] !== undefined && next[k] === gone.values[k]) next[k] = '';
      return next;
    });
    if (gone) setFilled(null);
    clearError('nationalId');
  };

  // The draft is kept while it holds anything, and dropped once saved.
  useEffect(() => {
    if (saved || (isBlank(f, settings) && !queueEntry)) clearDraft(desk, day.id);
    else saveDraft(desk, day.id, { f, queueEntry, filled } satisfies Draft);
  }, [f, queueEntry, filled, saved, desk, day.id, settings]);

  const nid = normalizeNationalId(f.nationalId);
  const nidOk = nationalIdProblem(nid) === null;
  const nidProblem = nationalIdProblemWhileTyping(f.nationalId, nidLeft);

  // Earlier cases of this citizen, and their details to save retyping.
  useEffect(() => {
    if (!nidOk) return;
    let live = true;
    call('citizen/lookup', { nationalId: nid }).then((r) => {
      if (!live) return;
      setLookupError('');
      setLookup({ nid, cases: r.cases });
      const c = r.citizen;
      if (!c) return;
      const values: Filled['values'] = {};
      for (const k of CITIZEN_FIELDS) if (!current.current[k] && c[k]) values[k] = c[k];
      setF((s) => ({ ...s, ...Object.fromEntries(Object.entries(values).filter(([k]) => !s[k as CitizenField])) }));
      setFilled((was) => ({ nid, values: { ...(was?.nid === nid ? was.values : {}), ...values } }));
    }, (e: unknown) => live && setLookupError(failureText(e)));
    return () => { live = false; };
  }, [nid, nidOk]);

  const history = nidOk && lookup.nid === nid ? lookup.cases : [];

  const days = toNumber(f.deadlineDays);
  const daysOk = Number.isInteger(days) && days >= 1 && days <= 365;
  useEffect(() => {
    if (!daysOk) return;
    let live = true;
    call('order/dueDate', { from: day.date, days }).then(
      (r) => live && setDueFor({ days, due: r.dueDate }),
      (e: unknown) => live && setErrors((x) => ({ ...x, 'order.deadlineDays': failureText(e) })),
    );
    return () => { live = false; };
  }, [day.date, days, daysOk]);
  const due = daysOk && dueFor.days === days ? dueFor.due : '';

  // once saved, the clerk is at the print button beside the new code
  useEffect(() => { if (saved) printButton.current?.focus(); }, [saved]);

  const sameDepartment = f.lead ? history.filter((h) => h.open && h.departments.includes(f.lead)) : [];
  const dirty = !saved && (!isBlank(f, settings) || queueEntry !== null);

  const reset = (): void => {
    clearDraft(desk, day.id);
    setF(empty(settings));
    setFilled(null);
    setErrors({});
    setSaved(null);
    setQueueEntry(null);
    setRestored(false);
    setNidLeft(false);
    setTimeout(() => firstInput.current?.focus(), 0);
  };

  /** A new form; what is typed and not saved is not thrown away without asking. */
  const newForm = async (): Promise<void> => {
    if (dirty && !(await ask({ title: T.discardTitle, message: T.discard, confirm: T.discardYes, cancel: T.keep, danger: true }))) return;
    reset();
  };

  /** Saves the form once: a second Enter or click while saving, or after the case is saved, does nothing. */
  const submit = async (e?: FormEvent): Promise<void> => {
    e?.preventDefault();
    if (saving.current || saved) return;
    saving.current = true;
    setBusy(true);
    setErrors({});
    try {
      for (let confirmed = false; ;) {
        try {
          const draft = {
            meetingDayId: day.id,
            citizen: {
              nationalId: f.nationalId, firstName: f.firstName, lastName: f.lastName, mobile: f.mobile,
              county: f.county, locality: f.locality, address: f.address,
            },
            text: f.text,
            category: f.category,
            attachments: f.attachments,
            ...(queueEntry ? { queueNumber: queueEntry.number } : {}),
            confirmed,
          };
          // reception names the department it expects; the governor's order decides
          const c = pending
            ? await call('case/recordPending', { ...draft, departments: f.lead ? [f.lead] : [] })
            : await call('case/record', { ...draft, departments: [], order: { type: f.orderType, leadDepartment: f.lead, otherDepartments: f.others, deadlineDays: days, text: f.orderText } });
          setSaved(c);
          setQueueEntry(null);
          setRestored(false);
          onSaved(c);
          return;
        } catch (err) {
          if (err instanceof ApiFailure && err.error.code === 'needs-confirmation' && !confirmed) {
            if (!(await ask({ title: T.twinTitle, message: err.message, confirm: T.twinYes }))) return;
            confirmed = true;
            continue;
          }
          throw err;
        }
      }
    } catch (err) {
      if (err instanceof ApiFailure) {
        const fields = err.error.fields ?? { _: err.message };
        setErrors(fields);
        const first = Object.keys(fields).map((k) => INPUT_OF[k]).find(Boolean);
        if (first) document.getElementById(first)?.focus();
      } else setErrors({ _: failureText(err) });
    } finally {
      saving.current = false;
      setBusy(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>): void => {
    if (e.key === 'Enter' && e.ctrlKey) {
      e.preventDefault();
      void submit();
    } else if (e.key === 'Enter' && !e.altKey && !e.shiftKey && !e.defaultPrevented && isLineField(e.target)) {
      // Enter in a one-line field goes on to the next field; saving is Ctrl+Enter or the button.
      e.preventDefault();
      nextField(e.currentTarget, e.target)?.focus();
    } else if (e.altKey && (e.key === 'n' || e.key === 'N' || e.code === 'KeyN')) {
      e.preventDefault();
      void newForm();
    } else if (e.altKey && e.code === 'KeyP' && saved && !pending) {
      e.preventDefault();
      onPrint(saved);
    }
  };

  const addTo = (k: 'others' | 'attachments', value: string): void => {
    const v = value.trim();
    if (v && !f[k].includes(v)) set(k, [...f[k], v]);
  };

  const addPhrase = (p: string): void => set('orderText', f.orderText ? `${f.orderText} ${p}` : p);

  const mobilePreview = f.mobile ? normalizeMobile(f.mobile) : null;
  const err = (k: string): string | undefined => errors[k];
  const locked = saved !== null;

  return (
    <form className="card intake" onSubmit={submit} onKeyDown={onKeyDown} aria-labelledby="intake-title" noValidate>
      <div className="card-head">
        <h2 id="intake-title">{T.title}{queueEntry && <span className="badge">{T.fromQueue} {fa(queueEntry.number)}</span>}</h2>
        <button type="button" className="ghost" onClick={() => void newForm()}>{T.clear} <kbd>Alt+N</kbd></button>
      </div>
      {restored && <div className="alert info" role="status" data-testid="draft-restored">{T.restored}</div>}

      <fieldset disabled={locked}>
        <legend>{T.citizen}</legend>
        <div className="form-grid">
          <Field label={T.nationalId} htmlFor="nid" error={err('citizen.nationalId') ?? (nidProblem ? msg.nationalId[nidProblem] : undefined)}
            hint={nidOk ? <span className="ok">✓ {T.nationalIdOk}</span> : undefined}>
            <input id="nid" ref={firstInput} value={f.nationalId} onChange={(e) => setNationalId(e.target.value)} inputMode="numeric"
              dir="ltr" maxLength={20} autoComplete="off" autoFocus aria-invalid={nidProblem !== null}
              onFocus={() => setNidLeft(false)} onBlur={() => setNidLeft(true)} />
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
            <Combobox id="county" items={settings.counties} value={f.county} onChange={(v) => set('county', v)} placeholder={T.typeToFind} invalid={!!err('citizen.county')} />
          </Field>
          <Field label={T.locality} htmlFor="locality" error={err('citizen.locality')}>
            <input id="locality" value={f.locality} onChange={(e) => set('locality', e.target.value)} autoComplete="off" />
          </Field>
          <Field label={T.address} htmlFor="address" error={err('citizen.address')} wide>
            <input id="address" value={f.address} onChange={(e) => set('address', e.target.value)} autoComplete="off" />
          </Field>
        </div>
        {lookupError && <div className="alert error" role="alert">{lookupError}</div>}
        <CitizenHistory cases={history} />
      </fieldset>

      <fieldset disabled={locked}>
        <legend>{T.issue}</legend>
        <Field label={T.text} htmlFor="text" error={err('text')} wide
          hint={<span className={f.text.length > ISSUE_MAX ? 'over' : ''}>{fa(f.text.length)} / {fa(ISSUE_MAX)} {T.chars}</span>}>
          <textarea id="text" rows={4} value={f.text} onChange={(e) => set('text', e.target.value)} />
        </Field>
        <IntakeSuggestions text={f.text} department={f.lead} category={f.category} onDepartment={(d) => set('lead', d)} onCategory={(c) => set('category', c)} />
        <div className="form-grid">
          <Field label={T.category} htmlFor="category" error={err('category')}>
            <Combobox id="category" items={settings.categories} value={f.category} onChange={(v) => set('category', v)} placeholder={T.typeToFind} />
          </Field>
        </div>
      </fieldset>

      {!pending && (
        <fieldset disabled={locked}>
          <legend>{T.order}</legend>
          <div className="form-grid">
            <Field label={T.lead} htmlFor="lead" error={err('order.leadDepartment')}>
              <Combobox id="lead" items={settings.departments} value={f.lead} onChange={(v) => set('lead', v)} placeholder={T.typeToFind} invalid={!!err('order.leadDepartment')} />
            </Field>
          </div>
          {sameDepartment.length > 0 && (
            <div className="alert warn" role="alert" data-testid="same-department-warning">
              {T.sameDept} {sameDepartment.map((h) => <span key={h.id}> <Code code={h.code} hasOrder={h.hasOrder} /> </span>)}
            </div>
          )}
          <Field label={T.orderText} htmlFor="otext" error={err('order.text')} wide>
            <textarea id="otext" rows={2} value={f.orderText} onChange={(e) => set('orderText', e.target.value)} />
          </Field>
          <QuickPhrases phrases={settings.quickPhrases} onPick={addPhrase} />
          <div className="form-grid">
            <Field label={T.orderType} htmlFor="otype">
              <select id="otype" value={f.orderType} onChange={(e) => set('orderType', e.target.value as OrderType)}>
                {ORDER_TYPES.map((t) => <option key={t} value={t}>{ORDER_TYPE_LABEL[t]}</option>)}
              </select>
            </Field>
            <Field label={T.deadline} htmlFor="deadline" error={err('order.deadlineDays')} hint={due ? `${T.due}: ${faDateLong(due)}` : undefined}>
              <input id="deadline" value={f.deadlineDays} onChange={(e) => set('deadlineDays', e.target.value)} inputMode="numeric" dir="ltr" />
            </Field>
            <Field label={T.others} htmlFor="other">
              <Combobox id="other" items={settings.departments.filter((d) => d !== f.lead && !f.others.includes(d))} value=""
                onChange={(v) => addTo('others', v)} placeholder={T.addOther} />
            </Field>
          </div>
          {f.others.length > 0 && (
            <ul className="chips">
              {f.others.map((d) => <li key={d}>{d}<button type="button" aria-label={`${T.remove} ${d}`} onClick={() => set('others', f.others.filter((x) => x !== d))}>×</button></li>)}
            </ul>
          )}
        </fieldset>
      )}

      <fieldset disabled={locked}>
        <legend>{T.attachments}</legend>
        <div className="chips-input">
          <input aria-label={T.attachmentName} placeholder={T.attachmentName} value={attachment} onChange={(e) => setAttachment(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.ctrlKey && attachment.trim()) {
                e.preventDefault();
                addTo('attachments', attachment);
                setAttachment('');
              }
            }} />
          <button type="button" className="small" onClick={() => { addTo('attachments', attachment); setAttachment(''); }}>{T.addAttachment}</button>
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
      <div className="actions save-row">
        <button type="submit" className="primary big" disabled={busy || locked} data-testid="save-case">
          {locked ? T.savedButton : busy ? T.saving : pending ? T.savePending : T.save} <kbd>Ctrl+Enter</kbd>
        </button>
        {/* always present, so that screen readers announce the code when it appears */}
        <div className="saved-note" role="status" aria-live="polite" data-testid="saved-banner">
          {saved && pending && (
            <>
              <span>{T.savedPending}</span>
              <button type="button" className="primary" ref={printButton} onClick={reset}>{T.next} <kbd>Alt+N</kbd></button>
            </>
          )}
          {saved && !pending && (
            <>
              <span>{T.saved}</span> <Code code={saved.code} testId="saved-code" />
              <button type="button" className="primary" ref={printButton} onClick={() => onPrint(saved)}>{T.print} <kbd>Alt+P</kbd></button>
              <button type="button" onClick={() => onCorrect(saved)}>{T.correct}</button>
              <button type="button" onClick={reset}>{T.next} <kbd>Alt+N</kbd></button>
            </>
          )}
        </div>
      </div>
      <p className="muted small-text">{pending ? T.keysPending : T.keys}</p>
      {dialog}
    </form>
  );
}
