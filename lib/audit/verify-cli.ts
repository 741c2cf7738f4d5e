import { closeDb, getDb } from '@/db/client';
import { verifyChains } from './verify-chains';

// `npm run audit:verify`: exit 1 when any trace was edited, deleted or re-ordered.
const { checked, breaks } = await verifyChains(getDb());
await closeDb();
if (breaks.length === 0) {
  console.log(`Traces vérifiées : ${checked}, chaîne intacte.`);
} else {
  for (const b of breaks) console.error(`Trace ${b.id} (chaîne ${b.chainKey}) : ${b.problem === 'hash' ? 'contenu modifié' : 'chaînage rompu'}`);
  console.error(`${breaks.length} chaîne(s) altérée(s) sur ${checked} traces.`);
  process.exit(1);
}
