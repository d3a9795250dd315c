/*
 * check_wire.c - the child-to-parent records: every type survives a round
 * trip, a record cut anywhere asks for more bytes, and hostile records are
 * refused with a reason instead of being read past their end.
 */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "wire.h"

static long decode_one(const wire_buf *b, wire_record *r, char *err)
{
	return wire_decode(b->data, b->len, NULL, r, err, 256);
}

START_TEST(round_trip_indicator)
{
	wire_buf b = { 0 };
	pk2d_indicator d = { .id = "stunting", .label_id = "Stunting", .label_en = NULL,
	                     .unit = "%", .kind = PK2D_PROPORTION,
	                     .direction = PK2D_LOWER_IS_BETTER, .has_target = 1, .target = 14.2,
	                     .group = "", .description = "HAZ < -2" };
	wire_put_indicator(&b, &d);
	/* 4 length + 1 type + strings (4+9, 4+9, 4, 4+2, 4, 4+9) + 3 i32 + f64
	 * + the i32 target_year. */
	ck_assert_uint_eq(b.len, 4 + 1 + 13 + 13 + 4 + 6 + 12 + 8 + 5 + 13 + 4);
	wire_record r;
	char err[256];
	ck_assert_int_eq(decode_one(&b, &r, err), (long)b.len);
	ck_assert_int_eq(r.type, WIRE_INDICATOR);
	ck_assert_str_eq(r.ind.id, "stunting");
	ck_assert_str_eq(r.ind.label_id, "Stunting");
	ck_assert_ptr_null(r.ind.label_en);
	ck_assert_str_eq(r.ind.unit, "%");
	ck_assert_int_eq(r.ind.kind, PK2D_PROPORTION);
	ck_assert_int_eq(r.ind.direction, PK2D_LOWER_IS_BETTER);
	ck_assert_int_eq(r.ind.has_target, 1);
	ck_assert(r.ind.target == 14.2);
	ck_assert_str_eq(r.ind.group, "");
	ck_assert_str_eq(r.ind.description, "HAZ < -2");
	wire_record_clear(&r);
	wire_buf_free(&b);
}
END_TEST

/* The ABI 1.3 declarations: a group, a display with classes, a table. */
START_TEST(round_trip_display)
{
	static const pk2d_class bands[] = { { 0, "low", "rendah", NULL },
	                                    { 20, "high", "tinggi", "high" },
	                                    { 0, NULL, NULL, NULL } };
	static const pk2d_table_column cols[] = { { "n", NULL, PK2D_CELL_COUNT, 0 },
	                                          { "SD", "SD", PK2D_CELL_SD, 2 },
	                                          { NULL, NULL, 0, 0 } };
	static const pk2d_table_cell cells[] = { { "mean_z", NULL }, { "mean_z", "meansq_z" } };
	static const pk2d_table_row rows[] = { { "TB/U", NULL, cells }, { NULL, NULL, NULL } };
	pk2d_group g = { "pokja_1", NULL, "Pokja I", "Working group I" };
	pk2d_display d = { "stunting", 1, 0, bands, "WHO-UNICEF 2019" };
	pk2d_table t = { .id = "quality", .title_id = "Mutu", .rows_label_id = "Indeks",
	                 .note_en = "n: unflagged", .columns = cols, .rows = rows };
	wire_buf b = { 0 };
	wire_record r;
	char err[256];
	long n;
	size_t pos = 0;

	wire_put_group(&b, &g);
	wire_put_display(&b, &d);
	wire_put_table(&b, &t);
	n = wire_decode(b.data, b.len, NULL, &r, err, sizeof err);
	ck_assert_int_gt(n, 0);
	ck_assert_int_eq(r.type, WIRE_GROUP);
	ck_assert_str_eq(r.group.id, "pokja_1");
	ck_assert_ptr_null(r.group.parent);
	ck_assert_str_eq(r.group.label_en, "Working group I");
	wire_record_clear(&r);
	pos += (size_t)n;
	n = wire_decode(b.data + pos, b.len - pos, NULL, &r, err, sizeof err);
	ck_assert_int_gt(n, 0);
	ck_assert_int_eq(r.type, WIRE_DISPLAY);
	ck_assert_str_eq(r.display.indicator, "stunting");
	ck_assert_int_eq(r.display.headline, 1);
	ck_assert_str_eq(r.display.classes[1].key, "high");
	ck_assert(r.display.classes[1].lower == 20);
	ck_assert_ptr_null(r.display.classes[0].label_en);
	ck_assert_ptr_null(r.display.classes[2].key);
	ck_assert_str_eq(r.display.classes_source, "WHO-UNICEF 2019");
	wire_record_clear(&r);
	pos += (size_t)n;
	n = wire_decode(b.data + pos, b.len - pos, NULL, &r, err, sizeof err);
	ck_assert_int_eq(pos + (size_t)n, b.len);
	ck_assert_int_eq(r.type, WIRE_TABLE);
	ck_assert_str_eq(r.table.rows_label_id, "Indeks");
	ck_assert_str_eq(r.table.note_en, "n: unflagged");
	ck_assert_int_eq(r.table.columns[1].rule, PK2D_CELL_SD);
	ck_assert_ptr_null(r.table.columns[2].label_id);
	ck_assert_str_eq(r.table.rows[0].cells[1].squares, "meansq_z");
	ck_assert_ptr_null(r.table.rows[0].cells[0].squares);
	ck_assert_ptr_null(r.table.rows[1].label_id);
	wire_record_clear(&r);
	wire_buf_free(&b);
}
END_TEST

