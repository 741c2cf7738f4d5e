import type { ReactNode } from 'react';

export type PageTitleProps = {
  title: ReactNode;
  lead?: ReactNode;
  /** Optional actions (buttons, links) shown under the lead. */
  children?: ReactNode;
};

/** The page's single <h1> (RGAA 9.1) and an optional introduction. */
export function PageTitle({ title, lead, children }: PageTitleProps) {
  return (
    <div className="mb-8">
      <h1 className="text-3xl font-bold text-primary-900 md:text-4xl">{title}</h1>
      {lead && <p className="mt-3 max-w-3xl text-lg text-muted">{lead}</p>}
      {children && <div className="mt-4 flex flex-wrap gap-3">{children}</div>}
    </div>
  );
}
