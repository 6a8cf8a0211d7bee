/*
 * gen: writes a deterministic synthetic dump of English diplomacy news for
 * the benchmark (tests/bench/run). The same MB and seed give the same bytes.
 */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define OUTCAP		(1 << 20)
#define MAXDEPTH	8
#define DUPWINDOW	5000	/* reprints follow their original closely */

struct rng {
	uint64_t	 s;
};

struct out {
	char		*buf;
	size_t		 len;
	uint64_t	 total;		/* bytes written so far */
	struct rng	*r;		/* stream the expansion draws from */
	int		 curly;		/* this article uses typographic quotes */
	int		 capnext;	/* capitalize the next letter emitted */
	int		 year;		/* the article's own date */
	int		 month;
	int		 day;
};

struct vocab {
	const char *const	*v;
	size_t			 n;
};

#define V(a)	{ (a), sizeof(a) / sizeof((a)[0]) }

/*
 * Templates: %X expands a random entry of vocabulary X (entries are
 * templates too); %d %h %n %p %x %y are generated numbers; %< %> %' %-
 * are quote marks, apostrophe and dash in the article's style; %^
 * capitalizes the next letter; %% is a percent sign.
 */

static const char *const firstnames[] = {
	"Anna", "Mark", "Olga", "James", "Guy", "Tom", "Maria", "Zoë", "José",
	"Søren", "Anaïs", "Felix", "Natalia", "Lucy", "Daniel", "Aliya",
	"Jonathan", "Andrew", "Pavel", "Aziz", "Łukasz", "Ece", "Jamie",
	"Vusi", "Hanna", "Robin", "Gabriela", "Timur", "Nareh", "Emre",
};

static const char *const surnames[] = {
	"Smith", "Faulconbridge", "Balmforth", "Polityuk", "Osborn", "Ivanova",
	"Müller", "Nowak", "Kiselyova", "Mardell", "Roth", "Gozzi",
	"Kurmanaev", "Hovhannisyan", "Gasimova", "Yilmaz", "Çelik", "O%'Brien",
	"Petrosyan", "Huseynov", "Kowalski", "Dupont", "Fischer", "Shevchenko",
	"Novak", "Bennett", "Karimova", "Sargsyan", "Aydın", "Lindqvist",
};

static const char *const actors[] = {
	"%P", "%P", "%P", "%G", "%G", "%G", "%U",
};

static const char *const boiler[] = {
	"Share this article", "Previous Article", "Next Article",
	"Leave a Comment", "Subscribe to our newsletter", "%n views",
	"Read more: %M", "Follow us on Telegram",
	"Support independent journalism%- donate today",
	"Sign up for our daily briefing", "Comments (%d)", "Related: %M",
};

static const char *const countries[] = {
	"Ukraine", "Armenia", "Azerbaijan", "Georgia", "Moldova", "Russia",
	"Turkey", "Belarus", "Kazakhstan", "Finland",
};

static const char *const headings[] = {
	"What comes next", "Sticking points", "Background", "Reaction in %L",
	"The road to %Y", "Talks in %L", "Key issues", "Timeline",
	"Humanitarian situation", "Economic fallout", "International reaction",
	"Analysis", "What we know so far", "A fragile truce",
};

static const char *const fillers[] = {
	"The situation on the ground remains tense.",
	"Fighting continued along the front line %T.",
	"The talks were held behind closed doors.",
	"Neither side has published the text of %Y.",
	"Observers say the process could take months.",
	"The two countries fought a war over %L in 2020.",
	"Shelling was reported near %L %T.",
	"No date has been set for the next round.",
	"The previous round of talks ended without a breakthrough.",
	"Prices for grain and fertilizer rose sharply %T.",
	"%G did not immediately respond to a request for comment.",
	"Reuters could not independently verify the reports.",
	"The conflict has displaced millions of people.",
	"Diplomats in %L described the atmosphere as %K.",
	"Details of %Y have not been made public.",
	"The statement came hours after %G accused %G of violating %Y.",
	"Analysts cautioned that %Y remained fragile.",
	"It was the first such meeting since %m %y.",
	"Trade between the two countries fell by %p%% last year.",
	"The resolution passed by %n votes to %d.",
	"Western officials%' hopes for %Y have faded %T.",
	"Talks on %Y have been stalled since %m.",
};

