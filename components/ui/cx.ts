// Tiny class-name joiner: avoids a dependency for conditional Tailwind classes.
export function cx(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(' ');
}
