/*
 * Unit tests for buffers, UTF-8 handling, JSON scanning and encoding,
 * dates, hashes and the abbreviation lists: the pieces every record
 * passes through.
 */
#include <stdlib.h>

#include "abbrev.h"
#include "buf.h"
#include "date.h"
#include "hash.h"
#include "json.h"
#include "unit.h"
#include "utf8.h"

void
test_buf(void)
{
	struct buf	 b = { 0 };
	int		 i;

	buf_addu(&b, 0);
	buf_addc(&b, ' ');
	buf_addu(&b, 18446744073709551615ULL);
	CHECK_STR(b.p, "0 18446744073709551615");
	buf_reset(&b);
	{
		/* every length, at and around each power of ten */
		unsigned long long	 p = 1;
		char			 want[32];
		int			 k, ok = 1;

		for (k = 0; k < 20; k++, p *= 10) {
			buf_reset(&b);
			buf_addu(&b, p - 1);
			snprintf(want, sizeof(want), "%llu", p - 1);
			ok &= strcmp(b.p, want) == 0;
			buf_reset(&b);
			buf_addu(&b, p);
			snprintf(want, sizeof(want), "%llu", p);
			ok &= strcmp(b.p, want) == 0 && b.len == strlen(want);
		}
		CHECK(ok);
	}
	buf_reset(&b);
	for (i = 0; i < 10000; i++)
		BUF_ADDLIT(&b, "ab");
	CHECK(b.len == 20000 && b.p[b.len] == '\0');
	buf_free(&b);
}

/*
 * The cursor's inline and far paths agree with utf8_count for every step
 * length, near the string's end too, where no sixteen bytes may be read.
 */
static void
test_cursor_steps(void)
{
	static const char s[] = "\xe2\x80\x9c" "Moscow\xe2\x80\x9d, \xc3\x87" "avu"
	    "\xc5\x9fo\xc4\x9flu and \xc2\xab" "EU\xc2\xbb \xf0\x9f\x98\x80 end";
	struct utf8_cursor	 c;
	size_t			 n = sizeof(s) - 1, step, b;
	int			 ok = 1;

	for (step = 1; step <= 40; step++) {
		utf8_cursor_init(&c, s, n);
		for (b = 0; b <= n; b += step)
			ok &= utf8_cursor_cp(&c, b) == utf8_count(s, b);
		ok &= utf8_cursor_cp(&c, n) == utf8_count(s, n);
	}
	CHECK(ok);
}

void
test_utf8(void)
{
	struct buf		 b = { 0 };
	struct utf8_cursor	 c;
	const char		*s = "Çavuşoğlu said";	/* 3 two-byte letters */

	CHECK(utf8_find_bad("plain ascii text here", 21) == 21);
	CHECK(utf8_find_bad("ab\xff", 3) == 2);
	CHECK(utf8_find_bad("a\0b", 3) == 1);
	CHECK(utf8_find_bad("\xc0\xaf", 2) == 0);		/* overlong */
	CHECK(utf8_find_bad("\xed\xa0\x80", 3) == 0);		/* surrogate */
	CHECK(utf8_find_bad("\xf4\x90\x80\x80", 4) == 0);	/* > U+10FFFF */
	CHECK(utf8_find_bad("\xe2\x80\x9c", 3) == 3);		/* “ */
	CHECK(utf8_find_bad("123456789\xe2\x80", 11) == 9);	/* truncated */
	CHECK(utf8_repair("a\xffz\xe2\x80", 5, &b) == 2);
	CHECK_STR(b.p, "a\xef\xbf\xbdz\xef\xbf\xbd");
	CHECK(utf8_count(s, strlen(s)) == 14);
	utf8_cursor_init(&c, s, strlen(s));
	CHECK(utf8_cursor_cp(&c, 2) == 1);
	CHECK(utf8_cursor_cp(&c, strlen("Çavuşoğlu")) == 9);
	CHECK(utf8_cursor_cp(&c, 0) == 0);
	test_cursor_steps();
	CHECK(utf8_is_ascii("plain words, 16 bytes and more", 30));
	CHECK(!utf8_is_ascii("sixteen bytes, then \xc3\xa9", 22));
	buf_reset(&b);
	utf8_put(&b, 0x1f600);
	utf8_put(&b, 0xd800);
	CHECK_STR(b.p, "\xf0\x9f\x98\x80\xef\xbf\xbd");
	buf_free(&b);
}

