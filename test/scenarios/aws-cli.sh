#!/usr/bin/env bash
# The foundation flow driven by the real AWS CLI against a running Ward.
# Needs: WARD_URL, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (root) in the environment.
set -euo pipefail
export AWS_DEFAULT_REGION=us-east-1 AWS_PAGER= AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
aws() { command aws --endpoint-url "$WARD_URL" "$@"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
expect_eq() { [ "$1" = "$2" ] || fail "$3: expected '$2', got '$1'"; }

expect_eq "$(aws sts get-caller-identity --query Arn --output text)" "arn:aws:iam::123456789012:root" "root identity"

aws iam create-user --user-name cli-user --path /cli/ --tags Key=team,Value=cli >/dev/null
expect_eq "$(aws iam get-user --user-name cli-user --query User.Arn --output text)" "arn:aws:iam::123456789012:user/cli/cli-user" "user ARN"

aws iam create-group --group-name cli-group >/dev/null
aws iam add-user-to-group --group-name cli-group --user-name cli-user
expect_eq "$(aws iam list-groups-for-user --user-name cli-user --query 'Groups[0].GroupName' --output text)" "cli-group" "group membership"

read -r key_id secret < <(aws iam create-access-key --user-name cli-user --query 'AccessKey.[AccessKeyId,SecretAccessKey]' --output text)
[[ "$key_id" =~ ^AKIA[A-Z2-7]{16}$ ]] || fail "access key id $key_id"
aws iam create-access-key --user-name cli-user >/dev/null
if out=$(aws iam create-access-key --user-name cli-user 2>&1); then fail "third key was issued"; fi
grep -q "LimitExceeded" <<<"$out" || fail "third key error: $out"

expect_eq "$(AWS_ACCESS_KEY_ID=$key_id AWS_SECRET_ACCESS_KEY=$secret aws sts get-caller-identity --query Arn --output text)" \
  "arn:aws:iam::123456789012:user/cli/cli-user" "new key identity"
if out=$(AWS_ACCESS_KEY_ID=$key_id AWS_SECRET_ACCESS_KEY=$secret aws iam create-user --user-name nope 2>&1); then fail "user without policies created a user"; fi
grep -q "AccessDenied" <<<"$out" || fail "denial: $out"

if out=$(aws iam delete-user --user-name cli-user 2>&1); then fail "deleted a user with keys"; fi
grep -q "DeleteConflict" <<<"$out" || fail "delete conflict: $out"

for k in $(aws iam list-access-keys --user-name cli-user --query 'AccessKeyMetadata[].AccessKeyId' --output text); do
  aws iam delete-access-key --user-name cli-user --access-key-id "$k"
done
aws iam remove-user-from-group --group-name cli-group --user-name cli-user
aws iam delete-user --user-name cli-user
aws iam delete-group --group-name cli-group
expect_eq "$(aws iam list-users --query 'length(Users)' --output text)" "0" "users left"

aws iam create-account-alias --account-alias ward-cli
expect_eq "$(aws iam list-account-aliases --query 'AccountAliases[0]' --output text)" "ward-cli" "alias"
echo "aws-cli scenario: ok"
