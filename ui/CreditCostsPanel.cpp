#include "CreditCostsPanel.h"

#include "CreditRules.h"
#include "Session.h"
#include "Tables.h"

#include <QTableWidget>
#include <QVBoxLayout>

namespace Ui {

CreditCostsPanel::CreditCostsPanel(Session& session, QWidget* parent)
    : QGroupBox(tr("Credit costs"), parent), m_session(session),
      m_table(Tables::create({tr("Action"), tr("Description"), tr("Base"), tr("Costs now")}, 1, this))
{
    setObjectName(QStringLiteral("creditCostsPanel"));
    m_table->setObjectName(QStringLiteral("creditCostsTable"));
    m_table->setAccessibleName(tr("Credit cost of each action"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
}

void CreditCostsPanel::showTenant(const QString& tenant)
{
    const Catalog& catalog = m_session.catalog();
    const auto settings = m_session.ledger().settings();
    QList<QStringList> rows;
    for (const Action& a : catalog.actions()) {
        const Model* model = a.slot.isEmpty() || !settings ? nullptr : catalog.model(settings->slotModels.value(a.slot));
        const int credits = CreditRules::cost(a, model);
        QString now = credits == 1 ? tr("1 credit") : tr("%1 credits").arg(credits);
        if (model)
            now += model->multiplier != 1 ? tr(" (%1, ×%2)").arg(model->name).arg(model->multiplier)
                                          : tr(" (%1)").arg(model->name);
        const auto key = m_session.ledger().keyStatus(tenant, a.provider);
        if (key && key->source != KeySource::Credits && key->record.state == KeyState::Active)
            now = tr("0 credits (your %1 key; %2 otherwise)").arg(catalog.provider(a.provider)->name).arg(credits);
        rows << QStringList{a.name, a.description, QString::number(a.baseCredits), now};
    }
    Tables::fill(m_table, rows, {2});
}

} // namespace Ui
