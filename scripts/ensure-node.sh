# Sourced by .ci/run: when the node on PATH is older than Ward's minimum, fetches the pinned
# Node 24 LTS from the npm registry (the node-linux-<arch> package: the official binary and its
# headers; no other download site is needed), caches it under ~/.cache/ward-node, and puts it
# first on PATH for the rest of the run. npm_config_nodedir points native builds at its headers,
# so an addon compiled from source (node-gyp) matches the runtime instead of the machine's Node.
# Idempotent: a second run finds the cached copy and fetches nothing.

WARD_NODE_MIN_MAJOR=22
WARD_NODE_VERSION=24.22.3
# The registry's sha512 of each tarball, checked again here so a changed package is refused
# even if the registry's own metadata were changed with it.
declare -A WARD_NODE_INTEGRITY=(
  [x64]='sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA=='
  [arm64]='sha512-IZx0J52/1NDwAsY2iyWR9nlPIYuYviTWetjj8+ElvYQh2+XRhLfCfkbFEF/2O5vGI2hcUbyPNHV+nz342FbJXw=='
)

ward_node_major() {
  command -v node >/dev/null 2>&1 && node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

ensure_node() {
  if [ "$(ward_node_major)" -ge "$WARD_NODE_MIN_MAJOR" ]; then
    return 0
  fi
  local arch
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "no Node $WARD_NODE_VERSION package for $(uname -m): install Node >= $WARD_NODE_MIN_MAJOR yourself" >&2; return 1 ;;
  esac
  local cache="${WARD_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ward-node}"
  local dir="$cache/$WARD_NODE_VERSION-linux-$arch"
  if [ ! -x "$dir/bin/node" ]; then
    command -v npm >/dev/null 2>&1 || { echo "npm is needed to fetch Node $WARD_NODE_VERSION (Debian: apt-get install npm)" >&2; return 1; }
    echo "fetching Node $WARD_NODE_VERSION (npm package node-linux-$arch) into $dir"
    mkdir -p "$cache"
    local tmp
    tmp=$(mktemp -d "$cache/.fetch.XXXXXX")
    local integrity
    integrity=$(cd "$tmp" && npm pack "node-linux-$arch@$WARD_NODE_VERSION" --json --silent |
      node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => console.log(JSON.parse(s)[0].integrity))') || {
      rm -rf "$tmp"
      echo "could not fetch node-linux-$arch@$WARD_NODE_VERSION from the npm registry" >&2
      return 1
    }
    if [ "$integrity" != "${WARD_NODE_INTEGRITY[$arch]}" ]; then
      rm -rf "$tmp"
      echo "node-linux-$arch@$WARD_NODE_VERSION has integrity $integrity, not the pinned one: refusing it" >&2
      return 1
    fi
    mkdir "$tmp/node"
    tar xzf "$tmp"/node-linux-*.tgz -C "$tmp/node" --strip-components=1 --no-same-owner
    # A rename, so a run that was interrupted (or a concurrent one) never leaves a half copy behind.
    mv -T "$tmp/node" "$dir" 2>/dev/null || [ -x "$dir/bin/node" ]
    rm -rf "$tmp"
  fi
  # npm finds its global npmrc under the running node's prefix, which is about to change: keep the
  # machine's (it may hold the registry's CA file or a mirror), or npm ci fails behind such a proxy.
  if [ -z "${npm_config_globalconfig:-}" ] && command -v npm >/dev/null 2>&1; then
    local globalconfig
    globalconfig=$(npm config get globalconfig 2>/dev/null) || globalconfig=""
    if [ -f "$globalconfig" ]; then export npm_config_globalconfig="$globalconfig"; fi
  fi
  export PATH="$dir/bin:$PATH"
  export npm_config_nodedir="$dir"
  hash -r
  echo "using Node $(node -v) from $dir"
}
