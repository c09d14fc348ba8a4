/*
 * cli_table.c - the table of the anxin binary's subcommands: name, the
 * function that runs it (one cli_<name>.c each), the one-line summary of
 * `anxin --help` and the full help text of `anxin CMD --help`, side by
 * side so they stay true. Data only: the dispatch and the help printing
 * are cli_common.c's, handed this table by main().
 */
#include <stddef.h>

#include "cli/cli.h"

const cli_cmd cli_commands[] = {
	{"init", cmd_init, "create or upgrade the database",
	 "usage: anxin init [--admin NAME] [--admin-password-stdin] [--actor NAME]\n"
	 "                  [--distributed] [--db FILE]\n"
	 "  Creates the database file (SQLite, WAL) if missing and applies the\n"
	 "  schema migrations. Safe to run again. A database of an older schema\n"
	 "  is first copied to FILE.pre-vN-YYYYMMDDHHMMSS (with -desk, -files),\n"
	 "  then upgraded; one of a newer schema is refused, untouched. Other\n"
	 "  commands refuse an older schema: upgrading is init's job.\n"
	 "  When the database has no user yet, creates the first administrator\n"
	 "  (NAME, default admin): with the password read from standard input, or\n"
	 "  a generated one printed once, to be changed at the first log-in.\n"
	 "  --distributed: PostgreSQL on a Citus coordinator only (docs/scale.md):\n"
	 "  distributes the tables of a new database; a no-op once done.\n"},
	{"import", cmd_import, "import CSV/XLSX files of one kind",
	 "usage: anxin import [KIND] FILE... [--kind KIND] [--ignore-unknown]\n"
	 "                    [--max-errors N] [--quiet] [--actor NAME] [--db FILE]\n"
	 "  KIND: enterprises projects workers employments attendance payroll\n"
	 "        accounts transactions deposits min_wages (omit it when the\n"
	 "        header makes the kind unambiguous).\n"
	 "  Each file is one transaction: all rows land or none do. Bad rows are\n"
	 "  listed (file, row, column, value, reason); exit status 1 then.\n"
	 "  Each imported file is recorded in the audit log (actor cli:$USER, or\n"
	 "  cli:NAME with --actor NAME).\n"},
	{"export", cmd_export, "export one kind to CSV or XLSX",
	 "usage: anxin export KIND [--format csv|xlsx] [--out FILE] [--unmasked]\n"
	 "                    [--form exchange|display] [--db FILE]\n"
	 "  Same headers as import, so an export re-imports (--form exchange, the\n"
	 "  default); --form display writes what an official reads: Chinese\n"
	 "  labels, 是/否, names beside codes. ID numbers, bank\n"
	 "  cards and phone numbers are masked unless --unmasked is given; an\n"
	 "  unmasked export is recorded in the audit log (--actor NAME).\n"
	 "  Without --out, CSV goes to standard output.\n"},
	{"serve", cmd_serve, "serve the JSON API and the web UI",
	 "usage: anxin serve [--config FILE] [--listen 127.0.0.1:8080] [--threads N]\n"
	 "                   [--db FILE] [--secure-cookies] [--trust-proxy]\n"
	 "                   [--scan-at HH:MM|off] [--no-cache]\n"
	 "                   [--read-limit BURST/PER_MINUTE|off] [--max-upload SIZE]\n"
	 "                   [--log-level LEVEL] [--stop-timeout SECONDS]\n"
	 "                   [--metrics-token-file FILE]\n"
	 "                   [--backup-dir DIR [--backup-at HH:MM|off] [--backup-keep N]]\n"
	 "  Serves the web UI at / , the JSON API under /api/v1/ (OpenAPI at\n"
	 "  /api/v1/openapi.json), /healthz (alive, no database), /readyz (both\n"
	 "  database files answer and the last scan is under 26 h old: 200, else\n"
	 "  503) and /metrics (Prometheus text format) - the latter to a loopback\n"
	 "  peer (not with --trust-proxy) or with the token in FILE's first line\n"
	 "  (Authorization: Bearer; 32+ characters), else 404.\n"
	 "  Settings come from the configuration file (--config FILE, else\n"
	 "  $ANXIN_CONFIG, else /etc/anxin/anxin.conf when it exists; see\n"
	 "  `anxin config`); a flag overrides the file's key of the same name.\n"
	 "  Signals: SIGTERM/SIGINT stop cleanly - no new connections, running\n"
	 "  requests finish; after --stop-timeout (default 20 s) they are\n"
	 "  interrupted and their transactions roll back - then exit 0. SIGHUP\n"
	 "  re-reads the file: scan_at, read_limit, trust_proxy, secure_cookies,\n"
	 "  max_upload, log_level and stop_timeout change at once, listen, db\n"
	 "  and threads need a restart; connections stay open. Under systemd\n"
	 "  (Type=notify) it sends READY=1 once it listens.\n"
	 "  Logs: one line per event on standard error, prefixed by its syslog\n"
	 "  level (<6> info ...), as journald reads them; every request's line\n"
	 "  carries the id the response returns in X-Request-Id.\n"
	 "  Every request but /healthz, /readyz, the log-in and the UI's files\n"
	 "  needs a session (POST /api/v1/login) or a token (Authorization: Bearer).\n"
	 "  Behind a TLS reverse proxy (docs/security.md) give --secure-cookies\n"
	 "  (the session cookie is sent over HTTPS only) and --trust-proxy (the\n"
	 "  audit log records the address from X-Forwarded-For, and a request\n"
	 "  id from X-Request-Id is kept); listen on loopback only.\n"
	 "  Warnings: a scan as of the day runs every day at --scan-at (default\n"
	 "  02:00, Asia/Shanghai), and once at start-up when the last scan is\n"
	 "  older than today; --scan-at off disables both. The summary goes to\n"
	 "  standard error.\n"
	 "  GET answers are cached while the database is unchanged (any commit,\n"
	 "  by any process, invalidates them); --no-cache answers every request\n"
	 "  afresh.\n"
	 "  API reads are limited per caller (user or token) to a burst of 300\n"
	 "  refilled at 120 a minute - far above what a person browsing makes,\n"
	 "  far below a script; beyond it 429 with Retry-After. --read-limit\n"
	 "  300/120 is the default; off lifts it (benchmarks). Uploads are\n"
	 "  limited to --max-upload (default 2G; K, M, G suffixes).\n"
	 "  Backups: with --backup-dir, a checked backup DIR/anxin-YYYY-MM-DD.db\n"
	 "  (with -desk and -files) every day at --backup-at (default 01:00,\n"
	 "  Asia/Shanghai), keeping the newest --backup-keep (default 7); as\n"
	 "  `anxin backup --dir DIR --keep N` does. Requests go on meanwhile.\n"},
	{"config", cmd_config, "check the server's configuration file",
	 "usage: anxin config check [--config FILE]\n"
	 "  Reads the configuration file `anxin serve` would read (--config FILE,\n"
	 "  else $ANXIN_CONFIG, else /etc/anxin/anxin.conf when it exists) and\n"
	 "  prints the effective settings as `key = value` lines (exit 0), or\n"
	 "  every error as FILE:LINE: KEY: reason (exit 1).\n"
	 "  The file: `key = value` lines, # comments, blank lines. Keys:\n"
	 "    listen = 127.0.0.1:8080     db = FILE       threads = 2 (1..64)\n"
	 "    scan_at = 02:00|off         trust_proxy = yes|no\n"
	 "    secure_cookies = yes|no     max_upload = 2G\n"
	 "    read_limit = 300/120|off    log_level = err|warning|notice|info|debug\n"
	 "    stop_timeout = 20 (s)       backup_at = HH:MM|off (default 01:00)\n"
	 "    backup_keep = 7 (1..1000)   backup_dir = DIR (default none: no\n"
	 "    daily backup)\n"
	 "  Unknown keys, bad values and a key given twice are errors.\n"},
	{"routes", cmd_routes, "print the HTTP route table with permissions",
	 "usage: anxin routes\n"
	 "  Prints every route of the HTTP server as JSON: method, path pattern,\n"
	 "  the permission it needs (\"\" public, \"auth\" any caller, \"session\"\n"
	 "  a person, else a role permission) and whether it changes data.\n"},
	{"demo", cmd_demo, "create a synthetic Binhai data set (and serve it)",
	 "usage: anxin demo [--seed N] [--as-of YYYY-MM-DD] [--projects N]\n"
	 "                  [--workers N] [--no-serve] [--listen ADDR] [--force]\n"
	 "                  [--quiet] [--db FILE]\n"
	 "  Creates a realistic synthetic data set for the streets and zones of\n"
	 "  天津市滨海新区 (300 projects and 20,000 workers by default, six months\n"
	 "  of attendance, payroll, bank transactions and deposits, with a few\n"
	 "  percent of violations), then serves it unless --no-serve.\n"
	 "  Creates one account per role (admin, jianchayuan, taida, lingdao)\n"
	 "  with generated passwords, printed once.\n"
	 "  Deterministic for a given seed (default 1) and as-of date (default\n"
	 "  today). Demo data goes into a fresh database only: a FILE that\n"
	 "  already holds records is refused, unless --force, which deletes FILE\n"
	 "  (for a PostgreSQL URI: drops the anxin schema in that database, which\n"
	 "  stays) and starts afresh. --quiet: no progress lines.\n"},
	{"user", cmd_user, "manage user accounts (audited)",
	 "usage: anxin user add USERNAME --role ROLE [--name NAME] [--street STREET]\n"
	 "                  [--uscc USCC] [--password-stdin]\n"
	 "       anxin user list\n"
	 "       anxin user disable|enable|unlock USERNAME\n"
	 "       anxin user passwd USERNAME [--password-stdin]\n"
	 "       (each also takes --actor NAME and --db FILE)\n"
	 "  ROLE: admin (区人社局管理员), inspector (监察员, district-wide),\n"
	 "        street (街镇, needs --street), enterprise (企业, needs --uscc),\n"
	 "        leader (领导, read-only, personal data masked).\n"
	 "  Without --password-stdin a password is generated and printed once;\n"
	 "  the user must change it at the first log-in. Passwords: at least 10\n"
	 "  characters, 3 of lower/upper/digit/symbol, not the user name.\n"
	 "  Every change is written to the audit log as cli:$USER (or cli:NAME).\n"},
	{"token", cmd_token, "manage API tokens of banks and site gates",
	 "usage: anxin token create --name NAME (--scope-bank CODE | --scope-uscc USCC)\n"
	 "                   --kinds KIND[,KIND...]\n"
	 "       anxin token list\n"
	 "       anxin token revoke ID\n"
	 "       (each also takes --actor NAME and --db FILE)\n"
	 "  A bank token (CODE from the banks table, e.g. ICBC) may write\n"
	 "  transactions of the accounts its bank holds; an enterprise token\n"
	 "  (e.g. a site gate) the kinds given, for its own projects. The token\n"
	 "  is printed once and stored hashed. Audited.\n"},
	{"audit", cmd_audit, "verify or list the tamper-evident audit log",
	 "usage: anxin audit verify [--db FILE]\n"
	 "       anxin audit list [--actor A] [--action X] [--since YYYY-MM-DD]\n"
	 "                        [--limit N] [--format table|csv|json] [--db FILE]\n"
	 "  verify recomputes the hash chain: exit 0 with the row count and head\n"
	 "  hash, or exit 1 naming the first edited, missing or re-ordered row.\n"
	 "  Keep the head hash elsewhere to detect truncation of the newest rows.\n"
	 "  list prints rows oldest first (--limit N: the newest N).\n"},
	{"backup", cmd_backup, "back up the database while it runs (checked copy)",
	 "usage: anxin backup --to FILE [--db DB]\n"
	 "       anxin backup --dir DIR [--keep N] [--db DB]\n"
	 "  Copies the database (DB and DB-desk, one snapshot of both, and the\n"
	 "  evidence files of DB-files its rows reference) while servers and\n"
	 "  imports go on, to FILE, FILE-desk and FILE-files - or, with --dir, to\n"
	 "  DIR/anxin-YYYY-MM-DD.db (today; nothing when it exists), keeping the\n"
	 "  newest N (default 7) daily backups of DIR. The copy is checked before\n"
	 "  it gets its name (integrity check of both files, the audit chain, the\n"
	 "  rows of every table equal to the source's): a FILE that exists is a\n"
	 "  whole backup. SQLite only; a PostgreSQL deployment uses pg_dump.\n"},
	{"restore", cmd_restore, "restore a backup into a new database",
	 "usage: anxin restore --from FILE --db TARGET [--force]\n"
	 "  Copies the backup FILE (with FILE-desk, FILE-files) into TARGET and\n"
	 "  checks it as `anxin backup` does. An existing TARGET is refused unless\n"
	 "  --force, which renames it (and its desk file and files) to\n"
	 "  TARGET.before-restore-TIME - never deletes it. A TARGET that a running\n"
	 "  process (anxin serve) has open is always refused: stop it first.\n"},
	{"migrate", cmd_migrate, "copy a whole database into an empty one (SQLite, PostgreSQL)",
	 "usage: anxin migrate --from SRC --to DST [--actor NAME]\n"
	 "  Copies every table of the database SRC - records, warnings and their\n"
	 "  history, users, sessions, tokens, the audit log, parameters, calendar,\n"
	 "  scan bookkeeping - with every column, ids included, into DST, which\n"
	 "  must be empty (a new SQLite FILE, or a PostgreSQL database just made\n"
	 "  by createdb: postgresql://USER@HOST/NAME). Either way: SQLite to\n"
	 "  PostgreSQL, PostgreSQL to SQLite, SQLite to SQLite.\n"
	 "  SRC is read through one consistent snapshot and may stay in use; its\n"
	 "  schema version must be this anxin's (else upgrade it with `anxin init`\n"
	 "  first). A DST with rows of its own (a user, a record, a changed\n"
	 "  parameter...) is refused, untouched. DST gets its schema from its own\n"
	 "  migrations.\n"
	 "  All or nothing: PostgreSQL is written in one transaction; a SQLite\n"
	 "  DST is written as DST.partial and renamed into place at the end, so an\n"
	 "  interrupted migration leaves no DST. Before the commit the row count\n"
	 "  of every table is compared on both sides and the audit chain of DST\n"
	 "  is verified, with one audit row of its own (migrate, actor cli:$USER\n"
	 "  or cli:NAME) after the copied ones; prints the counts of every table.\n"
	 "  Evidence files are not copied: copy SRC-files (SQLite) or $ANXIN_FILES\n"
	 "  (PostgreSQL) to the folder of DST.\n"},
	{"scan", cmd_scan, "evaluate the early-warning rules (预警扫描)",
	 "usage: anxin scan [--as-of YYYY-MM-DD] [--full] [--db FILE]\n"
	 "  Evaluates the rules of warning-rules.md as of the date (default today,\n"
	 "  Asia/Shanghai), raises, updates and eliminates warnings, and prints\n"
	 "  raised / updated / eliminated / open by level. Incremental: only the\n"
	 "  projects (and months) imports touched since the last scan, unless the\n"
	 "  as-of date, a parameter, the calendar or a minimum wage changed, or\n"
	 "  --full. Readers are never blocked. Exit 0 when the scan ran.\n"},
	{"warnings", cmd_warnings, "list and handle warnings (预警处置)",
	 "usage: anxin warnings [--status open|eliminated|all] [--format table|csv|json]\n"
	 "                      [--rule R] [--project P] [--level L] [--street S]\n"
	 "       anxin warnings show ID [--format text|json]\n"
	 "       anxin warnings eliminate ID --reason TEXT [--actor NAME]\n"
	 "       anxin warnings assign ID --to NAME [--actor NAME]\n"
	 "       anxin warnings escalate ID [--reason TEXT] [--actor NAME]\n"
	 "  CSV columns: rule,project_code,period,level,status (always first, in\n"
	 "  this order; period empty for state rules), then id, street,\n"
	 "  enterprise_uscc, enterprise_name, project_name, raised_on, updated_on,\n"
	 "  eliminated_on, assignee, items, summary. --status open (default) lists\n"
	 "  待处置 and 处置中. show prints evidence, legal basis and history.\n"
	 "  assign: 处置中; escalate: 转执法检查; eliminate: 已消除 with a reason.\n"},
	{"params", cmd_params, "show or change the warning parameters",
	 "usage: anxin params [--db FILE]\n"
	 "       anxin params set KEY VALUE [--actor NAME] [--db FILE]\n"
	 "  Lists key, value, default and description. set validates the value,\n"
	 "  records who changed it (param_changes, audit log; actor cli:NAME,\n"
	 "  default cli:$USER) and makes the next scan a full one.\n"},
	{"calendar", cmd_calendar, "the official working-day calendar",
	 "usage: anxin calendar years [--db FILE]\n"
	 "       anxin calendar add-year YEAR --off DATES [--work DATES] [--source TEXT]\n"
	 "       anxin calendar add-year YEAR --csv FILE\n"
	 "       anxin calendar workdays DATE N\n"
	 "  DATES: comma-separated days or ranges, e.g.\n"
	 "  2027-01-01..2027-01-03,2027-02-06..2027-02-13. The CSV has lines\n"
	 "  date,off|work (放假|上班). Weekdays work and weekends rest except\n"
	 "  for the listed days. A working-day deadline in a year not added is\n"
	 "  an error, never a guess. workdays prints the N-th working day after\n"
	 "  DATE (DATE not counted).\n"},
};

const size_t cli_ncommands = sizeof cli_commands / sizeof cli_commands[0];
