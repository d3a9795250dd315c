/*
 * pk2d/plugin.h - the contract between the pk2d host and every plugin.
 *
 * This is the only header an agency needs to write a pk2d plugin. It depends
 * on nothing but <stddef.h> and <stdint.h>, compiles as C99 -pedantic and as
 * C++, and is installed as <pk2d/plugin.h>.
 *
 * A plugin is a shared object that exports one symbol, the const descriptor
 * "pk2d_plugin_descriptor", filled with PK2D_PLUGIN_DEFINE(). The host loads
 * it with dlopen() in a child process only, which checks the descriptor and
 * sends its data back; the host checks the plugin's INI section against the
 * descriptor's config_keys, and then, in a child process, calls init() (which
 * declares the plugin's indicators and interventions), collect() (which reads
 * the agency's files and reports values) and fini().
 *
 * Plugins never link against the host: everything they may call is in the
 * pk2d_host_api table handed to init(). Build plugins with -Wl,-z,defs.
 *
 * Rules every plugin follows:
 *  - return 0 for success and a negative PK2D_ERR_* code for failure;
 *  - never exit(), abort(), write to stdout or stderr, install signal
 *    handlers, call setlocale() or register atexit() handlers;
 *  - read input files only through the api->csv_* reader;
 *  - report values at the finest level known (an RT, or rt = 0 when the row
 *    has no RT); the host sums them up to the village and every level above.
 *
 * Compatibility: PK2D_ABI_MAJOR changes when anything here changes
 * incompatibly, and the host refuses plugins of another major. New members
 * are only ever appended to the end of a struct, with PK2D_ABI_MINOR raised;
 * check struct_size before using a member marked "Since ABI 1.x" with x > 0.
 */
#ifndef PK2D_PLUGIN_H
#define PK2D_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Guards against loading a file that is not a pk2d plugin ("PK2D"). */
#define PK2D_PLUGIN_MAGIC 0x504b3244u
/** Incompatible changes raise this; the host refuses any other major. */
#define PK2D_ABI_MAJOR 1
/** Append-only changes raise this; a plugin's minor must be <= the host's. */
#define PK2D_ABI_MINOR 8
/** Name of the one symbol a plugin exports. */
#define PK2D_PLUGIN_SYMBOL "pk2d_plugin_descriptor"

#if defined(__GNUC__)
#define PK2D_EXPORT __attribute__((visibility("default")))
#define PK2D_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define PK2D_EXPORT
#define PK2D_PRINTF(fmt, args)
#endif

/** Error codes: every function and callback returns 0 or one of these. */
enum pk2d_error {
	PK2D_OK = 0,               /**< success */
	PK2D_ERR_INVALID = -1,     /**< a malformed argument or value */
	PK2D_ERR_UNKNOWN_ID = -2,  /**< an indicator or intervention not declared */
	PK2D_ERR_DUPLICATE = -3,   /**< an id declared twice */
	PK2D_ERR_IO = -4,          /**< a file could not be opened or read */
	PK2D_ERR_NOMEM = -5,       /**< out of memory */
	PK2D_ERR_CONFIG = -6,      /**< a configuration value is wrong */
	PK2D_ERR_DATA = -7,        /**< the input data cannot be used at all */
	PK2D_ERR_MISSING = -8      /**< no such column, key or field */
};

/** Log levels for pk2d_host_api.log. */
enum pk2d_log_level {
	PK2D_LOG_ERROR = 0,        /**< something failed */
	PK2D_LOG_WARNING = 1,      /**< something is suspicious but the run goes on */
	PK2D_LOG_INFO = 2,         /**< progress worth showing with --verbose */
	PK2D_LOG_DEBUG = 3         /**< detail for the plugin's developer */
};

/** How an indicator's value is computed from its numerator and denominator. */
enum pk2d_kind {
	/** 100 * num / den, with 0 <= num <= den (share of KK, of children...). */
	PK2D_PROPORTION = 0,
	/** 100 * num / den, num may exceed den (APK can pass 100 %). */
	PK2D_RATE = 1,
	/** num alone, a count; the denominator must be 1. */
	PK2D_COUNT = 2,
	/** num / den, num may be negative (a mean z-score: sum and count). */
	PK2D_MEAN = 3
};

