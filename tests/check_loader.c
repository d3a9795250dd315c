/*
 * check_loader.c - the search path and every refusal of the loader, each
 * with its own message, on real shared objects built by make check.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "loader.h"
#include "harness.h"
#include "util.h"

static plugin_search search;

static void setup(void)
{
	plugin_search_init(&search, NULL, getenv("PK2D_PLUGIN_PATH"), NULL, 0);
}

static void teardown(void)
{
	plugin_search_free(&search);
}

/* Loads a test plugin; returns its error text (static) or NULL. */
static const char *try_load(const char *name, loaded_plugin **out)
{
	static char err[1024];
	char *path = NULL;
	ck_assert_msg(plugin_find(&search, name, &path, err, sizeof err) == 0, "%s", err);
	int r = loader_load(path, name, out, err, sizeof err);
	free(path);
	if (r == 0) {
		ck_assert_ptr_nonnull(*out);
		return NULL;
	}
	ck_assert_ptr_null(*out);
	return err;
}

static void expect_refusal(const char *name, const char *want)
{
	loaded_plugin *p = NULL;
	const char *err = try_load(name, &p);
	ck_assert_msg(err != NULL, "%s loaded", name);
	ck_assert_msg(strstr(err, want) != NULL, "%s: '%s' lacks '%s'", name, err, want);
}

START_TEST(good_loads_and_is_copied)
{
	loaded_plugin *p = NULL;
	ck_assert_ptr_null(try_load("good", &p));
	ck_assert_str_eq(p->name, "good");
	ck_assert_str_eq(p->agency, "Dinas Uji");
	ck_assert_str_eq(p->version, "1.0.0");
	ck_assert_str_eq(p->description, "test plugin that behaves");
	ck_assert_uint_eq(p->abi_major, PK2D_ABI_MAJOR);
	ck_assert_uint_eq(p->abi_minor, PK2D_ABI_MINOR);
	ck_assert_uint_eq(p->n_keys, 3);
	ck_assert_str_eq(p->keys[0].name, "data");
	ck_assert_int_eq(p->keys[0].required, 1);
	ck_assert_str_eq(p->keys[1].default_value, "KK memenuhi");
	ck_assert_str_eq(p->keys[2].name, "column.*");
	ck_assert_ptr_null(p->keys[3].name);
	ck_assert_ptr_nonnull(p->init);
	ck_assert_ptr_nonnull(p->collect);
	ck_assert_ptr_nonnull(p->fini);
	ck_assert(strstr(p->path, "good.so") != NULL);
	ck_assert_uint_eq(p->n_inputs, 0);
	loader_unload(p);
}
END_TEST

/* A plugin built against ABI 1.0's header: loaded, nothing read past its
 * descriptor's end (it declares no inputs). */
START_TEST(abi_1_0_plugin_loads)
{
	loaded_plugin *p = NULL;
	ck_assert_ptr_null(try_load("abi10", &p));
	ck_assert_uint_eq(p->abi_minor, 0);
	ck_assert_uint_eq(p->n_inputs, 0);
	ck_assert_ptr_nonnull(p->inputs);
	ck_assert_ptr_null(p->inputs[0].key);
	ck_assert_uint_eq(p->n_keys, 3);
	loader_unload(p);
}
END_TEST

/* A shipped plugin's declared inputs, copied. */
START_TEST(declared_inputs_are_copied)
{
	loaded_plugin *p = NULL;
	ck_assert_ptr_null(try_load("health", &p));
	ck_assert_uint_eq(p->n_inputs, 2);
	ck_assert_str_eq(p->inputs[0].key, "children");
	ck_assert_str_eq(p->inputs[0].column_prefix, "column.");
	ck_assert_str_eq(p->inputs[0].columns[0].field, "id");
	ck_assert_str_eq(p->inputs[0].columns[0].header, "NIK");
	ck_assert_int_eq(p->inputs[0].columns[0].required, 0);
	size_t n = 0, required = 0;
	for (const pk2d_input_column *c = p->inputs[0].columns; c->field; c++, n++)
		if (c->required) {
			ck_assert_str_eq(c->field, "sex");
			required++;
		}
	ck_assert_uint_eq(required, 1);
	ck_assert_uint_gt(n, 10);
	ck_assert_str_eq(p->inputs[1].key, "log");
	ck_assert_str_eq(p->inputs[1].column_prefix, "log_column.");
	ck_assert_ptr_null(p->inputs[2].key);
	loader_unload(p);
}
END_TEST

