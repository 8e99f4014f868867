import { useState, type FormEvent } from 'react';
import type { PublicStatus } from '../../../shared/api';
import { ApiFailure, call } from '../api';
import { Code } from '../components/Code';
import { Field } from '../components/Field';
import { faDateLong, faInstant } from '../format';

const T = {
  title: 'استعلام وضعیت درخواست',
  intro: 'کد رهگیری روی رسید را همراه با کد ملی یا چهار رقم آخر تلفن همراه شهروند وارد کنید.',
  code: 'کد رهگیری',
  nationalId: 'کد ملی',
  last4: 'یا چهار رقم آخر همراه',
  ask: 'استعلام',
  status: 'وضعیت',
  department: 'دستگاه مسئول',
  meeting: 'روز ملاقات',
  due: 'مهلت پاسخ',
  outcome: 'نتیجه',
  updated: 'آخرین تغییر',
};

export function LookupScreen() {
  const [f, setF] = useState({ code: '', nationalId: '', last4: '' });
  const [result, setResult] = useState<PublicStatus | null>(null);
  const [error, setError] = useState('');

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setResult(null);
    setError('');
    try {
      setResult(await call('lookup/status', { code: f.code, nationalId: f.nationalId, mobileLast4: f.last4 }));
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : String(err));
    }
  };

  return (
    <div className="lookup">
      <form className="card narrow" onSubmit={submit} aria-labelledby="lookup-title">
        <h2 id="lookup-title">{T.title}</h2>
        <p className="muted">{T.intro}</p>
        <div className="form-grid">
          <Field label={T.code} htmlFor="lk-code"><input id="lk-code" value={f.code} onChange={(e) => setF({ ...f, code: e.target.value })} dir="ltr" inputMode="numeric" autoFocus /></Field>
          <Field label={T.nationalId} htmlFor="lk-nid"><input id="lk-nid" value={f.nationalId} onChange={(e) => setF({ ...f, nationalId: e.target.value })} dir="ltr" inputMode="numeric" /></Field>
          <Field label={T.last4} htmlFor="lk-last4"><input id="lk-last4" value={f.last4} onChange={(e) => setF({ ...f, last4: e.target.value })} dir="ltr" inputMode="numeric" maxLength={4} /></Field>
        </div>
        <div className="actions"><button type="submit" className="primary">{T.ask}</button></div>
        {error && <div className="alert error" role="alert" data-testid="lookup-error">{error}</div>}
        {result && (
          <div className="lookup-result" data-testid="lookup-result">
            <p className="lead">{result.message}</p>
            <dl className="facts">
              <dt>{T.code}</dt><dd><Code code={result.code} /></dd>
              <dt>{T.status}</dt><dd>{result.status}</dd>
              <dt>{T.department}</dt><dd>{result.department}</dd>
              <dt>{T.meeting}</dt><dd>{faDateLong(result.meetingDate)}</dd>
              {result.dueDate && (<><dt>{T.due}</dt><dd>{faDateLong(result.dueDate)}</dd></>)}
              {result.outcome && (<><dt>{T.outcome}</dt><dd>{result.outcome}</dd></>)}
              <dt>{T.updated}</dt><dd>{faInstant(result.lastUpdate)}</dd>
            </dl>
          </div>
        )}
      </form>
    </div>
  );
}