static int
scan(const char *s, struct json_fields *o, size_t *pos, const char **msg)
{
	return json_scan_object(s, strlen(s), o, pos, msg);
}

static void
test_json_errors(void)
{
	static const struct {
		const char	*in;
		size_t		 pos;
		const char	*msg;
	} bad[] = {
		{ "{\"id\":1", 7, "unexpected end of record" },
		{ "{\"id\":\"abc", 6, "unterminated string" },
		{ "{\"a\":tru}", 5, "unexpected character" },
		{ "{\"a\":01}", 6, "expected ',' or '}'" },
		{ "{\"a\":1.}", 5, "invalid number" },
		{ "{\"a\":\"\\x\"}", 6, "invalid escape" },
		{ "{\"a\":\"\\u12g4\"}", 6, "invalid \\u escape" },
		{ "{\"a\":\"\x01\"}", 6, "control character in string" },
		{ "{\"a\":\"\xff\"}", 6, "invalid UTF-8" },
		/* UTF-8 is checked after a string's scan: the first fault wins */
		{ "{\"a\":\"0123456789abcdef\xc3\xa9\xff\"}", 24,
		    "invalid UTF-8" },
		{ "{\"a\":\"0123456789abcdef\xff\x01\"}", 22, "invalid UTF-8" },
		{ "{\"a\":\"0123456789abcdef\x01\xff\"}", 22,
		    "control character in string" },
		{ "{\"a\":\"0123456789abcdef\xc3", 22, "invalid UTF-8" },
		{ "{\"a\":\"0123456789abcdef\xe2\x82\"}", 22, "invalid UTF-8" },
		{ "{\"a\":\"\xe2\x82\\x\"}", 6, "invalid UTF-8" },
		{ "{\"\xff\":1}", 2, "invalid UTF-8" },
		{ "{\"a\":\"0123456789abcdef\x7f\xc3\xa9", 5,
		    "unterminated string" },
		{ "{a:1}", 1, "expected key" },
		{ "{\"a\" 1}", 5, "expected ':'" },
		{ "{} x", 3, "trailing characters after record" },
		{ "[1,2]", 0, "record is not a JSON object" },
		{ "{\"a\":[1,]}", 8, "unexpected character" },
	};
	struct json_fields	 o = { 0 };
	size_t			 i, pos;
	const char		*msg;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		pos = 999;
		msg = NULL;
		CHECK(scan(bad[i].in, &o, &pos, &msg) == -1);
		if (pos != bad[i].pos)
			printf("FAIL - %s: pos %zu\n", bad[i].in, pos);
		CHECK(pos == bad[i].pos);
		CHECK_STR(msg, bad[i].msg);
	}
	json_fields_free(&o);
}

static void
test_json_depth(void)
{
	struct json_fields	 o = { 0 };
	struct buf		 b = { 0 };
	size_t			 pos, i;
	const char		*msg;

	BUF_ADDLIT(&b, "{\"a\":");
	for (i = 0; i < JSON_MAXDEPTH + 5; i++)
		buf_addc(&b, '[');
	CHECK(json_scan_object(b.p, b.len, &o, &pos, &msg) == -1);
	CHECK_STR(msg, "nesting too deep");
	json_fields_free(&o);
	buf_free(&b);
}

