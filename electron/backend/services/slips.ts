import type { SlipFile } from '../../../shared/api';
import { ORDER_TYPE_LABEL, placeLabel } from '../../../shared/labels';
import { formatInstant, formatJalaliLong, parseJalali } from '../../../shared/jalali';
import { DidarError } from '../../../shared/errors';
import { msg } from '../../../shared/messages';
import { maskNationalId } from '../../../shared/national-id';
import type { Case } from '../../../shared/domain';
import type { BackendContext, ReadContext } from '../context';
import { codeOf, requireCase } from './cases';
import { requireMeetingDay } from './meeting-days';
import { letterheadOf, officeOf } from '../../../shared/offices';

/**
 * Renders the tracking slip and logs the print: the first print is the original, every later one is a
 * reprint marked «المثنی» and recorded with who and when.
 */
export async function printSlip(ctx: BackendContext, caseId: string): Promise<SlipFile> {
  // Rendered outside the unit of work (a PDF takes tens of milliseconds that other desks should not wait
  // for), then recorded only if nobody printed the case meanwhile; otherwise rendered again as a reprint.
  for (;;) {
    const c = await requireCase(ctx, caseId);
    if (c.status === 'cancelled') throw new DidarError('cancelled', msg.caseCancelled);
    const code = codeOf(c); // the slip carries the code: a case still at a station has none to print
    const duplicate = c.prints.length > 0;
    const pdf = await renderCaseSlip(ctx, c, duplicate);
    const recorded = await ctx.mutate(duplicate ? 'slip/reprint' : 'slip/print', async (t) => {
      const now = await requireCase(t, caseId);
      if (now.prints.length !== c.prints.length || now.status === 'cancelled') return false;
      const at = ctx.now().toISOString();
      const by = ctx.actor.operator;
      await t.store.putCase({
        ...now,
        prints: [...now.prints, { at, by, duplicate }],
        history: [...now.history, { at, by, action: duplicate ? 'reprinted' : 'printed' }],
      });
      return true;
    });
    if (recorded) return { fileName: `didar-slip-${code}.pdf`, base64: pdf.toString('base64'), duplicate, code };
  }
}

/** The slip as a PDF, without logging a print (the CLI's `didar slip` and the tests use it too). */
export async function renderCaseSlip(ctx: ReadContext, c: Case, duplicate: boolean): Promise<Buffer> {
  const s = await ctx.store.getSettings();
  const day = await requireMeetingDay(ctx, c.meetingDayId);
  // loaded on the first print (a server warms the PDF worker when it opens its folder; the CLI need not)
  const { renderSlipPdf } = await import('../pdf/slip-pdf');
  const { officeName, governor } = letterheadOf(s, officeOf(c));
  return renderSlipPdf({
    officeName,
    governor,
    ...(s.logoDataUrl ? { logoDataUrl: s.logoDataUrl } : {}),
    code: codeOf(c),
    citizenName: `${c.citizen.firstName} ${c.citizen.lastName}`,
    nationalIdMasked: maskNationalId(c.citizen.nationalId),
    meetingDate: formatJalaliLong(parseJalali(c.meetingDate)!),
    place: placeLabel(day),
    issue: c.text,
    order: c.order?.text ?? '',
    orderType: c.order ? ORDER_TYPE_LABEL[c.order.type] : '',
    department: c.order?.leadDepartment ?? c.departments.join('، '),
    dueDate: c.deadline ? formatJalaliLong(parseJalali(c.deadline.dueDate)!) : '',
    followUpPhone: s.followUpPhone,
    followUpAddress: s.followUpAddress,
    duplicate,
    printedAt: formatInstant(ctx.now()),
    layout: s.slipLayout,
  });
}
