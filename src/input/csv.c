/*
 * csv.c - the shared CSV reader: big read() blocks, fields split in place.
 *
 * The buffer holds the unread part of the file. csv_next() scans the
 * current record 64 bytes at a time for the only bytes that matter (the
 * separator, '"' and '\n', found with SSE2 compares where available),
 * noting where each field starts and ends. The scan state is kept across
 * refills, so a record that runs past the data read so far is resumed, not
 * rescanned. Only once the record is complete are its fields trimmed,
 * unquoted and NUL-terminated in place, so a refill never sees half-split
 * data.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#if defined(__GNUC__) && defined(__x86_64__)
#define HAVE_AVX2_TARGET 1
#include <immintrin.h>
#endif

#include "pk2d/plugin.h"
#include "csv.h"
#include "csv_priv.h"
#include "redact.h"
#include "utf8.h"
#include "xlsx.h"
#include "xlsx_cell.h"

#define CSV_BLOCK (1024 * 1024)
/* Rows between two calls of the csv_on_read() hook besides its blocks. */
#define CSV_HOOK_ROWS 4096
/* The scan loads 64 bytes at any offset below len: the buffer has this
 * much zeroed room past cap. */
#define CSV_PAD 64
/* The most the buffer grows to while csv_group.c holds records in it,
 * unless one record or group needs more. */
#define CSV_PINNED_MAX ((size_t)32 << 20)

enum { SCAN_DONE = 1, SCAN_MORE = 0 };

enum { CLS_BLANK = 1, CLS_QUOTE = 2 };

static int is_blank(const csv_reader *c, char ch)
{
	return c->cls[(unsigned char)ch] & CLS_BLANK;
}

/* Blanks are space, CR and tab, unless tab separates. */
static void set_separator(csv_reader *c, char sep)
{
	c->sep = sep;
	memset(c->cls, 0, sizeof c->cls);
	c->cls[' '] = c->cls['\r'] = CLS_BLANK;
	if (sep != '\t')
		c->cls['\t'] = CLS_BLANK;
	c->cls['"'] = CLS_QUOTE;
}

/* Reads more of the file after moving the unread part (or, with a pin, the
 * data from the pin on) to the front; grows the buffer when that already
 * fills it, or while pinned data is more than a 32nd of it. */
static int refill(csv_reader *c)
{
	/* The data kept: the unread part, or from the pin on. */
	size_t from = c->pin >= 0 && c->pin - c->base < (off_t)c->pos ? (size_t)(c->pin - c->base)
	                                                               : c->pos;
	uintptr_t lo = (uintptr_t)(c->buf + from), hi = (uintptr_t)(c->buf + c->len);
	int moved = from > 0;

	c->mask_blk = c->sep_blk = SIZE_MAX; /* the kept masks describe old bytes */
	if (from > 0) {
		memmove(c->buf, c->buf + from, c->len - from);
		c->len -= from;
		c->base += (off_t)from;
		c->pos -= from;
	}
	/* Held records are moved and pointed at anew on each refill: the
	 * buffer grows until they are a small share of it. */
	if (c->len == c->cap || (c->pin >= 0 && c->len * 32 > c->cap && c->cap < CSV_PINNED_MAX)) {
		size_t ncap = c->cap * 2;
		char *nb = realloc(c->buf, ncap + CSV_PAD);
		if (!nb) {
			snprintf(c->error, sizeof c->error,
			         "line %ld: out of memory for a record of %zu bytes", c->line, c->len);
			if (moved && c->pin >= 0)
				csv_group_moved(c->group, lo, hi, c->buf);
			return PK2D_ERR_NOMEM;
		}
		memset(nb + c->cap, 0, ncap - c->cap + CSV_PAD);
		moved |= nb != c->buf;
		c->buf = nb;
		c->cap = ncap;
	}
	if (moved && c->pin >= 0)
		csv_group_moved(c->group, lo, hi, c->buf);
	for (;;) {
		size_t want = c->cap - c->len;
		if (c->ranged && (off_t)want > c->left)
			want = (size_t)c->left;
		ssize_t n = want ? read(c->fd, c->buf + c->len, want) : 0;
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			snprintf(c->error, sizeof c->error, "line %ld: read error: %s", c->line,
			         strerror(errno));
			return PK2D_ERR_IO;
		}
		if (n == 0)
			c->eof = 1;
		c->left -= n;
		c->len += (size_t)n;
		c->buf[c->len] = '\0';
		c->bytes_read += (uint64_t)n;
		if (c->on_read)
			c->on_read(c->on_read_arg, c->bytes_read, c->size, c->eof);
		return 0;
	}
}

/* The mask functions are inlined into the scans built around each
 * (scanner, below): no call per block, the constants loaded once. */
#define MASKS_INLINE static inline __attribute__((always_inline))

#ifdef __SSE2__
MASKS_INLINE struct masks masks_sse2(const char *p, char sep)
{
	const __m128i vs = _mm_set1_epi8(sep), vq = _mm_set1_epi8('"'), vn = _mm_set1_epi8('\n');
	const __m128i vsp = _mm_set1_epi8(' '), vcr = _mm_set1_epi8('\r');
	const __m128i vtab = _mm_set1_epi8(sep == '\t' ? ' ' : '\t');
	const __m128i vctl = _mm_set1_epi8(0x20);
	struct masks m = { 0, 0, 0, 0, 0 };

	for (int k = 0; k < 4; k++) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * k));
		__m128i bl = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, vsp), _mm_cmpeq_epi8(x, vcr)),
		                          _mm_cmpeq_epi8(x, vtab));
		m.sep |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(x, vs)) << (16 * k);
		m.quote |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(x, vq)) << (16 * k);
		m.nl |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(x, vn)) << (16 * k);
		m.blank |= (uint64_t)(uint16_t)_mm_movemask_epi8(bl) << (16 * k);
		/* Signed: below 0x20 are the control characters and every
		 * byte above 0x7F. */
		m.odd |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmplt_epi8(x, vctl)) << (16 * k);
	}
	m.odd &= ~(m.sep | m.nl | m.blank);
	return m;
}
#endif

MASKS_INLINE struct masks masks_plain(const char *p, char sep)
{
	struct masks m = { 0, 0, 0, 0, 0 };

	for (int k = 0; k < 64; k++) {
		m.sep |= (uint64_t)(p[k] == sep) << k;
		m.quote |= (uint64_t)(p[k] == '"') << k;
		m.nl |= (uint64_t)(p[k] == '\n') << k;
		m.blank |= (uint64_t)(p[k] == ' ' || p[k] == '\r' || (p[k] == '\t' && sep != '\t')) << k;
		m.odd |= (uint64_t)((unsigned char)p[k] < 0x20 || (unsigned char)p[k] > 0x7F) << k;
	}
	m.odd &= ~(m.sep | m.nl | m.blank);
	return m;
}

