export { compilePolicy, contextKeysOf } from './compile.js';
export { evaluate } from './evaluate.js';
export { MSG as POLICY_MESSAGES } from './messages.js';
export { parsePolicyDocument, type ParseOptions } from './parse.js';
export { checkPolicySize, inlinePolicySizeMessage, policySizeForQuota } from './size.js';
export type {
  CompiledPolicy,
  ConditionBlock,
  ContextValue,
  DenyingLayer,
  EvalDecision,
  Evaluation,
  MatchedStatement,
  ParseResult,
  PolicyDocument,
  PolicyKind,
  PolicySet,
  PolicyStatement,
  PolicyVersion,
  PrincipalBlock,
  RequestContext,
} from './types.js';
