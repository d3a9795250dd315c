/*
 * csv_group.c - a file's records handed out grouped by one column (csv_group,
 * api->csv_group), with copies of one identifier decided without regard to
 * their order.
 *
 * A file known to be grouped (one value's records form one block: a part
 * cut by csv_split at that column, or a file csv_group() read once more for
 * that column alone, csv_find_starts) is read in file order. When there is
 * an identifier, each group's records are held where the reader finished
 * them, in its buffer (pinned there, c->pin) with their field arrays, until
 * the next group's first record is read; a group where an identifier (by
 * its hash) came twice is copied and its copies decided before any is
 * handed out, any other is handed out as it lies. Otherwise (and a
 * workbook, whose XML is dear to parse twice and whose cells are not kept
 * in a buffer) every record is written, finished, to one temporary file,
 * into one of up to CSV_GROUP_MAX_PARTS partitions by a hash of its group
 * value; each partition is then read back whole, sorted by the group value
 * (file order within a value) and handed out group by group, its copies
 * decided. The temporary file is unlinked as soon as it is made, so it goes
 * with the process however that ends; memory is one partition (the file's
 * size over the number of partitions) and the partitions' write buffers,
 * or one group read in file order.
 *
 * Within a group, records whose identifier columns are all equal (and the
 * first of them not empty) are copies of one identifier. When every copy
 * holds the same text in every field, the first in the group's order is
 * handed out and the others are rejected as repeated rows; otherwise every
 * copy is rejected as a duplicate with other contents. The messages give
 * the other copy's line, never the identifier (it is personal data). A
 * workbook's row with a number Excel cut to 15 digits (XLSX_ROW_LONG) takes
 * no part: it is handed out to be rejected as a corrupted identifier, and
 * makes no other row a copy.
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

#include "pk2d/plugin.h"
#include "csv.h"
#include "csv_priv.h"
#include "tempfile.h"
#include "util.h"
#include "xlsx.h"

#define CSV_GROUP_MAX_PARTS 256

/* Partition size and write-buffer size; csv_group_tune() changes them for
 * tests. */
static size_t part_bytes = (size_t)16 << 20;
static size_t chunk_bytes = (size_t)64 << 10;

/* A record as kept in memory and in the temporary file: this head, the
 * offset of each field, then the record's bytes (every field NUL-ended
 * inside them), padded to 8 bytes. */
typedef struct rec_head {
	int64_t line;
	uint32_t n_fields;
	uint32_t n_bytes;
	uint32_t fixed;         /* the reader's rec_fixed (UTF-8 repairs noted), and
	                           its rec_sheet shifted by 8 */
	uint32_t cells;         /* the reader's rec_cells */
} rec_head;

typedef struct bytes {
	char *p;
	size_t len, cap;
} bytes;

/* Where a partition's data went in the temporary file. */
typedef struct chunk {
	off_t at;
	size_t len;
} chunk;

typedef struct part {
	bytes pending;          /* not written yet */
	chunk *chunks;
	size_t n_chunks, cap_chunks;
	size_t total;
} part;

/* A record of a loaded partition, for the sort. */
typedef struct sorted {
	const char *key;
	size_t at;              /* offset in the partition: file order */
} sorted;

enum fate { USE = 0, REPEATED, CONFLICT };

/* A record of the current group held where the reader finished it (reading
 * in file order), or, once handed out, a spare field array. */
typedef struct held {
	char **fields;          /* cap entries, n_fields of them the record's */
	int n_fields, cap;
	long line;
	int fixed;              /* the reader's rec_fixed */
	long long at;           /* the file offset where it starts */
	char *fix;              /* the reader's repair buffer it points into */
	char *code;             /* its made area code (csv_area_hold) */
} held;

/* A set of 64-bit hashes (0 stored as 1) that empties by its used list. */
typedef struct hashset {
	uint64_t *slot;
	size_t *used;
	size_t n, cap;
} hashset;

