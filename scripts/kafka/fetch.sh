#!/usr/bin/env bash
# Fetches Apache Kafka's broker jars (kafka_2.13 and its runtime dependencies) with Maven into
# a cache folder outside the repository, once; prints the folder of jars.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
version="${KAFKA_VERSION:-4.4.0}"
cache="${FLINKLITE_KAFKA_CACHE:-$HOME/.cache/flinklite/kafka}"
libs="$cache/$version/libs"
if [[ -f "$libs/.complete" ]]; then
  echo "$libs"
  exit 0
fi
command -v java >/dev/null || { echo "Java 17+ is needed to run the Kafka broker: install openjdk-17-jre-headless" >&2; exit 3; }
command -v mvn >/dev/null || { echo "Maven is needed to fetch the Kafka broker: install maven" >&2; exit 3; }
mkdir -p "$libs"
mvn -q -B -f "$here/pom.xml" -Dkafka.version="$version" \
  org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy-dependencies \
  -DincludeScope=runtime -DoutputDirectory="$libs" >&2
touch "$libs/.complete"
echo "$libs"
