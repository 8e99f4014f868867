import { useCallback, useEffect, useState } from 'react';
import type { Args, SlipFile, WorkItem } from '../../../shared/api';
import { CASE_STATUSES, ORDER_TYPES, type CaseStatus, type MeetingDaySummary } from '../../../shared/domain';
import { ORDER_TYPE_LABEL, STATUS_LABEL } from '../../../shared/labels';
import { ApiFailure, call } from '../api';
import { useApp } from '../app-context';
import { CaseDetails } from '../components/CaseDetails';
import { Modal } from '../components/Modal';
import { PdfList } from '../components/PdfList';
import { fa, faDate, toNumber } from '../format';

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
  code: 'کد رهگیری',
  citizen: 'مراجع',
  due: 'مهلت',
  late: (n: number) => `${fa(n)} روز تأخیر`,
  paused: 'متوقف',
  more: 'بیشتر',
  none: 'پرونده‌ای با این شرایط نیست.',
};

const PAGE = 50;
type Filters = Omit<Args<'worklist/query'>, 'offset' | 'limit'>;
type Bulk = 'extend' | 'reroute' | 'circular' | null;

export function WorklistScreen() {
  const { settings, openCircular } = useApp();
  const [filters, setFilters] = useState<Filters>({ sort: 'due' });
  const [escalation, setEscalation] = useState(false);
  const [page, setPage] = useState<{ total: number; items: readonly WorkItem[] }>({ total: 0, items: [] });
  const [limit, setLimit] = useState(PAGE);
  const [days, setDays] = useState<readonly MeetingDaySummary[]>([]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<string | null>(null);
  const [bulk, setBulk] = useState<Bulk>(null);
  const [bulkForm, setBulkForm] = useState({ days: '', reason: '', department: '', problem: '' });
  const [letters, setLetters] = useState<SlipFile[] | null>(null);
  const [error, setError] = useState('');
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    void call('meetingDay/list', {}).then(setDays);
  }, []);

  useEffect(() => {
    let live = true;
    const q = escalation
      ? call('escalation/list', {}).then((items) => ({ total: items.length, items }))
      : call('worklist/query', { ...filters, offset: 0, limit });
    q.then((p) => live && setPage(p), (e: unknown) => live && setError(e instanceof ApiFailure ? e.message : String(e)));
    return () => { live = false; };
  }, [filters, escalation, limit, version]);

  const set = <K extends keyof Filters>(k: K, v: Filters[K]): void => {
    setFilters((f) => ({ ...f, [k]: v }));
    setLimit(PAGE);
  };
  const toggle = (id: string): void => setSelected((s) => {
    const n = new Set(s);
    if (n.has(id)) n.delete(id);
    else n.add(id);
    return n;
  });

  const act = async (f: () => Promise<unknown>): Promise<void> => {
    setError('');
    try {
      await f();
      setSelected(new Set());
      setBulk(null);
      setBulkForm({ days: '', reason: '', department: '', problem: '' });
      refresh();
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : String(e));
    }
  };
  const ids = [...selected];

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
            <select aria-label={T.department} value={filters.department ?? ''} onChange={(e) => set('department', e.target.value)}>
              <option value="">{T.department}: {T.all}</option>
              {settings.departments.map((d) => <option key={d}>{d}</option>)}
            </select>
            <select aria-label={T.county} value={filters.county ?? ''} onChange={(e) => set('county', e.target.value)}>
              <option value="">{T.county}: {T.all}</option>
              {settings.counties.map((d) => <option key={d}>{d}</option>)}
            </select>
            <select aria-label={T.day} value={filters.meetingDayId ?? ''} onChange={(e) => set('meetingDayId', e.target.value)}>
              <option value="">{T.day}: {T.all}</option>
              {days.map((d) => <option key={d.id} value={d.id}>{faDate(d.date)}</option>)}
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
      </section>

      {selected.size > 0 && (
        <section className="card bulk-bar" aria-label="اقدام گروهی">
          <b>{T.selected(selected.size)}</b>
          <button type="button" className="primary" onClick={() => void act(async () => setLetters((await call('case/refer', { ids })).letters))}>{T.refer}</button>
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
              <select aria-label={T.newDept} value={bulkForm.department} onChange={(e) => setBulkForm({ ...bulkForm, department: e.target.value })}>
                <option value="">{T.newDept}</option>
                {settings.departments.map((d) => <option key={d}>{d}</option>)}
              </select>
              <input aria-label={T.reason} placeholder={T.reason} value={bulkForm.reason} onChange={(e) => setBulkForm({ ...bulkForm, reason: e.target.value })} />
              <button type="button" onClick={() => void act(() => call('case/reroute', { ids, department: bulkForm.department, reason: bulkForm.reason }))}>{T.apply}</button>
            </span>
          )}
        </section>
      )}
      {error && <div className="alert error" role="alert">{error}</div>}

      <section className="card">
        <div className="muted" data-testid="worklist-total">{T.results(page.total)}</div>
        {page.items.length === 0 ? <p className="muted">{T.none}</p> : (
          <div className="table-wrap">
            <table className="cases" data-testid="worklist">
              <thead>
                <tr>
                  <th><input type="checkbox" aria-label="انتخاب همه" checked={page.items.every((i) => selected.has(i.id))}
                    onChange={(e) => setSelected(e.target.checked ? new Set(page.items.map((i) => i.id)) : new Set())} /></th>
                  <th>{T.code}</th><th>{T.citizen}</th><th>{T.county}</th><th>{T.department}</th><th>{T.orderType}</th>
                  <th>{T.day}</th><th>{T.due}</th><th>{T.status}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((w) => (
                  <tr key={w.id} className={`clickable${w.overdueDays > 0 ? ' overdue' : ''}`} onClick={() => setOpen(w.id)}>
                    <td onClick={(e) => e.stopPropagation()}><input type="checkbox" aria-label={`انتخاب ${fa(w.code)}`} checked={selected.has(w.id)} onChange={() => toggle(w.id)} /></td>
                    <td className="code" dir="ltr">{fa(w.code)}</td>
                    <td>{w.citizenName}<div className="muted small-text">{w.summary}</div></td>
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
        {page.total > page.items.length && <button type="button" onClick={() => setLimit((l) => l + PAGE)}>{T.more}</button>}
      </section>
      {open && <CaseDetails id={open} onClose={() => setOpen(null)} onChanged={refresh} />}
      {letters && <Modal title={T.letters} onClose={() => setLetters(null)}><PdfList files={letters} /></Modal>}
    </div>
  );
}
