import { useCallback, useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProfileStatus } from '../src-main/core/api'
import { call } from './api/client'
import { DataProvider } from './api/data'
import { JobsProvider } from './api/jobs'
import { StaleProvider } from './api/stale'
import { SyncProvider, useSync } from './api/sync'
import { NoticeBanner } from './components/NoticeBanner'
import { ToastProvider } from './components/Toasts'
import { errorMessage } from './forms/serverErrors'
import i18n from './i18n'
import { applyTheme } from './lib/theme'
import { LeaveGuardProvider } from './components/LeaveGuard'
import { Palette } from './components/Palette'
import { ShortcutsHelp, useShortcuts } from './components/Shortcuts'
import { NavContext, sectionOf, type Section, type View } from './navigation'
import { useRouter } from './router'
import { Home } from './screens/home/Home'
import { ContactDetail } from './screens/ContactDetail'
import { ContactEdit, ContactNew } from './screens/ContactFormScreen'
import { Contacts } from './screens/Contacts'
import { MeetingDetail } from './screens/MeetingDetail'
import { MeetingEdit, MeetingNew } from './screens/MeetingFormScreen'
import { Meetings } from './screens/Meetings'
import { MemberDetail } from './screens/MemberDetail'
import { MemberEdit, MemberNew } from './screens/MemberFormScreen'
import { Members } from './screens/Members'
import { Recovery } from './screens/Recovery'
import { Settings } from './screens/Settings'
import { Unlock } from './screens/Unlock'
import { Conflicts } from './screens/sync/Conflicts'
import { Sync } from './screens/sync/Sync'
import { Welcome } from './screens/Welcome'
import { missionScreen } from './screens/missions/routes'
import { workplanScreen } from './screens/workplan/routes'

type Boot = { phase: 'loading' } | { phase: 'failed'; error: unknown } | { phase: 'ready'; status: ProfileStatus }

export function App() {
  const { t } = useTranslation()
  const [boot, setBoot] = useState<Boot>({ phase: 'loading' })

  const start = useCallback(async () => {
    setBoot({ phase: 'loading' })
    try {
      const status = await call('profile.status', {})
      await loadPreferences()
      setBoot({ phase: 'ready', status })
    } catch (error) {
      setBoot({ phase: 'failed', error })
    }
    async function loadPreferences() {
      try {
        const prefs = await call('preferences.get', {})
        applyTheme(prefs.theme)
        await i18n.changeLanguage(prefs.uiLanguage)
      } catch {
        // preferences are unreadable while the profile is closed: keep the default language and the system's colours
      }
    }
  }, [])

  useEffect(() => {
    void start()
  }, [start])

  if (boot.phase === 'loading') {
    return (
      <main className="boot" aria-busy="true">
        <p>{t('app.loading')}</p>
      </main>
    )
  }
  if (boot.phase === 'failed') {
    return (
      <main className="recovery">
        <div className="recovery-card">
          <h1>{t('app.cannotStart')}</h1>
          <div className="alert alert--error" role="alert">
            {errorMessage(boot.error, t)}
          </div>
          <button type="button" className="btn btn--primary" onClick={start}>
            {t('recovery.retry')}
          </button>
        </div>
      </main>
    )
  }
  if (boot.status.state === 'encrypted') {
    return <Unlock status={boot.status} onStatus={(status) => (status.state === 'ok' ? start() : setBoot({ phase: 'ready', status }))} />
  }
  if (boot.status.state !== 'ok') {
    return <Recovery status={boot.status} onStatus={(status) => (status.state === 'ok' ? start() : setBoot({ phase: 'ready', status }))} />
  }
  const initial: View = boot.status.empty ? { name: 'welcome' } : { name: 'home' }
  return (
    <DataProvider>
      <ToastProvider>
        <JobsProvider>
          <SyncProvider>
            <LeaveGuardProvider>
              <StaleProvider>
                <Shell initial={initial} notices={boot.status.notices} />
              </StaleProvider>
            </LeaveGuardProvider>
          </SyncProvider>
        </JobsProvider>
      </ToastProvider>
    </DataProvider>
  )
}

