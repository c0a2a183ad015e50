import type { ServiceMapping } from '../mapping-types.js';

/**
 * AWS KMS: a key by id, key ARN, alias name or alias ARN ("KeyId"); an alias is authorized as the
 * key it points to (fact kmsAliasTarget), with kms:RequestAlias. Alias operations ask about the
 * alias and the key ("Controlling access to aliases").
 */
export const kms: ServiceMapping = {
  service: 'kms',
  prefix: 'kms',
  precision: 'full',
  bind: [
    { member: 'KeyId', form: 'kms-key' },
    { member: 'TargetKeyId', form: 'kms-key' },
    { member: 'AliasName', form: 'kms-alias' },
  ],
  operations: {
    ReEncrypt: {
      questions: [
        { action: 'ReEncryptFrom', bind: [{ member: 'SourceKeyId', form: 'kms-key' }] },
        { action: 'ReEncryptTo', bind: [{ member: 'DestinationKeyId', form: 'kms-key' }] },
      ],
    },
    // DeleteAlias names only the alias; the key comes from the alias (fact).
    DeleteAlias: {
      questions: [
        { action: 'DeleteAlias', resourceTypes: ['alias'] },
        { action: 'DeleteAlias', resourceTypes: ['key'], bind: [{ member: 'AliasName', form: 'kms-key' }] },
      ],
    },
    // UpdateAlias: the alias, the key it points to now (fact), and the new key.
    UpdateAlias: {
      questions: [
        { action: 'UpdateAlias', resourceTypes: ['alias'] },
        { action: 'UpdateAlias', resourceTypes: ['key'], bind: [{ member: 'AliasName', form: 'kms-key' }] },
        { action: 'UpdateAlias', resourceTypes: ['key'], bind: [{ member: 'TargetKeyId', form: 'kms-key' }] },
      ],
    },
  },
  conditionMembers: {
    'kms:GrantOperations': { member: 'Operations' },
    'kms:KeyOrigin': { member: 'Origin' },
    'kms:DataKeyPairSpec': { member: 'KeyPairSpec' },
    'kms:ScheduleKeyDeletionPendingWindowInDays': { member: 'PendingWindowInDays' },
  },
  limits:
    "every key operation on its key ARN (aliases resolved through the backend); kms:CallerAccount from the gateway's fact; kms:ViaService absent (calls come from clients, not services)",
};
