#!/bin/sh
# Installs what pk2d needs to build, test and render its reports on Debian 12.
# Usage: tools/setup-debian.sh [--tests]   (--tests adds the browser and
# LibreOffice that the report tests open the HTML and XLSX outputs with,
# xmllint and unzip that check the outputs' syntax, and clang with its
# libFuzzer runtime for the fuzzing run; python3, which tests/row_order.sh
# and the outputs' checks use, and procps, whose pgrep tests/stop.sh uses,
# are always installed)
set -eu
build_pkgs="build-essential autoconf automake libtool pkg-config libinih-dev check
libsqlite3-dev libpq-dev libcjson-dev libxlsxwriter-dev libzip-dev libexpat1-dev libcairo2-dev
libpango1.0-dev librsvg2-dev fonts-dejavu-core valgrind python3 procps"
# The tools the test scripts call besides python3 and procps (pgrep for
# stop.sh): chromium (report_html.sh), sqlite3 (report_e2e.sh), xmllint and
# unzip (utf8_e2e.sh), clang and its libFuzzer runtime (the fuzzing run),
# postgresql (the server tests/pg_cluster.sh starts for the shared store's
# tests), poppler-utils (pdftotext and pdfinfo read the printed PDF back,
# report_print.sh), LibreOffice below (report_xlsx.sh).
test_pkgs="chromium sqlite3 postgresql clang libclang-rt-14-dev libxml2-utils unzip poppler-utils"
test_nr_pkgs="libreoffice-calc-nogui"

sudo=""
if [ "$(id -u)" -ne 0 ]; then
	sudo="sudo"
fi

missing=""
want=$build_pkgs
if [ "${1:-}" = "--tests" ]; then
	want="$want $test_pkgs $test_nr_pkgs"
fi
for p in $want; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq $build_pkgs >/dev/null
if [ "${1:-}" = "--tests" ]; then
	# shellcheck disable=SC2086
	$sudo apt-get install -y -qq $test_pkgs >/dev/null
	# shellcheck disable=SC2086
	$sudo apt-get install -y -qq --no-install-recommends $test_nr_pkgs >/dev/null
fi
