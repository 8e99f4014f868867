import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, type AppInfo, type AuthStatus, type Method } from '../../shared/api';
import { ROLE_LABEL, STATION_LABEL } from '../../shared/labels';
import { mayCall, type Role, type Station } from '../../shared/roles';
import type { Settings } from '../../shared/settings';
import { officeLabel, officeOf, PROVINCE, type Office } from '../../shared/offices';
import { ApiFailure, call, onSignedOut, sessionEnded } from './api';
import { msg } from '../../shared/messages';
import { startLive, useLink } from './live';
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
import { Modal } from './components/Modal';
import { AccountsScreen } from './screens/AccountsScreen';
import { ReportsScreen } from './screens/ReportsScreen';
import { ChangePasswordForm, SetupScreen, SignInScreen } from './screens/SignInScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { WorklistScreen } from './screens/WorklistScreen';
import { InspectionScreen } from './screens/InspectionScreen';
import { ReceptionScreen } from './screens/ReceptionScreen';
import { TableScreen } from './screens/TableScreen';
import { stationFor } from '../../shared/station-choice';
import { rememberedStation } from './station';

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
  accounts: 'حساب‌ها',
  password: 'تغییر گذرواژه',
  signOut: 'خروج',
  signedOut: 'از دیدار خارج شدید.',
  loading: 'در حال خواندن پرونده‌ها…',
  failed: 'دیدار باز نشد',
  leaveTitle: 'تغییرات ذخیره نشده',
  leave: 'خروج بدون ذخیره',
  stay: 'ماندن و ذخیره',
};

const TABS = ['desk', 'worklist', 'recurring', 'circulars', 'reports', 'lookup', 'notices', 'days', 'accounts', 'settings'] as const;
type Tab = (typeof TABS)[number];
type Screen = Tab | 'citizen';

/** The method each screen rests on: a screen is shown only to roles that may call it. */
const NEEDS: Record<Tab, Method> = {
  desk: 'queue/list', worklist: 'worklist/query', recurring: 'group/board', circulars: 'circular/list', reports: 'report/departments',
  lookup: 'lookup/status', notices: 'notices/list', days: 'report/day', accounts: 'accounts/list', settings: 'settings/update',
};
/** The settings are the whole province's (a county's change is refused): a county governorate's desk has no tab for them. */
const tabsOf = (roles: readonly Role[], office: Office): Tab[] =>
  TABS.filter((t) => mayCall(api[NEEDS[t]].access, roles) && (t !== 'settings' || office === PROVINCE));

/** A station of a split day takes the desk's place (first tab); the whole desk, or none, leaves the tabs as they are. */
function tabsAt(station: Station | null, roles: readonly Role[], office: Office): Tab[] {
  const tabs = tabsOf(roles, office);
  return station && station !== 'desk' ? ['desk', ...tabs.filter((t) => t !== 'desk')] : tabs;
}

function DeskOrStation({ station, info, settings }: { station: Station | null; info: AppInfo; settings: Settings }) {
  switch (station) {
    case 'reception': return <ReceptionScreen />;
    case 'table': return <TableScreen />;
    case 'inspection': return <InspectionScreen />;
    case 'desk': case null: return <DeskScreen info={info} settings={settings} />;
    default: throw new Error(`unknown station ${String(station satisfies never)}`);
  }
}

function Loading() {
  return (
    <div className="loading app-loading" role="status" aria-live="polite">
      <span className="logo-mark" aria-hidden="true">د</span>
      <div className="brand-name">{T.app} <small>{T.tagline}</small></div>
      <div className="spinner" aria-hidden="true" />
      <p>{T.loading}</p>
    </div>
  );
}

/** Who is at the desk decides everything else: the first start, sign-in, a forced new password, then the app. */
export function App() {
  const [auth, setAuth] = useState<AuthStatus | null>(null);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('auth/status', {}).then(setAuth, (e: unknown) => setError(e instanceof ApiFailure ? e.message : String(e)));
    // a session that ended elsewhere (idle time, sign-out on another tab, a disabled account) brings the sign-in back
    return onSignedOut((message) => {
      setNotice(message);
      setAuth((a) => (a ? { ...a, account: null, roles: [], mustChangePassword: false } : a));
    });
  }, []);
  const signOut = useCallback(async () => {
    setAuth(await call('auth/signOut', {}));
    setNotice(T.signedOut);
  }, []);
  if (error) return <div className="fatal" role="alert"><h1>{T.failed}</h1><p>{error}</p></div>;
  if (!auth) return <Loading />;
  if (auth.needsSetup) return <SetupScreen onDone={setAuth} />;
  if (!auth.account) return <SignInScreen {...(notice ? { notice } : {})} onDone={(s) => { setNotice(''); setAuth(s); }} />;
  if (auth.mustChangePassword) return <ChangePasswordForm forced onDone={setAuth} onCancel={() => void signOut()} />;
  return <Workspace auth={auth} onAuth={setAuth} onSignOut={() => void signOut()} />;
}