/** Which way is good for an indicator. */
enum pk2d_direction {
	PK2D_HIGHER_IS_BETTER = 1, /**< coverage, share of KK meeting a criterion */
	PK2D_LOWER_IS_BETTER = -1, /**< prevalence of stunting, dropout */
	PK2D_NEUTRAL = 0           /**< a count or context figure with no target */
};

/**
 * An indicator a plugin declares in init(). All strings are copied by the
 * host; the plugin keeps ownership of its own memory.
 */
typedef struct pk2d_indicator {
	/** Id unique within the plugin: [a-z][a-z0-9_]{0,47}. Others refer to it
	 *  as "<plugin instance>.<id>" (e.g. "health.stunting"). */
	const char *id;
	/** Label in Bahasa Indonesia, shown by default. Required. */
	const char *label_id;
	/** Label in English, shown with language = en. NULL: label_id is used. */
	const char *label_en;
	/** Unit shown in tables ("%", "KK", "anak", "z"). NULL: "%" for
	 *  proportions and rates, "" otherwise. */
	const char *unit;
	/** One of enum pk2d_kind. */
	int kind;
	/** One of enum pk2d_direction. */
	int direction;
	/** Non-zero when target below is set. */
	int has_target;
	/** Default target, in the indicator's value unit (14.2 for 14.2 %); the
	 *  coordinator may override it in the INI. */
	double target;
	/** Optional group heading in the agency's table ("Pokja IV", "SMP").
	 *  Since ABI 1.3: when it equals the id of a group the plugin declares
	 *  (declare_group), the indicator is in that group. */
	const char *group;
	/** Optional one-line definition: how numerator and denominator are counted. */
	const char *description;
	/** Since ABI 1.4: the year target was taken from when the target key
	 *  gives one per year ("2024:14 2029:14.2", docs/config.md); 0 for one
	 *  value that holds every year. The report says which year it used. */
	int target_year;
} pk2d_indicator;

/**
 * An intervention (a programme activity) a plugin declares in init().
 * Strings and the aims array are copied by the host.
 */
typedef struct pk2d_intervention {
	/** Id unique within the plugin: [a-z][a-z0-9_]{0,47}. */
	const char *id;
	/** Label in Bahasa Indonesia. Required. */
	const char *label_id;
	/** Label in English. NULL: label_id is used. */
	const char *label_en;
	/** Responsible agency (OPD). NULL: the instance's agency. */
	const char *agency;
	/** Target group (sasaran): "balita 0-59 bulan", "KK", "remaja putri". */
	const char *target_group;
	/** Unit of target and realisation ("anak", "KK", "kegiatan"). */
	const char *unit;
	/** NULL-terminated list of the indicators this intervention aims to move:
	 *  "<plugin>.<id>" for any plugin's indicator, or a bare "<id>" for one of
	 *  this plugin's own. May be NULL (aims at nothing declared). */
	const char *const *aims;
	/** Where the declaration came from, for messages ("pk2d.ini:42");
	 *  NULL when it is built into the plugin. */
	const char *origin;
} pk2d_intervention;

/**
 * One value of a declared indicator. The value shown is computed by the host
 * from the sums of numerators and denominators (see enum pk2d_kind), so a
 * plugin reports counts, never percentages.
 */
typedef struct pk2d_value {
	/** The plugin's own indicator id (without the "<plugin>." prefix). */
	const char *indicator;
	/** Kemendagri area code, "PP.KK.CC.DDDD" for a village. */
	const char *area;
	/** RT number (1..9999), or 0 when the row has no RT. */
	int rt;
	/** DHIS2 period ("2023", "2023S1", "2023Q2", "202306"); NULL: the run's. */
	const char *period;
	/** Numerator: KK meeting the criterion, stunted children, sum of z... */
	double numerator;
	/** Denominator: KK to which it applies, children measured, count... */
	double denominator;
} pk2d_value;

/** Target and realisation of a declared intervention in one area and period. */
typedef struct pk2d_intervention_value {
	/** The plugin's own intervention id. */
	const char *intervention;
	/** Kemendagri area code. */
	const char *area;
	/** RT number, or 0 when the activity is not tied to one RT. */
	int rt;
	/** DHIS2 period; NULL: the run's. */
	const char *period;
	/** Planned volume (sasaran), >= 0, in the intervention's unit. */
	double target;
	/** Realised volume, >= 0. */
	double realised;
	/** Budget spent in rupiah, >= 0; 0 when not known. */
	double budget;
} pk2d_intervention_value;