static const char *const orgs[] = {
	"the Kremlin", "the Kremlin", "Moscow", "Moscow", "Kyiv", "Kiev",
	"Baku", "Yerevan", "Ankara", "Washington", "Brussels", "NATO", "NATO",
	"the United Nations", "the UN Security Council", "the European Union",
	"the OSCE", "the OSCE Minsk Group", "the White House",
	"the State Department", "the Russian Foreign Ministry",
	"the Ukrainian Foreign Ministry",
	"the Armenian Ministry of Foreign Affairs",
	"Azerbaijan%'s Defense Ministry", "Russian peacekeepers",
	"the Ukrainian delegation", "the Russian delegation",
	"the International Committee of the Red Cross", "the IAEA",
	"Beijing", "Tehran", "the Turkish government",
	"the Collective Security Treaty Organization", "the Pentagon",
	"the Council of Europe", "the Ukrainian General Staff",
};

static const char *const tailspeakers[] = {
	"he", "he", "he", "she", "%U", "%U", "%P", "%I", "the spokesman",
	"the minister", "the official", "the diplomat",
};

static const char *const analysts[] = {
	"Ivan Timofeev", "Vladimir Zharikhin", "Olga Tokariuk",
	"Tatiana Stanovaya", "Sergei Markov", "Richard Giragosian",
	"Thomas de Waal", "Laurence Broers", "Zaur Shiriyev", "Kadri Liik",
	"Fyodor Lukyanov", "Andrei Kortunov", "Mark Galeotti", "Hanna Shelest",
	"Orysia Lutsevych", "Nigar Göksel", "Sinan Ülgen", "Tigran Grigoryan",
};

static const char *const statuses[] = {
	"still possible", "not on the agenda", "close", "out of the question",
	"a priority for %G", "being prepared by experts", "within reach",
	"premature", "under discussion",
};

static const char *const adjectives[] = {
	"constructive", "difficult", "productive", "substantive", "tense",
	"frank", "useful", "inconclusive", "businesslike",
};

static const char *const places[] = {
	"Istanbul", "Geneva", "Minsk", "Brussels", "St. Petersburg", "Belarus",
	"Washington", "Nagorno-Karabakh", "Donbas", "Crimea", "Mariupol",
	"Kherson", "Zaporizhzhia", "Kraków", "Zürich", "Astana", "Tbilisi",
	"Vienna", "Sochi", "Antalya", "Doha", "Jeddah", "Odesa", "Kharkiv",
	"Bucha", "Shusha", "Stepanakert", "Helsinki", "Prague", "Granada",
	"Moscow", "Kyiv", "Baku", "Yerevan", "Ankara", "New York", "Kiev",
	"the Lachin corridor", "the Black Sea", "the Donetsk region",
};

static const char *const headlines[] = {
	"%A and %A discuss %Y in %L",
	"%U: %<%^%Q%>",
	"%A says %S",
	"%Y: talks to resume in %L",
	"Live updates: %A warns over %Y",
	"%G rejects proposal on %Y",
	"%U meets %U in %L as talks on %Y stall",
	"What we know about %Y",
	"%A to host talks on %Y %T",
	"%U and %U agree to %X",
	"%K talks in %L fail to produce %Y",
	"%A accuses %A of blocking %Y",
};