#ifdef HAVE_AVX2_TARGET
/* The same with 32-byte compares, used when the CPU has AVX2. */
__attribute__((target("avx2"))) MASKS_INLINE struct masks masks_avx2(const char *p, char sep)
{
	const __m256i vs = _mm256_set1_epi8(sep), vq = _mm256_set1_epi8('"'),
	              vn = _mm256_set1_epi8('\n'), vsp = _mm256_set1_epi8(' '),
	              vcr = _mm256_set1_epi8('\r'), vtab = _mm256_set1_epi8(sep == '\t' ? ' ' : '\t'),
	              vctl = _mm256_set1_epi8(0x20);
	__m256i lo = _mm256_loadu_si256((const __m256i *)(const void *)p);
	__m256i hi = _mm256_loadu_si256((const __m256i *)(const void *)(p + 32));
	__m256i blo = _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(lo, vsp),
	                                              _mm256_cmpeq_epi8(lo, vcr)),
	                              _mm256_cmpeq_epi8(lo, vtab));
	__m256i bhi = _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(hi, vsp),
	                                              _mm256_cmpeq_epi8(hi, vcr)),
	                              _mm256_cmpeq_epi8(hi, vtab));
	struct masks m;

	m.sep = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(lo, vs)) |
	        (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(hi, vs)) << 32;
	m.quote = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(lo, vq)) |
	          (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(hi, vq)) << 32;
	m.nl = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(lo, vn)) |
	       (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(hi, vn)) << 32;
	m.blank = (uint32_t)_mm256_movemask_epi8(blo) |
	          (uint64_t)(uint32_t)_mm256_movemask_epi8(bhi) << 32;
	/* Signed: below 0x20 are the control characters and every byte above
	 * 0x7F. */
	m.odd = ((uint32_t)_mm256_movemask_epi8(_mm256_cmpgt_epi8(vctl, lo)) |
	         (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpgt_epi8(vctl, hi)) << 32) &
	        ~(m.sep | m.nl | m.blank);
	return m;
}
#endif

typedef struct masks (*mask_fn)(const char *p, char sep);

/* The scan of a record and the fast reading of some of its fields, built
 * around one mask function (csv_set_scanner). */
struct scanner {
	int (*scan)(csv_reader *c, size_t *end);
	int (*fields)(csv_reader *c, const int *cols, int n, const char **out, size_t *lens);
	long (*skip)(csv_reader *c, int col, const char *same, size_t len);
};

/* Makes room for at least want field ends. */
int csv_reserve_fields(csv_reader *c, int want)
{
	int ncap = c->cap_fields ? c->cap_fields : 32;
	size_t *ne;
	char **nf;

	if (want <= c->cap_fields)
		return 0;
	while (ncap < want)
		ncap *= 2;
	if (!(ne = realloc(c->ends, (size_t)ncap * sizeof *ne)))
		return PK2D_ERR_NOMEM;
	c->ends = ne;
	if (!(nf = realloc(c->fields, (size_t)ncap * sizeof *nf)))
		return PK2D_ERR_NOMEM;
	c->fields = nf;
	c->cap_fields = ncap;
	return 0;
}

/* Offset where field k of the record at pos starts. */
static size_t field_start(const csv_reader *c, int k)
{
	return k ? c->ends[k - 1] + 1 : 0;
}

/* Whether only blanks lie between the start of field k (being scanned)
 * and the quote at q: then the quote opens a quoted field. */
static int opens_quote(const csv_reader *c, int k, const char *q)
{
	for (const char *i = k ? c->fields[k] : c->buf + c->pos; i < q; i++)
		if (!is_blank(c, *i))
			return 0;
	return 1;
}

/* Notes where each field but the last of the record just scanned ends
 * (the scan points at every field's start, and notes the last one's end),
 * for the careful way of finishing it. */
static void note_ends(csv_reader *c)
{
	const char *b = c->buf + c->rec_pos;

	for (int k = 0; k + 1 < c->n_fields; k++)
		c->ends[k] = (size_t)(c->fields[k + 1] - 1 - b);
}

/*
 * Scans on from scan_at in the record at pos, writing a NUL where each
 * field ends (its separator, the record's '\n', or the end of the file),
 * pointing c->fields at where each but the first starts, and noting the
 * offset where the last one ends (note_ends notes the others').
 * SCAN_DONE with *end set to the record's end; SCAN_MORE when more data is
 * needed; a negative error at end of file inside quotes.
 */
static inline __attribute__((always_inline)) int scan_record_with(csv_reader *c, size_t *end,
                                                                  mask_fn find_masks)
{
	char *b = c->buf;
	const unsigned char *cls = c->cls;
	size_t pos = c->pos, len = c->len, at = pos + c->scan_at; /* offsets in buf */
	char sep = c->sep;
	int quoted = c->scan_quoted, nf = c->n_fields, rc = SCAN_MORE, slow = c->scan_slow;
	long lines = c->scan_lines;
	size_t *ends = c->ends;
	char **fields = c->fields;

	/* The record's first byte starts a field. */
	if (at == pos && at < len && cls[(unsigned char)b[pos]])
		slow = 1;

	while (at < len) {
		size_t blk = at & ~(size_t)63;
		struct masks m;
		uint64_t keep = ~UINT64_C(0) << (at - blk);
		/* Blocks are 64-byte aligned and their masks kept: the next
		 * record mostly starts in the block where this one ends. */
		if (blk != c->mask_blk) {
			c->masks = find_masks(b + blk, sep);
			c->mask_blk = blk;
		}
		char *bb = b + blk;
		if (len - blk < 64)
			keep &= (UINT64_C(1) << (len - blk)) - 1;
		m = c->masks;
		/* Pure ASCII text skips the UTF-8 check (a byte of the next
		 * record in this block may send this one through it too). */
		if (m.odd & keep)
			c->scan_odd = 1;
		at = len - blk < 64 ? len : blk + 64;
		/* Room for a field per byte of the block, so none is checked. */
		if (nf + 65 > c->cap_fields) {
			if (csv_reserve_fields(c, nf + 65) < 0) {
				rc = PK2D_ERR_NOMEM;
				goto out;
			}
			ends = c->ends;
			fields = c->fields;
		}
		/* keep holds the positions of the block still to look at. */
		while (keep) {
			uint64_t stop, bit;
			size_t j;
			if (!quoted) {
				/* Separators in bulk up to the next quote or line end. */
				uint64_t seps = m.sep & keep;
				stop = (m.quote | m.nl) & keep;
				if (stop)
					seps &= (stop & -stop) - 1;
				/* Each separator ends a field and starts one: a blank at
				 * either edge, or a quote starting it, needs trimming. The
				 * neighbours outside this block are looked at directly
				 * (one not read yet counts as a blank). */
				if (!slow && seps &&
				    ((((seps << 1) & (m.blank | m.quote)) | ((seps >> 1) & m.blank)) ||
				     ((seps >> 63) && (blk + 64 >= len || cls[(unsigned char)b[blk + 64]])) ||
				     ((seps & 1) && blk > pos && (cls[(unsigned char)b[blk - 1]] & CLS_BLANK))))
					slow = 1;
				/* Each field is terminated here and the next one
				 * pointed at, so that the usual record is finished when
				 * scanned. */
				size_t k = (size_t)nf;
				for (; seps; seps &= seps - 1) {
					size_t t = (size_t)__builtin_ctzll(seps) & 63;
					bb[t] = '\0';
					fields[++k] = bb + t + 1;
				}
				nf = (int)k;
				if (!stop)
					break;
				bit = stop & -stop;
				j = blk + (size_t)__builtin_ctzll(stop);
				keep &= ~((bit << 1) - 1);
				if (m.nl & bit) {
					*end = ends[nf++] = j - pos;
					/* The last field ends before the line end, or before
					 * the CR of a CR LF. */
					if (j > pos && b[j - 1] == '\r') {
						c->scan_cr = 1;
						if (j - 1 > pos && (cls[(unsigned char)b[j - 2]] & CLS_BLANK))
							slow = 1;
					} else if (j > pos && (cls[(unsigned char)b[j - 1]] & CLS_BLANK)) {
						slow = 1;
					}
					b[j] = '\0';
					rc = SCAN_DONE;
					goto out;
				}
				slow = 1;
				if (opens_quote(c, nf, b + j)) {
					quoted = 1;
					c->quote_line = c->line + lines;
				}
				continue;
			}
			/* Inside quotes only the next quote matters; line ends
			 * before it are counted. */
			stop = m.quote & keep;
			if (!stop) {
				if (m.nl & keep)
					lines += __builtin_popcountll(m.nl & keep);
				break;
			}
			bit = stop & -stop;
			j = blk + (size_t)__builtin_ctzll(stop);
			if (m.nl & keep & (bit - 1))
				lines += __builtin_popcountll(m.nl & keep & (bit - 1));
			keep &= ~((bit << 1) - 1);
			if (j + 1 == len && !c->eof) {
				at = j; /* doubled or closing: not known yet */
				goto out;
			}
			if (j + 1 < len && b[j + 1] == '"') {
				/* A doubled quote: skip its second half, which may
				 * lie in the next block. */
				if (keep & (bit << 1))
					keep &= ~(bit << 1);
				else if (j + 2 > at)
					at = j + 2;
				continue;
			}
			quoted = 0;
		}
	}
	if (c->eof) {
		if (quoted) {
			snprintf(c->error, sizeof c->error, "line %ld: unterminated quoted field",
			         c->quote_line);
			rc = PK2D_ERR_DATA;
		} else {
			*end = ends[nf++] = len - pos;
			slow = 1;
			rc = SCAN_DONE;
		}
	}
out:
	/* After a refill the record is finished the careful way. */
	c->scan_slow = slow || rc == SCAN_MORE;
	c->scan_at = at - pos;
	c->scan_quoted = quoted;
	c->scan_lines = lines;
	c->n_fields = nf;
	return rc;
}

