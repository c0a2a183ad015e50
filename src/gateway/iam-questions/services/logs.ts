import type { ServiceMapping } from '../mapping-types.js';

/**
 * Amazon CloudWatch Logs: log groups and streams. The operations that name a group by
 * logGroupName are authorized on `log-group:NAME:log-stream:` (what AWS's AccessDenied messages
 * name; why `log-group:NAME:*` is the grant that works), streams on
 * `log-group:NAME:log-stream:STREAM`, DescribeLogGroups on `log-group::log-stream:`.
 */
export const logs: ServiceMapping = {
  service: 'logs',
  prefix: 'logs',
  precision: 'partial',
  bind: [
    { member: 'logGroupName', form: 'logs-group-name' },
    { member: 'logGroupIdentifier', form: 'logs-group-identifier' },
    { member: 'logStreamName', as: 'LogStreamName' },
    { member: 'resourceArn', form: 'name-or-arn' },
    { member: 'destinationName', as: 'DestinationName' },
    { member: 'destinationArn', form: 'name-or-arn' },
  ],
  operations: {
    DescribeLogGroups: {
      questions: [
        {
          action: 'DescribeLogGroups',
          resourceText: 'arn:${Partition}:logs:${Region}:${Account}:log-group::log-stream:',
        },
      ],
    },
    StartQuery: {
      questions: [
        { action: 'StartQuery', when: { has: 'logGroupName' } },
        {
          action: 'StartQuery',
          each: { path: 'logGroupNames' },
          bind: [{ member: '$elements', form: 'logs-group-name' }],
        },
        {
          action: 'StartQuery',
          each: { path: 'logGroupIdentifiers' },
          bind: [{ member: '$elements', form: 'logs-group-identifier' }],
        },
      ],
    },
  },
  arnSuffix: { 'log-group': { variable: '$logGroupByName', text: ':log-stream:' } },
  limits:
    'log groups and streams exact; deliveries, destinations and other newer resources by ARN where the input gives one',
};
