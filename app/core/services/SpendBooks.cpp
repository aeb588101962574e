#include "services/SpendBooks.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace SpendBooks {

namespace {

bool hasKey(const KeyRecord& r)
{
    return r.purpose == KeyPurpose::Inference && r.state != KeyState::NotSet && !r.fingerprint.isEmpty();
}

// The characters the provider shows of a key's end: after its dots ("...", "…"), or the whole hint.
QString hintTail(const QString& hint)
{
    for (const QString& dots : {QStringLiteral("..."), QStringLiteral("\u2026")}) {
        const qsizetype at = hint.lastIndexOf(dots);
        if (at >= 0)
            return hint.mid(at + dots.size());
    }
    return hint;
}

bool sameEnd(const QString& tail, const QString& fingerprint)
{
    if (tail.isEmpty() || fingerprint.isEmpty())
        return false;
    return tail.size() <= fingerprint.size() ? fingerprint.endsWith(tail) : tail.endsWith(fingerprint);
}

// Whose key a BYOK run of `tenant` used: the tenant's own where the plan lets it run actions, else the install's.
QString holderOfRun(const QString& tenant, const QString& provider, const QVector<KeyRecord>& records,
                    bool tenantKeysAllowed)
{
    if (tenant.isEmpty() || !tenantKeysAllowed)
        return {};
    for (const KeyRecord& r : records)
        if (r.tenant == tenant && r.provider == provider && hasKey(r))
            return tenant;
    return {};
}

// Holders in the order the report lists them: the install, tenants by id, then the organisation's others.
using HolderKey = std::pair<int, QString>;
HolderKey holderKey(const KeyOwner& o)
{
    switch (o.kind) {
    case KeyOwner::Kind::Install:
        return {0, {}};
    case KeyOwner::Kind::Tenant:
        return {1, o.tenant};
    case KeyOwner::Kind::Ambiguous:
        return {2, {}};
    case KeyOwner::Kind::Other:
        return {3, {}};
    case KeyOwner::Kind::Organisation:
        return {4, {}};
    case KeyOwner::Kind::Unnamed:
        break;
    }
    return {5, {}};
}

struct DayLine
{
    CreditRules::TokenCounts tokens;
    qint64 images = 0;
    std::optional<qint64> requests;
    qint64 billed = 0;
    bool hasBilled = false;
};

QVector<KeyRecord> recordsOf(const QString& provider, const QVector<KeyRecord>& records)
{
    QVector<KeyRecord> mine;
    for (const KeyRecord& r : records)
        if (r.provider == provider && hasKey(r))
            mine << r;
    return mine;
}

} // namespace

KeyOwner ownerOf(const QString& apiKeyId, const QVector<ProviderKeyName>& keys, const QVector<KeyRecord>& records)
{
    KeyOwner owner;
    if (apiKeyId.isEmpty()) {
        owner.kind = KeyOwner::Kind::Unnamed;
        return owner;
    }
    if (apiKeyId == wholeOrganisationKeyId()) {
        owner.kind = KeyOwner::Kind::Organisation;
        return owner;
    }
    QString tail;
    for (const ProviderKeyName& k : keys)
        if (k.apiKeyId == apiKeyId)
            tail = hintTail(k.hint);
    int matches = 0;
    for (const KeyRecord& r : records)
        if (hasKey(r) && sameEnd(tail, r.fingerprint)) {
            ++matches;
            owner.kind = r.tenant.isEmpty() ? KeyOwner::Kind::Install : KeyOwner::Kind::Tenant;
            owner.tenant = r.tenant;
            owner.fingerprint = r.fingerprint;
        }
    if (matches == 0)
        owner = KeyOwner{};
    else if (matches > 1)
        owner = KeyOwner{KeyOwner::Kind::Ambiguous, {}, {}};
    return owner;
}

