// First focusable elements of every page (RGAA 12.7): hidden until focused, then shown on top.
const links = [
  { href: '#contenu', label: 'Aller au contenu' },
  { href: '#pied-de-page', label: 'Aller au pied de page' },
] as const;

export function SkipLinks() {
  return (
    <nav aria-label="Accès rapide">
      <ul>
        {links.map((link) => (
          <li key={link.href}>
            <a
              href={link.href}
              className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:inline-flex focus:min-h-11 focus:items-center focus:rounded-md focus:bg-white focus:px-4 focus:py-2 focus:font-semibold focus:shadow-lg"
            >
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
