#pragma once

#include <QString>

// Making values from outside (files, arguments, databases) safe to show: control characters escaped so they
// cannot move the cursor, retitle the terminal or split a one-sentence message, and long values shortened so
// that one bad field cannot flood the screen.
namespace Text {

// How much of a value a message repeats.
constexpr int quotedLength = 64;
// The longest display name (tenants) the ledger keeps.
constexpr int maxDisplayNameLength = 100;

// The value with every control character written as an escape (\n, \t, \x1b, \u202e …), cut to `maxLength`
// characters with "…". For values inside sentences and listings.
QString escaped(QStringView value, int maxLength = quotedLength);
// escaped() in double quotes: "acme\n".
QString quoted(QStringView value, int maxLength = quotedLength);
// A whole line or sentence about to reach a terminal: control characters escaped, nothing cut.
QString printable(QStringView line);

// Whether the text holds a character that escaped() would rewrite.
bool hasControlCharacters(QStringView value);

// A value (a path, a file name, an id) set apart inside a sentence with Unicode's first-strong isolate, so that a
// right-to-left page or translation keeps its characters in their order ("/tmp/a.csv" stays whole).
QString isolated(const QString& value);

} // namespace Text
