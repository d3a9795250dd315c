#!/bin/sh
# End to end through the built pk2d binary: a configuration with the good
# test plugin and every bad one. The report is still written, exit status 1,
# every bad plugin's reason is in it, and good's values are there. Then the
# other commands and exit statuses: required = yes, check, plugins, usage,
# configuration errors, and an output file that cannot be written.
set -eu
: "${PK2D_TOP_BUILDDIR:?run through make check}" "${PK2D_TOP_SRCDIR:?}"
. "$PK2D_TOP_SRCDIR/tests/lib.sh"
pk2d=$PK2D_TOP_BUILDDIR/src/pk2d
data=$(cd "$PK2D_TOP_SRCDIR/tests/data" && pwd)/good.csv
# ASan catches a SIGSEGV, reports it and exits with 1.
if ldd "$pk2d" 2>/dev/null | grep -q libasan; then
	crash='exit status 1'
else
	crash='killed by signal 11 (Segmentation fault)'
fi
crash_flat=$(printf '%s' "$crash" | tr -d ' ')

mkdir "$tmp/plugins"
printf 'this is text, not an ELF object\n' >"$tmp/plugins/not_so.so"
{
	printf '[pk2d]\nperiod = 2023\narea = 63.02.09.2007\njobs = 4\n'
	printf '; searched before $PK2D_PLUGIN_PATH, relative to this file\n'
	printf 'plugin_path = plugins\n\n'
	printf '[plugin.good]\ndata = %s\n' "$data"
	printf '[plugin.crash]\n[plugin.hang]\ntimeout = 1\n[plugin.garbage]\n'
	printf '[plugin.undeclared]\n[plugin.exits]\n[plugin.bad_abi]\n[plugin.no_symbol]\n'
	printf '[plugin.not_so]\n[plugin.bad_name]\n'
} >"$tmp/pk2d.ini"

rc=0
pk2d_run -q -c "$tmp/pk2d.ini" report --format json -o "$tmp/report.json" 2>"$tmp/err" || rc=$?
test $rc -eq 1 || fail "report exit status $rc, want 1"
test -s "$tmp/report.json" || fail "no report written"
if ls "$tmp" | grep -q 'tmp\.'; then fail "temporary file left behind"; fi
tr -d ' \n\t' <"$tmp/report.json" >"$tmp/flat.json"
has "$tmp/flat.json" '"instance":"good","module":"good","agency":"DinasUji"'
has "$tmp/flat.json" "\"state\":\"failed\",\"reason\":\"$crash_flat\""

has "$tmp/flat.json" '"reason":"timedoutafter1s"'
has "$tmp/flat.json" '"reason":"malformedrecordatbyte'
has "$tmp/flat.json" '"reason":"exitstatus3"'
has "$tmp/flat.json" '"state":"not_loaded","reason":"'
has "$tmp/flat.json" 'builtforABI2.0,thispk2d'
has "$tmp/flat.json" 'nosymbolpk2d_plugin_descriptor'
has "$tmp/flat.json" 'notaloadablesharedobject:'
has "$tmp/flat.json" "descriptorname'other_name'doesnotmatchthefilename'bad_name.so'"
has "$tmp/flat.json" '"instance":"undeclared","module":"undeclared","agency":"DinasUji"'
has "$tmp/flat.json" '"values":1,"refused":1'
has "$tmp/flat.json" '"id":"good.kk_meets"'
has "$tmp/flat.json" '"total":{"numerator":40,"denominator":60,"value":66.6666'
has "$tmp/flat.json" '"indicator":"good.kk_meets","area":"63.02.09.2007","rt":1,"period":"2023","numerator":16,"denominator":20,"value":80'
has "$tmp/flat.json" '"indicator":"good.kk_meets","area":"63.02.09.2007","rt":2,"period":"2023","numerator":24,"denominator":40,"value":60'
has "$tmp/flat.json" '"intervention":"good.visit","area":"63.02.09.2007","rt":1,"period":"2023","target":10,"realised":8'
# Every failure is on stderr too, as "pk2d: ...", and -q hides the warnings.
has "$tmp/err" "pk2d: crash: failed: $crash"
has "$tmp/err" "pk2d: $tmp/pk2d.ini:16: [plugin.bad_abi]:"
if grep -q 'warning' "$tmp/err"; then fail "-q still shows warnings"; fi

