/** Step cookies of the web opposition: the identity (sealed, 20 min) and the receipts just issued (1 h). */
export const IDENTITY_COOKIE = 'mes_opposition';
export const RECEIPTS_COOKIE = 'mes_recepisses';