/* Trims, unquotes and terminates field k of the current record in place
 * when it has a blank or a quote at either end, or is empty (the usual
 * field is done by finish_fields itself). */
static char *finish_field(csv_reader *c, int k)
{
	char *b = c->buf + c->rec_pos;
	size_t s = field_start(c, k), e = c->ends[k];

	while (s < e && is_blank(c, b[s]))
		s++;
	if (s < e && b[s] == '"') {
		size_t w = s, r = s + 1, keep;
		for (;;) {
			char ch = b[r];
			if (ch == '"') {
				if (b[r + 1] == '"') {
					b[w++] = '"';
					r += 2;
					continue;
				}
				r++;
				break;
			}
			b[w++] = ch;
			r++;
		}
		/* Text after the closing quote is kept; blanks inside the
		 * quotes are kept, trailing blanks after it are not. */
		keep = w;
		while (r < e)
			b[w++] = b[r++];
		while (w > keep && is_blank(c, b[w - 1]))
			w--;
		b[w] = '\0';
	} else {
		while (e > s && is_blank(c, b[e - 1]))
			e--;
		b[e] = '\0';
	}
	return b + s;
}

/* Finishes every field of the current record: plugins read most columns
 * of a row, and one pass over them costs less than finishing each on
 * first use and remembering which were. The scan has terminated every
 * field at its end; when it saw no blank or quote at any field's edge
 * (and read the record without a refill), it has also pointed at every
 * field but the first. */
static void finish_fields(csv_reader *c)
{
	char *b = c->buf + c->rec_pos;
	const unsigned char *cls = c->cls;
	size_t s = 0;

	if (!c->scan_slow) {
		c->fields[0] = b;
		if (c->scan_cr)
			b[c->ends[c->n_fields - 1] - 1] = '\0';
		return;
	}
	note_ends(c);
	for (int k = 0; k < c->n_fields; k++) {
		size_t e = c->ends[k];
		/* The usual field: no blank or quote at either end. */
		if (s < e && !(cls[(unsigned char)b[s]] | (cls[(unsigned char)b[e - 1]] & CLS_BLANK))) {
			c->fields[k] = b + s;
		} else {
			c->fields[k] = finish_field(c, k);
		}
		s = e + 1;
	}
}

/* Repairs the current record's fields that are not clean UTF-8 (utf8.h)
 * into c->fix, noting what was repaired in c->rec_fixed. */
static int clean_fields(csv_reader *c)
{
	size_t need = 0, w = 0;

	for (int k = 0; k < c->n_fields; k++) {
		size_t n = strlen(c->fields[k]);
		if (!utf8_is_clean(c->fields[k], n))
			need += UTF8_CLEAN_MAX(n);
	}
	if (need == 0)
		return 0;
	if (need > c->fix_cap) {
		char *nf = realloc(c->fix, need);
		if (!nf)
			return PK2D_ERR_NOMEM;
		c->fix = nf;
		c->fix_cap = need;
	}
	for (int k = 0; k < c->n_fields; k++) {
		size_t n = strlen(c->fields[k]);
		char *out = c->fix + w;
		int fixed;
		if (utf8_is_clean(c->fields[k], n))
			continue;
		w += utf8_clean(c->fields[k], n, out, &fixed) + 1;
		c->fields[k] = out;
		c->rec_fixed |= fixed;
	}
	return 0;
}

/* Whether the current (finished) record holds anything but blanks and
 * separators. */
static int record_has_text(const csv_reader *c)
{
	for (int k = 0; k < c->n_fields; k++)
		if (c->fields[k][0])
			return 1;
	return 0;
}

/* Scans the next record and steps past it, its fields not finished yet.
 * 1, 0 at end of file, or a negative error with c->error set. */
static int next_raw_record(csv_reader *c)
{
	for (;;) {
		size_t end = 0;
		int rc;

		if (c->scan_at == 0) {
			c->n_fields = 0;
			if (c->pos == c->len && c->eof)
				return 0;
			c->scan_quoted = 0;
			c->scan_slow = c->pos == c->len;
			c->scan_cr = 0;
			c->scan_odd = 0;
			c->scan_lines = 0;
		}
		rc = c->scanner->scan(c, &end);
		if (rc == PK2D_ERR_NOMEM) {
			snprintf(c->error, sizeof c->error, "line %ld: out of memory", c->line);
			return rc;
		}
		if (rc < 0)
			return rc;
		if (rc == SCAN_MORE) {
			/* The fields found so far move with the data: noted as
			 * offsets meanwhile. */
			for (int k = 1; k <= c->n_fields; k++)
				c->ends[k - 1] = (size_t)(c->fields[k] - 1 - (c->buf + c->pos));
			if ((rc = refill(c)) < 0)
				return rc;
			for (int k = 1; k <= c->n_fields; k++)
				c->fields[k] = c->buf + c->pos + c->ends[k - 1] + 1;
			continue;
		}
		c->rec_pos = c->pos;
		c->rec_line = c->line;
		c->line += c->scan_lines + 1;
		c->pos += end < c->len - c->pos ? end + 1 : end;
		c->scan_at = 0;
		return 1;
	}
}

