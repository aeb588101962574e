#include "formats/UsageFile.h"

#include "formats/CsvRecords.h"
#include "formats/JsonKeys.h"
#include "formats/ParseInHalves.h"
#include "support/IsoTime.h"
#include "support/Text.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringDecoder>

#include <algorithm>
#include <array>

namespace {
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(UsageFile)
};
} // namespace

using CreditRules::Billing;

namespace UsageFile {

namespace {

enum Field
{
    Id,
    OccurredAt,
    Tenant,
    Action,
    ModelField,
    BillingField,
    Credits,
    FieldCount
};
const std::array<const char*, FieldCount> fieldNames = {"id",    "occurred_at", "tenant", "action",
                                                        "model", "billing",     "credits"};

struct LineError
{
    int line;
    QString what;
};

QString fieldName(int field)
{
    return QLatin1String(fieldNames[field]);
}

// Whether the bytes hold a control character (a NUL cuts C strings, an escape sequence drives a terminal, a
// newline splits an id in two); ids, times and names never contain one.
std::optional<char> controlByte(const QByteArray& bytes)
{
    for (const char c : bytes)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            return c;
    return std::nullopt;
}

bool isValidUtf8(const QByteArray& bytes)
{
    bool ascii = true;
    for (const char c : bytes)
        ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii)
        return true;
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder(bytes);
    Q_UNUSED(decoded)
    return !decoder.hasError();
}

// Turns one line's seven texts into a row; small repeated texts (tenants, actions, models) share one QString.
class RowBuilder
{
public:
    std::optional<LineError> build(int line, const std::array<QByteArray, FieldCount>& f, ImportRow& row)
    {
        row.line = line;
        for (int field = 0; field < FieldCount; ++field) {
            if (const auto c = controlByte(f[field]))
                return LineError{line, Words::tr("the field %1 holds a control character (%2)")
                                           .arg(fieldName(field), Text::escaped(QString(QChar(uchar(*c)))))};
            if (!isValidUtf8(f[field]))
                return LineError{line, Words::tr("the field %1 is not valid UTF-8").arg(fieldName(field))};
        }
        UsageEvent& e = row.event;
        if (f[Id].isEmpty())
            return LineError{line, Words::tr("the id is empty")};
        e.id = QString::fromUtf8(f[Id]);
        const auto at = IsoTime::parse(f[OccurredAt].constData(), f[OccurredAt].size());
        if (!at)
            return LineError{line, Words::tr("occurred_at %1 is not an ISO 8601 time with Z or an offset")
                                       .arg(Text::quoted(QString::fromUtf8(f[OccurredAt])))};
        e.occurredAt = *at;
        e.tenant = shared(f[Tenant]);
        e.action = shared(f[Action]);
        e.model = shared(f[ModelField]);
        const auto billing = CreditRules::billingFromId(QString::fromUtf8(f[BillingField]));
        if (!billing)
            return LineError{line, Words::tr("billing %1 is neither credits nor byok")
                                       .arg(Text::quoted(QString::fromUtf8(f[BillingField])))};
        e.billing = *billing;
        row.creditsGiven = !f[Credits].isEmpty();
        if (row.creditsGiven) {
            bool ok = false;
            e.credits = f[Credits].toInt(&ok);
            const bool plainDigits =
                std::all_of(f[Credits].begin(), f[Credits].end(), [](char c) { return c >= '0' && c <= '9'; });
            if (!ok || !plainDigits || e.credits > 1000000)
                return LineError{line, Words::tr("credits %1 is not a whole number of credits")
                                           .arg(Text::quoted(QString::fromUtf8(f[Credits])))};
        }
        return std::nullopt;
    }

private:
    const QString& shared(const QByteArray& bytes)
    {
        auto it = m_strings.find(bytes);
        if (it == m_strings.end())
            it = m_strings.insert(bytes, QString::fromUtf8(bytes));
        return it.value();
    }
    QHash<QByteArray, QString> m_strings;
};

Failure lineFailure(const LineError& e)
{
    return badInput(Words::tr("Line %1: %2; nothing was imported.").arg(e.line).arg(e.what));
}

// Where the CSV records' fields are, from the header.
struct CsvLayout
{
    qsizetype headerColumns = 0;
    std::array<int, FieldCount> column; // header position of each field

