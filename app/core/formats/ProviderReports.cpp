#include "formats/ProviderReports.h"

#include "support/Decimal.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>

namespace {
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(ProviderReports)
};

// Reads one report page; the first thing against the documented shape is kept as the page's refusal.
class Reader
{
public:
    Reader(const char* report) : m_report(report) {}

    QJsonArray buckets(const QByteArray& body)
    {
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
        if (!doc.isObject()) {
            fail(Words::tr("it is not a JSON object"));
            return {};
        }
        m_page = doc.object();
        const QJsonValue data = m_page.value(QLatin1String("data"));
        if (!data.isArray())
            fail(Words::tr("it has no list \"data\""));
        return data.toArray();
    }

    // Reports name their next page ("next_page"); lists continue after their last id ("last_id"). A page says
    // whether more follow ("has_more"); a cursor page of the read-only reports says only where the next one is, and
    // null at the end.
    QString nextPage(const char* field = "next_page") const
    {
        const QJsonValue more = m_page.value(QLatin1String("has_more"));
        if (more.isBool() && !more.toBool())
            return {};
        return m_page.value(QLatin1String(field)).toString();
    }

    // A count of tokens or requests: a whole number from 0 on; missing is none.
    qint64 count(const QJsonObject& o, const char* key)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return 0;
        const qint64 n = v.toInteger(-1);
        if (!v.isDouble() || n < 0 || double(n) != v.toDouble())
            fail(Words::tr("\"%1\" is %2, not a count").arg(QLatin1String(key), shown(v)));
        return qMax<qint64>(n, 0);
    }

    QString text(const QJsonObject& o, const char* key) { return o.value(QLatin1String(key)).toString(); }

    QDate dayOf(const QJsonObject& bucket)
    {
        const QJsonValue at = bucket.value(QLatin1String("starting_at"));
        const QJsonValue seconds = bucket.value(QLatin1String("start_time"));
        QDateTime start;
        if (at.isString())
            start = QDateTime::fromString(at.toString(), Qt::ISODate);
        else if (seconds.isDouble())
            start = QDateTime::fromSecsSinceEpoch(seconds.toInteger(), QTimeZone::utc());
        if (!start.isValid())
            fail(Words::tr("a bucket has no start"));
        return start.toUTC().date();
    }

    qint64 money(const QJsonValue& v, int places, const char* key)
    {
        const auto micros = v.isString() ? Decimal::scaled(v.toString(), places) : std::nullopt;
        if (!micros)
            fail(Words::tr("\"%1\" is %2, not an amount").arg(QLatin1String(key), shown(v)));
        return micros.value_or(0);
    }

    void fail(const QString& why)
    {
        if (m_failure.isEmpty())
            m_failure = why;
    }

    // Every result of every bucket of the page, each read by `readResult` and dated by its bucket.
    template <typename Row, typename ReadResult>
    Result<ReportPage<Row>> rows(const QByteArray& body, ReadResult readResult)
    {
        QVector<Row> rows;
        for (const QJsonValue& b : buckets(body)) {
            const QJsonObject bucket = b.toObject();
            const QDate day = dayOf(bucket);
            for (const QJsonValue& v : bucket.value(QLatin1String("results")).toArray()) {
                Row row = readResult(v.toObject());
                row.day = day;
                rows << row;
            }
        }
        return page(std::move(rows), nextPage());
    }

    // Every entry of a list page (keys, projects), each read by `readEntry`.
    template <typename ReadEntry> Result<ReportPage<ProviderKeyName>> list(const QByteArray& body, ReadEntry readEntry)
    {
        QVector<ProviderKeyName> entries;
        for (const QJsonValue& v : buckets(body)) {
            ProviderKeyName entry = readEntry(v.toObject());
            if (entry.apiKeyId.isEmpty())
                fail(Words::tr("an entry has no id"));
            entries << entry;
        }
        return page(std::move(entries), nextPage("last_id"));
    }

private:
    template <typename Row> Result<ReportPage<Row>> page(QVector<Row> rows, const QString& next)
    {
        if (!m_failure.isEmpty())
            return badInput(Words::tr("The %1 is not as its provider documents it: %2.")
                                .arg(QCoreApplication::translate("ProviderReports", m_report), m_failure));
        return ReportPage<Row>{std::move(rows), next};
    }

    static QString shown(const QJsonValue& v)
    {
        const QByteArray json = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
        return QString::fromUtf8(json.mid(1, qMin<qsizetype>(json.size() - 2, 40)));
    }

    const char* m_report;
    QJsonObject m_page;
    QString m_failure;
};

} // namespace

