#pragma once

#include "model/ProviderUsage.h"
#include "rules/BillingPeriod.h"
#include "rules/CreditRules.h"

#include <QMap>
#include <QStringList>

// The spend of the BYOK keys by the providers' own reports (SpendBooks): whose key each of the organisation's
// keys is, and what each holder's usage cost.
namespace SpendBooks {

// Whose key one of the organisation's keys is.
struct KeyOwner
{
    enum class Kind
    {
        Install,     // the install's BYOK key
        Tenant,      // a tenant's own BYOK key
        Other,       // another key of the organisation, not this install's
        Unnamed,     // usage the report names no key for (the Workbench, the console)
        Ambiguous,   // the characters the provider shows fit more than one of the install's keys
        Organisation // every key of the organisation together: a read-only report, which names no key
    };
    Kind kind = Kind::Other;
    QString tenant; // Kind::Tenant
    QString fingerprint;
};

// How a line's dollars were found.
enum class Basis
{
    Billed,    // the provider's cost report, which names the key (OpenAI)
    ListPrice, // the catalog's list prices for the day × the reported tokens (Anthropic's cost report names no key)
    Unknown    // neither: a model without a price
};

struct ModelSpend
{
    QString model;
    CreditRules::TokenCounts tokens;
    qint64 images = 0;
    std::optional<qint64> requests;
    qint64 micros = 0; // the dollars known, in micro-dollars
    Basis basis = Basis::Billed;
};

struct HolderSpend
{
    KeyOwner owner;
    QStringList apiKeyIds; // the organisation's keys that are this holder's
    QVector<ModelSpend> models;
    QMap<QDate, qint64> microsPerDay;
    qint64 micros = 0;
    bool priceUnknown = false; // some usage has no price: the sum is short of it
    qint64 byokRuns = 0;       // in the ledger, over the same days
    qint64 creditsWithoutByok = 0;
    // False for the install's and tenants' keys when the reports name no key (ProviderSpend::perKey): their
    // dollars are in the organisation's, not known apart.
    bool dollarsKnown = true;
};

struct ProviderSpend
{
    QString provider;
    qint64 syncedAt = 0; // 0: never synced
    QDate first;         // the days held (UTC); invalid when none
    QDate last;
    QVector<HolderSpend> holders; // the install, its tenants with keys, then other keys and unnamed usage
    qint64 billedMicros = 0;      // the whole organisation's cost report over the days
    QMap<QDate, qint64> billedPerDay;
    QStringList unmatchedKeys; // holders' fingerprints that are not keys of this organisation
    // Whether the reports held name the key of each row; not when they were read with a read-only key
    // (Provider::ReadOnlyReports), which counts the organisation per model: then nothing is split by key or
    // reconciled with the ledger's runs.
    bool perKey = true;
};

QString basisId(Basis basis);         // "billed", "list_price", "unknown"
QString ownerId(KeyOwner::Kind kind); // "install", "tenant", "other", "unnamed", "ambiguous", "organisation"

} // namespace SpendBooks

// The spend of one billing period by the providers' reports the ledger holds (SpendService::report).
struct SpendReport
{
    BillingPeriod period;
    QDate first; // the period's days, UTC, as the providers count them
    QDate last;
    QVector<SpendBooks::ProviderSpend> providers;
    QVector<SpendFinding> findings;
};
