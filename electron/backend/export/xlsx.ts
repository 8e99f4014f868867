// Report tables as an Excel workbook: one right-to-left sheet per table, Persian headers in bold, the
// period above the table, Jalali dates kept as text (Excel has no Jalali calendar).
import ExcelJS from 'exceljs';
import type { ReportTable } from '../../../shared/reports/table';

export async function tablesToXlsx(tables: readonly ReportTable[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Didar';
  for (const t of tables) {
    const ws = wb.addWorksheet(t.title.slice(0, 31), { views: [{ rightToLeft: true, state: 'frozen', ySplit: 2 }] });
    ws.addRow([t.subtitle]);
    const head = ws.addRow(t.headers);
    head.font = { bold: true };
    for (const r of t.rows) ws.addRow(r.map((v) => v ?? ''));
    ws.columns.forEach((c, i) => {
      c.width = Math.min(40, Math.max(10, ...[t.headers[i] ?? '', ...t.rows.map((r) => String(r[i] ?? ''))].map((s) => s.length + 2)));
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
