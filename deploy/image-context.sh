#!/bin/sh
# Makes the build context of deploy/Containerfile: the standalone executable at /ippool, and the
# dynamic loader and every library ldd lists for it at the paths ldd names, so a FROM scratch image
# runs it without a distribution underneath and without pulling anything.
# Usage: deploy/image-context.sh OUT-DIR [EXECUTABLE]   (default build/ippool-linux-<arch>)
set -eu

out=${1:?usage: deploy/image-context.sh OUT-DIR [EXECUTABLE]}
exe=${2:-build/ippool-linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')}

[ -x "$exe" ] || { echo "image-context: $exe is not an executable file; run 'npm run build' first" >&2; exit 1; }
listing=$(ldd "$exe") || { echo "image-context: ldd failed on $exe (not a dynamically linked executable?)" >&2; exit 1; }
if printf '%s\n' "$listing" | grep -q 'not found'; then
  echo "image-context: ldd cannot find a library $exe needs:" >&2
  printf '%s\n' "$listing" | grep 'not found' >&2
  exit 1
fi

mkdir -p "$out"
cp "$exe" "$out/ippool"
chmod 0755 "$out/ippool"
# "libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x...)" or "/lib64/ld-linux-x86-64.so.2 (0x...)";
# linux-vdso has no file: the kernel maps it into every process.
printf '%s\n' "$listing" | sed -n 's/.*=> \(\/[^ ]*\) .*/\1/p; s/^[[:space:]]*\(\/[^ ]*\) .*/\1/p' | sort -u |
  while read -r library; do
    [ -e "$library" ] || { echo "image-context: $library, listed by ldd, does not exist" >&2; exit 1; }
    mkdir -p "$out$(dirname "$library")"
    # -L: the image holds the file under the name the loader asks for, whatever symlinks the host has.
    cp -L "$library" "$out$library"
  done
echo "image-context: $out holds /ippool and $(find "$out" -type f ! -name ippool | wc -l) libraries"
