import { codeOrStage } from '../../../shared/labels';
import { fa } from '../format';

/**
 * A tracking code as every screen writes it: Persian digits, left to right, set apart from the sentence around it.
 * A case still at a station has none: where it stands is shown instead («در انتظار دستور»).
 */
export function Code({ code, hasOrder = false, testId }: { code: string | undefined; hasOrder?: boolean; testId?: string }) {
  if (code === undefined) return <span className="badge stage" data-testid={testId}>{codeOrStage(code, hasOrder)}</span>;
  return <bdi className="code" dir="ltr" data-testid={testId}>{fa(code)}</bdi>;
}
