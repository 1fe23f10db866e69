import { describeUnstorable, ErrorCode, findUnstorableText, refusal, unstorableCharacter } from '@credit-hub/kit';
import {
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValueNode,
} from 'graphql';

/** Where a value sits: the argument's schema coordinate and the path inside the argument's value. */
interface Site {
  coordinate: string;
  path: string;
}

const join = (base: string, inner: string) =>
  !inner ? base : inner.startsWith('[') ? base + inner : `${base}.${inner}`;

/**
 * Every string that reaches an argument — inline literals and variables, at any depth of input objects
 * and lists, in field and directive arguments — must be text the database can store: no NUL and no half
 * of a surrogate pair. Checked once, at the gateway, before any planning, so such a string never becomes
 * a PostgreSQL error (22021) logged with its SQL deep in a subgraph. The error names the argument path
 * (`field`, as badInput does), the rule, the argument's schema coordinate and the variable it came in.
 */
export function checkArgumentText(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): GraphQLError | null {
  const { found, variableSites } = literalsOf(schema, document, operation);
  if (found) return found;
  for (const [name, value] of Object.entries(variables ?? {})) {
    const hit = findUnstorableText(value, '');
    if (!hit) continue;
    const site = variableSites.get(name);
    const variable = join(`$${name}`, hit.path);
    return refuseText(site ? join(site.path, hit.path) : variable, site?.coordinate ?? null, variable, hit.found);
  }
  return null;
}

interface Literals {
  /** The refusal of a literal string, if one is not storable. */
  found: GraphQLError | null;
  /** Where each variable is first used as an argument (for the error's path). */
  variableSites: Map<string, Site>;
}

/**
 * What the document itself says: its literal strings' verdict and where its variables go. It depends on the document
 * and the schema only, and Apollo Server hands every request of the same text the same parsed document, so it is
 * walked once per document and schema (ADR 0116: the walk was about 5 % of the gateway's CPU under the profile load);
 * only the variables are checked at every request.
 */
const literalsCache = new WeakMap<OperationDefinitionNode, WeakMap<GraphQLSchema, Literals>>();

function literalsOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): Literals {
  let bySchema = literalsCache.get(operation);
  if (!bySchema) literalsCache.set(operation, (bySchema = new WeakMap()));
  let literals = bySchema.get(schema);
  if (!literals) bySchema.set(schema, (literals = walkLiterals(schema, document, operation)));
  return literals;
}

function walkLiterals(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): Literals {
  const typeInfo = new TypeInfo(schema);
  const variableSites = new Map<string, Site>();
  let found: GraphQLError | null = null;

  const walk = (node: ValueNode, site: Site) => {
    if (found) return;
    if (node.kind === Kind.STRING) {
      const bad = unstorableCharacter(node.value);
      if (bad) found = refuseText(site.path, site.coordinate, null, bad);
    } else if (node.kind === Kind.LIST) {
      node.values.forEach((item, i) => walk(item, { ...site, path: `${site.path}[${i}]` }));
    } else if (node.kind === Kind.OBJECT) {
      for (const field of node.fields) walk(field.value, { ...site, path: join(site.path, field.name.value) });
    } else if (node.kind === Kind.VARIABLE && !variableSites.has(node.name.value)) {
      variableSites.set(node.name.value, site);
    }
  };

  // The operation that runs and the fragments it may spread (an unused fragment fails validation).
  const parts = [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)];
  for (const part of parts) {
    visit(
      part,
      visitWithTypeInfo(typeInfo, {
        Argument(node) {
          const directive = typeInfo.getDirective();
          const field = typeInfo.getFieldDef();
          const parent = typeInfo.getParentType();
          const coordinate = directive
            ? `@${directive.name}(${node.name.value}:)`
            : `${parent?.name ?? '?'}.${field?.name ?? '?'}(${node.name.value}:)`;
          walk(node.value, { coordinate, path: node.name.value });
        },
      }),
    );
    if (found) return { found, variableSites };
  }
  return { found, variableSites };
}

function refuseText(
  field: string,
  coordinate: string | null,
  variable: string | null,
  bad: NonNullable<ReturnType<typeof unstorableCharacter>>,
): GraphQLError {
  const where = [coordinate && `argument ${coordinate}`, variable && `variable ${variable}`].filter(Boolean).join(', ');
  return refusal(
    ErrorCode.BAD_USER_INPUT,
    400,
    `\`${field}\`${where ? ` (${where})` : ''} contains ${describeUnstorable(bad)}`,
    {
      field,
      rule: bad.rule,
      position: bad.position,
      ...(coordinate ? { argument: coordinate } : {}),
      ...(variable ? { variable } : {}),
    },
  );
}
