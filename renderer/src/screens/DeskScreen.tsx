import { useCallback, useState } from 'react';
import type { AppInfo } from '../../../shared/api';
import type { Case, MeetingDay, QueueEntry } from '../../../shared/domain';
import { placeLabel } from '../../../shared/labels';
import type { Settings } from '../../../shared/settings';
import { CallStatus } from '../components/CallStatus';
import { CaseDetails } from '../components/CaseDetails';
import { useConfirm } from '../components/Confirm';
import { DayCases } from '../components/DayCases';
import { IntakeForm } from '../components/IntakeForm';
import { OpenDayForm } from '../components/OpenDayForm';
import { QueuePanel } from '../components/QueuePanel';
import { SlipViewer, useSlipPrinter } from '../components/SlipViewer';
import { useCall } from '../hooks/useCall';
import { clearDraft, hasDraft } from '../intake-draft';
import { fa, faDateLong } from '../format';

const T = {
  host: 'میزبان',
  cases: 'پرونده‌های امروز',
  waiting: 'در انتظار',
  replaceTitle: 'فراخوان نفر بعد',
  replace: (name: string) => `فرم پذیرش نیمه‌کاره است و ثبت نشده. با پذیرش ${name} آنچه نوشته شده پاک می‌شود.`,
  replaceYes: 'پاک کن و پذیرش کن',
  keep: 'ادامه همین فرم',
};

type Props = { info: AppInfo; settings: Settings };

export function DeskScreen({ info, settings }: Props) {
  const current = useCall('meetingDay/current', {});
  const [opened, setOpened] = useState<MeetingDay | null>(null);
  const day = opened ?? current.value ?? null;
  const [version, setVersion] = useState(0);
  const [calling, setCalling] = useState<QueueEntry | null>(null);
  const [intakeKey, setIntakeKey] = useState(0);
  const [correcting, setCorrecting] = useState<Case | null>(null);
  const { ask, dialog } = useConfirm();
  const desk = info.operator;

  const startIntake = useCallback(async (q: QueueEntry) => {
    if (day && hasDraft(desk, day.id)) {
      if (!(await ask({ title: T.replaceTitle, message: T.replace(q.name), confirm: T.replaceYes, cancel: T.keep, danger: true }))) return;
      clearDraft(desk, day.id);
    }
    setCalling(q);
    setIntakeKey((k) => k + 1); // a fresh form for the citizen called
  }, [ask, day, desk]);

  const changed = useCallback(() => setVersion((v) => v + 1), []);
  const printer = useSlipPrinter(changed);

  const dayCases = useCall('case/listForDay', day ? { meetingDayId: day.id } : null, version);
  const queue = useCall('queue/list', day ? { meetingDayId: day.id } : null, version);

  if (!day) {
    if (current.loading || current.error) return <CallStatus state={current} />;
    return <OpenDayForm today={info.today} settings={settings} onOpened={setOpened} />;
  }
  const cases = dayCases.value?.filter((c) => c.status !== 'cancelled').length ?? 0;
  const waiting = queue.value?.filter((e) => e.status === 'waiting').length ?? 0;

  return (
    <div className="desk">
      <section className="day-bar" aria-label="روز ملاقات">
        <div className="day-title">
          <strong>{faDateLong(day.date)}</strong>
          <span>{placeLabel(day.place)}</span>
          <span>{T.host}: <bdi>{day.host}</bdi></span>
        </div>
        <div className="day-counts">
          <span className="count" data-testid="day-case-count">{T.cases}: <b>{fa(cases)}</b></span>
          <span className="count">{T.waiting}: <b>{fa(waiting)}</b></span>
        </div>
      </section>
      <div className="desk-grid">
        <QueuePanel day={day} queue={queue} onChanged={changed} onStartIntake={(q) => void startIntake(q)} />
        <IntakeForm
          key={intakeKey}
          day={day}
          settings={settings}
          desk={desk}
          fromQueue={calling}
          onSaved={changed}
          onPrint={(c) => void printer.print(c)}
          onCorrect={setCorrecting}
        />
      </div>
      {printer.error && <div className="alert error" role="alert">{printer.error}</div>}
      <DayCases dayId={day.id} cases={dayCases} onPrint={(c) => void printer.print(c)} onChanged={changed} />
      {printer.slip && <SlipViewer slip={printer.slip} onClose={printer.close} />}
      {correcting && <CaseDetails id={correcting.id} startCorrecting onClose={() => setCorrecting(null)} onChanged={changed} />}
      {dialog}
    </div>
  );
}
