/*
 * csv_guard.h - the formula guard of anxin's CSV files (OWASP "CSV
 * injection"), as one pair of rules so that writer and reader agree.
 *
 * A spreadsheet runs a cell that starts with '=', '+', '-', '@', a tab or
 * a carriage return as a formula (=HYPERLINK(...), =cmd|'...'!A0). Every
 * CSV anxin writes goes through buf_csv, which prefixes such a cell with
 * one single quote; a cell that already starts with a single quote gets
 * one more, so the rule is reversible. The CSV importer removes exactly
 * that one quote, so an exported file re-imports to the original values.
 *
 * Exempt: a plain negative number ("-5", "-1234.50"): a spreadsheet reads
 * it as the number it is (nothing runs), and a quote would turn an amount
 * into text that no longer sums.
 *
 * Owns only these two decisions; knows nothing of files or fields.
 */
#ifndef ANXIN_CSV_GUARD_H
#define ANXIN_CSV_GUARD_H

/* 1 if the writer must prefix s with a single quote: its first character
 * is = + - @ tab CR or ', and it is not a plain negative number
 * (-digits[.digits]). */
int csv_guard_needed(const char *s);
/* The reader's side: s without the quote the writer added - s + 1 when s
 * is a single quote followed by = + - @ tab CR or a single quote, else s. */
const char *csv_guard_strip(const char *s);

#endif
