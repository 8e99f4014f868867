import { useState, type ReactNode } from 'react';
import type { Case } from '../../../shared/domain';
import { isPaused, OUTCOMES, SATISFACTION_LEVELS, type Outcome, type SatisfactionLevel } from '../../../shared/follow-up';
import { OUTCOME_LABEL, SATISFACTION_LABEL } from '../../../shared/labels';
import type { Settings } from '../../../shared/settings';
import { ApiFailure, call } from '../api';
import { fa, toNumber } from '../format';
import { Combobox } from './Combobox';
import { Field } from './Field';

const T = {
  title: 'اقدام روی پرونده',
  start: 'شروع رسیدگی',
  pause: 'توقف مهلت (انتظار مدارک شهروند)',
  resume: 'ادامه رسیدگی (مدارک رسید)',
  answer: 'ثبت پاسخ دستگاه',
  close: 'مختومه کردن',
  satisfaction: 'نتیجه تماس با شهروند',
  reopen: 'بازگشایی',
  reroute: 'تغییر دستگاه مسئول',
  extend: 'تمدید مهلت',
  reason: 'دلیل',
  letterNo: 'شماره نامه',
  letterDate: 'تاریخ نامه',
  answerText: 'متن پاسخ',
  outcome: 'نتیجه',
  note: 'توضیح',
  duplicateOf: 'کد رهگیری پرونده اصلی',
  level: 'نظر شهروند',
  department: 'دستگاه جدید',
  days: 'روز کاری',
  save: 'ثبت',
  cancel: 'انصراف',
};

type Action = 'pause' | 'answer' | 'close' | 'satisfaction' | 'reopen' | 'reroute' | 'extend';

type Props = { c: Case; settings: Settings; today: string; onChanged: (c: Case) => void };

