// Every CSV Didar writes neutralises cells a spreadsheet would run as a formula.
import { describe, expect, it } from 'vitest';
import { csvField, csvText, toCsv } from '../../shared/reports/table';

describe('CSV cells', () => {
  it('text starting with = + - @, a tab or a CR gets a leading apostrophe', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField("+cmd|' /C calc'!A0")).toBe("'+cmd|' /C calc'!A0");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
  });
  it('leaves ordinary text and numbers (negative ones too) as they are', () => {
    expect(csvField('علی رضایی')).toBe('علی رضایی');
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField(-5)).toBe('-5');
    expect(csvField(null)).toBe('');
    expect(csvField('09121234567', true)).toBe('"09121234567"');
  });
  it('whole files: a report table and a list with quoted rows', () => {
    expect(toCsv({ title: 't', subtitle: 's', headers: ['نام', 'عدد'], rows: [['=1+1', -1], ['@x', 2]] })).toBe("\uFEFFنام,عدد\r\n'=1+1,-1\r\n'@x,2\r\n");
    expect(csvText([['mobile', 'text'], ['0912', '+98 x']], true)).toBe("\uFEFFmobile,text\r\n\"0912\",\"'+98 x\"\r\n");
  });
});
