import pino from 'pino';

/** One logger. Never log a NIR, a code, an OTP or document content (ID-10, DESIGN.md). */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  redact: { paths: ['nir', '*.nir', 'code', '*.code', 'otp', '*.otp', 'password', '*.password'], censor: '[masqué]' },
});
