#!/bin/sh
# pk2d against an independent engine on the same files. Prints figures; it
# is not a test and `make check` never runs it.
#
# Usage: bench/run.sh [--national] [--build DIR] [--work DIR] [--keep]
#   --build DIR   a configured and built pk2d tree (default: the current
#                 directory if it has src/pk2d)
#   --work DIR    where the data, DuckDB and the results go
#                 (default: ${TMPDIR:-/tmp}/pk2d-bench)
#   --national    the whole country (area = all: 83,762 villages, about
#                 11 GB of survey and children) instead of Kalimantan
#                 Selatan (63)
#   --keep        keep a data set already generated in the work directory
#
# It generates the data with pk2d-synth (survey and children only), times
# `pk2d report` end to end with the family and health plugins (wall, CPU,
# peak memory, MB/s, rows/s per plugin, what it read from the disk) without
# the history store, then with
# and without it (into a new store, again into one that holds the
# period, and into one that holds the year before, made with sqlite3's
# shell when it is installed) and with the JSON report instead, alternated (three rounds,
# one for the country; the best of each and their ratios), then (province only) the HTML
# and XLSX reports, the drill-down site, the time Chromium takes to draw them and the
# cost of the progress lines on a terminal, then (province only) the same
# run on the same files with their rows shuffled, which the plugins get grouped
# by village through a temporary file, and checks that its report is the
# grouped run's; then the same aggregates in DuckDB
# (@duckdb/node-api, installed into the work directory by this script,
# never a dependency of pk2d), and `wc -l` over the same files as the
# reading floor, and prints the ratios. The totals of pk2d and DuckDB are
# compared: they must agree.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
area=63
build=
work=${TMPDIR:-/tmp}/pk2d-bench
keep=0
while [ $# -gt 0 ]; do
	case $1 in
	--national) area=all ;;
	--build) build=$2; shift ;;
	--work) work=$2; shift ;;
	--keep) keep=1 ;;
	-h|--help) sed -n '2,31p' "$0"; exit 0 ;;
	*) echo "bench/run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
	esac
	shift
done
if [ -z "$build" ]; then
	[ -x src/pk2d ] && build=$PWD
fi
if [ -z "$build" ] || [ ! -x "$build/src/pk2d" ] || [ ! -x "$build/synth/pk2d-synth" ]; then
	echo "bench/run.sh: no built pk2d: run it from a build directory or give --build DIR" >&2
	exit 2
fi
build=$(cd "$build" && pwd)
for tool in node npm /usr/bin/time; do
	command -v "$tool" > /dev/null || { echo "bench/run.sh: $tool is needed" >&2; exit 2; }
done
export PK2D_PLUGIN_PATH="$build/plugins" PK2D_DATA_DIR="$top/data"
mkdir -p "$work"
data=$work/data-$area
res=$work/results-$area
mkdir -p "$res"

# The machine.
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
echo "machine: $(nproc) CPUs ($cpu), $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -sr)"
echo "area: $area"

# The data: generated once (and again unless --keep).
if [ "$keep" -eq 0 ] || [ ! -f "$data/synth-manifest.txt" ]; then
	rm -rf "$data"
	/usr/bin/time -f '%e %M' -o "$res/synth.time" \
		"$build/synth/pk2d-synth" --area "$area" --seed 1 --plugins family,health -q -o "$data"
	read -r s_wall s_rss < "$res/synth.time"
	echo "generated in ${s_wall} s (peak ${s_rss} KB)"
fi
files="$data/keluarga.csv $data/balita.csv"
bytes=$(cat $files | wc -c)
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
echo "input: $mb MB ($(sed -n 's/^villages = //p' "$data/synth-manifest.txt") villages, $(sed -n 's/^kk = //p' "$data/synth-manifest.txt") KK, $(sed -n 's/^children = //p' "$data/synth-manifest.txt") children)"

# A configuration with the two plugins the aggregates compare.
cfg=$data/bench.ini
{
	sed -n '/^\[pk2d\]/,/^$/p' "$data/pk2d.ini" | grep -v -e '^include' -e '^note' -e '^area'
	printf 'area = %s\nmodel = %s\n' "$area" "$top/conf/models/ikk.ini"
	echo
	printf '[plugin.family]\nsurvey = keluarga.csv\n\n[plugin.health]\nchildren = balita.csv\n'
} > "$cfg"

# Run the page cache warm for everyone: one read first.
cat $files > /dev/null

