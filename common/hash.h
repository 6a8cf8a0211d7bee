/*
 * Stable ids from content: XXH3 over bytes, printed as lowercase hex.
 * Document ids must not change between runs, machines or versions.
 */
#ifndef PARLEY_HASH_H
#define PARLEY_HASH_H

#include <stddef.h>
#include <stdint.h>

#define HASH_HEXLEN	16

struct hash_state;

struct hash_state *hash_new(void);
void	hash_free(struct hash_state *);
void	hash_reset(struct hash_state *);
void	hash_update(struct hash_state *, const void *, size_t);
/* 16 hex digits (the high half of XXH3-128) and a NUL into out. */
void	hash_hex(struct hash_state *, char *);
void	hash_hex_bytes(const void *, size_t, char *);
uint64_t hash64(const void *, size_t);

/* Integer finalizers (murmur3 / lowbias32): spread bits of a value. */
static inline uint64_t
hash_mix64(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	x ^= x >> 33;
	return x;
}

static inline uint32_t
hash_mix32(uint32_t x)
{
	x ^= x >> 16;
	x *= 0x7feb352dU;
	x ^= x >> 15;
	x *= 0x846ca68bU;
	x ^= x >> 16;
	return x;
}

#endif