static void
test_json_array(void)
{
	const char	*a = "[ {\"s\":\"]\\\"}\",\"n\":[1,{}]} , 12,-3e2,\"x\",true,[] ]";
	size_t		 pos = 0, st, en, k = 0;
	const char	*want[] = { "{\"s\":\"]\\\"}\",\"n\":[1,{}]}", "12",
	    "-3e2", "\"x\"", "true", "[]" };

	while (json_array_next(a, strlen(a), &pos, &st, &en)) {
		if (k < 6)
			CHECK(en - st == strlen(want[k]) &&
			    memcmp(a + st, want[k], en - st) == 0);
		k++;
	}
	CHECK(k == 6);
	pos = 0;
	CHECK(json_array_next("[]", 2, &pos, &st, &en) == 0);
	/* not JSON: still ends */
	pos = 0;
	k = 0;
	while (json_array_next("[}:}{", 5, &pos, &st, &en) && k < 10)
		k++;
	CHECK(k < 10);
}

/* json_split_object finds the members json_scan_object finds. */
static void
test_json_split(void)
{
	static const char *const objs[] = {
		"{}",
		"{ }",
		"{\"a\":1}",
		"{\"start\":3,\"end\":10,\"text\":\"Sergey Lavrov\","
		    "\"id\":\"sergey-lavrov\",\"how\":\"dict\"}",
		"{ \"k\\\"q\" : [1, {\"x\":\"]}\\\\\"}], \"t\":true ,"
		    "\"n\":null,\"f\":false,\"e\":-1.5e3 }",
		"{\"\\u0074ext\":\"a \\\"quoted\\\" and long string value\"}",
	};
	struct json_fields	 a = { 0 }, b = { 0 };
	size_t			 i, k, pos;
	const char		*msg;
	int			 same;

	for (i = 0; i < sizeof(objs) / sizeof(objs[0]); i++) {
		CHECK(scan(objs[i], &a, &pos, &msg) == 0);
		json_split_object(objs[i], strlen(objs[i]), &b);
		same = a.n == b.n && a.close == b.close;
		/* a split string may hold an escape: vesc says so, always */
		for (k = 0; same && k < a.n; k++)
			same = a.m[k].kstart == b.m[k].kstart &&
			    a.m[k].kend == b.m[k].kend &&
			    a.m[k].vstart == b.m[k].vstart &&
			    a.m[k].vend == b.m[k].vend &&
			    a.m[k].type == b.m[k].type &&
			    a.m[k].kesc == b.m[k].kesc &&
			    b.m[k].vesc == (b.m[k].type == JSON_STRING);
		if (!same)
			printf("FAIL - split differs: %s\n", objs[i]);
		CHECK(same);
	}
	json_fields_free(&a);
	json_fields_free(&b);
}

void
test_json(void)
{
	struct json_fields	 o = { 0 };
	struct buf		 b = { 0 };
	size_t			 pos;
	const char		*msg;
	const char		*s = " {\"id\" : \"d:1\", \"n\":-12.5e3,"
	    "\"t\":\"a\\\"b\\u00e9\\ud83d\\ude00\\n\",\"x\":{\"y\":[true,null]},"
	    "\"\\u0074ext\":\"k\"} ";
	long long		 v;

	CHECK(scan(s, &o, &pos, &msg) == 0);
	CHECK(o.n == 5);
	CHECK(o.m[1].type == JSON_NUMBER && o.m[3].type == JSON_OBJECT);
	CHECK(json_find(s, &o, "x") == 3);
	CHECK(json_find(s, &o, "text") == 4);	/* escaped key */
	CHECK(json_find(s, &o, "nope") == -1);
	CHECK(s[o.close] == '}');
	/* which string values hold an escape */
	CHECK(!o.m[0].vesc && o.m[2].vesc && !o.m[4].vesc);
	json_decode_string(s + o.m[2].vstart, o.m[2].vend - o.m[2].vstart, &b);
	CHECK_STR(b.p, "a\"b\xc3\xa9\xf0\x9f\x98\x80\n");
	buf_reset(&b);
	{
		const char *q = "q\"\\\x01\t\xc3\xa9 long enough to use words";

		json_put_string(&b, q, strlen(q));
	}
	CHECK_STR(b.p, "\"q\\\"\\\\\\u0001\\t\xc3\xa9 long enough to use "
	    "words\"");
	CHECK(scan("{}", &o, &pos, &msg) == 0 && o.n == 0);
	CHECK(json_get_long("-42", 3, &v) == 0 && v == -42);
	CHECK(json_get_long("4.2", 3, &v) == -1);
	test_json_errors();
	test_json_depth();
	test_json_array();
	test_json_split();
	json_fields_free(&o);
	buf_free(&b);
}

