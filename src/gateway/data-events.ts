/**
 * CloudTrail's split between management and data events: data events are the high-volume
 * operations on or in a resource (S3 object calls, Lambda invocations, DynamoDB item calls, SQS
 * messages, SNS publishes, CloudWatch Logs events, EventBridge PutEvents). Management events are
 * always recorded; data events only where a selector picks them, as CloudTrail's event selectors do.
 */
const DATA_OPERATIONS: Record<string, RegExp> = {
  lambda: /^(Invoke|InvokeAsync|InvokeWithResponseStream)$/,
  dynamodb:
    /^(GetItem|PutItem|UpdateItem|DeleteItem|Query|Scan|BatchGetItem|BatchWriteItem|TransactGetItems|TransactWriteItems|ExecuteStatement|BatchExecuteStatement|ExecuteTransaction)$/,
  sqs: /^(SendMessage|SendMessageBatch|ReceiveMessage|DeleteMessage|DeleteMessageBatch|ChangeMessageVisibility|ChangeMessageVisibilityBatch)$/,
  sns: /^(Publish|PublishBatch)$/,
  logs: /^(PutLogEvents|GetLogEvents|FilterLogEvents|StartLiveTail)$/,
  events: /^PutEvents$/,
};

/** Whether a call is a data event: for S3, any call on an object (its questions name `bucket/key`). */
export function isDataEvent(service: string, operation: string, resources: readonly string[]): boolean {
  if (service === 's3') return resources.some((arn) => /^arn:[^:]+:s3:::[^/]+\/./.test(arn));
  return DATA_OPERATIONS[service]?.test(operation) ?? false;
}

/**
 * Which data events are recorded (`--gateway-data-events`): `*` (every one, the default, so
 * policy generation sees what applications do), `none`, or a comma list of services (`s3`) and
 * operations (`s3:GetObject`).
 */
export class DataEventSelectors {
  readonly #all: boolean;
  readonly #services = new Set<string>();
  readonly #operations = new Set<string>();

  constructor(spec: string) {
    const items = spec
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    this.#all = items.includes('*');
    for (const item of items) {
      if (item === '*' || item === 'none') continue;
      if (!/^[a-z0-9-]+(:[A-Za-z0-9]+)?$/.test(item))
        throw new Error(`--gateway-data-events "${item}": expected *, none, SERVICE or SERVICE:Operation`);
      if (item.includes(':')) this.#operations.add(item);
      else this.#services.add(item);
    }
  }

  selects(service: string, operation: string): boolean {
    return this.#all || this.#services.has(service) || this.#operations.has(`${service}:${operation}`);
  }
}
