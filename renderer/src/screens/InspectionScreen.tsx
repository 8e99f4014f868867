// The inspection desk: cases that have the governor's order and wait for their tracking code, the longest
// waiting first; one key gives the code and prints the slip the citizen takes away.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Case, CodedCase } from '../../../shared/domain';
import { ORDER_TYPE_LABEL } from '../../../shared/labels';
import { call } from '../api';
import { ActionError, CallStatus } from '../components/CallStatus';
import { Code } from '../components/Code';
import { SlipViewer, useSlipPrinter } from '../components/SlipViewer';
import { useAction, useCall } from '../hooks/useCall';
import { fa, faDate } from '../format';

const T = {
  title: 'پرونده‌های دارای دستور، در انتظار کد رهگیری',
  none: 'پرونده‌ای در انتظار کد رهگیری نیست.',
  citizen: 'مراجع',
  date: 'روز ملاقات',
  department: 'دستگاه مسئول',
  order: 'دستور',
  allocate: 'صدور کد و چاپ رسید',
  done: 'کدهای صادرشده در این میز',
  reprint: 'چاپ دوباره',
  refresh: 'تازه‌سازی فهرست',
  keys: 'میان‌برها: Enter روی دکمه صدور کد · پیکان بالا و پایین میان پرونده‌ها',
};

export function InspectionScreen() {
  const [version, setVersion] = useState(0);
  const changed = useCallback(() => setVersion((v) => v + 1), []);
  const waiting = useCall('case/pending', { stage: 'code' }, version);
  const printer = useSlipPrinter(changed);
  const { run, busy, error } = useAction();
  const [coded, setCoded] = useState<CodedCase[]>([]);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => { if (!printer.slip) first.current?.focus(); }, [waiting.value, printer.slip]);

  const allocate = async (c: Case): Promise<void> => {
    const done = await run(() => call('case/allocateCode', { id: c.id }));
    if (!done) return;
    setCoded((list) => [done, ...list]);
    changed();
    await printer.print(done);
  };
  const onKey = (e: React.KeyboardEvent<HTMLTableSectionElement>): void => {
    const step = { ArrowDown: 1, ArrowUp: -1 }[e.key];
    if (step === undefined) return;
    const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    e.preventDefault();
    buttons[Math.min(buttons.length - 1, Math.max(0, at + step))]?.focus();
  };

  return (
    <div className="desk station inspection" data-testid="station-inspection">
      <section className="card" aria-labelledby="insp-title">
        <div className="card-head">
          <h2 id="insp-title">{T.title} <span className="badge" data-testid="inspection-count">{fa(waiting.value?.length ?? 0)}</span></h2>
          <button type="button" className="ghost" onClick={changed}>{T.refresh}</button>
        </div>
        <CallStatus state={waiting} />
        <ActionError error={error || printer.error} />
        {waiting.value?.length === 0 && <p className="muted">{T.none}</p>}
        {!!waiting.value?.length && (
          <div className="table-wrap"><table className="cases">
            <thead><tr><th>{T.citizen}</th><th>{T.date}</th><th>{T.department}</th><th>{T.order}</th><th /></tr></thead>
            <tbody onKeyDown={onKey}>
              {waiting.value.map((c, i) => (
                <tr key={c.id}>
                  <td>{c.citizen.firstName} {c.citizen.lastName}</td>
                  <td>{faDate(c.meetingDate)}</td>
                  <td>{c.order?.leadDepartment}</td>
                  <td>{c.order ? ORDER_TYPE_LABEL[c.order.type] : ''}{c.order?.text ? ` — ${fa(c.order.text)}` : ''}</td>
                  <td><button type="button" className="primary small" ref={i === 0 ? first : undefined} disabled={busy} onClick={() => void allocate(c)}>{T.allocate}</button></td>
                </tr>
              ))}
            </tbody>
          </table></div>
        )}
        <p className="muted small-text">{T.keys}</p>
      </section>
      {coded.length > 0 && (
        <section className="card" aria-labelledby="insp-done">
          <h2 id="insp-done">{T.done}</h2>
          <ul className="pick-list" data-testid="inspection-coded">
            {coded.map((c) => (
              <li key={c.id}>
                <Code code={c.code} /> {c.citizen.firstName} {c.citizen.lastName}
                <button type="button" className="small ghost" onClick={() => void printer.print(c)}>{T.reprint}</button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {printer.slip && <SlipViewer slip={printer.slip} onClose={printer.close} />}
    </div>
  );
}
