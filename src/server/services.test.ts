import { describe, expect, it } from 'vitest';
import { joinHandlers, serviceDef } from './services.js';

const handler = async () => ({});

describe('a service’s handler map', () => {
  it('joins its areas’ handlers', () => {
    const joined = joinHandlers('iam', [{ CreateUser: handler }, { CreateRole: handler }]);
    expect(Object.keys(joined).sort()).toEqual(['CreateRole', 'CreateUser']);
  });

  it('refuses to start when two areas define the same operation, instead of letting the later one answer', () => {
    const other = async () => ({ other: true });
    expect(() => serviceDef('iam', 'query', [{ CreateUser: handler }, { CreateUser: other }])).toThrow(
      'Two handlers for iam:CreateUser',
    );
  });

  it('finds no duplicate among the areas Ward serves', async () => {
    // The real groups, as the server joins them: a new area that redefines an operation fails here.
    const { iamHandlerGroups } = await import('../iam/handlers/index.js');
    const { createOidcProviderHandlers } = await import('../iam/handlers/oidc-providers.js');
    const none = new Proxy({}, { get: () => () => undefined });
    const groups = [
      ...iamHandlerGroups({ store: none, bus: none, quotas: none } as never),
      createOidcProviderHandlers(none as never),
    ];
    expect(() => joinHandlers('iam', groups)).not.toThrow();
  });
});