START_TEST(round_trip_rest)
{
	wire_buf b = { 0 };
	static const char *const aims[] = { "stunting", "family.l1", NULL };
	pk2d_intervention iv = { .id = "pmt", .label_id = "PMT", .agency = "Dinkes",
	                         .aims = aims, .origin = "pk2d.ini:4" };
	pk2d_value v = { .indicator = "stunting", .area = "63.02.09.2007", .rt = 7,
	                 .period = NULL, .numerator = -1.5, .denominator = 1e300 };
	pk2d_intervention_value iw = { .intervention = "pmt", .area = "63.02", .rt = 0,
	                               .period = "2023Q2", .target = 10, .realised = 7.5,
	                               .budget = 1250000 };
	csv_problem prob = { .kind = xstrdup("unreadable weight"), .count = 3, .rejected = 1,
	                     .n_examples = 2, .example_line = { 4, 9 },
	                     .example_text = { xstrdup("unreadable weight: 'abc'"),
	                                       xstrdup("unreadable weight: ''") } };
	csv_stats st = { .path = xstrdup("balita.csv"), .records = 120, .rejected = 3,
	                 .noted = 1, .by_name = 2, .n_problems = 1, .problems = &prob };
	wire_put_intervention(&b, &iv);
	wire_put_value(&b, &v);
	wire_put_ivalue(&b, &iw);
	wire_put_log(&b, PK2D_LOG_WARNING, "50% done");
	wire_put_file(&b, &st);
	wire_put_init_done(&b);
	wire_put_end(&b, WIRE_STAGE_COLLECT, PK2D_ERR_DATA);
	size_t pos = 0;
	wire_record r;
	char err[256];
	long n;
	int type = WIRE_INTERVENTION - 1;
	while ((n = wire_decode(b.data + pos, b.len - pos, NULL, &r, err, sizeof err)) > 0) {
		switch (++type) {
		case WIRE_INTERVENTION:
			ck_assert_int_eq(r.type, WIRE_INTERVENTION);
			ck_assert_str_eq(r.iv.id, "pmt");
			ck_assert_ptr_null(r.iv.label_en);
			ck_assert_str_eq(r.iv.agency, "Dinkes");
			ck_assert_str_eq(r.iv.origin, "pk2d.ini:4");
			ck_assert_str_eq(r.iv.aims[0], "stunting");
			ck_assert_str_eq(r.iv.aims[1], "family.l1");
			ck_assert_ptr_null(r.iv.aims[2]);
			break;
		case WIRE_VALUE:
			ck_assert_str_eq(r.value.indicator, "stunting");
			ck_assert_str_eq(r.value.area, "63.02.09.2007");
			ck_assert_int_eq(r.value.rt, 7);
			ck_assert_ptr_null(r.value.period);
			ck_assert(r.value.numerator == -1.5 && r.value.denominator == 1e300);
			break;
		case WIRE_IVALUE:
			ck_assert_str_eq(r.ivalue.period, "2023Q2");
			ck_assert(r.ivalue.target == 10 && r.ivalue.realised == 7.5 &&
			          r.ivalue.budget == 1250000);
			break;
		case WIRE_LOG:
			ck_assert_int_eq(r.level, PK2D_LOG_WARNING);
			ck_assert_str_eq(r.text, "50% done");
			break;
		case WIRE_FILE:
			ck_assert_str_eq(r.file->path, "balita.csv");
			ck_assert_int_eq(r.file->records, 120);
			ck_assert_int_eq(r.file->rejected, 3);
			ck_assert_int_eq(r.file->noted, 1);
			ck_assert_int_eq(r.file->by_name, 2);
			ck_assert_uint_eq(r.file->n_problems, 1);
			ck_assert_str_eq(r.file->problems[0].kind, "unreadable weight");
			ck_assert_int_eq(r.file->problems[0].count, 3);
			ck_assert_int_eq(r.file->problems[0].rejected, 1);
			ck_assert_int_eq(r.file->problems[0].n_examples, 2);
			ck_assert_int_eq(r.file->problems[0].example_line[1], 9);
			ck_assert_str_eq(r.file->problems[0].example_text[1], "unreadable weight: ''");
			break;
		case WIRE_INIT_DONE:
			ck_assert_int_eq(r.type, WIRE_INIT_DONE);
			break;
		case WIRE_END:
			ck_assert_int_eq(r.stage, WIRE_STAGE_COLLECT);
			ck_assert_int_eq(r.code, PK2D_ERR_DATA);
			break;
		}
		ck_assert_int_eq(r.type, type);
		wire_record_clear(&r);
		pos += (size_t)n;
	}
	ck_assert_int_eq(n, 0);
	ck_assert_int_eq(type, WIRE_END);
	ck_assert_uint_eq(pos, b.len);
	free(prob.kind);
	free(prob.example_text[0]);
	free(prob.example_text[1]);
	free(st.path);
	wire_buf_free(&b);
}
END_TEST

