/*
 * pkk_read.c - reading the dasawisma recap and the Pokja records.
 *
 * A recap row is one household (KRT). A blank count is 0, as on the paper
 * form; an unreadable count is noted and counted as 0. An unreadable tick,
 * or a missing or unknown sumber_air / makanan_pokok, is noted and leaves
 * the household out of that indicator's denominator only. A row is rejected
 * only when it cannot be placed (area, RT).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../common/grow.h"
#include "pkk.h"

/* The group of (area, rt, dasawisma); dasawisma NULL for the Pokja groups.
 * NULL when out of memory. */
static pkk_group *group_of(pkk_state *s, const char *area, int rt, const char *dasawisma)
{
	char key[FIELDS_AREA_MAX + 300];
	pkk_group *g, *grown;
	size_t at;

	snprintf(key, sizeof key, "%s\t%d\t%s%.256s", area, rt, dasawisma ? "d" : "p",
	         dasawisma ? dasawisma : "");
	if (strmap_get(&s->group_map, key, &at))
		return &s->groups[at];
	grown = grow_for_one(s->groups, &s->cap_groups, s->n_groups, sizeof *grown, 32);
	if (grown == NULL)
		return NULL;
	s->groups = grown;
	g = &s->groups[s->n_groups];
	memset(g, 0, sizeof *g);
	strcpy(g->area, area);
	g->rt = rt;
	g->acc = calloc(2 * pkk_n_indicators, sizeof *g->acc);
	if (g->acc == NULL || (dasawisma && (g->dasawisma = strdup(dasawisma)) == NULL) ||
	    strmap_put(&s->group_map, key, s->n_groups) != 0) {
		free(g->acc);
		free(g->dasawisma);
		return NULL;
	}
	s->n_groups++;
	return g;
}

/* Counts a dasawisma name for its village once. */
static int count_dasawisma(pkk_state *s, const char *area, const char *name)
{
	char key[FIELDS_AREA_MAX + 260];
	size_t v;

	snprintf(key, sizeof key, "%s\t%.256s", area, name);
	if (strmap_get(&s->dasawisma_map, key, &v))
		return 0;
	if (!strmap_get(&s->village_map, area, &v)) {
		pkk_village *grown = realloc(s->villages, (s->n_villages + 1) * sizeof *grown);

		if (grown == NULL)
			return PK2D_ERR_NOMEM;
		s->villages = grown;
		v = s->n_villages;
		s->villages[v].dasawisma = 0;
		s->villages[v].area = strdup(area);
		if (s->villages[v].area == NULL)
			return PK2D_ERR_NOMEM;
		s->n_villages++;
		if (strmap_put(&s->village_map, area, v) != 0)
			return PK2D_ERR_NOMEM;
	}
	s->villages[v].dasawisma += 1;
	return strmap_put(&s->dasawisma_map, key, v);
}

static int is_count_field(int f)
{
	return f >= RF_KK && f <= RF_KHUSUS;
}

static int is_tick_field(int f)
{
	return f == RF_RUMAH_SEHAT || f == RF_SAMPAH || f == RF_SPAL || f == RF_JAMBAN ||
	       f == RF_UP2K || f == RF_PEKARANGAN || f == RF_INDUSTRI || f == RF_KESLING;
}

/* A count column of the current row: blank 0; unreadable noted, 0. */
static double read_count(pkk_state *s, pk2d_csv *c, int col, int field)
{
	const pk2d_host_api *api = s->api;
	double v;
	int rc = api->csv_number(c, col, &v);

	if (rc == PK2D_ERR_MISSING)
		return 0;
	if (rc != 0) {
		api->csv_note(c, "unreadable count: %s '%s' counted as 0",
		              fields_header(api, s->h, "column.", &pkk_recap_fields[field]),
		              api->csv_field(c, col));
		return 0;
	}
	if (v < 0 || v != floor(v)) {
		api->csv_note(c, "bad count: %s '%s' is not a whole number >= 0, counted as 0",
		              fields_header(api, s->h, "column.", &pkk_recap_fields[field]),
		              api->csv_field(c, col));
		return 0;
	}
	return v;
}

