// Circular lifecycle: drafted from the cases of a collective concern, edited, approved, issued with a number
// and a Jalali date; issuing writes to every linked case's history and queues a notice to its citizen.
import { randomUUID } from 'node:crypto';
import type { ParsedArgs, SlipFile } from '../../../shared/api';
import { countsBy } from '../../../shared/counts';
import { DEFAULT_CIRCULAR_COPIES, draftCircularText, type Circular, type CircularStatus } from '../../../shared/circular';
import { isCoded, leadDepartment, type Case } from '../../../shared/domain';
import { DidarError } from '../../../shared/errors';
import { formatJalali, formatJalaliLong, formatJalaliShort, jalaliOf, parseJalali } from '../../../shared/jalali';
import { CIRCULAR_STATUS_LABEL, codeOrStage } from '../../../shared/labels';
import { msg } from '../../../shared/messages';
import { noticeText } from '../../../shared/notices';
import type { CircularDocData } from '../../../shared/pdf/circular-document';
import type { BackendContext, ReadContext, TxContext } from '../context';
import { requireCase } from './cases';
import { letterheadOf, officeOf } from '../../../shared/offices';

export async function requireCircular(ctx: ReadContext, id: string): Promise<Circular> {
  const c = await ctx.store.getCircular(id);
  if (!c) throw new DidarError('not-found', msg.circularNotFound);
  return c;
}

async function casesOf(ctx: ReadContext, ids: readonly string[]): Promise<Case[]> {
  const out: Case[] = [];
  for (const id of ids) out.push(await requireCase(ctx, id));
  return out;
}

export function draftCircular(ctx: BackendContext, a: ParsedArgs<'circular/draft'>): Promise<Circular> {
  const ids = [...new Set(a.caseIds)];
  if (ids.length < 2) throw new DidarError('bad-args', msg.circularNeedsCases);
  return ctx.mutate('circular/draft', async (t) => {
    const cases = await casesOf(t, ids);
    const s = await t.store.getSettings();
    const text = draftCircularText(a.problem, cases, { body: s.circularBody, instruction: s.circularInstruction }, s.circularComplianceDays);
    const at = ctx.now().toISOString();
    const c: Circular = {
      id: randomUUID(), status: 'draft', ...text, complianceDays: s.circularComplianceDays, copies: DEFAULT_CIRCULAR_COPIES,
      caseIds: ids, ...(a.groupId ? { groupId: a.groupId } : {}), createdAt: at, createdBy: ctx.actor.operator,
      history: [{ at, by: ctx.actor.operator, action: 'drafted' }],
    };
    await t.store.putCircular(c);
    return c;
  });
}

export function updateCircular(ctx: BackendContext, a: ParsedArgs<'circular/update'>): Promise<Circular> {
  return ctx.mutate('circular/update', async (t) => {
    const c = await requireCircular(t, a.id);
    if (c.status !== 'draft') throw new DidarError('conflict', msg.circularNotDraft);
    const { id: _id, ...patch } = a;
    const next: Circular = { ...c, ...patch, history: [...c.history, { at: ctx.now().toISOString(), by: ctx.actor.operator, action: 'edited' }] };
    await t.store.putCircular(next);
    return next;
  });
}

async function inStatus(t: TxContext, id: string, from: CircularStatus, to: CircularStatus): Promise<Circular> {
  const c = await requireCircular(t, id);
  if (c.status !== from) throw new DidarError('conflict', msg.circularWrongStatus(CIRCULAR_STATUS_LABEL[c.status], CIRCULAR_STATUS_LABEL[to]));
  return c;
}

export function approveCircular(ctx: BackendContext, id: string): Promise<Circular> {
  return ctx.mutate('circular/approve', async (t) => {
    const c = await inStatus(t, id, 'draft', 'approved');
    const next: Circular = { ...c, status: 'approved', history: [...c.history, { at: ctx.now().toISOString(), by: ctx.actor.operator, action: 'approved' }] };
    await t.store.putCircular(next);
    return next;
  });
}