/* The records a child sends without RT detail. */
START_TEST(round_trip_folded)
{
	wire_buf b = { 0 };
	static const int rts[] = { 3, 1, 9999 };
	pk2d_value v = { .indicator = "l1", .area = "63.02.09.2007", .period = "2023",
	                 .numerator = 41, .denominator = 50 };
	wire_record r;
	char err[256];
	long n;

	wire_put_folded(&b, &v);
	wire_put_rts(&b, "63.02.09.2007", 123, rts, 3);
	n = wire_decode(b.data, b.len, NULL, &r, err, sizeof err);
	ck_assert_int_gt(n, 0);
	ck_assert_int_eq(r.type, WIRE_FOLDED);
	ck_assert_str_eq(r.value.indicator, "l1");
	ck_assert_str_eq(r.value.area, "63.02.09.2007");
	ck_assert_str_eq(r.value.period, "2023");
	ck_assert_int_eq(r.value.rt, 0);
	ck_assert(r.value.numerator == 41 && r.value.denominator == 50);
	wire_record_clear(&r);
	ck_assert_int_gt(wire_decode(b.data + n, b.len - (size_t)n, NULL, &r, err, sizeof err), 0);
	ck_assert_int_eq(r.type, WIRE_RTS);
	ck_assert_str_eq(r.text, "63.02.09.2007");
	ck_assert_uint_eq(r.count, 123);
	ck_assert_uint_eq(r.n_rts, 3);
	ck_assert_int_eq(r.rts[0], 3);
	ck_assert_int_eq(r.rts[1], 1);
	ck_assert_int_eq(r.rts[2], 9999);
	wire_record_clear(&r);
	ck_assert_ptr_null(r.rts);
	wire_buf_free(&b);
}
END_TEST

/* Every proper prefix of a record is "need more", never an error or a
 * read past the end (ASan and valgrind watch the copies). */
START_TEST(truncated)
{
	wire_buf b = { 0 };
	static const char *const aims[] = { "a", NULL };
	pk2d_intervention iv = { .id = "x", .label_id = "X", .aims = aims };
	wire_put_intervention(&b, &iv);
	for (size_t len = 0; len < b.len; len++) {
		unsigned char *copy = xmalloc(len ? len : 1);
		memcpy(copy, b.data, len);
		wire_record r;
		char err[256];
		ck_assert_int_eq(wire_decode(copy, len, NULL, &r, err, sizeof err), 0);
		free(copy);
	}
	wire_buf_free(&b);
}
END_TEST

/* What a probe child sends: the descriptor's data without functions, every
 * key, and a refusal. Truncated anywhere, it asks for more bytes. */
