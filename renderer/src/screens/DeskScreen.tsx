import { useCallback, useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/api';
import type { MeetingDay, QueueEntry } from '../../../shared/domain';
import { placeLabel } from '../../../shared/labels';
import type { Settings } from '../../../shared/settings';
import { call } from '../api';
import { DayCases } from '../components/DayCases';
import { IntakeForm } from '../components/IntakeForm';
import { OpenDayForm } from '../components/OpenDayForm';
import { QueuePanel } from '../components/QueuePanel';
import { SlipViewer, useSlipPrinter } from '../components/SlipViewer';
import { fa, faDateLong } from '../format';

const T = {
  loading: 'در حال بارگذاری…',
  host: 'میزبان',
  cases: 'پرونده‌های امروز',
  waiting: 'در انتظار',
};

type Props = { info: AppInfo; settings: Settings };

export function DeskScreen({ info, settings }: Props) {
  const [day, setDay] = useState<MeetingDay | null | undefined>(undefined);
  const [version, setVersion] = useState(0);
  const [calling, setCalling] = useState<QueueEntry | null>(null);
  const [intakeKey, setIntakeKey] = useState(0);
  const startIntake = useCallback((q: QueueEntry) => {
    setCalling(q);
    setIntakeKey((k) => k + 1); // a fresh form for the citizen called
  }, []);
  const [counts, setCounts] = useState({ cases: 0, waiting: 0 });

  useEffect(() => {
    void call('meetingDay/current', {}).then(setDay);
  }, []);

  const changed = useCallback(() => setVersion((v) => v + 1), []);
  const printer = useSlipPrinter(changed);

  useEffect(() => {
    if (!day) return;
    void Promise.all([call('case/listForDay', { meetingDayId: day.id }), call('queue/list', { meetingDayId: day.id })]).then(([cs, q]) =>
      setCounts({ cases: cs.filter((c) => c.status !== 'cancelled').length, waiting: q.filter((e) => e.status === 'waiting').length }),
    );
  }, [day, version]);

  if (day === undefined) return <div className="loading">{T.loading}</div>;
  if (day === null) return <OpenDayForm today={info.today} settings={settings} onOpened={setDay} />;

  return (
    <div className="desk">
      <section className="day-bar" aria-label="روز ملاقات">
        <div className="day-title">
          <strong>{faDateLong(day.date)}</strong>
          <span>{placeLabel(day.place)}</span>
          <span>{T.host}: {day.host}</span>
        </div>
        <div className="day-counts">
          <span className="count" data-testid="day-case-count">{T.cases}: <b>{fa(counts.cases)}</b></span>
          <span className="count">{T.waiting}: <b>{fa(counts.waiting)}</b></span>
        </div>
      </section>
      <div className="desk-grid">
        <QueuePanel day={day} version={version} onChanged={changed} onStartIntake={startIntake} />
        <IntakeForm
          key={intakeKey}
          day={day}
          settings={settings}
          fromQueue={calling}
          onSaved={changed}
          onPrint={(c) => void printer.print(c)}
        />
      </div>
      {printer.error && <div className="alert error" role="alert">{printer.error}</div>}
      <DayCases dayId={day.id} version={version} onPrint={(c) => void printer.print(c)} onChanged={changed} />
      {printer.slip && <SlipViewer slip={printer.slip} onClose={printer.close} />}
    </div>
  );
}
