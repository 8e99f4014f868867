// Before anything else: the first start asks for the administrator's account; later starts ask who is at the
// desk; an account an administrator reset first chooses its own password. Each form says what is wrong per field.
import { useState, type FormEvent } from 'react';
import type { AuthStatus } from '../../../shared/api';
import { PASSWORD_MIN } from '../../../shared/accounts';
import { ApiFailure, call } from '../api';
import { Field } from '../components/Field';
import { fa } from '../format';

const T = {
  app: 'دیدار',
  tagline: 'سامانه ملاقات مردمی',
  setupTitle: 'نخستین راه‌اندازی: حساب مدیر سامانه',
  setupHint: 'مدیر سامانه حساب کارمندان را می‌سازد و نقش هر کس را تعیین می‌کند. گذرواژه را جایی امن نگه دارید.',
  signInTitle: 'ورود به دیدار',
  changeTitle: 'گذرواژه تازه',
  changeHint: 'مدیر سامانه گذرواژه شما را تازه کرده است؛ پیش از هر کاری گذرواژه‌ای از خودتان برگزینید.',
  displayName: 'نام و نام خانوادگی',
  username: 'نام کاربری',
  password: 'گذرواژه',
  current: 'گذرواژه کنونی',
  next: 'گذرواژه تازه',
  repeat: 'تکرار گذرواژه تازه',
  passwordHint: `دست‌کم ${fa(PASSWORD_MIN)} نویسه؛ یک عبارت چندکلمه‌ای فارسی هم خوب است.`,
  mismatch: 'دو گذرواژه یکی نیستند.',
  setup: 'ساخت حساب و ورود',
  signIn: 'ورود',
  change: 'ذخیره گذرواژه تازه',
  signOut: 'خروج',
  cancel: 'انصراف',
};

type Errors = Record<string, string>;

/** A form's submission: its errors per field (the API's, or the form's own) and whether it runs. */
function useSubmit(onDone: (s: AuthStatus) => void) {
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent, check: () => Errors, send: () => Promise<AuthStatus>): Promise<void> => {
    e.preventDefault();
    if (busy) return;
    const own = check();
    setErrors(own);
    if (Object.keys(own).length) return;
    setBusy(true);
    try {
      onDone(await send());
    } catch (err) {
      setErrors(err instanceof ApiFailure ? { _: err.message, ...(err.error.fields ?? {}) } : { _: String(err) });
    } finally {
      setBusy(false);
    }
  };
  return { errors, busy, submit };
}

function Frame({ title, hint, children }: { title: string; hint?: string; children: React.ReactNode }) {
  return (
    <div className="signin">
      <div className="brand signin-brand">
        <span className="logo-mark" aria-hidden="true">د</span>
        <div className="brand-name">{T.app} <small>{T.tagline}</small></div>
      </div>
      <section className="card narrow" aria-labelledby="signin-title">
        <h1 id="signin-title">{title}</h1>
        {hint && <p className="muted">{hint}</p>}
        {children}
      </section>
    </div>
  );
}

/** The form's message when no field of its own says it already. */
const Problem = ({ errors }: { errors: Errors }) => (errors._ && Object.keys(errors).length === 1 ? <div className="alert error" role="alert">{errors._}</div> : null);

export function SetupScreen({ onDone }: { onDone: (s: AuthStatus) => void }) {
  const [f, setF] = useState({ displayName: '', username: '', password: '', repeat: '' });
  const { errors, busy, submit } = useSubmit(onDone);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));
  return (
    <Frame title={T.setupTitle} hint={T.setupHint}>
      <form onSubmit={(e) => void submit(e, (): Errors => (f.password !== f.repeat ? { repeat: T.mismatch } : {}),
        () => call('auth/setup', { displayName: f.displayName, username: f.username, password: f.password }))}>
        <Field label={T.displayName} htmlFor="su-name" error={errors.displayName}><input id="su-name" autoFocus value={f.displayName} onChange={set('displayName')} /></Field>
        <Field label={T.username} htmlFor="su-user" error={errors.username}><input id="su-user" dir="auto" autoComplete="username" value={f.username} onChange={set('username')} /></Field>
        <Field label={T.password} htmlFor="su-pass" error={errors.password} hint={T.passwordHint}>
          <input id="su-pass" type="password" autoComplete="new-password" value={f.password} onChange={set('password')} />
        </Field>
        <Field label={T.repeat} htmlFor="su-repeat" error={errors.repeat}><input id="su-repeat" type="password" autoComplete="new-password" value={f.repeat} onChange={set('repeat')} /></Field>
        <Problem errors={errors} />
        <div className="actions"><button type="submit" className="primary" disabled={busy}>{T.setup}</button></div>
      </form>
    </Frame>
  );
}

export function SignInScreen({ notice, onDone }: { notice?: string; onDone: (s: AuthStatus) => void }) {
  const [f, setF] = useState({ username: '', password: '' });
  const { errors, busy, submit } = useSubmit(onDone);
  return (
    <Frame title={T.signInTitle}>
      {notice && !errors._ && <div className="alert info" role="status">{notice}</div>}
      <form onSubmit={(e) => void submit(e, () => ({}), () => call('auth/signIn', f))}>
        <Field label={T.username} htmlFor="si-user" error={errors.username}>
          <input id="si-user" dir="auto" autoFocus autoComplete="username" value={f.username} onChange={(e) => setF({ ...f, username: e.target.value })} />
        </Field>
        <Field label={T.password} htmlFor="si-pass" error={errors.password}>
          <input id="si-pass" type="password" autoComplete="current-password" value={f.password} onChange={(e) => setF({ ...f, password: e.target.value })} />
        </Field>
        <Problem errors={errors} />
        <div className="actions"><button type="submit" className="primary" disabled={busy}>{T.signIn}</button></div>
      </form>
    </Frame>
  );
}

/** One's own new password: forced after a reset (`forced`), or asked for from the header. */
export function ChangePasswordForm({ forced, onDone, onCancel }: { forced?: boolean; onDone: (s: AuthStatus) => void; onCancel?: () => void }) {
  const [f, setF] = useState({ current: '', next: '', repeat: '' });
  const { errors, busy, submit } = useSubmit(onDone);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));
  const form = (
    <form onSubmit={(e) => void submit(e, (): Errors => (f.next !== f.repeat ? { repeat: T.mismatch } : {}), () => call('auth/changePassword', { current: f.current, next: f.next }))}>
      <Field label={T.current} htmlFor="cp-current" error={errors.current}><input id="cp-current" type="password" autoFocus autoComplete="current-password" value={f.current} onChange={set('current')} /></Field>
      <Field label={T.next} htmlFor="cp-next" error={errors.next} hint={T.passwordHint}><input id="cp-next" type="password" autoComplete="new-password" value={f.next} onChange={set('next')} /></Field>
      <Field label={T.repeat} htmlFor="cp-repeat" error={errors.repeat}><input id="cp-repeat" type="password" autoComplete="new-password" value={f.repeat} onChange={set('repeat')} /></Field>
      <Problem errors={errors} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>{T.change}</button>
        {onCancel && <button type="button" onClick={onCancel}>{forced ? T.signOut : T.cancel}</button>}
      </div>
    </form>
  );
  return forced ? <Frame title={T.changeTitle} hint={T.changeHint}>{form}</Frame> : form;
}
