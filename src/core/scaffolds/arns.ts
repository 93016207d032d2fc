/**
 * ARNs as the person types them into a scaffold's form, taken apart: the integration needs the region and
 * the resource's name, the role's policy the whole ARN.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 */
export interface Arn {
  /** The ARN as typed, trimmed. */
  text: string;
  partition: string;
  service: string;
  region: string;
  account: string;
  /** What follows the account: `orders`, `table/Orders`, `stateMachine:Checkout`. */
  resource: string;
}

const arnPattern = /^arn:(aws|aws-cn|aws-us-gov):([a-z0-9-]+):([a-z]{2}(?:-[a-z]+)+-\d):(\d{12}):(\S+)$/;

/** An ARN of a regional resource of one service, or a sentence saying what is wrong with the text. */
export function parseRegionalArn(text: string, service: string, example: string): Arn | string {
  const trimmed = text.trim();
  if (trimmed === '') return `Enter the ARN, such as ${example}.`;
  const match = arnPattern.exec(trimmed);
  if (!match) return `"${shortened(trimmed)}" is not an ARN with a region and account, such as ${example}.`;
  const [, partition, arnService, region, account, resource] = match as unknown as [string, string, string, string, string, string];
  if (arnService !== service) return `This is an ARN of ${arnService}, not ${service}: enter one such as ${example}.`;
  return { text: trimmed, partition, service: arnService, region, account, resource };
}

/** A resource name part after a prefix (`table/Orders` → `Orders`), or undefined when the prefix differs. */
export function resourceAfter(arn: Arn, prefix: string): string | undefined {
  if (!arn.resource.startsWith(prefix)) return undefined;
  const name = arn.resource.slice(prefix.length);
  return name === '' || name.includes('/') ? undefined : name;
}

const queueUrlPattern =
  /^https:\/\/(?:sqs\.([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com(\.cn)?|([a-z]{2}(?:-[a-z]+)+-\d)\.queue\.amazonaws\.com)\/(\d{12})\/([A-Za-z0-9_-]{1,80}(?:\.fifo)?)\/?$/;
const queueNamePattern = /^[A-Za-z0-9_-]{1,80}(?:\.fifo)?$/;

export interface Queue {
  arn: Arn;
  name: string;
  /** `https://sqs.{region}.amazonaws.com/{account}/{name}`: how HTTP APIs name the queue. */
  url: string;
}

/**
 * An SQS queue by its ARN (`arn:aws:sqs:us-east-1:123456789012:orders`) or its URL
 * (`https://sqs.us-east-1.amazonaws.com/123456789012/orders`), the two forms the SQS console shows.
 */
export function parseQueue(text: string): Queue | string {
  const trimmed = text.trim();
  const example = 'arn:aws:sqs:us-east-1:123456789012:orders';
  const url = queueUrlPattern.exec(trimmed);
  if (url) {
    const region = (url[1] ?? url[3]) as string;
    const partition = url[2] ? 'aws-cn' : 'aws';
    const account = url[4] as string;
    const name = url[5] as string;
    const arn: Arn = {
      text: `arn:${partition}:sqs:${region}:${account}:${name}`,
      partition,
      service: 'sqs',
      region,
      account,
      resource: name,
    };
    return { arn, name, url: queueUrl(arn, name) };
  }
  if (/^https?:\/\//.test(trimmed))
    return `"${shortened(trimmed)}" is not a queue URL such as https://sqs.us-east-1.amazonaws.com/123456789012/orders.`;
  const arn = parseRegionalArn(trimmed, 'sqs', example);
  if (typeof arn === 'string') return arn;
  if (!queueNamePattern.test(arn.resource)) return `"${shortened(arn.resource)}" is not a queue name: letters, digits, - and _, up to 80.`;
  return { arn, name: arn.resource, url: queueUrl(arn, arn.resource) };
}

function queueUrl(arn: Arn, name: string): string {
  return `https://sqs.${arn.region}.amazonaws.com${arn.partition === 'aws-cn' ? '.cn' : ''}/${arn.account}/${name}`;
}

function shortened(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

const regionPattern = /^[a-z]{2}(?:-[a-z]+)+-\d$/;

export function regionProblem(region: string): string | undefined {
  return regionPattern.test(region) ? undefined : `"${shortened(region)}" is not a region such as us-east-1.`;
}

/** The partition a region belongs to (China and GovCloud regions have their own). */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/**
 * An optional role the person already has, instead of the one the CDK program creates.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/integration-request-basic-setup.html
 */
export function roleArnProblem(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/.test(trimmed)
    ? undefined
    : `"${shortened(trimmed)}" is not a role ARN such as arn:aws:iam::123456789012:role/apigateway-orders.`;
}
