import { z } from 'zod';
import { DEFAULT_CIRCULAR_TEMPLATES } from './circular';
import { DEFAULT_RECURRING_RULES } from './grouping/board';
import { DEFAULT_LEXICON, LexiconEntrySchema, MAX_DEFECTS, newDefects, type LexiconEntry } from './grouping/problem-lexicon';
import { CASE_CATEGORIES, MAZANDARAN_COUNTIES, MAZANDARAN_POPULATION_1395, PROVINCIAL_DEPARTMENTS, QUICK_PHRASES, defaultHolidays } from './defaults';
import { JalaliDateString, lineField, textLine } from './domain';
import type { DeepReadonly } from './readonly';
import { msg } from './messages';
import type { HolidayEntry } from './working-days';

export const SLIP_LAYOUTS = ['a5', 'receipt80'] as const;
export type SlipLayout = (typeof SLIP_LAYOUTS)[number];

export type Settings = DeepReadonly<{
  officeName: string;
  officeUnit: string;
  followUpPhone: string;
  followUpAddress: string;
  logoDataUrl: string;
  /** Who signs letters and circulars. */
  signerName: string;
  signerTitle: string;
  counties: string[];
  departments: string[];
  categories: string[];
  quickPhrases: string[];
  holidays: HolidayEntry[];
  thursdayOff: boolean;
  defaultDeadlineDays: number;
  /** Cases overdue by more than this many working days go to the governor's office escalation list. */
  escalationDays: number;
  slipLayout: SlipLayout;
  /** Queue an SMS with the tracking code as soon as a case is recorded. */
  noticeOnRecord: boolean;
  /** Editable wording of drafted circulars, and the compliance deadline they give. */
  circularBody: string;
  circularInstruction: string;
  circularComplianceDays: number;
  /** A group is a recurring issue from this many cases, spanning this many counties or meeting days. */
  recurringMinCases: number;
  recurringMinCounties: number;
  recurringMinDays: number;
  /** The office's own objects and defects (and more words for shipped ones), added to the shipped problem lexicon. */
  problemLexicon: LexiconEntry[];
  /** A department with fewer cases than this in a report's period is shown but not ranked. */
  reportMinCases: number;
  /** A signed-in desk left alone this long must sign in again. */
  sessionIdleMinutes: number;
  /** Inhabitants per county, for citizens per 100,000; and where the figures come from. */
  countyPopulations: Record<string, number>;
  countyPopulationSource: string;
}>;

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

/** Every field optional: the settings screen sends what it changed. */
export const SettingsPatchSchema = z.object({
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
