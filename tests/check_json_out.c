/*
 * check_json_out.c - json_number prints what cJSON prints, number by number
 * (the JSON report must not change when its numbers are made faster).
 */
#include <config.h>

#include <check.h>
#include <cjson/cJSON.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_out.h"

/* Fails unless json_number(v) is cJSON's text for v. */
static void same_as_cjson(double v)
{
	char buf[JSON_NUMBER_MAX];
	cJSON *n = cJSON_CreateNumber(v);
	char *want = cJSON_PrintUnformatted(n);

	ck_assert_msg(strcmp(json_number(v, buf), want) == 0, "%.17g: json_number %s, cJSON %s",
	              v, buf, want);
	cJSON_free(want);
	cJSON_Delete(n);
}

/* A reproducible stream of 64-bit numbers (xorshift). */
static uint64_t next_random(uint64_t *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 7;
	*state ^= *state << 17;
	return *state;
}

START_TEST(counts_and_edges)
{
	static const double edges[] = {
		0, -0.0, 1, -1, 7, 2147483647.0, 2147483648.0, -2147483649.0, 999999999999999.0,
		1e15, 1e16, 123456789012345678.0, 0.5, -0.5, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3,
		82.5987097348661, 99.99999999999999, 99.999999999999986, 9.999999999999998,
		0.9999999999999999, 0.09999999999999999, 0.0001, 0.00009999999999999999,
		1e-4 * (1 + DBL_EPSILON), 1e-4 * (1 - DBL_EPSILON), 0.001, 0.00099999999999999998,
		1e14, 1e14 - 0.125, 1e14 + 0.5, 99999999999999.98, 12345.678901234567,
		2.0000000000000004, 1e-300, 5e-324, DBL_MAX, -DBL_MAX, DBL_MIN, 1.5, 2.5, 0.125,
		45.00000000000001, 66.66666666666667, 33.333333333333336, 12.5, 100.0 / 7,
		/* exact ties at the 15th digit (16 digits, binary fractions), which
		 * printf rounds to even: up and down */
		1234567890123.375, 1234567890123.125, -1234567890123.625, 98765432109.8125,
		1.000000000000125 * 1024 * 1024 * 1024 / 1024 / 1024 / 1024,
		/* and at the 17th, which reach the text: 18 digits */
		12345678901234.4625, 12345678901234.4375, -23456789012345.0625,
	};

	for (size_t i = 0; i < sizeof edges / sizeof *edges; i++)
		for (int step = -2; step <= 2; step++) {
			double v = edges[i];

			for (int s = 0; s < abs(step); s++)
				v = nextafter(v, step < 0 ? -INFINITY : INFINITY);
			if (isfinite(v)) /* json_number is for finite numbers */
				same_as_cjson(v);
		}
}
END_TEST

/* Ratios as the assessment makes them: a count over a count, in percent. */
START_TEST(ratios)
{
	for (int den = 1; den <= 400; den++)
		for (int num = 0; num <= den; num++) {
			same_as_cjson(100.0 * num / den);
			same_as_cjson((double)num / den);
		}
}
END_TEST

/* Any double at any magnitude the reports meet, and beyond. */
START_TEST(random_doubles)
{
	uint64_t state = 0x9e3779b97f4a7c15u;

	for (int i = 0; i < 300000; i++) {
		uint64_t r = next_random(&state);
		double mantissa = (double)(r >> 11) / (double)(1ull << 53);
		int exponent = (int)(next_random(&state) % 26) - 8;
		double v = mantissa * pow(10, exponent);

		same_as_cjson(i % 2 ? -v : v);
		/* a short decimal, as a value typed into an input file */
		same_as_cjson((double)(int64_t)(r % 10000000) / pow(10, (double)(r % 7)));
	}
}
END_TEST

/* Doubles one and two places from a 15-digit decimal, where cJSON's
 * read-back test turns (the text within 1.5 places of the number passes),
 * and around powers of two, where the places change size. */
START_TEST(near_the_read_back_bound)
{
	uint64_t state = 0x1234567u;

	for (int i = 0; i < 100000; i++) {
		char text[40];
		double v;

		snprintf(text, sizeof text, "%llu.%015llu",
		         (unsigned long long)(next_random(&state) % 100000),
		         (unsigned long long)(next_random(&state) % 1000000000000000ull));
		v = strtod(text, NULL);
		for (int step = -3; step <= 3; step++) {
			double w = v;

			for (int s = 0; s < abs(step); s++)
				w = nextafter(w, step < 0 ? 0 : INFINITY);
			same_as_cjson(w);
		}
	}
	for (int e = -13; e < 46; e++) {
		double p = ldexp(1, e);

		for (int step = -8; step <= 8; step++) {
			double w = p;

			for (int s = 0; s < abs(step); s++)
				w = nextafter(w, step < 0 ? 0 : INFINITY);
			same_as_cjson(w);
			same_as_cjson(w * 1.1);
			same_as_cjson(w / 1.1);
		}
	}
}
END_TEST

