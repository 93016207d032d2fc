import {
  ArrowRightLeft,
  Cloud,
  FileKey,
  FlaskConical,
  FolderTree,
  Globe,
  KeyRound,
  type LucideIcon,
  Network,
  ShieldCheck,
  Signpost,
  SquareFunction,
  Ticket,
  Users,
} from 'lucide-react';
import type { AuthorizerKind, IntegrationKind } from '../core/model';
import type { PaletteKind } from './palette-entries';

export const authorizerIcons: Record<AuthorizerKind, LucideIcon> = {
  IAM: KeyRound,
  COGNITO_USER_POOLS: Users,
  LAMBDA_TOKEN: Ticket,
  LAMBDA_REQUEST: ShieldCheck,
  JWT: FileKey,
};

export const integrationIcons: Record<IntegrationKind, LucideIcon> = {
  LAMBDA: SquareFunction,
  HTTP: Globe,
  AWS_SERVICE: Cloud,
  MOCK: FlaskConical,
  VPC_LINK: Network,
};

export function paletteIcon(kind: PaletteKind): LucideIcon {
  if (kind === 'resource') return FolderTree;
  if (kind === 'method') return ArrowRightLeft;
  if (kind === 'route') return Signpost;
  if (kind.startsWith('authorizer-')) return authorizerIcons[kind.slice('authorizer-'.length) as AuthorizerKind];
  return integrationIcons[kind.slice('integration-'.length) as IntegrationKind];
}