static const char *const persons[] = {
	"Vladimir Putin", "Russian President Vladimir Putin",
	"President Vladimir Putin", "Volodymyr Zelensky",
	"Ukrainian President Volodymyr Zelenskyy",
	"President Volodymyr Zelenskiy", "Kremlin spokesman Dmitry Peskov",
	"Dmitry Peskov", "Russian Foreign Minister Sergey Lavrov",
	"Sergei Lavrov", "U.S. Secretary of State Antony Blinken",
	"Antony Blinken", "Armenian Prime Minister Nikol Pashinyan",
	"Nikol Pashinyan", "Azerbaijani President Ilham Aliyev",
	"Ilham Aliyev", "Turkish President Recep Tayyip Erdogan",
	"Recep Tayyip Erdoğan", "Turkish Foreign Minister Mevlüt Çavuşoğlu",
	"Mevlut Cavusoglu", "UN Secretary-General António Guterres",
	"Ukrainian Foreign Minister Dmytro Kuleba",
	"presidential adviser Mykhailo Podolyak",
	"Russian negotiator Vladimir Medinsky",
	"Belarusian President Alexander Lukashenko",
	"French President Emmanuel Macron", "German Chancellor Olaf Scholz",
	"EU foreign policy chief Josep Borrell",
	"Armenian Foreign Minister Ararat Mirzoyan",
	"Azerbaijani Foreign Minister Jeyhun Bayramov",
	"Foreign Ministry spokeswoman Maria Zakharova",
	"NATO Secretary-General Jens Stoltenberg",
};

static const char *const quotes[] = {
	"we are ready to %X %T",
	"there can be no talk of %Y",
	"%Y is not on the table",
	"our position on %Y has not changed",
	"we will not %X under pressure",
	"the ball is in %G%'s court",
	"this is a very important step toward %Y",
	"we expect %G to %X",
	"it is too early to talk about %Y",
	"nobody wants %Y more than we do",
	"the talks in %L were %K",
	"we call on %G to %X",
	"we have agreed to %X %T",
	"%G must %X",
	"I don%'t think %Y is possible %T",
	"we are not going to %X",
	"this is a question for %G",
	"the situation in %L remains extremely difficult",
	"nothing is agreed until everything is agreed",
	"%Y remains our priority",
	"we hope %G will %X %T",
	"there is no military solution to this conflict",
	"%G%'s proposals on %Y are unacceptable",
};

static const char *const roles[] = {
	"director of programs at the Russian International Affairs Council",
	"a political analyst in Moscow", "a senior fellow at Carnegie Europe",
	"deputy director of the Institute of CIS Countries",
	"an expert at the Caucasus Institute in Yerevan",
	"head of the Centre for Economic and Foreign Policy Studies in Istanbul",
	"a former diplomat",
	"chair of the Council on Foreign and Defense Policy",
	"an analyst at Chatham House",
	"a researcher at a Baku-based think tank",
};

static const char *const clauses[] = {
	"%G %W %X %T",
	"%G %W %X",
	"the two sides %W %X %T",
	"%Y was %J",
	"%G had no plans to %X",
	"%n people had been %Z %T",
	"there was no alternative to %Y",
	"the talks in %L had been %K",
	"%U %W %X in %L",
	"a meeting between %U and %U %W take place %T",
	"%Y would be discussed %T",
};

static const char *const times[] = {
	"on %w", "on %w", "on %w", "last week", "on %m %d", "on %m %d",
	"%k days ago", "at %h local time", "in the coming weeks",
	"earlier this month", "on %m %d, %y", "yesterday", "next %w",
	"late %w", "earlier this year", "last month", "this week",
	"on %w evening", "since %m %d", "in %y", "two days later",
	"over the weekend", "in mid-%m", "on %d %m", "by the end of the year",
	"in the second quarter of %y", "every %w", "for %k hours",
	"in the 1990s", "on Christmas Eve", "at the end of %m",
	"the day before", "%k weeks later", "today", "tomorrow",
	"this morning", "at about %h GMT", "in early %m", "a year ago",
	"on %w, %m %d", "in %m %y", "at %h",
};

static const char *const surnameonly[] = {
	"Peskov", "Lavrov", "Zelensky", "Putin", "Pashinyan", "Aliyev",
	"Erdogan", "Blinken", "Kuleba", "Podolyak", "Timofeev", "Medinsky",
	"Guterres", "Çavuşoğlu", "Zakharova", "Stoltenberg", "Macron",
};

static const char *const saidverbs[] = {
	"said", "said", "said", "said", "told reporters", "noted", "stressed",
	"added", "told journalists", "told TASS", "told Reuters",
	"wrote on Telegram", "said in a statement", "told a news conference",
	"said in a video address", "insisted", "warned",
};

