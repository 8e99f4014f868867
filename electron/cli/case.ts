// `didar case --data DIR | --db URL --code CODE [--national-id ID]`: where a case stands, as JSON.
import { parseArgs } from 'node:util';
import { overdueDays } from '../../shared/follow-up';
import { jalaliOf } from '../../shared/jalali';
import { HISTORY_LABEL, OUTCOME_LABEL, STATUS_LABEL } from '../../shared/labels';
import { msg } from '../../shared/messages';
import { digitsOnly } from '../../shared/persian-text';
import { normalizeTrackingCode } from '../../shared/tracking-code';
import { openBackend } from '../backend';
import { workCalendar } from '../backend/services/settings';
import { fail, locationOf, STORE_OPTIONS } from './index';

export async function caseCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv, options: { ...STORE_OPTIONS, code: { type: 'string' }, 'national-id': { type: 'string' } }, strict: true,
  });
  if (!values.code) return fail('کد رهگیری را بدهید.', 'usage: didar case --data DIR | --db URL --code CODE [--national-id ID]', 2);
  const code = normalizeTrackingCode(values.code);
  if (!code) return fail(msg.trackingCodeInvalid, `invalid tracking code (check digit): ${values.code}`);
  const backend = await openBackend(locationOf(values));
  try {
    const c = await backend.store.getCaseByCode(code);
    const nid = values['national-id'] ? digitsOnly(values['national-id']) : null;
    if (!c || (nid !== null && c.citizen.nationalId !== nid)) return fail(msg.lookupNotFound, `no case with code ${code}${nid ? ' and that national ID' : ''}`);
    const cal = await workCalendar(backend.ctx);
    process.stdout.write(`${JSON.stringify({
      code: c.code,
      status: c.status,
      statusLabel: STATUS_LABEL[c.status],
      department: c.order?.leadDepartment ?? c.departments[0] ?? null,
      meetingDate: c.meetingDate,
      deadline: c.deadline ? { dueDate: c.deadline.dueDate, workingDays: c.deadline.days, extensions: c.deadline.extensions.length, paused: c.deadline.pauses.some((p) => !p.to) } : null,
      overdueDays: overdueDays(c, jalaliOf(backend.ctx.now()), cal),
      outcome: c.outcome ? { kind: c.outcome.kind, label: OUTCOME_LABEL[c.outcome.kind], note: c.outcome.note } : null,
      history: c.history.map((h) => ({ at: h.at, by: h.by, action: h.action, label: HISTORY_LABEL[h.action], ...(h.note ? { note: h.note } : {}) })),
    }, null, 2)}\n`);
    return 0;
  } finally {
    await backend.close();
  }
}
