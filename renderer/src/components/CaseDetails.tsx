import { useEffect, useState } from 'react';
import type { Case } from '../../../shared/domain';
import { isPaused } from '../../../shared/follow-up';
import { HISTORY_LABEL, ORDER_TYPE_LABEL, OUTCOME_LABEL, SATISFACTION_LABEL, STATUS_LABEL } from '../../../shared/labels';
import { maskNationalId } from '../../../shared/national-id';
import { ApiFailure, call } from '../api';
import { useApp } from '../app-context';
import { fa, faDateLong, faInstant } from '../format';
import { CaseActions } from './CaseActions';
import { Modal } from './Modal';

const T = {
  title: 'پرونده',
  citizen: 'مراجع',
  allCases: 'همه پرونده‌های این شهروند',
  nationalId: 'کد ملی',
  mobile: 'همراه',
  place: 'شهرستان / محل',
  meeting: 'روز ملاقات',
  text: 'شرح درخواست',
  category: 'موضوع',
  order: 'دستور استاندار',
  lead: 'دستگاه مسئول',
  others: 'همکار',
  due: 'مهلت پاسخ',
  paused: 'متوقف: در انتظار مدارک شهروند',
  extensions: 'تمدید',
  days: 'روز کاری',
  answers: 'پاسخ‌های دستگاه',
  letter: 'نامه',
  outcome: 'نتیجه',
  satisfaction: 'نظر شهروند',
  attachments: 'پیوست‌ها',
  status: 'وضعیت',
  history: 'سابقه',
  notices: 'پیامک‌های شهروند',
  exported: 'ارسال‌شده',
  pending: 'در صف',
  cancel: 'ابطال پرونده',
  cancelReason: 'دلیل ابطال (پرونده حذف نمی‌شود و کد دوباره استفاده نمی‌شود)',
  confirmCancel: 'ابطال',
  cancelled: 'ابطال‌شده:',
};

type Props = { id: string; onClose: () => void; onChanged: () => void };

export function CaseDetails({ id, onClose, onChanged }: Props) {
  const { info, settings, openCitizen } = useApp();
  const [c, setC] = useState<Case | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    void call('case/get', { id }).then(setC);
  }, [id]);

  const changed = (next: Case): void => {
    setC(next);
    onChanged();
  };

  const cancel = async (): Promise<void> => {
    try {
      changed(await call('case/cancel', { id, reason }));
      setError('');
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : String(e));
    }
  };

  return (
    <Modal title={c ? `${T.title} ${fa(c.code)}` : T.title} onClose={onClose} wide>
      {c && (
        <div className="case-details" data-testid="case-details">
          <dl className="facts">
            <dt>{T.citizen}</dt>
            <dd>{c.citizen.firstName} {c.citizen.lastName} <button type="button" className="small ghost" onClick={() => openCitizen(c.citizen.nationalId)}>{T.allCases}</button></dd>
            <dt>{T.nationalId}</dt><dd dir="ltr">{fa(maskNationalId(c.citizen.nationalId))}</dd>
            <dt>{T.mobile}</dt><dd dir="ltr">{fa(c.citizen.mobile)}</dd>
            <dt>{T.place}</dt><dd>{c.county}{c.citizen.locality ? ` — ${c.citizen.locality}` : ''}</dd>
            <dt>{T.meeting}</dt><dd>{faDateLong(c.meetingDate)}</dd>
            <dt>{T.status}</dt><dd><span className={`badge status-${c.status}`} data-testid="case-status">{STATUS_LABEL[c.status]}</span></dd>
            <dt>{T.category}</dt><dd>{c.category || '—'}</dd>
            <dt>{T.text}</dt><dd className="pre">{c.text}</dd>
            {c.order && (
              <>
                <dt>{T.order}</dt><dd>{ORDER_TYPE_LABEL[c.order.type]}{c.order.text ? `: ${c.order.text}` : ''}</dd>
                <dt>{T.lead}</dt><dd>{c.order.leadDepartment}{c.order.otherDepartments.length ? ` (${T.others}: ${c.order.otherDepartments.join('، ')})` : ''}</dd>
              </>
            )}
            {c.deadline && (
              <>
                <dt>{T.due}</dt>
                <dd>
                  {faDateLong(c.deadline.dueDate)} ({fa(c.deadline.days)} {T.days}
                  {c.deadline.extensions.length > 0 && ` + ${T.extensions} ${fa(c.deadline.extensions.reduce((s, e) => s + e.days, 0))}`})
                  {isPaused(c.deadline) && <span className="badge paused">{T.paused}</span>}
                </dd>
              </>
            )}
            {c.answers.length > 0 && (
              <>
                <dt>{T.answers}</dt>
                <dd>{c.answers.map((a, i) => <div key={i}>{T.letter} {fa(a.letterNo)} ({faDateLong(a.date)}) — {a.department}: {a.text}</div>)}</dd>
              </>
            )}
            {c.outcome && (<><dt>{T.outcome}</dt><dd><b>{OUTCOME_LABEL[c.outcome.kind]}</b>{c.outcome.duplicateOf ? ` (${fa(c.outcome.duplicateOf)})` : ''}{c.outcome.note ? ` — ${c.outcome.note}` : ''}</dd></>)}
            {c.satisfaction && (<><dt>{T.satisfaction}</dt><dd>{SATISFACTION_LABEL[c.satisfaction.level]}{c.satisfaction.note ? ` — ${c.satisfaction.note}` : ''}</dd></>)}
            {c.attachments.length > 0 && (<><dt>{T.attachments}</dt><dd>{c.attachments.join('، ')}</dd></>)}
          </dl>
          <CaseActions c={c} settings={settings} today={info.today} onChanged={changed} />
          <h3>{T.history}</h3>
          <ol className="history">
            {c.history.map((h, i) => (
              <li key={i}><span>{faInstant(h.at)}</span> <b>{HISTORY_LABEL[h.action]}</b> <span className="muted">{h.by}</span>{h.note ? ` — ${h.note}` : ''}</li>
            ))}
          </ol>
          {c.notices.length > 0 && (
            <>
              <h3>{T.notices}</h3>
              <ul className="notices">
                {c.notices.map((n) => <li key={n.id}><span className="badge">{n.exportedAt ? T.exported : T.pending}</span> {n.text}</li>)}
              </ul>
            </>
          )}
          {c.status === 'cancelled' ? (
            <div className="alert warn">{T.cancelled} {c.cancel?.reason} ({c.cancel ? faInstant(c.cancel.at) : ''})</div>
          ) : c.status === 'recorded' || c.status === 'referred' || c.status === 'in-progress' ? (
            <div className="cancel-box">
              <label htmlFor="cancel-reason">{T.cancelReason}</label>
              <input id="cancel-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
              <button type="button" className="danger" onClick={() => void cancel()}>{T.confirmCancel}</button>
              {error && <div className="alert error" role="alert">{error}</div>}
            </div>
          ) : null}
        </div>
      )}
    </Modal>
  );
}
