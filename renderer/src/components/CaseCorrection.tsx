import { useState } from 'react';
import { leadDepartment, type Case } from '../../../shared/domain';
import { ApiFailure, call } from '../api';
import { useApp } from '../app-context';
import { failureText } from '../hooks/useCall';
import { Combobox } from './Combobox';
import { Field } from './Field';

const T = {
  title: 'اصلاح مشخصات پرونده',
  intro: 'کد رهگیری همان می‌ماند و هر تغییر با مقدار پیشین در سابقه پرونده ثبت می‌شود. رسیدی که پس از اصلاح چاپ شود «المثنی» است.',
  nationalId: 'کد ملی', firstName: 'نام', lastName: 'نام خانوادگی', mobile: 'تلفن همراه', county: 'شهرستان',
  locality: 'شهر یا روستا', address: 'نشانی', text: 'شرح درخواست', category: 'موضوع', department: 'دستگاه مسئول',
  departmentLocked: 'پس از ارجاع، دستگاه با «تغییر دستگاه مسئول» عوض می‌شود.',
  reason: 'دلیل اصلاح',
  save: 'ثبت اصلاح',
  cancel: 'انصراف',
};

type Props = { c: Case; onSaved: (c: Case) => void; onCancel: () => void };

/** Corrects what was typed wrong at the desk, with a reason. */
export function CaseCorrection({ c, onSaved, onCancel }: Props) {
  const { settings } = useApp();
  const [f, setF] = useState({
    nationalId: c.citizen.nationalId, firstName: c.citizen.firstName, lastName: c.citizen.lastName, mobile: c.citizen.mobile,
    county: c.citizen.county, locality: c.citizen.locality, address: c.citizen.address,
    text: c.text, category: c.category, department: leadDepartment(c), reason: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  const input = (k: keyof typeof f) => ({ id: `fix-${k}`, value: f[k], onChange: (e: { target: { value: string } }) => set(k)(e.target.value) });
  const departmentOpen = c.status === 'recorded';
  const e = (k: string): string | undefined => errors[k] ?? errors[`citizen.${k}`];

  const save = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    setErrors({});
    try {
      onSaved(await call('case/correct', {
        id: c.id, reason: f.reason,
        citizen: {
          nationalId: f.nationalId, firstName: f.firstName, lastName: f.lastName, mobile: f.mobile,
          county: f.county, locality: f.locality, address: f.address,
        },
        text: f.text, category: f.category,
        ...(departmentOpen && f.department ? { department: f.department } : {}),
      }));
    } catch (err) {
      setErrors(err instanceof ApiFailure ? err.error.fields ?? { _: err.message } : { _: failureText(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="correction" aria-label={T.title} data-testid="correction">
      <h3>{T.title}</h3>
      <p className="muted small-text">{T.intro}</p>
      <div className="form-grid">
        <Field label={T.nationalId} htmlFor="fix-nationalId" error={e('nationalId')}><input {...input('nationalId')} dir="ltr" inputMode="numeric" /></Field>
        <Field label={T.firstName} htmlFor="fix-firstName" error={e('firstName')}><input {...input('firstName')} /></Field>
        <Field label={T.lastName} htmlFor="fix-lastName" error={e('lastName')}><input {...input('lastName')} /></Field>
        <Field label={T.mobile} htmlFor="fix-mobile" error={e('mobile')}><input {...input('mobile')} dir="ltr" inputMode="tel" /></Field>
        <Field label={T.county} htmlFor="fix-county" error={e('county')}>
          <Combobox id="fix-county" items={settings.counties} value={f.county} onChange={set('county')} />
        </Field>
        <Field label={T.locality} htmlFor="fix-locality" error={e('locality')}><input {...input('locality')} /></Field>
        <Field label={T.address} htmlFor="fix-address" error={e('address')} wide><input {...input('address')} /></Field>
        <Field label={T.text} htmlFor="fix-text" error={e('text')} wide><textarea {...input('text')} rows={3} /></Field>
        <Field label={T.category} htmlFor="fix-category" error={e('category')}>
          <Combobox id="fix-category" items={settings.categories} value={f.category} onChange={set('category')} />
        </Field>
        <Field label={T.department} htmlFor="fix-department" error={e('department')} hint={departmentOpen ? undefined : T.departmentLocked}>
          <Combobox id="fix-department" items={settings.departments} value={f.department} onChange={set('department')} disabled={!departmentOpen} />
        </Field>
        <Field label={T.reason} htmlFor="fix-reason" error={e('reason')} wide><input {...input('reason')} /></Field>
      </div>
      {errors._ && <div className="alert error" role="alert">{errors._}</div>}
      <div className="actions">
        <button type="button" className="primary" onClick={() => void save()} disabled={busy}>{T.save}</button>
        <button type="button" className="ghost" onClick={onCancel}>{T.cancel}</button>
      </div>
    </section>
  );
}
