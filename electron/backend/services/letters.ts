// Referral: the cases go to their departments, and each department gets one letter listing its cases.
// The letters are rendered before anything is saved, so a failure leaves every case as it was.
import type { SlipFile } from '../../../shared/api';
import { leadDepartment, type Case } from '../../../shared/domain';
import { DidarError } from '../../../shared/errors';
import { canMove } from '../../../shared/follow-up';
import { formatJalaliLong, formatJalaliShort, jalaliOf, parseJalali } from '../../../shared/jalali';
import { STATUS_LABEL } from '../../../shared/labels';
import { msg } from '../../../shared/messages';
import type { BackendContext } from '../context';
import { requireCase } from './cases';
import { referCases, today } from './follow-up';

export async function referWithLetters(ctx: BackendContext, ids: readonly string[]): Promise<{ cases: readonly Case[]; letters: SlipFile[] }> {
  const byDepartment = new Map<string, Case[]>();
  for (const id of ids) {
    const c = await requireCase(ctx, id);
    if (!canMove(c.status, 'referred')) throw new DidarError('conflict', msg.illegalTransition(STATUS_LABEL[c.status], STATUS_LABEL.referred));
    const d = leadDepartment(c);
    (byDepartment.get(d) ?? byDepartment.set(d, []).get(d)!).push(c);
  }
  const s = await ctx.store.getSettings();
  const { renderReferralLetterPdf } = await import('../pdf/referral-letter-pdf');
  const stamp = today(ctx).replace(/\//g, '-');
  const letters: SlipFile[] = [];
  let n = 0;
  for (const [department, list] of byDepartment) {
    n++;
    const pdf = await renderReferralLetterPdf({
      officeName: s.officeName, officeUnit: s.officeUnit, department, signerName: s.signerName, signerTitle: s.signerTitle,
      date: formatJalaliLong(jalaliOf(ctx.now())), number: `${stamp.replace(/-/g, '')}/${n}`,
      rows: list.map((c) => ({
        code: c.code, citizen: `${c.citizen.firstName} ${c.citizen.lastName}`, county: c.county, issue: c.text,
        order: c.order?.text ?? '', due: c.deadline ? formatJalaliShort(parseJalali(c.deadline.dueDate)!) : '',
      })),
    });
    letters.push({ fileName: `didar-referral-${stamp}-${n}.pdf`, base64: pdf.toString('base64'), duplicate: false, code: department });
  }
  return { cases: await referCases(ctx, ids), letters };
}
