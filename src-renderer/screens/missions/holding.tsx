import { useTranslation } from 'react-i18next'
import type { HolderView } from '../../../src-main/core/model/mission'
import { EmailLink, PhoneLink } from '../../components/ExternalLink'
import { formatDate, type UiLanguage } from '../../lib/format'

/** A holder's term: "since …" while it runs, "… – …" once it has an end. */
export function HoldingTerm({ holder, lang }: { holder: Pick<HolderView, 'start' | 'end'>; lang: UiLanguage }) {
  const { t } = useTranslation()
  return holder.end
    ? t('field.termFromTo', { from: formatDate(holder.start, lang), to: formatDate(holder.end, lang) })
    : t('field.termSince', { from: formatDate(holder.start, lang) })
}

/** How to reach a field contact: their e-mail addresses, then their phone numbers, one a line. */
export function ReachList({ contact, className, testId }: { contact: Pick<HolderView['contact'], 'emails' | 'phones'>; className: string; testId?: string }) {
  return (
    <ul className={className} data-testid={testId}>
      {contact.emails.map((e) => (
        <li key={e}>
          <EmailLink email={e} />
        </li>
      ))}
      {contact.phones.map((p) => (
        <li key={p}>
          <PhoneLink phone={p} />
        </li>
      ))}
    </ul>
  )
}
