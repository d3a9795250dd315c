/*
 * fields.c - column mapping and the value forms of docs/inputs.md.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fields.h"

struct key_check {
	const pk2d_host_api *api;
	pk2d_host *h;
	const char *prefix;
	size_t prefix_len;
	const field_spec *specs;
	size_t n;
	int bad;
};

static int check_one_key(void *ud, const char *key, const char *value)
{
	struct key_check *k = ud;
	char known[512];
	size_t i, len = 0;

	(void)value;
	if (strncasecmp(key, k->prefix, k->prefix_len) != 0)
		return 0;
	for (i = 0; i < k->n; i++)
		if (strcasecmp(key + k->prefix_len, k->specs[i].field) == 0)
			return 0;
	known[0] = '\0';
	for (i = 0; i < k->n && len < sizeof known; i++)
		len += (size_t)snprintf(known + len, sizeof known - len, "%s%s", i ? " " : "",
		                        k->specs[i].field);
	k->api->log(k->h, PK2D_LOG_ERROR, "%s: unknown column field '%s' in key '%s' (fields: %s)",
	            k->api->config_where(k->h, key), key + k->prefix_len, key, known);
	k->bad = 1;
	return 0;
}

int fields_check_keys(const pk2d_host_api *api, pk2d_host *h, const char *prefix,
                      const field_spec *specs, size_t n)
{
	struct key_check k = { api, h, prefix, strlen(prefix), specs, n, 0 };

	api->config_each(h, check_one_key, &k);
	return k.bad ? PK2D_ERR_CONFIG : 0;
}

/* The INI key prefix+field, or NULL when it does not fit. */
static const char *key_name(char *buf, size_t len, const char *prefix, const char *field)
{
	size_t p = strlen(prefix), f = strlen(field);

	if (p + f + 1 > len)
		return NULL;
	memcpy(buf, prefix, p);
	memcpy(buf + p, field, f + 1);
	return buf;
}

const char *fields_header(const pk2d_host_api *api, pk2d_host *h, const char *prefix,
                          const field_spec *spec)
{
	char key[128];
	const char *name = key_name(key, sizeof key, prefix, spec->field);
	const char *v = name ? api->config_get(h, name) : NULL;

	return v ? v : spec->header;
}

int fields_resolve(const pk2d_host_api *api, pk2d_host *h, pk2d_csv *c,
                   const char *prefix, const field_spec *specs, size_t n, int *cols)
{
	int rc = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		char key[128];
		const char *name = key_name(key, sizeof key, prefix, specs[i].field);
		const char *mapped = name ? api->config_get(h, name) : NULL;
		const char *header = mapped ? mapped : specs[i].header;

		cols[i] = -1;
		if (header == NULL || header[0] == '\0')
			continue;
		cols[i] = api->csv_column(c, header);
		if (cols[i] < 0 && mapped != NULL) {
			api->log(h, PK2D_LOG_ERROR, "%s: column '%s' is not in %s",
			         api->config_where(h, name), header, api->csv_path(c));
			rc = PK2D_ERR_CONFIG;
		}
	}
	return rc;
}

static int all_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

int fields_area_level(const char *code)
{
	static const size_t part_len[4] = { 2, 2, 2, 4 };
	const char *p = code;
	int level;

	if (code == NULL)
		return 0;
	for (level = 0; level < 4; level++) {
		if (!all_digits(p, part_len[level]))
			return 0;
		p += part_len[level];
		if (*p == '\0')
			return level + 1;
		if (*p != '.' || level == 3)
			return 0;
		p++;
	}
	return 0;
}

/* The trimmed span of s. */
static void trim_span(const char *s, const char **start, size_t *len)
{
	size_t n;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	*start = s;
	*len = n;
}

int fields_area(const char *s, char *out, size_t outlen)
{
	const char *p;
	size_t n;

	trim_span(s, &p, &n);
	if (n == 0)
		return PK2D_ERR_MISSING;
	if (n >= outlen || n >= FIELDS_AREA_MAX)
		return PK2D_ERR_INVALID;
	if (n == 10 && all_digits(p, 10)) {
		if (outlen < 14)
			return PK2D_ERR_INVALID;
		memcpy(out, p, 2);
		out[2] = '.';
		memcpy(out + 3, p + 2, 2);
		out[5] = '.';
		memcpy(out + 6, p + 4, 2);
		out[8] = '.';
		memcpy(out + 9, p + 6, 4);
		out[13] = '\0';
		return 0;
	}
	memcpy(out, p, n);
	out[n] = '\0';
	return fields_area_level(out) ? 0 : PK2D_ERR_INVALID;
}

int fields_area_within(const char *code, const char *prefix)
{
	size_t n = strlen(prefix);

	if (strcmp(prefix, "all") == 0)
		return 1;
	return strncmp(code, prefix, n) == 0 && (code[n] == '\0' || code[n] == '.');
}

int fields_rt(const char *s, int *rt)
{
	const char *p;
	size_t n, i;
	long v = 0;

	trim_span(s, &p, &n);
	if (n == 0) {
		*rt = 0;
		return 0;
	}
	if (n >= 2 && strncasecmp(p, "rt", 2) == 0) {
		p += 2;
		n -= 2;
		while (n > 0 && (*p == ' ' || *p == '.' || *p == ':')) {
			p++;
			n--;
		}
	}
	if (n == 0 || n > 6 || !all_digits(p, n))
		return PK2D_ERR_INVALID;
	for (i = 0; i < n; i++)
		v = v * 10 + (p[i] - '0');
	if (v < 1 || v > 9999)
		return PK2D_ERR_INVALID;
	*rt = (int)v;
	return 0;
}

