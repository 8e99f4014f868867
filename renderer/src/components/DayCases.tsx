import { useEffect, useState } from 'react';
import type { Case } from '../../../shared/domain';
import { ORDER_TYPE_LABEL, STATUS_LABEL } from '../../../shared/labels';
import { call } from '../api';
import { fa, faDate } from '../format';
import { CaseDetails } from './CaseDetails';

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

type Props = { dayId: string; version: number; onPrint: (c: Case) => void; onChanged: () => void };

export function DayCases({ dayId, version, onPrint, onChanged }: Props) {
  const [cases, setCases] = useState<readonly Case[]>([]);
  const [open, setOpen] = useState<Case | null>(null);

  useEffect(() => {
    void call('case/listForDay', { meetingDayId: dayId }).then(setCases);
  }, [dayId, version]);

  return (
    <section className="card" aria-labelledby="day-cases-title">
      <h2 id="day-cases-title">{T.title} <span className="badge">{fa(cases.length)}</span></h2>
      {cases.length === 0 ? (
        <p className="muted">{T.empty}</p>
      ) : (
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
                  <td className="code" dir="ltr">{fa(c.code)}</td>
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
