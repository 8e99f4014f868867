// The office's part of the problem lexicon, in Settings: objects (what: «سیل‌بند») and defects (what is wrong:
// «ریزش») with the words citizens use for them. A name already in the shipped lexicon adds words to it.
import { useState } from 'react';
import { DEFAULT_LEXICON, defectFamilies, type LexiconEntry } from '../../../shared/grouping/problem-lexicon';
import type { DeepReadonly } from '../../../shared/readonly';
import { fa } from '../format';

const T = {
  legend: 'واژه‌نامه مشکلات (گروه‌بندی مشکلات تکراری و پیشنهاد هنگام پذیرش)',
  help: (objects: number, defects: number) =>
    `واژه‌نامه همراه برنامه ${fa(objects)} موضوع و ${fa(defects)} ایراد دارد. موردی که اینجا می‌افزایید به آن اضافه می‌شود؛ اگر نامش همان نام یک مورد همراه برنامه باشد، واژه‌هایش به آن مورد افزوده می‌شود. واژه‌ها را با «،» جدا کنید. پس از ذخیره، گروه‌بندی بعدی با واژه‌نامه تازه انجام می‌شود.`,
  kind: 'نوع',
  kinds: { object: 'موضوع (چه چیزی)', defect: 'ایراد (چه مشکلی)' } as Record<LexiconEntry['kind'], string>,
  name: 'نام',
  parent: 'زیرمجموعهٔ موضوع یا خانوادهٔ ایراد (اختیاری)',
  request: 'درخواست',
  requestHelp: 'ایرادی که خواستهٔ شهروند است (تمدید، انتقال): «تمدید نمی‌کنند» یعنی انجام نمی‌شود، نه اینکه ایرادی نیست',
  words: 'واژه‌ها و عبارت‌های مردم',
  add: 'افزودن مورد',
  remove: 'حذف',
  removeRow: (n: number) => `حذف ردیف ${fa(n)}`,
  shipped: 'دیدن واژه‌نامه همراه برنامه',
  objects: 'موضوع‌ها',
  defects: 'ایرادها',
  empty: 'هنوز موردی افزوده نشده است.',
  rowError: (row: number, message: string) => `ردیف ${fa(row)}: ${message}`,
  shippedName: 'این نام در واژه‌نامه همراه برنامه هست: واژه‌های این ردیف به آن افزوده می‌شود و زیرمجموعه یا خانوادهٔ آن همان می‌ماند.',
};

const SHIPPED_NAMES = new Set([...DEFAULT_LEXICON.objects, ...DEFAULT_LEXICON.defects].map((e) => e.name));

/** `parent` is an object's parent, or a defect's family: defects of one family can name one problem. */
type Row = { kind: LexiconEntry['kind']; name: string; parent: string; request: boolean; words: string };

const toRow = (e: DeepReadonly<LexiconEntry>): Row => ({
  kind: e.kind, name: e.name, parent: (e.kind === 'object' ? e.parent : e.family) ?? '', request: e.request ?? false, words: e.words.join('، '),
});

const FAMILIES = [...new Set(DEFAULT_LEXICON.defects.flatMap(defectFamilies))];

const filled = (r: Row): boolean => !!(r.name.trim() || r.words.trim());

/** Rows as entries: words split at «،», «,» or a new line; a row left empty is dropped. */
function toEntries(rows: readonly Row[]): LexiconEntry[] {
  return rows.filter(filled).map((r) => ({
    kind: r.kind,
    name: r.name,
    words: r.words.split(/[،,\n]/).map((w) => w.trim()).filter(Boolean),
    ...(r.parent.trim() && !SHIPPED_NAMES.has(r.name.trim()) ? { [r.kind === 'object' ? 'parent' : 'family']: r.parent.trim() } : {}),
    ...(r.kind === 'defect' && r.request ? { request: true } : {}),
  }));
}

/**
 * `error`: the settings' first refusal within the lexicon, with its field path («2.words.0»: the third entry's
 * first word), which names the row it is in.
 */
type Props = {
  value: readonly DeepReadonly<LexiconEntry>[]; onChange: (entries: LexiconEntry[]) => void;
  error?: { path: string; message: string } | undefined;
};