START_TEST(bad_abi)
{
	char *want = xasprintf("built for ABI 2.0, this pk2d (%s) has ABI %d.%d: rebuild the "
	                       "plugin against pk2d >= %s", PACKAGE_VERSION, PK2D_ABI_MAJOR,
	                       PK2D_ABI_MINOR, PACKAGE_VERSION);
	expect_refusal("bad_abi", want);
	free(want);
}
END_TEST

START_TEST(bad_magic)
{
	expect_refusal("bad_magic", "bad magic 0x12345678 in pk2d_plugin_descriptor (a pk2d "
	               "plugin has 0x504b3244): not a pk2d plugin descriptor");
}
END_TEST

START_TEST(new_minor)
{
	char *want = xasprintf("built for ABI %d.%d, newer than this pk2d's (%s) ABI %d.%d",
	                       PK2D_ABI_MAJOR, PK2D_ABI_MINOR + 1, PACKAGE_VERSION,
	                       PK2D_ABI_MAJOR, PK2D_ABI_MINOR);
	expect_refusal("new_minor", want);
	free(want);
}
END_TEST

START_TEST(short_struct)
{
	/* At least ABI 1.0's descriptor, which ends with fini. */
	char *want = xasprintf("descriptor is 16 bytes, ABI %d.%d needs at least %zu",
	                       PK2D_ABI_MAJOR, PK2D_ABI_MINOR,
	                       offsetof(pk2d_plugin, fini) + sizeof(void (*)(void *)));
	expect_refusal("short_struct", want);
	free(want);
}
END_TEST

START_TEST(no_collect)
{
	expect_refusal("no_collect", "descriptor has no collect function");
}
END_TEST

START_TEST(no_symbol)
{
	expect_refusal("no_symbol", "no symbol pk2d_plugin_descriptor: not a pk2d plugin");
}
END_TEST

START_TEST(bad_name)
{
	expect_refusal("bad_name", "descriptor name 'other_name' does not match the file name "
	               "'bad_name.so'");
}
END_TEST

START_TEST(not_so)
{
	char *dir = harness_tmpdir();
	char *path = harness_write(dir, "not_so.so", "this is a text file, not an ELF object\n");
	plugin_search s;
	plugin_search_init(&s, dir, NULL, NULL, 0);
	char err[1024], *found = NULL;
	ck_assert_int_eq(plugin_find(&s, "not_so", &found, err, sizeof err), 0);
	ck_assert_str_eq(found, path);
	loaded_plugin *p = NULL;
	ck_assert_int_eq(loader_load(found, "not_so", &p, err, sizeof err), PK2D_ERR_INVALID);
	ck_assert_ptr_null(p);
	ck_assert_msg(strncmp(err, "not a loadable shared object: ", 30) == 0, "%s", err);
	/* dlerror() names the file. */
	ck_assert_msg(strstr(err, path) != NULL, "%s", err);
	free(found);
	free(path);
	plugin_search_free(&s);
	harness_rmtree(dir);
	free(dir);
}
END_TEST

START_TEST(not_found_and_bad_names)
{
	plugin_search s;
	plugin_search_init(&s, "/nonexistent/a:/nonexistent/b", NULL, NULL, 0);
	char err[1024], *path = NULL;
	ck_assert_int_eq(plugin_find(&s, "health", &path, err, sizeof err), PK2D_ERR_MISSING);
	ck_assert_str_eq(err, "plugin 'health' not found: no health.so in /nonexistent/a, "
	                 "/nonexistent/b");
	ck_assert_int_eq(plugin_find(&s, "../etc/x", &path, err, sizeof err), PK2D_ERR_INVALID);
	ck_assert_int_eq(plugin_find(&s, "Health", &path, err, sizeof err), PK2D_ERR_INVALID);
	ck_assert_int_eq(plugin_find(&s, "a23456789012345678901234567890123", &path, err,
	                             sizeof err), PK2D_ERR_INVALID);
	ck_assert_ptr_null(path);
	plugin_search_free(&s);
}
END_TEST

