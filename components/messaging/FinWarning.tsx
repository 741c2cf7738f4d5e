'use client';
import { useId, useState, type ReactNode } from 'react';
import { finOf, finWarning } from '@/lib/messaging/rules';

/**
 * MSG-8: the professional's subject and body fields, with the `[FIN]` warning shown live (a polite live
 * region) before sending. The server applies the same rule (lib/messaging/rules.ts).
 */
export function FinAwareFields({ subjectDefault = '', children }: { subjectDefault?: string; children?: ReactNode }) {
  const id = useId();
  const [subject, setSubject] = useState(subjectDefault);
  const [body, setBody] = useState('');
  const [files, setFiles] = useState(0);
  const warning = finWarning(finOf({ subject, bodyHtmlOrText: body, attachments: files }));
  return (
    <div className="space-y-4">
      <div>
        <label htmlFor={`${id}-sujet`} className="block font-semibold">Objet</label>
        <input id={`${id}-sujet`} name="sujet" required maxLength={200} value={subject} onChange={(e) => setSubject(e.target.value)}
          className="mt-1 w-full rounded border border-border p-2" aria-describedby={`${id}-aide`} />
        <p id={`${id}-aide`} className="text-sm">Ajoutez « [FIN] » à l’objet pour clore la conversation.</p>
      </div>
      <div>
        <label htmlFor={`${id}-message`} className="block font-semibold">Message</label>
        <textarea id={`${id}-message`} name="message" rows={6} maxLength={10000} value={body} onChange={(e) => setBody(e.target.value)}
          className="mt-1 w-full rounded border border-border p-2" />
      </div>
      <div>
        <label htmlFor={`${id}-pieces`} className="block font-semibold">Pièces jointes (10 Mo au total ; PDF, TXT, RTF, JPEG, PNG, TIFF)</label>
        <input id={`${id}-pieces`} name="pieces" type="file" multiple accept=".pdf,.txt,.rtf,.jpg,.jpeg,.png,.tif,.tiff"
          onChange={(e) => setFiles(e.target.files?.length ?? 0)} className="mt-1" />
      </div>
      {children}
      <div role="status" aria-live="polite">
        {warning && <p className="rounded border-l-4 border-warning-700 bg-warning-50 p-3 font-semibold">{warning}</p>}
      </div>
    </div>
  );
}
