import { useState } from 'react';
import type { CaseRow, CountyReport, DepartmentReport } from '../../../shared/api';
import { NO_ANSWERS } from '../../../shared/reports/table';
import { OUTCOMES } from '../../../shared/follow-up';
import { OUTCOME_LABEL, STATUS_LABEL } from '../../../shared/labels';
import type { DepartmentRow } from '../../../shared/reports/department-scorecard';
import type { Period } from '../../../shared/reports/period';
import { call } from '../api';
import { useApp } from '../app-context';
import { ActionError } from '../components/CallStatus';
import { Code } from '../components/Code';
import { useAction } from '../hooks/useCall';
import { DaySummaryPanel } from '../components/DaySummaryPanel';
import { PeriodPicker } from '../components/PeriodPicker';
import { BarChart } from '../components/BarChart';
import { JALALI_MONTHS } from '../../../shared/jalali';
import { fa, faDate, saveFile } from '../format';
import { OfficePicker } from '../components/OfficePicker';
import { officeLabel, PROVINCE, type Office } from '../../../shared/offices';

const T = {
  title: 'کارنامه دستگاه‌ها',
  intro: 'پاسخ‌گویی هر دستگاه به درخواست‌هایی که در دوره به آن ارجاع شده: روزهایی که پرونده به خاطر شهروند متوقف بوده به حساب دستگاه نمی‌آید. روی هر عدد بزنید تا پرونده‌هایش را ببینید.',
  range: (from: string, to: string) => `از ${faDate(from)} تا ${faDate(to)}`,
  unranked: (n: number) => `دستگاهی که کمتر از ${fa(n)} پرونده در دوره دارد نمایش داده می‌شود ولی رتبه نمی‌گیرد (در تنظیمات).`,
  empty: 'در این دوره پرونده‌ای نیست.',
  rank: 'رتبه', department: 'دستگاه', cases: 'پرونده', answered: 'پاسخ‌داده', onTime: 'پاسخ به‌موقع', median: 'میانه روز کاری تا پاسخ',
  overdue: 'معوق اکنون', satisfied: 'رضایت شهروند', outcomes: 'نتیجه',
  none: '—',
  drill: (what: string, dept: string) => `${what} — ${dept}`,
  code: 'کد رهگیری', county: 'شهرستان', date: 'تاریخ', status: 'وضعیت', text: 'متن',
  close: 'بستن',
  chartOnTime: 'پاسخ به‌موقع دستگاه‌های رتبه‌دار (٪)',
  chartMonths: 'درخواست‌ها در هر ماه',
  monthLabel: (m: string) => `${JALALI_MONTHS[Number(m.slice(5)) - 1]} ${fa(m.slice(0, 4))}`,
  counties: 'کارنامه شهرستان‌ها',
  countiesIntro: 'شهروندی که برای مشکلش به مرکز استان آمده، نشانه کاستی در ادارات شهرستان است. شمار شهروندان مراجعه‌کننده به مرکز استان در هر ۱۰۰ هزار نفر جمعیت، و کنار آن درخواست‌هایی که فرمانداری شهرستان در روزهای ملاقات خودش ثبت کرده است.',
  ofOffice: (o: string) => `گزارش پرونده‌های ${o}`,
  resolved: 'حل‌شده در مرکز استان', officeCases: 'ثبت‌شده در فرمانداری', officeResolved: 'حل‌شده در فرمانداری',
  population: 'جمعیت', citizens: 'شهروندان', per100k: 'در هر ۱۰۰ هزار نفر', byMonth: 'به تفکیک ماه', top: 'مشکلات پرتکرار', recurringShare: 'سهم مشکلات تکراری',
  source: (s: string) => `جمعیت: ${s} (در تنظیمات قابل ویرایش)`,
  chartCounties: 'مراجعه به مرکز استان در هر ۱۰۰ هزار نفر',
  xlsx: 'خروجی اکسل',
  csv: 'خروجی CSV',
  weekly: 'آمار هفتگی برای سامانه ملی (اکسل)',
  noRanked: 'در این دوره هیچ دستگاهی رتبه نگرفته است: دستگاهی با دست‌کم کمترین تعداد پرونده پاسخی نداده است.',
  noMonths: 'در این دوره درخواستی ثبت نشده است.',
  noCounties: 'جمعیت هیچ شهرستانی با مراجعه در این دوره در تنظیمات نیامده است.',
};

