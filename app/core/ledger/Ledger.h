#pragma once

#include "ledger/AuditTrail.h"
#include "ledger/Database.h"
#include "ledger/DirectoryStore.h"
#include "ledger/KeyStore.h"
#include "ledger/ProviderBook.h"
#include "ledger/SettingsStore.h"
#include "ledger/UsageBook.h"

#include <memory>

// One ledger: the database handle and a store per aggregate — settings, directory (tenants and members), key
// records, usage book — and the audit trail they write. Each store owns the SQL of its tables; the few changes
// that span two aggregates are here.
// One Ledger per thread; several processes (and, on PostgreSQL, machines) may share the data.
class Ledger
{
public:
    // How long a write waits for another program's write lock before it is reported as busy.
    static constexpr int writeWaitMs = Database::writeWaitMs;

    // `location` is an SQLite file or a PostgreSQL connection URI (DatabaseAddress); see Database::open.
    static Result<std::unique_ptr<Ledger>> open(const QString& location, const Catalog& catalog,
                                                const QString& userName, int openWaitMs = writeWaitMs);

    const Catalog& catalog() const { return m_db->catalog(); }
    const QString& userName() const { return m_db->userName(); }
    // The file or the PostgreSQL URI it was opened with (a URI never holds a password).
    QString path() const { return m_db->location(); }
    // A shared ledger (PostgreSQL): several machines and users work on it.
    bool isShared() const { return m_db->isPostgres(); }
    // The system clock unless a test or benchmark set another (Clock).
    void setClock(Clock clock) { m_db->setClock(std::move(clock)); }
    const Clock& clock() const { return m_db->clock(); }
    qint64 now() const { return m_db->now(); }

    // A lost connection to a shared ledger's server, and opening it again; see Database::connectionLost,
    // reconnect and setReconnectWait.
    bool connectionLost() const { return m_db->connectionLost(); }
    Status reconnect(int waitMs) { return m_db->reconnect(waitMs); }
    void setReconnectWait(int waitMs) { m_db->setReconnectWait(waitMs); }
    int reconnectWait() const { return m_db->reconnectWait(); }
    std::function<bool()> serverProbe() const { return m_db->serverProbe(); }
    // Changes other connections commit; see Database::notifyChanges and changedElsewhere.
    bool notifyChanges(std::function<void()> changed) { return m_db->notifyChanges(std::move(changed)); }
    Result<bool> changedElsewhere() { return m_db->changedElsewhere(); }
    bool knownLost() const { return m_db->knownLost(); }
    bool takeChanges() { return m_db->takeChanges(); }

    // See Database::checkpointInBackground.
    void checkpointInBackground() { m_db->checkpointInBackground(); }
    // See Database::moveToThread.
    bool moveToThread(QThread* target) { return m_db->moveToThread(target); }

    SettingsStore& settings() { return m_settings; }
    DirectoryStore& directory() { return m_directory; }
    KeyStore& keys() { return m_keys; }
    UsageBook& usage() { return m_usage; }
    AuditTrail& audit() { return m_audit; }
    ProviderBook& providers() { return m_providers; }

    // Reads that show one moment (a page refresh) share one snapshot and ask each question once; see
    // Database::ReadScope. Keep the answer alive for as long as the reads go on.
    [[nodiscard]] Database::ReadScope readScope() { return Database::ReadScope(*m_db); }

    // Whether the user may make a change (Owner or Admin); `doing` names it in the refusal.
    Status mayAdminister(const QString& doing) { return m_db->requireAdministrator(doing); }

    // Changes that span two aggregates, each in one transaction.
    // A model the install's active key cannot use is refused unless `force`, which the audit trail notes.
    Status setSlotModel(const QString& slot, const QString& model, bool force = false);
    // Several slots at once: all change or none does.
    Status setSlotModels(const QHash<QString, QString>& models, bool force = false);
    // A new billing calendar takes effect at the next reset, or at once where the running period holds no usage
    // yet (chooseCalendar): recorded usage never changes period. Answers what was chosen; Owner or Admin.
    Result<CalendarChoice> setBillingCalendar(int anchorDay, const QString& timeZone);
    // What setBillingCalendar would do now, without doing it (any member).
    Result<CalendarChoice> previewBillingCalendar(int anchorDay, const QString& timeZone);
    // What choosing `model` for `slot` would have done over the last 30 days, on credits and to the forecast,
    // without choosing it (any member).
    Result<ModelChangePreview> previewSlotModel(const QString& slot, const QString& model);
    // The tenant and its key records go; its usage stays, so that past periods still add up.
    Status removeTenant(const QString& id);
    // Copies the whole ledger (settings, tenants, members, usage, totals, key records, audit) into the empty
    // database at `target`, in one transaction there; a target that holds tables is refused. Owner or Admin.
    // Answers the number of rows copied per table. Keys stay in the keychains that hold them.
    Result<QVector<QPair<QString, qint64>>> copyTo(const QString& target);

private:
    explicit Ledger(std::unique_ptr<Database> db);
    Result<QVector<QPair<QString, qint64>>> copyInto(const struct DatabaseAddress& address, const QString& connection);
    Result<CalendarChoice> chooseCalendarNow(const LedgerSettings& settings, int anchorDay, const QString& timeZone);
    Result<bool> usageSince(qint64 at);
    Status storeCalendar(const CalendarHistory& history);

    std::unique_ptr<Database> m_db;
    SettingsStore m_settings;
    DirectoryStore m_directory;
    KeyStore m_keys;
    UsageBook m_usage;
    AuditTrail m_audit;
    ProviderBook m_providers;
};
