import { useState } from 'react';
import type { Case } from '../../../shared/domain';
import { ORDER_TYPE_LABEL, STATUS_LABEL } from '../../../shared/labels';
import type { CallState } from '../hooks/useCall';
import { fa, faDate } from '../format';
import { CallStatus } from './CallStatus';
import { CaseDetails } from './CaseDetails';
import { Code } from './Code';

const T = {
  title: 'فهرست پرونده‌های روز',
  empty: 'هنوز پرونده‌ای ثبت نشده است.',
  code: 'کد رهگیری',
  citizen: 'مراجع',
  county: 'شهرستان',
  department: 'دستگاه مسئول',
  order: 'دستور',
  due: 'تاریخ پاسخ',
  status: 'وضعیت',
  prints: 'چاپ',
  print: 'چاپ رسید',
  reprint: 'چاپ المثنی',
  details: 'جزئیات',
};

type Props = { dayId: string; cases: CallState<readonly Case[]>; onPrint: (c: Case) => void; onChanged: () => void };

export function DayCases({ cases: state, onPrint, onChanged }: Props) {
  const [open, setOpen] = useState<Case | null>(null);
  const cases = state.value ?? [];

  return (
    <section className="card" aria-labelledby="day-cases-title">
      <h2 id="day-cases-title">{T.title} <span className="badge">{fa(cases.length)}</span></h2>
      <CallStatus state={state} />
      {state.value && cases.length === 0 && <p className="muted">{T.empty}</p>}
      {cases.length > 0 && (
        <div className="table-wrap">
          <table className="cases" data-testid="day-cases">
            <thead>
              <tr>
                <th>{T.code}</th><th>{T.citizen}</th><th>{T.county}</th><th>{T.department}</th>
                <th>{T.order}</th><th>{T.due}</th><th>{T.status}</th><th>{T.prints}</th><th />
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.id} className={c.status === 'cancelled' ? 'cancelled' : ''}>
                  <td><Code code={c.code} /></td>
                  <td>{c.citizen.firstName} {c.citizen.lastName}</td>
                  <td>{c.county}</td>
                  <td>{c.order?.leadDepartment ?? c.departments.join('، ')}</td>
                  <td>{c.order ? ORDER_TYPE_LABEL[c.order.type] : '—'}</td>
                  <td>{c.deadline ? faDate(c.deadline.dueDate) : '—'}</td>
                  <td><span className={`badge status-${c.status}`}>{STATUS_LABEL[c.status]}</span></td>
                  <td>{fa(c.prints.length)}</td>
                  <td className="row-actions">
                    {c.status !== 'cancelled' && (
                      <button type="button" className="small" onClick={() => onPrint(c)}>{c.prints.length ? T.reprint : T.print}</button>
                    )}
                    <button type="button" className="small ghost" onClick={() => setOpen(c)}>{T.details}</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open && <CaseDetails id={open.id} onClose={() => setOpen(null)} onChanged={onChanged} />}
    </section>
  );
}
