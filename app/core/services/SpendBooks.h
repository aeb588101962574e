#pragma once

#include "model/KeyRecords.h"
#include "model/ProviderUsage.h"
#include "model/Spend.h"
#include "model/Usage.h"
#include "rules/Catalog.h"
#include "rules/CreditRules.h"

#include <QMap>

// The providers' reports set beside the ledger, as pure functions over what both hold: whose key each of the
// provider organisation's keys is, what each holder's runs cost in dollars and would have cost in credits, and
// where the two books disagree (SpendFinding).
namespace SpendBooks {

// The organisation's key `apiKeyId` matched to the install's keys by the characters the provider shows of it
// ("sk-ant-api03-R2D...igAA", "sk-abc...def") against each key's last four: the characters after the dots must end
// the key the ledger knows.
KeyOwner ownerOf(const QString& apiKeyId, const QVector<ProviderKeyName>& keys, const QVector<KeyRecord>& records);

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

// What the `slot`'s BYOK runs on the days held within `first`..`last` would cost in dollars at `current` and at
// `next`: the tokens the report counted on the install's and tenants' keys for `current`, shared out per BYOK run the
// ledger recorded on `current` over those days, times the slot's runs, at the list prices of `priceDay`. nullopt when
// the reports hold no such tokens or no such runs.
std::optional<ModelChangePreview::DollarEstimate> estimate(const Catalog& catalog, const ProviderReportSet& held,
                                                           const QVector<KeyRecord>& records,
                                                           const QVector<LedgerByokRuns>& runs, const QString& slot,
                                                           const Model& current, const Model& next, QDate priceDay);

} // namespace SpendBooks
