#pragma once

#include <QByteArray>
#include <QString>
#include <QVector>

#include <optional>

// The records of a CSV text, RFC 4180 strictly.
namespace UsageFile {

// Why a record is not RFC 4180: the field (0-based) and what is wrong with it.
struct CsvProblem
{
    int field;
    QString what;
};

// A field is either plain (no quotes) or wholly quoted, where a quoted field may hold commas, doubled quotes and
// line breaks, and only a separator or the end of the record may follow its closing quote. Splits the record at
// `pos` into `fields`, reading up to `end`; advances `pos` past the record and `line` past the line breaks inside it.
std::optional<CsvProblem> splitCsvRecord(const QByteArray& text, qsizetype end, qsizetype& pos, int& line,
                                         QVector<QByteArray>& fields);

// Just after the first line break at or after `from` that ends a record: one outside quotes, where an even number
// of quote characters precede it since `begin` (a doubled quote inside a quoted field counts twice); -1 when there
// is none. A record starts at `begin`.
qsizetype csvRecordEndAfter(const QByteArray& text, qsizetype begin, qsizetype from);

} // namespace UsageFile