struct csv_group {
	int col;                /* -1: the whole file is one group */
	int ids[CSV_GROUP_MAX_IDS];
	int n_ids;
	/* The current group, handed out from at. */
	const char **grp;
	size_t n_grp, at, cap_grp;
	unsigned char *fate;
	long *other;            /* the line each rejection names */
	uint32_t *first, *second; /* per record: its identifier's first and
	                             second copy in the group */
	uint32_t *slot;         /* identifier hash table (UINT32_MAX: empty) */
	size_t cap_slot;
	/* Reading in file order: the group in held[0..n_group), handed out
	 * from out, and the next group's first record after it when read. */
	held *held;
	size_t n_held, cap_held, n_group, out;
	hashset seen_ids;       /* the group's identifiers, by hash */
	bytes data;             /* a group whose identifiers repeat, copied */
	int read_rc;            /* the reading's error met after the group */
	/* Reading partitions. */
	int partitioned;
	int fd;
	part *parts;
	size_t n_parts, next_part;
	off_t file_end;
	char *pbuf;
	sorted *order;
	size_t n_order, order_at, cap_order;
};

void csv_group_tune(size_t partition, size_t chunk_size)
{
	part_bytes = partition;
	chunk_bytes = chunk_size;
}

static size_t align8(size_t n)
{
	return (n + 7) & ~(size_t)7;
}

static size_t rec_size(const char *r)
{
	const rec_head *h = (const rec_head *)(const void *)r;

	return align8(sizeof *h + 4 * (size_t)h->n_fields + h->n_bytes);
}

static long rec_line(const char *r)
{
	return (long)((const rec_head *)(const void *)r)->line;
}

static const char *rec_field(const char *r, int k)
{
	const rec_head *h = (const rec_head *)(const void *)r;
	const uint32_t *off = (const uint32_t *)(const void *)(r + sizeof *h);

	if (k < 0 || (uint32_t)k >= h->n_fields)
		return "";
	return r + sizeof *h + 4 * (size_t)h->n_fields + off[k];
}

static int reserve(bytes *b, size_t more)
{
	size_t cap = b->cap ? b->cap : 4096;
	char *p;

	if (b->len + more <= b->cap)
		return 0;
	while (cap < b->len + more)
		cap *= 2;
	if (!(p = realloc(b->p, cap)))
		return PK2D_ERR_NOMEM;
	b->p = p;
	b->cap = cap;
	return 0;
}

/* Appends a record (head: its line, n_fields, fixed and cells) whose fields
 * are fields: its nb bytes as they lie from base, every field among them;
 * field by field when base is NULL. */
static int append_fields(bytes *b, rec_head head, char *const *fields, const char *base,
                         size_t nb)
{
	uint32_t n = head.n_fields;
	size_t size;
	char *r, *text;
	uint32_t *off;

	if (!base)
		for (uint32_t k = 0; k < n; k++)
			nb += strlen(fields[k]) + 1;
	size = align8(sizeof head + 4 * (size_t)n + nb);
	if (reserve(b, size) < 0)
		return PK2D_ERR_NOMEM;
	head.n_bytes = (uint32_t)nb;
	r = b->p + b->len;
	memcpy(r, &head, sizeof head);
	off = (uint32_t *)(void *)(r + sizeof head);
	text = r + sizeof head + 4 * (size_t)n;
	if (!base) {
		size_t at = 0;
		for (uint32_t k = 0; k < n; k++) {
			size_t len = strlen(fields[k]) + 1;
			off[k] = (uint32_t)at;
			memcpy(text + at, fields[k], len);
			at += len;
		}
	} else {
		for (uint32_t k = 0; k < n; k++)
			off[k] = (uint32_t)(fields[k] - base);
		memcpy(text, base, nb);
	}
	memset(text + nb, 0, size - (sizeof head + 4 * (size_t)n + nb));
	b->len += size;
	return 0;
}

/* Appends the reader's current (finished) record: its bytes as they are
 * in the reader's buffer, or field by field when some were repaired into
 * another buffer (text not in UTF-8). */
static int append_record(bytes *b, const csv_reader *c)
{
	uint32_t n = (uint32_t)c->n_fields;
	rec_head h = { .line = c->rec_line, .n_fields = n,
		       .fixed = (uint32_t)c->rec_fixed | (uint32_t)c->rec_sheet << 8,
		       .cells = c->rec_cells };
	/* A workbook's fields are in its row buffer, not the reader's; a made
	 * area code in the reader's own. */
	int apart = c->rec_fixed || c->book || c->made_column;

	return append_fields(b, h, c->fields, apart ? NULL : c->buf + c->rec_pos,
	                     apart || !n ? 0 : c->ends[n - 1] + 1);
}

