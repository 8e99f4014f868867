import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AppInfo } from '../../shared/api';
import type { Settings } from '../../shared/settings';
import { ApiFailure, call } from './api';
import { AppContext, type AppState } from './app-context';
import { useConfirm } from './components/Confirm';
import { faDateLong } from './format';
import { CircularsScreen } from './screens/CircularsScreen';
import { CitizenScreen } from './screens/CitizenScreen';
import { DaysScreen } from './screens/DaysScreen';
import { DeskScreen } from './screens/DeskScreen';
import { LookupScreen } from './screens/LookupScreen';
import { NoticesScreen } from './screens/NoticesScreen';
import { RecurringScreen } from './screens/RecurringScreen';
import { ReportsScreen } from './screens/ReportsScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { WorklistScreen } from './screens/WorklistScreen';

const T = {
  app: 'دیدار',
  tagline: 'سامانه ملاقات مردمی',
  desk: 'میز ملاقات',
  worklist: 'پیگیری',
  lookup: 'استعلام',
  notices: 'پیامک‌ها',
  recurring: 'مشکلات تکراری',
  circulars: 'بخشنامه‌ها',
  reports: 'گزارش‌ها',
  days: 'روزهای ملاقات',
  settings: 'تنظیمات',
  operator: 'کاربر میز',
  loading: 'در حال خواندن پرونده‌ها…',
  failed: 'دیدار باز نشد',
  leaveTitle: 'تغییرات ذخیره نشده',
  leave: 'خروج بدون ذخیره',
  stay: 'ماندن و ذخیره',
};

const TABS = ['desk', 'worklist', 'recurring', 'circulars', 'reports', 'lookup', 'notices', 'days', 'settings'] as const;
type Screen = (typeof TABS)[number] | 'citizen';

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [screen, setScreen] = useState<Screen>('desk');
  const [citizen, setCitizen] = useState('');
  const [circular, setCircular] = useState<string | undefined>(undefined);
  const [leaveQuestion, setLeaveQuestion] = useState<string | null>(null);
  const { ask, dialog } = useConfirm();

  /** Changes screen, asking first when the screen being left has unsaved changes. */
  const go = useCallback(async (next: Screen) => {
    if (leaveQuestion && !(await ask({ title: T.leaveTitle, message: leaveQuestion, confirm: T.leave, cancel: T.stay, danger: true }))) return;
    setLeaveQuestion(null);
    setScreen(next);
  }, [ask, leaveQuestion]);
  const [group, setGroup] = useState<string | undefined>(undefined);

  useEffect(() => {
    Promise.all([call('app/info', {}), call('settings/get', {})]).then(
      ([i, s]) => {
        setInfo(i);
        setSettings(s);
      },
      (e: unknown) => setError(e instanceof ApiFailure ? e.message : String(e)),
    );
  }, []);

  const state = useMemo<AppState | null>(() => (info && settings ? {
    info, settings,
    openCitizen: (nid: string) => { setCitizen(nid); void go('citizen'); },
    openCircular: (id: string) => { setCircular(id); void go('circulars'); },
    openGroup: (id: string) => { setGroup(id); void go('recurring'); },
    setLeaveQuestion,
  } : null), [info, settings, go]);

  if (error) return <div className="fatal" role="alert"><h1>{T.failed}</h1><p>{error}</p></div>;
  if (!state || !info || !settings) {
    return (
      <div className="loading app-loading" role="status" aria-live="polite">
        <span className="logo-mark" aria-hidden="true">د</span>
        <div className="brand-name">{T.app} <small>{T.tagline}</small></div>
        <div className="spinner" aria-hidden="true" />
        <p>{T.loading}</p>
      </div>
    );
  }

  return (
    <AppContext.Provider value={state}>
      <div className="app">
        <header className="app-header">
          <div className="brand">
            <span className="logo-mark" aria-hidden="true">د</span>
            <div>
              <div className="brand-name">{T.app} <small>{T.tagline}</small></div>
              <div className="office">{settings.officeName}</div>
            </div>
          </div>
          <nav className="tabs" aria-label="بخش‌ها">
            {TABS.map((s) => (
              <button key={s} type="button" className={screen === s ? 'tab active' : 'tab'} aria-current={screen === s ? 'page' : undefined} onClick={() => void go(s)}>
                {T[s]}
              </button>
            ))}
          </nav>
          <div className="today">
            <div className="today-date" data-testid="today">{faDateLong(info.today)}</div>
            <div className="operator">{T.operator}: {info.operator}</div>
          </div>
        </header>
        <main className="app-main">
          {screen === 'desk' && <DeskScreen info={info} settings={settings} />}
          {screen === 'worklist' && <WorklistScreen />}
          {screen === 'recurring' && <RecurringScreen {...(group ? { openId: group } : {})} />}
          {screen === 'reports' && <ReportsScreen />}
          {screen === 'circulars' && <CircularsScreen {...(circular ? { openId: circular } : {})} />}
          {screen === 'lookup' && <LookupScreen />}
          {screen === 'notices' && <NoticesScreen />}
          {screen === 'citizen' && <CitizenScreen nationalId={citizen} />}
          {screen === 'days' && <DaysScreen settings={settings} />}
          {screen === 'settings' && <SettingsScreen settings={settings} onSaved={setSettings} />}
        </main>
        {dialog}
      </div>
    </AppContext.Provider>
  );
}
