#include "ledger/SettingsStore.h"

#include "ledger/SqlSupport.h"
#include "support/IsoTime.h"
#include "support/Text.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTimeZone>

#include <limits>

namespace {
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(SettingsStore)
};
} // namespace

SettingsStore::SettingsStore(Database& db) : m_db(db), m_declared(Settings::declarations(db.catalog())) {}

const SettingDeclaration* SettingsStore::declaration(const QString& name) const
{
    for (const SettingDeclaration& d : m_declared)
        if (d.name == name)
            return &d;
    return nullptr;
}

Result<LedgerSettings> SettingsStore::current()
{
    if (Status s = m_db.requireMember(); !s)
        return s.failure();
    // Read again each time, outside a read scope: another connection (another program, the page's reader) may
    // have changed them since; inside one, its memo answers (load).
    return load();
}

Result<LedgerSettings> SettingsStore::load()
{
    if (const LedgerSettings* known = m_inScope.find(m_db, 0))
        return *known;
    auto loaded = read();
    if (loaded)
        m_inScope.keep(m_db, 0, loaded.value());
    return loaded;
}

Result<LedgerSettings> SettingsStore::read()
{
    QSqlQuery& q = m_db.query(QStringLiteral("SELECT name, value FROM settings"));
    if (Status s = Sql::exec(q, Words::tr("reading settings")); !s)
        return s.failure();
    QHash<QString, QString> stored;
    while (q.next())
        stored.insert(q.value(0).toString(), q.value(1).toString());
    q.finish();
    const Catalog& catalog = m_db.catalog();
    // A value a declaration no longer accepts (a model retired from the catalog, say) reads as its initial value.
    const auto value = [&](const QString& name) {
        const SettingDeclaration* d = declaration(name);
        const QString v = stored.value(name, d->initial);
        return d->problem(v) ? d->initial : v;
    };
    LedgerSettings settings;
    const QString planId = stored.value(Settings::plan());
    settings.plan = catalog.plan(planId);
    if (!settings.plan)
        return unavailable(
            Words::tr("The database names plan %1, which this version does not know.").arg(Text::quoted(planId)));
    for (const Slot& slot : catalog.modelSlots())
        settings.slotModels.insert(slot.id, value(Settings::model(slot.id)));
    settings.anchorDay = value(Settings::anchorDay()).toInt();
    settings.timeZone = value(Settings::timeZone());
    settings.installId = stored.value(Settings::installId());
    for (const Provider& p : catalog.providers())
        if (const QString url = stored.value(Settings::baseUrl(p.id)); !url.isEmpty())
            settings.providerBaseUrls.insert(p.id, url);
    QSqlQuery& changes = m_db.query(QStringLiteral("SELECT at, from_plan, to_plan FROM plan_changes ORDER BY seq"));
    if (Status s = Sql::exec(changes, Words::tr("reading the plan history")); !s)
        return s.failure();
    while (changes.next())
        settings.planChanges.append(
            {changes.value(0).toLongLong(), changes.value(1).toString(), changes.value(2).toString()});
    changes.finish();
    settings.firstAnchorDay = settings.anchorDay;
    settings.firstTimeZone = settings.timeZone;
    QSqlQuery& calendars = m_db.query(
        QStringLiteral("SELECT at, from_anchor, from_zone, to_anchor, to_zone FROM calendar_changes ORDER BY at"));
    if (Status s = Sql::exec(calendars, Words::tr("reading the billing period's history")); !s)
        return s.failure();
    while (calendars.next()) {
        if (settings.calendarChanges.isEmpty()) {
            settings.firstAnchorDay = calendars.value(1).toInt();
            settings.firstTimeZone = calendars.value(2).toString();
        }
        settings.calendarChanges.append(
            {calendars.value(0).toLongLong(), calendars.value(3).toInt(), calendars.value(4).toString()});
    }
    calendars.finish();
    settings.planNow = settings.plan;
    if (const auto cal = calendar(settings))
        settings.planNow = planInForce(catalog, settings, cal.value()->containing(m_db.now()), m_db.now()).plan;
    return settings;
}

