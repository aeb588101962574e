#include "ledger/Ledger.h"

#include "ledger/SqlSupport.h"
#include "ledger/UsageTotals.h"
#include "support/Text.h"

#include <QCoreApplication>

namespace {
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(Ledger)
};
} // namespace

Ledger::Ledger(std::unique_ptr<Database> db)
    : m_db(std::move(db)), m_settings(*m_db), m_directory(*m_db), m_keys(*m_db, m_settings, m_directory),
      m_usage(*m_db, m_settings, m_directory, m_keys), m_audit(*m_db)
{
}

Result<std::unique_ptr<Ledger>> Ledger::open(const QString& location, const Catalog& catalog, const QString& userName,
                                             int openWaitMs)
{
    auto db = Database::open(location, catalog, userName, openWaitMs);
    if (!db)
        return db.failure();
    return std::unique_ptr<Ledger>(new Ledger(std::move(db).value()));
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

Status Ledger::setBillingCalendar(int anchorDay, const QString& timeZone)
{
    return m_db->administer(Words::tr("Changing the billing period"), [&]() -> Status {
        if (Status s = m_settings.write(
                {{Settings::anchorDay(), QString::number(anchorDay)}, {Settings::timeZone(), timeZone}});
            !s)
            return s;
        const auto updated = m_settings.load();
        if (!updated)
            return updated.failure();
        const auto calendar = m_settings.calendar(updated.value());
        if (!calendar)
            return calendar.failure();
        // A shared ledger's function counts the totals again, as its owning role.
        if (m_db->isPostgres())
            return Sql::execText(m_db->handle(), QStringLiteral("SELECT ai_settings.rebuild_totals()"),
                                 Words::tr("counting the totals again"));
        return UsageTotals::rebuild(m_db->handle(), *calendar.value());
    });
}

Status Ledger::removeTenant(const QString& id)
{
    return m_db->administer(Words::tr("Removing a tenant"), [&]() -> Status {
        if (Status s = m_directory.deleteTenant(id); !s)
            return s;
        return m_keys.deleteTenantKeys(id);
    });
}
