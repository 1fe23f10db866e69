/**
 * Builds hostile GraphQL requests from the schema and the published operations themselves, so a new
 * operation, argument or input field is covered by the hostile-input suite (hostile.test.ts) without
 * anyone adding a case.
 */
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  Kind,
  print,
  typeFromAST,
  visit,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValueNode,
} from 'graphql';

/** Strings no database text can hold, as a caller would send them. */
export const UNSTORABLE_SAMPLES: Record<string, string> = {
  'NUL at the end': '华创\u0000',
  'NUL alone': '\u0000',
  'lone high surrogate': '\uD800华创',
  'lone low surrogate': '华创\uDC00',
  'reversed surrogate pair': '\uDC00\uD83C',
};

/** A place in an argument's value where a string goes: the path below the argument and its JSON setter. */
export interface StringSlot {
  /** Below the argument: '' for the argument itself, `.authority`, `[0].reference`. */
  path: string;
  /** The argument's JSON value with `text` placed at this slot (other required parts filled in). */
  value(text: string): unknown;
}

const MAX_INPUT_DEPTH = 4;

/** A valid JSON value of a type: the smallest one (required input fields only). */
export function sampleValue(type: GraphQLInputType, depth = 0): unknown {
  const inner = getNullableType(type);
  if (isListType(inner)) return [sampleValue(inner.ofType, depth)];
  if (isEnumType(inner)) return inner.getValues()[0]?.name;
  if (isInputObjectType(inner)) {
    if (depth > MAX_INPUT_DEPTH) return {};
    return Object.fromEntries(
      Object.values(inner.getFields())
        .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
        .map((f) => [f.name, sampleValue(f.type, depth + 1)]),
    );
  }
  switch (inner.name) {
    case 'Int':
      return 1;
    case 'Float':
      return 1.5;
    case 'Boolean':
      return true;
    case 'Date':
      return '2025-01-01';
    default:
      return 'x';
  }
}

/** Every place a string can go in a value of this type: String, ID and custom scalars, at any depth. */
export function stringSlots(type: GraphQLInputType, depth = 0): StringSlot[] {
  const inner = getNullableType(type);
  if (isListType(inner))
    return stringSlots(inner.ofType, depth).map((slot) => ({
      path: `[0]${slot.path}`,
      value: (text) => [slot.value(text)],
    }));
  if (isInputObjectType(inner)) {
    if (depth > MAX_INPUT_DEPTH) return [];
    return Object.values(inner.getFields()).flatMap((field) =>
      stringSlots(field.type, depth + 1).map((slot) => ({
        path: `.${field.name}${slot.path}`,
        value: (text: string) => ({ ...(sampleValue(inner, depth) as object), [field.name]: slot.value(text) }),
      })),
    );
  }
  if (isScalarType(inner) && !['Int', 'Float', 'Boolean'].includes(inner.name))
    return [{ path: '', value: (text) => text }];
  return [];
}

const literal = (value: unknown): string =>
  typeof value === 'string'
    ? JSON.stringify(value)
    : Array.isArray(value)
      ? `[${value.map(literal).join(', ')}]`
      : value !== null && typeof value === 'object'
        ? `{ ${Object.entries(value)
            .map(([k, v]) => `${k}: ${literal(v)}`)
            .join(', ')} }`
        : String(value);

