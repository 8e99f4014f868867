// Help at intake, beside the issue text: the department and category the office's most similar recorded cases
// were filed under (the clerk confirms one with a click), and the open recurring group the case would join,
// with a link that opens it on the board for a role that may open the board.
import { useEffect, useState } from 'react';
import type { IntakeSuggestion } from '../../../shared/api';
import { ApiFailure, call } from '../api';
import { useApp } from '../app-context';
import { fa } from '../format';

const T = {
  title: 'پیشنهاد از پرونده‌های مشابه',
  department: 'دستگاه',
  category: 'موضوع',
  basis: (n: number) => `بر پایه ${fa(n)} پرونده مشابه دفتر`,
  fromLexicon: 'بر پایه واژه‌نامه مشکلات (پرونده مشابهی در دفتر پیدا نشد)',
  pick: (name: string) => `انتخاب «${name}»`,
  chosen: 'انتخاب‌شده',
  group: (citizens: number, counties: number) => `${fa(citizens)} شهروند از ${fa(counties)} شهرستان همین مشکل را گفته‌اند`,
  cases: (n: number) => `${fa(n)} درخواست`,
  open: 'دیدن گروه در مشکلات تکراری',
  failed: 'پیشنهاد در دسترس نیست',
};

/** Typing pauses this long before a suggestion is asked for. */
const DEBOUNCE_MS = 350;
const MIN_CHARS = 8;

const percent = (share: number): string => `${fa(Math.round(share * 100))}٪`;
/** A share of one or two similar cases says little («۱۰۰٪» from one case): below this many voters, none is shown. */
const MIN_CASES_FOR_SHARE = 3;

type Props = {
  text: string;
  department: string;
  category: string;
  onDepartment: (name: string) => void;
  onCategory: (name: string) => void;
};

export function IntakeSuggestions({ text, department, category, onDepartment, onCategory }: Props) {
  const { settings, openGroup, may } = useApp();
  const [got, setGot] = useState<{ text: string; value: IntakeSuggestion | null; error: string }>({ text: '', value: null, error: '' });
  const wanted = text.trim().length >= MIN_CHARS ? text : '';

  // Asked once with no text, the backend makes its first run ready while the clerk types the first words.
  useEffect(() => void call('case/suggest', { text: '' }).catch(() => undefined), []);

  useEffect(() => {
    if (!wanted) return;
    let live = true;
    const timer = setTimeout(() => {
      call('case/suggest', { text: wanted, department }).then(
        (value) => live && setGot({ text: wanted, value, error: '' }),
        (e: unknown) => live && setGot({ text: wanted, value: null, error: e instanceof ApiFailure ? e.message : T.failed }),
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [wanted, department]);

  // The last answer stays while the clerk types on; nothing is shown for an emptied text.
  const s = wanted ? got.value : null;
  if (!wanted) return null;
  if (got.error && got.text === wanted) return <p className="muted small-text" role="status">{got.error}</p>;
  if (!s) return null;
  // Only what the form's lists can hold is offered.
  const departments = s.departments.filter((d) => settings.departments.includes(d.name));
  const categories = s.categories.filter((c) => settings.categories.includes(c.name));
  if (departments.length === 0 && categories.length === 0 && !s.group) return null;

  // A list's share says something only when enough of the similar cases were filed under one of its names.
  const choices = (label: string, items: { name: string; share: number }[], voters: number, current: string, pick: (name: string) => void) => items.length > 0 && (
    <div className="suggest-row">
      <span className="suggest-label">{label}:</span>
      {items.map((d) => (
        <button
          key={d.name} type="button" className={`small suggest-choice${d.name === current ? ' chosen' : ''}`} onClick={() => pick(d.name)}
          aria-pressed={d.name === current} aria-label={d.name === current ? `${d.name} (${T.chosen})` : T.pick(d.name)}
        >
          {d.name}{voters >= MIN_CASES_FOR_SHARE && <> <span className="muted">{percent(d.share)}</span></>}
        </button>
      ))}
    </div>
  );

  return (
    <aside className="intake-suggestions" aria-label={T.title} data-testid="intake-suggestions">
      <h4>{T.title}</h4>
      {choices(T.department, departments, s.voters.departments, department, onDepartment)}
      {choices(T.category, categories, s.voters.categories, category, onCategory)}
      {(departments.length > 0 || categories.length > 0) && (
        <p className="muted small-text">{s.neighbours > 0 ? T.basis(s.neighbours) : T.fromLexicon}</p>
      )}
      {s.group && (
        <div className="suggest-group" data-testid="suggested-group">
          <strong>{s.group.title}</strong>
          <span>{T.group(s.group.citizens, s.group.counties)} ({T.cases(s.group.cases)})</span>
          {/* A desk without the board (a clerk) is told of the group, not sent to a screen it may not open. */}
          {may('group/board') && <button type="button" className="link" onClick={() => openGroup(s.group!.id)}>{T.open}</button>}
        </div>
      )}
    </aside>
  );
}
