import { useCallback, useEffect, useState } from 'react';
import type { CorrectionRow, GroupBoard } from '../../../shared/api';
import type { BoardGroup } from '../../../shared/grouping/board';
import { STATUS_LABEL } from '../../../shared/labels';
import { GROUP_TITLE_MAX } from '../../../shared/stored-schemas';
import { ApiFailure, call } from '../api';
import { useApp } from '../app-context';
import { CallStatus } from '../components/CallStatus';
import { Code } from '../components/Code';
import { TrendBars } from '../components/TrendBars';
import { useCall } from '../hooks/useCall';
import { useLiveVersion } from '../live';
import { LIVE_READS } from '../../../shared/live';
import { fa, faDate, faInstant } from '../format';

const T = {
  title: 'مشکلات تکراری',
  intro: 'درخواست‌هایی که یک مشکل را می‌گویند کنار هم آمده‌اند. گروه‌های پرتکرار (چند شهرستان یا چند روز ملاقات) بالاترند و می‌توان برایشان بخشنامه نوشت.',
  loading: 'در حال گروه‌بندی درخواست‌ها…',
  rerun: 'گروه‌بندی دوباره',
  run: (cases: number, ms: number, at: string) => `${fa(cases)} درخواست، گروه‌بندی در ${fa(Math.round(ms / 100) / 10)} ثانیه — ${at}`,
  attached: (n: number) => `${fa(n)} درخواست تازه از آخرین گروه‌بندی به گروه‌ها افزوده شده`, // only those that joined a group
  rules: (c: number, k: number, d: number) => `تکراری: دست‌کم ${fa(c)} درخواست از ${fa(k)} شهرستان یا ${fa(d)} روز ملاقات (در تنظیمات)`,
  onlyRecurring: 'فقط مشکلات تکراری',
  empty: 'هنوز گروهی با بیش از یک درخواست نیست.',
  singles: (n: number) => `${fa(n)} درخواست تک (بدون گروه)`,
  recurring: 'تکراری',
  notCollective: 'مشکل جمعی نیست',
  corrected: 'اصلاح‌شده',
  counts: (g: BoardGroup) => `${fa(g.cases)} درخواست · ${fa(g.citizens)} نفر · ${fa(g.counties.length)} شهرستان · ${fa(g.days.length)} روز ملاقات`,
  merge: (n: number) => `ادغام ${fa(n)} گروه انتخاب‌شده`,
  pick: 'انتخاب برای ادغام',
  byCounty: 'به تفکیک شهرستان',
  byDepartment: 'به تفکیک دستگاه',
  trend: 'روند در روزهای ملاقات',
  samples: 'نمونه متن‌ها',
  cases: 'درخواست‌ها',
  code: 'کد رهگیری', county: 'شهرستان', date: 'تاریخ', department: 'دستگاه', status: 'وضعیت', text: 'متن',
  moveOut: 'خارج کردن از گروه',
  split: (n: number) => `جدا کردن ${fa(n)} درخواست به گروه تازه`,
  markNot: 'مشکل جمعی نیست',
  markYes: 'مشکل جمعی است',
  draft: 'پیش‌نویس بخشنامه برای این گروه',
  problem: 'مشکل مشترک (عنوان بخشنامه)',
  select: 'گروهی را از فهرست انتخاب کنید.',
  corrections: 'اصلاحات دفتر روی گروه‌ها',
  noCorrections: 'هنوز اصلاحی نشده است.',
  kind: { merge: 'ادغام', split: 'جدا کردن', notCollective: 'مشکل جمعی نیست', collective: 'مشکل جمعی است', title: 'تغییر عنوان' },
  renamedTo: (name: string) => `به «${name}»`,
  rename: 'ویرایش عنوان',
  titleLabel: 'عنوان گروه',
  titleCount: (n: number) => `${fa(n)} / ${fa(GROUP_TITLE_MAX)} نویسه`,
  saveTitle: 'ذخیره عنوان',
  cancel: 'انصراف',
  correctionOf: (n: number) => `${fa(n)} درخواست`,
  groupsOf: (n: number) => `${fa(n)} گروه`,
  inGroup: 'اکنون در گروه',
  undo: 'بازگردانی',
  undone: 'بازگردانده شد',
  saved: {
    merge: 'گروه‌ها ادغام شدند.', notCollective: 'گروه با «مشکل جمعی نیست» علامت خورد.', collective: 'علامت «مشکل جمعی نیست» برداشته شد.',
    title: 'عنوان گروه ذخیره شد.', undone: 'اصلاح بازگردانده شد.', moveOut: 'درخواست از گروه خارج شد.', split: (n: number) => `${fa(n)} درخواست به گروهی تازه منتقل شد.`,
  },
};