/** Since ABI 1.3: a group of indicators in the agency's table (PKK's
 *  program pokok under its Pokja, education's levels). Every report format
 *  lays out the agency's table by groups: a group's heading, its own
 *  indicators, then its subgroups, in declaration order; indicators in no
 *  declared group come after them, in declaration order. */
typedef struct pk2d_group {
	/** Id unique among the plugin's groups: [a-z][a-z0-9_]{0,47}. An
	 *  indicator whose group equals it belongs to the group. */
	const char *id;
	/** Id of the enclosing group, declared before; NULL: a top group. At
	 *  most PK2D_GROUP_DEPTH levels. */
	const char *parent;
	/** Heading in Bahasa Indonesia ("Pokja I"). Required. */
	const char *label_id;
	/** Heading in English. NULL: label_id is used. */
	const char *label_en;
} pk2d_group;

/** Since ABI 1.3: the most levels of nested groups. */
#define PK2D_GROUP_DEPTH 4

/** Since ABI 1.3: one band of an indicator's classes (pk2d_display). */
typedef struct pk2d_class {
	/** Lowest value of the band, in the indicator's value unit (10 for
	 *  10 %): a value is in the last band whose lower is <= the value.
	 *  Ascending; the first band's is ignored (it takes every lower value). */
	double lower;
	/** Key for the machine formats: [a-z][a-z0-9_]{0,47} ("very_low").
	 *  NULL ends the list. */
	const char *key;
	/** Label in Bahasa Indonesia ("sangat rendah"). Required. */
	const char *label_id;
	/** Label in English. NULL: label_id is used. */
	const char *label_en;
} pk2d_class;

/** Since ABI 1.3: the most bands of one indicator's classes. */
#define PK2D_MAX_CLASSES 16

/** Since ABI 1.3: how the reports present one of the plugin's indicators
 *  (declare_display, once per indicator, after declare_indicator). */
typedef struct pk2d_display {
	/** The plugin's own indicator id. */
	const char *indicator;
	/** Non-zero: a headline figure, which summaries show first (the
	 *  summary of villages has a column for each, in declaration order). */
	int headline;
	/** Non-zero: the indicator only feeds a declared table; the human
	 *  formats (text, HTML, Markdown, XLSX) leave it out of the agency's
	 *  table, the machine formats (CSV, JSON, DHIS2) keep it. */
	int hidden;
	/** Official classes of the value (WHO-UNICEF prevalence classes),
	 *  2..PK2D_MAX_CLASSES bands ending with a NULL key; NULL: none. Every
	 *  format shows a value's class beside it. */
	const pk2d_class *classes;
	/** Where the classes come from, one line (a publication). Required
	 *  with classes. */
	const char *classes_source;
} pk2d_display;

/** Since ABI 1.3: how a cell of a declared table is computed from the
 *  rolled-up sums of the plugin's indicators, so that it is right in every
 *  area: the plugin reports the parts (sums and counts) as indicator
 *  values at the finest level and the host sums them up. */
enum pk2d_cell_rule {
	/** The numerators' sum (a count: children measured). */
	PK2D_CELL_SUM = 0,
	/** The denominators' sum (the n of a mean). */
	PK2D_CELL_COUNT = 1,
	/** 100 * numerators' sum / denominators' sum. */
	PK2D_CELL_PERCENT = 2,
	/** Numerators' sum / denominators' sum (a mean from sum and count). */
	PK2D_CELL_MEAN = 3,
	/** Sample standard deviation of n values from the indicator's sums
	 *  (numerator: sum of x, denominator: n) and the squares indicator's
	 *  numerator (sum of x^2): sqrt((sum x^2 - (sum x)^2 / n) / (n - 1));
	 *  empty when n < 2. */
	PK2D_CELL_SD = 4
};

