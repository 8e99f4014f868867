// The governor's table: the citizen called from the queue, their issue as reception wrote it and their earlier
// cases, and the governor's order written down here, keyboard first (Ctrl+Enter saves, F2 calls the next one).
import { useCallback, useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { ORDER_TYPES, type Case, type OrderType, type QueueEntry } from '../../../shared/domain';
import { ORDER_TYPE_LABEL } from '../../../shared/labels';
import { ApiFailure, call } from '../api';
import { useApp } from '../app-context';
import { ActionError, CallStatus } from '../components/CallStatus';
import { CitizenHistory } from '../components/CitizenHistory';
import { Combobox } from '../components/Combobox';
import { DayBar, useMeetingDay } from '../components/DayBar';
import { Field } from '../components/Field';
import { QueuePanel } from '../components/QueuePanel';
import { QuickPhrases } from '../components/QuickPhrases';
import { failureText, useCall } from '../hooks/useCall';
import { fa, toNumber } from '../format';

const T = {
  waiting: 'در صف',
  pending: 'در انتظار دستور',
  list: 'درخواست‌های امروز در انتظار دستور',
  none: 'درخواستی در انتظار دستور نیست.',
  called: 'مراجع فراخوانده',
  noCase: 'برای این مراجع در پذیرش درخواستی ثبت نشده است؛ از پذیرش بخواهید درخواست را ثبت کند.',
  choose: 'مراجع بعد را با F2 فرا بخوانید یا درخواستی را از فهرست برگزینید.',
  issue: 'درخواست',
  order: 'دستور استاندار',
  orderText: 'متن دستور',
  lead: 'دستگاه مسئول',
  type: 'نوع دستور',
  deadline: 'مهلت (روز کاری)',
  typeToFind: 'بنویسید تا پیدا شود',
  save: 'ثبت دستور',
  saving: 'در حال ثبت…',
  saved: (name: string) => `دستور برای ${name} ثبت شد؛ پرونده در میز بازرسی کد رهگیری می‌گیرد.`,
  keys: 'میان‌برها: F2 فراخوان نفر بعد · Ctrl+Enter ثبت دستور',
  nationalId: 'کد ملی',
};

type OrderForm = { text: string; lead: string; type: OrderType; days: string };

export function TableScreen() {
  const { settings } = useApp();
  const { day, instead } = useMeetingDay();
  const [version, setVersion] = useState(0);
  const changed = useCallback(() => setVersion((v) => v + 1), []);
  const queue = useCall('queue/list', day ? { meetingDayId: day.id } : null, version);
  const pending = useCall('case/pending', day ? { stage: 'order', meetingDayId: day.id } : null, version);
  const [called, setCalled] = useState<QueueEntry | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [savedNote, setSavedNote] = useState('');

  const selected = pending.value?.find((c) => c.id === selectedId) ?? null;
  const onCalled = useCallback((q: QueueEntry) => {
    setCalled(q);
    setSavedNote('');
    setSelectedId(q.caseIds.at(-1) ?? null);
  }, []);

  if (!day) return instead;
  const waiting = queue.value?.filter((e) => e.status === 'waiting').length ?? 0;
  return (
    <div className="desk station table" data-testid="station-table">
      <DayBar day={day}>
        <span className="count">{T.waiting}: <b>{fa(waiting)}</b></span>
        <span className="count" data-testid="table-pending">{T.pending}: <b>{fa(pending.value?.length ?? 0)}</b></span>
      </DayBar>
      <div className="desk-grid">
        <div className="station-side">
          <QueuePanel mode="table" day={day} queue={queue} onChanged={changed} onStartIntake={onCalled} />
          <section className="card" aria-labelledby="table-list">
            <h2 id="table-list">{T.list}</h2>
            <CallStatus state={pending} />
            {pending.value?.length === 0 && <p className="muted">{T.none}</p>}
            <ul className="pick-list">
              {pending.value?.map((c) => (
                <li key={c.id}>
                  <button type="button" className={c.id === selectedId ? 'pick active' : 'pick'} onClick={() => { setSelectedId(c.id); setSavedNote(''); }}>
                    <b>{c.citizen.firstName} {c.citizen.lastName}</b> <span className="muted">{fa(c.text.slice(0, 60))}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        </div>
        <div>
          {savedNote && <div className="alert success" role="status" data-testid="order-saved">{savedNote}</div>}
          {selected ? (
            <OrderCard key={selected.id} c={selected} departments={settings.departments} phrases={settings.quickPhrases} defaultDays={settings.defaultDeadlineDays}
              onSaved={(next) => { setSavedNote(T.saved(`${next.citizen.firstName} ${next.citizen.lastName}`)); setSelectedId(null); setCalled(null); changed(); }} />
          ) : (
            <section className="card">
              {called && <p><b>{T.called}: {fa(called.number)} — {called.name}</b></p>}
              <p className="muted">{called && !pending.loading ? T.noCase : T.choose}</p>
            </section>
          )}
          <p className="muted small-text">{T.keys}</p>
        </div>
      </div>
    </div>
  );
}

function OrderCard({ c, departments, phrases, defaultDays, onSaved }: {
  c: Case; departments: readonly string[]; phrases: readonly string[]; defaultDays: number; onSaved: (c: Case) => void;
}) {
  const [f, setF] = useState<OrderForm>({ text: '', lead: c.departments[0] ?? '', type: 'investigate', days: fa(defaultDays) });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const text = useRef<HTMLTextAreaElement>(null);
  const history = useCall('citizen/lookup', { nationalId: c.citizen.nationalId });
  useEffect(() => text.current?.focus(), []);
  const set = <K extends keyof OrderForm>(k: K, v: OrderForm[K]): void => setF((x) => ({ ...x, [k]: v }));

  const save = async (e?: FormEvent): Promise<void> => {
    e?.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors({});
    try {
      onSaved(await call('case/giveOrder', { id: c.id, order: { type: f.type, leadDepartment: f.lead, deadlineDays: toNumber(f.days), text: f.text } }));
    } catch (err) {
      setErrors(err instanceof ApiFailure ? err.error.fields ?? { _: err.message } : { _: failureText(err) });
    } finally {
      setBusy(false);
    }
  };
  const onKey = (e: KeyboardEvent<HTMLFormElement>): void => {
    if (e.key === 'Enter' && e.ctrlKey) {
      e.preventDefault();
      void save();
    }
  };
  const earlier = (history.value?.cases ?? []).filter((h) => h.id !== c.id);

  return (
    <form className="card intake" onSubmit={save} onKeyDown={onKey} aria-labelledby="order-title" noValidate data-testid="order-card">
      <h2 id="order-title">{c.citizen.firstName} {c.citizen.lastName} <span className="muted">{T.nationalId}: <bdi dir="ltr">{fa(c.citizen.nationalId)}</bdi></span></h2>
      <fieldset>
        <legend>{T.issue}</legend>
        <p className="issue-text" data-testid="table-issue">{fa(c.text)}</p>
        <CitizenHistory cases={earlier} />
      </fieldset>
      <fieldset>
        <legend>{T.order}</legend>
        <Field label={T.orderText} htmlFor="t-otext" error={errors['order.text']} wide>
          <textarea id="t-otext" ref={text} rows={3} value={f.text} onChange={(e) => set('text', e.target.value)} />
        </Field>
        <QuickPhrases phrases={phrases} onPick={(p) => set('text', f.text ? `${f.text} ${p}` : p)} />
        <div className="form-grid">
          <Field label={T.lead} htmlFor="t-lead" error={errors['order.leadDepartment']}>
            <Combobox id="t-lead" items={departments} value={f.lead} onChange={(v) => set('lead', v)} placeholder={T.typeToFind} invalid={!!errors['order.leadDepartment']} />
          </Field>
          <Field label={T.type} htmlFor="t-otype">
            <select id="t-otype" value={f.type} onChange={(e) => set('type', e.target.value as OrderType)}>
              {ORDER_TYPES.map((t) => <option key={t} value={t}>{ORDER_TYPE_LABEL[t]}</option>)}
            </select>
          </Field>
          <Field label={T.deadline} htmlFor="t-deadline" error={errors['order.deadlineDays']}>
            <input id="t-deadline" value={f.days} onChange={(e) => set('days', e.target.value)} inputMode="numeric" dir="ltr" />
          </Field>
        </div>
      </fieldset>
      <ActionError error={errors._ ?? ''} />
      <div className="actions save-row">
        <button type="submit" className="primary big" disabled={busy} data-testid="save-order">{busy ? T.saving : T.save} <kbd>Ctrl+Enter</kbd></button>
      </div>
    </form>
  );
}
