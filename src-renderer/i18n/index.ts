import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import changesEn from './changes.en.json'
import changesFr from './changes.fr.json'
import documentsEn from './documents.en.json'
import documentsFr from './documents.fr.json'
import deskEn from './desk.en.json'
import deskFr from './desk.fr.json'
import en from './en.json'
import fr from './fr.json'
import missionsEn from './missions.en.json'
import missionsFr from './missions.fr.json'
import syncEn from './sync.en.json'
import syncFr from './sync.fr.json'
import tabularEn from './tabular.en.json'
import tabularFr from './tabular.fr.json'
import workplanEn from './workplan.en.json'
import workplanFr from './workplan.fr.json'

// Every string the user sees comes from here. The language is the device preference
// (preferences.get at start, preferences.update from Settings); <html lang> follows it.
// Each area keeps its strings in its own pair of files, under its own top-level keys.
void i18n.use(initReactI18next).init({
  resources: {
    en: { translation: { ...en, ...workplanEn, ...missionsEn, ...documentsEn, ...deskEn, ...changesEn, ...tabularEn, ...syncEn } },
    fr: { translation: { ...fr, ...workplanFr, ...missionsFr, ...documentsFr, ...deskFr, ...changesFr, ...tabularFr, ...syncFr } },
  },
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: ['en', 'fr'],
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
})

function follow(lng: string) {
  document.documentElement.lang = lng
  document.title = i18n.t('app.title')
}
follow(i18n.language)
i18n.on('languageChanged', follow)

export default i18n