/** Since ABI 1.3: a column of a declared table. */
typedef struct pk2d_table_column {
	/** Heading in Bahasa Indonesia. NULL ends the list. */
	const char *label_id;
	/** Heading in English. NULL: label_id is used. */
	const char *label_en;
	/** One of enum pk2d_cell_rule: the type of every cell of the column. */
	int rule;
	/** Digits shown after the decimal point, 0..6. */
	int decimals;
} pk2d_table_column;

/** Since ABI 1.3: where a cell of a declared table takes its sums from. */
typedef struct pk2d_table_cell {
	/** The plugin's own indicator, declared before; NULL: an empty cell. */
	const char *indicator;
	/** PK2D_CELL_SD only: the own indicator whose numerator is the sum of
	 *  squares; NULL otherwise. */
	const char *squares;
} pk2d_table_cell;

/** Since ABI 1.3: a row of a declared table. */
typedef struct pk2d_table_row {
	/** Label in Bahasa Indonesia ("TB/U (zlen)"). NULL ends the list. */
	const char *label_id;
	/** Label in English. NULL: label_id is used. */
	const char *label_en;
	/** One cell per column, in the columns' order. */
	const pk2d_table_cell *cells;
} pk2d_table_row;

/** Since ABI 1.3: the most columns and rows of one declared table. */
#define PK2D_TABLE_MAX 64

/** Since ABI 1.3: an extra table the reports show for every assessed area
 *  after the plugin's indicators (a data-quality table). */
typedef struct pk2d_table {
	/** Id unique among the plugin's tables: [a-z][a-z0-9_]{0,47}. */
	const char *id;
	/** Title in Bahasa Indonesia. Required. */
	const char *title_id;
	/** Title in English. NULL: title_id is used. */
	const char *title_en;
	/** Heading of the column of row labels in Bahasa Indonesia ("Indeks");
	 *  NULL: none. */
	const char *rows_label_id;
	/** The same in English. NULL: rows_label_id is used. */
	const char *rows_label_en;
	/** A note shown under the table in Bahasa Indonesia; NULL: none. */
	const char *note_id;
	/** The same in English. NULL: note_id is used. */
	const char *note_en;
	/** 1..PK2D_TABLE_MAX columns, ending with a NULL label_id. */
	const pk2d_table_column *columns;
	/** 1..PK2D_TABLE_MAX rows, ending with a NULL label_id. */
	const pk2d_table_row *rows;
} pk2d_table;

/** Opaque handle the host gives each plugin instance. */
typedef struct pk2d_host pk2d_host;
/** Opaque CSV reader handle (see the csv_* functions). */
typedef struct pk2d_csv pk2d_csv;

/**
 * The functions the host offers. Every pointer is valid for the lifetime of
 * the plugin instance. Strings returned by the host stay valid until fini().
 */
