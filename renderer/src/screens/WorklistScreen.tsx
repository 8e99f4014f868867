import { useCallback, useState } from 'react';
import type { Args, SlipFile, WorkItem } from '../../../shared/api';
import { CASE_STATUSES, ORDER_TYPES, type CaseStatus } from '../../../shared/domain';
import { ORDER_TYPE_LABEL, STATUS_LABEL } from '../../../shared/labels';
import { call, isDesktop } from '../api';
import { useApp } from '../app-context';
import { ActionError, CallStatus } from '../components/CallStatus';
import { CaseDetails } from '../components/CaseDetails';
import { Code } from '../components/Code';
import { Combobox } from '../components/Combobox';
import { Modal } from '../components/Modal';
import { PdfList } from '../components/PdfList';
import { useAction, useCall } from '../hooks/useCall';
import { dayOption, fa, faDate, saveFile, toNumber } from '../format';

const T = {
  title: 'پیگیری پرونده‌ها',
  escalation: 'فهرست تأخیر برای دفتر استاندار',
  escalationHint: (n: number) => `پرونده‌هایی که بیش از ${fa(n)} روز کاری از مهلت گذشته‌اند`,
  search: 'جستجو: کد رهگیری، کد ملی، نام یا واژه‌های درخواست',
  status: 'وضعیت',
  department: 'دستگاه',
  county: 'شهرستان',
  day: 'روز ملاقات',
  orderType: 'نوع دستور',
  overdue: 'فقط دارای تأخیر',
  sort: 'ترتیب',
  byDue: 'نزدیک‌ترین مهلت',
  recent: 'تازه‌ترین',
  all: 'همه',
  results: (n: number) => `${fa(n)} پرونده`,
  shown: (n: number, total: number) => `${fa(n)} از ${fa(total)} پرونده`,
  selected: (n: number) => `${fa(n)} پرونده انتخاب شد`,
  refer: 'ارجاع و نامه',
  extend: 'تمدید مهلت',
  reroute: 'تغییر دستگاه',
  circular: 'پیش‌نویس بخشنامه',
  problem: 'مشکل مشترک (عنوان بخشنامه)',
  days: 'روز کاری',
  reason: 'دلیل',
  newDept: 'دستگاه جدید',
  apply: 'اعمال',
  letters: 'نامه‌های ارجاع',
  preview: 'پیش‌نمایش نامه‌های ارجاع',
  previewNote: (cases: number, letters: number) =>
    `${fa(cases)} پرونده با ${fa(letters)} نامه ارجاع می‌شود. نامه‌ها را ببینید؛ با «تأیید ارجاع» نامه‌ها شماره می‌گیرند، وضعیت پرونده‌ها «ارجاع‌شده» می‌شود و برای شهروندان پیامک در صف قرار می‌گیرد.`,
  confirmRefer: 'تأیید ارجاع',
  cancel: 'انصراف',
  code: 'کد رهگیری',
  citizen: 'مراجع',
  due: 'مهلت',
  late: (n: number) => `${fa(n)} روز تأخیر`,
  paused: 'متوقف',
  more: 'بیشتر',
  none: 'پرونده‌ای با این شرایط نیست.',
  pdf: 'چاپ فهرست (PDF)',
  xlsx: 'خروجی اکسل',
};

const PAGE = 50;
type Filters = Omit<Args<'worklist/query'>, 'offset' | 'limit'>;
type Bulk = 'extend' | 'reroute' | 'circular' | null;