static const char *const modals[] = {
	"would", "could", "was ready to", "had agreed to", "would not",
	"might", "was unlikely to", "planned to", "had refused to",
	"was prepared to", "intended to", "would soon",
};

static const char *const verbphrases[] = {
	"resume negotiations", "sign a ceasefire agreement",
	"withdraw troops from %L", "exchange prisoners of war",
	"open humanitarian corridors in %L", "discuss %Y",
	"return to the negotiating table",
	"respect the agreements reached in %L", "lift the blockade of %L",
	"unblock transport links", "agree on %Y", "hold talks in %L",
	"meet %U in %L", "guarantee %Y", "make concessions on %Y",
	"continue the dialogue", "extend %Y",
	"implement the trilateral statement",
	"recognize the territorial integrity of %C",
	"host the next round of talks", "send observers to %L",
	"reduce tensions along the border", "finalize %Y",
};

static const char *const nouns[] = {
	"a ceasefire", "a lasting ceasefire", "a peace agreement",
	"a comprehensive peace treaty", "sanctions relief",
	"security guarantees", "the prisoner exchange", "the grain deal",
	"the Black Sea grain initiative", "border delimitation",
	"a new round of talks", "the humanitarian situation",
	"the status of %L", "neutral status for Ukraine", "NATO membership",
	"the draft agreement", "the withdrawal of troops",
	"the reopening of transport links", "the return of refugees",
	"the safety of the Zaporizhzhia nuclear plant",
	"a meeting between the two leaders", "humanitarian corridors",
	"the peace process", "de-escalation",
	"confidence-building measures", "the territorial integrity of %C",
	"the demining of %L", "a prisoner swap",
};

static const char *const participles[] = {
	"killed", "displaced", "evacuated", "detained", "wounded", "released",
};

static const char *const media[] = {
	"Al Jazeera", "the Financial Times", "RIA Novosti", "Reuters",
	"the Kyiv Independent", "Euronews", "Le Monde", "Die Zeit",
};

static const char *const numwords[] = {
	"two", "three", "four", "five", "several", "ten", "a few",
};

static const char *const months[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};

static const char *const talkverbs[] = {
	"discussed", "raised", "addressed", "reviewed", "debated",
};

static const char *const sentences[] = {
	"%A %r %Y with %A %T.",
	"%P met %P in %L %T.",
	"%<%Q,%> %H %V.",
	"%<%Q,%> %H %V.",
	"%<%Q,%> said %P.",
	"%P said: %<%^%Q.%>",
	"%P %V that %S.",
	"%P %V that %S.",
	"%P %V %T that %S.",
	"According to %A, %S.",
	"%<%Q,%> %H said. %<%^%Q.%>",
	"%<%Q,%> %H said, %<%Q.%>",
	"%G said %T that %S.",
	"At least %n people have been %Z since %m %d, %A said.",
	"The talks in %L lasted %k hours%- longer than expected.",
	"%G has repeatedly called for %Y.",
	"%F", "%F", "%F", "%F",
	"The meeting is scheduled for %m %d at %h.",
	"%G has put %C on its list of %<unfriendly%> countries.",
	"%G described %Y as a %<provocation.%>",
	"%S, %U %V.",
	"%I, %R, said that %S.",
	"%I, %R, told %g that %S.",
	"%Y may be discussed %T, %A said.",
	"%A and %A agreed %T to %X.",
	"%A accused %A of refusing to %X%- a charge %A denied.",
	"In a phone call %T, %P and %P %r %Y.",
	"%G announced %T that it would %X.",
	"%Y, %U said, was %J.",
	"Support for %Y stands at %p%%, according to a poll published %T.",
	"The %p-page document was handed to %G %T.",
	"%G pledged €%x billion for %Y %T.",
	"%G approved $%x billion in aid %T.",
	"Asked about %Y, %U said only that %S.",
	"%A is expected to %X %T.",
	"%Y was high on the agenda when %P visited %L %T.",
	"%U%'s remarks came %T, as %A %W %X.",
};

