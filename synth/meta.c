/*
 * meta.c - the configuration and the manifest that go with a data set.
 */
#include <stdio.h>
#include <string.h>

#include "synth.h"

/* Text with each file name ending a line written as the data set holds it:
 * NAME.xlsx with --xlsx. */
static void put_names(outfile *o, const synth *s, const char *text)
{
	const char *csv;

	while (s->opt.xlsx && (csv = strstr(text, ".csv\n"))) {
		out_put(o, text, (size_t)(csv - text));
		out_str(o, ".xlsx\n");
		text = csv + 5;
	}
	out_str(o, text);
}

static void put_line(outfile *o, const char *a, const char *b)
{
	out_str(o, a);
	out_str(o, b);
	out_ch(o, '\n');
}

static void put_num(outfile *o, const char *key, long v)
{
	out_str(o, key);
	out_str(o, " = ");
	out_uint(o, (unsigned long)v);
	out_ch(o, '\n');
}

/* A long text as comment lines of at most about 145 characters (pk2d
 * refuses INI lines of 200), broken at spaces. */
static void put_comment(outfile *o, const char *text)
{
	while (*text) {
		size_t n = strlen(text);

		if (n > 140) {
			n = 140;
			while (n > 0 && text[n] != ' ')
				n--;
			if (n == 0)
				n = strcspn(text, " ");
		}
		out_str(o, ";   ");
		out_put(o, text, n);
		out_ch(o, '\n');
		text += n;
		while (*text == ' ')
			text++;
	}
}

void synth_write_config(const synth *s, outfile *o, const char *area, const char *command)
{
	char year[8];

	snprintf(year, sizeof(year), "%d", s->opt.year);
	out_str(o, "; SYNTHETIC DATA written by:\n");
	put_comment(o, command);
	out_str(o, "; No real family, child or village record is in this data set.\n"
		   "; File names are relative to this file.\n\n[pk2d]\n");
	put_line(o, "period = ", year);
	if (*area)
		put_line(o, "area = ", area);
	if (*s->opt.note)
		put_line(o, "note = ", s->opt.note);
	if (s->opt.model)
		put_line(o, "model = ", s->opt.model);
	if (s->opt.plugins & SP_ACTIVITIES)
		out_str(o, "; Agencies without a plugin of their own (module = activities).\n"
			   "include = agencies.ini\n");
	if (s->opt.plugins & SP_FAMILY) {
		out_str(o, "\n[plugin.family]\n");
		put_line(o, "survey = ", s->out[SF_SURVEY].name);
	}
	if (s->opt.plugins & SP_HEALTH) {
		out_str(o, "\n[plugin.health]\n");
		out_str(o, "; The log's sasaran is each activity's target population (the remaja\n"
			   "; putri, ibu hamil, balita of the RT), so that coverage compares with\n"
			   "; the Perpres 72/2021 targets; a planned volume would give another\n"
			   "; figure (docs/inputs.md, \"Coverage\").\n");
		put_line(o, "children = ", s->out[SF_CHILDREN].name);
		put_line(o, "log = ", s->out[SF_HEALTH_LOG].name);
	}
	if (s->opt.plugins & SP_EDUCATION) {
		out_str(o, "\n[plugin.education]\n");
		put_line(o, "children = ", s->out[SF_SCHOOL].name);
		put_line(o, "log = ", s->out[SF_EDU_LOG].name);
	}
	if (s->opt.plugins & SP_PKK) {
		out_str(o, "\n[plugin.pkk]\n");
		put_line(o, "recap = ", s->out[SF_RECAP].name);
		put_line(o, "pokja = ", s->out[SF_POKJA].name);
		put_line(o, "log = ", s->out[SF_PKK_LOG].name);
	}
}

/* The agencies of the sample's desa lokus without a plugin of their own,
 * as written for conf/sample/agencies.ini (the plugins3 branch): ids,
 * logs and tables are the ones logs.c and files.c write. */
