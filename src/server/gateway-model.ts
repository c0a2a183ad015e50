import { authorizationQuestions } from '../gateway/iam-questions/index.js';
import type { GatewayQuestions, GatewayRouting } from '../gateway/gateway-deps.js';
import { decodeBody } from '../gateway/routes/decode-body.js';
import { routeOperation } from '../gateway/routes/route-operation.js';
import { routeService } from '../gateway/routes/route-service.js';

/** The gateway's models: routing by botocore's (gateway/routes), IAM's questions by the SAR (gateway/iam-questions). */
export const gatewayRouting: GatewayRouting = {
  service: routeService,
  operation: routeOperation,
  decodeBody: (op, _head, body, route) => decodeBody(route, op, body),
};

export const gatewayQuestions: GatewayQuestions = { authorizationQuestions };