START_TEST(search_order)
{
	char *cfg_dirs[] = { "/agency/one", "/agency/two" };
	plugin_search s;
	plugin_search_init(&s, "/cli/a::/cli/b", "/env", cfg_dirs, 2);
	ck_assert_uint_eq(s.n, 2);
	ck_assert_str_eq(s.dirs[0], "/cli/a");
	ck_assert_str_eq(s.dirs[1], "/cli/b");
	plugin_search_free(&s);
	plugin_search_init(&s, NULL, "/env1:/env2", cfg_dirs, 2);
	ck_assert_uint_eq(s.n, 4);
	ck_assert_str_eq(s.dirs[0], "/agency/one");
	ck_assert_str_eq(s.dirs[1], "/agency/two");
	ck_assert_str_eq(s.dirs[2], "/env1");
	ck_assert_str_eq(s.dirs[3], "/env2");
	plugin_search_free(&s);
	plugin_search_init(&s, NULL, "", cfg_dirs, 1);
	ck_assert_uint_eq(s.n, 2);
	ck_assert_str_eq(s.dirs[1], PK2D_PLUGINDIR_FOR_TESTS);
	plugin_search_free(&s);
}
END_TEST

START_TEST(file_layouts)
{
	char *dir = harness_tmpdir();
	char *libs = xasprintf("%s/.libs", dir), *zd = xasprintf("%s/z", dir);
	char *zl = xasprintf("%s/z/.libs", dir);
	ck_assert_int_eq(mkdir(libs, 0700), 0);
	ck_assert_int_eq(mkdir(zd, 0700), 0);
	ck_assert_int_eq(mkdir(zl, 0700), 0);
	free(harness_write(dir, "x.so", ""));
	free(harness_write(libs, "y.so", ""));
	free(harness_write(zl, "z.so", ""));
	/* A directory called w.so is not a plugin file. */
	char *wd = xasprintf("%s/w.so", dir);
	ck_assert_int_eq(mkdir(wd, 0700), 0);
	plugin_search s;
	plugin_search_init(&s, dir, NULL, NULL, 0);
	char err[1024], *path = NULL;
	const char *names[] = { "x", "y", "z" };
	const char *where[] = { "/x.so", "/.libs/y.so", "/z/.libs/z.so" };
	for (int i = 0; i < 3; i++) {
		ck_assert_int_eq(plugin_find(&s, names[i], &path, err, sizeof err), 0);
		char *want = xasprintf("%s%s", dir, where[i]);
		ck_assert_str_eq(path, want);
		free(want);
		free(path);
	}
	ck_assert_int_eq(plugin_find(&s, "w", &path, err, sizeof err), PK2D_ERR_MISSING);
	plugin_search_free(&s);
	harness_rmtree(dir);
	free(dir);
	free(libs);
	free(zd);
	free(zl);
	free(wd);
}
END_TEST

START_TEST(two_at_once)
{
	loaded_plugin *a = NULL, *b = NULL;
	ck_assert_ptr_null(try_load("good", &a));
	ck_assert_ptr_null(try_load("undeclared", &b));
	/* RTLD_LOCAL: each handle gives its own descriptor. */
	ck_assert_str_eq(a->name, "good");
	ck_assert_str_eq(b->name, "undeclared");
	ck_assert_ptr_ne(a->init, b->init);
	ck_assert_ptr_ne(a->collect, b->collect);
	ck_assert_ptr_ne(a->handle, b->handle);
	loader_unload(a);
	loader_unload(b);
}
END_TEST

static int dummy_init(const pk2d_host_api *api, pk2d_host *h, void **state)
{
	(void)api;
	(void)h;
	*state = NULL;
	return 0;
}

static int dummy_collect(void *state)
{
	(void)state;
	return 0;
}

