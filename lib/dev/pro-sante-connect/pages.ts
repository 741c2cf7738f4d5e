// French, accessible HTML pages of the local Pro Santé Connect provider
// (login form, error and logout pages). No JavaScript, no external assets.

import { PROFESSIONALS, DEMO_PASSWORD, type Professional } from './professionals';

export function escapeHtml(value: unknown): string {
  return String(value)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

// Colours checked for WCAG AA contrast on white (#161616 ≈ 18:1, #000091 ≈ 15:1,
// #ce0500 ≈ 5.9:1, #3a3a3a ≈ 11:1).
const STYLES = `
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;color:#161616;background:#fff;line-height:1.5}
main{max-width:28rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.5rem;color:#000091}
.badge{display:inline-block;padding:0 .5rem;border:1px solid #3a3a3a;color:#3a3a3a;font-size:.875rem}
label{display:block;font-weight:600;margin-top:1rem}
input{display:block;width:100%;box-sizing:border-box;font-size:1rem;padding:.5rem;margin-top:.25rem;border:1px solid #3a3a3a;border-radius:.25rem}
input[aria-invalid=true]{border:2px solid #ce0500}
button{margin-top:1.5rem;font-size:1rem;padding:.625rem 1.25rem;border:0;border-radius:.25rem;background:#000091;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#000091;border:1px solid #000091;margin-left:.5rem}
:focus-visible{outline:3px solid #0a76f6;outline-offset:2px}
.error{color:#ce0500;font-weight:600}
.hint{margin-top:2rem;padding:1rem;background:#f6f6f6;color:#3a3a3a}
code{font-size:.95em}
`;

export function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLES}</style>
</head>
<body>
<main>
<p class="badge">Environnement local de démonstration</p>
${body}
</main>
</body>
</html>`;
}

export interface LoginPageInput {
  uid: string;
  clientName: string;
  rpps?: string;
  error?: string;
}

/** PRO-2, EMG-3: name the facility or the regulation centre, where the account acts for one. */
function siteHint(pro: Professional): string {
  const site = pro.activites.find((a) => a.numeroFinessEtablissement || a.codeSecteurActivite);
  return site ? ` (${site.raisonSocialeSite})` : ` (${pro.city})`;
}

function demoAccountsHint(): string {
  const items = PROFESSIONALS.map(
    (pro) =>
      `<li><code>${pro.rpps}</code> — ${escapeHtml(`${pro.givenName} ${pro.familyName}`)}, ${escapeHtml(
        pro.libelleSavoirFaire || pro.libelleProfession,
      )}${escapeHtml(siteHint(pro))}</li>`,
  ).join('');
  return `<section class="hint" aria-labelledby="demo-accounts">
<h2 id="demo-accounts">Comptes de démonstration</h2>
<p>Mot de passe commun : <code>${DEMO_PASSWORD}</code></p>
<ul>${items}</ul>
</section>`;
}

export function loginPage({ uid, clientName, rpps = '', error }: LoginPageInput): string {
  const invalid = error ? ' aria-invalid="true" aria-describedby="login-error"' : '';
  const errorBlock = error ? `<p id="login-error" class="error" role="alert">${escapeHtml(error)}</p>` : '';
  const title = `${error ? 'Erreur : ' : ''}Connexion — Pro Santé Connect (local)`;
  return layout(
    title,
    `<h1>Pro Santé Connect — environnement local</h1>
<p>Connectez-vous pour accéder à <strong>${escapeHtml(clientName)}</strong>.</p>
${errorBlock}
<form method="post" action="/interaction/${encodeURIComponent(uid)}/login" novalidate>
<label for="rpps">Identifiant RPPS</label>
<input id="rpps" name="rpps" type="text" inputmode="numeric" autocomplete="username" required value="${escapeHtml(rpps)}"${invalid}>
<label for="password">Mot de passe</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${invalid}>
<button type="submit">Se connecter</button>
</form>
${demoAccountsHint()}`,
  );
}

export function errorPage(details: Record<string, string>): string {
  const lines = Object.entries(details)
    .map(([key, value]) => `<dt>${escapeHtml(key)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('');
  return layout(
    'Erreur — Pro Santé Connect (local)',
    `<h1>Une erreur est survenue</h1>
<p>La demande d’authentification n’a pas pu aboutir. Revenez au service et réessayez.</p>
<dl>${lines}</dl>`,
  );
}

/** `form` is oidc-provider's hidden logout form (id "op.logoutForm", with its xsrf token). */
export function logoutPage(form: string, host: string): string {
  return layout(
    'Déconnexion — Pro Santé Connect (local)',
    `<h1>Voulez-vous vous déconnecter de ${escapeHtml(host)} ?</h1>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">Oui, me déconnecter</button>
<button type="submit" form="op.logoutForm" class="secondary">Non, rester connecté</button>`,
  );
}

export function logoutSuccessPage(clientName?: string): string {
  const from = clientName ? ` de ${escapeHtml(clientName)}` : '';
  return layout(
    'Déconnexion réussie — Pro Santé Connect (local)',
    `<h1>Déconnexion réussie</h1>
<p>Vous êtes déconnecté${from}.</p>`,
  );
}
