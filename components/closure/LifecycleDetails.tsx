import type { ReactNode } from 'react';
import { Badge } from '@/components/ui';
import { STATE_LABELS_FR } from '@/lib/accounts/lifecycle';
import type { LifecycleSummary } from '@/lib/closure/lifecycle-summary';
import { CLOSURE_REASONS, dayFr, momentFr } from './labels';

const closedStates = new Set(['CLOSED', 'DELETION_REQUESTED', 'PURGED']);

/** BO-6: the profile's state with the dates and reasons of its closure, deletion request and suspension. */
export function LifecycleDetails({ p }: { p: LifecycleSummary }) {
  const rows: [string, ReactNode][] = [
    ['État du profil', <Badge key="state" variant={p.state === 'ACTIVE' || p.state === 'CREATED' ? 'info' : 'warning'}>{STATE_LABELS_FR[p.state]}</Badge>],
    ['Depuis le', momentFr(p.stateChangedAt)],
  ];
  if (p.state === 'SUSPENDED') {
    if (p.suspendedAt) rows.push(['Suspendu le', momentFr(p.suspendedAt)]);
    rows.push(['Motif de la suspension', p.suspensionReason ?? 'non précisé']);
    if (p.suspensionDeadline) rows.push(['Date limite de contestation', `${dayFr(p.suspensionDeadline)} inclus`]);
    rows.push(['Contestation', p.suspensionObjectedAt ? `enregistrée le ${momentFr(p.suspensionObjectedAt)} : fermeture automatique arrêtée` : 'aucune pour le moment']);
  }
  if (closedStates.has(p.state) && p.closedAt) {
    rows.push(['Fermé le', momentFr(p.closedAt)]);
    if (p.closureReason) rows.push(['Motif de la fermeture', CLOSURE_REASONS[p.closureReason]]);
    if (p.archiveEndsOn && p.state === 'CLOSED') rows.push(['Données archivées jusqu’au', dayFr(p.archiveEndsOn)]);
  }
  if (p.state === 'DELETION_REQUESTED' && p.deletionRequestedAt) {
    rows.push(['Suppression demandée le', momentFr(p.deletionRequestedAt)]);
    if (p.purgeDueOn) rows.push(['Suppression prévue le', dayFr(p.purgeDueOn)]);
    if (p.deletionAlertOn) rows.push(['Alerte si non faite le', dayFr(p.deletionAlertOn)]);
  }
  return (
    <dl className="grid max-w-3xl grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
      {rows.map(([term, value]) => [<dt key={`t-${term}`} className="font-semibold">{term}</dt>, <dd key={`d-${term}`}>{value}</dd>])}
    </dl>
  );
}