/* ---- is the file grouped already? ------------------------------------- */

void csv_strset_free(csv_strset *s)
{
	for (size_t i = 0; i < s->cap; i++)
		free(s->slot[i]);
	free(s->slot);
}

int csv_strset_seen(csv_strset *s, const char *key)
{
	size_t j;

	if ((s->n + 1) * 2 > s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 256;
		char **t = calloc(cap, sizeof *t);

		if (!t)
			return PK2D_ERR_NOMEM;
		for (size_t i = 0; i < s->cap; i++) {
			if (!s->slot[i])
				continue;
			for (j = str_hash(14695981039346656037ULL, s->slot[i]) & (cap - 1); t[j];
			     j = (j + 1) & (cap - 1))
				;
			t[j] = s->slot[i];
		}
		free(s->slot);
		s->slot = t;
		s->cap = cap;
	}
	for (j = str_hash(14695981039346656037ULL, key) & (s->cap - 1); s->slot[j];
	     j = (j + 1) & (s->cap - 1))
		if (strcmp(s->slot[j], key) == 0)
			return 1;
	if (!(s->slot[j] = strdup(key)))
		return PK2D_ERR_NOMEM;
	s->n++;
	return 0;
}

/* 1 when h was in the set; 0 after adding it; <0 out of memory. */
static int hashset_seen(hashset *s, uint64_t h)
{
	size_t j;

	h += !h;
	if ((s->n + 1) * 2 > s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 256;
		uint64_t *t = calloc(cap, sizeof *t);
		size_t *u = malloc(cap * sizeof *u);

		if (!t || !u) {
			free(t);
			free(u);
			return PK2D_ERR_NOMEM;
		}
		for (size_t i = 0; i < s->n; i++) {
			uint64_t v = s->slot[s->used[i]];
			for (j = v & (cap - 1); t[j]; j = (j + 1) & (cap - 1))
				;
			t[j] = v;
			u[i] = j;
		}
		free(s->slot);
		free(s->used);
		s->slot = t;
		s->used = u;
		s->cap = cap;
	}
	for (j = h & (s->cap - 1); s->slot[j]; j = (j + 1) & (s->cap - 1))
		if (s->slot[j] == h)
			return 1;
	s->slot[j] = h;
	s->used[s->n++] = j;
	return 0;
}

static void hashset_clear(hashset *s)
{
	for (size_t i = 0; i < s->n; i++)
		s->slot[s->used[i]] = 0;
	s->n = 0;
}

static void hashset_free(hashset *s)
{
	free(s->slot);
	free(s->used);
}

/* *grouped: whether every value of the group column forms one block, read
 * by another reader of the same file (or part of it). A file the check
 * cannot read is left to the reading in file order, which meets the same
 * error. 0 or PK2D_ERR_NOMEM. */
static int check_grouped(const csv_reader *c, const struct csv_group *g, int *grouped)
{
	char err[160];
	csv_reader *k = csv_open(c->source, err, sizeof err);
	size_t none;
	int rc;

	*grouped = 1;
	if (!k)
		return 0;
	/* The group column may be one made from area names. */
	if (csv_area_same(k, c) < 0) {
		csv_stats_free(csv_close(k));
		return PK2D_ERR_NOMEM;
	}
	/* A part of the file (csv_restrict) is checked alone. */
	if (c->ranged && csv_restrict(k, &c->range, err, sizeof err) < 0) {
		csv_stats_free(csv_close(k));
		return 0;
	}
	rc = csv_find_starts(k, g->col, NULL, 0, NULL, &none, grouped, NULL, NULL);
	csv_stats_free(csv_close(k));
	return rc == PK2D_ERR_NOMEM ? rc : 0;
}

/* ---- partitions --------------------------------------------------------- */

/* Writes (writing non-zero) or reads len bytes at offset at, however many
 * calls that takes: 0, or PK2D_ERR_IO with errno set (0 at end of file). */
static int transfer(int fd, char *p, size_t len, off_t at, int writing)
{
	while (len > 0) {
		ssize_t n = writing ? pwrite(fd, p, len, at) : pread(fd, p, len, at);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return PK2D_ERR_IO;
		p += n;
		len -= (size_t)n;
		at += n;
	}
	return 0;
}

