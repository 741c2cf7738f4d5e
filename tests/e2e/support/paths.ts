import path from 'node:path';

export const TMP_DIR = path.join(process.cwd(), 'tests', '.tmp');
export const MAIL_DIR = path.join(TMP_DIR, 'mail');
export const E2E_STATE_FILE = path.join(TMP_DIR, 'e2e-state.json');
