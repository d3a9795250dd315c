# The default configuration (a template to copy) and the assessment model,
# installed under $(sysconfdir)/pk2d/.
dist_pk2dconf_DATA = %D%/pk2d.ini
pk2dmodeldir = $(pk2dconfdir)/models
dist_pk2dmodel_DATA = %D%/models/ikk.ini
# The installed sample (under $(pkgdatadir)/sample) names its model as
# ../models/ikk.ini, as in the source tree.
samplemodeldir = $(pkgdatadir)/models
samplemodel_DATA = %D%/models/ikk.ini