typedef struct pk2d_host_api {
	/** The host's PK2D_ABI_MAJOR. */
	uint32_t abi_major;
	/** The host's PK2D_ABI_MINOR. */
	uint32_t abi_minor;
	/** sizeof(pk2d_host_api) as the host was built. */
	size_t struct_size;

	/** Logs a message; the host prefixes the instance name. */
	void (*log)(pk2d_host *h, int level, const char *fmt, ...) PK2D_PRINTF(3, 4);
	/** Message text of a PK2D_ERR_* code. */
	const char *(*strerror)(int err);

	/** Value of a key of this instance's INI section, with the descriptor's
	 *  default applied; NULL when absent and without default. */
	const char *(*config_get)(pk2d_host *h, const char *key);
	/** Like config_get for a file name: a relative path is resolved against
	 *  the directory of the INI file that set it. NULL when absent. */
	const char *(*config_path)(pk2d_host *h, const char *key);
	/** "file:line" where the key was set, for messages; "" for a default. */
	const char *(*config_where)(pk2d_host *h, const char *key);
	/** Calls fn for every key of this section in file order (keys such as
	 *  "column.weight" whose names are data). Stops and returns fn's value
	 *  when fn returns non-zero; 0 otherwise. */
	int (*config_each)(pk2d_host *h,
	                   int (*fn)(void *ud, const char *key, const char *value),
	                   void *ud);
	/** The run's period ([pk2d] period), e.g. "2023". */
	const char *(*run_period)(pk2d_host *h);
	/** The run's area code ([pk2d] area): a village, or a kecamatan,
	 *  kabupaten or province whose villages are all assessed, or "all"
	 *  (the whole country: every code is within it). */
	const char *(*run_area)(pk2d_host *h);
	/** The agency of this instance (the descriptor's, or the section's
	 *  "agency =" key). */
	const char *(*agency)(pk2d_host *h);
	/** Name of a Kemendagri area code; NULL when the code is unknown. */
	const char *(*area_name)(pk2d_host *h, const char *code);
	/** Directory of the data pk2d ships (who-growth/, wilayah/):
	 *  $PK2D_DATA_DIR, else the installed $(pkgdatadir). */
	const char *(*data_dir)(pk2d_host *h);

	/** Declares an indicator (init only). PK2D_ERR_DUPLICATE, _INVALID. */
	int (*declare_indicator)(pk2d_host *h, const pk2d_indicator *ind);
	/** Declares an intervention (init only). PK2D_ERR_DUPLICATE, _INVALID. */
	int (*declare_intervention)(pk2d_host *h, const pk2d_intervention *iv);
	/** Reports an indicator value (collect only). The host refuses an
	 *  undeclared id, NaN or infinity, a negative count, num > den for a
	 *  proportion, and a malformed area code, and logs why. */
	int (*report_value)(pk2d_host *h, const pk2d_value *v);
	/** Reports an intervention's target and realisation (collect only). */
	int (*report_intervention)(pk2d_host *h, const pk2d_intervention_value *v);

	/** Opens a CSV file for reading: detects the separator (',' ';' or tab)
	 *  from the header line, skips a UTF-8 BOM, accepts CRLF and quoted
	 *  fields with embedded separators, quotes and newlines, and reads the
	 *  header. NULL on failure, with the reason logged as "file: why". */
	pk2d_csv *(*csv_open)(pk2d_host *h, const char *path);
	/** Index of the column whose header equals name (ASCII case and
	 *  surrounding blanks ignored), or -1. "NAME#N" is the N-th column
	 *  called NAME. A name two columns carry is logged as an error
	 *  ("file:1: column ... appears more than once"), gives -1, and fails
	 *  every later csv_next() with PK2D_ERR_DATA. */
	int (*csv_column)(pk2d_csv *c, const char *name);
	/** Advances to the next record: 1 when there is one, 0 at end of file,
	 *  a negative PK2D_ERR_* on a read error (logged with file:line). Blank
	 *  lines are skipped, and so are records that do not fit the header
	 *  (too few or too many fields): the host rejects and counts those. */
	int (*csv_next)(pk2d_csv *c);
	/** Number of fields of the current record. */
	int (*csv_count)(pk2d_csv *c);
	/** Field col of the current record, trimmed of surrounding blanks;
	 *  "" when col is out of range. Valid until the next csv_next(). */
	const char *(*csv_field)(pk2d_csv *c, int col);
	/** Parses field col as a number with a decimal point or a decimal comma
	 *  ("81,78"). 0 and *out set; PK2D_ERR_MISSING for an empty field;
	 *  PK2D_ERR_INVALID for anything else. */
	int (*csv_number)(pk2d_csv *c, int col, double *out);
	/** Parses field col as a date YYYY-MM-DD, DD/MM/YYYY or DD-MM-YYYY into
	 *  days since 1970-01-01. Same returns as csv_number. */
	int (*csv_date)(pk2d_csv *c, int col, long *days);
	/** Line number where the current record starts (the header is line 1). */
	long (*csv_line)(pk2d_csv *c);
	/** The file name as given to csv_open (for messages). */
	const char *(*csv_path)(pk2d_csv *c);
	/** Counts the current record as rejected (dropped) with a reason written
	 *  "kind: detail" ("unreadable weight: 'abc'"). The report counts rows
	 *  per file and kind, and shows the first lines of each kind. Use the
	 *  kind "outside area" for a row whose area is not in the run's, with the
	 *  row's area code first ("outside area: 63.02.08.2001 is not in ..."),
	 *  "outside period" for a row dated outside the run's period, with its
	 *  date first ("outside period: '2023-05-01' is not in 2024"), and a kind
	 *  starting "duplicate" for a repeated record: the host counts these
	 *  apart, names the areas and years the rows had, and fails the run on
	 *  them by the rules of docs/inputs.md ("Accounting"). */
	void (*csv_reject)(pk2d_csv *c, const char *fmt, ...) PK2D_PRINTF(2, 3);
	/** Counts a problem in the current record that did not drop it (a field
	 *  that could not be read and is treated as missing); same "kind: detail"
	 *  form as csv_reject. */
	void (*csv_note)(pk2d_csv *c, const char *fmt, ...) PK2D_PRINTF(2, 3);
	/** Closes the reader; the host records the rows read. NULL is allowed. */
	void (*csv_close)(pk2d_csv *c);

	/** Since ABI 1.2. Asks for the records grouped, so that a plugin
	 *  gives the same result for any order of the file's rows. Call it
	 *  once, after csv_open and before the first csv_next.
	 *  Afterwards csv_next returns all the records whose field col is
	 *  equal one after another: each value's group once, the groups in an
	 *  unspecified order, a group's records in file order; csv_line still
	 *  gives each record's own line. col -1: the whole file is one group.
	 *  ids: n_ids (0..8) columns that identify a record within its group
	 *  (a child id; an id and a date); records whose ids are all equal, the
	 *  first of them not empty, are copies of one identifier: when every
	 *  copy has the same text in every field, the first is returned and
	 *  each other one rejected ("repeated row: the same as line N, counted
	 *  once"); when they differ, every copy is rejected ("duplicate
	 *  HEADER: other contents, also on line N", HEADER the first id
	 *  column's). Rejected copies are never returned. A file that is
	 *  already grouped is read in order with one group in memory; any
	 *  other is first split into a temporary file in $TMPDIR (else /tmp)
	 *  that is deleted however the run ends. 0, PK2D_ERR_INVALID for a
	 *  wrong call, or the read error (logged; csv_next returns it too). */
	int (*csv_group)(pk2d_csv *c, int col, const int *ids, int n_ids);

	/** Since ABI 1.3. Declares a group of indicators (init only).
	 *  PK2D_ERR_DUPLICATE, _INVALID (bad id, unknown parent, too deep). */
	int (*declare_group)(pk2d_host *h, const pk2d_group *g);
	/** Since ABI 1.3. Declares how an indicator, declared before, is
	 *  presented (init only, once per indicator). PK2D_ERR_UNKNOWN_ID,
	 *  _DUPLICATE, _INVALID (bands not ascending, a bad key, no source). */
	int (*declare_display)(pk2d_host *h, const pk2d_display *d);
	/** Since ABI 1.3. Declares an extra table (init only); every indicator
	 *  its cells name must be declared before. PK2D_ERR_DUPLICATE,
	 *  _UNKNOWN_ID, _INVALID. */
	int (*declare_table)(pk2d_host *h, const pk2d_table *t);
	/** Since ABI 1.5. Which part of the run this process is: 0 and *count
	 *  1 unless the host reads the plugin's parts_input in parts (see
	 *  pk2d_plugin.parts_input); then part k of *count, each in a process
	 *  of its own. A part may start before the host knows how many parts
	 *  there are: *count is then the most there can be (the parts that
	 *  follow may be fewer). Work that is not the parts_input's rows
	 *  (another file, a header of an output file) is done by part 0 only. */
	int (*part)(pk2d_host *h, int *count);
	/** Since ABI 1.5. The file this part writes its share of the output
	 *  file path to: path itself in a run of one part. Otherwise the host
	 *  joins the parts' files into path, in part order, once every part
	 *  has succeeded (and removes them when one failed): write the rows of
	 *  this part's groups in the order they come, the header in part 0
	 *  only. The name stays valid until fini(). */
	const char *(*part_output)(pk2d_host *h, const char *path);
	/** Since ABI 1.8. Several fields of the current record at once, as
	 *  csv_field gives them one by one: out[i] is field cols[i], trimmed
	 *  of surrounding blanks, for i from 0 to n - 1; "" for a column that
	 *  is negative (one the file does not have) or out of range. One call
	 *  a row instead of one a field: a plugin that reads most of a wide
	 *  row's fields saves about half of what fetching them costs. Valid
	 *  until the next csv_next(). */
	void (*csv_fields)(pk2d_csv *c, const int *cols, int n, const char **out);
} pk2d_host_api;

