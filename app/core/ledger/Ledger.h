#pragma once

#include "BillingPeriod.h"
#include "Catalog.h"
#include "KeyState.h"
#include "Result.h"
#include "Roles.h"
#include "UsageEvent.h"

#include <QHash>
#include <QSqlDatabase>
#include <QVector>

#include <functional>
#include <memory>
#include <optional>

struct LedgerSettings
{
    const Plan* plan = nullptr;
    QHash<QString, QString> slotModels; // slot id -> model id
    int anchorDay = 1;
    QString timeZone = QStringLiteral("UTC");
    QString installId;                        // names this database's keychain entries
    QHash<QString, QString> providerBaseUrls; // provider id -> configured base URL; empty: the public API
};

struct Tenant
{
    QString id;
    QString name;
};

struct Member
{
    QString userName;
    Role role = Role::Viewer;
};

struct KeyRecord
{
    QString tenant; // empty: install level
    QString provider;
    KeyState state = KeyState::NotSet;
    QString fingerprint; // last four characters, never more
    std::optional<qint64> checkedAt;
    QString message; // the provider's or keychain's reason, when not active
    QStringList models; // the model ids the key could see at its last successful check
    std::optional<qint64> retryAt; // Throttled: when the provider said to ask again
    QString requestId;  // the provider's id for the check's request, for the audit trail; not stored with the key
    QString holder;     // whose keychain holds the key, "user@host" (Environment::keychainHolder); empty: unknown
};

// What a key change was, for the audit trail.
enum class KeyChange { Set, Replaced, Checked, Removed };

// The keys that count for an install or tenant and one provider, as `keys status` and the page show them.
struct KeyStatus
{
    KeyRecord record; // the key in force; a NotSet record of the scope when the provider's actions use credits
    KeySource source = KeySource::Credits;
    // The tenant's own key when it is stored but not in force (the plan does not allow tenant keys).
    std::optional<KeyRecord> unused;
    bool inForce() const { return source != KeySource::Credits; }
};

struct ActionUsage
{
    QString action;
    qint64 runs = 0;
    qint64 credits = 0;
    qint64 byokRuns = 0;
};

struct UsageReport
{
    BillingPeriod period;
    QString timeZone;
    const Plan* plan = nullptr;
    std::optional<QString> tenant; // nullopt: the whole install
    qint64 used = 0;               // credits used by the selection
    qint64 poolUsed = 0;           // credits used by the whole install (the pool)
    qint64 allocation = 0;
    qint64 remaining = 0;          // of the pool
    QVector<ActionUsage> byAction; // every catalog action, in catalog order
};

struct DayUsage
{
    QDate day; // local date in the install's zone
    qint64 runs = 0;
    qint64 credits = 0;
    qint64 byokRuns = 0;
};

// Where one kind of billing stands in the rolling rate-limit window.
struct RateStanding
{
    int limit = 0;
    int used = 0;
    qint64 nextFreeAt = 0; // when the oldest query in the window leaves it; 0 when none is in it
};

struct RateLimits
{
    RateStanding onCredits;
    RateStanding onByok;
};

// What one run of an action costs now for an install or tenant: its base times the multiplier of the model
// chosen for its slot, or nothing while an active key of its provider is in force.
struct ActionCost
{
    const Action* action = nullptr;
    const Model* model = nullptr; // the slot's model; null for actions without a slot
    int credits = 0;              // on credits
    bool coveredByKey = false;    // an active key is in force: a run costs 0 credits
    QString refusedBecause;       // the key in force stops the action: "the Anthropic key is invalid"
};

struct RecordRequest
{
    QString action;
    QString tenant;
    std::optional<qint64> at; // default: now
    QString id;               // default: a new UUID
};

struct RecordOutcome
{
    UsageEvent event;
    bool alreadyRecorded = false; // the id was recorded before; nothing was charged again
    KeySource source = KeySource::Credits;
    BillingPeriod period;
    qint64 allocation = 0;
    qint64 remaining = 0; // of the pool, once recorded
};

struct ImportSummary
{
    int rows = 0;
    int added = 0;
    int alreadyPresent = 0;
    qint64 credits = 0; // credits of the added rows
    QStringList tenantsCreated;

