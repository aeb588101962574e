#pragma once

#include "model/KeyRecords.h"
#include "model/ProviderUsage.h"
#include "rules/Catalog.h"
#include "rules/CreditRules.h"

#include <QMap>

// The providers' reports set beside the ledger, as pure functions over what both hold: whose key each of the
// provider organisation's keys is, what each holder's runs cost in dollars and would have cost in credits, and
// where the two books disagree (SpendFinding).
namespace SpendBooks {

// Whose key one of the organisation's keys is.
struct KeyOwner
{
    enum class Kind
    {
        Install,  // the install's BYOK key
        Tenant,   // a tenant's own BYOK key
        Other,    // another key of the organisation, not this install's
        Unnamed,  // usage the report names no key for (the Workbench, the console)
        Ambiguous // the characters the provider shows fit more than one of the install's keys
    };
    Kind kind = Kind::Other;
    QString tenant; // Kind::Tenant
    QString fingerprint;
};

// The organisation's key `apiKeyId` matched to the install's keys by the characters the provider shows of it
// ("sk-ant-api03-R2D...igAA", "sk-abc...def") against each key's last four: the characters after the dots must end
// the key the ledger knows.
KeyOwner ownerOf(const QString& apiKeyId, const QVector<ProviderKeyName>& keys, const QVector<KeyRecord>& records);

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
};

// The provider's held reports for the days, priced and set beside the ledger's BYOK runs. `tenantKeysAllowed`:
// the plan lets tenants' keys run their actions (else their runs are on the install's key).
ProviderSpend spend(const Catalog& catalog, const ProviderReportSet& held, const QVector<KeyRecord>& records,
                    const QVector<LedgerByokRuns>& runs, bool tenantKeysAllowed);

// Requests the provider counts may differ from the runs recorded by this much before it is a finding: retries and
// tool calls make a run more than one request.
constexpr qint64 requestTolerancePercent = 10;
constexpr qint64 requestToleranceMinimum = 2;

// Where the held reports and the ledger disagree, on the days from the first held to `lastComplete` (a day the
// provider has not finished counting is left out): per holder whose key is the organisation's.
QVector<SpendFinding> reconcile(const Catalog& catalog, const ProviderReportSet& held,
                                const QVector<KeyRecord>& records, const QVector<LedgerByokRuns>& runs,
                                bool tenantKeysAllowed, QDate lastComplete);

QString basisId(Basis basis); // "billed", "list_price", "unknown"
QString ownerId(KeyOwner::Kind kind); // "install", "tenant", "other", "unnamed", "ambiguous"

} // namespace SpendBooks
