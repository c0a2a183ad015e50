import { AwsError } from '../shared/aws-error.js';
import type { OperationHandler } from '../shared/call-context.js';
import type { LookupEventsRequest, LookupEventsResponse } from '../wire/generated/cloudtrail.js';
import { type EventRepo, InvalidCursor } from './event-store.js';

export interface CloudTrailHandlerDeps {
  /** Read lazily: a flush of buffered events comes first so a caller sees its own recent calls. */
  events: EventRepo;
  flush(): Promise<void>;
}

export interface CloudTrailHandlers {
  LookupEvents: OperationHandler<LookupEventsRequest, LookupEventsResponse>;
}

/** CloudTrail's LookupEvents over the audit trail: the caller's own account, newest first. */
export function createCloudTrailHandlers(deps: CloudTrailHandlerDeps): CloudTrailHandlers {
  return {
    async LookupEvents(input, ctx) {
      await ctx.authorize('cloudtrail:LookupEvents', '*');
      const attributes = input.LookupAttributes ?? [];
      if (attributes.length > 1) {
        throw new AwsError(
          'InvalidLookupAttributesException',
          'You cannot make a lookup request that contains more than one lookup attribute.',
          400,
        );
      }
      const attribute = attributes[0];
      if (input.StartTime && input.EndTime && input.StartTime.getTime() > input.EndTime.getTime()) {
        throw new AwsError('InvalidTimeRangeException', 'Start time must be before end time.', 400);
      }
      if (input.EventCategory === 'insight') return { Events: [] };
      await deps.flush();
      let page;
      try {
        page = await deps.events.lookup(
          {
            accountId: ctx.principal.accountId,
            ...(attribute ? { attribute: { key: attribute.AttributeKey, value: attribute.AttributeValue } } : {}),
            ...(input.StartTime ? { startTime: input.StartTime } : {}),
            ...(input.EndTime ? { endTime: input.EndTime } : {}),
          },
          { limit: input.MaxResults ?? 50, ...(input.NextToken !== undefined ? { cursor: input.NextToken } : {}) },
        );
      } catch (err) {
        if (err instanceof InvalidCursor) throw new AwsError('InvalidNextTokenException', 'Invalid NextToken.', 400);
        throw err;
      }
      return {
        Events: page.events.map((e) => ({
          EventId: e.eventId,
          EventName: e.eventName,
          ReadOnly: String(e.readOnly),
          ...(e.accessKeyId ? { AccessKeyId: e.accessKeyId } : {}),
          EventTime: new Date(e.eventTime),
          EventSource: e.eventSource,
          ...(e.username !== undefined ? { Username: e.username } : {}),
          Resources: e.resources.map((r) => ({ ResourceType: r.type, ResourceName: r.name })),
          CloudTrailEvent: e.record,
        })),
        ...(page.next ? { NextToken: page.next } : {}),
      };
    },
  };
}
