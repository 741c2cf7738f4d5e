import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, test } from 'vitest';
import { toCandidate } from '@/lib/measures/extraction/candidate';
import { extractFromCda } from '@/lib/measures/extraction/cda';
import { extractMeasures } from '@/lib/measures/extraction/extract-measures';
import { extractFromFrenchText } from '@/lib/measures/extraction/french-text';
import { parseHl7Time } from '@/lib/measures/extraction/hl7-time';
import { isExtractable, placeInTime } from '@/lib/measures/extraction/rules';

const LOINC = '2.16.840.1.113883.6.1';
const observation = (code: string, value: string, unit: string, opts: { system?: string; time?: string; mood?: string; negated?: boolean } = {}) => `
  <entry><observation classCode="OBS" moodCode="${opts.mood ?? 'EVN'}"${opts.negated ? ' negationInd="true"' : ''}>
    <code code="${code}" codeSystem="${opts.system ?? LOINC}" codeSystemName="LOINC"/>
    <statusCode code="completed"/>
    ${opts.time ? `<effectiveTime value="${opts.time}"/>` : ''}
    <value xsi:type="PQ" value="${value}" unit="${unit}"/>
  </observation></entry>`;
const cda = (entries: string) => `<?xml version="1.0" encoding="UTF-8"?>
<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <typeId root="2.16.840.1.113883.1.3" extension="POCD_HD000040"/>
  <title>Compte rendu de consultation pédiatrique</title>
  <component><structuredBody><component><section>
    <code code="8716-3" codeSystem="${LOINC}" displayName="Signes vitaux"/>
    ${entries}
  </section></component></structuredBody></component>
</ClinicalDocument>`;
const bytes = (s: string) => Buffer.from(s, 'utf-8');

describe('MEA-4: values read from an HL7 CDA R2 document', () => {
  test('MEA-4: the three LOINC codes give weight, height and head circumference with their own time', () => {
    const found = extractFromCda(cda([
      observation('29463-7', '12.4', 'kg', { time: '202611151030' }),
      observation('8302-2', '86', 'cm', { time: '20261115103000+0100' }),
      observation('8287-5', '47.5', 'cm', { time: '20261115' }),
    ].join('')));
    expect(found).toEqual([
      { type: 'WEIGHT', value: 12.4, unit: 'kg', effectiveAt: new Date('2026-11-15T09:30:00Z') }, // 10:30 Paris (winter)
      { type: 'HEIGHT', value: 86, unit: 'cm', effectiveAt: new Date('2026-11-15T09:30:00Z') },
      { type: 'HEAD_CIRCUMFERENCE', value: 47.5, unit: 'cm', effectiveAt: new Date('2026-11-15T11:00:00Z') }, // a day alone: noon in Paris
    ]);
  });

  test('MEA-4: a code outside LOINC, another LOINC code, a goal and a negated observation are ignored', () => {
    expect(extractFromCda(cda([
      observation('29463-7', '12.4', 'kg', { system: '1.2.250.1.213.1.1.4.322' }), // same code, local code system
      observation('8310-5', '37.2', 'Cel'), // body temperature: not read from documents
      observation('29463-7', '15', 'kg', { mood: 'GOL' }), // a target weight, not a measurement
      observation('8302-2', '90', 'cm', { negated: true }),
    ].join('')))).toEqual([]);
  });

  test('MEA-4: grams become kilograms and metres become centimetres; a LOINC translation of a local code counts', () => {
    const translated = `<entry><observation classCode="OBS" moodCode="EVN">
      <code code="TAILLE" codeSystem="1.2.250.1.999"><translation code="8302-2" codeSystem="${LOINC}"/></code>
      <value xsi:type="PQ" value="0.865" unit="m"/></observation></entry>`;
    expect(extractFromCda(cda(observation('29463-7', '3250', 'g') + translated))).toEqual([
      { type: 'WEIGHT', value: 3.25, unit: 'kg' },
      { type: 'HEIGHT', value: 86.5, unit: 'cm' },
    ]);
  });

  test('MEA-1, MEA-4: a value out of range, in an unknown unit or not a number is skipped, never stored', () => {
    expect(extractFromCda(cda([
      observation('29463-7', '450', 'kg'), // above 400 kg
      observation('8302-2', '12', 'cm'), // under 20 cm
      observation('8287-5', '80', 'cm'), // head circumference above 70 cm
      observation('29463-7', '27', '[lb_av]'),
      observation('8302-2', 'NaN', 'cm'),
    ].join('')))).toEqual([]);
  });

  test('MEA-4: an organizer’s time dates the observations that have none; malformed XML gives nothing', () => {
    const organizer = `<entry><organizer classCode="CLUSTER" moodCode="EVN"><effectiveTime value="202603020915"/>
      <component>${observation('29463-7', '71.5', 'kg').replace(/<\/?entry>/g, '')}</component></organizer></entry>`;
    expect(extractFromCda(cda(organizer))).toEqual([{ type: 'WEIGHT', value: 71.5, unit: 'kg', effectiveAt: new Date('2026-03-02T08:15:00Z') }]);
    expect(extractFromCda('<ClinicalDocument><component></ClinicalDocument>')).toEqual([]);
  });
});

