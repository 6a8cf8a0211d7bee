/*
 * The abbreviation lists, kept sorted by bytes for a binary search
 * (tests/unit checks the order).
 */
#include <string.h>

#include "abbrev.h"

/* Before a name or number: never a sentence end. */
const char *const abbr_titles[] = {
	"Adm", "Amb", "Brig", "Capt", "Cmdr", "Col", "Cpl", "Det", "Dr", "Fr",
	"Ft", "Gen", "Gov", "Hon", "Insp", "Lt", "Maj", "Messrs", "Mlle",
	"Mme", "Mr", "Mrs", "Ms", "Msgr", "Mt", "No", "Nos", "N°", "Pres",
	"Prof", "Pvt", "Rep", "Rev", "Sen", "Sgt", "Sr", "St", "Supt", "Vol",
	"pp", "vs"
};
const size_t abbr_ntitles = sizeof(abbr_titles) / sizeof(abbr_titles[0]);

/* Forms that may also end a sentence; US states in the AP's style. */
const char *const abbr_others[] = {
	"Ala", "Apr", "Ariz", "Ark", "Assn", "Aug", "Ave", "Blvd", "Bros",
	"Calif", "Co", "Colo", "Conn", "Corp", "Dec", "Del", "Dept", "Feb",
	"Fig", "Fla", "Fri", "Ga", "Ill", "Inc", "Ind", "Jan", "Jr", "Jul",
	"Jun", "Kan", "Ky", "La", "Ltd", "Mar", "Mass", "Md", "Mich", "Minn",
	"Miss", "Mo", "Mon", "Mont", "Neb", "Nev", "Nov", "Oct", "Okla",
	"Ore", "Pa", "Rd", "Sat", "Sec", "Sep", "Sept", "Sun", "Tenn", "Tex",
	"Thu", "Thur", "Thurs", "Tue", "Tues", "Univ", "Va", "Vt", "Wash",
	"Wed", "Wis", "Wyo", "al", "approx", "art", "bln", "ca", "cf", "ch",
	"co", "est", "etc", "fig", "figs", "ft", "hr", "hrs", "max", "min",
	"mln", "p", "sec", "vol", "yr", "yrs"
};
const size_t abbr_nothers = sizeof(abbr_others) / sizeof(abbr_others[0]);

/* strcmp order of the C string t against the n bytes at w. */
static inline int
compare(const char *t, const char *w, size_t n)
{
	size_t	 k = 0;

	while (k < n && t[k] == w[k])
		k++;
	if (k < n)
		return (unsigned char)t[k] - (unsigned char)w[k];
	return t[n] != '\0';
}

int
sorted_has(const char *const *list, size_t nlist, const char *w, size_t n)
{
	size_t	 lo = 0, hi = nlist, mid;
	int	 c;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		c = compare(list[mid], w, n);
		if (c == 0)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

enum abbr
abbr_known(const char *w, size_t n)
{
	/* the longest are six bytes ("Messrs", "approx") */
	if (n == 0 || n > 6)
		return ABBR_NONE;
	if (sorted_has(abbr_titles, abbr_ntitles, w, n))
		return ABBR_TITLE;
	if (sorted_has(abbr_others, abbr_nothers, w, n))
		return ABBR_OTHER;
	return ABBR_NONE;
}
