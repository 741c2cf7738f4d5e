import type { Migration } from 'kysely';
import * as m202611281800 from './202611281800_foundation';
import * as m202611281900 from './202611281900_population';
import * as m202611282000 from './202611282000_window_close';
import * as m202611282030 from './202611282030_oppositions';
import * as m202611290900 from './202611290900_campaigns';
import * as m202611291000 from './202611291000_representatives';
import * as m202611291100 from './202611291100_closure';
import * as m202611291200 from './202611291200_identity';
import * as m202611291300 from './202611291300_heirs_merges';
import * as m202611291400 from './202611291400_trace_chain_lookup';
import * as m202611291410 from './202611291410_population_staging';
import * as m202611291500 from './202611291500_documents';
import * as m202611291510 from './202611291510_measures';
import * as m202611291520 from './202611291520_privacy';
import * as m202611291600 from './202611291600_care_history';
import * as m202611291610 from './202611291610_notifications';
import * as m202611291620 from './202611291620_medical_profile';
import * as m202611291630 from './202611291630_history_filters';
import * as m202611291640 from './202611291640_exports';
import * as m202611291700 from './202611291700_measure_extraction';
import * as m202611291710 from './202611291710_episode_copies_directives_review';
import * as m202611291730 from './202611291730_service_consents';
import * as m202611291740 from './202611291740_documents_order';
import * as m202611291800 from './202611291800_access_matrix';
import * as m202611291900 from './202611291900_professional_access';
import * as m202611291910 from './202611291910_professional_messages';
import * as m202611291920 from './202611291920_professional_list';
import * as m202611291930 from './202611291930_append_trace';
import * as m202611291940 from './202611291940_actor_traces';
import * as m202611292000 from './202611292000_messaging';
import * as m202611292010 from './202611292010_notification_channels';
import * as m202611292020 from './202611292020_agenda';
import * as m202611292030 from './202611292030_prevention_calendars';
import * as m202611292040 from './202611292040_messaging_more';
import * as m202611292050 from './202611292050_prevention_campaigns';
import * as m202611292060 from './202611292060_pharmacies';
import * as m202611292100 from './202611292100_prevention_delivery';
import * as m202611292080 from './202611292080_prevention_questionnaires';
import * as m202611292070 from './202611292070_messaging_organisations';
import * as m202611292090 from './202611292090_reference_texts';
import * as m202611292140 from './202611292140_prevention_fanout';
import * as m202611292120 from './202611292120_assisted_visits';
import * as m202611292110 from './202611292110_advisor_accounts';
import * as m202611292130 from './202611292130_aidants';
import * as m202611292150 from './202611292150_contact_changes';
import * as m202611292160 from './202611292160_account_password_changes';
import * as m202611292180 from './202611292180_visit_closure';
import * as m202611292190 from './202611292190_france_services_sites';
import * as m202611292200 from './202611292200_password_reset';

/** Every migration, by name. Forward-only: a landed migration is never edited, only followed. */
export const migrations: Record<string, Migration> = {
  '202611281800_foundation': m202611281800,
  '202611281900_population': m202611281900,
  '202611282000_window_close': m202611282000,
  '202611282030_oppositions': m202611282030,
  '202611290900_campaigns': m202611290900,
  '202611291000_representatives': m202611291000,
  '202611291100_closure': m202611291100,
  '202611291200_identity': m202611291200,
  '202611291300_heirs_merges': m202611291300,
  '202611291400_trace_chain_lookup': m202611291400,
  '202611291410_population_staging': m202611291410,
  '202611291500_documents': m202611291500,
  '202611291510_measures': m202611291510,
  '202611291520_privacy': m202611291520,
  '202611291600_care_history': m202611291600,
  '202611291610_notifications': m202611291610,
  '202611291620_medical_profile': m202611291620,
  '202611291630_history_filters': m202611291630,
  '202611291640_exports': m202611291640,
  '202611291700_measure_extraction': m202611291700,
  '202611291710_episode_copies_directives_review': m202611291710,
  '202611291730_service_consents': m202611291730,
  '202611291740_documents_order': m202611291740,
  '202611291800_access_matrix': m202611291800,
  '202611291900_professional_access': m202611291900,
  '202611291910_professional_messages': m202611291910,
  '202611291920_professional_list': m202611291920,
  '202611291930_append_trace': m202611291930,
  '202611291940_actor_traces': m202611291940,
  '202611292000_messaging': m202611292000,
  '202611292010_notification_channels': m202611292010,
  '202611292020_agenda': m202611292020,
  '202611292030_prevention_calendars': m202611292030,
  '202611292040_messaging_more': m202611292040,
  '202611292050_prevention_campaigns': m202611292050,
  '202611292060_pharmacies': m202611292060,
  '202611292100_prevention_delivery': m202611292100,
  '202611292080_prevention_questionnaires': m202611292080,
  '202611292070_messaging_organisations': m202611292070,
  '202611292090_reference_texts': m202611292090,
  '202611292140_prevention_fanout': m202611292140,
  '202611292120_assisted_visits': m202611292120,
  '202611292110_advisor_accounts': m202611292110,
  '202611292130_aidants': m202611292130,
  '202611292150_contact_changes': m202611292150,
  '202611292160_account_password_changes': m202611292160,
  '202611292180_visit_closure': m202611292180,
  '202611292190_france_services_sites': m202611292190,
  '202611292200_password_reset': m202611292200,
};
