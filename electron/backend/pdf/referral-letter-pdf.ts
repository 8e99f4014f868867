import { referralLetter, type ReferralLetterData } from '../../../shared/pdf/referral-letter';
import { renderPdf } from './render-pdf';

export function renderReferralLetterPdf(data: ReferralLetterData): Promise<Buffer> {
  return renderPdf(referralLetter(data));
}
