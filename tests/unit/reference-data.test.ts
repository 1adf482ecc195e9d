import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';

type RegionalGroup =
  | 'african'
  | 'asia-pacific'
  | 'eastern-european'
  | 'latin-american-caribbean'
  | 'weog';

interface MemberState {
  iso2: string;
  iso3: string;
  en: string;
  fr: string;
  frOf: string;
  group: RegionalGroup;
}

interface SmeSuggestion {
  name: string;
  nameFr: string;
  acronym: string;
  category: string;
  website?: string;
}

function readJson<T>(relative: string): T {
  const url = new URL(`../../resources/reference/${relative}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as T;
}

const states = readJson<MemberState[]>('un-member-states.json');
const smes = readJson<SmeSuggestion[]>('sme-suggestions.json');

const GROUPS: readonly RegionalGroup[] = [
  'african',
  'asia-pacific',
  'eastern-european',
  'latin-american-caribbean',
  'weog',
];

// Current composition of the UN regional groups. The United States of America
// is not a member of any group but is counted with WEOG for electoral purposes;
// Türkiye is counted with WEOG only; Kiribati is in Asia-Pacific.
const EXPECTED_COUNTS: Record<RegionalGroup, number> = {
  african: 54,
  'asia-pacific': 54,
  'eastern-european': 23,
  'latin-american-caribbean': 33,
  weog: 29,
};

// Longest first, so that "de la " wins over "de ".
const FR_OF_PREFIXES = ["de la ", "de l'", 'des ', 'du ', "d'", 'de '] as const;

const SME_CATEGORIES = [
  'un-entity',
  'ngo',
  'training-institute',
  'advocacy-group',
  'development-agency',
  'regional-organisation',
];

const STATE_KEYS = ['iso2', 'iso3', 'en', 'fr', 'frOf', 'group'].sort();

function byEn(en: string): MemberState {
  const state = states.find((s) => s.en === en);
  if (!state) throw new Error(`No Member State named ${en}`);
  return state;
}

function splitFrOf(frOf: string): { prefix: string; rest: string } | undefined {
  const prefix = FR_OF_PREFIXES.find((p) => frOf.startsWith(p));
  return prefix === undefined ? undefined : { prefix, rest: frOf.slice(prefix.length) };
}

// "de" elides only before a vowel or a mute h (d'Haïti); "du" and "de la" never
// stand before a vowel (but do before an aspirated h: du Honduras).
const VOWEL = /^[AEIOUÀÂÉÈÊËÎÏÔÖÛÜ]/;
const VOWEL_OR_H = /^[AEIOUHÀÂÉÈÊËÎÏÔÖÛÜ]/;

describe('UN Member States reference list', () => {
  it('has all 193 Member States', () => {
    expect(states).toHaveLength(193);
  });

  it('has exactly the expected keys, all non-empty strings', () => {
    for (const s of states) {
      expect(Object.keys(s).sort(), s.en).toEqual(STATE_KEYS);
      for (const key of STATE_KEYS) {
        const value = (s as unknown as Record<string, unknown>)[key];
        expect(typeof value, `${s.en}.${key}`).toBe('string');
        expect((value as string).trim(), `${s.en}.${key}`).toBe(value);
        expect((value as string).length, `${s.en}.${key}`).toBeGreaterThan(0);
      }
    }
  });

  it('has unique iso2, iso3, English and French names', () => {
    for (const key of ['iso2', 'iso3', 'en', 'fr', 'frOf'] as const) {
      const values = states.map((s) => s[key]);
      expect(new Set(values).size, key).toBe(values.length);
    }
  });

  it('uses uppercase ISO 3166-1 codes', () => {
    for (const s of states) {
      expect(s.iso2, s.en).toMatch(/^[A-Z]{2}$/);
      expect(s.iso3, s.en).toMatch(/^[A-Z]{3}$/);
    }
  });

  it('is sorted by English name', () => {
    const names = states.map((s) => s.en);
    const sorted = [...names].sort((a, b) => a.localeCompare(b, 'en'));
    expect(names).toEqual(sorted);
  });

  it('assigns every state to one of the five regional groups, with the expected counts', () => {
    const counts: Record<string, number> = {};
    for (const s of states) {
      expect(GROUPS, s.en).toContain(s.group);
      counts[s.group] = (counts[s.group] ?? 0) + 1;
    }
    expect(counts).toEqual(EXPECTED_COUNTS);
    expect(Object.values(EXPECTED_COUNTS).reduce((a, b) => a + b, 0)).toBe(193);
  });

  it('builds every frOf as a form of "de" followed by the French name', () => {
    for (const s of states) {
      const parts = splitFrOf(s.frOf);
      expect(parts, s.frOf).toBeDefined();
      if (!parts) continue;
      expect(parts.rest, s.en).toBe(s.fr);
      // Elision only before a vowel or a mute h; "de la" and "du" never before a vowel.
      if (parts.prefix === "de l'" || parts.prefix === "d'") {
        expect(VOWEL_OR_H.test(parts.rest), s.frOf).toBe(true);
      }
      if (parts.prefix === 'de la ' || parts.prefix === 'du ') {
        expect(VOWEL.test(parts.rest), s.frOf).toBe(false);
      }
    }
  });

  it('spot-checks groups', () => {
    expect(byEn('Sweden').group).toBe('weog');
    expect(byEn('Ghana').group).toBe('african');
    expect(byEn('Japan').group).toBe('asia-pacific');
    expect(byEn('Poland').group).toBe('eastern-european');
    expect(byEn('Brazil').group).toBe('latin-american-caribbean');
    expect(byEn('Israel').group).toBe('weog');
    expect(byEn('Türkiye').group).toBe('weog');
    expect(byEn('Kiribati').group).toBe('asia-pacific');
    expect(byEn('Cyprus').group).toBe('asia-pacific');
    expect(byEn('United States of America').group).toBe('weog');
  });

  it('spot-checks names and codes', () => {
    expect(byEn('Sweden')).toEqual({
      iso2: 'SE',
      iso3: 'SWE',
      en: 'Sweden',
      fr: 'Suède',
      frOf: 'de la Suède',
      group: 'weog',
    });
    expect(byEn('Netherlands (Kingdom of the)').fr).toBe('Pays-Bas (Royaume des)');
    expect(byEn('Czechia').fr).toBe('Tchéquie');
    expect(byEn("Côte d'Ivoire").iso3).toBe('CIV');
    expect(byEn('United Kingdom of Great Britain and Northern Ireland').iso2).toBe('GB');
    expect(byEn("Democratic People's Republic of Korea").iso3).toBe('PRK');
    expect(byEn('Republic of Korea').iso3).toBe('KOR');
    expect(byEn('Eswatini').iso3).toBe('SWZ');
  });

  it('spot-checks frOf forms', () => {
    const frOf = (en: string): string => byEn(en).frOf;
    expect(frOf('France')).toBe('de la France');
    expect(frOf('Mali')).toBe('du Mali');
    expect(frOf('Germany')).toBe("de l'Allemagne");
    expect(frOf('United States of America')).toBe("des États-Unis d'Amérique");
    expect(frOf('Israel')).toBe("d'Israël");
    expect(frOf('Haiti')).toBe("d'Haïti");
    expect(frOf('Cuba')).toBe('de Cuba');
    expect(frOf('Malta')).toBe('de Malte');
    expect(frOf('Singapore')).toBe('de Singapour');
    expect(frOf('Monaco')).toBe('de Monaco');
    expect(frOf('Madagascar')).toBe('de Madagascar');
    expect(frOf('Netherlands (Kingdom of the)')).toBe('des Pays-Bas (Royaume des)');
    expect(frOf('Bolivia (Plurinational State of)')).toBe('de la Bolivie (État plurinational de)');
    expect(frOf('United Kingdom of Great Britain and Northern Ireland')).toBe(
      "du Royaume-Uni de Grande-Bretagne et d'Irlande du Nord",
    );
  });
});

describe('Correctional SME suggestions', () => {
  const EXPECTED_ACRONYMS = ['ACSA', 'ZIF', 'EuroPris', 'ICRC', 'ICPA', 'PRI', 'SADC'];

  it('lists the seven SMEs named in the Terms of Reference', () => {
    expect(smes).toHaveLength(7);
    expect(smes.map((s) => s.acronym).sort()).toEqual([...EXPECTED_ACRONYMS].sort());
    const names = smes.map((s) => s.name);
    for (const name of [
      'African Correctional Services Association',
      'Center for International Peace Operations',
      'European Organisation of Prison and Correctional Services',
      'International Committee of the Red Cross',
      'International Corrections and Prisons Association',
      'Penal Reform International',
      'Southern African Development Community',
    ]) {
      expect(names).toContain(name);
    }
  });

  it('gives each SME a French name, a valid category and, if any, an https website', () => {
    for (const s of smes) {
      expect(s.name.length, s.acronym).toBeGreaterThan(0);
      expect(s.nameFr.length, s.acronym).toBeGreaterThan(0);
      expect(SME_CATEGORIES, s.acronym).toContain(s.category);
      if (s.website !== undefined) expect(s.website, s.acronym).toMatch(/^https:\/\/[^\s/]+\.[a-z]{2,}(\/\S*)?$/);
    }
  });

  it('spot-checks the ZIF entry', () => {
    expect(smes.find((s) => s.acronym === 'ZIF')).toEqual({
      name: 'Center for International Peace Operations',
      nameFr: 'Centre pour les opérations de paix internationales',
      acronym: 'ZIF',
      category: 'training-institute',
      website: 'https://www.zif-berlin.org',
    });
  });
});
