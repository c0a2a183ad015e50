import type { ServiceModel } from './model.js';

/**
 * A tiny Query-protocol model exercising what IAM and STS never use (flattened lists and maps,
 * locationName on members, list items and map entries, blobs, doubles), for the codec tests.
 */
export const syntheticQueryModel: ServiceModel = {
  metadata: {
    apiVersion: '2020-01-01',
    protocol: 'query',
    serviceId: 'Synthetic',
    endpointPrefix: 'synthetic',
    xmlNamespace: 'https://synthetic.example/doc/2020-01-01/',
  },
  operations: {
    Echo: {
      name: 'Echo',
      http: { method: 'POST', requestUri: '/' },
      input: { shape: 'EchoShape' },
      output: { shape: 'EchoShape', resultWrapper: 'EchoResult' },
    },
  },
  shapes: {
    EchoShape: {
      type: 'structure',
      members: {
        Renamed: { shape: 'Str', locationName: 'WireName' },
        Flat: { shape: 'FlatList' },
        FlatNamed: { shape: 'FlatNamedList' },
        Items: { shape: 'NamedItemList' },
        Attrs: { shape: 'AttrMap' },
        FlatAttrs: { shape: 'FlatMap' },
        Data: { shape: 'Bytes' },
        Ratio: { shape: 'Dbl' },
        Count: { shape: 'Lng' },
        When: { shape: 'Time' },
        Nested: { shape: 'Inner' },
      },
    },
    Inner: { type: 'structure', members: { Enabled: { shape: 'Bool' }, Deeper: { shape: 'Inner' } } },
    FlatList: { type: 'list', member: { shape: 'Str' }, flattened: true },
    FlatNamedList: { type: 'list', member: { shape: 'Str', locationName: 'Item' }, flattened: true },
    NamedItemList: { type: 'list', member: { shape: 'Str', locationName: 'item' } },
    AttrMap: { type: 'map', key: { shape: 'Str', locationName: 'Name' }, value: { shape: 'Str', locationName: 'Val' } },
    FlatMap: { type: 'map', key: { shape: 'Str' }, value: { shape: 'Str' }, flattened: true },
    Str: { type: 'string' },
    Bool: { type: 'boolean' },
    Bytes: { type: 'blob' },
    Dbl: { type: 'double' },
    Lng: { type: 'long' },
    Time: { type: 'timestamp' },
  },
};

/** A tiny JSON 1.1 model with the scalar types Organizations barely uses (timestamps in input, blobs, maps). */
export const syntheticJsonModel: ServiceModel = {
  metadata: {
    apiVersion: '2020-01-01',
    protocol: 'json',
    jsonVersion: '1.1',
    targetPrefix: 'Synthetic_20200101',
    serviceId: 'SyntheticJson',
    endpointPrefix: 'synthetic',
  },
  operations: {
    Echo: { name: 'Echo', http: { method: 'POST', requestUri: '/' }, input: { shape: 'Doc' }, output: { shape: 'Doc' } },
  },
  shapes: {
    Doc: {
      type: 'structure',
      members: {
        When: { shape: 'Time' },
        IsoWhen: { shape: 'Time', timestampFormat: 'iso8601' },
        Data: { shape: 'Bytes' },
        Ratio: { shape: 'Dbl' },
        Labels: { shape: 'Labels' },
      },
    },
    Labels: { type: 'map', key: { shape: 'Str' }, value: { shape: 'Str' } },
    Str: { type: 'string' },
    Time: { type: 'timestamp' },
    Bytes: { type: 'blob' },
    Dbl: { type: 'double' },
  },
};
