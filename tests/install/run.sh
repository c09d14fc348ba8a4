#!/usr/bin/env bash
# run.sh - the install, for real: `make install` (PREFIX, DESTDIR, the
# files and their modes, uninstall), the man page generated from the
# binary's help (every command, valid troff, escaping), the systemd unit
# (systemd-analyze verify and its offline security score), the Debian
# package built from a copy of this tree (dpkg-buildpackage), installed
# into this machine (dpkg -i: the system user, /var/lib/anxin 0700, a 0600
# database), installed again over itself (the database left as it was),
# removed (data kept) and purged (binary, data and user gone).
# Needs root for the dpkg part (CI runs as root); without root that part
# is skipped, loudly. Cleans up after itself, even on failure: a package
# this test installed is purged on exit, and a later run purges one left
# by a killed run (a marker file says it was ours) but refuses to touch an
# anxin installed by anyone else.
# Usage: ANXIN=build/anxin bash tests/install/run.sh   (make deb-test)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
: "${ANXIN:?set ANXIN to the anxin binary}"
# shellcheck source=../cli/lib.sh
. "$HERE/../cli/lib.sh"
MARKER=/var/tmp/anxin-deb-test.installed
DATA=/var/lib/anxin

# pkg_status: dpkg's state of the package (installed, config-files, ...),
# not-installed for a package dpkg does not know (any more).
pkg_status() {
	local s
	s=$(dpkg-query -W -f='${db:Status-Status}' anxin 2>/dev/null || true)
	echo "${s:-not-installed}"
}

# cleanup: purges the package if this test installed it, removes $T. The
# marker stays when the purge fails, so that the next run purges it.
cleanup() {
	if [ -e "$MARKER" ] && [ "$(id -u)" -eq 0 ]; then
		[ "$(pkg_status)" = not-installed ] || dpkg --purge anxin >/dev/null 2>&1 || true
		[ "$(pkg_status)" != not-installed ] || rm -f "$MARKER"
	fi
	rm -rf "$T"
}
# A signal first lets the running command (dpkg) finish, then cleans up.
trap 'exit 1' INT TERM HUP
trap cleanup EXIT

# files DIR: "MODE PATH" of every file and link below DIR, sorted.
files() { (cd "$1" && find . \( -type f -o -type l \) -printf '%m %P\n' | sort); }

# ---- make install --------------------------------------------------------
umask 077 # the modes must come from the install, not from the umask
make -s -C "$ROOT" install DESTDIR="$T/d" >"$T/make.log" 2>&1 || { cat "$T/make.log"; exit 1; }
expect_eq "make install: files and modes (PREFIX=/usr/local)" "$(files "$T/d")" \
"644 usr/local/etc/anxin/anxin.conf.example
644 usr/local/lib/systemd/system/anxin.service
644 usr/local/share/man/man1/anxin.1
755 usr/local/bin/anxin"
expect_in "the unit runs the binary of its PREFIX with its configuration" \
	"$T/d/usr/local/lib/systemd/system/anxin.service" \
	"ExecStart=/usr/local/bin/anxin serve --config /usr/local/etc/anxin/anxin.conf"
cmp -s "$ANXIN" "$T/d/usr/local/bin/anxin" && ok || bad "the installed binary is not $ANXIN"
make -s -C "$ROOT" uninstall DESTDIR="$T/d" >/dev/null
expect_eq "make uninstall leaves no file" "$(files "$T/d")" ""

make -s -C "$ROOT" install DESTDIR="$T/u" PREFIX=/usr >/dev/null
expect_eq "make install PREFIX=/usr: /etc and /lib/systemd/system" "$(files "$T/u")" \
"644 etc/anxin/anxin.conf.example
644 lib/systemd/system/anxin.service
644 usr/share/man/man1/anxin.1
755 usr/bin/anxin"
umask 022

# ---- the example configuration is one anxin accepts ----------------------
ANXIN_CONFIG= "$ANXIN" config check --config "$T/u/etc/anxin/anxin.conf.example" >"$T/conf.out" 2>&1 \
	&& ok || bad "anxin config check refuses the installed example: $(cat "$T/conf.out")"