    // What happened, in a sentence or two, for the command line and the window alike.
    QString describe(bool dryRun) const;
};

// The usage ledger: one SQLite (or PostgreSQL) database holding settings, tenants, members, key states,
// usage events with their per-period totals, and the audit trail. Owns every SQL statement.
// One Ledger per thread; several processes may share the file.
class Ledger
{
public:
    // How long a write waits for another program's write lock before it is reported as busy.
    static constexpr int writeWaitMs = 10000;

    // Opens (creating when missing) the database at `path` and migrates it. `userName` is who acts. An
    // up-to-date database opens without the write lock, so opening never waits behind another writer; creating
    // or upgrading the schema waits for the lock at most `openWaitMs`, then fails with Failure::busy set.
    // `location` is an SQLite file or a PostgreSQL connection URI (DatabaseAddress); on PostgreSQL the user is
    // the role the server authenticated, whatever `userName` says.
    static Result<std::unique_ptr<Ledger>> open(const QString& location, const Catalog& catalog, const QString& userName,
                                                int openWaitMs = writeWaitMs);
    ~Ledger();
    Ledger(const Ledger&) = delete;
    Ledger& operator=(const Ledger&) = delete;

    const Catalog& catalog() const { return m_catalog; }
    const QString& userName() const { return m_userName; }
    // The file or the PostgreSQL URI it was opened with (a URI never holds a password).
    QString path() const;
    // A shared ledger (PostgreSQL): several machines and users work on it.
    bool isShared() const;
    // The clock, replaceable for tests and benchmarks; milliseconds since the epoch.
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }
    qint64 now() const { return m_clock(); }

    // Reading needs membership with any role.
    Result<LedgerSettings> settings();
    Result<std::optional<Role>> roleOf(const QString& userName);
    Result<QVector<Tenant>> tenants();
    Result<QVector<Member>> members();
    Result<KeyRecord> keyRecord(const QString& tenant, const QString& provider);
    Result<KeyStatus> keyStatus(const QString& tenant, const QString& provider);
    // Every stored key of the install and its tenants, for re-checking the stale ones.
    Result<QVector<KeyRecord>> storedKeys();
    // The catalog models the install's key for `provider` can use, or nullopt when every model is allowed: no key
    // is in force, it is not active, or its model list was never read.
    Result<std::optional<QStringList>> modelsAllowedByKey(const QString& provider);
    Result<UsageReport> report(const std::optional<QString>& periodId, const std::optional<QString>& tenant);
    // Credits and runs per local day of a period (every day of it, in order) for the install or one tenant.
    Result<QVector<DayUsage>> dailyUsage(const std::optional<QString>& periodId, const std::optional<QString>& tenant);
    // Every catalog action, in catalog order, as it would be charged now for the install (empty) or a tenant.
    Result<QVector<ActionCost>> costsNow(const QString& tenant);
    // The rolling-hour standing of the install (empty) or a tenant, for both billing kinds, as of now.
    Result<RateLimits> rateLimits(const QString& tenant);
    // The id ("YYYY-MM") of the earliest period with usage, and of the current one.
    Result<QString> firstPeriodId();
    Result<QString> currentPeriodId();
    // Streams the events of a period (all when nullopt), oldest first.
    Status forEachEvent(const std::optional<QString>& periodId, const std::function<bool(const UsageEvent&)>& visit);

    // Changing needs Owner or Admin; each change is audited.
    Status setPlan(const QString& planIdOrName);
    // A model the install's active key cannot use is refused unless `force`, which the audit trail notes.
    Status setSlotModel(const QString& slot, const QString& model, bool force = false);
    // Several slots at once: all change or none does.
    Status setSlotModels(const QHash<QString, QString>& models, bool force = false);
    Status setBillingCalendar(int anchorDay, const QString& timeZone);
    Status addTenant(const QString& id, const QString& name);
    Status removeTenant(const QString& id);
    Status setMember(const QString& userName, Role role);
    Status removeMember(const QString& userName);
    // Whether the user may make a change (Owner or Admin); `doing` names it in the refusal.
    Status mayAdminister(const QString& doing) { return requireAdministrator(doing); }
    // Whether the user may set (or, with `setting` false, remove or check) the key of an install or tenant;
    // asked before the keychain is touched, so that a refusal changes nothing.
    Status mayChangeKey(const QString& tenant, const QString& provider, bool setting);
    // `replacedFingerprint`: with KeyChange::Replaced, the fingerprint of the key that was in the keychain before.
    Status setKeyRecord(const KeyRecord& record, KeyChange change, const QString& replacedFingerprint = {});
    // Audits a new key that was not stored because its check did not allow replacing the stored one.
    Status auditKeptKey(const KeyRecord& candidate, const QString& keptFingerprint);
    Status setProviderBaseUrl(const QString& provider, const QString& url);

    // Authorises and records one AI query atomically: role, key state, rate limit and credits are checked and
    // the event inserted in one write transaction, so concurrent recorders can never overdraw the pool.
    Result<RecordOutcome> record(const RecordRequest& request);

    // Adds historic events, all or none. Rows whose id is already stored are skipped, so importing a file twice
    // adds nothing. `progress(done, total)` may return false to cancel, which rolls everything back.
    using Progress = std::function<bool(qint64 done, qint64 total)>;
    Result<ImportSummary> importRows(QVector<ImportRow> rows, bool dryRun, const Progress& progress = {});

    // Copies the whole ledger (settings, tenants, members, usage, totals, key records, audit) into the empty
    // database at `target`, in one transaction there; a target that holds tables is refused. Owner or Admin.
    // Answers the number of rows copied per table. Keys stay in the keychains that hold them.
    Result<QVector<QPair<QString, qint64>>> copyTo(const QString& target);

    static bool isValidTenantId(const QString& id);
    static bool isValidUserName(const QString& name);
    static bool isValidEventId(const QString& id);
    // Display names (tenants) are plain text of at most Text::maxDisplayNameLength characters.
    static Status checkDisplayName(const QString& name);

