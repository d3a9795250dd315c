# Assessment models, installed under $(sysconfdir)/pk2d/models/.
pk2dmodeldir = $(pk2dconfdir)/models
dist_pk2dmodel_DATA = %D%/models/ikk.ini