static char empty_cell[1];

static csv_problem *problem_for(csv_reader *c, const char *kind, size_t kind_len, int rejected,
                                long **last);

/* The rows of a workbook's sheets after its table's end, none read:
 * counted as read and rejected ("sheet not read"), one example per sheet
 * on the sheet's first row. */
static void count_unread(csv_reader *c)
{
	static const char kind[] = CSV_SHEET_NOT_READ;
	const char *sheet;
	long first, rows, *last;

	for (int i = 0; xlsx_unread(c->book, i, &sheet, &first, &rows); i++) {
		csv_problem *p = problem_for(c, kind, sizeof kind - 1, 1, &last);
		char *text;

		if (!p)
			return;
		p->count += rows;
		c->stats.records += rows;
		c->stats.rejected += rows;
		if (p->n_examples < CSV_EXAMPLES &&
		    asprintf(&text, "%s: sheet '%s' after the table, %ld rows from its row %ld: it "
		             "does not repeat the header of sheet '%s' on its row %ld or higher, as a "
		             "sheet continuing the table does", kind, sheet, rows, first,
		             xlsx_sheet(c->book, 0), c->header_line + XLSX_TITLE_ROWS) >= 0) {
			p->example_line[p->n_examples] = first;
			p->example_text[p->n_examples++] = text;
		}
	}
}

/* The workbook's next row as the current record. */
static int book_record(csv_reader *c)
{
	xlsx_row r;
	int rc = xlsx_next(c->book, &r);

	if (rc <= 0) {
		if (rc < 0)
			snprintf(c->error, sizeof c->error, "%s", xlsx_error(c->book));
		else if (!c->book_ended++)
			count_unread(c);
		return rc;
	}
	if (csv_reserve_fields(c, r.n) < 0) {
		snprintf(c->error, sizeof c->error, "row %ld: out of memory", r.line);
		return PK2D_ERR_NOMEM;
	}
	memcpy(c->fields, r.fields, (size_t)r.n * sizeof *c->fields);
	c->n_fields = r.n;
	/* A row ends at its last cell with text: the columns after it are
	 * empty, as a CSV line writes them. */
	if (csv_file_columns(c) > r.n && csv_reserve_fields(c, csv_file_columns(c)) == 0)
		for (; c->n_fields < csv_file_columns(c); c->n_fields++)
			c->fields[c->n_fields] = empty_cell;
	c->rec_line = r.line;
	c->rec_sheet = r.sheet;
	c->rec_fixed = r.fixed;
	c->rec_cells = r.cells;
	return 1;
}

/* The file's next record, before a made code column is filled. */
static int read_file_record(csv_reader *c)
{
	int rc;

	if (c->book) {
		while ((rc = book_record(c)) == 1 && csv_template_row(c))
			;
		return rc;
	}
	while ((rc = next_raw_record(c)) == 1) {
		finish_fields(c);
		c->rec_fixed = 0;
		if (c->scan_odd && clean_fields(c) < 0) {
			snprintf(c->error, sizeof c->error, "line %ld: out of memory", c->rec_line);
			return PK2D_ERR_NOMEM;
		}
		if (record_has_text(c) && !csv_template_row(c))
			return 1;
	}
	return rc;
}

int csv_read_record(csv_reader *c)
{
	int rc = read_file_record(c);

	return rc == 1 && c->made_column ? csv_area_fill(c) : rc;
}

/* The fast ways' look at the 64-byte block at blk of a record: its masks
 * (only sep, quote and nl: the rest are left out where the masks are
 * inlined, and kept apart from the scan's) found when the block is new,
 * keep cut at the data's end and at the record's line end, *nl that line
 * end's bit (0: not in this block). Non-zero when the record has a quote
 * in the block. */
static inline __attribute__((always_inline)) int
fast_block(csv_reader *c, size_t blk, uint64_t *keep, uint64_t *nl, mask_fn find_masks)
{
	if (blk != c->sep_blk) {
		struct masks m = find_masks(c->buf + blk, c->sep);
		c->sep_masks.sep = m.sep;
		c->sep_masks.quote = m.quote;
		c->sep_masks.nl = m.nl;
		c->sep_blk = blk;
	}
	if (c->len - blk < 64)
		*keep &= (UINT64_C(1) << (c->len - blk)) - 1;
	*nl = c->sep_masks.nl & *keep;
	*nl &= -*nl;
	if (*nl)
		*keep &= (*nl << 1) - 1;
	return (c->sep_masks.quote & *keep) != 0;
}

/* The usual record for csv_read_fields: one that ends in the data read so
 * far and has no quote. Its line end and the separators around the wanted
 * fields are found from the block masks, without noting every field; the
 * fields are trimmed and terminated in place. 1 with the record read, or 0
 * (nothing read) when the careful path must take it: a quote, a record
 * not read to its end, fewer fields than wanted, or every wanted field
 * empty (the record may be blank). */
static inline __attribute__((always_inline)) int
read_fields_with(csv_reader *c, const int *cols, int n, const char **out, size_t *lens,
                 mask_fn find_masks)
{
	char *b = c->buf;
	size_t pos = c->pos, len = c->len, blk = pos & ~(size_t)63, fstart = pos;
	size_t start[CSV_READ_FIELDS_MAX], end[CSV_READ_FIELDS_MAX];
	uint64_t keep = ~UINT64_C(0) << (pos - blk);
	int field = 0, w = 0, text = 0;

	if (c->scan_at != 0 || pos >= len || n > CSV_READ_FIELDS_MAX)
		return 0;
	for (; blk < len; blk += 64, keep = ~UINT64_C(0)) {
		uint64_t nl, stops;

		if (fast_block(c, blk, &keep, &nl, find_masks))
			return 0;
		/* Each separator, and the line end, ends a field. */
		for (stops = (c->sep_masks.sep & keep) | nl; stops && w < n; stops &= stops - 1) {
			size_t j = blk + (size_t)__builtin_ctzll(stops);

			if (field == cols[w]) {
				start[w] = fstart;
				end[w++] = j;
			}
			fstart = j + 1;
			field++;
		}
		if (!nl)
			continue;
		if (w < n)
			return 0;
		for (int i = 0; i < n; i++) {
			size_t s = start[i], e = end[i];

			while (s < e && is_blank(c, b[s]))
				s++;
			while (e > s && is_blank(c, b[e - 1]))
				e--;
			text |= s < e;
			start[i] = s;
			end[i] = e;
		}
		if (!text)
			return 0;
		for (int i = 0; i < n; i++) {
			b[end[i]] = '\0';
			out[i] = b + start[i];
			lens[i] = end[i] - start[i];
		}
		c->rec_pos = pos;
		c->rec_line = c->line++;
		c->pos = blk + (size_t)__builtin_ctzll(nl) + 1;
		return 1;
	}
	return 0;
}

/* csv_skip_same's loop: the records that follow, while each ends in the
 * data read so far, has no quote and holds the len bytes at same, as they
 * are, in field col. */
