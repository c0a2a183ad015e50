/**
 * Generates `src/wire/generated/<service>.ts` from the trimmed models in `src/wire/models/`:
 * an interface per structure, a string-literal union per enum, an operation map and an
 * exception-name union per service. Re-runnable: `npm run models:gen`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ServiceModel, Shape, ShapeRef } from '../src/wire/model.js';

/** The services whose models get types, with the prefix of their per-service type names. */
export const SERVICES = [
  { id: 'iam', prefix: 'Iam' },
  { id: 'sts', prefix: 'Sts' },
  { id: 'organizations', prefix: 'Organizations' },
  { id: 'account', prefix: 'Account' },
  { id: 'cloudtrail', prefix: 'CloudTrail' },
] as const;

/**
 * Names a shape must not take as a type: TS keywords and predefined types, plus globals whose
 * shadowing would silently change what the generated code means (`Date`, `Uint8Array`, `Record`, …).
 */
const UNSAFE_NAMES = new Set([
  'any',
  'as',
  'asserts',
  'bigint',
  'boolean',
  'break',
  'case',
  'catch',
  'class',
  'const',
  'continue',
  'debugger',
  'declare',
  'default',
  'delete',
  'do',
  'else',
  'enum',
  'export',
  'extends',
  'false',
  'finally',
  'for',
  'from',
  'function',
  'get',
  'if',
  'implements',
  'import',
  'in',
  'infer',
  'instanceof',
  'interface',
  'is',
  'keyof',
  'let',
  'module',
  'namespace',
  'never',
  'new',
  'null',
  'number',
  'object',
  'of',
  'package',
  'private',
  'protected',
  'public',
  'readonly',
  'require',
  'return',
  'set',
  'static',
  'string',
  'super',
  'switch',
  'symbol',
  'this',
  'throw',
  'true',
  'try',
  'type',
  'typeof',
  'undefined',
  'unique',
  'unknown',
  'var',
  'void',
  'while',
  'with',
  'yield',
  'await',
  'async',
  'global',
  'accessor',
  'satisfies',
  'out',
  'Array',
  'ArrayBuffer',
  'Awaited',
  'BigInt',
  'Boolean',
  'Date',
  'Error',
  'Exclude',
  'Extract',
  'Function',
  'Infinity',
  'Iterable',
  'JSON',
  'Map',
  'Math',
  'NaN',
  'NonNullable',
  'Number',
  'Object',
  'Omit',
  'Parameters',
  'Partial',
  'Pick',
  'Promise',
  'Readonly',
  'ReadonlyArray',
  'Record',
  'RegExp',
  'Required',
  'ReturnType',
  'Set',
  'String',
  'Symbol',
  'Uint8Array',
  'WeakMap',
  'WeakSet',
]);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

class Generator {
  private readonly names = new Map<string, string>();
  private readonly reserved: Set<string>;

  constructor(
    private readonly model: ServiceModel,
    private readonly prefix: string,
  ) {
    this.reserved = new Set([`${prefix}Operations`, `${prefix}OperationName`, `${prefix}ErrorShape`]);
  }

  private shape(name: string): Shape {
    const shape = this.model.shapes[name];
    if (!shape) throw new Error(`unknown shape ${name}`);
    return shape;
  }

  /** The TS name of a named (structure or enum) shape, prefixed when the bare name is unsafe. */
  typeName(shapeName: string): string {
    let name = this.names.get(shapeName);
    if (!name) {
      const clean = shapeName.replace(/[^A-Za-z0-9_$]/g, '_');
      const unsafe = UNSAFE_NAMES.has(clean) || this.reserved.has(clean) || !IDENTIFIER.test(clean);
      name = unsafe ? `${this.prefix}${clean.charAt(0).toUpperCase()}${clean.slice(1)}` : clean;
      this.names.set(shapeName, name);
    }
    return name;
  }

