import { rootArn } from '../../shared/arn.js';
import { newAccessKeyId } from '../../shared/ids.js';
import type { Principal, SessionInfo } from '../../shared/principal.js';
import type { ConsoleStore } from '../deps.js';
import type { ConsoleSessionRecord, SessionStage } from '../store.js';
import { newToken, tokenHash } from './tokens.js';
import { userArn } from '../../iam/core/arns.js';

/** A signed-in (or half signed-in) console session, with the principal it acts as. */
export interface LoadedSession {
  record: ConsoleSessionRecord;
  principal: Principal;
  /** The account's alias, for the header and the sign-in URL. */
  accountAlias?: string | undefined;
  /** The IAM user's name, or the account's email for root. */
  displayName: string;
}

/** Starts, loads and ends console sessions; the cookie holds only a random token. */
export class ConsoleSessions {
  constructor(
    private readonly store: ConsoleStore,
    private readonly hours: number,
  ) {}

  async start(
    accountId: string,
    userId: string | undefined,
    stage: SessionStage,
    now: Date,
  ): Promise<{ token: string; record: ConsoleSessionRecord }> {
    const token = newToken();
    const record: ConsoleSessionRecord = {
      tokenHash: tokenHash(token),
      accountId,
      userId,
      stage,
      csrf: newToken(),
      keyId: newAccessKeyId('ASIA', accountId),
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.hours * 3_600_000),
    };
    await this.store.transaction(async (tx) => {
      await tx.consoleSessions.purgeExpired(now);
      await tx.consoleSessions.create(record);
    });
    return { token, record };
  }

  /** The session a cookie names, if it is current and its principal still exists. */
  async load(token: string | undefined, now: Date): Promise<LoadedSession | undefined> {
    if (!token) return undefined;
    const record = await this.store.consoleSessions.get(tokenHash(token));
    if (!record || record.expiresAt.getTime() <= now.getTime()) return undefined;
    const account = await this.store.accounts.get(record.accountId);
    if (!account) return undefined;
    const alias = await this.store.accounts.getAlias(record.accountId);
    const session = sessionInfo(record);
    // A role's ID, or a federated user's `ACCOUNT:NAME`: an STS session's console session.
    if (record.userId?.startsWith('AROA') || record.userId?.includes(':')) return this.#loadStsSession(record, alias);
    if (record.userId === undefined) {
      const principal: Principal = {
        kind: 'root',
        accountId: account.accountId,
        arn: rootArn(account.accountId),
        userId: account.accountId,
        session,
      };
      return { record, principal, accountAlias: alias, displayName: account.email };
    }
    const user = await this.store.users.getById(record.userId);
    if (!user) return undefined;
    const principal: Principal = {
      kind: 'user',
      accountId: user.accountId,
      arn: userArn(user),
      userId: user.userId,
      userName: user.userName,
      path: user.path,
      session,
    };
    return { record, principal, accountAlias: alias, displayName: user.userName };
  }

  /**
   * A console session that acts as an STS session: an assumed role (POST /saml, the federation
   * endpoint) or a GetFederationToken user (the federation endpoint). It lasts as long as that
   * session, whose ASIA key it carries; the role's ID, or the federated user's `ACCOUNT:NAME`, marks it.
   */
  async startForSts(
    principal: Principal & { kind: 'assumed-role' | 'federated-user' },
    now: Date,
  ): Promise<{ token: string; record: ConsoleSessionRecord }> {
    const token = newToken();
    const record: ConsoleSessionRecord = {
      tokenHash: tokenHash(token),
      accountId: principal.accountId,
      userId: principal.kind === 'assumed-role' ? principal.roleId : principal.userId,
      stage: 'active',
      csrf: newToken(),
      keyId: principal.session.accessKeyId,
      createdAt: now,
      expiresAt: principal.session.expiresAt,
    };
    await this.store.transaction(async (tx) => {
      await tx.consoleSessions.purgeExpired(now);
      await tx.consoleSessions.create(record);
    });
    return { token, record };
  }

  async #loadStsSession(record: ConsoleSessionRecord, alias: string | undefined): Promise<LoadedSession | undefined> {
    const stored = await this.store.sessions?.get(record.keyId);
    const p = stored?.principal;
    if (!p?.session) return undefined;
    const principal: Principal = { ...p, session: { ...p.session, console: true } };
    if (p.kind === 'assumed-role' && p.roleId === record.userId)
      return { record, principal, accountAlias: alias, displayName: `${p.roleName}/${p.sessionName}` };
    if (p.kind === 'federated-user' && p.userId === record.userId)
      return { record, principal, accountAlias: alias, displayName: `federated-user/${p.federatedName}` };
    return undefined;
  }

  async advance(record: ConsoleSessionRecord, changes: { stage: SessionStage; mfaAt?: Date }): Promise<void> {
    await this.store.transaction((tx) => tx.consoleSessions.update(record.tokenHash, changes));
  }

  async end(record: ConsoleSessionRecord): Promise<void> {
    await this.store.transaction((tx) => tx.consoleSessions.delete(record.tokenHash));
  }

  /** A new password ends the principal's other sessions, as AWS signs out other browsers. */
  async endOthers(record: ConsoleSessionRecord): Promise<void> {
    await this.store.transaction((tx) =>
      tx.consoleSessions.deleteForPrincipal(record.accountId, record.userId, record.tokenHash),
    );
  }
}

function sessionInfo(record: ConsoleSessionRecord): SessionInfo {
  return {
    accessKeyId: record.keyId,
    issuedAt: record.createdAt,
    expiresAt: record.expiresAt,
    mfaPresent: record.mfaAt !== undefined,
    ...(record.mfaAt ? { mfaAuthTime: record.mfaAt } : {}),
    policies: [],
    tags: [],
    transitiveTagKeys: [],
    console: true,
  };
}
