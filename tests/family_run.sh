# Sourced by shell tests that need a small real run whose reports cover every
# format: family_run DIR STORE writes DIR/data (pk2d-synth: 60 KK of one
# village in 3 RT), DIR/model.ini (one dimension of family indicators) and
# DIR/pk2d.ini, a configuration with the family plugin and the history
# store STORE (or none).
family_run() {
	"$PK2D_TOP_BUILDDIR/synth/pk2d-synth" --data "$PK2D_DATA_DIR" -q --plugins family \
		--kk 60 --rt 3 -o "$1/data" -a 63.02.09.2007 -p 2023 --seed 1 ||
		{ echo "FAIL: pk2d-synth"; return 1; }
	cat >"$1/model.ini" <<'MODEL'
[model]
name = Model uji
source = test
status = working
statement = Model uji
attention = 75
[category.ikk.all]
from = 0
to = 100
label_id = Semua
[dimension.a]
label_id = Legalitas
weight = 1
indicator.L1 = family.l1
MODEL
	printf '[pk2d]\nperiod = 2023\narea = 63.02.09.2007\nmodel = %s\nstore = %s\n' \
		"$1/model.ini" "$2" >"$1/pk2d.ini"
	printf '[plugin.family]\nsurvey = %s\n' "$1/data/keluarga.csv" >>"$1/pk2d.ini"
}
