// The office's corrections to the machine's groups. They name cases, not groups, so they still apply after
// a re-run or when new cases arrive: each is replayed, in the order made, on the machine's fresh grouping.
import { z } from 'zod';
import { IdInput, lineField } from '../domain';
import { msg } from '../messages';
import type { DeepReadonly } from '../readonly';
import { GROUP_TITLE_MAX, type StoredGroupCorrectionSchema } from '../stored-schemas';

const caseIds = (min: number, error: string) =>
  z.array(IdInput).min(min, { error }).max(20_000).refine((ids) => new Set(ids).size === ids.length, { error: msg.duplicateCases });

export const GroupCorrectionSchema = z.discriminatedUnion('kind', [
  /** These cases belong together: their groups become one. */
  z.object({ kind: z.literal('merge'), caseIds: caseIds(2, msg.mergeNeedsGroups) }),
  /** These cases leave their group and form a group of their own (one case: moved out). */
  z.object({ kind: z.literal('split'), caseIds: caseIds(1, msg.nothingSelected) }),
  /** The group holding most of these cases is not a collective problem (or is again, with value false). */
  z.object({ kind: z.literal('notCollective'), caseIds: caseIds(1, msg.nothingSelected), value: z.boolean() }),
  /** The group holding most of these cases is called `value` (the office's words over the machine's title). */
  z.object({ kind: z.literal('title'), caseIds: caseIds(1, msg.nothingSelected), value: lineField(GROUP_TITLE_MAX) }),
]);
/** A correction as stored: what the office asked for, when and by whom (an undo takes back the one at `index`). */
export type GroupCorrection = DeepReadonly<z.output<typeof StoredGroupCorrectionSchema>>;
export type UndoCorrection = Extract<GroupCorrection, { kind: 'undo' }>;

/** Indexes of the corrections taken back. */
export function undoneCorrections(corrections: readonly GroupCorrection[]): Set<number> {
  const out = new Set<number>();
  for (const c of corrections) if (c.kind === 'undo') out.add(c.index);
  return out;
}

/** `corrected`: its cases were reshaped by the office; `named`: its title is the office's. */
export type CorrectedGroup = { caseIds: string[]; title: string; notCollective: boolean; corrected: boolean; named: boolean };

export function applyCorrections(groups: readonly { caseIds: string[]; title: string }[], corrections: readonly GroupCorrection[]): CorrectedGroup[] {
  let out: CorrectedGroup[] = groups.map((g) => ({ caseIds: [...g.caseIds], title: g.title, notCollective: false, corrected: false, named: false }));
  const groupOf = (): Map<string, number> => {
    const m = new Map<string, number>();
    out.forEach((g, i) => g.caseIds.forEach((id) => m.set(id, i)));
    return m;
  };
  const undone = undoneCorrections(corrections);
  for (const [index, c] of corrections.entries()) {
    if (c.kind === 'undo' || undone.has(index)) continue;
    const at = groupOf();
    const present = [...new Set(c.caseIds)].filter((id) => at.has(id));
    if (present.length === 0) continue;
    if (c.kind === 'merge') {
      const idx = [...new Set(present.map((id) => at.get(id)!))];
      if (idx.length < 2) continue;
      const [first, ...rest] = idx.sort((a, b) => out[b]!.caseIds.length - out[a]!.caseIds.length);
      const target = out[first!]!;
      for (const i of rest) {
        const g = out[i]!;
        target.caseIds.push(...g.caseIds);
        target.notCollective ||= g.notCollective;
        if (g.named && !target.named) [target.title, target.named] = [g.title, true];
      }
      target.corrected = true;
      out = out.filter((_, i) => !rest.includes(i));
    } else if (c.kind === 'split') {
      const moving = new Set(present);
      const touched = new Set(present.map((id) => at.get(id)!));
      for (const i of touched) {
        const g = out[i]!;
        g.caseIds = g.caseIds.filter((id) => !moving.has(id));
        g.corrected = true;
      }
      out.push({ caseIds: present, title: out[at.get(present[0]!)!]!.title, notCollective: false, corrected: true, named: false });
      out = out.filter((g) => g.caseIds.length > 0);
    } else {
      const votes = new Map<number, number>();
      for (const id of present) votes.set(at.get(id)!, (votes.get(at.get(id)!) ?? 0) + 1);
      const [i] = [...votes].sort((a, b) => b[1] - a[1])[0]!;
      if (c.kind === 'title') [out[i]!.title, out[i]!.named] = [c.value, true];
      else out[i]!.notCollective = c.value;
    }
  }
  return out;
}
