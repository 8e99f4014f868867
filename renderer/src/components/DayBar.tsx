import { useState, type ReactNode } from 'react';
import type { MeetingDay } from '../../../shared/domain';
import { placeLabel } from '../../../shared/labels';
import { useApp } from '../app-context';
import { useCall } from '../hooks/useCall';
import { faDateLong } from '../format';
import { CallStatus } from './CallStatus';
import { OpenDayForm } from './OpenDayForm';

const T = {
  host: 'میزبان',
  notOpen: 'روز ملاقات امروز هنوز باز نشده است. میز پذیرش یا دفتر استاندار آن را باز می‌کند؛ سپس این صفحه را دوباره باز کنید.',
};

/**
 * Today's meeting day for the screens that work on it: the one open, or the one this desk opens now. `null`
 * while it loads or when there is none, with what to show instead (the form to open it, or why not).
 */
export function useMeetingDay(): { day: MeetingDay | null; instead: ReactNode } {
  const { info, settings, may } = useApp();
  const current = useCall('meetingDay/current', {});
  const [opened, setOpened] = useState<MeetingDay | null>(null);
  const day = opened ?? current.value ?? null;
  if (day) return { day, instead: null };
  if (current.loading || current.error) return { day: null, instead: <CallStatus state={current} /> };
  if (!may('meetingDay/open')) return { day: null, instead: <p className="alert info">{T.notOpen}</p> };
  return { day: null, instead: <OpenDayForm today={info.today} settings={settings} onOpened={setOpened} /> };
}

/** The meeting day at the top of a desk's screen, with the screen's own counts beside it. */
export function DayBar({ day, children }: { day: MeetingDay; children?: ReactNode }) {
  return (
    <section className="day-bar" aria-label="روز ملاقات">
      <div className="day-title">
        <strong>{faDateLong(day.date)}</strong>
        <span>{placeLabel(day)}</span>
        <span>{T.host}: <bdi>{day.host}</bdi></span>
      </div>
      <div className="day-counts">{children}</div>
    </section>
  );
}