namespace ProviderReports {

Result<ReportPage<ProviderUsageRow>> anthropicUsage(const QByteArray& body)
{
    Reader r(QT_TRANSLATE_NOOP("ProviderReports", "Anthropic usage report"));
    return r.rows<ProviderUsageRow>(body, [&r](const QJsonObject& o) {
        const QJsonObject cache = o.value(QLatin1String("cache_creation")).toObject();
        ProviderUsageRow row;
        row.apiKeyId = r.text(o, "api_key_id");
        row.model = r.text(o, "model");
        row.uncachedInput = r.count(o, "uncached_input_tokens");
        row.cacheWrite5m = r.count(cache, "ephemeral_5m_input_tokens");
        row.cacheWrite1h = r.count(cache, "ephemeral_1h_input_tokens");
        row.cacheRead = r.count(o, "cache_read_input_tokens");
        row.output = r.count(o, "output_tokens");
        return row;
    });
}

Result<ReportPage<ProviderUsageRow>> openAiUsage(const QByteArray& body)
{
    Reader r(QT_TRANSLATE_NOOP("ProviderReports", "OpenAI usage report"));
    return r.rows<ProviderUsageRow>(body, [&r](const QJsonObject& o) {
        ProviderUsageRow row;
        row.apiKeyId = r.text(o, "api_key_id");
        row.model = r.text(o, "model");
        // The input includes the cached tokens: each kind is priced once.
        const qint64 input = r.count(o, "input_tokens");
        row.cacheRead = r.count(o, "input_cached_tokens");
        if (row.cacheRead > input)
            r.fail(Words::tr("%1 cached input tokens are more than the %2 input tokens that include them")
                       .arg(row.cacheRead)
                       .arg(input));
        row.uncachedInput = qMax<qint64>(input - row.cacheRead, 0);
        row.output = r.count(o, "output_tokens");
        row.requests = r.count(o, "num_model_requests");
        return row;
    });
}

Result<ReportPage<ProviderUsageRow>> openAiImages(const QByteArray& body)
{
    Reader r(QT_TRANSLATE_NOOP("ProviderReports", "OpenAI images report"));
    return r.rows<ProviderUsageRow>(body, [&r](const QJsonObject& o) {
        ProviderUsageRow row;
        row.apiKeyId = r.text(o, "api_key_id");
        row.model = r.text(o, "model");
        row.images = r.count(o, "images");
        row.requests = r.count(o, "num_model_requests");
        return row;
    });
}

Result<ReportPage<ProviderCostRow>> anthropicCost(const QByteArray& body)
{
    Reader r(QT_TRANSLATE_NOOP("ProviderReports", "Anthropic cost report"));
    return r.rows<ProviderCostRow>(body, [&r](const QJsonObject& o) {
        ProviderCostRow row;
        row.model = r.text(o, "model");
        // The token kind, else the line's description (grouped by it), else what kind of cost it is (the read-only
        // report, grouped by cost type).
        for (const char* field : {"token_type", "description", "cost_type"})
            if (row.kind.isEmpty())
                row.kind = r.text(o, field);
        // Cents as a decimal text: a cent is 10,000 micro-dollars.
        row.micros = r.money(o.value(QLatin1String("amount")), 4, "amount");
        row.currency = r.text(o, "currency");
        return row;
    });
}

Result<ReportPage<ProviderCostRow>> openAiCost(const QByteArray& body)
{
    // A JSON number is a double once parsed: each amount's value is taken as the text it was sent as. The pattern
    // cannot meet the inside of a string, where a quote is escaped.
    static const QRegularExpression value(QStringLiteral(R"(("value"\s*:\s*)(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?))"));
    QString text = QString::fromUtf8(body);
    text.replace(value, QStringLiteral(R"(\1"\2")"));
    Reader r(QT_TRANSLATE_NOOP("ProviderReports", "OpenAI cost report"));
    return r.rows<ProviderCostRow>(text.toUtf8(), [&r](const QJsonObject& o) {
        const QJsonObject amount = o.value(QLatin1String("amount")).toObject();
        ProviderCostRow row;
        row.apiKeyId = r.text(o, "api_key_id");
        row.kind = r.text(o, "line_item");
        // "gpt-4o-2024-08-06, input": the model, then what of it was billed.
        const qsizetype comma = row.kind.indexOf(QLatin1String(", "));
        if (comma > 0)
            row.model = row.kind.left(comma);
        row.micros = r.money(amount.value(QLatin1String("value")), 6, "amount.value");
        row.currency = r.text(amount, "currency").toUpper();
        return row;
    });
}

Result<ReportPage<ProviderKeyName>> anthropicKeys(const QByteArray& body)
{
    Reader r(QT_TRANSLATE_NOOP("ProviderReports", "Anthropic key list"));
    return r.list(body, [&r](const QJsonObject& o) {
        return ProviderKeyName{r.text(o, "id"), r.text(o, "partial_key_hint"), r.text(o, "name")};
    });
}

Result<ReportPage<ProviderKeyName>> openAiProjectKeys(const QByteArray& body)
{
    Reader r(QT_TRANSLATE_NOOP("ProviderReports", "OpenAI key list"));
    return r.list(body, [&r](const QJsonObject& o) {
        return ProviderKeyName{r.text(o, "id"), r.text(o, "redacted_value"), r.text(o, "name")};
    });
}

Result<ReportPage<ProviderKeyName>> openAiProjects(const QByteArray& body)
{
    Reader r(QT_TRANSLATE_NOOP("ProviderReports", "OpenAI project list"));
    return r.list(body, [&r](const QJsonObject& o) { return ProviderKeyName{r.text(o, "id"), {}, r.text(o, "name")}; });
}

} // namespace ProviderReports