static inline __attribute__((always_inline)) long
skip_same_with(csv_reader *c, int col, const char *same, size_t same_len, mask_fn find_masks)
{
	const char *b = c->buf;
	size_t len = c->len;
	long skipped = 0;

	if (c->scan_at != 0)
		return 0;
	for (;;) {
		size_t pos = c->pos, blk = pos & ~(size_t)63, fstart = pos, fend = 0;
		uint64_t keep = ~UINT64_C(0) << (pos - blk), nl = 0;
		int field = 0, found = 0;

		for (; blk < len; blk += 64, keep = ~UINT64_C(0)) {
			if (fast_block(c, blk, &keep, &nl, find_masks))
				return skipped;
			for (uint64_t stops = (c->sep_masks.sep & keep) | nl; stops && !found;
			     stops &= stops - 1) {
				size_t j = blk + (size_t)__builtin_ctzll(stops);

				if (field++ == col) {
					fend = j;
					found = 1;
				} else {
					fstart = j + 1;
				}
			}
			if (nl)
				break;
		}
		if (!nl || !found || fend - fstart != same_len ||
		    memcmp(b + fstart, same, same_len) != 0)
			return skipped;
		c->rec_pos = pos;
		c->rec_line = c->line++;
		c->pos = blk + (size_t)__builtin_ctzll(nl) + 1;
		skipped++;
	}
}

static long skip_plain(csv_reader *c, int col, const char *same, size_t len)
{
	return skip_same_with(c, col, same, len, masks_plain);
}

static int scan_plain(csv_reader *c, size_t *end)
{
	return scan_record_with(c, end, masks_plain);
}

static int fields_plain(csv_reader *c, const int *cols, int n, const char **out, size_t *lens)
{
	return read_fields_with(c, cols, n, out, lens, masks_plain);
}

static const struct scanner scanner_plain = { scan_plain, fields_plain, skip_plain };

#ifdef __SSE2__
static int scan_sse2(csv_reader *c, size_t *end)
{
	return scan_record_with(c, end, masks_sse2);
}

static int fields_sse2(csv_reader *c, const int *cols, int n, const char **out, size_t *lens)
{
	return read_fields_with(c, cols, n, out, lens, masks_sse2);
}

static long skip_sse2(csv_reader *c, int col, const char *same, size_t len)
{
	return skip_same_with(c, col, same, len, masks_sse2);
}

static const struct scanner scanner_sse2 = { scan_sse2, fields_sse2, skip_sse2 };
#endif

#ifdef HAVE_AVX2_TARGET
/* BMI for the loops over the mask bits: every CPU with AVX2 has it, but
 * not every compiler's "avx2" implies it. */
__attribute__((target("avx2,bmi"))) static int scan_avx2(csv_reader *c, size_t *end)
{
	return scan_record_with(c, end, masks_avx2);
}

__attribute__((target("avx2,bmi"))) static int fields_avx2(csv_reader *c, const int *cols, int n,
                                                          const char **out, size_t *lens)
{
	return read_fields_with(c, cols, n, out, lens, masks_avx2);
}

__attribute__((target("avx2,bmi"))) static long skip_avx2(csv_reader *c, int col,
                                                          const char *same, size_t len)
{
	return skip_same_with(c, col, same, len, masks_avx2);
}

static const struct scanner scanner_avx2 = { scan_avx2, fields_avx2, skip_avx2 };

static int have_avx2(void)
{
	return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi");
}
#endif

/* The scanner csv_set_scanner() chose; NULL: the fastest. */
static const struct scanner *forced_scanner;

/* The fastest scanner this CPU runs. */
static const struct scanner *pick_scanner(void)
{
	if (forced_scanner)
		return forced_scanner;
#ifdef HAVE_AVX2_TARGET
	if (have_avx2())
		return &scanner_avx2;
#endif
#ifdef __SSE2__
	return &scanner_sse2;
#else
	return &scanner_plain;
#endif
}

int csv_set_scanner(const char *name)
{
	if (strcmp(name, "auto") == 0)
		forced_scanner = NULL;
	else if (strcmp(name, "plain") == 0)
		forced_scanner = &scanner_plain;
#ifdef __SSE2__
	else if (strcmp(name, "sse2") == 0)
		forced_scanner = &scanner_sse2;
#endif
#ifdef HAVE_AVX2_TARGET
	else if (strcmp(name, "avx2") == 0 && have_avx2())
		forced_scanner = &scanner_avx2;
#endif
	else
		return -1;
	return 0;
}

int csv_read_fields(csv_reader *c, const int *cols, int n, const char **out, size_t *lens)
{
	int rc;

	/* A workbook's rows are never blank; a made column is filled from
	 * the whole record. */
	if (c->book || c->made_column) {
		if ((rc = csv_read_record(c)) != 1)
			return rc;
		for (int i = 0; i < n; i++) {
			out[i] = csv_field(c, cols[i]);
			lens[i] = strlen(out[i]);
		}
		return 1;
	}
	for (;;) {
		int text = 0;

		if (c->scanner->fields(c, cols, n, out, lens))
			return 1;
		if ((rc = next_raw_record(c)) != 1)
			return rc;
		note_ends(c);
		for (int i = 0; i < n; i++) {
			out[i] = cols[i] < c->n_fields ? finish_field(c, cols[i]) : "";
			lens[i] = strlen(out[i]);
			text |= lens[i] != 0;
		}
		if (text)
			return 1;
		/* No wanted field has text: the record counts unless it is blank. */
		for (int k = 0, i = 0; k < c->n_fields; k++) {
			if (i < n && cols[i] == k) {
				i++;
				continue;
			}
			if (*finish_field(c, k))
				return 1;
		}
	}
}

long csv_skip_same(csv_reader *c, int col, const char *same, size_t len)
{
	/* A workbook's rows and a made column go the careful way. */
	if (c->book || c->made_column)
		return 0;
	return c->scanner->skip(c, col, same, len);
}

/* Picks the separator from the first non-blank line: the one of ';' ','
 * and tab that occurs most outside quotes, ties going in that order. */
static int detect_separator(csv_reader *c)
{
	size_t i = c->pos;
	long n_semi = 0, n_comma = 0, n_tab = 0;
	int quoted = 0, seen_text = 0;

	for (;;) {
		int rc;
		char ch;
		if (i == c->len) {
			if (c->eof)
				break;
			i -= c->pos;
			if ((rc = refill(c)) < 0)
				return rc;
			continue;
		}
		ch = c->buf[i++];
		if (ch == '"') {
			quoted = !quoted;
		} else if (quoted) {
			continue;
		} else if (ch == '\n') {
			if (seen_text)
				break;
			n_semi = n_comma = n_tab = 0; /* a blank line before the header */
		} else if (ch == ';') {
			n_semi++;
		} else if (ch == ',') {
			n_comma++;
		} else if (ch == '\t') {
			n_tab++;
			continue;
		}
		if (ch != ' ' && ch != '\r' && ch != '\n')
			seen_text = 1;
	}
	if (!seen_text) {
		snprintf(c->error, sizeof c->error, "empty file: no header line");
		return PK2D_ERR_DATA;
	}
	if (n_semi >= n_comma && n_semi >= n_tab && n_semi > 0)
		set_separator(c, ';');
	else if (n_comma >= n_tab && n_comma > 0)
		set_separator(c, ',');
	else if (n_tab > 0)
		set_separator(c, '\t');
	else
		set_separator(c, ',');
	return 0;
}

static void stats_clear(csv_stats *s);
static void note_repairs(csv_reader *c);

