#include "ledger/Ledger.h"

#include "ledger/SqlSupport.h"
#include "support/IsoTime.h"
#include "support/Text.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <limits>
#include <tuple>

namespace {
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(Ledger)
};
} // namespace

Ledger::Ledger(std::unique_ptr<Database> db)
    : m_db(std::move(db)), m_settings(*m_db), m_directory(*m_db), m_keys(*m_db, m_settings, m_directory),
      m_usage(*m_db, m_settings, m_directory, m_keys), m_audit(*m_db), m_providers(*m_db)
{
}

Result<std::unique_ptr<Ledger>> Ledger::open(const QString& location, const Catalog& catalog, const QString& userName,
                                             int openWaitMs)
{
    auto db = Database::open(location, catalog, userName, openWaitMs);
    if (!db)
        return db.failure();
    std::unique_ptr<Ledger> ledger(new Ledger(std::move(db).value()));
    // Events a killed import left beside a SQLite ledger are shown from the first reading, when nobody holds the
    // lock; otherwise the next recorder takes them in.
    ledger->usage().settleRecordedDuringImport(false);
    return ledger;
}

Status Ledger::setSlotModel(const QString& slot, const QString& model, bool force)
{
    return setSlotModels({{slot, model}}, force);
}

Status Ledger::setSlotModels(const QHash<QString, QString>& models, bool force)
{
    const Catalog& catalog = m_db->catalog();
    for (auto it = models.cbegin(); it != models.cend(); ++it)
        if (!catalog.modelSlot(it.key()))
            return badInput(
                Words::tr("Unknown model slot %1; expected content or analysis.").arg(Text::quoted(it.key())));
    return m_db->administer(Words::tr("Changing models"), [&]() -> Status {
        // In catalog order, so that the audit trail reads the same way every time.
        for (const Slot& slot : catalog.modelSlots()) {
            const auto model = models.constFind(slot.id);
            if (model == models.cend())
                continue;
            if (Status s = m_settings.write({{Settings::model(slot.id), *model}}); !s)
                return s; // an unknown model, in the declaration's words
            const Provider* provider = catalog.slotProvider(slot.id);
            const auto allowed = m_keys.modelsAllowedByKey(provider->id);
            if (!allowed)
                return allowed.failure();
            if (!allowed.value() || allowed.value()->contains(*model))
                continue;
            if (!force) {
                Failure f = refused(Words::tr("The %1 key in force cannot use %2: it is not in the key's model list.")
                                        .arg(provider->name, catalog.model(*model)->name));
                f.needsConfirmation = true; // forcing it is the administrator's call
                return f;
            }
            if (Status s = m_db->audit(
                    Settings::model(slot.id),
                    QStringLiteral("%1 forced: not in the %2 key's model list").arg(*model, provider->name));
                !s)
                return s;
        }
        return success();
    });
}

Result<bool> Ledger::usageSince(qint64 at)
{
    // Through the day totals (by their key) to the tenants with usage then, and through the rate limit's index to
    // their events: no scan of the events. Two days cover the longest local day.
    constexpr qint64 twoDaysMs = 2 * 86400000LL;
    if (at < std::numeric_limits<qint64>::min() + twoDaysMs)
        return m_usage.hasUsage();
    QSqlQuery& q = m_db->query(
        QStringLiteral("SELECT EXISTS (SELECT 1 FROM usage_events e WHERE e.tenant IN (SELECT d.tenant FROM "
                       "usage_daily d WHERE d.day_start >= ?) AND e.billing IN ('credits', 'byok') AND "
                       "e.occurred_at >= ?)"));
    q.bindValue(0, at - twoDaysMs);
    q.bindValue(1, at);
    const auto found = Sql::number(q, Words::tr("reading usage"));
    if (!found)
        return found.failure();
    return found.value() != 0;
}