/** The year's next number and today, which the office may change when it issues. */
export async function suggestCircularNumber(ctx: ReadContext): Promise<{ number: string; date: string }> {
  const today = jalaliOf(ctx.now());
  return { number: `${today.jy}/${await ctx.store.peekCircularNumber(today.jy)}`, date: formatJalali(today) };
}

/**
 * Issues with the number and date the office gives (the year's next number unless its register says otherwise),
 * and writes it into every linked case with a notice: one unit of work.
 */
export function issueCircular(ctx: BackendContext, a: ParsedArgs<'circular/issue'>): Promise<Circular> {
  return ctx.mutate('circular/issue', async (t) => {
    const c = await inStatus(t, a.id, 'approved', 'issued');
    const todayJ = jalaliOf(ctx.now());
    if (a.date > formatJalali(todayJ)) throw new DidarError('bad-args', msg.issueDateFuture, { date: msg.issueDateFuture });
    if ((await t.store.listCirculars()).some((k) => k.id !== c.id && k.number === a.number)) {
      throw new DidarError('conflict', msg.circularNumberTaken(a.number), { number: msg.circularNumberTaken(a.number) });
    }
    // the suggested number is taken from the year's sequence, so that the next suggestion moves on
    if (a.number === (await suggestCircularNumber(t)).number) await t.store.nextCircularNumber(todayJ.jy);
    const at = ctx.now().toISOString();
    const by = ctx.actor.operator;
    const number = a.number;
    const next: Circular = {
      ...c, status: 'issued', number, issuedOn: a.date,
      history: [...c.history, { at, by, action: 'issued', note: number }],
    };
    await t.store.putCircular(next);
    const s = await t.store.getSettings();
    for (const k of await casesOf(t, c.caseIds)) {
      await t.store.putCase({
        ...k,
        history: [...k.history, { at, by, action: 'circular', ref: number, note: c.title }],
        // a case still at a station has no code to tell the citizen yet
        notices: isCoded(k) ? [...k.notices, { id: randomUUID(), kind: 'circular', mobile: k.citizen.mobile, createdAt: at, text: noticeText('circular', k, letterheadOf(s, officeOf(k)).officeName, { circular: number }) }] : k.notices,
      });
    }
    return next;
  });
}

/** What the PDF and the DOCX both show. */
export async function circularDocData(ctx: ReadContext, c: Circular): Promise<CircularDocData> {
  const s = await ctx.store.getSettings();
  const cases = await casesOf(ctx, c.caseIds);
  const data = {
    ...letterheadOf(s, ctx.office), ...(s.logoDataUrl ? { logoDataUrl: s.logoDataUrl } : {}),
    number: c.number ?? '—', date: c.issuedOn ? formatJalaliLong(parseJalali(c.issuedOn)!) : formatJalaliLong(jalaliOf(ctx.now())),
    draft: c.status !== 'issued', title: c.title, addressees: c.addressees, body: c.body, instruction: c.instruction,
    copies: c.copies,
    annex: cases.map((k) => ({ code: codeOrStage(k.code, !!k.order), county: k.county, date: formatJalaliShort(parseJalali(k.meetingDate)!), department: leadDepartment(k) })),
    byCounty: countsBy(cases, (k) => k.county),
    byDepartment: countsBy(cases, leadDepartment),
  };
  // counted on the PDF's layout, for the PDF and the DOCX alike
  return { ...data, annexPages: await (await import('../pdf/circular-pdf')).annexPageCount(data) };
}

export async function circularFile(ctx: BackendContext, id: string, format: 'pdf' | 'docx'): Promise<SlipFile> {
  const c = await requireCircular(ctx, id);
  const data = await circularDocData(ctx, c);
  const name = `didar-circular-${(c.number ?? 'draft').replace(/\//g, '-')}.${format}`;
  const bytes = format === 'pdf'
    ? await (await import('../pdf/circular-pdf')).renderCircularPdf(data)
    : await (await import('../docx/circular-docx')).circularDocx(data);
  await ctx.store.logEvent(ctx.actor, `circular/export-${format}`, 'circular', c.id);
  return { fileName: name, base64: bytes.toString('base64'), duplicate: false, code: c.number ?? '' };
}
