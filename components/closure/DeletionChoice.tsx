import { Checkbox } from '@/components/ui';

/** CLO-5, CLO-7: the optional deletion request, with its deadlines and how re-activation cancels it. */
export function DeletionChoice({ label, id = 'deleteData', defaultChecked, hint }: { label: string; id?: string; defaultChecked?: boolean; hint?: string }) {
  return (
    <Checkbox name="deleteData" id={id} value="oui" defaultChecked={defaultChecked} label={label}
      hint={hint ?? 'Les données seront supprimées définitivement dans les 30 jours, au plus tard sous 3 mois. Réactiver le profil avant la suppression annule la demande.'} />
  );
}