static void reader_free(csv_reader *c)
{
	if (c->fd >= 0)
		close(c->fd);
	xlsx_close(c->book);
	free(c->source);
	csv_group_free(c->group);
	free(c->areas);
	csv_template_free(c);
	for (int i = 0; i < c->n_header; i++)
		free(c->header[i]);
	free(c->header);
	free(c->fields);
	free(c->ends);
	free(c->fix);
	free(c->buf);
	free(c->prob_last);
	free(c);
}

/* "balita.xlsx#Data!A5": when path names no file but its part before a
 * '#' does, that part is the file and the rest selects the table in it.
 * The file's name, malloc'd; *sel points into path (NULL: none). */
static char *split_selector(const char *path, const char **sel)
{
	const char *base = strrchr(path, '/');
	struct stat st;

	*sel = NULL;
	if (stat(path, &st) == 0)
		return strdup(path);
	for (const char *h = strchr(base ? base : path, '#'); h; h = strchr(h + 1, '#')) {
		char *file = strndup(path, (size_t)(h - path));

		if (file && stat(file, &st) == 0) {
			*sel = h + 1;
			return file;
		}
		free(file);
	}
	return strdup(path);
}

/* Opens the workbook whose header the reader's buffer starts: the rows
 * come from it from now on. 0, or <0 with c->error set. */
static int open_book(csv_reader *c, const char *file, const char *sel)
{
	char *where;

	c->book = xlsx_open(file, sel, c->error, sizeof c->error);
	if (!c->book)
		return PK2D_ERR_DATA;
	set_separator(c, ',');
	/* The reports name the file and the table's first sheet. */
	if (!(where = strdup(xlsx_where(c->book, 0)))) {
		snprintf(c->error, sizeof c->error, "out of memory");
		return PK2D_ERR_NOMEM;
	}
	free(c->stats.path);
	c->stats.path = where;
	return 0;
}

/* What the first bytes say about a file that is not a workbook: 0 for
 * text, <0 with c->error set for a file pk2d cannot read. */
static int refuse_binary(csv_reader *c, const char *sel)
{
	if (c->len >= 4 && memcmp(c->buf, "\xD0\xCF\x11\xE0", 4) == 0) {
		snprintf(c->error, sizeof c->error, "an old Excel workbook (.xls) or one with a "
		         "password: save it as an Excel Workbook (.xlsx) without a password");
		return PK2D_ERR_DATA;
	}
	if (sel) {
		snprintf(c->error, sizeof c->error, "'#%.60s' names a sheet, but the file is not an "
		         "Excel workbook (.xlsx)", sel);
		return PK2D_ERR_DATA;
	}
	return 0;
}

csv_reader *csv_open(const char *path, char *err, size_t errlen)
{
	csv_reader *c = calloc(1, sizeof *c);
	struct stat st;
	const char *sel;
	char *file = split_selector(path, &sel);
	int rc;

	int fixed;

	/* The path is shown in reports: a name in another encoding is shown
	 * repaired (the file is opened by its real name). */
	if (c && !(c->stats.path = utf8_clean_dup(path, &fixed)))
		c->stats.path = strdup(path);
	if (!c || !file || !c->stats.path || !(c->buf = calloc(1, CSV_BLOCK + CSV_PAD))) {
		snprintf(err, errlen, "out of memory");
		if (c)
			free(c->stats.path);
		free(c);
		free(file);
		return NULL;
	}
	c->cap = CSV_BLOCK;
	c->pin = -1;
	c->mask_blk = c->sep_blk = SIZE_MAX;
	c->scanner = pick_scanner();
	c->line = 1;
	c->fd = open(file, O_RDONLY | O_CLOEXEC);
	if (c->fd < 0) {
		snprintf(err, errlen, "%s", strerror(errno));
		free(file);
		csv_stats_free(csv_close(c));
		return NULL;
	}
	if (fstat(c->fd, &st) == 0 && S_ISREG(st.st_mode))
		c->size = (uint64_t)st.st_size;
	/* Read until the BOM and zip questions are settled (4 bytes or end of
	 * file). */
	while (c->len < 4 && !c->eof)
		if ((rc = refill(c)) < 0)
			goto fail;
	if (xlsx_is_zip((const unsigned char *)c->buf, c->len)) {
		if (open_book(c, file, sel) < 0)
			goto fail;
	} else {
		if (refuse_binary(c, sel) < 0)
			goto fail;
		if (c->len >= 3 && memcmp(c->buf, "\xEF\xBB\xBF", 3) == 0)
			c->pos = 3;
		if ((rc = detect_separator(c)) < 0)
			goto fail;
	}
	free(file);
	file = NULL;
	if (!(c->source = strdup(path))) {
		snprintf(c->error, sizeof c->error, "out of memory");
		goto fail;
	}
	rc = csv_read_record(c);
	if (rc < 0)
		goto fail;
	if (rc == 0) {
		snprintf(c->error, sizeof c->error, "empty file: no header line");
		goto fail;
	}
	/* The header's repairs are named with line 1, but it is not a record:
	 * it counts in neither records nor noted. */
	note_repairs(c);
	c->header_line = c->rec_line;
	c->stats.noted = 0;
	c->rec_flags = 0;
	c->header = malloc((size_t)c->n_fields * sizeof *c->header);
	if (!c->header) {
		snprintf(c->error, sizeof c->error, "out of memory");
		goto fail;
	}
	for (int i = 0; i < c->n_fields; i++) {
		if (!(c->header[i] = strdup(csv_field(c, i)))) {
			snprintf(c->error, sizeof c->error, "out of memory");
			goto fail;
		}
		c->n_header++;
		if (c->header[i][0])
			c->n_named = i + 1;
	}
	c->n_fields = 0;
	return c;
fail:
	snprintf(err, errlen, "%s", c->error);
	free(file);
	csv_stats_free(csv_close(c));
	return NULL;
}

int csv_restrict(csv_reader *c, const csv_range *r, char *err, size_t errlen)
{
	if (lseek(c->fd, (off_t)r->start, SEEK_SET) < 0) {
		snprintf(err, errlen, "cannot seek to byte %lld: %s", r->start, strerror(errno));
		return PK2D_ERR_IO;
	}
	c->ranged = 1;
	c->range = *r;
	c->left = (off_t)(r->end - r->start);
	c->base = (off_t)r->start;
	c->pos = c->len = 0;
	c->buf[0] = '\0';
	c->eof = 0;
	c->scan_at = 0;
	c->mask_blk = c->sep_blk = SIZE_MAX;
	c->line = r->line;
	return 0;
}

/* Whether header h equals the n bytes of name, ASCII case ignored. */
static int header_is(const char *h, const char *name, size_t n)
{
	return strlen(h) == n && strncasecmp(h, name, n) == 0;
}

/* Skips a UTF-8 BOM and blanks in front of name; *n its trimmed length. */
static const char *trim_name(const char *name, size_t *n)
{
	if (strncmp(name, "\xEF\xBB\xBF", 3) == 0)
		name += 3;
	while (*name == ' ' || *name == '\t')
		name++;
	*n = strlen(name);
	while (*n > 0 && (name[*n - 1] == ' ' || name[*n - 1] == '\t' || name[*n - 1] == '\r'))
		(*n)--;
	return name;
}

