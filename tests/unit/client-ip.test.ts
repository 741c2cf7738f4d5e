import { describe, expect, test } from 'vitest';
import { clientIp } from '@/lib/auth/ip-limit';

describe('ACT-5 per IP: which address is counted', () => {
  test('the last X-Forwarded-For entry (appended by our proxy) is counted, not a forged first one', () => {
    expect(clientIp(new Headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7' }))).toBe('203.0.113.7');
  });
  test('X-Real-IP is used when there is no X-Forwarded-For, else all direct requests share one bucket', () => {
    expect(clientIp(new Headers({ 'x-real-ip': '198.51.100.2' }))).toBe('198.51.100.2');
    expect(clientIp(new Headers())).toBe('direct');
  });
});
