import { REPLY_OPTIONS } from '@/lib/messaging/rules';

/** MSG-4: the reply option a professional sets on each message (« Le patient peut répondre » first). */
export function ReplyOptions() {
  return (
    <fieldset>
      <legend className="font-semibold">Réponse du patient</legend>
      {Object.entries(REPLY_OPTIONS).map(([value, label], i) => (
        <label key={value} className="mr-4 inline-flex items-center gap-1">
          <input type="radio" name="reponse" value={value} defaultChecked={i === 0} /> {label}
        </label>
      ))}
    </fieldset>
  );
}
