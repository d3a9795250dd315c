/*
 * xlsx_cell.c - cell values as a person sees them (xlsx_cell.h).
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csv.h"
#include "xlsx_cell.h"

int xlsx_builtin_is_date(long id)
{
	/* 14-22 dates and times, 45-47 minutes and seconds, 27-36 and 50-58
	 * the East Asian dates some locales map 14 to. */
	return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
	       (id >= 50 && id <= 58);
}

int xlsx_format_is_date(const char *code)
{
	for (const char *p = code; *p; p++) {
		switch (*p) {
		case '"': /* literal text */
			p = strchr(p + 1, '"');
			if (!p)
				return 0;
			break;
		case '\\': case '_': case '*': /* the next character is literal or padding */
			if (!*++p)
				return 0;
			break;
		case '[': /* colour, condition, locale; [h] [mm] [ss] are elapsed time */
			if (strchr("hHmMsS", p[1]))
				return 1;
			p = strchr(p, ']');
			if (!p)
				return 0;
			break;
		case 'G': case 'g': /* "General" */
			if (strncasecmp(p, "general", 7) == 0)
				p += 6;
			break;
		case 'd': case 'D': case 'm': case 'M': case 'y': case 'Y':
		case 'h': case 'H': case 's': case 'S':
			return 1;
		default:
			break;
		}
	}
	return 0;
}

/* Days from 1970-01-01 to the two epochs' day zero: 1899-12-30 (serials
 * from 61 on, past Excel's phantom 1900-02-29), 1899-12-31 (serials below
 * 60) and 1904-01-01. */
#define EPOCH_1900 (-25569L)
#define EPOCH_1900_EARLY (-25568L)
#define EPOCH_1904 (-24107L)
/* 9999-12-31 in the 1900 system. */
#define SERIAL_MAX 2958465.0

/* Writes n >= 0 as width digits at p (zero-padded): the end. */
static char *put_digits(char *p, long n, int width)
{
	for (int i = width - 1; i >= 0; i--, n /= 10)
		p[i] = (char)('0' + n % 10);
	return p + width;
}

/* "YYYY-MM-DD" at out (year 1..9999): the end, not terminated. */
static char *put_date(char *out, int y, int m, int d)
{
	char *p = put_digits(out, y, 4);

	*p++ = '-';
	p = put_digits(p, m, 2);
	*p++ = '-';
	return put_digits(p, d, 2);
}

/* "HH:MM:SS" at out: the end, terminated. */
static char *put_time(char *out, long secs)
{
	char *p = put_digits(out, secs / 3600, 2);

	*p++ = ':';
	p = put_digits(p, secs / 60 % 60, 2);
	*p++ = ':';
	p = put_digits(p, secs % 60, 2);
	*p = '\0';
	return p;
}

static void date_text(double serial, int date1904, char *out)
{
	double whole = floor(serial);
	long secs = lround((serial - whole) * 86400.0), days = (long)whole;
	int y, m, d;

	if (secs >= 86400) {
		secs -= 86400;
		days++;
	}
	if (serial < 1.0 && !date1904) {
		put_time(out, secs);
		return;
	}
	if (!date1904 && days == 60) {
		/* Excel's 1900 has a 29 February (Lotus kept it): show it as
		 * Excel does; no date reader accepts it. */
		snprintf(out, XLSX_NUM_MAX, "1900-02-29");
		return;
	}
	days += date1904 ? EPOCH_1904 : days < 60 ? EPOCH_1900_EARLY : EPOCH_1900;
	date_civil(days, &y, &m, &d);
	/* By hand: snprintf cost more than the rest of a date cell. */
	char *p = put_date(out, y, m, d);
	if (secs == 0) {
		*p = '\0';
	} else {
		*p++ = ' ';
		put_time(p, secs);
	}
}

/* Whether v is written as Excel shows it already: an optional '-', an
 * integer without leading zeros, an optional fraction not ending in 0, at
 * most 15 digits in all. Most cells are; they need no conversion. */
static int shown_as_stored(const char *v)
{
	const char *p = v + (*v == '-');
	size_t digits = strspn(p, "0123456789"), frac = 0;

	if (digits == 0 || (p[0] == '0' && digits > 1))
		return 0;
	p += digits;
	if (*p == '.') {
		frac = strspn(p + 1, "0123456789");
		if (frac == 0 || p[frac] == '0')
			return 0;
		p += frac + 1;
	}
	return *p == '\0' && digits + frac <= 15 && strcmp(v, "-0") != 0;
}

/* v written with more than 15 significant digits, without an exponent,
 * its first digit before the point: libxlsxwriter's and Excel's float
 * noise ("9.800000000000001"). Writes it at 15 significant digits as
 * "%.15g" would: 1, or 0 when v is not such a number or the digits past
 * the 15th are too near a half to round on the text. A double is within
 * a fifth of a unit of the 15th digit of the text it is read from, so
 * rounding the text down on a 16th digit below 3, up on one above 6,
 * rounds the double the same way. */
static int round_noise(const char *v, char *out)
{
	char d[32];
	int n = 0, whole = -1, i;
	const char *p = v + (*v == '-');

	if (*p < '1' || *p > '9')
		return 0;
	for (; *p; p++)
		if (*p == '.' && whole < 0)
			whole = n;
		else if (*p < '0' || *p > '9' || n == (int)sizeof d)
			return 0;
		else
			d[n++] = *p;
	if (whole < 0 || whole > 14 || n <= 15 || (d[15] >= '3' && d[15] <= '6'))
		return 0;
	if (d[15] > '6') {
		for (i = 14; i >= 0 && d[i] == '9'; i--)
			d[i] = '0';
		if (i < 0) { /* 9.99...: 10.0... */
			memmove(d + 1, d, 14);
			d[0] = '1';
			whole++;
		} else {
			d[i]++;
		}
	}
	for (n = 15; n > whole && d[n - 1] == '0'; n--)
		;
	if (*v == '-')
		*out++ = '-';
	for (i = 0; i < n; i++) {
		if (i == whole)
			*out++ = '.';
		*out++ = d[i];
	}
	*out = '\0';
	return 1;
}

