import type { ServiceMapping } from '../mapping-types.js';

/** Amazon SNS: topics by TopicArn (or ResourceArn), a new topic by Name, subscriptions by their topic. */
export const sns: ServiceMapping = {
  service: 'sns',
  prefix: 'sns',
  precision: 'partial',
  bind: [
    { member: 'TopicArn', form: 'name-or-arn' },
    { member: 'ResourceArn', form: 'name-or-arn' },
    { member: 'SubscriptionArn', form: 'sns-subscription-arn' },
    { member: 'Name', as: 'TopicName' },
  ],
  operations: {
    // Publishing to a phone number or a platform endpoint names no topic.
    Publish: {
      questions: [
        {
          action: 'Publish',
          when: { any: [{ has: 'TopicArn' }, { has: 'TargetArn' }] },
          bind: [{ member: 'TargetArn', form: 'name-or-arn' }],
        },
        { action: 'Publish', when: { all: [{ missing: 'TopicArn' }, { missing: 'TargetArn' }] }, anyResource: true },
      ],
      inexact: 'a platform-endpoint TargetArn is no topic: such a Publish is unresolved',
    },
    PublishBatch: { questions: [{ action: 'Publish' }] },
  },
  limits: 'topics exact; platform applications, endpoints and SMS on * (the SAR gives them no resource)',
};
