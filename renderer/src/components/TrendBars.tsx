import { fa, faDate } from '../format';

/** Cases per meeting day as small bars, oldest on the right (the page reads right to left). */
export function TrendBars({ days, label, marker }: { days: { date: string; cases: number; after?: boolean }[]; label: string; marker?: string }) {
  const max = Math.max(1, ...days.map((d) => d.cases));
  return (
    <div className="trend" role="img" aria-label={label}>
      {days.map((d) => (
        <div key={d.date} className={`trend-col${d.after ? ' after' : ''}`} title={`${faDate(d.date)}: ${fa(d.cases)}`}>
          <span className="trend-n">{d.cases ? fa(d.cases) : ''}</span>
          <span className="trend-bar" style={{ height: `${(d.cases / max) * 3}rem` }} />
          <span className="trend-date">{faDate(d.date).slice(2)}</span>
          {marker && d.after && days.find((x) => x.after)?.date === d.date && <span className="trend-marker">{marker}</span>}
        </div>
      ))}
    </div>
  );
}
