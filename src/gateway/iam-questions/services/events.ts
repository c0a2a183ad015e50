import type { ServiceMapping } from '../mapping-types.js';

/**
 * Amazon EventBridge: event buses by name or ARN (`default` when absent), rules on the default
 * bus (`rule/NAME`) or a custom one (`rule/BUS/NAME`); PutEvents asks once per entry, with its
 * events:source and events:detail-type.
 */
export const events: ServiceMapping = {
  service: 'events',
  prefix: 'events',
  precision: 'partial',
  bind: [
    { member: 'EventBusName', as: 'EventBusName', form: 'name-or-arn', default: 'default' },
    { member: 'Rule', as: 'RuleName' },
    { member: 'ResourceARN', form: 'name-or-arn' },
    { member: 'ArchiveName', as: 'ArchiveName' },
    { member: 'ReplayName', as: 'ReplayName' },
    { member: 'ConnectionArn', form: 'name-or-arn' },
  ],
  bindByOperation: [
    { operations: /Rule$/, bind: [{ member: 'Name', as: 'RuleName' }] },
    {
      operations: /EventBus$/,
      bind: [{ member: 'Name', as: 'EventBusName', form: 'name-or-arn', default: 'default' }],
    },
    { operations: /Connection$/, bind: [{ member: 'Name', as: 'ConnectionName' }] },
    { operations: /ApiDestination$/, bind: [{ member: 'Name', as: 'ApiDestinationName' }] },
    { operations: /Endpoint$/, bind: [{ member: 'Name', as: 'EndpointName' }] },
    { operations: /EventSource$/, bind: [{ member: 'Name', as: 'EventSourceName' }] },
  ],
  excludeWhen: { 'rule-on-custom-event-bus': { variable: 'EventBusName', equals: 'default' } },
  operations: {
    PutEvents: {
      questions: [{ action: 'PutEvents', each: { path: 'Entries' }, resourceTypes: ['event-bus'] }],
    },
  },
  limits:
    'buses, rules, archives, replays, connections, API destinations exact; partner event sources and v2 resources as the input allows',
};