    // The field at a header position, for naming a malformed one; its number when the header has no name for it.
    QString columnName(int index) const
    {
        const auto f = std::find(column.begin(), column.end(), index);
        return f != column.end() ? fieldName(int(f - column.begin())) : QString::number(index + 1);
    }
};

// The records of text[pos, end), after `line` line breaks, in a list with room for `expected`.
Result<QVector<ImportRow>> parseCsvRecords(const QByteArray& text, qsizetype pos, qsizetype end, int line,
                                           qsizetype expected, const CsvLayout& layout)
{
    QVector<ImportRow> rows;
    rows.reserve(expected);
    RowBuilder builder;
    QVector<QByteArray> fields;
    std::array<QByteArray, FieldCount> values;
    while (pos < end) {
        ++line;
        const int startLine = line;
        if (const auto problem = splitCsvRecord(text, end, pos, line, fields))
            return lineFailure(
                {startLine,
                 Words::tr("the field %1 is not valid CSV: %2").arg(layout.columnName(problem->field), problem->what)});
        if (fields.size() == 1 && fields[0].isEmpty())
            continue; // blank line
        if (fields.size() != layout.headerColumns)
            return lineFailure(
                {startLine, Words::tr("expected %1 fields, found %2").arg(layout.headerColumns).arg(fields.size())});
        for (int f = 0; f < FieldCount; ++f)
            values[f] = fields[layout.column[f]];
        ImportRow row;
        if (const auto error = builder.build(startLine, values, row))
            return lineFailure(*error);
        rows.append(std::move(row));
    }
    return rows;
}

// The header at `pos` (after a byte order mark): where each field's column is. Advances `pos` and `line` past it.
Result<CsvLayout> parseCsvHeader(const QByteArray& text, qsizetype& pos, int& line)
{
    QVector<QByteArray> fields;
    if (const auto problem = splitCsvRecord(text, text.size(), pos, line, fields))
        return badInput(Words::tr("Line 1: header column %1: %2; nothing was imported.")
                            .arg(problem->field + 1)
                            .arg(problem->what));
    CsvLayout layout;
    layout.headerColumns = fields.size();
    layout.column.fill(-1);
    for (int i = 0; i < fields.size(); ++i) {
        const QByteArray name = fields[i].trimmed();
        int known = -1;
        for (int f = 0; f < FieldCount; ++f)
            if (name == fieldNames[f])
                known = f;
        if (known < 0 || layout.column[known] >= 0)
            return badInput(
                Words::tr("Line 1: the header column %1 is %2; nothing was imported.")
                    .arg(Text::quoted(QString::fromUtf8(name)), known < 0 ? Words::tr("unknown", "a header column")
                                                                          : Words::tr("repeated", "a header column")));
        layout.column[known] = i;
    }
    for (int f = 0; f < FieldCount; ++f)
        if (layout.column[f] < 0)
            return badInput(
                Words::tr("Line 1: the header lacks the column \"%1\"; nothing was imported.").arg(fieldName(f)));
    return layout;
}

bool onlyWhitespace(const QByteArray& text, qsizetype from)
{
    return std::all_of(text.begin() + from, text.end(), [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); });
}

qsizetype afterByteOrderMark(const QByteArray& text)
{
    return text.startsWith("\xEF\xBB\xBF") ? 3 : 0;
}

// The CSV records of text[begin, end), after `linesBefore` line breaks; on two threads when the text is large.
Result<QVector<ImportRow>> parseCsvBody(const QByteArray& text, qsizetype body, int linesBefore,
                                        const CsvLayout& layout)
{
    return parseInHalves(
        text, body, linesBefore, [&](qsizetype from) { return csvRecordEndAfter(text, body, from); },
        [&](qsizetype b, qsizetype e, int lines, qsizetype expected) {
            return parseCsvRecords(text, b, e, lines, expected, layout);
        });
}

