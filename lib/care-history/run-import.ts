import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { inferSchema, initParser } from 'udsv';
import { sql } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import { poolOf, type Db } from '@/db/client';
import { copyLine } from '@/lib/population/copy-text';
import { CLAIM_COLUMNS, OPTIONAL_CLAIM_COLUMNS, checkClaim, type RawClaim } from './claim-rules';

type Rejection = { line: number; column: string; reason: string };
const PROGRESS_EVERY = 50_000;
const REJECTIONS_BATCH = 5_000;
const STAGING_COLUMNS = 'import_id, line_no, claim_line_id, nir, care_date, category, label, prescriber_specialty, confidential, dispenser_finess';
const REQUIRED = CLAIM_COLUMNS.filter((c) => !OPTIONAL_CLAIM_COLUMNS.includes(c));

class MissingColumnsError extends Error {
  constructor(columns: string[]) {
    super(`Colonnes obligatoires absentes de l’en-tête : ${columns.join(', ')}. Voir le fichier d’exemple.`);
  }
}

/**
 * HIS-1, HIS-3, HIS-6: loads one uploaded reimbursement feed. Streamed parse (uDSV), checked line by
 * line (claim-rules.ts), accepted lines COPYed into the unlogged staging table, then set-based checks
 * and ONE insert into `care_episodes` joined to `profiles` by NIR (`on conflict (claim_line_id) do
 * nothing`: re-importing changes nothing). The staging rows and the uploaded file are removed at the
 * end of every run, so a minor's confidential act never stays anywhere (HIS-6).
 * Idempotent: a crashed run restarts from scratch, a finished one is skipped.
 */
export async function runCareHistoryImport(db: Db, importId: string, today: string): Promise<'done' | 'skipped' | 'failed'> {
  const claimed = await db.updateTable('care_history_imports').set({ status: 'RUNNING', started_at: new Date(), error: null })
    .where('id', '=', importId).where('status', 'in', ['RECEIVED', 'RUNNING']).returningAll().executeTakeFirst();
  if (!claimed) return 'skipped';
  const file = claimed.stored_path;
  await sql`delete from care_history_staging where import_id = ${importId}`.execute(db);
  await db.deleteFrom('care_history_import_rejections').where('import_id', '=', importId).execute();

  const rejections: Rejection[] = [];
  const flushRejections = async () => {
    if (!rejections.length) return;
    const batch = rejections.splice(0, rejections.length);
    await sql`insert into care_history_import_rejections (import_id, line_no, column_name, reason)
      select ${importId}, * from unnest(${batch.map((r) => r.line)}::int[], ${batch.map((r) => r.column)}::text[], ${batch.map((r) => r.reason)}::text[])`.execute(db);
  };
  let linesRead = 0;
  let reported = 0;

  async function* copyRows() {
    let header: Map<string, number> | undefined;
    let parser: ReturnType<typeof initParser> | undefined;
    let line = 1; // the header is line 1
    let out: string[] = [];
    const onRow = (fields: string[]) => {
      if (!header) return;
      line++;
      if (fields.length === 1 && fields[0] === '') return; // blank line
      linesRead++;
      const record: RawClaim = {};
      for (const [name, index] of header) record[name as keyof RawClaim] = fields[index];
      const { line: claim, problems } = checkClaim(record, today);
      if (claim) {
        out.push(copyLine([importId, line, claim.claimLineId, claim.nir, claim.careDate, claim.category, claim.label,
          claim.prescriberSpecialty, claim.confidential, claim.dispenserFiness]));
      } else {
        for (const p of problems) rejections.push({ line, column: p.column, reason: p.reason });
      }
      // A quoted field may span lines: keep the reported line numbers those of the file.
      for (const f of fields) if (f.includes('\n')) line += f.split('\n').length - 1;
    };
    for await (const piece of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
      let chunk = piece as string;
      if (!parser) {
        if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
        const firstLine = chunk.slice(0, chunk.indexOf('\n') + 1 || undefined);
        const schema = inferSchema(firstLine.includes('\n') ? firstLine : `${firstLine}\n`, { col: firstLine.includes(';') ? ';' : ',', trim: true });
        schema.cols.forEach((c) => { c.type = 's'; });
        const names = schema.cols.map((c) => c.name.trim().toLowerCase());
        const missing = REQUIRED.filter((c) => !names.includes(c));
        if (missing.length) throw new MissingColumnsError(missing);
        header = new Map(CLAIM_COLUMNS.filter((c) => names.includes(c)).map((c) => [c, names.indexOf(c)]));
        parser = initParser(schema); // it skips the header line of the first chunk itself
      }
      parser.chunk<string[]>(chunk, parser.stringArrs, onRow);
      if (out.length) { yield out.join(''); out = []; }
      if (rejections.length >= REJECTIONS_BATCH) await flushRejections();
      if (linesRead - reported >= PROGRESS_EVERY) {
        reported = linesRead;
        await db.updateTable('care_history_imports').set({ lines_read: linesRead }).where('id', '=', importId).execute();
      }
    }
    parser?.end(); // the last line may lack its newline
    if (out.length) yield out.join('');
  }

  const client = await poolOf(db).connect();
  try {
    await pipeline(Readable.from(copyRows()), client.query(copyFrom(`copy care_history_staging (${STAGING_COLUMNS}) from stdin`)));
  } catch (error) {
    client.release();
    const message = error instanceof MissingColumnsError ? error.message : `Fichier illisible : ${(error as Error).message}`;
    await sql`delete from care_history_staging where import_id = ${importId}`.execute(db);
    await db.updateTable('care_history_imports').set({ status: 'FAILED', error: message, lines_read: linesRead, finished_at: new Date() })
      .where('id', '=', importId).execute();
    await rm(file, { force: true });
    return 'failed';
  }
  client.release();
  await flushRejections();
  await mergeStaging(db, importId, linesRead);
  await rm(file, { force: true }); // HIS-6: the feed holds confidential acts of minors; only episodes stay
  return 'done';
}

