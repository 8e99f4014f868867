import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Circular } from '../../../shared/circular';
import { CIRCULAR_STATUS_LABEL } from '../../../shared/labels';
import { ApiFailure, call, isDesktop } from '../api';
import { ActionError, CallStatus } from '../components/CallStatus';
import { Field } from '../components/Field';
import { Modal } from '../components/Modal';
import { TrendBars } from '../components/TrendBars';
import { pdfBlob } from '../components/PdfList';
import { failureText, useAction, useCall } from '../hooks/useCall';
import { fa, faDate, lines, saveFile, toNumber } from '../format';

const T = {
  title: 'بخشنامه‌ها',
  empty: 'هنوز بخشنامه‌ای پیش‌نویس نشده است. در «پیگیری» پرونده‌های یک مشکل مشترک را انتخاب کنید و «پیش‌نویس بخشنامه» را بزنید.',
  status: 'وضعیت',
  number: 'شماره',
  cases: 'درخواست',
  subject: 'موضوع',
  addressees: 'مخاطبان (هر سطر یک دستگاه)',
  body: 'متن',
  instruction: 'دستور',
  days: 'مهلت اجرا (روز کاری)',
  copies: 'رونوشت (هر سطر: گیرنده | جهت اطلاع یا جهت اقدام)',
  save: 'ذخیره پیش‌نویس',
  saved: 'ذخیره شد.',
  approve: 'تأیید',
  issue: 'صدور با شماره و تاریخ',
  pdf: 'PDF',
  docx: 'DOCX',
  preview: 'پیش‌نمایش',
  open: 'باز کردن',
  effect: 'اثر بخشنامه',
  effectOf: (title: string) => `درخواست‌های تازه گروه «${title}» در هر روز ملاقات`,
  effectCounts: (before: number, after: number) => `پیش از صدور: ${fa(before)} درخواست — پس از صدور: ${fa(after)} درخواست`,
  notIssued: 'هنوز صادر نشده؛ پس از صدور، درخواست‌های تازه همین مشکل در روزهای بعد از تاریخ صدور جدا نشان داده می‌شوند.',
  issuedMark: 'صدور',
  issueTitle: 'صدور بخشنامه',
  issueIntro: 'شماره و تاریخ صدور را از دفتر اندیکاتور وارد کنید (شماره بعدی امسال پیشنهاد شده است). پس از صدور، بخشنامه تغییر نمی‌کند و برای شهروندان پرونده‌های آن پیامک در صف قرار می‌گیرد.',
  issueNumber: 'شماره بخشنامه',
  issueDate: 'تاریخ صدور',
  issueYes: 'صدور',
  cancel: 'انصراف',
};

type Form = { title: string; addressees: string; body: string; instruction: string; days: string; copies: string };

const formOf = (c: Circular): Form => ({
  title: c.title, addressees: c.addressees.join('\n'), body: c.body, instruction: c.instruction,
  days: fa(c.complianceDays), copies: c.copies.map((x) => `${x.to} | ${x.purpose}`).join('\n'),
});

