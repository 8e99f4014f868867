// The administrator's accounts: who may sign in, in which roles. Creating an account gives it a first password
// the person changes at their first sign-in; disabling one ends its sessions at once; a reset asks for a new one.
import { useState, type FormEvent } from 'react';
import type { Account } from '../../../shared/accounts';
import { PASSWORD_MIN } from '../../../shared/accounts';
import { ROLE_HINT, ROLE_LABEL } from '../../../shared/labels';
import { ROLES, type Role } from '../../../shared/roles';
import { ApiFailure, call } from '../api';
import { ActionError, CallStatus } from '../components/CallStatus';
import { useConfirm } from '../components/Confirm';
import { Field } from '../components/Field';
import { Modal } from '../components/Modal';
import { useAction, useCall } from '../hooks/useCall';
import { fa, faInstant } from '../format';
import { useApp } from '../app-context';
import { OfficePicker } from '../components/OfficePicker';
import { officeLabel, officeOf, PROVINCE } from '../../../shared/offices';

const T = {
  title: 'حساب‌های کاربری',
  intro: 'هر کارمند با حساب خود وارد می‌شود و هر کاری که می‌کند به نام او در تاریخچه و دفتر رویدادها می‌ماند.',
  add: 'حساب تازه',
  username: 'نام کاربری',
  displayName: 'نام و نام خانوادگی',
  roles: 'نقش‌ها',
  password: 'گذرواژه نخست (به خود شخص بدهید)',
  passwordHint: `دست‌کم ${fa(PASSWORD_MIN)} نویسه`,
  create: 'ساخت حساب',
  created: (name: string) => `حساب «${name}» ساخته شد.`,
  state: 'وضعیت',
  active: 'فعال',
  disabled: 'غیرفعال',
  sessions: 'نشست باز',
  since: 'گذرواژه از',
  mustChange: 'باید گذرواژه را عوض کند',
  edit: 'ویرایش',
  disable: 'غیرفعال کردن',
  enable: 'فعال کردن',
  reset: 'گذرواژه تازه',
  save: 'ذخیره',
  cancel: 'انصراف',
  disableTitle: 'غیرفعال کردن حساب',
  disableAsk: (name: string) => `حساب «${name}» غیرفعال شود؟ نشست‌های باز آن همین حالا بسته می‌شود.`,
  resetTitle: (name: string) => `گذرواژه تازه برای «${name}»`,
  resetHint: 'نشست‌های باز این حساب بسته می‌شود و شخص در ورود بعدی گذرواژه‌ای از خودش برمی‌گزیند.',
  resetDone: (name: string) => `گذرواژه «${name}» تازه شد.`,
  none: 'هنوز حسابی جز شما ساخته نشده است.',
  office: 'دفتر',
  officeHint: 'کارمند فرمانداری فقط پرونده‌ها و روزهای ملاقات همان فرمانداری را می‌بیند؛ کارمند استانداری همه را.',
};

type Row = Account & { sessions: number };

function RolePicker({ value, onChange, error, idPrefix }: { value: readonly Role[]; onChange: (r: Role[]) => void; error?: string | undefined; idPrefix: string }) {
  return (
    <fieldset className="roles" aria-describedby={error ? `${idPrefix}-roles-error` : undefined}>
      <legend>{T.roles}</legend>
      {ROLES.map((r) => (
        <label key={r} className="role-choice">
          <input type="checkbox" checked={value.includes(r)} onChange={(e) => onChange(e.target.checked ? [...value, r] : value.filter((x) => x !== r))} />
          <b>{ROLE_LABEL[r]}</b> <span className="muted">{ROLE_HINT[r]}</span>
        </label>
      ))}
      {error && <div className="field-error" role="alert" id={`${idPrefix}-roles-error`}>{error}</div>}
    </fieldset>
  );
}