/** An INI key a plugin accepts in its [plugin.NAME] section. The host refuses
 *  any other key (with a did-you-mean) before the plugin runs. */
typedef struct pk2d_config_key {
	/** Key name. A name ending in '*' accepts every key with that prefix
	 *  ("column.*"). */
	const char *name;
	/** Default value, or NULL for none. */
	const char *default_value;
	/** Non-zero if the section must set it. */
	int required;
	/** One line of help, shown by "pk2d plugins". */
	const char *help;
} pk2d_config_key;

/** Since ABI 1.1: a column of an input file, for the host's check of the
 *  file's header (see pk2d_input). */
typedef struct pk2d_input_column {
	/** The column's field name: the key column_prefix + field renames it
	 *  ("weight" for "column.weight = Berat Badan"). NULL ends a list. */
	const char *field;
	/** The header the column has when no key renames it ("Berat"); NULL
	 *  for an optional column read only when a key names it. */
	const char *header;
	/** Non-zero if the plugin cannot read the file without this column;
	 *  zero for an optional one (and for one of several alternatives). */
	int required;
} pk2d_input_column;

/** Since ABI 1.1: an input file a plugin reads. "pk2d check" and "pk2d
 *  report" open every declared file whose key the section sets, before
 *  the plugin runs, and report a file that does not exist (at the key's
 *  file:line), a missing required column, a column named twice, and a
 *  header that looks like a known column but is not one (did-you-mean,
 *  also for optional columns). An instance whose files fail this check
 *  does not run. */
