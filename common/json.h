/*
 * A validating JSON scanner that reports where each top-level member of a
 * record lies, so tools can splice their own key without re-serializing.
 */
#ifndef PARLEY_JSON_H
#define PARLEY_JSON_H

#include <stddef.h>

#include "buf.h"

enum json_kind {
	JSON_NULL, JSON_FALSE, JSON_TRUE, JSON_NUMBER, JSON_STRING,
	JSON_ARRAY, JSON_OBJECT
};

/* One top-level member; offsets are byte offsets into the scanned line. */
struct json_member {
	size_t		 kstart;	/* opening quote of the key */
	size_t		 kend;		/* one past the closing quote */
	size_t		 vstart;	/* first byte of the value */
	size_t		 vend;		/* one past the value */
	enum json_kind	 type;
	int		 kesc;		/* the key holds an escape */
	int		 vesc;		/* a string value may hold one */
};

struct json_fields {
	struct json_member	*m;
	size_t			 n;
	size_t			 cap;
	size_t			 close;	/* offset of the closing brace */
};

/*
 * Validate s[0..n) as exactly one JSON object (RFC 8259, UTF-8 checked,
 * nesting at most JSON_MAXDEPTH) and fill obj with its members.
 * Returns 0, or -1 with *errpos (byte offset) and *errmsg set.
 */
#define JSON_MAXDEPTH	256
int	json_scan_object(const char *, size_t, struct json_fields *,
	    size_t *, const char **);
void	json_fields_free(struct json_fields *);

/*
 * Step through the elements of a validated JSON array s[0..n): *pos starts
 * at 0; each call gives the next element's span. Returns 0 at the end.
 */
int	json_array_next(const char *, size_t, size_t *, size_t *, size_t *);

/*
 * Fill obj with the members of the object s[0..n), which must be part of
 * a record that json_scan_object accepted: nothing is checked again.
 */
void	json_split_object(const char *, size_t, struct json_fields *);

/* Index of the member named key, or -1. */
long	json_find(const char *, const struct json_fields *, const char *);

/*
 * Append the decoded contents of the JSON string literal s[0..n) (quotes
 * included) to out. The literal must have passed json_scan_object.
 */
void	json_decode_string(const char *, size_t, struct buf *);

/* Parse a validated JSON integer; returns -1 if it is not one in range. */
int	json_get_long(const char *, size_t, long long *);

/* Append s[0..n) to out as a JSON string literal, UTF-8 kept as is. */
void	json_put_string(struct buf *, const char *, size_t);

#endif