# The text report on standard output says the same.
rc=0
pk2d_run -c "$tmp/pk2d.ini" report >"$tmp/report.txt" 2>/dev/null || rc=$?
test $rc -eq 1 || fail "text report exit status $rc"
has "$tmp/report.txt" 'exit status 3'
has "$tmp/report.txt" 'total 63.02.09.2007 (Sang-Sang) 2023: 66,67 (40 / 60)'
has "$tmp/report.txt" '63.02.09.2007 RT 2 2023: 60,00 (24 / 40)'

# A required plugin that fails: no report at all, exit 1.
sed 's/^\[plugin.crash\]$/[plugin.crash]\nrequired = yes/' "$tmp/pk2d.ini" >"$tmp/req.ini"
rc=0
pk2d_run -c "$tmp/req.ini" report -o "$tmp/req.json" 2>"$tmp/err" || rc=$?
test $rc -eq 1 || fail "required failure exit status $rc"
test ! -e "$tmp/req.json" || fail "report written although a required plugin failed"
has "$tmp/err" "required plugin 'crash' did not run: $crash"

# Only good: exit 0, and --no-fork writes the same report.
# good.csv has 1 unreadable row of 4 (25 %): exactly max_rejected passes,
# anything above fails with the file named, the report still written.
printf '[pk2d]\nperiod = 2023\narea = 63.02.09.2007\nmax_rejected = 24.9\n[plugin.good]\ndata = %s\n' \
	"$data" >"$tmp/strict.ini"
rc=0
pk2d_run -c "$tmp/strict.ini" report -f json -o "$tmp/strict.json" 2>"$tmp/strict.err" || rc=$?
[ $rc -eq 1 ] || fail "25 % rejected above max_rejected = 24.9 did not exit 1"
grep -qF "good.csv: 25,0 % barisnya di wilayah dan periode run ditolak, melebihi max_rejected = 24,9 %" \
	"$tmp/strict.err" || fail "no failure message: $(cat "$tmp/strict.err")"
grep -qF "good.csv:5: unreadable number: 'a…'" "$tmp/strict.err" ||
	fail "the summary lacks the rejected line: $(cat "$tmp/strict.err")"
grep -q '"failed":[[:space:]]*true' "$tmp/strict.json" || fail "the report does not say the run failed"
printf '[pk2d]\nperiod = 2023\narea = 63.02.09.2007\nmax_rejected = 25\n[plugin.good]\ndata = %s\n' "$data" \
	>"$tmp/ok.ini"
pk2d_run -c "$tmp/ok.ini" report -f json -o "$tmp/ok.json" || fail "good alone failed"
pk2d_run -c "$tmp/ok.ini" --no-fork report -f json -o "$tmp/ok-nofork.json" ||
	fail "--no-fork failed"
sed '/"seconds"/d' "$tmp/ok.json" >"$tmp/a"
sed '/"seconds"/d' "$tmp/ok-nofork.json" >"$tmp/b"
cmp -s "$tmp/a" "$tmp/b" || fail "--no-fork gives another report"

# The same plugin built against ABI 1.0's header checks and reports alike.
printf '[pk2d]\nperiod = 2023\narea = 63.02.09.2007\nmax_rejected = 25\n[plugin.abi10]\ndata = %s\n' \
	"$data" >"$tmp/abi10.ini"
