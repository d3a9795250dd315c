/*
 * wire.h - the records a plugin's child process sends to the parent on the
 * pipe at descriptor WIRE_FD.
 *
 * A record is
 *
 *   u32 length | u8 type | payload        (length counts type and payload)
 *
 * with every integer little-endian. Inside the payload:
 *   str  = u32 n | n bytes: n = 0 is NULL; otherwise the bytes end with the
 *          string's NUL and hold no other NUL ("" is n = 1)
 *   i32, i64, u8 as written; f64 = the IEEE 754 bits as u64.
 *
 *   INDICATOR     str id, label_id, label_en, unit; i32 kind, direction,
 *                 has_target; f64 target; str group, description
 *   INTERVENTION  str id, label_id, label_en, agency, target_group, unit,
 *                 origin; u32 n_aims; n_aims x str (none NULL)
 *   GROUP         str id, parent, label_id, label_en (ABI 1.3)
 *   DISPLAY       str indicator; i32 headline, hidden; str classes_source;
 *                 u32 n_classes (<= PK2D_MAX_CLASSES); each: f64 lower;
 *                 str key (not NULL), label_id, label_en (ABI 1.3)
 *   TABLE         str id, title_id, title_en, rows_label_id, rows_label_en,
 *                 note_id, note_en; u32 n_columns (<=
 *                 PK2D_TABLE_MAX); each: str label_id (not NULL), label_en;
 *                 i32 rule, decimals; u32 n_rows (<= PK2D_TABLE_MAX); each:
 *                 str label_id (not NULL), label_en, then n_columns cells:
 *                 str indicator, squares (ABI 1.3)
 *   VALUE         str indicator, area; i32 rt; str period; f64 num, den
 *   IVALUE        str intervention, area; i32 rt; str period; f64 target,
 *                 realised, budget
 *   FOLDED        as VALUE (rt unused, 0): a sum of values for RTs of a
 *                 village, added up by the child's api when RT detail is
 *                 off (registry_add_folded)
 *   RTS           str village (in text); u32 count: values summed in the
 *                 village's FOLDED records; u32 n (1..WIRE_MAX_RTS); n x
 *                 i32 RT (1..WIRE_MAX_RTS) the child saw values for in it
 *   LOG           i32 level (0..3); str text (not NULL)
 *   FILE          str path (not NULL); i64 records, rejected, noted,
 *                 by_name;
 *                 u32 n_problems; each: str kind (not NULL), i64 count,
 *                 u8 rejected (0/1), u32 n_examples (<= CSV_EXAMPLES), each:
 *                 i64 line, str text (not NULL); u32 n_seen (<= CSV_SEEN),
 *                 each: str value (not NULL), i64 rows
 *   INIT_DONE     (empty) init returned 0; declarations are complete
 *   END           u8 stage (0 all done, 1 init, 2 collect); i32 code (0 or
 *                 what the callback returned; 0 exactly when stage is 0)
 *   DESCRIPTOR    str name (not NULL), agency, version, description; u32
 *                 abi_major, abi_minor; u32 n_keys (<= WIRE_MAX_KEYS); each:
 *                 str name (not NULL), default_value; i32 required; str help;
 *                 then the declared inputs (ABI 1.1; none for 1.0): u32
 *                 n_inputs (<= WIRE_MAX_KEYS); each: str key (not NULL),
 *                 column_prefix; u32 n_columns (<= WIRE_MAX_KEYS); each:
 *                 str field (not NULL), header; i32 required; then
 *                 (ABI 1.5; NULL for older plugins) str parts_input,
 *                 parts_column; then (ABI 1.6; none for older plugins)
 *                 u32 n_area_columns (<= WIRE_MAX_KEYS); each: str input,
 *                 field (neither NULL); then (ABI 1.7; none for older
 *                 plugins) u32 n_input_help (<= WIRE_MAX_KEYS); each: str
 *                 input (not NULL); u32 n_columns (<= WIRE_MAX_KEYS); each:
 *                 str field, help (neither NULL), accepted.
 *                 Sent by the child that loaded the plugin's file (loader
 *                 probe) instead of the run's records.
 *   REFUSED       str reason (not NULL): the child could not load the file
 *   PROGRESS      str path (not NULL); u64 bytes read, file size (0:
 *                 unknown); i64 rows read (>= 0): how far the instance has
 *                 read a file, for the progress display only
 *   OUTPUT        str path (not NULL): a part of a run writes its share of
 *                 this output file to api_part_path(path, part)
 *   NAME          u8 kind (enum wire_name_kind); u32 index (<
 *                 WIRE_MAX_NAMES); str text (not NULL, at most
 *                 WIRE_MAX_NAME bytes): the text that index of kind stands
 *                 for in the NAMED records after it, until it is named again
 *   NAMED         a VALUE whose strings were named before: u32 indicator,
 *                 area; i32 rt; u32 period (WIRE_NO_NAME: none); f64 num,
 *                 den. A child sends the strings that repeat from value to
 *                 value once instead of in each record, and the parent
 *                 looks each up once (reg_name)
 *
 * The decoder treats the stream as untrusted: it checks every length against
 * the record and the record against WIRE_MAX_RECORD, every count, enum range
 * and NUL terminator, that a record is consumed exactly, and that a NAMED
 * record uses names its stream has given.
 */