Result<QVector<ImportRow>> parseCsv(const QByteArray& text)
{
    qsizetype pos = afterByteOrderMark(text);
    if (onlyWhitespace(text, pos))
        return QVector<ImportRow>(); // no events: the importer says so, as it does for every format
    int line = 1;
    const auto layout = parseCsvHeader(text, pos, line);
    if (!layout)
        return layout.failure();
    return parseCsvBody(text, pos, line, layout.value());
}

// Which field of a JSON line holds the bytes that are not UTF-8: the line is read again with them replaced,
// and the first field whose name or text carries a replacement character is the one.
QString fieldWithBadUtf8(const QByteArray& raw)
{
    const QJsonDocument lossy = QJsonDocument::fromJson(QString::fromUtf8(raw).toUtf8());
    const QJsonObject o = lossy.object();
    for (auto it = o.begin(); it != o.end(); ++it)
        if (it.key().contains(QChar::ReplacementCharacter) ||
            it.value().toString().contains(QChar::ReplacementCharacter))
            return Text::escaped(it.key());
    return {};
}

// Qt's parser keeps 5.0 and 5e0 as the integer 5, so the number's own text decides whether it was written as
// a whole number: the literal after the "credits" key must be digits with an optional minus sign.
bool creditsWrittenAsInteger(const QByteArray& raw)
{
    static const QRegularExpression literal(QStringLiteral("\"credits\"\\s*:\\s*(-?[0-9]+)?([^\\s,}]*)"));
    const QRegularExpressionMatch m = literal.match(QString::fromUtf8(raw));
    return !m.hasMatch() || m.captured(2).isEmpty();
}

QString jsonKind(const QJsonDocument& doc)
{
    return doc.isArray() ? Words::tr("an array") : Words::tr("a single value");
}

// The lines of text[pos, end), after `line` line breaks, in a list with room for `expected`.
Result<QVector<ImportRow>> parseJsonRecords(const QByteArray& text, qsizetype pos, qsizetype end, int line,
                                            qsizetype expected)
{
    QVector<ImportRow> rows;
    rows.reserve(expected);
    RowBuilder builder;
    std::array<QByteArray, FieldCount> values;
    while (pos < end) {
        ++line;
        qsizetype lineEnd = text.indexOf('\n', pos);
        if (lineEnd < 0 || lineEnd > end)
            lineEnd = end;
        const QByteArray raw = text.mid(pos, lineEnd - pos).trimmed();
        pos = lineEnd + 1;
        if (raw.isEmpty())
            continue;
        if (!isValidUtf8(raw)) {
            const QString field = fieldWithBadUtf8(raw);
            return lineFailure({line, field.isEmpty() ? Words::tr("the line is not valid UTF-8")
                                                      : Words::tr("the field %1 is not valid UTF-8").arg(field)});
        }
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(raw, &error);
        if (error.error != QJsonParseError::NoError)
            return lineFailure(
                {line,
                 Words::tr("not valid JSON (%1 at character %2)").arg(error.errorString()).arg(error.offset + 1)});
        if (!doc.isObject())
            return lineFailure({line, Words::tr("expected a JSON object, found %1").arg(jsonKind(doc))});
        if (const auto twice = JsonKeys::repeated(raw))
            return lineFailure({line, Words::tr("the field %1 is given twice").arg(Text::quoted(*twice))});
        const QJsonObject o = doc.object();
        for (auto it = o.begin(); it != o.end(); ++it)
            if (std::find_if(fieldNames.begin(), fieldNames.end(),
                             [&](const char* n) { return it.key() == QLatin1String(n); }) == fieldNames.end())
                return lineFailure({line, Words::tr("unknown field %1").arg(Text::quoted(it.key()))});
        for (int f = 0; f < FieldCount; ++f) {
            const QJsonValue v = o.value(QLatin1String(fieldNames[f]));
            if (v.isNull() || v.isUndefined()) {
                values[f].clear();
            } else if (f == Credits) {
                // Whole numbers only, written as such: "5" (text) and 5.0 or 5e0 are refused rather than guessed at.
                if (!v.isDouble() || v.toVariant().typeId() != QMetaType::LongLong || !creditsWrittenAsInteger(raw))
                    return lineFailure({line, Words::tr("the field credits must be a whole number such as 5, "
                                                        "written without quotes, fraction or exponent")});
                values[f] = QByteArray::number(v.toVariant().toLongLong());
            } else if (v.isString()) {
                values[f] = v.toString().toUtf8();
            } else {
                return lineFailure({line, Words::tr("the field %1 must be text in quotes").arg(fieldName(f))});
            }
        }
        ImportRow row;
        if (const auto problem = builder.build(line, values, row))
            return lineFailure(*problem);
        rows.append(std::move(row));
    }
    return rows;
}

