import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuery } from '../../api/data'
import { Page } from '../../components/Page'
import { TabPanel, Tabs } from '../../components/Tabs'
import { useNav } from '../../navigation'
import { FieldContactsPanel } from './FieldContacts'
import { RegisterPanel } from './Register'
import { SecondmentsPanel } from './Secondments'
import { StalePanel } from './StaleList'
import type { FieldTab } from './views'
import { OfficeOnly } from '../sync/parts'

/** The Field missions section: the register, what needs checking, who seconds whom, and the contacts. */
export function FieldMissions({ tab }: { tab?: FieldTab }) {
  const { t } = useTranslation()
  const { go, replace } = useNav()
  // The tab is part of the address, so Back, reload and links land on it.
  const active = tab ?? 'register'
  const setActive = (k: FieldTab) => replace({ name: 'missions', tab: k })
  const idBase = useId()
  const stale = useQuery('field.stale', {})
  const staleCount = stale.data?.reduce((n, m) => n + m.items.length, 0)

  return (
    <Page
      title={t('missions.title')}
      subtitle={t('missions.subtitle')}
      actions={
        <OfficeOnly reason={t('sync.fieldNoMissions')}>
          <button type="button" className="btn btn--primary" onClick={() => go({ name: 'missionNew' })}>
            {t('missions.add')}
          </button>
        </OfficeOnly>
      }
    >
      <Tabs<FieldTab>
        label={t('missions.sections')}
        idBase={idBase}
        active={active}
        onChange={setActive}
        tabs={[
          { key: 'register', label: t('missions.tabs.register') },
          { key: 'stale', label: t('missions.tabs.stale'), count: staleCount },
          { key: 'secondments', label: t('missions.tabs.secondments') },
          { key: 'contacts', label: t('missions.tabs.contacts') },
        ]}
      />
      <TabPanel idBase={idBase} tabKey={active}>
        {active === 'register' && <RegisterPanel />}
        {active === 'stale' && <StalePanel query={stale} />}
        {active === 'secondments' && <SecondmentsPanel />}
        {active === 'contacts' && <FieldContactsPanel />}
      </TabPanel>
    </Page>
  )
}