/* A random tree of every kind of value, up to depth levels deep. */
static cJSON *random_tree(uint64_t *state, int depth)
{
	static const char *const texts[] = {
		"", "Desa Sungai Tabuk", "quote \" and \\ backslash", "tab\tnew\nline\r\b\f",
		"\x01\x1f control", "Ñ 村 é UTF-8", "</script>", "a\x7f",
		/* escapes past the first eight bytes, in a whole word and after */
		"Kelurahan Sungai \"Tabuk\"", "sixteen bytes ok\\", "ten bytes\n",
	};
	const uint64_t n_texts = sizeof texts / sizeof *texts;
	uint64_t r = next_random(state) % (depth > 0 ? 10 : 7);
	cJSON *item;

	switch (r) {
	case 0: return cJSON_CreateNull();
	case 1: return cJSON_CreateBool(next_random(state) & 1);
	case 2: return cJSON_CreateNumber((double)(next_random(state) % 100000) / 7);
	case 3: return cJSON_CreateNumber((double)(int64_t)(next_random(state) % 2000) - 1000);
	case 4: return cJSON_CreateRaw("12.5");
	case 5: case 6: return cJSON_CreateString(texts[next_random(state) % n_texts]);
	case 7:
		item = cJSON_CreateArray();
		for (uint64_t n = next_random(state) % 4; n > 0; n--)
			cJSON_AddItemToArray(item, random_tree(state, depth - 1));
		return item;
	default:
		item = cJSON_CreateObject();
		for (uint64_t n = next_random(state) % 5; n > 0; n--)
			cJSON_AddItemToObject(item, texts[next_random(state) % n_texts],
			                      random_tree(state, depth - 1));
		return item;
	}
}

/* json_print writes what cJSON_Print makes, for any tree. */
START_TEST(print_as_cjson)
{
	uint64_t state = 42;

	for (int i = 0; i < 3000; i++) {
		cJSON *tree = random_tree(&state, 5);
		char *want = cJSON_Print(tree);
		char *got = NULL;
		size_t len;
		FILE *f = open_memstream(&got, &len);

		ck_assert_ptr_nonnull(f);
		ck_assert_int_eq(json_print(f, tree), 0);
		fclose(f);
		ck_assert_msg(strcmp(got, want) == 0, "tree %d:\njson_print: %s\ncJSON: %s", i, got, want);
		free(got);
		cJSON_free(want);
		cJSON_Delete(tree);
	}
}
END_TEST

/* A tree replayed into the writer, call by call; a subtree at depth
 * tree_at or deeper, and a raw value, is handed over whole (json_w_tree). */
static void replay(json_w *w, const cJSON *item, int depth, int tree_at)
{
	const char *key = item->string;

	if (depth >= tree_at || (item->type & 0xff) == cJSON_Raw) {
		json_w_tree(w, key, item);
		return;
	}
	switch (item->type & 0xff) {
	case cJSON_False: json_w_bool(w, key, 0); break;
	case cJSON_True: json_w_bool(w, key, 1); break;
	case cJSON_NULL: json_w_null(w, key); break;
	case cJSON_Number: json_w_num(w, key, item->valuedouble); break;
	case cJSON_String: json_w_str(w, key, item->valuestring); break;
	case cJSON_Array:
	case cJSON_Object:
		if ((item->type & 0xff) == cJSON_Array)
			json_w_array(w, key);
		else
			json_w_object(w, key);
		for (const cJSON *c = item->child; c; c = c->next)
			replay(w, c, depth + 1, tree_at);
		json_w_end(w);
		break;
	}
}

/* 600 random trees, each replayed into the writer twice with text
 * between: first call by call, then partly as subtrees (a raw value
 * always), made compact before the second when compact is set. The text
 * must be cJSON_Print's, the second cJSON_PrintUnformatted's if compact. */
static void replay_twice(uint64_t state, int compact)
{
	for (int i = 0; i < 600; i++) {
		cJSON *tree = random_tree(&state, 6);
		char *pretty = cJSON_Print(tree);
		char *second = compact ? cJSON_PrintUnformatted(tree) : cJSON_Print(tree);
		char *got = NULL, *want = NULL;
		size_t len;
		FILE *f = open_memstream(&got, &len);
		json_w *w;

		ck_assert_ptr_nonnull(f);
		ck_assert_ptr_nonnull(w = json_w_new(f));
		json_w_raw(w, "[");
		replay(w, tree, 0, 99);
		json_w_raw(w, ",\n");
		if (compact)
			json_w_compact(w);
		replay(w, tree, 0, i % 4);
		json_w_raw(w, "]");
		ck_assert_int_eq(json_w_free(w), 0);
		fclose(f);
		ck_assert_int_gt(asprintf(&want, "[%s,\n%s]", pretty, second), 0);
		ck_assert_msg(strcmp(got, want) == 0, "tree %d:\nwriter: %s\ncJSON: %s", i, got, want);
		free(got);
		free(want);
		cJSON_free(pretty);
		cJSON_free(second);
		cJSON_Delete(tree);
	}
}