/** The follow-up actions that the case's status allows, each a small form. */
export function CaseActions({ c, settings, today, onChanged }: Props) {
  const [open, setOpen] = useState<Action | null>(null);
  const [f, setF] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const v = (k: string): string => f[k] ?? '';
  const set = (k: string) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));

  const run = async (p: Promise<Case | readonly Case[]>): Promise<void> => {
    try {
      const r = await p;
      onChanged(Array.isArray(r) ? r[0]! : r);
      setOpen(null);
      setF({});
      setErrors({});
    } catch (e) {
      if (e instanceof ApiFailure) setErrors(e.error.fields ?? { _: e.message });
    }
  };

  const submit: Record<Action, () => Promise<void>> = {
    pause: () => run(call('case/pause', { id: c.id, reason: v('reason') })),
    answer: () => run(call('case/answer', { id: c.id, letterNo: v('letterNo'), date: v('date') || fa(today), text: v('text') })),
    close: () => run(call('case/close', { id: c.id, outcome: (v('outcome') || 'solved') as Outcome, note: v('note'), duplicateOf: v('duplicateOf') })),
    satisfaction: () => run(call('case/satisfaction', { id: c.id, level: (v('level') || 'satisfied') as SatisfactionLevel, note: v('note') })),
    reopen: () => run(call('case/reopen', { id: c.id, reason: v('reason') })),
    reroute: () => run(call('case/reroute', { ids: [c.id], department: v('department'), reason: v('reason') })),
    extend: () => run(call('case/extend', { ids: [c.id], days: toNumber(v('days')), reason: v('reason') })),
  };

  const awaiting = ['recorded', 'referred', 'in-progress'].includes(c.status);
  const paused = isPaused(c.deadline);
  const buttons: [Action | 'start' | 'resume', string, boolean][] = [
    ['start', T.start, c.status === 'referred'],
    ['pause', T.pause, awaiting && !!c.deadline && !paused],
    ['resume', T.resume, paused],
    ['answer', T.answer, c.status === 'referred' || c.status === 'in-progress'],
    ['extend', T.extend, awaiting && !!c.deadline],
    ['reroute', T.reroute, c.status !== 'closed' && c.status !== 'cancelled' && c.status !== 'recorded'],
    ['close', T.close, c.status === 'answered'],
    ['satisfaction', T.satisfaction, c.status === 'answered' || c.status === 'closed'],
    ['reopen', T.reopen, c.status === 'closed'],
  ];

  const form = (children: ReactNode) => (
    <div className="action-form">
      {children}
      {errors._ && <div className="alert error" role="alert">{errors._}</div>}
      <div className="actions">
        <button type="button" className="primary" onClick={() => void submit[open!]()}>{T.save}</button>
        <button type="button" className="ghost" onClick={() => setOpen(null)}>{T.cancel}</button>
      </div>
    </div>
  );
  const reasonField = <Field label={T.reason} htmlFor="act-reason" error={errors.reason} wide><input id="act-reason" value={v('reason')} onChange={set('reason')} /></Field>;

  return (
    <section className="case-actions" aria-label={T.title}>
      <div className="actions">
        {buttons.filter(([, , show]) => show).map(([a, label]) => (
          <button key={a} type="button" className={open === a ? 'primary' : ''}
            onClick={() => (a === 'start' ? void run(call('case/start', { id: c.id })) : a === 'resume' ? void run(call('case/resume', { id: c.id })) : setOpen(a))}>
            {label}
          </button>
        ))}
      </div>
      {open === 'pause' && form(reasonField)}
      {open === 'reopen' && form(reasonField)}
      {open === 'extend' && form(<div className="form-grid">
        <Field label={T.days} htmlFor="act-days" error={errors.days}><input id="act-days" value={v('days')} onChange={set('days')} inputMode="numeric" dir="ltr" /></Field>
        {reasonField}
      </div>)}
      {open === 'reroute' && form(<div className="form-grid">
        <Field label={T.department} htmlFor="act-dept" error={errors.department}>
          <Combobox id="act-dept" items={settings.departments} value={v('department')} onChange={(d) => setF((x) => ({ ...x, department: d }))} />
        </Field>
        {reasonField}
      </div>)}
      {open === 'answer' && form(<div className="form-grid">
        <Field label={T.letterNo} htmlFor="act-letter" error={errors.letterNo}><input id="act-letter" value={v('letterNo')} onChange={set('letterNo')} /></Field>
        <Field label={T.letterDate} htmlFor="act-date" error={errors.date}><input id="act-date" value={v('date') || fa(today)} onChange={set('date')} dir="ltr" /></Field>
        <Field label={T.answerText} htmlFor="act-text" error={errors.text} wide><textarea id="act-text" rows={3} value={v('text')} onChange={set('text')} /></Field>
      </div>)}
      {open === 'close' && form(<div className="form-grid">
        <Field label={T.outcome} htmlFor="act-outcome">
          <select id="act-outcome" value={v('outcome') || 'solved'} onChange={set('outcome')}>
            {OUTCOMES.map((o) => <option key={o} value={o}>{OUTCOME_LABEL[o]}</option>)}
          </select>
        </Field>
        {v('outcome') === 'duplicate' && (
          <Field label={T.duplicateOf} htmlFor="act-dup" error={errors.duplicateOf}><input id="act-dup" value={v('duplicateOf')} onChange={set('duplicateOf')} dir="ltr" /></Field>
        )}
        <Field label={T.note} htmlFor="act-note" error={errors.note} wide><input id="act-note" value={v('note')} onChange={set('note')} /></Field>
      </div>)}
      {open === 'satisfaction' && form(<div className="form-grid">
        <Field label={T.level} htmlFor="act-level">
          <select id="act-level" value={v('level') || 'satisfied'} onChange={set('level')}>
            {SATISFACTION_LEVELS.map((l) => <option key={l} value={l}>{SATISFACTION_LABEL[l]}</option>)}
          </select>
        </Field>
        <Field label={T.note} htmlFor="act-note" error={errors.note} wide><input id="act-note" value={v('note')} onChange={set('note')} /></Field>
      </div>)}
    </section>
  );
}
