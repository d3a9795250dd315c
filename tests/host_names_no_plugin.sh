#!/bin/sh
# The host names no plugin, no indicator and no agency: whatever a shipped
# plugin gets in the reports it declares through plugin.h (issue 20), so an
# agency's own plugin gets the same. Fails on any plugin id prefix, a
# shipped plugin's distinctive indicator id, or an agency's name in the
# code of src/ (comments, which may give examples, are left out).
set -eu
top=${PK2D_TOP_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}
cc=${CC:-cc}
pattern='\b(health|family|pkk|education|activities|dukcapil)\.[a-z_]'
pattern="$pattern"'|\b(stunting|wasting|overweight|zlen|zwei|zwfl|zbmi|kk_free_of_stunting)\b'
pattern="$pattern"'|\b(pokja|posyandu|Pokja|Posyandu)\b|Dinas |DP3A|Dukcapil|\bPKK\b|BKKBN'
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
found=0
for f in $(find "$top/src" -name '*.[ch]' | sort); do
	# -fpreprocessed -dD: comments go, nothing is expanded or included.
	if $cc -fpreprocessed -dD -E -P "$f" 2>/dev/null | grep -nE "$pattern" >"$tmp/hits"; then
		sed "s|^|${f#"$top"/}:|" "$tmp/hits"
		found=1
	fi
done
if [ "$found" -ne 0 ]; then
	echo "host_names_no_plugin: the host's code names a plugin, an indicator or an agency" >&2
	exit 1
fi
# The check itself finds a name: a line that names one must be caught.
printf 'static const char *x = "health.stunting";\n' >"$tmp/x.c"
$cc -fpreprocessed -dD -E -P "$tmp/x.c" | grep -qE "$pattern"
