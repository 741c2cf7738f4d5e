/**
 * BENCHMARKS ONLY. The DocumentReference search may skip its audit trace (listPatientDocuments'
 * `skipTrace`) when the request carries `X-Bench-Skip-Audit: 1` AND the server process was started with
 * `MES_BENCH_MODE=1`, to measure the read path alone. Never set MES_BENCH_MODE in a normal run: AUD-1
 * wants every read traced, and without the variable the header is ignored.
 */
export const benchSkipAudit = (headers: Headers, env: Record<string, string | undefined> = process.env): boolean =>
  env.MES_BENCH_MODE === '1' && headers.get('x-bench-skip-audit') === '1';
