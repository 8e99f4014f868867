// The contract implemented once: each method of shared/api.ts mapped to its service.
import { installOfficeCertificate } from './server/certificate';
import type { AttemptLimit } from './attempt-limit';
import type { Method, ParsedArgs, Result } from '../../shared/api';
import { formatJalali, jalaliOf } from '../../shared/jalali';
import type { BackendContext } from './context';
import { APP_VERSION } from './version';
import {
  allocateCode, cancelCase, caseByCode, correctCase, dueDate, giveOrder, listCasesForDay, lookupCitizen, pendingCases, recordCase, recordPendingCase, requireCase,
} from './services/cases';
import { currentMeetingDay, listMeetingDays, openMeetingDay } from './services/meeting-days';
import { callNext, listQueue, markQueue, registerArrival } from './services/queue';
import { getSettings, updateSettings } from './services/settings';
import { printSlip } from './services/slips';
import { approveCircular, circularFile, draftCircular, issueCircular, requireCircular, suggestCircularNumber, updateCircular } from './services/circulars';
import {
  closeCase, extendCases, pauseCase, recordAnswer, recordSatisfaction, reopenCase, rerouteCases, resumeCase, startProgress,
} from './services/follow-up';
import { previewReferral, referWithLetters } from './services/letters';
import { circularEffect, correctGroups, groupBoard, listCorrections, suggestForIntake, undoCorrection } from './services/grouping';
import { caseRows, countyReport, departmentReport, meetingDaySummary, meetingDaySummaryFile, reportFile } from './services/reports';
import {
  escalationFile, escalationList, exportNotices, listNotices, lookupAttempts, lookupStatus, markNoticesExported, queryWorklist, skipNotice, worklistFile,
} from './services/worklist';
import { authStatus, changePassword, createAccount, listAccounts, resetPassword, setUp, signIn, signOut, updateAccount } from './services/accounts';


/** Each method's handler, called by dispatch with the context of that one call. */
export type Handlers = { [M in Method]: (ctx: BackendContext, a: ParsedArgs<M>) => Promise<Result<M>> };

