/*
 * SQLite state for dedupe.  WAL journal, a busy timeout so that concurrent
 * runs queue, a UNIQUE key so no item is ever stored twice, and a temporary
 * table that holds a batch until it is committed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "minhash.h"
#include "store.h"

struct store {
	sqlite3		*db;
	sqlite3_stmt	*load;
	sqlite3_stmt	*pend;
	sqlite3_stmt	*move;
	sqlite3_int64	 last;		/* highest row number taken in */
	size_t		 npending;
	int		 intemp;	/* a transaction on the batch is open */
	char		 err[256];
};

static const char schema[] =
    "CREATE TABLE IF NOT EXISTS meta(k TEXT PRIMARY KEY, v TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS items("
    " n INTEGER PRIMARY KEY AUTOINCREMENT,"
    " key BLOB NOT NULL UNIQUE,"
    " sketch BLOB NOT NULL,"
    " id TEXT NOT NULL,"
    " t INTEGER NOT NULL);"
    "CREATE INDEX IF NOT EXISTS items_t ON items(t);"
    "INSERT OR IGNORE INTO meta VALUES('format', '" STORE_FORMAT "');";

static int
fail(struct store *s, const char *what)
{
	snprintf(s->err, sizeof(s->err), "%s%s%s", what, *what ? ": " : "",
	    sqlite3_errmsg(s->db));
	return -1;
}

static int
exec(struct store *s, const char *sql)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return fail(s, "");
	return 0;
}

static int
check_format(struct store *s)
{
	sqlite3_stmt	*st;
	int		 rc, ok;

	if (sqlite3_prepare_v2(s->db, "SELECT v FROM meta WHERE k='format'",
	    -1, &st, NULL) != SQLITE_OK)
		return fail(s, "");
	rc = sqlite3_step(st);
	ok = rc == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(st,
	    0), STORE_FORMAT) == 0;
	sqlite3_finalize(st);
	if (!ok) {
		snprintf(s->err, sizeof(s->err),
		    "not a dedupe state database (format is not %s)",
		    STORE_FORMAT);
		return -1;
	}
	return 0;
}

static int
expire(struct store *s, long long before)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (sqlite3_prepare_v2(s->db, "DELETE FROM items WHERE t < ?", -1,
	    &st, NULL) != SQLITE_OK)
		return fail(s, "");
	sqlite3_bind_int64(st, 1, before);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : fail(s, "");
}

/* A database with tables but not ours is someone else's: leave it alone. */
static int
foreign(struct store *s)
{
	sqlite3_stmt	*st;
	int		 n = 0;

	if (sqlite3_prepare_v2(s->db, "SELECT (SELECT count(*) FROM"
	    " sqlite_master) > 0 AND (SELECT count(*) FROM sqlite_master"
	    " WHERE type = 'table' AND name = 'meta') = 0", -1, &st, NULL) !=
	    SQLITE_OK)
		return fail(s, "");
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (n) {
		snprintf(s->err, sizeof(s->err),
		    "not a dedupe state database (format is not %s)",
		    STORE_FORMAT);
		return -1;
	}
	return 0;
}

/*
 * Switching a new database to WAL takes an exclusive lock, and SQLite
 * may report a competing run's lock at once instead of through the busy
 * handler: wait for it here, as long as the busy timeout would.
 */
static int
exec_waiting(struct store *s, const char *sql)
{
	struct timespec	 pause = { 0, 10 * 1000 * 1000 };
	int		 rc, waited;

	for (waited = 0;; waited += 10) {
		rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
		if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) ||
		    waited >= STORE_BUSY_MS)
			break;
		nanosleep(&pause, NULL);
	}
	return rc == SQLITE_OK ? 0 : fail(s, "");
}

