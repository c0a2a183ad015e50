import { describe, expect, it } from 'vitest';
import { AwsError } from '../shared/aws-error.js';
import { ModeledAwsError, accountError, iamError, modelError, organizationsError, stsError } from './errors.js';
import { loadModel } from './model.js';

describe('modeled errors', () => {
  it('takes code, status and fault from the error trait', () => {
    const err = iamError('NoSuchEntityException', 'The user with name bob cannot be found.');
    expect(err).toBeInstanceOf(AwsError);
    expect(err).toBeInstanceOf(ModeledAwsError);
    expect([err.code, err.status, err.fault, err.shape]).toEqual([
      'NoSuchEntity',
      404,
      'Sender',
      'NoSuchEntityException',
    ]);
    expect(err.message).toBe('The user with name bob cannot be found.');

    expect(iamError('EntityAlreadyExistsException', 'x')).toMatchObject({ code: 'EntityAlreadyExists', status: 409 });
    expect(iamError('CredentialReportExpiredException', 'x')).toMatchObject({ code: 'ReportExpired', status: 410 });
    expect(iamError('ServiceNotSupportedException', 'x')).toMatchObject({ code: 'NotSupportedService', status: 404 });
    expect(stsError('ExpiredTokenException', 'x')).toMatchObject({ code: 'ExpiredTokenException', status: 400 });
    expect(stsError('RegionDisabledException', 'x')).toMatchObject({ code: 'RegionDisabledException', status: 403 });
  });

  it('treats a trait without senderFault as a server fault', () => {
    expect(iamError('ServiceFailureException', 'x')).toMatchObject({
      code: 'ServiceFailure',
      status: 500,
      fault: 'Receiver',
    });
  });

  it('falls back to the shape name and 400 without an error trait (Organizations, some IAM shapes)', () => {
    expect(organizationsError('AccountNotFoundException', 'x')).toMatchObject({
      code: 'AccountNotFoundException',
      status: 400,
      fault: 'Sender',
    });
    expect(organizationsError('ServiceException', 'x')).toMatchObject({
      code: 'ServiceException',
      status: 500,
      fault: 'Receiver',
    });
    expect(iamError('OrganizationNotFoundException', 'x')).toMatchObject({
      code: 'OrganizationNotFoundException',
      status: 400,
    });
  });

  it('records which member carries the message and any extra fields', () => {
    expect(organizationsError('AccountNotFoundException', 'x').messageMember).toBe('Message');
    const err = accountError('ValidationException', 'bad', { reason: 'fieldValidationFailed' });
    expect(err.messageMember).toBe('message');
    expect(err.fields).toEqual({ reason: 'fieldValidationFailed' });
    expect(err.status).toBe(400);
  });

  it('refuses shapes that are not exceptions', () => {
    expect(() => modelError(loadModel('iam'), 'User', 'x')).toThrow(/not an exception/);
    expect(() => modelError(loadModel('iam'), 'Nope', 'x')).toThrow(/no shape Nope/);
  });

  it('checks shape names at compile time', () => {
    // @ts-expect-error: not an IAM exception shape
    expect(() => iamError('NoSuchUserException', 'x')).toThrow();
    // @ts-expect-error: an Organizations shape is not an IAM one
    expect(() => iamError('AccountNotFoundException', 'x')).toThrow();
  });
});