ProviderSpend spend(const Catalog& catalog, const ProviderReportSet& held, const QVector<KeyRecord>& allRecords,
                    const QVector<LedgerByokRuns>& runs, bool tenantKeysAllowed)
{
    const QVector<KeyRecord> records = recordsOf(held.provider, allRecords);
    ProviderSpend out;
    out.provider = held.provider;
    out.syncedAt = held.syncedAt;
    out.first = held.first;
    out.last = held.last;

    std::map<HolderKey, HolderSpend> holders;
    for (const KeyRecord& r : records) {
        const KeyOwner o{r.tenant.isEmpty() ? KeyOwner::Kind::Install : KeyOwner::Kind::Tenant, r.tenant,
                         r.fingerprint};
        holders[holderKey(o)].owner = o;
    }
    QHash<QString, KeyOwner> owners;
    auto ownerFor = [&](const QString& apiKeyId) -> const KeyOwner& {
        auto it = owners.find(apiKeyId);
        if (it == owners.end())
            it = owners.insert(apiKeyId, ownerOf(apiKeyId, held.keys, records));
        return *it;
    };

    std::map<std::tuple<HolderKey, QString, QDate>, DayLine> lines;
    const auto wholeOrganisation = [](const auto& row) { return row.apiKeyId == wholeOrganisationKeyId(); };
    out.perKey = countsPerKey(held.usage, held.costs);
    for (const ProviderUsageRow& u : held.usage) {
        const KeyOwner& o = ownerFor(u.apiKeyId);
        HolderSpend& h = holders[holderKey(o)];
        h.owner = o;
        if (!u.apiKeyId.isEmpty() && !wholeOrganisation(u) && !h.apiKeyIds.contains(u.apiKeyId))
            h.apiKeyIds << u.apiKeyId;
        DayLine& l = lines[{holderKey(o), u.model, u.day}];
        l.tokens += u.tokens();
        l.images += u.images;
        if (u.requests)
            l.requests = l.requests.value_or(0) + *u.requests;
    }
    for (const ProviderCostRow& c : held.costs) {
        out.billedMicros += c.micros;
        out.billedPerDay[c.day] += c.micros;
        if (c.apiKeyId.isEmpty())
            continue; // a cost the report does not put on a key (Anthropic's): the tokens are priced instead
        const KeyOwner& o = ownerFor(c.apiKeyId);
        HolderSpend& h = holders[holderKey(o)];
        h.owner = o;
        if (!wholeOrganisation(c) && !h.apiKeyIds.contains(c.apiKeyId))
            h.apiKeyIds << c.apiKeyId;
        DayLine& l = lines[{holderKey(o), c.model, c.day}];
        l.billed += c.micros;
        l.hasBilled = true;
    }
    for (auto& [key, h] : holders)
        h.apiKeyIds.sort();

    std::map<std::pair<HolderKey, QString>, ModelSpend> models;
    for (const auto& [key, l] : lines) {
        const auto& [holder, model, day] = key;
        ModelSpend& m = models[{holder, model}];
        m.model = model;
        m.tokens += l.tokens;
        m.images += l.images;
        if (l.requests)
            m.requests = m.requests.value_or(0) + *l.requests;
        qint64 micros = 0;
        Basis basis = Basis::Billed;
        const Model* known = catalog.model(model);
        const ModelPrice* price = known ? known->priceOn(day) : nullptr;
        if (l.hasBilled)
            micros = l.billed;
        else if (price)
            micros = CreditRules::tokenCost(l.tokens, *price), basis = Basis::ListPrice;
        else
            basis = Basis::Unknown;
        m.basis = std::max(m.basis, basis); // the line is only as sure as its least sure day
        m.micros += micros;
        HolderSpend& h = holders[holder];
        h.micros += micros;
        h.microsPerDay[day] += micros;
        h.priceUnknown = h.priceUnknown || basis == Basis::Unknown;
    }
    for (const auto& [key, m] : models)
        holders[key.first].models << m;

    for (const LedgerByokRuns& r : runs) {
        const Action* action = catalog.action(r.action);
        if (!action || action->provider != held.provider || r.day < held.first || r.day > held.last)
            continue;
        const QString tenant = holderOfRun(r.tenant, held.provider, records, tenantKeysAllowed);
        const KeyOwner o{tenant.isEmpty() ? KeyOwner::Kind::Install : KeyOwner::Kind::Tenant, tenant, {}};
        HolderSpend& h = holders[holderKey(o)];
        if (h.owner.fingerprint.isEmpty())
            h.owner = o;
        h.byokRuns += r.runs;
        h.creditsWithoutByok +=
            r.runs * CreditRules::cost(*action, action->slot.isEmpty() ? nullptr : catalog.model(r.model));
    }
    for (const KeyRecord& r : records)
        if (!held.keys.isEmpty() && std::none_of(held.keys.cbegin(), held.keys.cend(), [&](const ProviderKeyName& k) {
                return ownerOf(k.apiKeyId, held.keys, {r}).kind != KeyOwner::Kind::Other;
            }))
            out.unmatchedKeys << r.fingerprint;
    for (auto& [key, h] : holders) {
        h.dollarsKnown =
            out.perKey || (h.owner.kind != KeyOwner::Kind::Install && h.owner.kind != KeyOwner::Kind::Tenant);
        out.holders << h;
    }
    return out;
}