static const char agencies_ini[] =
	"; Agencies of the sample's desa lokus that have no plugin of their own: each\n"
	"; is an instance of the activities module (docs/plugins/activities.md).\n"
	"; Included by pk2d.ini (include = agencies.ini); file names are relative to\n"
	"; this file. The logs and tables are the synthetic data set's.\n"
	";\n"
	"; Each intervention's aims name the IKK indicators it is meant to move\n"
	"; (family.*, conf/models/ikk.ini) or an indicator of its own section: that is\n"
	"; how the assessment's follow-up plan links a problem to these agencies.\n"
	";\n"
	"; In the logs, sasaran is the target population where coverage is read\n"
	"; against a population target (akta, KIA: the children; bantuan pangan:\n"
	"; the families at risk) and the planned volume for meetings and works\n"
	"; (pertemuan, rumah, unit); coverage = realisasi / sasaran either way\n"
	"; (docs/inputs.md, \"Coverage\").\n"
	"\n"
	"[plugin.dukcapil]\n"
	"module = activities\n"
	"agency = Dinas Kependudukan dan Pencatatan Sipil\n"
	"log = kegiatan-dukcapil.csv\n"
	"intervention.akta_kelahiran.label = Penerbitan akta kelahiran anak\n"
	"intervention.akta_kelahiran.label_en = Birth certificates issued\n"
	"intervention.akta_kelahiran.target_group = anak 0-17 tahun tanpa akta\n"
	"intervention.akta_kelahiran.unit = akta\n"
	"intervention.akta_kelahiran.aims = family.l2, akta_anak\n"
	"intervention.kia.label = Penerbitan Kartu Identitas Anak (KIA)\n"
	"intervention.kia.label_en = Child identity cards issued\n"
	"intervention.kia.target_group = anak 0-17 tahun\n"
	"intervention.kia.unit = kartu\n"
	"intervention.kia.aims = akta_anak\n"
	"intervention.adminduk_keliling.label = Pelayanan adminduk keliling\n"
	"intervention.adminduk_keliling.label_en = Mobile civil registration service\n"
	"intervention.adminduk_keliling.target_group = KK di RT terjauh\n"
	"intervention.adminduk_keliling.unit = kegiatan\n"
	"intervention.adminduk_keliling.aims = family.l1, family.l2\n"
	"indicator.akta_anak.label = Anak 0-17 th memiliki akta kelahiran\n"
	"indicator.akta_anak.label_en = Children 0-17 with a birth certificate\n"
	"indicator.akta_anak.direction = higher\n"
	"indicator.akta_anak.target = 95\n"
	"indicator.akta_anak.table = cakupan-dukcapil.csv\n"
	"indicator.akta_anak.numerator = anak_berakta\n"
	"indicator.akta_anak.denominator = anak_0_17\n"
	"\n"
	"[plugin.dinsos]\n"
	"module = activities\n"
	"agency = Dinas Sosial\n"
	"log = kegiatan-dinsos.csv\n"
	"intervention.p2k2.label = Pertemuan P2K2 (Family Development Session) PKH\n"
	"intervention.p2k2.label_en = PKH family development sessions\n"
	"intervention.p2k2.target_group = KPM PKH\n"
	"intervention.p2k2.unit = pertemuan\n"
	"intervention.p2k2.aims = p2k2_pkh, family.p4\n"
	"intervention.bantuan_pangan.label = Bantuan pangan keluarga berisiko stunting\n"
	"intervention.bantuan_pangan.label_en = Food aid to families at risk of stunting\n"
	"intervention.bantuan_pangan.target_group = keluarga berisiko stunting\n"
	"intervention.bantuan_pangan.unit = KK\n"
	"intervention.bantuan_pangan.aims = family.f1, health.kk_free_of_stunting, health.stunting\n"
	"indicator.p2k2_pkh.label = KPM PKH yang mengikuti P2K2\n"
	"indicator.p2k2_pkh.label_en = PKH families attending the sessions\n"
	"indicator.p2k2_pkh.direction = higher\n"
	"indicator.p2k2_pkh.target = 90\n"
	"indicator.p2k2_pkh.table = cakupan-dinsos.csv\n"
	"indicator.p2k2_pkh.numerator = kpm_pkh_ikut_p2k2\n"
	"indicator.p2k2_pkh.denominator = kpm_pkh\n"
	"\n"
	"[plugin.perkim]\n"
	"module = activities\n"
	"agency = Dinas Perumahan dan Kawasan Permukiman\n"
	"log = kegiatan-perkim.csv\n"
	"intervention.bedah_rumah.label = Bedah rumah (rehabilitasi rumah tidak layak huni)\n"
	"intervention.bedah_rumah.label_en = Rehabilitation of unfit houses\n"
	"intervention.bedah_rumah.target_group = KK dengan rumah tidak layak huni\n"
	"intervention.bedah_rumah.unit = rumah\n"
	"intervention.bedah_rumah.aims = rumah_layak, family.e8\n"
	"intervention.sanitasi_komunal.label = Pembangunan sanitasi komunal\n"
	"intervention.sanitasi_komunal.label_en = Communal sanitation built\n"
	"intervention.sanitasi_komunal.target_group = KK tanpa jamban sehat\n"
	"intervention.sanitasi_komunal.unit = unit\n"
	"intervention.sanitasi_komunal.aims = family.f6\n"
	"indicator.rumah_layak.label = Rumah layak huni\n"
	"indicator.rumah_layak.label_en = Habitable houses\n"
	"indicator.rumah_layak.direction = higher\n"
	"indicator.rumah_layak.table = cakupan-perkim.csv\n"
	"indicator.rumah_layak.numerator = rumah_layak_huni\n"
	"indicator.rumah_layak.denominator = rumah\n"
	"\n"
	"; KUA keeps no electronic log in the sample: its plan is written here as\n"
	"; catalogue targets (reported for the whole village, with no realisation yet).\n"
	"[plugin.kua]\n"
	"module = activities\n"
	"agency = Kantor Urusan Agama (Kementerian Agama)\n"
	"intervention.isbat_nikah.label = Sidang isbat nikah terpadu\n"
	"intervention.isbat_nikah.label_en = Marriage legalisation sessions\n"
	"intervention.isbat_nikah.target_group = pasangan tanpa buku nikah\n"
	"intervention.isbat_nikah.unit = pasangan\n"
	"intervention.isbat_nikah.target = 12\n"
	"intervention.isbat_nikah.aims = family.l1\n"
	"intervention.bimbingan_perkawinan.label = Bimbingan perkawinan calon pengantin\n"
	"intervention.bimbingan_perkawinan.label_en = Premarital guidance\n"
	"intervention.bimbingan_perkawinan.target_group = calon pengantin dan remaja\n"
	"intervention.bimbingan_perkawinan.unit = pasangan\n"
	"intervention.bimbingan_perkawinan.target = 20\n"
	"intervention.bimbingan_perkawinan.aims = family.l3, family.p5\n";

