import {
  defaultFieldResolver,
  isObjectType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type ValueNode,
} from 'graphql';
import { forbidden } from '../errors.ts';
import { maskIdNumber, maskIdNumberBirthDate, maskPersonName } from '../codes/mask.ts';
import type { AuditBuffer } from './audit.ts';
import type { Identity } from './identity.ts';
import { ACCESS_LEVELS, canRead, canSeePersonal, canWrite, type AccessLevel, type PersonalAudience } from './policy.ts';

/** What the access layer needs from a request's context. */
export interface AccessContext {
  identity: Identity;
  audit: AuditBuffer;
}

/** The PersonalDataKind values of common.graphql, each with its mask (rules and sources in codes/mask.ts). */
const MASKS = {
  NAME: maskPersonName,
  ID_NUMBER: maskIdNumber,
  ID_NUMBER_BIRTH_DATE_HIDDEN: maskIdNumberBirthDate,
} as const;
export type PersonalKind = keyof typeof MASKS;

interface FieldPolicy {
  level: AccessLevel;
  personal: { kind: PersonalKind; subjectKinds: string[] | null } | null;
}

/** Federation's own plumbing, answered before any field of ours runs. */
const FEDERATION_TYPES = new Set(['_Service', '_Entity', '_Any']);
const FEDERATION_FIELDS = new Set(['Query._entities', 'Query._service']);

function directiveArg(
  node:
    | {
        directives?: readonly {
          name: { value: string };
          arguments?: readonly { name: { value: string }; value: ValueNode }[];
        }[];
      }
    | null
    | undefined,
  directive: string,
  arg: string,
): ValueNode | undefined {
  const found = node?.directives?.find((d) => d.name.value === directive);
  return found?.arguments?.find((a) => a.name.value === arg)?.value;
}

const enumOrString = (v: ValueNode | undefined): string | undefined =>
  v && (v.kind === 'EnumValue' || v.kind === 'StringValue') ? v.value : undefined;

function levelOf(node: Parameters<typeof directiveArg>[0]): AccessLevel | undefined {
  const value = enumOrString(directiveArg(node, 'access', 'level'));
  if (value === undefined) return undefined;
  if (!(ACCESS_LEVELS as readonly string[]).includes(value)) throw new Error(`unknown access level ${value}`);
  return value as AccessLevel;
}

function personalOf(field: GraphQLField<unknown, unknown>): FieldPolicy['personal'] {
  const kind = enumOrString(directiveArg(field.astNode, 'personal', 'kind'));
  if (!kind) return null;
  if (!Object.hasOwn(MASKS, kind)) throw new Error(`unknown personal data kind ${kind} on ${field.name}`);
  const kinds = directiveArg(field.astNode, 'personal', 'subjectKinds');
  const subjectKinds =
    kinds?.kind === 'ListValue' ? kinds.values.map((v) => enumOrString(v)).filter((v): v is string => !!v) : null;
  return { kind: kind as PersonalKind, subjectKinds };
}

/** The subject a parent object is about: rows carry `subjectCode`, subjects themselves `code`. */
function subjectOf(parent: unknown): string | null {
  if (parent && typeof parent === 'object') {
    const p = parent as Record<string, unknown>;
    if (typeof p.subjectCode === 'string') return p.subjectCode;
    if (typeof p.code === 'string') return p.code;
  }
  return null;
}

const isPromiseLike = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as PromiseLike<unknown> | null)?.then === 'function';

function mask(kind: PersonalKind, value: unknown): unknown {
  return typeof value === 'string' ? MASKS[kind](value) : value;
}

const LEVEL_WORDS: Record<AccessLevel, string> = {
  PUBLIC: 'anyone',
  SUBJECT: 'the subject itself (an enterprise user bound to its USCC) or a government user',
  SHARED: 'an authenticated government user',
  DEPARTMENT: 'the owning department or a supervisor',
  SUPERVISOR: 'a supervisor',
  ADMIN: 'an administrator',
};

/** One field's declared policy: its level (its own @access, or its type's) and its @personal mask. */
export interface DeclaredPolicy {
  type: string;
  field: string;
  coordinate: string;
  /** Undefined when neither the field nor its type declares one (the subgraph then refuses to start). */
  level: AccessLevel | undefined;
  /** Whether the level is the field's own (`false`: inherited from the type). */
  ownLevel: boolean;
  personal: FieldPolicy['personal'];
  isMutation: boolean;
  /** The field itself, whose resolver enforceAccess wraps. */
  definition: GraphQLField<unknown, AccessContext>;
}

/**
 * Every field's declared policy in a subgraph schema, federation's own plumbing left out: what enforceAccess
 * enforces and what docs/reference/access.md lists (scripts/docs.ts), read from the same declarations.
 */