typedef struct pk2d_input {
	/** The config_keys key whose value names the file ("children"); NULL
	 *  ends a list. The file is checked only when the section sets it. One
	 *  '*' stands for any text, for files named by keys with data in them
	 *  ("indicator.*.table": every such key's file is checked). */
	const char *key;
	/** Prefix of the keys that rename its columns ("column."); NULL when
	 *  they cannot be renamed. Since ABI 1.7: with a '*' in key, one '*'
	 *  here stands for the same text, for columns renamed by keys of the
	 *  file's own ("indicator.*." renames the columns of the file of
	 *  "indicator.akta.table" with "indicator.akta.FIELD"). */
	const char *column_prefix;
	/** The file's known columns, ending with a NULL field. */
	const pk2d_input_column *columns;
} pk2d_input;

/** Since ABI 1.6: the column of an input file that holds a Kemendagri area
 *  code (see pk2d_plugin.area_columns). */
typedef struct pk2d_area_column {
	/** The key of one of the declared inputs ("children"); NULL ends a
	 *  list. */
	const char *input;
	/** The field of that input's columns holding the area code ("area"). */
	const char *field;
} pk2d_area_column;

/** Since ABI 1.7: what an agency writes in a column of an input file, for
 *  the blank forms "pk2d template" writes (see pk2d_input_help). The texts
 *  are in Bahasa Indonesia, the agencies' language, one line each, and
 *  start with a letter or a digit (a spreadsheet reads a leading '=', '+',
 *  '-' or '@' as a formula). */
typedef struct pk2d_column_help {
	/** The field of one of the input's declared columns ("weight"); NULL
	 *  ends a list. */
	const char *field;
	/** What the column holds, with its unit ("Berat badan anak dalam kg").
	 *  Required. */
	const char *help;
	/** The values accepted ("L atau P", "0 sampai 60", "YYYY-MM-DD atau
	 *  DD/MM/YYYY"); NULL: any text. */
	const char *accepted;
} pk2d_column_help;

/** Since ABI 1.7: the help of the columns of one declared input (see
 *  pk2d_plugin.input_help). A table beside pk2d_input rather than new
 *  members of it or of pk2d_input_column: plugins declare those as arrays,
 *  so a longer element would break every plugin built before. */
typedef struct pk2d_input_help {
	/** The key of one of the declared inputs ("children"); NULL ends a
	 *  list. */
	const char *input;
	/** Its columns' help, ending with a NULL field; a column without an
	 *  entry gets a header only in the template. */
	const pk2d_column_help *columns;
} pk2d_input_help;

