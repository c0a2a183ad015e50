import type { GatewayCallFacts } from '../audit/entries.js';
import type { IdentifiedOperation } from '../wire/routing/types.js';
import { isDataEvent } from './data-events.js';
import type { GatewayDeps, RoutedService } from './gateway-deps.js';
import type { AuthorizationQuestion } from './iam-questions/index.js';

const READ_ONLY =
  /^(Get|List|Describe|Head|Query|Scan|BatchGet|Select|Lookup|Search|Check|Test|Receive|Filter|Decrypt)/;

export function gatewayFacts(
  deps: Pick<GatewayDeps, 'mode' | 'dataEvents'>,
  service: RoutedService,
  op: IdentifiedOperation,
  questions: readonly AuthorizationQuestion[],
): GatewayCallFacts {
  const resources = [...new Set(questions.map((q) => q.resource).filter((r) => r !== '*'))];
  const dataEvent = isDataEvent(service.eventService, op.operation, resources);
  return {
    mode: deps.mode,
    resources,
    readOnly: READ_ONLY.test(op.operation),
    dataEvent,
    record: !dataEvent || deps.dataEvents.selects(service.eventService, op.operation),
  };
}