export function makeHandlers(): Handlers {
  let lookups: AttemptLimit | null = null; // one count of failed lookups for the whole backend
  return {
    'app/info': async (ctx) => ({
      today: formatJalali(jalaliOf(ctx.now())),
      operator: ctx.actor.operator,
      dataDir: ctx.store.dataDir,
      version: APP_VERSION,
    }),
    'settings/get': (ctx) => getSettings(ctx),
    'settings/update': (ctx, a) => updateSettings(ctx, a),
    'backup/status': async (ctx) => ({ ...(await ctx.store.backupStatus()), dataDir: ctx.store.dataDir }),
    'meetingDay/open': (ctx, a) => openMeetingDay(ctx, a),
    'meetingDay/list': (ctx) => listMeetingDays(ctx),
    'meetingDay/current': (ctx) => currentMeetingDay(ctx),
    'queue/list': (ctx, a) => listQueue(ctx, a.meetingDayId),
    'queue/arrive': (ctx, a) => registerArrival(ctx, a),
    'queue/callNext': (ctx, a) => callNext(ctx, a.meetingDayId),
    'queue/mark': (ctx, a) => markQueue(ctx, a),
    'case/record': (ctx, a) => recordCase(ctx, a),
    'case/recordPending': (ctx, a) => recordPendingCase(ctx, a),
    'case/giveOrder': (ctx, a) => giveOrder(ctx, a),
    'case/allocateCode': (ctx, a) => allocateCode(ctx, a.id),
    'case/pending': (ctx, a) => pendingCases(ctx, a.stage, a.meetingDayId),
    'case/correct': (ctx, a) => correctCase(ctx, a),
    'case/listForDay': (ctx, a) => listCasesForDay(ctx, a.meetingDayId),
    'case/get': (ctx, a) => requireCase(ctx, a.id),
    'case/byCode': (ctx, a) => caseByCode(ctx, a.code),
    'case/cancel': (ctx, a) => cancelCase(ctx, a),
    'citizen/lookup': (ctx, a) => lookupCitizen(ctx, a.nationalId),
    'order/dueDate': (ctx, a) => dueDate(ctx, a.from, a.days),
    'slip/pdf': (ctx, a) => printSlip(ctx, a.caseId),
    'worklist/query': (ctx, a) => queryWorklist(ctx, a),
    'worklist/file': (ctx, a) => worklistFile(ctx, a),
    'escalation/list': (ctx) => escalationList(ctx),
    'escalation/file': (ctx, a) => escalationFile(ctx, a.format),
    'case/referPreview': (ctx, a) => previewReferral(ctx, a.ids),
    'case/refer': (ctx, a) => referWithLetters(ctx, a.ids),
    'case/reroute': (ctx, a) => rerouteCases(ctx, a),
    'case/extend': (ctx, a) => extendCases(ctx, a),
    'case/pause': (ctx, a) => pauseCase(ctx, a),
    'case/resume': (ctx, a) => resumeCase(ctx, a.id),
    'case/start': (ctx, a) => startProgress(ctx, a.id),
    'case/answer': (ctx, a) => recordAnswer(ctx, a),
    'case/close': (ctx, a) => closeCase(ctx, a),
    'case/satisfaction': (ctx, a) => recordSatisfaction(ctx, a),
    'case/reopen': (ctx, a) => reopenCase(ctx, a),
    'lookup/status': (ctx, a) => lookupStatus(ctx, a, (lookups ??= lookupAttempts(ctx))),
    'notices/list': (ctx, a) => listNotices(ctx, a.pending),
    'notices/export': (ctx) => exportNotices(ctx),
    'notices/markExported': (ctx, a) => markNoticesExported(ctx, a.notices),
    'notices/skip': (ctx, a) => skipNotice(ctx, a),
    'group/board': (ctx, a) => groupBoard(ctx, a.rerun),
    'group/correct': (ctx, a) => correctGroups(ctx, a),
    'group/corrections': (ctx) => listCorrections(ctx),
    'group/undo': (ctx, a) => undoCorrection(ctx, a.index),
    'case/suggest': (ctx, a) => suggestForIntake(ctx, a),
    'case/rows': (ctx, a) => caseRows(ctx, a.caseIds),
    'report/departments': (ctx, a) => departmentReport(ctx, a.period, a.office),
    'report/day': (ctx, a) => meetingDaySummary(ctx, a.meetingDayId),
    'report/dayFile': (ctx, a) => meetingDaySummaryFile(ctx, a.meetingDayId, a.format),
    'report/counties': (ctx, a) => countyReport(ctx, a.period, a.office),
    'report/file': (ctx, a) => reportFile(ctx, a.period, a.table, a.format, a.office),
    'circular/list': (ctx) => ctx.store.listCirculars(),
    'circular/get': (ctx, a) => requireCircular(ctx, a.id),
    'circular/draft': (ctx, a) => draftCircular(ctx, a),
    'circular/update': (ctx, a) => updateCircular(ctx, a),
    'circular/approve': (ctx, a) => approveCircular(ctx, a.id),
    'circular/nextNumber': (ctx) => suggestCircularNumber(ctx),
    'circular/issue': (ctx, a) => issueCircular(ctx, a),
    'circular/file': (ctx, a) => circularFile(ctx, a.id, a.format),
    'circular/effect': async (ctx, a) => circularEffect(ctx, await requireCircular(ctx, a.id)),
    'server/status': async (ctx) => ctx.server(),
    'server/installCertificate': async (ctx, a) => {
      const fingerprint = await installOfficeCertificate(ctx.tlsHome, `${a.cert}\n`, `${a.key}\n`);
      await ctx.store.logEvent(ctx.actor, 'server/installCertificate', 'certificate', fingerprint);
      return { fingerprint };
    },
    'auth/status': (ctx) => authStatus(ctx),
    'auth/setup': (ctx, a) => setUp(ctx, a),
    'auth/signIn': (ctx, a) => signIn(ctx, a),
    'auth/signOut': (ctx) => signOut(ctx),
    'auth/changePassword': (ctx, a) => changePassword(ctx, a),
    'accounts/directory': async (ctx) => (await ctx.store.listAccounts()).map((a) => ({ username: a.username, displayName: a.displayName })),
    'accounts/list': (ctx) => listAccounts(ctx),
    'accounts/create': (ctx, a) => createAccount(ctx, a),
    'accounts/update': (ctx, a) => updateAccount(ctx, a),
    'accounts/resetPassword': (ctx, a) => resetPassword(ctx, a),
  };
}
