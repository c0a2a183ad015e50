#!/usr/bin/env bash
# Centralized root access for member accounts, driven by the real AWS CLI against a running Ward:
# an organization with trusted access for IAM, root credentials management and root sessions,
# a new member account without root credentials, an administrator role of the management account
# (used through a CLI profile with role_arn / source_profile), and `aws sts assume-root` with each
# root-task policy, each session doing its task and nothing else.
# Needs: WARD_URL, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (the management account's root).
set -euo pipefail
export AWS_DEFAULT_REGION=us-east-1 AWS_PAGER= AWS_SHARED_CREDENTIALS_FILE=/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The CLI caches assumed-role credentials under ~/.aws/cli/cache: keep them in the scratch directory.
export HOME="$work" AWS_CONFIG_FILE="$work/config"
: >"$AWS_CONFIG_FILE"

aws() { command aws --endpoint-url "$WARD_URL" "$@"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
expect_eq() { [ "$1" = "$2" ] || fail "$3: expected '$2', got '$1'"; }
# expect_error CODE DESCRIPTION COMMAND...: the command fails with AWS error CODE.
expect_error() {
  local code=$1 what=$2 out
  shift 2
  if out=$("$@" 2>&1); then fail "$what: succeeded, expected $code"; fi
  grep -q "An error occurred ($code)" <<<"$out" || fail "$what: expected $code, got: $out"
  printf '%s\n' "$out"
}

MGMT=$(aws sts get-caller-identity --query Account --output text)
TASK=arn:aws:iam::aws:policy/root-task

# 1. The organization, trusted access for IAM, and both centralized root access features.
org_id=$(aws organizations create-organization --feature-set ALL --query Organization.Id --output text)
[[ "$org_id" =~ ^o-[a-z0-9]{10,32}$ ]] || fail "organization id $org_id"
out=$(expect_error ServiceAccessNotEnabledException "root credentials management before trusted access" aws iam enable-organizations-root-credentials-management)
grep -q "trusted access is not enabled for IAM in Organizations" <<<"$out" || fail "ServiceAccessNotEnabledException text: $out"
aws organizations enable-aws-service-access --service-principal iam.amazonaws.com
expect_eq "$(aws organizations list-aws-service-access-for-organization --query 'EnabledServicePrincipals[].ServicePrincipal' --output text)" "iam.amazonaws.com" "trusted access"
expect_eq "$(aws iam enable-organizations-root-credentials-management --query 'EnabledFeatures' --output text)" "RootCredentialsManagement" "root credentials management"
expect_eq "$(aws iam enable-organizations-root-sessions --query 'join(`,`, EnabledFeatures)' --output text)" "RootCredentialsManagement,RootSessions" "root sessions"
expect_eq "$(aws iam list-organizations-features --query OrganizationId --output text)" "$org_id" "features' organization"

# 2. A member account, created asynchronously: poll its status.
request=$(aws organizations create-account --email cli-member@example.com --account-name cli-member --query CreateAccountStatus.Id --output text)
[[ "$request" =~ ^car-[a-z0-9]{8,32}$ ]] || fail "create account request id $request"
state=IN_PROGRESS
for _ in $(seq 1 30); do
  read -r state MEMBER < <(aws organizations describe-create-account-status --create-account-request-id "$request" --query 'CreateAccountStatus.[State,AccountId]' --output text)
  [ "$state" = IN_PROGRESS ] || break
  sleep 1
done
expect_eq "$state" "SUCCEEDED" "create account status"
[[ "$MEMBER" =~ ^[0-9]{12}$ ]] || fail "member account id $MEMBER"
expect_eq "$(aws organizations describe-account --account-id "$MEMBER" --query Account.Email --output text)" "cli-member@example.com" "member email"

# 3. The management account's administrator role for root sessions, and a CLI profile for it.
aws iam create-user --user-name cli-operator >/dev/null
aws iam put-user-policy --user-name cli-operator --policy-name assume-root-admin \
  --policy-document "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"arn:aws:iam::$MGMT:role/RootAccessAdmin\"}]}"
read -r op_key op_secret < <(aws iam create-access-key --user-name cli-operator --query 'AccessKey.[AccessKeyId,SecretAccessKey]' --output text)
aws iam create-role --role-name RootAccessAdmin \
  --assume-role-policy-document "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::$MGMT:root\"},\"Action\":\"sts:AssumeRole\"}]}" >/dev/null
aws iam put-role-policy --role-name RootAccessAdmin --policy-name root-sessions \
  --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRoot","Resource":"*"}]}'
cat >"$AWS_CONFIG_FILE" <<EOF
[profile ward-operator]
aws_access_key_id = $op_key
aws_secret_access_key = $op_secret
region = us-east-1

[profile root-admin]
role_arn = arn:aws:iam::$MGMT:role/RootAccessAdmin
source_profile = ward-operator
role_session_name = cli-root-admin
region = us-east-1
EOF
# The profile's role credentials come from Ward's STS too (AWS_ENDPOINT_URL reaches the CLI's own STS client).
admin() { env -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY -u AWS_SESSION_TOKEN AWS_ENDPOINT_URL="$WARD_URL" aws --profile root-admin "$@"; }
expect_eq "$(admin sts get-caller-identity --query Arn --output text)" "arn:aws:sts::$MGMT:assumed-role/RootAccessAdmin/cli-root-admin" "admin role identity"

# A shell with AWS_* set to an AssumeRoot session's credentials: `as_root TASK -- COMMAND...`.
assume_root() {
  local out
  out=$(admin sts assume-root --target-principal "$MEMBER" --task-policy-arn "arn=$TASK/$1" --duration-seconds "${2:-900}" \
    --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken,Expiration]' --output text) || fail "assume-root $1: $out"
  read -r ROOT_KEY ROOT_SECRET ROOT_TOKEN ROOT_EXPIRES <<<"$out"
  [[ "$ROOT_KEY" =~ ^ASIA ]] || fail "assume-root $1 key $ROOT_KEY"
}
as_root() { AWS_ACCESS_KEY_ID=$ROOT_KEY AWS_SECRET_ACCESS_KEY=$ROOT_SECRET AWS_SESSION_TOKEN=$ROOT_TOKEN command aws --endpoint-url "$WARD_URL" "$@"; }

# 4. IAMAuditRootUserCredentials: the new member's root has no credentials at all.
assume_root IAMAuditRootUserCredentials
expires=$(date -d "$ROOT_EXPIRES" +%s)
now=$(date +%s)
(( expires - now > 840 && expires - now <= 900 )) || fail "audit session lasts $((expires - now)) s, expected 900"
expect_eq "$(as_root sts get-caller-identity --query Arn --output text)" "arn:aws:iam::$MEMBER:root" "root session identity"
expect_eq "$(as_root iam list-access-keys --query 'length(AccessKeyMetadata)' --output text)" "0" "member root access keys"
expect_eq "$(as_root iam list-mfa-devices --query 'length(MFADevices)' --output text)" "0" "member root MFA devices"
expect_eq "$(as_root iam list-signing-certificates --query 'length(Certificates)' --output text)" "0" "member root signing certificates"
expect_error NoSuchEntity "member root login profile" as_root iam get-login-profile >/dev/null
out=$(expect_error AccessDenied "list-users in an audit session" as_root iam list-users)
grep -q "arn:aws:iam::$MEMBER:root" <<<"$out" || fail "audit denial names the root session: $out"
expect_error AccessDenied "create-login-profile in an audit session" as_root iam create-login-profile >/dev/null

# 5. IAMCreateRootUserPassword: allow password recovery (CreateLoginProfile without a user name).
assume_root IAMCreateRootUserPassword 600
expect_eq "$(as_root iam create-login-profile --query 'LoginProfile.PasswordResetRequired' --output text)" "False" "root login profile"
as_root iam get-login-profile >/dev/null || fail "get-login-profile in a create-password session"
expect_error EntityAlreadyExists "a second root login profile" as_root iam create-login-profile >/dev/null
expect_error AccessDenied "create-access-key in a create-password session" as_root iam create-access-key >/dev/null
assume_root IAMAuditRootUserCredentials
as_root iam get-login-profile >/dev/null || fail "the audit session does not see the new root login profile"

# 6. IAMDeleteRootUserCredentials: the root password goes again.
assume_root IAMDeleteRootUserCredentials
as_root iam delete-login-profile
expect_error NoSuchEntity "login profile after delete" as_root iam get-login-profile >/dev/null
expect_error AccessDenied "create-user in a delete session" as_root iam create-user --user-name intruder >/dev/null
expect_error AccessDenied "create-login-profile in a delete session" as_root iam create-login-profile >/dev/null

# 7. Refusals: a root session lasts at most 900 s; only the root-task policies; not the management
#    account; a root session cannot start another; the operator user itself has no sts:AssumeRoot.
out=$(expect_error ValidationError "901-second root session" admin sts assume-root --target-principal "$MEMBER" --task-policy-arn "arn=$TASK/IAMAuditRootUserCredentials" --duration-seconds 901)
grep -q "less than or equal to 900" <<<"$out" || fail "901 s refusal text: $out"
expect_error ValidationError "a policy that is not a root-task policy" admin sts assume-root --target-principal "$MEMBER" --task-policy-arn arn=arn:aws:iam::aws:policy/AdministratorAccess >/dev/null
expect_error AccessDenied "root session on the management account" admin sts assume-root --target-principal "$MGMT" --task-policy-arn "arn=$TASK/IAMAuditRootUserCredentials" >/dev/null
assume_root IAMAuditRootUserCredentials
expect_error AccessDenied "assume-root from a root session" as_root sts assume-root --target-principal "$MEMBER" --task-policy-arn "arn=$TASK/IAMAuditRootUserCredentials" >/dev/null
out=$(expect_error AccessDenied "assume-root as the operator user" env -u AWS_SESSION_TOKEN AWS_ACCESS_KEY_ID="$op_key" AWS_SECRET_ACCESS_KEY="$op_secret" aws --endpoint-url "$WARD_URL" sts assume-root --target-principal "$MEMBER" --task-policy-arn "arn=$TASK/IAMAuditRootUserCredentials")
grep -q "User: arn:aws:iam::$MGMT:user/cli-operator is not authorized to perform: sts:AssumeRoot on resource: arn:aws:iam::$MEMBER:root" <<<"$out" || fail "operator denial text: $out"

# 8. Allow password recovery again, for good: the member root's email owner may now reset it.
assume_root IAMCreateRootUserPassword
as_root iam create-login-profile >/dev/null

echo "aws-cli root access scenario: ok member=$MEMBER"