/** The same JSON value as a GraphQL literal, enum names unquoted (the type says where they are). */
function literalOf(type: GraphQLInputType, value: unknown): string {
  const inner = getNullableType(type);
  if (value === null || value === undefined) return 'null';
  if (isListType(inner)) return `[${(value as unknown[]).map((v) => literalOf(inner.ofType, v)).join(', ')}]`;
  if (isEnumType(inner)) return String(value);
  if (isInputObjectType(inner)) {
    const fields = inner.getFields();
    return `{ ${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${literalOf(fields[k]!.type, v)}`)
      .join(', ')} }`;
  }
  return literal(value);
}

/** One hostile request against one string slot of a root field's argument. */
export interface ArgumentCase {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  /** The argument path the gateway must name, and the argument's schema coordinate. */
  field: string;
  coordinate: string;
}

/**
 * For every root field (queries and mutations) and every string slot of its arguments: the field called
 * with `text` in that slot, once through a variable and once inline (when `inline`), every other required
 * argument filled with a valid value, selecting only __typename.
 */
export function rootFieldCases(schema: GraphQLSchema, text: string, inline: boolean): ArgumentCase[] {
  const cases: ArgumentCase[] = [];
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    if (!root) continue;
    const keyword = root === schema.getMutationType() ? 'mutation' : 'query';
    for (const field of Object.values(root.getFields())) {
      for (const arg of field.args) {
        for (const slot of stringSlots(arg.type)) {
          const coordinate = `${root.name}.${field.name}(${arg.name}:)`;
          const others = (replaced: string) =>
            [
              replaced,
              ...field.args
                .filter((a) => a !== arg && isNonNullType(a.type) && a.defaultValue === undefined)
                .map((a) => `${a.name}: ${literalOf(a.type, sampleValue(a.type))}`),
            ].join(', ');
          const base = { field: `${arg.name}${slot.path}`, coordinate };
          cases.push({
            ...base,
            name: `${coordinate}${slot.path} via a variable`,
            query: `${keyword}($v: ${String(arg.type)}) { ${field.name}(${others(`${arg.name}: $v`)})${selection(field)} }`,
            variables: { v: slot.value(text) },
          });
          if (inline)
            cases.push({
              ...base,
              name: `${coordinate}${slot.path} inline`,
              query: `${keyword} { ${field.name}(${others(`${arg.name}: ${literalOf(arg.type, slot.value(text))}`)})${selection(field)} }`,
              variables: {},
            });
        }
      }
    }
  }
  return cases;
}

const selection = (field: GraphQLField<unknown, unknown> | GraphQLArgument) =>
  'args' in field && isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';

/** One hostile request against one string slot of a published operation's variable. */
export interface OperationCase {
  slot: string;
  variables: Record<string, unknown>;
  /** The argument path the gateway must name. */
  field: string;
  /** The operation with this value written inline instead of the variable (when the variable is the slot). */
  inlineQuery: string | null;
}

/**
 * For a published operation and every string slot of its variables: the variables with `text` in that
 * slot and valid values for the other required variables.
 */
export function operationCases(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  text: string,
): OperationCase[] {
  const types = new Map<string, GraphQLInputType>();
  for (const definition of operation.variableDefinitions ?? [])
    types.set(definition.variable.name.value, typeFromAST(schema, definition.type as never) as GraphQLInputType);
  // Where each variable is used: the argument path it fills.
  const usedAt = new Map<string, string>();
  visit(operation, {
    Argument(node) {
      const walk = (value: ValueNode, path: string) => {
        if (value.kind === Kind.VARIABLE && !usedAt.has(value.name.value)) usedAt.set(value.name.value, path);
        if (value.kind === Kind.LIST) value.values.forEach((v, i) => walk(v, `${path}[${i}]`));
        if (value.kind === Kind.OBJECT) for (const f of value.fields) walk(f.value, `${path}.${f.name.value}`);
      };
      walk(node.value, node.name.value);
    },
  });
  const required = Object.fromEntries(
    (operation.variableDefinitions ?? [])
      .filter((d) => d.type.kind === Kind.NON_NULL_TYPE && !d.defaultValue)
      .map((d) => [d.variable.name.value, sampleValue(types.get(d.variable.name.value)!)]),
  );
  const cases: OperationCase[] = [];
  for (const [name, type] of types) {
    for (const slot of stringSlots(type)) {
      const inlineQuery = slot.path === '' ? print(inlined(operation, name, text)) : null;
      cases.push({
        slot: `$${name}${slot.path}`,
        variables: { ...required, [name]: slot.value(text) },
        field: `${usedAt.get(name) ?? `$${name}`}${slot.path}`,
        inlineQuery,
      });
    }
  }
  return cases;
}

/** The operation with `$name` replaced by a string literal and its definition removed. */
function inlined(operation: OperationDefinitionNode, name: string, text: string): OperationDefinitionNode {
  return visit(operation, {
    VariableDefinition: (node) => (node.variable.name.value === name ? null : undefined),
    Variable: (node) => (node.name.value === name ? { kind: Kind.STRING, value: text } : undefined),
  });
}

/** Who owns a root field and at what access level, as the supergraph says (`@join__field`, `@access`). */
export function rootFieldAccess(supergraphSdl: string): Map<string, { graph: string; level: string }> {
  const access = new Map<string, { graph: string; level: string }>();
  for (const root of ['Query', 'Mutation']) {
    const block = new RegExp(`^type ${root}\\b[^{]*\\{([\\s\\S]*?)^\\}`, 'm').exec(supergraphSdl)?.[1] ?? '';
    const fields = block.replace(/"""[\s\S]*?"""/g, '').replace(/"[^"\n]*"/g, '');
    for (const m of fields.matchAll(
      /^ {2}(\w+)(?:\([\s\S]*?\))?:[^@\n]*@join__field\(graph: (\w+)[^)]*\)[^\n]*?@access\(level: (\w+)\)/gm,
    ))
      access.set(`${root}.${m[1]}`, { graph: m[2]!.toLowerCase(), level: m[3]! });
  }
  return access;
}
