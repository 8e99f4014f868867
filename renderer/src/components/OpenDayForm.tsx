import { useState, type FormEvent } from 'react';
import type { MeetingDay } from '../../../shared/domain';
import type { Settings } from '../../../shared/settings';
import { ApiFailure, call } from '../api';
import { fa, faDateLong } from '../format';
import { Combobox } from './Combobox';
import { Field } from './Field';
import { useApp } from '../app-context';
import { officeLabel, PROVINCE } from '../../../shared/offices';

const T = {
  title: 'گشایش روز ملاقات',
  intro: 'برای امروز روز ملاقاتی باز نشده است. پیش از پذیرش مراجعان، روز ملاقات را باز کنید.',
  date: 'تاریخ (شمسی)',
  place: 'محل ملاقات',
  center: 'مرکز استان',
  county: 'سفر شهرستانی',
  whichCounty: 'شهرستان',
  host: 'میزبان',
  defaultHost: 'استاندار',
  countyHost: 'فرماندار',
  atOffice: (o: string) => `در ${o}`,
  open: 'گشایش روز ملاقات',
};

type Props = { today: string; settings: Settings; onOpened: (d: MeetingDay) => void };

export function OpenDayForm({ today, settings, onOpened }: Props) {
  // a county governorate holds its days in its own county
  const { office } = useApp();
  const atCounty = office !== PROVINCE;
  const [date, setDate] = useState(fa(today));
  const [kind, setKind] = useState<'center' | 'county'>(atCounty ? 'county' : 'center');
  const [county, setCounty] = useState(atCounty ? office : (settings.counties[0] ?? ''));
  const [host, setHost] = useState(atCounty ? T.countyHost : T.defaultHost);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    try {
      const place = kind === 'center' ? { kind: 'center' as const } : { kind: 'county' as const, county };
      onOpened(await call('meetingDay/open', { date, place, host }));
    } catch (err) {
      if (err instanceof ApiFailure) setErrors(err.error.fields ?? { _: err.message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card narrow" onSubmit={submit} aria-labelledby="open-day-title">
      <h2 id="open-day-title">{T.title}</h2>
      <p className="muted">{T.intro}</p>
      <div className="form-grid">
        <Field label={T.date} htmlFor="day-date" error={errors.date} hint={faDateLong(today)}>
          <input id="day-date" value={date} onChange={(e) => setDate(e.target.value)} inputMode="numeric" dir="ltr" autoFocus />
        </Field>
        {atCounty ? <p data-testid="day-office">{T.atOffice(officeLabel(office))}</p> : (
          <Field label={T.place} htmlFor="day-place">
            <select id="day-place" value={kind} onChange={(e) => setKind(e.target.value as 'center' | 'county')}>
              <option value="center">{T.center}</option>
              <option value="county">{T.county}</option>
            </select>
          </Field>
        )}
        {kind === 'county' && !atCounty && (
          <Field label={T.whichCounty} htmlFor="day-county" error={errors['place.county']}>
            <Combobox id="day-county" items={settings.counties} value={county} onChange={setCounty} />
          </Field>
        )}
        <Field label={T.host} htmlFor="day-host" error={errors.host}>
          <input id="day-host" value={host} onChange={(e) => setHost(e.target.value)} />
        </Field>
      </div>
      {errors._ && <div className="alert error" role="alert">{errors._}</div>}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>{T.open}</button>
      </div>
    </form>
  );
}
