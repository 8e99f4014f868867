import { useCallback, useState } from 'react';
import { placeLabel } from '../../../shared/labels';
import type { Settings } from '../../../shared/settings';
import { CallStatus } from '../components/CallStatus';
import { DayCases } from '../components/DayCases';
import { SlipViewer, useSlipPrinter } from '../components/SlipViewer';
import { useApp } from '../app-context';
import { useCall } from '../hooks/useCall';
import { fa, faDateLong } from '../format';

const T = {
  title: 'روزهای ملاقات',
  empty: 'هنوز روز ملاقاتی باز نشده است.',
  date: 'تاریخ',
  place: 'محل',
  host: 'میزبان',
  cases: 'پرونده',
  waiting: 'در انتظار',
  show: 'نمایش پرونده‌ها',
};

export function DaysScreen(_: { settings: Settings }) {
  const [selected, setSelected] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const changed = useCallback(() => setVersion((v) => v + 1), []);
  const printer = useSlipPrinter(changed);
  const days = useCall('meetingDay/list', {}, version);
  const { may } = useApp();
  const casesShown = may('case/listForDay'); // a viewer sees the days and their summaries, not the citizens' cases
  const cases = useCall('case/listForDay', selected && casesShown ? { meetingDayId: selected } : null, version);
  const list = days.value ?? [];

  return (
    <div className="days">
      <section className="card" aria-labelledby="days-title">
        <h2 id="days-title">{T.title}</h2>
        <CallStatus state={days} />
        {days.value && list.length === 0 && <p className="muted">{T.empty}</p>}
        {list.length > 0 && (
          <table className="cases">
            <thead><tr><th>{T.date}</th><th>{T.place}</th><th>{T.host}</th><th>{T.cases}</th><th>{T.waiting}</th><th /></tr></thead>
            <tbody>
              {list.map((d) => (
                <tr key={d.id} className={selected === d.id ? 'selected' : ''}>
                  <td>{faDateLong(d.date)}</td><td>{placeLabel(d)}</td><td>{d.host}</td>
                  <td>{fa(d.caseCount)}</td><td>{fa(d.waiting)}</td>
                  <td><button type="button" className="small" onClick={() => setSelected(d.id)}>{T.show}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {printer.error && <div className="alert error" role="alert">{printer.error}</div>}
      {selected && casesShown && <DayCases dayId={selected} cases={cases} onPrint={(c) => void printer.print(c)} onChanged={changed} />}
      {printer.slip && <SlipViewer slip={printer.slip} onClose={printer.close} />}
    </div>
  );
}