START_TEST(round_trip_descriptor)
{
	static const pk2d_config_key keys[] = {
		{ "data", NULL, 1, "the survey" }, { "column.*", "x", 0, NULL },
		{ NULL, NULL, 0, NULL },
	};
	static const pk2d_input_column cols[] = {
		{ "weight", "berat", 1 }, { "sex", NULL, 0 }, { NULL, NULL, 0 },
	};
	static const pk2d_input inputs[] = {
		{ "children", "column.", cols }, { "log", NULL, NULL }, { NULL, NULL, NULL },
	};
	static const pk2d_area_column area_cols[] = { { "children", "sex" }, { NULL, NULL } };
	static const pk2d_column_help child_help[] = {
		{ "weight", "Berat badan dalam kg", NULL }, { "sex", "Jenis kelamin", "L atau P" },
		{ NULL, NULL, NULL },
	};
	static const pk2d_input_help help[] = {
		{ "children", child_help }, { "log", NULL }, { NULL, NULL },
	};
	pk2d_plugin d = { .name = "health", .agency = "Dinas Kesehatan", .version = NULL,
	                  .description = "z-scores", .abi_major = 1, .abi_minor = 7,
	                  .config_keys = keys, .inputs = inputs, .parts_input = "children",
	                  .parts_column = "weight", .area_columns = area_cols,
	                  .input_help = help };
	wire_buf b = { 0 };
	wire_put_descriptor(&b, &d);
	wire_put_refused(&b, "no symbol");
	/* The refusal: 4 length + 1 type + 4 + "no symbol" and its NUL. */
	const size_t refused = 4 + 1 + 4 + 10;
	wire_record r;
	char err[256];
	for (size_t cut = 0; cut < b.len; cut++) {
		ck_assert_int_eq(wire_decode(b.data, cut, NULL, &r, err, sizeof err) > 0,
		                 cut >= b.len - refused);
		wire_record_clear(&r);
	}
	long n = decode_one(&b, &r, err);
	ck_assert_int_eq(n, (long)(b.len - refused));
	ck_assert_int_eq(r.type, WIRE_DESCRIPTOR);
	ck_assert_str_eq(r.desc.name, "health");
	ck_assert_str_eq(r.desc.agency, "Dinas Kesehatan");
	ck_assert_ptr_null(r.desc.version);
	ck_assert_str_eq(r.desc.description, "z-scores");
	ck_assert_uint_eq(r.desc.abi_major, 1);
	ck_assert_uint_eq(r.desc.abi_minor, 7);
	ck_assert(r.desc.init == NULL);
	ck_assert_str_eq(r.desc.config_keys[0].name, "data");
	ck_assert_ptr_null(r.desc.config_keys[0].default_value);
	ck_assert_int_eq(r.desc.config_keys[0].required, 1);
	ck_assert_str_eq(r.desc.config_keys[0].help, "the survey");
	ck_assert_str_eq(r.desc.config_keys[1].name, "column.*");
	ck_assert_str_eq(r.desc.config_keys[1].default_value, "x");
	ck_assert_ptr_null(r.desc.config_keys[1].help);
	ck_assert_ptr_null(r.desc.config_keys[2].name);
	ck_assert_uint_eq(r.desc.struct_size, sizeof(pk2d_plugin));
	ck_assert_str_eq(r.desc.inputs[0].key, "children");
	ck_assert_str_eq(r.desc.inputs[0].column_prefix, "column.");
	ck_assert_str_eq(r.desc.inputs[0].columns[0].field, "weight");
	ck_assert_str_eq(r.desc.inputs[0].columns[0].header, "berat");
	ck_assert_int_eq(r.desc.inputs[0].columns[0].required, 1);
	ck_assert_str_eq(r.desc.inputs[0].columns[1].field, "sex");
	ck_assert_ptr_null(r.desc.inputs[0].columns[1].header);
	ck_assert_ptr_null(r.desc.inputs[0].columns[2].field);
	ck_assert_str_eq(r.desc.inputs[1].key, "log");
	ck_assert_ptr_null(r.desc.inputs[1].column_prefix);
	ck_assert_ptr_null(r.desc.inputs[1].columns[0].field);
	ck_assert_ptr_null(r.desc.inputs[2].key);
	ck_assert_str_eq(r.desc.parts_input, "children");
	ck_assert_str_eq(r.desc.parts_column, "weight");
	ck_assert_str_eq(r.desc.area_columns[0].input, "children");
	ck_assert_str_eq(r.desc.area_columns[0].field, "sex");
	ck_assert_ptr_null(r.desc.area_columns[1].input);
	ck_assert_str_eq(r.desc.input_help[0].input, "children");
	ck_assert_str_eq(r.desc.input_help[0].columns[0].field, "weight");
	ck_assert_str_eq(r.desc.input_help[0].columns[0].help, "Berat badan dalam kg");
	ck_assert_ptr_null(r.desc.input_help[0].columns[0].accepted);
	ck_assert_str_eq(r.desc.input_help[0].columns[1].accepted, "L atau P");
	ck_assert_ptr_null(r.desc.input_help[0].columns[2].field);
	ck_assert_str_eq(r.desc.input_help[1].input, "log");
	ck_assert_ptr_null(r.desc.input_help[1].columns[0].field);
	ck_assert_ptr_null(r.desc.input_help[2].input);
	wire_record_clear(&r);
	ck_assert_int_eq(wire_decode(b.data + n, b.len - (size_t)n, NULL, &r, err, sizeof err),
	                 (long)refused);
	ck_assert_int_eq(r.type, WIRE_REFUSED);
	ck_assert_str_eq(r.text, "no symbol");
	wire_record_clear(&r);
	wire_buf_free(&b);
}
END_TEST

