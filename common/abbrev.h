/*
 * Abbreviations before a full stop that need not end a sentence, shared
 * by docsplit's sentences and dateextract's tense windows, and lookups
 * in sorted word lists.
 */
#ifndef PARLEY_ABBREV_H
#define PARLEY_ABBREV_H

#include <stddef.h>

enum abbr { ABBR_NONE, ABBR_TITLE, ABBR_OTHER };

/*
 * Is the word w (n bytes) one of the known abbreviations? ABBR_TITLE
 * precedes a name or number and never ends a sentence ("Gen.", "No.");
 * ABBR_OTHER may end one ("Inc.", "Jan.", "Ala.").
 */
enum abbr	abbr_known(const char *, size_t);

/* The lists themselves, sorted by bytes (for the unit test). */
extern const char *const abbr_titles[], *const abbr_others[];
extern const size_t abbr_ntitles, abbr_nothers;

/* Is w (n bytes) in the list of nlist C strings sorted by bytes? */
int		sorted_has(const char *const *, size_t, const char *, size_t);

#endif