export function AccountsScreen() {
  const [version, setVersion] = useState(0);
  const list = useCall('accounts/list', {}, version);
  const { run, busy, error } = useAction();
  const { ask, dialog } = useConfirm();
  const { office } = useApp();
  const [draft, setDraft] = useState({ username: '', displayName: '', password: '', roles: ['clerk'] as Role[], office });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const [editing, setEditing] = useState<Row | null>(null);
  const [resetting, setResetting] = useState<Row | null>(null);
  const changed = () => setVersion((v) => v + 1);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    try {
      const a = await call('accounts/create', draft);
      setNote(T.created(a.displayName));
      setDraft({ username: '', displayName: '', password: '', roles: ['clerk'], office });
      changed();
    } catch (err) {
      if (err instanceof ApiFailure) setErrors({ _: err.message, ...(err.error.fields ?? {}) });
    }
  };
  const toggle = (a: Row) => run(async () => {
    if (!a.disabled && !(await ask({ title: T.disableTitle, message: T.disableAsk(a.displayName), confirm: T.disable, cancel: T.cancel, danger: true }))) return;
    await call('accounts/update', { id: a.id, disabled: !a.disabled });
    changed();
  });

  return (
    <section className="card" aria-labelledby="accounts-title">
      <h2 id="accounts-title">{T.title}</h2>
      <p className="muted">{T.intro}</p>
      <CallStatus state={list} />
      <ActionError error={error} />
      {note && <p className="ok" role="status">{note}</p>}
      {list.value && (
        <table className="cases accounts" data-testid="accounts">
          <thead><tr><th>{T.displayName}</th><th>{T.username}</th><th>{T.office}</th><th>{T.roles}</th><th>{T.state}</th><th>{T.sessions}</th><th>{T.since}</th><th /></tr></thead>
          <tbody>
            {list.value.map((a) => (
              <tr key={a.id} className={a.disabled ? 'cancelled' : ''}>
                <td>{a.displayName}</td>
                <td><bdi dir="ltr">{a.username}</bdi></td>
                <td>{officeLabel(officeOf(a))}</td>
                <td>{a.roles.map((r) => ROLE_LABEL[r]).join('، ')}</td>
                <td>{a.disabled ? T.disabled : T.active}{a.mustChangePassword && <> — <span className="muted">{T.mustChange}</span></>}</td>
                <td>{fa(a.sessions)}</td>
                <td>{faInstant(a.passwordChangedAt)}</td>
                <td className="row-actions">
                  <button type="button" onClick={() => setEditing(a)} disabled={busy}>{T.edit}</button>
                  <button type="button" onClick={() => setResetting(a)} disabled={busy}>{T.reset}</button>
                  <button type="button" className={a.disabled ? '' : 'danger'} onClick={() => void toggle(a)} disabled={busy}>{a.disabled ? T.enable : T.disable}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <form className="account-new" onSubmit={(e) => void create(e)} aria-labelledby="account-new-title">
        <h3 id="account-new-title">{T.add}</h3>
        <div className="form-grid">
          <Field label={T.displayName} htmlFor="ac-name" error={errors.displayName}><input id="ac-name" value={draft.displayName} onChange={(e) => setDraft({ ...draft, displayName: e.target.value })} /></Field>
          <Field label={T.username} htmlFor="ac-user" error={errors.username}><input id="ac-user" dir="auto" autoComplete="off" value={draft.username} onChange={(e) => setDraft({ ...draft, username: e.target.value })} /></Field>
          <Field label={T.password} htmlFor="ac-pass" error={errors.password} hint={T.passwordHint}><input id="ac-pass" type="password" autoComplete="new-password" value={draft.password} onChange={(e) => setDraft({ ...draft, password: e.target.value })} /></Field>
        </div>
        {/* a county's administrator makes accounts of their own county only */}
        <p><OfficePicker id="ac-office" value={draft.office} disabled={office !== PROVINCE} onChange={(o) => setDraft({ ...draft, office: o ?? PROVINCE })} /></p>
        <p className="muted small-text">{T.officeHint}</p>
        <RolePicker idPrefix="ac" value={draft.roles} onChange={(roles) => setDraft({ ...draft, roles })} error={errors.roles} />
        {errors._ && <div className="alert error" role="alert">{errors._}</div>}
        <div className="actions"><button type="submit" className="primary">{T.create}</button></div>
      </form>

      {editing && <EditAccount account={editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); changed(); }} />}
      {resetting && <ResetPassword account={resetting} onClose={() => setResetting(null)} onDone={() => { setNote(T.resetDone(resetting.displayName)); setResetting(null); changed(); }} />}
      {dialog}
    </section>
  );
}

function EditAccount({ account, onClose, onSaved }: { account: Row; onClose: () => void; onSaved: () => void }) {
  const [displayName, setDisplayName] = useState(account.displayName);
  const [roles, setRoles] = useState<Role[]>([...account.roles]);
  const mine = useApp().office;
  const [office, setOffice] = useState(officeOf(account));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await call('accounts/update', { id: account.id, displayName, roles, ...(office !== officeOf(account) ? { office } : {}) });
      onSaved();
    } catch (err) {
      if (err instanceof ApiFailure) setErrors({ _: err.message, ...(err.error.fields ?? {}) });
    }
  };
  return (
    <Modal title={`${T.edit}: ${account.displayName}`} onClose={onClose}>
      <form onSubmit={(e) => void save(e)}>
        <Field label={T.displayName} htmlFor="ed-name" error={errors.displayName}><input id="ed-name" autoFocus value={displayName} onChange={(e) => setDisplayName(e.target.value)} /></Field>
        <p><OfficePicker id="ed-office" value={office} disabled={mine !== PROVINCE} onChange={(o) => setOffice(o ?? PROVINCE)} /></p>
        <RolePicker idPrefix="ed" value={roles} onChange={setRoles} error={errors.roles} />
        {errors._ && <div className="alert error" role="alert">{errors._}</div>}
        <div className="actions"><button type="submit" className="primary">{T.save}</button><button type="button" onClick={onClose}>{T.cancel}</button></div>
      </form>
    </Modal>
  );
}

function ResetPassword({ account, onClose, onDone }: { account: Row; onClose: () => void; onDone: () => void }) {
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await call('accounts/resetPassword', { id: account.id, password });
      onDone();
    } catch (err) {
      if (err instanceof ApiFailure) setErrors({ _: err.message, ...(err.error.fields ?? {}) });
    }
  };
  return (
    <Modal title={T.resetTitle(account.displayName)} onClose={onClose}>
      <form onSubmit={(e) => void save(e)}>
        <p className="muted">{T.resetHint}</p>
        <Field label={T.password} htmlFor="rp-pass" error={errors.password} hint={T.passwordHint}><input id="rp-pass" type="password" autoFocus autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} /></Field>
        {errors._ && !errors.password && <div className="alert error" role="alert">{errors._}</div>}
        <div className="actions"><button type="submit" className="primary">{T.reset}</button><button type="button" onClick={onClose}>{T.cancel}</button></div>
      </form>
    </Modal>
  );
}
