import type { Kysely } from 'kysely';

/**
 * IAM's organization features ("centralized root access for member accounts"): which of
 * `RootCredentialsManagement` and `RootSessions` the organization has enabled
 * (iam:EnableOrganizationsRootCredentialsManagement / EnableOrganizationsRootSessions).
 * Deleted with the organization.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('org_iam_features')
    .addColumn('org_id', 'text', (c) => c.notNull().references('org_organizations.org_id').onDelete('cascade'))
    .addColumn('feature', 'text', (c) => c.notNull())
    .addColumn('enabled_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('org_iam_features_pk', ['org_id', 'feature'])
    .execute();
}
