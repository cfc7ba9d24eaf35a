# oldc: build, test and install.
#
#   make                 build the library and the programs into build/
#   make check           build with -Werror, run the unit tests, the golden cases, the
#                        schema agreement test, the editor test (tests/editor/run) and the
#                        browser test (tests/html/run), then all of it but the editor and
#                        browser tests again under ASan+UBSan
#   make check VALGRIND=1  the same, with the first build's golden cases under valgrind
#   make demo            run oldc on the shipped examples
#   make bench           time oldc against libyaml, libcsv and a Python script (scripts/bench)
#   make fuzz            run each fuzz harness for FUZZ_SECONDS (tests/fuzz)
#   make check-alloc     fail each allocation in turn: a clean exit 2 every time (tests/alloc)
#   make install         PREFIX=/usr/local DESTDIR= (oldc, its links, man pages, completion,
#                        schemas)
#   make uninstall       removes what make install put there
#   make deb             a Debian package of the installed tree, in $(B)/ (dpkg-deb)
#   make clean
#
# Dependencies come from pkg-config: yaml-0.1 and cmocka; gettext's msgfmt compiles
# po/zh_CN.po and tests/po/run uses xgettext; libcsv and libunistring (NFC of ids and
# districts, the Unicode tables of the terminal escaping) ship no .pc file on Debian,
# so they fall back to -lcsv and -lunistring.

PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
MANDIR     ?= $(PREFIX)/share/man
DESTDIR    ?=
PKG_CONFIG ?= pkg-config
CC         ?= cc
CFLAGS     ?= -O2 -g
WARNINGS   := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2
VERSION    := $(shell cat VERSION)
B          ?= build

YAML_CFLAGS   := $(shell $(PKG_CONFIG) --cflags yaml-0.1 2>/dev/null)
YAML_LIBS     := $(shell $(PKG_CONFIG) --libs yaml-0.1 2>/dev/null || echo -lyaml)
CSV_LIBS      := $(shell $(PKG_CONFIG) --libs csv 2>/dev/null || echo -lcsv)
UNISTRING_CFLAGS := $(shell $(PKG_CONFIG) --cflags libunistring 2>/dev/null)
UNISTRING_LIBS   := $(shell $(PKG_CONFIG) --libs libunistring 2>/dev/null || echo -lunistring)
ZIP_CFLAGS    := $(shell $(PKG_CONFIG) --cflags libzip expat 2>/dev/null)
ZIP_LIBS      := $(shell $(PKG_CONFIG) --libs libzip expat 2>/dev/null || echo -lzip -lexpat)
XLSXWRITER_LIBS := $(shell $(PKG_CONFIG) --libs xlsxwriter 2>/dev/null || echo -lxlsxwriter)
CMOCKA_CFLAGS := $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS   := $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)

ALL_CFLAGS = -std=c11 -D_XOPEN_SOURCE=700 $(WARNINGS) $(CFLAGS) $(EXTRA_CFLAGS) \
             -Iinclude -Isrc/lib -I$(B)/gen $(YAML_CFLAGS) $(UNISTRING_CFLAGS) $(ZIP_CFLAGS) -DOLDC_VERSION='"$(VERSION)"'
ALL_LDFLAGS = $(LDFLAGS) $(EXTRA_LDFLAGS)
LIBS = $(YAML_LIBS) $(CSV_LIBS) $(UNISTRING_LIBS) $(ZIP_LIBS)