START_TEST(check_in_memory)
{
	pk2d_plugin d = { .magic = PK2D_PLUGIN_MAGIC, .abi_major = PK2D_ABI_MAJOR,
	                  .abi_minor = PK2D_ABI_MINOR, .struct_size = sizeof(pk2d_plugin),
	                  .name = "mem", .init = dummy_init, .collect = dummy_collect };
	char err[512];
	ck_assert_int_eq(loader_check(&d, sizeof d, "mem", err, sizeof err), 0);
	ck_assert_int_eq(loader_check(&d, 0, "mem", err, sizeof err), 0);
	ck_assert_int_eq(loader_check(&d, 8, "mem", err, sizeof err), PK2D_ERR_INVALID);
	ck_assert_str_eq(err, "pk2d_plugin_descriptor is only 8 bytes: not a pk2d plugin "
	                 "descriptor");
	d.struct_size = sizeof d + 64;
	ck_assert_int_eq(loader_check(&d, sizeof d, "mem", err, sizeof err), PK2D_ERR_INVALID);
	ck_assert(strstr(err, "descriptor says it is") != NULL);
	d.struct_size = sizeof d;
	d.name = NULL;
	ck_assert_int_eq(loader_check(&d, sizeof d, "mem", err, sizeof err), PK2D_ERR_INVALID);
	ck_assert_str_eq(err, "descriptor has no name");
	d.name = "mem";
	d.init = NULL;
	ck_assert_int_eq(loader_check(&d, sizeof d, "mem", err, sizeof err), PK2D_ERR_INVALID);
	ck_assert_str_eq(err, "descriptor has no init function");
}
END_TEST

/* ABI 1.3: parts_input names a declared input and parts_column one of its
 * columns; the copy keeps both; a 1.2 descriptor's bytes there are not read. */
START_TEST(parts_declaration)
{
	static const pk2d_config_key keys[] = { { "survey", NULL, 0, NULL },
	                                        { NULL, NULL, 0, NULL } };
	static const pk2d_input_column cols[] = { { "area", "kode_wilayah", 0 },
	                                          { NULL, NULL, 0 } };
	static const pk2d_input inputs[] = { { "survey", "column.", cols },
	                                     { NULL, NULL, NULL } };
	pk2d_plugin d = { .magic = PK2D_PLUGIN_MAGIC, .abi_major = PK2D_ABI_MAJOR,
	                  .abi_minor = PK2D_ABI_MINOR, .struct_size = sizeof(pk2d_plugin),
	                  .name = "mem", .init = dummy_init, .collect = dummy_collect,
	                  .config_keys = keys, .inputs = inputs, .parts_input = "survey",
	                  .parts_column = "area" };
	char err[512];
	ck_assert_int_eq(loader_check(&d, sizeof d, "mem", err, sizeof err), 0);
	loaded_plugin *lp = loader_copy(&d, "/x/mem.so");
	ck_assert_str_eq(lp->parts_input, "survey");
	ck_assert_str_eq(lp->parts_column, "area");
	loader_unload(lp);
	d.parts_column = "rt";
	ck_assert_int_eq(loader_check(&d, sizeof d, "mem", err, sizeof err), PK2D_ERR_INVALID);
	ck_assert_str_eq(err, "parts_input 'survey' and parts_column 'rt' are not a declared "
	                 "input and one of its columns");
	d.parts_column = NULL;
	ck_assert_int_eq(loader_check(&d, sizeof d, "mem", err, sizeof err), PK2D_ERR_INVALID);
	d.parts_input = "log";
	d.parts_column = "area";
	ck_assert_int_eq(loader_check(&d, sizeof d, "mem", err, sizeof err), PK2D_ERR_INVALID);
	/* Built for 1.2: whatever follows inputs is not the plugin's. */
	d.abi_minor = 2;
	ck_assert_int_eq(loader_check(&d, sizeof d, "mem", err, sizeof err), 0);
	lp = loader_copy(&d, "/x/mem.so");
	ck_assert_ptr_null(lp->parts_input);
	ck_assert_ptr_null(lp->parts_column);
	loader_unload(lp);
}
END_TEST

