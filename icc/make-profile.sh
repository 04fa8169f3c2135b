#!/usr/bin/env bash
# Rebuilds FOGRA39L_coated.icc from Debian packages (see README.md). Not run by the build or
# CI: the profile is committed and compiled into the binary. The ICC header records the
# date it was made, so a rebuild differs from the committed file in those bytes only.
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v colprof >/dev/null || apt-get install -y --no-install-recommends argyll
(cd "$work" && apt-get download icc-profiles-free && dpkg-deb -x icc-profiles-free_*.deb x)
cp "$work/x/usr/share/color/icc/FOGRA39L.ti3" "$work/"
colprof -nc -qm -bl -kr -l330 -L95 \
  -D "FOGRA39L coated (ISO 12647-2:2004/Amd 1), ArgyllCMS" \
  -C "No copyright claimed. Made with ArgyllCMS colprof from FOGRA39L.ti3 (Fogra; Debian icc-profiles-free, zlib licence)" \
  -O "$PWD/FOGRA39L_coated.icc" "$work/FOGRA39L"
profcheck "$work/FOGRA39L.ti3" FOGRA39L_coated.icc | tail -1