# ---- the man page ------------------------------------------------------
MAN="$T/u/usr/share/man/man1/anxin.1"
expect_in "man page: a .TH header" "$MAN" ".TH ANXIN 1 "
cmds=$("$ANXIN" --help | awk '/^  [a-z][a-z-]* / { print $1 }')
[ "$(printf '%s\n' "$cmds" | wc -l)" -ge 10 ] && ok || bad "too few commands in anxin --help: $cmds"
MANWIDTH=120 man --warnings -E UTF-8 -l "$MAN" >"$T/man.txt" 2>"$T/man.err" || bad "man -l failed"
expect_eq "man page renders without a troff warning" "$(cat "$T/man.err")" ""
for c in $cmds; do
	expect_in "man page: a section for $c" "$MAN" ".SS $c"
	# the rendered first usage line equals the binary's (escaping round-trips)
	first=$("$ANXIN" "$c" --help | head -1 | sed 's/^ *//')
	expect_in "man page: $c's usage as anxin $c --help says" "$T/man.txt" "$first"
done
# The escaping, on a help with troff's special characters in it.
cat >"$T/fake" <<'FAKE'
#!/bin/sh
if [ "$1" = --help ]; then printf 'fake\nusage: fake COMMAND\n\n  odd      a command\n'; exit 0; fi
printf "usage: anxin odd --x\n.SH INJECTED\n'br\n  C:\\\\dir -- 100%%\n"
FAKE
chmod +x "$T/fake"
"$ROOT/scripts/manpage" "$T/fake" >"$T/fake.1"
MANWIDTH=120 man -E UTF-8 -l "$T/fake.1" >"$T/fake.txt" 2>&1
grep -qx 'INJECTED' "$T/fake.txt" && bad "manpage: a help line starting with a dot became a heading" || ok
expect_in "manpage: ... shown as written" "$T/fake.txt" ".SH INJECTED"
expect_in "manpage: a leading quote shown as written" "$T/fake.txt" "'br"
expect_in "manpage: backslashes and hyphens as written" "$T/fake.txt" 'C:\dir -- 100%'
echo '#!/bin/sh' >"$T/broken" && echo 'exit 3' >>"$T/broken" && chmod +x "$T/broken"
"$ROOT/scripts/manpage" "$T/broken" >/dev/null 2>&1 && bad "manpage succeeded on a binary without help" || ok

# ---- the systemd unit ----------------------------------------------------
# Installed under a private PREFIX so that ExecStart's binary exists.
make -s -C "$ROOT" install PREFIX="$T/pfx" >/dev/null
UNIT="$T/pfx/lib/systemd/system/anxin.service"
systemd-analyze verify --man=no "$UNIT" >"$T/verify" 2>&1 || bad "systemd-analyze verify failed"
expect_eq "systemd-analyze verify: no complaint" "$(cat "$T/verify")" ""
for key in Type=notify User=anxin Group=anxin 'ExecReload=/bin/kill -HUP $MAINPID' \
	ProtectSystem=strict ReadWritePaths=/var/lib/anxin StateDirectory=anxin \
	StateDirectoryMode=0700 NoNewPrivileges=yes PrivateTmp=yes PrivateDevices=yes \
	ProtectHome=yes ProtectKernelTunables=yes ProtectKernelModules=yes ProtectKernelLogs=yes \
	'RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX' SystemCallFilter=@system-service \
	SystemCallArchitectures=native LockPersonality=yes RestrictRealtime=yes \
	RestrictSUIDSGID=yes UMask=0077 Restart=on-failure; do
	grep -qxF -- "$key" "$UNIT" && ok || bad "unit: no line $key"