/* How far a file is read: bytes and size past 4 GB, and the rows. */
START_TEST(round_trip_progress)
{
	wire_buf b = { 0 };
	wire_record r;
	char err[256];
	long n;

	wire_put_progress(&b, "data/anak.csv", 5000000000u, 6000000000u, 123456);
	n = wire_decode(b.data, b.len, NULL, &r, err, sizeof err);
	ck_assert_int_eq(n, (long)b.len);
	ck_assert_int_eq(r.type, WIRE_PROGRESS);
	ck_assert_str_eq(r.text, "data/anak.csv");
	ck_assert(r.done == 5000000000u);
	ck_assert(r.size == 6000000000u);
	ck_assert_int_eq(r.records, 123456);
	wire_record_clear(&r);
	wire_buf_free(&b);
}
END_TEST

/* A part's output file: its path, NUL-terminated. */
START_TEST(round_trip_output)
{
	wire_buf b = { 0 };
	wire_record r;
	char err[256];

	wire_put_output(&b, "out/anak.csv");
	ck_assert_int_eq(decode_one(&b, &r, err), (long)b.len);
	ck_assert_int_eq(r.type, WIRE_OUTPUT);
	ck_assert_str_eq(r.text, "out/anak.csv");
	wire_record_clear(&r);
	wire_buf_free(&b);
}
END_TEST

/* A text longer than a record carries is cut between characters, so the
 * record still reads as UTF-8: 'é' is two bytes, and the cut falls
 * inside one. */
START_TEST(long_text_cut_between_characters)
{
	size_t n = WIRE_MAX_RECORD / 4 + 101;
	char *text = malloc(n + 1);
	wire_buf b = { 0 };
	wire_record r;
	char err[256];

	ck_assert_ptr_nonnull(text);
	text[0] = 'x';
	for (size_t i = 1; i + 1 < n; i += 2)
		memcpy(text + i, "\xc3\xa9", 2);
	text[n - (n % 2 == 0)] = '\0';
	ck_assert_uint_eq((WIRE_MAX_RECORD / 4) % 2, 0); /* the cut splits an 'é' */
	wire_put_log(&b, PK2D_LOG_WARNING, text);
	ck_assert_int_eq(decode_one(&b, &r, err), (long)b.len);
	ck_assert_int_eq(r.type, WIRE_LOG);
	ck_assert_uint_eq(strlen(r.text), WIRE_MAX_RECORD / 4 - 1);
	ck_assert_int_eq(strncmp(r.text, text, strlen(r.text)), 0);
	wire_record_clear(&r);
	wire_buf_free(&b);
	free(text);
}
END_TEST

/* A record built by hand: length, type, payload. */
static size_t raw(unsigned char *out, int type, const void *payload, size_t n)
{
	uint32_t len = (uint32_t)n + 1;
	out[0] = (unsigned char)len;
	out[1] = (unsigned char)(len >> 8);
	out[2] = (unsigned char)(len >> 16);
	out[3] = (unsigned char)(len >> 24);
	out[4] = (unsigned char)type;
	memcpy(out + 5, payload, n);
	return n + 5;
}

/* A stream's names: NAMED records carry the texts named before them, a
 * name given again changes the text and forgets what was found for it. */
