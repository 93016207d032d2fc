import type { TextOrIntrinsic } from '../model';
import { type Code, raw, text } from './code';
import { named, type ProgramContext } from './context';
import { arnOrUri, isTemplated, type PlaceholderHint } from './intrinsics';

/**
 * ARNs the CDK takes apart when it imports a backend (`Role.fromRoleArn`, `UserPool.fromUserPoolArn`):
 * a plain string that is not one makes synthesis throw, so it becomes a placeholder the user replaces.
 * Templates and intrinsics are resolved by CloudFormation and pass as they are.
 */
const patterns: Partial<Record<PlaceholderHint, RegExp>> = {
  role: /^arn:aws[a-zA-Z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/,
  userPool: /^arn:aws[a-zA-Z-]*:cognito-idp:[a-z0-9-]+:\d{12}:userpool\/[\w-]+$/,
};

const kinds: Partial<Record<PlaceholderHint, string>> = { role: 'an IAM role ARN', userPool: 'a Cognito user pool ARN' };

export function checkedArn(ctx: ProgramContext, value: TextOrIntrinsic, hint: 'role' | 'userPool', label: string): Code {
  if (typeof value !== 'string' || isTemplated(value)) return arnOrUri(ctx, value, hint);
  if (patterns[hint]?.test(value)) return text(value);
  return raw(ctx.backends.placeholder(label, hint, `${named(value)} is not ${kinds[hint]}`));
}
