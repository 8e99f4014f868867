// Referral: the cases go to their departments, and each department gets one letter listing its cases.
// The letters can be seen first (a preview changes nothing); referring numbers them from the year's letter
// sequence (which never restarts), renders them and changes the cases in one unit of work, so that a number
// is never given to a letter that was not sent, nor a case referred without its letter.
import type { SlipFile } from '../../../shared/api';
import { leadDepartment, type Case } from '../../../shared/domain';
import { DidarError } from '../../../shared/errors';
import { canMove } from '../../../shared/follow-up';
import { formatJalaliLong, formatJalaliShort, jalaliOf, parseJalali } from '../../../shared/jalali';
import { STATUS_LABEL } from '../../../shared/labels';
import { msg } from '../../../shared/messages';
import type { BackendContext, ReadContext } from '../context';
import { requireCase } from './cases';
import { referIn } from './follow-up';

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

/** One letter as a PDF; `number` null for the preview, which no number is given to. */
async function letter(ctx: ReadContext, department: string, cases: Case[], number: string | null): Promise<SlipFile> {
  const s = await ctx.store.getSettings();
  const { renderReferralLetterPdf } = await import('../pdf/referral-letter-pdf');
  const pdf = await renderReferralLetterPdf({
    officeName: s.officeName, officeUnit: s.officeUnit, department, signerName: s.signerName, signerTitle: s.signerTitle,
    date: formatJalaliLong(jalaliOf(ctx.now())), number: number ?? '', preview: number === null,
    rows: cases.map((c) => ({
      code: c.code, citizen: `${c.citizen.firstName} ${c.citizen.lastName}`, county: c.county, issue: c.text,
      order: c.order?.text ?? '', due: c.deadline ? formatJalaliShort(parseJalali(c.deadline.dueDate)!) : '',
    })),
  });
  const name = number ? `didar-referral-${number.replace(/\//g, '-')}.pdf` : `didar-referral-preview-${cases[0]!.code}.pdf`;
  return { fileName: name, base64: pdf.toString('base64'), duplicate: false, code: department };
}

/** The letters a referral would send, unnumbered; nothing is changed or numbered. */
export async function previewReferral(ctx: ReadContext, ids: readonly string[]): Promise<{ letters: SlipFile[]; cases: number }> {
  const byDepartment = await plan(ctx, ids);
  const letters: SlipFile[] = [];
  for (const [department, cases] of byDepartment) letters.push(await letter(ctx, department, cases, null));
  return { letters, cases: [...byDepartment.values()].reduce((n, l) => n + l.length, 0) };
}

export function referWithLetters(ctx: BackendContext, ids: readonly string[]): Promise<{ cases: readonly Case[]; letters: SlipFile[] }> {
  return ctx.mutate('case/referred', async (t) => {
    const byDepartment = await plan(t, ids);
    const jy = jalaliOf(ctx.now()).jy;
    const letters: SlipFile[] = [];
    const letterOf = new Map<string, string>();
    for (const [department, cases] of byDepartment) {
      const number = `${jy}/${await t.store.nextLetterNumber(jy)}`;
      letters.push(await letter(t, department, cases, number));
      for (const c of cases) letterOf.set(c.id, number);
    }
    return { cases: await referIn(t, letterOf), letters };
  });
}