static const char *const agencies[] = {
	"Reuters", "Reuters", "AP", "AFP", "TASS", "Xinhua", "Interfax",
	"Anadolu", "RIA Novosti", "Ukrinform", "APA", "Armenpress",
};

static const char *const datelines[] = {
	"MOSCOW", "KYIV", "BAKU", "YEREVAN", "ANKARA", "ISTANBUL",
	"WASHINGTON", "BRUSSELS", "GENEVA", "UNITED NATIONS", "KIEV", "MINSK",
	"TBILISI", "ALMATY", "LONDON", "PARIS",
};

static const char *const weekdays[] = {
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
	"Sunday",
};

static const struct vocab vocab[128] = {
	['a'] = V(firstnames),	['b'] = V(surnames),
	['A'] = V(actors),	['B'] = V(boiler),
	['C'] = V(countries),	['E'] = V(headings),
	['F'] = V(fillers),	['G'] = V(orgs),
	['H'] = V(tailspeakers), ['I'] = V(analysts),
	['J'] = V(statuses),	['K'] = V(adjectives),
	['L'] = V(places),	['M'] = V(headlines),
	['P'] = V(persons),	['Q'] = V(quotes),
	['R'] = V(roles),	['S'] = V(clauses),
	['T'] = V(times),	['U'] = V(surnameonly),
	['V'] = V(saidverbs),	['W'] = V(modals),
	['X'] = V(verbphrases),	['Y'] = V(nouns),
	['Z'] = V(participles),
	['g'] = V(media),	['k'] = V(numwords),
	['m'] = V(months),	['r'] = V(talkverbs),
	['s'] = V(sentences),	['t'] = V(agencies),
	['u'] = V(datelines),	['w'] = V(weekdays),
};

static void	 expand(struct out *, const char *, int);

