/*
 * libFuzzer target for dedupe's core: arbitrary bytes, line by line, as
 * items through folding, exact and near-duplicate judging and the state.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "dedupe.h"
#include "normalize.h"
#include "utf8.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Lines are items; a line "--" ends a document of several lines. */
static void
feed(struct dedupe *dd, const char *s, size_t n, struct buf *tmp,
    int docs)
{
	struct buf	 id = { NULL, 0, 0 };
	size_t		 i = 0, j, k = 0;
	const char	*nl;
	uint32_t	 of;
	double		 sim;
	int		 err, open = 0;

	while (i <= n) {
		nl = i < n ? memchr(s + i, '\n', n - i) : NULL;
		j = nl != NULL ? (size_t)(nl - s) : n;
		if (!open) {
			dd_begin(dd);
			open = 1;
		}
		buf_reset(tmp);
		utf8_repair(s + i, j - i, tmp);
		dd_text(dd, tmp->p != NULL ? tmp->p : "", tmp->len);
		if (!docs || j == n || (j - i == 2 && s[i] == '-' &&
		    s[i + 1] == '-')) {
			buf_reset(&id);
			buf_addu(&id, k++);
			if (dd_judge(dd, id.p, id.len, 0, &of, &sim, &err) ==
			    DD_DUP) {
				buf_reset(&id);
				if (index_id(&dd->ix, of, &id) == -1 ||
				    sim < 0 || sim > 1)
					abort();
			}
			if (err)
				abort();
			open = 0;
		}
		i = j + 1;
	}
	buf_free(&id);
}

/*
 * ASCII folds by a rule simple enough to restate byte by byte: the block
 * folder and the word splitter must agree with it.
 */
static void
check_ascii(const char *s, size_t n)
{
	struct buf	 got = { NULL, 0, 0 }, want = { NULL, 0, 0 };
	struct words	 w = { NULL, 0, 0 };
	size_t		 i, nw = 0;
	int		 c, inword = 0;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return;
	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (!inword && want.len > 0)
				buf_addc(&want, ' ');
			nw += !inword;
			buf_addc(&want, (char)c);
			inword = 1;
		} else
			inword = 0;
	}
	norm_words(s, n, &got, &w, NULL);
	if (got.len != want.len || w.n != nw ||
	    (got.len > 0 && memcmp(got.p, want.p, got.len) != 0))
		abort();
	buf_free(&got);
	buf_free(&want);
	free(w.h);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dedupe	 dd;
	struct buf	 tmp = { NULL, 0, 0 }, a = { NULL, 0, 0 };
	struct buf	 b = { NULL, 0, 0 };
	struct norm_cache *cache;
	char		 err[300];
	const char	*s = (const char *)data;

	/* exact, record by record */
	if (dd_init(&dd, 0, 1) == -1)
		return 0;
	feed(&dd, s, size, &tmp, 0);
	dd_free(&dd);

	/* near, documents, with an in-memory state database */
	if (dd_init(&dd, 0.8, 1) == -1)
		return 0;
	dd.store = store_open(":memory:", 0, 0, err, sizeof(err));
	if (dd.store == NULL || dd_load(&dd) == -1)
		abort();
	feed(&dd, s, size, &tmp, 1);
	if (dd_commit(&dd) == -1)
		abort();
	dd_free(&dd);

	check_ascii(s, size);

	/* folding is idempotent, and the same through the cache */
	if ((cache = calloc(1, sizeof(*cache))) == NULL)
		abort();
	buf_reset(&tmp);
	utf8_repair(s, size, &tmp);
	norm_words(tmp.p != NULL ? tmp.p : "", tmp.len, &a, NULL, NULL);
	norm_words(tmp.p != NULL ? tmp.p : "", tmp.len, &b, NULL, cache);
	if (b.len != a.len || memcmp(b.p, a.p, a.len) != 0)
		abort();
	buf_reset(&tmp);
	norm_words(a.p, a.len, &tmp, NULL, cache);
	if (tmp.len != a.len || memcmp(tmp.p, a.p, a.len) != 0)
		abort();
	free(cache);
	buf_free(&tmp);
	buf_free(&a);
	buf_free(&b);
	return 0;
}
