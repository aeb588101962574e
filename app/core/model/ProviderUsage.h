#pragma once

#include "rules/CreditRules.h"

#include <QDate>
#include <QString>
#include <QVector>

#include <optional>

// The key id of a row that counts the whole organisation, every key together: what a read-only report gives
// (Provider::ReadOnlyReports), which names no key. No provider names a key so.
inline QString wholeOrganisationKeyId()
{
    return QStringLiteral("*");
}

// One day's tokens on one of the provider organisation's keys and one model, as its usage report gives them. Each
// kind of token is counted once: OpenAI's input includes its cached tokens, which are taken out of it here.
struct ProviderUsageRow
{
    QDate day;        // the bucket's first day, UTC
    QString apiKeyId; // the provider's id of the key; empty: none named (the Workbench, or an older record);
                      // wholeOrganisationKeyId(): every key of the organisation together
    QString model;
    qint64 uncachedInput = 0;
    qint64 cacheWrite5m = 0; // writing the prompt cache for five minutes
    qint64 cacheWrite1h = 0; // … for an hour
    qint64 cacheRead = 0;
    qint64 output = 0;
    qint64 images = 0;              // OpenAI's images report: images made
    std::optional<qint64> requests; // OpenAI counts the requests; Anthropic's report does not

    bool operator==(const ProviderUsageRow& o) const
    {
        return day == o.day && apiKeyId == o.apiKeyId && model == o.model && uncachedInput == o.uncachedInput &&
               cacheWrite5m == o.cacheWrite5m && cacheWrite1h == o.cacheWrite1h && cacheRead == o.cacheRead &&
               output == o.output && images == o.images && requests == o.requests;
    }
    // Its tokens as they are priced (CreditRules::tokenCost).
    CreditRules::TokenCounts tokens() const { return {uncachedInput, cacheWrite5m, cacheWrite1h, cacheRead, output}; }
    // Adds another row of the same day, key and model (a report that splits them further than asked).
    void add(const ProviderUsageRow& o)
    {
        uncachedInput += o.uncachedInput;
        cacheWrite5m += o.cacheWrite5m;
        cacheWrite1h += o.cacheWrite1h;
        cacheRead += o.cacheRead;
        output += o.output;
        images += o.images;
        if (o.requests)
            requests = requests.value_or(0) + *o.requests;
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

// One of the provider organisation's API keys as its key list shows it: never the key, only its id, its name and
// the few characters the provider shows of it ("sk-ant-api03-R2D...igAA", "sk-abc...def").
struct ProviderKeyName
{
    QString apiKeyId;
    QString hint;
    QString name;

    bool operator==(const ProviderKeyName& o) const
    {
        return apiKeyId == o.apiKeyId && hint == o.hint && name == o.name;
    }
};

// What one sync read from one provider for the days `first` to `last` (UTC, both included): it replaces what the
// ledger held for those days.
struct ProviderReportSet
{
    QString provider;
    QDate first;
    QDate last;
    qint64 syncedAt = 0; // ms since the epoch
    QVector<ProviderUsageRow> usage;
    QVector<ProviderCostRow> costs;
    QVector<ProviderKeyName> keys; // the organisation's keys, all of them
};

// Whether the reports name the key of every row: not when they were read with a read-only key, whose rows count
// the whole organisation (wholeOrganisationKeyId).
inline bool countsPerKey(const QVector<ProviderUsageRow>& usage, const QVector<ProviderCostRow>& costs)
{
    for (const ProviderUsageRow& u : usage)
        if (u.apiKeyId == wholeOrganisationKeyId())
            return false;
    for (const ProviderCostRow& c : costs)
        if (c.apiKeyId == wholeOrganisationKeyId())
            return false;
    return true;
}

// When a provider's reports were last read, and for which days.
struct ProviderSyncMark
{
    qint64 syncedAt = 0;
    QDate first;
    QDate last;
};

// The BYOK runs the ledger recorded on one UTC day (the providers' reports count by UTC day), by tenant, action
// and model.
struct LedgerByokRuns
{
    QDate day;
    QString tenant; // empty: the install
    QString action;
    QString model;
    qint64 runs = 0;
};

// Where the ledger and a provider's report disagree about one day of one holder's key.
struct SpendFinding
{
    enum class Kind
    {
        OutsideUse, // the provider saw the key used; the ledger recorded no BYOK run
        NotSeen,    // the ledger recorded BYOK runs; the provider saw nothing on the key
        Differs     // both did, but the provider's request count differs beyond the tolerance
    };
    QString provider;
    QDate day;
    QString holder; // the tenant whose key it is; empty: the install's
    Kind kind = Kind::OutsideUse;
    QString fingerprint; // of the holder's key, when it is known
    qint64 recorded = 0; // BYOK runs in the ledger
    qint64 seen = 0;     // requests (OpenAI) or, where they are not counted, rows of usage the provider reported

    bool operator==(const SpendFinding& o) const
    {
        return provider == o.provider && day == o.day && holder == o.holder && kind == o.kind &&
               fingerprint == o.fingerprint && recorded == o.recorded && seen == o.seen;
    }
};

// One page of a report and where the next one starts (empty: the last page).
template <typename Row> struct ReportPage
{
    QVector<Row> rows;
    QString nextPage;
};
