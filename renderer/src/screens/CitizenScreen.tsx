import { useCallback, useState } from 'react';
import { OUTCOME_LABEL, STATUS_LABEL } from '../../../shared/labels';
import { maskNationalId } from '../../../shared/national-id';
import { CallStatus } from '../components/CallStatus';
import { CaseDetails } from '../components/CaseDetails';
import { Code } from '../components/Code';
import { useCall } from '../hooks/useCall';
import { fa, faDate } from '../format';

const T = {
  title: 'پرونده‌های شهروند',
  nationalId: 'کد ملی',
  mobile: 'همراه',
  place: 'محل',
  count: (n: number) => `${fa(n)} پرونده`,
  code: 'کد رهگیری',
  date: 'روز ملاقات',
  department: 'دستگاه',
  status: 'وضعیت',
  outcome: 'نتیجه',
  summary: 'درخواست',
};

export function CitizenScreen({ nationalId }: { nationalId: string }) {
  const [open, setOpen] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const lookup = useCall('citizen/lookup', { nationalId }, version);
  const data = lookup.value;

  if (!data?.citizen) return <section className="card"><CallStatus state={lookup} /></section>;
  const z = data.citizen;
  return (
    <section className="card" aria-labelledby="citizen-title" data-testid="citizen-page">
      <h2 id="citizen-title">{T.title}: {z.firstName} {z.lastName} <span className="badge">{T.count(data.cases.length)}</span></h2>
      <p className="muted">{T.nationalId}: <bdi dir="ltr">{fa(maskNationalId(z.nationalId))}</bdi> · {T.mobile}: <bdi dir="ltr">{fa(z.mobile)}</bdi> · {T.place}: {z.county}{z.locality ? ` — ${z.locality}` : ''}</p>
      <table className="cases">
        <thead><tr><th>{T.code}</th><th>{T.date}</th><th>{T.department}</th><th>{T.summary}</th><th>{T.status}</th><th>{T.outcome}</th></tr></thead>
        <tbody>
          {data.cases.map((c) => (
            <tr key={c.id} className="clickable" onClick={() => setOpen(c.id)}>
              <td><Code code={c.code} /></td><td>{faDate(c.meetingDate)}</td><td>{c.departments.join('، ')}</td>
              <td>{fa(c.summary)}</td><td><span className={`badge status-${c.status}`}>{STATUS_LABEL[c.status]}</span></td>
              <td>{c.outcome ? OUTCOME_LABEL[c.outcome] : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {open && <CaseDetails id={open} onClose={() => setOpen(null)} onChanged={refresh} />}
    </section>
  );
}