export function declaredPolicies(schema: GraphQLSchema): DeclaredPolicy[] {
  const policies: DeclaredPolicy[] = [];
  const mutationType = schema.getMutationType();
  for (const type of Object.values(schema.getTypeMap()) as GraphQLNamedType[]) {
    if (!isObjectType(type) || type.name.startsWith('__') || FEDERATION_TYPES.has(type.name)) continue;
    const typeLevel = levelOf(type.astNode) ?? type.extensionASTNodes.map((n) => levelOf(n)).find(Boolean);
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${type.name}.${field.name}`;
      if (FEDERATION_FIELDS.has(coordinate)) continue;
      const own = levelOf(field.astNode);
      policies.push({
        type: type.name,
        field: field.name,
        coordinate,
        level: own ?? typeLevel,
        ownLevel: own !== undefined,
        personal: personalOf(field),
        isMutation: type === mutationType,
        definition: field,
      });
    }
  }
  return policies;
}

/**
 * Enforces the schema's @access and @personal declarations on every field of a subgraph schema.
 * Runs once at start-up: a field (or its type) without @access stops the subgraph, so a new field can
 * never become public by omission. Public fields keep their resolver untouched (no cost on the hot path).
 */
export function enforceAccess(
  schema: GraphQLSchema,
  owner: string,
  personalAudience: PersonalAudience = 'owner',
): GraphQLSchema {
  const missing: string[] = [];
  for (const { coordinate, level, personal, isMutation, definition: field } of declaredPolicies(schema)) {
    if (!level) {
      missing.push(coordinate);
      continue;
    }
    if (level === 'PUBLIC' && !personal && !isMutation) continue;
    const resolve = field.resolve ?? defaultFieldResolver;
    const audited = (level === 'SHARED' || level === 'DEPARTMENT') && !isMutation;
    /** What follows the field's own resolver: the audit record and the mask. */
    const completed = (
      value: unknown,
      parent: unknown,
      args: Record<string, unknown>,
      context: AccessContext,
      info: GraphQLResolveInfo,
    ) => {
      const subject = subjectOf(parent);
      // Non-public subject data is audited per subject; SUPERVISOR and ADMIN levels hold administrative
      // data (keys, the audit log itself), audited by their resolvers.
      if (audited) {
        // A non-public root field (a list of level-D taxpayers, a look-up) is a read in itself, even when
        // the fields selected below it are public; it is recorded against the subject it names, if any.
        const root = info.parentType === schema.getQueryType();
        const named = root ? subjectOf(args) : subject;
        if (named || root) context.audit.record('READ', named, coordinate);
      }
      if (personal && value !== null && value !== undefined) {
        const applies =
          !personal.subjectKinds || personal.subjectKinds.includes(String((parent as Record<string, unknown>)?.kind));
        if (!applies) return value;
        if (!canSeePersonal(context.identity, owner, personalAudience)) return mask(personal.kind, value);
        context.audit.record('READ_PERSONAL', subject, coordinate);
      }
      return value;
    };
    // Synchronous unless the field's own resolver is not: most fields answer at once (a column of a row a loader
    // brought, a flag), and an async wrapper made each of them a promise that graphql-js then awaited object by
    // object — a batch check's 1,000 subjects were tens of thousands of promises and microtasks per worker.
    field.resolve = (parent, args, context: AccessContext, info) => {
      const who = context.identity;
      const allowed = isMutation ? canWrite(who, level, owner) : canRead(who, level, owner);
      if (!allowed) {
        throw forbidden(
          `${coordinate} ${isMutation ? 'may be written' : 'may be read'} only by ${LEVEL_WORDS[level]}${level === 'DEPARTMENT' ? ` (${owner})` : ''}`,
          {
            field: coordinate,
            level,
            department: owner,
          },
        );
      }
      const value: unknown = resolve(parent, args, context, info);
      return isPromiseLike(value)
        ? Promise.resolve(value).then((resolved) => completed(resolved, parent, args, context, info))
        : completed(value, parent, args, context, info);
    };
  }
  if (missing.length > 0) {
    throw new Error(
      `Every field needs an access level (@access on the field or its type); missing on: ${missing.join(', ')}`,
    );
  }
  return schema;
}

/**
 * For rules finer than a field: an argument value that widens what a field returns (e.g. removed
 * entries) requires a higher level than the field itself.
 */
export function requireLevel(
  context: AccessContext & { subgraph: { department: string } },
  level: AccessLevel,
  what: string,
): void {
  if (!canRead(context.identity, level, context.subgraph.department)) {
    throw forbidden(`${what} may be read only by ${LEVEL_WORDS[level]}`, {
      field: what,
      level,
      department: context.subgraph.department,
    });
  }
}