export function LexiconEditor({ value, onChange, error }: Props) {
  const [rows, setRows] = useState<Row[]>(() => value.map(toRow));
  const update = (next: Row[]): void => {
    setRows(next);
    onChange(toEntries(next));
  };
  const edit = (i: number, patch: Partial<Row>): void => update(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  // The refused entry's row: entries skip the empty rows.
  const entry = error ? Number(error.path.split('.')[0]) : NaN;
  const badRow = Number.isInteger(entry) ? rows.map((r, i) => [r, i] as const).filter(([r]) => filled(r))[entry]?.[1] ?? -1 : -1;
  const badField = error?.path.split('.')[1];

  return (
    <fieldset className="lexicon-editor" data-testid="lexicon-editor">
      <legend>{T.legend}</legend>
      <p className="muted small-text">{T.help(DEFAULT_LEXICON.objects.length, DEFAULT_LEXICON.defects.length)}</p>
      {rows.length === 0 ? <p className="muted">{T.empty}</p> : (
        <table className="lexicon-table">
          <thead><tr><th>{T.kind}</th><th>{T.name}</th><th>{T.parent}</th><th title={T.requestHelp}>{T.request}</th><th>{T.words}</th><th /></tr></thead>
          <tbody>
            {rows.map((r, i) => {
              const shipped = SHIPPED_NAMES.has(r.name.trim());
              return (
                <tr key={i}>
                  <td>
                    <select aria-label={`${T.kind} ${fa(i + 1)}`} value={r.kind} onChange={(e) => edit(i, { kind: e.target.value as Row['kind'] })}>
                      {(['object', 'defect'] as const).map((k) => <option key={k} value={k}>{T.kinds[k]}</option>)}
                    </select>
                  </td>
                  <td className="name">
                    <input aria-label={`${T.name} ${fa(i + 1)}`} value={r.name} onChange={(e) => edit(i, { name: e.target.value })} maxLength={60}
                      aria-invalid={badRow === i && badField === 'name'} />
                  </td>
                  <td className="parent">
                    {/* A shipped name takes the office's words only: its place in the lexicon is the shipped one. */}
                    <input aria-label={`${T.parent} ${fa(i + 1)}`} value={shipped ? '' : r.parent} list={r.kind === 'object' ? 'lexicon-objects' : 'lexicon-families'}
                      onChange={(e) => edit(i, { parent: e.target.value })} maxLength={60} disabled={shipped}
                      title={shipped ? T.shippedName : undefined} />
                  </td>
                  <td>
                    <input type="checkbox" aria-label={`${T.request} ${fa(i + 1)}`} title={T.requestHelp} checked={r.kind === 'defect' && r.request}
                      disabled={r.kind !== 'defect'} onChange={(e) => edit(i, { request: e.target.checked })} />
                  </td>
                  <td className="words">
                    <input aria-label={`${T.words} ${fa(i + 1)}`} value={r.words} onChange={(e) => edit(i, { words: e.target.value })} aria-invalid={badRow === i && badField === 'words'} />
                  </td>
                  <td><button type="button" className="small ghost" aria-label={T.removeRow(i + 1)} onClick={() => update(rows.filter((_, k) => k !== i))}>{T.remove}</button></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <datalist id="lexicon-objects">{DEFAULT_LEXICON.objects.map((o) => <option key={o.name} value={o.name} />)}</datalist>
      <datalist id="lexicon-families">{FAMILIES.map((f) => <option key={f} value={f} />)}</datalist>
      {error && <div className="field-error" role="alert">{badRow >= 0 ? T.rowError(badRow + 1, error.message) : error.message}</div>}
      <div className="actions">
        <button type="button" className="small" onClick={() => update([...rows, { kind: 'object', name: '', parent: '', request: false, words: '' }])}>{T.add}</button>
      </div>
      <details>
        <summary>{T.shipped}</summary>
        <div className="lexicon-shipped">
          <h4>{T.objects}</h4>
          <dl>{DEFAULT_LEXICON.objects.map((o) => <div key={o.name}><dt>{o.name}</dt><dd>{o.words.join('، ')}</dd></div>)}</dl>
          <h4>{T.defects}</h4>
          <dl>{DEFAULT_LEXICON.defects.map((d) => <div key={d.name}><dt>{d.name}</dt><dd>{d.words.join('، ')}</dd></div>)}</dl>
        </div>
      </details>
    </fieldset>
  );
}
