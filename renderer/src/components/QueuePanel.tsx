import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { MeetingDay, QueueEntry } from '../../../shared/domain';
import { QUEUE_STATUS_LABEL } from '../../../shared/labels';
import { ApiFailure, call } from '../api';
import { fa } from '../format';

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
  empty: 'هنوز کسی ثبت ورود نکرده است.',
  number: 'نوبت',
};

type Props = { day: MeetingDay; version: number; onChanged: () => void; onStartIntake: (q: QueueEntry) => void };

export function QueuePanel({ day, version, onChanged, onStartIntake }: Props) {
  const [queue, setQueue] = useState<readonly QueueEntry[]>([]);
  const [name, setName] = useState('');
  const [nationalId, setNationalId] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    void call('queue/list', { meetingDayId: day.id }).then(setQueue);
  }, [day.id, version]);

  const run = useCallback(async (f: () => Promise<unknown>): Promise<boolean> => {
    setError('');
    try {
      await f();
      onChanged();
      return true;
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : String(e));
      return false;
    }
  }, [onChanged]);

  const arrive = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (await run(() => call('queue/arrive', { meetingDayId: day.id, name, nationalId }))) {
      setName('');
      setNationalId('');
    }
  };

  const callNext = useCallback(async (): Promise<void> => {
    let called: QueueEntry | null = null;
    if (await run(async () => { called = await call('queue/callNext', { meetingDayId: day.id }); })) {
      if (called) onStartIntake(called);
    }
  }, [day.id, onStartIntake, run]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'F2') {
        e.preventDefault();
        void callNext();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [callNext]);

  const mark = (number: number, status: 'absent' | 'waiting'): Promise<boolean> =>
    run(() => call('queue/mark', { meetingDayId: day.id, number, status }));

  const visible = queue.filter((q) => q.status !== 'seen');

  return (
    <aside className="card queue" aria-labelledby="queue-title">
      <h2 id="queue-title">{T.title}</h2>
      <form className="queue-form" onSubmit={arrive}>
        <input aria-label={T.name} placeholder={T.name} value={name} onChange={(e) => setName(e.target.value)} />
        <input aria-label={T.nationalId} placeholder={T.nationalId} value={nationalId} onChange={(e) => setNationalId(e.target.value)} inputMode="numeric" />
        <button type="submit">{T.arrive}</button>
      </form>
      <button type="button" className="primary block" onClick={() => void callNext()}>
        {T.callNext} <kbd>{T.callNextKey}</kbd>
      </button>
      {error && <div className="alert error" role="alert">{error}</div>}
      {visible.length === 0 ? (
        <p className="muted">{T.empty}</p>
      ) : (
        <ol className="queue-list">
          {visible.map((q) => (
            <li key={q.number} className={`queue-item ${q.status}`}>
              <span className="queue-number" title={T.number}>{fa(q.number)}</span>
              <span className="queue-name">{q.name}</span>
              <span className="badge">{QUEUE_STATUS_LABEL[q.status]}</span>
              <span className="queue-actions">
                {q.status === 'called' && <button type="button" className="small" onClick={() => onStartIntake(q)}>{T.intake}</button>}
                {q.status !== 'absent' && <button type="button" className="small ghost" onClick={() => void mark(q.number, 'absent')}>{T.absent}</button>}
                {q.status === 'absent' && <button type="button" className="small ghost" onClick={() => void mark(q.number, 'waiting')}>{T.back}</button>}
              </span>
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}