static int span_is(const char *p, size_t n, const char *word)
{
	return strlen(word) == n && strncasecmp(p, word, n) == 0;
}

int fields_tick(const char *s, int *yes)
{
	static const char *const yes_words[] = { "1", "ya", "y", "yes", "v", "\xe2\x88\x9a", NULL };
	static const char *const no_words[] = { "0", "tidak", "n", "no", "-", NULL };
	const char *p;
	size_t n, i;

	trim_span(s, &p, &n);
	if (n == 0) {
		*yes = 0;
		return 0;
	}
	for (i = 0; yes_words[i] != NULL; i++)
		if (span_is(p, n, yes_words[i])) {
			*yes = 1;
			return 0;
		}
	for (i = 0; no_words[i] != NULL; i++)
		if (span_is(p, n, no_words[i])) {
			*yes = 0;
			return 0;
		}
	return PK2D_ERR_INVALID;
}

int fields_number(const char *s, double *out)
{
	char buf[64], *end;
	const char *p;
	size_t n, i;
	double v;

	trim_span(s, &p, &n);
	if (n == 0)
		return PK2D_ERR_MISSING;
	if (n >= sizeof buf)
		return PK2D_ERR_INVALID;
	for (i = 0; i < n; i++) {
		char ch = p[i];

		if (!(isdigit((unsigned char)ch) || ch == '.' || ch == ',' || ch == '-' || ch == '+'))
			return PK2D_ERR_INVALID;
		buf[i] = ch == ',' ? '.' : ch;
	}
	buf[n] = '\0';
	v = strtod(buf, &end);
	if (*end != '\0' || end == buf || v != v)
		return PK2D_ERR_INVALID;
	*out = v;
	return 0;
}

int fields_valid_id(const char *s)
{
	size_t i;

	if (s == NULL || !(s[0] >= 'a' && s[0] <= 'z'))
		return 0;
	for (i = 1; s[i] != '\0'; i++) {
		if (i >= 48)
			return 0;
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return 0;
	}
	return 1;
}

/* Days from civil, after the well-known era-based algorithm. */
long fields_days(int year, int month, int day)
{
	long y = year - (month <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long mp = (month + 9) % 12;
	long doy = (153 * mp + 2) / 5 + day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

void fields_civil(long days, int *year, int *month, int *day)
{
	long z = days + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long m = mp < 10 ? mp + 3 : mp - 9;

	*day = (int)(doy - (153 * mp + 2) / 5 + 1);
	*month = (int)m;
	*year = (int)(yoe + era * 400 + (m <= 2));
}

int fields_year_of(long days)
{
	int y, m, d;

	fields_civil(days, &y, &m, &d);
	return y;
}

static int days_in_month(int year, int month)
{
	static const int n[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	return month == 2 && leap ? 29 : n[month - 1];
}

/* Reads n digits at s into *out. */
static int digits(const char *s, int n, int *out)
{
	int i, v = 0;

	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int fields_date(const char *s, long *days)
{
	const char *p;
	size_t n;
	int y, m, d;

	trim_span(s, &p, &n);
	if (n != 10)
		return PK2D_ERR_INVALID;
	if (p[4] == '-' && p[7] == '-') {
		if (digits(p, 4, &y) || digits(p + 5, 2, &m) || digits(p + 8, 2, &d))
			return PK2D_ERR_INVALID;
	} else if ((p[2] == '/' && p[5] == '/') || (p[2] == '-' && p[5] == '-')) {
		if (digits(p, 2, &d) || digits(p + 3, 2, &m) || digits(p + 6, 4, &y))
			return PK2D_ERR_INVALID;
	} else {
		return PK2D_ERR_INVALID;
	}
	if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return PK2D_ERR_INVALID;
	*days = fields_days(y, m, d);
	return 0;
}

int fields_age_years(long birth, long at)
{
	int by, bm, bd, ay, am, ad, age;

	fields_civil(birth, &by, &bm, &bd);
	fields_civil(at, &ay, &am, &ad);
	age = ay - by;
	if (am < bm || (am == bm && ad < bd))
		age--;
	return age;
}

int fields_period_range(const char *period, long *first, long *last)
{
	int year, a, b;
	size_t n;

	if (period == NULL)
		return PK2D_ERR_INVALID;
	n = strlen(period);
	if (n < 4 || !all_digits(period, 4))
		return PK2D_ERR_INVALID;
	year = (period[0] - '0') * 1000 + (period[1] - '0') * 100 +
	       (period[2] - '0') * 10 + (period[3] - '0');
	if (n == 4) {
		a = 1;
		b = 12;
	} else if (n == 6 && (period[4] == 'S' || period[4] == 's') &&
	           (period[5] == '1' || period[5] == '2')) {
		a = period[5] == '1' ? 1 : 7;
		b = a + 5;
	} else if (n == 6 && (period[4] == 'Q' || period[4] == 'q') &&
	           period[5] >= '1' && period[5] <= '4') {
		a = (period[5] - '1') * 3 + 1;
		b = a + 2;
	} else if (n == 6 && all_digits(period + 4, 2)) {
		a = (period[4] - '0') * 10 + (period[5] - '0');
		if (a < 1 || a > 12)
			return PK2D_ERR_INVALID;
		b = a;
	} else {
		return PK2D_ERR_INVALID;
	}
	*first = fields_days(year, a, 1);
	*last = (b == 12 ? fields_days(year + 1, 1, 1) : fields_days(year, b + 1, 1)) - 1;
	return 0;
}

int fields_is_any(const char *s, const char *const *words)
{
	const char *p;
	size_t n, i;

	trim_span(s, &p, &n);
	for (i = 0; words[i] != NULL; i++)
		if (span_is(p, n, words[i]))
			return 1;
	return 0;
}