void synth_write_agencies(const synth *s, outfile *o)
{
	put_names(o, s, agencies_ini);
}

void synth_write_manifest(const synth *s, outfile *o, const char *area, const char *command)
{
	char buf[64];

	out_str(o, "; pk2d-synth manifest: what this data set holds. Rows exclude the header;\n"
		   "; dirty rows are rows written wrong on purpose (one fault each), by kind.\n");
	put_line(o, "command = ", command);
	snprintf(buf, sizeof(buf), "%llu", (unsigned long long)s->opt.seed);
	put_line(o, "seed = ", buf);
	put_line(o, "area = ", *area ? area : "all");
	put_num(o, "period", s->opt.year);
	put_num(o, "villages", s->villages);
	put_num(o, "households", s->households);
	put_num(o, "kk", s->kk);
	put_num(o, "children", s->children);
	put_num(o, "stunted", s->stunted);
	put_num(o, "school_children", s->school);
	snprintf(buf, sizeof(buf), "%.2f", synth_ikk(s));
	put_line(o, "ikk = ", buf);
	for (int i = 0; i < SYNTH_N_IND; i++) {
		out_str(o, "indicator.");
		out_str(o, synth_indicator[i]);
		out_str(o, " = ");
		out_uint(o, (unsigned long)s->met[i]);
		out_ch(o, '/');
		out_uint(o, (unsigned long)s->app[i]);
		out_ch(o, '\n');
	}
	for (int f = 0; f < SF_COUNT; f++) {
		const outfile *d = &s->out[f];

		if (d->sink)
			continue;
		out_str(o, "\n[");
		out_str(o, d->name);
		out_str(o, "]\n");
		put_num(o, "rows", d->rows);
		put_num(o, "bytes", (long)d->bytes);
		put_num(o, "dirty", out_dirty_total(d));
		for (int k = 0; k < d->n_kinds; k++) {
			out_str(o, "dirty.");
			out_str(o, d->kind[k]);
			out_str(o, " = ");
			out_uint(o, (unsigned long)d->kind_count[k]);
			out_ch(o, '\n');
		}
	}
}
