# Homebrew formula for duo-sso-setup, the helper that sets up and repairs AWS login through
# duo-sso. Installs the npm package with Homebrew's node. Update url/sha256 on each release
# (npm view duo-sso-setup dist.tarball; shasum -a 256 the tarball).
class DuoSsoSetup < Formula
  desc "Set up, check and repair AWS login through duo-sso (Duo SSO + STS)"
  homepage "https://wwwin-github.cisco.com/ATS-operations/duo-sso-setup"
  url "https://registry.npmjs.org/duo-sso-setup/-/duo-sso-setup-0.1.0.tgz"
  sha256 "0000000000000000000000000000000000000000000000000000000000000000"
  license "MIT"

  depends_on "node"

  on_linux do
    depends_on "gnupg"
    depends_on "pass"
  end

  def install
    system "npm", "install", *std_npm_args
    bin.install_symlink libexec.glob("bin/*")
  end

  def caveats
    <<~EOS
      duo-sso itself comes from the team tap (Homebrew 6 asks you to trust it):
        brew tap ats-operations/homebrew-tap https://wwwin-github.cisco.com/ATS-operations/homebrew-tap
        brew install ats-operations/homebrew-tap/duo-sso
      or let the guided setup do it:
        duo-sso-setup setup
    EOS
  end

  test do
    assert_match version.to_s, shell_output("#{bin}/duo-sso-setup --version")
    assert_match "doctor", shell_output("#{bin}/duo-sso-setup --help")
  end
end
