import { useMemo, useState } from 'react';
import { ORDER_TYPE_LABEL } from '../../../shared/labels';
import { call } from '../api';
import { useAction, useCall } from '../hooks/useCall';
import { dayOption, fa, faDate, saveFile } from '../format';
import { ActionError, CallStatus } from './CallStatus';
import { Code } from './Code';

const T = {
  title: 'خلاصه روز ملاقات',
  day: 'روز ملاقات',
  none: 'هنوز روز ملاقاتی ثبت نشده است.',
  citizens: 'شهروندان دیدارشده',
  cases: 'درخواست‌ها',
  byDepartment: 'به تفکیک دستگاه',
  byCounty: 'به تفکیک شهرستان',
  byOrderType: 'به تفکیک نوع دستور',
  noOrder: 'بدون دستور',
  orders: 'دستورها',
  code: 'کد رهگیری', citizen: 'شهروند', county: 'شهرستان', department: 'دستگاه', type: 'نوع دستور', due: 'مهلت', order: 'دستور',
  pdf: 'PDF برای استاندار',
  xlsx: 'فهرست دستورها (اکسل)',
};

const counts = (title: string, rows: [string, number][]) => (
  <div><h4>{title}</h4><ul className="chips">{rows.map(([k, n]) => <li key={k}>{k} ({fa(n)})</li>)}</ul></div>
);

/** The end-of-day summary for the governor: pick a meeting day, read it, print it. */
export function DaySummaryPanel() {
  const list = useCall('meetingDay/list', {});
  const days = useMemo(() => [...(list.value ?? [])].sort((a, b) => b.date.localeCompare(a.date)), [list.value]);
  const [chosen, setChosen] = useState('');
  const dayId = chosen || days[0]?.id || '';
  const day = useCall('report/day', dayId ? { meetingDayId: dayId } : null);
  const summary = day.value;
  const { run, error } = useAction();
  const typeLabel = (t: string) => (t === 'none' ? T.noOrder : ORDER_TYPE_LABEL[t as keyof typeof ORDER_TYPE_LABEL]);
  const download = (format: 'pdf' | 'xlsx') => run(async () => {
    saveFile(await call('report/dayFile', { meetingDayId: dayId, format }), format === 'pdf' ? 'application/pdf' : undefined);
  });

  return (
    <section className="card" aria-labelledby="day-summary-title" data-testid="day-summary">
      <h2 id="day-summary-title">{T.title}</h2>
      <CallStatus state={list} />
      {list.value && days.length === 0 && <p className="muted">{T.none}</p>}
      {days.length > 0 && (
        <div className="actions">
          <label htmlFor="ds-day">{T.day}</label>
          <select id="ds-day" value={dayId} onChange={(e) => setChosen(e.target.value)}>
            {days.map((d) => <option key={d.id} value={d.id}>{dayOption(d)}</option>)}
          </select>
          <button type="button" onClick={() => void download('pdf')} disabled={!dayId}>{T.pdf}</button>
          <button type="button" onClick={() => void download('xlsx')} disabled={!dayId}>{T.xlsx}</button>
        </div>
      )}
      <ActionError error={error} />
      <CallStatus state={day} />
      {summary && (
        <>
          <p className="board-summary"><b>{T.citizens}: {fa(summary.citizens)}</b> <b>{T.cases}: {fa(summary.cases)}</b></p>
          <div className="editor-grid">
            {counts(T.byDepartment, summary.byDepartment)}
            <div>
              {counts(T.byCounty, summary.byCounty)}
              {counts(T.byOrderType, summary.byOrderType.map(([t, n]) => [typeLabel(t), n]))}
            </div>
          </div>
          <h4>{T.orders}</h4>
          <table className="cases" data-testid="day-orders">
            <thead><tr><th>{T.code}</th><th>{T.citizen}</th><th>{T.county}</th><th>{T.department}</th><th>{T.type}</th><th>{T.due}</th><th>{T.order}</th></tr></thead>
            <tbody>
              {summary.orders.map((o) => (
                <tr key={o.code}>
                  <td><Code code={o.code} /></td><td>{o.citizen}</td><td>{o.county}</td><td>{o.department}</td><td>{typeLabel(o.type)}</td>
                  <td>{o.dueDate ? faDate(o.dueDate) : '—'}</td><td>{fa(o.text)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
