# Data pk2d ships, installed under $(pkgdatadir): the WHO growth standards
# and the Kemendagri region codes, each with its provenance note.
nobase_dist_pkgdata_DATA += \
	%D%/who-growth/README.md \
	%D%/who-growth/length-height-for-age.csv \
	%D%/who-growth/weight-for-age.csv \
	%D%/who-growth/weight-for-length.csv \
	%D%/who-growth/weight-for-height.csv \
	%D%/who-growth/bmi-for-age.csv \
	%D%/wilayah/README.md \
	%D%/wilayah/kode-wilayah.csv \
	%D%/wilayah/alias-provinsi.csv
EXTRA_DIST += %D%/who-growth/reference-zscores.csv
