import { getShape } from '../model.js';
import type { ServiceModel, Shape } from '../model.js';

/**
 * IAM answers a path that breaks its pattern with its own sentence, not the "1 validation error
 * detected: … Member must satisfy regular expression pattern" text: CreateRole Path `/root` or
 * `test/` is ValidationError "The specified value for path is invalid. It must begin and end with /
 * and contain only alphanumeric characters and/or / characters." (as CloudFormation, the Serverless
 * Framework and rosa users report it from AWS, and as moto records for CreateVirtualMFADevice).
 * The sentence names the member (`newPath` for UpdateUser/UpdateGroup); a list's `pathPrefix` has
 * its own sentence, since a prefix need not end with `/`. The other constraints of these members
 * (length 1–512) keep the generic text and come first: the sentence is only given for a request
 * that is otherwise valid.
 */
const PATH_SHAPES = ['pathType', 'pathPrefixType', 'policyPathType'] as const;

const cache = new WeakMap<ServiceModel, ReadonlySet<Shape>>();

/** The shapes of `model` whose pattern failures IAM words itself; empty for every other service. */
export function iamPathShapes(model: ServiceModel): ReadonlySet<Shape> {
  let shapes = cache.get(model);
  if (!shapes) {
    shapes =
      model.metadata.endpointPrefix === 'iam'
        ? new Set(PATH_SHAPES.filter((name) => Object.hasOwn(model.shapes, name)).map((name) => getShape(model, name)))
        : new Set<Shape>();
    cache.set(model, shapes);
  }
  return shapes;
}

/** IAM's sentence for an invalid path at member path `path` (`path`, `newPath`, `pathPrefix`). */
export function iamPathMessage(path: string): string {
  const member = path.slice(path.lastIndexOf('.') + 1);
  const rule =
    member === 'pathPrefix'
      ? 'It must begin with the / character and contain only alphanumeric characters and/or / characters.'
      : 'It must begin and end with / and contain only alphanumeric characters and/or / characters.';
  return `The specified value for ${member} is invalid. ${rule}`;
}