/* splitmix64: tiny, fast and the same on every platform, unlike rand(3). */
static uint64_t
next(struct rng *r)
{
	uint64_t z;

	z = (r->s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static uint32_t
below(struct rng *r, uint32_t n)
{
	return (uint32_t)(((next(r) >> 32) * n) >> 32);
}

static uint64_t
mix(uint64_t seed, uint64_t n, uint64_t salt)
{
	struct rng r;

	r.s = seed ^ (n * 0xd1342543de82ef95ULL) ^ (salt << 56);
	return next(&r);
}

static void
flush(struct out *o)
{
	if (o->len > 0 && fwrite(o->buf, 1, o->len, stdout) != o->len) {
		fprintf(stderr, "gen: write error: %s\n", strerror(errno));
		exit(2);
	}
	o->len = 0;
}

/* Appends raw bytes and returns where they landed, for capitalization. */
static char *
put(struct out *o, const char *s, size_t n)
{
	char *p;

	if (o->len + n > OUTCAP)
		flush(o);
	if (n > OUTCAP) {
		fprintf(stderr, "gen: internal error: chunk of %zu bytes\n", n);
		exit(2);
	}
	p = o->buf + o->len;
	memcpy(p, s, n);
	o->len += n;
	o->total += n;
	return p;
}

static void
puts_raw(struct out *o, const char *s)
{
	put(o, s, strlen(s));
}

/* Text that may open a sentence or a quote: its first letter may rise. */
static void
emit(struct out *o, const char *s, size_t n)
{
	char *p;
	size_t i;

	p = put(o, s, n);
	for (i = 0; o->capnext && i < n; i++) {
		unsigned char c = (unsigned char)p[i];

		if (c >= 'a' && c <= 'z') {
			p[i] = (char)(c - 'a' + 'A');
			o->capnext = 0;
		} else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c >= 0x80)
			o->capnext = 0;
	}
}

/* Unsigned decimal, zero-padded to width, optionally with commas. */
static void
putnum(struct out *o, uint64_t v, int width, int commas)
{
	char tmp[32];
	int i = (int)sizeof(tmp), digits = 0;

	do {
		if (commas && digits > 0 && digits % 3 == 0)
			tmp[--i] = ',';
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
		digits++;
	} while (v > 0 || digits < width);
	emit(o, tmp + i, sizeof(tmp) - (size_t)i);
}

static void
count(struct out *o)
{
	uint32_t k = below(o->r, 10);

	if (k < 6)
		putnum(o, 2 + below(o->r, 998), 0, 1);
	else if (k < 9)
		putnum(o, 1000 + below(o->r, 99000), 0, 1);
	else
		putnum(o, 100000 + below(o->r, 9900000), 0, 1);
}

static void
generated(struct out *o, char c)
{
	switch (c) {
	case 'd':
		putnum(o, 1 + below(o->r, 28), 0, 0);
		break;
	case 'h':
		putnum(o, below(o->r, 24), 2, 0);
		puts_raw(o, ":");
		putnum(o, below(o->r, 60), 2, 0);
		break;
	case 'n':
		count(o);
		break;
	case 'p':
		putnum(o, 1 + below(o->r, 95), 0, 0);
		break;
	case 'x':
		putnum(o, 1 + below(o->r, 20), 0, 0);
		puts_raw(o, ".");
		putnum(o, below(o->r, 10), 0, 0);
		break;
	case 'y':
		putnum(o, (uint64_t)(o->year - (int)below(o->r, 9)), 0, 0);
		break;
	}
}

static void
directive(struct out *o, char c, int depth)
{
	const struct vocab *vb;

	switch (c) {
	case '<':
		puts_raw(o, o->curly ? "\xe2\x80\x9c" : "\"");
		return;
	case '>':
		puts_raw(o, o->curly ? "\xe2\x80\x9d" : "\"");
		return;
	case '\'':
		puts_raw(o, o->curly ? "\xe2\x80\x99" : "'");
		return;
	case '-':
		/* Templates put the space after the dash themselves. */
		puts_raw(o, o->curly ? " \xe2\x80\x94" : " --");
		return;
	case '^':
		o->capnext = 1;
		return;
	case '%':
		puts_raw(o, "%");
		return;
	case 'd': case 'h': case 'n': case 'p': case 'x': case 'y':
		generated(o, c);
		return;
	}
	if ((unsigned char)c >= 128)
		return;
	vb = &vocab[(unsigned char)c];
	if (vb->n > 0)
		expand(o, vb->v[below(o->r, (uint32_t)vb->n)], depth + 1);
}

static void
expand(struct out *o, const char *t, int depth)
{
	const char *p;

	/* The tables are ours, but a cycle in them must not hang the bench. */
	if (depth > MAXDEPTH)
		return;
	while (*t != '\0') {
		if ((p = strchr(t, '%')) == NULL) {
			emit(o, t, strlen(t));
			return;
		}
		if (p > t)
			emit(o, t, (size_t)(p - t));
		if (p[1] == '\0')
			return;
		directive(o, p[1], depth);
		t = p + 2;
	}
}

static void
line(struct out *o, const char *t)
{
	o->capnext = 1;
	expand(o, t, 0);
	puts_raw(o, "\n\n");
}

/* "14:25, April 05, 2022" as news sites stamp their pages. */
static void
stamp(struct out *o)
{
	putnum(o, below(o->r, 24), 2, 0);
	puts_raw(o, ":");
	putnum(o, below(o->r, 60), 2, 0);
	puts_raw(o, ", ");
	puts_raw(o, months[o->month - 1]);
	puts_raw(o, " ");
	putnum(o, (uint64_t)o->day, 2, 0);
	puts_raw(o, ", ");
	putnum(o, (uint64_t)o->year, 0, 0);
	puts_raw(o, "\n\n");
}

/* "MOSCOW, April 5 (Reuters) -- ", opening the first paragraph. */
static void
dateline(struct out *o)
{
	expand(o, "%u", 0);
	puts_raw(o, ", ");
	puts_raw(o, months[o->month - 1]);
	puts_raw(o, " ");
	putnum(o, (uint64_t)o->day, 0, 0);
	puts_raw(o, " (");
	expand(o, "%t", 0);
	puts_raw(o, o->curly ? ") \xe2\x80\x94 " : ") -- ");
}

static void
paragraph(struct out *o, int withdateline)
{
	uint32_t i, n;

	if (withdateline)
		dateline(o);
	n = 2 + below(o->r, 5);
	for (i = 0; i < n; i++) {
		if (i > 0)
			puts_raw(o, " ");
		o->capnext = 1;
		expand(o, "%s", 0);
	}
	puts_raw(o, "\n\n");
}

enum kind { ORIGINAL, EXACT, NEAR };

static enum kind
kindof(uint64_t seed, uint64_t n)
{
	uint64_t k;

	if (n == 0)
		return ORIGINAL;
	k = mix(seed, n, 1) % 1000;
	return k < 20 ? EXACT : k < 120 ? NEAR : ORIGINAL;
}

/* An earlier original for article n to copy, or n itself if none is found. */
static uint64_t
source(uint64_t seed, uint64_t n)
{
	struct rng r;
	uint64_t m, window;
	int tries;

	r.s = mix(seed, n, 2);
	window = n < DUPWINDOW ? n : DUPWINDOW;
	for (tries = 0; tries < 16; tries++) {
		m = n - 1 - below(&r, (uint32_t)window);
		if (kindof(seed, m) == ORIGINAL)
			return m;
	}
	return n;
}

/*
 * Every article is a function of its seeds alone, so a duplicate is made
 * by replaying the original's streams: the body stream for the text, the
 * head stream (headline, boilerplate) for an exact copy only.
 */
static void
article(struct out *o, uint64_t seed, uint64_t n)
{
	struct rng head, body;
	enum kind kind;
	uint64_t src;
	uint32_t npara, keep, i, dl;

	kind = kindof(seed, n);
	src = kind == ORIGINAL ? n : source(seed, n);
	if (src == n)
		kind = ORIGINAL;
	head.s = mix(seed, kind == EXACT ? src : n, 3);
	body.s = mix(seed, src, 4);

	puts_raw(o, "=== article ");
	putnum(o, n, 0, 0);
	puts_raw(o, " ===\n\n");

	o->r = &body;
	o->curly = below(&body, 100) < 45;
	o->year = 2014 + (int)below(&body, 11);
	o->month = 1 + (int)below(&body, 12);
	o->day = 1 + (int)below(&body, 28);
	npara = 6 + below(&body, 15);
	dl = below(&body, 100);

	o->r = &head;
	line(o, "%M");

	o->r = &body;
	if (below(&body, 100) < 60)
		line(o, below(&body, 10) == 0 ? "By %a %b and %a %b" :
		    "By %a %b");
	if (dl < 45)
		stamp(o);

	/* A reprint cut short: the wire copy without its last paragraphs. */
	keep = kind == NEAR ? npara - 1 - below(&head, 3) : npara;
	for (i = 0; i < keep; i++) {
		if (i > 0 && below(&body, 100) < 12)
			line(o, "%E");
		paragraph(o, i == 0 && dl >= 45 && dl < 90);
	}

	o->r = &head;
	if (below(&head, 100) < 35)
		for (i = 1 + below(&head, 3); i > 0; i--)
			line(o, "%B");
}

static void
usage(void)
{
	fputs("usage: gen MB [seed]\n", stderr);
	exit(2);
}

int
main(int argc, char *argv[])
{
	struct out o;
	uint64_t seed = 20220405, target, n;
	double mb;
	char *end;

	signal(SIGPIPE, SIG_DFL);
	if (argc < 2 || argc > 3)
		usage();
	errno = 0;
	mb = strtod(argv[1], &end);
	if (end == argv[1] || *end != '\0' || errno != 0 || !(mb > 0) ||
	    mb > 1e7)
		usage();
	if (argc == 3) {
		seed = strtoull(argv[2], &end, 0);
		if (end == argv[2] || *end != '\0' || errno != 0)
			usage();
	}
	target = (uint64_t)(mb * 1e6);

	memset(&o, 0, sizeof(o));
	if ((o.buf = malloc(OUTCAP)) == NULL) {
		fprintf(stderr, "gen: %s\n", strerror(errno));
		return 2;
	}
	for (n = 0; o.total < target; n++)
		article(&o, seed, n);
	flush(&o);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		fprintf(stderr, "gen: write error: %s\n", strerror(errno));
		return 2;
	}
	free(o.buf);
	return 0;
}