#ifndef PK2D_WIRE_H
#define PK2D_WIRE_H

#include <stddef.h>
#include <stdint.h>
#include "csv.h"
#include "pk2d/plugin.h"
#include "registry.h"

/* The descriptor a child writes its records to. */
#define WIRE_FD 3
/* Largest record accepted (length field). */
#define WIRE_MAX_RECORD (1u << 20)
/* Most aims of one intervention. */
#define WIRE_MAX_AIMS 1024
/* Most RTs of one RTS record, and the highest RT number. */
#define WIRE_MAX_RTS 9999
/* Most config keys, inputs, and columns of an input, of one DESCRIPTOR
 * record. */
#define WIRE_MAX_KEYS 4096
/* Most names of a kind in a stream (their indexes are below it), the
 * longest name, and a NAMED record's period when the value has none. */
#define WIRE_MAX_NAMES 4096
#define WIRE_MAX_NAME 255
#define WIRE_NO_NAME UINT32_MAX

enum wire_type {
	WIRE_INDICATOR = 1,
	WIRE_INTERVENTION = 2,
	WIRE_VALUE = 3,
	WIRE_IVALUE = 4,
	WIRE_LOG = 5,
	WIRE_FILE = 6,
	WIRE_INIT_DONE = 7,
	WIRE_END = 8,
	WIRE_FOLDED = 9,
	WIRE_RTS = 10,
	WIRE_DESCRIPTOR = 11,
	WIRE_REFUSED = 12,
	WIRE_GROUP = 13,
	WIRE_DISPLAY = 14,
	WIRE_TABLE = 15,
	WIRE_PROGRESS = 16,
	WIRE_OUTPUT = 17,
	WIRE_NAME = 18,
	WIRE_NAMED = 19
};

enum wire_name_kind { WIRE_NAME_INDICATOR, WIRE_NAME_AREA, WIRE_NAME_PERIOD, WIRE_NAME_KINDS };

enum wire_stage { WIRE_STAGE_DONE = 0, WIRE_STAGE_INIT = 1, WIRE_STAGE_COLLECT = 2 };

typedef struct wire_buf {
	unsigned char *data;
	size_t len, cap;
} wire_buf;

void wire_buf_free(wire_buf *b);
/* Writes all of b to fd (retrying short writes and EINTR) and empties b.
 * 0, or PK2D_ERR_IO when a write fails (the reader is gone). */
int wire_write(int fd, wire_buf *b);

/* Encoders: append one record to b. */
void wire_put_indicator(wire_buf *b, const pk2d_indicator *d);
void wire_put_intervention(wire_buf *b, const pk2d_intervention *d);
void wire_put_group(wire_buf *b, const pk2d_group *g);
void wire_put_display(wire_buf *b, const pk2d_display *d);
void wire_put_table(wire_buf *b, const pk2d_table *t);
void wire_put_value(wire_buf *b, const pk2d_value *v);
void wire_put_ivalue(wire_buf *b, const pk2d_intervention_value *v);
void wire_put_folded(wire_buf *b, const pk2d_value *v);
void wire_put_rts(wire_buf *b, const char *village, uint32_t values, const int *rts, size_t n);
void wire_put_log(wire_buf *b, int level, const char *text);
void wire_put_file(wire_buf *b, const csv_stats *s);
void wire_put_init_done(wire_buf *b);
void wire_put_end(wire_buf *b, int stage, int code);
void wire_put_descriptor(wire_buf *b, const pk2d_plugin *d);
void wire_put_refused(wire_buf *b, const char *reason);
void wire_put_progress(wire_buf *b, const char *path, uint64_t done, uint64_t size,
                       long records);
