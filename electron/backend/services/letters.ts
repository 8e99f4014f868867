// Referral: the cases go to their departments, and each department gets one letter listing its cases.
// The letters can be seen first (a preview changes nothing); referring numbers them from the year's letter
// sequence (which never restarts) and changes the cases in one unit of work with the drawn letters, so that a
// number is never given to a letter that was not sent, nor a case referred without its letter. The letters are
// drawn before that unit, with the numbers they will get: drawing takes a tenth of a second, in which no other
// desk's change could be committed if it ran inside. Referrals on one store take their turn for that (they alone
// give letter numbers), so their numbers hold; a second server on the same database can still take one
// meanwhile, and then the letters are drawn again.
import { isDeepStrictEqual } from 'node:util';
import type { SlipFile } from '../../../shared/api';
import { leadDepartment, type Case } from '../../../shared/domain';
import { DidarError } from '../../../shared/errors';
import { canMove } from '../../../shared/follow-up';
import { formatJalaliLong, formatJalaliShort, jalaliOf, parseJalali } from '../../../shared/jalali';
import { STATUS_LABEL } from '../../../shared/labels';
import { msg } from '../../../shared/messages';
import type { BackendContext, ReadContext } from '../context';
import type { ReferralLetterData } from '../../../shared/pdf/referral-letter';
import { unscoped } from '../store/office-scope';
import { Serial } from '../store/serial';
import { codeOf, requireCase } from './cases';
import { referIn } from './follow-up';
import { letterheadOf } from '../../../shared/offices';

/** The cases to refer, grouped by the department each letter goes to; refuses a case that cannot be referred. */
async function plan(ctx: ReadContext, ids: readonly string[]): Promise<Map<string, Case[]>> {
  if (!ids.length) throw new DidarError('bad-args', msg.nothingSelected);
  const byDepartment = new Map<string, Case[]>();
  for (const id of new Set(ids)) {
    const c = await requireCase(ctx, id);
    if (!canMove(c.status, 'referred')) throw new DidarError('conflict', msg.illegalTransition(STATUS_LABEL[c.status], STATUS_LABEL.referred));
    const d = leadDepartment(c);
    (byDepartment.get(d) ?? byDepartment.set(d, []).get(d)!).push(c);
  }
  return byDepartment;
}

/** What one letter says; `number` null for the preview, which no number is given to. */
async function letterData(ctx: ReadContext, department: string, cases: readonly Case[], number: string | null): Promise<ReferralLetterData> {
  return {
    ...letterheadOf(await ctx.store.getSettings(), ctx.office), department,
    date: formatJalaliLong(jalaliOf(ctx.now())), number: number ?? '', preview: number === null,
    rows: cases.map((c) => ({
      code: codeOf(c), citizen: `${c.citizen.firstName} ${c.citizen.lastName}`, county: c.county, issue: c.text,
      order: c.order?.text ?? '', due: c.deadline ? formatJalaliShort(parseJalali(c.deadline.dueDate)!) : '',
    })),
  };
}

async function drawLetter(data: ReferralLetterData): Promise<SlipFile> {
  const { renderReferralLetterPdf } = await import('../pdf/referral-letter-pdf');
  const pdf = await renderReferralLetterPdf(data);
  const name = data.number ? `didar-referral-${data.number.replace(/\//g, '-')}.pdf` : `didar-referral-preview-${data.rows[0]!.code}.pdf`;
  return { fileName: name, base64: pdf.toString('base64'), duplicate: false, code: data.department };
}

/** The letters a referral would send, unnumbered; nothing is changed or numbered. */
export async function previewReferral(ctx: ReadContext, ids: readonly string[]): Promise<{ letters: SlipFile[]; cases: number }> {
  const byDepartment = await plan(ctx, ids);
  const letters: SlipFile[] = [];
  for (const [department, cases] of byDepartment) letters.push(await drawLetter(await letterData(ctx, department, cases, null)));
  return { letters, cases: [...byDepartment.values()].reduce((n, l) => n + l.length, 0) };
}

/** Draws made before the unit of work that found the cases or numbers changed meanwhile, before drawing inside it. */
const DRAWS_AHEAD = 3;
/** Thrown inside the unit when the letters drawn before it no longer fit: nothing is committed, they are drawn again. */
class LettersChanged extends Error {}
/** One turn at a time per store, for drawing and committing a referral's letters. */
const turns = new WeakMap<object, Serial>();
const turnOf = (store: object): Serial => turns.get(store) ?? turns.set(store, new Serial()).get(store)!;

export function referWithLetters(ctx: BackendContext, ids: readonly string[]): Promise<{ cases: readonly Case[]; letters: SlipFile[] }> {
  return turnOf(unscoped(ctx.store)).run(() => drawAndRefer(ctx, ids)); // one turn per store, whoever's office
}

async function drawAndRefer(ctx: BackendContext, ids: readonly string[]): Promise<{ cases: readonly Case[]; letters: SlipFile[] }> {
  const jy = jalaliOf(ctx.now()).jy;
  /** Each department's letter with its number (the i-th letter of this referral gets `number(i)`), and which case is in which. */
  const planLetters = async (c: ReadContext, number: (i: number) => Promise<number>) => {
    const letters: ReferralLetterData[] = [];
    const letterOf = new Map<string, string>();
    for (const [department, cases] of await plan(c, ids)) {
      const n = `${jy}/${await number(letters.length)}`;
      letters.push(await letterData(c, department, cases, n));
      for (const x of cases) letterOf.set(x.id, n);
    }
    return { letters, letterOf };
  };
  for (let draw = 0; ; draw++) {
    const inside = draw === DRAWS_AHEAD; // the numbers or cases kept changing meanwhile: draw within the unit
    const ahead = inside ? null : await planLetters(ctx, async (i) => (await ctx.store.peekLetterNumber(jy)) + i);
    const drawn = ahead ? await Promise.all(ahead.letters.map(drawLetter)) : null;
    try {
      return await ctx.mutate('case/referred', async (t) => {
        const now = await planLetters(t, () => t.store.nextLetterNumber(jy));
        if (ahead && !isDeepStrictEqual(now.letters, ahead.letters)) throw new LettersChanged();
        return { cases: await referIn(t, now.letterOf), letters: drawn ?? await Promise.all(now.letters.map(drawLetter)) };
      });
    } catch (e) {
      if (!(e instanceof LettersChanged)) throw e;
    }
  }
}
