// Recording one AI query: authorise and insert atomically, so that concurrent recorders never overdraw the pool.
#include "ledger/UsageBook.h"

#include "ledger/EventRow.h"
#include "ledger/sqlite/DuringImport.h"
#include "ledger/sqlite/ImportNote.h"
#include "ledger/SqlSupport.h"
#include "ledger/UsageTotals.h"
#include "rules/Identifiers.h"
#include "support/Text.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QUuid>

#include <algorithm>

namespace {
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(UsageBook)
};
} // namespace

using CreditRules::Billing;

// GCC 12 warns that a Result<RecordOutcome> assigned over another "may be used uninitialized": its known false
// positive for std::optional members (GCC bug 80635). Nothing here reads an unset optional.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

namespace {
// The times of `times` in the rolling window (from, at], in order.
QVector<qint64> inWindow(const QVector<qint64>& times, qint64 from, qint64 at)
{
    QVector<qint64> in;
    for (const qint64 t : times)
        if (t > from && t <= at)
            in.append(t);
    std::sort(in.begin(), in.end());
    return in;
}
} // namespace

qint64 UsageBook::windowStart(qint64 at) const
{
    return at - static_cast<qint64>(m_db.catalog().rateLimit().windowMinutes) * 60000;
}

Result<QVector<qint64>> UsageBook::recordedAfter(const QString& tenant, Billing billing, qint64 from)
{
    // Later events too: an event may arrive with an earlier time than one recorded before it.
    QSqlQuery& q = m_db.query(QStringLiteral("SELECT occurred_at FROM usage_events WHERE tenant = ? AND billing = ? "
                                             "AND occurred_at > ?"));
    q.bindValue(0, Sql::text(tenant));
    q.bindValue(1, CreditRules::billingId(billing));
    q.bindValue(2, from);
    if (Status s = Sql::exec(q, Words::tr("reading recent usage")); !s)
        return s.failure();
    QVector<qint64> times;
    while (q.next())
        times.append(q.value(0).toLongLong());
    q.finish();
    return times;
}

Result<QVector<qint64>> UsageBook::recentQueries(const QString& tenant, Billing billing, qint64 at)
{
    const qint64 from = windowStart(at);
    const auto times = recordedAfter(tenant, billing, from);
    if (!times)
        return times.failure();
    return inWindow(times.value(), from, at);
}

Result<RecordOutcome> UsageBook::record(const RecordRequest& request)
{
    return recordAll({request}).first();
}

std::optional<Failure> UsageBook::requestProblem(const RecordRequest& request, qint64 at, qint64 now)
{
    if (!m_db.catalog().action(request.action))
        return badInput(Words::tr("Unknown action %1; expected one of %2.")
                            .arg(Text::quoted(request.action), m_db.catalog().actionIds()));
    if (!request.tenant.isEmpty() && !Identifiers::isValidTenantId(request.tenant))
        return badInput(Words::tr("Tenant id %1 is not valid.").arg(Text::quoted(request.tenant)));
    if (!request.id.isEmpty() && !Identifiers::isValidEventId(request.id))
        return badInput(Words::tr("Event id %1 is not valid; use up to 128 letters, digits or ._:@/+=- characters.")
                            .arg(Text::quoted(request.id)));
    if (const auto problem = CreditRules::eventTimeProblem(at, now))
        return badInput(problem->at(0).toUpper() + problem->mid(1) + QLatin1Char('.'));
    return std::nullopt;
}

struct UsageBook::Batch
{
    SettingsStore::Snapshot current;
    UsageTotals totals;
    QSet<QString> tenants;                         // known to exist
    QHash<QPair<QString, QString>, KeyState> keys; // (tenant, provider)
    QHash<qint64, qint64> poolUsed;                // period start -> credits used, this batch included
    qint64 now = 0;                                // the batch's one reading of the clock
    // (tenant, billing) -> the times recorded after `from`, this batch included: the rolling window is read once
    // a batch, not once an event (the lock is held, so nobody else adds to it meanwhile).
    struct Recent
    {
        qint64 from = 0;
        QVector<qint64> times;
    };
    QHash<QPair<QString, QString>, Recent> recent;
    // On a shared ledger the events decided so far, in order, sent in one call at the end (record_events); by id,
    // so that an id given twice in the batch is answered as a retry.
    QVector<UsageEvent> pending;
    QHash<QString, qsizetype> pendingById;
    // While an import holds a SQLite ledger's lock: the file the batch records in instead (DuringImport), and the
    // events already there that the ledger does not hold yet, by id. The batch's own go to `pending`, as on a
    // shared ledger, and into the file at the end.
    DuringImport::Lock* duringImport = nullptr;
    QVector<UsageEvent> held;
    QHash<QString, qsizetype> heldById;
};