/* v as a double: an integer of up to 15 digits (a date's serial, most
 * often) by hand, exactly; else strtod's. *end as strtod's. */
static double read_number(const char *v, char **end)
{
	const char *p = v;
	double x = 0;

	while (*p >= '0' && *p <= '9' && p - v < 15)
		x = x * 10 + (*p++ - '0');
	if (p > v && (*p == '\0' || *p == ' ')) {
		*end = (char *)p;
		return x;
	}
	return strtod(v, end);
}

int xlsx_number(const char *v, int date, int date1904, char *out)
{
	char *end;
	double x;

	while (*v == ' ')
		v++;
	if (!date && shown_as_stored(v)) { /* at most 17 bytes: "-" 15 digits "." */
		memcpy(out, v, strlen(v) + 1);
		return XLSX_NUM_OK;
	}
	if (!date && round_noise(v, out))
		return XLSX_NUM_OK;
	x = read_number(v, &end);
	while (*end == ' ')
		end++;
	if (end == v || *end || !isfinite(x)) {
		snprintf(out, XLSX_NUM_MAX, "%s", v);
		return XLSX_NUM_UNREADABLE;
	}
	if (date && x >= 0 && x <= SERIAL_MAX - (date1904 ? EPOCH_1904 - EPOCH_1900 : 0)) {
		date_text(x, date1904, out);
		return XLSX_NUM_OK;
	}
	if (fabs(x) >= 1e15 && x == floor(x)) {
		snprintf(out, XLSX_NUM_MAX, "%.0f", x);
		return XLSX_NUM_LONG;
	}
	if (x == 0) {
		snprintf(out, XLSX_NUM_MAX, "0");
	} else if (fabs(x) >= 1e-4) {
		snprintf(out, XLSX_NUM_MAX, "%.15g", x);
	} else {
		/* Small values without an exponent, to 15 significant digits. */
		int decimals = 14 - (int)floor(log10(fabs(x)));
		size_t n;

		snprintf(out, XLSX_NUM_MAX, "%.*f", decimals > 40 ? 40 : decimals, x);
		n = strlen(out);
		while (n > 0 && out[n - 1] == '0')
			out[--n] = '\0';
		if (n > 0 && out[n - 1] == '.')
			out[--n] = '\0';
		if (strcmp(out, "-0") == 0 || n == 0)
			snprintf(out, XLSX_NUM_MAX, "0");
	}
	return XLSX_NUM_OK;
}

int xlsx_is_short_integer(const char *text, size_t digits)
{
	size_t n = strspn(text, "0123456789");

	return n > 0 && text[n] == '\0' && n < digits;
}

int xlsx_cellref_n(const char *r, size_t n, int *col, long *row)
{
	const char *end = r + n, *digits;
	long c = 0, w = 0;

	/* Four letters are past XFD already, eight digits past the last row. */
	for (; r < end && *r >= 'A' && *r <= 'Z'; r++)
		if ((c = c * 26 + (*r - 'A' + 1)) > XLSX_MAX_COLS)
			return -1;
	for (digits = r; r < end && *r >= '0' && *r <= '9'; r++)
		if (r - digits == 7 || (w = w * 10 + (*r - '0')) > XLSX_MAX_ROWS)
			return -1;
	if (r != end || c == 0 || w < 1)
		return -1;
	*col = (int)c - 1;
	*row = w;
	return 0;
}

int xlsx_cellref(const char *r, int *col, long *row)
{
	return xlsx_cellref_n(r, strlen(r), col, row);
}

void xlsx_colname(int col, char out[4])
{
	char rev[3];
	int n = 0;

	for (col++; col > 0 && n < 3; col = (col - 1) / 26)
		rev[n++] = (char)('A' + (col - 1) % 26);
	for (int i = 0; i < n; i++)
		out[i] = rev[n - 1 - i];
	out[n] = '\0';
}

static int hex(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

size_t xlsx_unescape(char *s, size_t n)
{
	const char *under = memchr(s, '_', n);
	size_t r, w;

	if (!under)
		return n;
	r = w = (size_t)(under - s);

	while (r < n) {
		unsigned u = 0;
		int ok = r + 7 <= n && s[r] == '_' && s[r + 1] == 'x' && s[r + 6] == '_';

		for (int k = 2; ok && k < 6; k++) {
			int h = hex(s[r + k]);
			ok = h >= 0;
			u = u * 16 + (unsigned)h;
		}
		if (!ok) {
			s[w++] = s[r++];
			continue;
		}
		r += 7;
		/* At most 3 bytes for a code point below 0x10000: never longer
		 * than the 7-byte escape. */
		if (u == 0) { /* a NUL would end the text: U+FFFD */
			memcpy(s + w, "\xEF\xBF\xBD", 3);
			w += 3;
		} else if (u < 0x80) {
			s[w++] = (char)u;
		} else if (u < 0x800) {
			s[w++] = (char)(0xC0 | (u >> 6));
			s[w++] = (char)(0x80 | (u & 0x3F));
		} else {
			s[w++] = (char)(0xE0 | (u >> 12));
			s[w++] = (char)(0x80 | ((u >> 6) & 0x3F));
			s[w++] = (char)(0x80 | (u & 0x3F));
		}
	}
	return w;
}