/* Compares a header with a name, ASCII case and surrounding blanks (and a
 * UTF-8 BOM in front of the name) ignored. A name several headers carry is
 * ambiguous unless "#N" follows it. */
int csv_column(const csv_reader *c, const char *name)
{
	size_t n, base;
	int found = -1, nth = 0, want = 0;

	name = trim_name(name, &n);
	for (int i = 0; i < c->n_header; i++) {
		if (!header_is(c->header[i], name, n))
			continue;
		if (found >= 0)
			return CSV_AMBIGUOUS;
		found = i;
	}
	if (found >= 0)
		return found;
	/* "Berat#2": the second of the headers called "Berat". */
	base = n;
	while (base > 0 && name[base - 1] >= '0' && name[base - 1] <= '9')
		base--;
	if (base == n || base < 2 || name[base - 1] != '#' || n - base > 4)
		return -1;
	for (size_t i = base; i < n; i++)
		want = want * 10 + (name[i] - '0');
	for (int i = 0; i < c->n_header; i++)
		if (header_is(c->header[i], name, base - 1) && ++nth == want)
			return i;
	return -1;
}

void csv_ambiguous(const csv_reader *c, const char *name, char *buf, size_t len)
{
	size_t n, w;
	int nth = 0;

	name = trim_name(name, &n);
	w = (size_t)snprintf(buf, len, "column '%.*s' appears more than once (columns", (int)n, name);
	for (int i = 0; i < c->n_header && w < len; i++)
		if (header_is(c->header[i], name, n))
			w += (size_t)snprintf(buf + w, len - w, "%s %d", nth++ ? "," : "", i + 1);
	if (w < len)
		snprintf(buf + w, len - w, "): name the one to use with its column key, "
		         "e.g. column.FIELD = %.*s#2 for the second", (int)n, name);
}

int csv_add_column(csv_reader *c, const char *header)
{
	char **h = realloc(c->header, (size_t)(c->n_header + 1) * sizeof *h);

	if (!h)
		return -1;
	c->header = h;
	if (!(h[c->n_header] = strdup(header)))
		return -1;
	c->n_header++;
	return 0;
}

int csv_header_count(const csv_reader *c)
{
	return c->n_header;
}

const char *csv_header(const csv_reader *c, int i)
{
	return i >= 0 && i < c->n_header ? c->header[i] : "";
}

/* Name of a separator for messages. */
static const char *separator_name(char sep)
{
	return sep == '\t' ? "tab" : sep == ';' ? "';'" : "','";
}

/* Whether the current record fits the header: as many fields, or fewer
 * when the missing ones have no header name, or more when the extra ones
 * are empty (Excel writes both). Otherwise the record is rejected with the
 * reason, and 0 returned. */
static int record_fits(csv_reader *c)
{
	int n = c->n_fields;

	if (n < c->n_named) {
		static const char seps[] = { ';', ',', '\t' };
		if (n == 1)
			for (size_t i = 0; i < sizeof seps; i++)
				if (seps[i] != c->sep && strchr(c->fields[0], seps[i])) {
					csv_reject(c, "other separator: the line is one field with %s in "
					           "it, the header is separated by %s",
					           separator_name(seps[i]), separator_name(c->sep));
					return 0;
				}
		csv_reject(c, "too few fields: %d where the header has %d", n, c->n_named);
		return 0;
	}
	/* A made column moved the fields past the file's header one on. */
	for (int k = c->n_header; k < n; k++)
		if (c->fields[k][0]) {
			csv_reject(c, "too many fields: field %d holds '%.40s' where the header has %d",
			           k + 1 - c->made_column, c->fields[k], csv_file_columns(c));
			return 0;
		}
	if (n > c->n_header)
		c->n_fields = c->n_header;
	return 1;
}

/* Counts the current record's text repairs as notes, with its line. */
static void note_repairs(csv_reader *c)
{
	if (c->rec_fixed & UTF8_FIXED_ENCODING)
		csv_note(c, "text not in UTF-8: read as Windows-1252");
	if (c->rec_fixed & UTF8_FIXED_CONTROL)
		csv_note(c, "control character in text: replaced by U+FFFD");
}

/* What the workbook reader saw in the current row's cells: 0 when the row
 * is rejected (a number Excel cut to 15 digits), 1 otherwise. */
static int check_cells(csv_reader *c)
{
	char col[4];

	if (c->rec_cells & XLSX_ROW_LONG) {
		xlsx_colname(XLSX_ROW_LONG_COL(c->rec_cells), col);
		csv_reject(c, "corrupted identifier: cell %s%ld holds a number of 16 digits or more, "
		           "whose last digits Excel has lost (it keeps 15); store NIK and KK numbers "
		           "as text", col, c->rec_line);
		return 0;
	}
	if (c->rec_cells & XLSX_ROW_ZEROS) {
		xlsx_colname(XLSX_ROW_ZEROS_COL(c->rec_cells), col);
		csv_note(c, "code without its leading zeros: cell %s%ld holds a number where the "
		         "column holds codes starting with 0; store codes as text", col, c->rec_line);
	}
	return 1;
}

int csv_next(csv_reader *c, char *err, size_t errlen)
{
	int rc;

	for (;;) {
		c->rec_flags = 0;
		c->started = 1;
		c->n_fields = 0;
		if (c->failed) {
			snprintf(err, errlen, "%s", c->error);
			return c->failed;
		}
		rc = c->group ? csv_group_next(c) : csv_read_record(c);
		if (rc < 0) {
			c->failed = rc;
			c->n_fields = 0;
			snprintf(err, errlen, "%s", c->error);
			return rc;
		}
		if (rc == 0)
			return 0;
		c->stats.records++;
		if (c->on_read && c->stats.records % CSV_HOOK_ROWS == 0)
			c->on_read(c->on_read_arg, c->bytes_read, c->size, c->eof);
		note_repairs(c);
		if (c->rec_cells && !check_cells(c))
			continue;
		if ((c->n_fields == c->n_header || record_fits(c)) &&
		    (!c->areas || csv_area_check(c)))
			return 1;
	}
}

void csv_fail(csv_reader *c, int err, const char *why)
{
	snprintf(c->error, sizeof c->error, "%s", why);
	c->failed = err;
}

int csv_count(const csv_reader *c)
{
	return c->n_fields;
}

const char *csv_field(const csv_reader *c, int col)
{
	if (col < 0 || col >= c->n_fields)
		return "";
	return c->fields[col];
}

void csv_fields_of(const csv_reader *c, const int *cols, int n, const char **out)
{
	/* Locals: the stores through out could otherwise alias them. Two
	 * fields a step: a plugin asks for dozens. */
	char *const *fields = c->fields;
	unsigned n_fields = (unsigned)c->n_fields;
	int i = 0;

	for (; i + 2 <= n; i += 2) {
		unsigned a = (unsigned)cols[i], b = (unsigned)cols[i + 1];
		out[i] = a < n_fields ? fields[a] : "";
		out[i + 1] = b < n_fields ? fields[b] : "";
	}
	if (i < n)
		out[i] = (unsigned)cols[i] < n_fields ? fields[cols[i]] : "";
}

int csv_number(const csv_reader *c, int col, double *out)
{
	return parse_number(csv_field(c, col), out);
}

