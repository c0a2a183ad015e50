import {
  CreateSAMLProviderCommand,
  DeleteSAMLProviderCommand,
  GetAccountSummaryCommand,
  GetSAMLProviderCommand,
  ListSAMLProviderTagsCommand,
  ListSAMLProvidersCommand,
  TagSAMLProviderCommand,
  UntagSAMLProviderCommand,
  UpdateSAMLProviderCommand,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestIdp, selfSignedPair } from './support/saml-idp.js';
import { type TestWard, caught, startTestWard } from './support/ward.js';

let t: TestWard;
const idp = new TestIdp('https://idp.example.com/saml');
let providerArn: string;

beforeAll(async () => {
  t = await startTestWard();
  providerArn = (
    await t.iam().send(new CreateSAMLProviderCommand({ Name: 'ExampleIdP', SAMLMetadataDocument: idp.metadata() }))
  ).SAMLProviderArn!;
}, 60_000);
afterAll(() => t.close());

describe('SAML providers (IAM)', () => {
  it('are created, read, updated, tagged, listed, counted and deleted as AWS does', async () => {
    const iam = t.iam();
    const other = new TestIdp('https://other.example.com/idp');
    const created = await iam.send(
      new CreateSAMLProviderCommand({
        Name: 'Other.IdP_1',
        SAMLMetadataDocument: other.metadata(),
        Tags: [{ Key: 'team', Value: 'id' }],
      }),
    );
    const arn = created.SAMLProviderArn!;
    expect(arn).toBe(`arn:aws:iam::${t.accountId}:saml-provider/Other.IdP_1`);
    expect(created.Tags).toEqual([{ Key: 'team', Value: 'id' }]);
    const got = await iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: arn }));
    expect(got.SAMLMetadataDocument).toBe(other.metadata());
    expect(got.SAMLProviderUUID).toMatch(/^[A-Z0-9]{22,64}$/);
    // ValidUntil: a hundred years after creation.
    expect(got.ValidUntil!.getUTCFullYear()).toBe(got.CreateDate!.getUTCFullYear() + 100);
    expect(got.Tags).toEqual([{ Key: 'team', Value: 'id' }]);

    const dup = await caught(() =>
      iam.send(new CreateSAMLProviderCommand({ Name: 'other.idp_1', SAMLMetadataDocument: other.metadata() })),
    );
    expect(dup.name).toBe('EntityAlreadyExistsException');

    // Metadata that is not an IdP's, or whose certificate is not one, is "Could not parse metadata."
    const broken = other.metadata().replace(/<ds:X509Certificate>MII/, '<ds:X509Certificate>XXX');
    const bad = await caught(() =>
      iam.send(new CreateSAMLProviderCommand({ Name: 'Broken', SAMLMetadataDocument: broken })),
    );
    expect(bad.name).toBe('InvalidInputException');
    expect(bad.message).toBe('Could not parse metadata.');
    const dtd = await caught(() =>
      iam.send(
        new CreateSAMLProviderCommand({
          Name: 'Dtd',
          SAMLMetadataDocument: `<!DOCTYPE x [<!ENTITY e "e">]>${other.metadata().replace(/^<\?xml[^>]*>/, '')}`,
        }),
      ),
    );
    expect(dtd.message).toBe('Could not parse metadata.');

    const none = await caught(() => iam.send(new UpdateSAMLProviderCommand({ SAMLProviderArn: arn })));
    expect(none.message).toBe(
      'Unable to update identity provider. No updates are defined for metadata or encryption assertion.',
    );
    const required = await caught(() =>
      iam.send(new UpdateSAMLProviderCommand({ SAMLProviderArn: arn, AssertionEncryptionMode: 'Required' })),
    );
    expect(required.message).toBe(
      'Unable to set assertion encryption mode to Required because no private key is provided.',
    );
    const badKey = await caught(() =>
      iam.send(new UpdateSAMLProviderCommand({ SAMLProviderArn: arn, AddPrivateKey: 'not a key' })),
    );
    expect(badKey.message).toBe('Invalid private key.');
    await iam.send(new UpdateSAMLProviderCommand({ SAMLProviderArn: arn, AddPrivateKey: selfSignedPair().key }));
    await iam.send(new UpdateSAMLProviderCommand({ SAMLProviderArn: arn, AddPrivateKey: selfSignedPair().key }));
    const third = await caught(() =>
      iam.send(new UpdateSAMLProviderCommand({ SAMLProviderArn: arn, AddPrivateKey: selfSignedPair().key })),
    );
    expect(third.name).toBe('LimitExceededException');
    expect(third.message).toBe('Private key limit of 2 is reached.');
    const withKeys = await iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: arn }));
    expect(withKeys.PrivateKeyList).toHaveLength(2);
    const unknownKey = await caught(() =>
      iam.send(new UpdateSAMLProviderCommand({ SAMLProviderArn: arn, RemovePrivateKey: 'A'.repeat(26) })),
    );
    expect(unknownKey.message).toBe('Failed to remove private key because the Key ID does not match a private key.');
    await iam.send(
      new UpdateSAMLProviderCommand({
        SAMLProviderArn: arn,
        RemovePrivateKey: withKeys.PrivateKeyList![0]!.KeyId!,
        AssertionEncryptionMode: 'Allowed',
      }),
    );
    const after = await iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: arn }));
    expect(after.PrivateKeyList!.map((k) => k.KeyId)).toEqual([withKeys.PrivateKeyList![1]!.KeyId]);
    expect(after.AssertionEncryptionMode).toBe('Allowed');

    await iam.send(new TagSAMLProviderCommand({ SAMLProviderArn: arn, Tags: [{ Key: 'env', Value: 'test' }] }));
    await iam.send(new UntagSAMLProviderCommand({ SAMLProviderArn: arn, TagKeys: ['team'] }));
    expect((await iam.send(new ListSAMLProviderTagsCommand({ SAMLProviderArn: arn }))).Tags).toEqual([
      { Key: 'env', Value: 'test' },
    ]);
    const list = await iam.send(new ListSAMLProvidersCommand({}));
    expect(list.SAMLProviderList!.map((p) => p.Arn)).toEqual([providerArn, arn]);
    const summary = await iam.send(new GetAccountSummaryCommand({}));
    expect(summary.SummaryMap!.Providers).toBe(2);

    await iam.send(new DeleteSAMLProviderCommand({ SAMLProviderArn: arn }));
    const gone = await caught(() => iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: arn })));
    expect(gone.name).toBe('NoSuchEntityException');
    expect(gone.message).toBe(`Manifest not found for arn ${arn}`);
  });
});

describe('the SAMLProvidersPerAccount quota', () => {
  it('allows 100 providers in an account, and refuses the 101st with LimitExceeded', async () => {
    const iam = t.iam();
    const metadata = new TestIdp('https://many.example.com/saml').metadata();
    const existing = (await iam.send(new ListSAMLProvidersCommand({}))).SAMLProviderList!.length;
    for (let batch = existing; batch < 100; batch += 20) {
      await Promise.all(
        Array.from({ length: Math.min(20, 100 - batch) }, (_, i) =>
          iam.send(new CreateSAMLProviderCommand({ Name: `Many-${batch + i}`, SAMLMetadataDocument: metadata })),
        ),
      );
    }
    expect((await iam.send(new ListSAMLProvidersCommand({}))).SAMLProviderList).toHaveLength(100);
    const over = await caught(() =>
      iam.send(new CreateSAMLProviderCommand({ Name: 'OneTooMany', SAMLMetadataDocument: metadata })),
    );
    expect(over.name).toBe('LimitExceededException');
    expect(over.message).toBe('Cannot exceed quota for SAMLProvidersPerAccount: 100');
  });
});
