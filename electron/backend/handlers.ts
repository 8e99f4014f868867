// The contract implemented once: each method of shared/api.ts mapped to its service.
import type { Handlers } from '../../shared/api';
import { formatJalali, jalaliOf } from '../../shared/jalali';
import type { BackendContext } from './context';
import { cancelCase, caseByCode, dueDate, listCasesForDay, lookupCitizen, recordCase, requireCase } from './services/cases';
import { currentMeetingDay, listMeetingDays, openMeetingDay } from './services/meeting-days';
import { callNext, listQueue, markQueue, registerArrival } from './services/queue';
import { getSettings, updateSettings } from './services/settings';
import { printSlip } from './services/slips';
import { approveCircular, circularFile, draftCircular, issueCircular, requireCircular, updateCircular } from './services/circulars';
import {
  closeCase, extendCases, pauseCase, recordAnswer, recordSatisfaction, reopenCase, rerouteCases, resumeCase, startProgress,
} from './services/follow-up';
import { referWithLetters } from './services/letters';
import { circularEffect, correctGroups, groupBoard } from './services/grouping';
import { caseRows, countyReport, departmentReport, meetingDaySummary, meetingDaySummaryFile, reportFile } from './services/reports';
import { escalationList, exportNotices, listNotices, lookupAttempts, lookupStatus, queryWorklist } from './services/worklist';

export const APP_VERSION = '0.1.0';

export function makeHandlers(ctx: BackendContext): Handlers {
  const lookups = lookupAttempts(ctx);
  return {
    'app/info': async () => ({
      today: formatJalali(jalaliOf(ctx.now())),
      operator: ctx.actor.operator,
      dataDir: ctx.store.dataDir,
      version: APP_VERSION,
    }),
    'settings/get': () => getSettings(ctx),
    'settings/update': (a) => updateSettings(ctx, a),
    'backup/status': async () => ({ ...(await ctx.store.backupStatus()), dataDir: ctx.store.dataDir }),
    'meetingDay/open': (a) => openMeetingDay(ctx, a),
    'meetingDay/list': () => listMeetingDays(ctx),
    'meetingDay/current': () => currentMeetingDay(ctx),
    'queue/list': (a) => listQueue(ctx, a.meetingDayId),
    'queue/arrive': (a) => registerArrival(ctx, a),
    'queue/callNext': (a) => callNext(ctx, a.meetingDayId),
    'queue/mark': (a) => markQueue(ctx, a),
    'case/record': (a) => recordCase(ctx, a),
    'case/listForDay': (a) => listCasesForDay(ctx, a.meetingDayId),
    'case/get': (a) => requireCase(ctx, a.id),
    'case/byCode': (a) => caseByCode(ctx, a.code),
    'case/cancel': (a) => cancelCase(ctx, a),
    'citizen/lookup': (a) => lookupCitizen(ctx, a.nationalId),
    'order/dueDate': (a) => dueDate(ctx, a.from, a.days),
    'slip/pdf': (a) => printSlip(ctx, a.caseId),
    'worklist/query': (a) => queryWorklist(ctx, a),
    'escalation/list': () => escalationList(ctx),
    'case/refer': (a) => referWithLetters(ctx, a.ids),
    'case/reroute': (a) => rerouteCases(ctx, a),
    'case/extend': (a) => extendCases(ctx, a),
    'case/pause': (a) => pauseCase(ctx, a),
    'case/resume': (a) => resumeCase(ctx, a.id),
    'case/start': (a) => startProgress(ctx, a.id),
    'case/answer': (a) => recordAnswer(ctx, a),
    'case/close': (a) => closeCase(ctx, a),
    'case/satisfaction': (a) => recordSatisfaction(ctx, a),
    'case/reopen': (a) => reopenCase(ctx, a),
    'lookup/status': (a) => lookupStatus(ctx, a, lookups),
    'notices/list': (a) => listNotices(ctx, a.pending),
    'notices/export': () => exportNotices(ctx),
    'group/board': (a) => groupBoard(ctx, a.rerun),
    'group/correct': (a) => correctGroups(ctx, a),
    'case/rows': (a) => caseRows(ctx, a.caseIds),
    'report/departments': (a) => departmentReport(ctx, a.period),
    'report/day': (a) => meetingDaySummary(ctx, a.meetingDayId),
    'report/dayFile': (a) => meetingDaySummaryFile(ctx, a.meetingDayId, a.format),
    'report/counties': (a) => countyReport(ctx, a.period),
    'report/file': (a) => reportFile(ctx, a.period, a.table, a.format),
    'circular/list': () => ctx.store.listCirculars(),
    'circular/get': (a) => requireCircular(ctx, a.id),
    'circular/draft': (a) => draftCircular(ctx, a),
    'circular/update': (a) => updateCircular(ctx, a),
    'circular/approve': (a) => approveCircular(ctx, a.id),
    'circular/issue': (a) => issueCircular(ctx, a.id),
    'circular/file': (a) => circularFile(ctx, a.id, a.format),
    'circular/effect': async (a) => circularEffect(ctx, await requireCircular(ctx, a.id)),
  };
}
