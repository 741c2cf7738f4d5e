import { PREVIEWABLE } from '@/lib/documents/file-rules';

/**
 * DOC-3: PDF and text in a frame, images as an image; other formats are download-only. The frame
 * loads the decrypted file from ./contenu (the only path allowed to be framed, by this site only).
 */
export function DocumentPreview({ documentId, title, mime }: { documentId: string; title: string; mime: string }) {
  const src = `/espace/documents/${documentId}/contenu`;
  if (!PREVIEWABLE.has(mime)) {
    return <p className="mb-4">Ce format ne peut pas être affiché dans la page : téléchargez le document pour l’ouvrir.</p>;
  }
  return (
    <figure className="mb-4">
      {mime.startsWith('image/') ? (
        // eslint-disable-next-line @next/next/no-img-element -- a private, decrypted file: no image optimisation
        <img src={src} alt={`Aperçu du document « ${title} »`} className="max-h-[80vh] max-w-full rounded-lg border border-border" />
      ) : (
        <iframe src={src} title={`Aperçu du document « ${title} »`} className="h-[80vh] w-full rounded-lg border border-border bg-white" />
      )}
      <figcaption className="mt-2 text-sm text-muted">Aperçu du document</figcaption>
    </figure>
  );
}
