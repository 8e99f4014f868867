import { useEffect, useState } from 'react';
import type { Args } from '../../../shared/api';
import { call } from '../api';
import { ActionError, CallStatus } from '../components/CallStatus';
import { Code } from '../components/Code';
import { useAction, useCall } from '../hooks/useCall';
import { base64Blob, fa, faInstant } from '../format';

const T = {
  title: 'صف پیامک شهروندان',
  intro: 'پیام‌های هر تغییر وضعیت اینجا جمع می‌شود. فایل CSV را بسازید و ذخیره کنید، در سامانه پیامک دفتر بارگذاری کنید و سپس «ارسال شد» را بزنید؛ برنامه خودش پیامی نمی‌فرستد.',
  pending: 'در انتظار ارسال',
  all: 'همه',
  export: 'ساختن فایل CSV',
  made: (n: number) => `${fa(n)} پیام در فایل است. فایل را ذخیره کنید؛ پس از ذخیره، پیام‌ها را ارسال‌شده علامت بزنید.`,
  save: 'ذخیره فایل',
  mark: 'فایل ذخیره شد؛ علامت ارسال بزن',
  marked: (n: number) => `${fa(n)} پیام ارسال‌شده علامت خورد.`,
  mobile: 'همراه',
  text: 'متن',
  code: 'کد رهگیری',
  at: 'زمان',
  sent: 'ارسال',
  skip: 'نفرست',
  skipped: 'فرستاده نمی‌شود',
  superseded: 'پیام تازه‌تری برای همین پرونده در صف است',
  none: 'پیامی در صف نیست.',
};

type Made = { url: string; name: string; count: number; notices: Args<'notices/markExported'>['notices'] };

export function NoticesScreen() {
  const [pending, setPending] = useState(true);
  const [version, setVersion] = useState(0);
  const list = useCall('notices/list', { pending }, version);
  const rows = list.value ?? [];
  const [note, setNote] = useState('');
  const [made, setMade] = useState<Made | null>(null);
  const { run, busy, error } = useAction();
  useEffect(() => () => { if (made) URL.revokeObjectURL(made.url); }, [made]);

  const make = () => run(async () => {
    const r = await call('notices/export', {});
    setMade({ url: URL.createObjectURL(base64Blob(r.base64, 'text/csv')), name: r.fileName, count: r.count, notices: r.notices });
    setNote(T.made(r.count));
  });
  const mark = () => run(async () => {
    if (!made) return;
    const r = await call('notices/markExported', { notices: made.notices });
    setMade(null);
    setNote(T.marked(r.count));
    setVersion((v) => v + 1);
  });
  const skip = (caseId: string, noticeId: string) => run(async () => {
    await call('notices/skip', { caseId, noticeId });
    setVersion((v) => v + 1);
  });

  return (
    <section className="card" aria-labelledby="notices-title">
      <div className="card-head">
        <h2 id="notices-title">{T.title}</h2>
        <label className="switch"><input type="checkbox" checked={!pending} onChange={(e) => setPending(!e.target.checked)} /> {T.all}</label>
      </div>
      <p className="muted">{T.intro}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={() => void make()} disabled={busy || !rows.some((r) => !r.exportedAt && !r.skippedAt)}>{T.export}</button>
        {made && <a className="button" href={made.url} download={made.name}>{T.save}: {made.name}</a>}
        {made && <button type="button" onClick={() => void mark()} disabled={busy}>{T.mark}</button>}
        {note && <span className="ok" role="status">{note}</span>}
      </div>
      <ActionError error={error} />
      <CallStatus state={list} />
      {list.value && rows.length === 0 && <p className="muted">{T.none}</p>}
      {rows.length > 0 && (
        <table className="cases" data-testid="notices">
          <thead><tr><th>{T.at}</th><th>{T.code}</th><th>{T.mobile}</th><th>{T.text}</th><th>{T.sent}</th><th /></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.noticeId} className={r.skippedAt ? 'cancelled' : r.superseded ? 'superseded' : ''}>
                <td>{faInstant(r.createdAt)}</td><td><Code code={r.code} /></td><td><bdi dir="ltr">{fa(r.mobile)}</bdi></td>
                <td>
                  {fa(r.text)}
                  {r.superseded && <div className="badge warn" data-testid="superseded">{T.superseded}</div>}
                </td>
                <td>{r.exportedAt ? faInstant(r.exportedAt) : r.skippedAt ? T.skipped : '—'}</td>
                <td>{!r.exportedAt && !r.skippedAt && <button type="button" className="small ghost" disabled={busy} onClick={() => void skip(r.caseId, r.noticeId)}>{T.skip}</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