Result<QVector<qint64>> UsageBook::batchRecent(Batch& batch, const QString& tenant, Billing billing, qint64 at)
{
    const qint64 from = windowStart(at);
    const auto key = qMakePair(tenant, CreditRules::billingId(billing));
    auto it = batch.recent.find(key);
    if (it == batch.recent.end() || from < it->from) {
        auto times = recordedAfter(tenant, billing, from);
        if (!times)
            return times.failure();
        // The batch's own events the ledger holds only once it is sent (a shared ledger's) count too.
        for (const auto* events : {&batch.pending, &batch.held})
            for (const UsageEvent& e : *events)
                if (e.tenant == tenant && e.billing == billing && e.occurredAt > from)
                    times.value().append(e.occurredAt);
        it = batch.recent.insert(key, {from, times.value()});
    }
    return inWindow(it->times, from, at);
}

Result<UsageBook::Recording> UsageBook::beginRecording(Sql::WriteTransaction& tx, Sql::ReadTransaction& read)
{
    const auto mayRecord = [&] { return m_db.requireRecorder(Words::tr("Recording usage")); };
    Recording recording;
    const QString file = m_db.handle().databaseName();
    // Once the file is open it is known to exist: no look at the folder at every batch.
    if (m_db.isPostgres() || !(m_duringImport || DuringImport::exists(file))) {
        if (Status s = m_db.beginChecked(tx, mayRecord); !s)
            return s.failure();
        return recording;
    }
    // An import holds SQLite's lock for long (a minute at 10M events): tried once, then recorded beside it.
    const bool importing = ImportNote::holder(file).has_value();
    if (importing)
        tx.tryOnce();
    const Status began = m_db.beginChecked(tx, mayRecord);
    if (!began && !(importing && began.failure().busy))
        return began.failure();
    auto held = lockDuringImport();
    if (!held)
        return held.failure();
    if (!held.value()) // the file is gone (removed by hand): nothing waits beside the ledger
        return began ? Result<Recording>(std::move(recording)) : Result<Recording>(began.failure());
    recording.duringImport.emplace(std::move(*held.value()));
    if (!began) {
        // The ledger as last committed, read only once this file's lock is held: whoever writes the ledger
        // takes this lock first (DuringImport), so nothing it decides is missing from that reading.
        if (Status s = read.begin(); !s)
            return s.failure();
        if (Status s = mayRecord(); !s)
            return s.failure();
        recording.beside = true;
    }
    return recording;
}

Result<std::optional<UsageEvent>> UsageBook::storedEvent(const QString& id)
{
    QSqlQuery& q =
        m_db.query(QStringLiteral("SELECT %1 FROM usage_events WHERE id = ?").arg(QLatin1String(EventRow::columns)));
    q.bindValue(0, id);
    if (Status s = Sql::exec(q, Words::tr("reading usage events")); !s)
        return s.failure();
    std::optional<UsageEvent> found;
    if (q.next())
        found = EventRow::read(q);
    q.finish();
    return found;
}