// The JSON lines of text[begin, end), after `linesBefore` line breaks; on two threads when the text is large.
Result<QVector<ImportRow>> parseJsonBody(const QByteArray& text, qsizetype begin, int linesBefore)
{
    // A JSON text holds no raw line break, so every line break ends a record.
    return parseInHalves(
        text, begin, linesBefore,
        [&](qsizetype from) {
            const qsizetype lineBreak = text.indexOf('\n', from);
            return lineBreak < 0 ? lineBreak : lineBreak + 1;
        },
        [&](qsizetype b, qsizetype e, int lines, qsizetype expected) {
            return parseJsonRecords(text, b, e, lines, expected);
        });
}

// Just after the last line break in `text` that ends a record (0 when none does): the file is read in pieces, and
// each piece is parsed up to there. For CSV that is a line break outside quotes; a file whose quotes do not pair
// up is found out by the parser, at the line where the quote opens.
qsizetype lastRecordEnd(const QByteArray& text, Format format)
{
    if (format == Format::JsonLines)
        return text.lastIndexOf('\n') + 1;
    qsizetype end = 0;
    bool quoted = false;
    const char* data = text.constData();
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (data[i] == '"')
            quoted = !quoted;
        else if (data[i] == '\n' && !quoted)
            end = i + 1;
    }
    return end;
}

} // namespace

struct Reader::Layout
{
    CsvLayout csv;
};

Reader::Reader(const QString& path, Format format) : m_file(path), m_format(format) {}
Reader::~Reader() = default;

Result<std::unique_ptr<Reader>> Reader::open(const QString& path)
{
    const auto format = formatForPath(path);
    if (!format)
        return badInput(Words::tr("%1 is neither a .csv nor a .jsonl file.").arg(path));
    std::unique_ptr<Reader> reader(new Reader(path, *format));
    if (!reader->m_file.open(QIODevice::ReadOnly))
        return badInput(Words::tr("Cannot read %1: %2.").arg(path, reader->m_file.errorString()));
    reader->m_size = reader->m_file.size();
    // Up to the first record's end: a BOM, and for CSV the header.
    if (Status s = reader->fill(); !s)
        return s.failure();
    while (!reader->m_atEnd && lastRecordEnd(reader->m_buffer, reader->m_format) == 0 &&
           reader->m_buffer.size() < maxRecordBytes)
        if (Status s = reader->fill(); !s)
            return s.failure();
    qsizetype pos = afterByteOrderMark(reader->m_buffer);
    if (reader->m_format == Format::Csv) {
        if (reader->m_atEnd && onlyWhitespace(reader->m_buffer, pos)) {
            reader->m_buffer.clear(); // no events: the importer says so, as it does for every format
            return reader;
        }
        int line = 1;
        auto layout = parseCsvHeader(reader->m_buffer, pos, line);
        if (!layout)
            return layout.failure();
        reader->m_layout = std::make_unique<Layout>(Layout{layout.value()});
        reader->m_lines = line;
    }
    reader->m_buffer.remove(0, pos);
    reader->m_done = pos; // the BOM and the header are read: the last piece makes it the whole file
    return reader;
}