Result<CalendarChoice> Ledger::chooseCalendarNow(const LedgerSettings& settings, int anchorDay, const QString& timeZone)
{
    for (const auto& [name, value] :
         {std::pair{Settings::anchorDay(), QString::number(anchorDay)}, std::pair{Settings::timeZone(), timeZone}})
        if (const auto problem = Settings::declaration(m_db->catalog(), name)->problem(value))
            return badInput(*problem);
    const CalendarHistory history{settings.firstAnchorDay, settings.firstTimeZone, settings.calendarChanges};
    std::optional<Failure> failed;
    CalendarChoice choice = chooseCalendar(history, anchorDay, timeZone, m_db->now(), [&](qint64 at) {
        const auto found = failed ? Result<bool>(true) : usageSince(at);
        if (!found)
            failed = found.failure();
        return !found || found.value();
    });
    if (failed)
        return *failed;
    return choice;
}

Result<CalendarChoice> Ledger::previewBillingCalendar(int anchorDay, const QString& timeZone)
{
    if (Status s = m_db->requireMember(); !s)
        return s.failure();
    // As setBillingCalendar does, so that the two agree; without waiting (a busy ledger leaves them where they are).
    m_usage.settleRecordedDuringImport(false);
    const auto scope = readScope();
    const auto settings = m_settings.load();
    if (!settings)
        return settings.failure();
    return chooseCalendarNow(settings.value(), anchorDay, timeZone);
}

Result<ModelChangePreview> Ledger::previewSlotModel(const QString& slot, const QString& model)
{
    const Catalog& catalog = m_db->catalog();
    ModelChangePreview p;
    p.slot = catalog.modelSlot(slot);
    if (!p.slot)
        return badInput(Words::tr("Unknown model slot %1; expected content or analysis.").arg(Text::quoted(slot)));
    if (const auto problem = Settings::declaration(catalog, Settings::model(slot))->problem(model))
        return badInput(*problem);
    p.next = catalog.model(model);
    const auto scope = readScope();
    const auto settings = m_settings.load();
    if (!settings)
        return settings.failure();
    p.current = catalog.model(settings->slotModels.value(slot));
    const auto running = m_usage.report(std::nullopt, std::nullopt);
    if (!running)
        return running.failure();
    const qint64 now = m_db->now();
    const QDate today = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC).date(); // prices take effect on UTC days
    p.currentPrice = p.current->priceOn(today);
    p.nextPrice = p.next->priceOn(today);
    const qint64 days = CreditRules::modelChangeWindowDays;
    const auto runs = m_usage.runsBetween(now - days * 86400000LL, now + 1);
    if (!runs)
        return runs.failure();
    QVector<CreditRules::RecentRuns> slotRuns;
    for (const ActionUsage& u : runs.value()) {
        const Action* a = catalog.action(u.action);
        if (a && a->slot == slot)
            slotRuns.append({a, u.runs - u.byokRuns, u.credits, u.byokRuns});
    }
    const CreditRules::Forecast pace = running->forecast.value_or(CreditRules::Forecast{});
    p.change = CreditRules::modelChange(slotRuns, *p.current, *p.next, days, pace, running->remaining, now,
                                        running->period.end);
    p.runsOutAtNow = pace.runsOutAt;
    p.remaining = running->remaining;
    p.resetsAt = running->period.end;
    p.timeZone = running->timeZone;
    return p;
}