pk2d_run -c "$tmp/abi10.ini" check >/dev/null || fail "check of an ABI 1.0 plugin failed"
pk2d_run -c "$tmp/abi10.ini" report -f json -o "$tmp/abi10.json" || fail "ABI 1.0 plugin failed"
tr -d ' \n\t' <"$tmp/abi10.json" >"$tmp/abi10-flat.json"
has "$tmp/abi10-flat.json" '"indicator":"abi10.kk_meets","area":"63.02.09.2007","rt":2,"period":"2023","numerator":24,"denominator":40,"value":60'
# Built against ABI 1.7's header (before csv_fields), it loads and reports
# alike.
sed 's/abi10/abi17/' "$tmp/abi10.ini" >"$tmp/abi17.ini"
pk2d_run -c "$tmp/abi17.ini" report -f json -o "$tmp/abi17.json" || fail "ABI 1.7 plugin failed"
tr -d ' \n\t' <"$tmp/abi17.json" >"$tmp/abi17-flat.json"
has "$tmp/abi17-flat.json" '"indicator":"abi17.kk_meets","area":"63.02.09.2007","rt":2,"period":"2023","numerator":24,"denominator":40,"value":60'
# It declares no inputs, so its missing file is found by collect: the
# reason in the report names the file all the same.
sed "s|^data = .*|data = $tmp/absent.csv|" "$tmp/abi10.ini" >"$tmp/abi10-absent.ini"
rc=0
pk2d_run -c "$tmp/abi10-absent.ini" report -o "$tmp/abi10-absent.txt" 2>/dev/null || rc=$?
test $rc -eq 1 || fail "ABI 1.0 plugin without its file: exit status $rc"
has "$tmp/abi10-absent.txt" "collect returned -4 (a file could not be opened or read): $tmp/absent.csv: No such file or directory"

# check: init only; bad plugins make it fail.
rc=0
pk2d_run -c "$tmp/pk2d.ini" check >"$tmp/check.txt" 2>/dev/null || rc=$?
test $rc -eq 1 || fail "check exit status $rc"
has "$tmp/check.txt" 'crash            crash        ok'
has "$tmp/check.txt" 'bad_abi          bad_abi      not loaded: '
pk2d_run -c "$tmp/ok.ini" check >/dev/null || fail "check of a good configuration failed"

# plugins: everything on the path, refused files with their reason.
rc=0
pk2d_run -c "$tmp/pk2d.ini" plugins >"$tmp/plugins.txt" 2>/dev/null || rc=$?
test $rc -eq 1 || fail "plugins exit status $rc (refused files are listed as errors)"
has "$tmp/plugins.txt" "  file: $tmp/plugins/not_so.so"
has "$tmp/plugins.txt" '  refused: not a loadable shared object'
has "$tmp/plugins.txt" '    indicator     good.kk_meets'
has "$tmp/plugins.txt" '    intervention  good.visit'
has "$tmp/plugins.txt" '    data                 (required)'

# Configuration errors: all of them, with file:line, exit 1, no output;
# an unknown [pk2d] key does not hide the plugin sections' errors.
printf '[pk2d]\nperiod = 2023\narea = 63\njobs = x\nbogus = 1\n[plugin.good]\ndat = y\n' \
	>"$tmp/bad.ini"
for cmd in report check; do
	rc=0
	pk2d_run -c "$tmp/bad.ini" $cmd 2>"$tmp/err" >"$tmp/out" || rc=$?
	test $rc -eq 1 || fail "configuration error exit status $rc"
	has "$tmp/err" "pk2d: $tmp/bad.ini:4: jobs 'x' is not a whole number"
	has "$tmp/err" "pk2d: $tmp/bad.ini:5: unknown key 'bogus' in [pk2d]"
	has "$tmp/err" "pk2d: $tmp/bad.ini:7: [plugin.good]: unknown key 'dat' for module 'good'; did you mean 'data'?"
	has "$tmp/err" "pk2d: $tmp/bad.ini:6: [plugin.good]: missing required key 'data'"
	test ! -s "$tmp/out" || fail "output despite configuration errors"
done

# Usage errors: exit 2.
for args in "--bogus report" "frobnicate" "" "report extra" "-j 0 report" "-f docx report"; do
	rc=0
	# shellcheck disable=SC2086
	pk2d_run $args >/dev/null 2>&1 || rc=$?
	test $rc -eq 2 || fail "'pk2d $args' exit status $rc, want 2"
