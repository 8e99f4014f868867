import type { HistoryEntry } from '../../../shared/domain';
import { FIELD_LABEL, HISTORY_LABEL } from '../../../shared/labels';
import { useApp } from '../app-context';
import { fa, faInstant } from '../format';

const T = { empty: '—', became: 'شد' };

/**
 * A case's history, numbered in Persian digits. Every piece that comes from data (a letter number, a user, a note,
 * a corrected value) is isolated, so its digits and Latin letters keep their place in the Persian line.
 */
export function HistoryList({ history }: { history: readonly HistoryEntry[] }) {
  const { nameOf } = useApp();
  return (
    <ol className="history" data-testid="history">
      {history.map((h, i) => (
        <li key={i}>
          <span className="muted">{faInstant(h.at)}</span>{' '}
          <b>{HISTORY_LABEL[h.action]}</b>
          {h.ref && <> <bdi className="ref">{fa(h.ref)}</bdi></>}
          {h.note && <> — <bdi>{fa(h.note)}</bdi></>}
          {' '}<span className="muted">(<bdi>{fa(nameOf(h.by))}</bdi>)</span>
          {h.changes && (
            <ul className="changes">
              {h.changes.map((ch) => (
                <li key={ch.field}>
                  {FIELD_LABEL[ch.field]}: <del><bdi>{fa(ch.before) || T.empty}</bdi></del> ← <ins><bdi>{fa(ch.after) || T.empty}</bdi></ins>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