type Correction = { kind: CorrectionRow['kind']; value?: unknown };

/** A correction's kind as the board names it: a «not collective» mark taken back is «collective». */
const kindKey = (c: Correction): keyof typeof T.kind => (c.kind === 'notCollective' && !c.value ? 'collective' : c.kind);

/** What the board says once a correction of `cases` cases is saved. */
function savedText(c: Correction, cases: number): string {
  const kind = kindKey(c);
  if (kind === 'split') return cases === 1 ? T.saved.moveOut : T.saved.split(cases);
  return T.saved[kind];
}

const chips = (xs: [string, number][]) => (
  <ul className="chips">{xs.map(([k, n]) => <li key={k}>{k} ({fa(n)})</li>)}</ul>
);

/** `openId`: a group to show at once (from the intake form's suggestion). */
export function RecurringScreen({ openId }: { openId?: string }) {
  const { openCircular } = useApp();
  const [board, setBoard] = useState<GroupBoard | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [onlyRecurring, setOnlyRecurring] = useState(true);
  const [selected, setSelected] = useState<string | null>(openId ?? null);
  const [picked, setPicked] = useState<string[]>([]);
  const [revision, setRevision] = useState(0);
  const [saved, setSaved] = useState(''); // what the last correction did, said once

  /** `said`: what the board says once `f` has done it (a correction, an undo). */
  const load = useCallback(async (f: () => Promise<GroupBoard>, said = '') => {
    setBusy(true);
    setError('');
    setSaved('');
    try {
      const b = await f();
      setBoard(b);
      setRevision((n) => n + 1);
      setPicked([]);
      setSaved(said);
      return b;
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : String(e));
      return null;
    } finally {
      setBusy(false);
    }
  }, []);

  const changed = useLiveVersion(LIVE_READS['group/board']); // another desk's new cases join the board
  useEffect(() => {
    let live = true;
    call('group/board', {}).then(
      (b) => live && setBoard(b),
      (e: unknown) => live && setError(e instanceof ApiFailure ? e.message : String(e)),
    );
    return () => { live = false; };
  }, [changed]);

  if (!board) {
    return (
      <section className="card">
        <h2>{T.title}</h2>
        {error ? <div className="alert error" role="alert">{error}</div> : <p className="muted" role="status">{T.loading}</p>}
      </section>
    );
  }

  const shown = board.groups.filter((g) => !onlyRecurring || g.recurring);
  const current = board.groups.find((g) => g.id === selected) ?? null;
  const correct = async (c: Parameters<typeof call<'group/correct'>>[1], keep?: string) => {
    const b = await load(() => call('group/correct', c), savedText(c, c.caseIds.length));
    if (b && keep) setSelected(b.groups.find((g) => g.caseIds.includes(keep))?.id ?? null);
  };
  const merge = () => {
    const groups = board.groups.filter((g) => picked.includes(g.id));
    const anchor = groups[0]?.caseIds[0];
    void correct({ kind: 'merge', caseIds: groups.map((g) => g.caseIds[0]!) }, anchor);
  };

  return (
    <div className="board-page">
      <section className="card" aria-labelledby="board-title">
        <div className="card-head">
          <h2 id="board-title">{T.title}</h2>
          <button type="button" onClick={() => void load(() => call('group/board', { rerun: true }))} disabled={busy}>{T.rerun}</button>
        </div>
        <p className="muted">{T.intro}</p>
        <div className="board-summary small-text muted">
          <span data-testid="board-run">{T.run(board.cases, board.runMs, faInstant(board.runAt))}</span>
          {board.attached > 0 && <span>{T.attached(board.attached)}</span>}
          <span>{T.rules(board.rules.minCases, board.rules.minCounties, board.rules.minDays)}</span>
        </div>
        {error && <div className="alert error" role="alert">{error}</div>}
        {saved && <div className="alert success" role="status">{saved}</div>}
      </section>
      <div className="board">
        <section className="card" aria-label={T.title}>
          <div className="actions">
            <label><input type="checkbox" checked={onlyRecurring} onChange={(e) => setOnlyRecurring(e.target.checked)} /> {T.onlyRecurring}</label>
            {picked.length >= 2 && <button type="button" className="primary" onClick={merge} disabled={busy}>{T.merge(picked.length)}</button>}
          </div>
          {shown.length === 0 ? <p className="muted">{T.empty}</p> : (
            <ol className="group-list" data-testid="groups">
              {shown.map((g) => (
                <li key={g.id} className={`group-item${g.id === selected ? ' selected' : ''}${g.notCollective ? ' muted-group' : ''}`} onClick={() => { setSelected(g.id); setSaved(''); }}>
                  <input
                    type="checkbox" aria-label={`${T.pick}: ${g.title}`} checked={picked.includes(g.id)}
                    onClick={(e) => e.stopPropagation()}
                    onChange={(e) => setPicked((p) => (e.target.checked ? [...p, g.id] : p.filter((x) => x !== g.id)))}
                  />
                  <span className="group-title">{g.title}</span>
                  <span>
                    {g.recurring && <span className="badge recurring">{T.recurring}</span>}
                    {g.notCollective && <span className="badge not-collective">{T.notCollective}</span>}
                    {g.corrected && <span className="badge">{T.corrected}</span>}
                  </span>
                  <span className="group-counts">{T.counts(g)}</span>
                </li>
              ))}
            </ol>
          )}
          <p className="muted small-text">{T.singles(board.singles)}</p>
          <Corrections version={revision} onUndo={(index) => void load(() => call('group/undo', { index }), T.saved.undone)} busy={busy} />
        </section>
        {current ? (
          <GroupDetail
            key={current.id + current.cases + current.title} group={current} meetingDates={board.meetingDates} busy={busy}
            onCorrect={correct}
            onDraft={async (problem) => {
              try {
                const c = await call('circular/draft', { caseIds: current.caseIds, problem, groupId: current.id });
                openCircular(c.id);
              } catch (e) {
                setError(e instanceof ApiFailure ? e.message : String(e));
              }
            }}
          />
        ) : <section className="card"><p className="muted">{T.select}</p></section>}
      </div>
    </div>
  );
}