/* sumber_air: enum water_source, or -1 (noted). */
static int read_water(pkk_state *s, pk2d_csv *c, int col)
{
	static const char *const pdam[] = { "pdam", NULL };
	static const char *const other[] = { "lainnya", "lain", "lain-lain", "lain lain", "dll",
	                                     NULL };
	const pk2d_host_api *api = s->api;
	const char *v = api->csv_field(c, col);

	if (v[0] == '\0') {
		api->csv_note(c, "missing sumber_air: household left out of the water indicators");
		return -1;
	}
	if (fields_is_any(v, pdam))
		return WATER_PDAM;
	if (strncasecmp(v, "sumur", 5) == 0)
		return WATER_SUMUR;
	if (fields_is_any(v, other))
		return WATER_OTHER;
	api->csv_note(c, "unknown sumber_air: '%s' (expected PDAM, sumur or lainnya)", v);
	return -1;
}

/* makanan_pokok: 1 beras, 0 non beras, -1 (noted). */
static int read_food(pkk_state *s, pk2d_csv *c, int col)
{
	static const char *const rice[] = { "beras", NULL };
	static const char *const other[] = { "non beras", "non-beras", "nonberas", "bukan beras",
	                                     NULL };
	const pk2d_host_api *api = s->api;
	const char *v = api->csv_field(c, col);

	if (v[0] == '\0') {
		api->csv_note(c, "missing makanan_pokok: household left out of the staple food "
		              "indicator");
		return -1;
	}
	if (fields_is_any(v, rice))
		return 1;
	if (fields_is_any(v, other))
		return 0;
	api->csv_note(c, "unknown makanan_pokok: '%s' (expected beras or non beras)", v);
	return -1;
}

static void add(pkk_group *g, size_t i, double num, double den)
{
	g->acc[2 * i] += num;
	g->acc[2 * i + 1] += den;
}

/* Adds one recap row to its group. */
static void add_recap_row(pkk_state *s, pkk_group *g, pk2d_csv *c, const int *cols)
{
	const pk2d_host_api *api = s->api;
	double count[RF_N];
	int tick[RF_N], water = -1, food = -1, f;
	size_t i;

	for (f = 0; f < RF_N; f++) {
		count[f] = 0;
		tick[f] = -1;
		if (cols[f] < 0)
			continue;
		if (is_count_field(f)) {
			count[f] = read_count(s, c, cols[f], f);
		} else if (is_tick_field(f)) {
			const char *v = api->csv_field(c, cols[f]);

			if (fields_tick(v, &tick[f]) != 0) {
				tick[f] = -1;
				api->csv_note(c, "unreadable tick: %s '%s' (household left out of "
				              "this indicator)",
				              fields_header(api, s->h, "column.", &pkk_recap_fields[f]), v);
			}
		}
	}
	if (cols[RF_AIR] >= 0)
		water = read_water(s, c, cols[RF_AIR]);
	if (cols[RF_PANGAN] >= 0)
		food = read_food(s, c, cols[RF_PANGAN]);
	for (i = 0; i < pkk_n_indicators; i++) {
		const pkk_indicator *d = &pkk_indicators[i];

		if (!s->available[i])
			continue;
		switch (d->source) {
		case SRC_ROWS:
			add(g, i, 1, 1);
			break;
		case SRC_SUM:
			add(g, i, count[d->field] + (d->field2 >= 0 ? count[d->field2] : 0), 1);
			break;
		case SRC_TICK:
			if (tick[d->field] >= 0)
				add(g, i, tick[d->field], 1);
			break;
		case SRC_WATER:
			if (water >= 0)
				add(g, i, water == d->arg, 1);
			break;
		case SRC_FOOD_RICE:
			if (food >= 0)
				add(g, i, food, 1);
			break;
		default:
			break;
		}
	}
}

/* Marks the recap indicators whose columns the file has; warns about the
 * others, which are not reported. */
/* Marks the indicators whose columns the recap has, warning about each
 * that it lacks. Returns how many indicators that need a column have
 * theirs. */
static size_t mark_available(pkk_state *s, const int *cols)
{
	const pk2d_host_api *api = s->api;
	size_t i, found = 0;

	for (i = 0; i < pkk_n_indicators; i++) {
		const pkk_indicator *d = &pkk_indicators[i];
		int missing = -1;

		if (d->source >= SRC_POKJA_COUNT)
			continue;
		if (d->field >= 0 && cols[d->field] < 0)
			missing = d->field;
		else if (d->field2 >= 0 && cols[d->field2] < 0)
			missing = d->field2;
		s->available[i] = missing < 0;
		found += missing < 0 && d->field >= 0;
		if (missing >= 0)
			api->log(s->h, PK2D_LOG_WARNING, "%s:1: no column '%s': indicator '%s' is not "
			         "reported", s->recap_path,
			         fields_header(api, s->h, "column.", &pkk_recap_fields[missing]),
			         d->d.id);
	}
	return found;
}

