import { useEffect, useState } from 'react';
import type { Case } from '../../../shared/domain';
import { HISTORY_LABEL, ORDER_TYPE_LABEL, STATUS_LABEL } from '../../../shared/labels';
import { maskNationalId } from '../../../shared/national-id';
import { ApiFailure, call } from '../api';
import { fa, faDateLong, faInstant } from '../format';
import { Modal } from './Modal';

const T = {
  title: 'پرونده',
  citizen: 'مراجع',
  nationalId: 'کد ملی',
  mobile: 'همراه',
  place: 'شهرستان / محل',
  meeting: 'روز ملاقات',
  text: 'شرح درخواست',
  category: 'موضوع',
  order: 'دستور استاندار',
  lead: 'دستگاه مسئول',
  others: 'همکار',
  due: 'تاریخ پاسخ',
  attachments: 'پیوست‌ها',
  status: 'وضعیت',
  history: 'سابقه',
  cancel: 'ابطال پرونده',
  cancelReason: 'دلیل ابطال (پرونده حذف نمی‌شود و کد دوباره استفاده نمی‌شود)',
  confirmCancel: 'ابطال',
  cancelled: 'ابطال‌شده:',
};


type Props = { id: string; onClose: () => void; onChanged: () => void };

export function CaseDetails({ id, onClose, onChanged }: Props) {
  const [c, setC] = useState<Case | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    void call('case/get', { id }).then(setC);
  }, [id]);

  const cancel = async (): Promise<void> => {
    try {
      setC(await call('case/cancel', { id, reason }));
      setError('');
      onChanged();
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : String(e));
    }
  };

  return (
    <Modal title={c ? `${T.title} ${fa(c.code)}` : T.title} onClose={onClose} wide>
      {c && (
        <div className="case-details">
          <dl className="facts">
            <dt>{T.citizen}</dt><dd>{c.citizen.firstName} {c.citizen.lastName}</dd>
            <dt>{T.nationalId}</dt><dd dir="ltr">{fa(maskNationalId(c.citizen.nationalId))}</dd>
            <dt>{T.mobile}</dt><dd dir="ltr">{fa(c.citizen.mobile)}</dd>
            <dt>{T.place}</dt><dd>{c.county}{c.citizen.locality ? ` — ${c.citizen.locality}` : ''}</dd>
            <dt>{T.meeting}</dt><dd>{faDateLong(c.meetingDate)}</dd>
            <dt>{T.status}</dt><dd><span className={`badge status-${c.status}`}>{STATUS_LABEL[c.status]}</span></dd>
            <dt>{T.category}</dt><dd>{c.category || '—'}</dd>
            <dt>{T.text}</dt><dd className="pre">{c.text}</dd>
            {c.order && (
              <>
                <dt>{T.order}</dt><dd>{ORDER_TYPE_LABEL[c.order.type]}{c.order.text ? `: ${c.order.text}` : ''}</dd>
                <dt>{T.lead}</dt><dd>{c.order.leadDepartment}{c.order.otherDepartments.length ? ` (${T.others}: ${c.order.otherDepartments.join('، ')})` : ''}</dd>
                <dt>{T.due}</dt><dd>{faDateLong(c.order.dueDate)}</dd>
              </>
            )}
            {c.attachments.length > 0 && (<><dt>{T.attachments}</dt><dd>{c.attachments.join('، ')}</dd></>)}
          </dl>
          <h3>{T.history}</h3>
          <ol className="history">
            {c.history.map((h, i) => (
              <li key={i}><span>{faInstant(h.at)}</span> <b>{HISTORY_LABEL[h.action]}</b> <span className="muted">{h.by}</span>{h.note ? ` — ${h.note}` : ''}</li>
            ))}
          </ol>
          {c.status === 'cancelled' ? (
            <div className="alert warn">{T.cancelled} {c.cancel?.reason} ({c.cancel ? faInstant(c.cancel.at) : ''})</div>
          ) : (
            <div className="cancel-box">
              <label htmlFor="cancel-reason">{T.cancelReason}</label>
              <input id="cancel-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
              <button type="button" className="danger" onClick={() => void cancel()}>{T.confirmCancel}</button>
              {error && <div className="alert error" role="alert">{error}</div>}
            </div>
          )}
        </div>
      )}
    </Modal>
  );
}
