import type { R4 } from '@ahryman40k/ts-fhir-types';
import { BIRTHPLACE_SEARCH_PARAMETER, CATEGORY_SYSTEM, LOINC } from './systems';

type Param = [name: string, type: `${R4.CapabilityStatement_SearchParamTypeKind}`, documentation: string, definition?: string];

const params = (list: Param[]): R4.ICapabilityStatement_SearchParam[] => list.map(([name, type, documentation, definition]) => ({
  name, type: type as R4.CapabilityStatement_SearchParamTypeKind, documentation, ...(definition ? { definition } : {}),
}));
const interactions = (codes: `${R4.CapabilityStatement_InteractionCodeKind}`[]) =>
  codes.map((code) => ({ code: code as R4.CapabilityStatement_InteractionCodeKind }));

/** The date this description last changed (not the time of the request: the statement is stable). */
const PUBLISHED = '2026-11-30';

/**
 * What the professional API supports (GET metadata); pure. Modelled on the DMP's PDSm / IHE MHD:
 * Patient by INS (PRO-3), DocumentReference search/read/create/delete, Binary read, transaction.
 */
export function capabilityStatement(base: string): R4.ICapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active' as R4.CapabilityStatementStatusKind,
    date: PUBLISHED,
    publisher: 'Mon espace santé (ré-implémentation ouverte)',
    kind: 'instance' as R4.CapabilityStatementKindKind,
    software: { name: 'Mon espace santé — API FHIR des professionnels' },
    implementation: { description: 'Accès des logiciels de professionnels de santé aux profils Mon espace santé', url: base },
    fhirVersion: '4.0.1' as R4.CapabilityStatementFhirVersionKind,
    format: ['application/fhir+json', 'json'],
    rest: [{
      mode: 'server' as R4.CapabilityStatement_RestModeKind,
      documentation: 'Chaque appel porte le jeton du logiciel (Authorization: Bearer, obtenu sur /api/oauth/token en client_credentials) '
        + 'et l’identité de la personne qui agit : X-PSC-Token (jeton Pro Santé Connect) ou, pour un logiciel d’établissement, X-Facility-User. '
        + 'Chaque accès est tracé et visible du patient.',
      security: {
        cors: false,
        service: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'OAuth' }] }],
        description: 'OAuth 2 client credentials (RFC 6749 §4.4) ; identité du professionnel par Pro Santé Connect (OpenID Connect).',
      },
      resource: [
        {
          type: 'Patient',
          documentation: 'Vérification d’accès par INS uniquement (matricule et cinq traits ; GET, ou POST _search pour garder le matricule hors des URL) ; aucune donnée médicale. '
            + 'Extension verification-acces : état, autorisation (NONE, AUTHORISED, BLOCKED), médecin traitant.',
          interaction: interactions(['read', 'search-type']),
          searchParam: params([
            ['identifier', 'token', 'urn:oid:1.2.250.1.213.1.4.8|<matricule INS> (INS-NIR) ou urn:oid:1.2.250.1.213.1.4.9|<NIA> ; obligatoire'],
            ['family', 'string', 'Nom de naissance ; obligatoire'],
            ['given', 'string', 'Prénoms de naissance ; obligatoire'],
            ['birthdate', 'date', 'Date de naissance (AAAA-MM-JJ) ; obligatoire'],
            ['gender', 'token', 'male ou female ; obligatoire'],
            ['birthplace', 'token', 'Code INSEE (COG) du lieu de naissance ; obligatoire', BIRTHPLACE_SEARCH_PARAMETER],
          ]),
        },
        {
          type: 'DocumentReference',
          documentation: 'Documents visibles de ce professionnel (masquage, matrice d’habilitation, blocage appliqués). '
            + 'Dépôt : contenu en base64 dans attachment.data ; relatesTo replaces pour une nouvelle version (auteur seulement).',
          interaction: interactions(['read', 'search-type', 'create', 'delete']),
          searchParam: params([
            ['patient', 'reference', 'Patient/{id} ; obligatoire'],
            ['category', 'token', `${CATEGORY_SYSTEM}|<code>`],
            ['type', 'token', `${LOINC}|<code LOINC>`],
            ['date', 'date', 'Date du document (ge, gt, le, lt, eq)'],
            ['status', 'token', 'current (défaut), superseded ou current,superseded'],
            ['_count', 'number', 'Taille de page (1 à 200)'],
          ]),
        },
        { type: 'Binary', documentation: 'Fichier d’un document : octets bruts, ou Binary base64 avec Accept: application/fhir+json.', interaction: interactions(['read']) },
        {
          type: 'Communication',
          documentation: 'Messagerie citoyenne : un message par Communication (recipient Patient/{id}, topic.text = objet, payload contentString '
            + 'et contentAttachment en base64, 10 Mo par message) ; inResponseTo Communication/{id} pour répondre dans la conversation ; '
            + 'extension option-reponse (MSG-4). « [FIN] » dans l’objet : sans contenu, la conversation est close et rien n’est transmis (200) ; '
            + 'avec contenu, le message est transmis puis la conversation close. Profil suspendu : message conservé (202). '
            + 'Lecture Communication/{id} (vos conversations, ou celles de la pharmacie où vous exercez) ; chaque pièce jointe porte l’url de ses octets.',
          interaction: interactions(['read', 'search-type', 'create']),
          searchParam: params([
            ['patient', 'reference', 'Patient/{id} ; obligatoire (messages de vos conversations avec ce patient)'],
            ['_count', 'number', 'Taille de page (1 à 200)'],
          ]),
        },
      ],
      interaction: [{ code: 'transaction' as R4.CapabilityStatement_Interaction1CodeKind, documentation: 'Dépôt de plusieurs DocumentReference (et Binary référencés).' }],
    }],
  };
}
