#include "UsageFile.h"

#include "IsoTime.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

#include <array>

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

// Turns one line's seven texts into a row; small repeated texts (tenants, actions, models) share one QString.
class RowBuilder
{
public:
    std::optional<LineError> build(int line, const std::array<QByteArray, FieldCount>& f, ImportRow& row)
    {
        row.line = line;
        UsageEvent& e = row.event;
        if (f[Id].isEmpty())
            return LineError{line, QStringLiteral("the id is empty")};
        e.id = QString::fromUtf8(f[Id]);
        const auto at = IsoTime::parse(f[OccurredAt].constData(), f[OccurredAt].size());
        if (!at)
            return LineError{line, QStringLiteral("occurred_at \"%1\" is not an ISO 8601 time with Z or an offset")
                                       .arg(QString::fromUtf8(f[OccurredAt]))};
        e.occurredAt = *at;
        e.tenant = shared(f[Tenant]);
        e.action = shared(f[Action]);
        e.model = shared(f[ModelField]);
        const auto billing = CreditRules::billingFromId(QString::fromUtf8(f[BillingField]));
        if (!billing)
            return LineError{line, QStringLiteral("billing \"%1\" is neither credits nor byok")
                                       .arg(QString::fromUtf8(f[BillingField]))};
        e.billing = *billing;
        row.creditsGiven = !f[Credits].isEmpty();
        if (row.creditsGiven) {
            bool ok = false;
            e.credits = f[Credits].toInt(&ok);
            if (!ok || e.credits < 0 || e.credits > 1000000)
                return LineError{line, QStringLiteral("credits \"%1\" is not a whole number of credits")
                                           .arg(QString::fromUtf8(f[Credits]))};
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
    return badInput(QStringLiteral("Line %1: %2; nothing was imported.").arg(e.line).arg(e.what));
}

// RFC 4180 fields: quoted fields may hold commas, doubled quotes and line breaks. Advances `pos` past the record.
// Returns false when a quote is left open.
bool splitCsvRecord(const QByteArray& text, qsizetype& pos, int& line, QVector<QByteArray>& fields)
{
    fields.clear();
    const char* p = text.constData();
    const qsizetype n = text.size();
    QByteArray field;
    for (;;) {
        field.clear();
        if (pos < n && p[pos] == '"') {
            ++pos;
            for (;;) {
                if (pos >= n)
                    return false;
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
            // After the closing quote only a separator or the end of the record may follow.
            while (pos < n && p[pos] != ',' && p[pos] != '\n' && p[pos] != '\r')
                field += p[pos++];
        } else {
            const qsizetype start = pos;
            while (pos < n && p[pos] != ',' && p[pos] != '\n' && p[pos] != '\r')
                ++pos;
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
        return true;
    }
}

Result<QVector<ImportRow>> parseCsv(const QByteArray& text)
{
    qsizetype pos = text.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    if (text.mid(pos).trimmed().isEmpty())
        return badInput(QStringLiteral("The file is empty; nothing was imported."));
    int line = 1;
    QVector<QByteArray> fields;
    if (!splitCsvRecord(text, pos, line, fields))
        return badInput(QStringLiteral("Line 1: the header has an unclosed quote; nothing was imported."));
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
            return badInput(QStringLiteral("Line 1: the header column \"%1\" is %2; nothing was imported.")
                                .arg(QString::fromUtf8(name), known < 0 ? QStringLiteral("unknown") : QStringLiteral("repeated")));
        column[known] = i;
    }
    for (int f = 0; f < FieldCount; ++f)
        if (column[f] < 0)
            return badInput(QStringLiteral("Line 1: the header lacks the column \"%1\"; nothing was imported.")
                                .arg(QLatin1String(fieldNames[f])));

    QVector<ImportRow> rows;
    rows.reserve(text.count('\n'));
    RowBuilder builder;
    std::array<QByteArray, FieldCount> values;
    while (pos < text.size()) {
        ++line;
        const int startLine = line;
        if (!splitCsvRecord(text, pos, line, fields))
            return lineFailure({startLine, QStringLiteral("a quoted field is never closed")});
        if (fields.size() == 1 && fields[0].isEmpty())
            continue; // blank line
        if (fields.size() != headerColumns)
            return lineFailure({startLine, QStringLiteral("expected %1 fields, found %2").arg(headerColumns).arg(fields.size())});
        for (int f = 0; f < FieldCount; ++f)
            values[f] = fields[column[f]];
        ImportRow row;
        if (const auto error = builder.build(startLine, values, row))
            return lineFailure(*error);
        rows.append(std::move(row));
    }
    return rows;
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
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(raw, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            return lineFailure({line, QStringLiteral("not a JSON object (%1)").arg(error.errorString())});
        const QJsonObject o = doc.object();
        for (auto it = o.begin(); it != o.end(); ++it)
            if (std::find_if(fieldNames.begin(), fieldNames.end(), [&](const char* n) { return it.key() == QLatin1String(n); }) ==
                fieldNames.end())
                return lineFailure({line, QStringLiteral("unknown field \"%1\"").arg(it.key())});
        for (int f = 0; f < FieldCount; ++f) {
            const QJsonValue v = o.value(QLatin1String(fieldNames[f]));
            if (v.isDouble() && f == Credits)
                values[f] = QByteArray::number(v.toDouble(), 'g', 17);
            else if (v.isString())
                values[f] = v.toString().toUtf8();
            else if (v.isNull() || v.isUndefined())
                values[f].clear();
            else
                return lineFailure({line, QStringLiteral("field \"%1\" has the wrong type").arg(QLatin1String(fieldNames[f]))});
        }
        ImportRow row;
        if (const auto problem = builder.build(line, values, row))
            return lineFailure(*problem);
        rows.append(std::move(row));
    }
    return rows;
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

} // namespace

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
        return badInput(QStringLiteral("%1 is neither a .csv nor a .jsonl file.").arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return badInput(QStringLiteral("Cannot read %1: %2.").arg(path, file.errorString()));
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
