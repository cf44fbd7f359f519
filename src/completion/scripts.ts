// The scripts `completion SHELL` prints. Each is a thin hook: on TAB it runs
// `duo-sso-setup __complete WORDS...` (the fast path, no argument parser loaded) and hands the
// candidates to the shell; all the knowledge lives in complete.ts.

export const SHELLS = ['bash', 'zsh', 'fish', 'powershell'] as const;
export type CompletionShell = (typeof SHELLS)[number];

const BASH = `# duo-sso-setup completion for bash. Load it from ~/.bashrc:
#   source <(duo-sso-setup completion bash)
_duo_sso_setup_complete() {
  local line="\${COMP_LINE:0:COMP_POINT}" words cur strip candidate
  # Split the line ourselves: bash's COMP_WORDS also breaks words at = and :.
  read -ra words <<< "$line"
  [[ "$line" =~ [[:space:]]$ ]] && words+=("")
  cur="\${COMP_WORDS[COMP_CWORD]}"
  # What bash replaces is its own current word; ours may be longer (--profile=e vs e).
  strip="\${words[-1]%"$cur"}"
  COMPREPLY=()
  while IFS= read -r candidate; do
    [[ -n "$candidate" ]] && COMPREPLY+=("\${candidate#"$strip"}")
  done < <("\${words[0]}" __complete "\${words[@]:1}" 2>/dev/null)
}
complete -o default -o bashdefault -F _duo_sso_setup_complete duo-sso-setup
`;

const ZSH = `#compdef duo-sso-setup
# duo-sso-setup completion for zsh. Load it from ~/.zshrc (after compinit):
#   source <(duo-sso-setup completion zsh)
_duo_sso_setup() {
  local -a candidates
  candidates=("\${(@f)$("\${words[1]}" __complete "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  candidates=("\${(@)candidates:#}")
  if (( \${#candidates} )); then
    compadd -Q -- "\${(@)candidates}"
  else
    _files
  fi
}
if (( $+functions[compdef] )); then
  compdef _duo_sso_setup duo-sso-setup
fi
`;

const FISH = `# duo-sso-setup completion for fish. Load it from ~/.config/fish/config.fish:
#   duo-sso-setup completion fish | source
function __duo_sso_setup_complete
    set -l tokens (commandline -opc)
    set -l current (commandline -ct)
    $tokens[1] __complete $tokens[2..-1] "$current" 2>/dev/null
end
complete -c duo-sso-setup -f -a '(__duo_sso_setup_complete)'
`;

const POWERSHELL = `# duo-sso-setup completion for PowerShell. Load it from $PROFILE:
#   duo-sso-setup completion powershell | Out-String | Invoke-Expression
Register-ArgumentCompleter -Native -CommandName duo-sso-setup -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    $words = @($commandAst.CommandElements | Where-Object { $_.Extent.StartOffset -lt $cursorPosition } | ForEach-Object { $_.ToString() })
    if ($wordToComplete -eq '') { $words += '' }
    & $words[0] __complete @($words | Select-Object -Skip 1) 2>$null | ForEach-Object {
        [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
    }
}
`;

export function completionScript(shell: CompletionShell): string {
  return { bash: BASH, zsh: ZSH, fish: FISH, powershell: POWERSHELL }[shell];
}
