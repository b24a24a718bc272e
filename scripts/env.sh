# Sourced by ./phasor and ./run-tests: finds a JDK 25 and Maven, or stops with one line saying what is missing.
# Order: $JAVA_HOME if it is 25; `java` on PATH if it is 25; the usual install locations.

phasor_java_major() { # $1 = a JDK home; prints its feature version (e.g. 25) or nothing
  local rel="$1/release"
  if [ -f "$rel" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$rel" | head -n 1
  elif [ -x "$1/bin/java" ]; then
    "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p' | head -n 1
  fi
}

phasor_find_jdk25() {
  local cand
  if [ -n "${JAVA_HOME:-}" ] && [ "$(phasor_java_major "$JAVA_HOME")" = "25" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    echo "$JAVA_HOME"; return 0
  fi
  if command -v javac >/dev/null 2>&1; then
    cand=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    if [ "$(phasor_java_major "$cand")" = "25" ]; then echo "$cand"; return 0; fi
  fi
  for cand in /usr/lib/jvm/*25* /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /opt/*jdk* \
              "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$cand" ] && [ -x "$cand/bin/javac" ] || continue
    if [ "$(phasor_java_major "$cand")" = "25" ]; then echo "$cand"; return 0; fi
  done
  return 1
}

if ! PHASOR_JDK=$(phasor_find_jdk25); then
  echo "phasor: error: no JDK 25 found (set JAVA_HOME to a JDK 25; looked in JAVA_HOME, PATH, /usr/lib/jvm, /opt, ~/.sdkman, ~/.jdks)" >&2
  exit 3
fi
export JAVA_HOME="$PHASOR_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
if ! command -v mvn >/dev/null 2>&1; then
  echo "phasor: error: Maven (mvn) not found on PATH; install Maven 3.8+ (e.g. apt-get install maven)" >&2
  exit 3
fi
# Maven 3.8's bundled Guava touches sun.misc.Unsafe; keep JDK 25's warnings about it out of the user's way.
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
