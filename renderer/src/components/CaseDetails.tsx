import { useState } from 'react';
import type { Case } from '../../../shared/domain';
import { isPaused } from '../../../shared/follow-up';
import { ORDER_TYPE_LABEL, OUTCOME_LABEL, SATISFACTION_LABEL, STATUS_LABEL } from '../../../shared/labels';
import { maskNationalId } from '../../../shared/national-id';
import { call } from '../api';
import { useApp } from '../app-context';
import { useAction, useCall } from '../hooks/useCall';
import { fa, faDateLong, faInstant } from '../format';
import { CallStatus } from './CallStatus';
import { CaseActions } from './CaseActions';
import { CaseCorrection } from './CaseCorrection';
import { Code } from './Code';
import { useConfirm } from './Confirm';
import { HistoryList } from './HistoryList';
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
  correct: 'اصلاح مشخصات',
  cancelTitle: 'ابطال پرونده',
  cancelQuestion: (code: string, reason: string) => `پرونده ${code} با دلیل «${reason}» ابطال شود؟ ابطال برگشت‌پذیر نیست و کد رهگیری دوباره به کار نمی‌رود.`,
  cancelYes: 'بله، ابطال شود',
};

type Props = { id: string; onClose: () => void; onChanged: () => void; startCorrecting?: boolean };

export function CaseDetails({ id, onClose, onChanged, startCorrecting = false }: Props) {
  const { info, settings, openCitizen, may } = useApp();
  const loaded = useCall('case/get', { id });
  const [updated, setUpdated] = useState<Case | null>(null);
  const c = updated ?? loaded.value ?? null;
  const [reason, setReason] = useState('');
  const [correcting, setCorrecting] = useState(startCorrecting);
  const { run, error } = useAction();
  const { ask, dialog } = useConfirm();

  const changed = (next: Case): void => {
    setUpdated(next);
    onChanged();
  };

  const cancel = async (): Promise<void> => {
    if (!c) return;
    if (reason.trim() && !(await ask({ title: T.cancelTitle, message: T.cancelQuestion(fa(c.code), reason), confirm: T.cancelYes, danger: true }))) return;
    const next = await run(() => call('case/cancel', { id, reason }));
    if (next) changed(next);
  };

  const correctable = c !== null && c.status !== 'cancelled' && c.status !== 'closed';

  return (
    <Modal title={c ? `${T.title} ${fa(c.code)}` : T.title} onClose={onClose} wide>
      <CallStatus state={loaded} />
      {c && correcting && correctable && (
        <CaseCorrection c={c} onCancel={() => setCorrecting(false)} onSaved={(next) => { changed(next); setCorrecting(false); }} />
      )}
      {c && (
        <div className="case-details" data-testid="case-details">
          <dl className="facts">
            <dt>{T.citizen}</dt>
            <dd data-testid="case-citizen">
              {c.citizen.firstName} {c.citizen.lastName}
              <button type="button" className="small ghost" onClick={() => openCitizen(c.citizen.nationalId)}>{T.allCases}</button>
              {correctable && !correcting && <button type="button" className="small" onClick={() => setCorrecting(true)}>{T.correct}</button>}
            </dd>
            <dt>{T.nationalId}</dt><dd><bdi dir="ltr">{fa(maskNationalId(c.citizen.nationalId))}</bdi></dd>
            <dt>{T.mobile}</dt><dd><bdi dir="ltr">{fa(c.citizen.mobile)}</bdi></dd>
            <dt>{T.place}</dt><dd>{c.county}{c.citizen.locality ? ` — ${c.citizen.locality}` : ''}{c.citizen.address ? ` — ${c.citizen.address}` : ''}</dd>
            <dt>{T.meeting}</dt><dd>{faDateLong(c.meetingDate)}</dd>
            <dt>{T.status}</dt><dd><span className={`badge status-${c.status}`} data-testid="case-status">{STATUS_LABEL[c.status]}</span></dd>
            <dt>{T.category}</dt><dd>{c.category || '—'}</dd>
            <dt>{T.text}</dt><dd className="pre" data-testid="case-text">{fa(c.text)}</dd>
            {c.order && (
              <>
                <dt>{T.order}</dt><dd>{ORDER_TYPE_LABEL[c.order.type]}{c.order.text ? <>: <bdi>{fa(c.order.text)}</bdi></> : ''}</dd>
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
                <dd>{c.answers.map((a, i) => <div key={i}>{T.letter} <bdi>{fa(a.letterNo)}</bdi> ({faDateLong(a.date)}) — {a.department}: <bdi>{fa(a.text)}</bdi></div>)}</dd>
              </>
            )}
            {c.outcome && (<><dt>{T.outcome}</dt><dd><b>{OUTCOME_LABEL[c.outcome.kind]}</b>{c.outcome.duplicateOf ? <> (<Code code={c.outcome.duplicateOf} />)</> : ''}{c.outcome.note ? <> — <bdi>{fa(c.outcome.note)}</bdi></> : ''}</dd></>)}
            {c.satisfaction && (<><dt>{T.satisfaction}</dt><dd>{SATISFACTION_LABEL[c.satisfaction.level]}{c.satisfaction.note ? <> — <bdi>{fa(c.satisfaction.note)}</bdi></> : ''}</dd></>)}
            {c.attachments.length > 0 && (<><dt>{T.attachments}</dt><dd>{c.attachments.join('، ')}</dd></>)}
          </dl>
          {may('case/start') && <CaseActions c={c} settings={settings} today={info.today} onChanged={changed} />}
          <h3>{T.history}</h3>
          <HistoryList history={c.history} />
          {c.notices.length > 0 && (
            <>
              <h3>{T.notices}</h3>
              <ul className="notices">
                {c.notices.map((n) => <li key={n.id}><span className="badge">{n.exportedAt ? T.exported : T.pending}</span> <bdi>{fa(n.text)}</bdi></li>)}
              </ul>
            </>
          )}
          {c.status === 'cancelled' ? (
            <div className="alert warn">{T.cancelled} <bdi>{fa(c.cancel?.reason ?? '')}</bdi> ({c.cancel ? faInstant(c.cancel.at) : ''})</div>
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
      {dialog}
    </Modal>
  );
}
