import { useEffect, useState } from 'react';
import type { NoticeRow } from '../../../shared/api';
import { ApiFailure, call } from '../api';
import { base64Blob, fa, faInstant } from '../format';

const T = {
  title: 'صف پیامک شهروندان',
  intro: 'پیام‌های هر تغییر وضعیت اینجا جمع می‌شود. فایل CSV را در سامانه پیامک دفتر بارگذاری کنید؛ برنامه خودش پیامی نمی‌فرستد.',
  pending: 'در انتظار ارسال',
  all: 'همه',
  export: 'خروجی CSV و علامت‌گذاری ارسال',
  exported: (n: number) => `${fa(n)} پیام در فایل قرار گرفت.`,
  mobile: 'همراه',
  text: 'متن',
  code: 'کد رهگیری',
  at: 'زمان',
  sent: 'ارسال',
  none: 'پیامی در صف نیست.',
};

export function NoticesScreen() {
  const [pending, setPending] = useState(true);
  const [rows, setRows] = useState<readonly NoticeRow[]>([]);
  const [note, setNote] = useState('');
  const [download, setDownload] = useState<{ url: string; name: string } | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    void call('notices/list', { pending }).then(setRows);
  }, [pending, version]);
  useEffect(() => () => { if (download) URL.revokeObjectURL(download.url); }, [download]);

  const exportCsv = async (): Promise<void> => {
    try {
      const r = await call('notices/export', {});
      setDownload({ url: URL.createObjectURL(base64Blob(r.base64, 'text/csv')), name: r.fileName });
      setNote(T.exported(r.count));
      setVersion((v) => v + 1);
    } catch (e) {
      setNote(e instanceof ApiFailure ? e.message : String(e));
    }
  };

  return (
    <section className="card" aria-labelledby="notices-title">
      <div className="card-head">
        <h2 id="notices-title">{T.title}</h2>
        <label className="switch"><input type="checkbox" checked={!pending} onChange={(e) => setPending(!e.target.checked)} /> {T.all}</label>
      </div>
      <p className="muted">{T.intro}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={() => void exportCsv()} disabled={!rows.some((r) => !r.exportedAt)}>{T.export}</button>
        {note && <span className="ok" role="status">{note}</span>}
        {download && <a className="button" href={download.url} download={download.name}>{download.name}</a>}
      </div>
      {rows.length === 0 ? <p className="muted">{T.none}</p> : (
        <table className="cases" data-testid="notices">
          <thead><tr><th>{T.at}</th><th>{T.code}</th><th>{T.mobile}</th><th>{T.text}</th><th>{T.sent}</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.noticeId}>
                <td>{faInstant(r.createdAt)}</td><td className="code" dir="ltr">{fa(r.code)}</td><td dir="ltr">{fa(r.mobile)}</td>
                <td>{r.text}</td><td>{r.exportedAt ? faInstant(r.exportedAt) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