void
test_date(void)
{
	struct date_time t;
	char		 out[DATE_ISO_MAX];
	int		 y, m, d;

	CHECK(date_month_index("April", 5) == 4);
	CHECK(date_month_index("sept", 4) == 9);
	CHECK(date_month_index("Dec", 3) == 12);
	CHECK(date_month_index("Ma", 2) == 0);
	CHECK(date_month_index("Mayday", 6) == 0);
	CHECK(date_days_in_month(2024, 2) == 29);
	CHECK(date_days_in_month(1900, 2) == 28);
	CHECK(date_weekday(2022, 4, 5) == 2);	/* a Tuesday */
	CHECK(date_weekday(2025, 12, 24) == 3);
	CHECK(date_to_days(1970, 1, 1) == 0);
	date_from_days(date_to_days(2000, 2, 29) + 1, &y, &m, &d);
	CHECK(y == 2000 && m == 3 && d == 1);
	CHECK(date_parse_iso("2022-04-05", &t) == 0 && !t.has_time);
	date_format(&t, out);
	CHECK_STR(out, "2022-04-05");
	CHECK(date_parse_iso("2022-04-05T14:25", &t) == 0 && t.has_time);
	date_format(&t, out);
	CHECK_STR(out, "2022-04-05T14:25");
	CHECK(date_parse_iso("2022-04-05T14:25:59", &t) == 0);
	CHECK(date_parse_iso("2022-02-30", &t) == -1);
	CHECK(date_parse_iso("2022-4-5", &t) == -1);
	CHECK(date_parse_iso("2022-04-05T25:00", &t) == -1);
	CHECK(date_parse_iso("yesterday", &t) == -1);
}

void
test_hash(void)
{
	char	 a[HASH_HEXLEN + 1], b[HASH_HEXLEN + 1];
	struct hash_state *h = hash_new();

	hash_hex_bytes("hello world\n", 12, a);
	hash_update(h, "hello ", 6);
	hash_update(h, "world\n", 6);
	hash_hex(h, b);
	CHECK(strlen(a) == 16 && strcmp(a, b) == 0);
	hash_hex_bytes("hello world!", 12, b);
	CHECK(strcmp(a, b) != 0);
	hash_free(h);
}

/* The abbreviation lists are sorted for the binary search, and found. */
static int
sorted(const char *const *list, size_t n)
{
	size_t	 i;

	for (i = 1; i < n; i++)
		if (strcmp(list[i - 1], list[i]) >= 0)
			return 0;
	return 1;
}

void
test_abbrev(void)
{
	size_t	 i;

	CHECK(sorted(abbr_titles, abbr_ntitles));
	CHECK(sorted(abbr_others, abbr_nothers));
	for (i = 0; i < abbr_ntitles; i++)
		CHECK(abbr_known(abbr_titles[i], strlen(abbr_titles[i])) ==
		    ABBR_TITLE);
	for (i = 0; i < abbr_nothers; i++)
		CHECK(abbr_known(abbr_others[i], strlen(abbr_others[i])) ==
		    ABBR_OTHER);
	CHECK(abbr_known("Gen", 3) == ABBR_TITLE);
	CHECK(abbr_known("Ala", 3) == ABBR_OTHER);
	CHECK(abbr_known("Iraq", 4) == ABBR_NONE);
	CHECK(abbr_known("Gene", 3) == ABBR_TITLE);	/* by length */
	CHECK(abbr_known("Ge", 2) == ABBR_NONE);
	CHECK(abbr_known("", 0) == ABBR_NONE);
	CHECK(abbr_known("Messrs.", 7) == ABBR_NONE);
}
