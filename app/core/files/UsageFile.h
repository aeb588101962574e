#pragma once

#include "Result.h"
#include "UsageEvent.h"

#include <QIODevice>
#include <QVector>

// Usage files: CSV with a header, or JSON Lines, both with the fields
// id, occurred_at, tenant, action, model, billing, credits (DESIGN.md §3).
namespace UsageFile {

enum class Format { Csv, JsonLines };

// By extension: .csv, or .jsonl / .ndjson.
std::optional<Format> formatForPath(const QString& path);
// One CSV field: quoted, with its quotes doubled, when it holds a comma, a quote or a line break.
QByteArray csvField(const QString& text);

// Parses the whole text; the first bad line (with its number) fails it all.
Result<QVector<ImportRow>> parse(const QByteArray& text, Format format);
Result<QVector<ImportRow>> read(const QString& path);

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
