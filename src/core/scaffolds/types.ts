import type {
  AwsServiceTarget,
  IntegrationResponse,
  IntegrationRolePolicy,
  MethodResponse,
  Parameter,
  PassthroughBehavior,
} from '../model';
import type { ScaffoldId } from './catalogue';

/** One value the person supplies, as a small form describes it. */
export interface ScaffoldField {
  /** The key of the value in the values given to `build`. */
  key: string;
  label: string;
  /** `text`: typed; `path-parameter`: one of the method's path variables, or none when optional. */
  kind: 'text' | 'path-parameter';
  placeholder?: string;
  hint?: string;
  optional?: boolean;
  /** The value when the person gives none. */
  defaultValue?: string;
}

/** What a scaffold knows of the method or route it is applied to. */
export interface ScaffoldContext {
  apiType: 'REST' | 'HTTP';
  /** The variables of the method's resource path (`id` for `/orders/{id}`), in order. */
  pathParameters: readonly string[];
}

/** The target fields a scaffold sets (the rest of an AWS service target is the canvas's). */
export type ScaffoldTarget = Pick<
  AwsServiceTarget,
  'service' | 'region' | 'partition' | 'subdomain' | 'style' | 'actionOrPath' | 'httpMethod' | 'integrationSubtype'
>;

/** Everything a scaffold fills in for one method or route. */
export interface ScaffoldSetup {
  /** The integration's name on the canvas (`SQS SendMessage: orders`). */
  name: string;
  target: ScaffoldTarget;
  /** Least privilege: the one action on the one resource the integration calls. */
  rolePolicy: IntegrationRolePolicy;
  binding: {
    proxy: boolean;
    requestParameters: Record<string, string>;
    requestTemplates: Record<string, string>;
    responses: IntegrationResponse[];
    passthroughBehavior?: PassthroughBehavior;
    payloadFormatVersion?: string;
  };
  /** The method responses the integration responses map to, with the headers they set. */
  methodResponses: MethodResponse[];
  /** Request parameters the method must declare because a mapping reads them. */
  methodParameters: Parameter[];
}

export type ScaffoldBuild = { ok: true; setup: ScaffoldSetup } | { ok: false; field?: string; message: string };

/** An AWS service action that scaffolds itself: the form it asks, and what it fills in. */
export interface ServiceScaffold {
  id: ScaffoldId;
  /** `SQS SendMessage`. */
  title: string;
  /** The AWS pages the scaffold follows. */
  docs: readonly string[];
  fields: readonly ScaffoldField[];
  build(values: Readonly<Record<string, string>>, context: ScaffoldContext): ScaffoldBuild;
}