describe('MEA-4: French labelled values in text and PDF reports', () => {
  test('MEA-4: « Poids : 12,4 kg », « Taille : 86 cm », « Périmètre crânien : 47,5 cm » with French decimals', () => {
    const text = 'Consultation du 2 novembre.\nPoids : 12,4 kg\nTaille : 86 cm\nPérimètre crânien : 47,5 cm\nExamen normal.';
    expect(extractFromFrenchText(text)).toEqual([
      { type: 'WEIGHT', value: 12.4, unit: 'kg' },
      { type: 'HEIGHT', value: 86, unit: 'cm' },
      { type: 'HEAD_CIRCUMFERENCE', value: 47.5, unit: 'cm' },
    ]);
  });

  test('MEA-4: units g and m are converted; « (kg) » in the label, « 1 m 86 » and « PC » are read', () => {
    expect(extractFromFrenchText('Poids de naissance... Poids : 3\u00a0250 g. Taille : 0,52 m. PC = 34,5cm')).toEqual([
      { type: 'WEIGHT', value: 3.25, unit: 'kg' },
      { type: 'HEIGHT', value: 52, unit: 'cm' },
      { type: 'HEAD_CIRCUMFERENCE', value: 34.5, unit: 'cm' },
    ]);
    expect(extractFromFrenchText('POIDS (kg) : 71,5 — taille : 1 m 86')).toEqual([
      { type: 'WEIGHT', value: 71.5, unit: 'kg' },
      { type: 'HEIGHT', value: 186, unit: 'cm' },
    ]);
  });

  test('MEA-1, MEA-4: out of range, no unit, a unit of the wrong kind or a waist size are skipped', () => {
    expect(extractFromFrenchText('Poids : 512 kg. Taille : 12 cm. Périmètre crânien : 47,5. Poids : 80 cm. Tour de taille : 92 cm. Taille de la lésion : 30 cm.'))
      .toEqual([]);
  });

  test('MEA-4: the first value of a type is kept, an invalid one does not hide a later valid one', () => {
    expect(extractFromFrenchText('Poids : 900 kg (erreur de saisie). Poids : 12,4 kg. Poids : 12,6 kg.'))
      .toEqual([{ type: 'WEIGHT', value: 12.4, unit: 'kg' }]);
  });

  test('MEA-4: nothing found gives an empty list, for text, XML and unsupported formats alike', async () => {
    expect(await extractMeasures(bytes('Ordonnance : paracétamol 500 mg, 3 fois par jour.'), 'text/plain')).toEqual([]);
    expect(await extractMeasures(bytes(cda('')), 'text/xml')).toEqual([]);
    expect(await extractMeasures(bytes('Poids : 12 kg'), 'image/png')).toEqual([]);
    expect(await extractMeasures(bytes('%PDF-1.7 abîmé'), 'application/pdf')).toEqual([]);
  });

  test('MEA-4: a PDF’s text layer is read like a text report', async () => {
    const pdf = await PDFDocument.create();
    const page = pdf.addPage();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    page.drawText('Compte rendu de consultation', { x: 50, y: 700, font, size: 14 });
    page.drawText('Poids : 12,4 kg', { x: 50, y: 680, font, size: 12 });
    page.drawText('Taille : 86 cm', { x: 50, y: 660, font, size: 12 });
    expect(await extractMeasures(Buffer.from(await pdf.save()), 'application/pdf')).toEqual([
      { type: 'WEIGHT', value: 12.4, unit: 'kg' },
      { type: 'HEIGHT', value: 86, unit: 'cm' },
    ]);
  });
});

describe('MEA-2, MEA-4: dating and filtering the extracted values', () => {
  const now = new Date('2026-11-28T10:00:00Z');
  const doc = { documentDate: '2026-11-02', createdAt: new Date('2026-11-20T08:00:00Z') };
  const weight = toCandidate('WEIGHT', 12.4, 'kg')!;

  test('MEA-2: the value’s own time, else the document date at noon in Paris, else the time the document was filed', () => {
    const own = { ...weight, effectiveAt: new Date('2026-10-30T07:00:00Z') };
    expect(placeInTime(own, doc, { birthDate: '2025-01-01', now })).toEqual(own.effectiveAt);
    expect(placeInTime(weight, doc, { birthDate: '2025-01-01', now })).toEqual(new Date('2026-11-02T11:00:00Z'));
    expect(placeInTime(weight, { documentDate: null, createdAt: doc.createdAt }, { birthDate: '2025-01-01', now })).toEqual(doc.createdAt);
    // Dated today, filed at 09:00 Paris: the value cannot be later than the document itself.
    const today = { documentDate: '2026-11-28', createdAt: new Date('2026-11-28T08:00:00Z') };
    expect(placeInTime(weight, today, { birthDate: '2025-01-01', now })).toEqual(today.createdAt);
  });

  test('MEA-2: a value before birth or in the future is skipped', () => {
    expect(placeInTime(weight, doc, { birthDate: '2026-11-03', now })).toBeUndefined();
    expect(placeInTime({ ...weight, effectiveAt: new Date('2026-12-01T10:00:00Z') }, doc, { birthDate: '2025-01-01', now })).toBeUndefined();
  });

  test('MEA-4: text, XML and PDF are read, images are not, and a synthèse médicale (built from the profile) is not', () => {
    expect(isExtractable({ mime: 'text/plain', category: 'CPT_REND' })).toBe(true);
    expect(isExtractable({ mime: 'text/xml', category: 'CPT_REND' })).toBe(true);
    expect(isExtractable({ mime: 'application/pdf', category: 'CPT_REND' })).toBe(true);
    expect(isExtractable({ mime: 'image/jpeg', category: 'CPT_REND' })).toBe(false);
    expect(isExtractable({ mime: 'application/pdf', category: 'SYNTH_PML' })).toBe(false);
  });

  test('MEA-4: HL7 times with and without zone; an impossible or partial date is no time', () => {
    expect(parseHl7Time('20260702083000+0200')).toEqual(new Date('2026-07-02T06:30:00Z'));
    expect(parseHl7Time('202607020830')).toEqual(new Date('2026-07-02T06:30:00Z')); // Paris summer time
    expect(parseHl7Time('20260231')).toBeUndefined();
    expect(parseHl7Time('202607')).toBeUndefined();
  });
});
