import type { R4 } from '@ahryman40k/ts-fhir-types';

export type BundleEntry = { fullUrl: string; resource: R4.IResourceList };

/**
 * A search answer; pure. `total` is the number of matches this professional may see (what the policy
 * refuses is never counted); `next` is the URL of the following page (opaque cursor) when there is one.
 */
export function searchset(args: { self: string; next?: string; total?: number; entries: readonly BundleEntry[] }): R4.IBundle {
  return {
    resourceType: 'Bundle',
    type: 'searchset' as R4.BundleTypeKind,
    ...(args.total !== undefined ? { total: args.total } : {}),
    link: [{ relation: 'self', url: args.self }, ...(args.next ? [{ relation: 'next', url: args.next }] : [])],
    entry: args.entries.map((e) => ({ fullUrl: e.fullUrl, resource: e.resource, search: { mode: 'match' as R4.Bundle_SearchModeKind } })),
  };
}

export type TransactionResult = { status: '200 OK' | '201 Created'; location: string };

/** The answer to a transaction: one entry per request entry, in the same order; pure. */
export function transactionResponse(results: readonly TransactionResult[]): R4.IBundle {
  return {
    resourceType: 'Bundle',
    type: 'transaction-response' as R4.BundleTypeKind,
    entry: results.map((r) => ({ response: { status: r.status, location: r.location } })),
  };
}
