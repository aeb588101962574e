#include "UsageFile.h"

#include "IsoTime.h"
#include "Text.h"

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

enum Field { Id, OccurredAt, Tenant, Action, ModelField, BillingField, Credits, FieldCount };
const std::array<const char*, FieldCount> fieldNames = {"id", "occurred_at", "tenant", "action", "model", "billing", "credits"};

struct LineError
{
    int line;
    QString what;
};

QString fieldName(int field) { return QLatin1String(fieldNames[field]); }

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
            const bool plainDigits = std::all_of(f[Credits].begin(), f[Credits].end(), [](char c) { return c >= '0' && c <= '9'; });
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

// Why a record is not RFC 4180: the field (0-based) and what is wrong with it.
struct CsvProblem
{
    int field;
    QString what;
};

// RFC 4180, strictly: a field is either plain (no quotes) or wholly quoted, where a quoted field may hold
// commas, doubled quotes and line breaks, and only a separator or the end of the record may follow its
// closing quote. Advances `pos` past the record and `line` past the line breaks inside it.
std::optional<CsvProblem> splitCsvRecord(const QByteArray& text, qsizetype& pos, int& line, QVector<QByteArray>& fields)
{
    fields.clear();
    const char* p = text.constData();
    const qsizetype n = text.size();
    QByteArray field;
    for (;;) {
        field.clear();
        const int index = fields.size();
        if (pos < n && p[pos] == '"') {
            ++pos;
            for (;;) {
                if (pos >= n)
                    return CsvProblem{index, Words::tr("its quote is never closed")};
                if (p[pos] == '"') {
                    if (pos + 1 < n && p[pos + 1] == '"') {
                        field += '"';
                        pos += 2;
                        continue;
                    }
                    ++pos;
                    break;
                }
                if (p[pos] == '\n')
                    ++line;
                field += p[pos++];
            }
            if (pos < n && p[pos] != ',' && p[pos] != '\n' && p[pos] != '\r')
                return CsvProblem{index, Words::tr("text follows its closing quote")};
        } else {
            const qsizetype start = pos;
            while (pos < n && p[pos] != ',' && p[pos] != '\n' && p[pos] != '\r') {
                if (p[pos] == '"')
                    return CsvProblem{index, Words::tr("it has a quote but is not quoted as a whole")};
                ++pos;
            }
            field = QByteArray(p + start, pos - start);
        }
        fields.append(field);
        if (pos < n && p[pos] == ',') {
            ++pos;
            continue;
        }
        if (pos < n && p[pos] == '\r')
            ++pos;
        if (pos < n && p[pos] == '\n')
            ++pos;
        return std::nullopt;
    }
}

Result<QVector<ImportRow>> parseCsv(const QByteArray& text)
{
    qsizetype pos = text.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    if (text.mid(pos).trimmed().isEmpty())
        return QVector<ImportRow>(); // no events: the importer says so, as it does for every format
    int line = 1;
    QVector<QByteArray> fields;
    if (const auto problem = splitCsvRecord(text, pos, line, fields))
        return badInput(Words::tr("Line 1: header column %1: %2; nothing was imported.").arg(problem->field + 1).arg(problem->what));
    const qsizetype headerColumns = fields.size();
    std::array<int, FieldCount> column;
    column.fill(-1);
    for (int i = 0; i < fields.size(); ++i) {
        const QByteArray name = fields[i].trimmed();
        int known = -1;
        for (int f = 0; f < FieldCount; ++f)
            if (name == fieldNames[f])
                known = f;
        if (known < 0 || column[known] >= 0)
            return badInput(Words::tr("Line 1: the header column %1 is %2; nothing was imported.")
                                .arg(Text::quoted(QString::fromUtf8(name)), known < 0 ? Words::tr("unknown", "a header column") : Words::tr("repeated", "a header column")));
        column[known] = i;
    }
    for (int f = 0; f < FieldCount; ++f)
        if (column[f] < 0)
            return badInput(Words::tr("Line 1: the header lacks the column \"%1\"; nothing was imported.").arg(fieldName(f)));
    // The field at a header position, for naming a malformed one; its number when the header has no name for it.
    const auto columnName = [&](int index) {
        const auto f = std::find(column.begin(), column.end(), index);
        return f != column.end() ? fieldName(int(f - column.begin())) : QString::number(index + 1);
    };

    QVector<ImportRow> rows;
    rows.reserve(text.count('\n'));
    RowBuilder builder;
    std::array<QByteArray, FieldCount> values;
    while (pos < text.size()) {
        ++line;
        const int startLine = line;
        if (const auto problem = splitCsvRecord(text, pos, line, fields))
            return lineFailure({startLine, Words::tr("the field %1 is not valid CSV: %2").arg(columnName(problem->field), problem->what)});
        if (fields.size() == 1 && fields[0].isEmpty())
            continue; // blank line
        if (fields.size() != headerColumns)
            return lineFailure({startLine, Words::tr("expected %1 fields, found %2").arg(headerColumns).arg(fields.size())});
        for (int f = 0; f < FieldCount; ++f)
            values[f] = fields[column[f]];
        ImportRow row;
        if (const auto error = builder.build(startLine, values, row))
            return lineFailure(*error);
        rows.append(std::move(row));
    }
    return rows;
}