# wc -l: the reading floor.
/usr/bin/time -f '%e %U %S %M' -o "$res/wc.time" wc -l $files > /dev/null
read -r w_wall w_user w_sys w_rss < "$res/wc.time"

# pk2d: the timed run writes the terminal report (a province run assesses
# every village); the JSON report, for the per-plugin figures and the
# totals compared with DuckDB, is written in the alternation below.
# What the timed run read from the disk (kB, /proc/vmstat's pgpgin): a
# machine whose page cache cannot hold the input reads part of it again,
# and the system time then grows with it (docs/performance.md).
pgpgin() { awk '$1 == "pgpgin" { print $2 }' /proc/vmstat 2>/dev/null || echo 0; }
disk_before=$(pgpgin)
/usr/bin/time -f '%e %U %S %M' -o "$res/pk2d.time" \
	"$build/src/pk2d" -q -c "$cfg" report --store none -f text -o "$res/pk2d.txt"
read -r p_wall p_user p_sys p_rss < "$res/pk2d.time"
echo "the timed run read $(( ($(pgpgin) - disk_before) / 1024 )) MB from the disk" \
	"(the input: $mb MB; the rest came from the page cache)"
# The history store's cost: the same run without it and with it (the
# default), into a new store and again into a store that already holds
# the period (a rerun: its trends read the store, its figures replace the
# period's), and the JSON report's: the run without the store writing JSON
# instead; alternated $pairs times, the best of each, as the machine may be
# busy with other work.
pairs=3
[ "$area" = all ] && pairs=1
rm -f "$res/store-off.time" "$res/store-on.time" "$res/store-again.time" \
	"$res/store-next.time" "$res/pk2d-json.time" "$res/kept.sqlite"
"$build/src/pk2d" -q -c "$cfg" report --store "$res/kept.sqlite" -f text -o "$res/pk2d-kept.txt"
# A coordinator's store holds the periods before the run's: the same
# figures moved back a year (sqlite3's shell, when it is installed), into
# which each round writes the run's period anew, the trends then comparing
# every area with the year before.
period=$(awk -F' *= *' '$1 == "period" { print $2; exit }' "$cfg")
earlier=
if command -v sqlite3 > /dev/null && expr "$period" : '[0-9][0-9][0-9][0-9]$' > /dev/null; then
	earlier=$((period - 1))
	cp "$res/kept.sqlite" "$res/earlier.sqlite"
	sqlite3 "$res/earlier.sqlite" "UPDATE vals SET period = '$earlier';
		UPDATE ivals SET period = '$earlier'; UPDATE scores SET period = '$earlier';
		UPDATE runs SET period = '$earlier';"
fi
for i in $(seq "$pairs"); do
	/usr/bin/time -f '%e %U %S %M' -a -o "$res/store-off.time" \
		"$build/src/pk2d" -q -c "$cfg" report --store none -f text -o "$res/pk2d-off.txt"
	rm -f "$res/history.sqlite" "$res/history.sqlite-journal"
	/usr/bin/time -f '%e %U %S %M' -a -o "$res/store-on.time" \
		"$build/src/pk2d" -q -c "$cfg" report --store "$res/history.sqlite" -f text \
		-o "$res/pk2d-store.txt"
	/usr/bin/time -f '%e %U %S %M' -a -o "$res/store-again.time" \
		"$build/src/pk2d" -q -c "$cfg" report --store "$res/kept.sqlite" -f text \
		-o "$res/pk2d-kept.txt"
	/usr/bin/time -f '%e %U %S %M' -a -o "$res/pk2d-json.time" \
		"$build/src/pk2d" -q -c "$cfg" report --store none -f json -o "$res/pk2d.json"
	if [ -n "$earlier" ]; then
		cp "$res/earlier.sqlite" "$res/next.sqlite"
		/usr/bin/time -f '%e %U %S %M' -a -o "$res/store-next.time" \
			"$build/src/pk2d" -q -c "$cfg" report --store "$res/next.sqlite" -f text \
			-o "$res/pk2d-next.txt"
	fi