export function CircularsScreen({ openId }: { openId?: string }) {
  const [selected, setSelected] = useState<string | null>(openId ?? null);
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const circulars = useCall('circular/list', {}, version);
  const list = useMemo(() => [...(circulars.value ?? [])].reverse(), [circulars.value]);

  const current = list.find((c) => c.id === selected) ?? null;
  return (
    <div className="circulars">
      <section className="card" aria-labelledby="circulars-title">
        <h2 id="circulars-title">{T.title}</h2>
        <CallStatus state={circulars} />
        {circulars.value && list.length === 0 && <p className="muted">{T.empty}</p>}
        {list.length > 0 && (
          <table className="cases" data-testid="circulars">
            <thead><tr><th>{T.subject}</th><th>{T.cases}</th><th>{T.status}</th><th>{T.number}</th><th /></tr></thead>
            <tbody>
              {list.map((c) => (
                <tr key={c.id} className={`clickable${c.id === selected ? ' selected' : ''}`} onClick={() => setSelected(c.id)}>
                  <td>{c.title}</td><td>{fa(c.caseIds.length)}</td>
                  <td><span className="badge">{CIRCULAR_STATUS_LABEL[c.status]}</span></td>
                  <td>{c.number ? <><bdi dir="ltr">{fa(c.number)}</bdi> — {faDate(c.issuedOn!)}</> : '—'}</td>
                  <td><button type="button" className="small">{T.open}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {current && <CircularEditor key={`${current.id}-${current.status}`} circular={current} onChanged={refresh} />}
      {current && <Effect key={`effect-${current.id}-${current.status}`} circular={current} />}
    </div>
  );
}

function CircularEditor({ circular, onChanged }: { circular: Circular; onChanged: () => void }) {
  const [f, setF] = useState<Form>(() => formOf(circular));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const [shown, setShown] = useState(0);
  const preview = useCall('circular/file', { id: circular.id, format: 'pdf' }, shown);
  const url = useMemo(() => (preview.value ? URL.createObjectURL(pdfBlob(preview.value.base64)) : ''), [preview.value]);
  useEffect(() => () => { if (url) URL.revokeObjectURL(url); }, [url]);
  const editable = circular.status === 'draft';
  const set = (k: keyof Form) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));
  const [issuing, setIssuing] = useState<{ number: string; date: string } | null>(null);
  const files = useAction();

  const act = async (f2: () => Promise<unknown>, done = ''): Promise<boolean> => {
    setErrors({});
    try {
      await f2();
      setNote(done);
      onChanged();
      setShown((n) => n + 1);
      return true;
    } catch (e) {
      setErrors(e instanceof ApiFailure ? e.error.fields ?? { _: e.message } : { _: failureText(e) });
      return false;
    }
  };
  const askIssue = (): Promise<boolean> => act(async () => {
    const s = await call('circular/nextNumber', {});
    setIssuing({ number: fa(s.number), date: fa(s.date) });
  });
  const issue = async (): Promise<void> => {
    if (issuing && (await act(() => call('circular/issue', { id: circular.id, ...issuing })))) setIssuing(null);
  };

  const save = (): Promise<boolean> => act(() => call('circular/update', {
    id: circular.id, title: f.title, addressees: lines(f.addressees), body: f.body, instruction: f.instruction,
    complianceDays: toNumber(f.days),
    copies: lines(f.copies).map((l) => {
      const [to = '', purpose = 'جهت اطلاع'] = l.split('|').map((x) => x.trim());
      return { to, purpose };
    }),
  }), T.saved);

  const download = (format: 'pdf' | 'docx') => files.run(async () => {
    const file = await call('circular/file', { id: circular.id, format });
    if (isDesktop() && format === 'pdf') return void (await window.didar?.savePdf(file.base64, file.fileName));
    saveFile(file);
  });

  return (
    <section className="card circular-editor" aria-label={circular.title}>
      <div className="editor-grid">
        <div>
          <Field label={T.subject} htmlFor="c-title" error={errors.title}><input id="c-title" value={f.title} onChange={set('title')} disabled={!editable} /></Field>
          <Field label={T.addressees} htmlFor="c-to" error={errors.addressees}><textarea id="c-to" rows={3} value={f.addressees} onChange={set('addressees')} disabled={!editable} /></Field>
          <Field label={T.body} htmlFor="c-body" error={errors.body}><textarea id="c-body" rows={6} value={f.body} onChange={set('body')} disabled={!editable} /></Field>
          <Field label={T.instruction} htmlFor="c-instruction" error={errors.instruction}><textarea id="c-instruction" rows={4} value={f.instruction} onChange={set('instruction')} disabled={!editable} /></Field>
          <Field label={T.days} htmlFor="c-days" error={errors.complianceDays}><input id="c-days" value={f.days} onChange={set('days')} dir="ltr" disabled={!editable} /></Field>
          <Field label={T.copies} htmlFor="c-copies" error={errors.copies}><textarea id="c-copies" rows={3} value={f.copies} onChange={set('copies')} disabled={!editable} /></Field>
          {errors._ && <div className="alert error" role="alert">{errors._}</div>}
          <div className="actions">
            {editable && <button type="button" onClick={() => void save()}>{T.save}</button>}
            {editable && <button type="button" className="primary" onClick={() => void save().then((saved) => saved && act(() => call('circular/approve', { id: circular.id })))}>{T.approve}</button>}
            {circular.status === 'approved' && <button type="button" className="primary" onClick={() => void askIssue()}>{T.issue}</button>}
            <button type="button" onClick={() => void download('pdf')}>{T.pdf}</button>
            <button type="button" onClick={() => void download('docx')}>{T.docx}</button>
            {note && <span className="ok" role="status">{note}</span>}
          </div>
          <ActionError error={files.error} />
        </div>
        <div>
          <h3>{T.preview}</h3>
          <CallStatus state={preview} />
          {url && <iframe className="pdf-frame" title={T.preview} src={url} data-testid="circular-preview" />}
        </div>
      </div>
      {issuing && (
        <Modal title={T.issueTitle} onClose={() => setIssuing(null)}>
          <p className="confirm-message">{T.issueIntro}</p>
          <div className="form-grid">
            <Field label={T.issueNumber} htmlFor="issue-number" error={errors.number}>
              <input id="issue-number" value={issuing.number} dir="ltr" autoFocus onChange={(e) => setIssuing({ ...issuing, number: e.target.value })} />
            </Field>
            <Field label={T.issueDate} htmlFor="issue-date" error={errors.date}>
              <input id="issue-date" value={issuing.date} dir="ltr" onChange={(e) => setIssuing({ ...issuing, date: e.target.value })} />
            </Field>
          </div>
          {errors._ && <div className="alert error" role="alert">{errors._}</div>}
          <div className="actions">
            <button type="button" className="primary" onClick={() => void issue()}>{T.issueYes}</button>
            <button type="button" onClick={() => setIssuing(null)}>{T.cancel}</button>
          </div>
        </Modal>
      )}
    </section>
  );
}

/** New cases of the circular's problem per meeting day, before and after its issue date. */
function Effect({ circular }: { circular: Circular }) {
  const state = useCall('circular/effect', { id: circular.id });
  const effect = state.value;
  if (state.error) return <section className="card"><CallStatus state={state} /></section>;
  if (!effect) return null;
  return (
    <section className="card" aria-labelledby="effect-title" data-testid="circular-effect">
      <h3 id="effect-title">{T.effect}</h3>
      <p className="muted">{T.effectOf(effect.groupTitle)}</p>
      <TrendBars label={T.effect} days={effect.days} marker={T.issuedMark} />
      <p>{effect.issuedOn ? `${T.effectCounts(effect.before, effect.after)} (${faDate(effect.issuedOn)})` : T.notIssued}</p>
    </section>
  );
}
