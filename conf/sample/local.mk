# The bundled synthetic sample village (pk2d-synth output, see its README),
# installed under $(pkgdatadir)/sample so that an installed pk2d can run it.
sampledir = $(pkgdatadir)/sample
dist_sample_DATA = \
	%D%/README.md \
	%D%/pk2d.ini \
	%D%/agencies.ini \
	%D%/synth-manifest.txt \
	%D%/keluarga.csv \
	%D%/balita.csv \
	%D%/intervensi-kesehatan.csv \
	%D%/anak-sekolah.csv \
	%D%/intervensi-pendidikan.csv \
	%D%/rekap-dasawisma.csv \
	%D%/kegiatan-pokja.csv \
	%D%/intervensi-pkk.csv \
	%D%/kegiatan-dukcapil.csv \
	%D%/kegiatan-dinsos.csv \
	%D%/kegiatan-perkim.csv \
	%D%/cakupan-dukcapil.csv \
	%D%/cakupan-dinsos.csv \
	%D%/cakupan-perkim.csv
