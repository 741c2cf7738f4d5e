import type { Db } from '@/db/client';
import type { ProfessionalActor } from '@/lib/access/actor';
import type { TransactionResult } from './bundle';
import { depositFromResource, type DepositRequest, type InlineBinary } from './document-deposit';
import { FhirRequestError } from './errors';
import type { Issue } from './operation-outcome';
import { submitDeposit } from './submit-deposit';

/** At most this many documents per transaction (each up to 5 MB: the body is held in memory). */
export const MAX_TRANSACTION_DOCUMENTS = 10;

type Entry = { fullUrl?: unknown; resource?: { resourceType?: unknown; contentType?: unknown; data?: unknown }; request?: { method?: unknown; url?: unknown } };

export type TransactionPlan = {
  size: number;
  deposits: { index: number; request: DepositRequest }[];
  /** Binary entries, answered with the file of the document that used them. */
  binaries: { index: number; fullUrl: string }[];
  /** Which document (entry index) took each Binary's content. */
  usedBy: Map<string, number>;
};

const bad = (diagnostics: string, expression = 'Bundle', status: 400 | 422 = 400, code: Issue['code'] = 'invalid') =>
  new FhirRequestError(status, { code, diagnostics, expression });

/**
 * A `transaction` Bundle of DocumentReference entries (POST DocumentReference), whose file is inline
 * (attachment.data) or a Binary entry of the same Bundle (POST Binary, referenced by its fullUrl from
 * attachment.url). Every entry is checked before anything is written: any problem → FhirRequestError
 * (400 for the Bundle's structure, 422 listing every entry's problems) and nothing is deposited.
 */
export async function planTransaction(body: unknown): Promise<TransactionPlan> {
  const bundle = body as { resourceType?: unknown; type?: unknown; entry?: unknown };
  if (!bundle || typeof bundle !== 'object' || bundle.resourceType !== 'Bundle') throw bad('Le corps doit être une ressource Bundle.');
  if (bundle.type !== 'transaction') throw bad('Seuls les Bundle de type transaction sont pris en charge.', 'Bundle.type', 400, 'not-supported');
  if (!Array.isArray(bundle.entry) || bundle.entry.length === 0) throw bad('Le Bundle ne contient aucune entrée.', 'Bundle.entry');
  const entries = bundle.entry as Entry[];
  const documents = entries.filter((e) => e?.resource?.resourceType === 'DocumentReference').length;
  if (documents > MAX_TRANSACTION_DOCUMENTS) throw bad(`Au plus ${MAX_TRANSACTION_DOCUMENTS} documents par transaction.`, 'Bundle.entry', 400, 'too-costly');

  const binaries = new Map<string, InlineBinary>();
  const plan: TransactionPlan = { size: entries.length, deposits: [], binaries: [], usedBy: new Map() };
  for (const [index, e] of entries.entries()) {
    const at = `Bundle.entry[${index}]`;
    const type = e?.resource?.resourceType;
    if (type !== 'DocumentReference' && type !== 'Binary') throw bad('Une transaction ne contient que des DocumentReference et des Binary.', `${at}.resource`, 400, 'not-supported');
    if (e.request?.method !== 'POST' || e.request.url !== type) throw bad(`Chaque entrée est une création : request { method: POST, url: ${type} }.`, `${at}.request`, 400, 'not-supported');
    if (type === 'Binary') {
      if (typeof e.fullUrl !== 'string' || !e.fullUrl) throw bad('Une entrée Binary a un fullUrl (urn:uuid:…) que la DocumentReference désigne.', `${at}.fullUrl`);
      const r = e.resource!;
      binaries.set(e.fullUrl, { contentType: typeof r.contentType === 'string' ? r.contentType : undefined, data: typeof r.data === 'string' ? r.data : undefined });
      plan.binaries.push({ index, fullUrl: e.fullUrl });
    }
  }

  for (const [index, e] of entries.entries()) {
    const attachment = (e.resource as { content?: { attachment?: { url?: unknown; data?: unknown } }[] }).content?.[0]?.attachment;
    if (typeof attachment?.url === 'string' && attachment.data === undefined && binaries.has(attachment.url)) plan.usedBy.set(attachment.url, index);
  }
  const issues: Issue[] = [];
  for (const b of plan.binaries) {
    if (!plan.usedBy.has(b.fullUrl)) {
      issues.push({ code: 'invalid', diagnostics: 'Cette entrée Binary n’est le contenu d’aucune DocumentReference du Bundle.', expression: `Bundle.entry[${b.index}]` });
    }
  }
  for (const [index, e] of entries.entries()) {
    if (e.resource?.resourceType !== 'DocumentReference') continue;
    try {
      plan.deposits.push({ index, request: await depositFromResource(e.resource, `Bundle.entry[${index}].resource`, binaries) });
    } catch (error) {
      if (!(error instanceof FhirRequestError)) throw error;
      issues.push(...error.issues);
    }
  }
  if (issues.length) throw new FhirRequestError(422, issues);
  return plan;
}

/** A deposit of the transaction failed after `done` were made: the error, and what stays deposited. */
export class TransactionInterrupted extends Error {
  constructor(readonly index: number, readonly error: unknown, readonly done: readonly { index: number; location: string }[]) {
    super(`transaction interrupted at entry ${index}`);
  }
}

/**
 * Runs a checked plan, one deposit after another, each through the use case (its own transaction,
 * trace and notification). NOT ATOMIC: the use cases commit one by one and a file, once stored, is not
 * rolled back, so a business refusal met at entry k (access refused, VIS-10 on this profile, unique id
 * taken...) leaves entries before k deposited. TransactionInterrupted then names them; resubmitting the
 * same Bundle is safe when entries carry a masterIdentifier (DOC-12 returns the existing documents).
 */
export async function runTransaction(db: Db, actor: ProfessionalActor, plan: TransactionPlan, now: Date): Promise<TransactionResult[]> {
  const byIndex = new Map<number, TransactionResult>();
  const done: { index: number; location: string }[] = [];
  for (const { index, request } of plan.deposits) {
    try {
      const { documentId, created } = await submitDeposit(db, actor, request, now);
      byIndex.set(index, { status: created ? '201 Created' : '200 OK', location: `DocumentReference/${documentId}` });
      done.push({ index, location: `DocumentReference/${documentId}` });
    } catch (error) {
      throw new TransactionInterrupted(index, error, done);
    }
  }
  for (const b of plan.binaries) {
    const doc = byIndex.get(plan.usedBy.get(b.fullUrl)!)!;
    byIndex.set(b.index, { status: doc.status, location: doc.location.replace(/^DocumentReference\//, 'Binary/') });
  }
  return Array.from({ length: plan.size }, (_, i) => byIndex.get(i)!);
}