/* Writes a partition's pending records to the end of the temporary file. */
static int flush_part(struct csv_group *g, part *p, csv_reader *c)
{
	if (p->pending.len == 0)
		return 0;
	if (p->n_chunks == p->cap_chunks) {
		size_t cap = p->cap_chunks ? p->cap_chunks * 2 : 16;
		chunk *nc = realloc(p->chunks, cap * sizeof *nc);

		if (!nc)
			return PK2D_ERR_NOMEM;
		p->chunks = nc;
		p->cap_chunks = cap;
	}
	errno = 0;
	if (transfer(g->fd, p->pending.p, p->pending.len, g->file_end, 1) < 0) {
		snprintf(c->error, sizeof c->error, "temporary file: write error: %s",
		         strerror(errno ? errno : ENOSPC));
		return PK2D_ERR_IO;
	}
	p->chunks[p->n_chunks++] = (chunk){ g->file_end, p->pending.len };
	p->total += p->pending.len;
	g->file_end += (off_t)p->pending.len;
	p->pending.len = 0;
	return 0;
}

/* An unlinked temporary file: -1 with c->error set. */
static int temp_file(csv_reader *c)
{
	const char *dir;
	int fd = tempfile_anonymous("group", &dir);

	if (fd < 0)
		snprintf(c->error, sizeof c->error, "cannot make a temporary file in %.100s: %s",
		         dir, strerror(errno));
	return fd;
}

/* Reads the rest of the file into the partitions. */
static int partition(csv_reader *c, struct csv_group *g)
{
	struct stat st;
	size_t size = fstat(c->fd, &st) == 0 && st.st_size > 0 ? (size_t)st.st_size : 0;
	int rc;

	g->n_parts = size / part_bytes + 1;
	if (g->n_parts > CSV_GROUP_MAX_PARTS)
		g->n_parts = CSV_GROUP_MAX_PARTS;
	if (!(g->parts = calloc(g->n_parts, sizeof *g->parts))) {
		snprintf(c->error, sizeof c->error, "out of memory");
		return PK2D_ERR_NOMEM;
	}
	if ((g->fd = temp_file(c)) < 0)
		return PK2D_ERR_IO;
	g->partitioned = 1;
	while ((rc = csv_read_record(c)) == 1) {
		const char *key = g->col >= 0 && g->col < c->n_fields ? c->fields[g->col] : "";
		part *p = &g->parts[str_hash(14695981039346656037ULL, key) % g->n_parts];

		if (append_record(&p->pending, c) < 0)
			rc = PK2D_ERR_NOMEM;
		else if (p->pending.len >= chunk_bytes)
			rc = flush_part(g, p, c);
		if (rc < 0)
			break;
	}
	for (size_t i = 0; rc == 0 && i < g->n_parts; i++) {
		rc = flush_part(g, &g->parts[i], c);
		free(g->parts[i].pending.p);
		g->parts[i].pending = (bytes){ 0 };
	}
	if (rc == PK2D_ERR_NOMEM)
		snprintf(c->error, sizeof c->error, "out of memory");
	return rc;
}

static int by_key(const void *a, const void *b)
{
	const sorted *x = a, *y = b;
	int d = strcmp(x->key, y->key);

	return d ? d : (x->at > y->at) - (x->at < y->at);
}

/* Loads the next partition that holds records and sorts them: 1, 0 when
 * none is left, <0 with c->error set. */
static int load_part(csv_reader *c, struct csv_group *g)
{
	while (g->next_part < g->n_parts) {
		part *p = &g->parts[g->next_part++];
		size_t at = 0, n = 0;
		char *buf;

		if (p->total == 0)
			continue;
		if (!(buf = realloc(g->pbuf, p->total))) {
			snprintf(c->error, sizeof c->error, "out of memory");
			return PK2D_ERR_NOMEM;
		}
		g->pbuf = buf;
		for (size_t i = 0; i < p->n_chunks; i++) {
			errno = 0;
			if (transfer(g->fd, buf + at, p->chunks[i].len, p->chunks[i].at, 0) < 0) {
				snprintf(c->error, sizeof c->error, "temporary file: read error: %s",
				         strerror(errno ? errno : EIO));
				return PK2D_ERR_IO;
			}
			at += p->chunks[i].len;
		}
		free(p->chunks);
		p->chunks = NULL;
		for (at = 0; at < p->total; at += rec_size(buf + at))
			n++;
		if (n > g->cap_order) {
			sorted *o = realloc(g->order, n * sizeof *o);

			if (!o) {
				snprintf(c->error, sizeof c->error, "out of memory");
				return PK2D_ERR_NOMEM;
			}
			g->order = o;
			g->cap_order = n;
		}
		n = 0;
		for (at = 0; at < p->total; at += rec_size(buf + at))
			g->order[n++] = (sorted){ rec_field(buf + at, g->col), at };
		qsort(g->order, n, sizeof *g->order, by_key);
		g->n_order = n;
		g->order_at = 0;
		return 1;
	}
	return 0;
}

