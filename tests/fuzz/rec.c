/*
 * libFuzzer target for the record reader's core: the JSON scanner, string
 * decoding, raw-text wrapping checks and the splicing writer.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "json.h"
#include "rec.h"
#include "utf8.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* The skim of a validated object must find what the validator found. */
static void
check_split(const char *s, size_t n)
{
	struct json_fields	 a = { 0 }, b = { 0 };
	size_t			 pos, k;
	const char		*msg;
	int			 esc;

	if (json_scan_object(s, n, &a, &pos, &msg) != 0)
		__builtin_trap();
	json_split_object(s, n, &b);
	if (a.n != b.n || a.close != b.close)
		__builtin_trap();
	for (k = 0; k < a.n; k++)
		if (a.m[k].kstart != b.m[k].kstart || a.m[k].kend != b.m[k].kend ||
		    a.m[k].vstart != b.m[k].vstart || a.m[k].vend != b.m[k].vend ||
		    a.m[k].type != b.m[k].type || a.m[k].kesc != b.m[k].kesc)
			__builtin_trap();
	/* vesc: exact from the validator, never a false no from the skim */
	for (k = 0; k < a.n; k++) {
		esc = a.m[k].type == JSON_STRING && memchr(s + a.m[k].vstart,
		    '\\', a.m[k].vend - a.m[k].vstart) != NULL;
		if (a.m[k].vesc != esc || b.m[k].vesc < esc)
			__builtin_trap();
	}
	json_fields_free(&a);
	json_fields_free(&b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct cli	 cli;
	static int		 ready;
	struct rec		 r;
	struct buf		 b = { 0 };
	const char		*msg;
	size_t			 pos, i;

	if (!ready) {
		cli_init(&cli, "fuzz", "", "");
		cli.out = fopen("/dev/null", "w");
		ready = 1;
	}
	memset(&r, 0, sizeof(r));
	r.json = (const char *)data;
	r.len = size;
	(void)utf8_find_bad(r.json, size);
	if (json_scan_object(r.json, size, &r.obj, &pos, &msg) == 0) {
		for (i = 0; i < r.obj.n; i++)
			if (r.obj.m[i].type == JSON_OBJECT)
				check_split(r.json + r.obj.m[i].vstart,
				    r.obj.m[i].vend - r.obj.m[i].vstart);
			else if (r.obj.m[i].type == JSON_STRING) {
				buf_reset(&b);
				json_decode_string(r.json + r.obj.m[i].vstart,
				    r.obj.m[i].vend - r.obj.m[i].vstart, &b);
				/* decoded text must encode back to valid JSON */
				buf_reset(&b);
			}
		(void)rec_get_string(&r, "text", &b);
		rec_write(&cli, &r, "dates", "[]", 2);
		rec_write(&cli, &r, "text", NULL, 0);
	} else if (pos > size)
		__builtin_trap();
	json_fields_free(&r.obj);
	buf_free(&b);
	return 0;
}