LIB_SRC  := $(sort $(wildcard src/lib/*.c))
CLI_SRC  := $(sort $(filter-out src/cli/main_%.c,$(wildcard src/cli/*.c)))
LIB_OBJ  := $(LIB_SRC:%.c=$(B)/%.o) $(B)/gen/policy_builtin.o $(B)/gen/policy_tree.o $(B)/gen/catalog_zh_CN.o
CLI_OBJ  := $(CLI_SRC:%.c=$(B)/%.o)
# One program, the git way: oldc holds every command, and oldc-check, oldc-vote,
# oldc-score and oldc-report are symbolic links to it that run the command their name
# says (main_oldc.c dispatches on argv[0]).
LINKS    := oldc-check oldc-vote oldc-score oldc-report
PROGRAMS := $(B)/bin/oldc $(LINKS:%=$(B)/bin/%)
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNITS    := $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)
FUZZERS  := dossier policy ballots xlsx text
REPLAYS  := $(FUZZERS:%=$(B)/tests/replay_%)
MAN      := $(sort $(wildcard man/*.[1-8]))

.SECONDARY:
.PHONY: deb all check check-build check-san check-alloc test demo bench fuzz install uninstall clean lint-man
all: $(PROGRAMS)

$(B)/%.o: %.c $(wildcard include/oldc/*.h src/lib/*.h src/cli/*.h) | $(B)/gen/policy_builtin.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The default policy is compiled in: the YAML text as a byte array, parsed at start.
$(B)/gen/policy_builtin.c: schemas/policy/yantai-2022.yaml scripts/embed
	@mkdir -p $(dir $@)
	sh scripts/embed oldc_builtin_policy $< > $@.tmp && mv $@.tmp $@

$(B)/gen/policy_builtin.o: $(B)/gen/policy_builtin.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The Chinese messages: po/zh_CN.po checked and compiled by msgfmt (gettext), the .mo
# bytes compiled in like the policy, read by src/lib/i18n.c: --lang zh needs no locale.
$(B)/gen/zh_CN.mo: po/zh_CN.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@.tmp $< && mv $@.tmp $@

$(B)/gen/catalog_zh_CN.c: $(B)/gen/zh_CN.mo scripts/embed
	sh scripts/embed oldc_catalog_zh_CN $< > $@.tmp && mv $@.tmp $@

$(B)/gen/catalog_zh_CN.o: $(B)/gen/catalog_zh_CN.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# ... and its node tree as C data, typed by oldc's own loader (src/gen), so that a
# program starts without parsing the policy's text (see policy.c).
# It links the whole library but the built-in policy it is making.
TREE_OBJ := $(filter-out $(B)/gen/policy_builtin.o $(B)/gen/policy_tree.o,$(LIB_OBJ))
$(B)/gen/compile_policy: src/gen/compile_policy.c $(TREE_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(ALL_LDFLAGS) $(LIBS)

$(B)/gen/policy_tree.c: schemas/policy/yantai-2022.yaml $(B)/gen/compile_policy
	$(B)/gen/compile_policy $< > $@.tmp && mv $@.tmp $@

$(B)/gen/policy_tree.o: $(B)/gen/policy_tree.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(B)/liboldc.a: $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

# The programs are linked at a fixed address (PIE=yes links them position-independent).
# The built-in policy's tree is thousands of pointers: in a position-independent program
# the loader rewrites every one at each start, which copies each page of the tree into
# the process; at a fixed address they are final in the file, and a start only reads
# the pages it needs. That is a third of the cost of a start (make bench, once per
# dossier). The libraries, the heap and the stack keep their random addresses.
PIE ?= no
PIE_LDFLAGS := $(if $(filter yes,$(PIE)),,-no-pie)
$(B)/bin/oldc: $(B)/src/cli/main_oldc.o $(CLI_OBJ) $(B)/liboldc.a $(EXTRA_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(ALL_LDFLAGS) $(PIE_LDFLAGS) $(PROGRAM_LDFLAGS) $(LIBS)

$(LINKS:%=$(B)/bin/%): $(B)/bin/oldc
	ln -sf oldc $@

# The fuzz harnesses with a plain main (tests/fuzz/replay.c): `test` runs them over the
# seeds and the regression corpus.
$(B)/tests/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c tests/fuzz/fuzz.h $(B)/liboldc.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests/fuzz -o $@ tests/fuzz/fuzz_$*.c tests/fuzz/replay.c $(B)/liboldc.a $(ALL_LDFLAGS) $(LIBS)

$(B)/tests/%: tests/unit/%.c tests/unit/unit.h $(B)/liboldc.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) -Itests/unit -o $@ $< $(B)/liboldc.a $(ALL_LDFLAGS) $(LIBS) $(UNIT_LIBS) $(CMOCKA_LIBS)

# The C tables of the two formats as JSON, for tests/schema/agree (the JSON Schemas
# equal to them key by key).
$(B)/tests/tables: tests/schema/tables.c $(B)/liboldc.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(B)/liboldc.a $(ALL_LDFLAGS) $(LIBS)

# The trees of oldc diff made by src/cli/git.c, printed for tests/git/run (a scratch
# repository): the probe links the one CLI object it tests.
$(B)/tests/git_probe: tests/git/probe.c $(B)/src/cli/git.o $(B)/liboldc.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Isrc/cli -o $@ $< $(B)/src/cli/git.o $(B)/liboldc.a $(ALL_LDFLAGS) $(LIBS)

# The workbook reader's test writes workbooks as Excel does, with libxlsxwriter, and so
# does the tests' small writer, which saves every CSV sheet of the tests as a workbook
# for tests/xlsx/twins (the same counts from both).
$(B)/tests/test_xlsx: UNIT_LIBS = $(XLSXWRITER_LIBS)
$(B)/tests/csv2xlsx: tests/xlsx/csv2xlsx.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(ALL_LDFLAGS) $(CSV_LIBS) $(XLSXWRITER_LIBS)

# One full test pass over the build in $(B). The browser test (tests/html/run: the HTML
# report in headless Chromium, skipped without it) runs unless HTML_TEST=no: check runs
# it once, with the normal build; the page is the same bytes under the sanitizers. So
# does the editor test (tests/editor/run: the YAML language server on the examples and
# the loader's cases, skipped without it) unless EDITOR_TEST=no: its oldc side is the
# loader, which the other tests run under the sanitizers.
HTML_TEST ?= yes
EDITOR_TEST ?= yes
# The package test (tests/deb/run: `make deb`, unpacked and run) likewise, once.
DEB_TEST ?= yes
test: $(PROGRAMS) $(UNITS) $(REPLAYS) $(B)/tests/csv2xlsx $(B)/tests/tables $(B)/tests/git_probe
	sh tests/run-unit $(UNITS)
	sh tests/fuzz/replay-all $(B)
	sh tests/golden/run $(B)/bin
	python3 tests/xlsx/twins $(B)
	sh tests/schema/run $(B)/bin
	python3 tests/schema/agree $(B)/tests/tables
	$(if $(filter-out no,$(EDITOR_TEST)),sh tests/editor/run $(B)/bin)
	sh tests/yaml-suite/run $(B)/bin
	sh tests/rules/run $(B)/bin
	sh tests/nm/run $(B)
	sh tests/sarif/run $(B)/bin
	sh tests/ci/run $(B)/bin
	sh tests/git/run $(B)
	sh tests/po/run
	python3 tests/policy/seed-check
	python3 tests/policy/names
	sh tests/policy/other-city-outputs
	$(if $(filter-out no,$(HTML_TEST)),python3 tests/html/run $(B)/bin)
	$(if $(filter-out no,$(DEB_TEST)),if command -v dpkg-deb >/dev/null 2>&1; then \
	  $(MAKE) --no-print-directory deb >/dev/null && sh tests/deb/run $(DEB); \
	  else echo "deb: SKIP (dpkg-deb not installed)"; fi)

# check: the normal build with -Werror, then the same suite under the sanitizers (with
# clang when it is there, so both compilers build the tree warning-free).
SAN_CC ?= $(shell printf 'int main(void){return 0;}' | clang -fsanitize=address,undefined -x c - \
            -o /dev/null >/dev/null 2>&1 && echo clang || echo $(CC))
check:
	$(MAKE) --no-print-directory test EXTRA_CFLAGS=-Werror
	$(MAKE) --no-print-directory test B=build-san CC=$(SAN_CC) CFLAGS='-O1 -g' HTML_TEST=no EDITOR_TEST=no DEB_TEST=no VALGRIND= \
	  EXTRA_CFLAGS='-Werror -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer' \
	  EXTRA_LDFLAGS='-fsanitize=address,undefined'
	$(MAKE) --no-print-directory lint-man

lint-man:
	@if command -v mandoc >/dev/null 2>&1; then \
	  mandoc -Tlint -W warning $(MAN) && echo "man pages: mandoc -Tlint clean"; \
	else echo "man pages: SKIP (mandoc not installed; scripts/install-deps installs it)"; fi

demo: $(PROGRAMS)
	sh scripts/demo $(B)/bin

# Allocation-failure injection (tests/alloc): the programs built under the sanitizers
# with every allocation of oldc's code wrapped, then run with the n-th one failing, for
# every n, over a dossier, a ballots sheet and a report: each run must end with a clean
# "out of memory" and exit 2, no crash, no leak.
ALLOC_WRAP := -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=strdup,--wrap=strndup,--wrap=posix_memalign
check-alloc:
	$(MAKE) --no-print-directory B=build-alloc CC=$(SAN_CC) CFLAGS='-O1 -g' EXTRA_OBJS=build-alloc/tests/fail_alloc.o \
	  EXTRA_CFLAGS='-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer' \
	  EXTRA_LDFLAGS='-fsanitize=address,undefined' PROGRAM_LDFLAGS='$(ALLOC_WRAP)' all
	sh tests/alloc/run build-alloc/bin

$(B)/tests/fail_alloc.o: tests/alloc/fail_alloc.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# Fuzzing with libFuzzer (clang, its fuzzer runtime, ASan and UBSan): each harness of
# tests/fuzz runs FUZZ_SECONDS from the committed seeds; what it finds lands in
# build-fuzz/artifacts/ (tests/fuzz/README.md says what to do with it).
FUZZ_SECONDS ?= 60
FUZZ_CC      ?= clang
FUZZ_FLAGS   := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
fuzz:
	$(MAKE) --no-print-directory B=build-fuzz CC=$(FUZZ_CC) CFLAGS='-O1 -g' \
	  EXTRA_CFLAGS='$(FUZZ_FLAGS) -fsanitize=fuzzer-no-link' EXTRA_LDFLAGS='$(FUZZ_FLAGS)' build-fuzz/liboldc.a
	for h in $(FUZZERS); do \
	  $(FUZZ_CC) -std=c11 -D_XOPEN_SOURCE=700 $(WARNINGS) -O1 -g $(FUZZ_FLAGS) -fsanitize=fuzzer \
	    -DOLDC_FUZZ_SARIF_EVERY=16 -Iinclude -Isrc/lib -Itests/fuzz $(YAML_CFLAGS) -o build-fuzz/fuzz_$$h tests/fuzz/fuzz_$$h.c \
	    build-fuzz/liboldc.a $(LIBS) || exit 1; \
	done
	sh tests/fuzz/run build-fuzz $(FUZZ_SECONDS)

# The reference programs of the benchmark: the parsers oldc stands on, doing nothing
# else, built with the same compiler and flags as oldc.
BENCH_REFS := $(B)/bench/yaml_events $(B)/bench/csv_count $(B)/bench/xlsx_parse $(B)/bench/peak
$(B)/bench/%: bench/%.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(ALL_LDFLAGS) $(LIBS)

bench: $(PROGRAMS) $(BENCH_REFS) $(B)/tests/csv2xlsx
	python3 scripts/bench $(B)

COMPLETIONS ?= $(PREFIX)/share/bash-completion/completions
# The JSON Schemas, for editors: `oldc init` names the installed dossier schema on a new
# dossier's first line (it looks for ../share/oldc beside the program).
DATADIR     ?= $(PREFIX)/share/oldc
SCHEMAS     := schemas/dossier.schema.json schemas/policy.schema.json schemas/settings.schema.json
install: $(PROGRAMS)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(COMPLETIONS)
	install -m 755 $(B)/bin/oldc $(DESTDIR)$(BINDIR)
	for p in $(LINKS); do rm -f $(DESTDIR)$(BINDIR)/$$p && ln -s oldc $(DESTDIR)$(BINDIR)/$$p || exit 1; done
	install -m 644 $(filter %.1,$(MAN)) $(DESTDIR)$(MANDIR)/man1
	install -m 644 $(filter %.5,$(MAN)) $(DESTDIR)$(MANDIR)/man5
	install -m 644 scripts/oldc.bash-completion $(DESTDIR)$(COMPLETIONS)/oldc
	for p in oldc-check oldc-vote oldc-score oldc-report; do ln -sf oldc $(DESTDIR)$(COMPLETIONS)/$$p; done
	install -d $(DESTDIR)$(DATADIR)
	install -m 644 $(SCHEMAS) $(DESTDIR)$(DATADIR)

# A Debian package of the installed tree (dpkg-deb, no debian/ directory): what CI
# installs instead of building oldc on every pull request. Its Depends are the packages
# of the libraries oldc loads here (scripts/deb-depends).
DEB_ARCH = $(shell dpkg --print-architecture 2>/dev/null)
DEB      = $(B)/oldc_$(VERSION)_$(DEB_ARCH).deb
deb: $(PROGRAMS)
	rm -rf $(B)/deb
	$(MAKE) --no-print-directory install DESTDIR=$(CURDIR)/$(B)/deb PREFIX=/usr
	mkdir -p $(B)/deb/DEBIAN
	{ echo "Package: oldc"; echo "Version: $(VERSION)"; echo "Architecture: $(DEB_ARCH)"; \
	  echo "Maintainer: oldc developers <oldc@localhost>"; \
	  echo "Depends: $$(sh scripts/deb-depends $(B)/bin/oldc)"; \
	  echo "Recommends: man-db, git"; echo "Section: utils"; echo "Priority: optional"; \
	  echo "Description: check Yantai old-community renovation dossiers against the policy"; \
	  echo " oldc-check, oldc-vote, oldc-score and oldc-report read the YAML dossiers and the"; \
	  echo " owners' ballots of the renovation programme and say what the policy says of them."; \
	} > $(B)/deb/DEBIAN/control
	dpkg-deb --root-owner-group --build $(B)/deb $(DEB)

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/oldc $(LINKS:%=$(DESTDIR)$(BINDIR)/%)
	rm -f $(patsubst man/%,$(DESTDIR)$(MANDIR)/man1/%,$(filter %.1,$(MAN))) \
	      $(patsubst man/%,$(DESTDIR)$(MANDIR)/man5/%,$(filter %.5,$(MAN)))
	rm -f $(addprefix $(DESTDIR)$(COMPLETIONS)/,oldc oldc-check oldc-vote oldc-score oldc-report)
	rm -f $(SCHEMAS:schemas/%=$(DESTDIR)$(DATADIR)/%)
	-rmdir $(DESTDIR)$(DATADIR) 2>/dev/null

clean:
	rm -rf build build-san build-fuzz build-alloc