/* ---- the current group -------------------------------------------------- */

static int reserve_group(struct csv_group *g, size_t n)
{
	size_t cap = g->cap_grp ? g->cap_grp : 256;

	if (n <= g->cap_grp)
		return 0;
	while (cap < n)
		cap *= 2;
	const char **grp = realloc(g->grp, cap * sizeof *grp);
	if (grp)
		g->grp = grp;
	unsigned char *fate = grp ? realloc(g->fate, cap) : NULL;
	if (fate)
		g->fate = fate;
	long *other = fate ? realloc(g->other, cap * sizeof *other) : NULL;
	if (other)
		g->other = other;
	uint32_t *first = other ? realloc(g->first, cap * sizeof *first) : NULL;
	if (first)
		g->first = first;
	uint32_t *second = first ? realloc(g->second, cap * sizeof *second) : NULL;
	if (!second)
		return PK2D_ERR_NOMEM;
	g->second = second;
	g->cap_grp = cap;
	return 0;
}

/* The next group of a partitioned file into g->grp: 1, 0, <0. */
static int next_part_group(csv_reader *c, struct csv_group *g)
{
	size_t end;
	int rc;

	if (g->order_at == g->n_order && (rc = load_part(c, g)) <= 0)
		return rc;
	for (end = g->order_at + 1;
	     end < g->n_order && strcmp(g->order[end].key, g->order[g->order_at].key) == 0; end++)
		;
	if (reserve_group(g, end - g->order_at) < 0) {
		snprintf(c->error, sizeof c->error, "out of memory");
		return PK2D_ERR_NOMEM;
	}
	g->n_grp = 0;
	for (; g->order_at < end; g->order_at++)
		g->grp[g->n_grp++] = g->pbuf + g->order[g->order_at].at;
	return 1;
}

/* ---- a group read in file order ----------------------------------------- */

/* Gives a held record's field array (cap of them) to the reader, taking
 * the reader's in its place: field arrays go round, none is copied. */
static void swap_fields(csv_reader *c, held *h)
{
	char **f = c->fields;
	int cap = c->cap_fields;

	/* The reader's cap_fields also bounds its field ends: never raised
	 * here (an array may be bigger than its cap says). */
	c->fields = h->fields;
	c->cap_fields = h->cap < cap ? h->cap : cap;
	h->fields = f;
	h->cap = cap;
}

/* Holds the reader's current record as the group's next: 0, or
 * PK2D_ERR_NOMEM with c->error set. */
static int hold(csv_reader *c, struct csv_group *g)
{
	held *h;

	if (g->n_held == g->cap_held) {
		size_t cap = g->cap_held ? g->cap_held * 2 : 256;
		held *nh = realloc(g->held, cap * sizeof *nh);

		if (!nh)
			goto nomem;
		memset(nh + g->cap_held, 0, (cap - g->cap_held) * sizeof *nh);
		g->held = nh;
		g->cap_held = cap;
	}
	h = &g->held[g->n_held];
	/* The reader scans into an array of at least its cap_fields. */
	if (h->cap < c->cap_fields) {
		char **f = realloc(h->fields, (size_t)c->cap_fields * sizeof *f);

		if (!f)
			goto nomem;
		h->fields = f;
		h->cap = c->cap_fields;
	}
	swap_fields(c, h);
	h->n_fields = c->n_fields;
	h->line = c->rec_line;
	h->fixed = c->rec_fixed;
	h->at = (long long)c->base + (long long)c->rec_pos;
	/* Its repaired fields stay in the buffer they were repaired into. */
	h->fix = c->fix;
	c->fix = NULL;
	c->fix_cap = 0;
	if (c->made_column && csv_area_hold(c, h->fields, h->n_fields, &h->code) < 0)
		goto nomem;
	g->n_held++;
	return 0;
nomem:
	snprintf(c->error, sizeof c->error, "line %ld: out of memory", c->rec_line);
	return PK2D_ERR_NOMEM;
}