/* The writer makes cJSON_Print's text for any tree. */
START_TEST(writer_as_cjson)
{
	replay_twice(7, 0);
}
END_TEST

/* Made compact (json_w_compact), the writer makes cJSON_PrintUnformatted's
 * text, of subtrees too; what it wrote before keeps cJSON_Print's layout. */
START_TEST(compact_writer_as_cjson)
{
	replay_twice(11, 1);
}
END_TEST

/* The writer keeps the numbers it made (4,096 of them): a number written
 * again, and one whose place another took meanwhile, is its own text;
 * 0 first, where nothing was made yet, and -0 beside it. */
START_TEST(numbers_made_again)
{
	enum { POOL = 6000, WRITES = 40000 };
	double pool[POOL];
	uint64_t state = 5;
	char *got = NULL, *want = malloc((size_t)(WRITES + 1) * JSON_NUMBER_MAX + 2), *p = want;
	char num[JSON_NUMBER_MAX];
	size_t len;
	FILE *f = open_memstream(&got, &len);
	json_w *w = json_w_new(f);

	ck_assert_ptr_nonnull(want);
	pool[0] = 0.0;
	pool[1] = -0.0;
	for (int i = 2; i < POOL; i++) {
		uint64_t r = next_random(&state);

		pool[i] = i % 3 == 0 ? (double)(r % 100000) / 7
		        : i % 3 == 1 ? (double)(int64_t)(r % 2000000) - 1000000
		                     : (double)(r >> 11) / 9007199254740992.0 * 1e6;
	}
	json_w_compact(w);
	json_w_array(w, NULL);
	*p++ = '[';
	for (int i = 0; i <= WRITES; i++) {
		double v = pool[i < 2 ? (uint64_t)i : next_random(&state) % POOL];

		json_w_num(w, NULL, v);
		p += sprintf(p, "%s%s", i ? "," : "", json_number(v, num));
	}
	json_w_end(w);
	strcpy(p, "]");
	ck_assert_int_eq(json_w_free(w), 0);
	fclose(f);
	for (len = 0; got[len] && got[len] == want[len]; len++)
		;
	ck_assert_msg(got[len] == want[len], "at byte %zu: writer %.40s, json_number %.40s", len,
	              got + len, want + len);
	free(got);
	free(want);
}
END_TEST

/* Not finite: null; a NULL string: null. */
START_TEST(writer_nulls)
{
	char *got = NULL;
	size_t len;
	FILE *f = open_memstream(&got, &len);
	json_w *w = json_w_new(f);

	json_w_object(w, NULL);
	json_w_num(w, "a", NAN);
	json_w_num(w, "b", INFINITY);
	json_w_str(w, "c", NULL);
	json_w_array(w, "d");
	json_w_num(w, NULL, 0.5);
	json_w_num(w, NULL, NAN);
	json_w_end(w);
	json_w_object(w, "e");
	json_w_end(w);
	json_w_end(w);
	ck_assert_int_eq(json_w_free(w), 0);
	fclose(f);
	ck_assert_str_eq(got, "{\n\t\"a\":\tnull,\n\t\"b\":\tnull,\n\t\"c\":\tnull,\n"
	                      "\t\"d\":\t[0.5, null],\n\t\"e\":\t{\n\t}\n}");
	free(got);
}
END_TEST

START_TEST(members)
{
	cJSON *o = cJSON_CreateObject();
	char *text;

	json_add_num(o, "a", 1.25);
	json_add_num(o, "b", NAN);
	json_add_num(o, "c", INFINITY);
	json_add_str(o, "d", "Desa \"Baru\"");
	json_add_str(o, "e", NULL);
	text = cJSON_PrintUnformatted(o);
	ck_assert_str_eq(text, "{\"a\":1.25,\"b\":null,\"c\":null,\"d\":\"Desa \\\"Baru\\\"\",\"e\":null}");
	cJSON_free(text);
	cJSON_Delete(o);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("json_out");
	TCase *tc = tcase_create("core");
	SRunner *sr;
	int failed;

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, counts_and_edges);
	tcase_add_test(tc, ratios);
	tcase_add_test(tc, random_doubles);
	tcase_add_test(tc, near_the_read_back_bound);
	tcase_add_test(tc, print_as_cjson);
	tcase_add_test(tc, writer_as_cjson);
	tcase_add_test(tc, compact_writer_as_cjson);
	tcase_add_test(tc, numbers_made_again);
	tcase_add_test(tc, writer_nulls);
	tcase_add_test(tc, members);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
