import type {
  ApiType,
  AuthorizerId,
  AuthorizerKind,
  Design,
  EndpointType,
  IntegrationId,
  IntegrationKind,
  Method,
  Resource,
  Route,
} from '../model';
import type { DesignIndex } from './design-index';

/** error: API Gateway would refuse it or the export would be wrong; warning: legal but likely a mistake; info: advice. */
export type Severity = 'error' | 'warning' | 'info';

export type TargetKind =
  | 'api'
  | 'resource'
  | 'method'
  | 'route'
  | 'authorizer'
  | 'integration'
  | 'model'
  | 'requestValidator'
  | 'gatewayResponse'
  | 'stage'
  | 'usagePlan'
  | 'apiKey'
  | 'domain';

/** A one-click repair: a model operation (or a composition of them) that makes the finding go away. */
export interface QuickFix {
  label: string;
  apply: (design: Design) => Design;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** One sentence naming the element ("GET /pets has no integration."). */
  message: string;
  /** The API Gateway concept behind the rule. */
  why: string;
  /** The AWS documentation page the rule rests on. */
  docsUrl: string;
  /** `id` is the element's id; `'api'` for the API itself, the response type for a gateway response. */
  target: { kind: TargetKind; id: string };
  fix?: QuickFix;
}

/** What a rule reports; the engine adds the rule's id, severity, why and documentation page. */
export interface Problem {
  message: string;
  target: Finding['target'];
  fix?: QuickFix;
}

export type Report = (problem: Problem) => void;

/** The parts of a design a design-wide rule may declare it reads. */
export type DesignPart = Exclude<keyof Design, 'schemaVersion' | 'layout'>;

/**
 * A set of rules that answers one question apart from whether API Gateway accepts the design, shown as its
 * own section: `mcp`, whether a REST stage can become an Amazon Bedrock AgentCore Gateway target.
 */
export type RuleGroup = 'mcp';

interface RuleInfo {
  /** Stable, kebab-case; the file under `rules/` has the same name. */
  id: string;
  severity: Severity;
  title: string;
  why: string;
  docsUrl: string;
  /** Absent for the rules of the design itself. */
  group?: RuleGroup;
}

/**
 * What a rule on one method or route may look at besides the element itself. Findings of an element are
 * reused while the element and this context are unchanged, so a rule must not read anything else.
 */
export interface OperationContext {
  apiType: ApiType;
  endpointType: EndpointType;
  /** The kind of each integration target (kinds only, so that editing a target's URL re-checks no method). */
  integrationKinds: Readonly<Record<IntegrationId, IntegrationKind>>;
  /** The kind of each authorizer. */
  authorizerKinds: Readonly<Record<AuthorizerId, AuthorizerKind>>;
  /** `GET /pets/{petId}`, or `the sendMessage route`: the element as messages name it. */
  label: string;
  /** The path template (`/pets/{petId}`) of a method's resource or an HTTP route; undefined for WebSocket routes and `$default`. */
  path: string | undefined;
  /** The variable names of `path` (`petId` for `/pets/{petId}`, `proxy` for `{proxy+}`), in order. */
  pathParameters: readonly string[];
  /** A method's resource (path-level parameters live there); undefined for routes. */
  resource: Resource | undefined;
}

/** A rule that looks at one method or route at a time (the large collections edited on every keystroke). */
export interface OperationRule extends RuleInfo {
  scope: 'operation';
  check(owner: Method | Route, context: OperationContext, report: Report): void;
}

/**
 * A rule over the design as a whole. It runs again only when one of the parts it `reads` is a new object;
 * otherwise its previous findings are reused (designs are immutable, unchanged parts are shared).
 */
export interface DesignRule extends RuleInfo {
  scope: 'design';
  reads: readonly DesignPart[];
  /**
   * For a rule that reads `methods` or `routes`: the fields of one method or route its findings depend on.
   * When only methods and routes changed and these fields are the same for every changed one (a summary
   * typed into a form), the previous findings are reused. Without it, any change to a read part re-runs
   * the rule.
   */
  operationFields?: (owner: Method | Route) => readonly unknown[];
  check(design: Design, index: DesignIndex, report: Report): void;
}

export type Rule = OperationRule | DesignRule;

export function defineOperationRule(rule: Omit<OperationRule, 'scope'>): OperationRule {
  return { ...rule, scope: 'operation' };
}

/**
 * Declares a design-wide rule. `check` sees only the parts listed in `reads` (a type error otherwise), which
 * is what makes reusing its findings while those parts are unchanged safe.
 */
export function defineDesignRule<const P extends DesignPart>(
  rule: RuleInfo & {
    reads: readonly P[];
    operationFields?: (owner: Method | Route) => readonly unknown[];
    check(design: Pick<Design, P>, index: DesignIndex, report: Report): void;
  },
): DesignRule {
  return { ...rule, scope: 'design' };
}
