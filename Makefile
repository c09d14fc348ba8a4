# Makefile - builds anxin, its tests, the sanitizer build and the fuzzers.
#
# A plain Makefile with pkg-config: the tree is small, every dependency is a
# Debian package with a .pc file (libcsv excepted), and a newcomer can read
# the whole build in one screen. Targets:
#   make               build/anxin (release, -O2)
#   make test          unit tests + black-box CLI + access control + warnings + HTTP + browser tests
#   make SAN=1 ...     the same under ASan+UBSan, into build-san/
#   make fuzz          libFuzzer targets (clang) into build-fuzz/
# scripts/setup installs what the build needs; scripts/test runs it all.

SAN ?= 0
ifeq ($(SAN),1)
B ?= build-san
SANFLAGS = -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
OPT = -O1 -g
else
B ?= build
SANFLAGS =
OPT = -O2 -g
endif

CC ?= cc
PKGS = sqlite3 libmicrohttpd jansson libzip expat xlsxwriter libsodium
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS))
PKG_LIBS := $(shell pkg-config --libs $(PKGS)) -lcsv -lpthread -lm
WARN = -Wall -Wextra -Werror -Wformat=2 -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
CFLAGS_ALL = -std=c11 -D_GNU_SOURCE $(OPT) $(WARN) $(SANFLAGS) -Isrc $(PKG_CFLAGS) $(CFLAGS)
LDFLAGS_ALL = $(SANFLAGS) $(LDFLAGS)

SRC := $(shell find src -name '*.c' ! -name main.c | sort)
ASM := $(shell find src -name '*.S' | sort)
OBJ := $(SRC:%.c=$(B)/%.o) $(ASM:%.S=$(B)/%.o)
WEB_JS = web/dom.js web/format.js web/api.js web/charts.js web/widgets.js web/table.js web/dashboard.js web/lists.js \
	web/project.js web/details.js web/import.js web/login.js web/admin.js web/warn.js web/app.js
ASSETS = web/index.html $(WEB_JS) web/style.css node_modules/echarts/dist/echarts.min.js
UNIT_SRC := $(wildcard tests/unit/*.c)

all: $(B)/anxin

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -MMD -MP -c $< -o $@

# Embedded files (.incbin): the web UI, the SQL migrations, the common passwords.
$(B)/%.o: %.S
	@mkdir -p $(dir $@)
	$(CC) -c $< -o $@
$(B)/src/http/assets.o: $(ASSETS)
$(B)/src/store/migrations_sql.o: $(wildcard src/store/sqlite/*.sql)
$(B)/src/domain/common_passwords.o: src/domain/common_passwords.txt

$(B)/libanxin.a: $(OBJ)
	rm -f $@
	ar rcs $@ $^

$(B)/anxin: $(B)/src/main.o $(B)/libanxin.a
	$(CC) $(LDFLAGS_ALL) -o $@ $^ $(PKG_LIBS)

$(B)/unit_tests: $(UNIT_SRC:%.c=$(B)/%.o) $(B)/libanxin.a
	$(CC) $(LDFLAGS_ALL) -o $@ $^ $(PKG_LIBS) -lcriterion

# A kind that only a test build has (tests/kind/): its descriptor and its
# migration, added to KINDS[] and the migrations by two -D hooks, linked
# with the very store objects of $(B)/anxin (libanxin.a) - no store file is
# compiled apart. tests/kind/kind.test.mjs (make http) drives it.
KIND_FLAGS = -DANXIN_TEST_KIND -DANXIN_TEST_MIGRATION=9001
KIND_OBJ = $(B)/kind/kinds.o $(B)/kind/migrations.o $(B)/tests/kind/site_checks.o \
	$(B)/tests/kind/site_checks_sql.o
$(B)/kind/kinds.o: src/domain/kinds.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(KIND_FLAGS) -MMD -MP -c $< -o $@
$(B)/kind/migrations.o: src/store/migrations.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(KIND_FLAGS) -MMD -MP -c $< -o $@
$(B)/tests/kind/site_checks_sql.o: tests/kind/9001_site_checks.sql

$(B)/anxin-kind: $(B)/src/main.o $(KIND_OBJ) $(B)/libanxin.a
	$(CC) $(LDFLAGS_ALL) -o $@ $^ $(PKG_LIBS)

unit: $(B)/unit_tests
	$(B)/unit_tests --jobs 2

cli: $(B)/anxin
	ANXIN=$(abspath $(B)/anxin) bash tests/cli/run.sh

auth: $(B)/anxin
	ANXIN=$(abspath $(B)/anxin) bash tests/auth/run.sh

warn: $(B)/anxin
	ANXIN=$(abspath $(B)/anxin) bash tests/warn/run.sh

http: $(B)/anxin $(B)/anxin-kind
	ANXIN=$(abspath $(B)/anxin) ANXIN_KIND=$(abspath $(B)/anxin-kind) node --test tests/http/ tests/kind/

browser: $(B)/anxin
	ANXIN=$(abspath $(B)/anxin) node --test tests/browser/

test: unit cli auth warn http browser

FUZZ_TARGETS = fuzz_rowsrc fuzz_money fuzz_query
fuzz: $(FUZZ_TARGETS:%=build-fuzz/%)

build-fuzz/%: tests/fuzz/%.c $(SRC)
	@mkdir -p build-fuzz
	clang -std=c11 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined -Isrc $(PKG_CFLAGS) \
		-o $@ $< $(wildcard src/util/*.c src/io/*.c) src/http/req.c $(PKG_LIBS)

clean:
	rm -rf build build-san build-fuzz

.PHONY: all unit cli auth warn http browser test fuzz clean

-include $(OBJ:.o=.d) $(UNIT_SRC:%.c=$(B)/%.d) $(KIND_OBJ:.o=.d)