/* ABI 1.7: the input help names declared columns, each with a text; the
 * copy keeps it; a 1.6 descriptor's bytes there are not read. */
START_TEST(input_help_declaration)
{
	static const pk2d_config_key keys[] = { { "survey", NULL, 0, NULL },
	                                        { NULL, NULL, 0, NULL } };
	static const pk2d_input_column cols[] = { { "area", "kode_wilayah", 0 },
	                                          { "rt", "rt", 0 }, { NULL, NULL, 0 } };
	static const pk2d_input inputs[] = { { "survey", "column.", cols },
	                                     { NULL, NULL, NULL } };
	pk2d_column_help col_help[] = { { "area", "Kode desa", "PP.KK.CC.DDDD" },
	                                { "rt", "Nomor RT", NULL }, { NULL, NULL, NULL } };
	pk2d_input_help help[] = { { "survey", col_help }, { NULL, NULL } };
	pk2d_plugin d = { .magic = PK2D_PLUGIN_MAGIC, .abi_major = PK2D_ABI_MAJOR,
	                  .abi_minor = PK2D_ABI_MINOR, .struct_size = sizeof(pk2d_plugin),
	                  .name = "mem", .init = dummy_init, .collect = dummy_collect,
	                  .config_keys = keys, .inputs = inputs, .input_help = help };
	char err[512];
	ck_assert_int_eq(loader_check(&d, sizeof d, "mem", err, sizeof err), 0);
	loaded_plugin *lp = loader_copy(&d, "/x/mem.so");
	ck_assert_str_eq(loader_column_help(lp, "survey", "area")->accepted, "PP.KK.CC.DDDD");
	ck_assert_str_eq(loader_column_help(lp, "survey", "rt")->help, "Nomor RT");
	ck_assert_ptr_null(loader_column_help(lp, "survey", "rt")->accepted);
	ck_assert_ptr_null(loader_column_help(lp, "log", "rt"));
	loader_unload(lp);
	col_help[1].field = "rw";
	ck_assert_int_eq(loader_check(&d, sizeof d, "mem", err, sizeof err), PK2D_ERR_INVALID);
	ck_assert_str_eq(err, "help of column 'rw' of input 'survey': not a declared input and "
	                 "one of its columns");
	col_help[1].field = "rt";
	col_help[1].help = "";
	ck_assert_int_eq(loader_check(&d, sizeof d, "mem", err, sizeof err), PK2D_ERR_INVALID);
	ck_assert_str_eq(err, "help of column 'rt' of input 'survey': no help text");
	help[0].input = "log";
	col_help[1].help = "Nomor RT";
	ck_assert_int_eq(loader_check(&d, sizeof d, "mem", err, sizeof err), PK2D_ERR_INVALID);
	/* Built for 1.6: whatever follows area_columns is not the plugin's. */
	d.abi_minor = 6;
	ck_assert_int_eq(loader_check(&d, sizeof d, "mem", err, sizeof err), 0);
	lp = loader_copy(&d, "/x/mem.so");
	ck_assert_ptr_null(lp->help[0].input);
	ck_assert_ptr_null(loader_column_help(lp, "survey", "area"));
	loader_unload(lp);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("loader");
	TCase *t = tcase_create("loader");
	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, good_loads_and_is_copied);
	tcase_add_test(t, abi_1_0_plugin_loads);
	tcase_add_test(t, declared_inputs_are_copied);
	tcase_add_test(t, bad_abi);
	tcase_add_test(t, bad_magic);
	tcase_add_test(t, new_minor);
	tcase_add_test(t, short_struct);
	tcase_add_test(t, no_collect);
	tcase_add_test(t, no_symbol);
	tcase_add_test(t, bad_name);
	tcase_add_test(t, not_so);
	tcase_add_test(t, not_found_and_bad_names);
	tcase_add_test(t, search_order);
	tcase_add_test(t, file_layouts);
	tcase_add_test(t, two_at_once);
	tcase_add_test(t, check_in_memory);
	tcase_add_test(t, parts_declaration);
	tcase_add_test(t, input_help_declaration);
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