Status Ledger::storeCalendar(const CalendarHistory& history)
{
    if (m_db->isPostgres()) {
        // The ledger's function checks that no recorded usage changes its day or period.
        QJsonArray changes;
        for (const CalendarChange& c : history.changes)
            changes.append(QJsonObject{{QStringLiteral("at"), QString::number(c.at)},
                                       {QStringLiteral("anchor"), c.anchorDay},
                                       {QStringLiteral("zone"), c.timeZone}});
        QSqlQuery& q = m_db->query(QStringLiteral("SELECT ai_settings.set_calendar(?, ?, ?)"));
        q.bindValue(0, history.firstAnchorDay);
        q.bindValue(1, history.firstTimeZone);
        q.bindValue(2, QString::fromUtf8(QJsonDocument(changes).toJson(QJsonDocument::Compact)));
        return Sql::exec(q, Words::tr("changing the billing period"));
    }
    if (Status s = Sql::execText(m_db->handle(), QStringLiteral("DELETE FROM calendar_changes"),
                                 Words::tr("changing the billing period"));
        !s)
        return s;
    qint64 seq = 0;
    CalendarChange before{0, history.firstAnchorDay, history.firstTimeZone};
    for (const CalendarChange& c : history.changes) {
        QSqlQuery& q = m_db->query(QStringLiteral("INSERT INTO calendar_changes (seq, at, from_anchor, from_zone, "
                                                  "to_anchor, to_zone) VALUES (?, ?, ?, ?, ?, ?)"));
        for (const QVariant& v : QVariantList{++seq, c.at, before.anchorDay, before.timeZone, c.anchorDay, c.timeZone})
            q.addBindValue(v);
        if (Status s = Sql::exec(q, Words::tr("changing the billing period")); !s)
            return s;
        before = c;
    }
    QSqlQuery& q = m_db->query(QStringLiteral("UPDATE settings SET value = ? WHERE name = ?"));
    for (const auto& [name, value] : {std::pair{Settings::anchorDay(), QString::number(history.anchorDay())},
                                      std::pair{Settings::timeZone(), history.timeZone()}}) {
        q.bindValue(0, value);
        q.bindValue(1, name);
        if (Status s = Sql::exec(q, Words::tr("changing the billing period")); !s)
            return s;
    }
    return success();
}

Result<CalendarChoice> Ledger::setBillingCalendar(int anchorDay, const QString& timeZone)
{
    // The choice depends on the running period's usage: events a killed import left beside a SQLite ledger are
    // the ledger's (acknowledged to their recorders), so they join it first.
    if (Status s = m_usage.settleRecordedDuringImport(); !s)
        return s.failure();
    CalendarChoice choice;
    const Status done = m_db->administer(Words::tr("Changing the billing period"), [&]() -> Status {
        const auto settings = m_settings.load();
        if (!settings)
            return settings.failure();
        auto chosen = chooseCalendarNow(settings.value(), anchorDay, timeZone);
        if (!chosen)
            return chosen.failure();
        choice = std::move(chosen).value();
        if (choice.movesUsage) {
            const auto calendar = m_settings.calendar(settings.value());
            if (!calendar)
                return calendar.failure();
            const qint64 reset = calendar.value()->containing(m_db->now()).end;
            return refused(Words::tr("Usage is recorded after %1, when the new billing period would start; it "
                                     "can change only where nothing is recorded yet.")
                               .arg(IsoTime::format(reset, calendar.value()->calendarAt(reset - 1).zone())));
        }
        const CalendarHistory before{settings->firstAnchorDay, settings->firstTimeZone, settings->calendarChanges};
        if (choice.history == before)
            return success();
        if (Status s = storeCalendar(choice.history); !s)
            return s;
        // Audited as "OLD -> NEW", dated when it waits for its reset.
        const QString from =
            choice.startsAt && !choice.atOnce
                ? QStringLiteral(" (from %1)")
                      .arg(QDateTime::fromMSecsSinceEpoch(*choice.startsAt, QTimeZone(timeZone.toUtf8()))
                               .date()
                               .toString(Qt::ISODate))
                : QString();
        for (const auto& [name, old, now] :
             {std::tuple{Settings::anchorDay(), QString::number(settings->anchorDay), QString::number(anchorDay)},
              std::tuple{Settings::timeZone(), settings->timeZone, timeZone}})
            if (old != now)
                if (Status s = m_db->audit(name, QStringLiteral("%1 -> %2%3").arg(old, now, from)); !s)
                    return s;
        return success();
    });
    if (!done)
        return done.failure();
    return choice;
}

Status Ledger::removeTenant(const QString& id)
{
    return m_db->administer(Words::tr("Removing a tenant"), [&]() -> Status {
        if (Status s = m_directory.deleteTenant(id); !s)
            return s;
        return m_keys.deleteTenantKeys(id);
    });
}