done
best() { # FILE: the least wall and the least CPU (user + sys) of its lines
	awk 'NR == 1 || $1 < w { w = $1 } NR == 1 || $2 + $3 < c { c = $2 + $3 }
		$4 > m { m = $4 } END { printf "%.2f %.2f %d", w, c, m }' "$1"
}
read -r off_wall off_cpu off_rss <<EOF_OFF
$(best "$res/store-off.time")
EOF_OFF
read -r on_wall on_cpu on_rss <<EOF_ON
$(best "$res/store-on.time")
EOF_ON
read -r again_wall again_cpu again_rss <<EOF_AGAIN
$(best "$res/store-again.time")
EOF_AGAIN
read -r j_wall j_cpu j_rss <<EOF_JSON
$(best "$res/pk2d-json.time")
EOF_JSON
rm -f "$res/store-off.time" "$res/store-on.time" "$res/store-again.time" "$res/pk2d-json.time"
echo "history store, best of $pairs alternated: off $off_wall s wall $off_cpu s CPU," \
	"on $on_wall s wall $on_cpu s CPU $((on_rss / 1024)) MB peak," \
	"$(($(wc -c < "$res/history.sqlite") / 1048576)) MB of SQLite; on/off" \
	"$(awk -v a="$on_wall" -v b="$off_wall" 'BEGIN { printf "%.2f", a / b }') wall," \
	"$(awk -v a="$on_cpu" -v b="$off_cpu" 'BEGIN { printf "%.2f", a / b }') CPU"
echo "history store, rerun into a store holding the period: $again_wall s wall" \
	"$again_cpu s CPU $((again_rss / 1024)) MB peak; rerun/off" \
	"$(awk -v a="$again_wall" -v b="$off_wall" 'BEGIN { printf "%.2f", a / b }') wall," \
	"$(awk -v a="$again_cpu" -v b="$off_cpu" 'BEGIN { printf "%.2f", a / b }') CPU"
if [ -n "$earlier" ]; then
	read -r next_wall next_cpu next_rss <<EOF_NEXT
$(best "$res/store-next.time")
EOF_NEXT
	echo "history store, the period added to a store holding $earlier: $next_wall s wall" \
		"$next_cpu s CPU $((next_rss / 1024)) MB peak, a report of" \
		"$(($(wc -c < "$res/pk2d-next.txt") / 1024)) kB against $(($(wc -c < "$res/pk2d-off.txt") / 1024)) kB;" \
		"next/off $(awk -v a="$next_wall" -v b="$off_wall" 'BEGIN { printf "%.2f", a / b }') wall," \
		"$(awk -v a="$next_cpu" -v b="$off_cpu" 'BEGIN { printf "%.2f", a / b }') CPU"
	rm -f "$res/store-next.time" "$res/earlier.sqlite" "$res/next.sqlite"
else
	echo "history store, the period added to a store holding the one before: not timed" \
		"(no sqlite3 shell, or the period is not a year)"
fi
echo "pk2d with the JSON report instead, best of $pairs alternated with the store's runs:" \
	"$j_wall s wall, $j_cpu s CPU, $((j_rss / 1024)) MB peak; JSON/text (the store off)" \
	"$(awk -v a="$j_wall" -v b="$off_wall" 'BEGIN { printf "%.2f", a / b }') wall," \
	"$(awk -v a="$j_cpu" -v b="$off_cpu" 'BEGIN { printf "%.2f", a / b }') CPU"

