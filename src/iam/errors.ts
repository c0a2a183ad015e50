import { AwsError } from '../shared/aws-error.js';

/** IAM's error texts, worded as AWS words them. */
export const iamErrors = {
  noSuchUser: (name: string) => new AwsError('NoSuchEntity', `The user with name ${name} cannot be found.`, 404),
  userExists: (name: string) => new AwsError('EntityAlreadyExists', `User with name ${name} already exists.`, 409),
  noSuchGroup: (name: string) => new AwsError('NoSuchEntity', `The group with name ${name} cannot be found.`, 404),
  groupExists: (name: string) => new AwsError('EntityAlreadyExists', `Group with name ${name} already exists.`, 409),
  noSuchAccessKey: (id: string) => new AwsError('NoSuchEntity', `The Access Key with id ${id} cannot be found.`, 404),
  aliasExists: (alias: string) => new AwsError('EntityAlreadyExists', `The account alias ${alias} already exists.`, 409),
  noSuchAlias: (alias: string) => new AwsError('NoSuchEntity', `The account alias ${alias} cannot be found.`, 404),
  deleteConflict: (what: string) => new AwsError('DeleteConflict', `Cannot delete entity, must ${what} first.`, 409),
  quota: (name: string, limit: number) => new AwsError('LimitExceeded', `Cannot exceed quota for ${name}: ${limit}`, 409),
  tooManyTags: () => new AwsError('LimitExceeded', 'The number of tags has reached the maximum limit.', 409),
  invalidInput: (message: string) => new AwsError('InvalidInput', message, 400),
};
