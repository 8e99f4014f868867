// What this PC is on a meeting day with several desks: on the server, the addresses desks open and the certificate
// fingerprint they check (read aloud or copied from this screen); in the desktop app, the choice between alone,
// «این رایانه سرور است» and «اتصال به سرور» (address and fingerprint, checked against the server before it is pinned).
import { useEffect, useState, type FormEvent } from 'react';
import { desktopModeFrom, type DesktopMode, type DesktopModeState } from '../../../shared/desktop-mode';
import { call } from '../api';
import { useAction, useCall } from '../hooks/useCall';
import { faInstant } from '../format';
import { ActionError } from './CallStatus';
import { Field } from './Field';
import { FilePick } from './FilePick';

const T = {
  title: 'این رایانه و میزهای دیگر',
  serving: 'این رایانه سرور دیدار است. میزهای دیگر این نشانی را در مرورگر یا در دیدار باز می‌کنند:',
  noAddress: 'این رایانه به شبکه وصل نیست؛ نشانی‌ای برای میزهای دیگر ندارد.',
  fingerprint: 'اثر انگشت گواهی (SHA-256) — روی هر میز با همین مقایسه شود:',
  validTo: 'اعتبار گواهی تا',
  mode: 'کار این رایانه',
  local: 'تنها همین رایانه (داده‌ها همین‌جا، بدون شبکه)',
  server: 'این رایانه سرور است (داده‌ها همین‌جا، برای میزهای شبکه اداره)',
  client: 'اتصال به سرور (این رایانه یکی از میزهاست)',
  port: 'درگاه',
  address: 'نشانی سرور',
  addressHint: <>همان نشانی که صفحه سرور نشان می‌دهد، مانند <bdi dir="ltr">192.168.1.10:8443</bdi></>,
  fingerprintField: 'اثر انگشت گواهی سرور',
  fingerprintHint: 'از صفحه سرور رونویسی کنید؛ دیدار فقط به سروری وصل می‌شود که همین گواهی را نشان دهد.',
  check: 'بررسی سرور',
  checked: 'سرور پاسخ داد و گواهی‌اش همان است که نوشته‌اید.',
  save: 'ذخیره و راه‌اندازی دوباره دیدار',
  restarting: 'دیدار دوباره راه‌اندازی می‌شود…',
  problem: 'کار این رایانه انجام نشد:',
  office: 'گواهی خود اداره (به جای گواهی ساخته‌شده)',
  officeHint: 'فایل گواهی و کلید خصوصی همان گواهی، هر دو PEM. از راه‌اندازی بعدی سرور به کار می‌رود و میزها باید اثر انگشت تازه را ثبت کنند.',
  officeCert: 'فایل گواهی (PEM)',
  officeKey: 'فایل کلید خصوصی (PEM)',
  choose: 'انتخاب فایل…',
  install: 'نصب گواهی اداره',
  installed: 'گواهی اداره نصب شد. اثر انگشت تازه:',
};

/** `alone`: shown by itself (a desk whose server did not answer), without the server's status. */
export function ThisComputer({ alone = false }: { alone?: boolean }) {
  const shell = window.didar?.desktopMode;
  const status = useCall('server/status', alone ? null : {});
  const [state, setState] = useState<DesktopModeState | null>(null);
  useEffect(() => void shell?.get().then(setState), [shell]);
  const serving = status.value?.mode === 'server' ? status.value : null;
  return (
    <section className="card this-computer" aria-labelledby="this-computer-title" data-testid="this-computer">
      <h2 id="this-computer-title">{T.title}</h2>
      {serving && (
        <div className="serving">
          <p>{serving.urls.length ? T.serving : T.noAddress}</p>
          <ul className="server-urls">{serving.urls.map((u) => <li key={u}><bdi dir="ltr">{u}</bdi></li>)}</ul>
          <p>{T.fingerprint}</p>
          <p className="fingerprint" dir="ltr" data-testid="fingerprint">{serving.fingerprint}</p>
          {serving.validTo && <p className="muted">{T.validTo} {faInstant(new Date(serving.validTo).toISOString())}</p>}
        </div>
      )}
      {state?.problem && <div className="alert error" role="alert">{T.problem} {state.problem}</div>}
      {shell && state && <ModeForm current={state.mode} />}
      {!alone && <OfficeCertificate />}
    </section>
  );
}

