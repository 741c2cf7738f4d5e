import type { ChildProcess } from 'node:child_process';

/**
 * The worker processes a test starts, killed (SIGKILL) at the end of each test: a live worker would serve
 * the next test's campaign.
 */
export function childProcesses() {
  const children: ChildProcess[] = [];
  const killAll = async (): Promise<void> => {
    await Promise.all(children.splice(0).filter((c) => c.exitCode === null && c.signalCode === null)
      .map((c) => new Promise<void>((resolve) => { c.once('exit', () => resolve()); c.kill('SIGKILL'); })));
  };
  return { children, killAll };
}