export function WorklistScreen() {
  const { settings, openCircular } = useApp();
  const [filters, setFilters] = useState<Filters>({ sort: 'due' });
  const [escalation, setEscalation] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<string | null>(null);
  const [bulk, setBulk] = useState<Bulk>(null);
  const [bulkForm, setBulkForm] = useState({ days: '', reason: '', department: '', problem: '' });
  const [preview, setPreview] = useState<{ letters: SlipFile[]; cases: number } | null>(null);
  const [letters, setLetters] = useState<SlipFile[] | null>(null);
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const { run, busy, error } = useAction();

  const days = useCall('meetingDay/list', {});
  const first = useCall('worklist/query', escalation ? null : { ...filters, offset: 0, limit: PAGE }, version);
  const overdue = useCall('escalation/list', escalation ? {} : null, version);
  // «بیشتر» asks for the next page (within the contract's limit), kept for the filter it was asked with
  const listKey = JSON.stringify([filters, version]);
  const [more, setMore] = useState<{ key: string; items: WorkItem[] }>({ key: '', items: [] });
  const state = escalation ? overdue : first;
  const items = escalation ? overdue.value ?? [] : [...(first.value?.items ?? []), ...(more.key === listKey ? more.items : [])];
  const total = escalation ? items.length : first.value?.total ?? 0;

  const loadMore = async (): Promise<void> => {
    const next = await run(() => call('worklist/query', { ...filters, offset: items.length, limit: PAGE }));
    if (next) setMore((m) => ({ key: listKey, items: [...(m.key === listKey ? m.items : []), ...next.items] }));
  };

  const set = <K extends keyof Filters>(k: K, v: Filters[K]): void => setFilters((f) => ({ ...f, [k]: v }));
  const toggle = (id: string): void => setSelected((s) => {
    const n = new Set(s);
    if (n.has(id)) n.delete(id);
    else n.add(id);
    return n;
  });

  const act = async (f: () => Promise<unknown>): Promise<void> => {
    if ((await run(async () => { await f(); return true; })) !== true) return;
    setSelected(new Set());
    setBulk(null);
    setBulkForm({ days: '', reason: '', department: '', problem: '' });
    refresh();
  };
  const ids = [...selected];
  const file = (format: 'pdf' | 'xlsx') => run(async () => {
    const f = escalation ? await call('escalation/file', { format }) : await call('worklist/file', { ...filters, format });
    if (format === 'pdf' && isDesktop()) await window.didar?.savePdf(f.base64, f.fileName);
    else saveFile(f, format === 'pdf' ? 'application/pdf' : undefined);
  });

  return (
    <div className="worklist">
      <section className="card filters" aria-label="فیلترها">
        <div className="card-head">
          <h2>{escalation ? T.escalation : T.title}</h2>
          <label className="switch"><input type="checkbox" checked={escalation} onChange={(e) => setEscalation(e.target.checked)} /> {T.escalation}</label>
        </div>
        {escalation ? <p className="muted">{T.escalationHint(settings.escalationDays)}</p> : (
          <div className="filter-grid">
            <input className="search" aria-label={T.search} placeholder={T.search} value={filters.q ?? ''} onChange={(e) => set('q', e.target.value)} />
            <select aria-label={T.status} value={filters.statuses?.[0] ?? ''} onChange={(e) => set('statuses', e.target.value ? [e.target.value as CaseStatus] : [])}>
              <option value="">{T.status}: {T.all}</option>
              {CASE_STATUSES.map((s) => <option key={s} value={s}>{STATUS_LABEL[s]}</option>)}
            </select>
            <Combobox id="wl-department" label={T.department} items={settings.departments} value={filters.department ?? ''}
              onChange={(v) => set('department', v)} placeholder={`${T.department}: ${T.all}`} />
            <Combobox id="wl-county" label={T.county} items={settings.counties} value={filters.county ?? ''}
              onChange={(v) => set('county', v)} placeholder={`${T.county}: ${T.all}`} />
            <select aria-label={T.day} value={filters.meetingDayId ?? ''} onChange={(e) => set('meetingDayId', e.target.value)}>
              <option value="">{T.day}: {T.all}</option>
              {(days.value ?? []).map((d) => <option key={d.id} value={d.id}>{dayOption(d)}</option>)}
            </select>
            <select aria-label={T.orderType} value={filters.orderType ?? ''} onChange={(e) => set('orderType', e.target.value as Filters['orderType'])}>
              <option value="">{T.orderType}: {T.all}</option>
              {ORDER_TYPES.map((t) => <option key={t} value={t}>{ORDER_TYPE_LABEL[t]}</option>)}
            </select>
            <select aria-label={T.sort} value={filters.sort ?? 'due'} onChange={(e) => set('sort', e.target.value as 'due' | 'recent')}>
              <option value="due">{T.byDue}</option>
              <option value="recent">{T.recent}</option>
            </select>
            <label className="switch"><input type="checkbox" checked={!!filters.overdue} onChange={(e) => set('overdue', e.target.checked)} /> {T.overdue}</label>
          </div>
        )}
        <div className="actions">
          <button type="button" onClick={() => void file('pdf')} disabled={busy}>{T.pdf}</button>
          <button type="button" onClick={() => void file('xlsx')} disabled={busy}>{T.xlsx}</button>
        </div>
        <CallStatus state={days} />
      </section>

      {selected.size > 0 && (
        <section className="card bulk-bar" aria-label="اقدام گروهی">
          <b>{T.selected(selected.size)}</b>
          <button type="button" className="primary" disabled={busy}
            onClick={() => void run(async () => setPreview(await call('case/referPreview', { ids })))}>{T.refer}</button>
          <button type="button" className={bulk === 'extend' ? 'primary' : ''} onClick={() => setBulk('extend')}>{T.extend}</button>
          <button type="button" className={bulk === 'reroute' ? 'primary' : ''} onClick={() => setBulk('reroute')}>{T.reroute}</button>
          <button type="button" className={bulk === 'circular' ? 'primary' : ''} onClick={() => setBulk('circular')}>{T.circular}</button>
          {bulk === 'circular' && (
            <span className="bulk-form">
              <input aria-label={T.problem} placeholder={T.problem} value={bulkForm.problem} onChange={(e) => setBulkForm({ ...bulkForm, problem: e.target.value })} />
              <button type="button" onClick={() => void act(async () => openCircular((await call('circular/draft', { caseIds: ids, problem: bulkForm.problem })).id))}>{T.apply}</button>
            </span>
          )}
          {bulk === 'extend' && (
            <span className="bulk-form">
              <input aria-label={T.days} placeholder={T.days} value={bulkForm.days} onChange={(e) => setBulkForm({ ...bulkForm, days: e.target.value })} dir="ltr" />
              <input aria-label={T.reason} placeholder={T.reason} value={bulkForm.reason} onChange={(e) => setBulkForm({ ...bulkForm, reason: e.target.value })} />
              <button type="button" onClick={() => void act(() => call('case/extend', { ids, days: toNumber(bulkForm.days), reason: bulkForm.reason }))}>{T.apply}</button>
            </span>
          )}
          {bulk === 'reroute' && (
            <span className="bulk-form">
              <Combobox id="bulk-dept" label={T.newDept} items={settings.departments} value={bulkForm.department}
                onChange={(v) => setBulkForm((b) => ({ ...b, department: v }))} placeholder={T.newDept} />
              <input aria-label={T.reason} placeholder={T.reason} value={bulkForm.reason} onChange={(e) => setBulkForm({ ...bulkForm, reason: e.target.value })} />
              <button type="button" onClick={() => void act(() => call('case/reroute', { ids, department: bulkForm.department, reason: bulkForm.reason }))}>{T.apply}</button>
            </span>
          )}
        </section>
      )}
      <ActionError error={error} />

      <section className="card">
        <div className="muted" data-testid="worklist-total">{items.length < total ? T.shown(items.length, total) : T.results(total)}</div>
        <CallStatus state={state} />
        {state.value && items.length === 0 && <p className="muted">{T.none}</p>}
        {items.length > 0 && (
          <div className="table-wrap">
            <table className="cases" data-testid="worklist">
              <thead>
                <tr>
                  <th><input type="checkbox" aria-label="انتخاب همه" checked={items.every((i) => selected.has(i.id))}
                    onChange={(e) => setSelected(e.target.checked ? new Set(items.map((i) => i.id)) : new Set())} /></th>
                  <th>{T.code}</th><th>{T.citizen}</th><th>{T.county}</th><th>{T.department}</th><th>{T.orderType}</th>
                  <th>{T.day}</th><th>{T.due}</th><th>{T.status}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((w) => (
                  <tr key={w.id} className={`clickable${w.overdueDays > 0 ? ' overdue' : ''}`} onClick={() => setOpen(w.id)}>
                    <td onClick={(e) => e.stopPropagation()}><input type="checkbox" aria-label={`انتخاب ${fa(w.code)}`} checked={selected.has(w.id)} onChange={() => toggle(w.id)} /></td>
                    <td><Code code={w.code} /></td>
                    <td>{w.citizenName}<div className="muted small-text">{fa(w.summary)}</div></td>
                    <td>{w.county}</td>
                    <td>{w.department}</td>
                    <td>{w.orderType ?? '—'}</td>
                    <td>{faDate(w.meetingDate)}</td>
                    <td>{w.dueDate ? faDate(w.dueDate) : '—'}{w.overdueDays > 0 && <div className="late">{T.late(w.overdueDays)}</div>}{w.paused && <div className="badge paused">{T.paused}</div>}</td>
                    <td><span className={`badge status-${w.status}`}>{STATUS_LABEL[w.status]}</span></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {!escalation && total > items.length && <button type="button" onClick={() => void loadMore()} disabled={busy}>{T.more}</button>}
      </section>
      {open && <CaseDetails id={open} onClose={() => setOpen(null)} onChanged={refresh} />}
      {preview && (
        <Modal title={T.preview} onClose={() => setPreview(null)}>
          <p className="confirm-message" data-testid="referral-preview">{T.previewNote(preview.cases, preview.letters.length)}</p>
          <PdfList files={preview.letters} />
          <div className="actions">
            <button type="button" className="primary" disabled={busy} onClick={() => void act(async () => {
              const r = await call('case/refer', { ids });
              setPreview(null);
              setLetters(r.letters);
            })}>{T.confirmRefer}</button>
            <button type="button" onClick={() => setPreview(null)}>{T.cancel}</button>
          </div>
          <ActionError error={error} />
        </Modal>
      )}
      {letters && <Modal title={T.letters} onClose={() => setLetters(null)}><PdfList files={letters} /></Modal>}
    </div>
  );
}