START_TEST(named_values)
{
	wire_buf b = { 0 };
	wire_names names = { 0 };
	wire_record r;
	char err[256];
	const pk2d_value v = { .rt = 4, .numerator = 3.5, .denominator = -0.0 };
	const uint32_t ids[] = { 2, 255, WIRE_NO_NAME }, again[] = { 2, 255, 0 };
	size_t pos = 0;
	long n;

	wire_put_name(&b, WIRE_NAME_INDICATOR, 2, "stunting");
	wire_put_name(&b, WIRE_NAME_AREA, 255, "63.02.09.2007");
	wire_put_named(&b, ids, &v);
	/* 4 length + 1 type + 4 x u32 + 2 x f64. */
	ck_assert_uint_eq(b.len, (4 + 1 + 1 + 4 + 4 + 9) + (4 + 1 + 1 + 4 + 4 + 14) +
	                         4 + 1 + 16 + 16);
	for (int i = 0; i < 2; i++) {
		n = wire_decode(b.data + pos, b.len - pos, &names, &r, err, sizeof err);
		ck_assert_int_gt(n, 0);
		ck_assert_int_eq(r.type, WIRE_NAME);
		wire_record_clear(&r);
		pos += (size_t)n;
	}
	ck_assert_int_eq(wire_decode(b.data + pos, b.len - pos, &names, &r, err, sizeof err),
	                 (long)(b.len - pos));
	ck_assert_int_eq(r.type, WIRE_NAMED);
	ck_assert_str_eq(r.value.indicator, "stunting");
	ck_assert_str_eq(r.value.area, "63.02.09.2007");
	ck_assert_ptr_null(r.value.period);
	ck_assert_ptr_null(r.named[WIRE_NAME_PERIOD]);
	ck_assert_int_eq(r.value.rt, 4);
	ck_assert(r.value.numerator == 3.5 && r.value.denominator == 0 &&
	          signbit(r.value.denominator));
	ck_assert_ptr_eq(r.named[WIRE_NAME_AREA], &names.names[WIRE_NAME_AREA][255]);
	r.named[WIRE_NAME_AREA]->found.looked_up = 1;
	wire_record_clear(&r);
	/* The area named again, and a period. */
	b.len = pos = 0;
	wire_put_name(&b, WIRE_NAME_AREA, 255, "63.02.09.2001");
	wire_put_name(&b, WIRE_NAME_PERIOD, 0, "2023");
	wire_put_named(&b, again, &v);
	while ((n = wire_decode(b.data + pos, b.len - pos, &names, &r, err, sizeof err)) > 0) {
		pos += (size_t)n;
		if (r.type == WIRE_NAMED)
			break;
		wire_record_clear(&r);
	}
	ck_assert_int_eq(r.type, WIRE_NAMED);
	ck_assert_str_eq(r.value.area, "63.02.09.2001");
	ck_assert_str_eq(r.value.period, "2023");
	ck_assert_int_eq(r.named[WIRE_NAME_AREA]->found.looked_up, 0);
	wire_record_clear(&r);
	ck_assert_uint_eq(pos, b.len);
	/* Without the stream's names, neither record decodes. */
	ck_assert_int_eq(wire_decode(b.data, b.len, NULL, &r, err, sizeof err), PK2D_ERR_INVALID);
	ck_assert_ptr_nonnull(strstr(err, "a name in a stream without names"));
	wire_names_free(&names);
	wire_buf_free(&b);
}
END_TEST

static void expect_refused(const unsigned char *data, size_t len, const char *why)
{
	wire_record r;
	char err[256] = "";
	ck_assert_int_eq(wire_decode(data, len, NULL, &r, err, sizeof err), PK2D_ERR_INVALID);
	ck_assert_msg(strstr(err, why) != NULL, "error '%s' lacks '%s'", err, why);
}

/* The same in a stream with names, none given yet. */
static void expect_refused_named(const unsigned char *data, size_t len, const char *why)
{
	wire_names names = { 0 };
	wire_record r;
	char err[256] = "";
	ck_assert_int_eq(wire_decode(data, len, &names, &r, err, sizeof err), PK2D_ERR_INVALID);
	ck_assert_msg(strstr(err, why) != NULL, "error '%s' lacks '%s'", err, why);
	wire_names_free(&names);
}