const pctText = (p: number | null) => (p === null ? T.none : `${fa(p)}٪`);

export function ReportsScreen() {
  const { info, office: mine } = useApp();
  const [report, setReport] = useState<DepartmentReport | null>(null);
  const [drill, setDrill] = useState<{ title: string; rows: readonly CaseRow[] } | null>(null);
  const [period, setPeriod] = useState<Period | null>(null);
  const [counties, setCounties] = useState<CountyReport | null>(null);
  // the province's staff choose an office (or all of them); a county's see their own
  const [office, setOffice] = useState<Office | undefined>(undefined);
  const { run, error } = useAction();
  const of = office === undefined ? {} : { office };

  const load = (period: Period, o = of) => run(async () => {
    setDrill(null);
    const [d, c] = await Promise.all([call('report/departments', { period, ...o }), call('report/counties', { period, ...o })]);
    setReport(d);
    setCounties(c);
    setPeriod(period);
  });
  const chooseOffice = (o: Office | undefined) => {
    setOffice(o);
    if (period) void load(period, o === undefined ? {} : { office: o });
  };
  const open = (what: string, owner: string, ids: string[]) => run(async () => {
    if (ids.length === 0) return;
    setDrill({ title: T.drill(what, owner), rows: await call('case/rows', { caseIds: ids }) });
  });
  const download = (format: 'csv' | 'xlsx', table: 'departments' | 'counties' | 'weekly' = 'departments') => run(async () => {
    if (period) saveFile(await call('report/file', { period, table, format, ...of }));
  });
  const cell = (what: string, row: DepartmentRow, ids: string[], text?: string) => (
    <td><button type="button" className="link" disabled={ids.length === 0} onClick={() => void open(what, row.department, ids)}>{text ?? fa(ids.length)}</button></td>
  );

  return (
    <div className="reports">
      <DaySummaryPanel />
      <section className="card" aria-labelledby="reports-title">
        <h2 id="reports-title">{T.title}</h2>
        <p className="muted">{T.intro}</p>
        {mine === PROVINCE
          ? <p><OfficePicker id="report-office" all value={office} onChange={chooseOffice} /></p>
          : <p className="muted" data-testid="report-office">{T.ofOffice(officeLabel(mine))}</p>}
        <PeriodPicker today={info.today} onChange={(p) => void load(p)} />
        <ActionError error={error} />
        {report && (
          <>
            <p data-testid="report-range">{T.range(report.range.from, report.range.to)}</p>
            <p className="muted small-text">{T.unranked(report.minCases)}</p>
            <div className="actions">
              <button type="button" onClick={() => void download('xlsx')}>{T.xlsx}</button>
              <button type="button" onClick={() => void download('csv')}>{T.csv}</button>
              <button type="button" onClick={() => void download('xlsx', 'weekly')}>{T.weekly}</button>
            </div>
            <div className="editor-grid charts">
              <BarChart
                label={T.chartOnTime} unit="٪" horizontal max={100}
                labels={report.rows.filter((r) => r.rank !== null).map((r) => r.department)}
                values={report.rows.filter((r) => r.rank !== null).map((r) => r.onTimePct)}
                empty={T.noRanked}
              />
              <BarChart label={T.chartMonths} empty={T.noMonths}
                {...(report.perMonth.some(([, n]) => n > 0)
                  ? { labels: report.perMonth.map(([m]) => T.monthLabel(m)), values: report.perMonth.map(([, n]) => n) }
                  : { labels: [], values: [] })} />
            </div>
            {report.rows.length === 0 ? <p className="muted">{T.empty}</p> : (
              <table className="cases" data-testid="department-scorecard">
                <thead>
                  <tr>
                    <th>{T.rank}</th><th>{T.department}</th><th>{T.cases}</th><th>{T.answered}</th><th>{T.onTime}</th>
                    <th>{T.median}</th><th>{T.overdue}</th><th>{T.satisfied}</th><th>{T.outcomes}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.rows.map((r) => (
                    <tr key={r.department} className={r.rank === null ? 'muted' : ''}>
                      <td>{r.rank !== null ? fa(r.rank) : r.answered.length === 0 ? <span className="badge">{NO_ANSWERS}</span> : T.none}</td>
                      <td>{r.department}</td>
                      {cell(T.cases, r, r.cases)}
                      {cell(T.answered, r, r.answered)}
                      {cell(T.onTime, r, r.answeredOnTime, pctText(r.onTimePct))}
                      {cell(T.median, r, r.answered, r.medianDaysToAnswer === null ? T.none : fa(r.medianDaysToAnswer))}
                      {cell(T.overdue, r, r.overdueNow)}
                      {cell(T.satisfied, r, r.satisfied, pctText(r.satisfiedPct))}
                      <td>
                        {OUTCOMES.filter((o) => r.outcomes[o]?.length).map((o) => (
                          <button key={o} type="button" className="link chip-link" onClick={() => void open(OUTCOME_LABEL[o], r.department, r.outcomes[o]!)}>
                            {OUTCOME_LABEL[o]} {fa(r.outcomes[o]!.length)}
                          </button>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </section>
      {counties && (
        <section className="card" aria-labelledby="counties-title">
          <h2 id="counties-title">{T.counties}</h2>
          <p className="muted">{T.countiesIntro}</p>
          <p className="muted small-text">{T.source(counties.populationSource)}</p>
          <div className="actions">
            <button type="button" onClick={() => void download('xlsx', 'counties')}>{T.xlsx}</button>
            <button type="button" onClick={() => void download('csv', 'counties')}>{T.csv}</button>
          </div>
          <BarChart
            label={T.chartCounties} horizontal
            labels={counties.rows.filter((r) => r.per100k !== null).map((r) => r.county)}
            values={counties.rows.filter((r) => r.per100k !== null).map((r) => r.per100k)}
            empty={T.noCounties}
          />
          <table className="cases" data-testid="county-scorecard">
            <thead><tr><th>{T.county}</th><th>{T.population}</th><th>{T.citizens}</th><th>{T.per100k}</th><th>{T.byMonth}</th><th>{T.resolved}</th><th>{T.recurringShare}</th><th>{T.top}</th><th>{T.officeCases}</th><th>{T.officeResolved}</th></tr></thead>
            <tbody>
              {counties.rows.map((r) => (
                <tr key={r.county}>
                  <td>{r.county}</td>
                  <td>{r.population === null ? T.none : fa(r.population)}</td>
                  <td><button type="button" className="link" onClick={() => void open(T.citizens, r.county, r.cases)}>{fa(r.citizens)}</button></td>
                  <td>{r.per100k === null ? T.none : fa(r.per100k)}</td>
                  <td className="small-text">{r.byMonth.filter(([, n]) => n > 0).map(([m, n]) => `${T.monthLabel(m)}: ${fa(n)}`).join('، ')}</td>
                  <td>{pctText(r.resolvedPct)}</td>
                  <td>{pctText(r.recurringShare)}</td>
                  <td className="small-text">{r.topProblems.map(([t, n]) => `${fa(t)} (${fa(n)})`).join('؛ ')}</td>
                  <td><button type="button" className="link" disabled={r.officeCases.length === 0} onClick={() => void open(T.officeCases, r.county, r.officeCases)}>{fa(r.officeCases.length)}</button></td>
                  <td>{pctText(r.officeResolvedPct)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {drill && (
        <section className="card" aria-label={drill.title} data-testid="drill-down">
          <div className="card-head"><h3>{drill.title}</h3><button type="button" onClick={() => setDrill(null)}>{T.close}</button></div>
          <table className="cases">
            <thead><tr><th>{T.code}</th><th>{T.county}</th><th>{T.date}</th><th>{T.status}</th><th>{T.text}</th></tr></thead>
            <tbody>
              {drill.rows.map((c) => (
                <tr key={c.id}><td><Code code={c.code} /></td><td>{c.county}</td><td>{faDate(c.meetingDate)}</td><td>{STATUS_LABEL[c.status]}</td><td>{fa(c.text)}</td></tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