done
grep -qE '^MemoryMax=[0-9]+[KMG]$' "$UNIT" && ok || bad "unit: no MemoryMax"
grep -qE '^TimeoutStopSec=[0-9]+$' "$UNIT" && ok || bad "unit: no TimeoutStopSec"
# systemd's own exposure score (0 best, 10 worst): 2.0 at most, i.e. "OK".
systemd-analyze security --offline=yes --man=no --threshold=20 "$UNIT" >"$T/sec" 2>&1 \
	&& ok || bad "unit: exposure above 2.0: $(tail -1 "$T/sec")"

# ---- the Debian package --------------------------------------------------
VER=$(dpkg-parsechangelog -l "$ROOT/debian/changelog" -S Version)
DEB="$T/pkg/anxin_${VER}_$(dpkg --print-architecture).deb"
SRC="$T/pkg/anxin-$VER"
before=$(git -C "$ROOT" status --porcelain)
mkdir -p "$SRC/node_modules/echarts/dist"
# The tree as it is (tracked and new files, not the ignored ones), and
# the one npm file the binary embeds.
(cd "$ROOT" && git ls-files -co --exclude-standard -z | grep -zv '^node_modules$' \
	| xargs -0 cp --parents -t "$SRC")
cp -L "$ROOT/node_modules/echarts/dist/echarts.min.js" "$SRC/node_modules/echarts/dist/"
(cd "$SRC" && DEB_BUILD_OPTIONS="parallel=$(nproc) noddebs" dpkg-buildpackage -us -uc -b) \
	>"$T/deb.log" 2>&1 || { tail -40 "$T/deb.log"; bad "dpkg-buildpackage failed"; }
expect_eq "the package build writes nothing into the tree" "$(git -C "$ROOT" status --porcelain)" "$before"
[ -f "$DEB" ] && ok || { bad "no $DEB"; summary; exit 1; }
dpkg-deb -c "$DEB" | awk '{ print $1, $6 }' >"$T/deb.files"
for f in "-rwxr-xr-x ./usr/bin/anxin" "-rw-r--r-- ./lib/systemd/system/anxin.service" \
	"-rw-r--r-- ./usr/share/man/man1/anxin.1.gz" "-rw-r--r-- ./etc/anxin/anxin.conf" \
	"-rw-r--r-- ./usr/share/doc/anxin/copyright"; do
	expect_in "package holds $f" "$T/deb.files" "$f"
done
dpkg-deb -f "$DEB" Depends >"$T/deps"
expect_in "package depends on the SQLite library it links (shlibs)" "$T/deps" "libsqlite3-0"
expect_in "package depends on libmicrohttpd (shlibs)" "$T/deps" "libmicrohttpd12"
expect_in "package depends on adduser (postinst)" "$T/deps" "adduser"
dpkg-deb -e "$DEB" "$T/ctl"
expect_eq "the configuration is a conffile" "$(cat "$T/ctl/conffiles")" "/etc/anxin/anxin.conf"

# ---- dpkg -i, reinstall, remove, purge ----------------------------------
if [ "$(id -u)" -ne 0 ]; then
	echo "SKIP: dpkg -i / --purge of the package (needs root; CI runs as root)"
	summary
	exit
fi
if [ "$(pkg_status)" != not-installed ] || getent passwd anxin >/dev/null; then
	if [ -e "$MARKER" ]; then
		dpkg --purge anxin >/dev/null 2>&1 || true # left by a killed run of this test
	else
		bad "an anxin package or user not made by this test is on this machine: not touching it"
		summary
		exit 1
	fi
fi
touch "$MARKER"
dpkg -i "$DEB" >"$T/install.log" 2>&1 && ok || { cat "$T/install.log"; bad "dpkg -i failed"; }
expect_eq "package installed" "$(pkg_status)" installed
IFS=: read -r _ _ uid _ _ home shell < <(getent passwd anxin || echo ::::::)
expect_eq "system user anxin: home" "$home" "$DATA"
expect_eq "system user anxin: no login shell" "$shell" /usr/sbin/nologin
[ -n "$uid" ] && [ "$uid" -lt 1000 ] && ok || bad "anxin is not a system user (uid '$uid')"
getent group anxin >/dev/null && ok || bad "no group anxin"
expect_eq "$DATA: 0700, owned by anxin" "$(stat -c '%a %U %G' "$DATA")" "700 anxin anxin"
expect_eq "the database: 0600, owned by anxin" "$(stat -c '%a %U %G' "$DATA/anxin.db")" "600 anxin anxin"
expect_eq "no file in $DATA readable by others" "$(find "$DATA" -perm /077 ! -path "$DATA")" ""
expect_eq "every file of the service is anxin's" \
	"$(find "$DATA" ! -user anxin ! -name initial-admin-password)" ""
