#!/usr/bin/env bash
# Builds the base image of Laurel's container image without a registry or a Docker daemon: a Java 17
# runtime made by jlink from this machine's JDK, the C libraries it links to (copied from this
# machine), a user to run as, and nothing else — written as a `docker save` archive that Jib reads
# as `tar://` (see docs/operations.md, "The container image"). With a registry, skip this and build on
# a published JRE image instead (-Djib.from.image=eclipse-temurin:17-jre).
#
#   deploy/image/base-image.sh [OUT.tar]     default: target/laurel-base.tar
set -euo pipefail
out=${1:-target/laurel-base.tar}
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
[ -d "$java_home/jmods" ] || { echo "no jmods under $java_home: jlink needs a full JDK (Debian: openjdk-17-jdk)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/rootfs

# Every module of the JDK but the tools: Drools compiles rules at run time (java.compiler), Vietnamese
# texts need jdk.localedata and jdk.charsets, JWKS over HTTPS needs jdk.crypto.ec. A smaller list saves
# ~20 MB and costs a ClassNotFoundException the day a library reaches for a module left out.
modules=$("$java_home/bin/java" --list-modules | sed 's/@.*//' \
  | grep -Ev '^jdk\.(jshell|jlink|jpackage|jdeps|javadoc|jconsole|hotspot\.agent|jstatd|editpad|jdi|jdwp\.agent|internal\.(ed|le|opt|jvmstat))$' \
  | paste -sd, -)
"$java_home/bin/jlink" --module-path "$java_home/jmods" --add-modules "$modules" \
  --strip-debug --no-man-pages --no-header-files --compress=2 --output "$root/opt/java"

# The trust store: Debian's JDK links it to /etc/ssl/certs/java/cacerts; the image gets the file itself.
if [ -L "$root/opt/java/lib/security/cacerts" ] || [ ! -s "$root/opt/java/lib/security/cacerts" ]; then
  rm -f "$root/opt/java/lib/security/cacerts"
  cp -L "$java_home/lib/security/cacerts" "$root/opt/java/lib/security/cacerts"
fi

# The shared libraries the runtime links to, from this machine (glibc, zlib, libstdc++ ...), and the loader.
find "$root/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 \
  | xargs -0 ldd 2>/dev/null | awk '/=> \// {print $3} /^\t\// {print $1}' | sort -u | while read -r lib; do
      [ -e "$root$lib" ] || { mkdir -p "$root$(dirname "$lib")"; cp -L "$lib" "$root$lib"; }
    done
# Debian's /lib is a link to /usr/lib: keep both names working.
if [ -d "$root/lib" ] && [ ! -L "$root/lib" ]; then
  mkdir -p "$root/usr/lib"; cp -a "$root/lib/." "$root/usr/lib/"; rm -rf "$root/lib"; ln -s usr/lib "$root/lib"
fi

mkdir -p "$root/etc" "$root/tmp" "$root/home/laurel" "$root/app"
chmod 1777 "$root/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\nlaurel:x:1000:1000:Laurel:/home/laurel:/sbin/nologin\n' > "$root/etc/passwd"
printf 'root:x:0:\nlaurel:x:1000:\n' > "$root/etc/group"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$root/etc/nsswitch.conf"

# One layer, reproducible: sorted names, owner root, a fixed time (the home directory is laurel's).
tar --sort=name --numeric-owner --owner=0 --group=0 --mtime=@0 -C "$root" -cf "$work/layer.tar" .
diff_id=sha256:$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
cat > "$work/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8"],"User":"1000:1000","WorkingDir":"/home/laurel"},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"deploy/image/base-image.sh: jlink $("$java_home/bin/java" -version 2>&1 | head -1 | tr -d '"') and its C libraries"}]}
JSON
config_id=$(sha256sum "$work/config.json" | cut -d' ' -f1)
mv "$work/config.json" "$work/$config_id.json"
printf '[{"Config":"%s.json","RepoTags":["laurel-base:17"],"Layers":["layer.tar"]}]\n' "$config_id" > "$work/manifest.json"
mkdir -p "$(dirname "$out")"
tar --sort=name --numeric-owner --owner=0 --group=0 --mtime=@0 -C "$work" -cf "$out" manifest.json "$config_id.json" layer.tar
echo "base image: $out ($(du -h "$out" | cut -f1), layer $diff_id)"