QVector<SpendFinding> reconcile(const Catalog& catalog, const ProviderReportSet& held,
                                const QVector<KeyRecord>& allRecords, const QVector<LedgerByokRuns>& runs,
                                bool tenantKeysAllowed, QDate lastComplete)
{
    const QVector<KeyRecord> records = recordsOf(held.provider, allRecords);
    QVector<SpendFinding> findings;
    if (!held.first.isValid() || !held.last.isValid())
        return findings;
    const QDate last = std::min(held.last, lastComplete);
    for (const KeyRecord& r : records) {
        // Only a key of the organisation the usage key reads can be reconciled; another organisation's (a
        // tenant's own account, say) is not in its reports.
        QStringList ids;
        for (const ProviderKeyName& k : held.keys) {
            const KeyOwner o = ownerOf(k.apiKeyId, held.keys, records);
            if (o.kind != KeyOwner::Kind::Ambiguous && o.tenant == r.tenant && o.fingerprint == r.fingerprint &&
                o.kind != KeyOwner::Kind::Other)
                ids << k.apiKeyId;
        }
        if (ids.isEmpty())
            continue;
        QMap<QDate, qint64> recorded;
        for (const LedgerByokRuns& run : runs) {
            const Action* action = catalog.action(run.action);
            if (action && action->provider == held.provider &&
                holderOfRun(run.tenant, held.provider, records, tenantKeysAllowed) == r.tenant)
                recorded[run.day] += run.runs;
        }
        QMap<QDate, std::pair<qint64, std::optional<qint64>>> seen; // rows with use, requests counted
        for (const ProviderUsageRow& u : held.usage) {
            const bool used = u.tokens().total() + u.images + u.requests.value_or(0) > 0;
            if (!ids.contains(u.apiKeyId) || !used)
                continue;
            auto& [rows, requests] = seen[u.day];
            ++rows;
            if (u.requests)
                requests = requests.value_or(0) + *u.requests;
        }
        for (QDate day = held.first; day <= last; day = day.addDays(1)) {
            const qint64 runsThatDay = recorded.value(day);
            const auto [rows, requests] = seen.value(day);
            SpendFinding f{
                held.provider,          day, r.tenant, SpendFinding::Kind::OutsideUse, r.fingerprint, runsThatDay,
                requests.value_or(rows)};
            if (rows > 0 && runsThatDay == 0)
                findings << f;
            else if (runsThatDay > 0 && rows == 0)
                f.kind = SpendFinding::Kind::NotSeen, findings << f;
            else if (runsThatDay > 0 && requests &&
                     qAbs(*requests - runsThatDay) >
                         std::max(requestToleranceMinimum, runsThatDay * requestTolerancePercent / 100))
                f.kind = SpendFinding::Kind::Differs, findings << f;
        }
    }
    std::sort(findings.begin(), findings.end(), [](const SpendFinding& a, const SpendFinding& b) {
        return std::tie(a.day, a.holder, a.kind) < std::tie(b.day, b.holder, b.kind);
    });
    return findings;
}

std::optional<ModelChangePreview::DollarEstimate> estimate(const Catalog& catalog, const ProviderReportSet& held,
                                                           const QVector<KeyRecord>& allRecords,
                                                           const QVector<LedgerByokRuns>& runs, const QString& slot,
                                                           const Model& current, const Model& next, QDate priceDay)
{
    if (!held.first.isValid() || !held.last.isValid())
        return std::nullopt;
    const QVector<KeyRecord> records = recordsOf(held.provider, allRecords);
    ModelChangePreview::DollarEstimate e;
    e.first = held.first;
    e.last = held.last;
    for (const ProviderUsageRow& u : held.usage) {
        const KeyOwner::Kind kind = ownerOf(u.apiKeyId, held.keys, records).kind;
        if (u.model != current.id || (kind != KeyOwner::Kind::Install && kind != KeyOwner::Kind::Tenant))
            continue;
        e.tokens += u.tokens();
    }
    for (const LedgerByokRuns& r : runs) {
        const Action* action = catalog.action(r.action);
        if (!action || action->provider != held.provider || r.day < held.first || r.day > held.last)
            continue;
        if (r.model == current.id)
            e.modelRuns += r.runs;
        if (action->slot == slot)
            e.slotRuns += r.runs;
    }
    const CreditRules::TokenCounts& t = e.tokens;
    if (e.modelRuns == 0 || e.slotRuns == 0 || t.total() == 0)
        return std::nullopt;
    // The counted tokens' cost times the slot's share of the runs, divided once, at the end.
    const auto share = [&](const Model& m) -> std::optional<qint64> {
        const ModelPrice* price = m.priceOn(priceDay);
        if (!price)
            return std::nullopt;
        const __int128 whole = __int128(CreditRules::tokenCost(t, *price)) * e.slotRuns;
        return qint64((whole + e.modelRuns / 2) / e.modelRuns);
    };
    e.atCurrent = share(current);
    e.atNext = share(next);
    // "claude-sonnet-4-6" and "claude-opus-4-6" are one generation; "claude-sonnet-4-5" another.
    const auto generation = [](const QString& id) { return id.section(QLatin1Char('-'), -2); };
    e.acrossGenerations = generation(current.id) != generation(next.id);
    return e;
}

} // namespace SpendBooks
