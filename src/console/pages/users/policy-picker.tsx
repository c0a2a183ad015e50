import type { Policy } from '../../../wire/generated/iam.js';
import type { ConsoleContext } from '../../env.js';
import { Checkbox } from '../../ui/forms.js';
import { listAll } from './common.js';

/** Every managed policy the caller may attach: AWS managed and the account's own (ListPolicies, Scope All). */
export function allPolicies(c: ConsoleContext): Promise<Policy[]> {
  return listAll<Policy>(c, 'ListPolicies', { Scope: 'All' }, 'Policies');
}

export function policyType(arn: string): string {
  return arn.includes(':aws:policy/') ? 'AWS managed' : 'Customer managed';
}

/**
 * A checkbox table of managed policies with a filter box, as on AWS's "Attach policies directly"
 * step. The filter needs script (console.js); without it every policy is listed.
 */
export function PolicyPicker({
  policies,
  selected = [],
  id,
  name = 'policyArn',
}: {
  policies: Policy[];
  selected?: string[];
  id: string;
  name?: string;
}) {
  if (policies.length === 0) return <p class="hint">No policies to attach.</p>;
  return (
    <div class="picker">
      <div class="field">
        <label for={`${id}-filter`}>Filter policies by name</label>
        <input id={`${id}-filter`} type="search" data-filter={id} placeholder="Search" autocomplete="off" />
      </div>
      <div class="table-wrap picker-list" id={id}>
        <table>
          <thead>
            <tr>
              <th scope="col">Policy name</th>
              <th scope="col">Type</th>
            </tr>
          </thead>
          <tbody>
            {policies.map((p) => (
              <tr data-filter-row={p.PolicyName}>
                <td>
                  <Checkbox
                    label={p.PolicyName ?? ''}
                    name={name}
                    value={p.Arn ?? ''}
                    checked={selected.includes(p.Arn ?? '')}
                  />
                </td>
                <td>{policyType(p.Arn ?? '')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
