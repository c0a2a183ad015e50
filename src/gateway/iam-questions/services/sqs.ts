import type { ServiceMapping } from '../mapping-types.js';

/** Amazon SQS: a queue is named by its URL (account and name in the path), or by name in CreateQueue/GetQueueUrl. */
export const sqs: ServiceMapping = {
  service: 'sqs',
  prefix: 'sqs',
  precision: 'partial',
  bind: [
    { member: 'QueueUrl', form: 'sqs-queue-url' },
    { member: 'QueueName', as: 'QueueName' },
    // GetQueueUrl may name another account's queue.
    { member: 'QueueOwnerAWSAccountId', as: 'Account' },
  ],
  operations: {
    // The batch operations are authorized as their single forms (the SAR has no …Batch actions).
    SendMessageBatch: { questions: [{ action: 'SendMessage' }] },
    DeleteMessageBatch: { questions: [{ action: 'DeleteMessage' }] },
    ChangeMessageVisibilityBatch: { questions: [{ action: 'ChangeMessageVisibility' }] },
    // Message move tasks name their source queue by ARN.
    StartMessageMoveTask: {
      questions: [{ action: 'StartMessageMoveTask', bind: [{ member: 'SourceArn', form: 'name-or-arn' }] }],
    },
    ListMessageMoveTasks: {
      questions: [{ action: 'ListMessageMoveTasks', bind: [{ member: 'SourceArn', form: 'name-or-arn' }] }],
    },
    CancelMessageMoveTask: {
      questions: [{ action: 'CancelMessageMoveTask', anyResource: true }],
      inexact: 'the task handle does not name its queue: asked on *',
    },
  },
  limits: 'every operation on its queue ARN; CancelMessageMoveTask on * (its handle names no queue)',
};
