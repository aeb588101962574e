#include "formats/CsvRecords.h"

#include <QCoreApplication>

#include <algorithm>

namespace {
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(UsageFile)
};
} // namespace

namespace UsageFile {

std::optional<CsvProblem> splitCsvRecord(const QByteArray& text, qsizetype end, qsizetype& pos, int& line,
                                         QVector<QByteArray>& fields)
{
    fields.clear();
    const char* p = text.constData();
    const qsizetype n = end;
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

qsizetype csvRecordEndAfter(const QByteArray& text, qsizetype begin, qsizetype from)
{
    const char* p = text.constData();
    bool quoted = std::count(p + begin, p + from, '"') % 2 != 0;
    for (qsizetype i = from; i < text.size(); ++i) {
        if (p[i] == '"')
            quoted = !quoted;
        else if (p[i] == '\n' && !quoted)
            return i + 1;
    }
    return -1;
}

} // namespace UsageFile
