/**
 * botocore's service name → the SAR's service prefix. Most are the service name itself, or the
 * signing name (`stepfunctions` signs as `states`); these are the ones neither gives.
 */
const PREFIX_OF: Readonly<Record<string, string>> = {
  cloudcontrol: 'cloudformation',
  'iot-data': 'iot',
  'iot-jobs-data': 'iot',
  iotsecuretunneling: 'iot',
  'iotevents-data': 'iotevents',
  mturk: 'mechanicalturk',
  'partnercentral-account': 'partnercentral',
  'partnercentral-benefits': 'partnercentral',
  'partnercentral-channel': 'partnercentral',
  'partnercentral-selling': 'partnercentral',
  resourcegroupstaggingapi: 'tag',
  sesv2: 'ses',
  'pinpoint-email': 'ses',
  mailmanager: 'ses',
};

/** The candidates to try, best first; the first the SAR knows is the prefix. */
export function prefixCandidates(service: string, signingName: string): string[] {
  const explicit = PREFIX_OF[service];
  return explicit ? [explicit] : [...new Set([service, signingName])];
}