done
rc=0
pk2d_run -c "$tmp/ok.ini" --area 63.02 report >"$tmp/out" 2>"$tmp/err" || rc=$?
test $rc -eq 2 || fail "report --area: exit status $rc, want 2"
has "$tmp/err" "report takes its area from the configuration ([pk2d] area = 63.02), not --area"
test ! -s "$tmp/out" || fail "report --area: a report written"
pk2d_run --help | grep -q '^Usage: pk2d' || fail "--help"
pk2d_run --help | grep -q 'evaluate: text,$' && pk2d_run --help |
	grep -q '^ *csv, json, md, html, xlsx or pdf$' || fail "--help: evaluate's formats"
pk2d_run --version | grep -q '^pk2d ' || fail "--version"

# An output file that cannot be written: exit 1, with the reason.
rc=0
pk2d_run -c "$tmp/ok.ini" report -o "$tmp/no/such/dir/r.txt" 2>"$tmp/err" || rc=$?
test $rc -eq 1 || fail "unwritable output exit status $rc"
has "$tmp/err" "cannot create a temporary file"
# Without RT detail the child adds up each village's RT values before they
# reach the parent: the same totals, the same values and refusals counted,
# the same refusal messages, forked or not. The data hold values the
# registry refuses (meets > kk: 1 value; RT 10000 and an RT of a kecamatan:
# 3 values each), 7 of the 21 values of 7 rows.
{
	printf 'kode_wilayah;rt;kk;meets;members;target;realised\n'
	printf '63.02.09.2007;1;20;16;70;10;8\n63.02.09.2001;2;30;15;100;12;12\n'
	printf '63.02.09.2007;2;10;12;35;0;0\n63.02.09.2007;10000;5;1;4;0;0\n'
	printf '63.02.09;3;5;1;4;0;0\n63.02.09.2007;1;4;2;9;0;0\n63.02.09.2001;0;8;4;20;0;0\n'
} >"$tmp/fold.csv"
for detail in yes no; do
	printf '[pk2d]\nperiod = 2023\narea = 63.02.09\nrt_detail = %s\n[plugin.good]\ndata = %s\n' \
		"$detail" "$tmp/fold.csv" >"$tmp/fold-$detail.ini"
	for fork in fork no-fork; do
		opt=; [ "$fork" = fork ] || opt=--no-fork
		rc=0
		# shellcheck disable=SC2086
		pk2d_run -c "$tmp/fold-$detail.ini" $opt report --store none -f json \
			-o "$tmp/fold-$detail-$fork.json" 2>"$tmp/fold-$detail-$fork.err" || rc=$?
		test $rc -eq 0 || fail "rt_detail = $detail ($fork): exit status $rc"
		tr -d ' \n\t' <"$tmp/fold-$detail-$fork.json" | sed 's/"seconds":[0-9.e-]*//g' \
			>"$tmp/fold-$detail-$fork.flat"
		# Per-RT values are listed for village runs only: none here.
		has "$tmp/fold-$detail-$fork.flat" '"values":14,"refused":7'
		has "$tmp/fold-$detail-$fork.flat" '"id":"good.kk_meets"'
		# Rows 1, 2, 6 and 7: 16+15+2+4 KK of 20+30+4+8; members 70+100+35+9+20.
		has "$tmp/fold-$detail-$fork.flat" '"total":{"numerator":37,"denominator":62,'
		has "$tmp/fold-$detail-$fork.flat" '"total":{"numerator":234,"denominator":5,'
		has "$tmp/fold-$detail-$fork.err" 'value of good.kk_meets for 63.02.09.2007 RT 2: numerator 12 > denominator 10'
		has "$tmp/fold-$detail-$fork.err" 'RT 10000 is not in 0..9999'
		has "$tmp/fold-$detail-$fork.err" 'RT 3 given for an area that is not a village'
	done
done
cmp -s "$tmp/fold-yes-fork.flat" "$tmp/fold-no-fork.flat" ||
	fail "the JSON report differs with and without RT detail"
cmp -s "$tmp/fold-no-fork.flat" "$tmp/fold-no-no-fork.flat" ||
	fail "the JSON report without RT detail differs forked and in-process"
[ "$failures" -eq 0 ] || exit 1
echo "end-to-end host test passed"