/** The office's own certificate and key, read from the files the administrator picks. */
function OfficeCertificate() {
  const [files, setFiles] = useState<{ cert?: File; key?: File }>({});
  const [fingerprint, setFingerprint] = useState('');
  const { run, busy, error } = useAction();
  const install = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!files.cert || !files.key) return;
    const [cert, key] = await Promise.all([files.cert.text(), files.key.text()]);
    const done = await run(() => call('server/installCertificate', { cert, key }));
    if (done) setFingerprint(done.fingerprint);
  };
  return (
    <form onSubmit={(e) => void install(e)} data-testid="office-certificate">
      <h3>{T.office}</h3>
      <p className="muted">{T.officeHint}</p>
      <div className="form-grid">
        <Field label={T.officeCert} htmlFor="oc-cert">
          <FilePick id="oc-cert" label={T.choose} accept=".pem,.crt,.cer" fileName={files.cert?.name} onPick={(cert) => setFiles((f) => ({ ...f, cert }))} />
        </Field>
        <Field label={T.officeKey} htmlFor="oc-key">
          <FilePick id="oc-key" label={T.choose} accept=".pem,.key" fileName={files.key?.name} onPick={(key) => setFiles((f) => ({ ...f, key }))} />
        </Field>
      </div>
      <ActionError error={error} />
      {fingerprint && <div className="alert success" role="status">{T.installed} <bdi dir="ltr" className="fingerprint" data-testid="office-fingerprint">{fingerprint}</bdi></div>}
      <div className="actions"><button type="submit" disabled={busy || !files.cert || !files.key}>{T.install}</button></div>
    </form>
  );
}

function ModeForm({ current }: { current: DesktopMode }) {
  const shell = window.didar!.desktopMode!;
  const [form, setForm] = useState({
    mode: current.mode,
    port: current.mode === 'server' ? String(current.port) : '',
    address: current.mode === 'client' ? current.address : '',
    fingerprint: current.mode === 'client' ? current.fingerprint : '',
  });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof form, v: string): void => {
    setForm((f) => ({ ...f, [k]: v }));
    setNote('');
  };
  const checked = (): DesktopMode | null => {
    const r = desktopModeFrom(form);
    setFields(r.ok ? {} : r.fields);
    return r.ok ? r.value : null;
  };
  const check = async (): Promise<void> => {
    const m = checked();
    if (m?.mode !== 'client') return;
    setBusy(true);
    const problem = await shell.check(m.address, m.fingerprint);
    setBusy(false);
    if (problem) setFields({ fingerprint: problem });
    else setNote(T.checked);
  };
  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const m = checked();
    if (!m) return;
    setBusy(true);
    const problem = await shell.set(m);
    if (problem) {
      setBusy(false);
      setFields(m.mode === 'client' ? { fingerprint: problem } : { port: problem });
    } else setNote(T.restarting);
  };
  return (
    <form onSubmit={(e) => void save(e)}>
      <fieldset className="mode-choice">
        <legend>{T.mode}</legend>
        {(['local', 'server', 'client'] as const).map((m) => (
          <label key={m} className="radio"><input type="radio" name="desktop-mode" checked={form.mode === m} onChange={() => set('mode', m)} /> {T[m]}</label>
        ))}
      </fieldset>
      <div className="form-grid">
        {form.mode === 'server' && (
          <Field label={T.port} htmlFor="dm-port" error={fields.port}>
            <input id="dm-port" dir="ltr" inputMode="numeric" placeholder="8443" value={form.port} onChange={(e) => set('port', e.target.value)} />
          </Field>
        )}
        {form.mode === 'client' && (
          <>
            <Field label={T.address} htmlFor="dm-address" error={fields.address} hint={T.addressHint}>
              <input id="dm-address" dir="ltr" value={form.address} onChange={(e) => set('address', e.target.value)} />
            </Field>
            <Field label={T.fingerprintField} htmlFor="dm-fingerprint" error={fields.fingerprint} hint={T.fingerprintHint} wide>
              <input id="dm-fingerprint" dir="ltr" className="fingerprint" value={form.fingerprint} onChange={(e) => set('fingerprint', e.target.value)} />
            </Field>
          </>
        )}
      </div>
      <div className="actions">
        {form.mode === 'client' && <button type="button" onClick={() => void check()} disabled={busy}>{T.check}</button>}
        <button type="submit" className="primary" disabled={busy}>{T.save}</button>
        {note && <span className="ok" role="status">{note}</span>}
      </div>
    </form>
  );
}