void csv_group_moved(struct csv_group *g, uintptr_t lo, uintptr_t hi, char *to)
{
	for (size_t i = 0; i < g->n_held; i++) {
		char **f = g->held[i].fields;

		for (int k = 0; k < g->held[i].n_fields; k++)
			if ((uintptr_t)f[k] - lo <= hi - lo)
				f[k] = to + ((uintptr_t)f[k] - lo);
	}
}

static const char *held_key(const struct csv_group *g, const held *h)
{
	return g->col >= 0 && g->col < h->n_fields ? h->fields[g->col] : "";
}

/* 1 when the identifier of h came in its group before (by its hash), 0
 * when not or it has none, <0 out of memory. */
static int id_seen(struct csv_group *g, const held *h)
{
	uint64_t hash = 14695981039346656037ULL;

	if (g->ids[0] >= h->n_fields || !*h->fields[g->ids[0]])
		return 0;
	for (int i = 0; i < g->n_ids; i++)
		hash = str_hash(hash, g->ids[i] < h->n_fields ? h->fields[g->ids[i]] : "") * 31 + 1;
	return hashset_seen(&g->seen_ids, hash);
}

static int decide(struct csv_group *g);

/* Copies the held group, whose identifiers repeat, into g->grp, and decides
 * the copies: 0, or PK2D_ERR_NOMEM. */
static int copy_group(struct csv_group *g)
{
	size_t n = g->n_group;

	g->data.len = 0;
	for (size_t i = 0; i < n; i++) {
		const held *h = &g->held[i];
		rec_head head = { .line = h->line, .n_fields = (uint32_t)h->n_fields,
			          .fixed = (uint32_t)h->fixed };

		if (append_fields(&g->data, head, h->fields, NULL, 0) < 0)
			return PK2D_ERR_NOMEM;
	}
	if (reserve_group(g, n) < 0)
		return PK2D_ERR_NOMEM;
	for (size_t i = 0, off = 0; i < n; i++, off += rec_size(g->data.p + off))
		g->grp[i] = g->data.p + off;
	g->n_grp = n;
	g->out = n;
	return decide(g);
}

/* Reads the next group into held (after the one handed out, whose first
 * record of the next group comes first): 1 with it there (or copied into
 * g->grp when its identifiers repeat), 0 at the end of the file, <0. An
 * error of the reading after a group's first record is returned after the
 * records read before it are handed out. */
static int read_group(csv_reader *c, struct csv_group *g)
{
	int rc, repeats = 0, next = 0;

	for (size_t i = 0; i < g->n_group; i++) {
		if (g->held[i].fix || g->held[i].code) {
			free(g->held[i].fix);
			free(g->held[i].code);
			g->held[i].fix = g->held[i].code = NULL;
		}
	}
	if (g->n_held > g->n_group) {
		held first = g->held[g->n_group];

		g->held[g->n_group] = g->held[0];
		g->held[0] = first;
		g->n_held = 1;
	} else {
		g->n_held = 0;
	}
	g->n_group = g->out = 0;
	c->pin = -1;
	if (g->read_rc)
		return g->read_rc;
	if (g->n_held == 0) {
		if ((rc = csv_read_record(c)) <= 0)
			return rc;
		if ((rc = hold(c, g)) < 0)
			return rc;
	}
	/* The group's records stay in the buffer until handed out. */
	c->pin = (off_t)g->held[0].at;
	hashset_clear(&g->seen_ids);
	if ((rc = id_seen(g, &g->held[0])) < 0)
		goto nomem;
	for (;;) {
		if ((rc = csv_read_record(c)) <= 0) {
			g->read_rc = rc;
			break;
		}
		if ((rc = hold(c, g)) < 0)
			return rc;
		if ((next = strcmp(held_key(g, &g->held[g->n_held - 1]),
		                   held_key(g, &g->held[0])) != 0))
			break;
		if (!repeats && (repeats = id_seen(g, &g->held[g->n_held - 1])) < 0)
			goto nomem;
	}
	g->n_group = g->n_held - (size_t)next;
	if (repeats && copy_group(g) < 0)
		goto nomem;
	return 1;
nomem:
	snprintf(c->error, sizeof c->error, "out of memory");
	return PK2D_ERR_NOMEM;
}