int csv_date(const csv_reader *c, int col, long *days)
{
	return parse_date(csv_field(c, col), days);
}

long csv_line(const csv_reader *c)
{
	return c->rec_line;
}

long csv_header_line(const csv_reader *c)
{
	return c->header_line;
}

const char *csv_path(const csv_reader *c)
{
	return c->book ? xlsx_where(c->book, c->rec_sheet) : c->stats.path;
}

char csv_separator(const csv_reader *c)
{
	return c->sep;
}

/* Finds or adds the problem of this kind; NULL when out of memory. */
static csv_problem *problem_for(csv_reader *c, const char *kind, size_t kind_len, int rejected,
                                long **last)
{
	csv_stats *s = &c->stats;
	csv_problem *p;

	for (size_t i = 0; i < s->n_problems; i++) {
		p = &s->problems[i];
		if (p->rejected == rejected && strlen(p->kind) == kind_len &&
		    memcmp(p->kind, kind, kind_len) == 0) {
			*last = &c->prob_last[i];
			return p;
		}
	}
	if (s->n_problems == c->cap_problems) {
		size_t ncap = c->cap_problems ? c->cap_problems * 2 : 8;
		csv_problem *np = realloc(s->problems, ncap * sizeof *np);
		if (!np)
			return NULL;
		s->problems = np;
		long *nl = realloc(c->prob_last, ncap * sizeof *nl);
		if (!nl)
			return NULL;
		c->prob_last = nl;
		c->cap_problems = ncap;
	}
	p = &s->problems[s->n_problems];
	memset(p, 0, sizeof *p);
	if (!(p->kind = strndup(kind, kind_len)))
		return NULL;
	p->rejected = rejected;
	c->prob_last[s->n_problems] = -1;
	*last = &c->prob_last[s->n_problems];
	s->n_problems++;
	return p;
}

/* The year of a date or DHIS2 period written in t (up to len bytes): the
 * first run of 4 digits, or the first 4 of a run of 6 ("202306"). */
static int year_of(const char *t, size_t len, char out[5])
{
	size_t i = 0;

	while (i < len) {
		size_t j = i;

		while (j < len && t[j] >= '0' && t[j] <= '9')
			j++;
		if (j - i == 4 || j - i == 6) {
			memcpy(out, t + i, 4);
			out[4] = '\0';
			return 0;
		}
		i = j > i ? j : i + 1;
	}
	return -1;
}

/* Counts the row under its value for the kinds that keep one (csv_problem.
 * seen): the word after the colon, quotes removed. */
static void note_seen(csv_problem *p, const char *colon)
{
	char year[5], *v;
	const char *w;
	size_t len;
	int i, period;

	if (!colon)
		return;
	period = strcmp(p->kind, "outside period") == 0;
	if (!period && strcmp(p->kind, "outside area") != 0)
		return;
	for (w = colon + 1; *w == ' ' || *w == '\'' || *w == '"'; w++)
		;
	len = strcspn(w, " '\",;");
	if (len == 0 || len > 32 || (period && year_of(w, len, year) < 0))
		return;
	if (period) {
		w = year;
		len = 4;
	}
	for (i = 0; i < p->n_seen; i++)
		if (strlen(p->seen[i]) == len && memcmp(p->seen[i], w, len) == 0) {
			p->seen_count[i]++;
			return;
		}
	if (p->n_seen == CSV_SEEN || !(v = strndup(w, len)))
		return;
	p->seen[p->n_seen] = v;
	p->seen_count[p->n_seen++] = 1;
}

static void record_problem(csv_reader *c, int rejected, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));

static void record_problem(csv_reader *c, int rejected, const char *fmt, va_list ap)
{
	char *text;
	const char *colon;
	size_t kind_len;
	csv_problem *p;
	long *last;
	int fixed;

	if (vasprintf(&text, fmt, ap) < 0)
		return;
	/* Reasons are shown in reports; the fields they quote are clean, but
	 * a plugin may quote text of its own. */
	char *clean = utf8_clean_dup(text, &fixed);
	if (clean) {
		free(text);
		text = clean;
	}
	/* Reports, logs and the store show it: no identifier in it. */
	char *masked = redact_reason(text);
	if (masked) {
		free(text);
		text = masked;
	}
	/* A row on a workbook's continuation sheet: the reports name the
	 * table's first sheet, so its own is said. */
	if (c->book && c->rec_sheet > 0) {
		char *on;
		if (asprintf(&on, "%s (sheet '%s')", text, xlsx_sheet(c->book, c->rec_sheet)) >= 0) {
			free(text);
			text = on;
		}
	}
	colon = strchr(text, ':');
	kind_len = colon ? (size_t)(colon - text) : strlen(text);
	while (kind_len > 0 && text[kind_len - 1] == ' ')
		kind_len--;
	p = problem_for(c, text, kind_len, rejected, &last);
	if (!p) {
		free(text);
		return;
	}
	/* Rows are counted once per kind, however often a plugin names it. */
	if (*last != c->stats.records) {
		*last = c->stats.records;
		p->count++;
		note_seen(p, colon);
		if (p->n_examples < CSV_EXAMPLES) {
			p->example_line[p->n_examples] = c->rec_line;
			p->example_text[p->n_examples++] = text;
			text = NULL;
		}
	}
	free(text);
	if (rejected && !(c->rec_flags & REC_REJECTED)) {
		c->stats.rejected++;
		if (c->rec_flags & REC_NOTED)
			c->stats.noted--;
		c->rec_flags |= REC_REJECTED;
	} else if (!rejected && !(c->rec_flags & (REC_NOTED | REC_REJECTED))) {
		c->stats.noted++;
		c->rec_flags |= REC_NOTED;
	}
}

void csv_vreject(csv_reader *c, const char *fmt, va_list ap)
{
	record_problem(c, 1, fmt, ap);
}

void csv_reject(csv_reader *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	record_problem(c, 1, fmt, ap);
	va_end(ap);
}

void csv_vnote(csv_reader *c, const char *fmt, va_list ap)
{
	record_problem(c, 0, fmt, ap);
}

void csv_note(csv_reader *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	record_problem(c, 0, fmt, ap);
	va_end(ap);
}

void csv_on_read(csv_reader *c, csv_read_hook fn, void *arg)
{
	c->on_read = fn;
	c->on_read_arg = arg;
	if (fn)
		fn(arg, c->bytes_read, c->size, c->eof);
}

const csv_stats *csv_get_stats(const csv_reader *c)
{
	return &c->stats;
}

csv_stats *csv_close(csv_reader *c)
{
	csv_stats *s;

	if (!c)
		return NULL;
	s = malloc(sizeof *s);
	if (s)
		*s = c->stats;
	else
		stats_clear(&c->stats);
	reader_free(c);
	return s;
}

static void stats_clear(csv_stats *s)
{
	for (size_t i = 0; i < s->n_problems; i++) {
		free(s->problems[i].kind);
		for (int j = 0; j < s->problems[i].n_examples; j++)
			free(s->problems[i].example_text[j]);
		for (int j = 0; j < s->problems[i].n_seen; j++)
			free(s->problems[i].seen[j]);
	}
	free(s->problems);
	free(s->path);
}

void csv_stats_free(csv_stats *s)
{
	if (!s)
		return;
	stats_clear(s);
	free(s);
}