expect_eq "the one-time password: root's only" \
	"$(stat -c '%a %U' "$DATA/initial-admin-password")" "600 root"
expect_in "the one-time password is in it" "$DATA/initial-admin-password" "initial password"
/usr/bin/anxin --help >"$T/help" 2>&1 && ok || bad "/usr/bin/anxin --help failed"
expect_in "/usr/bin/anxin --help" "$T/help" "usage: anxin COMMAND"
runuser -u anxin -- /usr/bin/anxin audit verify --db "$DATA/anxin.db" >"$T/verify" 2>&1 \
	&& ok || bad "audit verify of the new database: $(cat "$T/verify")"
runuser -u anxin -- /usr/bin/anxin audit list --db "$DATA/anxin.db" --format csv >"$T/audit" 2>&1 || true
expect_in "the first administrator's creation is audited as the package's" "$T/audit" "cli:dpkg"
expect_eq "man finds anxin(1)" "$(man -w anxin 2>&1)" /usr/share/man/man1/anxin.1.gz
man --warnings -l /usr/share/man/man1/anxin.1.gz >/dev/null 2>"$T/man.err" || bad "man -l of the installed page"
expect_eq "the installed man page renders cleanly" "$(cat "$T/man.err")" ""
systemd-analyze verify /lib/systemd/system/anxin.service >"$T/verify" 2>&1 || true
expect_eq "systemd-analyze verify of the installed unit (man page included)" "$(cat "$T/verify")" ""
[ -L /etc/systemd/system/multi-user.target.wants/anxin.service ] && ok || bad "the unit is not enabled"
if [ -d /run/systemd/system ]; then
	# A machine that runs systemd: the unit starts and answers.
	systemctl is-active --quiet anxin && ok || bad "anxin.service is not active: $(systemctl status anxin 2>&1 | tail -5)"
else
	echo "note: systemd is not running here: the unit was verified, not started"
fi

sum=$(sha256sum "$DATA/anxin.db")
dpkg -i "$DEB" >"$T/install2.log" 2>&1 && ok || { cat "$T/install2.log"; bad "dpkg -i again failed"; }
expect_eq "installed again: the database left as it was" "$(sha256sum "$DATA/anxin.db")" "$sum"
expect_eq "installed again: still 0700" "$(stat -c '%a %U' "$DATA")" "700 anxin"

dpkg -r anxin >/dev/null 2>&1 && ok || bad "dpkg -r failed"
[ ! -e /usr/bin/anxin ] && ok || bad "removed: /usr/bin/anxin still there"
[ -f "$DATA/anxin.db" ] && ok || bad "removed (not purged): the database is gone"
getent passwd anxin >/dev/null && ok || bad "removed (not purged): the user is gone"

dpkg --purge anxin >"$T/purge.log" 2>&1 && ok || { cat "$T/purge.log"; bad "dpkg --purge failed"; }
expect_eq "purged: package unknown" "$(pkg_status)" not-installed
for p in /usr/bin/anxin "$DATA" /etc/anxin /lib/systemd/system/anxin.service \
	/etc/systemd/system/multi-user.target.wants/anxin.service /usr/share/man/man1/anxin.1.gz; do
	[ ! -e "$p" ] && [ ! -L "$p" ] && ok || bad "purged: $p still there"
done
getent passwd anxin >/dev/null && bad "purged: user anxin still there" || ok
getent group anxin >/dev/null && bad "purged: group anxin still there" || ok
rm -f "$MARKER"

summary
