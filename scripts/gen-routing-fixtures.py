"""Serializes one request per operation with botocore itself (the oracle for the gateway's routing):
every operation of the services the gateway maps precisely, and the first operations of every other
service. Writes test/fixtures/gateway/routing-requests.json.gz. Run: python3 scripts/gen-routing-fixtures.py"""
import gzip, json, os, sys
import botocore.session
from botocore.serialize import create_serializer

FULL = {'s3', 'sqs', 'sns', 'dynamodb', 'lambda', 'kms', 'secretsmanager', 'ssm', 'logs', 'events', 'sts', 'ec2', 'cloudwatch'}
SAMPLE = 4

def value(shape, depth=0):
    t = shape.type_name
    if t == 'structure':
        return {n: value(shape.members[n], depth + 1) for n in shape.required_members} if depth < 6 else {}
    if t == 'list':
        return [value(shape.member, depth + 1)] if depth < 6 else []
    if t == 'map':
        return {'k': value(shape.value, depth + 1)} if depth < 6 else {}
    if t in ('integer', 'long'):
        return max(1, shape.metadata.get('min', 1))
    if t in ('float', 'double'):
        return 1.0
    if t == 'boolean':
        return True
    if t == 'timestamp':
        return 1700000000
    if t == 'blob':
        return b'x'
    enum = shape.metadata.get('enum')
    if enum:
        return enum[0]
    n = max(3, shape.metadata.get('min', 3))
    return ('ward' + 'x' * n)[:max(n, 8)]

session = botocore.session.get_session()
out = []
for name in session.get_available_services():
    try:
        model = session.get_service_model(name)
    except Exception:
        continue
    ops = model.operation_names if name in FULL else model.operation_names[:SAMPLE]
    for op_name in ops:
        op = model.operation_model(op_name)
        try:
            params = value(op.input_shape) if op.input_shape else {}
            req = create_serializer(model.metadata['protocol']).serialize_to_request(params, op)
        except Exception:
            continue
        path, _, query = req['url_path'].partition('?')
        qs = req.get('query_string') or {}
        if isinstance(qs, dict):
            from urllib.parse import quote
            extra = '&'.join(f"{quote(str(k), safe='-_.~')}={quote(str(v), safe='-_.~')}" for k, v in qs.items())
            query = '&'.join(p for p in [query, extra] if p)
        body = req.get('body') or b''
        if isinstance(body, dict):
            from urllib.parse import urlencode
            body = urlencode(body)
        if isinstance(body, str):
            body = body.encode()
        out.append({
            'service': name,
            'signingName': model.signing_name,
            'protocol': model.metadata['protocol'],
            'operation': op_name,
            'method': req['method'],
            'path': path,
            'query': query,
            'headers': {k: str(v) for k, v in req['headers'].items()},
            'body': body.decode('latin1') if len(body) < 4096 else '',
            'input': {k: v for k, v in params.items() if isinstance(v, str)},
        })
dest = os.path.join(os.path.dirname(__file__), '..', 'test', 'fixtures', 'gateway', 'routing-requests.json.gz')
with gzip.open(dest, 'wt') as f:
    json.dump(out, f)
print(f'{len(out)} requests from {len(set(o["service"] for o in out))} services -> {dest}')
