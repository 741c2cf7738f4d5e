/** What the campaign page says after an action redirected back to it (`?fait=…`). */
export const DONE_MESSAGES = {
  creee: 'Campagne créée. Vérifiez les cibles, puis lancez-la ou programmez-la.',
  start: 'La campagne est lancée : les avis partent par courriel et les courriers sont préparés par lots.',
  schedule: 'La campagne est programmée ; elle démarrera seule à l’heure choisie.',
  pause: 'La campagne est en pause : aucun nouvel avis ne part.',
  resume: 'La campagne reprend.',
  cancel: 'La campagne est annulée : les personnes qui n’avaient pas encore reçu d’avis n’en recevront pas.',
  retry: 'Les envois en échec sont relancés.',
  depose: 'Le lot est déclaré déposé à La Poste ; son fichier, qui contenait les codes, est supprimé.',
} as const;

export type DoneKey = keyof typeof DONE_MESSAGES;
export const isDoneKey = (value: string | undefined): value is DoneKey => !!value && Object.hasOwn(DONE_MESSAGES, value);
