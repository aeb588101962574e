#pragma once

#include <QDate>
#include <QString>
#include <QVector>

#include <optional>

// One day's tokens on one of the provider organisation's keys and one model, as its usage report gives them. Each
// kind of token is counted once: OpenAI's input includes its cached tokens, which are taken out of it here.
struct ProviderUsageRow
{
    QDate day;        // the bucket's first day, UTC
    QString apiKeyId; // the provider's id of the key; empty: none named (the Workbench, or an older record)
    QString model;
    qint64 uncachedInput = 0;
    qint64 cacheWrite5m = 0; // writing the prompt cache for five minutes
    qint64 cacheWrite1h = 0; // … for an hour
    qint64 cacheRead = 0;
    qint64 output = 0;
    std::optional<qint64> requests; // OpenAI counts the requests; Anthropic's report does not

    bool operator==(const ProviderUsageRow& o) const
    {
        return day == o.day && apiKeyId == o.apiKeyId && model == o.model && uncachedInput == o.uncachedInput &&
               cacheWrite5m == o.cacheWrite5m && cacheWrite1h == o.cacheWrite1h && cacheRead == o.cacheRead &&
               output == o.output && requests == o.requests;
    }
};

// One day's cost of one line of the provider's cost report, in exact micro-units of its currency.
struct ProviderCostRow
{
    QDate day;
    QString apiKeyId; // empty: not named
    QString model;    // empty: not a model's cost
    QString kind;     // what the provider calls the line ("input", "Claude Sonnet 4.6 output", …)
    qint64 micros = 0;
    QString currency; // "USD"

    bool operator==(const ProviderCostRow& o) const
    {
        return day == o.day && apiKeyId == o.apiKeyId && model == o.model && kind == o.kind && micros == o.micros &&
               currency == o.currency;
    }
};

// One page of a report and where the next one starts (empty: the last page).
template <typename Row> struct ReportPage
{
    QVector<Row> rows;
    QString nextPage;
};