Status UsageBook::insertEvent(const UsageEvent& e, const QString& recordedBy)
{
    QSqlQuery& insert =
        m_db.query(QStringLiteral("INSERT INTO usage_events (%1, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                       .arg(QLatin1String(EventRow::columns)));
    const QVariantList values = EventRow::values(e, recordedBy);
    for (int i = 0; i < values.size(); ++i)
        insert.bindValue(i, values[i]);
    return Sql::exec(insert, Words::tr("recording usage"));
}

Status UsageBook::holdRecordedDuringImport(DuringImport::Lock& duringImport, Batch& batch)
{
    const auto rows = duringImport.rows();
    if (!rows)
        return rows.failure();
    for (const DuringImport::Row& row : rows.value()) {
        const auto stored = storedEvent(row.event.id);
        if (!stored)
            return stored.failure();
        if (stored.value())
            continue; // moved by a writer that stopped before emptying the file
        batch.heldById.insert(row.event.id, batch.held.size());
        batch.held.append(row.event);
    }
    return success();
}

Status UsageBook::moveRecordedDuringImport(DuringImport::Lock& duringImport, UsageTotals& totals, bool forImport)
{
    const auto rows = duringImport.rows();
    if (!rows)
        return rows.failure();
    for (const DuringImport::Row& row : rows.value()) {
        const UsageEvent& e = row.event;
        const auto stored = storedEvent(e.id);
        if (!stored)
            return stored.failure();
        if (stored.value()) {
            // The import's own line for the same id: the same event unless the details differ. The recorder was
            // told its event was recorded, so the import gives way (run again, it skips that id). Any other writer
            // finds only what a writer stopped between its two commits left (the same event); should it differ,
            // the ledger's stands, as for a retry, rather than stop every recorder after it.
            if (forImport && !(*stored.value() == e))
                return badInput(Words::tr("Event id %1 was recorded while the file was being imported, and the file "
                                          "gives it other details; nothing was imported. Import the file again to "
                                          "add the rest.")
                                    .arg(Text::quoted(e.id)));
            continue;
        }
        if (Status s = insertEvent(e, row.recordedBy); !s)
            return s;
        totals.add(e.occurredAt, e.tenant, e.action, e.billing == Billing::Byok, e.credits);
    }
    return success();
}

Result<DuringImport*> UsageBook::duringImportFile()
{
    if (!m_duringImport) {
        const QString ledgerFile = m_db.handle().databaseName();
        if (m_db.isPostgres() || !DuringImport::exists(ledgerFile))
            return static_cast<DuringImport*>(nullptr);
        auto opened = DuringImport::open(ledgerFile);
        if (!opened)
            return opened.failure();
        m_duringImport = std::move(opened.value());
    }
    return m_duringImport.get();
}

Result<std::optional<DuringImport::Lock>> UsageBook::lockDuringImport(int waitMs)
{
    const auto file = duringImportFile();
    if (!file)
        return file.failure();
    if (!file.value())
        return std::optional<DuringImport::Lock>();
    auto lock = file.value()->lock(waitMs);
    if (!lock)
        return lock.failure();
    return std::optional<DuringImport::Lock>(std::move(lock.value()));
}

Status UsageBook::settleRecordedDuringImport(bool waitForTheLedger)
{
    const auto file = duringImportFile();
    if (!file || !file.value())
        return file ? success() : Status(file.failure());
    Sql::WriteTransaction tx(m_db.handle());
    if (!waitForTheLedger) {
        if (!file.value()->holdsEvents())
            return success();
        tx.tryOnce();
    }
    if (Status s = m_db.begin(tx); !s)
        return s;
    auto duringImport = lockDuringImport();
    if (!duringImport || !duringImport.value())
        return duringImport ? success() : Status(duringImport.failure());
    const auto current = m_settings.snapshot();
    if (!current)
        return current.failure();
    UsageTotals totals(*current->calendar);
    if (Status s = moveRecordedDuringImport(*duringImport.value(), totals, false); !s)
        return s;
    if (Status s = totals.flush(m_db.preparedQueries()); !s)
        return s;
    if (Status s = tx.commit(); !s)
        return s;
    duringImport.value()->removeAllAndCommit();
    return success();
}

QVector<Result<RecordOutcome>> UsageBook::recordAll(const QVector<RecordRequest>& requests)
{
    QVector<Result<RecordOutcome>> answers;
    answers.reserve(requests.size());
    QVector<qsizetype> valid;
    QVector<qint64> times;
    // One reading of the clock for the batch: events without a time are "now", and all of them are judged by it.
    const qint64 now = m_db.now();
    for (qsizetype i = 0; i < requests.size(); ++i) {
        times.append(requests[i].at.value_or(now));
        const auto problem = requestProblem(requests[i], times[i], now);
        // A valid event's answer is set below; until then it says nothing was decided.
        answers.append(problem ? *problem : unavailable(Words::tr("The event was not recorded.")));
        if (!problem)
            valid << i;
    }
    // Whatever stops the whole write answers for every event of it: nothing of it was recorded.
    const auto failAll = [&](const Failure& f) {
        for (qsizetype i : valid)
            answers[i] = f;
        return answers;
    };
    if (valid.isEmpty())
        return answers;
    const Database::RecordingScope recorder(m_db);
    Sql::WriteTransaction tx(m_db.handle());
    Sql::ReadTransaction read(m_db.handle());
    auto recording = beginRecording(tx, read);
    if (!recording)
        return failAll(recording.failure());
    DuringImport::Lock* const duringImport = recording->duringImport ? &*recording->duringImport : nullptr;
    const bool beside = recording->beside;
    const auto current = m_settings.snapshot();
    if (!current)
        return failAll(current.failure());
    Batch batch{current.value(), UsageTotals(*current->calendar), {}, {}, {}, now, {}, {}, {}, nullptr, {}, {}};
    if (duringImport) {
        // Under the ledger's lock the events recorded beside it join the ledger first (their totals at once: the
        // pool is read from them); beside it they count as the ledger's own.
        const Status s = beside ? holdRecordedDuringImport(*duringImport, batch)
                                : moveRecordedDuringImport(*duringImport, batch.totals, false);
        if (!s)
            return failAll(s.failure());
        if (Status flushed = batch.totals.flush(m_db.preparedQueries()); !flushed)
            return failAll(flushed.failure());
        if (beside)
            batch.duringImport = duringImport;
    }
    for (qsizetype i : valid) {
        // Each event is decided on what the ones before it left: a refused event writes nothing.
        answers[i] = recordLocked(requests[i], times[i], batch);
        if (!answers[i] && answers[i].failure().kind == Failure::Unavailable)
            return failAll(answers[i].failure()); // the database failed: the transaction is rolled back
    }
    if (beside) {
        if (Status s = duringImport->add(batch.pending, m_db.userName()); !s)
            return failAll(s.failure());
        if (Status s = duringImport->commit(); !s)
            return failAll(s.failure());
        return answers;
    }
    if (!batch.pending.isEmpty()) {
        QJsonArray events;
        for (const UsageEvent& e : qAsConst(batch.pending))
            events.append(QJsonObject{{QStringLiteral("id"), e.id},
                                      {QStringLiteral("occurred_at"), e.occurredAt},
                                      {QStringLiteral("tenant"), e.tenant},
                                      {QStringLiteral("action"), e.action},
                                      {QStringLiteral("model"), e.model},
                                      {QStringLiteral("billing"), CreditRules::billingId(e.billing)},
                                      {QStringLiteral("credits"), e.credits}});
        QSqlQuery& send = m_db.query(QStringLiteral("SELECT ai_settings.record_events(?)"));
        send.bindValue(0, QString::fromUtf8(QJsonDocument(events).toJson(QJsonDocument::Compact)));
        if (Status s = Sql::exec(send, Words::tr("recording usage")); !s)
            return failAll(s.failure()); // the ledger refused one of them: the transaction records none
    }
    if (Status s = batch.totals.flush(m_db.preparedQueries()); !s)
        return failAll(s.failure());
    if (Status s = tx.commit(); !s)
        return failAll(s.failure());
    if (duringImport)
        duringImport->removeAllAndCommit(); // what it leaves, the ledger holds unchanged: the next writer empties it
    return answers;
}

Result<qint64> UsageBook::batchPoolUsed(Batch& batch, qint64 periodStart)
{
    auto it = batch.poolUsed.find(periodStart);
    if (it == batch.poolUsed.end()) {
        auto used = poolUsed(periodStart);
        if (!used)
            return used.failure();
        for (const UsageEvent& e : qAsConst(batch.held))
            if (batch.current.calendar->containing(e.occurredAt).start == periodStart)
                used.value() += e.credits;
        it = batch.poolUsed.insert(periodStart, used.value());
    }
    return it.value();
}

Result<KeyState> UsageBook::batchKeyState(Batch& batch, const QString& tenant, const QString& provider)
{
    const QPair<QString, QString> key{tenant, provider};
    auto it = batch.keys.find(key);
    if (it == batch.keys.end()) {
        const auto state = m_keys.keyState(tenant, provider);
        if (!state)
            return state.failure();
        it = batch.keys.insert(key, state.value());
    }
    return it.value();
}

Result<RecordOutcome> UsageBook::recordLocked(const RecordRequest& request, qint64 at, Batch& batch)
{
    const Action& action = *m_db.catalog().action(request.action);
    const SettingsStore::Snapshot* current = &batch.current;
    const LedgerSettings& settings = current->settings;
    RecordOutcome out;

    if (!request.id.isEmpty() && !request.newId) {
        // A retried record with the same id must not charge twice.
        bool found = false;
        if (const auto pending = batch.pendingById.constFind(request.id); pending != batch.pendingById.cend()) {
            out.event = batch.pending.at(*pending);
            found = true;
        } else if (const auto held = batch.heldById.constFind(request.id); held != batch.heldById.cend()) {
            out.event = batch.held.at(*held);
            found = true;
        } else {
            const auto stored = storedEvent(request.id);
            if (!stored)
                return stored.failure();
            found = stored->has_value();
            if (found)
                out.event = *stored.value();
        }
        if (found) {
            if (out.event.action != request.action || out.event.tenant != request.tenant)
                return badInput(Words::tr("Event id %1 was already recorded for another action or tenant.")
                                    .arg(Text::quoted(request.id)));
            out.alreadyRecorded = true;
            out.period = current->calendar->containing(out.event.occurredAt);
            const auto used = batchPoolUsed(batch, out.period.start);
            if (!used)
                return used.failure();
            out.allocation = planInForce(m_db.catalog(), settings, out.period, m_db.now()).plan->monthlyCredits;
            out.remaining = qMax<qint64>(0, out.allocation - used.value());
            return out;
        }
    }
    // After the retry: an event already recorded is answered again however long ago it happened.
    if (const auto problem = CreditRules::recordTimeProblem(at, batch.now, m_db.catalog().rateLimit().windowMinutes,
                                                            current->calendar->containing(batch.now).start))
        return badInput(*problem);
    if (!request.tenant.isEmpty() && !batch.tenants.contains(request.tenant)) {
        if (Status s = m_directory.requireTenant(request.tenant); !s)
            return s.failure();
        batch.tenants.insert(request.tenant);
    }
    const auto tenantKey = request.tenant.isEmpty() ? Result<KeyState>(KeyState::NotSet)
                                                    : batchKeyState(batch, request.tenant, action.provider);
    const auto installKey = batchKeyState(batch, QString(), action.provider);
    if (!tenantKey || !installKey)
        return (!tenantKey ? tenantKey : installKey).failure();

    CreditRules::Request r;
    r.action = &action;
    r.slotModel = action.slot.isEmpty() ? nullptr : m_db.catalog().model(settings.slotModels.value(action.slot));
    r.provider = m_db.catalog().provider(action.provider);
    out.period = current->calendar->containing(at);
    // The pool pays by the allocation its period has now: an upgrade counts from the moment it was made, also
    // for an event that happened before it and arrives late.
    const Plan& plan = *planInForce(m_db.catalog(), settings, out.period, m_db.now()).plan;
    r.key = CreditRules::chooseKey(plan.tenantKeys, !request.tenant.isEmpty(), tenantKey.value(), installKey.value());
    r.allocation = plan.monthlyCredits;
    r.resetsAt = out.period.end;
    r.at = at;
    const auto used = batchPoolUsed(batch, out.period.start);
    const auto recent = batchRecent(batch, request.tenant, CreditRules::billingFor(r.key), at);
    if (!used || !recent)
        return (!used ? used.failure() : recent.failure());
    r.poolUsed = used.value();
    r.recent = recent.value();

    const auto decision = CreditRules::decide(r, m_db.catalog().rateLimit());
    if (!decision)
        return decision.failure();

    UsageEvent& e = out.event;
    e.id = request.id.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : request.id;
    e.occurredAt = at;
    e.tenant = request.tenant;
    e.action = action.id;
    e.model = r.slotModel ? r.slotModel->id : QString();
    e.billing = decision->billing;
    e.credits = decision->credits;
    if (m_db.isPostgres() || batch.duringImport) {
        // On a shared ledger the ledger's function records the batch in the caller's name and keeps the totals
        // with it, all in one call at the end (recordAll): one round trip and one check of the role, not one each.
        // Beside an import the batch goes into DuringImport's file at the end.
        batch.pendingById.insert(e.id, batch.pending.size());
        batch.pending.append(e);
    } else {
        if (Status s = insertEvent(e, m_db.userName()); !s)
            return s.failure();
        batch.totals.add(e.occurredAt, e.tenant, e.action, e.billing == Billing::Byok, e.credits);
    }
    batch.poolUsed[out.period.start] += e.credits;
    if (const auto known = batch.recent.find(qMakePair(e.tenant, CreditRules::billingId(e.billing)));
        known != batch.recent.end())
        known->times.append(e.occurredAt);

    out.source = r.key.source;
    out.allocation = r.allocation;
    out.remaining = qMax<qint64>(0, r.allocation - r.poolUsed - e.credits);
    return out;
}
