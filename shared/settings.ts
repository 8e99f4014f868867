import { z } from 'zod';
import { DEFAULT_CIRCULAR_TEMPLATES } from './circular';
import { DEFAULT_RECURRING_RULES } from './grouping/board';
import { DEFAULT_LEXICON, LexiconEntrySchema, MAX_DEFECTS, newDefects } from './grouping/problem-lexicon';
import { CASE_CATEGORIES, MAZANDARAN_COUNTIES, MAZANDARAN_POPULATION_1395, PROVINCIAL_DEPARTMENTS, QUICK_PHRASES, defaultHolidays } from './defaults';
import { JalaliDateString, lineField, textLine } from './domain';
import type { DeepReadonly } from './readonly';
import { msg } from './messages';
import { SettingsSchema, SLIP_LAYOUTS } from './stored-schemas';

export { SLIP_LAYOUTS };
export type SlipLayout = (typeof SLIP_LAYOUTS)[number];

export type Settings = DeepReadonly<z.output<typeof SettingsSchema>>;

export function defaultSettings(): Settings {
  return {
    officeName: 'استانداری مازندران',
    officeUnit: 'دفتر ارتباطات مردمی استاندار',
    followUpPhone: '011-33300000',
    followUpAddress: 'ساری، میدان امام، ساختمان استانداری مازندران، اداره کل بازرسی',
    logoDataUrl: '',
    signerName: '',
    signerTitle: 'مدیرکل دفتر ارتباطات مردمی استانداری',
    counties: [...MAZANDARAN_COUNTIES],
    departments: [...PROVINCIAL_DEPARTMENTS],
    categories: [...CASE_CATEGORIES],
    quickPhrases: [...QUICK_PHRASES],
    holidays: defaultHolidays(),
    thursdayOff: true,
    defaultDeadlineDays: 10,
    escalationDays: 5,
    slipLayout: 'a5',
    noticeOnRecord: false,
    circularBody: DEFAULT_CIRCULAR_TEMPLATES.body,
    circularInstruction: DEFAULT_CIRCULAR_TEMPLATES.instruction,
    circularComplianceDays: 15,
    recurringMinCases: DEFAULT_RECURRING_RULES.minCases,
    recurringMinCounties: DEFAULT_RECURRING_RULES.minCounties,
    recurringMinDays: DEFAULT_RECURRING_RULES.minDays,
    problemLexicon: [],
    reportMinCases: 5,
    sessionIdleMinutes: 30,
    countyPopulations: { ...MAZANDARAN_POPULATION_1395.counties },
    countyPopulationSource: MAZANDARAN_POPULATION_1395.source,
  };
}

const list = (max: number, itemMax: number) => z.array(lineField(itemMax)).max(max);
const LOGO_MAX = 300_000;

/**
 * Every field optional: the settings screen sends what it changed. Texts are normalised as typed; numbers,
 * switches and the slip layout are checked exactly as stored.
 */
export const SettingsPatchSchema = SettingsSchema.pick({
  thursdayOff: true, defaultDeadlineDays: true, escalationDays: true, slipLayout: true, circularComplianceDays: true,
  recurringMinCases: true, recurringMinCounties: true, recurringMinDays: true, reportMinCases: true,
}).extend({
  officeName: lineField(120),
  officeUnit: textLine(120),
  followUpPhone: textLine(40),
  followUpAddress: textLine(300),
  logoDataUrl: z.string().max(LOGO_MAX).refine((s) => s === '' || /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/.test(s)),
  signerName: textLine(120),
  signerTitle: textLine(160),
  counties: list(60, 60).min(1),
  departments: list(300, 120).min(1),
  categories: list(100, 80),
  quickPhrases: list(100, 300),
  holidays: z.array(z.object({ date: JalaliDateString, title: lineField(200) })).max(400),
  thursdayOff: z.boolean(),
  defaultDeadlineDays: z.number().int().min(1).max(365),
  escalationDays: z.number().int().min(0).max(365),
  slipLayout: z.enum(SLIP_LAYOUTS),
  noticeOnRecord: z.boolean(),
  circularBody: textLine(3000),
  circularInstruction: textLine(3000),
  circularComplianceDays: z.number().int().min(1).max(365),
  recurringMinCases: z.number().int().min(2).max(1000),
  recurringMinCounties: z.number().int().min(1).max(60),
  recurringMinDays: z.number().int().min(1).max(1000),
  problemLexicon: z.array(LexiconEntrySchema).max(500)
    .refine((e) => newDefects(e) + DEFAULT_LEXICON.defects.length <= MAX_DEFECTS, { error: msg.lexiconTooManyDefects(MAX_DEFECTS - DEFAULT_LEXICON.defects.length) }),
  reportMinCases: z.number().int().min(1).max(10_000),
  sessionIdleMinutes: z.number().int().min(5).max(720),
  countyPopulations: z.record(lineField(60), z.number().int().min(1).max(100_000_000)).refine((r) => Object.keys(r).length <= 100),
  countyPopulationSource: textLine(300),
}).partial();
export type SettingsPatch = z.input<typeof SettingsPatchSchema>;
