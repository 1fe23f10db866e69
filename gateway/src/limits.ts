import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode, refusal } from '@credit-hub/kit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isListType,
  isObjectType,
  Kind,
  Lexer,
  Source,
  TokenKind,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
  type ValueNode,
} from 'graphql';

/** Abuse limits on an operation; each refusal has its own stable code. Defaults in docs/security.md. */
export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
  maxPageSize: number;
  /** Cost multiplier of a list field that has no `first` argument. */
  defaultListSize: number;
}

export const DEFAULT_LIMITS: OperationLimits = {
  maxDepth: 8,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 2000,
  maxCost: 5000,
  maxPageSize: 100,
  defaultListSize: 10,
};

/**
 * Counts lexical tokens, stopping as soon as the limit is passed: a huge document is refused before
 * it is parsed into an AST.
 */
export function exceedsTokenLimit(query: string, max: number): boolean {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      count += 1;
      if (count > max) return true;
    }
  } catch {
    return false; // a syntax error: the parser reports it properly
  }
  return false;
}

/** What a cost walk read besides the document: whether any variable decided a multiplier. */
export interface CostReads {
  variables: boolean;
}

function intValue(
  node: ValueNode | undefined,
  variables: Record<string, unknown>,
  reads: CostReads | undefined,
): number | null {
  if (!node) return null;
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) {
    if (reads) reads.variables = true;
    const value = variables[node.name.value];
    return typeof value === 'number' ? value : null;
  }
  return null;
}

/**
 * Estimated cost: every field costs 1 plus its children times its multiplier. A paged field costs by
 * its `first` argument (the lists inside a page — edges, nodes — are covered by it); another list field
 * costs `defaultListSize` times its children.
 */
export function operationCost(
  schema: GraphQLSchema,
  selectionSet: SelectionSetNode,
  parentType: GraphQLCompositeType,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  limits: OperationLimits,
  insidePage = false,
  reads?: CostReads,
): number {
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FRAGMENT_SPREAD || selection.kind === Kind.INLINE_FRAGMENT) {
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments[selection.name.value] : selection;
      if (!fragment) continue;
      const typeName = fragment.typeCondition?.name.value;
      const type = (typeName ? schema.getType(typeName) : parentType) as GraphQLCompositeType | undefined;
      if (type)
        total += operationCost(schema, fragment.selectionSet, type, fragments, variables, limits, insidePage, reads);
      continue;
    }
    if (!isObjectType(parentType) || selection.name.value.startsWith('__')) {
      total += 1;
      continue;
    }
    const field = parentType.getFields()[selection.name.value];
    if (!field) continue;
    const first = intValue(selection.arguments?.find((a) => a.name.value === 'first')?.value, variables, reads);
    if (first !== null && first > limits.maxPageSize) {
      throw refusal(
        ErrorCode.BAD_USER_INPUT,
        400,
        `\`first\` must be between 1 and ${limits.maxPageSize}, got ${first}`,
        {
          field: 'first',
          rule: 'RANGE',
          max: limits.maxPageSize,
        },
      );
    }
    const isList = isListType(getNullableType(field.type));
    const multiplier = first !== null ? Math.max(first, 1) : isList && !insidePage ? limits.defaultListSize : 1;
    const childType = getNamedType(field.type);
    const children =
      selection.selectionSet && (isObjectType(childType) || 'getTypes' in childType || 'getInterfaces' in childType)
        ? operationCost(
            schema,
            selection.selectionSet,
            childType as GraphQLCompositeType,
            fragments,
            variables,
            limits,
            first !== null,
            reads,
          )
        : 0;
    total += 1 + multiplier * children;
  }
  return total;
}

/** The depth, alias and directive verdict on a document: null when it passes. */
type Verdict = { code: ErrorCode; message: string } | null;

/**
 * Runs the depth, alias, directive and cost limits once the operation is known, before any fetch.
 *
 * The first three depend on the document and the schema only, and Apollo Server hands every request of the same text
 * the same parsed document (its document cache): their verdict is kept per document and schema, so a page asked
 * again and again is walked once, not at every request (profiled at about 5 % of the gateway's CPU). The cost is kept
 * the same way when no variable decided it (no `first: $n`); one that depends on the variables is computed every time
 * (ADR 0129). Both caches hang on the document and schema objects (WeakMaps), so they go with them.
 */
export function limitsPlugin(limits: OperationLimits): ApolloServerPlugin {
  const verdicts = new WeakMap<DocumentNode, WeakMap<GraphQLSchema, Verdict>>();
  const costs = new WeakMap<OperationDefinitionNode, WeakMap<GraphQLSchema, number>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, schema, operation, request }) {
          let bySchema = verdicts.get(document);
          if (!bySchema) verdicts.set(document, (bySchema = new WeakMap()));
          let verdict = bySchema.get(schema);
          if (verdict === undefined) {
            verdict = armorVerdict(schema, document, limits);
            bySchema.set(schema, verdict);
          }
          if (verdict) throw refusal(verdict.code, 400, verdict.message);
          const root = operation && schema.getRootType(operation.operation);
          if (!root || !operation) return;
          let costBySchema = costs.get(operation);
          if (!costBySchema) costs.set(operation, (costBySchema = new WeakMap()));
          let cost = costBySchema.get(schema);
          if (cost === undefined) {
            const fragments = Object.fromEntries(
              document.definitions
                .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
                .map((d) => [d.name.value, d]),
            );
            const reads: CostReads = { variables: false };
            cost = operationCost(
              schema,
              operation.selectionSet,
              root,
              fragments,
              request.variables ?? {},
              limits,
              false,
              reads,
            );
            if (!reads.variables) costBySchema.set(schema, cost);
          }
          if (cost > limits.maxCost) {
            throw refusal(
              ErrorCode.COST_LIMIT_EXCEEDED,
              400,
              `Operation cost ${cost} exceeds the limit of ${limits.maxCost}: request fewer items per page or fewer fields`,
              {
                cost,
                maxCost: limits.maxCost,
              },
            );
          }
        },
      };
    },
  };
}

/** The graphql-armor depth, alias and directive rules over a document: the first refusal, or null. */
function armorVerdict(schema: GraphQLSchema, document: DocumentNode, limits: OperationLimits): Verdict {
  let rejected: Verdict = null;
  const onReject = (code: ErrorCode) => [
    (_ctx: unknown, error: GraphQLError) => {
      rejected ??= { code, message: error.message.replace(/^Syntax Error: /, '') };
    },
  ];
  const rules: ValidationRule[] = [
    maxDepthRule({
      n: limits.maxDepth,
      onReject: onReject(ErrorCode.DEPTH_LIMIT_EXCEEDED),
      propagateOnRejection: false,
    }),
    maxAliasesRule({
      n: limits.maxAliases,
      onReject: onReject(ErrorCode.ALIAS_LIMIT_EXCEEDED),
      propagateOnRejection: false,
    }),
    maxDirectivesRule({
      n: limits.maxDirectives,
      onReject: onReject(ErrorCode.DIRECTIVE_LIMIT_EXCEEDED),
      propagateOnRejection: false,
    }),
  ] as ValidationRule[];
  validate(schema, document, rules);
  return rejected;
}
