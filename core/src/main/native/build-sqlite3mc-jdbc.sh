#!/usr/bin/env bash
# Rebuilds the SQLite library Relais ships for Linux x86_64 (ADR 0011): the JNI glue of xerial sqlite-jdbc
# (NativeDB.c, from the sources jar of the very sqlite-jdbc version in the parent pom) compiled together with the
# SQLite3 Multiple Ciphers amalgamation (C sources carried by the npm package better-sqlite3-multiple-ciphers), with
# the SQLCipher 4 scheme as the default cipher. The result replaces xerial's own library at run time
# (fr.relais.core.store.SqliteNative), so the JDBC driver, jOOQ and Flyway stay exactly as they are.
#
# Needs: a JDK 17 (javac -h), gcc, npm (or MC_SOURCES pointing at an unpacked package), Maven access.
# Usage: core/src/main/native/build-sqlite3mc-jdbc.sh   (writes the library and its SHA-256 next to the loader)
set -euo pipefail
cd "$(dirname "$0")/../../../.."
SQLITE_JDBC=$(sed -n 's:.*<sqlite-jdbc.version>\(.*\)</sqlite-jdbc.version>.*:\1:p' pom.xml)
MC_NPM=${MC_NPM:-better-sqlite3-multiple-ciphers@12.11.1}
OUT=core/src/main/resources/fr/relais/core/store/native/linux-x86_64
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

./mvnw -q -B dependency:get -Dartifact="org.xerial:sqlite-jdbc:$SQLITE_JDBC:jar:sources" >/dev/null
./mvnw -q -B dependency:get -Dartifact="org.xerial:sqlite-jdbc:$SQLITE_JDBC" >/dev/null
REPO=$(./mvnw -q -B help:evaluate -Dexpression=settings.localRepository -DforceStdout)
JAR="$REPO/org/xerial/sqlite-jdbc/$SQLITE_JDBC/sqlite-jdbc-$SQLITE_JDBC.jar"
(cd "$WORK" && unzip -q "${JAR%.jar}-sources.jar" 'org/sqlite/core/NativeDB.*')

if [ -z "${MC_SOURCES:-}" ]; then
  (cd "$WORK" && npm pack --silent "$MC_NPM" >/dev/null && tar xzf ./*.tgz)
  MC_SOURCES="$WORK/package/deps/sqlite3"
fi

# The JNI header NativeDB.c includes, generated from the driver's own NativeDB.java (as xerial's Makefile does).
javac -h "$WORK/h" -d "$WORK/classes" -cp "$JAR" "$WORK/org/sqlite/core/NativeDB.java"
cp "$WORK/h/org_sqlite_core_NativeDB.h" "$WORK/NativeDB.h"

JDK=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
# xerial's compile options (limits, features), plus: the SQLCipher 4 scheme as the cipher (AES-256-CBC, HMAC-SHA512,
# PBKDF2-HMAC-SHA512 with 256,000 iterations; files readable by SQLCipher 4 tools; AES-NI is chosen at run time), and
# new files readable by their owner only.
gcc -O2 -fPIC -shared -fvisibility=hidden -s -o "$WORK/libsqlitejdbc.so" \
  -I"$JDK/include" -I"$JDK/include/linux" -I"$WORK" -I"$MC_SOURCES" \
  -DSQLITE_ENABLE_LOAD_EXTENSION=1 -DSQLITE_HAVE_ISNAN -DHAVE_USLEEP=1 -DSQLITE_ENABLE_COLUMN_METADATA -DSQLITE_CORE \
  -DSQLITE_ENABLE_FTS3 -DSQLITE_ENABLE_FTS3_PARENTHESIS -DSQLITE_ENABLE_FTS5 -DSQLITE_ENABLE_RTREE -DSQLITE_ENABLE_STAT4 \
  -DSQLITE_ENABLE_DBSTAT_VTAB -DSQLITE_ENABLE_MATH_FUNCTIONS -DSQLITE_THREADSAFE=1 -DSQLITE_DEFAULT_MEMSTATUS=0 \
  -DSQLITE_DEFAULT_FILE_PERMISSIONS=0600 -DSQLITE_MAX_VARIABLE_NUMBER=250000 -DSQLITE_MAX_MMAP_SIZE=1099511627776 \
  -DSQLITE_MAX_LENGTH=2147483647 -DSQLITE_MAX_COLUMN=32767 -DSQLITE_MAX_SQL_LENGTH=1073741824 \
  -DSQLITE_MAX_FUNCTION_ARG=127 -DSQLITE_MAX_ATTACHED=125 -DSQLITE_MAX_PAGE_COUNT=4294967294 \
  -DSQLITE_DISABLE_PAGECACHE_OVERFLOW_STATS \
  -DCODEC_TYPE=CODEC_TYPE_SQLCIPHER -DSQLITE3MC_USE_SQLCIPHER_LEGACY \
  "$WORK/org/sqlite/core/NativeDB.c" "$MC_SOURCES/sqlite3.c" -lpthread -ldl -lm

mkdir -p "$OUT"
cp "$WORK/libsqlitejdbc.so" "$OUT/libsqlitejdbc.so"
(cd "$OUT" && sha256sum libsqlitejdbc.so > libsqlitejdbc.so.sha256)
{
  echo "sqlite-jdbc=$SQLITE_JDBC"
  echo "sqlite3mc=$MC_NPM"
  echo "built=$(date -u +%Y-%m-%dT%H:%M:%SZ) on $(uname -sm), $(gcc --version | head -1)"
} > "$OUT/BUILD-INFO"
echo "wrote $OUT/libsqlitejdbc.so ($(du -h "$OUT/libsqlitejdbc.so" | cut -f1))"
