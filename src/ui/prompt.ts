// Questions go to stderr through enquirer, loaded only when a question is really asked.
// Callers must check ctx.canPrompt first: non-TTY and --yes runs never reach here.

export async function confirm(message: string, initial = false): Promise<boolean> {
  const { default: Enquirer } = await import('enquirer');
  const enquirer = new Enquirer({ stdout: process.stderr } as never);
  try {
    const answer = (await enquirer.prompt({ type: 'confirm', name: 'ok', message, initial } as never)) as { ok: boolean };
    return answer.ok;
  } catch {
    // Ctrl-C or a closed stdin: treat as "no".
    return false;
  }
}
