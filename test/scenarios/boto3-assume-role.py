#!/usr/bin/env python3
"""AssumeRole with MFA through boto3 against Ward.

Needs WARD_URL, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (the root user) in the environment.
Prints "boto3 scenario: ok" when every step behaved as AWS does.
"""
import base64
import hashlib
import hmac
import json
import os
import struct
import sys
import time

import boto3
from botocore.exceptions import ClientError

URL = os.environ["WARD_URL"]
ACCOUNT = "123456789012"


def client(service, creds=None):
    kwargs = {"endpoint_url": URL, "region_name": "us-east-1"}
    if creds:
        kwargs.update(aws_access_key_id=creds[0], aws_secret_access_key=creds[1], aws_session_token=creds[2] if len(creds) > 2 else None)
    else:
        kwargs.update(aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"], aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"])
    return boto3.client(service, **kwargs)


def totp(seed_b32, step):
    key = base64.b32decode(seed_b32 + "=" * (-len(seed_b32) % 8))
    digest = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = (struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
    return f"{code:06d}"


def expect_error(code, fn):
    try:
        fn()
    except ClientError as err:
        got = err.response["Error"]["Code"]
        if got != code:
            sys.exit(f"expected {code}, got {got}: {err}")
        return err
    sys.exit(f"expected {code}, but the call succeeded")


def check(cond, what):
    if not cond:
        sys.exit(f"check failed: {what}")


iam = client("iam")
iam.create_user(UserName="py-user")
iam.put_user_policy(
    UserName="py-user",
    PolicyName="assume",
    PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}]}),
)
key = iam.create_access_key(UserName="py-user")["AccessKey"]
user = (key["AccessKeyId"], key["SecretAccessKey"])

trust = {
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow", "Principal": {"AWS": ACCOUNT}, "Action": "sts:AssumeRole", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}
    ],
}
role_arn = iam.create_role(RoleName="py-role", AssumeRolePolicyDocument=json.dumps(trust))["Role"]["Arn"]
iam.put_role_policy(
    RoleName="py-role",
    PolicyName="read",
    PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:ListUsers", "Resource": "*"}]}),
)

device = iam.create_virtual_mfa_device(VirtualMFADeviceName="py-phone")["VirtualMFADevice"]
serial = device["SerialNumber"]
seed = device["Base32StringSeed"].decode() if isinstance(device["Base32StringSeed"], bytes) else device["Base32StringSeed"]
step = int(time.time()) // 30
iam.enable_mfa_device(UserName="py-user", SerialNumber=serial, AuthenticationCode1=totp(seed, step - 1), AuthenticationCode2=totp(seed, step))

sts = client("sts", user)
expect_error("AccessDenied", lambda: sts.assume_role(RoleArn=role_arn, RoleSessionName="no-mfa"))
wrong = "000000" if totp(seed, step + 1) != "000000" else "111111"
err = expect_error("AccessDenied", lambda: sts.assume_role(RoleArn=role_arn, RoleSessionName="bad-mfa", SerialNumber=serial, TokenCode=wrong))
check("MultiFactorAuthentication failed" in str(err), "MFA failure message")

out = sts.assume_role(RoleArn=role_arn, RoleSessionName="py-session", SerialNumber=serial, TokenCode=totp(seed, step + 1), DurationSeconds=900)
creds = out["Credentials"]
check(creds["AccessKeyId"].startswith("ASIA"), "ASIA key")
check(out["AssumedRoleUser"]["Arn"] == f"arn:aws:sts::{ACCOUNT}:assumed-role/py-role/py-session", "assumed role ARN")
session = (creds["AccessKeyId"], creds["SecretAccessKey"], creds["SessionToken"])
ident = client("sts", session).get_caller_identity()
check(ident["Arn"] == out["AssumedRoleUser"]["Arn"], "caller identity of the session")
client("iam", session).list_users()
expect_error("AccessDenied", lambda: client("iam", session).list_roles())
expect_error("InvalidClientTokenId", lambda: client("sts", (session[0], session[1], session[2][:-4] + "AAAA" if not session[2].endswith("AAAA") else session[2][:-4] + "BBBB")).get_caller_identity())

print("boto3 scenario: ok")
