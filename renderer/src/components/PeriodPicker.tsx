import { useState } from 'react';
import { JALALI_MONTHS } from '../../../shared/jalali';
import { toAsciiDigits } from '../../../shared/persian-text';
import type { Period } from '../../../shared/reports/period';
import { fa, toNumber } from '../format';

const T = {
  kind: 'دوره',
  kinds: { month: 'ماه', season: 'فصل', year: 'سال', range: 'بازه دلخواه' } as Record<Period['kind'], string>,
  year: 'سال',
  month: 'ماه',
  season: 'فصل',
  seasons: ['بهار', 'تابستان', 'پاییز', 'زمستان'],
  from: 'از تاریخ',
  to: 'تا تاریخ',
  show: 'نمایش',
};

/** A Jalali report period: month, season, year or a custom range. */
export function PeriodPicker({ today, onChange }: { today: string; onChange: (p: Period) => void }) {
  const [jy, jm] = today.split('/').map(Number) as [number, number];
  const [kind, setKind] = useState<Period['kind']>('month');
  const [year, setYear] = useState(fa(jy));
  const [month, setMonth] = useState(jm);
  const [season, setSeason] = useState(Math.ceil(jm / 3));
  const [from, setFrom] = useState(fa(`${jy}/01/01`));
  const [to, setTo] = useState(fa(today));

  const period = (): Period => {
    const y = toNumber(year);
    if (kind === 'month') return { kind, year: y, month };
    if (kind === 'season') return { kind, year: y, season };
    if (kind === 'year') return { kind, year: y };
    return { kind, from: toAsciiDigits(from.trim()), to: toAsciiDigits(to.trim()) };
  };

  return (
    <form className="period-picker" onSubmit={(e) => { e.preventDefault(); onChange(period()); }}>
      <label htmlFor="p-kind">{T.kind}</label>
      <select id="p-kind" value={kind} onChange={(e) => setKind(e.target.value as Period['kind'])}>
        {(Object.keys(T.kinds) as Period['kind'][]).map((k) => <option key={k} value={k}>{T.kinds[k]}</option>)}
      </select>
      {kind !== 'range' && (
        <>
          <label htmlFor="p-year">{T.year}</label>
          <input id="p-year" value={year} onChange={(e) => setYear(e.target.value)} size={5} dir="ltr" inputMode="numeric" />
        </>
      )}
      {kind === 'month' && (
        <>
          <label htmlFor="p-month">{T.month}</label>
          <select id="p-month" value={month} onChange={(e) => setMonth(Number(e.target.value))}>
            {JALALI_MONTHS.map((m, i) => <option key={m} value={i + 1}>{m}</option>)}
          </select>
        </>
      )}
      {kind === 'season' && (
        <>
          <label htmlFor="p-season">{T.season}</label>
          <select id="p-season" value={season} onChange={(e) => setSeason(Number(e.target.value))}>
            {T.seasons.map((s, i) => <option key={s} value={i + 1}>{s}</option>)}
          </select>
        </>
      )}
      {kind === 'range' && (
        <>
          <label htmlFor="p-from">{T.from}</label>
          <input id="p-from" value={from} onChange={(e) => setFrom(e.target.value)} size={11} dir="ltr" />
          <label htmlFor="p-to">{T.to}</label>
          <input id="p-to" value={to} onChange={(e) => setTo(e.target.value)} size={11} dir="ltr" />
        </>
      )}
      <button type="submit" className="primary">{T.show}</button>
    </form>
  );
}