/** REP-8's 18th birthday as SQL (29 Feb → 1 Mar in non-leap years), as `isMinorOn` computes it. */
const EIGHTEENTH_BIRTHDAY = sql`(make_date(extract(year from p.birth_date)::int + 18, extract(month from p.birth_date)::int, 1)
  + (extract(day from p.birth_date)::int - 1))`;
const OPEN_STATES = ['CREATED', 'ACTIVE', 'SUSPENDED'];

/** Set-based end of the import: file duplicates and unknown NIRs reported, HIS-6 applied, one insert. */
async function mergeStaging(db: Db, importId: string, linesRead: number): Promise<void> {
  await sql`analyze care_history_staging`.execute(db);
  await db.transaction().execute(async (trx) => {
    await sql`set local work_mem = '256MB'`.execute(trx);
    // The same claim line twice in one file: the first wins. Lines of no profile, or of a profile that
    // receives nothing in its state (ACC-3: only CREATED, ACTIVE and SUSPENDED are fed).
    await sql`
      insert into care_history_import_rejections (import_id, line_no, column_name, reason)
      select ${importId}::uuid, line_no, 'identifiant_ligne', 'Identifiant de ligne en double dans le fichier (déjà présent ligne ' || first_line || ').'
      from (select line_no, min(line_no) over (partition by claim_line_id collate "C") as first_line
        from care_history_staging where import_id = ${importId}) d
      where line_no <> first_line
      union all
      select ${importId}, s.line_no, 'nir', case
          when p.id is null then 'NIR inconnu : aucun profil Mon espace santé pour ce bénéficiaire.'
          else 'Profil ' || case p.state when 'PENDING' then 'pas encore créé (période d’opposition en cours)'
            when 'OPPOSED' then 'non créé (opposition)' when 'CLOSED' then 'fermé' when 'DELETION_REQUESTED' then 'fermé, suppression demandée'
            else 'indisponible' end || ' : il ne reçoit pas de données de remboursement.' end
      from care_history_staging s left join profiles p on p.nir = s.nir
      where s.import_id = ${importId} and (p.id is null or p.state <> all(${OPEN_STATES}::text[]))`.execute(trx);
    const counts = await sql<{ accepted: number; withheld: number; inserted: number }>`
      with eligible as (
        select s.claim_line_id, s.care_date, s.category, s.label, s.prescriber_specialty, s.dispenser_finess, p.id as profile_id,
          -- HIS-6: a confidential act of a beneficiary who was a minor on the day of care is never stored.
          (s.confidential and s.care_date < ${EIGHTEENTH_BIRTHDAY}) as withheld
        from care_history_staging s join profiles p on p.nir = s.nir and p.state = any(${OPEN_STATES}::text[])
        where s.import_id = ${importId}
          and not exists (select 1 from care_history_import_rejections r where r.import_id = ${importId} and r.line_no = s.line_no)
      ),
      -- HIS-6 again: a line an earlier feed brought is removed once the fund flags it confidential.
      removed as (
        delete from care_episodes e using eligible w
        where w.withheld and e.claim_line_id = w.claim_line_id and e.profile_id = w.profile_id returning 1
      ),
      inserted as (
        insert into care_episodes (profile_id, claim_line_id, care_date, category, label, prescriber_specialty, dispenser_finess, import_id)
        select profile_id, claim_line_id, care_date, category, label, prescriber_specialty, dispenser_finess, ${importId}::uuid
        from eligible where not withheld
        order by claim_line_id
        on conflict (claim_line_id) do nothing
        returning 1
      )
      select (select count(*) from eligible)::int as accepted, (select count(*) from eligible where withheld)::int as withheld,
        (select count(*) from inserted)::int as inserted, (select count(*) from removed)::int as removed`.execute(trx);
    const c = counts.rows[0]!;
    const rejected = await trx.selectFrom('care_history_import_rejections').select(sql<number>`count(distinct line_no)::int`.as('n'))
      .where('import_id', '=', importId).executeTakeFirstOrThrow();
    await sql`delete from care_history_staging where import_id = ${importId}`.execute(trx);
    await trx.updateTable('care_history_imports').set({
      status: 'DONE', lines_read: linesRead, accepted: c.accepted, inserted: c.inserted, withheld: c.withheld,
      already_known: c.accepted - c.withheld - c.inserted, rejected: rejected.n, finished_at: new Date(),
    }).where('id', '=', importId).execute();
  });
}
