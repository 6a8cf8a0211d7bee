/*
 * dedupe's state across runs: an SQLite database of the items earlier
 * runs kept, written one batch per transaction so a killed run loses at
 * most its unfinished batch.
 */
#ifndef DEDUPE_STORE_H
#define DEDUPE_STORE_H

#include <stddef.h>
#include <stdint.h>

#define STORE_KEYSIZE	16
#define STORE_BUSY_MS	600000	/* how long a run waits for another */
#define STORE_FORMAT	"parley-dedupe 1"

struct store;

/* Called for each item another run (or an earlier one) stored. */
typedef void store_row_fn(void *, const uint8_t *, const uint8_t *,
    const char *, size_t);

/*
 * Open or create the database at path, drop items older than expire
 * seconds before now (expire 0: keep all).  NULL with a message in err.
 */
struct store *store_open(const char *, long long, long long, char *,
	    size_t);
/* Feed every stored item not yet seen to fn. 0, or -1 on error. */
int	store_load(struct store *, store_row_fn *, void *);
/* Queue an item kept by this run for the next commit. */
int	store_add(struct store *, const uint8_t *, const uint8_t *, size_t,
	    const char *, size_t, long long);
size_t	store_pending(const struct store *);
/*
 * Write the queued items in one transaction, after taking in what other
 * runs stored since the last load (fed to fn).  0, or -1 on error.
 */
int	store_commit(struct store *, store_row_fn *, void *);
const char *store_error(const struct store *);
void	store_close(struct store *);

#endif
