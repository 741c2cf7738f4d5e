import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { firstOfEach, toCandidate, type Candidate, type ExtractedType } from './candidate';
import { parseHl7Time } from './hl7-time';

/** LOINC's OID, as CDA documents name the code system. */
export const LOINC_OID = '2.16.840.1.113883.6.1';
/** MEA-1, MEA-4: the LOINC codes of the types read from documents. */
const TYPE_OF_LOINC: Record<string, ExtractedType> = { '29463-7': 'WEIGHT', '8302-2': 'HEIGHT', '8287-5': 'HEAD_CIRCUMFERENCE' };

type Node = Record<string, unknown>;
const asNodes = (v: unknown): Node[] => (Array.isArray(v) ? v : v === undefined ? [] : [v])
  .filter((x): x is Node => typeof x === 'object' && x !== null);
const attr = (node: Node | undefined, name: string) => {
  const v = node?.[`@_${name}`];
  return typeof v === 'string' ? v : undefined;
};

const parser = new XMLParser({
  ignoreAttributes: false, attributeNamePrefix: '@_', removeNSPrefix: true,
  // Values are read as written (no number guessing); entities are never expanded.
  parseTagValue: false, parseAttributeValue: false, processEntities: false,
});

/** The LOINC type of an observation's `code`, or of one of its `translation`s. */
function typeOf(code: Node | undefined): ExtractedType | undefined {
  for (const c of [code, ...asNodes(code?.translation)]) {
    const type = attr(c, 'codeSystem') === LOINC_OID ? TYPE_OF_LOINC[attr(c, 'code') ?? ''] : undefined;
    if (type) return type;
  }
  return undefined;
}

/** `effectiveTime value=".."`, or the start of an interval (`low`). */
function timeOf(node: Node): Date | undefined {
  const [time] = asNodes(node.effectiveTime);
  return parseHl7Time(attr(time, 'value') ?? attr(asNodes(time?.low)[0], 'value'));
}

const DECIMAL = /^[+-]?\d+(?:\.\d+)?$/;

/** One observation: a recorded event (not a goal), not negated, LOINC coded, with a PQ value. */
function readObservation(obs: Node, inheritedTime: Date | undefined): Candidate | undefined {
  if (attr(obs, 'negationInd') === 'true') return undefined;
  const mood = attr(obs, 'moodCode');
  if (mood !== undefined && mood !== 'EVN') return undefined;
  const type = typeOf(asNodes(obs.code)[0]);
  const value = asNodes(obs.value).find((v) => attr(v, 'type')?.endsWith('PQ'));
  const raw = attr(value, 'value');
  if (!type || !raw || !DECIMAL.test(raw.trim())) return undefined;
  return toCandidate(type, Number(raw), attr(value, 'unit') ?? '', timeOf(obs) ?? inheritedTime);
}

/** Every observation of the tree, wherever the sections, entries and organizers put them. */
function collect(node: Node, inheritedTime: Date | undefined, found: Candidate[]): void {
  for (const [key, child] of Object.entries(node)) {
    if (key.startsWith('@_')) continue;
    for (const n of asNodes(child)) {
      const time = key === 'organizer' ? (timeOf(n) ?? inheritedTime) : inheritedTime;
      if (key === 'observation') {
        const candidate = readObservation(n, time);
        if (candidate) found.push(candidate);
      }
      collect(n, key === 'observation' ? (timeOf(n) ?? time) : time, found);
    }
  }
}

/**
 * MEA-4: weight, height and head circumference from an HL7 CDA R2 document (what professionals'
 * software sends): `observation` entries coded LOINC 29463-7 / 8302-2 / 8287-5 with a PQ value in
 * kg, g, cm, m or mm and their own effective time. A document that is not well-formed XML gives nothing.
 */
export function extractFromCda(xml: string): Candidate[] {
  if (XMLValidator.validate(xml) !== true) return [];
  const found: Candidate[] = [];
  collect(parser.parse(xml) as Node, undefined, found);
  return firstOfEach(found);
}
