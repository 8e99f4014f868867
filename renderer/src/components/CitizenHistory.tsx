import type { CaseBrief } from '../../../shared/domain';
import { STATUS_LABEL } from '../../../shared/labels';
import { fa, faDate } from '../format';

const T = { title: 'پرونده‌های پیشین این شهروند', open: 'باز', closed: 'بسته' };

export function CitizenHistory({ cases }: { cases: CaseBrief[] }) {
  if (!cases.length) return null;
  return (
    <div className="citizen-history" data-testid="citizen-history">
      <h3>{T.title} ({fa(cases.length)})</h3>
      <ul>
        {cases.map((c) => (
          <li key={c.id} className={c.open ? 'open' : 'closed'}>
            <span className="code" dir="ltr">{fa(c.code)}</span>
            <span>{faDate(c.meetingDate)}</span>
            <span className="badge">{STATUS_LABEL[c.status]}</span>
            <span className="muted">{c.departments.join('، ')}</span>
            <span className="summary">{c.summary}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
