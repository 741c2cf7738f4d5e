/** NOT-1: one box of the switches table; `field` is the form field of its channel, `how` ends its accessible name. */
export function ChannelBox({ field, how, kind, label, on }: { field: string; how: string; kind: string; label: string; on: boolean }) {
  return (
    <span className="flex items-center gap-2">
      <input type="checkbox" id={`${field}-${kind}`} name={field} value={kind} defaultChecked={on} className="size-6 shrink-0 accent-primary-700" />
      <label htmlFor={`${field}-${kind}`}>
        <span className="sr-only">{label} : </span>Recevoir<span className="sr-only"> {how}</span>
      </label>
    </span>
  );
}