  typeOf(ref: ShapeRef): string {
    const shape = this.shape(ref.shape);
    switch (shape.type) {
      case 'structure':
        return this.typeName(ref.shape);
      case 'string':
        return shape.enum ? this.typeName(ref.shape) : 'string';
      case 'integer':
      case 'long':
      case 'float':
      case 'double':
        return 'number';
      case 'boolean':
        return 'boolean';
      case 'timestamp':
        return 'Date';
      case 'blob':
        return 'Uint8Array';
      case 'list': {
        if (!shape.member) throw new Error(`list ${ref.shape} has no member`);
        const item = this.typeOf(shape.member);
        return IDENTIFIER.test(item) ? `${item}[]` : `Array<${item}>`;
      }
      case 'map': {
        if (!shape.key || !shape.value) throw new Error(`map ${ref.shape} lacks key/value`);
        const key = this.typeOf(shape.key);
        const value = this.typeOf(shape.value);
        return key === 'string' ? `Record<string, ${value}>` : `Partial<Record<${key}, ${value}>>`;
      }
      default:
        return 'unknown';
    }
  }

  private structure(name: string, shape: Shape): string {
    const required = new Set(shape.required ?? []);
    const lines = Object.entries(shape.members ?? {}).map(([member, ref]) => {
      const key = IDENTIFIER.test(member) ? member : JSON.stringify(member);
      const deprecated = ref.deprecated || this.shape(ref.shape).deprecated ? '  /** @deprecated */\n' : '';
      return `${deprecated}  ${key}${required.has(member) ? '' : '?'}: ${this.typeOf(ref)};`;
    });
    const body = lines.length ? `{\n${lines.join('\n')}\n}` : '{}';
    const kind = shape.exception ? 'exception' : 'structure';
    return `/** ${kind} ${name} */\nexport interface ${this.typeName(name)} ${body}\n`;
  }

  private operations(): string {
    const prefix = this.prefix;
    const lines = Object.entries(this.model.operations).map(([name, op]) => {
      const input = op.input ? this.typeName(op.input.shape) : 'Record<string, never>';
      const output = op.output ? this.typeName(op.output.shape) : 'Record<string, never>';
      return `  ${name}: { input: ${input}; output: ${output} };`;
    });
    return [
      `/** Every ${this.model.metadata.serviceId} operation's input and output; \`Record<string, never>\` means none on the wire. */`,
      `export interface ${prefix}Operations {\n${lines.join('\n')}\n}\n`,
      `/** Names of the ${this.model.metadata.serviceId} operations. */`,
      `export type ${prefix}OperationName = keyof ${prefix}Operations;\n`,
    ].join('\n');
  }

  private errorShapes(): string {
    const names = Object.entries(this.model.shapes)
      .filter(([, s]) => s.exception)
      .map(([n]) => `  | ${JSON.stringify(n)}`);
    const union = names.length ? `\n${names.join('\n')}` : ' never';
    return `/** Exception shape names of ${this.model.metadata.serviceId}, for the typed error helpers. */\nexport type ${this.prefix}ErrorShape =${union};\n`;
  }

  generate(): string {
    const out: string[] = [
      '// generated — do not edit; run npm run models:gen',
      `// Source: src/wire/models/ (${this.model.metadata.serviceId} ${this.model.metadata.apiVersion}).\n`,
    ];
    for (const [name, shape] of Object.entries(this.model.shapes)) {
      if (shape.type === 'structure') out.push(this.structure(name, shape));
      else if (shape.type === 'string' && shape.enum) {
        const values = shape.enum.map((v) => JSON.stringify(v)).join(' | ');
        out.push(`/** enum ${name} */\nexport type ${this.typeName(name)} = ${values};\n`);
      }
    }
    out.push(this.operations(), this.errorShapes());
    return out.join('\n');
  }
}

/** The source of `src/wire/generated/<service>.ts` for a model. */
export function generateTypes(model: ServiceModel, prefix: string): string {
  return new Generator(model, prefix).generate();
}

function main(): void {
  const modelsDir = fileURLToPath(new URL('../src/wire/models/', import.meta.url));
  const outDir = fileURLToPath(new URL('../src/wire/generated/', import.meta.url));
  mkdirSync(outDir, { recursive: true });
  for (const { id, prefix } of SERVICES) {
    const model = JSON.parse(readFileSync(join(modelsDir, `${id}.json`), 'utf8')) as ServiceModel;
    const file = join(outDir, `${id}.ts`);
    writeFileSync(file, generateTypes(model, prefix));
    console.log(`${id} -> ${file}`);
  }
}

// Only when run as a script: the freshness test imports generateTypes.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
