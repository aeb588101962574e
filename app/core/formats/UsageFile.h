#pragma once

#include "model/UsageEvent.h"
#include "support/Result.h"

#include <QFile>
#include <QIODevice>
#include <QVector>

#include <memory>

// Usage files: CSV with a header, or JSON Lines, both with the fields
// id, occurred_at, tenant, action, model, billing, credits (DESIGN.md §3).
namespace UsageFile {

enum class Format
{
    Csv,
    JsonLines
};

// By extension: .csv, or .jsonl / .ndjson.
std::optional<Format> formatForPath(const QString& path);
// One CSV field: quoted, with its quotes doubled, when it holds a comma, a quote or a line break.
QByteArray csvField(const QString& text);

// Parses the whole text; the first bad line (with its number) fails it all.
Result<QVector<ImportRow>> parse(const QByteArray& text, Format format);

// A usage file read piece by piece, so that a file of any size is imported in bounded memory: each call to next()
// reads about pieceBytes more and gives the rows of the whole records in it. A bad line fails next() with the line's
// number, as parse() would.
class Reader
{
public:
    static constexpr qsizetype pieceBytes = 8 << 20;
    // A record longer than this is not read on for: the parser gets what there is.
    static constexpr qsizetype maxRecordBytes = 64 << 20;

    // Opens the file and, for CSV, reads its header; fails with one sentence.
    static Result<std::unique_ptr<Reader>> open(const QString& path);
    ~Reader();

    // The rows of the next piece; an empty list once the whole file is read.
    Result<QVector<ImportRow>> next();
    // How much of the file next() has given, in thousandths.
    int permille() const;

private:
    struct Layout;
    Reader(const QString& path, Format format);
    Status fill(qint64 bytes = pieceBytes);

    QFile m_file;
    Format m_format;
    std::unique_ptr<Layout> m_layout;
    QByteArray m_buffer; // read, not yet given: begins with a record
    int m_lines = 0;     // line breaks before m_buffer
    qint64 m_size = 0;
    qint64 m_done = 0;
    bool m_atEnd = false;
};

// Writes events one by one; CSV starts with the header.
class Writer
{
public:
    Writer(QIODevice& device, Format format);
    void write(const UsageEvent& event);

private:
    QIODevice& m_device;
    Format m_format;
    QByteArray m_buffer;
};

} // namespace UsageFile
