import { zodResolver } from '@hookform/resolvers/zod'
import { useId, useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { Language, Paper, SettingsFields, Theme, type Settings as SettingsRecord } from '../../src-main/core/model'
import { useMutate, useQuery } from '../api/data'
import { useLoadedStamps, useUpdate } from '../api/stale'
import { CheckboxField, FieldShell, SelectField, TextField, type AnyForm } from '../components/Field'
import { FormAlert } from '../components/FormAlert'
import { Loading, Page } from '../components/Page'
import { useToast } from '../components/Toasts'
import { errorMessage, useSubmit } from '../forms/serverErrors'
import { formatDate, uiLang } from '../lib/format'
import { applyTheme } from '../lib/theme'
import { BackupsSection, EncryptionSection } from './settings/AtRest'

export function Settings() {
  const { t } = useTranslation()
  const settings = useQuery('settings.get', {})
  return (
    <Page title={t('settings.title')} subtitle={t('settings.subtitle')}>
      <DeviceSection />
      {settings.error && (
        <div className="alert alert--error" role="alert">
          {errorMessage(settings.error, t)}
        </div>
      )}
      {settings.data ? <LetterheadForm initial={settings.data} /> : !settings.error && <Loading />}
      <EncryptionSection />
      <BackupsSection />
    </Page>
  )
}

/** What belongs to this computer, not to the profile: the interface language and who uses it. */
function DeviceSection() {
  const { t, i18n } = useTranslation()
  const mutate = useMutate()
  const toast = useToast()
  const id = useId()
  const [busy, setBusy] = useState(false)
  const change = async (lng: 'en' | 'fr') => {
    setBusy(true)
    try {
      const prefs = await mutate('preferences.update', { uiLanguage: lng })
      await i18n.changeLanguage(prefs.uiLanguage)
    } catch (e) {
      toast({ tone: 'error', message: errorMessage(e, t) })
    } finally {
      setBusy(false)
    }
  }
  return (
    <section className="card card--form" aria-labelledby="sec-language">
      <h2 id="sec-language">{t('settings.languageSection')}</h2>
      <FieldShell id={id} label={t('settings.uiLanguage')} hint={t('settings.uiLanguageHint')} className="field--narrow">
        {(aria) => (
          <select {...aria} value={uiLang(i18n.language)} disabled={busy} onChange={(e) => change(e.target.value as 'en' | 'fr')}>
            {/* Each language is named in itself, so anyone can find their own. */}
            <option value="en" lang="en">
              English
            </option>
            <option value="fr" lang="fr">
              Français
            </option>
          </select>
        )}
      </FieldShell>
      <ThemeField />
      <UserNameField />
    </section>
  )
}

/** Light or dark colours, or the system's (this computer's preference). */
function ThemeField() {
  const { t } = useTranslation()
  const mutate = useMutate()
  const toast = useToast()
  const id = useId()
  const prefs = useQuery('preferences.get', {})
  const change = async (theme: Theme) => {
    applyTheme(theme)
    try {
      await mutate('preferences.update', { theme })
    } catch (e) {
      toast({ tone: 'error', message: errorMessage(e, t) })
    }
  }
  return (
    <FieldShell id={id} label={t('theme.label')} hint={t('theme.hint')} className="field--narrow">
      {(aria) => (
        <select {...aria} value={prefs.data?.theme ?? 'system'} disabled={!prefs.data} onChange={(e) => change(e.target.value as Theme)}>
          {Theme.options.map((th) => (
            <option key={th} value={th}>
              {t(`theme.${th}`)}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  )
}

/** The name put in "verified by" when field records are marked verified on this computer. */
function UserNameField() {
  const { t } = useTranslation()
  const mutate = useMutate()
  const toast = useToast()
  const id = useId()
  const prefs = useQuery('preferences.get', {})
  const [typed, setTyped] = useState<string | null>(null)
  const saved = prefs.data?.userName ?? ''
  const value = typed ?? saved
  const save = async () => {
    if (typed === null || typed.trim() === saved) return
    try {
      await mutate('preferences.update', { userName: typed.trim() })
      setTyped(null)
      toast({ tone: 'success', message: t('field.userNameSaved') })
    } catch (e) {
      toast({ tone: 'error', message: errorMessage(e, t) })
    }
  }
  return (
    <FieldShell id={id} label={t('field.userName')} hint={t('field.userNameHint')} className="field--medium">
      {(aria) => (
        <input
          {...aria}
          type="text"
          dir="auto"
          autoComplete="name"
          maxLength={200}
          value={value}
          disabled={!prefs.data}
          onChange={(e) => setTyped(e.target.value)}
          onBlur={save}
          onKeyDown={(e) => e.key === 'Enter' && void save()}
        />
      )}
    </FieldShell>
  )
}

type In = z.input<typeof SettingsFields>
type Out = z.output<typeof SettingsFields>

function LetterheadForm({ initial }: { initial: SettingsRecord }) {
  const { t, i18n } = useTranslation()
  const update = useUpdate()
  const toast = useToast()
  const { updatedAt, stamps, ...fields } = initial
  const seen = useLoadedStamps(stamps)
  const form = useForm<In, unknown, Out>({ resolver: zodResolver(SettingsFields), defaultValues: { ...fields, referencePattern: fields.referencePattern || DEFAULT_PATTERN } })
  const anyForm = form as unknown as AnyForm
  const lang = uiLang(i18n.language)
  // The letterhead is typed here, the Chair kept in its register: side by side, a handover is not missed.
  const chair = useQuery('chairs.register', {}).data?.current

  const { alert, onSubmit } = useSubmit(form, async (values) => {
    const saved = await update('settings.update', { fields: values, seen: seen.current })
    const { updatedAt: _updatedAt, stamps: savedStamps, ...next } = saved
    seen.current = savedStamps
    form.reset(next)
    toast({ tone: 'success', message: t('settings.saved') })
  })

  return (
    <form className="card card--form form" onSubmit={onSubmit} noValidate aria-labelledby="sec-letterhead">
      <h2 id="sec-letterhead">{t('settings.letterhead')}</h2>
      <p className="muted">{t('settings.letterheadIntro')}</p>
      <p className="muted" data-testid="register-chair">
        {chair
          ? t('settings.registerChair', { name: chair.organisation[lang], start: formatDate(chair.start, lang), end: formatDate(chair.end, lang) })
          : t('settings.noRegisterChair')}
      </p>
      <FormAlert message={alert} />
      <TextField form={anyForm} name="chairMissionName" label={t('settings.chairMissionName')} hint={t('settings.chairMissionNameHint')} />
      <TextField form={anyForm} name="chairMissionAddress" label={t('settings.chairMissionAddress')} multiline />
      <div className="grid-2">
        <TextField form={anyForm} name="chairMissionPhone" type="tel" label={t('settings.chairMissionPhone')} />
        <TextField form={anyForm} name="chairMissionEmail" type="email" label={t('settings.chairMissionEmail')} />
      </div>
      <div className="grid-2">
        <TextField form={anyForm} name="city" label={t('settings.city')} hint={t('settings.cityHint')} />
        <SelectField
          form={anyForm}
          name="documentLanguage"
          label={t('settings.documentLanguage')}
          options={Language.options.map((l) => ({ value: l, label: t(`language.${l}`) }))}
        />
      </div>
      <div className="grid-2">
        <TextField form={anyForm} name="signatoryName" label={t('settings.signatoryName')} />
        <TextField form={anyForm} name="signatoryTitle" label={t('settings.signatoryTitle')} hint={t('settings.signatoryTitleHint')} />
      </div>
      <TextField form={anyForm} name="signatoryTitleFr" label={t('settings.signatoryTitleFr')} hint={t('settings.signatoryTitleFrHint')} className="field--medium" />
      <div className="grid-2">
        <SelectField
          form={anyForm}
          name="paper"
          label={t('doc.paper.label')}
          hint={t('doc.paper.hint')}
          options={Paper.options.map((p) => ({ value: p, label: t(`doc.paper.${p}`) }))}
        />
        <CheckboxField form={anyForm} name="clock12" label={t('doc.clock12.label')} hint={t('doc.clock12.hint')} />
      </div>
      <TextField
        form={anyForm}
        name="referencePattern"
        label={t('settings.referencePattern')}
        hint={t('settings.referencePatternHint', { example: examplePattern(form.watch('referencePattern') ?? '') })}
        dir="ltr"
        className="field--medium"
      />
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={form.formState.isSubmitting}>
          {t('settings.save')}
        </button>
        {updatedAt && <span className="muted">{t('settings.lastSaved', { date: formatDate(updatedAt, lang) })}</span>}
      </div>
    </form>
  )
}

const DEFAULT_PATTERN = 'GFC/{YYYY}/{NNN}'

/** What the third reference of this year would look like with the pattern typed: "GFC/2027/003". */
function examplePattern(pattern: string): string {
  const p = pattern.trim() || DEFAULT_PATTERN
  return p.replaceAll('{YYYY}', String(new Date().getFullYear())).replaceAll('{NNN}', '003')
}
