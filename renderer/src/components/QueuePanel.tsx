import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { MeetingDay, QueueEntry } from '../../../shared/domain';
import { QUEUE_STATUS_LABEL } from '../../../shared/labels';
import { msg } from '../../../shared/messages';
import { nationalIdProblemWhileTyping } from '../../../shared/national-id';
import { toAsciiDigits } from '../../../shared/persian-text';
import { ApiFailure, call } from '../api';
import { useAction, type CallState } from '../hooks/useCall';
import { fa } from '../format';
import { ActionError, CallStatus } from './CallStatus';
import { useConfirm } from './Confirm';

const T = {
  title: 'نوبت مراجعان',
  name: 'نام مراجع',
  nationalId: 'کد ملی (اختیاری)',
  arrive: 'ثبت ورود',
  callNext: 'فراخوان نفر بعد',
  callNextKey: 'F2',
  absent: 'غایب',
  back: 'بازگشت به صف',
  intake: 'پذیرش',
  order: 'دستور',
  empty: 'هنوز کسی ثبت ورود نکرده است.',
  allSeen: 'کسی در صف نیست؛ همه مراجعان ثبت‌شده رسیدگی شده‌اند.',
  number: 'نوبت',
  againTitle: 'ورود دوباره',
  againYes: 'بله، دوباره ثبت شود',
};

/**
 * `desk`: one PC does it all (arrivals, calls, intake of the called citizen). `reception`: arrivals only, each
 * taken into intake at once. `table`: the governor's table calls the waiting citizens; reception registered them.
 */
export type QueueMode = 'desk' | 'reception' | 'table';

type Props = {
  day: MeetingDay; queue: CallState<readonly QueueEntry[]>; onChanged: () => void; onStartIntake: (q: QueueEntry) => void; mode?: QueueMode;
};

/** Only digits in the queue's national ID (Persian and Arabic-Indic ones typed become ASCII). */
const digitsIn = (s: string): string => toAsciiDigits(s).replace(/\D/g, '').slice(0, 10);

export function QueuePanel({ day, queue, onChanged, onStartIntake, mode = 'desk' }: Props) {
  const calls = mode !== 'reception';
  const [name, setName] = useState('');
  const [nationalId, setNationalId] = useState('');
  const [nidLeft, setNidLeft] = useState(false);
  const { run, busy, error } = useAction();
  const { ask, dialog } = useConfirm();
  const nameInput = useRef<HTMLInputElement>(null);
  const nidProblem = nationalIdProblemWhileTyping(nationalId, nidLeft);

  const arrive = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const done = await run(async () => {
      try {
        return await call('queue/arrive', { meetingDayId: day.id, name, nationalId });
      } catch (err) {
        if (!(err instanceof ApiFailure && err.error.code === 'needs-confirmation')) throw err;
        if (!(await ask({ title: T.againTitle, message: err.message, confirm: T.againYes }))) return null;
        return call('queue/arrive', { meetingDayId: day.id, name, nationalId, confirmed: true });
      }
    });
    if (done) {
      if (mode === 'reception') onStartIntake(done);
      setName('');
      setNationalId('');
      setNidLeft(false);
      onChanged();
    }
    nameInput.current?.focus(); // the next arrival's name
  };

  const callNext = useCallback(async (): Promise<void> => {
    const called = await run(() => call('queue/callNext', { meetingDayId: day.id }));
    if (called) {
      onChanged();
      onStartIntake(called);
    }
  }, [day.id, onChanged, onStartIntake, run]);

  useEffect(() => {
    if (!calls) return undefined;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'F2') {
        e.preventDefault();
        void callNext();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [callNext, calls]);

  const mark = async (number: number, status: 'absent' | 'waiting'): Promise<void> => {
    if (await run(() => call('queue/mark', { meetingDayId: day.id, number, status }))) onChanged();
  };

  const visible = (queue.value ?? []).filter((q) => q.status !== 'seen');

  return (
    <aside className="card queue" aria-labelledby="queue-title">
      <h2 id="queue-title">{T.title}</h2>
      {mode !== 'table' && <form className="queue-form" onSubmit={arrive}>
        <input ref={nameInput} aria-label={T.name} placeholder={T.name} value={name} onChange={(e) => setName(e.target.value)} />
        <input aria-label={T.nationalId} placeholder={T.nationalId} value={nationalId} dir="ltr" inputMode="numeric"
          aria-invalid={nidProblem !== null} aria-describedby={nidProblem ? 'queue-nid-error' : undefined}
          onChange={(e) => setNationalId(digitsIn(e.target.value))} onFocus={() => setNidLeft(false)} onBlur={() => setNidLeft(true)} />
        {nidProblem && <div className="field-error" role="alert" id="queue-nid-error">{msg.nationalId[nidProblem]}</div>}
        <button type="submit" disabled={busy}>{T.arrive}</button>
      </form>}
      {calls && (
        <button type="button" className="primary block" onClick={() => void callNext()}>
          {T.callNext} <kbd>{T.callNextKey}</kbd>
        </button>
      )}
      <ActionError error={error} />
      <CallStatus state={queue} />
      {queue.value && visible.length === 0 && <p className="muted">{queue.value.length ? T.allSeen : T.empty}</p>}
      {visible.length > 0 && (
        <ol className="queue-list">
          {visible.map((q) => (
            <li key={q.number} className={`queue-item ${q.status}`}>
              <span className="queue-number" title={T.number}>{fa(q.number)}</span>
              <span className="queue-name">{q.name}</span>
              <span className="badge">{QUEUE_STATUS_LABEL[q.status]}</span>
              <span className="queue-actions">
                {(mode === 'reception' ? q.status === 'waiting' && !q.caseIds.length : q.status === 'called') && (
                  <button type="button" className="small" onClick={() => onStartIntake(q)}>{mode === 'table' ? T.order : T.intake}</button>
                )}
                {q.status !== 'absent' && <button type="button" className="small ghost" onClick={() => void mark(q.number, 'absent')}>{T.absent}</button>}
                {q.status === 'absent' && <button type="button" className="small ghost" onClick={() => void mark(q.number, 'waiting')}>{T.back}</button>}
              </span>
            </li>
          ))}
        </ol>
      )}
      {dialog}
    </aside>
  );
}
