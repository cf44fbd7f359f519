// Structured AWS errors found in free text: the AWS CLI's one-line form and duo-sso's
// "Failed to Assume Role" line. They give a diagnosis its code, operation and role.

export interface AwsErrorLine {
  source: 'aws-cli' | 'duo-sso';
  code: string;
  message: string;
  operation?: string;
  role?: string;
  maxRetries?: number;
  /** 1-based line number in the text. */
  line: number;
}

// `An error occurred (CODE) when calling the OP operation: MSG`; retries are noted either
// after the operation (AWS CLI v2) or, in some wrappers, right after the code.
const AWS_CLI = /An error occurred \((?<code>[\w.]+)\)(?: \(reached max retries: (?<r1>\d+)\))? when calling the (?<op>\w+) operation(?: \(reached max retries: (?<r2>\d+)\))?: ?(?<msg>.*)$/;
const DUO_SSO = /Failed to Assume Role '(?<role>[^']*)' via STS: (?<code>[\w.]+): ?(?<msg>.*)$/;

export function parseAwsErrors(text: string): AwsErrorLine[] {
  const found: AwsErrorLine[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const cli = AWS_CLI.exec(raw)?.groups;
    if (cli) {
      const retries = cli.r1 ?? cli.r2;
      found.push({
        source: 'aws-cli', code: cli.code!, operation: cli.op!, message: cli.msg!.trim(), line: index + 1,
        ...(retries !== undefined ? { maxRetries: Number(retries) } : {}),
      });
      return;
    }
    const duo = DUO_SSO.exec(raw)?.groups;
    if (duo) {
      found.push({ source: 'duo-sso', code: duo.code!, operation: 'AssumeRoleWithSAML', role: duo.role!, message: duo.msg!.trim(), line: index + 1 });
    }
  });
  return found;
}

/**
 * Account and role from a role ARN in the text; the target role (`iam::…:role/`) wins over the caller's assumed role.
 * A comma or full stop that ends the name is the sentence's ("failed to load assume role for ARN, source profile …"),
 * not the role's: IAM allows them inside a name, and a name ending in one is not worth misreading every sentence for.
 */
export function roleFromArn(text: string): { account: string; role: string } | undefined {
  const m = /arn:aws[\w-]*:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]*[\w+=@-])/.exec(text)
    ?? /arn:aws[\w-]*:sts::(\d{12}):assumed-role\/([\w+=,.@-]*[\w+=@-])/.exec(text);
  return m ? { account: m[1]!, role: m[2]! } : undefined;
}
