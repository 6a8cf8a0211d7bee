# parley: small fast filters for news corpora. See README.md.
# make [all] | check | demo | bench | fuzz | lint | deps | install | clean

CC	?= cc
PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
MANDIR	?= $(PREFIX)/share/man
O	?= build
B	?= bin

PKGS	= libbsd libpcre2-8 json-c libxxhash libutf8proc sqlite3
WARN	= -std=c11 -Wall -Wextra -Wpedantic -Werror
OPT	?= -O2 -g
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
ALL_CFLAGS = $(WARN) $(OPT) -D_GNU_SOURCE -Icommon $(PKG_CFLAGS) $(CFLAGS) $(SAN)
ALL_LDFLAGS = $(LDFLAGS) $(SAN)

# Debian packages needed to build and test (make deps installs them).
DEBS	= gcc clang make pkg-config libpcre2-dev libbsd-dev libjson-c-dev \
	  libxxhash-dev libutf8proc-dev libsqlite3-dev mandoc jq python3 \
	  libclang-rt-14-dev parallel

TOOLS	= $(notdir $(wildcard tools/*))
COMMON_SRC = $(wildcard common/*.c)
COMMON_OBJ = $(COMMON_SRC:%.c=$(O)/%.o)
LIB	= $(O)/libparley.a
PROGS	= $(TOOLS:%=$(B)/%)
MAN	= $(wildcard man/*.[1-9])

.PHONY: all check check-fast asan demo bench fuzz lint deps install \
	uninstall clean
.SUFFIXES:
.SECONDARY:

all: $(PROGS)

$(O)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

# quotegrab's tokenizer and attribution run 2% faster at -O3 (make bench);
# the other tools gain nothing. An OPT given to make still rules.
$(O)/tools/quotegrab/%.o: OPT := $(subst -O2,-O3,$(OPT))

$(LIB): $(COMMON_OBJ)
	@rm -f $@
	ar rcs $@ $(COMMON_OBJ)

# Each tool links its own folder's objects with the common library.
.SECONDEXPANSION:
$(B)/%: $$(addprefix $(O)/,$$(subst .c,.o,$$(wildcard tools/$$*/*.c))) $(LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $(filter %.o,$^) $(LIB) $(PKG_LIBS)

# actortag's dictionary is compiled in: regenerate its header from the TSV.
tools/actortag/actors_tsv.h: tools/actortag/actors.tsv tools/actortag/embed.sh
	tools/actortag/embed.sh tools/actortag/actors.tsv $@

# The same tree again under AddressSanitizer and UBSan, for make check.
asan:
	@$(MAKE) --no-print-directory O=build-asan B=build-asan/bin \
	    OPT="-O1 -g" \
	    SAN="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	    all build-asan/unit

$(O)/unit: $(patsubst %.c,$(O)/%.o,$(wildcard tests/unit/*.c)) $(LIB)
	$(CC) $(ALL_LDFLAGS) -o $@ $(filter %.o,$^) $(LIB) $(PKG_LIBS)

check: deps-check all $(O)/unit asan
	@tests/check

deps-check:
	@tests/need-deps $(DEBS)

demo: deps
	@$(MAKE) --no-print-directory all
	@tests/demo

bench: all
	@tests/bench/run

FUZZ_SECONDS ?= 60
fuzz: $(LIB)
	@tests/fuzz/run $(FUZZ_SECONDS)

lint:
	@mandoc -Tlint -Wwarning $(MAN) 2>&1 | grep -v 'outdated mandoc.db' \
	    && exit 1 || echo "mandoc: clean"
	@$(MAKE) --no-print-directory O=build-clang B=build-clang/bin CC=clang all
	@echo "clang: clean"

deps:
	@tests/need-deps --install $(DEBS)

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man7
	for p in $(PROGS); do install -m 755 $$p $(DESTDIR)$(BINDIR); done
	for m in $(MAN); do s=$${m##*.}; \
	    install -m 644 $$m $(DESTDIR)$(MANDIR)/man$$s; done

uninstall:
	for t in $(TOOLS); do rm -f $(DESTDIR)$(BINDIR)/$$t; done
	for m in $(MAN); do s=$${m##*.}; \
	    rm -f $(DESTDIR)$(MANDIR)/man$$s/$${m##*/}; done

clean:
	rm -rf build build-asan build-clang build-fuzz bin

-include $(shell find $(O) -name '*.d' 2>/dev/null)
