import { useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/api';
import type { Settings } from '../../shared/settings';
import { ApiFailure, call } from './api';
import { faDateLong } from './format';
import { DeskScreen } from './screens/DeskScreen';
import { DaysScreen } from './screens/DaysScreen';
import { SettingsScreen } from './screens/SettingsScreen';

const T = {
  app: 'دیدار',
  tagline: 'سامانه ملاقات مردمی',
  desk: 'میز ملاقات',
  days: 'روزهای ملاقات',
  settings: 'تنظیمات',
  operator: 'کاربر میز',
  loading: 'در حال بارگذاری…',
  failed: 'برنامه آماده نشد',
};

type Screen = 'desk' | 'days' | 'settings';

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [screen, setScreen] = useState<Screen>('desk');

  useEffect(() => {
    Promise.all([call('app/info', {}), call('settings/get', {})]).then(
      ([i, s]) => {
        setInfo(i);
        setSettings(s);
      },
      (e: unknown) => setError(e instanceof ApiFailure ? e.message : String(e)),
    );
  }, []);

  if (error) return <div className="fatal"><h1>{T.failed}</h1><p>{error}</p></div>;
  if (!info || !settings) return <div className="loading">{T.loading}</div>;

  return (
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
          {(['desk', 'days', 'settings'] as const).map((s) => (
            <button key={s} type="button" className={screen === s ? 'tab active' : 'tab'} aria-current={screen === s ? 'page' : undefined} onClick={() => setScreen(s)}>
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
        {screen === 'days' && <DaysScreen settings={settings} />}
        {screen === 'settings' && <SettingsScreen settings={settings} onSaved={setSettings} />}
      </main>
    </div>
  );
}