function GroupDetail({ group, meetingDates, busy, onCorrect, onDraft }: {
  group: BoardGroup; meetingDates: string[]; busy: boolean;
  onCorrect: (c: Parameters<typeof call<'group/correct'>>[1], keep?: string) => Promise<void>;
  onDraft: (problem: string) => Promise<void>;
}) {
  const rowsState = useCall('case/rows', { caseIds: group.caseIds.slice(0, 500) });
  const rows = rowsState.value ?? [];
  const [problem, setProblem] = useState(group.title);
  const [naming, setNaming] = useState<string | null>(null); // the title being edited
  const [out, setOut] = useState<string[]>([]);
  const perDay = new Map(group.days);
  const stay = group.caseIds.find((id) => !out.includes(id));

  return (
    <section className="card group-detail" aria-label={group.title}>
      {naming === null ? (
        <div className="card-head">
          <h3>{group.title}</h3>
          <button type="button" className="small" onClick={() => setNaming(group.title)} disabled={busy}>{T.rename}</button>
        </div>
      ) : (
        <form
          className="actions" onSubmit={(e) => {
            e.preventDefault();
            void onCorrect({ kind: 'title', caseIds: group.caseIds.slice(0, 50), value: naming }, group.caseIds[0]);
          }}
        >
          <label htmlFor="g-title">{T.titleLabel}</label>
          <input id="g-title" value={naming} onChange={(e) => setNaming(e.target.value)} maxLength={GROUP_TITLE_MAX} aria-describedby="g-title-count" autoFocus />
          {/* The field stops at the limit: the count says why a pasted title was cut. */}
          <span id="g-title-count" className="muted small-text">{T.titleCount(naming.length)}</span>
          <button type="submit" className="primary" disabled={busy || !naming.trim()}>{T.saveTitle}</button>
          <button type="button" onClick={() => setNaming(null)}>{T.cancel}</button>
        </form>
      )}
      <p className="muted">{T.counts(group)}</p>
      <div className="actions">
        <label htmlFor="g-problem">{T.problem}</label>
        <input id="g-problem" value={problem} onChange={(e) => setProblem(e.target.value)} maxLength={200} />
        <button type="button" className="primary" onClick={() => void onDraft(problem)} disabled={busy || !problem.trim()}>{T.draft}</button>
        <button type="button" onClick={() => void onCorrect({ kind: 'notCollective', caseIds: group.caseIds.slice(0, 50), value: !group.notCollective }, group.caseIds[0])} disabled={busy}>
          {group.notCollective ? T.markYes : T.markNot}
        </button>
        {out.length > 0 && (
          <button type="button" onClick={() => void onCorrect({ kind: 'split', caseIds: out }, stay)} disabled={busy}>
            {out.length === 1 ? T.moveOut : T.split(out.length)}
          </button>
        )}
      </div>
      <h4>{T.trend}</h4>
      <TrendBars label={T.trend} days={meetingDates.map((date) => ({ date, cases: perDay.get(date) ?? 0 }))} />
      <div className="editor-grid">
        <div><h4>{T.byCounty}</h4>{chips(group.counties)}</div>
        <div><h4>{T.byDepartment}</h4>{chips(group.departments)}</div>
      </div>
      <h4>{T.samples}</h4>
      <ul className="samples">{group.samples.map((s) => <li key={s}>{fa(s)}</li>)}</ul>
      <h4>{T.cases}</h4>
      <CallStatus state={rowsState} />
      <table className="cases" data-testid="group-cases">
        <thead><tr><th /><th>{T.code}</th><th>{T.county}</th><th>{T.date}</th><th>{T.department}</th><th>{T.status}</th><th>{T.text}</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className={out.includes(r.id) ? 'selected' : ''}>
              <td><input type="checkbox" aria-label={`${T.moveOut}: ${fa(r.code)}`} checked={out.includes(r.id)} onChange={(e) => setOut((o) => (e.target.checked ? [...o, r.id] : o.filter((x) => x !== r.id)))} /></td>
              <td><Code code={r.code} /></td><td>{r.county}</td><td>{faDate(r.meetingDate)}</td><td>{r.department}</td>
              <td>{STATUS_LABEL[r.status]}</td><td>{fa(r.text)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The office's corrections, newest first; a merge, split, move-out or new title made by mistake is taken back here. */
function Corrections({ version, busy, onUndo }: { version: number; busy: boolean; onUndo: (index: number) => void }) {
  const { nameOf } = useApp();
  const list = useCall('group/corrections', {}, version);
  const rows = list.value ?? [];
  return (
    <details className="corrections" data-testid="corrections" open={rows.some((r) => !r.undone)}>
      <summary>{T.corrections} ({fa(rows.length)})</summary>
      <CallStatus state={list} />
      {list.value && rows.length === 0 && <p className="muted small-text">{T.noCorrections}</p>}
      <ul>
        {rows.map((r) => (
          <li key={r.index} className={r.undone ? 'undone' : ''}>
            {/* One text run: the row lays its parts out with gaps, which would open inside «…». */}
            <span>
              <b>{T.kind[kindKey(r)]}</b>
              {r.kind === 'title' ? <> <bdi>{T.renamedTo(fa(r.name ?? ''))}</bdi></> : <>{' '}{r.kind === 'merge' ? T.groupsOf(r.cases) : T.correctionOf(r.cases)}</>}
              {r.kind !== 'title' && r.title && <> — {T.inGroup} «<bdi>{fa(r.title)}</bdi>»</>}
              {' '}<span className="muted small-text">(<bdi>{fa(nameOf(r.by))}</bdi>، {faInstant(r.at)})</span>
            </span>
            {r.undone ? <span className="badge">{T.undone}</span> : (
              <button type="button" className="small" disabled={busy} onClick={() => onUndo(r.index)}>{T.undo}</button>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
