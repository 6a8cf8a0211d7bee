/*
 * libFuzzer target for dateextract's core: tokenizer, grammar and
 * resolver over arbitrary text, with and without a reference date.
 */
#include <stdint.h>

#include "buf.h"
#include "date.h"
#include "dateextract.h"
#include "json.h"
#include "utf8.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct dx	 dx;
	static int		 ready;
	struct buf		 out = { 0 }, w = { 0 };
	size_t			 len;
	struct json_fields	 obj = { 0 };
	struct date_time	 ref = { 2022, 4, 5, 14, 25, 1 };
	const char		*msg;
	size_t			 pos;
	const char		*text;

	if (!ready) {
		dx_init(&dx);
		ready = 1;
	}
	/* the first byte picks the reference: none, fixed, or varied */
	if (size > 0 && data[0] % 3 == 1)
		ref.y = 1583 + data[0];
	/* record text is valid UTF-8 by the time it reaches the core */
	utf8_repair((const char *)data, size, &out);
	text = out.p != NULL ? out.p : "";
	len = out.len;
	dx_reset(&dx);
	BUF_ADDLIT(&w, "{\"a\":");
	dx_annotate(&dx, text, len, size > 0 && data[0] % 3 == 0 ? NULL :
	    &ref, &w);
	/* a second record of the same document uses the narrative anchor */
	BUF_ADDLIT(&w, ",\"b\":");
	dx_annotate(&dx, text, len, NULL, &w);
	buf_addc(&w, '}');
	/* what we write must always be valid JSON */
	if (json_scan_object(w.p, w.len, &obj, &pos, &msg) != 0)
		__builtin_trap();
	json_fields_free(&obj);
	buf_free(&w);
	buf_free(&out);
	return 0;
}