function Workspace({ auth, onAuth, onSignOut }: { auth: AuthStatus; onAuth: (s: AuthStatus) => void; onSignOut: () => void }) {
  // chosen at sign-in on this PC; an account that may not work there has the screens of its roles
  const station = useMemo(() => {
    const at = stationFor(rememberedStation(), auth.roles);
    return 'station' in at ? at.station : null;
  }, [auth.roles]);
  const office = officeOf(auth.account ?? {});
  const tabs = useMemo(() => tabsAt(station, auth.roles, office), [station, auth.roles, office]);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [screen, setScreen] = useState<Screen>(tabs[0] ?? 'lookup');
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const [changing, setChanging] = useState(false);
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

  const link = useLink();
  // other desks' changes reach this one while it is signed in
  useEffect(() => startLive(sessionEnded, async () => !!(await call('auth/status', {})).account), []);

  useEffect(() => {
    Promise.all([call('app/info', {}), call('settings/get', {}), call('accounts/directory', {})]).then(
      ([i, s, d]) => {
        setInfo(i);
        setSettings(s);
        setNames(new Map(d.map((a) => [a.username, a.displayName])));
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
    roles: auth.roles,
    office: officeOf(auth.account ?? {}),
    may: (m: Method) => mayCall(api[m].access, auth.roles),
    nameOf: (username: string) => names.get(username) ?? username,
  } : null), [info, settings, go, auth.roles, auth.account, names]);

  if (error) return <div className="fatal" role="alert"><h1>{T.failed}</h1><p>{error}</p></div>;
  if (!state || !info || !settings) return <Loading />;

  return (
    <AppContext.Provider value={state}>
      <div className="app">
        <header className="app-header">
          <div className="brand">
            <span className="logo-mark" aria-hidden="true">د</span>
            <div>
              <div className="brand-name">{T.app} <small>{T.tagline}</small></div>
              {/* a county governorate's desk says whose cases it shows */}
              <div className="office" data-testid="office">{state.office === PROVINCE ? settings.officeName : officeLabel(state.office)}</div>
            </div>
          </div>
          <nav className="tabs" aria-label="بخش‌ها">
            {tabs.map((s) => (
              <button key={s} type="button" className={screen === s ? 'tab active' : 'tab'} aria-current={screen === s ? 'page' : undefined} onClick={() => void go(s)}>
                {s === 'desk' && station && station !== 'desk' ? STATION_LABEL[station] : T[s]}
              </button>
            ))}
          </nav>
          <div className="today">
            <div className="today-date" data-testid="today">{faDateLong(info.today)}</div>
            <div className="operator" data-testid="signed-in">
              <b title={auth.roles.map((r) => ROLE_LABEL[r]).join('، ')}>{auth.account?.displayName}</b>
              {/* the whole desk is the app as it always was: only a station of a split day is named */}
              {station && station !== 'desk' && <span className="badge" data-testid="station">{STATION_LABEL[station]}</span>}
              <button type="button" className="link" onClick={() => setChanging(true)}>{T.password}</button>
              <button type="button" className="link" onClick={onSignOut}>{T.signOut}</button>
            </div>
          </div>
        </header>
        {link === 'lost' && <div className="link-lost" role="alert" data-testid="link-lost">{msg.serverLost}</div>}
        <main className="app-main">
          {screen === 'desk' && <DeskOrStation station={station} info={info} settings={settings} />}
          {screen === 'worklist' && <WorklistScreen />}
          {screen === 'recurring' && <RecurringScreen {...(group ? { openId: group } : {})} />}
          {screen === 'reports' && <ReportsScreen />}
          {screen === 'circulars' && <CircularsScreen {...(circular ? { openId: circular } : {})} />}
          {screen === 'lookup' && <LookupScreen />}
          {screen === 'notices' && <NoticesScreen />}
          {screen === 'citizen' && <CitizenScreen nationalId={citizen} />}
          {screen === 'days' && <DaysScreen settings={settings} />}
          {screen === 'settings' && <SettingsScreen settings={settings} onSaved={setSettings} />}
          {screen === 'accounts' && <AccountsScreen />}
        </main>
        {dialog}
        {changing && (
          <Modal title={T.password} onClose={() => setChanging(false)}>
            <ChangePasswordForm onDone={(s) => { setChanging(false); onAuth(s); }} onCancel={() => setChanging(false)} />
          </Modal>
        )}
      </div>
    </AppContext.Provider>
  );
}
