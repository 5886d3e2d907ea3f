#!/usr/bin/env bash
# Installs what the project needs, or says exactly how to.
#   deps.sh        what `make run` needs:
#     fonts-dejavu-core  the plots' font (without it ScottPlot silently renders no text)
#     libxgboost0 libxgboost-dev  the real XGBoost 1.7 C library (training issue)
#   deps.sh test   also what `make test` needs:
#     python3-xgboost    the cross-language test: Python's xgboost loads our JSON models
#     chromium           the real headless browser the web-page tests drive (Playwright)
#     postgresql         the server the clustered-scheduler test starts on 127.0.0.1
#     npm packages in eng/node (s3rver, @cdktf/hcl2json), installed from the lock file
set -euo pipefail
packages=(fonts-dejavu-core libxgboost0 libxgboost-dev)
if [[ ${1:-} == test ]]; then
  packages+=(python3-xgboost chromium postgresql)
fi
missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if ((${#missing[@]} > 0)); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "Missing Debian packages: ${missing[*]}" >&2
    echo "Run:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  # Debian's postgresql package starts a cluster on port 5432; the tests start their own
  # scratch server and never use it.
  if [[ " ${missing[*]} " == *" postgresql "* ]] && command -v pg_ctlcluster >/dev/null; then
    pg_ctlcluster 15 main stop 2>/dev/null || true
  fi
fi
if [[ ${1:-} == test ]]; then
  node_dir="$(dirname "$0")/../node"
  if [[ ! -d $node_dir/node_modules || $node_dir/package-lock.json -nt $node_dir/node_modules ]]; then
    if ! command -v npm >/dev/null; then
      echo "npm is missing: install Node.js 20 and npm (Debian: apt-get install -y nodejs npm)" >&2
      exit 1
    fi
    echo "Installing npm packages (eng/node, from package-lock.json)"
    (cd "$node_dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    touch "$node_dir/node_modules"
  fi
fi