static int recap_row(pkk_state *s, pk2d_csv *c, const int *cols)
{
	const pk2d_host_api *api = s->api;
	char area[FIELDS_AREA_MAX];
	const char *name = "";
	pkk_group *g;
	int rt;

	if (activity_log_row_area(api, c, cols[RF_AREA], &s->scope, area, sizeof area) != 0 ||
	    activity_log_row_rt(api, c, cols[RF_RT], area, &rt) != 0)
		return 0;
	if (cols[RF_DASAWISMA] >= 0) {
		name = api->csv_field(c, cols[RF_DASAWISMA]);
		if (name[0] == '\0')
			api->csv_note(c, "missing dasawisma: household counted without a group");
		else if (count_dasawisma(s, area, name) != 0)
			return PK2D_ERR_NOMEM;
	}
	g = group_of(s, area, rt, name);
	if (g == NULL)
		return PK2D_ERR_NOMEM;
	add_recap_row(s, g, c, cols);
	return 0;
}

int pkk_read_recap(pkk_state *s)
{
	const pk2d_host_api *api = s->api;
	int cols[RF_N], rc;
	pk2d_csv *c = api->csv_open(s->h, s->recap_path);

	if (c == NULL)
		return PK2D_ERR_IO;
	rc = fields_resolve(api, s->h, c, "column.", pkk_recap_fields, RF_N, cols);
	if (rc == 0)
		rc = run_scope_need_area(&s->scope, api, s->h, s->recap_path, "column.",
		                         &pkk_recap_fields[RF_AREA], cols[RF_AREA]);
	if (rc == 0 && cols[RF_DASAWISMA] < 0 && s->out_path != NULL) {
		api->log(s->h, PK2D_LOG_ERROR, "%s: dasawisma_output needs the recap's dasawisma "
		         "column ('%s' is not in %s)", api->config_where(s->h, "dasawisma_output"),
		         fields_header(api, s->h, "column.", &pkk_recap_fields[RF_DASAWISMA]),
		         s->recap_path);
		rc = PK2D_ERR_CONFIG;
	}
	if (rc == 0 && mark_available(s, cols) == 0) {
		api->log(s->h, PK2D_LOG_ERROR, "%s:1: none of the recap's indicator columns is in "
		         "the file (form 4.16a: '%s', '%s', ...; map them with column.FIELD)",
		         s->recap_path, fields_header(api, s->h, "column.", &pkk_recap_fields[RF_KK]),
		         fields_header(api, s->h, "column.", &pkk_recap_fields[RF_MALE]));
		rc = PK2D_ERR_DATA;
	}
	while (rc == 0) {
		rc = api->csv_next(c);
		if (rc <= 0)
			break;
		rc = recap_row(s, c, cols);
	}
	api->csv_close(c);
	return rc < 0 ? rc : 0;
}

/* Pokja number 1-4 of "I".."IV", "1".."4", "Pokja II"...; 0 if none. */
static int parse_pokja(const char *v)
{
	static const char *const names[4][3] = {
		{ "i", "1", "pokja i" }, { "ii", "2", "pokja ii" },
		{ "iii", "3", "pokja iii" }, { "iv", "4", "pokja iv" }
	};
	int n, k;

	for (n = 0; n < 4; n++)
		for (k = 0; k < 3; k++) {
			const char *const words[] = { names[n][k], NULL };

			if (fields_is_any(v, words))
				return n + 1;
		}
	return 0;
}

/* A volume or participant count of a Pokja record: blank 0, otherwise a
 * number >= 0, else noted and 0. */
static double pokja_number(pkk_state *s, pk2d_csv *c, int col, const char *what)
{
	const pk2d_host_api *api = s->api;
	double v;
	int rc;

	if (col < 0)
		return 0;
	rc = api->csv_number(c, col, &v);
	if (rc == PK2D_ERR_MISSING)
		return 0;
	if (rc != 0 || v < 0) {
		api->csv_note(c, "unreadable %s: '%s' counted as 0", what, api->csv_field(c, col));
		return 0;
	}
	return v;
}