Status SettingsStore::write(const QList<QPair<QString, QString>>& values)
{
    for (const auto& [name, value] : values) {
        const SettingDeclaration* d = declaration(name);
        if (!d || !d->writable)
            return badInput(Words::tr("%1 is not a setting that can be changed.").arg(Text::quoted(name)));
        if (const auto problem = d->problem(value))
            return badInput(*problem);
        // The role its declaration asks for, whoever called (an Owner's setting, the plan, needs an Owner).
        const auto role = m_db.roleOf(m_db.userName());
        if (!role)
            return role.failure();
        if (!role.value() || !Settings::mayChange(*d, *role.value()))
            return refused(
                Words::tr("Changing %1 needs the %2 role.")
                    .arg(d->label, d->role == Role::Owner ? roleLabel(Role::Owner) : Words::tr("Owner or Admin")));
        QSqlQuery& old = m_db.query(QStringLiteral("SELECT value FROM settings WHERE name = ?"));
        old.bindValue(0, name);
        if (Status s = Sql::exec(old, Words::tr("reading settings")); !s)
            return s;
        const QString before = old.next() ? old.value(0).toString() : QString();
        old.finish();
        if (before == value)
            continue; // unchanged: nothing to write, nothing for the trail ("UTC -> UTC")
        const bool remove = value.isEmpty() && d->emptyRemoves;
        const bool guarded = m_db.isPostgres(); // a shared ledger's functions write it (PostgresGuard)
        QSqlQuery& q =
            remove ? m_db.query(guarded ? QStringLiteral("SELECT ai_settings.remove_setting(?)")
                                        : QStringLiteral("DELETE FROM settings WHERE name = ?"))
                   : m_db.query(guarded ? QStringLiteral("SELECT ai_settings.put_setting(?, ?)")
                                        : QStringLiteral("INSERT INTO settings (name, value) VALUES (?, ?) "
                                                         "ON CONFLICT (name) DO UPDATE SET value = excluded.value"));
        q.bindValue(0, name);
        if (!remove)
            q.bindValue(1, value);
        if (Status s = Sql::exec(q, Words::tr("saving settings")); !s)
            return s;
        if (name == Settings::plan() && before != value) {
            // Dated, because a period's allocation is the plan in force then (PlanHistory).
            // Numbered in order, because two changes can fall in the same millisecond.
            QSqlQuery& change =
                m_db.query(guarded ? QStringLiteral("SELECT ai_settings.record_plan_change(?, ?, ?)")
                                   : QStringLiteral("INSERT INTO plan_changes (seq, at, from_plan, to_plan) "
                                                    "SELECT COALESCE(MAX(seq), 0) + 1, ?, ?, ? FROM plan_changes"));
            change.bindValue(0, m_db.now());
            change.bindValue(1, before);
            change.bindValue(2, value);
            if (Status s = Sql::exec(change, Words::tr("dating the plan change")); !s)
                return s;
        }
        const auto shown = [](const QString& v) { return v.isEmpty() ? QStringLiteral("default") : v; };
        if (Status s = m_db.audit(name, QStringLiteral("%1 -> %2").arg(shown(before), shown(value))); !s)
            return s;
    }
    return success();
}

Status SettingsStore::setPlan(const QString& planIdOrName)
{
    const Plan* plan = m_db.catalog().plan(planIdOrName);
    // Plans are named by id or name; the declaration checks the id that is stored.
    const QString id = plan ? plan->id : planIdOrName;
    if (const auto problem = declaration(Settings::plan())->problem(id))
        return badInput(*problem);
    return m_db.administer(
        Words::tr("Changing the plan"),
        [&] {
            return write({{Settings::plan(), id}});
        },
        true);
}

Status SettingsStore::setProviderBaseUrl(const QString& provider, const QString& url)
{
    if (!m_db.catalog().provider(provider))
        return m_db.catalog().unknownProvider(provider);
    if (const auto problem = declaration(Settings::baseUrl(provider))->problem(url))
        return badInput(*problem);
    return m_db.administer(Words::tr("Changing provider addresses"), [&] {
        return write({{Settings::baseUrl(provider), url}});
    });
}

