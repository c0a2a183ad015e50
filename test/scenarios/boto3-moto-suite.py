#!/usr/bin/env python3
"""What a test suite written against moto's server does, run against Ward in --emulator mode.

Needs WARD_URL in the environment; it signs with moto's usual dummy keys, as such suites do.
Prints "moto suite scenario: ok" when every step behaved as moto's server does.
"""
import json
import os
import urllib.request

import boto3
from botocore.exceptions import ClientError

URL = os.environ["WARD_URL"]
ACCOUNT = "123456789012"


def client(service, creds=("testing", "testing", None)):
    return boto3.client(
        service,
        endpoint_url=URL,
        region_name="us-east-1",
        aws_access_key_id=creds[0],
        aws_secret_access_key=creds[1],
        aws_session_token=creds[2],
    )


def check(condition, what):
    if not condition:
        raise SystemExit(f"moto suite scenario failed: {what}")


def moto_api(path, body=b""):
    request = urllib.request.Request(URL + path, data=body, method="POST")
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())


iam = client("iam")
sts = client("sts")

# The default caller: moto's user/moto in the default account.
me = sts.get_caller_identity()
check(me["Arn"] == f"arn:aws:iam::{ACCOUNT}:user/moto", f"default caller {me['Arn']}")

# A role with a junk trust policy is created, and kept verbatim; nobody may assume it.
iam.create_role(RoleName="junk", AssumeRolePolicyDocument="some policy")
try:
    sts.assume_role(RoleArn=f"arn:aws:iam::{ACCOUNT}:role/junk", RoleSessionName="suite")
    check(False, "a junk trust policy let a caller in")
except ClientError as err:
    check(err.response["Error"]["Code"] == "AccessDenied", f"junk trust: {err}")

# A normal role, assumed with the default credentials; the session works.
trust = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT}:root"}, "Action": "sts:AssumeRole"}],
}
iam.create_role(RoleName="app", AssumeRolePolicyDocument=json.dumps(trust))
iam.attach_role_policy(RoleName="app", PolicyArn="arn:aws:iam::aws:policy/IAMReadOnlyAccess")
creds = sts.assume_role(RoleArn=f"arn:aws:iam::{ACCOUNT}:role/app", RoleSessionName="suite")["Credentials"]
session = (creds["AccessKeyId"], creds["SecretAccessKey"], creds["SessionToken"])
check(
    client("sts", session).get_caller_identity()["Arn"] == f"arn:aws:sts::{ACCOUNT}:assumed-role/app/suite",
    "assumed-role identity",
)
check(any(r["RoleName"] == "app" for r in client("iam", session).list_roles()["Roles"]), "the session reads IAM")

# An organization account, described at once.
org = client("organizations")
org.create_organization(FeatureSet="ALL")
status = org.create_account(AccountName="dev", Email="dev@example.com")["CreateAccountStatus"]
check(status["State"] == "SUCCEEDED", f"CreateAccount state {status['State']}")
account = org.describe_account(AccountId=status["AccountId"])["Account"]
check(account["Name"] == "dev" and account["Status"] == "ACTIVE", f"described account {account}")

# Between tests a moto suite resets the server.
check(moto_api("/moto-api/reset") == {"status": "ok"}, "reset")
try:
    iam.get_role(RoleName="app")
    check(False, "the role survived the reset")
except ClientError as err:
    check(err.response["Error"]["Code"] == "NoSuchEntity", f"after reset: {err}")

print("moto suite scenario: ok")
