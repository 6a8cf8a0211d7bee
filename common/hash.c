/*
 * A thin layer over xxHash so that tools never depend on its API and the
 * id format (DESIGN §2: 16 hex digits of XXH3-128) is defined once.
 */
#include <err.h>
#include <stdlib.h>

#include <xxhash.h>

#include "hash.h"

struct hash_state {
	XXH3_state_t	*st;
};

struct hash_state *
hash_new(void)
{
	struct hash_state	*h;

	if ((h = malloc(sizeof(*h))) == NULL ||
	    (h->st = XXH3_createState()) == NULL)
		err(2, "out of memory");
	hash_reset(h);
	return h;
}

void
hash_free(struct hash_state *h)
{
	if (h == NULL)
		return;
	XXH3_freeState(h->st);
	free(h);
}

void
hash_reset(struct hash_state *h)
{
	XXH3_128bits_reset(h->st);
}

void
hash_update(struct hash_state *h, const void *p, size_t n)
{
	XXH3_128bits_update(h->st, p, n);
}

static void
hex64(uint64_t v, char *out)
{
	static const char	 digits[] = "0123456789abcdef";
	int			 i;

	for (i = HASH_HEXLEN - 1; i >= 0; i--) {
		out[i] = digits[v & 15];
		v >>= 4;
	}
	out[HASH_HEXLEN] = '\0';
}

void
hash_hex(struct hash_state *h, char *out)
{
	hex64(XXH3_128bits_digest(h->st).high64, out);
}

void
hash_hex_bytes(const void *p, size_t n, char *out)
{
	hex64(XXH3_128bits(p, n).high64, out);
}

uint64_t
hash64(const void *p, size_t n)
{
	return XXH3_64bits(p, n);
}
