import { describe, expect, it } from 'vitest';
import { defaultHolidays } from '../../shared/defaults';
import { canMove, dueDateOf, newDeadline, overdueDays, pausedWorkingDays, withDueDate, type Deadline } from '../../shared/follow-up';
import { formatJalali, parseJalali } from '../../shared/jalali';
import { calendarFrom } from '../../shared/working-days';

const cal = calendarFrom(defaultHolidays(), true);
const j = (s: string) => parseJalali(s)!;
const ext = (days: number) => ({ days, reason: 'r', at: '', by: '' });

describe('deadline with extensions and pauses', () => {
  it('counts working days from the start and adds extensions', () => {
    const d = newDeadline('1405/09/01', 10, cal);
    expect(d.dueDate).toBe('1405/09/15');
    const extended = withDueDate({ ...d, extensions: [ext(3)] }, cal);
    expect(extended.dueDate).toBe('1405/09/18'); // Mon, Tue, Wed after Sunday 09/15
  });

  it('pushes the due date back by the working days waited for the citizen, not charged to the department', () => {
    const base = newDeadline('1405/09/01', 10, cal);
    const paused: Deadline = { ...base, pauses: [{ from: '1405/09/03', to: '1405/09/08', reason: 'مدارک', by: '' }] };
    // 09/04 Wed, 09/07 Sat, 09/08 Sun: 3 working days (Thu 09/05 and Fri 09/06 are off)
    expect(pausedWorkingDays(paused, j('1405/09/20'), cal)).toBe(3);
    expect(withDueDate(paused, cal).dueDate).toBe('1405/09/18');
  });

  it('crosses Nowruz: a deadline set in late Esfand skips the New Year holidays', () => {
    const d = newDeadline('1404/12/24', 5, cal);
    // 12/25 Mon? counting from Sunday 1404/12/24: 12/25, 12/26, 12/27 (3), 12/28 Thu off, 12/29 Fri,
    // 1405/01/01–01/04 holidays, 01/05 Wed (4), 01/06 Thu off, 01/07 Fri, 01/08 Sat (5)
    expect(d.dueDate).toBe('1405/01/08');
  });

  it('a pause and an extension across Nowruz count only working days', () => {
    // from Saturday 1404/12/20, 10 working days; waited for the citizen 1404/12/27 → 1405/01/06
    const d = withDueDate({
      ...newDeadline('1404/12/20', 10, cal),
      extensions: [ext(2)],
      pauses: [{ from: '1404/12/27', to: '1405/01/06', reason: 'مدارک', by: '' }],
    }, cal);
    // paused working days: only 1405/01/05 (Wed); 12/28 Thu off, 12/29 Fri, 01/01–01/04 holidays, 01/06 Thu off
    expect(pausedWorkingDays(d, j('1405/02/01'), cal)).toBe(1);
    // so the pause pushes the due date exactly as one more working day of extension would
    expect(d.dueDate).toBe(formatJalali(dueDateOf({ ...d, pauses: [], extensions: [ext(3)] }, j('1405/02/01'), cal)));
    expect(d.dueDate > '1405/01/06').toBe(true);
  });

  it('an open pause floats the due date and is never overdue', () => {
    const d: Deadline = { ...newDeadline('1405/09/01', 2, cal), pauses: [{ from: '1405/09/02', reason: 'مدارک', by: '' }] };
    expect(overdueDays({ status: 'referred', deadline: d }, j('1405/10/01'), cal)).toBe(0);
    expect(formatJalali(dueDateOf(d, j('1405/09/10'), cal)) > d.dueDate).toBe(true);
  });

  it('overdue counts working days past the due date, only while awaiting the department', () => {
    const d = newDeadline('1405/09/01', 10, cal); // due 09/15 (Sunday)
    expect(overdueDays({ status: 'referred', deadline: d }, j('1405/09/15'), cal)).toBe(0);
    expect(overdueDays({ status: 'referred', deadline: d }, j('1405/09/17'), cal)).toBe(2);
    expect(overdueDays({ status: 'answered', deadline: d }, j('1405/09/30'), cal)).toBe(0);
  });
});

describe('status machine', () => {
  it('allows the normal path and refuses skipping or leaving cancelled', () => {
    expect(canMove('recorded', 'referred')).toBe(true);
    expect(canMove('referred', 'answered')).toBe(true);
    expect(canMove('answered', 'closed')).toBe(true);
    expect(canMove('closed', 'in-progress')).toBe(true);
    expect(canMove('recorded', 'closed')).toBe(false);
    expect(canMove('recorded', 'answered')).toBe(false);
    expect(canMove('cancelled', 'referred')).toBe(false);
    expect(canMove('closed', 'referred')).toBe(false);
  });
});
