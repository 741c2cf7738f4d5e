import { config } from '@/lib/config';
import type { PushProvider, SmsProvider } from './provider';
import { sinkPushProvider, sinkSmsProvider } from './sink';

export type { PushProvider, SendContext, SmsProvider } from './provider';

/**
 * The providers by name, selected by `SMS_PROVIDER` / `PUSH_PROVIDER` (default `sink`). To plug a real
 * operator: write `lib/notifications/channels/<operator>.ts` exporting a `SmsProvider` (credentials from
 * its own env variables, read through lib/config), add it here under its name, and add that name to the
 * SMS_PROVIDER enum in lib/config. No operator can be reached from this environment, hence only the sink.
 */
const SMS_PROVIDERS: Record<string, () => SmsProvider> = { sink: () => sinkSmsProvider };
const PUSH_PROVIDERS: Record<string, () => PushProvider> = { sink: () => sinkPushProvider };

export type ChannelProviders = { sms: SmsProvider; push: PushProvider };

export function createChannelProviders(): ChannelProviders {
  const { SMS_PROVIDER, PUSH_PROVIDER } = config();
  const sms = SMS_PROVIDERS[SMS_PROVIDER];
  const push = PUSH_PROVIDERS[PUSH_PROVIDER];
  if (!sms) throw new Error(`SMS_PROVIDER inconnu : ${SMS_PROVIDER}`);
  if (!push) throw new Error(`PUSH_PROVIDER inconnu : ${PUSH_PROVIDER}`);
  return { sms: sms(), push: push() };
}
