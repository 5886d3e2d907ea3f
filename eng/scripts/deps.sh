#!/usr/bin/env bash
# Installs the Debian packages the project needs, or says exactly how to.
#   fonts-dejavu-core  the plots' font (without it ScottPlot silently renders no text)
#   libxgboost0 libxgboost-dev  the real XGBoost 1.7 C library (training issue)
#   python3-xgboost    the cross-language test: Python's xgboost loads our JSON models
set -euo pipefail
packages=(fonts-dejavu-core libxgboost0 libxgboost-dev python3-xgboost)
missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if ((${#missing[@]} == 0)); then exit 0; fi
if [[ $(id -u) -ne 0 ]]; then
  echo "Missing Debian packages: ${missing[*]}" >&2
  echo "Run:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null
apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
