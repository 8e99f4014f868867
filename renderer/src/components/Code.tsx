import { fa } from '../format';

/** A tracking code as every screen writes it: Persian digits, left to right, set apart from the sentence around it. */
export function Code({ code, testId }: { code: string; testId?: string }) {
  return <bdi className="code" dir="ltr" data-testid={testId}>{fa(code)}</bdi>;
}