Result<const BillingCalendar*> SettingsStore::calendar(const LedgerSettings& settings)
{
    if (!m_calendar || m_calendar->changes() != settings.calendarChanges ||
        m_calendar->calendarAt(std::numeric_limits<qint64>::min()).anchorDay() != settings.firstAnchorDay ||
        m_calendar->calendarAt(std::numeric_limits<qint64>::min()).zone().id() != settings.firstTimeZone.toUtf8()) {
        QVector<std::pair<int, QString>> calendars{{settings.firstAnchorDay, settings.firstTimeZone}};
        for (const CalendarChange& c : settings.calendarChanges)
            calendars.append({c.anchorDay, c.timeZone});
        for (const auto& [day, zone] : calendars)
            if (!QTimeZone(zone.toUtf8()).isValid() || !BillingCalendar::isValidAnchorDay(day))
                return unavailable(Words::tr("The database's billing period (day %1, zone %2) is not valid.")
                                       .arg(day)
                                       .arg(Text::escaped(zone)));
        m_calendar = std::make_unique<BillingCalendar>(
            settings.firstAnchorDay, QTimeZone(settings.firstTimeZone.toUtf8()), settings.calendarChanges);
    }
    return m_calendar.get();
}

Result<SettingsStore::Snapshot> SettingsStore::snapshot()
{
    auto settings = load();
    if (!settings)
        return settings.failure();
    const auto cal = calendar(settings.value());
    if (!cal)
        return cal.failure();
    return Snapshot{std::move(settings).value(), cal.value()};
}

Result<BillingPeriod> SettingsStore::period(const std::optional<QString>& periodId)
{
    const auto settings = load();
    if (!settings)
        return settings.failure();
    return periodFor(settings.value(), periodId);
}

Result<BillingPeriod> SettingsStore::periodFor(const LedgerSettings& settings, const std::optional<QString>& periodId)
{
    const auto cal = calendar(settings);
    if (!cal)
        return cal.failure();
    const BillingCalendar& calendar = *cal.value();
    if (!periodId)
        return calendar.containing(m_db.now());
    static const QRegularExpression pattern(
        QRegularExpression::anchoredPattern(QStringLiteral("(\\d{4})-(\\d{2})(-\\d{2})?")));
    const QRegularExpressionMatch m = pattern.match(*periodId);
    const int month = m.hasMatch() ? m.captured(2).toInt() : 0;
    if (month < 1 || month > 12)
        return badInput(Words::tr("The period %1 is not a month like 2026-11.").arg(Text::quoted(*periodId)));
    // Usage begins in 2000 (DESIGN.md §1); earlier months have no usage and no meaningful reset date.
    if (m.captured(1).toInt() < 2000)
        return badInput(
            Words::tr("The period %1 is before 2000-01, when usage records begin.").arg(Text::quoted(*periodId)));
    if (m.hasCaptured(3)) {
        // The short period a change of calendar leaves is named by its first day.
        const QDate day = QDate::fromString(*periodId, Qt::ISODate);
        const auto period = day.isValid() ? calendar.startingOn(day) : std::nullopt;
        if (!period)
            return badInput(Words::tr("No billing period starts on %1.").arg(Text::quoted(*periodId)));
        return *period;
    }
    return calendar.startingIn(m.captured(1).toInt(), month);
}

Result<QString> SettingsStore::currentPeriodId()
{
    const auto settings = current();
    if (!settings)
        return settings.failure();
    const auto period = periodFor(settings.value(), std::nullopt);
    if (!period)
        return period.failure();
    return period->id();
}

Result<qint64> SettingsStore::momentFrom(const QString& dateOrTime)
{
    if (const auto at = IsoTime::parse(dateOrTime))
        return *at;
    const QDate date = QDate::fromString(dateOrTime, Qt::ISODate);
    if (!date.isValid() || dateOrTime.size() != 10)
        return badInput(Words::tr("%1 is not a date like 2026-11-01 or a time like 2026-11-01T09:00:00Z.")
                            .arg(Text::quoted(dateOrTime)));
    const auto cal = snapshot();
    if (!cal)
        return cal.failure();
    return cal->calendar->localDayStart(date);
}