/** The plugin descriptor. Fill it with PK2D_PLUGIN_DEFINE(). */
typedef struct pk2d_plugin {
	/** PK2D_PLUGIN_MAGIC. */
	uint32_t magic;
	/** PK2D_ABI_MAJOR the plugin was built with. */
	uint16_t abi_major;
	/** PK2D_ABI_MINOR the plugin was built with. */
	uint16_t abi_minor;
	/** sizeof(pk2d_plugin) as the plugin was built. */
	size_t struct_size;
	/** Module name, [a-z][a-z0-9_]{0,31}; must equal the file name
	 *  ("health" for health.so). */
	const char *name;
	/** Default agency (OPD) responsible for the data ("Dinas Kesehatan"). */
	const char *agency;
	/** Plugin version, free text ("1.0.0"). */
	const char *version;
	/** One line saying what the plugin reads and reports. */
	const char *description;
	/** Accepted INI keys, terminated by an entry whose name is NULL. The keys
	 *  module, enabled, required, agency and timeout are the host's and are
	 *  always accepted. */
	const pk2d_config_key *config_keys;
	/** Reads the configuration and declares indicators and interventions.
	 *  Sets *state to the plugin's own data. Returns 0 or PK2D_ERR_*; when
	 *  it fails, fini() is not called, so it frees what it allocated. */
	int (*init)(const pk2d_host_api *api, pk2d_host *h, void **state);
	/** Reads the agency's files and reports values. Returns 0 or PK2D_ERR_*. */
	int (*collect)(void *state);
	/** Frees the state. May be NULL. */
	void (*fini)(void *state);
	/** Since ABI 1.1: the input files, ending with an entry whose key is
	 *  NULL; NULL when the plugin declares none (its files are then only
	 *  read by collect()). */
	const pk2d_input *inputs;
	/** Since ABI 1.5: the key of one of inputs whose file the host may read
	 *  in parts, each part in a process of its own, when the file is big
	 *  and already grouped by the column parts_column (village by
	 *  village): each part's csv_open of that file reads only its groups,
	 *  whole, and the host adds up the parts' values and file statistics.
	 *  The plugin must csv_group that file by that column, keep nothing
	 *  across groups, and use part() and part_output(). NULL: one part. */
	const char *parts_input;
	/** Since ABI 1.5: the field of the parts_input's columns the plugin
	 *  groups by ("area"). */
	const char *parts_column;
	/** Since ABI 1.6: which declared inputs' columns hold area codes,
	 *  ending with an entry whose input is NULL; NULL for none. A file
	 *  without such a column may name its areas instead (Prov, Kab/Kota,
	 *  Kec, Desa/Kel): the host finds their codes in the region table and
	 *  the plugin reads them in the column as if the file had it; a file
	 *  with both has each row's names checked against its code
	 *  (docs/inputs.md, "Areas by name"). */
	const pk2d_area_column *area_columns;
	/** Since ABI 1.7: help for the declared inputs' columns, ending with
	 *  an entry whose input is NULL; NULL for none. "pk2d template" writes
	 *  it under each column's header, in a row of explanation and a row of
	 *  accepted values, which the host skips when the agency leaves them
	 *  in (docs/inputs.md, "Templates"). */
	const pk2d_input_help *input_help;
} pk2d_plugin;

/**
 * Defines the exported descriptor. Use once per plugin, with designated
 * initialisers for the remaining members:
 *
 *   PK2D_PLUGIN_DEFINE(.name = "health", .agency = "Dinas Kesehatan",
 *                      .version = "1.0.0", .description = "...",
 *                      .config_keys = keys, .init = health_init,
 *                      .collect = health_collect, .fini = health_fini);
 */
#define PK2D_PLUGIN_DEFINE(...)                                           \
	PK2D_EXPORT extern const pk2d_plugin pk2d_plugin_descriptor;      \
	PK2D_EXPORT const pk2d_plugin pk2d_plugin_descriptor = {          \
		.magic = PK2D_PLUGIN_MAGIC,                                \
		.abi_major = PK2D_ABI_MAJOR,                               \
		.abi_minor = PK2D_ABI_MINOR,                               \
		.struct_size = sizeof(pk2d_plugin),                        \
		__VA_ARGS__                                                \
	}

#ifdef __cplusplus
}
#endif

#endif /* PK2D_PLUGIN_H */