private:
    Ledger(const Catalog& catalog, QString userName, QString connectionName);
    // A connection to the database at `address`, opened (an SQLite file is created private when missing).
    static Result<QSqlDatabase> connect(const struct DatabaseAddress& address, const QString& connectionName, int openWaitMs);
    Result<QVector<QPair<QString, qint64>>> copyInto(const struct DatabaseAddress& address, const QString& connection);

    QSqlDatabase db() const;
    QSqlQuery& query(const QString& sql);
    Status requireMember();
    Status requireAdministrator(const QString& doing);
    // Runs `change` in one write transaction after checking that the user may administer.
    Status administer(const QString& doing, const std::function<Status()>& change);
    Result<LedgerSettings> loadSettings();
    Status audit(const QString& subject, const QString& change);
    Result<const BillingCalendar*> calendar(const LedgerSettings& settings);
    // The period named "YYYY-MM", or the one running now.
    Result<BillingPeriod> periodFor(const LedgerSettings& settings, const std::optional<QString>& periodId);
    Result<bool> tenantExists(const QString& id);
    Status requireTenant(const QString& id);
    Result<KeyState> keyState(const QString& tenant, const QString& provider);
    Result<QVector<qint64>> recentQueries(const QString& tenant, CreditRules::Billing billing, qint64 at);
    Result<qint64> poolUsed(qint64 periodStart);
    Result<UsageReport> reportFor(const LedgerSettings& settings, const BillingPeriod& period,
                                  const std::optional<QString>& tenant);
    Result<RecordOutcome> recordLocked(const RecordRequest& request, qint64 at);
    Result<ImportSummary> checkRows(QVector<ImportRow>& rows, const LedgerSettings& settings);
    Status insertEventsPortably(const QVector<ImportRow>& rows, const std::function<void(const UsageEvent&)>& inserted,
                                const Progress& progress);
    Status writeRows(const QVector<ImportRow>& rows, ImportSummary& summary, const BillingCalendar& calendar,
                     const Progress& progress);
    Status setSetting(const QString& name, const QString& value);
    // The values of a usage_events row, in column order (id … credits, recorded_by).
    static QVariantList eventRow(const UsageEvent& event, const QString& recordedBy);

    const Catalog& m_catalog;
    QString m_userName;
    QString m_connectionName;
    QString m_location; // the file or URI it was opened with
    std::function<qint64()> m_clock;
    QHash<QString, QSqlQuery> m_queries;
    std::unique_ptr<BillingCalendar> m_calendar;
};
