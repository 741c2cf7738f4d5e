/** A stored reading as the rules see it. */
export type Reading = { value: number; effectiveAt: Date };

/**
 * MEA-3: IMC = weight (kg) / height (m)², to 1 decimal, from the latest weight and the latest height;
 * none if either is missing. Dated by the more recent of the two readings.
 */
export function computeBmi(latestWeight: Reading | undefined, latestHeight: Reading | undefined): Reading | undefined {
  if (!latestWeight || !latestHeight || latestHeight.value <= 0) return undefined;
  const metres = latestHeight.value / 100;
  const value = Math.round((latestWeight.value / (metres * metres)) * 10) / 10;
  const effectiveAt = latestWeight.effectiveAt > latestHeight.effectiveAt ? latestWeight.effectiveAt : latestHeight.effectiveAt;
  return { value, effectiveAt };
}

/** MEA-3: under 18 the IMC is read on growth curves, not against adult thresholds. */
export function isMinorOn(birthDate: string, parisDay: string): boolean {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const adultOn = `${y + 18}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return parisDay < adultOn;
}