START_TEST(hostile)
{
	unsigned char buf[128];
	size_t n;
	/* Lengths: zero, and far beyond the limit. */
	expect_refused((const unsigned char *)"\0\0\0\0\x05", 5, "record length 0 is outside");
	expect_refused((const unsigned char *)"\xff\xff\xff\x7f", 4,
	               "record length 2147483647 is outside");
	/* An unknown type. */
	n = raw(buf, 99, "", 0);
	expect_refused(buf, n, "unknown record type 99");
	/* A log string that claims more bytes than the record has. */
	n = raw(buf, WIRE_LOG, "\1\0\0\0\x10\0\0\0abc", 11);
	expect_refused(buf, n, "log text runs past the end of the record");
	/* A string without its NUL, and one with a NUL inside. */
	n = raw(buf, WIRE_LOG, "\1\0\0\0\3\0\0\0abc", 11);
	expect_refused(buf, n, "log text is not NUL-terminated");
	n = raw(buf, WIRE_LOG, "\1\0\0\0\4\0\0\0a\0c\0", 12);
	expect_refused(buf, n, "log text holds a NUL byte");
	/* Text the child's api would have repaired (utf8.h). */
	n = raw(buf, WIRE_LOG, "\1\0\0\0\4\0\0\0a\xe9" "c\0", 12);
	expect_refused(buf, n, "log text is not UTF-8 text without control characters");
	n = raw(buf, WIRE_LOG, "\1\0\0\0\4\0\0\0a\x1b" "c\0", 12);
	expect_refused(buf, n, "log text is not UTF-8 text without control characters");
	/* A log level out of range, a NULL log text. */
	n = raw(buf, WIRE_LOG, "\7\0\0\0\2\0\0\0a\0", 10);
	expect_refused(buf, n, "log level 7 is outside 0..3");
	n = raw(buf, WIRE_LOG, "\1\0\0\0\0\0\0\0", 8);
	expect_refused(buf, n, "log text is missing");
	/* Bytes left over after a complete payload. */
	n = raw(buf, WIRE_INIT_DONE, "xy", 2);
	expect_refused(buf, n, "2 bytes left over");
	/* End records whose stage and code disagree. */
	n = raw(buf, WIRE_END, "\0\xfa\xff\xff\xff", 5);
	expect_refused(buf, n, "end code -6 does not fit stage 0");
	n = raw(buf, WIRE_END, "\5\0\0\0\0", 5);
	expect_refused(buf, n, "end stage 5 is unknown");
	/* An intervention claiming a million aims in a short record. */
	n = raw(buf, WIRE_INTERVENTION,
	        "\2\0\0\0x\0" "\0\0\0\0" "\0\0\0\0" "\0\0\0\0" "\0\0\0\0" "\0\0\0\0" "\0\0\0\0"
	        "\x40\x42\x0f\0", 34);
	expect_refused(buf, n, "aim count 1000000 is too large");
	/* A file record with a problem count that cannot fit. */
	n = raw(buf, WIRE_FILE,
	        "\2\0\0\0f\0" "\0\0\0\0\0\0\0\0" "\0\0\0\0\0\0\0\0" "\0\0\0\0\0\0\0\0"
	        "\0\0\0\0\0\0\0\0" "\xff\xff\0\0", 42);
	expect_refused(buf, n, "problem count 65535 does not fit");
	/* Names: an unknown kind, an index too high, a text too long, a named
	 * value whose names were not given or that is cut short. */
	n = raw(buf, WIRE_NAME, "\3" "\0\0\0\0" "\2\0\0\0x\0", 11);
	expect_refused_named(buf, n, "name kind 3 is unknown");
	n = raw(buf, WIRE_NAME, "\1" "\0\x10\0\0" "\2\0\0\0x\0", 11);
	expect_refused_named(buf, n, "name index 4096 is not below 4096");
	{
		/* 255 bytes and the NUL are a name; 256 are too many. */
		unsigned char big[WIRE_MAX_NAME + 32], payload[WIRE_MAX_NAME + 16];
		wire_names given = { 0 };
		wire_record r;
		char err[256];
		memcpy(payload, "\1" "\0\0\0\0" "\0\1\0\0", 9);
		memset(payload + 9, 'a', WIRE_MAX_NAME);
		payload[9 + WIRE_MAX_NAME] = '\0';
		n = raw(big, WIRE_NAME, payload, 9 + WIRE_MAX_NAME + 1);
		ck_assert_int_eq(wire_decode(big, n, &given, &r, err, sizeof err), (long)n);
		wire_names_free(&given);
		payload[5] = 1;
		payload[9 + WIRE_MAX_NAME] = 'a';
		payload[9 + WIRE_MAX_NAME + 1] = '\0';
		n = raw(big, WIRE_NAME, payload, 9 + WIRE_MAX_NAME + 2);
		expect_refused_named(big, n, "a name of more than 255 bytes");
	}
	n = raw(buf, WIRE_NAMED, "\0\0\0\0" "\0\0\0\0" "\0\0\0\0" "\xff\xff\xff\xff"
	        "\0\0\0\0\0\0\0\0" "\0\0\0\0\0\0\0\0", 32);
	expect_refused_named(buf, n, "indicator name 0 was not given");
	n = raw(buf, WIRE_NAMED, "\0\0\0\0" "\0\0\0\0" "\0\0\0\0", 12);
	expect_refused_named(buf, n, "named value runs past the end of the record");
	/* A value without an area. */
	n = raw(buf, WIRE_VALUE, "\2\0\0\0x\0" "\0\0\0\0", 10);
	expect_refused(buf, n, "area is missing");
	/* RTS records: no RT, an RT out of range, more RTs than the record
	 * holds. */
	n = raw(buf, WIRE_RTS, "\2\0\0\0v\0" "\1\0\0\0" "\0\0\0\0", 14);
	expect_refused(buf, n, "RT count 0 is outside 1..9999");
	n = raw(buf, WIRE_RTS, "\2\0\0\0v\0" "\1\0\0\0" "\1\0\0\0" "\x10\x27\0\0", 18);
	expect_refused(buf, n, "RT 10000 is outside 1..9999");
	n = raw(buf, WIRE_RTS, "\2\0\0\0v\0" "\1\0\0\0" "\1\0\0\0" "\0\0\0\0", 18);
	expect_refused(buf, n, "RT 0 is outside 1..9999");
	n = raw(buf, WIRE_RTS, "\2\0\0\0v\0" "\1\0\0\0" "\x0f\x27\0\0" "\1\0\0\0", 18);
	expect_refused(buf, n, "RT count 9999 is outside 1..9999 or does not fit");
	/* Descriptors: no name, an ABI beyond 16 bits, a million keys, a key
	 * without a name; a refusal without a reason. The texts: name "x" and
	 * three NULLs (18 bytes), then ABI major, minor, key count. */
	n = raw(buf, WIRE_DESCRIPTOR, "\0\0\0\0", 4);
	expect_refused(buf, n, "plugin name is missing");
	unsigned char p[64];
	memcpy(p, "\2\0\0\0x\0" "\0\0\0\0" "\0\0\0\0" "\0\0\0\0", 18);
	memcpy(p + 18, "\1\0\1\0" "\0\0\0\0" "\0\0\0\0" "\0\0\0\0", 16);
	n = raw(buf, WIRE_DESCRIPTOR, p, 34);
	expect_refused(buf, n, "ABI 65537.0 is out of range");
	memcpy(p + 18, "\1\0\0\0" "\0\0\0\0" "\x40\x42\x0f\0", 12);
	n = raw(buf, WIRE_DESCRIPTOR, p, 30);
	expect_refused(buf, n, "config key count 1000000 is too large");
	/* No keys, and a million inputs. */
	memcpy(p + 18, "\1\0\0\0" "\0\0\0\0" "\0\0\0\0" "\x40\x42\x0f\0", 16);
	n = raw(buf, WIRE_DESCRIPTOR, p, 34);
	expect_refused(buf, n, "input count 1000000 is too large");
	/* One key of 17 bytes (the least a key takes) whose name is NULL. */
	memcpy(p + 18, "\1\0\0\0" "\0\0\0\0" "\1\0\0\0" "\0\0\0\0" "\0\0\0\0" "\0\0\0\0"
	       "\0\0\0\0" "\0", 29);
	n = raw(buf, WIRE_DESCRIPTOR, p, 47);
	expect_refused(buf, n, "config key name is missing");
	n = raw(buf, WIRE_REFUSED, "\0\0\0\0", 4);
	expect_refused(buf, n, "reason is missing");
	/* A progress record of "a" with -1 rows read. */
	n = raw(buf, WIRE_PROGRESS, "\2\0\0\0a\0" "\0\0\0\0\0\0\0\0" "\0\0\0\0\0\0\0\0"
	        "\xff\xff\xff\xff\xff\xff\xff\xff", 30);
	expect_refused(buf, n, "rows read -1 is negative");
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("wire");
	TCase *t = tcase_create("wire");
	tcase_add_test(t, round_trip_indicator);
	tcase_add_test(t, round_trip_rest);
	tcase_add_test(t, round_trip_display);
	tcase_add_test(t, round_trip_folded);
	tcase_add_test(t, round_trip_descriptor);
	tcase_add_test(t, round_trip_progress);
	tcase_add_test(t, round_trip_output);
	tcase_add_test(t, long_text_cut_between_characters);
	tcase_add_test(t, truncated);
	tcase_add_test(t, hostile);
	tcase_add_test(t, named_values);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	SRunner *r = srunner_create(suite());
	srunner_run_all(r, CK_NORMAL);
	int failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