static int pokja_row(pkk_state *s, pk2d_csv *c, const int *cols)
{
	const pk2d_host_api *api = s->api;
	char area[FIELDS_AREA_MAX];
	const char *p = api->csv_field(c, cols[PF_POKJA]);
	int pokja, rt;
	double volume, people;
	pkk_group *g;
	size_t i;

	pokja = parse_pokja(p);
	if (pokja == 0) {
		api->csv_reject(c, "unknown pokja: '%s' (expected I, II, III or IV)", p);
		return 0;
	}
	if (cols[PF_ACTIVITY] >= 0 && api->csv_field(c, cols[PF_ACTIVITY])[0] == '\0') {
		api->csv_reject(c, "missing activity: the kegiatan is empty");
		return 0;
	}
	if (activity_log_row_area(api, c, cols[PF_AREA], &s->scope, area, sizeof area) != 0 ||
	    activity_log_row_rt(api, c, cols[PF_RT], area, &rt) != 0 ||
	    activity_log_row_period(api, c, cols[PF_DATE], &s->scope) != 0)
		return 0;
	volume = pokja_number(s, c, cols[PF_VOLUME], "volume");
	people = pokja_number(s, c, cols[PF_PEOPLE], "participants");
	g = group_of(s, area, rt, NULL);
	if (g == NULL)
		return PK2D_ERR_NOMEM;
	for (i = 0; i < pkk_n_indicators; i++) {
		const pkk_indicator *d = &pkk_indicators[i];

		if (d->arg != pokja)
			continue;
		if (d->source == SRC_POKJA_COUNT)
			add(g, i, 1, 1);
		else if (d->source == SRC_POKJA_VOLUME)
			add(g, i, volume, 1);
		else if (d->source == SRC_POKJA_PEOPLE)
			add(g, i, people, 1);
	}
	return 0;
}

int pkk_read_pokja(pkk_state *s)
{
	const pk2d_host_api *api = s->api;
	int cols[PF_N], rc;
	size_t i;
	pk2d_csv *c = api->csv_open(s->h, s->pokja_path);

	if (c == NULL)
		return PK2D_ERR_IO;
	rc = fields_resolve(api, s->h, c, "pokja_column.", pkk_pokja_fields, PF_N, cols);
	if (rc == 0 && cols[PF_POKJA] < 0) {
		api->log(s->h, PK2D_LOG_ERROR, "%s:1: no column '%s' (the Pokja I-IV of each "
		         "record; map it with pokja_column.pokja)", s->pokja_path,
		         fields_header(api, s->h, "pokja_column.", &pkk_pokja_fields[PF_POKJA]));
		rc = PK2D_ERR_DATA;
	}
	if (rc == 0)
		rc = run_scope_need_area(&s->scope, api, s->h, s->pokja_path, "pokja_column.",
		                         &pkk_pokja_fields[PF_AREA], cols[PF_AREA]);
	/* Activity counts need only the pokja column; volumes and participants
	 * are reported only when the file has their column. */
	for (i = 0; rc == 0 && i < pkk_n_indicators; i++) {
		int src = pkk_indicators[i].source;

		if (src == SRC_POKJA_COUNT || (src == SRC_POKJA_VOLUME && cols[PF_VOLUME] >= 0) ||
		    (src == SRC_POKJA_PEOPLE && cols[PF_PEOPLE] >= 0))
			s->available[i] = 1;
	}
	if (rc == 0 && cols[PF_VOLUME] < 0)
		api->log(s->h, PK2D_LOG_WARNING, "%s:1: no column '%s': Pokja volumes are not "
		         "reported", s->pokja_path,
		         fields_header(api, s->h, "pokja_column.", &pkk_pokja_fields[PF_VOLUME]));
	if (rc == 0 && cols[PF_PEOPLE] < 0)
		api->log(s->h, PK2D_LOG_WARNING, "%s:1: no column '%s': Pokja participants are not "
		         "reported", s->pokja_path,
		         fields_header(api, s->h, "pokja_column.", &pkk_pokja_fields[PF_PEOPLE]));
	while (rc == 0) {
		rc = api->csv_next(c);
		if (rc <= 0)
			break;
		rc = pokja_row(s, c, cols);
	}
	api->csv_close(c);
	return rc < 0 ? rc : 0;
}
