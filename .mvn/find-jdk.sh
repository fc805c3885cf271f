# Sourced by ./mvnw and the project's scripts: makes JAVA_HOME point at a JDK >= 21.
# Keeps a JAVA_HOME that is already new enough; otherwise picks the newest JDK under /usr/lib/jvm (or /opt/java).
java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
sciatica_pick_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  best="" best_major=0
  case $- in *f*) set +f; restore_noglob=1 ;; *) restore_noglob=0 ;; esac
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate" best_major="$major"
    fi
  done
  [ "$restore_noglob" = 1 ] && set -f
  if [ -z "$best" ]; then
    echo "No JDK 21 or newer found: install one (e.g. 'apt-get install openjdk-21-jdk' or a Temurin JDK) or set JAVA_HOME." >&2
    return 1
  fi
  JAVA_HOME="$best"
  export JAVA_HOME
}
sciatica_pick_jdk
