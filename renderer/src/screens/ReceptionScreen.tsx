// Reception of a meeting day split across stations: the citizen's arrival (name and national ID), their
// earlier cases as the national ID is typed, and the issue recorded before the governor's order.
import { useCallback, useState } from 'react';
import type { QueueEntry } from '../../../shared/domain';
import { useApp } from '../app-context';
import { DayBar, useMeetingDay } from '../components/DayBar';
import { IntakeForm } from '../components/IntakeForm';
import { QueuePanel } from '../components/QueuePanel';
import { useCall } from '../hooks/useCall';
import { fa } from '../format';

const T = {
  waiting: 'در صف میز استاندار',
  recorded: 'درخواست‌های در انتظار دستور',
};

export function ReceptionScreen() {
  const { info, settings } = useApp();
  const { day, instead } = useMeetingDay();
  const [version, setVersion] = useState(0);
  const [arrival, setArrival] = useState<QueueEntry | null>(null);
  const [intakeKey, setIntakeKey] = useState(0);
  const changed = useCallback(() => setVersion((v) => v + 1), []);
  const queue = useCall('queue/list', day ? { meetingDayId: day.id } : null, version);
  const pending = useCall('case/pending', day ? { stage: 'order', meetingDayId: day.id } : null, version);
  const startIntake = useCallback((q: QueueEntry) => {
    setArrival(q);
    setIntakeKey((k) => k + 1); // a fresh form for the citizen who just arrived
  }, []);

  if (!day) return instead;
  const waiting = queue.value?.filter((e) => e.status === 'waiting').length ?? 0;
  return (
    <div className="desk station reception" data-testid="station-reception">
      <DayBar day={day}>
        <span className="count" data-testid="reception-waiting">{T.waiting}: <b>{fa(waiting)}</b></span>
        <span className="count" data-testid="reception-pending">{T.recorded}: <b>{fa(pending.value?.length ?? 0)}</b></span>
      </DayBar>
      <div className="desk-grid">
        <QueuePanel mode="reception" day={day} queue={queue} onChanged={changed} onStartIntake={startIntake} />
        <IntakeForm
          key={intakeKey}
          pending
          day={day}
          settings={settings}
          desk={`${info.operator}:reception`}
          fromQueue={arrival}
          onSaved={changed}
          onPrint={() => undefined}
          onCorrect={() => undefined}
        />
      </div>
    </div>
  );
}