// Which field of a JSON line holds the bytes that are not UTF-8: the line is read again with them replaced,
// and the first field whose name or text carries a replacement character is the one.
QString fieldWithBadUtf8(const QByteArray& raw)
{
    const QJsonDocument lossy = QJsonDocument::fromJson(QString::fromUtf8(raw).toUtf8());
    const QJsonObject o = lossy.object();
    for (auto it = o.begin(); it != o.end(); ++it)
        if (it.key().contains(QChar::ReplacementCharacter) || it.value().toString().contains(QChar::ReplacementCharacter))
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

Result<QVector<ImportRow>> parseJsonLines(const QByteArray& text)
{
    QVector<ImportRow> rows;
    RowBuilder builder;
    std::array<QByteArray, FieldCount> values;
    int line = 0;
    qsizetype pos = text.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    while (pos < text.size()) {
        ++line;
        qsizetype end = text.indexOf('\n', pos);
        if (end < 0)
            end = text.size();
        const QByteArray raw = text.mid(pos, end - pos).trimmed();
        pos = end + 1;
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
            return lineFailure({line, Words::tr("not valid JSON (%1 at character %2)").arg(error.errorString()).arg(error.offset + 1)});
        if (!doc.isObject())
            return lineFailure({line, Words::tr("expected a JSON object, found %1").arg(jsonKind(doc))});
        const QJsonObject o = doc.object();
        for (auto it = o.begin(); it != o.end(); ++it)
            if (std::find_if(fieldNames.begin(), fieldNames.end(), [&](const char* n) { return it.key() == QLatin1String(n); }) ==
                fieldNames.end())
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

} // namespace

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
    return format == Format::Csv ? parseCsv(text) : parseJsonLines(text);
}

Result<QVector<ImportRow>> read(const QString& path)
{
    const auto format = formatForPath(path);
    if (!format)
        return badInput(Words::tr("%1 is neither a .csv nor a .jsonl file.").arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return badInput(Words::tr("Cannot read %1: %2.").arg(path, file.errorString()));
    return parse(file.readAll(), *format);
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
        m_buffer += csvField(e.id) + ',' + IsoTime::formatUtc(e.occurredAt).toLatin1() + ',' + csvField(e.tenant) + ',' +
                    csvField(e.action) + ',' + csvField(e.model) + ',' + CreditRules::billingId(e.billing).toLatin1() +
                    ',' + QByteArray::number(e.credits) + '\n';
    } else {
        QJsonObject o{{QStringLiteral("id"), e.id},
                      {QStringLiteral("occurred_at"), IsoTime::formatUtc(e.occurredAt)},
                      {QStringLiteral("tenant"), e.tenant},
                      {QStringLiteral("action"), e.action},
                      {QStringLiteral("model"), e.model},
                      {QStringLiteral("billing"), CreditRules::billingId(e.billing)},
                      {QStringLiteral("credits"), e.credits}};
        m_buffer += QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
    }
    m_device.write(m_buffer);
}

} // namespace UsageFile