# The HTML report, the drill-down site and their rendering in Chromium
# (not for the national set), and the cost of the progress lines.
if [ "$area" != all ]; then
	cpu_of() { awk '{ printf "%.2f", $2 + $3 }' "$1"; }
	/usr/bin/time -f '%e %U %S %M' -o "$res/pk2d-html.time" \
		"$build/src/pk2d" -q -c "$cfg" report --store none -f html -o "$res/pk2d.html"
	# per_text FILE: its CPU over the terminal report's (the timed run's).
	per_text() { awk -v c="$p_user" -v d="$p_sys" '{ printf "%.2f", ($2 + $3) / (c + d) }' "$1"; }
	echo "pk2d with the HTML report instead: $(cut -d' ' -f1 "$res/pk2d-html.time") s wall," \
		"$(cpu_of "$res/pk2d-html.time") s CPU, $(($(wc -c < "$res/pk2d.html") / 1024)) kB of HTML;" \
		"HTML/text CPU $(per_text "$res/pk2d-html.time")"
	/usr/bin/time -f '%e %U %S %M' -o "$res/pk2d-xlsx.time" \
		"$build/src/pk2d" -q -c "$cfg" report --store none -f xlsx -o "$res/pk2d.xlsx"
	echo "pk2d with the XLSX report instead: $(cut -d' ' -f1 "$res/pk2d-xlsx.time") s wall," \
		"$(cpu_of "$res/pk2d-xlsx.time") s CPU, $(($(cut -d' ' -f4 "$res/pk2d-xlsx.time") / 1024)) MB peak," \
		"$(($(wc -c < "$res/pk2d.xlsx") / 1048576)) MB of XLSX; XLSX/text CPU $(per_text "$res/pk2d-xlsx.time")"
	if "$build/src/pk2d" report --help 2>&1 | grep -q -e '--site'; then
		rm -rf "$res/site"
		/usr/bin/time -f '%e %U %S %M' -o "$res/pk2d-site.time" \
			"$build/src/pk2d" -q -c "$cfg" report --store none -f text -o /dev/null \
			--site "$res/site"
		echo "pk2d with the site too: $(cut -d' ' -f1 "$res/pk2d-site.time") s wall," \
			"$(cpu_of "$res/pk2d-site.time") s CPU, $(find "$res/site" -type f | wc -l) files," \
			"$(du -sk "$res/site" | cut -f1) kB"
	fi
	if command -v chromium > /dev/null; then
		# Chromium's own start, then each page loaded and drawn at 1366x768:
		# the difference is the page's. A page not drawn in 300 s is given up.
		render() {
			if /usr/bin/time -f '%e' -o "$res/render.time" timeout 300 chromium --headless \
				--no-sandbox --disable-gpu --hide-scrollbars --window-size=1366,768 \
				--user-data-dir="$work/chromium" --screenshot="$res/render.png" "$1" \
				> /dev/null 2>&1; then
				tail -n 1 "$res/render.time"
			else
				echo "over 300"
			fi
		}
		echo '<!DOCTYPE html><title>-</title>' > "$res/empty.html"
		render "file://$res/empty.html" > /dev/null # a first start warms the cache
		base=$(render "file://$res/empty.html")
		echo "chromium: start and an empty page $base s; the HTML report $(render "file://$res/pk2d.html") s"
		# The site: its run area's page (index.html only sends a browser
		# there: after that redirect headless Chromium's screenshot did not
		# end in minutes) and its largest village page.
		if [ -f "$res/site/$area.html" ]; then
			village=$(ls -S "$res/site" | grep -m 1 -E '^[0-9]+(\.[0-9]+){3}\.html$')
			echo "chromium: the site's page of $area $(render "file://$res/site/$area.html") s" \
				"($(($(wc -c < "$res/site/$area.html") / 1024)) kB), of village ${village%.html}" \
				"$(render "file://$res/site/$village") s ($(($(wc -c < "$res/site/$village") / 1024)) kB)"
		fi
		rm -rf "$work/chromium" "$res/render.png" "$res/render.time" "$res/empty.html"
	fi
	# The progress lines are drawn on a terminal: the same run on a
	# pseudo-terminal (script), against -q.
	if command -v script > /dev/null; then
		/usr/bin/time -f '%e %U %S %M' -o "$res/pk2d-tty.time" script -qec \
			"'$build/src/pk2d' -c '$cfg' report --store none -f text -o '$res/pk2d-tty.txt'" \
			/dev/null > /dev/null
		echo "progress lines on a terminal: $(cut -d' ' -f1 "$res/pk2d-tty.time") s wall," \
			"$(cpu_of "$res/pk2d-tty.time") s CPU, against $p_wall s and" \
			"$(awk -v a="$p_user" -v b="$p_sys" 'BEGIN { print a + b }') s CPU with -q"
	fi
fi