function Shell({ initial, notices }: { initial: View; notices: string[] }) {
  const { t } = useTranslation()
  const nav = useRouter(initial)
  const section = sectionOf(nav.view)
  const [menuOpen, setMenuOpen] = useState(false)
  const [palette, setPalette] = useState(false)
  const [shortcuts, setShortcuts] = useState(false)
  const { status: sync, fieldDevice } = useSync()
  const conflicts = sync?.conflicts ?? 0
  useShortcuts({ palette: () => setPalette(true), shortcuts: () => setShortcuts(true) })

  const item = (key: Section, target: View, label = t(`nav.${key}`), count?: ReactNode) => (
    <li>
      <button
        type="button"
        className="nav-item"
        aria-current={section === key ? 'page' : undefined}
        onClick={() => {
          setMenuOpen(false)
          nav.go(target)
        }}
      >
        <span className={`nav-icon nav-icon--${key}`} aria-hidden="true" />
        {label}
        {count}
      </button>
    </li>
  )

  return (
    <NavContext.Provider value={nav}>
      <div className={'app' + (menuOpen ? ' is-menu-open' : '')}>
        <a className="skip-link" href="#main" onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}>
          {t('nav.skip')}
        </a>
        <aside className="sidebar">
          <div className="brand">
            <span className="brand-mark" aria-hidden="true">
              GFC
            </span>
            <span className="brand-text">
              <span className="brand-name">GFC Desk</span>
              <span className="brand-sub">{t('app.groupName')}</span>
            </span>
            <button type="button" className="menu-toggle" aria-expanded={menuOpen} aria-controls="main-nav" onClick={() => setMenuOpen((o) => !o)}>
              <span aria-hidden="true">☰</span>
              <span className="visually-hidden">{t('shell.menu')}</span>
            </button>
          </div>
          <nav aria-label={t('nav.label')} id="main-nav">
            <ul>
              {item('home', { name: 'home' }, t('shell.home'))}
              {item('members', { name: 'members' })}
              {item('contacts', { name: 'contacts' })}
              {/* A field device holds no meetings, work plan or Chair register (its scope is its missions). */}
              {!fieldDevice && item('meetings', { name: 'meetings' })}
              {!fieldDevice && item('workplan', { name: 'workplan' })}
              {!fieldDevice && item('chair', { name: 'chairs' })}
              {item('missions', { name: 'missions' })}
              {item('sync', { name: 'sync' })}
              {item(
                'conflicts',
                { name: 'conflicts' },
                undefined,
                conflicts > 0 && (
                  <span className="nav-count" data-testid="nav-conflicts">
                    <span aria-hidden="true">{conflicts}</span>
                    <span className="visually-hidden">{t('nav.conflictsCount', { count: conflicts })}</span>
                  </span>
                ),
              )}
              {item('settings', { name: 'settings' })}
            </ul>
          </nav>
          <div className="sidebar-foot">
            <button type="button" className="nav-find" onClick={() => setPalette(true)} aria-keyshortcuts="Control+K">
              <span>{t('palette.open')}</span>
              <kbd>Ctrl K</kbd>
            </button>
            <button type="button" className="nav-find" onClick={() => setShortcuts(true)} aria-keyshortcuts="?">
              <span>{t('shortcuts.open')}</span>
              <kbd>?</kbd>
            </button>
          </div>
        </aside>
        <main className="main" id="main" tabIndex={-1}>
          <NoticeBanner notices={notices} />
          <Screen view={nav.view} />
        </main>
      </div>
      {palette && <Palette onClose={() => setPalette(false)} />}
      {shortcuts && <ShortcutsHelp onClose={() => setShortcuts(false)} />}
    </NavContext.Provider>
  )
}

function Screen({ view }: { view: View }) {
  switch (view.name) {
    case 'home':
      return <Home />
    case 'welcome':
      return <Welcome />
    case 'members':
      return <Members />
    case 'member':
      return <MemberDetail key={view.id} id={view.id} />
    case 'memberNew':
      return <MemberNew key={view.kind} kind={view.kind} />
    case 'memberEdit':
      return <MemberEdit key={view.id} id={view.id} />
    case 'contacts':
      return <Contacts />
    case 'contact':
      return <ContactDetail key={view.id} id={view.id} />
    case 'contactNew':
      return <ContactNew key={view.organisationId ?? ''} organisationId={view.organisationId} />
    case 'contactEdit':
      return <ContactEdit key={view.id} id={view.id} />
    case 'meetings':
      return <Meetings />
    case 'meeting':
      return <MeetingDetail key={view.id} id={view.id} tab={view.tab} />
    case 'meetingNew':
      return <MeetingNew />
    case 'meetingEdit':
      return <MeetingEdit key={view.id} id={view.id} />
    case 'settings':
      return <Settings />
    case 'sync':
      return <Sync />
    case 'conflicts':
      return <Conflicts />
    default:
      return workplanScreen(view) ?? missionScreen(view)
  }
}
