// Seeds many IAM users (and, optionally, access keys and one group with a managed policy) straight
// through the store's repositories, in batched transactions: through the API this would take
// hours at 100 000 users. Keys are real: their secrets are sealed with the store's SecretBox (the
// node's master key), so the returned plaintext secrets sign requests Ward accepts.
import type { KyselyStore } from '../src/store/kysely/kysely-store.js';
import { newAccessKeyId, newSecretAccessKey, newUniqueId } from '../src/shared/ids.js';

export interface SeedOptions {
  accountId: string;
  users: number;
  /** Access keys in all, spread evenly over the users (IAM allows at most two per user). Default 0. */
  keys?: number;
  /** User names are `<prefix><6-digit index>` (default `user-`). */
  prefix?: string;
  /** When set: one customer-managed policy with this document, attached to one group every seeded user joins. */
  policyDocument?: string;
  /** Users per transaction (default 1000). */
  batch?: number;
  /**
   * Transactions in flight at once (default 1). SQLite has one writer anyway; on PostgreSQL,
   * concurrent SERIALIZABLE batches of this size escalate their predicate locks and abort each
   * other (40001) more often than the store's retries absorb, so keep 1 there too.
   */
  concurrency?: number;
  now?: Date;
}

export interface SeededKey {
  accessKeyId: string;
  secretAccessKey: string;
  userName: string;
}

export interface SeedResult {
  /** Every seeded key with its plaintext secret (empty when `keys` is 0). */
  keys: SeededKey[];
  userNames: string[];
  groupName?: string;
  policyArn?: string;
  seconds: number;
}

export async function seedUsers(store: KyselyStore, opts: SeedOptions): Promise<SeedResult> {
  const { accountId, users } = opts;
  const keyCount = opts.keys ?? 0;
  if (keyCount > 2 * users) throw new Error(`${keyCount} keys for ${users} users: IAM allows two keys per user`);
  const prefix = opts.prefix ?? 'user-';
  const batch = opts.batch ?? 1000;
  const concurrency = Math.max(1, opts.concurrency ?? 1);
  const now = opts.now ?? new Date();
  const t0 = Date.now();

  let groupId: string | undefined;
  let groupName: string | undefined;
  let policyArn: string | undefined;
  if (opts.policyDocument !== undefined) {
    groupName = `${prefix}group`;
    policyArn = `arn:aws:iam::${accountId}:policy/${prefix}policy`;
    const group = { groupId: newUniqueId('AGPA'), accountId, groupName, path: '/', createdAt: now };
    const policy = {
      policyId: newUniqueId('ANPA'),
      arn: policyArn,
      accountId,
      policyName: `${prefix}policy`,
      path: '/',
      defaultVersionId: 'v1',
      createdAt: now,
      updatedAt: now,
    };
    const document = opts.policyDocument;
    await store.transaction(async (tx) => {
      await tx.groups.create(group);
      await tx.policies.create(policy, document, []);
      await tx.policyAttachments.attach(policy.policyId, { kind: 'group', id: group.groupId }, accountId, now);
    });
    groupId = group.groupId;
  }

  // Everything is generated up front, so a transaction that PostgreSQL retries inserts the same rows.
  const userNames: string[] = [];
  const userIds: string[] = [];
  for (let i = 0; i < users; i++) {
    userNames.push(`${prefix}${String(i).padStart(6, '0')}`);
    userIds.push(newUniqueId('AIDA'));
  }
  // User i gets floor(keys/users) keys, plus one more for the first keys % users users.
  const keysOf = (i: number) => Math.floor(keyCount / users) + (i < keyCount % users ? 1 : 0);
  const keys: SeededKey[] = [];
  const keyStart: number[] = [];
  // An access key ID holds 40 random bits beside its account (AWS's layout): among 200 000 keys of
  // one account two collide about once in 50 seedings, so a repeat is drawn again.
  const taken = new Set<string>();
  const uniqueKeyId = (): string => {
    for (;;) {
      const id = newAccessKeyId('AKIA', accountId);
      if (!taken.has(id)) return (taken.add(id), id);
    }
  };
  for (let i = 0; i < users; i++) {
    keyStart.push(keys.length);
    for (let k = 0; k < keysOf(i); k++)
      keys.push({
        accessKeyId: uniqueKeyId(),
        secretAccessKey: newSecretAccessKey(),
        userName: userNames[i]!,
      });
  }
  keyStart.push(keys.length);

  const writeBatch = (from: number, to: number) =>
    store.transaction(async (tx) => {
      for (let i = from; i < to; i++) {
        const userId = userIds[i]!;
        await tx.users.create({ userId, accountId, userName: userNames[i]!, path: '/', createdAt: now }, []);
        if (groupId !== undefined) await tx.groups.addMember(groupId, userId);
        for (let k = keyStart[i]!; k < keyStart[i + 1]!; k++) {
          const key = keys[k]!;
          await tx.accessKeys.create(
            { accessKeyId: key.accessKeyId, accountId, userId, status: 'Active', createdAt: now },
            key.secretAccessKey,
          );
        }
      }
    });

  let next = 0;
  const worker = async () => {
    while (next < users) {
      const from = next;
      next = Math.min(users, next + batch);
      await writeBatch(from, next);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return {
    keys,
    userNames,
    ...(groupName ? { groupName } : {}),
    ...(policyArn ? { policyArn } : {}),
    seconds: (Date.now() - t0) / 1000,
  };
}
