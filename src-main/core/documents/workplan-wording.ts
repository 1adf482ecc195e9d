import type { Language } from '../model/fields'
import { FUNCTION_NAMES, WorkplanFunction, type ActivityStatus } from '../model/workplan'
import { formatMonth, formatMonthSpan, NBSP } from '../model/format'
import { GROUP_NAME } from './wording'

// The work plan's words in English and French, shared by the .docx and the .csv.

export const STATUS_NAMES: Record<ActivityStatus, Record<Language, string>> = {
  planned: { en: 'Planned', fr: 'Prévue' },
  'under-way': { en: 'Under way', fr: 'En cours' },
  done: { en: 'Done', fr: 'Achevée' },
  deferred: { en: 'Deferred', fr: 'Reportée' },
}

export const WORKPLAN_LABELS = {
  en: {
    title: 'Work plan',
    chair: 'Chair:',
    period: 'Period:',
    function: 'Function',
    activity: 'Activity',
    description: 'Description',
    lead: 'Lead',
    supporting: 'Supporting',
    missions: 'Missions',
    dates: 'Period',
    start: 'Start',
    end: 'End',
    status: 'Status',
    meeting: 'Identified at',
    latest: 'Latest progress',
    noteDate: 'Latest progress (date)',
    none: 'No activity in this period.',
  },
  fr: {
    title: 'Plan de travail',
    chair: `Présidence${NBSP}:`,
    period: `Période${NBSP}:`,
    function: 'Fonction',
    activity: 'Activité',
    description: 'Description',
    lead: 'Chef de file',
    supporting: 'En appui',
    missions: 'Missions',
    dates: 'Période',
    start: 'Début',
    end: 'Fin',
    status: 'État',
    meeting: 'Définie lors de la réunion',
    latest: 'Dernier point d’avancement',
    noteDate: 'Dernier point d’avancement (date)',
    none: 'Aucune activité pour cette période.',
  },
} as const

/** The activity's title in the language: the French one when given, else the English. */
export function activityTitle(a: { title: string; titleFr?: string }, language: Language): string {
  return (language === 'fr' && a.titleFr?.trim()) || a.title
}

/** "1. Political support to UN legislative bodies": numbered as in the Terms of Reference. */
export function functionHeading(f: WorkplanFunction, language: Language): string {
  return `${WorkplanFunction.options.indexOf(f) + 1}. ${FUNCTION_NAMES[f][language]}`
}

/** "Group of Friends of Corrections in Peace Operations — Work plan". */
export function workplanTitle(language: Language): string {
  return `${GROUP_NAME[language]} — ${WORKPLAN_LABELS[language].title}`
}

/** "January 2027 – December 2027", "From March 2027", "Until December 2027", or every period. */
export function periodText(period: { from: string; to: string }, language: Language): string {
  const fr = language === 'fr'
  if (period.from && period.to) return formatMonthSpan(period.from, period.to, language)
  if (period.from) return fr ? `À partir de ${formatMonth(period.from, language)}` : `From ${formatMonth(period.from, language)}`
  if (period.to) return fr ? `Jusqu’à ${formatMonth(period.to, language)}` : `Until ${formatMonth(period.to, language)}`
  return fr ? 'Toutes les périodes' : 'All periods'
}