/* Hands out the held record i: its fields become the reader's. */
static void give(csv_reader *c, struct csv_group *g, size_t i)
{
	held *h = &g->held[i];

	swap_fields(c, h);
	c->rec_flags = 0;
	c->n_fields = h->n_fields;
	c->rec_line = h->line;
	c->rec_fixed = h->fixed;
	c->rec_sheet = 0;
	c->rec_cells = 0;
}

static int same_ids(const struct csv_group *g, const char *a, const char *b)
{
	for (int i = 0; i < g->n_ids; i++)
		if (strcmp(rec_field(a, g->ids[i]), rec_field(b, g->ids[i])) != 0)
			return 0;
	return 1;
}

static int same_record(const char *a, const char *b)
{
	const rec_head *ha = (const rec_head *)(const void *)a;
	const rec_head *hb = (const rec_head *)(const void *)b;

	if (ha->n_fields != hb->n_fields)
		return 0;
	for (uint32_t k = 0; k < ha->n_fields; k++)
		if (strcmp(rec_field(a, (int)k), rec_field(b, (int)k)) != 0)
			return 0;
	return 1;
}

/* Decides the fate of every record of the group: copies of one identifier
 * are found by a hash table, then judged together. */
static int decide(struct csv_group *g)
{
	size_t n = g->n_grp, cap = 16;

	memset(g->fate, USE, n);
	if (g->n_ids == 0 || n < 2)
		return 0;
	while (cap < 2 * n)
		cap *= 2;
	if (cap > g->cap_slot) {
		uint32_t *s = realloc(g->slot, cap * sizeof *s);

		if (!s)
			return PK2D_ERR_NOMEM;
		g->slot = s;
		g->cap_slot = cap;
	}
	memset(g->slot, 0xff, cap * sizeof *g->slot);
	for (size_t i = 0; i < n; i++) {
		const char *r = g->grp[i];
		uint64_t h = 14695981039346656037ULL;
		size_t j;

		g->first[i] = g->second[i] = (uint32_t)i;
		/* A row with a number Excel cut to 15 digits is rejected as
		 * corrupted when handed out: it is nobody's copy. */
		if (!*rec_field(r, g->ids[0]) ||
		    (((const rec_head *)(const void *)r)->cells & XLSX_ROW_LONG))
			continue;
		for (int k = 0; k < g->n_ids; k++)
			h = str_hash(h, rec_field(r, g->ids[k])) * 31 + 1;
		for (j = h & (cap - 1); g->slot[j] != UINT32_MAX; j = (j + 1) & (cap - 1))
			if (same_ids(g, g->grp[g->slot[j]], r))
				break;
		if (g->slot[j] == UINT32_MAX) {
			g->slot[j] = (uint32_t)i;
			continue;
		}
		uint32_t f = g->slot[j];
		g->first[i] = f;
		if (g->second[f] == f)
			g->second[f] = (uint32_t)i;
		if (g->fate[f] != CONFLICT && !same_record(g->grp[f], r))
			g->fate[f] = CONFLICT;
	}
	for (size_t i = 0; i < n; i++) {
		uint32_t f = g->first[i];

		if (f == i) {
			g->other[i] = rec_line(g->grp[g->second[i]]);
			continue;
		}
		g->fate[i] = g->fate[f] == CONFLICT ? CONFLICT : REPEATED;
		g->other[i] = rec_line(g->grp[f]);
	}
	return 0;
}

