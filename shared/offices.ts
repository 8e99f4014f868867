// The province's offices: the governor's office (استانداری) and each county governorate (فرمانداری). Every
// meeting day, case and account belongs to one; a record without `office` is the province's (everything stored
// before offices existed). A county's staff see their own office's records; the province's staff see all.
import { z } from 'zod';
import { msg } from './messages';
import { normalizeLine } from './persian-text';

/** The governor's office itself; any other office is named by its county. */
export const PROVINCE = 'province';
export type Office = string;

/** The office a record belongs to: its county's, or the province's when it names none. */
export const officeOf = (r: { readonly office?: string | undefined }): Office => r.office ?? PROVINCE;

/** What a stored record carries for an office: nothing for the province (so older records need no change). */
export const officeField = (office: Office): { office?: string } => (office === PROVINCE ? {} : { office });

/** An office chosen on a screen: 'province' or a county's name (checked against the settings' counties by the service). */
export const OfficeInput = z.string({ error: msg.officeUnknown }).max(80, { error: msg.officeUnknown })
  .transform(normalizeLine).pipe(z.string().min(1, { error: msg.officeUnknown }).max(60, { error: msg.officeUnknown }));

/** Whether `office` names the province or one of the counties (settings). */
export const isKnownOffice = (office: Office, counties: readonly string[]): boolean => office === PROVINCE || counties.includes(office);

/** Who an office's documents and messages speak for (the settings' fields of the same names), and who holds its meetings. */
export type Letterhead = { officeName: string; officeUnit: string; signerName: string; signerTitle: string; governor: string };

/**
 * The province's letterhead as its settings give it; a county governorate's under the province's name, signed
 * by its governor (the settings hold the province's own signer).
 */
export function letterheadOf(s: Omit<Letterhead, 'governor'>, office: Office): Letterhead {
  if (office === PROVINCE) return { officeName: s.officeName, officeUnit: s.officeUnit, signerName: s.signerName, signerTitle: s.signerTitle, governor: msg.provinceGovernor };
  return { officeName: msg.countyOffice(office), officeUnit: s.officeName, signerName: '', signerTitle: msg.countyGovernor(office), governor: msg.countyGovernorTitle };
}

/** The office's name as people say it. */
export const officeLabel = (office: Office): string => (office === PROVINCE ? msg.provinceOffice : msg.countyOffice(office));