void wire_put_output(wire_buf *b, const char *path);
void wire_put_name(wire_buf *b, int kind, uint32_t index, const char *text);
/* names: the indexes of v's indicator, area and period, in that order. */
void wire_put_named(wire_buf *b, const uint32_t names[WIRE_NAME_KINDS], const pk2d_value *v);

/* The names a stream has given (NAME records), for the decoder of its
 * NAMED records; each with what the parent's registry found for it, which
 * a new text for its index forgets. All zero before the first record. */
typedef struct wire_name {
	char *text;               /* NULL: not given */
	reg_name found;
} wire_name;

typedef struct wire_names {
	wire_name *names[WIRE_NAME_KINDS];   /* by index */
	size_t n[WIRE_NAME_KINDS];
} wire_names;

void wire_names_free(wire_names *n);

/* A decoded record. Strings point into the decoded bytes, which must stay
 * put until the record is used; aims and file are allocated. */
typedef struct wire_record {
	int type;
	pk2d_value value;         /* VALUE, FOLDED and NAMED (strings: the
	                             names' texts) */
	wire_name *named[WIRE_NAME_KINDS]; /* NAMED: the names of the value's
	                             strings (period NULL when it has none) */
	uint32_t index[WIRE_NAME_KINDS]; /* NAMED: their indexes; NAME: [0] */
	int kind;                 /* NAME: enum wire_name_kind, text the name */
	const char *text;         /* LOG, RTS (the village), REFUSED, PROGRESS (the
	                             path), OUTPUT, NAME */
	/* A NAMED record, one per value, leaves the members below as they were
	 * (their 600 bytes cost more than it to clear); every other type has
	 * them set or zero. */
	pk2d_indicator ind;
	pk2d_intervention iv;
	const char **aims;        /* iv.aims points here */
	pk2d_group group;
	pk2d_display display;     /* classes points to classes */
	pk2d_class *classes;      /* allocated, NULL-key terminated */
	pk2d_table table;         /* columns, rows point to these */
	pk2d_table_column *columns;
	pk2d_table_row *rows;     /* each row's cells point into cells */
	pk2d_table_cell *cells;
	uint32_t count;           /* RTS: values summed in the village */
	int *rts;                 /* RTS: allocated, with text the village */
	size_t n_rts;
	pk2d_intervention_value ivalue;
	int level;
	uint64_t done, size;      /* PROGRESS */
	long records;             /* PROGRESS */
	csv_stats *file;          /* taken over by whoever sets it to NULL */
	pk2d_plugin desc;         /* DESCRIPTOR: no functions; config_keys
	                           * points to keys, inputs to inputs;
	                           * struct_size is this host's */
	pk2d_config_key *keys;    /* allocated, NULL-name terminated */
	pk2d_input *inputs;       /* allocated, NULL-key terminated; each
	                           * columns array allocated too */
	size_t n_inputs;
	pk2d_area_column *areas;  /* allocated, NULL-input terminated */
	pk2d_input_help *help;    /* allocated, NULL-input terminated; each
	                           * columns array allocated too */
	size_t n_help;
	int stage, code;
} wire_record;

/* Decodes the record at the start of data. Returns the number of bytes it
 * takes (> 0) with *rec filled, 0 when more bytes are needed, or
 * PK2D_ERR_INVALID with err saying what is wrong (why only, no position).
 * names are the stream's, which a NAME record changes and a NAMED record
 * uses (NULL: a stream without them, where both are malformed). Clear rec
 * with wire_record_clear after use. */
long wire_decode(const unsigned char *data, size_t len, wire_names *names, wire_record *rec,
                 char *err, size_t errlen);
void wire_record_clear(wire_record *rec);

#endif