# The same files shuffled (header first): not for the national set, which
# shuf would have to hold whole in memory.
if [ "$area" != all ]; then
	shuffled=$work/shuffled-$area
	mkdir -p "$shuffled" "$work/tmp"
	for f in keluarga.csv balita.csv; do
		{ head -n 1 "$data/$f"; tail -n +2 "$data/$f" | shuf --random-source="$data/$f"; } \
			> "$shuffled/$f"
	done
	sed -e "s|^survey = .*|survey = $shuffled/keluarga.csv|" \
		-e "s|^children = .*|children = $shuffled/balita.csv|" "$cfg" > "$shuffled/bench.ini"
	cat "$shuffled"/*.csv > /dev/null
	TMPDIR=$work/tmp /usr/bin/time -f '%e %U %S %M' -o "$res/pk2d-shuffled.time" \
		"$build/src/pk2d" -q -c "$shuffled/bench.ini" report --store none -f text \
		-o "$res/pk2d-shuffled.txt"
	read -r s_wall s_user s_sys s_rss < "$res/pk2d-shuffled.time"
	echo "pk2d on the shuffled files: $s_wall s wall, $(awk -v a="$s_user" -v b="$s_sys" 'BEGIN { print a + b }') s CPU, $((s_rss / 1024)) MB peak (grouped: $p_wall s, $((p_rss / 1024)) MB)"
	# The reports differ only in the files' folder and the plugins' timings.
	sed "s|$shuffled/|$data/|g" "$res/pk2d-shuffled.txt" > "$res/pk2d-shuffled.same.txt"
	if [ "$(diff "$res/pk2d.txt" "$res/pk2d-shuffled.same.txt" | grep -c '^[<>]')" -eq \
		"$(diff "$res/pk2d.txt" "$res/pk2d-shuffled.same.txt" | grep -c '^[<>].* s \[')" ]; then
		echo "the shuffled run's report is the grouped run's (timings aside)"
	else
		echo "DIFFER: the shuffled run's report is not the grouped run's"
	fi
	rm -rf "$shuffled" "$work/tmp"
fi

# DuckDB, installed here and only here.
if [ ! -d "$work/duckdb/node_modules/@duckdb/node-api" ]; then
	mkdir -p "$work/duckdb"
	(cd "$work/duckdb" && npm install --silent --no-audit --no-fund @duckdb/node-api > /dev/null)
fi
cp "$top/bench/duckdb.mjs" "$work/duckdb/duckdb.mjs"
/usr/bin/time -f '%e %U %S %M' -o "$res/duckdb.time" \
	node "$work/duckdb/duckdb.mjs" "$data" "$top/data/who-growth" "$res/duckdb.json" > "$res/duckdb.out"
read -r d_wall d_user d_sys d_rss < "$res/duckdb.time"

# Figures.
node - "$res/pk2d.json" "$res/duckdb.json" "$bytes" "$p_wall" "$p_user" "$p_sys" "$p_rss" \
	"$d_wall" "$d_user" "$d_sys" "$d_rss" "$w_wall" "$w_user" "$w_sys" "$w_rss" <<'JS'
const fs = require('fs');
const [pj, dj, bytes, ...t] = process.argv.slice(2);
const [pw, pu, ps, pr, dw, du, ds, dr, ww, wu, wsys, wr] = t.map(Number);
const p = JSON.parse(fs.readFileSync(pj, 'utf8'));
const d = JSON.parse(fs.readFileSync(dj, 'utf8'));
const mb = Number(bytes) / 1e6;
const row = (name, wall, cpu, rss) => console.log(
	`${name.padEnd(10)} ${wall.toFixed(2).padStart(8)} s wall ${cpu.toFixed(2).padStart(8)} s CPU ` +
	`${(rss / 1024).toFixed(0).padStart(7)} MB peak ${(mb / wall).toFixed(0).padStart(6)} MB/s`);
console.log('');
row('pk2d', pw, pu + ps, pr);
row('duckdb', dw, du + ds, dr);
row('wc -l', ww, wu + wsys, wr);
console.log(`duckdb inside: survey ${d.seconds.survey.toFixed(2)} s, children ${d.seconds.children.toFixed(2)} s`);
for (const r of p.runs) {
	const rows = r.files.filter((f) => !f.path.includes('who-growth')).reduce((a, f) => a + f.records, 0);
	console.log(`pk2d ${r.instance}: ${rows} rows in ${r.seconds.toFixed(2)} s, ` +
		`${(rows / r.seconds / 1e6).toFixed(2)} M rows/s (${r.state})`);
}
console.log(`ratios: pk2d/duckdb ${(pw / dw).toFixed(2)} (wall), pk2d/wc -l ${(pw / ww).toFixed(2)} (wall)`);
// The two engines must agree.
const tot = Object.fromEntries(p.indicators.map((i) => [i.id, i.total]));
let bad = 0;
for (const c of ['L1', 'L2', 'L3', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8',
	'P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'B1', 'B2', 'B3', 'B4', 'B5', 'B6']) {
	const x = tot['family.' + c.toLowerCase()];
	if (!x || x.numerator !== d.survey[c + '_met'] || x.denominator !== d.survey[c + '_app']) {
		bad++;
		console.log(`DIFFER ${c}: pk2d ${x && x.numerator}/${x && x.denominator}, duckdb ${d.survey[c + '_met']}/${d.survey[c + '_app']}`);
	}
}
const st = tot['health.stunting'];
if (!st || st.numerator !== d.children.stunted || st.denominator !== d.children.measured) {
	bad++;
	console.log(`DIFFER stunting: pk2d ${st && st.numerator}/${st && st.denominator}, duckdb ${d.children.stunted}/${d.children.measured}`);
}
console.log(bad ? `${bad} aggregates differ` : 'pk2d and duckdb agree on every survey indicator and on stunting');
JS