int csv_group_next(csv_reader *c)
{
	struct csv_group *g = c->group;
	int rc;

	for (;;) {
		while (g->at < g->n_grp) {
			size_t i = g->at++;
			const char *r = g->grp[i];
			const rec_head *h = (const rec_head *)(const void *)r;

			c->rec_flags = 0;
			c->rec_line = (long)h->line;
			c->rec_fixed = (int)(h->fixed & 0xFF);
			c->rec_sheet = (int)(h->fixed >> 8);
			c->rec_cells = h->cells;
			if (g->fate[i] == USE) {
				const uint32_t *off = (const uint32_t *)(const void *)(r + sizeof *h);
				char *text = (char *)r + sizeof *h + 4 * (size_t)h->n_fields;
				char **fields;

				if (csv_reserve_fields(c, (int)h->n_fields) < 0) {
					snprintf(c->error, sizeof c->error, "out of memory");
					return PK2D_ERR_NOMEM;
				}
				fields = c->fields;
				for (uint32_t k = 0; k < h->n_fields; k++)
					fields[k] = text + off[k];
				c->n_fields = (int)h->n_fields;
				return 1;
			}
			/* A record read and dropped here: it counts as read. */
			c->n_fields = 0;
			c->stats.records++;
			if (g->fate[i] == CONFLICT)
				csv_reject(c, "duplicate %s: other contents, also on line %ld",
				           csv_header(c, g->ids[0]), g->other[i]);
			else
				csv_reject(c, "repeated row: the same as line %ld, counted once",
				           g->other[i]);
		}
		g->at = g->n_grp = 0;
		if (!g->partitioned) {
			if (g->n_ids == 0)
				return csv_read_record(c);
			if (g->out < g->n_group) {
				give(c, g, g->out++);
				return 1;
			}
			if ((rc = read_group(c, g)) <= 0)
				return rc;
			continue;
		}
		if ((rc = next_part_group(c, g)) <= 0)
			return rc;
		if (decide(g) < 0) {
			snprintf(c->error, sizeof c->error, "out of memory");
			return PK2D_ERR_NOMEM;
		}
	}
}

int csv_group(csv_reader *c, int col, const int *ids, int n_ids, char *err, size_t errlen)
{
	struct csv_group *g;
	int grouped = 1, rc;

	if (c->started || c->group) {
		snprintf(err, errlen, "csv_group: called after the first record was read or twice");
		return PK2D_ERR_INVALID;
	}
	if (col < -1 || col >= c->n_header || n_ids < 0 || n_ids > CSV_GROUP_MAX_IDS ||
	    (n_ids > 0 && !ids)) {
		snprintf(err, errlen, "csv_group: no column %d, or %d identifier columns", col,
		         n_ids);
		return PK2D_ERR_INVALID;
	}
	for (int i = 0; i < n_ids; i++) {
		if (ids[i] < 0 || ids[i] >= c->n_header) {
			snprintf(err, errlen, "csv_group: no identifier column %d", ids[i]);
			return PK2D_ERR_INVALID;
		}
	}
	if (!(g = calloc(1, sizeof *g))) {
		snprintf(err, errlen, "out of memory");
		return PK2D_ERR_NOMEM;
	}
	g->col = col;
	g->n_ids = n_ids;
	g->fd = -1;
	for (int i = 0; i < n_ids; i++)
		g->ids[i] = ids[i];
	c->group = g;
	/* A workbook goes to the partitions at once: checking its order
	 * first would parse its XML twice, which costs more than the
	 * temporary file; and its cells are not kept where a group could be
	 * held. A part cut at the group column holds whole groups. */
	rc = 0;
	if (c->book && (col >= 0 || n_ids > 0))
		grouped = 0;
	else if (col >= 0 && !(c->ranged && c->range.grouped_by == col + 1))
		rc = check_grouped(c, g, &grouped);
	if (rc < 0)
		snprintf(c->error, sizeof c->error, "out of memory");
	else if (!grouped)
		rc = partition(c, g);
	if (rc < 0) {
		c->failed = rc;
		snprintf(err, errlen, "%s", c->error);
	}
	return rc;
}

void csv_group_free(struct csv_group *g)
{
	if (!g)
		return;
	if (g->fd >= 0)
		close(g->fd);
	for (size_t i = 0; i < g->n_parts; i++) {
		free(g->parts[i].pending.p);
		free(g->parts[i].chunks);
	}
	free(g->parts);
	for (size_t i = 0; i < g->cap_held; i++) {
		free(g->held[i].fields);
		free(g->held[i].fix);
		free(g->held[i].code);
	}
	free(g->held);
	hashset_free(&g->seen_ids);
	free(g->pbuf);
	free(g->order);
	free(g->data.p);
	free(g->grp);
	free(g->fate);
	free(g->other);
	free(g->first);
	free(g->second);
	free(g->slot);
	free(g);
}