/* Schema, format check and expiry in one write transaction. */
static int
setup(struct store *s, long long expire_secs, long long now)
{
	if (exec_waiting(s, "PRAGMA journal_mode=WAL") == -1 ||
	    exec(s, "PRAGMA synchronous=NORMAL") == -1 ||
	    exec_waiting(s, "BEGIN IMMEDIATE") == -1)
		return -1;
	if (foreign(s) == -1 || exec(s, schema) == -1 ||
	    check_format(s) == -1 ||
	    (expire_secs > 0 && expire(s, now - expire_secs) == -1)) {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	if (exec(s, "COMMIT") == -1 ||
	    exec(s, "CREATE TEMP TABLE pend(key BLOB, sketch BLOB, id TEXT,"
	    " t INTEGER)") == -1)
		return -1;
	if (sqlite3_prepare_v2(s->db, "SELECT n, key, sketch, id FROM items"
	    " WHERE n > ? ORDER BY n", -1, &s->load, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(s->db, "INSERT INTO temp.pend VALUES(?,?,?,?)",
	    -1, &s->pend, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(s->db, "INSERT OR IGNORE INTO"
	    " main.items(key, sketch, id, t) SELECT key, sketch, id, t"
	    " FROM temp.pend ORDER BY rowid", -1, &s->move, NULL) != SQLITE_OK)
		return fail(s, "");
	return 0;
}

struct store *
store_open(const char *path, long long expire_secs, long long now,
    char *err, size_t errlen)
{
	struct store	*s;

	if ((s = calloc(1, sizeof(*s))) == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "%s", s->db != NULL ?
		    sqlite3_errmsg(s->db) : "out of memory");
		store_close(s);
		return NULL;
	}
	sqlite3_busy_timeout(s->db, STORE_BUSY_MS);
	if (setup(s, expire_secs, now) == -1) {
		snprintf(err, errlen, "%s", s->err);
		store_close(s);
		return NULL;
	}
	return s;
}

int
store_load(struct store *s, store_row_fn *fn, void *arg)
{
	sqlite3_stmt	*st = s->load;
	int		 rc;

	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, s->last);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const void	*key = sqlite3_column_blob(st, 1);
		const void	*sk = sqlite3_column_blob(st, 2);
		const char	*id = (const char *)sqlite3_column_text(st, 3);

		s->last = sqlite3_column_int64(st, 0);
		if (sqlite3_column_bytes(st, 1) != STORE_KEYSIZE ||
		    sqlite3_column_bytes(st, 2) != (int)MH_BLOBSIZE) {
			snprintf(s->err, sizeof(s->err),
			    "item %lld: bad key or sketch size",
			    (long long)s->last);
			sqlite3_reset(st);
			return -1;
		}
		fn(arg, key, sk, id == NULL ? "" : id,
		    (size_t)sqlite3_column_bytes(st, 3));
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : fail(s, "");
}

int
store_add(struct store *s, const uint8_t *key, const uint8_t *sk,
    size_t sklen, const char *id, size_t idlen, long long t)
{
	sqlite3_stmt	*st = s->pend;
	int		 rc;

	if (!s->intemp) {
		/* only the temporary table is touched: no lock on the file */
		if (exec(s, "BEGIN") == -1)
			return -1;
		s->intemp = 1;
	}
	sqlite3_reset(st);
	sqlite3_bind_blob(st, 1, key, STORE_KEYSIZE, SQLITE_STATIC);
	sqlite3_bind_blob(st, 2, sk, (int)sklen, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, id, (int)idlen, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, t);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return fail(s, "");
	s->npending++;
	return 0;
}

size_t
store_pending(const struct store *s)
{
	return s->npending;
}

static sqlite3_int64
max_row(struct store *s)
{
	sqlite3_stmt	*st;
	sqlite3_int64	 n = s->last;

	if (sqlite3_prepare_v2(s->db, "SELECT max(n) FROM items", -1, &st,
	    NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_type(st, 0) != SQLITE_NULL)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

int
store_commit(struct store *s, store_row_fn *fn, void *arg)
{
	sqlite3_int64	 n;
	int		 rc;

	if (s->npending == 0)
		return 0;
	if (s->intemp) {
		if (exec(s, "COMMIT") == -1)
			return -1;
		s->intemp = 0;
	}
	if (exec(s, "BEGIN IMMEDIATE") == -1)
		return -1;
	if (store_load(s, fn, arg) == -1)
		goto bad;
	sqlite3_reset(s->move);
	rc = sqlite3_step(s->move);
	sqlite3_reset(s->move);
	if (rc != SQLITE_DONE) {
		fail(s, "");
		goto bad;
	}
	if ((n = max_row(s)) == -1) {
		fail(s, "");
		goto bad;
	}
	if (exec(s, "DELETE FROM temp.pend") == -1 || exec(s, "COMMIT") == -1)
		goto bad;
	s->last = n;
	s->npending = 0;
	return 0;
bad:
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

const char *
store_error(const struct store *s)
{
	return s->err;
}

void
store_close(struct store *s)
{
	if (s == NULL)
		return;
	sqlite3_finalize(s->load);
	sqlite3_finalize(s->pend);
	sqlite3_finalize(s->move);
	sqlite3_close(s->db);
	free(s);
}
