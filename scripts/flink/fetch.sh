#!/usr/bin/env bash
# Fetches a Flink distribution into a cache folder outside the repository, once, and prints its
# FLINK_HOME: the apache-flink and apache-flink-libraries packages of the Python index hold a
# full distribution (bin/, conf/, lib/, opt/); Maven Central adds the SQL Gateway and the SQL
# jars of the Kafka connector and the avro-confluent format.
# Env: FLINK_VERSION (2.3.0), FLINKLITE_FLINK_CACHE (~/.cache/flinklite/flink).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
version="${FLINK_VERSION:-2.3.0}"
cache="${FLINKLITE_FLINK_CACHE:-$HOME/.cache/flinklite/flink}"
home="$cache/$version/pyflink"
if [[ -f "$home/.complete" ]]; then
  echo "$home"
  exit 0
fi
command -v java >/dev/null || { echo "Java 17+ is needed to run Flink: install openjdk-17-jre-headless" >&2; exit 3; }
command -v mvn >/dev/null || { echo "Maven is needed to fetch Flink's SQL Gateway: install maven" >&2; exit 3; }
wheels="$cache/$version/wheels"
mkdir -p "$wheels"
python3 -m pip download -q --no-deps --only-binary=:all: -d "$wheels" \
  "apache-flink==$version" "apache-flink-libraries==$version" >&2 \
  || python3 -m pip download -q --no-deps -d "$wheels" \
       "apache-flink==$version" "apache-flink-libraries==$version" >&2
rm -rf "$home"
for archive in "$wheels"/*; do
  python3 - "$archive" "$cache/$version" <<'PY'
import sys, tarfile, zipfile
archive, target = sys.argv[1], sys.argv[2]
if archive.endswith(".whl") or archive.endswith(".zip"):
    with zipfile.ZipFile(archive) as z:
        z.extractall(target, [n for n in z.namelist() if n.startswith("pyflink/")])
else:  # an sdist: its pyflink/ folder, one level down
    with tarfile.open(archive) as t:
        members = []
        for m in t.getmembers():
            parts = m.name.split("/", 1)
            if len(parts) == 2 and parts[1].startswith("pyflink/"):
                m.name = parts[1]
                members.append(m)
        t.extractall(target, members)
PY
done
[[ -x "$home/bin/start-cluster.sh" || -f "$home/bin/start-cluster.sh" ]] \
  || { echo "The apache-flink packages held no Flink distribution (bin/start-cluster.sh)" >&2; exit 1; }
chmod +x "$home"/bin/*.sh "$home/bin/flink" 2>/dev/null || true
mvn -q -B -f "$here/pom.xml" -Dflink.version="$version" \
  org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy-dependencies \
  -DexcludeTransitive=true -DoutputDirectory="$cache/$version/jars" >&2
cp "$cache/$version/jars"/flink-sql-gateway-*.jar "$home/opt/"
cp "$cache/$version/jars"/flink-sql-connector-kafka-*.jar "$cache/$version/jars"/flink-sql-avro-confluent-registry-*.jar "$home/lib/"
touch "$home/.complete"
echo "$home"