Status Reader::fill(qint64 bytes)
{
    const QByteArray more = m_file.read(bytes);
    if (more.isEmpty() && m_file.error() != QFileDevice::NoError)
        return badInput(Words::tr("Cannot read %1: %2.").arg(m_file.fileName(), m_file.errorString()));
    if (more.isEmpty())
        m_atEnd = true;
    m_buffer += more;
    return success();
}

Result<QVector<ImportRow>> Reader::next()
{
    for (;;) {
        // Topped up to a piece: what is left of a record cut by the last piece, and the bytes after it.
        if (!m_atEnd && m_buffer.size() < pieceBytes)
            if (Status s = fill(pieceBytes - m_buffer.size()); !s)
                return s.failure();
        qsizetype end = m_atEnd ? m_buffer.size() : lastRecordEnd(m_buffer, m_format);
        // A record longer than a piece reads on, up to a bound (an unclosed quote would read the whole file): past
        // it the parser is given what there is, and names the line.
        while (end == 0 && !m_atEnd && m_buffer.size() < maxRecordBytes) {
            if (Status s = fill(); !s)
                return s.failure();
            end = m_atEnd ? m_buffer.size() : lastRecordEnd(m_buffer, m_format);
        }
        if (end == 0)
            end = m_buffer.size();
        if (end == 0)
            return QVector<ImportRow>(); // the end of the file
        // The piece is parsed in place, then dropped; the part of a record after it waits for the next piece.
        const QByteArray piece = QByteArray::fromRawData(m_buffer.constData(), end);
        auto rows =
            m_format == Format::Csv ? parseCsvBody(piece, 0, m_lines, m_layout->csv) : parseJsonBody(piece, 0, m_lines);
        m_lines += int(std::count(piece.begin(), piece.end(), '\n'));
        m_done += end;
        m_buffer.remove(0, end);
        if (!rows || !rows->isEmpty())
            return rows;
        // A piece of blank lines: on to the next.
    }
}

int Reader::permille() const
{
    return m_size > 0 ? int(qMin<qint64>(1000, 1000 * m_done / m_size)) : 1000;
}

QByteArray csvField(const QString& text)
{
    QByteArray bytes = text.toUtf8();
    if (bytes.contains(',') || bytes.contains('"') || bytes.contains('\n') || bytes.contains('\r')) {
        bytes.replace('"', "\"\"");
        bytes = '"' + bytes + '"';
    }
    return bytes;
}

std::optional<Format> formatForPath(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("csv"))
        return Format::Csv;
    if (suffix == QLatin1String("jsonl") || suffix == QLatin1String("ndjson"))
        return Format::JsonLines;
    return std::nullopt;
}

Result<QVector<ImportRow>> parse(const QByteArray& text, Format format)
{
    return format == Format::Csv ? parseCsv(text) : parseJsonBody(text, afterByteOrderMark(text), 0);
}

Writer::Writer(QIODevice& device, Format format) : m_device(device), m_format(format)
{
    if (m_format == Format::Csv)
        m_device.write("id,occurred_at,tenant,action,model,billing,credits\n");
}

void Writer::write(const UsageEvent& e)
{
    m_buffer.clear();
    if (m_format == Format::Csv) {
        m_buffer += csvField(e.id) + ',' + IsoTime::formatUtc(e.occurredAt).toLatin1() + ',' + csvField(e.tenant) +
                    ',' + csvField(e.action) + ',' + csvField(e.model) + ',' +
                    CreditRules::billingId(e.billing).toLatin1() + ',' + QByteArray::number(e.credits) + '\n';
    } else {
        QJsonObject o{
            {QStringLiteral("id"), e.id},          {QStringLiteral("occurred_at"), IsoTime::formatUtc(e.occurredAt)},
            {QStringLiteral("tenant"), e.tenant},  {QStringLiteral("action"), e.action},
            {QStringLiteral("model"), e.model},    {QStringLiteral("billing"), CreditRules::billingId(e.billing)},
            {QStringLiteral("credits"), e.credits}};
        m_buffer += QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
    }
    m_device.write(m_buffer);
}

} // namespace UsageFile
